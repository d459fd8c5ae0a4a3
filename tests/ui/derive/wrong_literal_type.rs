use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = 42)]
struct Person {
    description: Option<String>,
}

fn main() {}

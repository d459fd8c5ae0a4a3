use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "People")]
struct Person {
    description: Option<String>,
}

fn main() {}

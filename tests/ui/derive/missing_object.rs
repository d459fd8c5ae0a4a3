use attio_core::AttioRecord;

#[derive(AttioRecord)]
struct Person {
    description: Option<String>,
}

fn main() {}

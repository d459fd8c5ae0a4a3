use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(objct = "people")]
struct Person {
    description: Option<String>,
}

fn main() {}

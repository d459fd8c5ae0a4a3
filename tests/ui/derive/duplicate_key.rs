use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people", object = "companies")]
struct Person {
    description: Option<String>,
}

fn main() {}

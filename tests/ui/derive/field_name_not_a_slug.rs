use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
#[allow(non_snake_case)]
struct Person {
    jobTitle: Option<String>,
}

fn main() {}

use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    description: Option<String>,
    #[attio(rename = "description")]
    summary: Option<String>,
}

fn main() {}

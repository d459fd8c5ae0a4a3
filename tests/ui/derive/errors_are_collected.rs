// One build shows every mistake, not just the first.
use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(objekt = "people")]
struct Person {
    #[attio(rename = "Bad Slug")]
    description: Option<String>,
    #[attio(unique, read_only)]
    job_title: Option<String>,
}

fn main() {}

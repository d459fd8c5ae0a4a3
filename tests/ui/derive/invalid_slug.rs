use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    #[attio(rename = "Job Title")]
    job_title: Option<String>,
}

fn main() {}

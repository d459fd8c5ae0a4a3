use attio_core::AttioRecord;
use attio_core::values::Timestamp;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    #[attio(read_only = true)]
    created_at: Option<Timestamp>,
}

fn main() {}

// An entry model names its list only: the parent record's object comes with each entry.
use attio_core::AttioEntry;
use attio_core::values::Status;

#[derive(AttioEntry)]
#[attio(list = "sales", object = "companies")]
struct Deal {
    stage: Option<Status>,
}

fn main() {}

// `object` belongs to record models; an entry model names its list.
use attio_core::AttioEntry;
use attio_core::values::Status;

#[derive(AttioEntry)]
#[attio(object = "companies")]
struct Deal {
    stage: Option<Status>,
}

fn main() {}

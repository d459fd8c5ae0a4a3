// An entry model must name its list.
use attio_core::AttioEntry;
use attio_core::values::Status;

#[derive(AttioEntry)]
struct Deal {
    stage: Option<Status>,
}

fn main() {}

// `list` belongs to entry models; a record model names its object.
use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(list = "sales")]
struct Company {
    name: Option<String>,
}

fn main() {}

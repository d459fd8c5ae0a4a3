// A record model cannot also be a list's entry model.
use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "companies", list = "sales")]
struct Company {
    name: Option<String>,
}

fn main() {}

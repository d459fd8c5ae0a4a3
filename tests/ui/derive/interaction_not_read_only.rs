use attio_core::AttioRecord;
use attio_core::values::Interaction;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    last_interaction: Option<Interaction>,
}

fn main() {}

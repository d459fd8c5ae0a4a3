use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person(Option<String>);

fn main() {}

use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
enum Person {
    Named(String),
}

fn main() {}

use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    age: Option<u32>,
}

fn main() {}

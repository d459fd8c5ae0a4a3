use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person<T> {
    description: Option<T>,
}

fn main() {}

use attio_core::AttioRecord;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    #[attio(skip, rename = "notes")]
    scratch: u32,
}

fn main() {}

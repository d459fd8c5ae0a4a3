use attio_core::AttioRecord;

struct Cache;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    description: Option<String>,
    #[attio(skip)]
    cache: Cache,
}

fn main() {}

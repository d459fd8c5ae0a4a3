use attio_core::AttioRecord;
use attio_core::values::EmailAddress;

#[derive(AttioRecord)]
#[attio(object = "people")]
struct Person {
    #[attio(uniqe)]
    email_addresses: Vec<EmailAddress>,
}

fn main() {}

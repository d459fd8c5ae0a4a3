//! `assert_many` matches on a unique attribute only, like `assert`: `job_title` is not
//! `#[attio(unique)]`.

use attio_core::values::EmailAddress;
use attio_core::{AttioRecord, Client};

#[derive(AttioRecord)]
#[attio(object = "people")]
pub struct Person {
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    pub job_title: Option<String>,
}

fn upsert_all(client: &Client, people: Vec<Person>) {
    let _ = client.assert_many(people, |p| p.job_title);
}

fn main() {
    let _ = upsert_all;
}

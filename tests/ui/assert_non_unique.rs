//! `assert` matches on a unique attribute only: `job_title` is not `#[attio(unique)]`.

use attio_core::values::EmailAddress;
use attio_core::{AttioRecord, Client};

#[derive(AttioRecord)]
#[attio(object = "people")]
pub struct Person {
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    pub job_title: Option<String>,
}

async fn upsert(client: &Client, person: &Person) {
    let _ = client.assert(person, |p| p.job_title).await;
}

fn main() {
    let _ = upsert;
}

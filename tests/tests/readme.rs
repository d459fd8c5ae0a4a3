//! Compiles every ```rust block of README.md (copied by `build.rs`), with the models and
//! variables the fragments use declared here.
#![allow(dead_code)]

use attio_core::values::{Domain, EmailAddress, Location, PersonalName, PhoneNumber, Timestamp};
use attio_core::{AttioRecord, Client, RecordRef};
use uuid::Uuid;

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
pub struct Company {
    #[attio(unique)]
    pub domains: Vec<Domain>,
    pub name: Option<String>,
}

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct Person {
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    pub name: Option<PersonalName>,
    pub job_title: Option<String>,
    pub company: Option<RecordRef<Company>>,
    pub phone_numbers: Vec<PhoneNumber>,
    pub primary_location: Option<Location>,
    #[attio(rename = "linkedin")]
    pub linkedin_url: Option<String>,
    #[attio(read_only)]
    pub created_at: Option<Timestamp>,
}

include!(concat!(env!("OUT_DIR"), "/readme_snippets.rs"));

#[test]
fn the_readme_has_rust_snippets() {
    // They compiled, or this file would not have: see build.rs.
    const { assert!(SNIPPETS >= 7, "README.md lost its Rust snippets") };
}

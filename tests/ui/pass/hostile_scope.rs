// The expansion must use absolute paths: everything it could name is shadowed here.
#![deny(warnings)]
#![deny(missing_docs)]
#![allow(dead_code)]
//! Hostile scope.

/// Shadows `core::result::Result`.
pub struct Result;
/// Shadows `core::option::Option`.
pub struct Option;
/// Shadows `Option::Some`.
pub struct Some;
/// Shadows `Option::None`.
pub struct None;
/// Shadows `Result::Ok`.
pub struct Ok;
/// Shadows `Result::Err`.
pub struct Err;
/// Shadows `std::vec::Vec`.
pub struct Vec;
/// Shadows `std::string::String`.
pub struct String;
/// Shadows `Default`.
pub trait Default {}
/// Shadows `Clone`.
pub trait Clone {}
/// Shadows `From`.
pub trait From {}
/// Shadows `Into`.
pub trait Into {}
/// Shadows `Box`.
pub struct Box;
/// A module named like the runtime's plumbing.
pub mod serde {}
/// A module named like the runtime.
pub mod attio_core {}

use ::attio_core::values::{EmailAddress, Timestamp};
use ::attio_core::{AttioEntry, AttioRecord, RecordRef};

/// A company.
#[derive(AttioRecord)]
#[attio(object = "companies")]
pub struct Company {
    /// Its name.
    pub name: ::core::option::Option<::std::string::String>,
}

/// A person.
#[derive(AttioRecord)]
#[attio(object = "people")]
pub struct Person {
    /// Unique emails.
    #[attio(unique)]
    pub email_addresses: ::std::vec::Vec<EmailAddress>,
    /// A required text.
    pub description: ::std::string::String,
    /// Optional text.
    #[attio(rename = "job_title")]
    pub title: ::core::option::Option<::std::string::String>,
    /// A reference.
    pub company: ::core::option::Option<RecordRef<Company>>,
    /// Read only.
    #[attio(read_only)]
    pub created_at: ::core::option::Option<Timestamp>,
    /// Skipped.
    #[attio(skip)]
    pub local: u32,
}

/// Only read-only fields: the update has nothing to set.
#[derive(AttioRecord)]
#[attio(object = "deals")]
pub struct Audit {
    /// Read only.
    #[attio(read_only)]
    pub created_at: ::core::option::Option<Timestamp>,
}

/// An entry of a list.
#[derive(AttioEntry)]
#[attio(list = "sales")]
pub struct Deal {
    /// A required text.
    pub name: ::std::string::String,
    /// Optional text.
    #[attio(rename = "notes")]
    pub note: ::core::option::Option<::std::string::String>,
    /// A multiselect.
    pub people: ::std::vec::Vec<RecordRef<Person>>,
    /// Read only.
    #[attio(read_only)]
    pub created_at: ::core::option::Option<Timestamp>,
}

fn main() {
    let _ = <Person as ::attio_core::AttioRecord>::OBJECT;
    let _ = <Deal as ::attio_core::AttioEntry>::LIST;
    let _ = DealUpdate::default().note(::core::option::Option::None);
    let _ = PersonUpdate::default().title(::core::option::Option::Some(::std::string::String::from("CTO")));
    let _ = AuditUpdate::default();
}

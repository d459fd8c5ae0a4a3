// The enum's expansion uses absolute paths: everything it could name is shadowed here.
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
/// Shadows `From`.
pub trait From {}
/// Shadows `AsRef`.
pub trait AsRef {}
/// Shadows `Into`.
pub trait Into {}
/// A module named like the runtime's plumbing.
pub mod serde {}
/// A module named like the runtime.
pub mod attio_core {}

use ::attio_core::values::Tracked;
use ::attio_core::{AttioEntry, AttioEnum, AttioRecord, Filter};

/// A status.
#[derive(AttioEnum, Debug, PartialEq, Eq)]
#[attio(status)]
pub enum Stage {
    /// A lead.
    Lead,
    /// In progress.
    #[attio(title = "In Progress")]
    InProgress,
    /// Any other.
    #[attio(other)]
    Other(::std::string::String),
}

/// An option.
#[derive(AttioEnum, Debug, PartialEq, Eq)]
#[attio(select)]
pub enum Tag {
    /// Hot.
    Hot,
    /// Any other, in a boxed string.
    #[attio(other)]
    Other(::std::boxed::Box<str>),
}

/// A deal.
#[derive(AttioRecord)]
#[attio(object = "deals")]
pub struct Deal {
    /// Required.
    pub stage: Stage,
    /// A multiselect.
    pub tags: ::std::vec::Vec<Tag>,
    /// Tracked.
    pub previous: ::core::option::Option<Tracked<Stage>>,
}

/// An entry.
#[derive(AttioEntry)]
#[attio(list = "sales")]
pub struct Sale {
    /// Optional.
    pub stage: ::core::option::Option<Stage>,
}

fn main() {
    let d = Deal::attrs();
    let _: Filter<Deal> = d.stage.eq(Stage::Lead).and(d.tags.eq(Tag::Hot));
    let _: Filter<Deal> = d.previous.eq(Stage::InProgress);
    let _: Filter<Sale> = Sale::attrs().stage.active_from().gt(::chrono::Utc::now());
    let _ = SaleUpdate::default().stage(Stage::Other("Paused".into()));
    assert_eq!(<Tag as ::attio_core::AttioEnum>::from_title("Cold"), Tag::Other("Cold".into()));
    assert_eq!(<Stage as ::attio_core::AttioEnum>::TITLES, ["Lead", "In Progress"]);
}

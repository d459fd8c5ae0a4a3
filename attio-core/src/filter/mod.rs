//! Typed query filters and sorts, built from a model's attribute handles.
//!
//! [`Client::query`](crate::Client::query) hands the closures of
//! [`Query::filter`](crate::Query::filter) and [`Query::sort`](crate::Query::sort) the
//! model's [`Attr`] handles (`PersonAttrs` for `Person`). Each handle offers the operators
//! Attio supports for its attribute type, and only those: a text attribute has
//! `contains`, a number has `gt`, a phone number has neither `gt` nor `in_`, and a mistake is
//! a compile error rather than a 400 `filter_error`. Filters serialize to Attio's verbose
//! syntax (`{"name":{"full_name":{"$eq":"Ada Lovelace"}}}`).
//!
//! | value type | operators on the attribute | property accessors |
//! |---|---|---|
//! | `String` (text) | `eq` `in_` `contains` `starts_with` `ends_with` | |
//! | `f64`, `i64`, [`Decimal`], [`Currency`], [`Date`], [`Timestamp`] | `eq` `gt` `gte` `lt` `lte` | |
//! | [`Rating`] | `eq` `gt` `gte` `lt` `lte` (with a [`Rating`], checked to 0..=5 when built) | |
//! | `bool` | `eq` | |
//! | [`Status`], [`SelectOption`] | `eq(title_or_id)` | `active_from()` |
//! | a select or status enum ([`AttioEnum`]) | `eq(variant)`, with the attribute's own enum only | `active_from()` |
//! | [`RecordRef<T>`] | `eq(record_id)` `in_(record_ids)` | |
//! | [`ActorRef`] | `eq(workspace_member_id)` | |
//! | [`EmailAddress`] | `eq` `contains` `starts_with` `ends_with` (on `email_address`) | `email_address()` `original_email_address()` `email_domain()` `email_root_domain()` `email_local_specifier()` |
//! | [`Domain`] | `eq` `contains` `starts_with` `ends_with` `is_not_empty` (on `domain`) | `domain()` `root_domain()` |
//! | [`PhoneNumber`] | `eq` `contains` `starts_with` `ends_with` (on `phone_number`) | `phone_number()` `country_code()` |
//! | [`PersonalName`] | `eq` `contains` `starts_with` `ends_with` `is_not_empty` (on `full_name`) | `first_name()` `last_name()` `full_name()` |
//! | [`Location`] | — | `line_1()`…`line_4()` `locality()` `region()` `postcode()` `country_code()` |
//! | [`Interaction`] | — | `interacted_at()` `interaction_type()` `owner_member_id()` |
//!
//! Combine with [`Filter::and`], [`Filter::or`], `!filter` (or [`Filter::not`]),
//! [`Filter::all`] and [`Filter::any`]; [`Filter::record_id_in`] matches record ids.
//!
//! ```
//! use attio_core::{AttioRecord, filter::Filter};
//! use attio_core::values::{EmailAddress, PersonalName, PhoneNumber};
//!
//! #[derive(AttioRecord)]
//! #[attio(object = "people")]
//! struct Person {
//!     #[attio(unique)]
//!     email_addresses: Vec<EmailAddress>,
//!     name: Option<PersonalName>,
//!     job_title: Option<String>,
//!     phone_numbers: Vec<PhoneNumber>,
//! }
//!
//! let p = Person::attrs();
//! let f: Filter<Person> = p.name.last_name().eq("Smith").and(!p.job_title.eq("CTO"));
//! assert_eq!(
//!     f.to_string(),
//!     r#"{"$and":[{"name":{"last_name":{"$eq":"Smith"}}},{"$not":{"job_title":{"$eq":"CTO"}}}]}"#
//! );
//! ```
//!
//! An operator the attribute's type does not support does not compile:
//!
//! ```compile_fail
//! # use attio_core::AttioRecord;
//! # use attio_core::values::PhoneNumber;
//! # #[derive(AttioRecord)]
//! # #[attio(object = "people")]
//! # struct Person { phone_numbers: Vec<PhoneNumber> }
//! let f = Person::attrs().phone_numbers.gt("+44");
//! ```
//!
//! A rating is compared with a [`Rating`], which cannot hold more than 5 stars: a bare
//! number does not compile.
//!
//! ```compile_fail
//! # use attio_core::AttioRecord;
//! # use attio_core::values::Rating;
//! # #[derive(AttioRecord)]
//! # #[attio(object = "companies")]
//! # struct Company { stars: Option<Rating> }
//! let f = Company::attrs().stars.gt(7);
//! ```
//!
//! ```
//! # use attio_core::AttioRecord;
//! # use attio_core::values::Rating;
//! # #[derive(AttioRecord)]
//! # #[attio(object = "companies")]
//! # struct Company { stars: Option<Rating> }
//! let f = Company::attrs().stars.gte(Rating::new(4)?);
//! assert_eq!(f.to_string(), r#"{"stars":{"$gte":4}}"#);
//! # Ok::<(), attio_core::Error>(())
//! ```
//!
//! The operator traits ([`EqOp`], [`InOp`], [`TextOp`], [`StartsWithOp`], [`OrdOp`],
//! [`NotEmptyOp`]) are sealed: the table above is the whole list of what implements them
//! (an enum's `EqOp` is written by `#[derive(AttioEnum)]`), and a type of your own cannot
//! gain an operator Attio would refuse:
//!
//! ```compile_fail
//! use attio_core::filter::EqOp;
//!
//! struct Mood;
//! impl EqOp for Mood {
//!     type Operand = String;
//!     fn eq_constraint(operand: String) -> serde_json::Value {
//!         serde_json::Value::String(operand)
//!     }
//! }
//! ```
//!
//! [`Attr`]: crate::Attr
//! [`Currency`]: crate::values::Currency
//! [`Decimal`]: crate::values::Decimal
//! [`Rating`]: crate::values::Rating
//! [`Date`]: crate::values::Date
//! [`Timestamp`]: crate::values::Timestamp
//! [`Status`]: crate::values::Status
//! [`SelectOption`]: crate::values::SelectOption
//! [`AttioEnum`]: crate::values::AttioEnum
//! [`ActorRef`]: crate::values::ActorRef
//! [`EmailAddress`]: crate::values::EmailAddress
//! [`Domain`]: crate::values::Domain
//! [`PhoneNumber`]: crate::values::PhoneNumber
//! [`PersonalName`]: crate::values::PersonalName
//! [`Location`]: crate::values::Location
//! [`Interaction`]: crate::values::Interaction
//! [`RecordRef<T>`]: crate::values::RecordRef

mod expr;
mod handle;
mod ops;
mod property;
mod sort;
#[cfg(test)]
mod tests;

pub use expr::Filter;
pub use ops::{EqOp, InOp, NotEmptyOp, OrdOp, StartsWithOp, TextOp};
pub use property::{
    ActiveFrom, Choice, CountryCode, MemberId, PhoneCountryCode, Property, Text, TextOrEmpty,
};
pub use sort::Sort;

//! One Rust type per Attio attribute type, with the read side (every shape the live API
//! sends) and the write side (the explicit form that cannot be misread).
//!
//! | Attio type | Rust type |
//! |---|---|
//! | text | [`String`] |
//! | number | [`f64`], [`i64`] |
//! | checkbox | [`bool`] |
//! | currency | [`Currency`] |
//! | date | [`Date`] |
//! | timestamp | [`Timestamp`] |
//! | rating | [`Rating`] |
//! | status | [`Status`] |
//! | select | [`SelectOption`] |
//! | record-reference | [`RecordRef<T>`](crate::RecordRef), [`AnyRecordRef`] |
//! | actor-reference | [`ActorRef`] |
//! | location | [`Location`] |
//! | domain | [`Domain`] |
//! | email-address | [`EmailAddress`] |
//! | phone-number | [`PhoneNumber`] |
//! | personal-name | [`PersonalName`] |
//! | interaction | [`Interaction`] (read only) |
//!
//! Any of them wrapped in [`Tracked<T>`] also keeps the value's `active_from`,
//! `active_until` and `created_by_actor`.
//!
//! # What is checked before a write
//!
//! Every value is checked before it is sent ([`WriteValue::validate`]), whether it was
//! built locally or read from Attio: a value read back is written in the form Attio
//! accepts (a [`Currency`] without its `currency_code`, a [`Status`] or [`SelectOption`] by
//! id, a [`PersonalName`] whose `full_name` follows an edited first or last name) and checked
//! like a new one (an [`EmailAddress`], [`Domain`] or [`PhoneNumber`] Attio holds but would
//! refuse today is refused, not re-sent).
//!
//! **Empty required values.** One rule: a required text (a model field of type `String`,
//! not `Option<String>`) that is empty or blank is refused before anything is sent, with an
//! [`Error::InvalidValue`](crate::Error::InvalidValue) naming the object and the attribute.
//! That includes a `String` key of an assert (`#[attio(unique)] user_id: String`). An
//! attribute that may be empty is an `Option<String>`.
//!
//! The traits [`AttioValue`], [`ReadValue`] and [`WriteValue`] are how the derive and the
//! client reach a value type; they are public so that their bounds show up in rustdoc and
//! compiler messages, but users rarely implement them.

use serde::Serializer;
use serde::de::{self, MapAccess};

use crate::error::ValueError;
use crate::schema::AttributeType;

mod actor_ref;
mod checkbox;
mod country;
mod currency;
mod date;
mod domain;
mod email;
mod envelope;
mod interaction;
mod location;
mod number;
mod personal_name;
mod phone;
mod rating;
mod record_ref;
mod rfc3339;
mod select;
mod status;
mod text;
mod tracked;
mod wire;

pub use actor_ref::ActorRef;
pub use currency::Currency;
pub use domain::Domain;
pub use email::EmailAddress;
pub use envelope::{Actor, ActorType, Envelope};
pub use interaction::{Interaction, InteractionType};
pub use location::Location;
pub use personal_name::PersonalName;
pub use phone::PhoneNumber;
pub use rating::Rating;
pub use record_ref::{AnyRecordRef, RecordRef, RecordTarget};
pub use select::{OptionId, SelectOption};
pub use status::{Status, StatusId};
pub use tracked::Tracked;

pub(crate) use rfc3339::FastTimestamp;

/// A calendar date (`date` attributes): `YYYY-MM-DD`.
pub type Date = chrono::NaiveDate;

/// A point in time (`timestamp` attributes), in UTC with nanoseconds kept.
pub type Timestamp = chrono::DateTime<chrono::Utc>;

/// A Rust type that holds the values of one Attio attribute type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio value type",
    label = "a model field must hold an Attio value type",
    note = "use one of the types of `attio_core::values` (String, f64, i64, bool, Currency, Date, Timestamp, Rating, Status, SelectOption, RecordRef<T>, AnyRecordRef, ActorRef, Location, Domain, EmailAddress, PhoneNumber, PersonalName, Interaction), optionally in `Tracked<…>`, inside `Option<…>` or `Vec<…>`; or mark the field `#[attio(skip)]`"
)]
pub trait AttioValue: Sized {
    /// The Attio attribute type this Rust type stands for.
    const TYPE: AttributeType;
    /// For record references: the slug of the target object.
    const TARGET_OBJECT: Option<&'static str> = None;
}

/// The read side: building a value from one read-side value object such as
/// `{"active_from": …, "active_until": null, "created_by_actor": {…},
///   "attribute_type": "email-address", "email_address": "a@b.com", …}`.
///
/// The envelope keys (`active_from`, `active_until`, `created_by_actor`, `attribute_type`)
/// are read by the caller; every other key is handed to [`ReadValue::read_field`], which must
/// consume the value (skip unknown keys with [`de::IgnoredAny`]). Decoding runs straight off
/// the response bytes: no intermediate `serde_json::Value`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not an Attio value type that can be read",
    label = "a model field must hold an Attio value type",
    note = "use one of the types of `attio_core::values`, optionally in `Tracked<…>`, inside `Option<…>` or `Vec<…>`; or mark the field `#[attio(skip)]`"
)]
pub trait ReadValue: AttioValue {
    /// Accumulates the type-specific keys of one value object.
    type Builder: Default;

    /// Whether [`ReadValue::finish`] needs the parsed envelope (`Tracked<T>` does); when
    /// false the caller skips parsing `active_from` and `created_by_actor`.
    const WANTS_ENVELOPE: bool = false;

    /// Reads the value of `key` (which is not an envelope key) into the builder.
    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Self::Builder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error>;

    /// Builds the value once the object has been read. Missing keys are
    /// `de::Error::missing_field` errors; keys the API sends as `null` where the spec says
    /// otherwise must be tolerated where the value still makes sense.
    fn finish<E: de::Error>(builder: Self::Builder, envelope: Envelope) -> Result<Self, E>;
}

/// The write side: the explicit write form of one value.
///
/// Read-only data (envelope metadata, `root_domain`, `email_domain`, …) is never written.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be written to Attio",
    label = "not a writable Attio value type",
    note = "values of read-only types such as `Interaction` are computed by Attio: mark the field `#[attio(read_only)]` to decode it without writing it",
    note = "any other field type must be one of the value types of `attio_core::values`"
)]
pub trait WriteValue: AttioValue {
    /// Serializes the write form, e.g. `{"first_name":…,"last_name":…,"full_name":…}`.
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error>;

    /// Refuses a value Attio would reject. Types whose constructors already check their
    /// invariants (and whose fields are private) keep the default.
    fn validate(&self) -> Result<(), ValueError> {
        Ok(())
    }

    /// Refuses a value that cannot stand for a required attribute (a model field of type `T`,
    /// not `Option<T>` or `Vec<T>`), checked after [`WriteValue::validate`]: an empty or
    /// blank text. `Ok` for every other type.
    #[doc(hidden)]
    fn __validate_required(&self) -> Result<(), ValueError> {
        Ok(())
    }

    /// The value as a records query filter matches it (`{"slug": key}`), for the types a
    /// unique attribute can hold and a lookup can find by: text, email addresses and
    /// domains (lower-cased, as Attio stores them) and numbers. `None` for every other
    /// type (a phone number is written as an object).
    #[doc(hidden)]
    fn __lookup_key(&self) -> Option<LookupKey> {
        None
    }
}

/// A value as a records query filter matches it; see [`WriteValue::__lookup_key`].
#[doc(hidden)]
#[derive(Debug, Clone, PartialEq)]
pub enum LookupKey {
    /// A JSON string.
    Text(String),
    /// A JSON integer.
    Integer(i64),
    /// A JSON number with a fraction.
    Float(f64),
}

impl serde::Serialize for LookupKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LookupKey::Text(s) => serializer.serialize_str(s),
            LookupKey::Integer(n) => serializer.serialize_i64(*n),
            LookupKey::Float(x) => serializer.serialize_f64(*x),
        }
    }
}

/// Serializes a value's write form through [`serde::Serialize`].
pub struct WriteForm<'a, V>(pub &'a V);

impl<V: WriteValue> serde::Serialize for WriteForm<'_, V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(serializer)
    }
}

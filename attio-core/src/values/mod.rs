//! One Rust type per Attio attribute type, with the read side (every shape the live API
//! sends) and the write side (the explicit form that cannot be misread).
//!
//! | Attio type | Rust type |
//! |---|---|
//! | text | [`String`] |
//! | number | [`f64`], [`i64`], [`Decimal`] (exact) |
//! | checkbox | [`bool`] |
//! | currency | [`Currency`] |
//! | date | [`Date`] |
//! | timestamp | [`Timestamp`] |
//! | rating | [`Rating`] |
//! | status | [`Status`], or an enum deriving [`AttioEnum`] with `#[attio(status)]` |
//! | select | [`SelectOption`], or an enum deriving [`AttioEnum`] with `#[attio(select)]` |
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
//! # Standard traits
//!
//! Beside the Attio wire forms, every value type implements `serde::Serialize` and
//! `serde::Deserialize` in a plain shape of its own, documented here, so that a model can
//! derive serde next to `AttioRecord` and round-trip through JSON, a cache or a queue:
//!
//! | type | plain shape |
//! |---|---|
//! | [`Currency`] | `{"value": "12.50", "currency_code": "USD"}` (the decimal as a string; read from a string or a number) |
//! | [`Decimal`] | `"12.50"` (rust_decimal's own impl; read from a string, or from a number) |
//! | [`EmailAddress`], [`Domain`] | the string, checked when read |
//! | [`PhoneNumber`] | `{"original_phone_number", "country_code", "phone_number"}`, checked when read |
//! | [`Rating`] | the number of stars, `0` to `5`, checked when read |
//! | [`SelectOption`] | `{"id": {"workspace_id", "object_id", "attribute_id", "option_id"} or null, "title", "is_archived"}` |
//! | [`Status`] | `{"id": {…, "status_id"} or null, "title", "is_archived", "celebration_enabled", "target_time_in_status"}` |
//! | [`PersonalName`] | `{"first_name", "last_name", "full_name"}` |
//! | [`Location`] | its ten fields, `null` when unset |
//! | [`RecordRef<T>`], [`AnyRecordRef`] | `{"target_object": "companies", "record_id": "<uuid>"}`, or `"domain"` / `"email_address"` in place of `record_id` for a reference by unique attribute; a `RecordRef<T>` refuses another object |
//! | [`ActorRef`] | `{"referenced_actor_type", "referenced_actor_id", "workspace_member_email_address"}` |
//! | [`Interaction`] | `{"interaction_type", "interacted_at", "owner_actor": {"type", "id"}}` |
//! | [`Tracked<T>`] | `{"value": <T's shape>, "active_from", "active_until", "created_by_actor"}` |
//!
//! Text, numbers, checkboxes, dates and timestamps are Rust and chrono types with their own
//! serde impls. Read-only values Attio computes and a shape leaves out (an email address's
//! `email_domain`, a domain's `root_domain`) are not kept. The impls are always on (see the
//! crate root).
//!
//! `Display`, `FromStr` and `TryFrom<&str>`, where a value has a natural text form or a
//! checked constructor:
//!
//! | type | `Display` | `FromStr` / `TryFrom<&str>` |
//! |---|---|---|
//! | [`SelectOption`], [`Status`] | the title (the option id when only the id is known) | — |
//! | [`Currency`] | `12.50 USD` (`12.50` without a code) | `12.50`, `12.50 USD`, `USD 12.50` |
//! | [`Location`] | its non-empty parts joined by `, ` | — |
//! | [`PersonalName`] | `full_name` | — |
//! | [`EmailAddress`], [`Domain`] | the address, the domain | [`EmailAddress::new`], [`Domain::new`] |
//! | [`PhoneNumber`] | the E.164 number Attio computed, else the number as given | an international number, `+` and calling code ([`PhoneNumber::new`] without a country) |
//! | [`Rating`] | `4/5` | `4` or `4/5` |
//! | [`RecordRef<T>`] | `companies/<uuid>` (or the domain / email address it names) | the record id ([`RecordRef::parse`]) |
//!
//! Every refusal is an [`Error::InvalidValue`](crate::Error::InvalidValue) quoting the text.
//! Comparisons: a [`SelectOption`] or [`Status`] read back (id and title) is not `==` to one
//! built by title, but [`SelectOption::is`] / [`Status::is`] (same id when both know it,
//! else same title) and `matches_title` say whether they name the same option. [`Currency`]
//! is `Eq` and `Hash` by numeric value and code (`12.5` equals `12.50`) and ordered only
//! within one code; [`Rating`] is `Ord`; `Tracked<T>` is `Eq` and `Hash` when `T` is.
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
mod decimal;
mod domain;
mod email;
pub(crate) mod enums;
mod envelope;
mod interaction;
mod location;
mod number;
mod personal_name;
mod phone;
mod plain;
mod rating;
mod record_ref;
mod rfc3339;
mod select;
mod status;
mod text;
mod text_forms;
mod tracked;
mod wire;

pub use actor_ref::ActorRef;
pub use currency::Currency;
pub use domain::Domain;
pub use email::EmailAddress;
pub use enums::AttioEnum;
pub use envelope::{Actor, ActorType, Envelope};
pub use interaction::{Interaction, InteractionType};
pub use location::Location;
pub use personal_name::PersonalName;
pub use phone::PhoneNumber;
pub use rating::Rating;
pub use record_ref::{AnyRecordRef, RecordRef, RecordTarget};
/// An exact decimal number (from [`rust_decimal`]): the amount of a [`Currency`], and a
/// `number` attribute read and written without passing through an `f64`.
pub use rust_decimal::Decimal;
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
    note = "use one of the types of `attio_core::values` (String, f64, i64, Decimal, bool, Currency, Date, Timestamp, Rating, Status, SelectOption, an enum deriving `AttioEnum`, RecordRef<T>, AnyRecordRef, ActorRef, Location, Domain, EmailAddress, PhoneNumber, PersonalName, Interaction), optionally in `Tracked<…>`, inside `Option<…>` or `Vec<…>`; or mark the field `#[attio(skip)]`"
)]
pub trait AttioValue: Sized {
    /// The Attio attribute type this Rust type stands for.
    const TYPE: AttributeType;
    /// For record references: the slug of the target object.
    const TARGET_OBJECT: Option<&'static str> = None;
    /// For a select or status enum ([`AttioEnum`]): the titles of its known variants.
    const OPTIONS: Option<&'static [&'static str]> = None;
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
    /// An exact decimal, written with its own text.
    Decimal(Decimal),
}

impl serde::Serialize for LookupKey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LookupKey::Text(s) => serializer.serialize_str(s),
            LookupKey::Integer(n) => serializer.serialize_i64(*n),
            LookupKey::Float(x) => serializer.serialize_f64(*x),
            LookupKey::Decimal(d) => decimal::write_decimal(d, serializer),
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

//! `personal-name` attributes.

use std::fmt;

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::SerializeStruct;

use super::wire::skip;
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::schema::AttributeType;

/// A person's name (`personal-name` attributes: `people.name`).
///
/// Always written with all three keys, `{"first_name":…,"last_name":…,"full_name":…}`:
/// Attio reads a bare string such as `"John Smith"` as a first name only.
///
/// Read: `first_name`, `last_name`, `full_name`; `null` (or a missing key) is read as the
/// empty string, and a missing `full_name` is built from the other two.
///
/// ```
/// use attio_core::values::{PersonalName, WriteForm};
/// let name = PersonalName::new("Ada", "Lovelace");
/// assert_eq!(name.full_name, "Ada Lovelace");
/// assert_eq!(
///     serde_json::to_string(&WriteForm(&name)).unwrap(),
///     r#"{"first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct PersonalName {
    /// `first_name`
    pub first_name: String,
    /// `last_name`
    pub last_name: String,
    /// `full_name`, usually `"First Last"`.
    pub full_name: String,
}

impl PersonalName {
    /// A name whose `full_name` is `"First Last"` (or whichever of the two is not empty).
    pub fn new(first_name: impl Into<String>, last_name: impl Into<String>) -> Self {
        let first_name = first_name.into();
        let last_name = last_name.into();
        let full_name = join(&first_name, &last_name);
        PersonalName {
            first_name,
            last_name,
            full_name,
        }
    }
}

fn join(first: &str, last: &str) -> String {
    match (first.is_empty(), last.is_empty()) {
        (false, false) => format!("{first} {last}"),
        (false, true) => first.to_owned(),
        (true, _) => last.to_owned(),
    }
}

impl fmt::Display for PersonalName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.full_name)
    }
}

/// Collects the keys of a `personal-name` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct PersonalNameBuilder {
    first_name: Option<String>,
    last_name: Option<String>,
    full_name: Option<String>,
}

impl AttioValue for PersonalName {
    const TYPE: AttributeType = AttributeType::PersonalName;
}

impl ReadValue for PersonalName {
    type Builder = PersonalNameBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut PersonalNameBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let slot = match key {
            "first_name" => &mut b.first_name,
            "last_name" => &mut b.last_name,
            "full_name" => &mut b.full_name,
            _ => return skip(map),
        };
        *slot = map.next_value::<Option<String>>()?;
        Ok(())
    }

    fn finish<E: de::Error>(b: PersonalNameBuilder, _: Envelope) -> Result<Self, E> {
        let first_name = b.first_name.unwrap_or_default();
        let last_name = b.last_name.unwrap_or_default();
        let full_name = match b.full_name {
            Some(f) => f,
            None => join(&first_name, &last_name),
        };
        Ok(PersonalName {
            first_name,
            last_name,
            full_name,
        })
    }
}

impl WriteValue for PersonalName {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("PersonalName", 3)?;
        s.serialize_field("first_name", &self.first_name)?;
        s.serialize_field("last_name", &self.last_name)?;
        s.serialize_field("full_name", &self.full_name)?;
        s.end()
    }
}

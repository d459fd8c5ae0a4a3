//! `personal-name` attributes.

use std::borrow::Cow;
use std::fmt;

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::SerializeStruct;

use super::wire::skip;
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// A person's name (`personal-name` attributes: `people.name`).
///
/// Always written with all three keys, `{"first_name":…,"last_name":…,"full_name":…}`:
/// Attio reads a bare string such as `"John Smith"` as a first name only.
///
/// The first and last name are what counts: the `full_name` written is the one held when
/// it still names both of them (each as whole words, ignoring case: `"Dr. Ada Lovelace"`
/// and `"Lovelace Ada"` are kept for Ada Lovelace), and is otherwise built from them
/// (`"First Last"`). So a name read from Attio whose `first_name` or `last_name` was edited
/// does not write back its old `full_name`. When only one of the two is set, the full name
/// kept is that one; when neither is, `full_name` is written as held. `validate` refuses a
/// name whose three parts are all empty.
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
///
/// let mut edited = name.clone();
/// edited.first_name = "Augusta".into();
/// assert_eq!(
///     serde_json::to_string(&WriteForm(&edited)).unwrap(),
///     r#"{"first_name":"Augusta","last_name":"Lovelace","full_name":"Augusta Lovelace"}"#
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

impl PersonalName {
    /// The `full_name` to write: the one held while it names the first and the last name,
    /// otherwise built from them (see the type's documentation).
    fn full_name_to_write(&self) -> Cow<'_, str> {
        let first = self.first_name.trim();
        let last = self.last_name.trim();
        let full = self.full_name.as_str();
        let holds = match (first.is_empty(), last.is_empty()) {
            (true, true) => true,
            (false, false) => {
                is_first_last(full, first, last)
                    || (holds_words(full, first) && holds_words(full, last))
            }
            (false, true) => full.trim().eq_ignore_ascii_case(first),
            (true, false) => full.trim().eq_ignore_ascii_case(last),
        };
        if holds {
            Cow::Borrowed(full)
        } else {
            Cow::Owned(join(first, last))
        }
    }
}

/// Whether `full` is exactly `"{first} {last}"` (the usual case, checked without
/// allocating).
fn is_first_last(full: &str, first: &str, last: &str) -> bool {
    full.len() == first.len() + 1 + last.len()
        && full.starts_with(first)
        && full.ends_with(last)
        && full.as_bytes()[first.len()] == b' '
}

/// Whether `words` occurs in `text` as whole words (not inside a longer word), ignoring
/// case: `"Ada"` is in `"Dr. Ada Lovelace"`, not in `"Adam Smith"`.
fn holds_words(text: &str, words: &str) -> bool {
    let text = text.to_lowercase();
    let words = words.to_lowercase();
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(&words).any(|(at, _)| {
        !is_word(text[..at].chars().next_back())
            && !is_word(text[at + words.len()..].chars().next())
    })
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
        s.serialize_field("full_name", &self.full_name_to_write())?;
        s.end()
    }

    fn validate(&self) -> Result<(), ValueError> {
        if [&self.first_name, &self.last_name, &self.full_name]
            .iter()
            .all(|p| p.trim().is_empty())
        {
            return Err(ValueError::new(
                "personal name",
                "",
                "a name needs a first, a last or a full name; all three are empty",
            ));
        }
        Ok(())
    }
}

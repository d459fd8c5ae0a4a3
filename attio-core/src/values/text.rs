//! `text` attributes as [`String`].

use serde::Serializer;
use serde::de::{self, MapAccess};

use super::wire::skip;
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// `text`: reads `value`; a `null` value (which the spec does not allow but a tolerant reader
/// should survive) is read as the empty string. Written as a bare JSON string.
///
/// A required text field (`String`, not `Option<String>`) refuses an empty or blank string
/// before sending (see [the module docs](crate::values)).
impl AttioValue for String {
    const TYPE: AttributeType = AttributeType::Text;
}

impl ReadValue for String {
    type Builder = Option<String>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<String>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(map.next_value::<Option<String>>()?.unwrap_or_default()),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<String>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for String {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self)
    }

    fn __validate_required(&self) -> Result<(), ValueError> {
        if self.trim().is_empty() {
            return Err(ValueError::new(
                "text",
                self.as_str(),
                "the attribute is required (its field is a `String`, not an `Option<String>`) and an empty text is no value; give it one, or make the field an `Option` if the attribute may be empty",
            ));
        }
        Ok(())
    }

    fn __lookup_key(&self) -> Option<super::LookupKey> {
        Some(super::LookupKey::Text(self.clone()))
    }
}

//! `text` attributes as [`String`].

use serde::Serializer;
use serde::de::{self, MapAccess};

use super::wire::skip;
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::schema::AttributeType;

/// `text`: reads `value`; a `null` value (which the spec does not allow but a tolerant reader
/// should survive) is read as the empty string. Written as a bare JSON string.
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

    fn __lookup_key(&self) -> Option<super::LookupKey> {
        Some(super::LookupKey::Text(self.clone()))
    }
}

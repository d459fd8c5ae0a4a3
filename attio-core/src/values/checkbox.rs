//! `checkbox` attributes as [`bool`].

use serde::Serializer;
use serde::de::{self, MapAccess};

use super::wire::{LenientBool, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::schema::AttributeType;

/// `checkbox`: reads `value` (a boolean, also the strings `"true"` / `"false"`). Written as
/// a bare JSON boolean.
impl AttioValue for bool {
    const TYPE: AttributeType = AttributeType::Checkbox;
}

impl ReadValue for bool {
    type Builder = Option<bool>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<bool>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(map.next_value::<LenientBool>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<bool>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for bool {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_bool(*self)
    }
}

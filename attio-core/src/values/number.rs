//! `number` attributes as [`f64`] or [`i64`].

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::Error as _;

use super::wire::{Integer, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// The largest integer an `f64` (how Attio stores numbers) holds exactly: 2^53.
const MAX_EXACT: i64 = 1 << 53;

/// `number`: reads `value` (any JSON number). Written as a bare JSON number; NaN and the
/// infinities are refused by `validate`.
impl AttioValue for f64 {
    const TYPE: AttributeType = AttributeType::Number;
}

impl ReadValue for f64 {
    type Builder = Option<f64>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<f64>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(map.next_value::<f64>()?),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<f64>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for f64 {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !self.is_finite() {
            return Err(S::Error::custom(format_args!(
                "cannot write the number {self}: Attio numbers are finite"
            )));
        }
        serializer.serialize_f64(*self)
    }

    fn validate(&self) -> Result<(), ValueError> {
        if self.is_finite() {
            Ok(())
        } else {
            Err(ValueError::new(
                "number",
                self.to_string(),
                "Attio numbers are finite",
            ))
        }
    }

    fn __lookup_key(&self) -> Option<super::LookupKey> {
        Some(super::LookupKey::Float(*self))
    }
}

/// `number` holding integers: reads `value`, accepting an integral float such as `100.0`
/// and refusing a fractional one. Written as a bare JSON integer; `validate` refuses values
/// beyond ±2^53, which Attio (storing 64-bit floats) could not keep exactly.
impl AttioValue for i64 {
    const TYPE: AttributeType = AttributeType::Number;
}

impl ReadValue for i64 {
    type Builder = Option<i64>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<i64>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(map.next_value::<Integer>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<i64>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for i64 {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_i64(*self)
    }

    fn validate(&self) -> Result<(), ValueError> {
        if (-MAX_EXACT..=MAX_EXACT).contains(self) {
            Ok(())
        } else {
            Err(ValueError::new(
                "number",
                self.to_string(),
                "Attio stores numbers as 64-bit floats, which hold integers exactly only up to ±2^53 (9007199254740992)",
            ))
        }
    }

    fn __lookup_key(&self) -> Option<super::LookupKey> {
        Some(super::LookupKey::Integer(*self))
    }
}

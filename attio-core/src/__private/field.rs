//! The per-field calls of the code `#[derive(AttioRecord)]` generates. The derive decides
//! the multiplicity from the field's type (`T`, `Option<T>`, `Vec<T>`) and calls the matching
//! function here, so the generated code stays a table of slugs and calls.

use serde::de::{self, MapAccess};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use super::decode::{ArraySeed, DecodeCtx};
use crate::error::Error;
use crate::values::{ReadValue, WriteValue};

#[cold]
fn at_attribute(ctx: &DecodeCtx, slug: &str) {
    ctx.set_attribute(slug);
    ctx.push_key(slug);
}

/// Reads the value array of a single-valued attribute: its active value, if any.
#[inline]
pub fn decode_single<'de, V: ReadValue, A: MapAccess<'de>>(
    map: &mut A,
    ctx: &DecodeCtx,
    slug: &'static str,
) -> Result<Option<V>, A::Error> {
    match map.next_value_seed(ArraySeed::<V>::first_active(ctx)) {
        Ok(mut v) => Ok(v.pop()),
        Err(e) => {
            at_attribute(ctx, slug);
            Err(e)
        }
    }
}

/// Reads the value array of a multiselect attribute: every active value, in order.
#[inline]
pub fn decode_many<'de, V: ReadValue, A: MapAccess<'de>>(
    map: &mut A,
    ctx: &DecodeCtx,
    slug: &'static str,
) -> Result<Vec<V>, A::Error> {
    map.next_value_seed(ArraySeed::<V>::active(ctx))
        .inspect_err(|_| at_attribute(ctx, slug))
}

/// A required (`T`) field: its value, or an error naming the attribute.
#[inline]
pub fn required<V, E: de::Error>(value: Option<V>, ctx: &DecodeCtx, slug: &'static str) -> Result<V, E> {
    match value {
        Some(v) => Ok(v),
        None => Err(missing(ctx, slug)),
    }
}

#[cold]
fn missing<E: de::Error>(ctx: &DecodeCtx, slug: &'static str) -> E {
    at_attribute(ctx, slug);
    ctx.set_detail(
        "exactly one active value (the field is not an `Option`)",
        "no active value",
    );
    E::custom(format_args!(
        "attribute `{slug}` has no active value, but its field is required"
    ))
}

/// Checks a value before it is written.
#[inline]
pub fn validate<V: WriteValue>(value: &V, object: &'static str, slug: &str) -> Result<(), Error> {
    value.validate().map_err(|e| Error::from(e.at(object, slug)))
}

/// Checks every value of a multiselect before it is written.
#[inline]
pub fn validate_all<V: WriteValue>(values: &[V], object: &'static str, slug: &str) -> Result<(), Error> {
    values.iter().try_for_each(|v| validate(v, object, slug))
}

/// Writes `[value]`.
pub struct WriteOne<'a, V>(pub &'a V);

impl<V: WriteValue> Serialize for WriteOne<'_, V> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(1))?;
        seq.serialize_element(&crate::values::WriteForm(self.0))?;
        seq.end()
    }
}

/// Writes `[value]`, or `[]` for `None` (which clears the attribute in an update).
pub struct WriteOpt<'a, V>(pub &'a Option<V>);

impl<V: WriteValue> Serialize for WriteOpt<'_, V> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.is_some() as usize))?;
        if let Some(v) = self.0 {
            seq.serialize_element(&crate::values::WriteForm(v))?;
        }
        seq.end()
    }
}

/// Writes `[value, …]`.
pub struct WriteMany<'a, V>(pub &'a [V]);

impl<V: WriteValue> Serialize for WriteMany<'_, V> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.0.len()))?;
        for v in self.0 {
            seq.serialize_element(&crate::values::WriteForm(v))?;
        }
        seq.end()
    }
}

/// Compile-time check that a writable field's value type can be written; its
/// `#[diagnostic::on_unimplemented]` explains read-only types such as `Interaction`.
#[inline(always)]
pub const fn assert_writable<V: WriteValue>() {}

/// Compile-time check that a field's value type can be read.
#[inline(always)]
pub const fn assert_readable<V: ReadValue>() {}

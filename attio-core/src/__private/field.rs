//! The per-field calls of the code `#[derive(AttioRecord)]` generates. The derive decides
//! the multiplicity from the field's type (`T`, `Option<T>`, `Vec<T>`) and calls the matching
//! function here, so the generated code stays a table of slugs and calls.

use serde::de::{self, MapAccess};
use std::cell::RefCell;

use serde::ser::{self, Serialize, SerializeMap, SerializeSeq, Serializer};

use crate::decode::ctx::DecodeCtx;
use crate::decode::value::ArraySeed;
use crate::error::ValueError;
use crate::values::{ReadValue, WriteValue};

#[cold]
fn at_attribute(ctx: &DecodeCtx, slug: &str) {
    ctx.set_attribute(slug);
    ctx.push_key(slug);
}

/// Reads the value array of a single-valued attribute: its active value, if any. More than
/// one active value is an error naming the attribute: keeping one would lose the others.
#[inline]
pub fn decode_single<'de, V: ReadValue, A: MapAccess<'de>>(
    map: &mut A,
    ctx: &DecodeCtx,
    slug: &'static str,
) -> Result<Option<V>, A::Error> {
    map.next_value_seed(ArraySeed::<V, Option<V>>::one_active(ctx))
        .inspect_err(|_| at_attribute(ctx, slug))
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
pub fn required<V, E: de::Error>(
    value: Option<V>,
    ctx: &DecodeCtx,
    slug: &'static str,
) -> Result<V, E> {
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

thread_local! {
    /// The check that refused a value during the current encode, for the encoder to report.
    static REFUSED: RefCell<Option<ValueError>> = const { RefCell::new(None) };
}

/// Takes the value refused by the last encode on this thread, if any.
pub fn take_refused() -> Option<ValueError> {
    REFUSED.with(|r| r.borrow_mut().take())
}

#[cold]
fn refuse<E: ser::Error>(err: ValueError, object: &'static str, slug: &str) -> E {
    let err = err.at(object, slug);
    let msg = err.to_string();
    REFUSED.with(|r| *r.borrow_mut() = Some(err));
    E::custom(msg)
}

#[inline]
fn check<V: WriteValue, E: ser::Error>(
    value: &V,
    object: &'static str,
    slug: &str,
) -> Result<(), E> {
    value.validate().map_err(|e| refuse(e, object, slug))
}

/// Writes a single-valued attribute as `[value]`, checking the value first.
#[inline]
pub fn write_one<V: WriteValue, M: SerializeMap>(
    map: &mut M,
    object: &'static str,
    slug: &'static str,
    value: &V,
) -> Result<(), M::Error> {
    check(value, object, slug)?;
    crate::written::note(slug, Some(value));
    map.serialize_entry(slug, &WriteOne(value))
}

/// Writes an optional attribute: `[value]`, or `[]` for `None` (which clears it in an
/// update); with `omit_empty` (create, assert) `None` is not written at all.
#[inline]
pub fn write_opt<V: WriteValue, M: SerializeMap>(
    map: &mut M,
    object: &'static str,
    slug: &'static str,
    value: &Option<V>,
    omit_empty: bool,
) -> Result<(), M::Error> {
    match value {
        Some(v) => check(v, object, slug)?,
        None if omit_empty => return Ok(()),
        None => {}
    }
    crate::written::note(slug, value.as_ref());
    map.serialize_entry(slug, &WriteOpt(value))
}

/// Writes a multiselect as `[value, …]`; with `omit_empty` an empty list is not written.
#[inline]
pub fn write_many<V: WriteValue, M: SerializeMap>(
    map: &mut M,
    object: &'static str,
    slug: &'static str,
    values: &[V],
    omit_empty: bool,
) -> Result<(), M::Error> {
    if values.is_empty() && omit_empty {
        return Ok(());
    }
    values.iter().try_for_each(|v| check(v, object, slug))?;
    crate::written::note(slug, values.first());
    map.serialize_entry(slug, &WriteMany(values))
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

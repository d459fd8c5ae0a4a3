//! Value objects and value arrays: the seeds that read one value object into a
//! [`ReadValue`] and an array of them into a `Vec` or an `Option`.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::ctx::DecodeCtx;
use super::key::{Key, SeenKeys, duplicate, once};
use super::raw_key::{Named, RawKey};
use crate::values::{Actor, Envelope, FastTimestamp, ReadValue};

/// Decodes one read-side value object into `V`, also telling whether it is active.
pub(crate) struct ValueSeed<'a, V> {
    ctx: &'a DecodeCtx,
    _v: PhantomData<fn() -> V>,
}

impl<'a, V> ValueSeed<'a, V> {
    /// A seed reporting errors into `ctx`.
    pub(crate) fn new(ctx: &'a DecodeCtx) -> Self {
        ValueSeed {
            ctx,
            _v: PhantomData,
        }
    }
}

impl<'de, V: ReadValue> DeserializeSeed<'de> for ValueSeed<'_, V> {
    type Value = (V, bool);

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, V: ReadValue> Visitor<'de> for ValueSeed<'_, V> {
    type Value = (V, bool);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a `{}` value object", V::TYPE)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut builder = V::Builder::default();
        let mut envelope = Envelope::default();
        let mut active = true;
        let mut mismatch: Option<String> = None;
        // A key sent twice is an error: the envelope's keys and the built-in value types'
        // keys are told apart by a bit each, any other key by `seen`.
        let mut envelope_seen = 0u8;
        let mut known_seen = 0u64;
        let mut seen = SeenKeys::<'de, 4>::new();
        // Envelope keys are told by their bytes (no UTF-8 check needed for an ASCII name);
        // every other key is checked as text first.
        while let Some(raw) = map.next_key::<RawKey<'de>>()? {
            let ctx = self.ctx;
            let (step, name) = match raw.bytes() {
                b"active_until" => {
                    let k = "active_until";
                    let step = once(&mut envelope_seen, 1, ctx, k).and_then(|()| {
                        if V::WANTS_ENVELOPE {
                            map.next_value::<Option<FastTimestamp>>().map(|t| {
                                active = t.is_none();
                                envelope.active_until = t.map(|t| t.0);
                            })
                        } else {
                            map.next_value::<Option<IgnoredAny>>()
                                .map(|t| active = t.is_none())
                        }
                    });
                    (step, k)
                }
                b"active_from" => {
                    let k = "active_from";
                    let step = once(&mut envelope_seen, 2, ctx, k).and_then(|()| {
                        if V::WANTS_ENVELOPE {
                            map.next_value::<Option<FastTimestamp>>()
                                .map(|t| envelope.active_from = t.map(|t| t.0))
                        } else {
                            map.next_value::<IgnoredAny>().map(drop)
                        }
                    });
                    (step, k)
                }
                b"created_by_actor" => {
                    let k = "created_by_actor";
                    let step = once(&mut envelope_seen, 4, ctx, k).and_then(|()| {
                        if V::WANTS_ENVELOPE {
                            map.next_value::<Option<Actor>>()
                                .map(|a| envelope.created_by_actor = a)
                        } else {
                            map.next_value::<IgnoredAny>().map(drop)
                        }
                    });
                    (step, k)
                }
                b"attribute_type" => {
                    let k = "attribute_type";
                    let step = once(&mut envelope_seen, 8, ctx, k).and_then(|()| {
                        let t = map.next_value::<RawKey<'de>>()?;
                        if t.bytes() != V::TYPE.as_str().as_bytes() {
                            mismatch = Some(t.into_key::<A::Error>()?.as_str().to_owned());
                        }
                        Ok(())
                    });
                    (step, k)
                }
                _ => {
                    let (key, first) = match raw.into_named::<A::Error>()? {
                        Named::Known(bit, name) => {
                            let mask = 1u64 << bit;
                            let first = known_seen & mask == 0;
                            known_seen |= mask;
                            (Key(Cow::Borrowed(name)), first)
                        }
                        Named::Other(key) => {
                            let first = seen.first_time(&key);
                            (key, first)
                        }
                    };
                    let k = key.as_str();
                    let step = if first {
                        V::read_field(&mut builder, k, &mut map)
                    } else {
                        Err(duplicate(ctx, k))
                    };
                    if let Err(e) = step {
                        self.ctx.push_key(k);
                        return Err(e);
                    }
                    continue;
                }
            };
            if let Err(e) = step {
                self.ctx.push_key(name);
                return Err(e);
            }
        }
        if let Some(found) = mismatch {
            self.ctx.push_key("attribute_type");
            self.ctx.set_detail(
                format!("a `{}` value", V::TYPE),
                format!("a `{found}` value"),
            );
            return Err(de::Error::custom(format_args!(
                "expected a `{}` value, found a `{found}` value",
                V::TYPE
            )));
        }
        V::finish(builder, envelope).map(|v| (v, active))
    }
}

/// Where the values of a value array go: a `Vec` (every active value, or every value for
/// history reads) or an `Option` (the one active value of a single-valued attribute, with
/// no allocation of its own).
pub(crate) trait Collect<V>: Sized {
    /// An empty collection, sized for `hint` values.
    fn with_hint(hint: Option<usize>) -> Self;
    /// Offers one decoded value; `keep_all` keeps historic values too. Returns `false`
    /// when the collection cannot hold it: a second active value offered to an `Option`.
    fn offer(&mut self, value: V, active: bool, keep_all: bool) -> bool;
}

impl<V> Collect<V> for Vec<V> {
    #[inline]
    fn with_hint(hint: Option<usize>) -> Self {
        Vec::with_capacity(hint.unwrap_or(1))
    }

    #[inline]
    fn offer(&mut self, value: V, active: bool, keep_all: bool) -> bool {
        if active || keep_all {
            self.push(value);
        }
        true
    }
}

impl<V> Collect<V> for Option<V> {
    #[inline]
    fn with_hint(_: Option<usize>) -> Self {
        None
    }

    #[inline]
    fn offer(&mut self, value: V, active: bool, _: bool) -> bool {
        if !active {
            return true;
        }
        if self.is_some() {
            return false;
        }
        *self = Some(value);
        true
    }
}

/// Decodes a value array into `C`: the active values, the one active value, or every
/// value (history reads).
pub(crate) struct ArraySeed<'a, V, C = Vec<V>> {
    ctx: &'a DecodeCtx,
    all: bool,
    _v: PhantomData<fn() -> (V, C)>,
}

impl<'a, V> ArraySeed<'a, V> {
    /// Every active value.
    pub(crate) fn active(ctx: &'a DecodeCtx) -> Self {
        ArraySeed {
            ctx,
            all: false,
            _v: PhantomData,
        }
    }

    /// Every value, active or historic.
    pub(crate) fn all(ctx: &'a DecodeCtx) -> Self {
        ArraySeed {
            ctx,
            all: true,
            _v: PhantomData,
        }
    }
}

impl<'a, V> ArraySeed<'a, V, Option<V>> {
    /// The one active value of a single-valued attribute; a second active value is an
    /// error saying to model the attribute as a `Vec`.
    pub(crate) fn one_active(ctx: &'a DecodeCtx) -> Self {
        ArraySeed {
            ctx,
            all: false,
            _v: PhantomData,
        }
    }
}

impl<'de, V: ReadValue, C: Collect<V>> DeserializeSeed<'de> for ArraySeed<'_, V, C> {
    type Value = C;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<C, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, V: ReadValue, C: Collect<V>> Visitor<'de> for ArraySeed<'_, V, C> {
    type Value = C;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an array of `{}` value objects", V::TYPE)
    }

    // `null` where an array belongs is read as no values: the spec marks values nullable.
    fn visit_none<E: de::Error>(self) -> Result<C, E> {
        Ok(C::with_hint(Some(0)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<C, E> {
        Ok(C::with_hint(Some(0)))
    }

    #[inline]
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<C, D::Error> {
        d.deserialize_seq(self)
    }

    #[inline]
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<C, A::Error> {
        let mut out = C::with_hint(seq.size_hint());
        let mut index = 0;
        loop {
            match seq.next_element_seed(ValueSeed::<V>::new(self.ctx)) {
                Ok(Some((v, active))) => {
                    if !out.offer(v, active, self.all) {
                        return Err(several_active::<V, A>(self.ctx, seq));
                    }
                }
                Ok(None) => return Ok(out),
                Err(e) => {
                    self.ctx.push_index(index);
                    return Err(e);
                }
            }
            index += 1;
        }
    }
}

/// The error of a single-valued field whose array holds a second active value: keeping one
/// would drop the others silently, and writing the record back would delete them. Counts
/// the active values (the two read and those left in `seq`) for the message.
#[cold]
fn several_active<'de, V: ReadValue, A: SeqAccess<'de>>(ctx: &DecodeCtx, mut seq: A) -> A::Error {
    let mut count = 2usize;
    let mut exact = true;
    loop {
        match seq.next_element::<ActiveFlag>() {
            Ok(Some(ActiveFlag(true))) => count += 1,
            Ok(Some(ActiveFlag(false))) => {}
            Ok(None) => break,
            Err(_) => {
                exact = false;
                break;
            }
        }
    }
    let found = if exact {
        format!("{count} active values")
    } else {
        format!("at least {count} active values")
    };
    let ty = short_type_name::<V>();
    ctx.set_detail(
        format!(
            "at most one active value, as the field is single-valued (`{ty}` or `Option<{ty}>`); model an attribute that holds several values as `Vec<{ty}>`"
        ),
        found.clone(),
    );
    de::Error::custom(format_args!(
        "{found} for a single-valued field: model it as `Vec<{ty}>`"
    ))
}

/// Whether one value object is active (`active_until` absent or `null`), the rest skipped.
struct ActiveFlag(bool);

impl<'de> de::Deserialize<'de> for ActiveFlag {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = ActiveFlag;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ActiveFlag, A::Error> {
                let mut active = true;
                while let Some(key) = map.next_key::<Key<'de>>()? {
                    if key.as_str() == "active_until" {
                        active = map.next_value::<Option<IgnoredAny>>()?.is_none();
                    } else {
                        map.next_value::<IgnoredAny>()?;
                    }
                }
                Ok(ActiveFlag(active))
            }
        }
        d.deserialize_map(V)
    }
}

/// A type's name without module paths: `Tracked<SelectOption>` for
/// `attio_core::values::tracked::Tracked<attio_core::values::select::SelectOption>`.
fn short_type_name<T>() -> String {
    let full = std::any::type_name::<T>();
    let mut out = String::with_capacity(full.len());
    let mut segment = String::new();
    for c in full.chars() {
        if c.is_alphanumeric() || c == '_' || c == ':' {
            segment.push(c);
        } else {
            out.push_str(segment.rsplit("::").next().unwrap_or(""));
            segment.clear();
            out.push(c);
        }
    }
    out.push_str(segment.rsplit("::").next().unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::short_type_name;

    #[test]
    fn type_names_lose_their_paths() {
        assert_eq!(short_type_name::<String>(), "String");
        assert_eq!(
            short_type_name::<crate::values::Tracked<crate::values::SelectOption>>(),
            "Tracked<SelectOption>"
        );
        assert_eq!(short_type_name::<i64>(), "i64");
        assert_eq!(
            short_type_name::<Vec<crate::values::EmailAddress>>(),
            "Vec<EmailAddress>"
        );
    }
}

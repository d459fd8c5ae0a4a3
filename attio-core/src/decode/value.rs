//! Value objects and value arrays: the seeds that read one value object into a
//! [`ReadValue`] and an array of them into a `Vec` or an `Option`.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::ctx::DecodeCtx;
use super::key::{Key, SeenKeys, duplicate, once};
use crate::values::{Actor, Envelope, ReadValue, Timestamp};

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
        // A key sent twice is an error: the envelope's keys are told apart by a bit each,
        // the value type's own keys by `seen`.
        let mut envelope_seen = 0u8;
        let mut seen = SeenKeys::<'de, 12>::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let ctx = self.ctx;
            let step = match key.as_str() {
                k @ "active_until" => once(&mut envelope_seen, 1, ctx, k).and_then(|()| {
                    if V::WANTS_ENVELOPE {
                        map.next_value::<Option<Timestamp>>().map(|t| {
                            active = t.is_none();
                            envelope.active_until = t;
                        })
                    } else {
                        map.next_value::<Option<IgnoredAny>>()
                            .map(|t| active = t.is_none())
                    }
                }),
                k @ "active_from" => once(&mut envelope_seen, 2, ctx, k).and_then(|()| {
                    if V::WANTS_ENVELOPE {
                        map.next_value::<Option<Timestamp>>()
                            .map(|t| envelope.active_from = t)
                    } else {
                        map.next_value::<IgnoredAny>().map(drop)
                    }
                }),
                k @ "created_by_actor" => once(&mut envelope_seen, 4, ctx, k).and_then(|()| {
                    if V::WANTS_ENVELOPE {
                        map.next_value::<Option<Actor>>()
                            .map(|a| envelope.created_by_actor = a)
                    } else {
                        map.next_value::<IgnoredAny>().map(drop)
                    }
                }),
                k @ "attribute_type" => once(&mut envelope_seen, 8, ctx, k).and_then(|()| {
                    map.next_value::<Key<'de>>().map(|t| {
                        if t.as_str() != V::TYPE.as_str() {
                            mismatch = Some(t.as_str().to_owned());
                        }
                    })
                }),
                k if seen.first_time(&key) => V::read_field(&mut builder, k, &mut map),
                k => Err(duplicate(ctx, k)),
            };
            if let Err(e) = step {
                self.ctx.push_key(key.as_str());
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
/// history reads) or an `Option` (the first active value of a single-valued attribute, with
/// no allocation of its own).
pub(crate) trait Collect<V>: Sized {
    /// An empty collection, sized for `hint` values.
    fn with_hint(hint: Option<usize>) -> Self;
    /// Offers one decoded value; `keep_all` keeps historic values too.
    fn offer(&mut self, value: V, active: bool, keep_all: bool);
}

impl<V> Collect<V> for Vec<V> {
    #[inline]
    fn with_hint(hint: Option<usize>) -> Self {
        Vec::with_capacity(hint.unwrap_or(1))
    }

    #[inline]
    fn offer(&mut self, value: V, active: bool, keep_all: bool) {
        if active || keep_all {
            self.push(value);
        }
    }
}

impl<V> Collect<V> for Option<V> {
    #[inline]
    fn with_hint(_: Option<usize>) -> Self {
        None
    }

    #[inline]
    fn offer(&mut self, value: V, active: bool, _: bool) {
        if active && self.is_none() {
            *self = Some(value);
        }
    }
}

/// Decodes a value array into `C`: the active values, the first active value, or every
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
    /// The first active value only (single-valued attributes).
    pub(crate) fn first_active(ctx: &'a DecodeCtx) -> Self {
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
                Ok(Some((v, active))) => out.offer(v, active, self.all),
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

//! Records: the record object (`{id, created_at, web_url, values}`), whose `values` the
//! model's generated decoder reads, and arrays of records.

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::ctx::DecodeCtx;
use super::key::{Key, SeenKeys, duplicate};
use crate::record::{AttioRecord, Record, RecordId};
use crate::values::{FastTimestamp, Timestamp};

/// Decodes one record object (`{id, created_at, web_url, values}`).
pub(crate) struct RecordSeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'a, T> RecordSeed<'a, T> {
    /// A seed reporting errors into `ctx`.
    pub(crate) fn new(ctx: &'a DecodeCtx) -> Self {
        RecordSeed {
            ctx,
            _t: PhantomData,
        }
    }
}

impl<'de, T: AttioRecord> DeserializeSeed<'de> for RecordSeed<'_, T> {
    type Value = Record<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Record<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: AttioRecord> Visitor<'de> for RecordSeed<'_, T> {
    type Value = Record<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a `{}` record object", T::OBJECT)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Record<T>, A::Error> {
        self.ctx.clear_record_id();
        let mut id: Option<RecordId> = None;
        let mut created_at: Option<Timestamp> = None;
        let mut web_url: Option<String> = None;
        let mut values: Option<T> = None;
        let mut seen = SeenKeys::<'de, 8>::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if !seen.first_time(&key) {
                self.ctx.push_key(key.as_str());
                return Err(duplicate(self.ctx, key.as_str()));
            }
            let step = match key.as_str() {
                "id" => map.next_value::<RecordId>().map(|v| {
                    self.ctx.set_record_id(v.record_id);
                    id = Some(v);
                }),
                "created_at" => map
                    .next_value::<FastTimestamp>()
                    .map(|v| created_at = Some(v.0)),
                "web_url" => map.next_value::<Option<String>>().map(|v| web_url = v),
                "values" => map
                    .next_value_seed(ValuesSeed::<T> {
                        ctx: self.ctx,
                        _t: PhantomData,
                    })
                    .map(|v| values = Some(v)),
                _ => map.next_value::<IgnoredAny>().map(drop),
            };
            if let Err(e) = step {
                self.ctx.push_key(key.as_str());
                return Err(e);
            }
        }
        let id = id.ok_or_else(|| de::Error::missing_field("id"))?;
        let created_at = created_at.ok_or_else(|| de::Error::missing_field("created_at"))?;
        let values = match values {
            Some(v) => v,
            None => {
                let empty = de::value::MapDeserializer::<_, A::Error>::new(std::iter::empty::<(
                    &'static str,
                    (),
                )>());
                T::__decode_values(empty, self.ctx).inspect_err(|_| self.ctx.push_key("values"))?
            }
        };
        Ok(Record {
            id,
            created_at,
            web_url,
            values,
        })
    }
}

struct ValuesSeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'de, T: AttioRecord> DeserializeSeed<'de> for ValuesSeed<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        let unique = UniqueSlugs {
            inner: d,
            ctx: self.ctx,
        };
        T::__decode_values(unique, self.ctx)
    }
}

/// The `values` map, handed to the model's generated decoder so that an attribute slug
/// sent twice is an error, whether or not the model reads it.
struct UniqueSlugs<'a, D> {
    inner: D,
    ctx: &'a DecodeCtx,
}

impl<'de, D: Deserializer<'de>> Deserializer<'de> for UniqueSlugs<'_, D> {
    type Error = D::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_any(UniqueSlugsVisitor {
            inner: visitor,
            ctx: self.ctx,
        })
    }

    #[inline]
    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, D::Error> {
        self.inner.deserialize_map(UniqueSlugsVisitor {
            inner: visitor,
            ctx: self.ctx,
        })
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct struct enum identifier
        ignored_any
    }
}

struct UniqueSlugsVisitor<'a, V> {
    inner: V,
    ctx: &'a DecodeCtx,
}

impl<'de, V: Visitor<'de>> Visitor<'de> for UniqueSlugsVisitor<'_, V> {
    type Value = V::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        self.inner.expecting(f)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<V::Value, A::Error> {
        self.inner.visit_map(UniqueSlugsMap {
            map,
            ctx: self.ctx,
            seen: SeenKeys::new(),
        })
    }
}

struct UniqueSlugsMap<'a, 'de, A> {
    map: A,
    ctx: &'a DecodeCtx,
    seen: SeenKeys<'de, 64>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for UniqueSlugsMap<'_, 'de, A> {
    type Error = A::Error;

    #[inline]
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        let Some(key) = self.map.next_key::<Key<'de>>()? else {
            return Ok(None);
        };
        if !self.seen.first_time(&key) {
            self.ctx.set_attribute(key.as_str());
            self.ctx.push_key(key.as_str());
            return Err(duplicate(self.ctx, key.as_str()));
        }
        match key.0 {
            Cow::Borrowed(slug) => seed.deserialize(BorrowedStrDeserializer::new(slug)),
            Cow::Owned(slug) => seed.deserialize(StringDeserializer::new(slug)),
        }
        .map(Some)
    }

    #[inline]
    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        self.map.size_hint()
    }
}

/// Decodes a JSON array of records.
pub(crate) struct RecordsSeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'a, T> RecordsSeed<'a, T> {
    /// A seed reporting errors into `ctx`.
    pub(crate) fn new(ctx: &'a DecodeCtx) -> Self {
        RecordsSeed {
            ctx,
            _t: PhantomData,
        }
    }
}

impl<'de, T: AttioRecord> DeserializeSeed<'de> for RecordsSeed<'_, T> {
    type Value = Vec<Record<T>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: AttioRecord> Visitor<'de> for RecordsSeed<'_, T> {
    type Value = Vec<Record<T>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an array of `{}` records", T::OBJECT)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(16));
        loop {
            match seq.next_element_seed(RecordSeed::<T>::new(self.ctx)) {
                Ok(Some(r)) => out.push(r),
                Ok(None) => return Ok(out),
                Err(e) => {
                    self.ctx.push_index(out.len());
                    return Err(e);
                }
            }
        }
    }
}

impl<'de, T: AttioRecord> Deserialize<'de> for Record<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let ctx = DecodeCtx::new();
        RecordSeed::<T>::new(&ctx).deserialize(deserializer)
    }
}

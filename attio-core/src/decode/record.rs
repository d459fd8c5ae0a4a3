//! Records: the record object (`{id, created_at, web_url, values}`), whose `values` the
//! model's generated decoder reads, and arrays of records.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
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

    /// The generated decoder refuses a slug sent twice, read or skipped.
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::__decode_values(d, self.ctx)
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

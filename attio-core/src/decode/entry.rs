//! List entries: the entry object (`{id, parent_record_id, parent_object, created_at,
//! entry_values}`), whose `entry_values` the model's generated decoder reads, and arrays of
//! entries. Read like records (`record`), with two differences: the values are under
//! `entry_values`, and the live API may send that key as `null` or not at all, which reads as
//! an entry without values.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use uuid::Uuid;

use super::ctx::DecodeCtx;
use super::key::Key;
use crate::entry::{AttioEntry, Entry, EntryId};
use crate::error::{DecodeError, ModelKind};
use crate::values::{FastTimestamp, Timestamp};

/// The decode error of an entry: the context's id slot held the entry id.
pub(crate) fn entry_error(
    ctx: DecodeCtx,
    list: &'static str,
    err: &serde_json::Error,
) -> DecodeError {
    let mut e = ctx.into_error(list, err);
    e.kind = ModelKind::Entry;
    e.entry_id = e.record_id.take();
    e
}

/// Decodes one entry object.
pub(crate) struct EntrySeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'a, T> EntrySeed<'a, T> {
    /// A seed reporting errors into `ctx`.
    pub(crate) fn new(ctx: &'a DecodeCtx) -> Self {
        EntrySeed {
            ctx,
            _t: PhantomData,
        }
    }
}

impl<'de, T: AttioEntry> DeserializeSeed<'de> for EntrySeed<'_, T> {
    type Value = Entry<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Entry<T>, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, T: AttioEntry> Visitor<'de> for EntrySeed<'_, T> {
    type Value = Entry<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a `{}` list entry object", T::LIST)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Entry<T>, A::Error> {
        self.ctx.clear_record_id();
        let mut id: Option<EntryId> = None;
        let mut parent_record_id: Option<Uuid> = None;
        let mut parent_object: Option<String> = None;
        let mut created_at: Option<Timestamp> = None;
        let mut values: Option<T> = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let step = match key.as_str() {
                "id" => map.next_value::<EntryId>().map(|v| {
                    self.ctx.set_record_id(v.entry_id);
                    id = Some(v);
                }),
                "parent_record_id" => map.next_value::<Uuid>().map(|v| parent_record_id = Some(v)),
                "parent_object" => map
                    .next_value::<Key<'de>>()
                    .map(|v| parent_object = Some(v.as_str().to_owned())),
                "created_at" => map
                    .next_value::<FastTimestamp>()
                    .map(|v| created_at = Some(v.0)),
                "entry_values" => map
                    .next_value_seed(EntryValuesSeed::<T> {
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
        let parent_record_id =
            parent_record_id.ok_or_else(|| de::Error::missing_field("parent_record_id"))?;
        let parent_object =
            parent_object.ok_or_else(|| de::Error::missing_field("parent_object"))?;
        let created_at = created_at.ok_or_else(|| de::Error::missing_field("created_at"))?;
        let values = match values {
            Some(v) => v,
            None => no_values::<T, A::Error>(self.ctx)
                .inspect_err(|_| self.ctx.push_key("entry_values"))?,
        };
        Ok(Entry {
            id,
            parent_record_id,
            parent_object,
            created_at,
            values,
        })
    }
}

/// The model decoded from no values at all: required fields fail, the others are empty, and
/// no absent key is reported.
fn no_values<T: AttioEntry, E: de::Error>(ctx: &DecodeCtx) -> Result<T, E> {
    let empty = de::value::MapDeserializer::<_, E>::new(std::iter::empty::<(&'static str, ())>());
    ctx.set_no_values(true);
    let values = T::__decode_values(empty, ctx);
    ctx.set_no_values(false);
    values
}

/// `entry_values`: the values map, or `null`.
struct EntryValuesSeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'de, T: AttioEntry> DeserializeSeed<'de> for EntryValuesSeed<'_, T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        d.deserialize_option(self)
    }
}

impl<'de, T: AttioEntry> Visitor<'de> for EntryValuesSeed<'_, T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "the values of a `{}` entry, or null", T::LIST)
    }

    fn visit_none<E: de::Error>(self) -> Result<T, E> {
        no_values::<T, E>(self.ctx)
    }

    fn visit_unit<E: de::Error>(self) -> Result<T, E> {
        no_values::<T, E>(self.ctx)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::__decode_values(d, self.ctx)
    }
}

/// Decodes a JSON array of entries.
pub(crate) struct EntriesSeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'a, T> EntriesSeed<'a, T> {
    /// A seed reporting errors into `ctx`.
    pub(crate) fn new(ctx: &'a DecodeCtx) -> Self {
        EntriesSeed {
            ctx,
            _t: PhantomData,
        }
    }
}

impl<'de, T: AttioEntry> DeserializeSeed<'de> for EntriesSeed<'_, T> {
    type Value = Vec<Entry<T>>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, T: AttioEntry> Visitor<'de> for EntriesSeed<'_, T> {
    type Value = Vec<Entry<T>>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "an array of `{}` list entries", T::LIST)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(16));
        loop {
            match seq.next_element_seed(EntrySeed::<T>::new(self.ctx)) {
                Ok(Some(e)) => out.push(e),
                Ok(None) => return Ok(out),
                Err(e) => {
                    self.ctx.push_index(out.len());
                    return Err(e);
                }
            }
        }
    }
}

impl<'de, T: AttioEntry> Deserialize<'de> for Entry<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let ctx = DecodeCtx::new();
        EntrySeed::<T>::new(&ctx).deserialize(deserializer)
    }
}

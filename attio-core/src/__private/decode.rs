//! Decoding straight from the response bytes: the value-object visitor, the value-array
//! seeds and the record visitor. Errors leave their path in a [`DecodeCtx`] as they unwind,
//! so the happy path pays nothing for error reporting.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use uuid::Uuid;

use super::Key;
use crate::error::DecodeError;
use crate::record::{AttioRecord, Record, RecordId};
use crate::values::{Actor, Envelope, ReadValue, Timestamp};

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathSeg {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Where a decode error happened, filled in while the error unwinds.
#[derive(Debug, Default)]
pub struct DecodeCtx {
    path: RefCell<Vec<PathSeg>>,
    detail: RefCell<Option<(String, String)>>,
    attribute: RefCell<Option<String>>,
    record_id: Cell<Option<Uuid>>,
}

impl DecodeCtx {
    /// A fresh context.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an object key on the error path (innermost first).
    #[cold]
    pub fn push_key(&self, key: &str) {
        self.path.borrow_mut().push(PathSeg::Key(key.to_owned()));
    }

    /// Records an array index on the error path (innermost first).
    #[cold]
    pub fn push_index(&self, index: usize) {
        self.path.borrow_mut().push(PathSeg::Index(index));
    }

    /// Records the attribute slug the error is in.
    #[cold]
    pub fn set_attribute(&self, slug: &str) {
        let mut a = self.attribute.borrow_mut();
        if a.is_none() {
            *a = Some(slug.to_owned());
        }
    }

    /// Records what was expected and what was found, for errors that are not serde's own.
    #[cold]
    pub fn set_detail(&self, expected: impl Into<String>, found: impl Into<String>) {
        let mut d = self.detail.borrow_mut();
        if d.is_none() {
            *d = Some((expected.into(), found.into()));
        }
    }

    /// Records the id of the record being decoded.
    pub fn set_record_id(&self, id: Uuid) {
        self.record_id.set(Some(id));
    }

    /// Forgets the record id (between the records of a list).
    pub fn clear_record_id(&self) {
        self.record_id.set(None);
    }

    /// Turns a serde_json error into a [`DecodeError`] with the recorded path.
    pub fn into_error(self, object: &'static str, err: &serde_json::Error) -> DecodeError {
        let mut path = String::new();
        for seg in self.path.into_inner().iter().rev() {
            match seg {
                PathSeg::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                PathSeg::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        if path.is_empty() {
            path.push('$');
        }
        let (expected, found) = match self.detail.into_inner() {
            Some(d) => d,
            None => split_serde_message(err),
        };
        let position = (err.line() > 0).then(|| (err.line(), err.column()));
        DecodeError {
            object,
            record_id: self.record_id.get(),
            attribute: self.attribute.into_inner(),
            path,
            expected,
            found,
            position,
        }
    }
}

/// Splits serde's "invalid type: X, expected Y" and friends into (expected, found).
fn split_serde_message(err: &serde_json::Error) -> (String, String) {
    use serde_json::error::Category;
    if err.classify() == Category::Eof {
        return (
            "more JSON".into(),
            "the end of the input (truncated body)".into(),
        );
    }
    if err.classify() == Category::Syntax {
        let msg = strip_position(&err.to_string());
        return ("well-formed JSON".into(), msg);
    }
    let msg = strip_position(&err.to_string());
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = msg.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            return (expected.to_owned(), found.to_owned());
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return (format!("the field {rest}"), "no such field".into());
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return (expected.to_owned(), format!("variant {found}"));
    }
    ("a valid value".into(), msg)
}

fn strip_position(msg: &str) -> String {
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_owned(),
        None => msg.to_owned(),
    }
}

/// Decodes one read-side value object into `V`, also telling whether it is active.
pub struct ValueSeed<'a, V> {
    ctx: &'a DecodeCtx,
    _v: PhantomData<fn() -> V>,
}

impl<'a, V> ValueSeed<'a, V> {
    /// A seed reporting errors into `ctx`.
    pub fn new(ctx: &'a DecodeCtx) -> Self {
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
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let step = match key.as_str() {
                "active_until" => {
                    if V::WANTS_ENVELOPE {
                        map.next_value::<Option<Timestamp>>().map(|t| {
                            active = t.is_none();
                            envelope.active_until = t;
                        })
                    } else {
                        map.next_value::<Option<IgnoredAny>>()
                            .map(|t| active = t.is_none())
                    }
                }
                "active_from" if V::WANTS_ENVELOPE => map
                    .next_value::<Option<Timestamp>>()
                    .map(|t| envelope.active_from = t),
                "created_by_actor" if V::WANTS_ENVELOPE => map
                    .next_value::<Option<Actor>>()
                    .map(|a| envelope.created_by_actor = a),
                "active_from" | "created_by_actor" => map.next_value::<IgnoredAny>().map(drop),
                "attribute_type" => map.next_value::<Key<'de>>().map(|t| {
                    if t.as_str() != V::TYPE.as_str() {
                        mismatch = Some(t.as_str().to_owned());
                    }
                }),
                k => V::read_field(&mut builder, k, &mut map),
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
pub trait Collect<V>: Sized {
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
pub struct ArraySeed<'a, V, C = Vec<V>> {
    ctx: &'a DecodeCtx,
    all: bool,
    _v: PhantomData<fn() -> (V, C)>,
}

impl<'a, V> ArraySeed<'a, V> {
    /// Every active value.
    pub fn active(ctx: &'a DecodeCtx) -> Self {
        ArraySeed {
            ctx,
            all: false,
            _v: PhantomData,
        }
    }

    /// Every value, active or historic.
    pub fn all(ctx: &'a DecodeCtx) -> Self {
        ArraySeed {
            ctx,
            all: true,
            _v: PhantomData,
        }
    }
}

impl<'a, V> ArraySeed<'a, V, Option<V>> {
    /// The first active value only (single-valued attributes).
    pub fn first_active(ctx: &'a DecodeCtx) -> Self {
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

/// Decodes one record object (`{id, created_at, web_url, values}`).
pub struct RecordSeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'a, T> RecordSeed<'a, T> {
    /// A seed reporting errors into `ctx`.
    pub fn new(ctx: &'a DecodeCtx) -> Self {
        RecordSeed {
            ctx,
            _t: PhantomData,
        }
    }
}

impl<'de, T: AttioRecord> RecordSeed<'_, T> {
    /// Runs the seed on a deserializer.
    pub fn deserialize_record<D: Deserializer<'de>>(self, d: D) -> Result<Record<T>, D::Error> {
        d.deserialize_map(self)
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
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let step = match key.as_str() {
                "id" => map.next_value::<RecordId>().map(|v| {
                    self.ctx.set_record_id(v.record_id);
                    id = Some(v);
                }),
                "created_at" => map.next_value::<Timestamp>().map(|v| created_at = Some(v)),
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
        T::__decode_values(d, self.ctx)
    }
}

/// Decodes `{"data": X}` with `seed` for X, ignoring other top-level keys.
pub struct DataSeed<'a, S>(pub &'a DecodeCtx, pub S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for DataSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for DataSeed<'_, S> {
    type Value = S::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a `data` key")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<S::Value, A::Error> {
        let mut seed = Some(self.1);
        let mut out = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if key.as_str() == "data"
                && let Some(s) = seed.take()
            {
                out = Some(
                    map.next_value_seed(s)
                        .inspect_err(|_| self.0.push_key("data"))?,
                );
                continue;
            }
            map.next_value::<IgnoredAny>()?;
        }
        out.ok_or_else(|| {
            self.0
                .set_detail("an object with a `data` key", "no `data` key");
            de::Error::missing_field("data")
        })
    }
}

/// Decodes a JSON array of records.
pub struct RecordsSeed<'a, T> {
    ctx: &'a DecodeCtx,
    _t: PhantomData<fn() -> T>,
}

impl<'a, T> RecordsSeed<'a, T> {
    /// A seed reporting errors into `ctx`.
    pub fn new(ctx: &'a DecodeCtx) -> Self {
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

/// Decodes a JSON array of value objects (the value-history endpoint), every value kept.
pub fn history_seed<V>(ctx: &DecodeCtx) -> ArraySeed<'_, V> {
    ArraySeed::all(ctx)
}

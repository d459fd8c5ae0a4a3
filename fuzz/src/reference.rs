//! An independent reference decoder: the read rules of attio-core, re-implemented over a
//! parsed `serde_json::Value`, without calling any of attio-core's decoding.
//!
//! It builds the comparable form of [`crate::norm`] directly. Where the library's rules are
//! lenient, the reference is lenient in the same documented ways (numbers as strings for
//! `currency_value`, numbers for `latitude` / `longitude` / `postcode`, `"true"` /
//! `"false"` for checkboxes, integral floats for integers and ratings, status and select
//! options as objects or bare ids, nulls where the value still makes sense, …). Where a rule
//! is ambiguous, it follows the rustdoc of the value type:
//!
//! * **phone-number**: the normalised number is `phone_number` if that key holds a string,
//!   otherwise `normalized_phone_number` ("the normalised number under `phone_number` (what
//!   the API sends) or `normalized_phone_number` (what the docs say)"): a `null` under one
//!   name does not hide a number under the other, and the key order does not matter.
//! * **dates and timestamps** are parsed by the grammar the docs give, written here by hand:
//!   a `date` is `YYYY-MM-DD` or a full datetime whose UTC date is taken; a `timestamp` is
//!   RFC 3339 (`T`/`t`, `Z`/`z` or `±HH:MM`, 1–9 fractional digits), and a datetime without
//!   an offset is UTC. The record's `created_at` and a `Tracked` value's `active_from` /
//!   `active_until` need the offset. Forms beyond these (which chrono may accept, such as a
//!   space for `T`, leap seconds or more than nine fractional digits) are refused here, so
//!   inputs that use them are simply not compared.
//! * **envelope structs** (`id`, `created_by_actor`, `owner_actor`, a status's or option's
//!   `id`) are read as JSON objects only.
//!
//! `None` means "the reference refuses this input"; the differential target only compares
//! inputs both decoders accept.

use std::collections::HashSet;
use std::fmt;

use chrono::{NaiveDate, NaiveTime, TimeDelta};
use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::norm::{Bits, Expected, Field, NActor, NId, NValue};
use attio_core::values::{Date, Timestamp};

/// The value type of a field, as the reference reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `text` into `String`
    Text,
    /// `number` into `f64`
    Number,
    /// `number` into `i64`
    Integer,
    /// `checkbox`
    Checkbox,
    /// `currency`
    Currency,
    /// `date`
    Date,
    /// `timestamp`
    Timestamp,
    /// `rating`
    Rating,
    /// `status`
    Status,
    /// `select`
    Select,
    /// `record-reference` whose target must be this object
    RecordRef(&'static str),
    /// `record-reference` to any object
    AnyRecordRef,
    /// `actor-reference`
    ActorRef,
    /// `location`
    Location,
    /// `domain`
    Domain,
    /// `email-address`
    EmailAddress,
    /// `phone-number`
    PhoneNumber,
    /// `personal-name`
    PersonalName,
    /// `interaction`
    Interaction,
}

impl Kind {
    /// The `attribute_type` Attio sends for this kind.
    pub fn attribute_type(self) -> &'static str {
        match self {
            Kind::Text => "text",
            Kind::Number | Kind::Integer => "number",
            Kind::Checkbox => "checkbox",
            Kind::Currency => "currency",
            Kind::Date => "date",
            Kind::Timestamp => "timestamp",
            Kind::Rating => "rating",
            Kind::Status => "status",
            Kind::Select => "select",
            Kind::RecordRef(_) | Kind::AnyRecordRef => "record-reference",
            Kind::ActorRef => "actor-reference",
            Kind::Location => "location",
            Kind::Domain => "domain",
            Kind::EmailAddress => "email-address",
            Kind::PhoneNumber => "phone-number",
            Kind::PersonalName => "personal-name",
            Kind::Interaction => "interaction",
        }
    }
}

/// How many values a field holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mult {
    /// `T`: the one active value; none, or more than one, is an error.
    One,
    /// `Option<T>`: the one active value, if any; more than one is an error.
    Optional,
    /// `Vec<T>`: every active value, in order.
    Many,
}

/// One field of a model, as the reference knows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldSpec {
    /// The attribute slug.
    pub slug: &'static str,
    /// The value type.
    pub kind: Kind,
    /// `T`, `Option<T>` or `Vec<T>`.
    pub mult: Mult,
    /// Whether the value is a `Tracked<…>`.
    pub tracked: bool,
}

/// A single-record response, `{"data":{…}}`.
pub fn decode_record(schema: &[FieldSpec], doc: &Value) -> Option<Expected> {
    record(schema, doc.as_object()?.get("data")?)
}

/// A query response, `{"data":[{…}, …]}`.
pub fn decode_records(schema: &[FieldSpec], doc: &Value) -> Option<Vec<Expected>> {
    let list = doc.as_object()?.get("data")?.as_array()?;
    list.iter().map(|r| record(schema, r)).collect()
}

/// One record object: `id`, `created_at` required; `web_url` nullable; a missing `values`
/// is an empty map; other keys ignored.
fn record(schema: &[FieldSpec], v: &Value) -> Option<Expected> {
    let o = v.as_object()?;
    let id = o.get("id")?.as_object()?;
    let id = [
        uuid(id.get("workspace_id")?)?,
        uuid(id.get("object_id")?)?,
        uuid(id.get("record_id")?)?,
    ];
    let created_at = datetime(o.get("created_at")?.as_str()?, false)?;
    let web_url = nullable(o.get("web_url"), string)?;
    let empty = Map::new();
    let values = match o.get("values") {
        None => &empty,
        Some(Value::Object(m)) => m,
        Some(_) => return None,
    };
    let fields = schema
        .iter()
        .map(|spec| field(spec, values.get(spec.slug)))
        .collect::<Option<Vec<_>>>()?;
    Some(Expected {
        id,
        created_at,
        web_url,
        values: fields,
    })
}

/// A value array: a missing key or `null` is empty; every element must be a well-formed
/// value object of the field's type, historic ones included; only active ones are kept.
fn field(spec: &FieldSpec, array: Option<&Value>) -> Option<Field> {
    let elements: &[Value] = match array {
        None | Some(Value::Null) => &[],
        Some(Value::Array(a)) => a,
        Some(_) => return None,
    };
    let mut active = Vec::new();
    for element in elements {
        let (value, is_active) = value_object(spec, element)?;
        if is_active {
            active.push(value);
        }
    }
    if spec.mult != Mult::Many && active.len() > 1 {
        return None;
    }
    Some(match spec.mult {
        Mult::One => Field::One(active.into_iter().next()?),
        Mult::Optional => Field::Optional(active.into_iter().next()),
        Mult::Many => Field::Many(active),
    })
}

/// One value object: the envelope, the `attribute_type` check, then the type's keys.
fn value_object(spec: &FieldSpec, v: &Value) -> Option<(NValue, bool)> {
    let o = v.as_object()?;
    let until = o.get("active_until");
    let (active, envelope) = if spec.tracked {
        let active_until = nullable(until, |t| datetime(t.as_str()?, false))?;
        let active_from = nullable(o.get("active_from"), |t| datetime(t.as_str()?, false))?;
        let created_by_actor = nullable(o.get("created_by_actor"), actor)?;
        (
            active_until.is_none(),
            Some((active_from, active_until, created_by_actor)),
        )
    } else {
        // Untracked: `active_until` only decides whether the value is current; any non-null
        // JSON there means "historic".
        (until.is_none_or(Value::is_null), None)
    };
    if let Some(t) = o.get("attribute_type")
        && t.as_str()? != spec.kind.attribute_type()
    {
        return None;
    }
    let value = typed_value(spec.kind, o)?;
    let value = match envelope {
        Some((active_from, active_until, created_by_actor)) => NValue::Tracked {
            value: Box::new(value),
            active_from,
            active_until,
            created_by_actor,
        },
        None => value,
    };
    Some((value, active))
}

fn typed_value(kind: Kind, o: &Map<String, Value>) -> Option<NValue> {
    Some(match kind {
        // `value`: a string; `null` reads as "".
        Kind::Text => NValue::Text(match o.get("value")? {
            Value::Null => String::new(),
            Value::String(s) => s.clone(),
            _ => return None,
        }),
        // `value`: any JSON number.
        Kind::Number => NValue::Number(Bits::of(number(o.get("value")?)?)),
        Kind::Integer => NValue::Integer(integer(o.get("value")?)?),
        // `value`: a boolean or the strings "true" / "false".
        Kind::Checkbox => NValue::Checkbox(match o.get("value")? {
            Value::Bool(b) => *b,
            Value::String(s) if s == "true" => true,
            Value::String(s) if s == "false" => false,
            _ => return None,
        }),
        Kind::Currency => NValue::Currency {
            // An amount has no sign of zero (the exact decimal reads `-0.0` as 0): `+ 0.0`
            // turns -0.0 into 0.0 and leaves every other value as it is.
            value: Bits::of(number_or_decimal_string(o.get("currency_value")?)? + 0.0),
            code: nullable(o.get("currency_code"), string)?,
        },
        Kind::Date => NValue::Date(date(o.get("value")?.as_str()?)?),
        Kind::Timestamp => NValue::Timestamp(datetime(o.get("value")?.as_str()?, true)?),
        Kind::Rating => NValue::Rating(stars(o.get("value")?)?),
        Kind::Status => status(o.get("status")?)?,
        Kind::Select => select(o.get("option")?)?,
        Kind::RecordRef(object) => {
            let target = o.get("target_object")?.as_str()?;
            if target != object {
                return None;
            }
            NValue::RecordRef {
                target_object: target.to_owned(),
                record_id: Some(uuid(o.get("target_record_id")?)?),
            }
        }
        Kind::AnyRecordRef => NValue::RecordRef {
            target_object: o.get("target_object")?.as_str()?.to_owned(),
            record_id: Some(uuid(o.get("target_record_id")?)?),
        },
        Kind::ActorRef => NValue::ActorRef {
            actor_type: o.get("referenced_actor_type")?.as_str()?.to_owned(),
            actor_id: nullable(o.get("referenced_actor_id"), uuid)?,
            by_email: false,
        },
        Kind::Location => {
            let text = |k: &str| nullable(o.get(k), string);
            let text_or_number = |k: &str| nullable(o.get(k), decimal_text);
            NValue::Location(Box::new([
                text("line_1")?,
                text("line_2")?,
                text("line_3")?,
                text("line_4")?,
                text("locality")?,
                text("region")?,
                text_or_number("postcode")?,
                text("country_code")?,
                text_or_number("latitude")?,
                text_or_number("longitude")?,
            ]))
        }
        // `domain` is required and not nullable; `root_domain` nullable. Read as sent.
        Kind::Domain => NValue::Domain {
            domain: o.get("domain")?.as_str()?.to_owned(),
            root_domain: nullable(o.get("root_domain"), string)?,
        },
        Kind::EmailAddress => {
            let text = |k: &str| nullable(o.get(k), string);
            let email_address = text("email_address")?;
            let original = text("original_email_address")?;
            // A null `email_address` falls back to the original address.
            let email_address = email_address.or_else(|| original.clone())?;
            NValue::Email {
                original_email_address: original.unwrap_or_else(|| email_address.clone()),
                email_address,
                email_domain: text("email_domain")?,
                email_root_domain: text("email_root_domain")?,
                email_local_specifier: text("email_local_specifier")?,
            }
        }
        Kind::PhoneNumber => {
            let text = |k: &str| nullable(o.get(k), string);
            let original = text("original_phone_number")?;
            let normalized = match (text("phone_number")?, text("normalized_phone_number")?) {
                (Some(n), _) => Some(n),
                (None, n) => n,
            };
            // A null original falls back to the normalised number.
            let original = original.or_else(|| normalized.clone())?;
            NValue::Phone {
                original_phone_number: original,
                country_code: text("country_code")?,
                phone_number: normalized,
            }
        }
        Kind::PersonalName => {
            let text = |k: &str| nullable(o.get(k), string);
            let first_name = text("first_name")?.unwrap_or_default();
            let last_name = text("last_name")?.unwrap_or_default();
            // A missing (or null) full name is built from the other two.
            let full_name = match text("full_name")? {
                Some(f) => f,
                None => [first_name.as_str(), last_name.as_str()]
                    .iter()
                    .filter(|s| !s.is_empty())
                    .copied()
                    .collect::<Vec<_>>()
                    .join(" "),
            };
            NValue::Name {
                first_name,
                last_name,
                full_name,
            }
        }
        Kind::Interaction => NValue::Interaction {
            interaction_type: o.get("interaction_type")?.as_str()?.to_owned(),
            interacted_at: datetime(o.get("interacted_at")?.as_str()?, true)?,
            owner_actor: nullable(o.get("owner_actor"), actor)?.unwrap_or(NActor {
                actor_type: None,
                id: None,
            }),
        },
    })
}

/// A missing key or `null` is `Some(None)`; otherwise `read` decides (`None` refuses).
fn nullable<T>(v: Option<&Value>, read: impl Fn(&Value) -> Option<T>) -> Option<Option<T>> {
    match v {
        None | Some(Value::Null) => Some(None),
        Some(v) => read(v).map(Some),
    }
}

fn string(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

fn uuid(v: &Value) -> Option<Uuid> {
    Uuid::parse_str(v.as_str()?).ok()
}

/// `{type, id}`: `type` a string or null (or missing), `id` a UUID or null (or missing).
fn actor(v: &Value) -> Option<NActor> {
    let o = v.as_object()?;
    Some(NActor {
        actor_type: nullable(o.get("type"), string)?,
        id: nullable(o.get("id"), uuid)?,
    })
}

fn number(v: &Value) -> Option<f64> {
    v.as_number()?.as_f64().filter(|f| f.is_finite())
}

/// An `i64`: an integer in range, or an integral float in `[-2^63, 2^63)`.
fn integer(v: &Value) -> Option<i64> {
    let n = v.as_number()?;
    if let Some(i) = n.as_i64() {
        return Some(i);
    }
    if n.is_u64() {
        return None; // above i64::MAX
    }
    let f = n.as_f64()?;
    let two_63 = 9_223_372_036_854_775_808.0_f64;
    (f.is_finite() && f.fract() == 0.0 && f >= -two_63 && f < two_63).then_some(f as i64)
}

/// A rating: an integer 0 to 5, or an integral float 0.0 to 5.0.
fn stars(v: &Value) -> Option<u8> {
    let n = v.as_number()?;
    if let Some(u) = n.as_u64() {
        return (u <= 5).then_some(u as u8);
    }
    if n.is_i64() {
        return None; // negative
    }
    let f = n.as_f64()?;
    (f.fract() == 0.0 && (0.0..=5.0).contains(&f)).then_some(f as u8)
}

/// A finite number, or a string holding a plain decimal (optional sign, digits, optional
/// point and digits; surrounding whitespace allowed).
fn number_or_decimal_string(v: &Value) -> Option<f64> {
    match v {
        Value::Number(_) => number(v),
        Value::String(s) => {
            let t = s.trim();
            let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
            let (int, frac) = match digits.split_once('.') {
                Some((i, f)) => (i, Some(f)),
                None => (digits, None),
            };
            let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
            if !all_digits(int) || !frac.is_none_or(all_digits) {
                return None;
            }
            t.parse::<f64>().ok().filter(|f| f.is_finite())
        }
        _ => None,
    }
}

/// A string, or a number kept as its shortest decimal text (`37.331741`, `95014`).
fn decimal_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => {
            if let Some(u) = n.as_u64() {
                Some(u.to_string())
            } else if let Some(i) = n.as_i64() {
                Some(i.to_string())
            } else {
                n.as_f64().filter(|f| f.is_finite()).map(|f| f.to_string())
            }
        }
        _ => None,
    }
}

/// The id object of a status or option: every key a UUID, null or missing; the own id
/// (`own`) decides whether there is an id at all.
fn option_id(v: &Value, own: &str) -> Option<Option<NId>> {
    let o = v.as_object()?;
    let ws = nullable(o.get("workspace_id"), uuid)?;
    let obj = nullable(o.get("object_id"), uuid)?;
    let attr = nullable(o.get("attribute_id"), uuid)?;
    let id = nullable(o.get(own), uuid)?;
    Some(id.map(|id| NId {
        workspace_id: ws,
        object_id: obj,
        attribute_id: attr,
        id,
    }))
}

fn bool_or_null(v: Option<&Value>) -> Option<bool> {
    Some(nullable(v, Value::as_bool)?.unwrap_or(false))
}

/// A bare status or option string: an id when it parses as a UUID, a title otherwise.
fn bare_id_or_title(s: &str) -> (Option<NId>, Option<String>) {
    match Uuid::parse_str(s) {
        Ok(id) => (
            Some(NId {
                workspace_id: None,
                object_id: None,
                attribute_id: None,
                id,
            }),
            None,
        ),
        Err(_) => (None, Some(s.to_owned())),
    }
}

/// `status`: the full object, or a bare string (a status id when it parses as one, a title
/// otherwise).
fn status(v: &Value) -> Option<NValue> {
    Some(match v {
        Value::String(s) => {
            let (id, title) = bare_id_or_title(s);
            NValue::Status {
                id,
                title,
                is_archived: false,
                celebration_enabled: false,
                target_time_in_status: None,
            }
        }
        Value::Object(o) => NValue::Status {
            id: nullable(o.get("id"), |i| option_id(i, "status_id"))?.flatten(),
            title: nullable(o.get("title"), string)?,
            is_archived: bool_or_null(o.get("is_archived"))?,
            celebration_enabled: bool_or_null(o.get("celebration_enabled"))?,
            target_time_in_status: nullable(o.get("target_time_in_status"), string)?,
        },
        _ => return None,
    })
}

/// `option`: the full object, or a bare string (an option id or a title).
fn select(v: &Value) -> Option<NValue> {
    Some(match v {
        Value::String(s) => {
            let (id, title) = bare_id_or_title(s);
            NValue::Select {
                id,
                title,
                is_archived: false,
            }
        }
        Value::Object(o) => NValue::Select {
            id: nullable(o.get("id"), |i| option_id(i, "option_id"))?.flatten(),
            title: nullable(o.get("title"), string)?,
            is_archived: bool_or_null(o.get("is_archived"))?,
        },
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Dates and times, by hand
// ---------------------------------------------------------------------------------------

fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    b.iter().try_fold(0u32, |n, d| {
        n.checked_mul(10)?.checked_add(u32::from(d - b'0'))
    })
}

/// `YYYY-MM-DD`, exactly.
fn date_only(b: &[u8]) -> Option<NaiveDate> {
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = digits(&b[0..4])?;
    let m = digits(&b[5..7])?;
    let d = digits(&b[8..10])?;
    NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d)
}

/// A `date` value: `YYYY-MM-DD`, or a datetime (offset optional) whose UTC date is taken.
pub fn date(s: &str) -> Option<Date> {
    date_only(s.as_bytes()).or_else(|| datetime(s, true).map(|t| t.date_naive()))
}

/// RFC 3339: `YYYY-MM-DD(T|t)HH:MM:SS[.F{1,9}](Z|z|±HH:MM)`; with `offset_optional`, no
/// offset at all means UTC.
pub fn datetime(s: &str, offset_optional: bool) -> Option<Timestamp> {
    let b = s.as_bytes();
    if b.len() < 19 || !matches!(b[10], b'T' | b't') || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let date = date_only(&b[..10])?;
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let second = digits(&b[17..19])?;
    let mut rest = &b[19..];
    let mut nanos = 0;
    if let Some(after) = rest.strip_prefix(b".") {
        let n = after.iter().take_while(|c| c.is_ascii_digit()).count();
        if n == 0 || n > 9 {
            return None;
        }
        nanos = digits(&after[..n])? * 10u32.pow(9 - n as u32);
        rest = &after[n..];
    }
    let offset_seconds: i64 = match rest {
        [] if offset_optional => 0,
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let h = digits(&[*h1, *h2])?;
            let m = digits(&[*m1, *m2])?;
            if h > 23 || m > 59 {
                return None;
            }
            let secs = i64::from(h * 3600 + m * 60);
            if *sign == b'-' { -secs } else { secs }
        }
        _ => return None,
    };
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    let local = date.and_time(time);
    let utc = local.checked_sub_signed(TimeDelta::try_seconds(offset_seconds)?)?;
    Some(utc.and_utc())
}

// ---------------------------------------------------------------------------------------
// Duplicate keys
// ---------------------------------------------------------------------------------------

/// Whether some JSON object in `bytes` has the same key twice (after unescaping). `None`
/// when `bytes` is not JSON.
///
/// RFC 8259 leaves the meaning of duplicate names open, and `serde_json::Value` keeps the
/// last one, so the differential target does not compare such inputs.
pub fn has_duplicate_keys(bytes: &[u8]) -> Option<bool> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let scan = DupScan::deserialize(&mut de).ok()?;
    de.end().ok()?;
    Some(scan.0)
}

struct DupScan(bool);

impl<'de> Deserialize<'de> for DupScan {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = DupScan;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON")
            }
            fn visit_bool<E>(self, _: bool) -> Result<DupScan, E> {
                Ok(DupScan(false))
            }
            fn visit_i64<E>(self, _: i64) -> Result<DupScan, E> {
                Ok(DupScan(false))
            }
            fn visit_u64<E>(self, _: u64) -> Result<DupScan, E> {
                Ok(DupScan(false))
            }
            fn visit_f64<E>(self, _: f64) -> Result<DupScan, E> {
                Ok(DupScan(false))
            }
            fn visit_str<E>(self, _: &str) -> Result<DupScan, E> {
                Ok(DupScan(false))
            }
            fn visit_unit<E>(self) -> Result<DupScan, E> {
                Ok(DupScan(false))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<DupScan, A::Error> {
                let mut dup = false;
                while let Some(DupScan(d)) = seq.next_element()? {
                    dup |= d;
                }
                Ok(DupScan(dup))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<DupScan, A::Error> {
                let mut seen = HashSet::new();
                let mut dup = false;
                while let Some(key) = map.next_key::<String>()? {
                    dup |= !seen.insert(key);
                    let DupScan(d) = map.next_value()?;
                    dup |= d;
                }
                Ok(DupScan(dup))
            }
        }
        d.deserialize_any(V)
    }
}

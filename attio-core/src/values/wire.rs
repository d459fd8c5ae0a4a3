//! Shared pieces of the value types: lenient scalar readers that run straight off the
//! deserializer (numbers that arrive as strings, integral floats, dates that arrive as
//! datetimes), small write helpers, and the checks several types share.

use std::fmt;

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Unexpected, Visitor};
use serde::ser::{Serialize, SerializeMap, SerializeSeq, Serializer};
use uuid::Uuid;

use super::rfc3339::parse_fixed_utc;
use super::{Date, Timestamp};
use crate::decode::key::Key;
use crate::decode::raw_key::RawKey;
use crate::error::{Error, ValueError};

/// A validation failure as the crate's error.
#[cold]
pub(crate) fn invalid(kind: &'static str, value: &str, reason: impl Into<String>) -> Error {
    Error::from(ValueError::new(kind, value, reason))
}

// ---------------------------------------------------------------------------------------
// Read helpers
// ---------------------------------------------------------------------------------------

/// Consumes the value of a key this type does not read.
#[inline]
pub(crate) fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(|_| ())
}

/// An `i64` sent as a JSON number; an integral float such as `100.0` is accepted, a
/// fractional one is an error.
pub(crate) struct Integer(pub i64);

impl<'de> Deserialize<'de> for Integer {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Integer;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an integer (the field is an `i64`; use `f64` for fractional numbers)")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(Integer(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                i64::try_from(v)
                    .map(Integer)
                    .map_err(|_| E::invalid_value(Unexpected::Unsigned(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                // -2^63 is exact as an f64; 2^63 is the first value out of range.
                const MIN: f64 = -9_223_372_036_854_775_808.0;
                if v.is_finite() && v.fract() == 0.0 && (MIN..-MIN).contains(&v) {
                    Ok(Integer(v as i64))
                } else {
                    Err(E::invalid_value(Unexpected::Float(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A `bool`, also sent as the strings `"true"` / `"false"`.
pub(crate) struct LenientBool(pub bool);

impl<'de> Deserialize<'de> for LenientBool {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = LenientBool;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a boolean")
            }
            fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
                Ok(LenientBool(v))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                match v {
                    "true" => Ok(LenientBool(true)),
                    "false" => Ok(LenientBool(false)),
                    _ => Err(E::invalid_value(Unexpected::Str(v), &self)),
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A nullable string that may also arrive as a JSON number (`latitude`, `longitude`,
/// `postcode`): kept as the decimal text, never rounded through a float twice.
pub(crate) struct TextOrNumber(pub Option<String>);

impl<'de> Deserialize<'de> for TextOrNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = TextOrNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string, a number or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(TextOrNumber(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(TextOrNumber(None))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Ok(TextOrNumber(Some(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
                Ok(TextOrNumber(Some(v)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
                Ok(TextOrNumber(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
                Ok(TextOrNumber(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
                if v.is_finite() {
                    // `Display` of an f64 is the shortest text that reads back to it, without
                    // an exponent: 37.331741 stays "37.331741".
                    Ok(TextOrNumber(Some(v.to_string())))
                } else {
                    Err(E::invalid_value(Unexpected::Float(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

/// A UUID (record, actor and object ids); a malformed one is an error that quotes it.
pub(crate) struct UuidText(pub Uuid);

impl<'de> Deserialize<'de> for UuidText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawKey::deserialize(d)?;
        if let Ok(id) = Uuid::try_parse_ascii(raw.bytes()) {
            return Ok(UuidText(id));
        }
        let s = raw.into_key::<D::Error>()?;
        Err(de::Error::invalid_value(
            Unexpected::Str(s.as_str()),
            &"a UUID",
        ))
    }
}

/// A `date` value: `YYYY-MM-DD`, or a full datetime whose UTC date is taken.
pub(crate) struct DateText(pub Date);

impl<'de> Deserialize<'de> for DateText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Key::deserialize(d)?;
        match parse_date(s.as_str()) {
            Some(date) => Ok(DateText(date)),
            None => Err(de::Error::invalid_value(
                Unexpected::Str(s.as_str()),
                &"a date as YYYY-MM-DD",
            )),
        }
    }
}

/// A `timestamp` value: RFC 3339 (Attio sends nine fractional digits and `Z`).
pub(crate) struct TimestampText(pub Timestamp);

impl<'de> Deserialize<'de> for TimestampText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = RawKey::deserialize(d)?;
        if let Some(t) = parse_fixed_utc(raw.bytes()) {
            return Ok(TimestampText(t));
        }
        let s = raw.into_key::<D::Error>()?;
        match parse_timestamp(s.as_str()) {
            Some(t) => Ok(TimestampText(t)),
            None => Err(de::Error::invalid_value(
                Unexpected::Str(s.as_str()),
                &"an RFC 3339 timestamp such as 2023-01-01T15:00:00.000000000Z",
            )),
        }
    }
}

/// Parses a date, or the UTC date of a datetime.
pub(crate) fn parse_date(s: &str) -> Option<Date> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if s.len() > 10 {
        return parse_timestamp(s).map(|t| t.date_naive());
    }
    None
}

/// Parses an RFC 3339 timestamp (any offset, converted to UTC); a datetime without an offset
/// is taken as UTC, as Attio does.
pub(crate) fn parse_timestamp(s: &str) -> Option<Timestamp> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    if let Ok(t) = s.parse::<DateTime<Utc>>() {
        return Some(t);
    }
    s.parse::<NaiveDateTime>().ok().map(|n| n.and_utc())
}

// ---------------------------------------------------------------------------------------
// Write helpers
// ---------------------------------------------------------------------------------------

/// Serializes `[{key: value}]`, the form of a unique attribute inside a record reference
/// (`"domains":[{"domain":"attio.com"}]`).
pub(crate) struct OneKeyArray<'a> {
    pub key: &'static str,
    pub value: &'a str,
}

impl Serialize for OneKeyArray<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct Inner<'a>(&'static str, &'a str);
        impl Serialize for Inner<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry(self.0, self.1)?;
                m.end()
            }
        }
        let mut seq = s.serialize_seq(Some(1))?;
        seq.serialize_element(&Inner(self.key, self.value))?;
        seq.end()
    }
}

// ---------------------------------------------------------------------------------------
// Shared checks
// ---------------------------------------------------------------------------------------

/// Whether `s` is a plain decimal number: optional sign, digits, optional point followed by
/// digits. No exponent, no spaces.
pub(crate) fn is_decimal(s: &str) -> bool {
    decimal_places(s).is_some()
}

/// The number of digits after the point of a plain decimal number, or `None` when `s` is
/// not one.
pub(crate) fn decimal_places(s: &str) -> Option<usize> {
    let s = s.strip_prefix(['-', '+']).unwrap_or(s);
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match frac {
        None => Some(0),
        Some(f) if !f.is_empty() && f.bytes().all(|b| b.is_ascii_digit()) => Some(f.len()),
        Some(_) => None,
    }
}

/// Checks a host name the way Attio's domain and email-address attributes need it: at least
/// two labels, each 1–63 letters, digits or hyphens (not at either end), not ending in a
/// number. Returns why it is not one.
pub(crate) fn check_host(host: &str) -> Result<(), String> {
    if host.is_empty() {
        return Err("it is empty".into());
    }
    if host.len() > 253 {
        return Err("it is longer than 253 characters".into());
    }
    if !host.contains('.') {
        return Err("it has no dot: a domain has at least two labels, like `attio.com`".into());
    }
    for label in host.split('.') {
        if label.is_empty() {
            return Err("it has an empty label (a dot at either end, or two dots in a row)".into());
        }
        if label.len() > 63 {
            return Err(format!("its label `{label}` is longer than 63 characters"));
        }
        if let Some(c) = label.chars().find(|&c| {
            !(c.is_ascii_alphanumeric() || c == '-' || (!c.is_ascii() && c.is_alphanumeric()))
        }) {
            return Err(format!(
                "it contains {c:?}, which is not allowed in a domain"
            ));
        }
        if label.starts_with('-') || label.ends_with('-') {
            return Err(format!("its label `{label}` starts or ends with a hyphen"));
        }
    }
    let tld = host.rsplit('.').next().unwrap_or(host);
    if tld.bytes().all(|b| b.is_ascii_digit()) {
        return Err("it ends in a number: an IP address is not a domain".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals() {
        assert_eq!(decimal_places("37.331741"), Some(6));
        assert_eq!(decimal_places("-122"), Some(0));
        assert_eq!(decimal_places("+1.5"), Some(1));
        assert_eq!(decimal_places("1."), None);
        assert_eq!(decimal_places(".5"), None);
        assert_eq!(decimal_places("1e5"), None);
        assert_eq!(decimal_places(""), None);
    }

    #[test]
    fn hosts() {
        assert!(check_host("attio.com").is_ok());
        assert!(check_host("app.attio.com").is_ok());
        assert!(check_host("xn--bcher-kva.example").is_ok());
        assert!(check_host("bücher.example").is_ok());
        assert!(check_host("attio").is_err());
        assert!(check_host("attio..com").is_err());
        assert!(check_host("-attio.com").is_err());
        assert!(check_host("at tio.com").is_err());
        assert!(check_host("1.2.3.4").is_err());
    }

    #[test]
    fn dates_and_timestamps() {
        assert_eq!(
            parse_date("2023-01-31"),
            NaiveDate::from_ymd_opt(2023, 1, 31)
        );
        assert_eq!(
            parse_date("2023-01-31T23:30:00-05:00"),
            NaiveDate::from_ymd_opt(2023, 2, 1)
        );
        assert_eq!(parse_date("31/01/2023"), None);
        let t = parse_timestamp("2023-01-01T15:00:00.123456789Z").unwrap();
        assert_eq!(t.timestamp_subsec_nanos(), 123_456_789);
        assert!(parse_timestamp("2023-01-01T15:00:00").is_some());
        assert!(parse_timestamp("yesterday").is_none());
    }
}

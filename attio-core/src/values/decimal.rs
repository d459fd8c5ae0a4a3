//! Exact decimals: `number` attributes as [`Decimal`], and the reading and writing of a JSON
//! number's own text that [`Currency`](super::Currency) and `Decimal` share. No amount ever
//! passes through an `f64`.
//!
//! **Reading.** serde_json (without its `arbitrary_precision` feature, which attio-rs leaves
//! off: it would turn every number of every body into an allocated string handed to each
//! visitor as a map) gives a visitor an `f64`, `u64` or `i64`, never the text. Its raw-value
//! support (the `raw_value` feature, on in attio-rs) does hand out the text: asked for the
//! newtype struct serde_json reserves for [`serde_json::value::RawValue`], its deserializers
//! (from a slice, a string, a reader or a `serde_json::Value`) visit a one-entry map whose
//! value is the token's text, borrowed from the input when it can be. [`ExactDecimal`]
//! asks for that and parses the text with [`Decimal::from_str_exact`] (or
//! [`Decimal::from_scientific`] for an exponent), so `0.3` is `0.3` and an 18-digit amount
//! keeps all 18 digits, without an allocation. Any other deserializer gets the same request
//! as a plain newtype and answers with a number or a string: an `f64` is then taken at its
//! shortest text (`4.99` → `4.99`).
//!
//! **Writing.** [`write_decimal`] formats the decimal on the stack and serializes it as a
//! [`RawValue`](serde_json::value::RawValue) borrowed from that buffer: serde_json writes
//! the text as it is, as a JSON number (`0.3`, `499.00`), with no allocation.

use std::fmt::{self, Write as _};

use rust_decimal::Decimal;
use serde::Serializer;
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, MapAccess};
use serde::de::{Unexpected, Visitor};
use serde::ser::Error as _;
use serde_json::value::RawValue;

use super::wire::{is_decimal, skip};
use super::{AttioValue, Envelope, LookupKey, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// The name under which serde_json's deserializers hand out a token's raw text (the newtype
/// name of [`RawValue`]). Were it ever to change, reading degrades to the number serde_json
/// visits with (exact for strings and integers, the shortest text of an `f64` otherwise);
/// the exactness tests would say so.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// What the readers expect, for error messages.
const EXPECTED: &str = "a number or a numeric string";

/// A decimal read exactly from a JSON number's text, or from a string holding a plain
/// decimal number (`"499.00"`).
pub(crate) struct ExactDecimal(pub Decimal);

impl<'de> Deserialize<'de> for ExactDecimal {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(RAW_VALUE_TOKEN, RawVisitor)
    }
}

/// Receives serde_json's raw text (as a one-entry map), or any other deserializer's value.
struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = ExactDecimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ExactDecimal, A::Error> {
        if map.next_key::<IgnoredAny>()?.is_none() {
            return Err(de::Error::invalid_type(Unexpected::Map, &self));
        }
        map.next_value_seed(RawText)
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<ExactDecimal, D::Error> {
        d.deserialize_any(Lenient)
    }
}

/// The raw text of one JSON token.
struct RawText;

impl<'de> DeserializeSeed<'de> for RawText {
    type Value = ExactDecimal;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<ExactDecimal, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for RawText {
    type Value = ExactDecimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    #[inline]
    fn visit_str<E: de::Error>(self, raw: &str) -> Result<ExactDecimal, E> {
        from_json_text(raw.trim())
    }
}

/// Parses one JSON token's text: a number, or a string holding a plain decimal.
#[inline]
fn from_json_text<E: de::Error>(raw: &str) -> Result<ExactDecimal, E> {
    match raw.as_bytes().first() {
        Some(b'-' | b'0'..=b'9') => number_text(raw),
        Some(b'"') => {
            if raw.contains('\\') {
                // An escaped string is not a plain number anyway, but say what it holds.
                let s: String = serde_json::from_str(raw).map_err(E::custom)?;
                string_text(&s)
            } else {
                string_text(&raw[1..raw.len().saturating_sub(1).max(1)])
            }
        }
        Some(b'n') => Err(E::invalid_type(Unexpected::Unit, &EXPECTED)),
        Some(b't') => Err(E::invalid_type(Unexpected::Bool(true), &EXPECTED)),
        Some(b'f') => Err(E::invalid_type(Unexpected::Bool(false), &EXPECTED)),
        Some(b'{') => Err(E::invalid_type(Unexpected::Map, &EXPECTED)),
        Some(b'[') => Err(E::invalid_type(Unexpected::Seq, &EXPECTED)),
        _ => Err(E::invalid_value(Unexpected::Str(raw), &EXPECTED)),
    }
}

/// A JSON number's text, exactly.
#[inline]
pub(crate) fn number_text<E: de::Error>(text: &str) -> Result<ExactDecimal, E> {
    let parsed = if text.bytes().any(|b| b == b'e' || b == b'E') {
        Decimal::from_scientific(text)
    } else {
        Decimal::from_str_exact(text)
    };
    parsed.map(ExactDecimal).map_err(|_| {
        E::custom(format_args!(
            "the number {text} cannot be held exactly as a decimal (at most 28 significant digits, magnitude below 7.9e28)"
        ))
    })
}

/// A string holding a plain decimal number (`"499.00"`), exactly.
fn string_text<E: de::Error>(s: &str) -> Result<ExactDecimal, E> {
    let t = s.trim();
    if is_decimal(t)
        && let Ok(d) = Decimal::from_str_exact(t)
    {
        return Ok(ExactDecimal(d));
    }
    Err(E::invalid_value(Unexpected::Str(s), &EXPECTED))
}

/// The values of deserializers other than serde_json's.
struct Lenient;

impl<'de> Visitor<'de> for Lenient {
    type Value = ExactDecimal;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<ExactDecimal, E> {
        Ok(ExactDecimal(Decimal::from(v)))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<ExactDecimal, E> {
        Ok(ExactDecimal(Decimal::from(v)))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<ExactDecimal, E> {
        decimal_of_f64(v)
            .map(ExactDecimal)
            .ok_or_else(|| E::invalid_value(Unexpected::Float(v), &EXPECTED))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<ExactDecimal, E> {
        string_text(v)
    }
}

/// An `f64` as the decimal of its shortest text (`4.99` → `4.99`, `0.1 + 0.2` →
/// `0.30000000000000004`); `None` for NaN, the infinities and magnitudes a [`Decimal`] cannot
/// hold.
pub(crate) fn decimal_of_f64(v: f64) -> Option<Decimal> {
    if !v.is_finite() {
        return None;
    }
    let mut buf = StackText::new();
    // `Display` of an f64 never uses an exponent; a text longer than the buffer is a
    // magnitude no `Decimal` holds.
    write!(buf, "{v}").ok()?;
    Decimal::from_str_exact(buf.as_str()).ok()
}

/// Formats into a fixed buffer on the stack; writing more than it holds fails.
pub(crate) struct StackText {
    buf: [u8; 64],
    len: usize,
}

impl StackText {
    pub(crate) fn new() -> Self {
        StackText {
            buf: [0; 64],
            len: 0,
        }
    }

    pub(crate) fn as_str(&self) -> &str {
        // Only whole `str`s are ever copied in.
        std::str::from_utf8(&self.buf[..self.len]).unwrap_or_default()
    }
}

impl fmt::Write for StackText {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

/// Serializes a decimal as a JSON number with its exact text (`0.3`, `499.00`).
pub(crate) fn write_decimal<S: Serializer>(d: &Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let mut buf = StackText::new();
    write!(buf, "{d}").map_err(|_| S::Error::custom(format_args!("cannot format {d}")))?;
    let raw: &RawValue = serde_json::from_str(buf.as_str())
        .map_err(|e| S::Error::custom(format_args!("cannot write the decimal {d}: {e}")))?;
    serde::Serialize::serialize(raw, serializer)
}

/// Whether Attio, which stores numbers as 64-bit floats, keeps `d` exactly: the nearest
/// `f64` reads back as the same decimal.
fn fits_f64(d: &Decimal) -> bool {
    let mut buf = StackText::new();
    if write!(buf, "{d}").is_err() {
        return false;
    }
    match buf.as_str().parse::<f64>() {
        Ok(f) => decimal_of_f64(f).is_some_and(|back| back == *d),
        Err(_) => false,
    }
}

/// `number` as an exact [`Decimal`]: reads `value` from the JSON number's text (or a numeric
/// string), never through an `f64`. Written as a bare JSON number with the decimal's own
/// text. `validate` refuses a decimal that a 64-bit float, which is how Attio stores
/// numbers, cannot hold exactly (more than about 15 significant digits, such as
/// `0.12345678901234567`), as it refuses an `i64` beyond ±2^53.
///
/// ```
/// use attio_core::Decimal;
/// use attio_core::values::{WriteForm, WriteValue};
/// let d: Decimal = "0.1".parse::<Decimal>().unwrap() + "0.2".parse::<Decimal>().unwrap();
/// assert_eq!(serde_json::to_string(&WriteForm(&d)).unwrap(), "0.3");
/// assert!("0.12345678901234567".parse::<Decimal>().unwrap().validate().is_err());
/// ```
impl AttioValue for Decimal {
    const TYPE: AttributeType = AttributeType::Number;
}

impl ReadValue for Decimal {
    type Builder = Option<Decimal>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<Decimal>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(map.next_value::<ExactDecimal>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<Decimal>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for Decimal {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_decimal(self, serializer)
    }

    fn validate(&self) -> Result<(), ValueError> {
        if fits_f64(self) {
            Ok(())
        } else {
            Err(ValueError::new(
                "number",
                self.to_string(),
                "Attio stores numbers as 64-bit floats, which cannot hold this decimal exactly (about 15 significant digits at most)",
            ))
        }
    }

    fn __lookup_key(&self) -> Option<LookupKey> {
        Some(LookupKey::Decimal(*self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Decimal, serde_json::Error> {
        serde_json::from_str::<ExactDecimal>(json).map(|d| d.0)
    }

    #[test]
    fn reads_the_text_exactly() {
        assert_eq!(read("0.3").unwrap().to_string(), "0.3");
        assert_eq!(read("499.00").unwrap().to_string(), "499.00");
        assert_eq!(read(r#""499.00""#).unwrap().to_string(), "499.00");
        assert_eq!(read(r#"" 12.5 ""#).unwrap().to_string(), "12.5");
        assert_eq!(
            read("12345678901234.5678").unwrap().to_string(),
            "12345678901234.5678"
        );
        assert_eq!(read("1.5e3").unwrap(), Decimal::from(1500));
        assert_eq!(read("-7").unwrap(), Decimal::from(-7));
        // From a reader (owned text) and from a `Value` (through its f64) too.
        let d: ExactDecimal = serde_json::from_reader("0.1".as_bytes()).unwrap();
        assert_eq!(d.0.to_string(), "0.1");
        let d: ExactDecimal = serde_json::from_value(serde_json::json!(4.99)).unwrap();
        assert_eq!(d.0.to_string(), "4.99");
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        let e = read(r#""lots""#).unwrap_err().to_string();
        assert!(
            e.contains("\"lots\"") && e.contains("numeric string"),
            "{e}"
        );
        let e = read("null").unwrap_err().to_string();
        assert!(e.contains("null"), "{e}");
        let e = read("1e400").unwrap_err().to_string();
        assert!(e.contains("1e400"), "{e}");
        let e = read("0.12345678901234567890123456789012")
            .unwrap_err()
            .to_string();
        assert!(e.contains("exactly"), "{e}");
        assert!(read(r#""1e5""#).is_err());
    }

    #[test]
    fn writes_the_text_exactly() {
        let d = Decimal::new(1, 1) + Decimal::new(2, 1);
        assert_eq!(
            serde_json::to_string(&super::super::WriteForm(&d)).unwrap(),
            "0.3"
        );
        let v = serde_json::to_value(super::super::WriteForm(&d)).unwrap();
        assert_eq!(v, serde_json::json!(0.3));
        assert_eq!(
            decimal_of_f64(0.1 + 0.2).unwrap().to_string(),
            "0.30000000000000004"
        );
        assert_eq!(decimal_of_f64(f64::NAN), None);
        assert_eq!(decimal_of_f64(1e300), None);
        assert!(fits_f64(&Decimal::new(4_99, 2)));
        assert!(!fits_f64(&"123456789012345678".parse().unwrap()));
    }
}

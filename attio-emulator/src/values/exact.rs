//! Currency amounts kept exactly. serde_json (without `arbitrary_precision`) reads every
//! JSON number into an `f64`, which holds about 15 significant digits: an amount such as
//! `9075317300224.3008` would come back as `9075317300224.3`. So request bodies are read
//! with [`parse_body`], which keeps the text of a `currency_value` number a float cannot
//! hold exactly (as a numeric string), and [`currency_amount`] stores an amount a float
//! holds exactly as a JSON number (as the spec shows it) and any other as the numeric
//! string Attio's documentation shows (`"499.00"`), so that its digits survive.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::value::RawValue;
use serde_json::{Map, Number, Value};

/// Parses a request body like `serde_json::from_slice::<Value>`, except that a number under
/// a `currency_value` key that an `f64` cannot hold exactly is kept as its text, a string.
pub(crate) fn parse_body(body: &[u8]) -> serde_json::Result<Value> {
    let mut de = serde_json::Deserializer::from_slice(body);
    let v = Seed { currency: false }.deserialize(&mut de)?;
    de.end()?;
    Ok(v)
}

/// One value; `currency` when it is the value of a `currency_value` key.
struct Seed {
    currency: bool,
}

impl<'de> DeserializeSeed<'de> for Seed {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        if !self.currency {
            return d.deserialize_any(Tree);
        }
        let raw = <&RawValue as serde::Deserialize>::deserialize(d)?;
        let text = raw.get().trim();
        if is_plain_number(text) && !float_holds(text) {
            return Ok(Value::String(text.to_owned()));
        }
        serde_json::from_str(text).map_err(de::Error::custom)
    }
}

/// Builds the `Value` tree, as serde_json's own visitor does.
struct Tree;

impl<'de> Visitor<'de> for Tree {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(Tree)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
        while let Some(v) = seq.next_element_seed(Seed { currency: false })? {
            out.push(v);
        }
        Ok(Value::Array(out))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let currency = key == "currency_value";
            let v = map.next_value_seed(Seed { currency })?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
}

/// A plain decimal number: optional `-`, digits, optional point and digits (no exponent).
fn is_plain_number(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let (int, frac) = s.split_once('.').unwrap_or((s, "0"));
    !int.is_empty()
        && !frac.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit())
}

/// A plain decimal's digits without sign, leading zeros, trailing fractional zeros or a
/// trailing point, and its sign: `-0012.500` → (true, "12.5"); zero has no sign.
fn canonical(s: &str) -> (bool, String) {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let int = if int.is_empty() { "0" } else { int };
    let text = if frac.is_empty() {
        int.to_owned()
    } else {
        format!("{int}.{frac}")
    };
    (neg && text != "0", text)
}

/// Whether the nearest `f64` to the plain decimal `text` reads back as the same number.
fn float_holds(text: &str) -> bool {
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => canonical(&x.to_string()) == canonical(text),
        _ => false,
    }
}

/// Why an amount is refused, for the 400 Attio answers.
pub(crate) enum Refusal {
    /// Not a number, not finite, or 10^15 or more in magnitude.
    Range,
    /// More than four decimal places.
    Places,
    /// Neither a number nor a numeric string.
    Form,
}

/// The stored form of a currency amount given as a JSON number or a numeric string:
/// finite, below 10^15 in magnitude, at most four decimal places (trailing zeros aside).
/// A JSON number when an `f64` holds it exactly, otherwise its exact text as a string.
pub(crate) fn currency_amount(v: &Value) -> Result<Value, Refusal> {
    let text = match v {
        Value::Number(n) => n.to_string(),
        Value::String(s) => s.trim().to_owned(),
        _ => return Err(Refusal::Form),
    };
    if !is_plain_number(&text) {
        // An exponent, or a float's own text: the float decides, as before.
        let x = text.parse::<f64>().map_err(|_| Refusal::Form)?;
        if !x.is_finite() {
            // JSON numbers are finite: this is a string such as "NaN".
            return Err(Refusal::Form);
        }
        return currency_amount(&Value::String(x.to_string()));
    }
    let (_, digits) = canonical(&text);
    let (int, frac) = digits.split_once('.').unwrap_or((&digits, ""));
    if int.len() > 15 {
        return Err(Refusal::Range);
    }
    if frac.len() > 4 {
        return Err(Refusal::Places);
    }
    if float_holds(&text) {
        let x: f64 = text.parse().map_err(|_| Refusal::Form)?;
        super::form::num_value(x).ok_or(Refusal::Range)
    } else {
        Ok(Value::String(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn bodies_keep_the_text_of_amounts_a_float_cannot_hold() {
        let v = parse_body(
            br#"{"a":[{"currency_value":9075317300224.3008}],"b":0.1,"c":{"currency_value":4.99}}"#,
        )
        .unwrap();
        assert_eq!(v["a"][0]["currency_value"], json!("9075317300224.3008"));
        assert_eq!(v["b"], json!(0.1));
        assert_eq!(v["c"]["currency_value"], json!(4.99));
        assert!(parse_body(b"{\"a\":1} x").is_err());
        assert!(parse_body(b"{\"currency_value\":}").is_err());
    }

    #[test]
    fn amounts_are_stored_exactly() {
        let ok = |v: Value| currency_amount(&v).ok();
        assert_eq!(ok(json!(4.99)), Some(json!(4.99)));
        assert_eq!(ok(json!("499.00")), Some(json!(499)));
        assert_eq!(ok(json!(0.3)), Some(json!(0.3)));
        assert_eq!(
            ok(json!("9075317300224.3008")),
            Some(json!("9075317300224.3008"))
        );
        assert_eq!(
            ok(json!("999999999999999.9999")),
            Some(json!("999999999999999.9999"))
        );
        assert!(matches!(
            currency_amount(&json!("1000000000000000")),
            Err(Refusal::Range)
        ));
        assert!(matches!(
            currency_amount(&json!(1e308)),
            Err(Refusal::Range)
        ));
        assert!(matches!(
            currency_amount(&json!("1.00001")),
            Err(Refusal::Places)
        ));
        assert_eq!(ok(json!("1.23450")), Some(json!(1.2345)));
        assert!(matches!(
            currency_amount(&json!("lots")),
            Err(Refusal::Form)
        ));
        assert!(matches!(currency_amount(&json!(true)), Err(Refusal::Form)));
    }
}

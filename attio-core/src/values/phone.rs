//! `phone-number` attributes.

use std::fmt;
use std::hash::{Hash, Hasher};

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::SerializeStruct;

use super::wire::{invalid, is_country_code, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::Error;
use crate::schema::AttributeType;

/// A phone number (`phone-number` attributes), checked when built.
///
/// Attio needs to know the country: the number starts with `+` and the country calling code
/// (`+15558675309`), or a `country_code` (ISO 3166-1 alpha-2, e.g. `US`) comes with it. It
/// normalises the number to E.164 itself: that normalised `phone_number` is read back, never
/// written.
///
/// Two numbers are equal when what is written is equal (`original_phone_number` and
/// `country_code`); the normalised number is not compared.
///
/// Read: `original_phone_number`, `country_code`, and the normalised number under
/// `phone_number` (what the API sends) or `normalized_phone_number` (what the docs say).
/// Written: `{"original_phone_number":"+15558675309","country_code":"US"}` (`country_code`
/// is `null` when `None`).
///
/// ```
/// use attio_core::values::PhoneNumber;
/// let p = PhoneNumber::new("+1 555-867-5309", None)?;
/// assert_eq!(p.original_phone_number(), "+1 555-867-5309");
/// assert!(PhoneNumber::new("555-867-5309", None).is_err()); // no country
/// assert!(PhoneNumber::new("555-867-5309", Some("US")).is_ok());
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PhoneNumber {
    original_phone_number: String,
    country_code: Option<String>,
    phone_number: Option<String>,
}

/// The most digits an E.164 number has.
const MAX_DIGITS: usize = 15;
/// Fewer digits than this cannot be a phone number anywhere.
const MIN_DIGITS: usize = 3;

impl PhoneNumber {
    /// Checks a phone number: digits with optional spaces, dashes, dots and parentheses,
    /// 3 to 15 digits, a leading `+` or a two-letter `country_code` (stored upper-case).
    /// Surrounding whitespace is trimmed.
    pub fn new(number: impl AsRef<str>, country_code: Option<&str>) -> Result<Self, Error> {
        Self::checked(number.as_ref(), country_code)
    }

    fn checked(number: &str, country_code: Option<&str>) -> Result<Self, Error> {
        let n = number.trim();
        check_number(n, country_code.is_some()).map_err(|r| invalid("phone number", number, r))?;
        let country_code = match country_code {
            Some(cc) => {
                let cc = cc.trim();
                if !is_country_code(cc) {
                    return Err(invalid(
                        "country code",
                        cc,
                        "a country code is two letters (ISO 3166-1 alpha-2), like `US` or `GB`",
                    ));
                }
                Some(cc.to_ascii_uppercase())
            }
            None => None,
        };
        Ok(PhoneNumber {
            original_phone_number: n.to_owned(),
            country_code,
            phone_number: None,
        })
    }

    /// `original_phone_number`: the number as given.
    pub fn original_phone_number(&self) -> &str {
        &self.original_phone_number
    }

    /// `country_code`, e.g. `US`.
    pub fn country_code(&self) -> Option<&str> {
        self.country_code.as_deref()
    }

    /// `phone_number`: the number normalised to E.164 by Attio (e.g. `+15558675309`); `None`
    /// for a number built locally.
    pub fn phone_number(&self) -> Option<&str> {
        self.phone_number.as_deref()
    }
}

/// Why `n` is not a phone number Attio accepts.
fn check_number(n: &str, has_country: bool) -> Result<(), String> {
    if n.is_empty() {
        return Err("it is empty".into());
    }
    let body = n.strip_prefix('+').unwrap_or(n);
    if let Some(c) = body
        .chars()
        .find(|&c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
    {
        return Err(format!(
            "it contains {c:?}, which is not part of a phone number"
        ));
    }
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    if digits < MIN_DIGITS {
        return Err(format!(
            "it has {digits} digits, too few for a phone number"
        ));
    }
    if digits > MAX_DIGITS {
        return Err(format!(
            "it has {digits} digits; a phone number has at most {MAX_DIGITS}"
        ));
    }
    if !n.starts_with('+') && !has_country {
        return Err(
            "Attio needs its country: start it with `+` and the country calling code, or give a country code such as `US`"
                .into(),
        );
    }
    Ok(())
}

impl PartialEq for PhoneNumber {
    fn eq(&self, other: &Self) -> bool {
        self.original_phone_number == other.original_phone_number
            && self.country_code == other.country_code
    }
}

impl Eq for PhoneNumber {}

impl Hash for PhoneNumber {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.original_phone_number.hash(state);
        self.country_code.hash(state);
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(
            self.phone_number
                .as_deref()
                .unwrap_or(&self.original_phone_number),
        )
    }
}

/// Collects the keys of a `phone-number` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct PhoneNumberBuilder {
    original: Option<String>,
    country_code: Option<String>,
    /// `phone_number`, the key the live API sends.
    wire: Option<String>,
    /// `normalized_phone_number`, the key the docs show.
    documented: Option<String>,
}

impl AttioValue for PhoneNumber {
    const TYPE: AttributeType = AttributeType::PhoneNumber;
}

impl ReadValue for PhoneNumber {
    type Builder = PhoneNumberBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut PhoneNumberBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let slot = match key {
            "original_phone_number" => &mut b.original,
            "country_code" => &mut b.country_code,
            "phone_number" => &mut b.wire,
            "normalized_phone_number" => &mut b.documented,
            _ => return skip(map),
        };
        // A `null` under one spelling never hides a number under the other.
        if let Some(v) = map.next_value::<Option<String>>()? {
            *slot = Some(v);
        }
        Ok(())
    }

    /// `original_phone_number` is required; when Attio sends it as `null` the normalised
    /// number stands in for it.
    fn finish<E: de::Error>(b: PhoneNumberBuilder, _: Envelope) -> Result<Self, E> {
        // The wire spelling wins over the documented one, whatever their order.
        let normalized = b.wire.or(b.documented);
        let original = match (b.original, &normalized) {
            (Some(o), _) => o,
            (None, Some(n)) => n.clone(),
            (None, None) => return Err(E::missing_field("original_phone_number")),
        };
        Ok(PhoneNumber {
            original_phone_number: original,
            country_code: b.country_code,
            phone_number: normalized,
        })
    }
}

impl WriteValue for PhoneNumber {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut s = serializer.serialize_struct("PhoneNumber", 2)?;
        s.serialize_field("original_phone_number", &self.original_phone_number)?;
        s.serialize_field("country_code", &self.country_code)?;
        s.end()
    }
}

//! `phone-number` attributes.

use std::fmt;
use std::hash::{Hash, Hasher};

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::SerializeStruct;

use super::country::{calling_code, calling_code_of, check_country};
use super::wire::skip;
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::{Error, ValueError};
use crate::schema::AttributeType;

/// A phone number (`phone-number` attributes), checked when built and again before every
/// write (a number read from Attio is checked like a new one).
///
/// Attio needs to know the country: the number starts with `+` and the country calling code
/// (`+15558675309`), or a `country_code` (ISO 3166-1 alpha-2, e.g. `US`) comes with it. It
/// normalises the number to E.164 itself: that normalised `phone_number` is read back, never
/// written.
///
/// The check refuses what Attio refuses:
/// - a `country_code` that is not one of the ISO 3166-1 alpha-2 codes of Attio's spec (`ZZ`);
/// - a `+` prefix that is no country's calling code (`+999…`), or that contradicts the
///   `country_code` (`+44…` with `US`: the calling code of `US` is `+1`);
/// - too few digits: at least 4 after the calling code and 7 with it (`+1 555` is refused),
///   exactly 10 after `+1` (the North American plan), at most 15 in all (E.164).
///
/// A national number (no `+`) drops its leading trunk `0` before it is counted
/// (`07700 900123` with `GB` is `+44 7700 900123`), except in Italy, San Marino and the
/// Vatican, where the `0` is part of the number.
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
/// assert!(PhoneNumber::new("+1 555", None).is_err()); // too short
/// assert!(PhoneNumber::new("+447700900123", Some("US")).is_err()); // +44 is not +1
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct PhoneNumber {
    original_phone_number: String,
    country_code: Option<String>,
    phone_number: Option<String>,
}

/// The most digits an E.164 number has, calling code included.
const MAX_DIGITS: usize = 15;
/// The fewest digits of a number with its calling code (Niue's `+683 4002`).
const MIN_DIGITS: usize = 7;
/// The fewest digits after the calling code.
const MIN_NATIONAL_DIGITS: usize = 4;
/// The digits after `+1`: every number of the North American plan has ten.
const NANP_DIGITS: usize = 10;

impl PhoneNumber {
    /// Checks a phone number: digits with optional spaces, dashes, dots and parentheses, a
    /// leading `+` and calling code or a `country_code` (stored upper-case), and as many
    /// digits as a number of that country can have (see the type's documentation).
    /// Surrounding whitespace is trimmed.
    pub fn new(number: impl AsRef<str>, country_code: Option<&str>) -> Result<Self, Error> {
        Self::checked(number.as_ref(), country_code)
    }

    fn checked(number: &str, country_code: Option<&str>) -> Result<Self, Error> {
        let n = number.trim();
        let given = country_code.map(str::trim);
        let country_code = given.map(str::to_ascii_uppercase);
        check(n, country_code.as_deref())
            .map_err(|e| Error::from(e.into_error(number, given.unwrap_or_default())))?;
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

    /// The same number with the normalised number Attio computed, as kept in the plain
    /// serde shape.
    pub(crate) fn with_normalized(mut self, phone_number: Option<String>) -> Self {
        self.phone_number = phone_number;
        self
    }

    /// `phone_number`: the number normalised to E.164 by Attio (e.g. `+15558675309`); `None`
    /// for a number built locally.
    pub fn phone_number(&self) -> Option<&str> {
        self.phone_number.as_deref()
    }
}

/// Why a number (with its country code, upper-case) is not one Attio accepts.
enum Refusal {
    /// The country code is refused.
    Country(&'static str),
    /// The number is refused.
    Number(String),
}

impl Refusal {
    /// As a value error naming the number or the country code, as given.
    fn into_error(self, number: &str, country: &str) -> ValueError {
        match self {
            Refusal::Country(reason) => ValueError::new("country code", country, reason),
            Refusal::Number(reason) => ValueError::new("phone number", number, reason),
        }
    }
}

/// Checks a number and its country code, upper-case.
fn check(n: &str, country: Option<&str>) -> Result<(), Refusal> {
    if let Some(cc) = country {
        check_country(cc).map_err(Refusal::Country)?;
    }
    check_number(n, country).map_err(Refusal::Number)
}

/// Why `n` is not a phone number Attio accepts with `country` (already checked).
fn check_number(n: &str, country: Option<&str>) -> Result<(), String> {
    if n.is_empty() {
        return Err("it is empty".into());
    }
    let international = n.starts_with('+');
    let body = n.strip_prefix('+').unwrap_or(n);
    if let Some(c) = body
        .chars()
        .find(|&c| !(c.is_ascii_digit() || matches!(c, ' ' | '-' | '.' | '(' | ')')))
    {
        return Err(format!(
            "it contains {c:?}, which is not part of a phone number"
        ));
    }
    let count = body.bytes().filter(u8::is_ascii_digit).count();
    if count > MAX_DIGITS {
        return Err(format!(
            "it has {count} digits; a phone number has at most {MAX_DIGITS}"
        ));
    }
    // The digits, on the stack: this runs before every write of a phone number.
    let mut buf = [0u8; MAX_DIGITS];
    for (slot, b) in buf.iter_mut().zip(body.bytes().filter(u8::is_ascii_digit)) {
        *slot = b;
    }
    let digits = std::str::from_utf8(&buf[..count]).unwrap_or_default();
    let country_code = country.and_then(calling_code);
    let (code, national) = if international {
        let Some(code) = calling_code_of(digits) else {
            return Err(format!(
                "it starts with +{}, which is no country's calling code",
                &digits[..digits.len().min(3)]
            ));
        };
        if let (Some(cc), Some(expected)) = (country, country_code)
            && expected != code
        {
            return Err(format!(
                "it starts with the calling code +{code}, but its country code {cc} has the calling code +{expected}"
            ));
        }
        (code, &digits[code.len()..])
    } else {
        let Some(code) = country_code else {
            return Err(
                "Attio needs its country: start it with `+` and the country calling code, or give a country code such as `US`"
                    .into(),
            );
        };
        let keeps_zero = matches!(country, Some("IT" | "SM" | "VA"));
        let national = if keeps_zero {
            digits
        } else {
            digits.trim_start_matches('0')
        };
        (code, national)
    };
    let total = code.len() + national.len();
    if code == "1" && national.len() != NANP_DIGITS {
        return Err(format!(
            "it has {} digits after the calling code +1; a number of the North American plan (US, Canada, the Caribbean) has {NANP_DIGITS}",
            national.len()
        ));
    }
    if national.len() < MIN_NATIONAL_DIGITS || total < MIN_DIGITS {
        return Err(format!(
            "it has {} digits after the calling code +{code}, too few for a phone number",
            national.len()
        ));
    }
    if total > MAX_DIGITS {
        return Err(format!(
            "it has {total} digits with the calling code +{code}; a phone number has at most {MAX_DIGITS}"
        ));
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

    /// Checks the number like [`PhoneNumber::new`] does: a number read from Attio is not
    /// re-sent unchecked.
    fn validate(&self) -> Result<(), ValueError> {
        let country = self.country_code.as_deref().unwrap_or_default();
        // A country code is two ASCII letters: uppercased on the stack, so that checking a
        // number before every write allocates nothing.
        let mut buf = [0u8; 2];
        let owned;
        let upper = match self.country_code.as_deref() {
            None => None,
            Some(cc) if cc.len() == 2 && cc.is_ascii() => {
                buf.copy_from_slice(cc.as_bytes());
                buf.make_ascii_uppercase();
                std::str::from_utf8(&buf).ok()
            }
            Some(cc) => {
                owned = cc.to_ascii_uppercase();
                Some(owned.as_str())
            }
        };
        check(&self.original_phone_number, upper)
            .map_err(|e| e.into_error(&self.original_phone_number, country))
    }
}

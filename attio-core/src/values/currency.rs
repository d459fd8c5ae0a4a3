//! `currency` attributes.

use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;

use super::decimal::{ExactDecimal, decimal_of_f64, write_decimal};
use super::wire::{invalid, is_decimal, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::{Error, ValueError};
use crate::schema::AttributeType;

/// An amount of money (`currency` attributes), held as an exact [`Decimal`].
///
/// Attio keeps the currency per *attribute*, not per value: the code is read back in
/// `currency_code` but cannot be written. So only `currency_value` is ever written: a value
/// read from Attio (which carries the attribute's code) can be written back as it is, and
/// the code it carries is left out.
///
/// **Exact.** The amount is read from the JSON number's own text (or from a numeric string:
/// Attio's documentation shows `"499.00"`), never through an `f64`, and written with its own
/// text: `0.1 + 0.2` as decimals is written `0.3`, and an 18-digit amount is read with all
/// of its digits.
///
/// **Building one.** [`Currency::new`] takes a [`Decimal`] or an integer; `"12.50".parse()`,
/// [`Decimal::new`] (mantissa and scale: `Decimal::new(1250, 2)` is 12.50) and
/// [`Currency::from_str`] build from text. [`Currency::checked`] refuses what Attio would;
/// [`Currency::rounded`] rounds to Attio's four decimal places, half away from zero
/// (`0.00005` → `0.0001`, `-0.00005` → `-0.0001`: the rounding of a price list, not the
/// banker's rounding of `Decimal::round_dp`). From an `f64`, [`Currency::from_f64`] (also
/// `TryFrom<f64>`) takes the float's shortest text, `4.99` → `4.99`, and refuses
/// `0.1 + 0.2` (`0.30000000000000004`, seventeen places): that sum was never 0.3;
/// [`Currency::from_f64_rounded`] rounds it.
///
/// `validate` (run before every write) refuses an amount with more than four decimal places
/// (Attio keeps four) and one whose magnitude is `10^15` or more. Attio does not document
/// its largest amount; attio-rs takes `10^15` (the first amount with 16 integer digits) as
/// the bound, and the emulator refuses the same amounts.
///
/// Two amounts are equal when their values are equal as numbers (`12.5` equals `12.50`) and
/// their codes are equal; they are ordered only when their codes are equal (`None` included):
/// `partial_cmp` of a `USD` and a `EUR` amount is `None`.
///
/// `Display` is the amount, then the code when there is one: `12.50 USD`; `FromStr` reads
/// that form back, and `USD 12.50` too.
///
/// ```
/// use attio_core::Decimal;
/// use attio_core::values::{Currency, WriteForm, WriteValue};
/// let sum = Currency::new(Decimal::new(1, 1) + Decimal::new(2, 1));
/// assert_eq!(serde_json::to_string(&WriteForm(&sum)).unwrap(), r#"{"currency_value":0.3}"#);
/// let price: Currency = "4.99 EUR".parse()?;
/// assert_eq!(price.to_string(), "4.99 EUR");
/// // The code Attio sent is never written.
/// assert_eq!(serde_json::to_string(&WriteForm(&price)).unwrap(), r#"{"currency_value":4.99}"#);
/// assert!(Currency::checked(Decimal::new(123_456, 5)).is_err()); // 1.23456
/// assert_eq!(Currency::rounded(Decimal::new(123_456, 5)).to_string(), "1.2346");
/// assert!(Currency::from_f64(0.1 + 0.2).is_err());
/// assert!(Currency::new(1_000_000_000_000_000_i64).validate().is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Currency {
    /// `currency_value`: at most four decimal places when written.
    pub currency_value: Decimal,
    /// `currency_code` (ISO 4217, e.g. `USD`) as Attio reports it, kept as sent so that codes
    /// this version does not know survive; `None` when the attribute has no currency
    /// configured, and for values built locally. Never written: Attio takes the code from
    /// the attribute's configuration.
    pub currency_code: Option<String>,
}

/// The most decimal places Attio keeps.
pub(crate) const MAX_PLACES: u32 = 4;

/// Amounts are less than this in magnitude (see [`Currency`]): 10^15.
const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

impl Currency {
    /// An amount to be written, as it is; the attribute's configuration decides the
    /// currency. Takes a [`Decimal`] or an integer. Checked before it is written (see
    /// [`Currency::checked`] to check it now).
    pub fn new(currency_value: impl Into<Decimal>) -> Self {
        Currency {
            currency_value: currency_value.into(),
            currency_code: None,
        }
    }

    /// An amount to be written, refused now if Attio would refuse it: more than four
    /// decimal places (see [`Currency::rounded`]), or a magnitude of `10^15` or more. The
    /// error names the amount.
    pub fn checked(currency_value: impl Into<Decimal>) -> Result<Self, Error> {
        let c = Currency::new(currency_value);
        c.validate()?;
        Ok(c)
    }

    /// An amount rounded to Attio's four decimal places, half away from zero
    /// (`1.23455` → `1.2346`, `-1.23455` → `-1.2346`). Amounts with four places or fewer
    /// are kept as they are.
    pub fn rounded(currency_value: impl Into<Decimal>) -> Self {
        let v = currency_value.into();
        Currency::new(round4(v))
    }

    /// An amount from an `f64`, taken at its shortest text (`4.99` → `4.99`) and checked
    /// like [`Currency::checked`]: `0.1 + 0.2` (`0.30000000000000004`) is refused. NaN and
    /// the infinities are refused.
    pub fn from_f64(currency_value: f64) -> Result<Self, Error> {
        Currency::checked(f64_amount(currency_value)?)
    }

    /// An amount from an `f64`, taken at its shortest text and rounded to four decimal
    /// places like [`Currency::rounded`]: `0.1 + 0.2` is `0.3`. NaN and the infinities are
    /// refused, and so is a magnitude of `10^15` or more.
    pub fn from_f64_rounded(currency_value: f64) -> Result<Self, Error> {
        let c = Currency::rounded(f64_amount(currency_value)?);
        c.validate()?;
        Ok(c)
    }

    /// The same amount without its currency code. (Not needed before writing: the code is
    /// never written.)
    pub fn without_code(self) -> Self {
        Currency {
            currency_code: None,
            ..self
        }
    }

    /// The same amount with a currency code (ISO 4217, e.g. `USD`), for display and
    /// comparison; it is never written.
    pub fn with_code(self, currency_code: impl Into<String>) -> Self {
        Currency {
            currency_code: Some(currency_code.into()),
            ..self
        }
    }
}

/// Rounds to four decimal places, half away from zero.
fn round4(v: Decimal) -> Decimal {
    if v.scale() <= MAX_PLACES {
        v
    } else {
        v.round_dp_with_strategy(MAX_PLACES, RoundingStrategy::MidpointAwayFromZero)
    }
}

/// An `f64` as the decimal of its shortest text, or the error naming it.
fn f64_amount(v: f64) -> Result<Decimal, Error> {
    decimal_of_f64(v).ok_or_else(|| {
        invalid(
            "currency value",
            &v.to_string(),
            "it is not a finite number a decimal can hold",
        )
    })
}

impl From<Decimal> for Currency {
    fn from(currency_value: Decimal) -> Self {
        Currency::new(currency_value)
    }
}

impl TryFrom<f64> for Currency {
    type Error = Error;
    fn try_from(currency_value: f64) -> Result<Self, Error> {
        Currency::from_f64(currency_value)
    }
}

impl fmt::Display for Currency {
    /// `12.50 USD`, or `12.50` without a code. The amount keeps its places (`499.00`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.currency_code {
            Some(code) => write!(f, "{} {code}", self.currency_value),
            None => fmt::Display::fmt(&self.currency_value, f),
        }
    }
}

impl FromStr for Currency {
    type Err = Error;

    /// `12.50`, `12.50 USD` or `USD 12.50`: a plain decimal number (no exponent), and a
    /// three-letter code, checked like [`Currency::checked`]. The error names the text.
    fn from_str(s: &str) -> Result<Self, Error> {
        let text = s.trim();
        let mut parts = text.split_whitespace();
        let (amount, code) = match (parts.next(), parts.next(), parts.next()) {
            (Some(a), None, None) => (a, None),
            (Some(a), Some(c), None) if is_code(c) => (a, Some(c)),
            (Some(c), Some(a), None) if is_code(c) => (a, Some(c)),
            _ => {
                return Err(invalid(
                    "currency amount",
                    s,
                    "an amount is a decimal number with an optional three-letter currency code, like `12.50 USD`",
                ));
            }
        };
        let value = match Decimal::from_str_exact(amount) {
            Ok(v) if is_decimal(amount) => v,
            _ => {
                return Err(invalid(
                    "currency amount",
                    s,
                    format!("`{amount}` is not a decimal number such as `12.50`"),
                ));
            }
        };
        let c = Currency {
            currency_value: value,
            currency_code: code.map(str::to_owned),
        };
        c.validate()
            .map_err(|e| invalid("currency amount", s, e.reason))?;
        Ok(c)
    }
}

/// An ISO 4217 code: three ASCII upper-case letters.
fn is_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

impl PartialOrd for Currency {
    /// The amounts' order when the codes are equal; `None` otherwise.
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        if self.currency_code == other.currency_code {
            Some(self.currency_value.cmp(&other.currency_value))
        } else {
            None
        }
    }
}

/// Collects the keys of a `currency` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct CurrencyBuilder {
    value: Option<Decimal>,
    code: Option<String>,
}

impl AttioValue for Currency {
    const TYPE: AttributeType = AttributeType::Currency;
}

impl ReadValue for Currency {
    type Builder = CurrencyBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut CurrencyBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "currency_value" => builder.value = Some(map.next_value::<ExactDecimal>()?.0),
            "currency_code" => builder.code = map.next_value::<Option<String>>()?,
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: CurrencyBuilder, _: Envelope) -> Result<Self, E> {
        Ok(Currency {
            currency_value: builder
                .value
                .ok_or_else(|| E::missing_field("currency_value"))?,
            currency_code: builder.code,
        })
    }
}

/// The amount, written with its exact text.
struct Amount<'a>(&'a Decimal);

impl serde::Serialize for Amount<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_decimal(self.0, serializer)
    }
}

impl WriteValue for Currency {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(1))?;
        m.serialize_entry("currency_value", &Amount(&self.currency_value))?;
        m.end()
    }

    fn validate(&self) -> Result<(), ValueError> {
        let v = self.currency_value;
        if v.abs() >= MAX_AMOUNT {
            return Err(ValueError::new(
                "currency value",
                v.to_string(),
                "Attio cannot hold an amount this large: amounts must be less than 10^15 in magnitude",
            ));
        }
        if v.normalize().scale() > MAX_PLACES {
            return Err(ValueError::new(
                "currency value",
                v.to_string(),
                "Attio keeps at most four decimal places (`Currency::rounded` rounds to four)",
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn bound_is_ten_to_the_fifteen() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
    }

    #[test]
    fn rounding_is_half_away_from_zero() {
        assert_eq!(Currency::rounded(d("1.23455")).currency_value, d("1.2346"));
        assert_eq!(
            Currency::rounded(d("-1.23455")).currency_value,
            d("-1.2346")
        );
        assert_eq!(Currency::rounded(d("0.00005")).currency_value, d("0.0001"));
        assert_eq!(Currency::rounded(d("1.23445")).currency_value, d("1.2345"));
        assert_eq!(
            Currency::rounded(d("2.5")).currency_value.to_string(),
            "2.5"
        );
        assert_eq!(
            Currency::from_f64_rounded(0.1 + 0.2)
                .unwrap()
                .currency_value,
            d("0.3")
        );
    }

    #[test]
    fn places_are_counted_on_the_value() {
        // Trailing zeros are not places Attio would lose.
        assert!(Currency::new(d("1.230000")).validate().is_ok());
        assert!(Currency::new(d("1.00001")).validate().is_err());
        assert!(Currency::new(d("999999999999999.9999")).validate().is_ok());
        assert!(Currency::new(d("-1000000000000000")).validate().is_err());
    }

    #[test]
    fn text_forms() {
        let c: Currency = "12.50 USD".parse().unwrap();
        assert_eq!(c.to_string(), "12.50 USD");
        assert_eq!("USD 12.50".parse::<Currency>().unwrap(), c);
        assert_eq!("-3".parse::<Currency>().unwrap().to_string(), "-3");
        for bad in ["", "12,50", "1e3", "12.50 usd", "12.50 USD EUR", "1.00001"] {
            let e = bad.parse::<Currency>().unwrap_err().to_string();
            assert!(
                e.contains(&format!("`{bad}`")) || e.contains(bad),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn order_needs_the_same_code() {
        let a = Currency::new(1).with_code("USD");
        let b = Currency::new(2).with_code("USD");
        assert!(a < b);
        assert_eq!(a.partial_cmp(&Currency::new(2).with_code("EUR")), None);
        assert_eq!(Currency::new(d("12.5")), Currency::new(d("12.50")));
    }
}

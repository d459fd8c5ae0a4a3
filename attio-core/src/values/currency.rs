//! `currency` attributes.

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::{Error as _, SerializeMap};

use super::wire::{NumberOrString, f64_decimal_places, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// An amount of money (`currency` attributes).
///
/// Attio keeps the currency per *attribute*, not per value: the code is read back in
/// `currency_code` but cannot be written. So only `currency_value` is ever written: a value
/// read from Attio (which carries the attribute's code) can be written back as it is, and
/// the code it carries is left out. [`Currency::new`] builds an amount to write.
///
/// Read: `currency_value` as a number or a numeric string (Attio's documentation shows
/// `"499.00"`), `currency_code` as a string or `null`.
/// Written: `{"currency_value": 4.99}`.
///
/// `validate` (run before every write) refuses an amount that is not finite, that has more
/// than four decimal places (Attio keeps four), or whose magnitude is `10^15` or more.
/// Attio does not document its largest amount; it stores amounts as 64-bit floats, which
/// hold 15 significant digits exactly, so attio-rs takes `10^15` (the first amount with
/// 16 digits) as the bound, and the emulator refuses the same amounts.
///
/// ```
/// use attio_core::values::{Currency, WriteForm, WriteValue};
/// let price = Currency::new(4.99);
/// assert_eq!(serde_json::to_string(&WriteForm(&price)).unwrap(), r#"{"currency_value":4.99}"#);
/// let read_back = Currency { currency_value: 4.99, currency_code: Some("EUR".into()) };
/// assert_eq!(serde_json::to_string(&WriteForm(&read_back)).unwrap(), r#"{"currency_value":4.99}"#);
/// assert!(Currency::new(1e15).validate().is_err());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Currency {
    /// `currency_value`: at most four decimal places when written.
    pub currency_value: f64,
    /// `currency_code` (ISO 4217, e.g. `USD`) as Attio reports it, kept as sent so that codes
    /// this version does not know survive; `None` when the attribute has no currency
    /// configured, and for values built locally. Never written: Attio takes the code from
    /// the attribute's configuration.
    pub currency_code: Option<String>,
}

/// Amounts are less than this in magnitude (see [`Currency`]).
const MAX_AMOUNT: f64 = 1e15;

impl Currency {
    /// An amount to be written; the attribute's configuration decides the currency.
    pub fn new(currency_value: f64) -> Self {
        Currency {
            currency_value,
            currency_code: None,
        }
    }

    /// The same amount without its currency code. (Not needed before writing: the code is
    /// never written.)
    pub fn without_code(self) -> Self {
        Currency {
            currency_code: None,
            ..self
        }
    }
}

/// Collects the keys of a `currency` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct CurrencyBuilder {
    value: Option<f64>,
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
            "currency_value" => builder.value = Some(map.next_value::<NumberOrString>()?.0),
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

impl WriteValue for Currency {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if !self.currency_value.is_finite() {
            return Err(S::Error::custom(format_args!(
                "cannot write the currency value {}: it is not a finite number",
                self.currency_value
            )));
        }
        let mut m = serializer.serialize_map(Some(1))?;
        m.serialize_entry("currency_value", &self.currency_value)?;
        m.end()
    }

    fn validate(&self) -> Result<(), ValueError> {
        let v = self.currency_value;
        if !v.is_finite() {
            return Err(ValueError::new(
                "currency value",
                v.to_string(),
                "it is not a finite number",
            ));
        }
        if v.abs() >= MAX_AMOUNT {
            return Err(ValueError::new(
                "currency value",
                v.to_string(),
                "Attio cannot hold an amount this large: amounts must be less than 10^15 in magnitude",
            ));
        }
        if f64_decimal_places(v) > 4 {
            return Err(ValueError::new(
                "currency value",
                v.to_string(),
                "Attio keeps at most four decimal places",
            ));
        }
        Ok(())
    }
}

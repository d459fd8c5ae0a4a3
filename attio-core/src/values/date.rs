//! `date` attributes as [`Date`] and `timestamp` attributes as [`Timestamp`].

use chrono::{Datelike, Timelike};
use serde::Serializer;
use serde::de::{self, MapAccess};

use super::wire::{DateText, TimestampText, skip};
use super::{AttioValue, Date, Envelope, ReadValue, Timestamp, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// The years Attio's dates and timestamps can hold (four digits; the maximum is
/// `9999-12-31`).
const YEARS: std::ops::RangeInclusive<i32> = 0..=9999;

/// `date`: reads `value` as `YYYY-MM-DD` (a full datetime is tolerated: its UTC date is
/// taken). Written as `"YYYY-MM-DD"`.
impl AttioValue for Date {
    const TYPE: AttributeType = AttributeType::Date;
}

impl ReadValue for Date {
    type Builder = Option<Date>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<Date>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(map.next_value::<DateText>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<Date>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for Date {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.format("%Y-%m-%d"))
    }

    fn validate(&self) -> Result<(), ValueError> {
        if YEARS.contains(&self.year()) {
            Ok(())
        } else {
            Err(ValueError::new(
                "date",
                self.to_string(),
                "Attio dates have four-digit years (0000-01-01 to 9999-12-31)",
            ))
        }
    }
}

/// `timestamp`: reads `value` as RFC 3339 (Attio sends nine fractional digits and `Z`; any
/// offset is converted to UTC). Written as `"2023-01-01T15:00:00.000000000Z"`: UTC, nine
/// fractional digits.
impl AttioValue for Timestamp {
    const TYPE: AttributeType = AttributeType::Timestamp;
}

impl ReadValue for Timestamp {
    type Builder = Option<Timestamp>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<Timestamp>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(map.next_value::<TimestampText>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<Timestamp>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for Timestamp {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(&self.format("%Y-%m-%dT%H:%M:%S%.9fZ"))
    }

    fn validate(&self) -> Result<(), ValueError> {
        if !YEARS.contains(&self.year()) {
            return Err(ValueError::new(
                "timestamp",
                self.to_rfc3339(),
                "Attio timestamps have four-digit years (up to 9999-12-31T23:59:59.999999999Z)",
            ));
        }
        if self.nanosecond() >= 1_000_000_000 {
            return Err(ValueError::new(
                "timestamp",
                self.to_rfc3339(),
                "a leap second cannot be written to Attio",
            ));
        }
        Ok(())
    }
}

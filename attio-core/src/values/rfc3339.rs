//! Timestamps in the one shape Attio sends (`2023-01-01T15:00:00.000000000Z`), read without
//! chrono's general parser; any other text goes to chrono as before.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::Timestamp;

/// Parses `YYYY-MM-DDTHH:MM:SS[.f]Z` with one to nine fractional digits: `None` for any
/// other text, including a valid RFC 3339 timestamp of another shape, which the caller
/// hands to chrono. Accepts nothing chrono's RFC 3339 parser refuses, and gives the same
/// instant.
#[inline]
pub(crate) fn parse_fixed_utc(b: &[u8]) -> Option<Timestamp> {
    let n = b.len();
    if !(20..=30).contains(&n) || b[n - 1] != b'Z' {
        return None;
    }
    if b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' || b[16] != b':' {
        return None;
    }
    let digit = |i: usize| -> Option<u32> {
        let d = b[i].wrapping_sub(b'0');
        (d < 10).then_some(u32::from(d))
    };
    let two = |i: usize| -> Option<u32> { Some(digit(i)? * 10 + digit(i + 1)?) };
    let year = two(0)? * 100 + two(2)?;
    let (month, day) = (two(5)?, two(8)?);
    let (hour, minute, second) = (two(11)?, two(14)?, two(17)?);
    // A leap second (`:60`) is left to chrono.
    if second > 59 {
        return None;
    }
    let nanos = if n == 20 {
        0
    } else {
        if b[19] != b'.' || n == 21 {
            return None;
        }
        let mut nanos = 0u32;
        for i in 20..n - 1 {
            nanos = nanos * 10 + digit(i)?;
        }
        // Fewer than nine digits are a fraction of a second: `.5` is 500 ms.
        nanos * 10u32.pow((30 - n) as u32)
    };
    let date = NaiveDate::from_ymd_opt(year as i32, month, day)?;
    let time = NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)?;
    Some(date.and_time(time).and_utc())
}

/// A [`Timestamp`] read as chrono's own `Deserialize` reads it (the same accepted texts,
/// errors and expectation), with the fast path of [`parse_fixed_utc`] first.
pub(crate) struct FastTimestamp(pub Timestamp);

impl<'de> Deserialize<'de> for FastTimestamp {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = FastTimestamp;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an RFC 3339 formatted date and time string")
            }
            #[inline]
            fn visit_str<E: de::Error>(self, v: &str) -> Result<FastTimestamp, E> {
                if let Some(t) = parse_fixed_utc(v.as_bytes()) {
                    return Ok(FastTimestamp(t));
                }
                v.parse::<DateTime<FixedOffset>>()
                    .map(|t| FastTimestamp(t.with_timezone(&Utc)))
                    .map_err(E::custom)
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chrono_utc(s: &str) -> Option<Timestamp> {
        DateTime::parse_from_rfc3339(s)
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }

    #[test]
    fn the_fixed_shape_reads_as_chrono_reads_it() {
        for s in [
            "2023-01-01T15:00:00.000000000Z",
            "2023-01-01T15:00:00Z",
            "2023-01-01T15:00:00.5Z",
            "2023-01-01T15:00:00.123456789Z",
            "2023-01-01T15:00:00.12345Z",
            "2024-02-29T23:59:59.999999999Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59.9Z",
        ] {
            assert_eq!(parse_fixed_utc(s.as_bytes()), chrono_utc(s), "{s}");
            assert!(parse_fixed_utc(s.as_bytes()).is_some(), "{s}");
            let fast: FastTimestamp = serde_json::from_str(&format!("\"{s}\"")).unwrap();
            let slow: Timestamp = serde_json::from_str(&format!("\"{s}\"")).unwrap();
            assert_eq!(fast.0, slow, "{s}");
        }
    }

    #[test]
    fn other_shapes_are_left_to_chrono() {
        for s in [
            "2023-02-29T15:00:00Z",
            "2023-13-01T15:00:00Z",
            "2023-01-01T24:00:00Z",
            "2023-01-01T15:60:00Z",
            "2023-01-01T15:00:60Z",
            "2023-01-01T15:00:00.Z",
            "2023-01-01T15:00:00.1234567890Z",
            "2023-01-01t15:00:00Z",
            "2023-01-01T15:00:00z",
            "2023-01-01 15:00:00Z",
            "2023-01-01T15:00:00+00:00",
            "+2023-01-01T15:00:00Z",
            "2023-01-01T15:00:0xZ",
            "2023-01-01T15:00:00.12a4Z",
            "",
        ] {
            assert_eq!(parse_fixed_utc(s.as_bytes()), None, "{s}");
            let fast = serde_json::from_str::<FastTimestamp>(&format!("\"{s}\"")).map(|t| t.0);
            let slow = serde_json::from_str::<Timestamp>(&format!("\"{s}\""));
            assert_eq!(fast.is_ok(), slow.is_ok(), "{s}");
            match (fast, slow) {
                (Ok(a), Ok(b)) => assert_eq!(a, b, "{s}"),
                (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{s}"),
                _ => unreachable!(),
            }
        }
        let e = serde_json::from_str::<FastTimestamp>("5").err().unwrap();
        let c = serde_json::from_str::<Timestamp>("5").err().unwrap();
        assert_eq!(e.to_string(), c.to_string());
    }
}

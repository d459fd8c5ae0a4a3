//! Timestamps and dates: Attio's nine-digit format and every partial write form it accepts.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};

/// Formats a timestamp the way Attio does: UTC, nine fractional digits, `Z` suffix.
pub(crate) fn fmt_ts(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.9fZ").to_string()
}

/// Parses a timestamp write (partial ISO 8601 accepted, UTC assumed, offsets converted).
pub(crate) fn parse_timestamp(s: &str) -> Option<DateTime<Utc>> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        return Some(t.with_timezone(&Utc));
    }
    for f in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%M%#z"] {
        if let Ok(t) = DateTime::parse_from_str(s, f) {
            return Some(t.with_timezone(&Utc));
        }
    }
    let s2 = s.trim_end_matches('Z');
    for f in [
        "%Y-%m-%dT%H:%M:%S%.f",
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
    ] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s2, f) {
            return Some(Utc.from_utc_datetime(&t));
        }
    }
    parse_date_only(s2).map(|d| Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0).unwrap_or_default()))
}

fn parse_date_only(s: &str) -> Option<NaiveDate> {
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if s.len() == 7
        && let Ok(d) = NaiveDate::parse_from_str(&format!("{s}-01"), "%Y-%m-%d")
    {
        return Some(d);
    }
    if s.len() == 4 && s.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(&format!("{s}-01-01"), "%Y-%m-%d").ok();
    }
    None
}

/// Parses a date write: dates, partial dates, and datetimes (converted to UTC, time cut).
pub(crate) fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if let Some(d) = parse_date_only(s) {
        return Some(d);
    }
    parse_timestamp(s).map(|t| t.date_naive())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        let t = parse_timestamp("2023-01-02T13:00:00.000000000+02:00").unwrap();
        assert_eq!(fmt_ts(&t), "2023-01-02T11:00:00.000000000Z");
        assert_eq!(
            fmt_ts(&parse_timestamp("2023").unwrap()),
            "2023-01-01T00:00:00.000000000Z"
        );
        assert_eq!(
            fmt_ts(&parse_timestamp("2023-01-02T13:00").unwrap()),
            "2023-01-02T13:00:00.000000000Z"
        );
    }

    #[test]
    fn dates() {
        assert_eq!(parse_date("2023-01").unwrap().to_string(), "2023-01-01");
        assert_eq!(
            parse_date("2023-01-02T23:00:00-10:00").unwrap().to_string(),
            "2023-01-03"
        );
        assert_eq!(
            parse_date("2023-01-02T15:00:00").unwrap().to_string(),
            "2023-01-02"
        );
    }
}

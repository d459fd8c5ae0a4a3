//! What the plain models share on the wire: timestamps as Attio writes them, lenient
//! timestamp reads, and the rule that a parent record is named by id.

use chrono::{NaiveDate, SecondsFormat};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{Error, ValueError};
use crate::values::{AnyRecordRef, RecordTarget, Timestamp};

/// Writes a timestamp as Attio does: RFC 3339 in UTC with nine fractional digits.
pub(crate) fn write_timestamp<S: Serializer>(t: &Timestamp, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&t.to_rfc3339_opts(SecondsFormat::Nanos, true))
}

/// [`write_timestamp`] for an optional timestamp (`null` when `None`).
pub(crate) fn write_opt_timestamp<S: Serializer>(
    t: &Option<Timestamp>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match t {
        Some(t) => write_timestamp(t, s),
        None => s.serialize_none(),
    }
}

/// Reads a timestamp that may also be sent as a bare date (`"2023-01-01"`, midnight UTC),
/// or `null`.
pub(crate) fn read_lenient_timestamp<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<Timestamp>, D::Error> {
    let Some(s) = Option::<String>::deserialize(d)? else {
        return Ok(None);
    };
    if let Ok(t) = chrono::DateTime::parse_from_rfc3339(&s) {
        return Ok(Some(t.with_timezone(&chrono::Utc)));
    }
    if let Ok(t) = s.parse::<chrono::NaiveDateTime>() {
        return Ok(Some(t.and_utc()));
    }
    if let Ok(d) = NaiveDate::parse_from_str(&s, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(0, 0, 0).map(|t| t.and_utc()));
    }
    Err(serde::de::Error::invalid_value(
        serde::de::Unexpected::Str(&s),
        &"an RFC 3339 timestamp such as 2023-01-01T15:00:00.000000000Z, or a date",
    ))
}

/// The record id of a reference that must name its record by id (`what` says whose, e.g.
/// `note parent`): a reference by domain or email address is refused, since the endpoint
/// takes a `record_id` and cannot look a record up by a unique value.
pub(crate) fn record_id_of(what: &'static str, r: &AnyRecordRef) -> Result<uuid::Uuid, Error> {
    let value = match &r.target {
        RecordTarget::Id(id) => return Ok(*id),
        RecordTarget::Domain(d) => format!("{} with domain {}", r.target_object, d.domain()),
        RecordTarget::EmailAddress(e) => {
            format!(
                "{} with email address {}",
                r.target_object,
                e.email_address()
            )
        }
    };
    Err(Error::from(ValueError::new(
        what,
        value,
        "Attio needs the record's id here, not a unique value: build the reference with \
         RecordRef::new(record_id) (look the record up first, e.g. with Client::follow)",
    )))
}

/// Serializes `{"data": body}`, the wrapper of every request body.
pub(crate) fn data_body<T: Serialize>(body: &T) -> Vec<u8> {
    #[derive(Serialize)]
    struct Data<'a, T> {
        data: &'a T,
    }
    serde_json::to_vec(&Data { data: body })
        .expect("request bodies of strings, ids, numbers and timestamps serialize")
}

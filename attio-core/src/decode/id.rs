//! The record id of a record, or of a single-record body, and the entry id of an entry,
//! whose values do not decode: a second, small parse that reads `id.record_id` (or
//! `id.entry_id`) and skips everything else, run only on the error path.

use serde::Deserialize;
use uuid::Uuid;

#[derive(Deserialize)]
struct Data {
    data: Object,
}

#[derive(Deserialize)]
struct Object {
    id: Id,
}

#[derive(Deserialize)]
struct Id {
    record_id: Uuid,
}

/// `id.record_id` of a record object, if it can be read.
#[cold]
pub(crate) fn of_record(record: &[u8]) -> Option<Uuid> {
    serde_json::from_slice::<Object>(record)
        .ok()
        .map(|o| o.id.record_id)
}

#[derive(Deserialize)]
struct EntryObject {
    id: EntryIdOnly,
}

#[derive(Deserialize)]
struct EntryIdOnly {
    entry_id: Uuid,
}

/// `id.entry_id` of an entry object, if it can be read.
#[cold]
pub(crate) fn of_entry(entry: &[u8]) -> Option<Uuid> {
    serde_json::from_slice::<EntryObject>(entry)
        .ok()
        .map(|o| o.id.entry_id)
}

#[derive(Deserialize)]
struct EntryData {
    data: EntryObject,
}

/// `data.id.entry_id` of a single-entry body, if it can be read.
#[cold]
pub(crate) fn of_entry_body(body: &[u8]) -> Option<Uuid> {
    serde_json::from_slice::<EntryData>(body)
        .ok()
        .map(|d| d.data.id.entry_id)
}

/// `data.id.record_id` of a single-record body, if it can be read.
#[cold]
pub(crate) fn of_body(body: &[u8]) -> Option<Uuid> {
    serde_json::from_slice::<Data>(body)
        .ok()
        .map(|d| d.data.id.record_id)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";

    #[test]
    fn reads_the_record_id_past_anything_else() {
        let record =
            format!(r#"{{"values":{{"x":[5]}},"id":{{"record_id":"{ID}","o":1}},"z":null}}"#);
        assert_eq!(of_record(record.as_bytes()).unwrap().to_string(), ID);
        assert_eq!(of_record(br#"{"id":{}}"#), None);
        assert_eq!(of_record(b"<html>"), None);
        assert_eq!(of_record(b"[]"), None);
        let body = format!(r#"{{"data":{record},"extra":1}}"#);
        assert_eq!(of_body(body.as_bytes()).unwrap().to_string(), ID);
        assert_eq!(of_body(record.as_bytes()), None);
        let entry = format!(r#"{{"entry_values":{{"x":[5]}},"id":{{"entry_id":"{ID}"}}}}"#);
        assert_eq!(of_entry(entry.as_bytes()).unwrap().to_string(), ID);
        assert_eq!(of_entry(record.as_bytes()), None);
    }
}

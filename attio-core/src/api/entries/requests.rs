//! The requests of the entries area: paths, and the safety class of each write.

use reqwest::Method;
use uuid::Uuid;

use crate::decode::id;
use crate::entry::{AttioEntry, Entry};
use crate::error::Error;
use crate::http::request::{Request, Safety};
use crate::json;

/// `/v2/lists/{list}/entries`
fn entries_path<E: AttioEntry>() -> String {
    format!("/v2/lists/{}/entries", E::LIST)
}

/// `/v2/lists/{list}/entries/{entry_id}`
pub(super) fn entry_path<E: AttioEntry>(entry_id: Uuid) -> String {
    format!("/v2/lists/{}/entries/{entry_id}", E::LIST)
}

/// `POST /v2/lists/{list}/entries/query` with `body`: a read.
pub(super) fn query_request<E: AttioEntry>(body: Vec<u8>) -> Request {
    Request::new(
        Method::POST,
        format!("{}/query", entries_path::<E>()),
        Safety::Read,
    )
    .body(body)
}

/// `POST /v2/lists/{list}/entries`: a create, not idempotent (a parent may hold several
/// entries of a list, so a resent create could add a second one).
pub(super) fn create_request<E: AttioEntry>(body: Vec<u8>) -> Request {
    Request::new(Method::POST, entries_path::<E>(), Safety::Create).body(body)
}

/// `PUT /v2/lists/{list}/entries`: an assert by parent, which cannot add twice.
pub(super) fn assert_request<E: AttioEntry>(body: Vec<u8>) -> Request {
    Request::new(Method::PUT, entries_path::<E>(), Safety::IdempotentWrite).body(body)
}

/// `PATCH` (multiselects appended) or `PUT` (replaced) `/v2/lists/{list}/entries/{id}`.
pub(super) fn update_request<E: AttioEntry>(
    method: Method,
    entry_id: Uuid,
    body: Vec<u8>,
) -> Request {
    Request::new(method, entry_path::<E>(entry_id), Safety::IdempotentWrite).body(body)
}

/// Decodes the entry a write answers (a create, an assert, an update of the entry
/// `entry_id`). An entry Attio stored whose answer does not decode into the model is
/// [`Error::StoredButUnreadable`], never a plain decode error a caller would retry: a
/// parent may hold several entries of a list, so a resent create adds a second one.
pub(super) fn decode_written<E: AttioEntry>(
    body: &[u8],
    entry_id: Option<Uuid>,
) -> Result<Entry<E>, Error> {
    json::decode_entry::<E>(body).map_err(|error| stored_but_unreadable::<E>(error, body, entry_id))
}

#[cold]
fn stored_but_unreadable<E: AttioEntry>(
    error: Error,
    body: &[u8],
    entry_id: Option<Uuid>,
) -> Error {
    match error {
        Error::Decode(source) => Error::StoredButUnreadable {
            object: E::LIST,
            record_id: source
                .entry_id
                .or_else(|| id::of_entry_body(body))
                .or(entry_id),
            source,
        },
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(crate::AttioEntry, Debug)]
    #[attio(list = "sales", crate = "crate")]
    struct Deal {
        stage: crate::values::Status,
    }

    const ID: &str = "bf071e1f-6035-429d-b874-d83ea64ea13b";

    #[test]
    fn a_written_entry_that_does_not_decode_is_stored_but_unreadable() {
        // The values come before the id: the id is read by a second parse.
        let body = format!(
            r#"{{"data":{{"entry_values":{{"stage":[]}},"id":{{"workspace_id":"{ID}","list_id":"{ID}","entry_id":"{ID}"}},"parent_record_id":"{ID}","parent_object":"companies","created_at":"2024-01-01T00:00:00Z"}}}}"#
        );
        let error = decode_written::<Deal>(body.as_bytes(), None).unwrap_err();
        let Error::StoredButUnreadable {
            object: "sales",
            record_id: Some(id),
            ..
        } = &error
        else {
            panic!("{error:?}")
        };
        assert_eq!(id.to_string(), ID);
        assert!(!error.is_retryable());
        let shown = error.to_string();
        assert!(
            shown.starts_with(&format!("the `sales` entry {ID} was stored")),
            "{shown}"
        );
        // A body without a readable id: the id the write was sent to, if any.
        let known = Uuid::new_v4();
        match decode_written::<Deal>(b"<html>", Some(known)).unwrap_err() {
            Error::StoredButUnreadable { record_id, .. } => assert_eq!(record_id, Some(known)),
            other => panic!("{other:?}"),
        }
    }
}

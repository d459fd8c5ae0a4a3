//! The requests of the entries area: paths, and the safety class of each write.

use reqwest::Method;
use uuid::Uuid;

use crate::entry::AttioEntry;
use crate::http::request::{Request, Safety};

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

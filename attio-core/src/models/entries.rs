//! The entries of one record across lists (`GET /v2/objects/{object}/records/{id}/entries`).

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::values::Timestamp;

/// One entry of a record on some list, as `GET /v2/objects/{object}/records/{id}/entries`
/// reads it: which list, which entry, and when it was added. The entry's values are read
/// with [`Entries::get`](crate::api::Entries::get) on a model of that list.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::RecordEntry;
///
/// let body = br#"{"data":[{"list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0",
///   "list_api_slug":"sales","entry_id":"2e6e29ea-c4e0-4f44-842d-78a891f8c156",
///   "created_at":"2023-01-01T15:00:00.000000000Z"}]}"#;
/// let entries: Vec<RecordEntry> = json::decode_data_list(body, "record entry")?;
/// assert_eq!(entries[0].list_api_slug, "sales");
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct RecordEntry {
    /// The list the entry is on.
    pub list_id: Uuid,
    /// That list's slug.
    pub list_api_slug: String,
    /// The entry.
    pub entry_id: Uuid,
    /// When the record was added to the list.
    pub created_at: Timestamp,
}

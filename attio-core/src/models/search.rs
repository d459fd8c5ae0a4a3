//! Cross-object search (`POST /v2/objects/records/search`) and merging records
//! (`POST /v2/objects/{object}/records/merge`): what they answer, and whose view a search
//! takes.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::record::RecordId;

/// One match of a cross-object search: a record's id and label, not its values (read the
/// record for those).
///
/// People carry their email addresses and phone numbers, companies their domains; the
/// lists are empty for other objects.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::SearchResult;
///
/// let body = br#"{"data":[{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///   "record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},
///   "record_text":"Alan Mathison Turing","record_image":null,"object_slug":"people",
///   "email_addresses":["alan@bletchley.gov.uk"],"phone_numbers":[]}]}"#;
/// let found: Vec<SearchResult> = json::decode_data_list(body, "search result")?;
/// assert_eq!(found[0].record_text, "Alan Mathison Turing");
/// assert_eq!(found[0].email_addresses, ["alan@bletchley.gov.uk"]);
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct SearchResult {
    /// The record's id (its `record_id` is what the record calls take).
    pub id: RecordId,
    /// The record's label: a person's or company's name, another record's label.
    pub record_text: String,
    /// The record's image URL, when it has one.
    #[serde(default)]
    pub record_image: Option<String>,
    /// The slug of the record's object, e.g. `people`.
    pub object_slug: String,
    /// A person's email addresses (empty for other objects).
    #[serde(default)]
    pub email_addresses: Vec<String>,
    /// A person's phone numbers (empty for other objects).
    #[serde(default)]
    pub phone_numbers: Vec<String>,
    /// A company's domains (empty for other objects).
    #[serde(default)]
    pub domains: Vec<String>,
}

/// Whose view a search takes: the whole workspace's, or what one workspace member can see.
/// Written as Attio's `request_as`: `{"type":"workspace"}`, or `{"type":"workspace-member",
/// "workspace_member_id": …}` / `{…, "email_address": …}`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum SearchAs {
    /// Every record of the workspace, the default.
    #[default]
    Workspace,
    /// What the workspace member with this id can see.
    Member(Uuid),
    /// What the workspace member with this email address can see.
    MemberEmail(String),
}

impl Serialize for SearchAs {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = s.serialize_map(None)?;
        match self {
            SearchAs::Workspace => map.serialize_entry("type", "workspace")?,
            SearchAs::Member(id) => {
                map.serialize_entry("type", "workspace-member")?;
                map.serialize_entry("workspace_member_id", id)?;
            }
            SearchAs::MemberEmail(email) => {
                map.serialize_entry("type", "workspace-member")?;
                map.serialize_entry("email_address", email)?;
            }
        }
        map.end()
    }
}

/// The answer of a merge: the id of the record the two became.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Merged {
    /// The merged record: a new id, neither of the two merged records'.
    pub new_record_id: Uuid,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn request_as_has_attio_shapes() {
        let id = Uuid::nil();
        let shown = |a: &SearchAs| serde_json::to_string(a).unwrap();
        assert_eq!(shown(&SearchAs::Workspace), r#"{"type":"workspace"}"#);
        assert_eq!(
            shown(&SearchAs::Member(id)),
            format!(r#"{{"type":"workspace-member","workspace_member_id":"{id}"}}"#)
        );
        assert_eq!(
            shown(&SearchAs::MemberEmail("ada@example.com".into())),
            r#"{"type":"workspace-member","email_address":"ada@example.com"}"#
        );
    }
}

//! Lists (`/v2/lists`): the read model, the create and update bodies, and access levels.
//!
//! The read/write asymmetries of the area live here: `parent_object` is one slug (or id)
//! on create and an array on read, since legacy lists may allow several parent objects;
//! `workspace_access: null` is a private list ([`WorkspaceAccess::Private`]); and a member's
//! `level` may be `null` in live payloads, although the documentation says otherwise.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use crate::values::{Actor, Timestamp};

/// A list, as Attio reads it (`GET /v2/lists/{list}`).
///
/// ```
/// use attio_core::json;
/// use attio_core::models::{List, WorkspaceAccess};
///
/// let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0"},"api_slug":"sales","name":"Sales",
///   "parent_object":["companies"],"workspace_access":null,
///   "workspace_member_access":[{"workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b",
///   "level":"full-access"}],"created_by_actor":{"type":"api-token","id":null},
///   "created_at":"2023-01-01T15:00:00.000000000Z"}}"#;
/// let list: List = json::decode_data(body, "list")?;
/// assert_eq!(list.parent_object, ["companies"]);
/// assert_eq!(list.workspace_access, WorkspaceAccess::Private);
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct List {
    /// The list's id.
    pub id: ListId,
    /// The list's unique slug, e.g. `sales_pipeline`.
    pub api_slug: String,
    /// The list's name, as shown in Attio.
    pub name: String,
    /// The objects whose records may be added to the list, by slug (one for every list
    /// created today; legacy lists may have several).
    pub parent_object: Vec<String>,
    /// What every member of the workspace may do with the list; `Private` when only the
    /// members in `workspace_member_access` have access.
    pub workspace_access: WorkspaceAccess,
    /// What single workspace members may do with the list.
    pub workspace_member_access: Vec<MemberAccess>,
    /// Who created the list.
    pub created_by_actor: Actor,
    /// When the list was created.
    pub created_at: Timestamp,
}

impl List {
    /// The list's parent object when it has exactly one (every list created through the API).
    pub fn single_parent_object(&self) -> Option<&str> {
        match self.parent_object.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }
}

/// A list's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct ListId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The list: what the list calls take, like its slug.
    pub list_id: Uuid,
}

impl fmt::Display for ListId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.list_id, f)
    }
}

/// A level of access to a list, for a single workspace member.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ListAccessLevel {
    /// `full-access`: read, write, and manage the list and its access.
    FullAccess,
    /// `read-and-write`: read and change entries.
    ReadAndWrite,
    /// `read-only`
    ReadOnly,
    /// A level this version does not know, kept as sent.
    Other(String),
}

impl ListAccessLevel {
    /// Attio's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            ListAccessLevel::FullAccess => "full-access",
            ListAccessLevel::ReadAndWrite => "read-and-write",
            ListAccessLevel::ReadOnly => "read-only",
            ListAccessLevel::Other(s) => s,
        }
    }

    /// Parses Attio's spelling; an unknown one is kept in [`ListAccessLevel::Other`].
    pub fn parse(s: &str) -> Self {
        match s {
            "full-access" => ListAccessLevel::FullAccess,
            "read-and-write" => ListAccessLevel::ReadAndWrite,
            "read-only" => ListAccessLevel::ReadOnly,
            other => ListAccessLevel::Other(other.to_owned()),
        }
    }
}

impl fmt::Display for ListAccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for ListAccessLevel {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for ListAccessLevel {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(ListAccessLevel::parse(&String::deserialize(d)?))
    }
}

/// What every member of the workspace may do with a list: a [`ListAccessLevel`], or
/// `Private` (`null` on the wire), when only the members granted access one by one may see
/// the list.
///
/// A list must keep at least one way to manage it: `FullAccess` here, or a member with
/// [`ListAccessLevel::FullAccess`]. New lists default to `FullAccess`.
///
/// ```
/// use attio_core::models::WorkspaceAccess;
///
/// assert_eq!(serde_json::to_string(&WorkspaceAccess::Private).unwrap(), "null");
/// let read: WorkspaceAccess = serde_json::from_str(r#""read-only""#).unwrap();
/// assert_eq!(read, WorkspaceAccess::ReadOnly);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum WorkspaceAccess {
    /// `full-access`
    #[default]
    FullAccess,
    /// `read-and-write`
    ReadAndWrite,
    /// `read-only`
    ReadOnly,
    /// `null`: no access for the workspace as a whole.
    Private,
    /// A level this version does not know, kept as sent.
    Other(String),
}

impl WorkspaceAccess {
    /// Attio's spelling; `None` for [`WorkspaceAccess::Private`] (sent as `null`).
    pub fn as_str(&self) -> Option<&str> {
        match self {
            WorkspaceAccess::FullAccess => Some("full-access"),
            WorkspaceAccess::ReadAndWrite => Some("read-and-write"),
            WorkspaceAccess::ReadOnly => Some("read-only"),
            WorkspaceAccess::Private => None,
            WorkspaceAccess::Other(s) => Some(s),
        }
    }

    /// Reads Attio's spelling; `None` (`null`) is [`WorkspaceAccess::Private`].
    pub fn parse(s: Option<&str>) -> Self {
        match s.map(ListAccessLevel::parse) {
            None => WorkspaceAccess::Private,
            Some(ListAccessLevel::FullAccess) => WorkspaceAccess::FullAccess,
            Some(ListAccessLevel::ReadAndWrite) => WorkspaceAccess::ReadAndWrite,
            Some(ListAccessLevel::ReadOnly) => WorkspaceAccess::ReadOnly,
            Some(ListAccessLevel::Other(s)) => WorkspaceAccess::Other(s),
        }
    }
}

impl fmt::Display for WorkspaceAccess {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str().unwrap_or("private"))
    }
}

impl Serialize for WorkspaceAccess {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.as_str() {
            Some(level) => s.serialize_str(level),
            None => s.serialize_none(),
        }
    }
}

impl<'de> Deserialize<'de> for WorkspaceAccess {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(WorkspaceAccess::parse(
            Option::<String>::deserialize(d)?.as_deref(),
        ))
    }
}

/// One workspace member's access to a list.
///
/// `level` is always set on write; live answers have been seen with `"level": null`, kept
/// as `None`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
pub struct MemberAccess {
    /// The workspace member (see [`crate::models::WorkspaceMemberId`]).
    pub workspace_member_id: Uuid,
    /// The member's level of access.
    pub level: Option<ListAccessLevel>,
}

impl MemberAccess {
    /// `workspace_member_id` gets `level`.
    pub fn new(workspace_member_id: Uuid, level: ListAccessLevel) -> Self {
        MemberAccess {
            workspace_member_id,
            level: Some(level),
        }
    }
}

/// The body of a list create (`POST /v2/lists`). Attio requires all five fields; every one
/// is always sent. `workspace_access` defaults to [`WorkspaceAccess::FullAccess`] and
/// `workspace_member_access` to none.
///
/// ```
/// use attio_core::models::{NewList, WorkspaceAccess};
///
/// let sales = NewList::new("Sales", "sales", "companies");
/// assert_eq!(
///     serde_json::to_string(&sales).unwrap(),
///     r#"{"name":"Sales","api_slug":"sales","parent_object":"companies","workspace_access":"full-access","workspace_member_access":[]}"#
/// );
/// let shared = NewList {
///     workspace_access: WorkspaceAccess::ReadOnly,
///     ..NewList::new("Hiring", "hiring", "people")
/// };
/// assert_eq!(shared.parent_object, "people");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct NewList {
    /// The list's name, as shown in Attio.
    pub name: String,
    /// The list's unique slug, in snake case.
    pub api_slug: String,
    /// The slug or id of the object whose records the list holds (it cannot be changed
    /// later through the API).
    pub parent_object: String,
    /// What every workspace member may do with the list.
    pub workspace_access: WorkspaceAccess,
    /// What single workspace members may do with the list.
    pub workspace_member_access: Vec<MemberAccess>,
}

impl NewList {
    /// A list named `name`, with slug `api_slug`, of records of `parent_object`, open to the
    /// whole workspace with full access.
    pub fn new(
        name: impl Into<String>,
        api_slug: impl Into<String>,
        parent_object: impl Into<String>,
    ) -> Self {
        NewList {
            name: name.into(),
            api_slug: api_slug.into(),
            parent_object: parent_object.into(),
            workspace_access: WorkspaceAccess::FullAccess,
            workspace_member_access: Vec::new(),
        }
    }

    /// What every workspace member may do ([`WorkspaceAccess::Private`] for none).
    pub fn workspace_access(mut self, access: WorkspaceAccess) -> Self {
        self.workspace_access = access;
        self
    }

    /// Grants one workspace member `level` (added to the grants set so far).
    pub fn member_access(mut self, workspace_member_id: Uuid, level: ListAccessLevel) -> Self {
        self.workspace_member_access
            .push(MemberAccess::new(workspace_member_id, level));
        self
    }
}

/// A list update (`PATCH /v2/lists/{list}`): only the fields set are sent.
///
/// Send only what changes: Attio applies `workspace_access` whenever it is present, so
/// resending a stale copy of it silently resets the list's access. The parent object
/// cannot be changed through the API.
///
/// ```
/// use attio_core::models::{ListUpdate, WorkspaceAccess};
///
/// let rename = ListUpdate::default().name("Enterprise sales");
/// assert_eq!(serde_json::to_string(&rename).unwrap(), r#"{"name":"Enterprise sales"}"#);
/// let private = ListUpdate::default().workspace_access(WorkspaceAccess::Private);
/// assert_eq!(serde_json::to_string(&private).unwrap(), r#"{"workspace_access":null}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ListUpdate {
    /// A new name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// A new slug.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub api_slug: Option<String>,
    /// New access for the whole workspace.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_access: Option<WorkspaceAccess>,
    /// New member access, replacing the old grants.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub workspace_member_access: Option<Vec<MemberAccess>>,
}

impl ListUpdate {
    /// Renames the list.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Changes the list's slug.
    pub fn api_slug(mut self, api_slug: impl Into<String>) -> Self {
        self.api_slug = Some(api_slug.into());
        self
    }

    /// Changes what every workspace member may do.
    pub fn workspace_access(mut self, access: WorkspaceAccess) -> Self {
        self.workspace_access = Some(access);
        self
    }

    /// Replaces the members' grants.
    pub fn workspace_member_access(mut self, access: Vec<MemberAccess>) -> Self {
        self.workspace_member_access = Some(access);
        self
    }

    /// Whether nothing is set: sent, such an update changes nothing and answers the list.
    pub fn is_empty(&self) -> bool {
        self == &ListUpdate::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_levels_round_trip_and_keep_unknown_spellings() {
        for (s, access) in [
            ("\"full-access\"", WorkspaceAccess::FullAccess),
            ("\"read-and-write\"", WorkspaceAccess::ReadAndWrite),
            ("\"read-only\"", WorkspaceAccess::ReadOnly),
            ("null", WorkspaceAccess::Private),
            ("\"owner\"", WorkspaceAccess::Other("owner".into())),
        ] {
            let read: WorkspaceAccess = serde_json::from_str(s).unwrap();
            assert_eq!(read, access);
            assert_eq!(serde_json::to_string(&read).unwrap(), s);
        }
        let m: MemberAccess = serde_json::from_str(
            r#"{"workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b","level":null}"#,
        )
        .unwrap();
        assert_eq!(m.level, None);
        let m: MemberAccess = serde_json::from_str(
            r#"{"workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b","level":"guest"}"#,
        )
        .unwrap();
        assert_eq!(m.level, Some(ListAccessLevel::Other("guest".into())));
    }

    #[test]
    fn a_new_list_sends_all_five_fields() {
        let member = Uuid::nil();
        let list = NewList::new("Sales", "sales", "companies")
            .workspace_access(WorkspaceAccess::Private)
            .member_access(member, ListAccessLevel::FullAccess);
        let json = serde_json::to_value(&list).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"name":"Sales","api_slug":"sales","parent_object":"companies",
                "workspace_access":null,"workspace_member_access":[
                    {"workspace_member_id":member,"level":"full-access"}]})
        );
    }

    #[test]
    fn an_update_sends_only_what_is_set() {
        assert!(ListUpdate::default().is_empty());
        assert_eq!(serde_json::to_string(&ListUpdate::default()).unwrap(), "{}");
        let u = ListUpdate::default()
            .api_slug("deals")
            .workspace_member_access(vec![]);
        assert_eq!(
            serde_json::to_string(&u).unwrap(),
            r#"{"api_slug":"deals","workspace_member_access":[]}"#
        );
    }
}

//! Workspace members (`GET /v2/workspace_members`) and the token's identity (`GET /v2/self`).

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};
use uuid::Uuid;

use crate::values::Timestamp;

/// A member of the workspace: a user of Attio, who can own records, be assigned tasks and
/// be referenced by actor-reference attributes. Members are never deleted; a departed user
/// becomes [`AccessLevel::Suspended`].
///
/// ```
/// use attio_core::json;
/// use attio_core::models::{AccessLevel, WorkspaceMember};
///
/// let body = br#"{"data":[{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
///   "first_name":"Ada","last_name":"Lovelace","avatar_url":null,
///   "email_address":"ada@example.com","access_level":"admin",
///   "created_at":"2023-01-01T15:00:00.000000000Z"}]}"#;
/// let members: Vec<WorkspaceMember> = json::decode_data_list(body, "workspace member")?;
/// assert_eq!(members[0].access_level, AccessLevel::Admin);
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct WorkspaceMember {
    /// The member's id.
    pub id: WorkspaceMemberId,
    /// First name.
    pub first_name: String,
    /// Last name.
    pub last_name: String,
    /// The avatar's URL, when there is one.
    pub avatar_url: Option<String>,
    /// The member's email address.
    pub email_address: String,
    /// What the member may do in the workspace.
    pub access_level: AccessLevel,
    /// When the member joined.
    pub created_at: Timestamp,
}

/// A workspace member's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct WorkspaceMemberId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The member: what [`Members::get`](crate::api::Members::get) takes.
    pub workspace_member_id: Uuid,
}

impl fmt::Display for WorkspaceMemberId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.workspace_member_id, f)
    }
}

/// A workspace member's access level.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(from = "String", into = "String")]
#[non_exhaustive]
pub enum AccessLevel {
    /// `admin`
    Admin,
    /// `member`
    Member,
    /// `suspended`: a user who left; kept so that history still names them.
    Suspended,
    /// A level this version does not know, kept as sent.
    Other(String),
}

impl AccessLevel {
    /// Attio's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            AccessLevel::Admin => "admin",
            AccessLevel::Member => "member",
            AccessLevel::Suspended => "suspended",
            AccessLevel::Other(s) => s,
        }
    }
}

impl From<String> for AccessLevel {
    fn from(s: String) -> Self {
        match s.as_str() {
            "admin" => AccessLevel::Admin,
            "member" => AccessLevel::Member,
            "suspended" => AccessLevel::Suspended,
            _ => AccessLevel::Other(s),
        }
    }
}

impl From<AccessLevel> for String {
    fn from(level: AccessLevel) -> Self {
        match level {
            AccessLevel::Other(s) => s,
            known => known.as_str().to_owned(),
        }
    }
}

impl fmt::Display for AccessLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the client's token is (`GET /v2/self`), as OAuth token introspection (RFC 7662)
/// describes it.
///
/// Only `active` is always present: a revoked, deleted or unknown token is answered
/// `{"active": false}` (a 200, not a 401), and Attio leaves out the members that do not
/// apply instead of sending `null`.
///
/// ```
/// use attio_core::models::Identity;
///
/// let revoked: Identity = serde_json::from_slice(br#"{"active":false}"#).unwrap();
/// assert!(!revoked.active);
/// assert_eq!(revoked.workspace_slug, None);
/// ```
#[derive(Debug, Clone, PartialEq, Default, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Identity {
    /// Whether the token is active and usable.
    pub active: bool,
    /// The token's scopes, space-separated, e.g. `record_permission:read-write`.
    #[serde(default)]
    pub scope: Option<String>,
    /// The token's own id (workspace tokens) or its app's id (OAuth and app tokens).
    #[serde(default)]
    pub client_id: Option<String>,
    /// Always `Bearer`.
    #[serde(default)]
    pub token_type: Option<String>,
    /// When the token expires, in seconds since 1970 (Attio's tokens do not: `None`).
    #[serde(default, deserialize_with = "seconds")]
    pub exp: Option<i64>,
    /// When the token was issued, in seconds since 1970.
    #[serde(default, deserialize_with = "seconds")]
    pub iat: Option<i64>,
    /// The workspace id, for workspace-level tokens.
    #[serde(default)]
    pub sub: Option<Uuid>,
    /// The audience: the same as `client_id`.
    #[serde(default)]
    pub aud: Option<String>,
    /// Always `attio.com`.
    #[serde(default)]
    pub iss: Option<String>,
    /// The workspace member who authorised the token (absent for tokens Attio created
    /// itself).
    #[serde(default)]
    pub authorized_by_workspace_member_id: Option<Uuid>,
    /// The workspace the token belongs to.
    #[serde(default)]
    pub workspace_id: Option<Uuid>,
    /// The workspace's name.
    #[serde(default)]
    pub workspace_name: Option<String>,
    /// The workspace's slug.
    #[serde(default)]
    pub workspace_slug: Option<String>,
    /// The workspace's logo URL.
    #[serde(default)]
    pub workspace_logo_url: Option<String>,
}

impl Identity {
    /// The token's scopes, one by one.
    pub fn scopes(&self) -> impl Iterator<Item = &str> {
        self.scope.as_deref().unwrap_or_default().split_whitespace()
    }
}

/// Seconds since 1970, sent as a JSON number (integral or not) or `null`.
fn seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(Option::<f64>::deserialize(d)?.map(|s| s as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn access_levels_keep_unknown_spellings() {
        for (s, level) in [
            ("admin", AccessLevel::Admin),
            ("member", AccessLevel::Member),
            ("suspended", AccessLevel::Suspended),
            ("guest", AccessLevel::Other("guest".into())),
        ] {
            let read: AccessLevel = serde_json::from_str(&format!("{s:?}")).unwrap();
            assert_eq!(read, level);
            assert_eq!(serde_json::to_string(&read).unwrap(), format!("{s:?}"));
        }
    }

    #[test]
    fn identity_reads_every_field_and_tolerates_missing_ones() {
        let body = br#"{"active":true,"scope":"record_permission:read user_management:read",
            "client_id":"c","token_type":"Bearer","exp":null,"iat":1700000000.0,
            "sub":"14beef7a-99f7-4534-a87e-70b564330a4c","aud":"c","iss":"attio.com",
            "authorized_by_workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b",
            "workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","workspace_name":"Acme",
            "workspace_slug":"acme","workspace_logo_url":null}"#;
        let id: Identity = serde_json::from_slice(body).unwrap();
        assert!(id.active);
        assert_eq!(id.iat, Some(1_700_000_000));
        assert_eq!(id.exp, None);
        assert_eq!(
            id.scopes().collect::<Vec<_>>(),
            ["record_permission:read", "user_management:read"]
        );
        assert_eq!(id.workspace_slug.as_deref(), Some("acme"));
        let app: Identity = serde_json::from_slice(br#"{"active":true,"iat":5}"#).unwrap();
        assert_eq!(app.authorized_by_workspace_member_id, None);
    }
}

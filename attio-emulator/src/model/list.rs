//! Lists: their definition (name, parent object, access, attributes), the owner of the
//! entries' values.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::item::Actor;
use super::owner::{Owner, OwnerKey};
use super::schema::AttributeDef;

/// The access one workspace member has to a list.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub(crate) struct MemberAccess {
    pub workspace_member_id: Uuid,
    /// `full-access`, `read-and-write` or `read-only`.
    pub level: String,
}

/// A list: entries of records of its parent object, with the list's own attributes.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ListDef {
    pub id: Uuid,
    pub api_slug: String,
    pub name: String,
    /// The slugs of the objects whose records can be entries (one for lists made through
    /// the API).
    pub parent_object: Vec<String>,
    /// `full-access`, `read-and-write`, `read-only`, or `None` for a private list.
    pub workspace_access: Option<String>,
    pub workspace_member_access: Vec<MemberAccess>,
    pub created_by: Actor,
    pub created_at: DateTime<Utc>,
    pub attributes: Vec<AttributeDef>,
}

impl ListDef {
    /// Whether records of `object` (its slug) can be entries of this list.
    pub fn takes(&self, object: &str) -> bool {
        self.parent_object.iter().any(|p| p == object)
    }
}

impl Owner for ListDef {
    fn key(&self) -> OwnerKey {
        OwnerKey::List(self.api_slug.clone())
    }
    fn id(&self) -> Uuid {
        self.id
    }
    fn slug(&self) -> &str {
        &self.api_slug
    }
    fn noun(&self) -> &'static str {
        "list"
    }
    fn item_noun(&self) -> &'static str {
        "entry"
    }
    fn values_field(&self) -> &'static str {
        "entry_values"
    }
    fn attributes(&self) -> &[AttributeDef] {
        &self.attributes
    }
    fn parent_objects(&self) -> &[String] {
        &self.parent_object
    }
}

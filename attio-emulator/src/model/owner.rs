//! The owner of attributes and of the items that hold their values: an object (its items
//! are records) or a list (its items are entries). The value rules (write, render, filter,
//! sort, history, uniqueness) read what they need through [`Owner`], so they serve both.

use uuid::Uuid;

use super::schema::{AttributeDef, ObjectDef};

/// Which owner a stored item belongs to, by api slug (a renamed list moves its entries).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub(crate) enum OwnerKey {
    /// The object of a record.
    Object(String),
    /// The list of an entry.
    List(String),
}

impl OwnerKey {
    /// The key of an object, by slug.
    pub fn object(slug: &str) -> Self {
        OwnerKey::Object(slug.to_string())
    }

    /// The key of a list, by slug.
    pub fn list(slug: &str) -> Self {
        OwnerKey::List(slug.to_string())
    }

    /// The owner's api slug.
    pub fn slug(&self) -> &str {
        match self {
            OwnerKey::Object(slug) | OwnerKey::List(slug) => slug,
        }
    }
}

/// What the value rules need to know of the owner of the values they handle.
pub(crate) trait Owner {
    /// Where its items are stored.
    fn key(&self) -> OwnerKey;
    /// Its id: `object_id` (or `list_id`) in ids and in select/status ids.
    fn id(&self) -> Uuid;
    /// Its api slug.
    fn slug(&self) -> &str;
    /// `object` or `list`, for messages.
    fn noun(&self) -> &'static str;
    /// `record` or `entry`, for messages.
    fn item_noun(&self) -> &'static str;
    /// The field of a write's `data` holding the values: `values` or `entry_values`.
    fn values_field(&self) -> &'static str {
        "values"
    }
    /// Its attribute definitions, in display order.
    fn attributes(&self) -> &[AttributeDef];
    /// The objects whose records are the parents of its items (a list's parent objects;
    /// none for an object).
    fn parent_objects(&self) -> &[String] {
        &[]
    }

    /// The attribute with this slug or id.
    fn attribute(&self, key: &str) -> Option<&AttributeDef> {
        self.attributes().iter().find(|a| a.is(key))
    }

    /// Whether `key` names this owner (its slug or its id).
    fn is(&self, key: &str) -> bool {
        self.slug() == key || self.id().to_string() == key
    }
}

impl Owner for ObjectDef {
    fn key(&self) -> OwnerKey {
        OwnerKey::object(&self.api_slug)
    }
    fn id(&self) -> Uuid {
        self.id
    }
    fn slug(&self) -> &str {
        &self.api_slug
    }
    fn noun(&self) -> &'static str {
        "object"
    }
    fn item_noun(&self) -> &'static str {
        "record"
    }
    fn attributes(&self) -> &[AttributeDef] {
        &self.attributes
    }
}

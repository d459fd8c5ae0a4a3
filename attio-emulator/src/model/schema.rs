//! The workspace schema: attribute definitions with their select options and statuses, and
//! the objects that carry them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// A select option of a select attribute.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct SelectOption {
    pub id: Uuid,
    pub title: String,
    pub is_archived: bool,
}

/// A status of a status attribute.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct StatusDef {
    pub id: Uuid,
    pub title: String,
    pub is_archived: bool,
    pub celebration_enabled: bool,
    pub target_time_in_status: Option<String>,
}

/// The other side of a two-way relationship attribute.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct RelationshipRef {
    pub object: String,
    pub attribute: String,
}

/// One attribute of an object (or, with the same shape, of a list).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct AttributeDef {
    pub id: Uuid,
    pub title: String,
    pub description: Option<String>,
    pub api_slug: String,
    #[serde(rename = "type")]
    pub attr_type: String,
    pub is_system_attribute: bool,
    pub is_writable: bool,
    pub is_required: bool,
    pub is_unique: bool,
    pub is_multiselect: bool,
    pub is_archived: bool,
    /// `null` or `{type:"static"|"dynamic", template}` as the API returns it.
    pub default_value: Value,
    pub relationship: Option<RelationshipRef>,
    pub created_at: DateTime<Utc>,
    pub currency_code: Option<String>,
    pub currency_display_type: Option<String>,
    /// Object slugs a record reference may point to; `None` = any object.
    pub allowed_objects: Option<Vec<String>>,
    #[serde(default)]
    pub options: Vec<SelectOption>,
    #[serde(default)]
    pub statuses: Vec<StatusDef>,
    /// Enriched (Attio-computed) attribute: read-only and no `show_historic`.
    #[serde(default)]
    pub enriched: bool,
}

impl AttributeDef {
    /// Whether `key` names this attribute (its slug or its id).
    pub fn is(&self, key: &str) -> bool {
        self.api_slug == key || self.id.to_string() == key
    }

    /// The key two stored values of this attribute are compared by (for uniqueness, PATCH
    /// de-duplication and PUT matching): emails and domains case-insensitively, phones by
    /// E.164 number, every other type by its whole stored form.
    pub fn identity(&self, data: &Map<String, Value>) -> String {
        let field = match self.attr_type.as_str() {
            "email-address" => Some("email_address"),
            "domain" => Some("domain"),
            "phone-number" => Some("phone_number"),
            _ => None,
        };
        match field.and_then(|f| data.get(f)) {
            Some(v) => v.as_str().unwrap_or_default().to_ascii_lowercase(),
            None => serde_json::to_string(data).unwrap_or_default(),
        }
    }
}

/// An object (people, companies, … or custom).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct ObjectDef {
    pub id: Uuid,
    pub api_slug: String,
    pub singular_noun: String,
    pub plural_noun: String,
    pub created_at: DateTime<Utc>,
    pub attributes: Vec<AttributeDef>,
}

impl ObjectDef {
    /// The attribute with this slug or id.
    pub fn attribute(&self, key: &str) -> Option<&AttributeDef> {
        self.attributes.iter().find(|a| a.is(key))
    }

    /// The attribute with this slug or id, to change it.
    pub fn attribute_mut(&mut self, key: &str) -> Option<&mut AttributeDef> {
        self.attributes.iter_mut().find(|a| a.is(key))
    }
}

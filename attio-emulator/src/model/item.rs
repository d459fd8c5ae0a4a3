//! What is stored per record (and, with the same shape, per list entry): current and
//! closed values with the actor that wrote them, and an entry's parent record.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use uuid::Uuid;

/// The actor that wrote a value.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub(crate) struct Actor {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub id: Option<String>,
}

impl Actor {
    /// The actor of values the workspace computes itself.
    pub fn system() -> Self {
        Actor {
            kind: Some("system".into()),
            id: None,
        }
    }

    /// The read shape: `{"type": …, "id": …}`.
    pub fn to_json(&self) -> Value {
        serde_json::json!({"type": self.kind, "id": self.id})
    }
}

/// One value (current or historic) of an attribute on a record.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct StoredValue {
    /// Type-specific fields, without the envelope and without `attribute_type`.
    /// Select and status values hold the option/status id (`option` / `status`).
    pub data: Map<String, Value>,
    pub active_from: DateTime<Utc>,
    pub active_until: Option<DateTime<Utc>>,
    pub actor: Actor,
}

/// Current and closed values of one attribute of one record.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
pub(crate) struct AttrValues {
    /// Active values, in display order.
    pub current: Vec<StoredValue>,
    /// Closed values (`active_until` set), in closing order.
    #[serde(default)]
    pub closed: Vec<StoredValue>,
}

/// The parent record of a list entry.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq, Eq)]
pub(crate) struct Parent {
    /// The parent object's slug.
    pub object: String,
    pub record_id: Uuid,
}

/// A stored item: a record of an object (or an entry of a list).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Record {
    pub id: Uuid,
    pub seq: u64,
    pub created_at: DateTime<Utc>,
    pub created_by: Actor,
    /// Keyed by attribute slug.
    pub values: BTreeMap<String, AttrValues>,
    /// The parent record of an entry (`None` for a record).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Parent>,
}

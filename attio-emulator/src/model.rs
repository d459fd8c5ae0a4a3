//! The emulator's stored state: objects, attributes, records and their value history.
//!
//! Everything here is plain data with serde derives, so that the whole workspace can be
//! saved to and loaded from a JSON file (`--data FILE`).

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::values::identity;
use uuid::Uuid;

/// Formats a timestamp the way Attio does: UTC, nine fractional digits, `Z` suffix.
pub(crate) fn fmt_ts(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.9fZ").to_string()
}

/// The actor that wrote a value.
#[derive(Clone, Debug, Serialize, Deserialize, PartialEq)]
pub(crate) struct Actor {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub id: Option<String>,
}

impl Actor {
    pub fn system() -> Self {
        Actor {
            kind: Some("system".into()),
            id: None,
        }
    }
    pub fn to_json(&self) -> Value {
        serde_json::json!({"type": self.kind, "id": self.id})
    }
}

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

/// One attribute of an object.
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
    pub fn attribute(&self, key: &str) -> Option<&AttributeDef> {
        self.attributes
            .iter()
            .find(|a| a.api_slug == key || a.id.to_string() == key)
    }
    pub fn attribute_mut(&mut self, key: &str) -> Option<&mut AttributeDef> {
        self.attributes
            .iter_mut()
            .find(|a| a.api_slug == key || a.id.to_string() == key)
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

/// A record.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Record {
    pub id: Uuid,
    pub seq: u64,
    pub created_at: DateTime<Utc>,
    pub created_by: Actor,
    /// Keyed by attribute slug.
    pub values: BTreeMap<String, AttrValues>,
}

/// A workspace member (actor-reference targets).
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Member {
    pub id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub email_address: String,
    pub access_level: String,
    pub created_at: DateTime<Utc>,
}

/// The whole emulated workspace.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct State {
    pub workspace_id: Uuid,
    pub workspace_slug: String,
    pub workspace_name: String,
    /// The id of the API token; written values carry `{"type":"api-token","id":token_id}`.
    pub token_id: Uuid,
    pub members: Vec<Member>,
    pub objects: Vec<ObjectDef>,
    /// object slug → (seq → record); iteration order is creation order.
    pub records: HashMap<String, BTreeMap<u64, Record>>,
    /// record id → seq, per object slug.
    #[serde(skip)]
    pub index: HashMap<String, HashMap<Uuid, u64>>,
    /// Who holds each active value of each unique attribute.
    #[serde(skip)]
    pub unique: UniqueIndex,
    pub next_seq: u64,
}

/// Who holds each active value of each unique attribute, so that a write checks uniqueness
/// and an assert finds its record without reading every record of the object.
///
/// Every write keeps it up to date ([`State::reindex_attr`] and friends); it is rebuilt
/// from the records when the set of unique attributes changes (an attribute created, made
/// unique or renamed) and after a load.
#[derive(Clone, Debug, Default)]
pub(crate) struct UniqueIndex {
    built: bool,
    /// (object slug, attribute slug) of every unique attribute when the index was built.
    schema: Vec<(String, String)>,
    /// object slug → attribute slug → identity (`values::identity`) → holders.
    holders: HashMap<String, HashMap<String, HashMap<String, Vec<Uuid>>>>,
}

impl State {
    pub fn token_actor(&self) -> Actor {
        Actor {
            kind: Some("api-token".into()),
            id: Some(self.token_id.to_string()),
        }
    }

    pub fn rebuild_index(&mut self) {
        self.unique.built = false;
        self.index.clear();
        for (slug, recs) in &self.records {
            let idx = self.index.entry(slug.clone()).or_default();
            for (seq, r) in recs {
                idx.insert(r.id, *seq);
            }
        }
        for o in &self.objects {
            self.records.entry(o.api_slug.clone()).or_default();
            self.index.entry(o.api_slug.clone()).or_default();
        }
    }

    pub fn object(&self, key: &str) -> Option<&ObjectDef> {
        self.objects
            .iter()
            .find(|o| o.api_slug == key || o.id.to_string() == key)
    }

    pub fn object_index(&self, key: &str) -> Option<usize> {
        self.objects
            .iter()
            .position(|o| o.api_slug == key || o.id.to_string() == key)
    }

    pub fn record(&self, object: &str, id: &Uuid) -> Option<&Record> {
        let seq = self.index.get(object)?.get(id)?;
        self.records.get(object)?.get(seq)
    }

    pub fn record_mut(&mut self, object: &str, id: &Uuid) -> Option<&mut Record> {
        let seq = *self.index.get(object)?.get(id)?;
        self.records.get_mut(object)?.get_mut(&seq)
    }

    pub fn insert_record(&mut self, object: &str, rec: Record) {
        self.index
            .entry(object.to_string())
            .or_default()
            .insert(rec.id, rec.seq);
        self.records
            .entry(object.to_string())
            .or_default()
            .insert(rec.seq, rec);
    }

    pub fn remove_record(&mut self, object: &str, id: &Uuid) -> Option<Record> {
        let seq = self.index.get_mut(object)?.remove(id)?;
        self.records.get_mut(object)?.remove(&seq)
    }

    /// Whether the index was built for today's unique attributes.
    fn unique_schema_current(&self) -> bool {
        let mut built = self.unique.schema.iter();
        for o in &self.objects {
            for a in o.attributes.iter().filter(|a| a.is_unique) {
                match built.next() {
                    Some((os, aslug)) if *os == o.api_slug && *aslug == a.api_slug => {}
                    _ => return false,
                }
            }
        }
        built.next().is_none()
    }

    /// Builds the uniqueness index again if it is missing or the unique attributes changed.
    fn ensure_unique_index(&mut self) {
        if self.unique.built && self.unique_schema_current() {
            return;
        }
        let mut idx = UniqueIndex {
            built: true,
            ..UniqueIndex::default()
        };
        for o in &self.objects {
            for a in o.attributes.iter().filter(|a| a.is_unique) {
                idx.schema.push((o.api_slug.clone(), a.api_slug.clone()));
                let holders = idx
                    .holders
                    .entry(o.api_slug.clone())
                    .or_default()
                    .entry(a.api_slug.clone())
                    .or_default();
                for r in self
                    .records
                    .get(&o.api_slug)
                    .into_iter()
                    .flat_map(|m| m.values())
                {
                    for v in r
                        .values
                        .get(&a.api_slug)
                        .into_iter()
                        .flat_map(|av| &av.current)
                    {
                        let ids = holders.entry(identity(a, &v.data)).or_default();
                        if !ids.contains(&r.id) {
                            ids.push(r.id);
                        }
                    }
                }
            }
        }
        self.unique = idx;
    }

    /// The records holding the value with identity `key` in unique attribute `attr`
    /// (building the index first when it is missing or out of date).
    pub fn unique_holders(&mut self, object: &str, attr: &str, key: &str) -> Vec<Uuid> {
        self.ensure_unique_index();
        self.unique
            .holders
            .get(object)
            .and_then(|a| a.get(attr))
            .and_then(|k| k.get(key))
            .cloned()
            .unwrap_or_default()
    }

    /// Updates the index after the active values of `attr` on record `id` changed from
    /// `old` to what the record holds now (nothing, if the record is gone).
    pub fn reindex_attr(&mut self, object: &str, attr: &str, id: Uuid, old: &[StoredValue]) {
        if !self.unique.built {
            return;
        }
        let Some(def) = self
            .object(object)
            .and_then(|o| o.attributes.iter().find(|a| a.api_slug == attr))
            .filter(|a| a.is_unique)
        else {
            return;
        };
        let old: HashSet<String> = old.iter().map(|v| identity(def, &v.data)).collect();
        let new: HashSet<String> = self
            .record(object, &id)
            .and_then(|r| r.values.get(attr))
            .into_iter()
            .flat_map(|av| &av.current)
            .map(|v| identity(def, &v.data))
            .collect();
        let Some(holders) = self
            .unique
            .holders
            .get_mut(object)
            .and_then(|a| a.get_mut(attr))
        else {
            return;
        };
        for key in old.difference(&new) {
            if let Some(ids) = holders.get_mut(key) {
                ids.retain(|h| *h != id);
                if ids.is_empty() {
                    holders.remove(key);
                }
            }
        }
        for key in new {
            let ids = holders.entry(key).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// Updates the index for every unique attribute of record `id` after a write;
    /// `old` holds the record's values before it (`None` for a new record).
    pub fn reindex_record(
        &mut self,
        object: &str,
        id: Uuid,
        old: Option<&BTreeMap<String, AttrValues>>,
    ) {
        let unique: Vec<String> = self
            .object(object)
            .map(|o| {
                o.attributes
                    .iter()
                    .filter(|a| a.is_unique)
                    .map(|a| a.api_slug.clone())
                    .collect()
            })
            .unwrap_or_default();
        for attr in unique {
            let before = old
                .and_then(|o| o.get(&attr))
                .map_or(&[][..], |av| av.current.as_slice());
            self.reindex_attr(object, &attr, id, before);
        }
    }

    pub fn next_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }
}

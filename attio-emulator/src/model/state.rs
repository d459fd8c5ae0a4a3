//! The whole emulated workspace and its stores: objects, lists, members, and the items of
//! every owner (records by object, entries by list) with an id index and a uniqueness index.

use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::activity::{Note, Task, Thread};
use super::item::{Actor, AttrValues, Record, StoredValue};
use super::list::ListDef;
use super::owner::{Owner, OwnerKey};
use super::schema::{AttributeDef, ObjectDef};
use super::unique::UniqueIndex;

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

/// Items of one owner: seq → item; iteration order is creation order.
pub(crate) type Items = BTreeMap<u64, Record>;

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
    /// The lists, in sidebar (creation) order.
    #[serde(default)]
    pub lists: Vec<ListDef>,
    /// object slug → its records.
    pub records: HashMap<String, Items>,
    /// list slug → its entries.
    #[serde(default, skip_serializing_if = "HashMap::is_empty")]
    pub entries: HashMap<String, Items>,
    /// Notes, in creation order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// Tasks, in creation order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tasks: Vec<Task>,
    /// Comment threads, in creation order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub threads: Vec<Thread>,
    /// item id → seq, per owner.
    #[serde(skip)]
    index: HashMap<OwnerKey, HashMap<Uuid, u64>>,
    /// Who holds each active value of each unique attribute.
    #[serde(skip)]
    unique: UniqueIndex,
    pub next_seq: u64,
}

impl State {
    /// A workspace with these ids and members and nothing stored yet.
    pub fn new(
        workspace_id: Uuid,
        workspace_slug: String,
        workspace_name: String,
        token_id: Uuid,
        members: Vec<Member>,
        objects: Vec<ObjectDef>,
    ) -> Self {
        let mut st = State {
            workspace_id,
            workspace_slug,
            workspace_name,
            token_id,
            members,
            objects,
            lists: Vec::new(),
            records: HashMap::new(),
            entries: HashMap::new(),
            notes: Vec::new(),
            tasks: Vec::new(),
            threads: Vec::new(),
            index: HashMap::new(),
            unique: UniqueIndex::default(),
            next_seq: 0,
        };
        st.rebuild_index();
        st
    }

    /// The actor of values written through the API.
    pub fn token_actor(&self) -> Actor {
        Actor {
            kind: Some("api-token".into()),
            id: Some(self.token_id.to_string()),
        }
    }

    /// Builds the id index from the items (after a load) and marks the uniqueness index
    /// out of date; every object and list gets its (possibly empty) store.
    pub fn rebuild_index(&mut self) {
        self.unique.invalidate();
        self.index.clear();
        for o in &self.objects {
            self.records.entry(o.api_slug.clone()).or_default();
        }
        for l in &self.lists {
            self.entries.entry(l.api_slug.clone()).or_default();
        }
        let stores = [
            (&self.records, OwnerKey::Object as fn(String) -> OwnerKey),
            (&self.entries, OwnerKey::List),
        ];
        for (store, key) in stores {
            for (slug, items) in store {
                let idx = self.index.entry(key(slug.clone())).or_default();
                for (seq, r) in items {
                    idx.insert(r.id, *seq);
                }
            }
        }
    }

    /// The object with this slug or id.
    pub fn object(&self, key: &str) -> Option<&ObjectDef> {
        self.objects.iter().find(|o| o.is(key))
    }

    /// The position of the object with this slug or id.
    pub fn object_index(&self, key: &str) -> Option<usize> {
        self.objects.iter().position(|o| o.is(key))
    }

    /// Adds an object with an empty store.
    pub fn add_object(&mut self, object: ObjectDef) {
        self.records.entry(object.api_slug.clone()).or_default();
        self.index.entry(object.key()).or_default();
        self.objects.push(object);
    }

    /// The list with this slug or id.
    pub fn list(&self, key: &str) -> Option<&ListDef> {
        self.lists.iter().find(|l| l.is(key))
    }

    /// Adds a list with an empty store.
    pub fn add_list(&mut self, list: ListDef) {
        self.entries.entry(list.api_slug.clone()).or_default();
        self.index.entry(list.key()).or_default();
        self.lists.push(list);
    }

    /// Replaces the list with `next`'s id by `next`; a new slug moves its entries.
    pub fn replace_list(&mut self, next: ListDef) {
        let Some(i) = self.lists.iter().position(|l| l.id == next.id) else {
            return;
        };
        let old = std::mem::replace(&mut self.lists[i], next);
        let new_slug = &self.lists[i].api_slug;
        if old.api_slug != *new_slug {
            let items = self.entries.remove(&old.api_slug).unwrap_or_default();
            self.entries.insert(new_slug.clone(), items);
            self.rebuild_index();
        }
    }

    /// Every owner of attributes: the objects, then the lists.
    pub fn owners(&self) -> impl Iterator<Item = &dyn Owner> {
        let objects = self.objects.iter().map(|o| o as &dyn Owner);
        objects.chain(self.lists.iter().map(|l| l as &dyn Owner))
    }

    /// The owner stored under `key`.
    pub fn owner(&self, key: &OwnerKey) -> Option<&dyn Owner> {
        match key {
            OwnerKey::Object(slug) => self.object(slug).map(|o| o as &dyn Owner),
            OwnerKey::List(slug) => self.list(slug).map(|l| l as &dyn Owner),
        }
    }

    /// The attribute definitions of the owner stored under `key`, to change them.
    pub fn attributes_mut(&mut self, key: &OwnerKey) -> Option<&mut Vec<AttributeDef>> {
        match key {
            OwnerKey::Object(slug) => {
                let o = self.objects.iter_mut().find(|o| o.api_slug == *slug)?;
                Some(&mut o.attributes)
            }
            OwnerKey::List(slug) => {
                let l = self.lists.iter_mut().find(|l| l.api_slug == *slug)?;
                Some(&mut l.attributes)
            }
        }
    }

    fn store(&self, owner: &OwnerKey) -> Option<&Items> {
        match owner {
            OwnerKey::Object(slug) => self.records.get(slug),
            OwnerKey::List(slug) => self.entries.get(slug),
        }
    }

    fn store_mut(&mut self, owner: &OwnerKey) -> &mut Items {
        match owner {
            OwnerKey::Object(slug) => self.records.entry(slug.clone()).or_default(),
            OwnerKey::List(slug) => self.entries.entry(slug.clone()).or_default(),
        }
    }

    /// The items of an owner, in creation order.
    pub fn items(&self, owner: &OwnerKey) -> impl Iterator<Item = &Record> {
        self.store(owner).into_iter().flat_map(|m| m.values())
    }

    /// The number of items of an owner.
    pub fn item_count(&self, owner: &OwnerKey) -> usize {
        self.store(owner).map_or(0, |m| m.len())
    }

    /// The items of an owner, to change them.
    pub fn items_mut(&mut self, owner: &OwnerKey) -> impl Iterator<Item = &mut Record> {
        self.store_mut(owner).values_mut()
    }

    /// Calls `f` with every item of every owner, to change them.
    pub fn for_each_item_mut(&mut self, mut f: impl FnMut(&OwnerKey, &mut Record)) {
        for (slug, items) in &mut self.records {
            let key = OwnerKey::Object(slug.clone());
            items.values_mut().for_each(|r| f(&key, r));
        }
        for (slug, items) in &mut self.entries {
            let key = OwnerKey::List(slug.clone());
            items.values_mut().for_each(|r| f(&key, r));
        }
    }

    /// The item `id` of an owner.
    pub fn item(&self, owner: &OwnerKey, id: &Uuid) -> Option<&Record> {
        let seq = self.index.get(owner)?.get(id)?;
        self.store(owner)?.get(seq)
    }

    /// The item `id` of an owner, to change it.
    pub fn item_mut(&mut self, owner: &OwnerKey, id: &Uuid) -> Option<&mut Record> {
        let seq = *self.index.get(owner)?.get(id)?;
        self.store_mut(owner).get_mut(&seq)
    }

    /// Stores a new item.
    pub fn insert_item(&mut self, owner: &OwnerKey, item: Record) {
        self.index
            .entry(owner.clone())
            .or_default()
            .insert(item.id, item.seq);
        self.store_mut(owner).insert(item.seq, item);
    }

    /// Removes an item.
    pub fn remove_item(&mut self, owner: &OwnerKey, id: &Uuid) -> Option<Record> {
        let seq = self.index.get_mut(owner)?.remove(id)?;
        self.store_mut(owner).remove(&seq)
    }

    /// Removes the entries (in every list) whose parent is the record `id` of `object`.
    pub fn remove_entries_of(&mut self, object: &str, id: Uuid) {
        let doomed: Vec<(OwnerKey, Uuid)> = self
            .entries
            .iter()
            .flat_map(|(slug, items)| {
                items
                    .values()
                    .filter(|e| {
                        e.parent
                            .as_ref()
                            .is_some_and(|p| p.record_id == id && p.object == object)
                    })
                    .map(|e| (OwnerKey::list(slug), e.id))
            })
            .collect();
        for (list, entry) in doomed {
            if let Some(removed) = self.remove_item(&list, &entry) {
                self.reindex_item(&list, entry, Some(&removed.values));
            }
        }
    }

    /// The next item sequence number.
    pub fn next_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    /// (owner, attribute slug) of every unique attribute, in schema order.
    fn unique_schema(&self) -> impl Iterator<Item = (OwnerKey, &str)> {
        self.owners().flat_map(|o| {
            let key = o.key();
            o.attributes()
                .iter()
                .filter(|a| a.is_unique)
                .map(move |a| (key.clone(), a.api_slug.as_str()))
        })
    }

    /// Builds the uniqueness index again if it is missing or the unique attributes changed.
    fn ensure_unique_index(&mut self) {
        if self.unique.is_current(self.unique_schema()) {
            return;
        }
        let schema = self
            .unique_schema()
            .map(|(o, a)| (o, a.to_string()))
            .collect();
        let mut idx = UniqueIndex::for_schema(schema);
        for o in self.owners() {
            let key = o.key();
            for a in o.attributes().iter().filter(|a| a.is_unique) {
                for r in self.items(&key) {
                    for v in r
                        .values
                        .get(&a.api_slug)
                        .into_iter()
                        .flat_map(|av| &av.current)
                    {
                        idx.add(&key, &a.api_slug, a.identity(&v.data), r.id);
                    }
                }
            }
        }
        self.unique = idx;
    }

    /// The items holding the value with identity `key` in unique attribute `attr`
    /// (building the index first when it is missing or out of date).
    pub fn unique_holders(&mut self, owner: &OwnerKey, attr: &str, key: &str) -> Vec<Uuid> {
        self.ensure_unique_index();
        self.unique.holders(owner, attr, key)
    }

    /// Updates the index after the active values of `attr` on item `id` changed from
    /// `old` to what the item holds now (nothing, if the item is gone).
    pub fn reindex_attr(&mut self, owner: &OwnerKey, attr: &str, id: Uuid, old: &[StoredValue]) {
        if !self.unique.is_built() {
            return;
        }
        let Some(def) = self
            .owner(owner)
            .and_then(|o| o.attributes().iter().find(|a| a.api_slug == attr))
            .filter(|a| a.is_unique)
        else {
            return;
        };
        let old: HashSet<String> = old.iter().map(|v| def.identity(&v.data)).collect();
        let new: HashSet<String> = self
            .item(owner, &id)
            .and_then(|r| r.values.get(attr))
            .into_iter()
            .flat_map(|av| &av.current)
            .map(|v| def.identity(&v.data))
            .collect();
        self.unique.replace(owner, attr, id, old, new);
    }

    /// Updates the index for every unique attribute of item `id` after a write; `old`
    /// holds the item's values before it (`None` for a new item).
    pub fn reindex_item(
        &mut self,
        owner: &OwnerKey,
        id: Uuid,
        old: Option<&BTreeMap<String, AttrValues>>,
    ) {
        let unique: Vec<String> = self
            .owner(owner)
            .map(|o| {
                o.attributes()
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
            self.reindex_attr(owner, &attr, id, before);
        }
    }
}

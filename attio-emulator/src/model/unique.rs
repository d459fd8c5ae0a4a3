//! Who holds each active value of each unique attribute, so that a write checks uniqueness
//! and an assert finds its item without reading every item of the owner.

use std::collections::{HashMap, HashSet};

use uuid::Uuid;

use super::owner::OwnerKey;

/// The holders of every value of every unique attribute, by owner, attribute slug and value
/// identity ([`AttributeDef::identity`](super::schema::AttributeDef::identity)).
///
/// [`State`](super::state::State) keeps it up to date on every write and builds it again
/// from the items when the set of unique attributes changes (an attribute created, made
/// unique or renamed) and after a load.
#[derive(Clone, Debug, Default)]
pub(crate) struct UniqueIndex {
    built: bool,
    /// (owner, attribute slug) of every unique attribute when the index was built.
    schema: Vec<(OwnerKey, String)>,
    /// owner → attribute slug → identity → holders.
    holders: HashMap<OwnerKey, HashMap<String, HashMap<String, Vec<Uuid>>>>,
}

impl UniqueIndex {
    /// An empty index for these unique attributes, to be filled with [`Self::add`].
    pub fn for_schema(schema: Vec<(OwnerKey, String)>) -> Self {
        let mut holders: HashMap<OwnerKey, HashMap<String, HashMap<String, Vec<Uuid>>>> =
            HashMap::new();
        for (owner, attr) in &schema {
            holders
                .entry(owner.clone())
                .or_default()
                .entry(attr.clone())
                .or_default();
        }
        UniqueIndex {
            built: true,
            schema,
            holders,
        }
    }

    /// Whether it has been built (and not invalidated since).
    pub fn is_built(&self) -> bool {
        self.built
    }

    /// Marks it out of date: the next read builds it again.
    pub fn invalidate(&mut self) {
        self.built = false;
    }

    /// Whether it was built for exactly these unique attributes, in this order.
    pub fn is_current<'a>(&self, mut schema: impl Iterator<Item = (OwnerKey, &'a str)>) -> bool {
        if !self.built {
            return false;
        }
        let mut built = self.schema.iter();
        for (owner, attr) in schema.by_ref() {
            match built.next() {
                Some((o, a)) if *o == owner && a == attr => {}
                _ => return false,
            }
        }
        built.next().is_none()
    }

    /// Records `id` as a holder of the value `key` of `attr`.
    pub fn add(&mut self, owner: &OwnerKey, attr: &str, key: String, id: Uuid) {
        let Some(by_attr) = self.holders.get_mut(owner).and_then(|a| a.get_mut(attr)) else {
            return;
        };
        let ids = by_attr.entry(key).or_default();
        if !ids.contains(&id) {
            ids.push(id);
        }
    }

    /// The holders of the value `key` of `attr`.
    pub fn holders(&self, owner: &OwnerKey, attr: &str, key: &str) -> Vec<Uuid> {
        self.holders
            .get(owner)
            .and_then(|a| a.get(attr))
            .and_then(|k| k.get(key))
            .cloned()
            .unwrap_or_default()
    }

    /// Moves `id` from the values it held (`old`) to the ones it holds now (`new`).
    pub fn replace(
        &mut self,
        owner: &OwnerKey,
        attr: &str,
        id: Uuid,
        old: HashSet<String>,
        new: HashSet<String>,
    ) {
        let Some(holders) = self.holders.get_mut(owner).and_then(|a| a.get_mut(attr)) else {
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
}

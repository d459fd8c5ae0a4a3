//! The workspace behind its lock, and the operations of each API area on it: one file per
//! area (`records.rs`, `schema.rs`, `lists.rs`, `entries.rs`, `webhooks.rs`), over the
//! owner-generic item operations of `items.rs`. The plain resources (`notes.rs`, `tasks.rs`,
//! `threads.rs`) find what they point at through `links.rs`; `cascade.rs` removes them with a
//! deleted record or entry; `events.rs` queues the webhook events of every write.

pub(crate) mod activity_events;
pub(crate) mod cascade;
pub(crate) mod entries;
pub(crate) mod events;
pub(crate) mod items;
pub(crate) mod links;
pub(crate) mod lists;
pub(crate) mod merge;
pub(crate) mod notes;
pub(crate) mod oauth;
pub(crate) mod records;
pub(crate) mod render_cache;
pub(crate) mod schema;
pub(crate) mod search;
pub(crate) mod tasks;
pub(crate) mod threads;
pub(crate) mod webhooks;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{RwLock, RwLockReadGuard, RwLockWriteGuard};

use crate::model::State;

/// The workspace every handler reads and writes, and the count of successful writes.
pub(crate) struct Store {
    state: RwLock<State>,
    /// Bumped each time the workspace is locked for writing (under the lock), so that a
    /// reader holding the read lock sees the number of the state it reads.
    generation: AtomicU64,
    /// Records as query pages send them, for the current generation.
    pub(crate) rendered: render_cache::RenderCache,
    writes_stored: AtomicU64,
    /// Woken by each successful write (the webhook deliveries wait on it).
    written: tokio::sync::Notify,
    /// The merges still applying (not saved: a merge finishes long before a restart).
    pub(crate) merging: merge::Merging,
    /// The registered OAuth apps, their codes and the tokens issued (not saved).
    pub(crate) oauth: oauth::OAuth,
}

impl Store {
    /// A store holding `state`.
    pub(crate) fn new(state: State) -> Self {
        Store {
            state: RwLock::new(state),
            generation: AtomicU64::new(0),
            rendered: render_cache::RenderCache::default(),
            writes_stored: AtomicU64::new(0),
            written: tokio::sync::Notify::new(),
            merging: merge::Merging::default(),
            oauth: oauth::OAuth::default(),
        }
    }

    /// Reads the workspace.
    pub(crate) fn read(&self) -> RwLockReadGuard<'_, State> {
        self.state.read().unwrap_or_else(|e| e.into_inner())
    }

    /// Writes the workspace (a new generation of it begins).
    pub(crate) fn write(&self) -> RwLockWriteGuard<'_, State> {
        let guard = self.state.write().unwrap_or_else(|e| e.into_inner());
        self.generation.fetch_add(1, Ordering::SeqCst);
        guard
    }

    /// The generation of the workspace: read it while holding the read lock, and it names
    /// the state that lock shows.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.load(Ordering::SeqCst)
    }

    /// Counts a successful write.
    pub(crate) fn stored(&self) {
        self.writes_stored.fetch_add(1, Ordering::Relaxed);
        self.written.notify_one();
    }

    /// Waits for the next successful write (or returns at once if one happened since the
    /// last wait).
    pub(crate) async fn next_write(&self) {
        self.written.notified().await;
    }

    /// The successful writes so far.
    pub(crate) fn writes_stored(&self) -> u64 {
        self.writes_stored.load(Ordering::Relaxed)
    }
}

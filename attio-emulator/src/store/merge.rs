//! Merging two records of an object into a new one (attio-api-more.md §15), and the merges
//! still "applying": a merge answered 202 leaves its new record answering 404
//! `merge_in_progress` to reads (and 400 to writes) for as many reads as a test asked for.

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU32, Ordering};

use axum::http::StatusCode;
use chrono::Utc;
use uuid::Uuid;

use super::events;
use super::items;
use crate::error::{ApiError, ApiResult};
use crate::model::{ObjectDef, Owner, Record, State, ThreadTarget};

/// The merges still applying, and how many reads the next merges stay applying for.
#[derive(Default)]
pub(crate) struct Merging {
    /// Reads of each applying merge's new record still to answer `merge_in_progress`.
    pending: Mutex<HashMap<Uuid, u32>>,
    /// How many reads a new merge stays applying for; 0 answers merges 200.
    reads: AtomicU32,
}

impl Merging {
    /// From now on, each merge answers 202 and its new record answers 404
    /// `merge_in_progress` to its next `reads` reads; 0 makes merges answer 200, applied.
    pub(crate) fn set_reads(&self, reads: u32) {
        self.reads.store(reads, Ordering::Relaxed);
    }

    /// Starts applying the merge into `id`: whether it is still applying (a 202).
    pub(crate) fn start(&self, id: Uuid) -> bool {
        let reads = self.reads.load(Ordering::Relaxed);
        if reads > 0 {
            self.lock().insert(id, reads);
        }
        reads > 0
    }

    /// A read of record `id`: its 404 `merge_in_progress` while its merge applies (the read
    /// counts towards the end of the merge).
    pub(crate) fn read(&self, id: Uuid) -> ApiResult<()> {
        let mut pending = self.lock();
        let Some(left) = pending.get_mut(&id) else {
            return Ok(());
        };
        *left -= 1;
        if *left == 0 {
            pending.remove(&id);
        }
        Err(in_progress(StatusCode::NOT_FOUND, id))
    }

    /// A write touching record `id`: its 400 `merge_in_progress` while its merge applies.
    pub(crate) fn write(&self, id: Uuid) -> ApiResult<()> {
        if self.lock().contains_key(&id) {
            return Err(in_progress(StatusCode::BAD_REQUEST, id));
        }
        Ok(())
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<Uuid, u32>> {
        self.pending.lock().unwrap_or_else(|e| e.into_inner())
    }
}

fn in_progress(status: StatusCode, id: Uuid) -> ApiError {
    ApiError {
        status,
        kind: "invalid_request_error",
        code: "merge_in_progress",
        message: format!("Record with ID \"{id}\" is being merged. Please try again shortly."),
        validation_errors: None,
    }
}

/// Merges `secondary` into `primary` (both of `object`): a new record holding the primary's
/// values, and the secondary's where the primary has none; the two originals are gone, and
/// what pointed at them (entries, notes, threads, task links, references on other records)
/// points at the new record. Queues two `record.merged` events. Returns the new record's id.
pub(crate) fn merge(
    st: &mut State,
    object: &ObjectDef,
    primary: Uuid,
    secondary: Uuid,
) -> ApiResult<Uuid> {
    if primary == secondary {
        return Err(ApiError {
            status: StatusCode::BAD_REQUEST,
            kind: "invalid_request_error",
            code: "self_merge",
            message: format!("Cannot merge record with ID \"{primary}\" with itself."),
            validation_errors: None,
        });
    }
    let key = object.key();
    let first = items::get(st, object, primary)?.clone();
    let second = items::get(st, object, secondary)?.clone();
    for old in [&first, &second] {
        st.remove_item(&key, &old.id);
        st.reindex_item(&key, old.id, Some(&old.values));
    }
    let mut values = first.values.clone();
    for (slug, theirs) in &second.values {
        let ours = values.entry(slug.clone()).or_default();
        if ours.current.is_empty() && !theirs.current.is_empty() {
            ours.current = theirs.current.clone();
        }
    }
    let id = Uuid::new_v4();
    let seq = st.next_seq();
    let created_by = st.token_actor();
    st.insert_item(
        &key,
        Record {
            id,
            seq,
            created_at: Utc::now(),
            created_by,
            values,
            parent: None,
        },
    );
    st.reindex_item(&key, id, None);
    repoint(st, &object.api_slug, &[primary, secondary], id);
    for old in [primary, secondary] {
        events::emit(
            st,
            "record.merged",
            &[("object_id", object.id), ("record_id", id)],
            &[
                ("duplicate_object_id", object.id.to_string().into()),
                ("duplicate_record_id", old.to_string().into()),
            ],
        );
    }
    Ok(id)
}

/// Points everything that pointed at one of `old` (records of `object`) at `new`.
fn repoint(st: &mut State, object: &str, old: &[Uuid], new: Uuid) {
    let was = |o: &str, r: &Uuid| o == object && old.contains(r);
    let new_text = new.to_string();
    let old_text: Vec<String> = old.iter().map(Uuid::to_string).collect();
    st.for_each_item_mut(|_, item| {
        if let Some(parent) = item.parent.as_mut()
            && was(&parent.object, &parent.record_id)
        {
            parent.record_id = new;
        }
        for values in item.values.values_mut() {
            for value in values.current.iter_mut().chain(values.closed.iter_mut()) {
                if let Some(target) = value.data.get_mut("target_record_id")
                    && target
                        .as_str()
                        .is_some_and(|t| old_text.iter().any(|o| o == t))
                {
                    *target = new_text.clone().into();
                }
            }
        }
    });
    for note in &mut st.notes {
        if was(&note.parent_object, &note.parent_record_id) {
            note.parent_record_id = new;
        }
    }
    for thread in &mut st.threads {
        match &mut thread.target {
            ThreadTarget::Record {
                object: o,
                record_id,
            } if was(o, record_id) => {
                *record_id = new;
            }
            ThreadTarget::Entry {
                parent_object,
                parent_record_id,
                ..
            } if was(parent_object, parent_record_id) => *parent_record_id = new,
            _ => {}
        }
    }
    for task in &mut st.tasks {
        for link in &mut task.linked_records {
            if was(&link.object, &link.record_id) {
                link.record_id = new;
            }
        }
        task.linked_records
            .dedup_by(|a, b| a.object == b.object && a.record_id == b.record_id);
    }
}

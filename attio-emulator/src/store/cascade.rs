//! What goes when a record or an entry is deleted: a record's notes and comment threads
//! (and the threads on its entries) are deleted, and tasks linked to it lose the link; an
//! entry's comment threads are deleted.

use uuid::Uuid;

use super::activity_events;
use crate::model::{Note, OwnerKey, State, Thread, ThreadTarget};

/// Deletes or unlinks what points at item `id` of `owner`, which was just deleted.
pub(crate) fn forget_item(st: &mut State, owner: &OwnerKey, id: Uuid) {
    match owner {
        OwnerKey::Object(object) => {
            let is_it = |o: &str, r: Uuid| o == object && r == id;
            let (gone, kept) = std::mem::take(&mut st.notes)
                .into_iter()
                .partition(|n| is_it(&n.parent_object, n.parent_record_id));
            st.notes = kept;
            let (gone_threads, kept) =
                std::mem::take(&mut st.threads)
                    .into_iter()
                    .partition(|t: &Thread| {
                        let (o, r) = t.target.record();
                        is_it(o, r)
                    });
            st.threads = kept;
            deleted(st, &gone, &gone_threads);
            for task in &mut st.tasks {
                task.linked_records
                    .retain(|l| !is_it(&l.object, l.record_id));
            }
        }
        OwnerKey::List(_) => {
            let Some(list) = st.owner(owner).map(|o| o.id()) else {
                return;
            };
            let (gone_threads, kept) =
                std::mem::take(&mut st.threads)
                    .into_iter()
                    .partition(|t: &Thread| {
                        matches!(t.target, ThreadTarget::Entry { list_id, entry_id, .. }
                            if list_id == list && entry_id == id)
                    });
            st.threads = kept;
            deleted(st, &[], &gone_threads);
        }
    }
}

/// The webhook events of notes and comment threads deleted with their record or entry.
fn deleted(st: &mut State, notes: &[Note], threads: &[Thread]) {
    for note in notes {
        activity_events::note(st, "deleted", note);
    }
    for thread in threads {
        for comment in &thread.comments {
            activity_events::comment(st, "deleted", thread, comment.id);
        }
    }
}

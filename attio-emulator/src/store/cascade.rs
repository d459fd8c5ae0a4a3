//! What goes when a record or an entry is deleted: a record's notes and comment threads
//! (and the threads on its entries) are deleted, and tasks linked to it lose the link; an
//! entry's comment threads are deleted.

use uuid::Uuid;

use crate::model::{OwnerKey, State, ThreadTarget};

/// Deletes or unlinks what points at item `id` of `owner`, which was just deleted.
pub(crate) fn forget_item(st: &mut State, owner: &OwnerKey, id: Uuid) {
    match owner {
        OwnerKey::Object(object) => {
            let is_it = |o: &str, r: Uuid| o == object && r == id;
            st.notes
                .retain(|n| !is_it(&n.parent_object, n.parent_record_id));
            st.threads.retain(|t| {
                let (o, r) = t.target.record();
                !is_it(o, r)
            });
            for task in &mut st.tasks {
                task.linked_records
                    .retain(|l| !is_it(&l.object, l.record_id));
            }
        }
        OwnerKey::List(_) => {
            let Some(list) = st.owner(owner).map(|o| o.id()) else {
                return;
            };
            st.threads.retain(|t| {
                !matches!(t.target, ThreadTarget::Entry { list_id, entry_id, .. }
                    if list_id == list && entry_id == id)
            });
        }
    }
}

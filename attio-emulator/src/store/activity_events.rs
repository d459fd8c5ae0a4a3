//! The webhook events of notes, tasks and comments (attio-api-more.md §13.3): `note.*` with
//! the note's parent record, `task.*`, and `comment.*` with the comment's thread and the
//! record (or entry) it is on.

use serde_json::{Value, json};
use uuid::Uuid;

use super::events::emit;
use crate::model::{Note, State, Thread, ThreadTarget};

/// `note.<verb>`: `id.note_id`, and the parent's `parent_object_id` and `parent_record_id`.
pub(crate) fn note(st: &mut State, verb: &str, n: &Note) {
    if st.webhooks.is_empty() {
        return;
    }
    let object_id = st.object(&n.parent_object).map(|o| o.id.to_string());
    let extra = [
        ("parent_object_id", json!(object_id)),
        ("parent_record_id", json!(n.parent_record_id.to_string())),
    ];
    emit(st, &format!("note.{verb}"), &[("note_id", n.id)], &extra);
}

/// `task.<verb>`: `id.task_id`.
pub(crate) fn task(st: &mut State, verb: &str, task_id: Uuid) {
    emit(st, &format!("task.{verb}"), &[("task_id", task_id)], &[]);
}

/// `comment.<verb>` of the comment `comment_id` of `thread`: `id.comment_id`, and
/// `thread_id`, `object_id`, `record_id`, `list_id` and `entry_id` (null on a record).
pub(crate) fn comment(st: &mut State, verb: &str, thread: &Thread, comment_id: Uuid) {
    if st.webhooks.is_empty() {
        return;
    }
    let (object, record_id) = thread.target.record();
    let object_id = st.object(object).map(|o| o.id.to_string());
    let (list_id, entry_id) = match &thread.target {
        ThreadTarget::Entry {
            list_id, entry_id, ..
        } => (json!(list_id.to_string()), json!(entry_id.to_string())),
        ThreadTarget::Record { .. } => (Value::Null, Value::Null),
    };
    let extra = [
        ("thread_id", json!(thread.id.to_string())),
        ("object_id", json!(object_id)),
        ("record_id", json!(record_id.to_string())),
        ("list_id", list_id),
        ("entry_id", entry_id),
    ];
    emit(
        st,
        &format!("comment.{verb}"),
        &[("comment_id", comment_id)],
        &extra,
    );
}

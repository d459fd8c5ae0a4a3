//! A record's activity: its notes, tasks and comment threads on one timeline.

use uuid::Uuid;

use super::notes::Note;
use super::tasks::Task;
use super::threads::Thread;
use crate::values::Timestamp;

/// One item of a record's activity timeline
/// ([`Client::activities`](crate::Client::activities)).
///
/// ```
/// use attio_core::models::Activity;
///
/// fn describe(activity: &Activity) -> String {
///     match activity {
///         Activity::Note(note) => format!("{} note {:?}", activity.at(), note.title),
///         Activity::Task(task) => format!("{} task {:?}", activity.at(), task.content_plaintext),
///         Activity::Thread(thread) => format!("{} {} comment(s)", activity.at(), thread.comments.len()),
///         _ => format!("{} something else", activity.at()),
///     }
/// }
/// # let _ = describe;
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Activity {
    /// A note on the record.
    Note(Note),
    /// A task linked to the record.
    Task(Task),
    /// A comment thread on the record (or on one of its list entries).
    Thread(Thread),
}

impl Activity {
    /// When it happened, the time the timeline is sorted by: a note's `created_at` (which
    /// may be back-dated), a task's `created_at`, a thread's first comment (`created_at`).
    pub fn at(&self) -> Timestamp {
        match self {
            Activity::Note(n) => n.created_at,
            Activity::Task(t) => t.created_at,
            Activity::Thread(t) => t.created_at,
        }
    }

    /// The id of the note, task or thread.
    pub fn id(&self) -> Uuid {
        match self {
            Activity::Note(n) => n.id.note_id,
            Activity::Task(t) => t.id.task_id,
            Activity::Thread(t) => t.id.thread_id,
        }
    }

    /// `note`, `task` or `thread`.
    pub fn kind(&self) -> &'static str {
        match self {
            Activity::Note(_) => "note",
            Activity::Task(_) => "task",
            Activity::Thread(_) => "thread",
        }
    }
}

/// Sorts a timeline newest first; items of the same time keep their order.
pub(crate) fn newest_first(items: &mut [Activity]) {
    items.sort_by_key(|a| std::cmp::Reverse(a.at()));
}

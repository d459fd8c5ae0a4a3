//! What a record's activity stores: notes, tasks, and comment threads. These are plain
//! resources, not items with attribute values: each keeps its own fields.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::item::Actor;

/// A note on a record.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Note {
    pub id: Uuid,
    pub seq: u64,
    /// The parent object's api slug.
    pub parent_object: String,
    pub parent_record_id: Uuid,
    pub title: String,
    pub content_plaintext: String,
    pub content_markdown: String,
    pub created_by: Actor,
    /// When the note was created, or the back-dated time it was written with.
    pub created_at: DateTime<Utc>,
}

/// A record a task is linked to.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct TaskLink {
    /// The object's api slug.
    pub object: String,
    pub record_id: Uuid,
}

/// A task, with the records it is linked to and the members assigned to it.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Task {
    pub id: Uuid,
    pub seq: u64,
    pub content: String,
    pub deadline_at: Option<DateTime<Utc>>,
    pub is_completed: bool,
    /// Set when the task is completed, cleared when it is reopened.
    pub completed_at: Option<DateTime<Utc>>,
    pub linked_records: Vec<TaskLink>,
    /// Workspace member ids.
    pub assignees: Vec<Uuid>,
    pub created_by: Actor,
    pub created_at: DateTime<Utc>,
}

/// What a comment thread is on: a record, or a list entry (with the entry's parent record,
/// which comments name as their `record`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub(crate) enum ThreadTarget {
    /// A record, by object api slug.
    Record { object: String, record_id: Uuid },
    /// An entry, by list id (a list's slug can change), and its parent record.
    Entry {
        list_id: Uuid,
        entry_id: Uuid,
        parent_object: String,
        parent_record_id: Uuid,
    },
}

impl ThreadTarget {
    /// The record the thread is on, or the parent record of its entry: (object slug, id).
    pub fn record(&self) -> (&str, Uuid) {
        match self {
            ThreadTarget::Record { object, record_id } => (object, *record_id),
            ThreadTarget::Entry {
                parent_object,
                parent_record_id,
                ..
            } => (parent_object, *parent_record_id),
        }
    }
}

/// One comment of a thread.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Comment {
    pub id: Uuid,
    pub seq: u64,
    pub content: String,
    /// The workspace member who wrote it.
    pub author: Uuid,
    pub created_at: DateTime<Utc>,
}

/// A comment thread: the comment that started it first, then the replies in the order
/// they were written.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub(crate) struct Thread {
    pub id: Uuid,
    pub seq: u64,
    pub target: ThreadTarget,
    pub comments: Vec<Comment>,
}

impl Thread {
    /// When the thread was started: the time of its first comment.
    pub fn created_at(&self) -> DateTime<Utc> {
        self.comments
            .first()
            .map(|c| c.created_at)
            .unwrap_or_default()
    }
}

//! Plain models of the API's areas beyond records: serde types for the object of each
//! response (the value of `data`), decoded with [`crate::json::decode_data`] and
//! [`crate::json::decode_data_list`] or through the client's area handles, and the write
//! types of each area (whose `to_body` is the request body the client sends).
//!
//! Each area has its file here, beside its handle in the client: workspace members and the
//! token's identity in `members`, notes in `notes`, tasks in `tasks`, comment threads and
//! comments in `threads`, and a record's timeline of all three in `activity`.

mod activity;
mod members;
mod notes;
mod tasks;
mod threads;
mod wire;

pub(crate) use wire::record_id_of;

pub use activity::Activity;
pub(crate) use activity::newest_first;
pub use members::{AccessLevel, Identity, WorkspaceMember, WorkspaceMemberId};
pub use notes::{NewNote, Note, NoteFormat, NoteId, NoteTag};
pub use tasks::{
    Assignee, LinkedRecord, NewTask, TASK_CONTENT_MAX_CHARS, Task, TaskAssignee, TaskId, TaskUpdate,
};
pub use threads::{Comment, CommentEntry, CommentId, CommentRecord, NewComment, Thread, ThreadId};

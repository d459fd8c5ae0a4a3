//! Plain models of the API's areas beyond records: serde types for the object of each
//! response (the value of `data`), decoded with [`crate::json::decode_data`] and
//! [`crate::json::decode_data_list`] or through the client's area handles, and the write
//! types of each area (whose `to_body` is the request body the client sends).
//!
//! Each area has its file here, beside its handle in the client: the models of workspace
//! members and of the token's identity are in `members`; lists in `lists`; the workspace
//! schema (objects, their and lists' attributes, select options and statuses) in `objects`,
//! `attributes` (read), `new_attribute` (written) and `options`, and the drift check's
//! report in `schema_report`; webhooks in `webhooks`;
//! notes in `notes`, tasks in `tasks`, comment threads and comments in `threads`, and a
//! record's timeline of all three in `activity`; cross-object search and the answer of a
//! merge in `search`.

mod activity;
mod attributes;
mod entries;
pub(crate) mod event_type;
mod lists;
mod members;
mod new_attribute;
mod notes;
mod objects;
mod options;
mod schema_report;
mod search;
mod tasks;
mod threads;
mod webhooks;
mod wire;

pub(crate) use wire::record_id_of;

pub use activity::Activity;
pub(crate) use activity::newest_first;
pub use attributes::{
    Attribute, AttributeConfig, AttributeId, CurrencyConfig, CurrencyDisplay, DefaultValue,
    RecordReferenceConfig, Relationship,
};
pub use entries::RecordEntry;
pub use lists::{
    List, ListAccessLevel, ListId, ListUpdate, MemberAccess, NewList, WorkspaceAccess,
};
pub use members::{AccessLevel, Identity, WorkspaceMember, WorkspaceMemberId};
pub use new_attribute::{AttributeUpdate, NewAttribute, NewRelationship};
pub use notes::{NewNote, Note, NoteFormat, NoteId, NoteTag};
pub(crate) use objects::segment;
pub use objects::{NewObject, Object, ObjectId, ObjectUpdate, Target};
pub use options::{
    AttributeOption, AttributeOptionId, AttributeStatus, AttributeStatusId, NewStatus,
    OptionUpdate, StatusUpdate,
};
pub use schema_report::{Mismatch, MismatchKind, SchemaReport};
pub use search::{Merged, SearchAs, SearchResult};
pub use tasks::{
    Assignee, LinkedRecord, NewTask, TASK_CONTENT_MAX_CHARS, Task, TaskAssignee, TaskId, TaskUpdate,
};
pub use threads::{Comment, CommentEntry, CommentId, CommentRecord, NewComment, Thread, ThreadId};
pub use webhooks::{
    Condition, CreatedWebhook, FilterOperator, NewWebhook, Subscription, SubscriptionFilter,
    Webhook, WebhookId, WebhookStatus, WebhookUpdate,
};

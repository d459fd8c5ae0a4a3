//! Comment threads (`/v2/threads`) and comments (`/v2/comments`).
//!
//! A thread is started by its first comment, on a record or on a list entry; later comments
//! reply to it. Comments cannot be edited or resolved through the API, and deleting the
//! comment that started a thread deletes the whole thread. Every comment has a workspace
//! member as its author, even when an API token writes it.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::wire;
use crate::error::Error;
use crate::record::AttioRecord;
use crate::values::{Actor, AnyRecordRef, RecordRef, Timestamp};

/// A comment thread: its comments, oldest first.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::Thread;
///
/// let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "thread_id":"a649e4d9-435c-43fb-83ba-847b4876f27a"},"created_at":"2023-01-01T15:00:00.000000000Z",
///   "comments":[{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "comment_id":"aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2"},"thread_id":"a649e4d9-435c-43fb-83ba-847b4876f27a",
///   "content_plaintext":"Let's close this deal","entry":null,
///   "record":{"record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},
///   "resolved_at":null,"resolved_by":{"type":null,"id":null},
///   "created_at":"2023-01-01T15:00:00.000000000Z",
///   "author":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}}]}}"#;
/// let thread: Thread = json::decode_data(body, "thread")?;
/// assert_eq!(thread.comments[0].content_plaintext, "Let's close this deal");
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Thread {
    /// The thread's id.
    pub id: ThreadId,
    /// Its comments, oldest first (at least one).
    pub comments: Vec<Comment>,
    /// When the thread was started.
    pub created_at: Timestamp,
}

impl Thread {
    /// When the thread last changed: its newest comment's time (its creation time if it
    /// has no comment).
    pub fn last_activity_at(&self) -> Timestamp {
        self.comments
            .iter()
            .map(|c| c.created_at)
            .fold(self.created_at, Timestamp::max)
    }
}

/// A thread's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct ThreadId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The thread: what [`Threads::get`](crate::api::Threads::get) and
    /// [`NewComment::reply`] take.
    pub thread_id: Uuid,
}

impl fmt::Display for ThreadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.thread_id, f)
    }
}

/// One comment of a thread.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Comment {
    /// The comment's id.
    pub id: CommentId,
    /// The thread it belongs to.
    pub thread_id: Uuid,
    /// The content as plain text; mentioned members appear as their email addresses.
    pub content_plaintext: String,
    /// The list entry the thread is on, `None` for a thread on a record.
    #[serde(default)]
    pub entry: Option<CommentEntry>,
    /// The record the thread is on (for an entry: the entry's parent record).
    #[serde(default)]
    pub record: Option<CommentRecord>,
    /// When the comment was resolved (in Attio's UI), if it was.
    #[serde(
        default,
        deserialize_with = "wire::read_lenient_timestamp",
        serialize_with = "wire::write_opt_timestamp"
    )]
    pub resolved_at: Option<Timestamp>,
    /// Who resolved it (`{"type":null,"id":null}` while unresolved).
    pub resolved_by: Actor,
    /// When the comment was written (possibly back-dated).
    pub created_at: Timestamp,
    /// Who wrote it: a workspace member.
    pub author: Actor,
}

/// A comment's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct CommentId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The comment: what [`Comments::get`](crate::api::Comments::get) and
    /// [`Comments::delete`](crate::api::Comments::delete) take.
    pub comment_id: Uuid,
}

impl fmt::Display for CommentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.comment_id, f)
    }
}

/// The list entry a comment is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CommentEntry {
    /// The entry.
    pub entry_id: Uuid,
    /// Its list.
    pub list_id: Uuid,
}

/// The record a comment is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[non_exhaustive]
pub struct CommentRecord {
    /// The record.
    pub record_id: Uuid,
    /// Its object's id.
    pub object_id: Uuid,
}

/// Where a new comment goes.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Thread(Uuid),
    Record(AnyRecordRef),
    Entry { list: String, entry_id: Uuid },
}

/// A comment to write with [`Comments::create`](crate::api::Comments::create): plain text
/// by a workspace member, starting a thread on a record or on a list entry, or replying to
/// a thread.
///
/// ```
/// use attio_core::{AttioRecord, RecordRef};
/// use attio_core::models::NewComment;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<String> }
///
/// let ada = RecordRef::<Person>::parse("891dcbfc-9141-415d-9b2a-2238a6cc012d")?;
/// let author = "50cf242c-7fa3-4cad-87d0-75b1af71c57b".parse().unwrap();
/// let comment = NewComment::on_record(&ada, author, "Met at the fair");
/// assert_eq!(
///     String::from_utf8(comment.to_body()?).unwrap(),
///     r#"{"data":{"format":"plaintext","content":"Met at the fair","author":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},"record":{"object":"people","record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d"}}}"#
/// );
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NewComment {
    target: Target,
    author: Uuid,
    content: String,
    created_at: Option<Timestamp>,
}

impl NewComment {
    /// A comment by the workspace member `author` that starts a thread on `record` (named
    /// by id: a reference by a unique value is refused before sending).
    pub fn on_record<P: AttioRecord>(
        record: &RecordRef<P>,
        author: Uuid,
        content: impl Into<String>,
    ) -> Self {
        Self::on_any_record(record.to_any(), author, content)
    }

    /// [`on_record`](Self::on_record) for a record of any object.
    pub fn on_any_record(record: AnyRecordRef, author: Uuid, content: impl Into<String>) -> Self {
        Self::with(Target::Record(record), author, content)
    }

    /// A comment that starts a thread on the entry `entry_id` of `list` (slug or id).
    pub fn on_entry(
        list: impl Into<String>,
        entry_id: Uuid,
        author: Uuid,
        content: impl Into<String>,
    ) -> Self {
        let list = list.into();
        Self::with(Target::Entry { list, entry_id }, author, content)
    }

    /// A reply to the thread `thread_id`.
    pub fn reply(thread_id: Uuid, author: Uuid, content: impl Into<String>) -> Self {
        Self::with(Target::Thread(thread_id), author, content)
    }

    fn with(target: Target, author: Uuid, content: impl Into<String>) -> Self {
        NewComment {
            target,
            author,
            content: content.into(),
            created_at: None,
        }
    }

    /// Back-dates the comment (not before 1970, not in the future).
    pub fn created_at(mut self, created_at: Timestamp) -> Self {
        self.created_at = Some(created_at);
        self
    }

    /// The request body: `format`, `content`, `author`, the optional `created_at` and
    /// exactly one of `thread_id`, `record` and `entry`.
    pub fn to_body(&self) -> Result<Vec<u8>, Error> {
        #[derive(Serialize)]
        struct Author {
            #[serde(rename = "type")]
            kind: &'static str,
            id: Uuid,
        }
        #[derive(Serialize)]
        struct OnRecord<'a> {
            object: &'a str,
            record_id: Uuid,
        }
        #[derive(Serialize)]
        struct OnEntry<'a> {
            list: &'a str,
            entry_id: Uuid,
        }
        #[derive(Serialize)]
        struct Body<'a> {
            format: &'static str,
            content: &'a str,
            author: Author,
            #[serde(
                skip_serializing_if = "Option::is_none",
                serialize_with = "wire::write_opt_timestamp"
            )]
            created_at: Option<Timestamp>,
            #[serde(skip_serializing_if = "Option::is_none")]
            thread_id: Option<Uuid>,
            #[serde(skip_serializing_if = "Option::is_none")]
            record: Option<OnRecord<'a>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            entry: Option<OnEntry<'a>>,
        }
        let mut body = Body {
            format: "plaintext",
            content: &self.content,
            author: Author {
                kind: "workspace-member",
                id: self.author,
            },
            created_at: self.created_at,
            thread_id: None,
            record: None,
            entry: None,
        };
        match &self.target {
            Target::Thread(id) => body.thread_id = Some(*id),
            Target::Record(r) => {
                body.record = Some(OnRecord {
                    object: &r.target_object,
                    record_id: wire::record_id_of("comment record", r)?,
                });
            }
            Target::Entry { list, entry_id } => {
                body.entry = Some(OnEntry {
                    list,
                    entry_id: *entry_id,
                });
            }
        }
        Ok(wire::data_body(&body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_and_entry_comments_name_exactly_one_target() {
        let author = Uuid::nil();
        let reply = NewComment::reply(Uuid::nil(), author, "ok")
            .to_body()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&reply).unwrap();
        assert_eq!(v["data"]["thread_id"], Uuid::nil().to_string());
        assert!(v["data"].get("record").is_none() && v["data"].get("entry").is_none());
        let entry = NewComment::on_entry("sales", Uuid::nil(), author, "ok")
            .created_at("2021-01-01T00:00:00Z".parse().unwrap())
            .to_body()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&entry).unwrap();
        assert_eq!(v["data"]["entry"]["list"], "sales");
        assert_eq!(v["data"]["created_at"], "2021-01-01T00:00:00.000000000Z");
        let by_domain = AnyRecordRef::by_domain("companies", "acme.com").unwrap();
        assert!(
            NewComment::on_any_record(by_domain, author, "x")
                .to_body()
                .is_err()
        );
    }
}

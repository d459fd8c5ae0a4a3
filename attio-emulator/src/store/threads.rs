//! The threads and comments area: a comment starts a thread on a record or a list entry,
//! or replies in a thread; deleting a thread's first comment deletes the thread. Threads
//! are listed by what they are on, and read with their comments.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::links;
use super::schema::object_not_found;
use crate::error::{ApiError, ApiResult};
use crate::model::{Comment, State, Thread, ThreadTarget};
use crate::values::fmt_ts;

/// Where a new comment goes.
#[derive(Clone, Debug)]
pub(crate) enum CommentOn {
    /// A reply in this thread.
    Thread(Uuid),
    /// A new thread on a record: object slug or id, record id.
    Record { object: String, record_id: Uuid },
    /// A new thread on a list entry: list slug or id, entry id.
    Entry { list: String, entry_id: Uuid },
}

/// A comment to create, read from a valid body.
#[derive(Clone, Debug)]
pub(crate) struct NewComment {
    pub on: CommentOn,
    pub content: String,
    /// The workspace member writing it.
    pub author: Uuid,
    /// A back-dated creation time.
    pub created_at: Option<DateTime<Utc>>,
}

/// Which threads a thread list keeps.
#[derive(Clone, Debug)]
pub(crate) enum ThreadFilter {
    /// Every thread.
    All,
    /// The threads on a record: object slug or id, record id.
    Record { object: String, record_id: Uuid },
    /// The threads on a list entry: list slug or id, entry id.
    Entry { list: String, entry_id: Uuid },
}

fn thread_not_found(id: Uuid) -> ApiError {
    ApiError::not_found(format!("Thread with ID \"{id}\" was not found."))
}

fn comment_not_found(id: Uuid) -> ApiError {
    ApiError::not_found(format!("Comment with ID \"{id}\" was not found."))
}

/// Where a comment goes once its target is found.
enum Place {
    /// Into the thread at this index.
    Reply(usize),
    /// Into a new thread on this target.
    New(ThreadTarget),
}

/// Creates a comment: a reply in a thread, or the first comment of a new thread on a
/// record or an entry. Everything the comment names that does not exist is a 400
/// `value_not_found`, as Attio documents for this endpoint. Returns the comment's id.
pub(crate) fn create(st: &mut State, new: NewComment) -> ApiResult<Uuid> {
    if links::member(st, new.author).is_none() {
        return Err(links::member_id_not_found(new.author));
    }
    let as_value_not_found = |e: ApiError| ApiError::value_not_found(e.message);
    let place = match &new.on {
        CommentOn::Thread(thread_id) => Place::Reply(
            st.threads
                .iter()
                .position(|t| t.id == *thread_id)
                .ok_or_else(|| {
                    ApiError::value_not_found(
                        "The referenced Thread could not be found, it might have been deleted.",
                    )
                })?,
        ),
        CommentOn::Record { object, record_id } => {
            let (o, _) = links::record(st, object, *record_id).map_err(as_value_not_found)?;
            Place::New(ThreadTarget::Record {
                object: o.api_slug.clone(),
                record_id: *record_id,
            })
        }
        CommentOn::Entry { list, entry_id } => {
            let e = links::entry(st, list, *entry_id).map_err(as_value_not_found)?;
            Place::New(ThreadTarget::Entry {
                list_id: e.list_id,
                entry_id: e.entry_id,
                parent_object: e.parent_object,
                parent_record_id: e.parent_record_id,
            })
        }
    };
    let comment = Comment {
        id: Uuid::new_v4(),
        seq: st.next_seq(),
        content: new.content,
        author: new.author,
        created_at: new.created_at.unwrap_or_else(Utc::now),
    };
    let id = comment.id;
    match place {
        Place::Reply(at) => st.threads[at].comments.push(comment),
        Place::New(target) => {
            let seq = st.next_seq();
            st.threads.push(Thread {
                id: Uuid::new_v4(),
                seq,
                target,
                comments: vec![comment],
            });
        }
    }
    Ok(id)
}

/// The threads that pass `filter`, oldest first. An unknown object or list is a 404; an
/// unknown record or entry has no threads.
pub(crate) fn list<'s>(st: &'s State, filter: &ThreadFilter) -> ApiResult<Vec<&'s Thread>> {
    let keep: Box<dyn Fn(&ThreadTarget) -> bool> = match filter {
        ThreadFilter::All => Box::new(|_| true),
        ThreadFilter::Record { object, record_id } => {
            let slug = st
                .object(object)
                .ok_or_else(|| object_not_found(object))?
                .api_slug
                .clone();
            let record = *record_id;
            Box::new(
                move |t| matches!(t, ThreadTarget::Record { object, record_id } if *object == slug && *record_id == record),
            )
        }
        ThreadFilter::Entry { list, entry_id } => {
            let list = links::list_id(st, list)?;
            let entry = *entry_id;
            Box::new(
                move |t| matches!(t, ThreadTarget::Entry { list_id, entry_id, .. } if *list_id == list && *entry_id == entry),
            )
        }
    };
    let mut threads: Vec<&Thread> = st.threads.iter().filter(|t| keep(&t.target)).collect();
    threads.sort_by_key(|t| (t.created_at(), t.seq));
    Ok(threads)
}

/// The thread `id`, or its 404.
pub(crate) fn get(st: &State, id: Uuid) -> ApiResult<&Thread> {
    st.threads
        .iter()
        .find(|t| t.id == id)
        .ok_or_else(|| thread_not_found(id))
}

/// The comment `id` and its thread, or the comment's 404.
pub(crate) fn comment(st: &State, id: Uuid) -> ApiResult<(&Thread, &Comment)> {
    st.threads
        .iter()
        .find_map(|t| t.comments.iter().find(|c| c.id == id).map(|c| (t, c)))
        .ok_or_else(|| comment_not_found(id))
}

/// Deletes the comment `id`; when it started its thread, the whole thread goes.
pub(crate) fn delete_comment(st: &mut State, id: Uuid) -> ApiResult<()> {
    let (t, c) = st
        .threads
        .iter()
        .enumerate()
        .find_map(|(ti, t)| {
            t.comments
                .iter()
                .position(|c| c.id == id)
                .map(|ci| (ti, ci))
        })
        .ok_or_else(|| comment_not_found(id))?;
    if c == 0 {
        st.threads.remove(t);
    } else {
        st.threads[t].comments.remove(c);
    }
    Ok(())
}

/// The read shape of a comment of `thread`.
pub(crate) fn comment_json(st: &State, thread: &Thread, c: &Comment) -> Value {
    let (object, record_id) = thread.target.record();
    let entry = match &thread.target {
        ThreadTarget::Entry {
            list_id, entry_id, ..
        } => json!({"entry_id": entry_id.to_string(), "list_id": list_id.to_string()}),
        ThreadTarget::Record { .. } => Value::Null,
    };
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "comment_id": c.id.to_string()},
        "thread_id": thread.id.to_string(),
        "content_plaintext": c.content,
        "entry": entry,
        "record": {
            "record_id": record_id.to_string(),
            "object_id": links::object_id(st, object).map(|id| id.to_string()),
        },
        "resolved_at": null,
        "resolved_by": {"type": null, "id": null},
        "created_at": fmt_ts(&c.created_at),
        "author": {"type": "workspace-member", "id": c.author.to_string()},
    })
}

/// The read shape of a thread: its comments sorted by `created_at`.
pub(crate) fn thread_json(st: &State, t: &Thread) -> Value {
    let mut comments: Vec<&Comment> = t.comments.iter().collect();
    comments.sort_by_key(|c| (c.created_at, c.seq));
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "thread_id": t.id.to_string()},
        "comments": comments.into_iter().map(|c| comment_json(st, t, c)).collect::<Vec<_>>(),
        "created_at": fmt_ts(&t.created_at()),
    })
}

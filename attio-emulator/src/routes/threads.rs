//! Threads and comments: the threads of a record or a list entry, one thread with its
//! comments, and comments created (on a record, an entry, or as a reply), read and
//! deleted. There is no endpoint to create a bare thread or to edit a comment.

use axum::extract::Path;
use axum::routing::{get, post};
use serde_json::{Value, json};

use super::class::Routes;
use super::extract::{Db, JsonBody, Out, Paging, Params, data, data_list, path_uuid, query_error};
use super::fields::{Issues, Obj, query_pair, query_uuid};
use crate::error::ApiResult;
use crate::store::threads::{self, CommentOn, NewComment, ThreadFilter, comment_json, thread_json};

/// `GET /v2/threads` pages: 10 by default, at most 50.
const PAGING: Paging = Paging {
    default: Some(10),
    max: Some(50),
};

/// What a comment may be written on; a body names exactly one.
const TARGETS: [&str; 3] = ["thread_id", "record", "entry"];

/// The thread and comment routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/v2/threads", get(list_threads))
        .route("/v2/threads/{thread_id}", get(get_thread))
        .route("/v2/comments", post(create_comment))
        .route(
            "/v2/comments/{comment_id}",
            get(get_comment).delete(delete_comment),
        )
}

/// The filter of `GET /v2/threads`: `record_id` with `object`, or `entry_id` with `list`.
fn thread_filter(q: &Params) -> ApiResult<ThreadFilter> {
    let (record, object) = (q.get("record_id"), q.get("object"));
    let (entry, list) = (q.get("entry_id"), q.get("list"));
    query_pair(("record_id", record), ("object", object))?;
    query_pair(("entry_id", entry), ("list", list))?;
    match (object.zip(record), list.zip(entry)) {
        (Some(_), Some(_)) => Err(query_error(json!({
            "code": "custom", "path": ["record_id"],
            "message": "Filter by a record (record_id, object) or by an entry (entry_id, list), not both.",
        }))),
        (Some((object, record)), None) => Ok(ThreadFilter::Record {
            object: object.to_string(),
            record_id: query_uuid("record_id", record)?,
        }),
        (None, Some((list, entry))) => Ok(ThreadFilter::Entry {
            list: list.to_string(),
            entry_id: query_uuid("entry_id", entry)?,
        }),
        (None, None) => Ok(ThreadFilter::All),
    }
}

async fn list_threads(store: Db, q: Params) -> Out {
    let filter = thread_filter(&q)?;
    let st = store.read();
    let found = threads::list(&st, &filter)?;
    let page = PAGING.page(found, &q)?;
    Ok(data_list(
        page.into_iter().map(|t| thread_json(&st, t)).collect(),
    ))
}

async fn get_thread(store: Db, Path(thread_id): Path<String>) -> Out {
    let id = path_uuid("thread_id", &thread_id)?;
    let st = store.read();
    Ok(data(thread_json(&st, threads::get(&st, id)?)))
}

/// The one target of a comment body, or `None` (reported) when it is missing or invalid.
fn comment_on(is: &mut Issues, d: &Obj) -> Option<CommentOn> {
    let named: Vec<&str> = TARGETS.into_iter().filter(|k| d.has(k)).collect();
    match named.as_slice() {
        ["thread_id"] => d.uuid(is, "thread_id").map(CommentOn::Thread),
        ["record"] => {
            let r = d.object(is, "record")?;
            r.only(is, &["object", "record_id"]);
            let object = r.string(is, "object");
            let record_id = r.uuid(is, "record_id");
            Some(CommentOn::Record {
                object: object?.to_string(),
                record_id: record_id?,
            })
        }
        ["entry"] => {
            let e = d.object(is, "entry")?;
            e.only(is, &["list", "entry_id"]);
            let list = e.string(is, "list");
            let entry_id = e.uuid(is, "entry_id");
            Some(CommentOn::Entry {
                list: list?.to_string(),
                entry_id: entry_id?,
            })
        }
        _ => {
            is.add(
                d.here(),
                json!({
                    "code": "custom",
                    "message": "Exactly one of \"thread_id\", \"record\" or \"entry\" is required.",
                }),
            );
            None
        }
    }
}

/// Reads a comment create body: plaintext content, a workspace-member author, and
/// exactly one target.
fn new_comment(body: &Value) -> ApiResult<NewComment> {
    let d = Obj::data(body)?;
    let mut is = Issues::default();
    d.only(
        &mut is,
        &[
            "format",
            "content",
            "author",
            "created_at",
            "thread_id",
            "record",
            "entry",
        ],
    );
    d.one_of(&mut is, "format", &["plaintext"]);
    let content = d.string(&mut is, "content");
    let author = d.object(&mut is, "author").and_then(|a| {
        a.only(&mut is, &["type", "id"]);
        let kind = a.one_of(&mut is, "type", &["workspace-member"]);
        let id = a.uuid(&mut is, "id");
        kind.and(id)
    });
    let created_at = d.backdate(&mut is, "created_at");
    let on = comment_on(&mut is, &d);
    let (on, author) = is.finish_with(on.zip(author))?;
    Ok(NewComment {
        on,
        content: content.unwrap_or_default().to_string(),
        author,
        created_at,
    })
}

async fn create_comment(store: Db, JsonBody(body): JsonBody) -> Out {
    let new = new_comment(&body)?;
    let mut st = store.write();
    let id = threads::create(&mut st, new)?;
    store.stored();
    let (t, c) = threads::comment(&st, id)?;
    Ok(data(comment_json(&st, t, c)))
}

async fn get_comment(store: Db, Path(comment_id): Path<String>) -> Out {
    let id = path_uuid("comment_id", &comment_id)?;
    let st = store.read();
    let (t, c) = threads::comment(&st, id)?;
    Ok(data(comment_json(&st, t, c)))
}

async fn delete_comment(store: Db, Path(comment_id): Path<String>) -> Out {
    let id = path_uuid("comment_id", &comment_id)?;
    let mut st = store.write();
    threads::delete_comment(&mut st, id)?;
    store.stored();
    Ok(axum::Json(json!({})))
}

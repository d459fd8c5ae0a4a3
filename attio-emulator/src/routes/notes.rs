//! Notes: list (by parent), create, get, delete. Notes have no update endpoint.

use axum::extract::Path;
use axum::routing::get;
use serde_json::{Value, json};

use super::class::Routes;
use super::extract::{Db, JsonBody, Out, Paging, Params, data, data_list, path_uuid};
use super::fields::{Issues, Obj, query_uuid};
use crate::error::ApiResult;
use crate::store::notes::{self, NewNote, note_json};

/// `GET /v2/notes` pages: 10 by default, at most 50.
const PAGING: Paging = Paging {
    default: Some(10),
    max: Some(50),
};

/// The note routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/v2/notes", get(list_notes).post(create_note))
        .route("/v2/notes/{note_id}", get(get_note).delete(delete_note))
}

async fn list_notes(store: Db, q: Params) -> Out {
    let record = q
        .get("parent_record_id")
        .map(|r| query_uuid("parent_record_id", r))
        .transpose()?;
    let st = store.read();
    let found = notes::list(&st, q.get("parent_object"), record)?;
    let page = PAGING.page(found, &q)?;
    Ok(data_list(
        page.into_iter().map(|n| note_json(&st, n)).collect(),
    ))
}

/// Reads a note create body, reporting every invalid field.
fn new_note(body: &Value) -> ApiResult<NewNote> {
    let d = Obj::data(body)?;
    let mut is = Issues::default();
    let parent_object = d.string(&mut is, "parent_object");
    let parent_record_id = d.uuid(&mut is, "parent_record_id");
    let title = d.string(&mut is, "title");
    let format = d.one_of(&mut is, "format", &["plaintext", "markdown"]);
    let content = d.string(&mut is, "content");
    let created_at = d.backdate(&mut is, "created_at");
    let meeting_id = match d.get("meeting_id") {
        None | Some(Value::Null) => None,
        Some(_) => d.uuid(&mut is, "meeting_id"),
    };
    // Every required field that is `None` here was reported: `finish` answers the 400.
    is.finish()?;
    Ok(NewNote {
        parent_object: parent_object.unwrap_or_default().to_string(),
        parent_record_id: parent_record_id.unwrap_or_default(),
        title: title.unwrap_or_default().to_string(),
        markdown: format == Some("markdown"),
        content: content.unwrap_or_default().to_string(),
        created_at,
        meeting_id,
    })
}

async fn create_note(store: Db, JsonBody(body): JsonBody) -> Out {
    let new = new_note(&body)?;
    let mut st = store.write();
    let id = notes::create(&mut st, new)?;
    store.stored();
    Ok(data(note_json(&st, notes::get(&st, id)?)))
}

async fn get_note(store: Db, Path(note_id): Path<String>) -> Out {
    let id = path_uuid("note_id", &note_id)?;
    let st = store.read();
    Ok(data(note_json(&st, notes::get(&st, id)?)))
}

async fn delete_note(store: Db, Path(note_id): Path<String>) -> Out {
    let id = path_uuid("note_id", &note_id)?;
    let mut st = store.write();
    notes::delete(&mut st, id)?;
    store.stored();
    Ok(axum::Json(json!({})))
}

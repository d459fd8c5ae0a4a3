//! The notes area: notes on records, written in plain text or markdown and read in both,
//! listed by parent, and their read shape.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::links;
use super::schema::object_not_found;
use crate::error::{ApiError, ApiResult};
use crate::model::{Note, State};
use crate::values::{fmt_ts, markdown_to_plaintext, plaintext_to_markdown};

/// A note to create, read from a valid body.
#[derive(Clone, Debug)]
pub(crate) struct NewNote {
    /// The parent object, slug or id.
    pub parent_object: String,
    pub parent_record_id: Uuid,
    pub title: String,
    /// Whether `content` is markdown (else plain text).
    pub markdown: bool,
    pub content: String,
    /// A back-dated creation time.
    pub created_at: Option<DateTime<Utc>>,
    pub meeting_id: Option<Uuid>,
}

/// The 404 for an unknown note.
fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found(format!("Note with ID \"{id}\" was not found."))
}

/// Creates a note on an existing record. There are no meetings in the emulator, so any
/// `meeting_id` is an unknown meeting.
pub(crate) fn create(st: &mut State, new: NewNote) -> ApiResult<Uuid> {
    let (object, _) = links::record(st, &new.parent_object, new.parent_record_id)?;
    let parent_object = object.api_slug.clone();
    if let Some(m) = new.meeting_id {
        return Err(ApiError::not_found(format!(
            "Meeting with ID \"{m}\" was not found."
        )));
    }
    let (content_plaintext, content_markdown) = if new.markdown {
        (markdown_to_plaintext(&new.content), new.content)
    } else {
        (new.content.clone(), plaintext_to_markdown(&new.content))
    };
    let id = Uuid::new_v4();
    let note = Note {
        id,
        seq: st.next_seq(),
        parent_object,
        parent_record_id: new.parent_record_id,
        title: new.title,
        content_plaintext,
        content_markdown,
        created_by: st.token_actor(),
        created_at: new.created_at.unwrap_or_else(Utc::now),
    };
    st.notes.push(note);
    Ok(id)
}

/// The notes of every record, of the records of one object, or of one record (an unknown
/// object is a 404, an unknown record has none), oldest first.
pub(crate) fn list<'s>(
    st: &'s State,
    parent_object: Option<&str>,
    parent_record_id: Option<Uuid>,
) -> ApiResult<Vec<&'s Note>> {
    let object = match parent_object {
        Some(o) => Some(
            st.object(o)
                .map(|o| o.api_slug.as_str())
                .ok_or_else(|| object_not_found(o))?,
        ),
        None => None,
    };
    let mut notes: Vec<&Note> = st
        .notes
        .iter()
        .filter(|n| object.is_none_or(|o| n.parent_object == o))
        .filter(|n| parent_record_id.is_none_or(|r| n.parent_record_id == r))
        .collect();
    notes.sort_by_key(|n| (n.created_at, n.seq));
    Ok(notes)
}

/// The note `id`, or its 404.
pub(crate) fn get(st: &State, id: Uuid) -> ApiResult<&Note> {
    st.notes
        .iter()
        .find(|n| n.id == id)
        .ok_or_else(|| not_found(id))
}

/// Deletes the note `id`, or answers its 404.
pub(crate) fn delete(st: &mut State, id: Uuid) -> ApiResult<()> {
    let at = st
        .notes
        .iter()
        .position(|n| n.id == id)
        .ok_or_else(|| not_found(id))?;
    st.notes.remove(at);
    Ok(())
}

/// The read shape of a note. Mentions are not modelled, so `tags` is always empty.
pub(crate) fn note_json(st: &State, n: &Note) -> Value {
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "note_id": n.id.to_string()},
        "parent_object": n.parent_object,
        "parent_record_id": n.parent_record_id.to_string(),
        "title": n.title,
        "meeting_id": null,
        "content_plaintext": n.content_plaintext,
        "content_markdown": n.content_markdown,
        "tags": [],
        "created_by_actor": n.created_by.to_json(),
        "created_at": fmt_ts(&n.created_at),
    })
}

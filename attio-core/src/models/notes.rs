//! Notes (`/v2/notes`): a title and a body attached to one record.
//!
//! Notes have no update endpoint: once written, a note changes only in Attio's UI (which
//! sends `note.updated` and `note-content.updated` webhooks). Whatever format a note was
//! written in, Attio answers with both `content_plaintext` and `content_markdown`.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::wire;
use crate::error::{Error, ValueError};
use crate::record::AttioRecord;
use crate::values::{Actor, AnyRecordRef, RecordRef, Timestamp};

/// A note on a record, as Attio reads it back.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::Note;
///
/// let body = br###"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "note_id":"ff3f3bd4-40f4-4f80-8187-cd02385af424"},"parent_object":"people",
///   "parent_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d","title":"Call","meeting_id":null,
///   "content_plaintext":"Summary\nliked it","content_markdown":"## Summary\n- liked it",
///   "tags":[],"created_by_actor":{"type":"api-token","id":null},
///   "created_at":"2023-01-01T15:00:00.000000000Z"}}"###;
/// let note: Note = json::decode_data(body, "note")?;
/// assert_eq!(note.title, "Call");
/// assert_eq!(note.content_plaintext, "Summary\nliked it");
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Note {
    /// The note's id.
    pub id: NoteId,
    /// The parent record's object, as Attio names it (usually the slug, e.g. `people`).
    pub parent_object: String,
    /// The parent record's id.
    pub parent_record_id: Uuid,
    /// The title, plain text.
    pub title: String,
    /// The meeting the note belongs to, if any.
    #[serde(default)]
    pub meeting_id: Option<Uuid>,
    /// The body as plain text (line breaks as `\n`).
    pub content_plaintext: String,
    /// The body as markdown (the subset Attio supports).
    pub content_markdown: String,
    /// Who and what the body mentions.
    #[serde(default)]
    pub tags: Vec<NoteTag>,
    /// Who wrote the note.
    pub created_by_actor: Actor,
    /// When the note was created (possibly back-dated, see [`NewNote::created_at`]).
    pub created_at: Timestamp,
}

/// A note's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct NoteId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The note: what [`Notes::get`](crate::api::Notes::get) and
    /// [`Notes::delete`](crate::api::Notes::delete) take.
    pub note_id: Uuid,
}

impl fmt::Display for NoteId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.note_id, f)
    }
}

/// A mention inside a note's body.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(tag = "type")]
#[non_exhaustive]
pub enum NoteTag {
    /// `{"type":"workspace-member","workspace_member_id":…}`
    #[serde(rename = "workspace-member")]
    WorkspaceMember {
        /// The member mentioned.
        workspace_member_id: Uuid,
    },
    /// `{"type":"record","object":…,"record_id":…}`
    #[serde(rename = "record")]
    Record {
        /// The record's object (slug).
        object: String,
        /// The record mentioned.
        record_id: Uuid,
    },
    /// A kind of mention this version does not know.
    #[serde(other)]
    Other,
}

/// How a note's content is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NoteFormat {
    /// Plain text; `\n` breaks lines.
    Plaintext,
    /// Attio's markdown subset: headings `#` to `###`, `-`/`*`/`+` and `1.` lists,
    /// `**bold**`, `*italic*`, `~~strike~~`, `==highlight==` and links (no images).
    Markdown,
}

/// A note to create with [`Notes::create`](crate::api::Notes::create): a parent record,
/// a title and a body.
///
/// The parent must be named by record id: Attio's notes take a `parent_record_id`, so a
/// reference by domain or email address is refused before sending (as is an empty title,
/// which Attio requires).
///
/// ```
/// use attio_core::{AttioRecord, RecordRef};
/// use attio_core::models::NewNote;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<String> }
///
/// let ada = RecordRef::<Person>::parse("891dcbfc-9141-415d-9b2a-2238a6cc012d")?;
/// let note = NewNote::markdown(&ada, "Call", "## Summary\n- liked it");
/// assert_eq!(
///     String::from_utf8(note.to_body()?).unwrap(),
///     r###"{"data":{"parent_object":"people","parent_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d","title":"Call","format":"markdown","content":"## Summary\n- liked it"}}"###
/// );
///
/// let by_email = RecordRef::<Person>::by_email_address("ada@example.com")?;
/// assert!(NewNote::plaintext(&by_email, "Call", "…").to_body().is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NewNote {
    parent: AnyRecordRef,
    title: String,
    format: NoteFormat,
    content: String,
    created_at: Option<Timestamp>,
}

impl NewNote {
    /// A note on `parent` whose body is markdown.
    pub fn markdown<P: AttioRecord>(
        parent: &RecordRef<P>,
        title: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        Self::new(parent.to_any(), title, NoteFormat::Markdown, content)
    }

    /// A note on `parent` whose body is plain text.
    pub fn plaintext<P: AttioRecord>(
        parent: &RecordRef<P>,
        title: impl Into<String>,
        content: impl Into<String>,
    ) -> Self {
        Self::new(parent.to_any(), title, NoteFormat::Plaintext, content)
    }

    /// A note on a record of any object, in `format`.
    pub fn new(
        parent: AnyRecordRef,
        title: impl Into<String>,
        format: NoteFormat,
        content: impl Into<String>,
    ) -> Self {
        NewNote {
            parent,
            title: title.into(),
            format,
            content: content.into(),
            created_at: None,
        }
    }

    /// Back-dates the note (e.g. when migrating notes from another system): not before
    /// 1970 and not in the future.
    pub fn created_at(mut self, created_at: Timestamp) -> Self {
        self.created_at = Some(created_at);
        self
    }

    /// The parent record.
    pub fn parent(&self) -> &AnyRecordRef {
        &self.parent
    }

    /// The title.
    pub fn title(&self) -> &str {
        &self.title
    }

    /// The body's format.
    pub fn format(&self) -> NoteFormat {
        self.format
    }

    /// The request body, `{"data":{"parent_object":…,"parent_record_id":…,"title":…,
    /// "format":…,"content":…}}` (and `created_at` when back-dated), after checking what
    /// Attio would refuse: a parent not named by id, an empty title.
    pub fn to_body(&self) -> Result<Vec<u8>, Error> {
        let parent_record_id = wire::record_id_of("note parent", &self.parent)?;
        if self.title.trim().is_empty() {
            return Err(Error::from(ValueError::new(
                "note title",
                self.title.as_str(),
                "Attio requires a note title (plain text)",
            )));
        }
        #[derive(Serialize)]
        struct Body<'a> {
            parent_object: &'a str,
            parent_record_id: Uuid,
            title: &'a str,
            format: NoteFormat,
            content: &'a str,
            #[serde(
                skip_serializing_if = "Option::is_none",
                serialize_with = "wire::write_opt_timestamp"
            )]
            created_at: Option<Timestamp>,
        }
        let body = Body {
            parent_object: &self.parent.target_object,
            parent_record_id,
            title: &self.title,
            format: self.format,
            content: &self.content,
            created_at: self.created_at,
        };
        Ok(wire::data_body(&body))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_back_dated_note_sends_nine_fractional_digits_and_an_empty_title_is_refused() {
        let parent = AnyRecordRef::new("people", Uuid::nil());
        let at = "2020-02-03T04:05:06Z".parse().unwrap();
        let body = NewNote::new(parent.clone(), "T", NoteFormat::Plaintext, "a\nb")
            .created_at(at)
            .to_body()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(v["data"]["created_at"], "2020-02-03T04:05:06.000000000Z");
        assert_eq!(v["data"]["format"], "plaintext");
        let err = NewNote::new(parent, "  ", NoteFormat::Markdown, "x")
            .to_body()
            .unwrap_err();
        assert!(err.to_string().contains("requires a note title"), "{err}");
    }

    #[test]
    fn unknown_tags_are_kept_as_other() {
        let tags: Vec<NoteTag> = serde_json::from_str(
            r#"[{"type":"workspace-member","workspace_member_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
                {"type":"team","team_id":"x"}]"#,
        )
        .unwrap();
        assert!(matches!(tags[0], NoteTag::WorkspaceMember { .. }));
        assert_eq!(tags[1], NoteTag::Other);
    }
}

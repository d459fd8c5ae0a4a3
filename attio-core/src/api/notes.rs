//! Notes: `GET/POST /v2/notes`, `GET/DELETE /v2/notes/{note_id}`. There is no update.

use futures_util::{Stream, TryStreamExt};
use reqwest::Method;
use uuid::Uuid;

use crate::error::Error;
use crate::http::client::Client;
use crate::http::page::{Endpoint, Page, Paging};
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{NewNote, Note};
use crate::record::AttioRecord;
use crate::values::{AnyRecordRef, RecordRef};

/// The largest page `GET /v2/notes` serves (its default is 10).
const PAGE: usize = 50;

/// The notes of the workspace, borrowed from the client by [`Client::notes`].
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client, RecordRef};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<String> }
/// # async fn run(client: Client, ada: RecordRef<Person>) -> Result<(), attio_core::Error> {
/// use attio_core::models::NewNote;
///
/// let note = client
///     .notes()
///     .create(&NewNote::markdown(&ada, "Call", "## Summary\n- liked it"))
///     .await?;
/// for note in client.notes().of(&ada).await? {
///     println!("{} {}", note.created_at, note.title);
/// }
/// client.notes().delete(note.id.note_id).await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Notes<'c> {
    client: &'c Client,
}

impl Client {
    /// The notes area (scopes `note:read` / `note:read-write`, with
    /// `object_configuration:read` and `record_permission:read`).
    pub fn notes(&self) -> Notes<'_> {
        Notes { client: self }
    }
}

/// Reads one page of notes.
fn note_page(body: &[u8]) -> Result<Page<Note>, Error> {
    json::decode_data_list(body, "note").map(Page::of)
}

impl<'c> Notes<'c> {
    /// Writes a note: `POST /v2/notes`. An empty title, or a parent not named by record id,
    /// is refused before sending.
    pub async fn create(&self, note: &NewNote) -> Result<Note, Error> {
        let request = Request::new(Method::POST, "/v2/notes".to_owned(), Safety::Create)
            .body(note.to_body()?);
        self.client
            .call(&request, |body| json::decode_data(body, "note"))
            .await
    }

    /// One note: `GET /v2/notes/{note_id}`; an unknown id is Attio's 404
    /// ([`Error::is_not_found`]).
    pub async fn get(&self, note_id: Uuid) -> Result<Note, Error> {
        let request = Request::get(format!("/v2/notes/{note_id}"));
        self.client
            .call(&request, |body| json::decode_data(body, "note"))
            .await
    }

    /// Deletes a note: `DELETE /v2/notes/{note_id}`.
    pub async fn delete(&self, note_id: Uuid) -> Result<(), Error> {
        let request = Request::new(
            Method::DELETE,
            format!("/v2/notes/{note_id}"),
            Safety::IdempotentWrite,
        );
        self.client.call(&request, |_| Ok(())).await
    }

    /// Every note of a record, in the order Attio lists them, read 50 at a time
    /// (`GET /v2/notes?parent_object=…&parent_record_id=…`). The record must be named by
    /// id.
    pub async fn of<P: AttioRecord>(&self, parent: &RecordRef<P>) -> Result<Vec<Note>, Error> {
        self.of_any(&parent.to_any()).await
    }

    /// [`of`](Self::of) for a record of any object.
    pub async fn of_any(&self, parent: &AnyRecordRef) -> Result<Vec<Note>, Error> {
        let record_id = crate::models::record_id_of("note parent", parent)?;
        let base = Request::get("/v2/notes".to_owned())
            .query("parent_object", parent.target_object.clone())
            .query("parent_record_id", record_id.to_string());
        self.stream_from(base).try_collect().await
    }

    /// Every note of the workspace, 50 per request, fetched lazily as the stream is polled.
    ///
    /// ```no_run
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// use futures_util::TryStreamExt;
    ///
    /// let mut notes = std::pin::pin!(client.notes().all());
    /// while let Some(note) = notes.try_next().await? {
    ///     println!("{}: {}", note.parent_record_id, note.title);
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn all(&self) -> impl Stream<Item = Result<Note, Error>> + Send + 'static {
        self.stream_from(Request::get("/v2/notes".to_owned()))
    }

    fn stream_from(
        &self,
        base: Request,
    ) -> impl Stream<Item = Result<Note, Error>> + Send + 'static {
        let paging = Paging::query_offset(PAGE, PAGE);
        let endpoint = Endpoint {
            base,
            body: None,
            decode: note_page,
        };
        self.client.pages(paging, paging.first(0), endpoint)
    }
}

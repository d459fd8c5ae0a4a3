//! Comment threads and comments: `GET /v2/threads`, `GET /v2/threads/{thread_id}`,
//! `POST /v2/comments`, `GET/DELETE /v2/comments/{comment_id}`. Threads are started by
//! their first comment; comments cannot be edited.

use futures_util::TryStreamExt;
use reqwest::Method;
use uuid::Uuid;

use crate::error::Error;
use crate::http::client::Client;
use crate::http::page::{Endpoint, Page, Paging};
use crate::http::request::{Request, Safety};
use crate::json;
use crate::models::{Comment, NewComment, Thread, record_id_of};
use crate::record::AttioRecord;
use crate::values::{AnyRecordRef, RecordRef};

/// The largest page `GET /v2/threads` serves (its default is 10).
const PAGE: usize = 50;

/// The comment threads of the workspace, borrowed from the client by [`Client::threads`].
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client, RecordRef};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<String> }
/// # async fn run(client: Client, ada: RecordRef<Person>) -> Result<(), attio_core::Error> {
/// for thread in client.threads().of_record(&ada).await? {
///     for comment in &thread.comments {
///         println!("{} {}", comment.created_at, comment.content_plaintext);
///     }
/// }
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Threads<'c> {
    client: &'c Client,
}

/// The comments of the workspace, borrowed from the client by [`Client::comments`].
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client, RecordRef};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<String> }
/// # async fn run(client: Client, ada: RecordRef<Person>, me: uuid::Uuid) -> Result<(), attio_core::Error> {
/// use attio_core::models::NewComment;
///
/// let first = client
///     .comments()
///     .create(&NewComment::on_record(&ada, me, "Met at the fair"))
///     .await?;
/// client
///     .comments()
///     .create(&NewComment::reply(first.thread_id, me, "Following up next week"))
///     .await?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Comments<'c> {
    client: &'c Client,
}

impl Client {
    /// The comment threads area (scope `comment:read`, with the record or list scopes of
    /// what the threads are on).
    pub fn threads(&self) -> Threads<'_> {
        Threads { client: self }
    }

    /// The comments area (scope `comment:read-write` to write).
    pub fn comments(&self) -> Comments<'_> {
        Comments { client: self }
    }
}

fn thread_page(body: &[u8]) -> Result<Page<Thread>, Error> {
    json::decode_data_list(body, "thread").map(Page::of)
}

impl Threads<'_> {
    /// Every thread on a record, 50 per request
    /// (`GET /v2/threads?object=…&record_id=…`). The record must be named by id.
    pub async fn of_record<P: AttioRecord>(
        &self,
        record: &RecordRef<P>,
    ) -> Result<Vec<Thread>, Error> {
        self.of_any_record(&record.to_any()).await
    }

    /// [`of_record`](Self::of_record) for a record of any object.
    pub async fn of_any_record(&self, record: &AnyRecordRef) -> Result<Vec<Thread>, Error> {
        let record_id = record_id_of("thread record", record)?;
        let base = Request::get("/v2/threads".to_owned())
            .query("object", record.target_object.clone())
            .query("record_id", record_id.to_string());
        self.every(base).await
    }

    /// Every thread on the entry `entry_id` of `list` (slug or id), 50 per request
    /// (`GET /v2/threads?list=…&entry_id=…`).
    pub async fn of_entry(&self, list: &str, entry_id: Uuid) -> Result<Vec<Thread>, Error> {
        let base = Request::get("/v2/threads".to_owned())
            .query("list", list)
            .query("entry_id", entry_id.to_string());
        self.every(base).await
    }

    /// One thread with all its comments: `GET /v2/threads/{thread_id}`.
    pub async fn get(&self, thread_id: Uuid) -> Result<Thread, Error> {
        let request = Request::get(format!("/v2/threads/{thread_id}"));
        self.client
            .call(&request, |body| json::decode_data(body, "thread"))
            .await
    }

    async fn every(&self, base: Request) -> Result<Vec<Thread>, Error> {
        let paging = Paging::query_offset(PAGE, PAGE);
        let endpoint = Endpoint {
            base,
            body: None,
            decode: thread_page,
        };
        self.client
            .pages(paging, paging.first(0), endpoint)
            .try_collect()
            .await
    }
}

impl Comments<'_> {
    /// Writes a comment: `POST /v2/comments`. A new thread on a record or an entry, or a
    /// reply; its author is a workspace member. Read the thread back with
    /// [`Threads::get`] and the comment's [`thread_id`](Comment::thread_id).
    pub async fn create(&self, comment: &NewComment) -> Result<Comment, Error> {
        let request = Request::new(Method::POST, "/v2/comments".to_owned(), Safety::Create)
            .body(comment.to_body()?);
        self.client
            .call(&request, |body| json::decode_data(body, "comment"))
            .await
    }

    /// One comment: `GET /v2/comments/{comment_id}`.
    pub async fn get(&self, comment_id: Uuid) -> Result<Comment, Error> {
        let request = Request::get(format!("/v2/comments/{comment_id}"));
        self.client
            .call(&request, |body| json::decode_data(body, "comment"))
            .await
    }

    /// Deletes a comment: `DELETE /v2/comments/{comment_id}`. Deleting the comment that
    /// started a thread deletes the whole thread.
    pub async fn delete(&self, comment_id: Uuid) -> Result<(), Error> {
        let request = Request::new(
            Method::DELETE,
            format!("/v2/comments/{comment_id}"),
            Safety::IdempotentWrite,
        );
        self.client.call(&request, |_| Ok(())).await
    }
}

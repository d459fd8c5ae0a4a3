//! A record's activity timeline. Attio has no timeline endpoint: each source is read where
//! it lives (notes by parent, tasks by linked record, threads by record and by list entry)
//! and the answers are merged here.

use futures_util::TryStreamExt;
use futures_util::future::{try_join_all, try_join4};
use serde::Deserialize;
use uuid::Uuid;

use crate::error::Error;
use crate::http::client::Client;
use crate::http::page::{Endpoint, Page, Paging};
use crate::http::request::Request;
use crate::json;
use crate::models::{Activity, Thread, newest_first, record_id_of};
use crate::record::AttioRecord;
use crate::values::{AnyRecordRef, RecordRef};

/// Page size of a record's list entries (`GET …/records/{id}/entries`).
const ENTRY_PAGE: usize = 500;

/// A record's entry in a list, as `GET /v2/objects/{object}/records/{id}/entries` lists it
/// (only what the timeline needs).
#[derive(Deserialize)]
struct RecordEntry {
    list_id: Uuid,
    entry_id: Uuid,
}

fn entry_page(body: &[u8]) -> Result<Page<RecordEntry>, Error> {
    json::decode_data_list(body, "record entry").map(Page::of)
}

impl Client {
    /// A record's activity timeline, newest first: its notes, the tasks linked to it, the
    /// comment threads on it and the comment threads on its list entries (see
    /// [`Activity::at`] for the time of each).
    ///
    /// The sources are read concurrently, each request paced by the read budget like any
    /// other: every page of `GET /v2/notes`, `GET /v2/tasks` and `GET /v2/threads` for the
    /// record, and `GET /v2/objects/{object}/records/{id}/entries` followed by the threads
    /// of each entry. The token needs the read scopes of all of them (`note:read`,
    /// `task:read`, `comment:read`, `list_entry:read`, `list_configuration:read`,
    /// `user_management:read` and the record scopes). The record must be named by id.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client, RecordRef};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { name: Option<String> }
    /// # async fn run(client: Client, ada: RecordRef<Person>) -> Result<(), attio_core::Error> {
    /// use attio_core::models::Activity;
    ///
    /// for activity in client.activities(&ada).await? {
    ///     match &activity {
    ///         Activity::Note(note) => println!("{} note: {}", activity.at(), note.title),
    ///         Activity::Task(task) => println!("{} task: {}", activity.at(), task.content_plaintext),
    ///         Activity::Thread(thread) => {
    ///             println!("{} thread of {} comment(s)", activity.at(), thread.comments.len())
    ///         }
    ///         _ => {}
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn activities<P: AttioRecord>(
        &self,
        record: &RecordRef<P>,
    ) -> Result<Vec<Activity>, Error> {
        self.activities_of_any(&record.to_any()).await
    }

    /// [`activities`](Self::activities) for a record of any object.
    pub async fn activities_of_any(&self, record: &AnyRecordRef) -> Result<Vec<Activity>, Error> {
        record_id_of("timeline record", record)?;
        let (notes_area, threads_area) = (self.notes(), self.threads());
        let notes = notes_area.of_any(record);
        let tasks = self
            .tasks()
            .query()
            .linked_to_any(record.clone())
            .stream()
            .try_collect::<Vec<_>>();
        let threads = threads_area.of_any_record(record);
        let entry_threads = self.entry_threads(record);
        let (notes, tasks, threads, entry_threads) =
            try_join4(notes, tasks, threads, entry_threads).await?;

        let mut seen = std::collections::HashSet::new();
        let mut timeline: Vec<Activity> = notes.into_iter().map(Activity::Note).collect();
        timeline.extend(tasks.into_iter().map(Activity::Task));
        timeline.extend(
            threads
                .into_iter()
                .chain(entry_threads)
                .filter(|t| seen.insert(t.id.thread_id))
                .map(Activity::Thread),
        );
        newest_first(&mut timeline);
        Ok(timeline)
    }

    /// The threads on every list entry of `record`: its entries, then each entry's threads
    /// concurrently.
    async fn entry_threads(&self, record: &AnyRecordRef) -> Result<Vec<Thread>, Error> {
        let record_id = record_id_of("timeline record", record)?;
        let paging = Paging::query_offset(ENTRY_PAGE, ENTRY_PAGE);
        let endpoint = Endpoint {
            base: Request::get(format!(
                "/v2/objects/{}/records/{record_id}/entries",
                record.target_object
            )),
            body: None,
            decode: entry_page,
        };
        let entries: Vec<RecordEntry> = self
            .pages(paging, paging.first(0), endpoint)
            .try_collect()
            .await?;
        let lists: Vec<String> = entries.iter().map(|e| e.list_id.to_string()).collect();
        let threads = self.threads();
        let per_entry = entries
            .iter()
            .zip(&lists)
            .map(|(e, list)| threads.of_entry(list, e.entry_id));
        Ok(try_join_all(per_entry)
            .await?
            .into_iter()
            .flatten()
            .collect())
    }
}

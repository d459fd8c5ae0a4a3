//! Records queries: one page with [`Query::send`], every page with [`Query::stream`], or
//! with several pages in flight with [`Query::export`].

use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::Stream;

use super::requests;
use crate::api::export::Export;
use crate::api::query_parts::QueryParts;
use crate::error::Error;
use crate::filter::{Filter, Sort};
use crate::http::client::Client;
use crate::json;
use crate::page::Page;
use crate::record::{AttioRecord, Record};

/// A records query on the model `T` (`POST /v2/objects/{object}/records/query`), made by
/// [`Client::query`].
///
/// Filters given with [`filter`](Query::filter) and [`filter_raw`](Query::filter_raw) are
/// combined with `$and`; sorts apply in the order given.
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client};
/// # use attio_core::values::PersonalName;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<PersonalName>, job_title: Option<String> }
/// # async fn run(client: Client) -> Result<(), attio_core::Error> {
/// use attio_core::stream::TryStreamExt;
///
/// let smiths: Vec<_> = client
///     .query::<Person>()
///     .filter(|p| p.name.last_name().eq("Smith"))
///     .sort(|p| p.name.asc_by("first_name"))
///     .stream()
///     .try_collect()
///     .await?;
/// # let _ = smiths;
/// # Ok(())
/// # }
/// ```
#[must_use = "a query does nothing until it is sent or streamed"]
pub struct Query<T> {
    client: Client,
    parts: QueryParts,
    _model: PhantomData<fn() -> T>,
}

impl<T> Clone for Query<T> {
    fn clone(&self) -> Self {
        Query {
            client: self.client.clone(),
            parts: self.parts.clone(),
            _model: PhantomData,
        }
    }
}

impl<T: AttioRecord> fmt::Debug for Query<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.parts.debug(f, "Query", "object", T::OBJECT)
    }
}

impl<T: AttioRecord> Query<T> {
    pub(crate) fn new(client: Client) -> Self {
        Query {
            client,
            parts: QueryParts::default(),
            _model: PhantomData,
        }
    }

    /// Keeps the records that match a typed filter built from the model's attribute handles
    /// (see [`crate::filter`]). Several filters are combined with `$and`.
    pub fn filter(mut self, filter: impl FnOnce(T::Attrs) -> Filter<T>) -> Self {
        self.parts.filters.push(filter(T::attrs()).into_json());
        self
    }

    /// Keeps the records that match a filter written in Attio's JSON syntax, for what the
    /// typed filters cannot say (drill-down paths, attributes the model does not declare).
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { job_title: Option<String> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// let page = client
    ///     .query::<Person>()
    ///     .filter_raw(serde_json::json!({
    ///         "path": [["people", "company"], ["companies", "name"]],
    ///         "constraints": { "value": { "$eq": "Attio" } }
    ///     }))
    ///     .send()
    ///     .await?;
    /// # let _ = page;
    /// # Ok(())
    /// # }
    /// ```
    pub fn filter_raw(mut self, filter: serde_json::Value) -> Self {
        self.parts.filters.push(filter);
        self
    }

    /// Sorts by an attribute; call again for a secondary sort.
    pub fn sort(mut self, sort: impl FnOnce(T::Attrs) -> Sort<T>) -> Self {
        self.parts.sorts.push(sort(T::attrs()).into_json());
        self
    }

    /// The page size: records per request (Attio's default is 500).
    pub fn limit(mut self, limit: usize) -> Self {
        self.parts.limit = Some(limit);
        self
    }

    /// How many matching records to skip (default 0).
    pub fn offset(mut self, offset: usize) -> Self {
        self.parts.offset = offset;
        self
    }

    /// The request body, `{"filter":…,"sorts":…,"limit":…,"offset":…}`.
    pub fn to_body(&self) -> Vec<u8> {
        self.parts.to_body()
    }

    /// Sends the query and returns one page: at most `limit` records from `offset`.
    ///
    /// All or nothing: when some records of the page cannot be decoded into the model (a
    /// required field empty on them, say), the call fails with [`Error::BadRecords`], which
    /// names every bad record. [`send_page`](Query::send_page) returns the good records
    /// beside the failures instead.
    pub async fn send(&self) -> Result<Vec<Record<T>>, Error> {
        self.send_page().await?.into_result()
    }

    /// Sends the query and returns one page, decoded record by record: the records the
    /// model can hold in [`Page::items`], and an error naming each record it cannot in
    /// [`Page::failures`], so one bad record hides none of the others.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { job_title: String }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// let page = client.query::<Person>().limit(100).send_page().await?;
    /// for person in &page.items {
    ///     println!("{}", person.values.job_title);
    /// }
    /// for failure in &page.failures {
    ///     eprintln!("skipped: {failure}"); // names the record and the attribute
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub async fn send_page(&self) -> Result<Page<Record<T>>, Error> {
        let request = requests::query_request::<T>(self.to_body());
        self.client
            .call(&request, json::decode_records_lenient::<T>)
            .await
    }

    /// Every matching record, page after page (`limit` records per request, default 500),
    /// fetched lazily as the stream is polled, one page at a time. The stream ends after a
    /// page shorter than the page size.
    ///
    /// This is [`export`](Query::export) with one page in flight
    /// (`.export().concurrency(1).stream()`): the next page is requested once the last
    /// record of the previous one has been yielded. It keeps the least in memory and sends
    /// no request past the end; an export is faster when the round trip, not the read
    /// budget, is what limits the rate.
    ///
    /// A record that cannot be decoded into the model is yielded as an [`Error::Decode`]
    /// naming it, and the stream goes on with the next record; a request that fails (or a
    /// body that is not a page of records) is yielded as its error and ends the stream.
    /// (`try_collect` stops at the first error of either kind.) On records created or
    /// deleted while the stream runs, see [`Export`].
    ///
    /// The stream is `Unpin`: poll it with [`StreamExt::next`](crate::stream::StreamExt::next)
    /// without pinning it first.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { job_title: Option<String> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// use attio_core::stream::StreamExt;
    ///
    /// let mut people = client.query::<Person>().stream();
    /// while let Some(person) = people.next().await {
    ///     match person {
    ///         Ok(person) => println!("{:?}", person.values.job_title),
    ///         Err(e) if e.as_decode().is_some() => eprintln!("skipped: {e}"),
    ///         Err(e) => return Err(e),
    ///     }
    /// }
    /// # Ok(())
    /// # }
    /// ```
    pub fn stream(self) -> RecordStream<T>
    where
        T: Send + 'static,
    {
        RecordStream {
            inner: Box::pin(self.export().concurrency(1).stream()),
        }
    }

    /// Every matching record with several pages in flight at once, within the client's read
    /// budget, in the order [`stream`](Query::stream) yields them: see [`Export`] (its
    /// concurrency, progress callback, memory bound, and what records created or deleted
    /// meanwhile do to it). The query's filters, sorts, page size (`limit`, default 500)
    /// and `offset` apply.
    ///
    /// ```no_run
    /// # use attio_core::{AttioRecord, Client};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { job_title: Option<String> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// use attio_core::stream::TryStreamExt;
    ///
    /// let everyone: Vec<_> = client
    ///     .query::<Person>()
    ///     .export()
    ///     .in_creation_order()
    ///     .on_progress(|p| eprintln!("{} people", p.records))
    ///     .stream()
    ///     .try_collect()
    ///     .await?;
    /// # let _ = everyone;
    /// # Ok(())
    /// # }
    /// ```
    pub fn export(self) -> Export<Record<T>>
    where
        T: Send + 'static,
    {
        // Each record is one item, good or bad, so a bad record counts toward the page
        // size that tells the last page.
        let source = self.parts.into_source(
            requests::query_request::<T>(Vec::new()),
            &["created_at", "record_id"],
            json::decode_records_each::<T>,
            T::OBJECT,
        );
        Export::new(self.client, source)
    }
}

/// Every record of a query, page after page: the stream [`Query::stream`] returns. It is
/// `Unpin` and `Send`, so `.next().await` works on it as is (bring
/// [`StreamExt`](crate::stream::StreamExt) into scope).
#[must_use = "a stream does nothing until it is polled"]
pub struct RecordStream<T> {
    inner: Pin<Box<dyn Stream<Item = Result<Record<T>, Error>> + Send>>,
}

impl<T> Stream for RecordStream<T> {
    type Item = Result<Record<T>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<T: AttioRecord> fmt::Debug for RecordStream<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordStream")
            .field("object", &T::OBJECT)
            .finish_non_exhaustive()
    }
}

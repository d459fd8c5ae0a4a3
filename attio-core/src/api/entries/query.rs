//! Entries queries: one page with [`EntryQuery::send`], every page with
//! [`EntryQuery::stream`], or with several pages in flight with [`EntryQuery::export`];
//! filters and sorts on the list's attributes and on the parent
//! record's.

use std::fmt;
use std::marker::PhantomData;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::Stream;

use super::parent;
use super::requests::query_request;
use crate::api::export::Export;
use crate::api::query_parts::QueryParts;
use crate::entry::{AttioEntry, Entry};
use crate::error::Error;
use crate::filter::{Filter, Sort};
use crate::http::client::Client;
use crate::json;
use crate::record::AttioRecord;

/// A query on the entries of the list of `E` (`POST /v2/lists/{list}/entries/query`), made
/// by [`Entries::query`](super::Entries::query).
///
/// Filters are combined with `$and`; sorts apply in the order given. Filters and sorts on
/// the list's attributes come from the model's handles ([`filter`](EntryQuery::filter),
/// [`sort`](EntryQuery::sort)); those on the attributes of the entries' parent record
/// from the parent model's handles ([`filter_parent`](EntryQuery::filter_parent),
/// [`sort_parent`](EntryQuery::sort_parent)), sent through the `parent_record` path.
///
/// ```no_run
/// # use attio_core::{AttioEntry, AttioRecord, Client};
/// # use attio_core::values::Status;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "companies")]
/// # struct Company { name: Option<String> }
/// # #[derive(AttioEntry)]
/// # #[attio(list = "sales")]
/// # struct Deal { stage: Option<Status> }
/// # async fn run(client: Client) -> Result<(), attio_core::Error> {
/// let won = client
///     .entries::<Deal>()
///     .query()
///     .filter(|d| d.stage.eq("Won"))
///     .filter_parent::<Company>(|c| c.name.starts_with("A"))
///     .sort_parent::<Company>(|c| c.name.asc())
///     .limit(50)
///     .send()
///     .await?;
/// # let _ = won;
/// # Ok(())
/// # }
/// ```
#[must_use = "a query does nothing until it is sent or streamed"]
pub struct EntryQuery<E> {
    client: Client,
    parts: QueryParts,
    _model: PhantomData<fn() -> E>,
}

impl<E> Clone for EntryQuery<E> {
    fn clone(&self) -> Self {
        EntryQuery {
            client: self.client.clone(),
            parts: self.parts.clone(),
            _model: PhantomData,
        }
    }
}

impl<E: AttioEntry> fmt::Debug for EntryQuery<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.parts.debug(f, "EntryQuery", "list", E::LIST)
    }
}

impl<E: AttioEntry> EntryQuery<E> {
    pub(super) fn new(client: Client) -> Self {
        EntryQuery {
            client,
            parts: QueryParts::default(),
            _model: PhantomData,
        }
    }

    /// Keeps the entries that match a typed filter on the list's attributes, built from
    /// the model's handles. Several filters are combined with `$and`.
    pub fn filter(mut self, filter: impl FnOnce(E::Attrs) -> Filter<E>) -> Self {
        self.parts.filters.push(filter(E::attrs()).into_json());
        self
    }

    /// Keeps the entries whose **parent record** matches a typed filter built from the
    /// parent model's handles. Each condition is sent on the `parent_record` path,
    /// `{"path":[["<list>","parent_record"],["<object>","<attribute>"]],"constraints":…}`
    /// (a parent attribute named without the path would silently match nothing).
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, AttioRecord, Client};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "companies")]
    /// # struct Company { name: Option<String> }
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// let acme = client
    ///     .entries::<Deal>()
    ///     .query()
    ///     .filter_parent::<Company>(|c| c.name.eq("Acme"))
    ///     .send()
    ///     .await?;
    /// # let _ = acme;
    /// # Ok(())
    /// # }
    /// ```
    pub fn filter_parent<P: AttioRecord>(
        mut self,
        filter: impl FnOnce(P::Attrs) -> Filter<P>,
    ) -> Self {
        let json = filter(P::attrs()).into_json();
        self.parts
            .filters
            .push(parent::filter(E::LIST, P::OBJECT, json));
        self
    }

    /// Keeps the entries that match a filter written in Attio's JSON syntax (paths of your
    /// own, attributes the model does not declare).
    pub fn filter_raw(mut self, filter: serde_json::Value) -> Self {
        self.parts.filters.push(filter);
        self
    }

    /// Sorts by a list attribute; call again for a secondary sort.
    pub fn sort(mut self, sort: impl FnOnce(E::Attrs) -> Sort<E>) -> Self {
        self.parts.sorts.push(sort(E::attrs()).into_json());
        self
    }

    /// Sorts by an attribute of the parent record, through the `parent_record` path
    /// (`{"direction":"asc","path":[["<list>","parent_record"],["<object>","<attribute>"]]}`).
    pub fn sort_parent<P: AttioRecord>(mut self, sort: impl FnOnce(P::Attrs) -> Sort<P>) -> Self {
        let json = sort(P::attrs()).into_json();
        self.parts
            .sorts
            .push(parent::sort(E::LIST, P::OBJECT, json));
        self
    }

    /// The page size: entries per request (Attio's default is 500).
    pub fn limit(mut self, limit: usize) -> Self {
        self.parts.limit = Some(limit);
        self
    }

    /// How many matching entries to skip (default 0).
    pub fn offset(mut self, offset: usize) -> Self {
        self.parts.offset = offset;
        self
    }

    /// The request body, `{"filter":…,"sorts":…,"limit":…,"offset":…}`.
    pub fn to_body(&self) -> Vec<u8> {
        self.parts.to_body()
    }

    /// Sends the query and returns one page: at most `limit` entries from `offset`.
    ///
    /// All or nothing: when some entries of the page cannot be decoded into the model, the
    /// call fails with [`Error::BadRecords`], which names every bad entry.
    /// [`send_page`](EntryQuery::send_page) returns the good entries beside the failures
    /// instead.
    pub async fn send(&self) -> Result<Vec<Entry<E>>, Error> {
        self.send_page().await?.into_result()
    }

    /// Sends the query and returns one page, decoded entry by entry: the entries the model
    /// can hold in [`Page::items`](crate::Page::items), and an error naming each entry it
    /// cannot in [`Page::failures`](crate::Page::failures).
    pub async fn send_page(&self) -> Result<crate::Page<Entry<E>>, Error> {
        let request = query_request::<E>(self.to_body());
        self.client
            .call(&request, json::decode_entries_lenient::<E>)
            .await
    }

    /// Every matching entry, page after page (`limit` entries per request, default 500),
    /// fetched lazily as the stream is polled, one page at a time: this is
    /// [`export`](EntryQuery::export) with one page in flight. The stream ends after a
    /// page shorter than the page size. An entry that cannot be decoded into the model is
    /// yielded as an [`Error::Decode`] naming it, and the stream goes on with the next
    /// entry; a request that fails (or a body that is not a page of entries) is yielded as
    /// its error and ends the stream. The stream is `Unpin` and `Send`.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, Client};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// use attio_core::stream::TryStreamExt;
    ///
    /// let every: Vec<_> = client.entries::<Deal>().query().stream().try_collect().await?;
    /// # let _ = every;
    /// # Ok(())
    /// # }
    /// ```
    pub fn stream(self) -> EntryStream<E>
    where
        E: Send + 'static,
    {
        EntryStream {
            inner: Box::pin(self.export().concurrency(1).stream()),
        }
    }

    /// Every matching entry with several pages in flight at once, within the client's read
    /// budget, in the order [`stream`](EntryQuery::stream) yields them: see
    /// [`Export`](crate::Export). [`in_creation_order`](crate::Export::in_creation_order)
    /// sorts entries by `created_at`.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, Client};
    /// # use attio_core::values::Status;
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<Status> }
    /// # async fn run(client: Client) -> Result<(), attio_core::Error> {
    /// use attio_core::stream::TryStreamExt;
    ///
    /// let every: Vec<_> = client
    ///     .entries::<Deal>()
    ///     .query()
    ///     .export()
    ///     .in_creation_order()
    ///     .concurrency(8)
    ///     .stream()
    ///     .try_collect()
    ///     .await?;
    /// # let _ = every;
    /// # Ok(())
    /// # }
    /// ```
    pub fn export(self) -> Export<Entry<E>>
    where
        E: Send + 'static,
    {
        // Each entry is one item, good or bad, so a bad entry counts toward the page
        // size that tells the last page.
        let source = self.parts.into_source(
            query_request::<E>(Vec::new()),
            &["created_at"],
            json::decode_entries_each::<E>,
            E::LIST,
        );
        Export::new(self.client, source)
    }
}

/// Every entry of a query, page after page: the stream [`EntryQuery::stream`] returns. It is
/// `Unpin` and `Send`.
#[must_use = "a stream does nothing until it is polled"]
pub struct EntryStream<E> {
    inner: Pin<Box<dyn Stream<Item = Result<Entry<E>, Error>> + Send>>,
}

impl<E> Stream for EntryStream<E> {
    type Item = Result<Entry<E>, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.inner.size_hint()
    }
}

impl<E: AttioEntry> fmt::Debug for EntryStream<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntryStream")
            .field("list", &E::LIST)
            .finish_non_exhaustive()
    }
}

//! Export: every record (or list entry) of a query, with several pages in flight at once
//! within the client's read budget, yielded in the order sequential paging yields them.
//! Records queries ([`Query::export`](crate::Query::export)) and entries queries
//! ([`EntryQuery::export`](crate::api::EntryQuery::export)) both run on it, and so do their
//! `stream()`s, with one page in flight.

mod pager;

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures_util::stream::Stream;

use crate::error::Error;
use crate::http::client::Client;
use crate::http::pacing::RateLimits;
use crate::http::page::{At, BodyFn, Paging};
use crate::http::request::Request;
use crate::json;
use pager::{Fetch, PageResult, Pager, ProgressFn};

/// The round trip an export's default concurrency is sized for: with the read budget's
/// requests spaced `1 / reads_per_second` apart, this many seconds of them are in flight.
const SIZED_FOR_ROUND_TRIP: Duration = Duration::from_millis(200);

/// The default concurrency when the client has no read budget.
const UNPACED_CONCURRENCY: usize = 16;

/// The most pages an export requests at once unless told otherwise.
const MAX_DEFAULT_CONCURRENCY: usize = 32;

/// Pages in flight by default: enough to keep the read budget busy at a round trip of up
/// to 200 ms (`reads_per_second × 0.2`, 20 at Attio's 100 reads/s), within `2..=32`; 16
/// without a budget.
fn default_concurrency(limits: Option<RateLimits>) -> usize {
    match limits {
        Some(l) if l.reads_per_second > 0 => {
            let n = f64::from(l.reads_per_second) * SIZED_FOR_ROUND_TRIP.as_secs_f64();
            (n.ceil() as usize).clamp(2, MAX_DEFAULT_CONCURRENCY)
        }
        _ => UNPACED_CONCURRENCY,
    }
}

/// Decodes one page into each item or the error naming it (the per-item fallback of a
/// page that does not decode whole), or the error of a body that is not a page.
pub(crate) type DecodePage<I> = fn(&[u8]) -> PageResult<I>;

/// What a query hands to [`Export`]: the query itself and how to read its pages.
pub(crate) struct Source<I> {
    /// The query request, without its body.
    pub request: Request,
    /// The filter as sent, if any.
    pub filter: Option<serde_json::Value>,
    /// The sorts as sent.
    pub sorts: Vec<serde_json::Value>,
    /// Items per page.
    pub page_size: usize,
    /// Items skipped before the first page.
    pub offset: usize,
    /// The sorts of [`Export::in_creation_order`], as attribute slugs sorted ascending.
    pub creation_order: &'static [&'static str],
    /// Reads a page.
    pub decode: DecodePage<I>,
    /// The object or list read, for `Debug`.
    pub target: &'static str,
}

/// How far an export has got, handed to [`Export::on_progress`] each time a page is
/// taken, in order, to be yielded.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct ExportProgress {
    /// Pages read so far, in order.
    pub pages: usize,
    /// Records (or entries) on those pages, whether or not they decoded.
    pub records: usize,
    /// Those of them the model could not hold (each is yielded as its error).
    pub failed: usize,
    /// Page requests still in flight.
    pub in_flight: usize,
}

/// Every record (or entry) of a query, read with several pages in flight: made by
/// [`Query::export`](crate::Query::export) and
/// [`EntryQuery::export`](crate::api::EntryQuery::export), run by
/// [`stream`](Export::stream).
///
/// A sequential [`stream`](crate::Query::stream) waits a whole round trip for each page:
/// at 150 ms that is about 7 pages a second, while Attio allows 100 reads a second. An
/// export asks for the next pages (offset after offset) before the earlier ones have come
/// back, every request paced by the client's read budget (shared with every clone of the
/// client) and retried by its policy like any other read, and yields the records in the
/// order sequential paging yields them. A page that arrives early waits for the pages
/// before it.
///
/// - **Where it stops**: at the first page shorter than the page size. Pages after it may
///   already be in flight (at most [`concurrency`](Export::concurrency) − 1 of them); they
///   are dropped unread and nothing further is requested.
/// - **Memory**: at most `concurrency` pages are requested or held at once, the page being
///   yielded included; a page is dropped once its last record is yielded. A slow reader
///   holds the requests back rather than letting pages pile up.
/// - **Errors**: a record the model cannot hold is yielded as an [`Error::Decode`] naming
///   it (the page is decoded record by record), and the export goes on. A page whose
///   request fails after its retries is yielded as that error in its turn and ends the
///   stream.
/// - **Dropping** the stream cancels the requests in flight and sends no new one.
/// - **Threads**: each page is read and decoded on a tokio task of its own, so on a
///   multi-thread runtime pages decode in parallel while the stream yields.
///
/// # Records created or deleted during an export
///
/// Offset paging reads a position in the query's order, and each page is a separate
/// query, answered when it arrives. A record created or deleted *before* a page's
/// position moves every record after it by one: a creation makes the record at the edge
/// of the next page come twice (and the new record is read only if it lands after the
/// pages already read), a deletion makes one record slide back past the edge and be
/// skipped. With several pages in flight this holds between any two of them, exactly as
/// it does for a sequential stream between two pages. On a workspace nobody writes to
/// during the export, an export yields exactly what sequential paging yields.
///
/// The stable choice is [`in_creation_order`](Export::in_creation_order): records sorted
/// by `created_at` (then `record_id`, for ties) are never moved by a record created during
/// the export, since it sorts after all of them; every record that exists from start to
/// end is yielded exactly once, whatever is created meanwhile. Deletions still move later
/// records back: when records may be deleted during the export, read the ids you need
/// again (or compare with a second export) rather than trusting one pass.
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { job_title: Option<String> }
/// # async fn run(client: Client) -> Result<(), attio_core::Error> {
/// use attio_core::stream::StreamExt;
///
/// let mut people = client
///     .query::<Person>()
///     .filter(|p| p.job_title.contains("Engineer"))
///     .export()
///     .in_creation_order()
///     .concurrency(16)
///     .on_progress(|p| eprintln!("{} pages, {} people", p.pages, p.records))
///     .stream();
/// while let Some(person) = people.next().await {
///     let person = person?;
///     println!("{:?}", person.values.job_title);
/// }
/// # Ok(())
/// # }
/// ```
#[must_use = "an export does nothing until it is streamed"]
pub struct Export<I> {
    client: Client,
    source: Source<I>,
    concurrency: Option<usize>,
    progress: Option<ProgressFn>,
}

impl<I> fmt::Debug for Export<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Export")
            .field("target", &self.source.target)
            .field("filter", &self.source.filter)
            .field("sorts", &self.source.sorts)
            .field("page_size", &self.source.page_size)
            .field("offset", &self.source.offset)
            .field("concurrency", &self.concurrency)
            .finish_non_exhaustive()
    }
}

impl<I: Send + 'static> Export<I> {
    /// An export of `source` on `client`.
    pub(crate) fn new(client: Client, source: Source<I>) -> Self {
        Export {
            client,
            source,
            concurrency: None,
            progress: None,
        }
    }

    /// How many pages may be requested or held at once, the page being yielded included
    /// (at least 1; 1 is sequential paging).
    ///
    /// The default keeps the read budget busy at a round trip of up to 200 ms:
    /// `reads_per_second × 0.2`, so 20 at Attio's 100 reads/s (within 2 to 32; 16 when
    /// the client has no budget). At most `concurrency ÷ round trip` pages a second can
    /// arrive, so raise it when the round trip is longer; the read budget still caps the
    /// rate. Memory grows with it: up to `concurrency` pages of records.
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = Some(n.max(1));
        self
    }

    /// Calls `f` each time a page is taken, in order, to be yielded, with the counts so
    /// far.
    pub fn on_progress(mut self, f: impl FnMut(&ExportProgress) + Send + 'static) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    /// Sorts in creation order, replacing the query's sorts: records by `created_at`, then
    /// `record_id` for records created the same instant; entries by `created_at`. This is
    /// the order that records (or entries) created during the export cannot disturb (see
    /// [`Export`]).
    pub fn in_creation_order(mut self) -> Self {
        self.source.sorts = self
            .source
            .creation_order
            .iter()
            .map(|slug| serde_json::json!({ "attribute": slug, "direction": "asc" }))
            .collect();
        self
    }

    /// The pages in flight at most: as set, or the default for the client's read budget.
    fn pages_in_flight(&self) -> usize {
        self.concurrency
            .unwrap_or_else(|| default_concurrency(self.client.rate_limits()))
    }

    /// Runs the export: every record, in order, fetched as the stream is polled (nothing
    /// is requested before the first poll). The stream is `Unpin` and `Send`.
    pub fn stream(self) -> ExportStream<I> {
        let concurrency = self.pages_in_flight();
        let Export {
            client,
            source,
            progress,
            ..
        } = self;
        let page_size = source.page_size.max(1);
        let first_offset = source.offset;
        let decode = source.decode;
        // Every page is the query's request with its position in the body, as sequential
        // paging writes it.
        let paging = Paging::body_offset(page_size);
        let Source {
            request,
            filter,
            sorts,
            ..
        } = source;
        let body: Arc<BodyFn> = Arc::new(move |limit, offset| {
            json::encode_query(filter.as_ref(), &sorts, Some(limit), offset)
        });
        let fetch: Fetch<I> = Box::new(move |offset| {
            let request = paging.request(&request, &At::Offset(offset), Some(&*body));
            let client = client.clone();
            // Each page is read and decoded on a task of its own, so that pages decode on
            // every worker thread while the stream yields; dropping the page's future
            // aborts the task, and with it the request.
            let task = Task(tokio::spawn(
                async move { client.call(&request, decode).await },
            ));
            Box::pin(task)
        });
        ExportStream {
            pager: Pager::new(fetch, page_size, first_offset, concurrency, progress),
        }
    }
}

/// A page's task, aborted when dropped.
struct Task<I>(tokio::task::JoinHandle<PageResult<I>>);

impl<I> Future for Task<I> {
    type Output = PageResult<I>;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
        match Pin::new(&mut self.0).poll(cx) {
            Poll::Ready(Ok(page)) => Poll::Ready(page),
            // A panic while reading the page is the stream's panic, as if polled in place.
            Poll::Ready(Err(e)) if e.is_panic() => std::panic::resume_unwind(e.into_panic()),
            // `Drop` aborts the task and nothing polls it after that; otherwise only a
            // runtime shutting down cancels it.
            Poll::Ready(Err(_)) => Poll::Ready(Err(Error::Config(
                "the tokio runtime shut down while a page of an export was being read".into(),
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<I> Drop for Task<I> {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// The records (or entries) of an [`Export`], in order: the stream
/// [`Export::stream`] returns. It is `Unpin` and `Send`, so `.next().await` works on it as
/// is (bring [`StreamExt`](crate::stream::StreamExt) into scope). Dropping it cancels the
/// requests in flight.
#[must_use = "a stream does nothing until it is polled"]
pub struct ExportStream<I> {
    pager: Pager<I>,
}

// The pager is never pinned in place: its items are moved out by value.
impl<I> Unpin for ExportStream<I> {}

impl<I: Send + 'static> Stream for ExportStream<I> {
    type Item = Result<I, Error>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.pager.poll_next(cx)
    }
}

impl<I> fmt::Debug for ExportStream<I> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ExportStream").finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_concurrency_follows_the_read_budget() {
        let reads = |n| {
            Some(RateLimits {
                reads_per_second: n,
                writes_per_second: 25,
            })
        };
        assert_eq!(default_concurrency(reads(100)), 20);
        assert_eq!(default_concurrency(reads(50)), 10);
        assert_eq!(default_concurrency(reads(1)), 2);
        assert_eq!(default_concurrency(reads(1000)), 32);
        assert_eq!(default_concurrency(None), 16);
    }

    #[test]
    fn an_export_stream_is_send_and_unpin() {
        fn check<S: Send + Unpin>() {}
        check::<ExportStream<crate::Record<()>>>();
    }
}

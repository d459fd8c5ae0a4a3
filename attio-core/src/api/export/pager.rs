//! The engine of an export: offset pages requested ahead of the reader, at most a fixed
//! number at once, and their items handed out in page order.
//!
//! Pages are numbered from 0; page `i` starts at `first_offset + i × page_size`. Requests
//! leave in page order. A page that comes back early waits until every page before it has
//! been handed out. The first page shorter than the page size is the last one: no page
//! after it is requested, and pages after it that were already asked for are dropped
//! unread. A page that fails ends the stream when its turn comes, after being yielded as
//! its error.

use std::collections::BTreeMap;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_util::stream::{FuturesUnordered, StreamExt};

use super::ExportProgress;
use crate::error::Error;

/// One page as read: each item, or the error naming it; or the error of the whole page.
pub(super) type PageResult<I> = Result<Vec<Result<I, Error>>, Error>;

/// The request of one page, in flight.
pub(super) type PageFuture<I> = Pin<Box<dyn Future<Output = PageResult<I>> + Send>>;

/// Requests the page at an offset.
pub(super) type Fetch<I> = Box<dyn FnMut(usize) -> PageFuture<I> + Send>;

/// The progress callback of an export.
pub(super) type ProgressFn = Box<dyn FnMut(&ExportProgress) + Send>;

/// A page request tagged with its page number.
type Numbered<I> = Pin<Box<dyn Future<Output = (usize, PageResult<I>)> + Send>>;

/// The state of an export between two polls.
pub(super) struct Pager<I> {
    fetch: Fetch<I>,
    page_size: usize,
    first_offset: usize,
    /// Pages requested or held at once, the one being handed out included.
    concurrency: usize,
    /// The number of the next page to request.
    next: usize,
    /// The number of the next page to hand out.
    head: usize,
    /// The number of the first short page seen: no page after it is requested or kept.
    last: Option<usize>,
    in_flight: FuturesUnordered<Numbered<I>>,
    /// Pages that arrived before their turn.
    ready: BTreeMap<usize, PageResult<I>>,
    /// The items of the page being handed out.
    current: std::vec::IntoIter<Result<I, Error>>,
    /// Whether `current` still holds items (it then takes one of the `concurrency` slots).
    holding: bool,
    progress: Option<ProgressFn>,
    counts: ExportProgress,
    finished: bool,
}

impl<I: Send + 'static> Pager<I> {
    /// A pager that asks `fetch` for pages of `page_size` items from `first_offset`, with
    /// at most `concurrency` pages requested or held at once.
    pub(super) fn new(
        fetch: Fetch<I>,
        page_size: usize,
        first_offset: usize,
        concurrency: usize,
        progress: Option<ProgressFn>,
    ) -> Self {
        Pager {
            fetch,
            page_size: page_size.max(1),
            first_offset,
            concurrency: concurrency.max(1),
            next: 0,
            head: 0,
            last: None,
            in_flight: FuturesUnordered::new(),
            ready: BTreeMap::new(),
            current: Vec::new().into_iter(),
            holding: false,
            progress,
            counts: ExportProgress::default(),
            finished: false,
        }
    }

    /// Pages requested or held now.
    fn occupied(&self) -> usize {
        self.in_flight.len() + self.ready.len() + usize::from(self.holding)
    }

    /// Whether page `n` may be part of the result (it is not after the last page).
    fn within(&self, n: usize) -> bool {
        self.last.is_none_or(|last| n <= last)
    }

    /// Requests pages while there is room, and takes in every page that has arrived.
    fn drive(&mut self, cx: &mut Context<'_>) {
        loop {
            while !self.finished && self.occupied() < self.concurrency && self.within(self.next) {
                let n = self.next;
                let offset = self.first_offset + n * self.page_size;
                let page = (self.fetch)(offset);
                self.in_flight
                    .push(Box::pin(async move { (n, page.await) }));
                self.next += 1;
            }
            match self.in_flight.poll_next_unpin(cx) {
                Poll::Ready(Some((n, page))) => self.arrived(n, page),
                Poll::Ready(None) | Poll::Pending => return,
            }
        }
    }

    /// Keeps page `n`, unless it comes after the last page.
    fn arrived(&mut self, n: usize, page: PageResult<I>) {
        if let Ok(items) = &page
            && items.len() < self.page_size
            && self.within(n)
        {
            self.last = Some(n);
            self.ready.retain(|&k, _| k <= n);
        }
        if self.within(n) {
            self.ready.insert(n, page);
        }
    }

    /// Ends the stream: whatever is in flight is dropped (its requests cancelled).
    fn finish(&mut self) {
        self.finished = true;
        self.in_flight = FuturesUnordered::new();
        self.ready.clear();
        self.current = Vec::new().into_iter();
        self.holding = false;
    }

    /// The next item, in page order.
    pub(super) fn poll_next(&mut self, cx: &mut Context<'_>) -> Poll<Option<Result<I, Error>>> {
        if self.finished {
            return Poll::Ready(None);
        }
        // Keep the requests moving even while a page is being handed out.
        self.drive(cx);
        loop {
            if let Some(item) = self.current.next() {
                return Poll::Ready(Some(item));
            }
            if self.holding {
                // The page is handed out: it gives back its slot.
                self.holding = false;
                self.current = Vec::new().into_iter();
                self.drive(cx);
            }
            if !self.within(self.head) {
                self.finish();
                return Poll::Ready(None);
            }
            match self.ready.remove(&self.head) {
                Some(Ok(items)) => {
                    self.head += 1;
                    self.counts.pages += 1;
                    self.counts.records += items.len();
                    self.counts.failed += items.iter().filter(|i| i.is_err()).count();
                    self.counts.in_flight = self.in_flight.len();
                    if let Some(progress) = self.progress.as_mut() {
                        progress(&self.counts);
                    }
                    self.current = items.into_iter();
                    self.holding = true;
                }
                Some(Err(e)) => {
                    self.finish();
                    return Poll::Ready(Some(Err(e)));
                }
                None if self.in_flight.is_empty() => {
                    // Pages are requested in order, so the next page to hand out is always
                    // in flight or ready; nothing left means nothing more to read.
                    self.finish();
                    return Poll::Ready(None);
                }
                None => {
                    self.drive(cx);
                    if !self.ready.contains_key(&self.head) && self.within(self.head) {
                        return Poll::Pending;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use futures_util::stream::{self, Stream};

    use super::*;

    /// What a fake endpoint saw: the offsets asked for, in order, and the most requests
    /// open at once.
    #[derive(Default)]
    struct Log {
        asked: Vec<usize>,
        open: usize,
        most_open: usize,
    }

    /// A fake endpoint over `total` items (`0..total`): page requests take a time that
    /// decreases with the offset (later pages arrive first), and the page at `fail_at`
    /// fails.
    fn endpoint(
        total: usize,
        page_size: usize,
        fail_at: Option<usize>,
    ) -> (Arc<Mutex<Log>>, Fetch<usize>) {
        endpoint_timed(total, page_size, fail_at, |page| {
            100u64.saturating_sub(page as u64 * 7)
        })
    }

    /// The same, with each page taking `delay_ms(page number)`.
    fn endpoint_timed(
        total: usize,
        page_size: usize,
        fail_at: Option<usize>,
        delay_ms: fn(usize) -> u64,
    ) -> (Arc<Mutex<Log>>, Fetch<usize>) {
        let log = Arc::new(Mutex::new(Log::default()));
        let seen = Arc::clone(&log);
        let fetch: Fetch<usize> = Box::new(move |offset| {
            let log = Arc::clone(&seen);
            {
                let mut l = log.lock().unwrap();
                l.asked.push(offset);
                l.open += 1;
                l.most_open = l.most_open.max(l.open);
            }
            Box::pin(async move {
                let delay = delay_ms(offset / page_size);
                tokio::time::sleep(Duration::from_millis(delay)).await;
                log.lock().unwrap().open -= 1;
                if Some(offset) == fail_at {
                    return Err(Error::Config(format!("page at {offset} failed")));
                }
                let end = total.min(offset + page_size);
                Ok((offset.min(end)..end).map(Ok).collect())
            })
        });
        (log, fetch)
    }

    fn pager_stream(pager: Pager<usize>) -> impl Stream<Item = Result<usize, Error>> {
        stream::unfold(pager, |mut p| async move {
            let item = std::future::poll_fn(|cx| p.poll_next(cx)).await;
            item.map(|i| (i, p))
        })
    }

    async fn collect(pager: Pager<usize>) -> Vec<Result<usize, Error>> {
        pager_stream(pager).collect().await
    }

    #[tokio::test(start_paused = true)]
    async fn items_come_in_order_and_every_one_once() {
        for (total, size, n) in [(1200, 500, 4), (1000, 100, 3), (999, 100, 8), (7, 10, 2)] {
            let (log, fetch) = endpoint(total, size, None);
            let got: Vec<usize> = collect(Pager::new(fetch, size, 0, n, None))
                .await
                .into_iter()
                .map(Result::unwrap)
                .collect();
            assert_eq!(got, (0..total).collect::<Vec<_>>(), "{total} by {size}");
            let log = log.lock().unwrap();
            assert!(
                log.most_open <= n,
                "{} open with {n} allowed",
                log.most_open
            );
            // Past the last page, at most the speculative pages in flight were asked for.
            let pages = total / size + 1;
            assert!(log.asked.len() < pages + n, "{:?}", log.asked);
        }
    }

    #[tokio::test(start_paused = true)]
    async fn one_page_at_a_time_is_sequential_paging() {
        let (log, fetch) = endpoint(1200, 500, None);
        let got = collect(Pager::new(fetch, 500, 100, 1, None)).await;
        assert_eq!(got.len(), 1100);
        let log = log.lock().unwrap();
        assert_eq!(log.asked, [100, 600, 1100]);
        assert_eq!(log.most_open, 1);
    }

    #[tokio::test(start_paused = true)]
    async fn nothing_is_requested_until_polled() {
        let (log, fetch) = endpoint(10, 5, None);
        let pager = Pager::new(fetch, 5, 0, 4, None);
        tokio::time::sleep(Duration::from_secs(1)).await;
        assert!(log.lock().unwrap().asked.is_empty());
        drop(pager);
    }

    #[tokio::test(start_paused = true)]
    async fn a_failed_page_is_yielded_in_its_turn_and_ends_the_stream() {
        let (_, fetch) = endpoint(1000, 100, Some(300));
        let got = collect(Pager::new(fetch, 100, 0, 4, None)).await;
        assert_eq!(got.len(), 301);
        assert!(got[..300].iter().all(Result::is_ok));
        assert!(matches!(&got[300], Err(Error::Config(m)) if m.contains("at 300")));
    }

    #[tokio::test(start_paused = true)]
    async fn a_failure_past_the_last_page_does_not_count() {
        // Items 0..250: the page at 300 is past the end; its failure is dropped unread.
        let (_, fetch) = endpoint(250, 100, Some(300));
        let got = collect(Pager::new(fetch, 100, 0, 6, None)).await;
        assert_eq!(got.len(), 250);
        assert!(got.iter().all(Result::is_ok));
    }

    #[tokio::test(start_paused = true)]
    async fn progress_counts_pages_and_records_in_order() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&seen);
        let (_, fetch) = endpoint(1200, 500, None);
        let progress: ProgressFn =
            Box::new(move |p| log.lock().unwrap().push((p.pages, p.records)));
        let got = collect(Pager::new(fetch, 500, 0, 3, Some(progress))).await;
        assert_eq!(got.len(), 1200);
        assert_eq!(*seen.lock().unwrap(), [(1, 500), (2, 1000), (3, 1200)]);
    }

    #[tokio::test(start_paused = true)]
    async fn dropping_the_stream_drops_the_requests_in_flight() {
        // Pages arrive in order, so the first item comes while the others are in flight.
        let (log, fetch) = endpoint_timed(100_000, 100, None, |page| 100 + page as u64 * 7);
        let mut s = Box::pin(pager_stream(Pager::new(fetch, 100, 0, 5, None)));
        assert_eq!(s.next().await.unwrap().unwrap(), 0);
        assert_eq!(log.lock().unwrap().asked.len(), 5);
        drop(s);
        tokio::time::sleep(Duration::from_secs(5)).await;
        let log = log.lock().unwrap();
        assert_eq!(log.asked.len(), 5, "no request after the drop");
        // Four requests were still open; dropped, they never finished.
        assert_eq!(log.open, 4);
    }
}

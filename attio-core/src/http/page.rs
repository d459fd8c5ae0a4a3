//! Paging: one `Stream` over the items of a list endpoint, page after page, for the three
//! ways Attio pages (attio-api-more.md §2.1):
//!
//! | style | endpoints | where the position goes | the last page |
//! |---|---|---|---|
//! | [`Style::BodyOffset`] | records and entries queries | `limit`/`offset` in the POST body | a short or empty one |
//! | [`Style::QueryOffset`] | notes, tasks, threads, webhooks | `limit`/`offset` query parameters | a short or empty one |
//! | [`Style::Cursor`] | meetings, call recordings, files, views | `limit`/`cursor` query parameters | the one whose `next_cursor` is null |

use std::future::Future;
use std::sync::Arc;

use futures_util::stream::{self, Stream, TryStreamExt};

use super::client::Client;
use super::request::Request;
use crate::error::Error;

/// How an endpoint pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Style {
    /// `limit` and `offset` in a POST body.
    BodyOffset,
    /// `limit` and `offset` in the query string.
    QueryOffset,
    /// `limit` and `cursor` in the query string; the answer's `pagination.next_cursor`
    /// is the next page's cursor.
    Cursor,
}

/// Where a page starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum At {
    /// After this many items.
    Offset(usize),
    /// At this cursor; `None` for the first page.
    Cursor(Option<String>),
}

/// One page, as read from an answer.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Page<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// For cursor paging: the next page's cursor, `None` after the last page.
    pub next_cursor: Option<String>,
}

impl<T> Page<T> {
    /// A page of an offset-paged endpoint.
    pub(crate) fn of(items: Vec<T>) -> Self {
        Page {
            items,
            next_cursor: None,
        }
    }
}

/// An endpoint's paging: its style and page size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Paging {
    style: Style,
    limit: usize,
}

impl Paging {
    /// Offset paging in a POST body, `limit` items a page (at least 1).
    pub(crate) fn body_offset(limit: usize) -> Self {
        Paging {
            style: Style::BodyOffset,
            limit: limit.max(1),
        }
    }

    /// Offset paging in the query string, `limit` items a page, within `1..=max` (the
    /// endpoint's largest page: 50 for notes and threads, 100 for webhooks).
    pub(crate) fn query_offset(limit: usize, max: usize) -> Self {
        Paging {
            style: Style::QueryOffset,
            limit: limit.clamp(1, max.max(1)),
        }
    }

    /// Cursor paging, `limit` items a page, within `1..=max`.
    #[cfg_attr(
        not(test),
        expect(dead_code, reason = "for the meetings and files areas")
    )]
    pub(crate) fn cursor(limit: usize, max: usize) -> Self {
        Paging {
            style: Style::Cursor,
            limit: limit.clamp(1, max.max(1)),
        }
    }

    /// The first page: after `offset` items, or the first cursor page.
    pub(crate) fn first(self, offset: usize) -> At {
        match self.style {
            Style::BodyOffset | Style::QueryOffset => At::Offset(offset),
            Style::Cursor => At::Cursor(None),
        }
    }

    /// The stop rule: where the page after `page` (read at `at`) starts, or `None` when
    /// `page` was the last. Offset pages end at a short or empty page; cursor pages end
    /// when the next cursor is null, however short the page (short and even empty pages
    /// occur mid-stream).
    pub(crate) fn next<T>(self, at: &At, page: &Page<T>) -> Option<At> {
        match (self.style, at) {
            (Style::Cursor, _) => page.next_cursor.clone().map(|c| At::Cursor(Some(c))),
            (_, At::Offset(offset)) => {
                (page.items.len() >= self.limit).then(|| At::Offset(offset + page.items.len()))
            }
            (_, At::Cursor(_)) => None,
        }
    }

    /// The request of the page at `at`: `base` with `limit` and `offset` (or `cursor`)
    /// query parameters; for body-offset paging, `base` with the body `body(limit, offset)`.
    pub(crate) fn request(self, base: &Request, at: &At, body: Option<&BodyFn>) -> Request {
        let mut request = base.clone();
        match (self.style, at) {
            (Style::BodyOffset, At::Offset(offset)) => {
                if let Some(body) = body {
                    request = request.body(body(self.limit, *offset));
                }
            }
            (_, At::Offset(offset)) => {
                request = request
                    .query("limit", self.limit.to_string())
                    .query("offset", offset.to_string());
            }
            (_, At::Cursor(cursor)) => {
                request = request.query("limit", self.limit.to_string());
                if let Some(cursor) = cursor {
                    request = request.query("cursor", cursor.clone());
                }
            }
        }
        request
    }
}

/// Writes the body of the page of `limit` items at `offset`.
pub(crate) type BodyFn = dyn Fn(usize, usize) -> Vec<u8> + Send + Sync;

/// A list endpoint, as the pager asks it for pages.
pub(crate) struct Endpoint<T> {
    /// The request of every page, before its position is added.
    pub base: Request,
    /// For body-offset paging: the body of each page.
    pub body: Option<Box<BodyFn>>,
    /// Reads a page from an answer's body.
    pub decode: fn(&[u8]) -> Result<Page<T>, Error>,
}

/// Every item of every page, fetched lazily as the stream is polled: `fetch` reads the page
/// at a position, `paging` says where the next one starts and when to stop. An error ends
/// the stream after being yielded.
pub(crate) fn items<T, F, Fut>(
    paging: Paging,
    start: At,
    fetch: F,
) -> impl Stream<Item = Result<T, Error>>
where
    F: FnMut(At) -> Fut,
    Fut: Future<Output = Result<Page<T>, Error>>,
{
    stream::try_unfold((Some(start), fetch), move |(at, mut fetch)| async move {
        let Some(at) = at else {
            return Ok::<_, Error>(None);
        };
        let page = fetch(at.clone()).await?;
        let next = paging.next(&at, &page);
        let items = stream::iter(page.items.into_iter().map(Ok::<T, Error>));
        Ok(Some((items, (next, fetch))))
    })
    .try_flatten()
}

/// Reads a cursor-paged answer of a serde model,
/// `{"data":[…],"pagination":{"next_cursor":…}}`; `resource` names it in errors.
#[cfg_attr(
    not(test),
    expect(dead_code, reason = "for the meetings and files areas")
)]
pub(crate) fn decode_cursor_page<T: serde::de::DeserializeOwned>(
    bytes: &[u8],
    resource: &'static str,
) -> Result<Page<T>, Error> {
    #[derive(serde::Deserialize)]
    struct Body<T> {
        data: Vec<T>,
        #[serde(default)]
        pagination: Option<Pagination>,
    }
    #[derive(serde::Deserialize)]
    struct Pagination {
        next_cursor: Option<String>,
    }
    let body: Body<T> = crate::json::decode_serde(bytes, resource)?;
    Ok(Page {
        items: body.data,
        next_cursor: body.pagination.and_then(|p| p.next_cursor),
    })
}

impl Client {
    /// Every item of `endpoint`, from `start`, page after page.
    pub(crate) fn pages<T: Send + 'static>(
        &self,
        paging: Paging,
        start: At,
        endpoint: Endpoint<T>,
    ) -> impl Stream<Item = Result<T, Error>> + Send + use<T> {
        let client = self.clone();
        let endpoint = Arc::new(endpoint);
        items(paging, start, move |at| {
            let client = client.clone();
            let endpoint = Arc::clone(&endpoint);
            async move {
                let request = paging.request(&endpoint.base, &at, endpoint.body.as_deref());
                client.call(&request, endpoint.decode).await
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use futures_util::StreamExt;

    use super::*;
    use crate::http::request::Safety;

    /// Where a fake endpoint was asked for pages.
    type Asked = Arc<Mutex<Vec<At>>>;

    /// A fake endpoint's answer.
    type Served = std::future::Ready<Result<Page<u32>, Error>>;

    /// A fake endpoint: serves `pages` in order and records where each was asked for.
    fn fake(pages: Vec<Page<u32>>) -> (Asked, impl FnMut(At) -> Served) {
        let asked = Arc::new(Mutex::new(Vec::new()));
        let log = Arc::clone(&asked);
        let mut pages = pages.into_iter();
        let fetch = move |at: At| {
            log.lock().unwrap().push(at);
            std::future::ready(
                pages
                    .next()
                    .ok_or_else(|| Error::Config("asked for a page past the last".into())),
            )
        };
        (asked, fetch)
    }

    fn page(from: u32, len: u32) -> Page<u32> {
        Page::of((from..from + len).collect())
    }

    fn cursor_page(from: u32, len: u32, next: Option<&str>) -> Page<u32> {
        Page {
            items: (from..from + len).collect(),
            next_cursor: next.map(str::to_owned),
        }
    }

    async fn collect(s: impl Stream<Item = Result<u32, Error>>) -> Vec<u32> {
        s.map(|r| r.expect("no error")).collect().await
    }

    #[tokio::test]
    async fn offset_paging_stops_at_a_short_page() {
        for paging in [Paging::body_offset(3), Paging::query_offset(3, 50)] {
            let (asked, fetch) = fake(vec![page(0, 3), page(3, 3), page(6, 1)]);
            let got = collect(items(paging, paging.first(10), fetch)).await;
            assert_eq!(got, (0..7).collect::<Vec<_>>());
            assert_eq!(
                *asked.lock().unwrap(),
                [At::Offset(10), At::Offset(13), At::Offset(16)]
            );
        }
    }

    #[tokio::test]
    async fn offset_paging_stops_at_an_empty_page() {
        let paging = Paging::query_offset(2, 50);
        let (asked, fetch) = fake(vec![page(0, 2), page(2, 2), page(4, 0)]);
        let got = collect(items(paging, paging.first(0), fetch)).await;
        assert_eq!(got, [0, 1, 2, 3]);
        assert_eq!(asked.lock().unwrap().len(), 3);
    }

    #[tokio::test]
    async fn cursor_paging_goes_on_through_short_pages_until_the_cursor_is_null() {
        let paging = Paging::cursor(3, 200);
        let (asked, fetch) = fake(vec![
            cursor_page(0, 3, Some("a")),
            cursor_page(3, 0, Some("b")),
            cursor_page(3, 1, Some("c")),
            cursor_page(4, 3, None),
        ]);
        let got = collect(items(paging, paging.first(0), fetch)).await;
        assert_eq!(got, (0..7).collect::<Vec<_>>());
        assert_eq!(
            *asked.lock().unwrap(),
            [
                At::Cursor(None),
                At::Cursor(Some("a".into())),
                At::Cursor(Some("b".into())),
                At::Cursor(Some("c".into())),
            ]
        );
    }

    #[tokio::test]
    async fn an_error_ends_the_stream_after_being_yielded() {
        let paging = Paging::body_offset(2);
        let (asked, fetch) = fake(vec![page(0, 2)]);
        let got: Vec<_> = items(paging, paging.first(0), fetch).collect().await;
        assert_eq!(got.len(), 3);
        assert!(got[..2].iter().all(Result::is_ok));
        assert!(matches!(got[2], Err(Error::Config(_))));
        assert_eq!(asked.lock().unwrap().len(), 2);
    }

    #[test]
    fn cursor_pages_are_read_with_their_next_cursor() {
        let page: Page<u32> =
            decode_cursor_page(br#"{"data":[1,2],"pagination":{"next_cursor":"x"}}"#, "n").unwrap();
        assert_eq!(page, cursor_page(1, 2, Some("x")));
        let last: Page<u32> =
            decode_cursor_page(br#"{"data":[],"pagination":{"next_cursor":null}}"#, "n").unwrap();
        assert_eq!(last, cursor_page(0, 0, None));
        let err = decode_cursor_page::<u32>(br#"{"data":[1,"2"]}"#, "meeting").unwrap_err();
        assert_eq!(err.as_decode().unwrap().path, "data[1]");
    }

    #[test]
    fn page_sizes_are_kept_within_the_endpoint_limits() {
        assert_eq!(Paging::body_offset(0).limit, 1);
        assert_eq!(Paging::query_offset(500, 50).limit, 50);
        assert_eq!(Paging::query_offset(0, 100).limit, 1);
        assert_eq!(Paging::cursor(1000, 200).limit, 200);
    }

    #[test]
    fn each_style_puts_the_position_where_its_endpoint_reads_it() {
        let base = Request::get("/v2/notes".into()).query("parent_object", "people");
        let q = Paging::query_offset(50, 50);
        assert_eq!(
            q.request(&base, &At::Offset(100), None).describe(),
            "GET /v2/notes?parent_object=people&limit=50&offset=100"
        );
        let c = Paging::cursor(50, 200);
        let meetings = Request::get("/v2/meetings".into());
        assert_eq!(
            c.request(&meetings, &At::Cursor(None), None).describe(),
            "GET /v2/meetings?limit=50"
        );
        assert_eq!(
            c.request(&meetings, &At::Cursor(Some("abc".into())), None)
                .describe(),
            "GET /v2/meetings?limit=50&cursor=abc"
        );
        let b = Paging::body_offset(500);
        let query = Request::new(
            reqwest::Method::POST,
            "/v2/objects/people/records/query".into(),
            Safety::Read,
        );
        let body = |limit: usize, offset: usize| format!("{limit}/{offset}").into_bytes();
        let r = b.request(&query, &At::Offset(1000), Some(&body));
        assert_eq!(r.describe(), "POST /v2/objects/people/records/query");
        assert_eq!(r.body.as_deref(), Some(&b"500/1000"[..]));
    }
}

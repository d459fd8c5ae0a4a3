//! Bulk entry writes: many one-entry requests on the shared bulk runner, results in input
//! order.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;

use super::requests;
use crate::api::bulk::{self, Progress, ProgressFn};
use crate::entry::{AttioEntry, Entry};
use crate::error::Error;
use crate::http::client::Client;

/// How one entry of a bulk call is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// `POST`: a new entry.
    Create,
    /// `PUT` by parent: the parent's entry, created or updated.
    Assert,
}

/// A bulk entry write, made by [`Entries::create_many`](super::Entries::create_many) or
/// [`Entries::assert_many`](super::Entries::assert_many); `.await` it to run it.
///
/// Attio has no bulk endpoint, so every entry is its own request. Up to
/// [`concurrency`](EntryBulk::concurrency) requests are in flight at once (by default as for
/// [`Bulk::concurrency`](crate::Bulk::concurrency): 13 at 25 writes/s), all
/// paced by the client's write budget and retried by its policy like the single-entry
/// calls (a create after a lost response is not resent: it could add a second entry). The
/// output has exactly one `Result` per input entry, in input order; an entry that fails
/// does not stop the others.
///
/// ```no_run
/// # use attio_core::{AttioEntry, AttioRecord, Client, RecordRef};
/// # use attio_core::values::Status;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "companies")]
/// # struct Company { name: Option<String> }
/// # #[derive(AttioEntry)]
/// # #[attio(list = "sales")]
/// # struct Deal { stage: Option<Status> }
/// # async fn run(client: Client, companies: Vec<uuid::Uuid>) {
/// let deals = companies
///     .into_iter()
///     .map(|id| (RecordRef::<Company>::new(id), Deal { stage: Some(Status::by_title("Lead")) }));
/// let results = client
///     .entries::<Deal>()
///     .create_many(deals)
///     .on_progress(|p| eprintln!("{}/{}", p.done, p.total))
///     .await;
/// # let _ = results;
/// # }
/// ```
#[must_use = "a bulk call does nothing until it is awaited"]
pub struct EntryBulk<E> {
    client: Client,
    mode: Mode,
    /// Each entry's body, or why it could not be written.
    bodies: Vec<Result<Vec<u8>, Error>>,
    concurrency: usize,
    progress: Option<ProgressFn>,
    _model: PhantomData<fn() -> E>,
}

impl<E: AttioEntry> fmt::Debug for EntryBulk<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EntryBulk")
            .field("list", &E::LIST)
            .field("mode", &self.mode)
            .field("entries", &self.bodies.len())
            .field("concurrency", &self.concurrency)
            .finish()
    }
}

impl<E: AttioEntry> EntryBulk<E> {
    pub(super) fn new(client: Client, mode: Mode, bodies: Vec<Result<Vec<u8>, Error>>) -> Self {
        EntryBulk {
            concurrency: bulk::default_concurrency(client.rate_limits()),
            client,
            mode,
            bodies,
            progress: None,
            _model: PhantomData,
        }
    }

    /// How many requests may be in flight at once (at least 1). The write budget still
    /// applies. The default is that of [`Bulk::concurrency`](crate::Bulk::concurrency):
    /// `writes_per_second × 0.5` within 8 to 32, 13 at Attio's 25 writes/s.
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// Calls `f` after each entry finishes, with the counts so far.
    pub fn on_progress(mut self, f: impl FnMut(&Progress) + Send + 'static) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    /// How many entries the call holds.
    pub fn len(&self) -> usize {
        self.bodies.len()
    }

    /// Whether the call holds no entry.
    pub fn is_empty(&self) -> bool {
        self.bodies.is_empty()
    }

    async fn run(self) -> Vec<Result<Entry<E>, Error>> {
        let EntryBulk {
            client,
            mode,
            bodies,
            concurrency,
            progress,
            ..
        } = self;
        let client = &client;
        bulk::run_ordered(bodies, concurrency, progress, |body| async move {
            let request = match mode {
                Mode::Create => requests::create_request::<E>(body?),
                Mode::Assert => requests::assert_request::<E>(body?),
            };
            client
                .call(&request, |body| requests::decode_written::<E>(body, None))
                .await
        })
        .await
    }
}

impl<E: AttioEntry + Send + 'static> IntoFuture for EntryBulk<E> {
    type Output = Vec<Result<Entry<E>, Error>>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.run())
    }
}

//! Bulk writes: many one-record requests, a bounded number at a time, results in input order.

use std::fmt;
use std::future::{Future, IntoFuture};
use std::marker::PhantomData;
use std::pin::Pin;

use reqwest::Method;
use uuid::Uuid;

use super::{recover, requests};
use crate::api::bulk::{self, Progress, ProgressFn};
use crate::error::Error;
use crate::http::client::Client;
use crate::record::{AttioRecord, AttioUpdate, Record};

/// One record's work.
pub(crate) enum Job<T: AttioRecord, U> {
    Create(T),
    Update(Uuid, U),
    Assert(T, &'static str),
}

/// A bulk write, made by [`Client::create_many`], [`Client::update_many`] or
/// [`Client::assert_many`]; `.await` it to run it.
///
/// Attio has no bulk endpoint, so every record is its own request. Up to
/// [`concurrency`](Bulk::concurrency) requests are in flight at once (by default enough to
/// keep the write budget busy at a 500 ms round trip: 13 at 25 writes/s), all paced
/// by the client's write budget and retried by its policy like the single-record calls: a
/// record is never dropped and, when the model has a unique attribute, never created twice.
///
/// The output has exactly one `Result` per input record, in input order; a record that
/// fails does not stop the others. A record that was stored but whose response the model
/// cannot decode is its [`Error::StoredButUnreadable`](crate::Error::StoredButUnreadable),
/// with its record id: do not send it again.
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client};
/// # use attio_core::values::EmailAddress;
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { #[attio(unique)] email_addresses: Vec<EmailAddress> }
/// # async fn run(client: Client, people: Vec<Person>) {
/// let results = client
///     .create_many(people)
///     .concurrency(8)
///     .on_progress(|p| {
///         if p.done % 100 == 0 {
///             eprintln!("{}/{}", p.done, p.total);
///         }
///     })
///     .await;
/// for (i, r) in results.iter().enumerate() {
///     if let Err(e) = r {
///         eprintln!("record {i}: {e}");
///     }
/// }
/// # }
/// ```
#[must_use = "a bulk call does nothing until it is awaited"]
pub struct Bulk<T: AttioRecord, U = <T as AttioRecord>::Update> {
    client: Client,
    jobs: Vec<Job<T, U>>,
    concurrency: usize,
    progress: Option<ProgressFn>,
    _model: PhantomData<fn() -> T>,
}

impl<T: AttioRecord, U> fmt::Debug for Bulk<T, U> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Bulk")
            .field("object", &T::OBJECT)
            .field("records", &self.jobs.len())
            .field("concurrency", &self.concurrency)
            .finish()
    }
}

impl<T: AttioRecord, U> Bulk<T, U> {
    pub(crate) fn new(client: Client, jobs: Vec<Job<T, U>>) -> Self {
        Bulk {
            concurrency: bulk::default_concurrency(client.rate_limits()),
            client,
            jobs,
            progress: None,
            _model: PhantomData,
        }
    }

    /// How many requests may be in flight at once (at least 1). The write budget still
    /// applies: more concurrency only helps while requests are slower than the budget's
    /// spacing, since a call sends at most `concurrency ÷ round trip` requests a second.
    ///
    /// The default keeps the budget busy at a round trip of up to 500 ms:
    /// `writes_per_second × 0.5`, within 8 to 32, so 13 at Attio's 25 writes/s (8 when the
    /// client has no budget).
    pub fn concurrency(mut self, n: usize) -> Self {
        self.concurrency = n.max(1);
        self
    }

    /// Calls `f` after each record finishes, with the counts so far.
    pub fn on_progress(mut self, f: impl FnMut(&Progress) + Send + 'static) -> Self {
        self.progress = Some(Box::new(f));
        self
    }

    /// How many records the call holds.
    pub fn len(&self) -> usize {
        self.jobs.len()
    }

    /// Whether the call holds no record.
    pub fn is_empty(&self) -> bool {
        self.jobs.is_empty()
    }
}

impl<T, U> Bulk<T, U>
where
    T: AttioRecord + Send + 'static,
    U: AttioUpdate<Record = T> + Send + 'static,
{
    async fn run(self) -> Vec<Result<Record<T>, Error>> {
        let Bulk {
            client,
            jobs,
            concurrency,
            progress,
            ..
        } = self;
        let client = &client;
        bulk::run_ordered(jobs, concurrency, progress, |job| run_job(client, job)).await
    }
}

async fn run_job<T: AttioRecord, U: AttioUpdate<Record = T>>(
    client: &Client,
    job: Job<T, U>,
) -> Result<Record<T>, Error> {
    match job {
        Job::Create(record) => recover::create(client, requests::encode_create(&record)?).await,
        Job::Assert(record, slug) => {
            let (request, written) =
                requests::assert_of::<T>(requests::encode_create(&record)?, slug)?;
            requests::send_write(client, request, &written, None).await
        }
        Job::Update(id, update) => {
            let write = requests::encode_update(&update)?;
            let request = requests::update_request::<T>(Method::PATCH, id, write.body);
            requests::send_write(client, request, &write.written, Some(id)).await
        }
    }
}

impl<T, U> IntoFuture for Bulk<T, U>
where
    T: AttioRecord + Send + 'static,
    U: AttioUpdate<Record = T> + Send + 'static,
{
    type Output = Vec<Result<Record<T>, Error>>;
    type IntoFuture = Pin<Box<dyn Future<Output = Self::Output> + Send>>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.run())
    }
}

//! The [`Client`] handle: the shared connection pool, settings and budgets behind an `Arc`.

use std::fmt;
use std::sync::Arc;

use reqwest::header::HeaderValue;

use super::pacing::{Pacer, RateLimits};
use super::retry::RetryPolicy;

/// An async client of Attio's REST API (v2).
///
/// Cheap to clone (an [`Arc`] inside) and safe to share between tasks: clones share one
/// connection pool and one pair of read/write budgets. The API key never appears in its
/// `Debug` output, in errors or in logs.
///
/// Records have flat calls on the client. Every call takes a model `T: AttioRecord`; the
/// object slug, the attribute slugs and the value types come from the derive, so a misspelt
/// attribute or a value of the wrong type does not compile.
///
/// | call | request |
/// |---|---|
/// | [`create`](Client::create) | `POST /v2/objects/{object}/records` |
/// | [`get`](Client::get) | `GET /v2/objects/{object}/records/{id}` |
/// | [`update`](Client::update) | `PATCH /v2/objects/{object}/records/{id}` (multiselects appended) |
/// | [`overwrite`](Client::overwrite) | `PUT /v2/objects/{object}/records/{id}` (multiselects replaced) |
/// | [`assert`](Client::assert) | `PUT /v2/objects/{object}/records?matching_attribute={slug}` |
/// | [`delete`](Client::delete) | `DELETE /v2/objects/{object}/records/{id}` |
/// | [`query`](Client::query) | `POST /v2/objects/{object}/records/query` |
/// | [`history`](Client::history) | `GET /v2/objects/{object}/records/{id}/attributes/{slug}/values?show_historic=true` |
/// | [`follow`](Client::follow) | a `get`, or a query on the target's unique attribute |
/// | [`create_many`](Client::create_many), [`update_many`](Client::update_many), [`assert_many`](Client::assert_many) | one request per record, concurrently |
///
/// The other areas of the API are reached through handles borrowed from the client:
///
/// | call | area |
/// |---|---|
/// | [`members`](Client::members) | workspace members ([`Members`](crate::api::Members)) |
/// | [`identify`](Client::identify) | the token itself: `GET /v2/self` |
/// | [`notes`](Client::notes) | notes on records ([`Notes`](crate::api::Notes)) |
/// | [`tasks`](Client::tasks) | tasks ([`Tasks`](crate::api::Tasks)) |
/// | [`threads`](Client::threads), [`comments`](Client::comments) | comment threads and comments ([`Threads`](crate::api::Threads), [`Comments`](crate::api::Comments)) |
/// | [`activities`](Client::activities) | a record's notes, tasks and threads, newest first |
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

/// What every clone of a client shares.
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) auth: HeaderValue,
    pub(crate) retry: RetryPolicy,
    pub(crate) rate_limits: Option<RateLimits>,
    pub(crate) pacer: Pacer,
}

impl Client {
    /// A client around its shared state.
    pub(crate) fn from_inner(inner: Inner) -> Self {
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The shared state.
    pub(crate) fn inner(&self) -> &Inner {
        &self.inner
    }

    /// The base URL requests go to, e.g. `https://api.attio.com`.
    pub fn base_url(&self) -> &str {
        &self.inner.base_url
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> RetryPolicy {
        self.inner.retry
    }

    /// The client-side budgets, `None` when pacing is off.
    pub fn rate_limits(&self) -> Option<RateLimits> {
        self.inner.rate_limits
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("api_key", &"<redacted>")
            .field("retry", &self.inner.retry)
            .field("rate_limits", &self.inner.rate_limits)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_is_send_sync_and_cheap_to_clone() {
        fn assert_send_sync<T: Send + Sync + Clone + 'static>() {}
        assert_send_sync::<Client>();
    }
}

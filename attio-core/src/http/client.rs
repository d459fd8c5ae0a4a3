//! The [`Client`] handle: the shared connection pool, settings and budgets behind an `Arc`.

use std::fmt;
use std::sync::Arc;

use reqwest::header::HeaderValue;

use super::pacing::{Pacer, RateLimits};
use super::retry::RetryPolicy;
use crate::error::Error;

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
/// | [`merge`](Client::merge) | `POST /v2/objects/{object}/records/merge`, then the merged record |
/// | [`search`](Client::search) | `POST /v2/objects/records/search`, across objects |
/// | [`request`](Client::request) | any endpoint, for those this version does not wrap |
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
///
/// A client for someone else's workspace comes from OAuth: see [`crate::oauth`]. Every API
/// error keeps Attio's id of the request ([`Error::request_id`]), for Attio's support.
///
/// # A tokio runtime
///
/// The client runs on [tokio](https://docs.rs/tokio): its calls must be awaited inside a
/// tokio runtime, of either flavour (current-thread or multi-thread). Awaited elsewhere
/// (another executor, or `futures::executor::block_on`) they panic with "there is no
/// reactor running". Building the client needs no runtime. From `main`:
///
/// ```no_run
/// #[tokio::main]
/// async fn main() -> Result<(), attio_core::Error> {
///     let client = attio_core::Client::from_env()?;
///     let me = client.identify().await?;
///     # let _ = me;
///     Ok(())
/// }
/// ```
///
/// From synchronous code, with a runtime of its own:
///
/// ```no_run
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
/// let client = attio_core::Client::from_env()?;
/// let me = runtime.block_on(client.identify())?;
/// # let _ = me;
/// # Ok(())
/// # }
/// ```
///
/// # What the client refuses to do
///
/// It follows no redirect (a 3xx is an [`Error::Config`] naming where it pointed; see
/// [`ClientBuilder::http_client`](crate::ClientBuilder::http_client) for a client of your
/// own), and it
/// takes the API key out of any text a server sends back before that text reaches an
/// error: a proxy that echoes the `Authorization` header puts `[redacted]` into the error,
/// not the key.
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

/// What every clone of a client shares.
pub(crate) struct Inner {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) auth: HeaderValue,
    /// The key in `auth`, to take it out of the text of errors.
    pub(crate) key: ApiKey,
    pub(crate) retry: RetryPolicy,
    pub(crate) rate_limits: Option<RateLimits>,
    pub(crate) pacer: Pacer,
    /// Set when `http` was given by the caller
    /// ([`ClientBuilder::http_client`](super::builder::ClientBuilder::http_client)): what
    /// each request sets on it.
    pub(crate) given_http: Option<GivenHttp>,
}

/// What the transport sets on each request of an HTTP client the caller built, since that
/// client's own defaults are not the builder's.
pub(crate) struct GivenHttp {
    /// The builder's timeout, per request.
    pub(crate) timeout: std::time::Duration,
    /// The builder's user agent, when one was set.
    pub(crate) user_agent: Option<HeaderValue>,
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

    /// `error` without the API key in any of its text (see [`Error::redact`]): for every
    /// error that carries what a server sent, an error body or a body that did not decode.
    pub(crate) fn redact(&self, error: Error) -> Error {
        error.redact(self.inner.key.expose())
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

/// The API key, kept to take it out of server-supplied text; never printed.
pub(crate) struct ApiKey(String);

impl ApiKey {
    /// The key, trimmed as it is sent.
    pub(crate) fn new(key: &str) -> Self {
        ApiKey(key.to_owned())
    }

    /// The key itself, for redacting it.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("base_url", &self.inner.base_url)
            .field("api_key", &"<redacted>")
            .field("retry", &self.inner.retry)
            .field("rate_limits", &self.inner.rate_limits)
            .field("given_http_client", &self.inner.given_http.is_some())
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

//! Building a [`Client`]: key, base URL, timeout, retries, pacing, user agent.

use std::fmt;
use std::time::Duration;

use reqwest::header::HeaderValue;
use reqwest::redirect;

use super::base_url;
use super::client::{ApiKey, Client, GivenHttp, Inner};
use super::pacing::{Pacer, RateLimits};
use super::retry::RetryPolicy;
use crate::error::Error;

/// Attio's API, the default base URL.
pub const DEFAULT_BASE_URL: &str = "https://api.attio.com";

const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

impl Client {
    /// A builder, to set the key, base URL, timeout, retries, pacing and user agent.
    ///
    /// ```
    /// let client = attio_core::Client::builder().api_key("my-key").build()?;
    /// # Ok::<(), attio_core::Error>(())
    /// ```
    pub fn builder() -> ClientBuilder {
        ClientBuilder::default()
    }

    /// A client configured from the environment: `ATTIO_API_KEY` (required) and
    /// `ATTIO_BASE_URL` (optional, default `https://api.attio.com`); everything else
    /// default.
    ///
    /// ```no_run
    /// let client = attio_core::Client::from_env()?;
    /// # Ok::<(), attio_core::Error>(())
    /// ```
    pub fn from_env() -> Result<Client, Error> {
        let key = std::env::var("ATTIO_API_KEY").map_err(|_| {
            Error::Config(
                "ATTIO_API_KEY is not set (or not valid UTF-8): set it to a workspace API key"
                    .into(),
            )
        })?;
        let mut builder = Client::builder().api_key(key);
        if let Ok(url) = std::env::var("ATTIO_BASE_URL")
            && !url.trim().is_empty()
        {
            builder = builder.base_url(url);
        }
        builder.build()
    }
}

/// Configures and builds a [`Client`]; made by [`Client::builder`].
///
/// Only the API key is required. Everything else has a default: Attio's base URL, a 30 s
/// timeout per request, [`RetryPolicy::default`], [`RateLimits::default`] (100 reads and 25
/// writes per second) and the user agent `attio-rs/<version>`.
///
/// ```
/// use std::time::Duration;
/// use attio_core::{Client, RateLimits, RetryPolicy};
///
/// let client = Client::builder()
///     .api_key("my-key")
///     .base_url("https://api.attio.com")
///     .timeout(Duration::from_secs(10))
///     .retry(RetryPolicy { max_attempts: 8, ..RetryPolicy::default() })
///     .rate_limits(RateLimits { reads_per_second: 50, writes_per_second: 10 })
///     .user_agent("my-sync/1.0")
///     .build()?;
/// assert_eq!(client.base_url(), "https://api.attio.com");
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Clone)]
#[must_use]
pub struct ClientBuilder {
    api_key: Option<String>,
    base_url: String,
    timeout: Duration,
    retry: RetryPolicy,
    rate_limits: Option<RateLimits>,
    user_agent: Option<String>,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientBuilder")
            .field("api_key", &self.api_key.as_ref().map(|_| "<redacted>"))
            .field(
                "base_url",
                &format_args!(
                    "{}",
                    base_url::shown_raw(&self.base_url, self.api_key.as_deref().unwrap_or(""))
                ),
            )
            .field("timeout", &self.timeout)
            .field("retry", &self.retry)
            .field("rate_limits", &self.rate_limits)
            .field("user_agent", &self.user_agent)
            .field("http_client", &self.http.is_some())
            .finish()
    }
}

impl Default for ClientBuilder {
    fn default() -> Self {
        ClientBuilder {
            api_key: None,
            base_url: DEFAULT_BASE_URL.to_owned(),
            timeout: DEFAULT_TIMEOUT,
            retry: RetryPolicy::default(),
            rate_limits: Some(RateLimits::default()),
            user_agent: None,
            http: None,
        }
    }
}

impl ClientBuilder {
    /// The workspace API key or OAuth access token, sent as `Authorization: Bearer …`.
    /// It never appears in `Debug` output, errors or logs.
    pub fn api_key(mut self, key: impl Into<String>) -> Self {
        self.api_key = Some(key.into());
        self
    }

    /// Where the API lives, default `https://api.attio.com`. Must be `https`, except on a
    /// loopback host (`localhost`, `127.0.0.0/8`, `::1`), where `http` is accepted for an
    /// emulator.
    ///
    /// Every request path starts with `/v2`, so one trailing `/v2` (and any trailing `/`) is
    /// dropped, and a path prefix is kept: `https://api.attio.com/v2/` is
    /// `https://api.attio.com`, and `https://proxy.example/attio/v2` sends
    /// `https://proxy.example/attio/v2/objects/…`. Refused at [`build`](Self::build): user
    /// info (`user:password@`; the key travels in a header), a query or fragment, and `/v2`
    /// anywhere but at the end of the path (`…/v2/v2`, `…/v2/objects`).
    ///
    /// The client follows no redirect: an answer 3xx is an [`Error::Config`] naming where
    /// it pointed, since following it would send the request, record data included, to
    /// another address. Give the address that answers.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = url.into();
        self
    }

    /// The longest a single request may take, connecting included (default 30 s). A request
    /// that times out counts as a lost response for the retry rules.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// How failed requests are retried.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// The client-side read and write budgets, shared by every clone of the client. Both
    /// must be at least 1 per second ([`build`](Self::build) refuses a 0, which would
    /// otherwise mean either "never send" or "unlimited"); to turn pacing off, say so with
    /// [`no_rate_limits`](Self::no_rate_limits).
    pub fn rate_limits(mut self, limits: RateLimits) -> Self {
        self.rate_limits = Some(limits);
        self
    }

    /// No client-side pacing: requests leave as fast as they are made (a 429 still holds
    /// back the requests of its kind until its `Retry-After`).
    pub fn no_rate_limits(mut self) -> Self {
        self.rate_limits = None;
        self
    }

    /// The `User-Agent` header, default `attio-rs/<version>`.
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.user_agent = Some(user_agent.into());
        self
    }

    /// Sends every request through this `reqwest::Client` instead of one the builder makes:
    /// for a proxy, custom root certificates, or a connection pool shared with the rest of
    /// the program. Pacing, retries, errors and the API key work as with the built-in client.
    ///
    /// **Build it with `redirect::Policy::none()`.** attio-rs follows no redirect (following
    /// one sends the request, record data included, to wherever the answer points), and
    /// reqwest cannot change the redirect policy of a client already built. The transport
    /// checks every answer: a 3xx is an [`Error::Config`] naming where it pointed, and an
    /// answer that comes from another URL than the one requested (the given client followed
    /// a redirect) is an [`Error::Config`] naming that URL and saying to turn redirects off.
    ///
    /// The builder's [`timeout`](Self::timeout) is set on each request (the given client's
    /// connect timeout, proxy and TLS settings are its own), and its
    /// [`user_agent`](Self::user_agent), when set, is sent on each request.
    ///
    /// ```
    /// use std::time::Duration;
    /// use attio_core::Client;
    ///
    /// let http = reqwest::Client::builder()
    ///     .redirect(reqwest::redirect::Policy::none())
    ///     // .proxy(reqwest::Proxy::https("http://proxy.internal:3128")?)
    ///     // .add_root_certificate(reqwest::Certificate::from_pem(&pem)?)
    ///     .connect_timeout(Duration::from_secs(5))
    ///     .build()?;
    /// let client = Client::builder().api_key("my-key").http_client(http).build()?;
    /// # let _ = client;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// Checks the configuration and builds the client.
    ///
    /// Fails with [`Error::Config`] when the key is missing or not a valid header value, the
    /// base URL is refused (see [`base_url`](Self::base_url)), a rate limit is 0, or the TLS
    /// stack cannot start. No such error repeats the key, or user info or a query of the
    /// base URL; a base URL that is not a URL is not repeated at all (it may be a key given
    /// in the wrong place).
    ///
    /// ```
    /// use attio_core::{Client, RateLimits};
    ///
    /// let err = Client::builder()
    ///     .api_key("my-key")
    ///     .rate_limits(RateLimits { reads_per_second: 0, writes_per_second: 0 })
    ///     .build()
    ///     .unwrap_err();
    /// assert!(err.to_string().contains("no_rate_limits"));
    /// let err = Client::builder()
    ///     .api_key("my-key")
    ///     .base_url("https://ada:secret@api.attio.com")
    ///     .build()
    ///     .unwrap_err();
    /// assert!(!err.to_string().contains("secret"));
    /// ```
    pub fn build(self) -> Result<Client, Error> {
        let key = self
            .api_key
            .filter(|k| !k.trim().is_empty())
            .ok_or_else(|| {
                Error::Config("no API key: set ATTIO_API_KEY or call `.api_key(..)`".into())
            })?;
        let mut auth = HeaderValue::from_str(&format!("Bearer {}", key.trim())).map_err(|_| {
            Error::Config(
                "the API key contains characters that cannot be sent in an HTTP header".into(),
            )
        })?;
        auth.set_sensitive(true);
        let key = ApiKey::new(key.trim());
        let base_url = base_url::check(&self.base_url, key.expose())?;
        if let Some(limits) = self.rate_limits
            && (limits.reads_per_second == 0 || limits.writes_per_second == 0)
        {
            return Err(Error::Config(format!(
                "rate limits of {} reads and {} writes per second: 0 is no budget at all (it would send nothing); give both at least 1, or call `.no_rate_limits()` to turn client-side pacing off",
                limits.reads_per_second, limits.writes_per_second
            )));
        }
        let (http, given_http) = match self.http {
            Some(http) => {
                let user_agent = match &self.user_agent {
                    Some(agent) => Some(HeaderValue::from_str(agent).map_err(|_| {
                        Error::Config(
                            "the user agent contains characters that cannot be sent in an HTTP header"
                                .into(),
                        )
                    })?),
                    None => None,
                };
                let given = GivenHttp {
                    timeout: self.timeout,
                    user_agent,
                };
                (http, Some(given))
            }
            None => {
                let user_agent = self
                    .user_agent
                    .unwrap_or_else(|| concat!("attio-rs/", env!("CARGO_PKG_VERSION")).to_owned());
                let http = reqwest::Client::builder()
                    .user_agent(user_agent)
                    .timeout(self.timeout)
                    .connect_timeout(CONNECT_TIMEOUT.min(self.timeout))
                    .redirect(redirect::Policy::none())
                    .build()
                    .map_err(|e| Error::Config(format!("cannot start the HTTP client: {e}")))?;
                (http, None)
            }
        };
        Ok(Client::from_inner(Inner {
            http,
            base_url,
            auth,
            key,
            retry: self.retry,
            rate_limits: self.rate_limits,
            pacer: Pacer::new(self.rate_limits),
            given_http,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_is_required_and_never_shown() {
        let err = ClientBuilder::default().build().unwrap_err();
        assert!(err.to_string().contains("ATTIO_API_KEY"), "{err}");
        let err = ClientBuilder::default().api_key("  ").build().unwrap_err();
        assert!(matches!(err, Error::Config(_)));
        let err = ClientBuilder::default()
            .api_key("bad\nkey")
            .build()
            .unwrap_err();
        assert!(!err.to_string().contains("bad"), "{err}");

        let secret = "sk_live_very_secret_value";
        let builder = ClientBuilder::default().api_key(secret);
        assert!(!format!("{builder:?}").contains(secret));
        let client = builder.build().unwrap();
        let shown = format!("{client:?} {:#?}", client);
        assert!(!shown.contains(secret), "{shown}");
        assert!(shown.contains("<redacted>"));
        let err = ClientBuilder::default()
            .api_key(secret)
            .base_url("http://example.com")
            .build()
            .unwrap_err();
        assert!(!err.to_string().contains(secret));
    }

    #[test]
    fn settings_are_kept() {
        let client = ClientBuilder::default()
            .api_key("k")
            .base_url("http://127.0.0.1:9/v2")
            .no_rate_limits()
            .retry(RetryPolicy::none())
            .build()
            .unwrap();
        assert_eq!(client.base_url(), "http://127.0.0.1:9");
        assert_eq!(client.rate_limits(), None);
        assert_eq!(client.retry_policy(), RetryPolicy::none());
    }
}

//! The escape hatch: any request to the API, for endpoints this version does not wrap, on
//! the same transport as the typed calls (budgets, retries, errors, the API key).

use std::borrow::Cow;

use bytes::Bytes;
use reqwest::Method;
use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, cut};
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::json;

impl Client {
    /// A request to any endpoint of the API, for those this version does not wrap yet:
    /// `path` is relative to the base URL and starts with `/v2/`.
    ///
    /// It goes through the same transport as the typed calls: paced against the shared read
    /// budget (`GET`, `HEAD`, `OPTIONS`) or write budget (every other method), retried by
    /// the same rules, answered with the same [`Error`] (an error body is an
    /// [`Error::Api`] naming the request, with Attio's request id). A 429 is always retried
    /// after its `Retry-After`; after a 5xx or a lost response the request is sent again
    /// only when its method is idempotent (`GET`, `HEAD`, `OPTIONS`, `PUT`, `DELETE`): a
    /// `POST` or `PATCH` whose outcome is unknown is not resent and its error is returned,
    /// unless [`RawRequest::idempotent`] or [`RawRequest::read`] says resending is safe.
    ///
    /// A path that is an absolute URL is accepted only under the client's base URL; any
    /// other host is an [`Error::Config`] when the request is sent (the API key would go
    /// there).
    ///
    /// ```no_run
    /// use attio_core::Method;
    /// # async fn run(client: attio_core::Client) -> Result<(), attio_core::Error> {
    /// #[derive(serde::Deserialize)]
    /// struct Views {
    ///     data: Vec<serde_json::Value>,
    /// }
    /// let views: Views = client
    ///     .request(Method::GET, "/v2/objects/people/views")
    ///     .query("limit", "50")
    ///     .send_json()
    ///     .await?;
    /// let bytes = client
    ///     .request(Method::POST, "/v2/objects/people/records/query")
    ///     .json(&serde_json::json!({ "limit": 1 }))
    ///     .read()
    ///     .send()
    ///     .await?;
    /// # let _ = (views.data, bytes);
    /// # Ok(())
    /// # }
    /// ```
    pub fn request(&self, method: Method, path: impl Into<String>) -> RawRequest<'_> {
        let safety = match method {
            Method::GET | Method::HEAD | Method::OPTIONS => Safety::Read,
            Method::PUT | Method::DELETE => Safety::IdempotentWrite,
            _ => Safety::Create,
        };
        RawRequest {
            client: self,
            method,
            path: path.into(),
            query: Vec::new(),
            body: Ok(None),
            safety,
        }
    }
}

/// A request to any endpoint, built by [`Client::request`]; nothing is sent until
/// [`send`](Self::send) or [`send_json`](Self::send_json).
#[must_use = "a request does nothing until it is sent"]
#[derive(Debug)]
pub struct RawRequest<'c> {
    client: &'c Client,
    method: Method,
    path: String,
    query: Vec<(Cow<'static, str>, String)>,
    /// The JSON body, or why it could not be encoded (reported by `send`).
    body: Result<Option<Bytes>, String>,
    safety: Safety,
}

impl RawRequest<'_> {
    /// Adds a query parameter (encoded when sent); call it once per parameter.
    pub fn query(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.query.push((Cow::Owned(key.into()), value.to_string()));
        self
    }

    /// Sets the body to `body` serialised as JSON (sent with `Content-Type:
    /// application/json`). Attio wraps most bodies in `{"data": …}`: include it. A value that
    /// cannot be serialised is an [`Error::InvalidValue`] when the request is sent.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Self {
        self.body = serde_json::to_vec(body)
            .map(|b| Some(Bytes::from(b)))
            .map_err(|e| e.to_string());
        self
    }

    /// Sets the body to these bytes, which must be JSON (sent with `Content-Type:
    /// application/json`).
    pub fn body_bytes(mut self, body: impl Into<Bytes>) -> Self {
        self.body = Ok(Some(body.into()));
        self
    }

    /// Declares the request idempotent: sent twice, it has the same effect as once, so it
    /// is sent again after a 5xx or a lost response (a `POST` or `PATCH` is not, by
    /// default). Still paced as a write.
    pub fn idempotent(mut self) -> Self {
        if self.safety == Safety::Create {
            self.safety = Safety::IdempotentWrite;
        }
        self
    }

    /// Declares the request a read, whatever its method: a `POST` that only reads (a query,
    /// a search) is paced against the read budget, as the typed queries are, and sent again
    /// after a 5xx or a lost response.
    pub fn read(mut self) -> Self {
        self.safety = Safety::Read;
        self
    }

    /// Sends the request and returns the body of the 2xx answer as it came (empty for a
    /// 204).
    pub async fn send(self) -> Result<Bytes, Error> {
        let client = self.client;
        let request = self.into_request()?;
        client
            .send(&request, &mut crate::http::send::Budget::new())
            .await
            .map(|reply| reply.body)
            .map_err(|failure| failure.into_error())
    }

    /// Sends the request and decodes the whole body of the 2xx answer into `T` (the body
    /// itself, so `T` includes Attio's `{"data": …}` wrapper). A body that does not decode
    /// is an [`Error::Decode`] with its JSON path; so is an empty one (a 204): use
    /// [`send`](Self::send) for those.
    pub async fn send_json<T: DeserializeOwned>(self) -> Result<T, Error> {
        let client = self.client;
        let body = self.send().await?;
        json::decode_serde::<T>(&body, "response").map_err(|e| client.redact(e))
    }

    /// The transport's request: the path checked, the body encoded.
    fn into_request(self) -> Result<Request, Error> {
        let path = relative_path(self.client.base_url(), &self.path)?;
        let mut request = Request::new(self.method, path, self.safety);
        request.query = self.query;
        match self.body {
            Ok(Some(body)) => request.body = Some(body),
            Ok(None) => {}
            Err(why) => {
                return Err(crate::error::ValueError::new(
                    "JSON body",
                    request.describe(),
                    format!("the body cannot be serialised as JSON: {why}"),
                )
                .into());
            }
        }
        Ok(request)
    }
}

/// The path under the base URL that `path` names: `path` itself when it starts with `/`,
/// the rest of an absolute URL under the base URL; anything else is a configuration error.
fn relative_path(base: &str, path: &str) -> Result<String, Error> {
    let path = path.trim();
    if path.starts_with('/') && !path.starts_with("//") {
        return Ok(path.to_owned());
    }
    if let Some(rest) = path.strip_prefix(base)
        && rest.starts_with('/')
    {
        return Ok(rest.to_owned());
    }
    let shown = cut(path.split(['?', '#']).next().unwrap_or_default().to_owned());
    let why = if reqwest::Url::parse(path).is_ok_and(|u| u.host_str().is_some())
        || path.starts_with("//")
    {
        format!(
            "the request path `{shown}` is a URL outside the client's base URL {base}: the API key would be sent there; give a path relative to the base URL, e.g. `/v2/objects`"
        )
    } else {
        format!(
            "the request path `{shown}` does not start with `/`: give a path relative to the base URL, e.g. `/v2/objects`"
        )
    };
    Err(Error::Config(why))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_under_the_base_url() {
        let base = "https://api.attio.com";
        assert_eq!(relative_path(base, "/v2/self").unwrap(), "/v2/self");
        assert_eq!(
            relative_path(base, "https://api.attio.com/v2/objects?x=1").unwrap(),
            "/v2/objects?x=1"
        );
        for bad in [
            "https://evil.example/v2/self",
            "https://api.attio.com.evil.example/v2/self",
            "//evil.example/v2/self",
            "v2/self",
            "http://api.attio.com/v2/self",
        ] {
            let err = relative_path(base, bad).unwrap_err();
            assert!(matches!(err, Error::Config(_)), "{bad}: {err}");
            assert!(
                err.to_string().contains("relative to the base URL"),
                "{err}"
            );
        }
        let err = relative_path(base, "https://evil.example/v2/self?k=secret").unwrap_err();
        assert!(
            err.to_string().contains("outside the client's base URL"),
            "{err}"
        );
        assert!(!err.to_string().contains("secret"), "{err}");
    }
}

//! A request before it is sent: method, path, query, body, and how safe it is to resend.

use std::borrow::Cow;

use bytes::Bytes;
use reqwest::Method;

/// How safe a request is to send again when an attempt's outcome is unknown (a 5xx, or a
/// response lost after the request may have arrived). It also picks the budget the request
/// is paced against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Safety {
    /// Reads (GETs, queries): paced as reads, always safe to resend.
    Read,
    /// Writes that have the same effect sent twice as once (an update, an assert, a
    /// delete): paced as writes, resent after a 5xx or a lost response.
    IdempotentWrite,
    /// Creates: sent twice, they may store twice. After a 5xx or a lost response the
    /// caller decides what to do (see [`super::send::Unsettled`]).
    Create,
}

impl Safety {
    /// Whether sending the request twice has the same effect as sending it once.
    pub(crate) fn is_idempotent(self) -> bool {
        !matches!(self, Safety::Create)
    }

    /// Whether the request reads (and is paced against the read budget).
    pub(crate) fn is_read(self) -> bool {
        matches!(self, Safety::Read)
    }
}

/// One API request, before it is sent.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    /// The HTTP method.
    pub method: Method,
    /// The path under the base URL, e.g. `/v2/objects/people/records`.
    pub path: String,
    /// Query parameters.
    pub query: Vec<(Cow<'static, str>, String)>,
    /// The JSON body; a cheap, reference-counted clone per attempt.
    pub body: Option<Bytes>,
    /// How safe it is to resend.
    pub safety: Safety,
    /// Whether the caller needs the server's clock (the `Date` header) of the answer.
    pub server_clock: bool,
}

impl Request {
    /// A request of `method` to `path`, without query or body.
    pub(crate) fn new(method: Method, path: String, safety: Safety) -> Self {
        Request {
            method,
            path,
            query: Vec::new(),
            body: None,
            safety,
            server_clock: false,
        }
    }

    /// `GET path`, a read.
    pub(crate) fn get(path: String) -> Self {
        Request::new(Method::GET, path, Safety::Read)
    }

    /// Adds a query parameter.
    pub(crate) fn query(
        mut self,
        key: impl Into<Cow<'static, str>>,
        value: impl Into<String>,
    ) -> Self {
        self.query.push((key.into(), value.into()));
        self
    }

    /// Sets the JSON body.
    pub(crate) fn body(mut self, body: Vec<u8>) -> Self {
        self.body = Some(Bytes::from(body));
        self
    }

    /// Asks for the server's clock of the answer ([`super::send::Reply::clock`]).
    pub(crate) fn with_server_clock(mut self) -> Self {
        self.server_clock = true;
        self
    }

    /// `METHOD /path?query`, as shown in errors and logs.
    pub(crate) fn describe(&self) -> String {
        let mut s = format!("{} {}", self.method, self.path);
        for (i, (k, v)) in self.query.iter().enumerate() {
            s.push(if i == 0 { '?' } else { '&' });
            s.push_str(k);
            s.push('=');
            s.push_str(v);
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_method_path_and_query() {
        let r = Request::new(
            Method::PUT,
            "/v2/objects/people/records".into(),
            Safety::IdempotentWrite,
        )
        .query("matching_attribute", "email_addresses")
        .query("x", "1");
        assert_eq!(
            r.describe(),
            "PUT /v2/objects/people/records?matching_attribute=email_addresses&x=1"
        );
        assert_eq!(Request::get("/v2/self".into()).describe(), "GET /v2/self");
    }

    #[test]
    fn only_creates_are_not_idempotent_and_only_reads_are_reads() {
        assert!(Safety::Read.is_idempotent() && Safety::Read.is_read());
        assert!(Safety::IdempotentWrite.is_idempotent() && !Safety::IdempotentWrite.is_read());
        assert!(!Safety::Create.is_idempotent() && !Safety::Create.is_read());
    }
}

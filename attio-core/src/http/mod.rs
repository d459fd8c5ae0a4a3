//! The transport, shared by every API area: a [`request::Request`] is a method, a path, a
//! query, a body and how safe it is to resend; [`send`] paces it, sends it, retries it as
//! [`retry::decide`] says and turns error bodies into errors ([`api_error`]). It knows
//! requests, not resources: what an area needs after a failure (the lookup of a lost
//! record create) is a step of that area around [`client::Client::send`].
//!
//! Layers, each importing only those below it: `pacing`, `retry`, `request`, `clock`,
//! `base_url` and `api_error` at the bottom; `client` (the shared state); `builder` and `send`; `page` on
//! top of `send`.

pub(crate) mod api_error;
pub(crate) mod base_url;
pub(crate) mod body;
pub(crate) mod builder;
pub(crate) mod client;
pub(crate) mod clock;
pub(crate) mod pacing;
pub(crate) mod page;
pub(crate) mod request;
pub(crate) mod retry;
pub(crate) mod send;

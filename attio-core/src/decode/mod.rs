//! Decoding straight from the response bytes, without an intermediate `serde_json::Value`:
//! the `{"data": …}` wrapper (`data`), record objects (`record`), list entry objects
//! (`entry`), value objects and value arrays (`value`), map keys borrowed from the input
//! (`key`), keys compared as bytes before any UTF-8 check (`raw_key`), and the
//! [`ctx::DecodeCtx`] in which an error leaves its JSON path as it unwinds (`ctx`). On the error path only: a list decoded record by record, so one bad record
//! hides no other (`list`), and the record id of a body whose values do not decode (`id`).
//!
//! Crate-private: [`crate::json`] and the [`crate::Client`] run it on whole bodies, and the
//! code `#[derive(AttioRecord)]` generates reaches the few items it names through
//! `crate::__private`.

pub(crate) mod ctx;
pub(crate) mod data;
pub(crate) mod entry;
pub(crate) mod id;
pub(crate) mod key;
pub(crate) mod list;
pub(crate) mod raw_key;
pub(crate) mod record;
pub(crate) mod value;

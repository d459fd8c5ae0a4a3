//! The areas of the API, one file each, on the shared transport.
//!
//! Records keep their flat calls on [`Client`](crate::Client) (`client.create(&person)`);
//! every other area is reached through a cheap handle borrowed from the client, such as
//! [`Members`] from [`Client::members`](crate::Client::members). A handle builds the area's
//! requests and decodes its models (in [`crate::models`]); sending, pacing and retries are
//! the transport's.

pub(crate) mod records;

mod activities;
mod bulk;
mod entries;
mod export;
mod lists;
mod members;
mod merge;
mod notes;
pub mod oauth;
mod objects;
mod options;
mod query_parts;
mod raw;
mod schema_check;
mod search;
mod tasks;
mod threads;
mod webhooks;

pub use bulk::Progress;
pub use entries::{Entries, EntryBulk, EntryQuery, EntryStream};
pub use export::{Export, ExportProgress, ExportStream};
pub use lists::Lists;
pub use members::Members;
pub use merge::MERGE_WAIT;
pub use notes::Notes;
pub use objects::{Listing, Objects};
pub use raw::RawRequest;
pub use search::SearchRequest;
pub use tasks::{TaskQuery, TaskSort, Tasks};
pub use threads::{Comments, Threads};
pub use webhooks::Webhooks;

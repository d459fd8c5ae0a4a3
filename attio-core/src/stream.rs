//! Streams: the [`RecordStream`] a query's [`stream`](crate::Query::stream) returns, the
//! [`EntryStream`] of an entries query, the [`ExportStream`] of an
//! [`export`](crate::Query::export), and the stream traits they need, re-exported so that no other import is needed:
//!
//! ```no_run
//! # use attio_core::{AttioRecord, Client};
//! # #[derive(AttioRecord)]
//! # #[attio(object = "people")]
//! # struct Person { job_title: Option<String> }
//! # async fn run(client: Client) -> Result<(), attio_core::Error> {
//! use attio_core::stream::{StreamExt, TryStreamExt};
//!
//! let mut people = client.query::<Person>().stream();
//! while let Some(person) = people.next().await {
//!     println!("{:?}", person?.values.job_title);
//! }
//! let everyone: Vec<_> = client.query::<Person>().stream().try_collect().await?;
//! # let _ = everyone;
//! # Ok(())
//! # }
//! ```

pub use crate::api::records::RecordStream;
pub use crate::api::{EntryStream, ExportStream};
pub use futures_util::stream::{Stream, StreamExt, TryStreamExt};

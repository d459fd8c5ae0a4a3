//! attio-rs: typed Rust models of Attio records.
#![warn(missing_docs)]

#[doc(hidden)]
pub mod __private;
pub mod attr;
pub mod error;
pub mod json;
pub mod record;
pub mod schema;
pub mod values;

pub use attr::{Attr, NotUnique, Unique};
pub use error::{ApiError, DecodeError, Error, ErrorCode, ValidationIssue, ValueError};
pub use record::{AttioRecord, AttioUpdate, Record, RecordId};
pub use schema::{AttributeDef, AttributeType, Multiplicity};

#[cfg(feature = "derive")]
pub use attio_derive::AttioRecord;

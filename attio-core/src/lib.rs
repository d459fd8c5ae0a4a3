//! # attio-rs
//!
//! Typed Rust models of [Attio](https://attio.com) records. Annotate a plain struct with
//! `#[derive(AttioRecord)]` and `#[attio(object = "…")]`, and get at compile time the write
//! payload (`{"data":{"values":{…}}}`), the decoding of Attio's read-side value arrays
//! straight into your fields, typed attribute handles for filters, sorts and assert keys, a
//! typed partial update, and typed calls through the async [`Client`].
//!
//! ```
//! use attio_core::{json, AttioRecord, Record, RecordRef};
//! use attio_core::values::{Domain, EmailAddress, PersonalName, Timestamp};
//!
//! #[derive(AttioRecord, Debug, Clone, PartialEq)]
//! #[attio(object = "companies")]
//! pub struct Company {
//!     #[attio(unique)]
//!     pub domains: Vec<Domain>,
//!     pub name: Option<String>,
//! }
//!
//! #[derive(AttioRecord, Debug, Clone, PartialEq)]
//! #[attio(object = "people")]
//! pub struct Person {
//!     #[attio(unique)]
//!     pub email_addresses: Vec<EmailAddress>,
//!     pub name: Option<PersonalName>,
//!     pub company: Option<RecordRef<Company>>,
//!     #[attio(rename = "linkedin")]
//!     pub linkedin_url: Option<String>,
//!     #[attio(read_only)]
//!     pub created_at: Option<Timestamp>,
//! }
//!
//! let ada = Person {
//!     email_addresses: vec![EmailAddress::new("ada@example.com")?],
//!     name: Some(PersonalName::new("Ada", "Lovelace")),
//!     company: Some(RecordRef::by_domain("example.com")?),
//!     linkedin_url: None,
//!     created_at: None,
//! };
//! let body = String::from_utf8(json::encode_create(&ada)?).unwrap();
//! assert_eq!(
//!     body,
//!     r#"{"data":{"values":{"email_addresses":["ada@example.com"],"name":[{"first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace"}],"company":[{"target_object":"companies","domains":[{"domain":"example.com"}]}]}}}"#
//! );
//! # Ok::<(), attio_core::Error>(())
//! ```
//!
//! ## The `#[attio(...)]` grammar
//!
//! On the struct:
//!
//! | attribute | meaning |
//! |---|---|
//! | `object = "slug"` | **required**: the Attio object's `api_slug` (`people`, `companies`, a custom object…) |
//! | `crate = "path"` | where `attio_core` is, for crates that re-export it (default `::attio_core`) |
//!
//! On a field:
//!
//! | attribute | meaning |
//! |---|---|
//! | `rename = "slug"` | the attribute's `api_slug` when it differs from the field name |
//! | `read_only` | decoded from responses, never written (system and enriched attributes, `Interaction`) |
//! | `unique` | the attribute is unique in Attio: it may be used as the key of an assert (on any field type; an assert whose key field is `None` or empty is refused before sending) |
//! | `skip` | neither read nor written; the field is filled with `Default::default()` |
//!
//! The field's Rust type decides the multiplicity:
//!
//! | field type | Attio attribute | read side | write side |
//! |---|---|---|---|
//! | `T` | single, required | exactly the active value; none, or more than one, is a decode error naming the attribute | always sent |
//! | `Option<T>` | single | `None` when the array is empty; more than one active value is a decode error (model a multiselect as `Vec<T>`) | omitted when `None` |
//! | `Vec<T>` | multiselect | every active value, in order | omitted when empty on create |
//! | `Tracked<T>` inside any of these | any | the value plus `active_from`, `active_until`, `created_by_actor` | the value only |
//!
//! Slugs are `[a-z0-9_]+`; a field name that is not a valid slug needs `rename`. Each value
//! type is one Attio attribute type; see [`values`] for the table.
//!
//! What the derive generates for a struct `Person`:
//! - `impl AttioRecord for Person`: the object slug, the [`AttributeDef`] table, encoding and
//!   decoding;
//! - `PersonAttrs`: one [`Attr`] per field, for typed filters, sorts, assert keys and
//!   history reads ([`AttioRecord::attrs`]);
//! - `PersonUpdate`: a typed partial update with one setter per writable field.
//!
//! ```
//! use attio_core::{json, AttioRecord, AttioUpdate};
//!
//! #[derive(AttioRecord)]
//! #[attio(object = "workspaces")]
//! struct Workspace {
//!     #[attio(unique)]
//!     workspace_id: String,
//!     name: Option<String>,
//!     #[attio(skip)]
//!     cached_at: Option<std::time::SystemTime>,
//! }
//!
//! assert_eq!(Workspace::attrs().workspace_id.slug(), "workspace_id");
//! assert!(Workspace::attribute("workspace_id").unwrap().unique);
//!
//! // Only what is set is sent; `None` clears the attribute.
//! let update = WorkspaceUpdate::default().name(None);
//! assert_eq!(json::encode_update(&update)?, br#"{"data":{"values":{"name":[]}}}"#);
//! # Ok::<(), attio_core::Error>(())
//! ```
//!
//! Mistakes are compile errors that point at the offending token, all of them at once:
//!
//! ```compile_fail
//! use attio_core::AttioRecord;
//!
//! #[derive(AttioRecord)]
//! #[attio(objct = "people")] // unknown attio attribute `objct` …; did you mean `object`?
//! struct Person {
//!     #[attio(unique, read_only)] // `unique` on a `read_only` field: an assert key is written …
//!     email: Option<String>,
//! }
//! ```
//!
//! ```compile_fail
//! use attio_core::AttioRecord;
//! use attio_core::values::Interaction;
//!
//! #[derive(AttioRecord)]
//! #[attio(object = "people")]
//! struct Person {
//!     // `Interaction` cannot be written to Attio: mark the field `#[attio(read_only)]`
//!     last_interaction: Option<Interaction>,
//! }
//! ```
//!
//! ## The client needs a tokio runtime
//!
//! [`Client`]'s calls run on [tokio](https://docs.rs/tokio): await them inside a tokio
//! runtime of either flavour, under `#[tokio::main]` or `#[tokio::test]`, or from
//! synchronous code with `tokio::runtime::Runtime::new()?.block_on(..)`. Awaited on another
//! executor they panic with "there is no reactor running". [`json`] and the value types need
//! no runtime. See [`Client`] for both ways.
//!
//! ## Without a client
//!
//! [`json`] has the encoders and decoders the client uses, callable on bytes.
//!
//! Decoding is strict where leniency would choose silently: a key that appears twice in one
//! JSON object of a record response (the `data` wrapper, a record, its `values`, a value
//! object) is a [`DecodeError`] naming the key and its path, never "first wins" or "last
//! wins".
#![warn(missing_docs)]

#[doc(hidden)]
pub mod __private;
pub mod api;
pub mod attr;
pub mod client;
mod decode;
pub mod error;
pub mod filter;
mod http;
pub mod json;
pub mod models;
mod page;
pub mod record;
pub mod schema;
pub mod stream;
pub mod values;
mod written;

pub use attr::{Attr, NotUnique, Unique};
pub use client::{
    Bulk, Client, ClientBuilder, Progress, Query, RateLimits, RecordStream, RetryPolicy,
};
pub use error::{ApiError, DecodeError, Error, ErrorCode, ValidationIssue, ValueError};
pub use filter::{Filter, Sort};
pub use page::Page;
pub use record::{AttioRecord, AttioUpdate, Record, RecordId};
pub use schema::{AttributeDef, AttributeType, Multiplicity};
pub use values::{AnyRecordRef, RecordRef};

#[cfg(feature = "derive")]
pub use attio_derive::AttioRecord;

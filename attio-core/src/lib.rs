//! # attio-rs
//!
//! Typed Rust models of [Attio](https://attio.com) records and list entries. Annotate a plain
//! struct with `#[derive(AttioRecord)]` and `#[attio(object = "…")]`, and get at compile time
//! the write payload (`{"data":{"values":{…}}}`), the decoding of Attio's read-side value
//! arrays straight into your fields, typed attribute handles for filters, sorts and assert
//! keys, a typed partial update, and typed calls through the async [`Client`]. The entries of
//! a list are modelled the same way with `#[derive(AttioEntry)]` (see
//! [List entries](#list-entries)).
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
//! | `object = "slug"` | **required** on `#[derive(AttioRecord)]`: the Attio object's `api_slug` (`people`, `companies`, a custom object…) |
//! | `list = "slug"` | **required** on `#[derive(AttioEntry)]` instead of `object`: the list's `api_slug` (see [List entries](#list-entries)) |
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
//! ## Features
//!
//! | feature | default | what it brings | what it pulls in |
//! |---|---|---|---|
//! | `derive` | yes | `#[derive(AttioRecord)]`, `#[derive(AttioEntry)]` and `#[derive(AttioEnum)]`, re-exported at the root | `attio-derive` (`syn`, `quote`, at build time) |
//! | `client` | yes | the async HTTP client: [`Client`], [`ClientBuilder`] (with `Client::from_env`), the [`api`] handles, [`stream`], pacing against the rate limits, retries; turns on `http` | `reqwest` (rustls), `tokio`, `futures-util`, `http`, `bytes` |
//! | `http` | with `client` or `axum` | [`webhook::Headers`] for `http::HeaderMap`, the header map of hyper, axum and reqwest | `http` |
//! | `axum` | no | [`webhook::Verified`], an axum extractor that verifies and decodes a webhook delivery; turns on `http` | `axum` |
//!
//! Without `client`, attio-core is the models, the value types, [`json`] (every encoder
//! and decoder the client uses, on bytes) and [`webhook`] (verify, decode, [`Dedup`]):
//! no reqwest, hyper or tokio in the tree. For another HTTP stack, a CLI on another
//! runtime or a webhook receiver:
//!
//! ```toml
//! [dependencies]
//! attio-core = { version = "0.1", default-features = false, features = ["derive"] }
//! ```
//!
//! [`Error`] is the same type with and without the client: its [`Error::Transport`]
//! carries the HTTP stack's error as a boxed [`std::error::Error`], so no variant names a
//! reqwest type. [`uuid`] and [`chrono`] are re-exported for the ids and timestamps the
//! models hold.
//!
//! [`Dedup`]: webhook::Dedup
//!
//! ## Value types: exact money, serde, text forms
//!
//! - **Money and numbers are exact.** A [`values::Currency`] holds a [`Decimal`] (from
//!   `rust_decimal`, re-exported here), read from the JSON number's own text and written
//!   with it, never through an `f64`; a `number` attribute may be a `Decimal` field beside
//!   `f64` and `i64`. Attio keeps four decimal places: [`values::Currency::checked`] refuses
//!   more, [`values::Currency::rounded`] rounds half away from zero.
//! - **serde.** Every value type implements `serde::Serialize` and `serde::Deserialize` in a
//!   plain shape of its own (not Attio's wire shape; the table is in [`values`]), so a model
//!   can derive serde next to `AttioRecord`, and [`Record<T>`] serializes as `{id,
//!   created_at, web_url, values}`. The impls are always on, not behind a feature: serde is
//!   the decoder's own dependency, so they cost no dependency and no build time worth a
//!   switch.
//! - **Text forms.** `Display` where a value has a natural text (`12.50 USD`, a select's or
//!   status's title, a location's lines), `FromStr` / `TryFrom<&str>` where a checked
//!   constructor exists, and comparisons by meaning
//!   ([`values::SelectOption::is`], [`values::Status::is`]).
//! - [`uuid`] and [`chrono`] are re-exported for the id, date and timestamp types.
//!
//! ## The client needs a tokio runtime
//!
//! [`Client`]'s calls run on [tokio](https://docs.rs/tokio): await them inside a tokio
//! runtime of either flavour, under `#[tokio::main]` or `#[tokio::test]`, or from
//! synchronous code with `tokio::runtime::Runtime::new()?.block_on(..)`. Awaited on another
//! executor they panic with "there is no reactor running". [`json`] and the value types need
//! no runtime. See [`Client`] for both ways.
//!
//! ## List entries
//!
//! A list entry puts a parent record (a company, a person) on a list, with values for the
//! list's own attributes: a stage, an owner, an amount. Model the entries of a list like
//! records, with `#[derive(AttioEntry)]` and `#[attio(list = "<list api_slug>")]`: the same
//! field grammar, value types and multiplicities. The derive generates `impl AttioEntry`,
//! `<Name>Attrs` (typed filters, sorts and history reads on the list's attributes) and
//! `<Name>Update` (a typed partial update). An [`Entry<T>`] holds the entry's id, its parent
//! record's id and object, and the values; a model never holds the parent's own values,
//! which Attio does not send with an entry.
//!
//! ```
//! use attio_core::{json, AttioEntry, AttioRecord, Entry, RecordRef};
//! use attio_core::values::{Currency, Status, Timestamp};
//!
//! #[derive(AttioRecord)]
//! #[attio(object = "companies")]
//! struct Company {
//!     name: Option<String>,
//! }
//!
//! #[derive(AttioEntry, Debug, Clone, PartialEq)]
//! #[attio(list = "sales_pipeline")]
//! pub struct Deal {
//!     pub stage: Option<Status>,
//!     pub amount: Option<Currency>,
//!     #[attio(read_only)]
//!     pub created_at: Option<Timestamp>,
//! }
//!
//! // Adding a company to the list: the parent is named by its record id.
//! let acme = RecordRef::<Company>::new("891dcbfc-9141-415d-9b2a-2238a6cc012d".parse().unwrap());
//! let deal = Deal { stage: Some(Status::by_title("Lead")), amount: None, created_at: None };
//! let body = json::encode_entry(&acme, &deal)?;
//! assert_eq!(
//!     body,
//!     br#"{"data":{"parent_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d","parent_object":"companies","entry_values":{"stage":[{"status":"Lead"}]}}}"#
//! );
//!
//! // Moving it on: only what is set is sent.
//! let won = DealUpdate::default().stage(Some(Status::by_title("Won")));
//! assert_eq!(
//!     json::encode_entry_update(&won)?,
//!     br#"{"data":{"entry_values":{"stage":[{"status":"Won"}]}}}"#
//! );
//!
//! // Filters and sorts are typed on the list's attributes.
//! let d = Deal::attrs();
//! let filter = d.stage.eq("Won").and(d.amount.gte(10_000.0));
//! assert_eq!(
//!     filter.to_string(),
//!     r#"{"$and":[{"stage":{"$eq":"Won"}},{"amount":{"$gte":10000.0}}]}"#
//! );
//!
//! let response = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
//!   "list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0","entry_id":"2e6e29ea-c4e0-4f44-842d-78a891f8c156"},
//!   "parent_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d","parent_object":"companies",
//!   "created_at":"2022-11-21T13:22:49.061281000Z","entry_values":{"stage":[],"amount":[],"created_at":[]}}}"#;
//! let entry: Entry<Deal> = json::decode_entry(response)?;
//! assert_eq!(entry.parent_object, "companies");
//! assert_eq!(entry.values.stage, None);
//! # Ok::<(), attio_core::Error>(())
//! ```
//!
//! Through the client, [`Client::entries`] is the handle of one list's entries: `create`
//! (POST), `assert` by parent (PUT), `get`, `update` (PATCH, multiselects appended),
//! `overwrite` (PUT, replaced), `delete`, `history`, `create_many` / `assert_many`, and
//! `query()` with typed filters and sorts on the list's attributes and, through the
//! `parent_record` path, on the parent record's ([`api::EntryQuery::filter_parent`]).
//! [`Client::entries_of`] lists a record's entries on every list.
//!
//! ```no_run
//! # use attio_core::{AttioEntry, AttioRecord, RecordRef};
//! # use attio_core::values::Status;
//! # #[derive(AttioRecord)]
//! # #[attio(object = "companies")]
//! # struct Company { name: Option<String> }
//! # #[derive(AttioEntry)]
//! # #[attio(list = "sales")]
//! # struct Deal { stage: Option<Status> }
//! # #[cfg(feature = "client")]
//! # async fn run(client: attio_core::Client, company_id: uuid::Uuid) -> Result<(), attio_core::Error> {
//! let deals = client.entries::<Deal>();
//! let entry = deals
//!     .create(&RecordRef::<Company>::new(company_id), &Deal { stage: Some(Status::by_title("Lead")) })
//!     .await?;
//! deals
//!     .update(entry.id.entry_id, &DealUpdate::default().stage(Some(Status::by_title("Won"))))
//!     .await?;
//! let won = deals
//!     .query()
//!     .filter(|d| d.stage.eq("Won"))
//!     .sort_parent::<Company>(|c| c.name.asc())
//!     .send()
//!     .await?;
//! # let _ = won;
//! # Ok(())
//! # }
//! ```
//!
//! The container key names the kind of model: `list` on an `AttioRecord` (or `object` on an
//! `AttioEntry`) is a compile error that says which derive to use.
//!
//! ```compile_fail
//! use attio_core::AttioEntry;
//!
//! #[derive(AttioEntry)]
//! #[attio(object = "companies")] // `object` is not a key of `AttioEntry`, which models the entries of a list …
//! struct Deal {
//!     stage: Option<attio_core::values::Status>,
//! }
//! ```
//!
//! ## Select and status enums
//!
//! The options of a select attribute or the statuses of a status attribute can be an enum
//! deriving [`AttioEnum`] (`#[attio(select)]` or `#[attio(status)]`, `#[attio(title = "…")]`
//! on a variant, one `#[attio(other)]` catch-all): read by title (an unknown title decodes
//! into the catch-all), written by title, filtered with the enum itself. See [`AttioEnum`].
//!
//! ## Checking drift
//!
//! [`Client::check_schema`] compares a record or entry model with the live attributes of
//! its object or list and returns a [`SchemaReport`] of every mismatch;
//! `report.assert_ok()` is the one line a CI test needs.
//!
//! ## Without a client
//!
//! [`json`] has the encoders and decoders the client uses, callable on bytes.
//!
//! Decoding is strict where leniency would choose silently: a key that appears twice in one
//! JSON object of a record response (the `data` wrapper, a record, its `values`, a value
//! object) is a [`DecodeError`] naming the key and its path, never "first wins" or "last
//! wins".
//!
//! ## Webhooks
//!
//! [`webhook`] verifies a delivery's `Attio-Signature` and decodes its typed events, with no
//! client needed (and, with the `axum` feature, an extractor that does both);
//! [`Client::webhooks`] manages the webhooks themselves.
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]
// Without the client, the crate-private helpers only it calls (redaction of server text,
// the item-by-item decode of a page, the id of an unreadable record, …) are unused; the
// default build, which has the client, is the one linted for dead code.
#![cfg_attr(not(feature = "client"), allow(dead_code, unused_imports))]
// Without every feature, the docs still name what the others bring (the calls that take a
// model, the axum extractor); CI checks the links with `--all-features`.
#![cfg_attr(
    not(all(feature = "client", feature = "axum")),
    allow(rustdoc::broken_intra_doc_links)
)]

#[doc(hidden)]
pub mod __private;
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod api;
pub mod attr;
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod client;
mod decode;
pub mod entry;
pub mod error;
pub mod filter;
#[cfg(feature = "client")]
mod http;
pub mod json;
pub mod models;
mod page;
pub mod record;
pub mod schema;
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub mod stream;
pub mod values;
pub mod webhook;
mod written;

pub use attr::{Attr, NotUnique, Unique};
#[cfg(feature = "client")]
#[cfg_attr(docsrs, doc(cfg(feature = "client")))]
pub use client::{
    Bulk, Client, ClientBuilder, Export, ExportProgress, ExportStream, Method, Progress, Query,
    RateLimits, RawRequest, RecordStream, RetryPolicy, SearchRequest, oauth,
};
pub use entry::{AttioEntry, AttioEntryUpdate, Entry, EntryId};
pub use error::{
    ApiError, DecodeError, Error, ErrorCode, ModelKind, ValidationIssue, ValueError, WebhookError,
};
pub use filter::{Filter, Sort};
pub use models::SchemaReport;
pub use page::Page;
pub use record::{AttioRecord, AttioUpdate, Record, RecordId};
pub use schema::{AttioModel, AttributeDef, AttributeType, Multiplicity};
pub use values::{AnyRecordRef, AttioEnum, Decimal, RecordRef};

/// The UUID crate, for the types of record, attribute and option ids.
pub use uuid;

/// The chrono crate, for the types of [`values::Date`] and [`values::Timestamp`].
pub use chrono;

#[cfg(feature = "derive")]
#[cfg_attr(docsrs, doc(cfg(feature = "derive")))]
pub use attio_derive::{AttioEntry, AttioEnum, AttioRecord};

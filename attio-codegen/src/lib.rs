//! # attio-codegen
//!
//! Writes [attio-rs](https://docs.rs/attio-core) models for the objects and lists of an
//! Attio workspace: one `#[derive(AttioRecord)]` struct per object, one
//! `#[derive(AttioEntry)]` struct per list, and one `#[derive(AttioEnum)]` enum per select or
//! status attribute. The binary reads the schema from the API and prints the source:
//!
//! ```text
//! ATTIO_API_KEY=… attio-codegen --object people --list sales_pipeline > src/models.rs
//! ```
//!
//! The library is the same generator without a process: [`fetch`] reads a [`Schema`]
//! through an [`attio_core::Client`], and [`generate`] turns any `Schema` (read or built by
//! hand) into source text.
//!
//! # What is generated
//!
//! - **Names.** A record model is named after the object's singular noun (`Person`), an
//!   entry model after the list's slug (`sales_pipeline` → `SalesPipeline`; `…Entry` when
//!   that name is taken). A field is named after its attribute's slug, renamed with
//!   `#[attio(rename = "…")]` where the slug is not a Rust identifier: a leading digit gets
//!   the prefix `attr_` (`2fa` → `attr_2fa`) and a keyword the suffix `_` (`type` →
//!   `type_`), a suffix rather than `r#type`, which cannot spell `self` or `crate` and reads
//!   worse in `ProjectUpdate::default().type_(…)`. The enum of a select or status attribute
//!   is the model's name and the field's in UpperCamelCase (`Deal` + `stage` →
//!   `DealStage`), its variants the titles in UpperCamelCase (`In Progress` →
//!   `InProgress`, `B2B` → `B2b`, `Très bien` → `TresBien`, a leading digit prefixed with
//!   `V`), each with `#[attio(title = "…")]`, plus the catch-all
//!   `#[attio(other)] Other(String)` for titles added later (`Unknown(String)` when an
//!   option is titled `Other`). A name already taken gets a number (`Lead2`). A slug
//!   outside `[a-z0-9_]+` (Attio's own rule, which the derives check) cannot be modelled:
//!   its attribute, object or list is left out with a comment saying so.
//! - **Types.** One value type per attribute type (`text` → `String`, `number` → `f64`,
//!   `interaction` → `Interaction`, always `read_only`, …); `Vec<T>` for a multiselect
//!   attribute, `T` for a required one, `Option<T>` otherwise. A record reference is
//!   `RecordRef<Target>` when it allows exactly one object and that object is generated in
//!   the same run, else `AnyRecordRef`. An attribute of a type this version does not know
//!   is left out, with a comment saying so.
//! - **Keys.** `#[attio(read_only)]` where Attio does not accept writes, `#[attio(unique)]`
//!   where values are unique (a unique attribute that is not writable is only
//!   `read_only`: it cannot be an assert key).
//! - **Order.** Models in the order asked for (with `--all`, objects then lists, as Attio
//!   lists them); fields and variants in the order Attio lists the attributes and options,
//!   which is the order of the workspace's settings page. The same schema always gives the
//!   same bytes, formatted as `rustfmt` formats them.
//!
//! ```
//! use attio_codegen::{AttributeSchema, Choices, ModelKind, ModelSchema, Options, Schema, generate};
//!
//! let stage = AttributeSchema {
//!     slug: "stage".into(),
//!     title: "Stage".into(),
//!     description: None,
//!     attribute_type: "status".into(),
//!     is_writable: true,
//!     is_required: false,
//!     is_unique: false,
//!     is_multiselect: false,
//!     target_objects: vec![],
//!     choices: vec!["Lead".into(), "In Progress".into()],
//! };
//! let schema = Schema {
//!     models: vec![ModelSchema {
//!         kind: ModelKind::List,
//!         slug: "deal".into(),
//!         name: "Deals".into(),
//!         parent_objects: vec!["companies".into()],
//!         attributes: vec![stage],
//!     }],
//! };
//! let source = generate(&schema, &Options::new("attio-codegen --list deal"));
//! assert!(source.contains("pub stage: Option<DealStage>,"));
//! assert!(source.contains("#[attio(title = \"In Progress\")]\n    InProgress,"));
//! ```
#![warn(missing_docs)]

mod cli;
mod error;
mod names;
mod plan;
mod render;
mod schema;

pub use cli::{Command, HELP, Request, parse};
pub use error::CodegenError;
pub use plan::Choices;
pub use schema::{AttributeSchema, ModelKind, ModelSchema, Schema, Selection, Wanted, fetch};

/// How to generate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Enums for select and status attributes (the default), or the plain value types.
    pub choices: Choices,
    /// The command line written in the header comment.
    pub command: String,
}

impl Options {
    /// Enums for select and status attributes, and `command` in the header.
    pub fn new(command: impl Into<String>) -> Self {
        Options {
            choices: Choices::Enums,
            command: command.into(),
        }
    }
}

/// The Rust source of the models of `schema`: a header comment, the imports, then each
/// model followed by the enums of its select and status attributes.
pub fn generate(schema: &Schema, options: &Options) -> String {
    let plan = plan::plan(schema, options.choices);
    render::render(&plan, &options.command)
}

/// Reads the schema `request` names through `client` and generates its models: what the
/// binary does, without the process.
pub async fn run(client: &attio_core::Client, request: &Request) -> Result<String, CodegenError> {
    let schema = fetch(client, &request.selection).await?;
    let options = Options {
        choices: request.choices,
        command: request.command_line(),
    };
    Ok(generate(&schema, &options))
}

//! The drift check's result: a [`SchemaReport`] listing every way a model disagrees with the
//! live attributes of its object or list, and the pure comparison that finds them (the
//! client's `check_schema` reads the workspace and calls it).

use std::fmt;

use super::attributes::Attribute;
use crate::error::ModelKind;
use crate::schema::{AttributeDef, AttributeType, Multiplicity};

/// How a model compares with the workspace, from
/// [`Client::check_schema`](crate::Client::check_schema): every [`Mismatch`] between the
/// model's attribute table and the live attributes of its object or list, in field order.
///
/// [`is_ok`](SchemaReport::is_ok) is true when there is none. `Display` says which model was
/// checked and lists each mismatch on its own line, with the field and what to change. In a
/// test, [`assert_ok`](SchemaReport::assert_ok) panics with that text, and
/// [`into_result`](SchemaReport::into_result) turns the report into an error for `?`
/// (`SchemaReport` implements [`std::error::Error`]); [`SchemaReport::assert_all`] checks
/// several at once.
///
/// ```no_run
/// # use attio_core::{AttioRecord, Client};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<attio_core::values::PersonalName> }
/// # async fn ci(client: Client) -> Result<(), Box<dyn std::error::Error>> {
/// client.check_schema::<Person>().await?.assert_ok();
/// // or, in a test returning a `Result`:
/// client.check_schema::<Person>().await?.into_result()?;
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaReport {
    model: &'static str,
    kind: ModelKind,
    slug: &'static str,
    mismatches: Vec<Mismatch>,
}

/// One disagreement between a model's field and the attribute it names.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mismatch {
    /// The Rust field.
    pub field: &'static str,
    /// The attribute's `api_slug` the field reads.
    pub slug: &'static str,
    /// What disagrees.
    pub kind: MismatchKind,
}

/// What disagrees between a field and its attribute. Each says what to change in
/// `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum MismatchKind {
    /// No attribute of the object or list has the field's slug.
    Missing,
    /// The attribute exists but is archived: Attio neither sends nor accepts its values.
    Archived,
    /// The attribute's type is not the field's.
    WrongType {
        /// The type the field's value type stands for.
        model: AttributeType,
        /// The attribute's type, as Attio spells it (a type newer than this crate is kept
        /// as sent).
        live: String,
    },
    /// A `Vec<T>` field on a single-valued attribute.
    ManyOnSingle,
    /// A `T` or `Option<T>` field on a multiselect attribute: a second value would fail
    /// the decode.
    SingleOnMany,
    /// A `T` field (required) on an attribute that is not required: a record or entry
    /// without a value would fail the decode.
    RequiredOnOptional,
    /// `#[attio(unique)]` on an attribute that is not unique: an assert on it is refused.
    UniqueOnNotUnique,
    /// A written field on an attribute Attio does not let the API write (`is_writable:
    /// false`).
    WritableOnReadOnly,
    /// A variant of the field's enum whose title no option or status of the attribute has.
    UnknownTitle {
        /// The variant's title.
        title: &'static str,
    },
    /// A variant of the field's enum whose option or status is archived: Attio refuses it
    /// in writes (values that still hold it are read into the variant).
    ArchivedTitle {
        /// The variant's title.
        title: &'static str,
    },
}

impl SchemaReport {
    /// An empty report on the model `model` (its Rust name) of the object or list `slug`.
    pub fn new(model: &'static str, kind: ModelKind, slug: &'static str) -> Self {
        SchemaReport {
            model,
            kind,
            slug,
            mismatches: Vec::new(),
        }
    }

    /// Adds a mismatch of `field`.
    pub fn push(&mut self, field: &AttributeDef, kind: MismatchKind) {
        self.mismatches.push(Mismatch {
            field: field.field,
            slug: field.slug,
            kind,
        });
    }

    /// The checked model's Rust name.
    pub fn model(&self) -> &'static str {
        self.model
    }

    /// Whether the model is a record model (of an object) or an entry model (of a list).
    pub fn kind(&self) -> ModelKind {
        self.kind
    }

    /// The `api_slug` of the object or list checked.
    pub fn slug(&self) -> &'static str {
        self.slug
    }

    /// Whether the model matches the workspace: no mismatch.
    pub fn is_ok(&self) -> bool {
        self.mismatches.is_empty()
    }

    /// Every mismatch, in field order.
    pub fn mismatches(&self) -> &[Mismatch] {
        &self.mismatches
    }

    /// Panics with the report's `Display` (every mismatch, with what to change) unless the
    /// model matches: the one line a CI test needs.
    #[track_caller]
    pub fn assert_ok(&self) {
        if !self.is_ok() {
            panic!("{self}");
        }
    }

    /// `Ok(())` when the model matches, else the report as an error.
    pub fn into_result(self) -> Result<(), SchemaReport> {
        if self.is_ok() { Ok(()) } else { Err(self) }
    }

    /// Panics unless every report is ok, listing the mismatches of every model that is not.
    ///
    /// ```no_run
    /// # use attio_core::{AttioEntry, AttioRecord, Client, SchemaReport};
    /// # #[derive(AttioRecord)]
    /// # #[attio(object = "people")]
    /// # struct Person { name: Option<attio_core::values::PersonalName> }
    /// # #[derive(AttioEntry)]
    /// # #[attio(list = "sales")]
    /// # struct Deal { stage: Option<attio_core::values::Status> }
    /// # async fn ci(client: Client) -> Result<(), attio_core::Error> {
    /// SchemaReport::assert_all(&[
    ///     client.check_schema::<Person>().await?,
    ///     client.check_schema::<Deal>().await?,
    /// ]);
    /// # Ok(())
    /// # }
    /// ```
    #[track_caller]
    pub fn assert_all<'a>(reports: impl IntoIterator<Item = &'a SchemaReport>) {
        let failed: Vec<String> = reports
            .into_iter()
            .filter(|r| !r.is_ok())
            .map(ToString::to_string)
            .collect();
        if !failed.is_empty() {
            panic!("{}", failed.join("\n"));
        }
    }

    /// Compares one field with its live attribute, pushing what disagrees (the titles of an
    /// enum field are compared by [`SchemaReport::compare_titles`]).
    pub fn compare(&mut self, field: &AttributeDef, live: &Attribute) {
        if live.is_archived {
            return self.push(field, MismatchKind::Archived);
        }
        if live.attribute_type != field.attribute_type.as_str() {
            let live = live.attribute_type.clone();
            self.push(
                field,
                MismatchKind::WrongType {
                    model: field.attribute_type,
                    live,
                },
            );
        }
        match (field.multiplicity, live.is_multiselect) {
            (Multiplicity::Many, false) => self.push(field, MismatchKind::ManyOnSingle),
            (Multiplicity::One | Multiplicity::Optional, true) => {
                self.push(field, MismatchKind::SingleOnMany)
            }
            _ => {}
        }
        if field.multiplicity == Multiplicity::One && !live.is_required {
            self.push(field, MismatchKind::RequiredOnOptional);
        }
        if field.unique && !live.is_unique {
            self.push(field, MismatchKind::UniqueOnNotUnique);
        }
        if !field.read_only && !live.is_writable {
            self.push(field, MismatchKind::WritableOnReadOnly);
        }
    }

    /// Compares the titles of an enum field with the attribute's options or statuses, given
    /// as `(title, is_archived)`, archived ones included. A title held only by archived
    /// options counts as a mismatch: Attio refuses archived options in writes.
    pub fn compare_titles(&mut self, field: &AttributeDef, live: &[(&str, bool)]) {
        for &title in field.options.unwrap_or_default() {
            let mut matching = live.iter().filter(|(t, _)| *t == title).peekable();
            if matching.peek().is_none() {
                self.push(field, MismatchKind::UnknownTitle { title });
            } else if matching.all(|(_, archived)| *archived) {
                self.push(field, MismatchKind::ArchivedTitle { title });
            }
        }
    }
}

impl Mismatch {
    /// What to change, in words.
    pub fn fix(&self) -> String {
        let slug = self.slug;
        match &self.kind {
            MismatchKind::Missing => format!(
                "no attribute has the slug `{slug}`: create it in Attio, fix the slug with `#[attio(rename = \"...\")]`, or remove the field"
            ),
            MismatchKind::Archived => format!(
                "the attribute `{slug}` is archived: restore it in Attio, or remove the field"
            ),
            MismatchKind::WrongType { model, live } => format!(
                "the field holds `{model}` values but the attribute is `{live}`: change the field's value type to one for `{live}`"
            ),
            MismatchKind::ManyOnSingle => format!(
                "the field is a `Vec` but `{slug}` holds one value: make it an `Option<T>` (or `T` if the attribute is required)"
            ),
            MismatchKind::SingleOnMany => {
                format!("`{slug}` is multiselect but the field holds one value: make it a `Vec<T>`")
            }
            MismatchKind::RequiredOnOptional => {
                format!("the field is required (`T`) but `{slug}` is not: make it an `Option<T>`")
            }
            MismatchKind::UniqueOnNotUnique => format!(
                "the field is `#[attio(unique)]` but `{slug}` is not unique: remove `unique`"
            ),
            MismatchKind::WritableOnReadOnly => format!(
                "the field is written but `{slug}` is read-only in Attio: mark it `#[attio(read_only)]`"
            ),
            MismatchKind::UnknownTitle { title } => format!(
                "no option or status of `{slug}` has the title {title:?}: add it in Attio, or fix or remove the variant"
            ),
            MismatchKind::ArchivedTitle { title } => format!(
                "the option or status {title:?} of `{slug}` is archived: restore it in Attio, or remove the variant"
            ),
        }
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "field `{}`: {}", self.field, self.fix())
    }
}

impl fmt::Display for SchemaReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let owner = match self.kind {
            ModelKind::Record => "object",
            ModelKind::Entry => "list",
        };
        let (model, slug) = (self.model, self.slug);
        match self.mismatches.len() {
            0 => write!(f, "`{model}` matches the {owner} `{slug}`"),
            n => {
                let s = if n == 1 { "" } else { "es" };
                write!(
                    f,
                    "`{model}` does not match the {owner} `{slug}` ({n} mismatch{s}):"
                )?;
                for m in &self.mismatches {
                    write!(f, "\n  - {m}")?;
                }
                Ok(())
            }
        }
    }
}

impl std::error::Error for SchemaReport {}

#[cfg(test)]
mod tests {
    use super::*;

    const FIELD: AttributeDef = AttributeDef {
        slug: "linkedin",
        field: "linkedin_url",
        attribute_type: AttributeType::Text,
        multiplicity: Multiplicity::Optional,
        read_only: false,
        unique: false,
        tracked: false,
        target_object: None,
        options: None,
    };

    #[test]
    fn one_mismatch_reads_in_the_singular_and_names_field_and_slug() {
        let mut report = SchemaReport::new("Person", ModelKind::Record, "people");
        assert!(report.is_ok());
        assert_eq!(report.to_string(), "`Person` matches the object `people`");
        report.push(&FIELD, MismatchKind::Missing);
        assert!(!report.is_ok());
        assert_eq!(
            report.to_string(),
            "`Person` does not match the object `people` (1 mismatch):\n  - field `linkedin_url`: no attribute has the slug `linkedin`: create it in Attio, fix the slug with `#[attio(rename = \"...\")]`, or remove the field"
        );
        assert_eq!(report.mismatches()[0].field, "linkedin_url");
        assert_eq!(report.mismatches()[0].slug, "linkedin");
        let entry = SchemaReport::new("Deal", ModelKind::Entry, "sales");
        assert_eq!(entry.to_string(), "`Deal` matches the list `sales`");
    }

    #[test]
    fn a_field_without_options_has_no_title_to_compare() {
        let mut report = SchemaReport::new("Person", ModelKind::Record, "people");
        report.compare_titles(&FIELD, &[("Hot", false)]);
        assert!(report.is_ok());
    }
}

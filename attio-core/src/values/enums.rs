//! `select` and `status` attributes as Rust enums: the [`AttioEnum`] trait that
//! `#[derive(AttioEnum)]` implements, and the read, write and filter paths the derive's
//! impls call (through `__private`).

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::SerializeMap;
use serde_json::Value;
use uuid::Uuid;

use super::select::OptionField;
use super::status::StatusField;
use super::wire::skip;
use crate::error::ValueError;
use crate::schema::AttributeType;

/// The options of a `select` attribute, or the statuses of a `status` attribute, as a Rust
/// enum: one unit variant per title known when the code was written, and one catch-all
/// variant holding any other title.
///
/// Implemented by `#[derive(AttioEnum)]` (re-exported beside this trait), which also makes
/// the enum a value type: a model field may be `DealStage`, `Option<DealStage>`,
/// `Vec<Tag>` (a multiselect select), or any of them in `Tracked<…>`, in a record model
/// (`AttioRecord`) or an entry model (`AttioEntry`).
///
/// - **Read**: the option's or status's `title` picks the variant; a title no variant names
///   (an option added in Attio after the build) decodes into the catch-all, never into an
///   error.
/// - **Written** by title: `{"option": "<title>"}` or `{"status": "<title>"}`, as
///   [`SelectOption::by_title`](crate::values::SelectOption::by_title) and
///   [`Status::by_title`](crate::values::Status::by_title) are. Attio never creates an
///   option on write: a title it does not have is its `value_not_found` error.
/// - **Filtered** with the enum itself: `d.stage.eq(DealStage::Won)` is
///   `{"stage":{"$eq":"Won"}}`; another enum, or a plain string, does not compile.
/// - **Checked** against the workspace: the attribute row of the field
///   ([`AttributeDef::options`](crate::AttributeDef::options)) lists [`AttioEnum::TITLES`],
///   which [`Client::check_schema`](crate::Client::check_schema) looks for among the
///   attribute's options or statuses.
///
/// The grammar: `#[attio(select)]` or `#[attio(status)]` on the enum (exactly one), and
/// optionally `#[attio(crate = "path")]`; `#[attio(title = "…")]` on a variant whose title is
/// not its name; `#[attio(other)]` on exactly one variant with one unnamed field, the
/// catch-all (a `String`, or any type that is `From<&str>` and `AsRef<str>`, such as
/// `Box<str>`). Titles are matched exactly (case and spaces included); `from_title` never
/// puts a known title into the catch-all, but a catch-all built by hand may hold one (it is
/// then written, and filtered, by that title all the same).
///
/// ```
/// use attio_core::{json, AttioEnum, AttioRecord};
///
/// #[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
/// #[attio(status)]
/// pub enum DealStage {
///     Lead,
///     #[attio(title = "In Progress")]
///     InProgress,
///     #[attio(title = "Won 🎉")]
///     Won,
///     #[attio(other)]
///     Other(String),
/// }
///
/// assert_eq!(DealStage::TITLES, ["Lead", "In Progress", "Won 🎉"]);
/// assert_eq!(DealStage::from_title("In Progress"), DealStage::InProgress);
/// assert_eq!(DealStage::from_title("Churned"), DealStage::Other("Churned".into()));
/// assert_eq!(DealStage::Won.title(), "Won 🎉");
///
/// #[derive(AttioRecord)]
/// #[attio(object = "deals")]
/// struct Deal {
///     stage: Option<DealStage>,
/// }
///
/// let won = Deal { stage: Some(DealStage::Won) };
/// assert_eq!(
///     json::encode_create(&won)?,
///     r#"{"data":{"values":{"stage":[{"status":"Won 🎉"}]}}}"#.as_bytes()
/// );
/// let filter = Deal::attrs().stage.eq(DealStage::Won);
/// assert_eq!(filter.to_string(), r#"{"stage":{"$eq":"Won 🎉"}}"#);
/// # Ok::<(), attio_core::Error>(())
/// ```
///
/// A filter takes the attribute's own enum only:
///
/// ```compile_fail
/// # use attio_core::{AttioEnum, AttioRecord};
/// # #[derive(AttioEnum)]
/// # #[attio(status)]
/// # enum DealStage { Won, #[attio(other)] Other(String) }
/// # #[derive(AttioRecord)]
/// # #[attio(object = "deals")]
/// # struct Deal { stage: Option<DealStage> }
/// let f = Deal::attrs().stage.eq("Won");
/// ```
pub trait AttioEnum: Sized {
    /// [`AttributeType::Select`] or [`AttributeType::Status`]: what the variants are the
    /// options of.
    const ATTRIBUTE_TYPE: AttributeType;
    /// The titles of the known variants, in declaration order (the catch-all has none).
    const TITLES: &'static [&'static str];

    /// The title this value stands for: the variant's title, or the catch-all's content.
    fn title(&self) -> &str;

    /// The variant whose title is `title`, or the catch-all holding it.
    fn from_title(title: &str) -> Self;
}

/// What a `select` or `status` value object said of its option: the title, or only an id.
#[doc(hidden)]
#[derive(Debug, Default)]
pub struct EnumBuilder {
    title: Option<String>,
    id: Option<Uuid>,
    seen: bool,
}

/// The key of the value object holding the option or status.
fn value_key<E: AttioEnum>() -> &'static str {
    match E::ATTRIBUTE_TYPE {
        AttributeType::Status => "status",
        _ => "option",
    }
}

/// What one option is called in messages.
fn kind<E: AttioEnum>() -> &'static str {
    match E::ATTRIBUTE_TYPE {
        AttributeType::Status => "status",
        _ => "select option",
    }
}

/// Reads the `option` (select) or `status` (status) key through the paths of
/// [`SelectOption`](crate::values::SelectOption) and [`Status`](crate::values::Status).
#[doc(hidden)]
#[inline]
pub fn read_field<'de, E: AttioEnum, A: MapAccess<'de>>(
    builder: &mut EnumBuilder,
    key: &str,
    map: &mut A,
) -> Result<(), A::Error> {
    match (E::ATTRIBUTE_TYPE, key) {
        (AttributeType::Status, "status") => {
            let status = map.next_value::<StatusField>()?.0;
            builder.id = status.status_id();
            builder.title = status.title;
            builder.seen = true;
        }
        (AttributeType::Select, "option") => {
            let option = map.next_value::<OptionField>()?.0;
            builder.id = option.option_id();
            builder.title = option.title;
            builder.seen = true;
        }
        _ => skip(map)?,
    }
    Ok(())
}

/// The variant of the title read; an option sent by id only cannot be matched to one.
#[doc(hidden)]
#[inline]
pub fn finish<E: AttioEnum, Er: de::Error>(builder: EnumBuilder) -> Result<E, Er> {
    match builder {
        EnumBuilder {
            title: Some(title), ..
        } => Ok(E::from_title(&title)),
        EnumBuilder { seen: false, .. } => Err(Er::missing_field(value_key::<E>())),
        EnumBuilder { id, .. } => Err(id_only::<E, Er>(id)),
    }
}

#[cold]
fn id_only<E: AttioEnum, Er: de::Error>(id: Option<Uuid>) -> Er {
    let id = id.map(|i| format!(" ({i})")).unwrap_or_default();
    Er::custom(format_args!(
        "the {} was sent by id only{id}, without its title: `{}` is read by title",
        kind::<E>(),
        std::any::type_name::<E>()
    ))
}

/// Writes `{"option": "<title>"}` or `{"status": "<title>"}`.
#[doc(hidden)]
#[inline]
pub fn write<E: AttioEnum, S: Serializer>(value: &E, serializer: S) -> Result<S::Ok, S::Error> {
    let mut m = serializer.serialize_map(Some(1))?;
    m.serialize_entry(value_key::<E>(), value.title())?;
    m.end()
}

/// Refuses an empty title (a catch-all built with `""`), which no option can have.
#[doc(hidden)]
pub fn validate<E: AttioEnum>(value: &E) -> Result<(), ValueError> {
    let title = value.title();
    if title.trim().is_empty() {
        let reason = match E::ATTRIBUTE_TYPE {
            AttributeType::Status => "a status title cannot be empty",
            _ => "an option title cannot be empty",
        };
        return Err(ValueError::new(kind::<E>(), title, reason));
    }
    Ok(())
}

/// `{"$eq": "<title>"}`: select and status values are compared by title.
#[doc(hidden)]
pub fn eq_constraint<E: AttioEnum>(value: &E) -> Value {
    let mut constraint = serde_json::Map::with_capacity(1);
    constraint.insert("$eq".to_owned(), Value::String(value.title().to_owned()));
    Value::Object(constraint)
}

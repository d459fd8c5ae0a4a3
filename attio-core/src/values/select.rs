//! `select` attributes.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Error as _, SerializeMap};
use serde::{Deserialize as DeriveDeserialize, Serializer};
use uuid::Uuid;

use super::wire::skip;
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// One option of a `select` attribute (single or multiselect, e.g. a company's
/// `categories`).
///
/// Read: `option` as the full object `{id: {workspace_id, object_id, attribute_id,
/// option_id}, title, is_archived}` (what record responses send), or as a bare option id
/// string (the spec's other variant).
///
/// Written: `{"option": "<option_id>"}` when the id is known (an id survives the option
/// being renamed), otherwise `{"option": "<title>"}`. Attio never creates an option on
/// write: an unknown title or id is an error (`value_not_found`).
///
/// ```
/// use attio_core::values::{SelectOption, WriteForm};
/// let b2b = SelectOption::by_title("B2B");
/// assert_eq!(serde_json::to_string(&WriteForm(&b2b)).unwrap(), r#"{"option":"B2B"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SelectOption {
    /// `option.id`; `None` for an option built by title.
    pub id: Option<OptionId>,
    /// `option.title`; `None` when only the id was sent or given.
    pub title: Option<String>,
    /// `option.is_archived` (`false` when not sent).
    pub is_archived: bool,
}

/// The id of a select option. Only `option_id` is known when Attio sent a bare id, or when
/// the option was built with [`SelectOption::by_id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OptionId {
    /// `workspace_id`
    pub workspace_id: Option<Uuid>,
    /// `object_id` (the list's id for a list attribute)
    pub object_id: Option<Uuid>,
    /// `attribute_id`
    pub attribute_id: Option<Uuid>,
    /// `option_id`: what identifies the option.
    pub option_id: Uuid,
}

impl SelectOption {
    /// An option to be written by its title, e.g. `"3D Printing"`.
    pub fn by_title(title: impl Into<String>) -> Self {
        SelectOption {
            title: Some(title.into()),
            ..SelectOption::default()
        }
    }

    /// An option to be written by its id.
    pub fn by_id(option_id: Uuid) -> Self {
        SelectOption {
            id: Some(OptionId {
                workspace_id: None,
                object_id: None,
                attribute_id: None,
                option_id,
            }),
            ..SelectOption::default()
        }
    }

    /// The option's own id, `id.option_id`, when known.
    pub fn option_id(&self) -> Option<Uuid> {
        self.id.map(|i| i.option_id)
    }

    /// From a bare string: an option id, or (tolerated) a title.
    fn from_bare(s: &str) -> Self {
        match Uuid::try_parse(s) {
            Ok(id) => SelectOption::by_id(id),
            Err(_) => SelectOption::by_title(s),
        }
    }
}

#[derive(DeriveDeserialize)]
struct OptionObject {
    #[serde(default)]
    id: Option<OptionIdObject>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    is_archived: Option<bool>,
}

#[derive(DeriveDeserialize)]
struct OptionIdObject {
    #[serde(default)]
    workspace_id: Option<Uuid>,
    #[serde(default)]
    object_id: Option<Uuid>,
    #[serde(default)]
    attribute_id: Option<Uuid>,
    #[serde(default)]
    option_id: Option<Uuid>,
}

/// The `option` key: a full option object or a bare id.
pub(super) struct OptionField(pub(super) SelectOption);

impl<'de> Deserialize<'de> for OptionField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = OptionField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a select option object or an option id")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OptionField, E> {
                Ok(OptionField(SelectOption::from_bare(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<OptionField, A::Error> {
                let o = OptionObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let id = o.id.and_then(|i| {
                    Some(OptionId {
                        workspace_id: i.workspace_id,
                        object_id: i.object_id,
                        attribute_id: i.attribute_id,
                        option_id: i.option_id?,
                    })
                });
                Ok(OptionField(SelectOption {
                    id,
                    title: o.title,
                    is_archived: o.is_archived.unwrap_or(false),
                }))
            }
        }
        d.deserialize_any(V)
    }
}

impl AttioValue for SelectOption {
    const TYPE: AttributeType = AttributeType::Select;
}

impl ReadValue for SelectOption {
    type Builder = Option<SelectOption>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<SelectOption>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "option" => *builder = Some(map.next_value::<OptionField>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<SelectOption>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("option"))
    }
}

impl WriteValue for SelectOption {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(1))?;
        match (&self.id, &self.title) {
            (Some(id), _) => m.serialize_entry("option", &id.option_id)?,
            (None, Some(title)) => m.serialize_entry("option", title)?,
            (None, None) => {
                return Err(S::Error::custom(
                    "a select option to write needs a title or an id",
                ));
            }
        }
        m.end()
    }

    fn validate(&self) -> Result<(), ValueError> {
        match (&self.id, &self.title) {
            (Some(_), _) => Ok(()),
            (None, Some(t)) if !t.trim().is_empty() => Ok(()),
            (None, Some(t)) => Err(ValueError::new(
                "select option",
                t.as_str(),
                "an option title cannot be empty",
            )),
            (None, None) => Err(ValueError::new(
                "select option",
                "",
                "an option to write needs a title or an id (`SelectOption::by_title`, `SelectOption::by_id`)",
            )),
        }
    }
}

//! `status` attributes.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde::ser::{Error as _, SerializeMap};
use serde::{Deserialize as DeriveDeserialize, Serializer};
use uuid::Uuid;

use super::wire::skip;
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// One status of a `status` attribute (a deal's `stage`, …).
///
/// Read: `status` as the full object `{id: {workspace_id, object_id, attribute_id,
/// status_id}, title, is_archived, celebration_enabled, target_time_in_status}` (what record
/// responses send), or as a bare status id string (the spec's other variant).
///
/// Written: `{"status": "<status_id>"}` when the id is known (an id survives the status
/// being renamed), otherwise `{"status": "<title>"}`. Attio never creates a status on
/// write: an unknown title or id is an error (`value_not_found`).
///
/// ```
/// use attio_core::values::{Status, WriteForm};
/// let won = Status::by_title("Won 🎉");
/// assert_eq!(serde_json::to_string(&WriteForm(&won)).unwrap(), r#"{"status":"Won 🎉"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Status {
    /// `status.id`; `None` for a status built by title.
    pub id: Option<StatusId>,
    /// `status.title`; `None` when only the id was sent or given.
    pub title: Option<String>,
    /// `status.is_archived` (`false` when not sent).
    pub is_archived: bool,
    /// `status.celebration_enabled` (`false` when not sent).
    pub celebration_enabled: bool,
    /// `status.target_time_in_status`: an ISO 8601 duration such as `P0DT6H0M0S`, kept as
    /// sent; `None` when the status has no target.
    pub target_time_in_status: Option<String>,
}

/// The id of a status. Only `status_id` is known when Attio sent a bare id, or when the
/// status was built with [`Status::by_id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct StatusId {
    /// `workspace_id`
    pub workspace_id: Option<Uuid>,
    /// `object_id` (the list's id for a list attribute)
    pub object_id: Option<Uuid>,
    /// `attribute_id`
    pub attribute_id: Option<Uuid>,
    /// `status_id`: what identifies the status.
    pub status_id: Uuid,
}

impl Status {
    /// A status to be written by its title, e.g. `"Lead"`.
    pub fn by_title(title: impl Into<String>) -> Self {
        Status {
            title: Some(title.into()),
            ..Status::default()
        }
    }

    /// A status to be written by its id.
    pub fn by_id(status_id: Uuid) -> Self {
        Status {
            id: Some(StatusId {
                workspace_id: None,
                object_id: None,
                attribute_id: None,
                status_id,
            }),
            ..Status::default()
        }
    }

    /// The status's own id, `id.status_id`, when known.
    pub fn status_id(&self) -> Option<Uuid> {
        self.id.map(|i| i.status_id)
    }

    /// From a bare string: a status id, or (tolerated) a title.
    fn from_bare(s: &str) -> Self {
        match Uuid::try_parse(s) {
            Ok(id) => Status::by_id(id),
            Err(_) => Status::by_title(s),
        }
    }
}

#[derive(DeriveDeserialize)]
struct StatusObject {
    #[serde(default)]
    id: Option<StatusIdObject>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    is_archived: Option<bool>,
    #[serde(default)]
    celebration_enabled: Option<bool>,
    #[serde(default)]
    target_time_in_status: Option<String>,
}

#[derive(DeriveDeserialize)]
struct StatusIdObject {
    #[serde(default)]
    workspace_id: Option<Uuid>,
    #[serde(default)]
    object_id: Option<Uuid>,
    #[serde(default)]
    attribute_id: Option<Uuid>,
    #[serde(default)]
    status_id: Option<Uuid>,
}

/// The `status` key: a full status object or a bare id.
pub(super) struct StatusField(pub(super) Status);

impl<'de> Deserialize<'de> for StatusField {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = StatusField;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a status object or a status id")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<StatusField, E> {
                Ok(StatusField(Status::from_bare(v)))
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<StatusField, A::Error> {
                let o = StatusObject::deserialize(de::value::MapAccessDeserializer::new(map))?;
                let id = o.id.and_then(|i| {
                    Some(StatusId {
                        workspace_id: i.workspace_id,
                        object_id: i.object_id,
                        attribute_id: i.attribute_id,
                        status_id: i.status_id?,
                    })
                });
                Ok(StatusField(Status {
                    id,
                    title: o.title,
                    is_archived: o.is_archived.unwrap_or(false),
                    celebration_enabled: o.celebration_enabled.unwrap_or(false),
                    target_time_in_status: o.target_time_in_status,
                }))
            }
        }
        d.deserialize_any(V)
    }
}

impl AttioValue for Status {
    const TYPE: AttributeType = AttributeType::Status;
}

impl ReadValue for Status {
    type Builder = Option<Status>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<Status>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "status" => *builder = Some(map.next_value::<StatusField>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<Status>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("status"))
    }
}

impl WriteValue for Status {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(1))?;
        match (&self.id, &self.title) {
            (Some(id), _) => m.serialize_entry("status", &id.status_id)?,
            (None, Some(title)) => m.serialize_entry("status", title)?,
            (None, None) => {
                return Err(S::Error::custom("a status to write needs a title or an id"));
            }
        }
        m.end()
    }

    fn validate(&self) -> Result<(), ValueError> {
        match (&self.id, &self.title) {
            (Some(_), _) => Ok(()),
            (None, Some(t)) if !t.trim().is_empty() => Ok(()),
            (None, Some(t)) => Err(ValueError::new(
                "status",
                t.as_str(),
                "a status title cannot be empty",
            )),
            (None, None) => Err(ValueError::new(
                "status",
                "",
                "a status to write needs a title or an id (`Status::by_title`, `Status::by_id`)",
            )),
        }
    }
}

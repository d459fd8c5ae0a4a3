//! The select options and statuses of an attribute (`…/attributes/{a}/options` and
//! `…/statuses`): read models, and the create and update bodies.
//!
//! Options and statuses are never deleted, only archived: an archived one keeps its id, so
//! that old values and history still name it.

use std::fmt;

use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::values::{OptionId, SelectOption, Status, StatusId};

/// One option of a `select` attribute, as the schema calls read it.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::AttributeOption;
/// use attio_core::values::SelectOption;
///
/// let body = br#"{"data":[{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///   "attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96",
///   "option_id":"08c2c59a-c18e-40c6-8dc4-95415313b2ea"},"title":"Medium","is_archived":false}]}"#;
/// let options: Vec<AttributeOption> = json::decode_data_list(body, "select option")?;
/// let medium = SelectOption::from(options[0].clone());
/// assert_eq!(medium.title.as_deref(), Some("Medium"));
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[non_exhaustive]
pub struct AttributeOption {
    /// The option's id.
    pub id: AttributeOptionId,
    /// The title, which values may be written by.
    pub title: String,
    /// Archived: no longer offered, still named by old values.
    pub is_archived: bool,
}

/// A select option's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct AttributeOptionId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The object, or the list for a list attribute.
    pub object_id: Uuid,
    /// The attribute.
    pub attribute_id: Uuid,
    /// The option.
    pub option_id: Uuid,
}

impl fmt::Display for AttributeOptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.option_id, f)
    }
}

impl From<AttributeOption> for SelectOption {
    /// The option as a value, to write into a `select` attribute (by id).
    fn from(o: AttributeOption) -> Self {
        SelectOption {
            id: Some(OptionId {
                workspace_id: Some(o.id.workspace_id),
                object_id: Some(o.id.object_id),
                attribute_id: Some(o.id.attribute_id),
                option_id: o.id.option_id,
            }),
            title: Some(o.title),
            is_archived: o.is_archived,
        }
    }
}

/// A select option update (`PATCH …/options/{option}`): only the fields set are sent.
///
/// ```
/// use attio_core::models::OptionUpdate;
///
/// let archive = OptionUpdate::default().archived(true);
/// assert_eq!(serde_json::to_string(&archive).unwrap(), r#"{"is_archived":true}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct OptionUpdate {
    /// A new title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Archives (`true`) or restores (`false`) the option.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_archived: Option<bool>,
}

impl OptionUpdate {
    /// Renames the option.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Archives (`true`) or restores (`false`) the option.
    pub fn archived(mut self, archived: bool) -> Self {
        self.is_archived = Some(archived);
        self
    }
}

/// One status of a `status` attribute, as the schema calls read it.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::AttributeStatus;
///
/// let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///   "attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96",
///   "status_id":"11f07f01-c10f-4e05-a522-33e050bc52ee"},"title":"In Progress",
///   "is_archived":false,"celebration_enabled":false,"target_time_in_status":"P0Y0M1DT0H0M0S"}}"#;
/// let status: AttributeStatus = json::decode_data(body, "status")?;
/// assert_eq!(status.target_time_in_status.as_deref(), Some("P0Y0M1DT0H0M0S"));
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[non_exhaustive]
pub struct AttributeStatus {
    /// The status's id.
    pub id: AttributeStatusId,
    /// The title, which values may be written by.
    pub title: String,
    /// Archived: no longer offered, still named by old values.
    pub is_archived: bool,
    /// Whether reaching the status shows a celebration in Attio.
    pub celebration_enabled: bool,
    /// How long a record should stay in the status, as an ISO 8601 duration.
    pub target_time_in_status: Option<String>,
}

/// A status's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct AttributeStatusId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The object, or the list for a list attribute.
    pub object_id: Uuid,
    /// The attribute.
    pub attribute_id: Uuid,
    /// The status.
    pub status_id: Uuid,
}

impl fmt::Display for AttributeStatusId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.status_id, f)
    }
}

impl From<AttributeStatus> for Status {
    /// The status as a value, to write into a `status` attribute (by id).
    fn from(s: AttributeStatus) -> Self {
        Status {
            id: Some(StatusId {
                workspace_id: Some(s.id.workspace_id),
                object_id: Some(s.id.object_id),
                attribute_id: Some(s.id.attribute_id),
                status_id: s.id.status_id,
            }),
            title: Some(s.title),
            is_archived: s.is_archived,
            celebration_enabled: s.celebration_enabled,
            target_time_in_status: s.target_time_in_status,
        }
    }
}

/// The body of a status create (`POST …/statuses`).
///
/// ```
/// use attio_core::models::NewStatus;
///
/// let won = NewStatus::new("Won").celebration().target_time_in_status("P14D");
/// assert_eq!(
///     serde_json::to_string(&won).unwrap(),
///     r#"{"title":"Won","celebration_enabled":true,"target_time_in_status":"P14D"}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct NewStatus {
    /// The title (not empty, unique on the attribute).
    pub title: String,
    /// Whether reaching the status shows a celebration in Attio.
    pub celebration_enabled: bool,
    /// How long a record should stay in the status, as an ISO 8601 duration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_time_in_status: Option<String>,
}

impl NewStatus {
    /// A status titled `title`, without celebration or target time.
    pub fn new(title: impl Into<String>) -> Self {
        NewStatus {
            title: title.into(),
            celebration_enabled: false,
            target_time_in_status: None,
        }
    }

    /// Celebrates reaching the status.
    pub fn celebration(mut self) -> Self {
        self.celebration_enabled = true;
        self
    }

    /// A target time in the status, as an ISO 8601 duration such as `P14D`.
    pub fn target_time_in_status(mut self, duration: impl Into<String>) -> Self {
        self.target_time_in_status = Some(duration.into());
        self
    }
}

/// A status update (`PATCH …/statuses/{status}`): only the fields set are sent.
///
/// ```
/// use attio_core::models::StatusUpdate;
///
/// let u = StatusUpdate::default().target_time_in_status(None).archived(true);
/// assert_eq!(
///     serde_json::to_string(&u).unwrap(),
///     r#"{"target_time_in_status":null,"is_archived":true}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct StatusUpdate {
    /// A new title.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Whether reaching the status shows a celebration.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub celebration_enabled: Option<bool>,
    /// A new target time (`Some(None)` removes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_time_in_status: Option<Option<String>>,
    /// Archives (`true`) or restores (`false`) the status.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_archived: Option<bool>,
}

impl StatusUpdate {
    /// Renames the status.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Turns the celebration on or off.
    pub fn celebration(mut self, enabled: bool) -> Self {
        self.celebration_enabled = Some(enabled);
        self
    }

    /// A new target time in the status; `None` removes it.
    pub fn target_time_in_status(mut self, duration: Option<String>) -> Self {
        self.target_time_in_status = Some(duration);
        self
    }

    /// Archives (`true`) or restores (`false`) the status.
    pub fn archived(mut self, archived: bool) -> Self {
        self.is_archived = Some(archived);
        self
    }
}

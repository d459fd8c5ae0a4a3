//! Attributes of an object or a list (`/v2/{objects|lists}/{id}/attributes`) as read, with
//! their type-dependent configuration and default value. The bodies that create and update
//! them are in `new_attribute`.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use uuid::Uuid;

use crate::schema::AttributeType;
use crate::values::Timestamp;

/// An attribute of an object or a list, as Attio reads it.
///
/// `type` is kept as sent in [`Attribute::attribute_type`], so that a type this version
/// does not know still decodes; [`Attribute::kind`] parses it.
///
/// ```
/// use attio_core::json;
/// use attio_core::AttributeType;
/// use attio_core::models::Attribute;
///
/// let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///   "attribute_id":"41252299-f8c7-4b5e-99c9-4ff8321d2f96"},"title":"Stage",
///   "description":null,"api_slug":"stage","type":"status","is_system_attribute":false,
///   "is_writable":true,"is_required":false,"is_unique":false,"is_multiselect":false,
///   "is_default_value_enabled":false,"is_archived":false,"default_value":null,
///   "relationship":null,"created_at":"2022-11-21T13:22:49.061281000Z",
///   "config":{"currency":{"default_currency_code":null,"display_type":null},
///   "record_reference":{"allowed_object_ids":null}}}}"#;
/// let stage: Attribute = json::decode_data(body, "attribute")?;
/// assert_eq!(stage.kind(), Some(AttributeType::Status));
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Attribute {
    /// The attribute's id; `object_id` is the list's id for a list attribute.
    pub id: AttributeId,
    /// The title shown in Attio.
    pub title: String,
    /// A description, when there is one.
    pub description: Option<String>,
    /// The slug that keys the attribute's values.
    pub api_slug: String,
    /// The type's wire spelling (`record-reference`, …), kept as sent.
    #[serde(rename = "type")]
    pub attribute_type: String,
    /// Defined by Attio.
    pub is_system_attribute: bool,
    /// Whether values can be written (false only for some system attributes, usually
    /// enriched ones).
    pub is_writable: bool,
    /// New records or entries must have a value.
    pub is_required: bool,
    /// New values must be unique.
    pub is_unique: bool,
    /// Holds several values.
    pub is_multiselect: bool,
    /// Has a default value.
    pub is_default_value_enabled: bool,
    /// Archived: hidden, but restorable.
    pub is_archived: bool,
    /// The default value, when there is one.
    pub default_value: Option<DefaultValue>,
    /// The other side of a two-way relationship.
    pub relationship: Option<Relationship>,
    /// When the attribute was created.
    pub created_at: Timestamp,
    /// Type-dependent configuration.
    #[serde(default)]
    pub config: AttributeConfig,
}

impl Attribute {
    /// The attribute's type; `None` for a type this version does not know.
    pub fn kind(&self) -> Option<AttributeType> {
        AttributeType::parse(&self.attribute_type)
    }
}

/// An attribute's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct AttributeId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The object, or the list for a list attribute.
    pub object_id: Uuid,
    /// The attribute.
    pub attribute_id: Uuid,
}

impl fmt::Display for AttributeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.attribute_id, f)
    }
}

/// The configuration of an attribute, as read. Both members are always present; they are
/// only meaningful for their type.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
pub struct AttributeConfig {
    /// For `currency` attributes.
    #[serde(default)]
    pub currency: CurrencyConfig,
    /// For `record-reference` attributes.
    #[serde(default)]
    pub record_reference: RecordReferenceConfig,
}

/// The configuration of a `currency` attribute (both members may be `null`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
pub struct CurrencyConfig {
    /// The ISO 4217 code values are stored in, e.g. `USD`.
    #[serde(default)]
    pub default_currency_code: Option<String>,
    /// How amounts are shown in Attio.
    #[serde(default)]
    pub display_type: Option<CurrencyDisplay>,
}

/// The configuration of a `record-reference` attribute.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize, Serialize)]
pub struct RecordReferenceConfig {
    /// The objects whose records may be referenced; `None` (or empty) for any. Attio sends
    /// object ids; its documentation's example holds a slug, so they are kept as strings.
    #[serde(default)]
    pub allowed_object_ids: Option<Vec<String>>,
}

/// How a currency attribute's amounts are shown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CurrencyDisplay {
    /// `code`: `USD 1`.
    Code,
    /// `name`: `1 US dollars`.
    Name,
    /// `narrowSymbol`: `$1`.
    NarrowSymbol,
    /// `symbol`: `US$1`.
    Symbol,
    /// A display type this version does not know, kept as sent.
    Other(String),
}

impl CurrencyDisplay {
    /// Attio's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            CurrencyDisplay::Code => "code",
            CurrencyDisplay::Name => "name",
            CurrencyDisplay::NarrowSymbol => "narrowSymbol",
            CurrencyDisplay::Symbol => "symbol",
            CurrencyDisplay::Other(s) => s,
        }
    }

    /// Parses Attio's spelling; an unknown one is kept in [`CurrencyDisplay::Other`].
    pub fn parse(s: &str) -> Self {
        match s {
            "code" => CurrencyDisplay::Code,
            "name" => CurrencyDisplay::Name,
            "narrowSymbol" => CurrencyDisplay::NarrowSymbol,
            "symbol" => CurrencyDisplay::Symbol,
            other => CurrencyDisplay::Other(other.to_owned()),
        }
    }
}

impl Serialize for CurrencyDisplay {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for CurrencyDisplay {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(CurrencyDisplay::parse(&String::deserialize(d)?))
    }
}

/// An attribute's default value, read and written alike.
///
/// ```
/// use attio_core::models::DefaultValue;
///
/// assert_eq!(
///     serde_json::to_string(&DefaultValue::current_user()).unwrap(),
///     r#"{"type":"dynamic","template":"current-user"}"#
/// );
/// let five = DefaultValue::Static { template: vec![serde_json::json!({"value": 5})] };
/// assert_eq!(
///     serde_json::to_string(&five).unwrap(),
///     r#"{"type":"static","template":[{"value":5}]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum DefaultValue {
    /// Computed when a record or entry is created: `current-user` for actor references,
    /// an ISO 8601 duration such as `P1M` (now plus a month) for dates and timestamps.
    Dynamic {
        /// `current-user` or a duration.
        template: String,
    },
    /// Fixed values: written as input values (`{"value": 5}`), read as full values.
    Static {
        /// The values.
        template: Vec<serde_json::Value>,
    },
}

impl DefaultValue {
    /// The actor creating the record or entry (actor-reference attributes).
    pub fn current_user() -> Self {
        DefaultValue::Dynamic {
            template: "current-user".to_owned(),
        }
    }

    /// The creation time plus an ISO 8601 duration, e.g. `P1M` (dates and timestamps).
    pub fn from_now(duration: impl Into<String>) -> Self {
        DefaultValue::Dynamic {
            template: duration.into(),
        }
    }
}

/// The other side of a two-way relationship attribute, as read.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Relationship {
    /// The related attribute's id.
    pub id: AttributeId,
    /// The slug of the object it belongs to.
    pub object_slug: String,
    /// Its title.
    pub title: String,
    /// Its slug.
    pub api_slug: String,
    /// Whether it holds several values.
    pub is_multiselect: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_types_and_displays_decode() {
        let c: CurrencyConfig =
            serde_json::from_str(r#"{"default_currency_code":"USD","display_type":"fancy"}"#)
                .unwrap();
        assert_eq!(c.display_type, Some(CurrencyDisplay::Other("fancy".into())));
        for d in ["code", "name", "narrowSymbol", "symbol"] {
            assert_eq!(CurrencyDisplay::parse(d).as_str(), d);
        }
    }
}

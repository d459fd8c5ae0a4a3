//! The create and update bodies of attributes: [`NewAttribute`], [`AttributeUpdate`] and
//! the written form of their configuration and relationship.
//!
//! The read/write asymmetries of attributes live here: a record reference's allowed objects
//! are written as `config.record_reference.allowed_objects` (slugs or ids) and read as
//! `allowed_object_ids`; a relationship is written as `{object, title, api_slug,
//! is_multiselect}` and read with the other attribute's full id.

use serde::{Serialize, Serializer};

use super::attributes::{CurrencyDisplay, DefaultValue};
use crate::error::{Error, ValueError};
use crate::schema::AttributeType;

/// The other side of a new two-way relationship: Attio creates the reverse attribute
/// `api_slug` on `object` with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NewRelationship {
    /// The related object's slug or id.
    pub object: String,
    /// The reverse attribute's title.
    pub title: String,
    /// The reverse attribute's slug.
    pub api_slug: String,
    /// Whether the reverse attribute holds several values.
    pub is_multiselect: bool,
}

impl NewRelationship {
    /// A single-valued reverse attribute `api_slug` titled `title` on `object`.
    pub fn new(
        object: impl Into<String>,
        title: impl Into<String>,
        api_slug: impl Into<String>,
    ) -> Self {
        NewRelationship {
            object: object.into(),
            title: title.into(),
            api_slug: api_slug.into(),
            is_multiselect: false,
        }
    }

    /// Makes the reverse attribute hold several values.
    pub fn multiselect(mut self) -> Self {
        self.is_multiselect = true;
        self
    }
}

/// The written form of an attribute's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
struct ConfigInput {
    #[serde(skip_serializing_if = "Option::is_none")]
    currency: Option<CurrencyInput>,
    #[serde(skip_serializing_if = "Option::is_none")]
    record_reference: Option<RecordReferenceInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct CurrencyInput {
    default_currency_code: String,
    display_type: CurrencyDisplay,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
struct RecordReferenceInput {
    allowed_objects: Vec<String>,
}

impl ConfigInput {
    fn currency(&mut self, code: String, display: CurrencyDisplay) {
        self.currency = Some(CurrencyInput {
            default_currency_code: code,
            display_type: display,
        });
    }

    fn allowed_objects(&mut self, objects: Vec<String>) {
        self.record_reference = Some(RecordReferenceInput {
            allowed_objects: objects,
        });
    }
}

fn attribute_type_str<S: Serializer>(t: &AttributeType, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(t.as_str())
}

/// The body of an attribute create (`POST /v2/{objects|lists}/{id}/attributes`).
///
/// Every creatable type can be made: all but `interaction` and `personal-name`, which
/// Attio does not create (the client refuses them with [`Error::InvalidValue`] before
/// sending). A `currency` attribute needs [`NewAttribute::currency`], a
/// `record-reference` one [`NewAttribute::allowed_objects`].
///
/// ```
/// use attio_core::AttributeType;
/// use attio_core::models::{CurrencyDisplay, NewAttribute};
///
/// let amount = NewAttribute::new("Amount", "amount", AttributeType::Currency)
///     .required()
///     .currency("EUR", CurrencyDisplay::Symbol);
/// assert_eq!(
///     serde_json::to_string(&amount).unwrap(),
///     r#"{"title":"Amount","description":null,"api_slug":"amount","type":"currency","is_required":true,"is_unique":false,"is_multiselect":false,"config":{"currency":{"default_currency_code":"EUR","display_type":"symbol"}}}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct NewAttribute {
    title: String,
    description: Option<String>,
    api_slug: String,
    #[serde(rename = "type", serialize_with = "attribute_type_str")]
    attribute_type: AttributeType,
    is_required: bool,
    is_unique: bool,
    is_multiselect: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_value: Option<DefaultValue>,
    #[serde(skip_serializing_if = "Option::is_none")]
    relationship: Option<NewRelationship>,
    config: ConfigInput,
}

impl NewAttribute {
    /// An optional, non-unique, single-valued attribute `api_slug` of `attribute_type`,
    /// titled `title`, with no description.
    pub fn new(
        title: impl Into<String>,
        api_slug: impl Into<String>,
        attribute_type: AttributeType,
    ) -> Self {
        NewAttribute {
            title: title.into(),
            description: None,
            api_slug: api_slug.into(),
            attribute_type,
            is_required: false,
            is_unique: false,
            is_multiselect: false,
            default_value: None,
            relationship: None,
            config: ConfigInput::default(),
        }
    }

    /// The attribute's slug.
    pub fn api_slug(&self) -> &str {
        &self.api_slug
    }

    /// The attribute's type.
    pub fn attribute_type(&self) -> AttributeType {
        self.attribute_type
    }

    /// Sets the description.
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// New records or entries must have a value.
    pub fn required(mut self) -> Self {
        self.is_required = true;
        self
    }

    /// New values must be unique.
    pub fn unique(mut self) -> Self {
        self.is_unique = true;
        self
    }

    /// The attribute holds several values.
    pub fn multiselect(mut self) -> Self {
        self.is_multiselect = true;
        self
    }

    /// The default value.
    pub fn default_value(mut self, value: DefaultValue) -> Self {
        self.default_value = Some(value);
        self
    }

    /// Makes a record reference two-way, creating the reverse attribute.
    pub fn relationship(mut self, relationship: NewRelationship) -> Self {
        self.relationship = Some(relationship);
        self
    }

    /// For `currency`: the ISO 4217 code amounts are stored in and how they are shown.
    pub fn currency(mut self, code: impl Into<String>, display: CurrencyDisplay) -> Self {
        self.config.currency(code.into(), display);
        self
    }

    /// For `record-reference`: the objects (slugs or ids) whose records may be referenced.
    pub fn allowed_objects<I, S>(mut self, objects: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config
            .allowed_objects(objects.into_iter().map(Into::into).collect());
        self
    }

    /// Refuses what Attio would refuse for sure: a type it does not create.
    pub fn check(&self) -> Result<(), Error> {
        match self.attribute_type {
            AttributeType::Interaction | AttributeType::PersonalName => {
                Err(Error::from(ValueError::new(
                    "attribute type",
                    self.attribute_type.as_str(),
                    format!(
                        "Attio does not create `{}` attributes through the API (attribute `{}`)",
                        self.attribute_type, self.api_slug
                    ),
                )))
            }
            _ => Ok(()),
        }
    }
}

/// An attribute update (`PATCH …/attributes/{attribute}`): only the fields set are sent.
///
/// ```
/// use attio_core::models::AttributeUpdate;
///
/// let u = AttributeUpdate::default().title("Deal stage").description(None).archived(false);
/// assert_eq!(
///     serde_json::to_string(&u).unwrap(),
///     r#"{"title":"Deal stage","description":null,"is_archived":false}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct AttributeUpdate {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Option<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    api_slug: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_required: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_unique: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_archived: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    default_value: Option<Option<DefaultValue>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    config: Option<ConfigInput>,
}

impl AttributeUpdate {
    /// A new title.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// A new description; `None` removes it.
    pub fn description(mut self, description: Option<String>) -> Self {
        self.description = Some(description);
        self
    }

    /// A new slug.
    pub fn api_slug(mut self, api_slug: impl Into<String>) -> Self {
        self.api_slug = Some(api_slug.into());
        self
    }

    /// Whether new records or entries must have a value.
    pub fn required(mut self, required: bool) -> Self {
        self.is_required = Some(required);
        self
    }

    /// Whether new values must be unique.
    pub fn unique(mut self, unique: bool) -> Self {
        self.is_unique = Some(unique);
        self
    }

    /// Archives (`true`) or restores (`false`) the attribute.
    pub fn archived(mut self, archived: bool) -> Self {
        self.is_archived = Some(archived);
        self
    }

    /// A new default value; `None` removes it.
    pub fn default_value(mut self, value: Option<DefaultValue>) -> Self {
        self.default_value = Some(value);
        self
    }

    /// For `currency`: a new currency code and display.
    pub fn currency(mut self, code: impl Into<String>, display: CurrencyDisplay) -> Self {
        self.config
            .get_or_insert_with(ConfigInput::default)
            .currency(code.into(), display);
        self
    }

    /// For `record-reference`: new allowed objects (slugs or ids).
    pub fn allowed_objects<I, S>(mut self, objects: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.config
            .get_or_insert_with(ConfigInput::default)
            .allowed_objects(objects.into_iter().map(Into::into).collect());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_creatable_type_is_accepted_and_the_others_refused() {
        for t in AttributeType::ALL {
            let a = NewAttribute::new("T", "t", t);
            match t {
                AttributeType::Interaction | AttributeType::PersonalName => {
                    let e = a.check().unwrap_err();
                    let v = match &e {
                        Error::InvalidValue(v) => v,
                        other => panic!("{other:?}"),
                    };
                    assert_eq!(v.value, t.as_str());
                    assert!(e.to_string().contains("does not create"), "{e}");
                }
                _ => a.check().unwrap(),
            }
        }
    }

    #[test]
    fn a_new_attribute_sends_its_config_relationship_and_default() {
        let a = NewAttribute::new("Company", "company", AttributeType::RecordReference)
            .description("Where they work")
            .unique()
            .multiselect()
            .allowed_objects(["companies"])
            .relationship(NewRelationship::new("companies", "Team", "team").multiselect())
            .default_value(DefaultValue::from_now("P1M"));
        assert_eq!(a.api_slug(), "company");
        assert_eq!(a.attribute_type(), AttributeType::RecordReference);
        assert_eq!(
            serde_json::to_value(&a).unwrap(),
            json!({"title":"Company","description":"Where they work","api_slug":"company",
                "type":"record-reference","is_required":false,"is_unique":true,
                "is_multiselect":true,"default_value":{"type":"dynamic","template":"P1M"},
                "relationship":{"object":"companies","title":"Team","api_slug":"team",
                    "is_multiselect":true},
                "config":{"record_reference":{"allowed_objects":["companies"]}}})
        );
        let plain = NewAttribute::new("Notes", "notes", AttributeType::Text);
        assert_eq!(serde_json::to_value(&plain).unwrap()["config"], json!({}));
    }

    #[test]
    fn an_update_sends_only_what_is_set() {
        assert_eq!(
            serde_json::to_string(&AttributeUpdate::default()).unwrap(),
            "{}"
        );
        let u = AttributeUpdate::default()
            .api_slug("value")
            .required(true)
            .unique(false)
            .default_value(None)
            .currency("USD", CurrencyDisplay::Code)
            .allowed_objects(["people"]);
        assert_eq!(
            serde_json::to_value(&u).unwrap(),
            json!({"api_slug":"value","is_required":true,"is_unique":false,"default_value":null,
                "config":{"currency":{"default_currency_code":"USD","display_type":"code"},
                    "record_reference":{"allowed_objects":["people"]}}})
        );
    }
}

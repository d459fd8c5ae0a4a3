//! The drift check: a model's attribute table compared with the live attributes of its
//! object or list (and the options or statuses its enum fields name), read through
//! [`Client::objects`]. The comparison itself is [`SchemaReport`]'s.

use crate::error::{Error, ModelKind};
use crate::http::client::Client;
use crate::models::{Attribute, MismatchKind, SchemaReport, Target};
use crate::schema::{AttioModel, AttributeDef, AttributeType};

impl Client {
    /// Compares the model `T`, a record model or an entry model, with the workspace: reads
    /// the attributes of its object or list (archived ones included, to tell "archived"
    /// from "missing") and, for each field holding a select or status enum
    /// ([`AttioEnum`](crate::AttioEnum)), the attribute's options or statuses, and returns
    /// every mismatch in a [`SchemaReport`]:
    ///
    /// - no attribute with the field's slug, or an archived one;
    /// - another attribute type than the field's value type;
    /// - a `Vec<T>` field on a single-valued attribute, or a `T` / `Option<T>` field on a
    ///   multiselect one;
    /// - a `T` field (required) on an attribute that is not required;
    /// - `#[attio(unique)]` on an attribute that is not unique;
    /// - a written field (not `#[attio(read_only)]`) on an attribute that is not writable;
    /// - an enum variant whose title no option or status has, or only an archived one
    ///   (Attio refuses archived options in writes).
    ///
    /// Attributes the model does not declare, and options its enum does not name (they
    /// decode into the catch-all), are not mismatches. An object or list that does not exist
    /// is Attio's 404 ([`Error::is_not_found`]).
    ///
    /// ```no_run
    /// use attio_core::{AttioEnum, AttioRecord, Client};
    ///
    /// #[derive(AttioEnum, Debug, Clone, PartialEq, Eq)]
    /// #[attio(status)]
    /// enum Stage {
    ///     Lead,
    ///     #[attio(other)]
    ///     Other(String),
    /// }
    ///
    /// #[derive(AttioRecord)]
    /// #[attio(object = "deals")]
    /// struct Deal {
    ///     name: String,
    ///     stage: Stage,
    /// }
    ///
    /// # async fn ci(client: Client) -> Result<(), attio_core::Error> {
    /// let report = client.check_schema::<Deal>().await?;
    /// for mismatch in report.mismatches() {
    ///     println!("{mismatch}");
    /// }
    /// report.assert_ok(); // panics with every mismatch and what to change
    /// # Ok(())
    /// # }
    /// ```
    pub async fn check_schema<T: AttioModel>(&self) -> Result<SchemaReport, Error> {
        let target = match T::KIND {
            ModelKind::Record => Target::object(T::SLUG),
            ModelKind::Entry => Target::list(T::SLUG),
        };
        let live = self
            .objects()
            .attributes(&target)
            .show_archived(true)
            .await?;
        let mut report = SchemaReport::new(T::NAME, T::KIND, T::SLUG);
        for field in T::ATTRIBUTES {
            let Some(attribute) = find(&live, field.slug) else {
                report.push(field, MismatchKind::Missing);
                continue;
            };
            report.compare(field, attribute);
            if field.options.is_some()
                && !attribute.is_archived
                && attribute.attribute_type == field.attribute_type.as_str()
            {
                let titles = self.titles(&target, field).await?;
                let titles: Vec<(&str, bool)> =
                    titles.iter().map(|(t, a)| (t.as_str(), *a)).collect();
                report.compare_titles(field, &titles);
            }
        }
        Ok(report)
    }

    /// The titles of the options (select) or statuses (status) of the attribute of
    /// `field`, archived ones included, with whether each is archived.
    async fn titles(
        &self,
        target: &Target,
        field: &AttributeDef,
    ) -> Result<Vec<(String, bool)>, Error> {
        let schema = self.objects();
        Ok(match field.attribute_type {
            AttributeType::Status => schema
                .statuses(target, field.slug)
                .show_archived(true)
                .await?
                .into_iter()
                .map(|s| (s.title, s.is_archived))
                .collect(),
            _ => schema
                .options(target, field.slug)
                .show_archived(true)
                .await?
                .into_iter()
                .map(|o| (o.title, o.is_archived))
                .collect(),
        })
    }
}

/// The attribute with this slug; an unarchived one before an archived one (a slug freed
/// by archiving may have been taken again).
fn find<'a>(live: &'a [Attribute], slug: &str) -> Option<&'a Attribute> {
    let mut matching = live.iter().filter(|a| a.api_slug == slug);
    let first = matching.next()?;
    Some(if first.is_archived {
        matching.find(|a| !a.is_archived).unwrap_or(first)
    } else {
        first
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn attribute(slug: &str, archived: bool, ty: &str) -> Attribute {
        serde_json::from_value(serde_json::json!({
            "id": {"workspace_id": uuid::Uuid::nil(), "object_id": uuid::Uuid::nil(),
                   "attribute_id": uuid::Uuid::new_v4()},
            "title": slug, "description": null, "api_slug": slug, "type": ty,
            "is_system_attribute": false, "is_writable": true, "is_required": false,
            "is_unique": false, "is_multiselect": false, "is_default_value_enabled": false,
            "is_archived": archived, "default_value": null, "relationship": null,
            "created_at": "2022-11-21T13:22:49.061281000Z"
        }))
        .unwrap()
    }

    #[test]
    fn an_unarchived_attribute_is_found_before_an_archived_one_of_the_same_slug() {
        let live = [
            attribute("notes", true, "number"),
            attribute("stage", false, "status"),
            attribute("notes", false, "text"),
        ];
        assert_eq!(find(&live, "notes").unwrap().attribute_type, "text");
        assert!(!find(&live, "notes").unwrap().is_archived);
        let archived = [attribute("notes", true, "text")];
        assert!(find(&archived, "notes").unwrap().is_archived);
        assert!(find(&live, "missing").is_none());
    }
}

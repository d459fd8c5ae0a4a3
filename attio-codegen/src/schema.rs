//! What the generator reads: the objects and lists asked for, with their attributes and
//! the titles of their select options and statuses, as plain data ([`Schema`]), and
//! [`fetch`], which reads it from the API.

use attio_core::models::{Attribute, List, Object, Target};
use attio_core::{AttributeType, Client};

use crate::error::CodegenError;

/// Whether a model is a record of an object or an entry of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ModelKind {
    /// `#[derive(AttioRecord)]`, `#[attio(object = "…")]`.
    Object,
    /// `#[derive(AttioEntry)]`, `#[attio(list = "…")]`.
    List,
}

/// An object or a list to generate a model for, by slug.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Wanted {
    /// `--object SLUG`
    Object(String),
    /// `--list SLUG`
    List(String),
}

/// What to read: the objects and lists named, in order, or every one of them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Selection {
    /// The objects and lists named on the command line, in order.
    pub wanted: Vec<Wanted>,
    /// Every object, then every list, of the workspace (after `wanted`).
    pub all: bool,
}

/// The schema of the models to generate, in the order they are generated.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Schema {
    /// One per model.
    pub models: Vec<ModelSchema>,
}

/// An object or a list and its attributes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelSchema {
    /// An object or a list.
    pub kind: ModelKind,
    /// The object's or list's `api_slug`.
    pub slug: String,
    /// An object's singular noun (the model is named after it), or a list's name.
    pub name: String,
    /// A list's parent objects (empty for an object).
    pub parent_objects: Vec<String>,
    /// The unarchived attributes, in the order Attio lists them.
    pub attributes: Vec<AttributeSchema>,
}

/// One attribute, with what the generator needs of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeSchema {
    /// `api_slug`.
    pub slug: String,
    /// The title shown in Attio.
    pub title: String,
    /// The description, when there is one.
    pub description: Option<String>,
    /// The type's wire spelling (`record-reference`, …).
    pub attribute_type: String,
    /// Whether values can be written.
    pub is_writable: bool,
    /// Whether new records or entries need a value.
    pub is_required: bool,
    /// Whether values are unique.
    pub is_unique: bool,
    /// Whether the attribute holds several values.
    pub is_multiselect: bool,
    /// For a record reference: the slugs of the objects it may point to (empty for any).
    pub target_objects: Vec<String>,
    /// For a select or a status: the titles of the unarchived options or statuses, in
    /// Attio's order.
    pub choices: Vec<String>,
}

impl AttributeSchema {
    /// The attribute's type, `None` for one this version does not know.
    pub fn kind(&self) -> Option<AttributeType> {
        AttributeType::parse(&self.attribute_type)
    }
}

/// Reads the schema of `selection` through `client`: the objects and lists (an unknown
/// slug is an error naming it and the workspace's slugs), their unarchived attributes, and
/// the unarchived options and statuses of their select and status attributes.
pub async fn fetch(client: &Client, selection: &Selection) -> Result<Schema, CodegenError> {
    let base = client.base_url().to_owned();
    let schema = client.objects();
    let objects = schema
        .all()
        .await
        .map_err(|e| CodegenError::from_call("the workspace's objects", &base, e))?;
    let needs_lists = selection.all
        || selection
            .wanted
            .iter()
            .any(|w| matches!(w, Wanted::List(_)));
    let lists = if needs_lists {
        client
            .lists()
            .all()
            .await
            .map_err(|e| CodegenError::from_call("the workspace's lists", &base, e))?
    } else {
        Vec::new()
    };

    let mut order = selection.wanted.clone();
    if selection.all {
        order.extend(
            objects
                .iter()
                .filter_map(|o| o.api_slug.clone())
                .map(Wanted::Object),
        );
        order.extend(lists.iter().map(|l| Wanted::List(l.api_slug.clone())));
    }
    let mut seen = std::collections::HashSet::new();
    order.retain(|w| seen.insert(w.clone()));

    let mut models = Vec::with_capacity(order.len());
    for wanted in &order {
        let model = match wanted {
            Wanted::Object(slug) => {
                let object = objects
                    .iter()
                    .find(|o| o.api_slug.as_deref() == Some(slug.as_str()))
                    .ok_or_else(|| CodegenError::UnknownObject {
                        slug: slug.clone(),
                        known: objects.iter().filter_map(|o| o.api_slug.clone()).collect(),
                    })?;
                object_model(object)
            }
            Wanted::List(slug) => {
                let list = lists.iter().find(|l| &l.api_slug == slug).ok_or_else(|| {
                    CodegenError::UnknownList {
                        slug: slug.clone(),
                        known: lists.iter().map(|l| l.api_slug.clone()).collect(),
                    }
                })?;
                list_model(list)
            }
        };
        models.push(model);
    }

    for model in &mut models {
        let target = match model.kind {
            ModelKind::Object => Target::object(&model.slug),
            ModelKind::List => Target::list(&model.slug),
        };
        let what = format!("the attributes of {target}");
        let attributes = schema
            .attributes(&target)
            .await
            .map_err(|e| CodegenError::from_call(&what, &base, e))?;
        for attribute in attributes.iter().filter(|a| !a.is_archived) {
            let mut a = attribute_schema(attribute, &objects);
            let what = format!("the choices of `{}` of {target}", a.slug);
            a.choices = match a.kind() {
                Some(AttributeType::Select) => schema
                    .options(&target, &a.slug)
                    .await
                    .map_err(|e| CodegenError::from_call(&what, &base, e))?
                    .into_iter()
                    .filter(|o| !o.is_archived)
                    .map(|o| o.title)
                    .collect(),
                Some(AttributeType::Status) => schema
                    .statuses(&target, &a.slug)
                    .await
                    .map_err(|e| CodegenError::from_call(&what, &base, e))?
                    .into_iter()
                    .filter(|s| !s.is_archived)
                    .map(|s| s.title)
                    .collect(),
                _ => Vec::new(),
            };
            model.attributes.push(a);
        }
    }
    Ok(Schema { models })
}

fn object_model(object: &Object) -> ModelSchema {
    let slug = object.api_slug.clone().unwrap_or_default();
    ModelSchema {
        kind: ModelKind::Object,
        name: object
            .singular_noun
            .clone()
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| slug.clone()),
        slug,
        parent_objects: Vec::new(),
        attributes: Vec::new(),
    }
}

fn list_model(list: &List) -> ModelSchema {
    ModelSchema {
        kind: ModelKind::List,
        slug: list.api_slug.clone(),
        name: list.name.clone(),
        parent_objects: list.parent_object.clone(),
        attributes: Vec::new(),
    }
}

/// The attribute, its allowed objects named by slug: Attio sends object ids, its
/// documentation shows slugs, so either is looked up.
fn attribute_schema(a: &Attribute, objects: &[Object]) -> AttributeSchema {
    let target_objects = a
        .config
        .record_reference
        .allowed_object_ids
        .iter()
        .flatten()
        .map(|id| {
            objects
                .iter()
                .find(|o| o.id.object_id.to_string() == *id || o.api_slug.as_deref() == Some(id))
                .and_then(|o| o.api_slug.clone())
                .unwrap_or_else(|| id.clone())
        })
        .collect();
    AttributeSchema {
        slug: a.api_slug.clone(),
        title: a.title.clone(),
        description: a.description.clone().filter(|d| !d.trim().is_empty()),
        attribute_type: a.attribute_type.clone(),
        is_writable: a.is_writable,
        is_required: a.is_required,
        is_unique: a.is_unique,
        is_multiselect: a.is_multiselect,
        target_objects,
        choices: Vec::new(),
    }
}

//! `POST /v2/objects/{object}/attributes` and `POST /v2/lists/{list}/attributes`, in steps:
//! the body read into a [`NewAttribute`], checked against the object or list, turned into a
//! definition, given its type's configuration (currency, allowed objects), its relationship
//! (which creates the reverse attribute; objects only) and its default value.

use axum::extract::Path;
use chrono::Utc;
use serde_json::{Map, Value, json};
use uuid::Uuid;

use super::extract::{Db, JsonBody, Out, body_data, data, req_bool, req_str, unrecognized_key};
use crate::error::{ApiError, ApiResult, json_type};
use crate::model::{AttributeDef, Owner, OwnerKey, RelationshipRef, State};
use crate::store::schema::{
    self, Target, attribute_json, attribute_slug_in_use, attribute_slug_taken, find_owner,
    invalid_slug, object_not_found, valid_slug,
};
use crate::values::parse_element;

/// The types an attribute can be created with.
const CREATABLE: [&str; 15] = [
    "text",
    "number",
    "checkbox",
    "currency",
    "date",
    "timestamp",
    "rating",
    "status",
    "select",
    "record-reference",
    "actor-reference",
    "location",
    "domain",
    "email-address",
    "phone-number",
];

/// The types that can be multiselect.
const MULTI_OK: [&str; 6] = [
    "select",
    "record-reference",
    "actor-reference",
    "domain",
    "email-address",
    "phone-number",
];

/// The keys `data` may hold.
const KEYS: [&str; 10] = [
    "title",
    "description",
    "api_slug",
    "type",
    "is_required",
    "is_unique",
    "is_multiselect",
    "default_value",
    "relationship",
    "config",
];

/// The body of an attribute create, checked on its own.
struct NewAttribute<'a> {
    title: &'a str,
    description: Option<String>,
    slug: &'a str,
    ty: &'a str,
    is_required: bool,
    is_unique: bool,
    is_multiselect: bool,
    config: &'a Map<String, Value>,
    relationship: Option<&'a Value>,
    default_value: Option<&'a Value>,
}

impl<'a> NewAttribute<'a> {
    /// Reads `data`: every field present and of its type, no unknown key, a creatable
    /// type, a snake_case slug, and multiselect and unique only where the type allows.
    fn parse(d: &'a Map<String, Value>) -> ApiResult<Self> {
        let title = req_str(d, "title", 1)?;
        let description = match d.get("description") {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Null) => None,
            other => {
                return Err(ApiError::schema(
                    vec![json!("data"), json!("description")],
                    "invalid_type",
                    "string | null",
                    json_type(other),
                    "Required",
                ));
            }
        };
        let slug = req_str(d, "api_slug", 1)?;
        let ty = req_str(d, "type", 1)?;
        let is_required = req_bool(d, "is_required")?;
        let is_unique = req_bool(d, "is_unique")?;
        let is_multiselect = req_bool(d, "is_multiselect")?;
        let config = match d.get("config") {
            Some(Value::Object(m)) => m,
            other => {
                return Err(ApiError::schema(
                    vec![json!("data"), json!("config")],
                    "invalid_type",
                    "object",
                    json_type(other),
                    "Required",
                ));
            }
        };
        if let Some(k) = d.keys().find(|k| !KEYS.contains(&k.as_str())) {
            return Err(unrecognized_key(k));
        }
        if !CREATABLE.contains(&ty) {
            return Err(ApiError::schema(
                vec![json!("data"), json!("type")],
                "invalid_enum_value",
                &CREATABLE.join(" | "),
                ty,
                &format!("Invalid enum value. Attributes of type '{ty}' cannot be created."),
            ));
        }
        if !valid_slug(slug) {
            return Err(invalid_slug(slug));
        }
        if is_multiselect && !MULTI_OK.contains(&ty) {
            return Err(ApiError::validation(format!(
                "Attributes of type \"{ty}\" cannot be multiselect."
            )));
        }
        if is_unique && matches!(ty, "select" | "status" | "checkbox" | "location") {
            return Err(ApiError::validation(format!(
                "Attributes of type \"{ty}\" cannot be unique."
            )));
        }
        Ok(NewAttribute {
            title,
            description,
            slug,
            ty,
            is_required,
            is_unique,
            is_multiselect,
            config,
            relationship: d.get("relationship"),
            default_value: d.get("default_value"),
        })
    }

    /// Whether `o` can take it: a free slug, and no custom unique attribute on companies.
    fn check_owner(&self, o: &dyn Owner) -> ApiResult<()> {
        if self.is_unique && o.key() == OwnerKey::object("companies") {
            return Err(ApiError::validation(
                "Custom unique attributes cannot be created on the companies object.",
            ));
        }
        if attribute_slug_in_use(o, self.slug) {
            return Err(attribute_slug_taken(o, self.slug));
        }
        Ok(())
    }

    /// The definition, before its type's configuration.
    fn definition(&self) -> AttributeDef {
        AttributeDef {
            id: Uuid::new_v4(),
            title: self.title.to_string(),
            description: self.description.clone(),
            api_slug: self.slug.to_string(),
            attr_type: self.ty.to_string(),
            is_system_attribute: false,
            is_writable: true,
            is_required: self.is_required,
            is_unique: self.is_unique,
            is_multiselect: self.is_multiselect,
            is_archived: false,
            default_value: Value::Null,
            relationship: None,
            created_at: Utc::now(),
            currency_code: None,
            currency_display_type: None,
            allowed_objects: None,
            options: vec![],
            statuses: vec![],
            enriched: false,
        }
    }
}

/// `config.currency` of a currency attribute: a three-letter code and a display type.
fn currency_config(attr: &mut AttributeDef, config: &Map<String, Value>) -> ApiResult<()> {
    let c = config.get("currency").and_then(Value::as_object);
    let code = c
        .and_then(|c| c.get("default_currency_code"))
        .and_then(Value::as_str);
    let disp = c
        .and_then(|c| c.get("display_type"))
        .and_then(Value::as_str);
    match (code, disp) {
        (Some(code), Some(disp))
            if code.len() == 3
                && code.chars().all(|c| c.is_ascii_uppercase())
                && ["code", "name", "narrowSymbol", "symbol"].contains(&disp) =>
        {
            attr.currency_code = Some(code.to_string());
            attr.currency_display_type = Some(disp.to_string());
            Ok(())
        }
        _ => Err(ApiError::schema(
            vec![json!("data"), json!("config"), json!("currency")],
            "invalid_type",
            "{default_currency_code, display_type}",
            "undefined",
            "Currency attributes need config.currency.default_currency_code and display_type",
        )),
    }
}

/// `config.record_reference.allowed_objects` of a record-reference attribute: at least
/// one existing object.
fn allowed_objects(
    st: &State,
    attr: &mut AttributeDef,
    config: &Map<String, Value>,
) -> ApiResult<()> {
    let allowed = config
        .get("record_reference")
        .and_then(|r| r.get("allowed_objects"))
        .and_then(Value::as_array)
        .filter(|a| !a.is_empty())
        .ok_or_else(|| {
            ApiError::schema(
                vec![
                    json!("data"),
                    json!("config"),
                    json!("record_reference"),
                    json!("allowed_objects"),
                ],
                "invalid_type",
                "array",
                "undefined",
                "Record-reference attributes need config.record_reference.allowed_objects (at least one)",
            )
        })?;
    let mut slugs = vec![];
    for a in allowed {
        let key = a.as_str().unwrap_or_default();
        slugs.push(
            st.object(key)
                .ok_or_else(|| object_not_found(key))?
                .api_slug
                .clone(),
        );
    }
    attr.allowed_objects = Some(slugs);
    Ok(())
}

/// A `relationship` makes `attr` one side of a two-way relationship and returns the
/// other side, to be added to the target object. Relationships join objects only.
fn relationship(
    st: &State,
    o: &dyn Owner,
    attr: &mut AttributeDef,
    spec: Option<&Value>,
) -> ApiResult<Option<(String, AttributeDef)>> {
    let r = match spec {
        None | Some(Value::Null) => return Ok(None),
        Some(Value::Object(r)) => r,
        Some(other) => {
            return Err(ApiError::schema(
                vec![json!("data"), json!("relationship")],
                "invalid_type",
                "object | null",
                json_type(Some(other)),
                "Expected object",
            ));
        }
    };
    if attr.attr_type != "record-reference" {
        return Err(ApiError::validation(
            "Only record-reference attributes can have a relationship.",
        ));
    }
    if !matches!(o.key(), OwnerKey::Object(_)) {
        return Err(ApiError::validation(
            "Relationships can only be created between the attributes of objects.",
        ));
    }
    let target = req_str(r, "object", 1)?;
    let rtitle = req_str(r, "title", 1)?;
    let rslug = req_str(r, "api_slug", 1)?;
    let rmulti = req_bool(r, "is_multiselect")?;
    let to = st.object(target).ok_or_else(|| object_not_found(target))?;
    if to.attribute(rslug).is_some() || (to.id == o.id() && rslug == attr.api_slug) {
        return Err(attribute_slug_taken(to, rslug));
    }
    attr.allowed_objects = Some(vec![to.api_slug.clone()]);
    attr.relationship = Some(RelationshipRef {
        object: to.api_slug.clone(),
        attribute: rslug.to_string(),
    });
    let mut rev = attr.clone();
    rev.id = Uuid::new_v4();
    rev.title = rtitle.to_string();
    rev.api_slug = rslug.to_string();
    rev.description = None;
    rev.is_multiselect = rmulti;
    rev.is_required = false;
    rev.is_unique = false;
    rev.allowed_objects = Some(vec![o.slug().to_string()]);
    rev.relationship = Some(RelationshipRef {
        object: o.slug().to_string(),
        attribute: attr.api_slug.clone(),
    });
    Ok(Some((to.api_slug.clone(), rev)))
}

/// `default_value`: `null`, `{type:"static", template:[values…]}` (each value valid for
/// the attribute) or `{type:"dynamic", template:"…"}`.
fn default_value(st: &State, attr: &mut AttributeDef, spec: Option<&Value>) -> ApiResult<()> {
    match spec {
        None | Some(Value::Null) => Ok(()),
        Some(dv @ Value::Object(m)) => {
            match (m.get("type").and_then(Value::as_str), m.get("template")) {
                (Some("static"), Some(Value::Array(tpl))) => {
                    for v in tpl {
                        parse_element(st, attr, v)?;
                    }
                }
                (Some("dynamic"), Some(Value::String(_))) => {}
                _ => {
                    return Err(ApiError::validation(
                        "default_value must be {type: \"static\", template: [...]} or {type: \"dynamic\", template: \"...\"}.",
                    ));
                }
            }
            attr.default_value = dv.clone();
            Ok(())
        }
        Some(_) => Err(ApiError::validation(
            "default_value must be an object or null.",
        )),
    }
}

/// `POST /v2/objects/{object}/attributes` and `POST /v2/lists/{list}/attributes`.
pub(super) async fn create_attribute(
    store: Db,
    target: Target,
    Path(owner): Path<String>,
    JsonBody(body): JsonBody,
) -> Out {
    let d = body_data(&body)?;
    let new = NewAttribute::parse(d)?;
    let mut st = store.write();
    let o = find_owner(&st, target, &owner)?;
    new.check_owner(&*o)?;
    let mut attr = new.definition();
    match new.ty {
        "currency" => currency_config(&mut attr, new.config)?,
        "record-reference" => allowed_objects(&st, &mut attr, new.config)?,
        _ => {}
    }
    let reverse = relationship(&st, &*o, &mut attr, new.relationship)?;
    default_value(&st, &mut attr, new.default_value)?;
    schema::add_attribute(&mut st, &o.key(), attr.clone(), reverse);
    store.stored();
    Ok(data(attribute_json(&st, &*o, &attr)))
}

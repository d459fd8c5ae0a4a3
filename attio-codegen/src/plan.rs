//! From the schema to a plan of the source: every name chosen (models, fields, enums,
//! variants), every field's type and keys, and the imports they need. Rendering the plan
//! into text is `render`'s job.

use std::collections::{BTreeMap, BTreeSet};

use attio_core::AttributeType;

use crate::names::{Taken, camel_of_field, field_name, type_name, variant_name};
use crate::schema::{AttributeSchema, ModelKind, ModelSchema, Schema};

/// Names the generated file imports or that the language has: no model or enum takes them.
const RESERVED: &[&str] = &[
    "AnyRecordRef",
    "AttioEntry",
    "AttioEnum",
    "AttioRecord",
    "RecordRef",
    "ActorRef",
    "Currency",
    "Date",
    "Domain",
    "EmailAddress",
    "Interaction",
    "Location",
    "PersonalName",
    "PhoneNumber",
    "Rating",
    "SelectOption",
    "Status",
    "Timestamp",
    "Box",
    "Clone",
    "Debug",
    "Default",
    "Eq",
    "Err",
    "None",
    "Ok",
    "Option",
    "PartialEq",
    "Result",
    "Self",
    "Some",
    "String",
    "Vec",
];

/// Why a slug the derives refuse is left out.
const SLUG_RULE: &str =
    "its slug is not one the attio-rs derives accept (lowercase letters, digits and `_`)";

/// Whether the derives accept `s` as a slug: `[a-z0-9_]+`, Attio's own rule.
fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// How the generator writes select and status attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Choices {
    /// An enum per attribute, `#[derive(AttioEnum)]`.
    Enums,
    /// The plain value types `Status` and `SelectOption`.
    Plain,
}

/// One generated file.
#[derive(Debug)]
pub struct Plan {
    /// The models, in the schema's order.
    pub models: Vec<ModelPlan>,
    /// Names imported from `attio_core`.
    pub root_imports: BTreeSet<&'static str>,
    /// Names imported from `attio_core::values`.
    pub value_imports: BTreeSet<&'static str>,
    /// Objects and lists left out: what, and why.
    pub skipped: Vec<String>,
}

/// One model and its enums.
#[derive(Debug)]
pub struct ModelPlan {
    /// Record or entry.
    pub kind: ModelKind,
    /// The object's or list's slug.
    pub slug: String,
    /// The noun or list name, for the docs.
    pub name: String,
    /// A list's parent objects.
    pub parent_objects: Vec<String>,
    /// The struct's name.
    pub ident: String,
    /// The fields, in the attributes' order.
    pub fields: Vec<FieldPlan>,
    /// Attributes left out: slug and why.
    pub skipped: Vec<(String, String)>,
    /// The enums of the model's select and status attributes, in the fields' order.
    pub enums: Vec<EnumPlan>,
}

/// One field.
#[derive(Debug)]
pub struct FieldPlan {
    /// The field's name.
    pub ident: String,
    /// The attribute's slug: renamed when it differs from `ident`.
    pub slug: String,
    /// The attribute's title.
    pub title: String,
    /// The attribute's description.
    pub description: Option<String>,
    /// The full type, e.g. `Option<RecordRef<Company>>`.
    pub ty: String,
    /// `#[attio(read_only)]`.
    pub read_only: bool,
    /// `#[attio(unique)]`.
    pub unique: bool,
    /// Unique in Attio but not writable: not an assert key, said in the docs.
    pub unique_read_only: bool,
}

/// One select or status enum.
#[derive(Debug)]
pub struct EnumPlan {
    /// The enum's name.
    pub ident: String,
    /// `status` or `select`.
    pub kind: &'static str,
    /// The field it types.
    pub field: String,
    /// The attribute's slug.
    pub slug: String,
    /// Variant name and title, in Attio's order.
    pub variants: Vec<(String, String)>,
    /// The catch-all arm's name (`Other`, unless a title took it).
    pub other: String,
}

/// Chooses every name and type of the file.
pub fn plan(schema: &Schema, choices: Choices) -> Plan {
    let mut plan = Plan {
        models: Vec::with_capacity(schema.models.len()),
        root_imports: BTreeSet::new(),
        value_imports: BTreeSet::new(),
        skipped: Vec::new(),
    };
    let mut models = Vec::with_capacity(schema.models.len());
    for model in &schema.models {
        if is_slug(&model.slug) {
            models.push(model);
        } else {
            let what = match model.kind {
                ModelKind::Object => "object",
                ModelKind::List => "list",
            };
            plan.skipped.push(format!(
                "the {what} {:?} is left out: {SLUG_RULE}",
                model.slug
            ));
        }
    }
    let mut types = Taken::with(RESERVED.iter().copied());
    let mut idents = Vec::with_capacity(models.len());
    for model in &models {
        let base = match model.kind {
            ModelKind::Object => type_name(&model.name),
            ModelKind::List => type_name(&model.slug),
        };
        let first = match model.kind {
            ModelKind::List if !free(&types, &base) => {
                format!("{}Entry", base.trim_end_matches('_'))
            }
            _ => base,
        };
        idents.push(claim_model(&mut types, &first));
    }
    // The objects generated in this run, which references may name by type.
    let mut targets = BTreeMap::new();
    for (model, ident) in models.iter().zip(&idents) {
        if model.kind == ModelKind::Object {
            targets.entry(model.slug.as_str()).or_insert(ident.as_str());
        }
    }

    for (model, ident) in models.iter().zip(&idents) {
        let m = plan_model(model, ident, &targets, choices, &mut types, &mut plan);
        plan.models.push(m);
    }
    plan
}

/// Whether `name` and the derive's `<name>Attrs` and `<name>Update` are all free.
fn free(types: &Taken, name: &str) -> bool {
    [
        name.to_owned(),
        format!("{name}Attrs"),
        format!("{name}Update"),
    ]
    .iter()
    .all(|n| !types.contains(n))
}

/// Takes a model name whose `Attrs` and `Update` companions are free too.
fn claim_model(types: &mut Taken, base: &str) -> String {
    let mut candidate = base.to_owned();
    let mut n = 2;
    while !free(types, &candidate) {
        candidate = format!("{}{n}", base.trim_end_matches('_'));
        n += 1;
    }
    for name in [
        candidate.clone(),
        format!("{candidate}Attrs"),
        format!("{candidate}Update"),
    ] {
        types.insert(&name);
    }
    candidate
}

fn plan_model(
    model: &ModelSchema,
    ident: &str,
    targets: &BTreeMap<&str, &str>,
    choices: Choices,
    types: &mut Taken,
    plan: &mut Plan,
) -> ModelPlan {
    plan.root_imports.insert(match model.kind {
        ModelKind::Object => "AttioRecord",
        ModelKind::List => "AttioEntry",
    });
    let mut fields_taken = Taken::default();
    let mut out = ModelPlan {
        kind: model.kind,
        slug: model.slug.clone(),
        name: model.name.clone(),
        parent_objects: model.parent_objects.clone(),
        ident: ident.to_owned(),
        fields: Vec::new(),
        skipped: Vec::new(),
        enums: Vec::new(),
    };
    for a in &model.attributes {
        if !is_slug(&a.slug) {
            out.skipped.push((a.slug.clone(), SLUG_RULE.to_owned()));
            continue;
        }
        let Some(kind) = a.kind() else {
            out.skipped.push((
                a.slug.clone(),
                format!(
                    "its type `{}` is unknown to this version of attio-codegen",
                    a.attribute_type
                ),
            ));
            continue;
        };
        let field = fields_taken.claim(&field_name(&a.slug));
        let value = match (kind, choices) {
            (AttributeType::Status | AttributeType::Select, Choices::Enums) => {
                let e = plan_enum(a, kind, ident, &field, types);
                plan.root_imports.insert("AttioEnum");
                let name = e.ident.clone();
                out.enums.push(e);
                name
            }
            (AttributeType::RecordReference, _) => match a.target_objects.as_slice() {
                [one] if targets.contains_key(one.as_str()) => {
                    plan.root_imports.insert("RecordRef");
                    format!("RecordRef<{}>", targets[one.as_str()])
                }
                _ => {
                    plan.root_imports.insert("AnyRecordRef");
                    "AnyRecordRef".to_owned()
                }
            },
            _ => {
                let (name, imported) = value_type(kind);
                if imported {
                    plan.value_imports.insert(name);
                }
                name.to_owned()
            }
        };
        let ty = if a.is_multiselect {
            format!("Vec<{value}>")
        } else if a.is_required {
            value
        } else {
            format!("Option<{value}>")
        };
        let read_only = !a.is_writable || kind == AttributeType::Interaction;
        out.fields.push(FieldPlan {
            ident: field,
            slug: a.slug.clone(),
            title: a.title.clone(),
            description: a.description.clone(),
            ty,
            read_only,
            unique: a.is_unique && !read_only,
            unique_read_only: a.is_unique && read_only,
        });
    }
    out
}

/// The Rust type of a value of `kind` (not a select, status or reference), and whether it
/// is imported from `attio_core::values`.
fn value_type(kind: AttributeType) -> (&'static str, bool) {
    match kind {
        AttributeType::Text => ("String", false),
        AttributeType::Number => ("f64", false),
        AttributeType::Checkbox => ("bool", false),
        AttributeType::Currency => ("Currency", true),
        AttributeType::Date => ("Date", true),
        AttributeType::Timestamp => ("Timestamp", true),
        AttributeType::Rating => ("Rating", true),
        AttributeType::Status => ("Status", true),
        AttributeType::Select => ("SelectOption", true),
        AttributeType::RecordReference => ("AnyRecordRef", false),
        AttributeType::ActorReference => ("ActorRef", true),
        AttributeType::Location => ("Location", true),
        AttributeType::Domain => ("Domain", true),
        AttributeType::EmailAddress => ("EmailAddress", true),
        AttributeType::PhoneNumber => ("PhoneNumber", true),
        AttributeType::PersonalName => ("PersonalName", true),
        AttributeType::Interaction => ("Interaction", true),
    }
}

fn plan_enum(
    a: &AttributeSchema,
    kind: AttributeType,
    model: &str,
    field: &str,
    types: &mut Taken,
) -> EnumPlan {
    // `Self_` + `stage` is `SelfStage`: an inner `_` would not be UpperCamelCase.
    let ident = types.claim(&format!(
        "{}{}",
        model.trim_end_matches('_'),
        camel_of_field(field)
    ));
    let mut taken = Taken::default();
    // A blank title cannot be a variant (the derive refuses it): it reads into the catch-all.
    let variants: Vec<(String, String)> = a
        .choices
        .iter()
        .filter(|title| !title.trim().is_empty())
        .map(|title| (taken.claim(&variant_name(title)), title.clone()))
        .collect();
    let other = ["Other", "Unknown", "OtherTitle"]
        .into_iter()
        .find(|n| !taken.contains(n))
        .map(str::to_owned)
        .unwrap_or_else(|| taken.claim("Other"));
    EnumPlan {
        ident,
        kind: if kind == AttributeType::Status {
            "status"
        } else {
            "select"
        },
        field: field.to_owned(),
        slug: a.slug.clone(),
        variants,
        other,
    }
}

//! `#[derive(AttioEnum)]` before expansion: reading `#[attio(...)]` on the enum and its
//! variants, and checking the rules into the [`EnumModel`] that `expand::enums` reads.
//!
//! ```text
//! #[attio(status)]                 // or select: exactly one
//! enum DealStage {
//!     #[attio(title = "In Progress")]
//!     InProgress,
//!     Won,                         // the title is the variant's name
//!     #[attio(other)]
//!     Other(String),               // exactly one catch-all, holding the title
//! }
//! ```

use std::collections::HashMap;

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Data, DeriveInput, Fields, Ident, Type};

use crate::attr::{crate_path, meta_key, string_value, unknown_key};
use crate::ctxt::Ctxt;

const CONTAINER_KEYS: &[&str] = &["select", "status", "crate"];
const VARIANT_KEYS: &[&str] = &["title", "other"];

/// Which attribute type the variants are the options of.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum EnumKind {
    /// `#[attio(select)]`: the options of a `select` attribute.
    Select,
    /// `#[attio(status)]`: the statuses of a `status` attribute.
    Status,
}

impl EnumKind {
    /// The `AttributeType` variant it stands for.
    pub fn type_variant(self) -> &'static str {
        match self {
            EnumKind::Select => "Select",
            EnumKind::Status => "Status",
        }
    }
}

/// What the enum's own `#[attio(...)]` said, read as far as it could be.
#[derive(Default)]
pub struct EnumContainer {
    /// `select` or `status`, when exactly one was written.
    pub kind: Option<EnumKind>,
    pub krate: Option<syn::Path>,
    /// An `#[attio(...)]` on the enum could not be read, or said both `select` and
    /// `status` (already reported): a missing kind is not worth a second error.
    pub malformed: bool,
}

/// A variant standing for one known title.
pub struct Known<'a> {
    pub ident: &'a Ident,
    pub title: String,
}

/// The checked enum: every rule holds.
pub struct EnumModel<'a> {
    pub ident: &'a Ident,
    pub krate: syn::Path,
    pub kind: EnumKind,
    pub known: Vec<Known<'a>>,
    /// The `#[attio(other)]` variant and the type of its one field.
    pub other: &'a Ident,
    pub other_ty: &'a Type,
}

/// Reads and checks the input; `None` when a rule failed (reported in `cx`). The container
/// is returned in any case, for the stub emitted next to the errors.
pub fn model<'a>(cx: &Ctxt, input: &'a DeriveInput) -> (EnumContainer, Option<EnumModel<'a>>) {
    let container = read_container(cx, input);
    let (token, what) = match &input.data {
        Data::Enum(_) => (Span::call_site(), ""),
        Data::Struct(s) => (s.struct_token.span, "a struct"),
        Data::Union(u) => (u.union_token.span, "a union"),
    };
    let Data::Enum(data) = &input.data else {
        cx.syn_error(syn::Error::new(
            token,
            format!(
                "AttioEnum can only be derived for an enum, not {what}: each variant stands for one option of a select attribute or one status of a status attribute"
            ),
        ));
        return (container, None);
    };
    if !input.generics.params.is_empty() || input.generics.where_clause.is_some() {
        cx.error_spanned_by(
            &input.generics,
            "AttioEnum cannot be derived for a generic enum: its variants are a fixed set of titles",
        );
    }
    let mut known: Vec<Known> = Vec::new();
    let mut other: Option<(&Ident, &Type)> = None;
    let mut titles: HashMap<String, &Ident> = HashMap::new();
    for variant in &data.variants {
        let attrs = read_variant(cx, &variant.attrs);
        if let Some(other_span) = attrs.other {
            if let Some(title) = &attrs.title {
                cx.syn_error(syn::Error::new(
                    title.1,
                    "`title` on the `#[attio(other)]` variant: the catch-all has no title of its own, it holds the title Attio sent",
                ));
            }
            let field = match &variant.fields {
                Fields::Unnamed(f) if f.unnamed.len() == 1 => f.unnamed.first().map(|f| &f.ty),
                _ => None,
            };
            match (field, other) {
                (_, Some((first, _))) => cx.syn_error(syn::Error::new(
                    other_span,
                    format!(
                        "a second `#[attio(other)]` variant: `{first}` is already the catch-all; an AttioEnum has exactly one"
                    ),
                )),
                (Some(ty), None) => other = Some((&variant.ident, ty)),
                (None, None) => cx.error_spanned_by(
                    &variant.ident,
                    format!(
                        "the `#[attio(other)]` variant must hold the title in one unnamed field: write `{}(String)`",
                        variant.ident
                    ),
                ),
            }
            continue;
        }
        if !matches!(variant.fields, Fields::Unit) {
            cx.error_spanned_by(
                &variant.fields,
                format!(
                    "variant `{}` holds data, but only the `#[attio(other)]` variant may: an option is named by its title alone, so make `{}` a unit variant",
                    variant.ident, variant.ident
                ),
            );
        }
        let (title, span) = match attrs.title {
            Some(t) => t,
            None => (
                variant
                    .ident
                    .to_string()
                    .trim_start_matches("r#")
                    .to_owned(),
                variant.ident.span(),
            ),
        };
        if title.trim().is_empty() {
            cx.syn_error(syn::Error::new(
                span,
                "an option or status title cannot be empty",
            ));
        }
        if let Some(first) = titles.insert(title.clone(), &variant.ident) {
            cx.syn_error(syn::Error::new(
                span,
                format!(
                    "duplicate title {title:?}: variant `{first}` already stands for it; each option or status title may be declared once"
                ),
            ));
        }
        known.push(Known {
            ident: &variant.ident,
            title,
        });
    }
    if other.is_none() && !data.variants.iter().any(|v| has_other_key(&v.attrs)) {
        cx.error_spanned_by(
            &input.ident,
            "missing the catch-all variant: add `#[attio(other)] Other(String)`, which holds any title this enum does not name (options and statuses are added in Attio at any time, and must still decode)",
        );
    }
    let kind = container.kind.filter(|_| !container.malformed);
    let model = match (kind, other) {
        (Some(kind), Some((other, other_ty))) => Some(EnumModel {
            ident: &input.ident,
            krate: container
                .krate
                .clone()
                .unwrap_or_else(|| syn::parse_quote!(::attio_core)),
            kind,
            known,
            other,
            other_ty,
        }),
        _ => None,
    };
    if container.kind.is_none() && !container.malformed {
        cx.error_spanned_by(
            &input.ident,
            "missing `#[attio(select)]` or `#[attio(status)]`: say whether the variants are the options of a select attribute or the statuses of a status attribute",
        );
    }
    (container, model)
}

fn read_container(cx: &Ctxt, input: &DeriveInput) -> EnumContainer {
    let mut out = EnumContainer::default();
    for attr in input.attrs.iter().filter(|a| a.path().is_ident("attio")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta_key(&meta);
            match key.as_str() {
                // select / status
                "select" | "status" => {
                    flag(&meta, &key)?;
                    let kind = if key == "select" {
                        EnumKind::Select
                    } else {
                        EnumKind::Status
                    };
                    match out.kind {
                        Some(k) if k == kind => cx.error_spanned_by(
                            &meta.path,
                            format!("duplicate attio attribute `{key}`"),
                        ),
                        Some(_) => {
                            out.malformed = true;
                            cx.error_spanned_by(
                                &meta.path,
                                "`select` and `status` together: an AttioEnum stands for the options of one attribute, either a select or a status; keep one",
                            );
                        }
                        None => out.kind = Some(kind),
                    }
                }
                // crate = "my_reexport::attio_core"
                "crate" => crate_path(cx, &meta, &mut out.krate)?,
                _ => return Err(unknown_key(&meta, &key, CONTAINER_KEYS, "on an enum")),
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
            out.malformed = true;
        }
    }
    out
}

/// `#[attio(title = "…", other)]` on a variant: the title and its span, and where `other`
/// was written.
#[derive(Default)]
struct VariantAttrs {
    title: Option<(String, Span)>,
    other: Option<Span>,
}

fn read_variant(cx: &Ctxt, attrs: &[syn::Attribute]) -> VariantAttrs {
    let mut out = VariantAttrs::default();
    for attr in attrs.iter().filter(|a| a.path().is_ident("attio")) {
        let result = attr.parse_nested_meta(|meta| {
            let key = meta_key(&meta);
            match key.as_str() {
                // title = "In Progress"
                "title" => {
                    let lit = string_value(&meta, "title")?;
                    if out.title.is_some() {
                        cx.error_spanned_by(&meta.path, "duplicate attio attribute `title`");
                    }
                    out.title = Some((lit.value(), lit.span()));
                }
                // other
                "other" => {
                    flag(&meta, "other")?;
                    if out.other.is_some() {
                        cx.error_spanned_by(&meta.path, "duplicate attio attribute `other`");
                    }
                    out.other = Some(meta.path.span());
                }
                _ => return Err(unknown_key(&meta, &key, VARIANT_KEYS, "on a variant")),
            }
            Ok(())
        });
        if let Err(e) = result {
            cx.syn_error(e);
        }
    }
    out
}

/// Whether `#[attio(other)]` is among the attributes, however malformed the rest is (to
/// report a missing catch-all only when there is none).
fn has_other_key(attrs: &[syn::Attribute]) -> bool {
    attrs
        .iter()
        .filter(|a| a.path().is_ident("attio"))
        .any(|a| {
            let mut found = false;
            let _ = a.parse_nested_meta(|meta| {
                found |= meta.path.is_ident("other");
                if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                    let _: proc_macro2::TokenStream = meta.input.parse()?;
                }
                Ok(())
            });
            found
        })
}

/// A key that takes no value.
fn flag(meta: &ParseNestedMeta, key: &str) -> syn::Result<()> {
    if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
        return Err(meta.error(format!(
            "`{key}` is a flag and takes no value: write `#[attio({key})]`"
        )));
    }
    Ok(())
}

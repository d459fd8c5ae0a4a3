//! Rules across fields and attributes, checked before anything is expanded.

use std::collections::HashMap;

use syn::DeriveInput;

use crate::ast::{Kind, Model};
use crate::ctxt::Ctxt;

pub fn check(cx: &Ctxt, input: &DeriveInput, model: &Model) {
    check_generics(cx, input);
    if let Some(object) = model.object.as_ref().filter(|o| !is_slug(&o.value)) {
        cx.syn_error(syn::Error::new(
            object.span,
            format!(
                "object slug {:?} is not a valid Attio api_slug: use lowercase letters, digits and `_` only",
                object.value
            ),
        ));
    }
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for field in &model.fields {
        let a = &field.attrs;
        if field.skip() {
            if let Some(span) = a
                .rename
                .as_ref()
                .map(|r| r.span)
                .or(a.read_only)
                .or(a.unique)
            {
                cx.syn_error(syn::Error::new(
                    span,
                    "`skip` fields are neither read nor written: `rename`, `read_only` and `unique` make no sense with it",
                ));
            }
            continue;
        }
        if !is_slug(&field.slug) {
            let msg = if a.rename.is_some() {
                format!(
                    "attribute slug {:?} is not a valid Attio api_slug: use lowercase letters, digits and `_` only",
                    field.slug
                )
            } else {
                format!(
                    "field name `{}` is not a valid Attio api_slug (lowercase letters, digits and `_`): add `#[attio(rename = \"...\")]` with the attribute's slug",
                    field.slug
                )
            };
            cx.syn_error(syn::Error::new(field.slug_span, msg));
        }
        if let Some(first) = seen.insert(field.slug.as_str(), field.member) {
            cx.syn_error(syn::Error::new(
                field.slug_span,
                format!(
                    "duplicate attribute slug {:?}: field `{}` already reads it; each attribute may be declared once",
                    field.slug, first
                ),
            ));
        }
        if let Some(span) = a.unique {
            if field.kind == Kind::Optional {
                cx.syn_error(syn::Error::new(
                    span,
                    "`unique` on an `Option` field: an assert key must always have a value; use `T` or `Vec<T>`",
                ));
            }
            if field.read_only() {
                cx.syn_error(syn::Error::new(
                    span,
                    "`unique` on a `read_only` field: an assert key is written with the record; drop one of them",
                ));
            }
        }
    }
}

fn check_generics(cx: &Ctxt, input: &DeriveInput) {
    let g = &input.generics;
    if !g.params.is_empty() || g.where_clause.is_some() {
        cx.error_spanned_by(
            g,
            "AttioRecord cannot be derived for a generic struct: an Attio object has one fixed set of attribute types; declare a concrete struct per object",
        );
    }
}

/// `[a-z0-9_]+`
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

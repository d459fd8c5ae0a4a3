//! Rules across fields and attributes, checked before anything is expanded. The field rules
//! are the same for every derive; the container rules take the derive's key.

use std::collections::HashMap;

use crate::ast::{Derive, Field, Input, Model};
use crate::ctxt::Ctxt;

/// Checks the input and, when it names its resource, returns the model expansion reads.
/// Whether any rule failed is told by `cx`.
pub fn check<'a>(cx: &Ctxt, derive: Derive, input: Input<'a>) -> Option<Model<'a>> {
    check_generics(cx, derive, &input);
    let key = derive.key();
    if let Some(target) = input.target.as_ref().filter(|t| !is_slug(&t.value())) {
        cx.syn_error(syn::Error::new(
            target.span(),
            format!(
                "{key} slug {:?} is not a valid Attio api_slug: use lowercase letters, digits and `_` only",
                target.value()
            ),
        ));
    }
    check_fields(cx, &input.fields);
    let kind = derive.kind(input.target?);
    Some(Model {
        ident: input.ident,
        vis: input.vis,
        krate: input.krate,
        kind,
        fields: input.fields,
    })
}

/// The field grammar's rules: slugs, duplicates, and which flags go together.
pub fn check_fields(cx: &Ctxt, fields: &[Field]) {
    let mut seen: HashMap<&str, &syn::Ident> = HashMap::new();
    for field in fields {
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
        // `unique` on an `Option` is allowed: optional unique attributes are normal in
        // Attio, and an assert whose key is `None` is refused when it is called.
        if let Some(span) = a.unique.filter(|_| field.read_only()) {
            cx.syn_error(syn::Error::new(
                span,
                "`unique` on a `read_only` field: an assert key is written with the record; drop one of them",
            ));
        }
    }
}

fn check_generics(cx: &Ctxt, derive: Derive, input: &Input) {
    let g = input.generics;
    if !g.params.is_empty() || g.where_clause.is_some() {
        let (name, key) = (derive.name(), derive.key());
        cx.error_spanned_by(
            g,
            format!(
                "{name} cannot be derived for a generic struct: an Attio {key} has one fixed set of attribute types; declare a concrete struct per {key}"
            ),
        );
    }
}

/// `[a-z0-9_]+`
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

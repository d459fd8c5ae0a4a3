//! Reading `#[attio(...)]` on the struct and on its fields. The field grammar is the same
//! for every derive; the struct's accepted keys depend on the derive and are given by it.

use proc_macro2::Span;
use syn::meta::ParseNestedMeta;
use syn::spanned::Spanned as _;
use syn::{Lit, LitStr};

use crate::ctxt::Ctxt;

const FIELD_KEYS: &[&str] = &["rename", "read_only", "unique", "skip"];

/// A value together with the tokens it was read from, for spanning later errors.
pub struct Spanned<T> {
    pub value: T,
    pub span: Span,
}

/// `#[attio(<key> = "slug", crate = "path")]` on the struct, where `<key>` names the Attio
/// resource the model stands for (`object` for `AttioRecord`, `list` for `AttioEntry`).
#[derive(Default)]
pub struct Container {
    /// The value of `<key>`.
    pub target: Option<LitStr>,
    /// Where the key of the other kind of model was written (`list` on a record model,
    /// `object` on an entry model), for the derive to explain.
    pub other: Option<Span>,
    pub krate: Option<syn::Path>,
    /// An `#[attio(...)]` on the struct could not be read (already reported): a missing
    /// `<key>` is then most likely the misspelt or malformed key, not worth a second error.
    pub malformed: bool,
}

/// `#[attio(rename = "slug", read_only, unique, skip)]` on a field.
#[derive(Default)]
pub struct Field {
    pub rename: Option<Spanned<String>>,
    pub read_only: Option<Span>,
    pub unique: Option<Span>,
    pub skip: Option<Span>,
}

impl Container {
    /// Reads the struct's attributes; `target_key` is the key naming the model's resource,
    /// `other_key` the one naming the other kind of model's (read, and left to the caller).
    pub fn from_attrs(
        cx: &Ctxt,
        attrs: &[syn::Attribute],
        target_key: &'static str,
        other_key: &'static str,
    ) -> Self {
        let accepted = [target_key, "crate"];
        let mut out = Container::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("attio")) {
            let result = attr.parse_nested_meta(|meta| {
                let key = meta_key(&meta);
                match key.as_str() {
                    // object = "people"
                    k if k == target_key => {
                        let lit = string_value(&meta, target_key)?;
                        if out.target.is_some() {
                            cx.error_spanned_by(
                                &meta.path,
                                format!("duplicate attio attribute `{target_key}`"),
                            );
                        }
                        out.target = Some(lit);
                    }
                    // list = "sales" on a record model, object = "people" on an entry model
                    k if k == other_key => {
                        string_value(&meta, other_key)?;
                        out.other = Some(meta.path.span());
                    }
                    // crate = "my_reexport::attio_core"
                    "crate" => crate_path(cx, &meta, &mut out.krate)?,
                    _ => return Err(unknown_key(&meta, &key, &accepted, "on a struct")),
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
}

impl Field {
    pub fn from_attrs(cx: &Ctxt, attrs: &[syn::Attribute]) -> Self {
        let mut out = Field::default();
        for attr in attrs.iter().filter(|a| a.path().is_ident("attio")) {
            let result = attr.parse_nested_meta(|meta| {
                let key = meta_key(&meta);
                match key.as_str() {
                    // rename = "attribute_slug"
                    "rename" => {
                        let lit = string_value(&meta, "rename")?;
                        if out.rename.is_some() {
                            cx.error_spanned_by(&meta.path, "duplicate attio attribute `rename`");
                        }
                        out.rename = Some(Spanned {
                            value: lit.value(),
                            span: lit.span(),
                        });
                    }
                    // read_only / unique / skip
                    "read_only" | "unique" | "skip" => {
                        if !meta.input.is_empty() && !meta.input.peek(syn::Token![,]) {
                            return Err(meta.error(format!(
                                "`{key}` is a flag and takes no value: write `#[attio({key})]`"
                            )));
                        }
                        let slot = match key.as_str() {
                            "read_only" => &mut out.read_only,
                            "unique" => &mut out.unique,
                            _ => &mut out.skip,
                        };
                        if slot.is_some() {
                            cx.error_spanned_by(
                                &meta.path,
                                format!("duplicate attio attribute `{key}`"),
                            );
                        }
                        *slot = Some(meta.path.span());
                    }
                    _ => return Err(unknown_key(&meta, &key, FIELD_KEYS, "on a field")),
                }
                Ok(())
            });
            if let Err(e) = result {
                cx.syn_error(e);
            }
        }
        out
    }
}

/// Reads `crate = "path"` into `slot`.
pub fn crate_path(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    slot: &mut Option<syn::Path>,
) -> syn::Result<()> {
    let lit = string_value(meta, "crate")?;
    match lit.parse::<syn::Path>() {
        Ok(path) => {
            if slot.is_some() {
                cx.error_spanned_by(&meta.path, "duplicate attio attribute `crate`");
            }
            *slot = Some(path);
        }
        Err(_) => cx.error_spanned_by(
            &lit,
            format!(
                "`crate` must be a path such as \"::attio_core\", found {:?}",
                lit.value()
            ),
        ),
    }
    Ok(())
}

pub fn meta_key(meta: &ParseNestedMeta) -> String {
    meta.path
        .get_ident()
        .map(|i| i.to_string())
        .unwrap_or_else(|| {
            quote::ToTokens::to_token_stream(&meta.path)
                .to_string()
                .replace(' ', "")
        })
}

/// Reads `= "string"`, refusing other literal types with a message that says what is accepted.
pub fn string_value(meta: &ParseNestedMeta, key: &str) -> syn::Result<LitStr> {
    if !meta.input.peek(syn::Token![=]) {
        return Err(meta.error(format!("`{key}` needs a value: write `{key} = \"...\"`")));
    }
    let value = meta.value()?;
    let lit: Lit = value.parse()?;
    match lit {
        Lit::Str(s) => Ok(s),
        other => Err(syn::Error::new(
            other.span(),
            format!("`{key}` takes a string literal, e.g. `{key} = \"...\"`"),
        )),
    }
}

pub fn unknown_key(
    meta: &ParseNestedMeta,
    key: &str,
    accepted: &[&str],
    place: &str,
) -> syn::Error {
    let list = accepted
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut msg = format!("unknown attio attribute `{key}` {place}, expected one of {list}");
    if let Some(best) = accepted
        .iter()
        .map(|k| (distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min()
        .map(|(_, k)| k)
    {
        msg.push_str(&format!("; did you mean `{best}`?"));
    }
    meta.error(msg)
}

/// Levenshtein distance, for did-you-mean hints.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

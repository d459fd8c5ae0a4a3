//! The names every product of the expansion shares.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::ast::{Derive, Model};

pub struct Names<'a> {
    /// The runtime crate: `::attio_core`, or the `crate = "…"` override.
    pub krate: &'a syn::Path,
    /// The runtime's plumbing for generated code: `<krate>::__private`.
    pub private: TokenStream,
    /// The model.
    pub ident: &'a Ident,
    pub vis: &'a syn::Visibility,
    /// `<Model>Attrs`
    pub attrs: Ident,
    /// `<Model>Update`
    pub update: Ident,
    /// The derive's name, for docs: `AttioRecord`.
    pub derive: &'static str,
    /// The slug of the resource the model stands for, e.g. `people`.
    pub slug: String,
    /// The resource in words for docs: "object `people`".
    pub owner: String,
    /// What one decoded model is called in messages: `record`.
    pub item: &'static str,
    /// What the attribute handles build, for their docs.
    pub handle_uses: &'static str,
}

impl<'a> Names<'a> {
    pub fn new(m: &'a Model) -> Self {
        let krate = &m.krate;
        let derive = m.kind.derive();
        let slug = m.kind.slug().value();
        Names {
            krate,
            private: quote!(#krate::__private),
            ident: m.ident,
            vis: m.vis,
            attrs: format_ident!("{}Attrs", m.ident),
            update: format_ident!("{}Update", m.ident),
            derive: derive.name(),
            owner: format!("{} `{slug}`", derive.key()),
            slug,
            item: derive.item(),
            handle_uses: match derive {
                Derive::Record => "filters, sorts, assert keys and history reads",
                Derive::Entry => "filters, sorts and history reads",
            },
        }
    }
}

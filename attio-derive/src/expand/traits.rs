//! The runtime traits a kind of model implements: the model trait with its slug constant,
//! and the update trait with its associated model type.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::Ident;

use crate::ast::Derive;

/// What a kind of model implements; every kind also implements `AttioModel` (see
/// [`Traits::model_impl`]).
pub struct Traits {
    /// `AttioRecord` or `AttioEntry`, under the runtime crate's path.
    pub model: TokenStream,
    /// The constant holding the slug: `OBJECT` or `LIST`.
    pub slug_const: Ident,
    /// `AttioUpdate` or `AttioEntryUpdate`.
    pub update: TokenStream,
    /// The update trait's associated model type: `Record` or `Entry`.
    pub update_model: Ident,
    /// The `ModelKind` variant of `AttioModel::KIND`: `Record` or `Entry`.
    pub kind: Ident,
}

impl Traits {
    pub fn of(derive: Derive, krate: &syn::Path) -> Traits {
        let (model, slug_const, update, update_model) = match derive {
            Derive::Record => ("AttioRecord", "OBJECT", "AttioUpdate", "Record"),
            Derive::Entry => ("AttioEntry", "LIST", "AttioEntryUpdate", "Entry"),
        };
        let (model, update) = (format_ident!("{}", model), format_ident!("{}", update));
        Traits {
            model: quote!(#krate::#model),
            slug_const: format_ident!("{}", slug_const),
            update: quote!(#krate::#update),
            update_model: format_ident!("{}", update_model),
            kind: format_ident!(
                "{}",
                if matches!(derive, Derive::Record) {
                    "Record"
                } else {
                    "Entry"
                }
            ),
        }
    }
}

impl Traits {
    /// `impl AttioModel`: the kind, slug, name and attribute table the drift check reads,
    /// taken from the model trait's impl.
    pub fn model_impl(&self, krate: &syn::Path, ident: &Ident) -> TokenStream {
        let Traits {
            model,
            slug_const,
            kind,
            ..
        } = self;
        let name = ident.to_string();
        quote! {
            #[automatically_derived]
            impl #krate::AttioModel for #ident {
                const KIND: #krate::ModelKind = #krate::ModelKind::#kind;
                const SLUG: &'static str = <Self as #model>::#slug_const;
                const NAME: &'static str = #name;
                const ATTRIBUTES: &'static [#krate::AttributeDef] = <Self as #model>::ATTRIBUTES;
            }
        }
    }
}

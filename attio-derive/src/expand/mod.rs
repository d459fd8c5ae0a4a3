//! Expansion: reads only the checked [`Model`], and keeps the generated code to constants, a
//! slug table and calls into `attio_core::__private`. Each product has its file: the
//! attribute table and handles (`table`), the writers (`write`), the decoder (`decode`) and
//! the update type (`update`); this file assembles them per kind of model, inside
//! `const _: () = { … };`, or emits a stub next to the errors.

mod decode;
mod names;
mod table;
mod update;
mod write;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use self::names::Names;
use crate::ast::{Derive, Input, Kind, Model};
use crate::check;
use crate::ctxt::Ctxt;

pub fn derive(input: &DeriveInput, derive: Derive) -> TokenStream {
    let cx = Ctxt::default();
    let parsed = Input::from_syn(&cx, input, derive);
    let krate = parsed.as_ref().map(|p| p.krate.clone());
    let model = parsed.and_then(|p| check::check(&cx, derive, p));
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand(&model),
        (Err(err), _) => {
            let errors = Ctxt::into_compile_errors(err);
            let stub = stub(input, derive, krate);
            quote!(#errors #stub)
        }
        // A missing model is always reported, so this arm is never reached; expand nothing.
        (Ok(()), None) => TokenStream::new(),
    }
}

fn expand(m: &Model) -> TokenStream {
    match &m.kind {
        Kind::Record { .. } => record(m),
    }
}

/// `impl AttioRecord`, `<Model>Attrs` and `<Model>Update`.
fn record(m: &Model) -> TokenStream {
    let n = Names::new(m);
    let Names {
        krate,
        ident,
        attrs,
        update,
        slug,
        ..
    } = &n;
    let attrs_type = table::attrs_type(&n, m);
    let update_type = update::update_type(&n, m);
    let writers = write::writers(&n, m);
    let rows = table::attribute_rows(&n, m);
    let attrs_fn = table::attrs_fn(&n, m);
    let encode = write::encode_model(&n, m);
    let decode = decode::decode_values(&n, m);
    let is_empty = update::is_empty_fn(m);
    let encode_update = write::encode_update(&n, m);
    let impls = hidden(quote! {
        #writers

        #[automatically_derived]
        impl #krate::AttioRecord for #ident {
            const OBJECT: &'static str = #slug;
            const ATTRIBUTES: &'static [#krate::AttributeDef] = #rows;
            type Attrs = #attrs;
            type Update = #update;

            #attrs_fn
            #encode
            #decode
        }

        #[automatically_derived]
        impl #krate::AttioUpdate for #update {
            type Record = #ident;

            #is_empty
            #encode_update
        }
    });
    quote! {
        #attrs_type
        #update_type
        #impls
    }
}

/// The trait impls and their helpers, where they add no name to the user's scope.
fn hidden(items: TokenStream) -> TokenStream {
    quote! {
        const _: () = {
            #items
        };
    }
}

/// An impl that satisfies the trait, emitted next to the errors so that uses of the model
/// elsewhere do not add "trait not implemented" errors on top of the real ones.
fn stub(input: &DeriveInput, derive: Derive, krate: Option<syn::Path>) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let krate = krate.unwrap_or_else(|| syn::parse_quote!(::attio_core));
    let p = quote!(#krate::__private);
    match derive {
        Derive::Record => hidden(quote! {
            #[automatically_derived]
            impl #krate::AttioRecord for #ident {
                const OBJECT: &'static str = "";
                const ATTRIBUTES: &'static [#krate::AttributeDef] = &[];
                type Attrs = ();
                type Update = #p::StubUpdate<Self>;
                fn attrs() {}
                fn __encode_values<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                    __s.serialize_unit()
                }
                fn __decode_values<'de, __D: #p::serde::Deserializer<'de>>(
                    _d: __D,
                    _ctx: &#p::DecodeCtx,
                ) -> #p::Result<Self, __D::Error> {
                    #p::Result::Err(<__D::Error as #p::serde::de::Error>::custom("derive failed"))
                }
            }
        }),
    }
}

//! Expansion: reads only the checked [`Model`], and keeps the generated code to constants, a
//! slug table and calls into `attio_core::__private`. Each product has its file: the
//! attribute table and handles (`table`), the writers (`write`), the decoder (`decode`) and
//! the update type (`update`); this file assembles them into the impls of the model's
//! kind (`traits`), inside `const _: () = { … };`, or emits a stub next to the errors
//! (`stub`). `#[derive(AttioEnum)]` expands in `enums`, from the model `crate::enums` checks.

mod decode;
pub mod enums;
mod names;
mod stub;
mod table;
mod traits;
mod update;
mod write;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use self::names::Names;
use self::stub::StubField;
use self::traits::Traits;
use crate::ast::{Derive, Input, Model};
use crate::check;
use crate::ctxt::Ctxt;

pub fn derive(input: &DeriveInput, derive: Derive) -> TokenStream {
    let cx = Ctxt::default();
    let parsed = Input::from_syn(&cx, input, derive);
    let krate = parsed.as_ref().map(|p| p.krate.clone());
    let stub_fields: Vec<StubField> = parsed
        .iter()
        .flat_map(|p| p.fields.iter().map(StubField::new))
        .collect();
    let model = parsed.and_then(|p| check::check(&cx, derive, p));
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand(&model),
        (Err(err), _) => {
            let errors = Ctxt::into_compile_errors(err);
            let stub = stub::stub(input, derive, krate, &stub_fields);
            quote!(#errors #stub)
        }
        // A missing model is always reported, so this arm is never reached; expand nothing.
        (Ok(()), None) => TokenStream::new(),
    }
}

/// `impl AttioRecord` (or `impl AttioEntry`), `<Model>Attrs` and `<Model>Update`.
fn expand(m: &Model) -> TokenStream {
    let n = Names::new(m);
    let Names {
        krate,
        ident,
        attrs,
        update,
        slug,
        ..
    } = &n;
    let traits = Traits::of(m.kind.derive(), krate);
    let model_impl = traits.model_impl(krate, ident);
    let Traits {
        model,
        slug_const,
        update: update_trait,
        update_model,
        ..
    } = traits;
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
        impl #model for #ident {
            const #slug_const: &'static str = #slug;
            const ATTRIBUTES: &'static [#krate::AttributeDef] = #rows;
            type Attrs = #attrs;
            type Update = #update;

            #attrs_fn
            #encode
            #decode
        }

        #model_impl

        #[automatically_derived]
        impl #update_trait for #update {
            type #update_model = #ident;

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

//! Encoding: one writer per written field, shared by the model's encode and its update's,
//! so that a value type that cannot be written is reported once, on the field's type.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote, quote_spanned};

use super::names::Names;
use crate::ast::{Model, Multiplicity, type_span};

fn writer(i: usize) -> Ident {
    format_ident!("__attio_write_{}", i)
}

/// The writer functions, `__attio_write_<i>`, one per written field in order.
pub fn writers(n: &Names, m: &Model) -> TokenStream {
    let p = &n.private;
    let owner_slug = &n.slug;
    let writers = m.written_fields().enumerate().map(|(i, f)| {
        let name = writer(i);
        let ty = f.ty;
        let vt = f.value_ty;
        let slug = &f.slug;
        let call = match f.multiplicity {
            Multiplicity::One => quote_spanned!(type_span(f.ty)=> #p::write_one::<#vt, __M>(__m, #owner_slug, #slug, __v)),
            Multiplicity::Optional => quote_spanned!(type_span(f.ty)=> #p::write_opt::<#vt, __M>(__m, #owner_slug, #slug, __v, __omit_empty)),
            Multiplicity::Many => quote_spanned!(type_span(f.ty)=> #p::write_many::<#vt, __M>(__m, #owner_slug, #slug, __v, __omit_empty)),
        };
        quote! {
            #[inline]
            #[allow(unused_variables)]
            fn #name<__M: #p::serde::ser::SerializeMap>(__m: &mut __M, __v: &#ty, __omit_empty: bool) -> #p::Result<(), __M::Error> {
                #call
            }
        }
    });
    quote!(#(#writers)*)
}

/// The model's `__encode_values`: every written field; `None` and empty lists omitted.
pub fn encode_model(n: &Names, m: &Model) -> TokenStream {
    let calls = m.written_fields().enumerate().map(|(i, f)| {
        let name = writer(i);
        let member = f.member;
        quote! { #name(&mut __m, &self.#member, true)?; }
    });
    encode_values(n, quote!(#(#calls)*))
}

/// The update's `__encode_values`: the fields that were set; `None` and empty lists sent
/// as `[]`, which clears them.
pub fn encode_update(n: &Names, m: &Model) -> TokenStream {
    let p = &n.private;
    let calls = m.written_fields().enumerate().map(|(i, f)| {
        let name = writer(i);
        let member = f.member;
        quote! {
            if let #p::Option::Some(__v) = &self.#member {
                #name(&mut __m, __v, false)?;
            }
        }
    });
    encode_values(n, quote!(#(#calls)*))
}

fn encode_values(n: &Names, calls: TokenStream) -> TokenStream {
    let p = &n.private;
    quote! {
        fn __encode_values<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
            #[allow(unused_mut)]
            let mut __m = #p::serde::Serializer::serialize_map(__s, #p::Option::None)?;
            #calls
            #p::serde::ser::SerializeMap::end(__m)
        }
    }
}

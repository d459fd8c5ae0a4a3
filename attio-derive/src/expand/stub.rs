//! What is emitted next to the errors of a failed derive: the trait impl, `<Model>Attrs` and
//! `<Model>Update`, shaped like the real ones, so that code using the model, its handles or
//! its update compiles and the user sees the derive's own errors and nothing else.

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::{DeriveInput, Ident, Type};

use super::traits::Traits;
use crate::ast::{Derive, Field};

/// The little a stub needs of a field: its name, its types and whether it is an assert key.
pub struct StubField<'a> {
    member: &'a Ident,
    ty: &'a Type,
    plain_ty: &'a Type,
    unique: bool,
}

impl<'a> StubField<'a> {
    pub fn new(f: &Field<'a>) -> Self {
        StubField {
            member: f.member,
            ty: f.ty,
            plain_ty: f.plain_ty,
            unique: f.unique(),
        }
    }
}

/// The stub of a failed derive. Every declared field gets a handle and a setter, whatever
/// its flags: a use the real expansion would refuse is refused once the errors are fixed.
pub fn stub(
    input: &DeriveInput,
    derive: Derive,
    krate: Option<syn::Path>,
    fields: &[StubField],
) -> TokenStream {
    if !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let vis = &input.vis;
    let krate = krate.unwrap_or_else(|| syn::parse_quote!(::attio_core));
    let p = quote!(#krate::__private);
    let attrs = format_ident!("{}Attrs", ident);
    let update = format_ident!("{}Update", ident);
    let handles = fields.iter().map(|f| {
        let (member, plain) = (f.member, f.plain_ty);
        let marker = if f.unique {
            quote!(#krate::Unique)
        } else {
            quote!(#krate::NotUnique)
        };
        quote! { pub #member: #krate::Attr<#ident, #plain, #marker> }
    });
    let inits = fields.iter().map(|f| {
        let member = f.member;
        quote! { #member: #krate::Attr::__new("") }
    });
    let setters = fields.iter().map(|f| {
        let (member, ty) = (f.member, f.ty);
        quote! {
            pub fn #member(self, _value: impl ::core::convert::Into<#ty>) -> Self { self }
        }
    });
    let traits = Traits::of(derive, &krate);
    let attio_model_impl = traits.model_impl(&krate, ident);
    let Traits {
        model,
        slug_const,
        update: update_trait,
        update_model,
        ..
    } = traits;
    let model_impl = quote! {
        #[automatically_derived]
        impl #model for #ident {
            const #slug_const: &'static str = "";
            const ATTRIBUTES: &'static [#krate::AttributeDef] = &[];
            type Attrs = #attrs;
            type Update = #update;
            fn attrs() -> #attrs {
                #attrs { #(#inits,)* }
            }
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

        #[automatically_derived]
        impl #update_trait for #update {
            type #update_model = #ident;
            fn is_empty(&self) -> bool {
                true
            }
            fn __encode_values<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                __s.serialize_unit()
            }
        }
    };
    let impls = quote! {
        #model_impl
        #attio_model_impl

        #[automatically_derived]
        impl ::core::default::Default for #update {
            fn default() -> Self {
                #update {}
            }
        }

        #[automatically_derived]
        impl ::core::convert::From<#ident> for #update {
            fn from(_: #ident) -> Self {
                #update {}
            }
        }
    };
    quote! {
        #[allow(dead_code, missing_docs)]
        #[derive(::core::clone::Clone, ::core::marker::Copy, ::core::fmt::Debug)]
        #vis struct #attrs {
            #(#handles,)*
        }

        #[allow(dead_code, missing_docs)]
        #[derive(::core::fmt::Debug)]
        #vis struct #update {}

        #[allow(dead_code, missing_docs)]
        impl #update {
            #(#setters)*
        }

        const _: () = {
            #impls
        };
    }
}

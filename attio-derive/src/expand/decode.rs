//! Decoding: `__decode_values`, a map visitor with one slot per field read, filled straight
//! from the response's value arrays. A slot stays `None` while its key has not been seen, so
//! an absent key of an `Option`/`Vec` field is told from an empty array and reported.

use proc_macro2::TokenStream;
use quote::{format_ident, quote, quote_spanned};

use super::names::Names;
use crate::ast::{Model, Multiplicity, type_span};

pub fn decode_values(n: &Names, m: &Model) -> TokenStream {
    let p = &n.private;
    let ident = n.ident;
    let slot = |i: usize| format_ident!("__attio_{}", i);
    let slots = m.read_fields().enumerate().map(|(i, f)| {
        let slot = slot(i);
        let vt = f.value_ty;
        match f.multiplicity {
            Multiplicity::One => quote! { let mut #slot: #p::Option<#vt> = #p::Option::None; },
            Multiplicity::Optional => {
                quote! { let mut #slot: #p::Option<#p::Option<#vt>> = #p::Option::None; }
            }
            Multiplicity::Many => {
                quote! { let mut #slot: #p::Option<#p::Vec<#vt>> = #p::Option::None; }
            }
        }
    });
    // A slug sent twice is an error (the second array would silently win): a flag per
    // field read, `OtherSlugs` for the slugs the model skips.
    let read_count = m.read_fields().count();
    let seen_flags =
        (read_count > 0).then(|| quote! { let mut __attio_seen = [false; #read_count]; });
    let arms = m.read_fields().enumerate().map(|(i, f)| {
        let slot = slot(i);
        let vt = f.value_ty;
        let slug = &f.slug;
        let once = quote! { #p::first_read::<__A::Error>(&mut __attio_seen[#i], self.ctx, #slug)?; };
        match f.multiplicity {
            Multiplicity::One => quote_spanned! {type_span(f.ty)=>
                #slug => { #once #slot = #p::decode_single::<#vt, __A>(&mut __map, self.ctx, #slug)?; }
            },
            Multiplicity::Optional => quote_spanned! {type_span(f.ty)=>
                #slug => { #once #slot = #p::Option::Some(#p::decode_single::<#vt, __A>(&mut __map, self.ctx, #slug)?); }
            },
            Multiplicity::Many => quote_spanned! {type_span(f.ty)=>
                #slug => { #once #slot = #p::Option::Some(#p::decode_many::<#vt, __A>(&mut __map, self.ctx, #slug)?); }
            },
        }
    });
    // One `AbsentKey` per `Option`/`Vec` field read, in a static: its absent key is
    // reported once per process.
    let absent: Vec<_> = m
        .read_fields()
        .filter(|f| f.multiplicity != Multiplicity::One)
        .collect();
    let absent_static = (!absent.is_empty()).then(|| {
        let count = absent.len();
        let (model, owner) = (ident.to_string(), &n.owner);
        let keys = absent.iter().map(|f| {
            let (field, slug) = (f.member.to_string(), &f.slug);
            quote! { #p::AbsentKey::new(#model, #field, #slug, #owner) }
        });
        quote! { static __ATTIO_ABSENT: [#p::AbsentKey; #count] = [#(#keys),*]; }
    });
    let mut read_index = 0usize;
    let mut absent_index = 0usize;
    let inits = m.fields.iter().map(|f| {
        let member = f.member;
        if f.skip() {
            let ty = f.ty;
            return quote_spanned!(type_span(f.ty)=> #member: <#ty as ::core::default::Default>::default());
        }
        let slot = slot(read_index);
        read_index += 1;
        let slug = &f.slug;
        let key = absent_index;
        match f.multiplicity {
            Multiplicity::One => quote! { #member: #p::required(#slot, self.ctx, #slug)? },
            Multiplicity::Optional => {
                absent_index += 1;
                quote! { #member: #p::optional(#slot, &__ATTIO_ABSENT[#key], self.ctx) }
            }
            Multiplicity::Many => {
                absent_index += 1;
                quote! { #member: #p::many(#slot, &__ATTIO_ABSENT[#key], self.ctx) }
            }
        }
    });
    let expecting = format!("the values of a `{}` {}", n.slug, n.item);
    quote! {
        fn __decode_values<'de, __D: #p::serde::Deserializer<'de>>(
            __d: __D,
            __ctx: &#p::DecodeCtx,
        ) -> #p::Result<Self, __D::Error> {
            struct __Visitor<'__a> {
                ctx: &'__a #p::DecodeCtx,
            }
            #[automatically_derived]
            impl<'de, '__a> #p::serde::de::Visitor<'de> for __Visitor<'__a> {
                type Value = #ident;
                fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                    f.write_str(#expecting)
                }
                #[inline]
                fn visit_map<__A: #p::serde::de::MapAccess<'de>>(self, mut __map: __A) -> #p::Result<#ident, __A::Error> {
                    #absent_static
                    #(#slots)*
                    #seen_flags
                    let mut __attio_others = #p::OtherSlugs::<'de>::new();
                    while let #p::Option::Some(__key) = #p::serde::de::MapAccess::next_key::<#p::Key<'de>>(&mut __map)? {
                        match __key.as_str() {
                            #(#arms)*
                            _ => __attio_others.skip(&mut __map, &__key, self.ctx)?,
                        }
                    }
                    #p::Result::Ok(#ident { #(#inits,)* })
                }
            }
            #p::serde::Deserializer::deserialize_map(__d, __Visitor { ctx: __ctx })
        }
    }
}

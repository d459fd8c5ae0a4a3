//! `#[derive(AttioEnum)]`: `impl AttioEnum` (the titles and the two mappings), and the impls
//! that make the enum a value type (`AttioValue`, `ReadValue`, `WriteValue`) and a filter
//! operand (`EqOp`), each a call into `attio_core::__private`. Next to errors, a stub of the
//! same impls, so that models and filters using the enum add no errors of their own.

use proc_macro2::TokenStream;
use quote::{quote, quote_spanned};
use syn::DeriveInput;
use syn::spanned::Spanned as _;

use super::hidden;
use crate::ctxt::Ctxt;
use crate::enums::{self, EnumKind, EnumModel};

pub fn derive(input: &DeriveInput) -> TokenStream {
    let cx = Ctxt::default();
    let (container, model) = enums::model(&cx, input);
    match (cx.check(), model) {
        (Ok(()), Some(model)) => expand(&model),
        (Err(err), _) => {
            let errors = Ctxt::into_compile_errors(err);
            let stub = stub(input, container.kind, container.krate);
            quote!(#errors #stub)
        }
        // A missing model is always reported, so this arm is never reached; expand nothing.
        (Ok(()), None) => TokenStream::new(),
    }
}

fn expand(m: &EnumModel) -> TokenStream {
    let krate = &m.krate;
    let p = quote!(#krate::__private);
    let ident = m.ident;
    let other = m.other;
    let attribute_type = attribute_type(krate, m.kind);
    let titles = m.known.iter().map(|k| &k.title);
    let to_title = m.known.iter().map(|k| {
        let (variant, title) = (k.ident, &k.title);
        quote! { #ident::#variant => #title, }
    });
    let from_title = m.known.iter().map(|k| {
        let (variant, title) = (k.ident, &k.title);
        quote! { #title => #ident::#variant, }
    });
    let other_title = quote_spanned! {m.other_ty.span()=>
        ::core::convert::AsRef::<str>::as_ref(__title)
    };
    let other_from = quote_spanned! {m.other_ty.span()=>
        #ident::#other(::core::convert::From::from(__title))
    };
    let enum_impl = quote! {
        #[automatically_derived]
        impl #krate::AttioEnum for #ident {
            const ATTRIBUTE_TYPE: #krate::AttributeType = #attribute_type;
            const TITLES: &'static [&'static str] = &[#(#titles),*];

            fn title(&self) -> &str {
                match self {
                    #(#to_title)*
                    #ident::#other(__title) => #other_title,
                }
            }

            fn from_title(__title: &str) -> Self {
                match __title {
                    #(#from_title)*
                    _ => #other_from,
                }
            }
        }
    };
    let value_impls = value_impls(
        krate,
        ident,
        quote! {
            fn read_field<'de, __A: #p::serde::de::MapAccess<'de>>(
                __b: &mut #p::EnumBuilder,
                __key: &str,
                __map: &mut __A,
            ) -> #p::Result<(), __A::Error> {
                #p::enum_read_field::<Self, __A>(__b, __key, __map)
            }

            fn finish<__E: #p::serde::de::Error>(
                __b: #p::EnumBuilder,
                _: #krate::values::Envelope,
            ) -> #p::Result<Self, __E> {
                #p::enum_finish::<Self, __E>(__b)
            }
        },
        quote! {
            fn write<__S: #p::serde::Serializer>(&self, __s: __S) -> #p::Result<__S::Ok, __S::Error> {
                #p::enum_write::<Self, __S>(self, __s)
            }

            fn validate(&self) -> #p::Result<(), #krate::ValueError> {
                #p::enum_validate::<Self>(self)
            }
        },
        quote! {
            #p::enum_eq_constraint::<Self>(&__v)
        },
    );
    hidden(quote! {
        #enum_impl
        #value_impls
    })
}

/// `AttioValue` (the type and the titles), `ReadValue` and `WriteValue` with the given
/// bodies, and `EqOp` with the given constraint of `__v`.
fn value_impls(
    krate: &syn::Path,
    ident: &syn::Ident,
    read: TokenStream,
    write: TokenStream,
    eq: TokenStream,
) -> TokenStream {
    let p = quote!(#krate::__private);
    quote! {
        #[automatically_derived]
        impl #krate::values::AttioValue for #ident {
            const TYPE: #krate::AttributeType = <Self as #krate::AttioEnum>::ATTRIBUTE_TYPE;
            const OPTIONS: #p::Option<&'static [&'static str]> =
                #p::Option::Some(<Self as #krate::AttioEnum>::TITLES);
        }

        #[automatically_derived]
        impl #krate::values::ReadValue for #ident {
            type Builder = #p::EnumBuilder;
            #read
        }

        #[automatically_derived]
        impl #krate::values::WriteValue for #ident {
            #write
        }

        #[automatically_derived]
        impl #krate::filter::EqOp for #ident {
            type Operand = #ident;
            fn eq_constraint(__v: #ident) -> #p::JsonValue {
                #eq
            }
        }
    }
}

fn attribute_type(krate: &syn::Path, kind: EnumKind) -> TokenStream {
    let variant = syn::Ident::new(kind.type_variant(), proc_macro2::Span::call_site());
    quote!(#krate::AttributeType::#variant)
}

/// The impls of a failed derive, shaped like the real ones. They are never run: the crate
/// does not compile while the errors beside them stand.
fn stub(input: &DeriveInput, kind: Option<EnumKind>, krate: Option<syn::Path>) -> TokenStream {
    if !matches!(input.data, syn::Data::Enum(_)) || !input.generics.params.is_empty() {
        return TokenStream::new();
    }
    let ident = &input.ident;
    let krate = krate.unwrap_or_else(|| syn::parse_quote!(::attio_core));
    let p = quote!(#krate::__private);
    let attribute_type = attribute_type(&krate, kind.unwrap_or(EnumKind::Select));
    let failed = "the AttioEnum derive failed: see its compile errors";
    let value_impls = value_impls(
        &krate,
        ident,
        quote! {
            fn read_field<'de, __A: #p::serde::de::MapAccess<'de>>(
                _: &mut #p::EnumBuilder,
                _: &str,
                __map: &mut __A,
            ) -> #p::Result<(), __A::Error> {
                #p::serde::de::MapAccess::next_value::<#p::serde::de::IgnoredAny>(__map)?;
                #p::Result::Ok(())
            }

            fn finish<__E: #p::serde::de::Error>(
                _: #p::EnumBuilder,
                _: #krate::values::Envelope,
            ) -> #p::Result<Self, __E> {
                #p::Result::Err(<__E as #p::serde::de::Error>::custom(#failed))
            }
        },
        quote! {
            fn write<__S: #p::serde::Serializer>(&self, _: __S) -> #p::Result<__S::Ok, __S::Error> {
                #p::Result::Err(<__S::Error as #p::serde::ser::Error>::custom(#failed))
            }
        },
        quote! {
            let _ = __v;
            #p::JsonValue::Null
        },
    );
    hidden(quote! {
        #[automatically_derived]
        impl #krate::AttioEnum for #ident {
            const ATTRIBUTE_TYPE: #krate::AttributeType = #attribute_type;
            const TITLES: &'static [&'static str] = &[];
            fn title(&self) -> &str {
                ""
            }
            fn from_title(_: &str) -> Self {
                ::core::panic!(#failed)
            }
        }
        #value_impls
    })
}

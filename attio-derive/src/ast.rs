//! A typed model of the input struct, built from the syntax and the `#[attio]` attributes.

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{Data, DeriveInput, Fields, GenericArgument, Ident, PathArguments, Type, Visibility};

use crate::attr;
use crate::ctxt::Ctxt;

/// How many values a field holds, read from its type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// `T`
    One,
    /// `Option<T>`
    Optional,
    /// `Vec<T>`
    Many,
}

pub struct Model<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    /// `None` when `object` is missing (already reported).
    pub object: Option<attr::Spanned<String>>,
    pub krate: syn::Path,
    pub fields: Vec<Field<'a>>,
}

pub struct Field<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    pub slug: String,
    pub slug_span: Span,
    pub kind: Kind,
    /// The value type inside `Option`/`Vec` (still wrapped in `Tracked` if it was).
    pub value_ty: &'a Type,
    /// The value type with `Tracked` removed: what filters and history are typed by.
    pub plain_ty: &'a Type,
    pub tracked: bool,
    pub attrs: attr::Field,
}

impl Field<'_> {
    pub fn read_only(&self) -> bool {
        self.attrs.read_only.is_some()
    }
    pub fn unique(&self) -> bool {
        self.attrs.unique.is_some()
    }
    pub fn skip(&self) -> bool {
        self.attrs.skip.is_some()
    }
    /// Decoded from responses (every field but `skip` ones).
    pub fn is_read(&self) -> bool {
        !self.skip()
    }
    /// Written in create, assert and update bodies.
    pub fn is_written(&self) -> bool {
        !self.skip() && !self.read_only()
    }
}

impl<'a> Model<'a> {
    /// Builds the model; `None` when the input is not a struct with named fields (reported).
    pub fn from_input(cx: &Ctxt, input: &'a DeriveInput) -> Option<Model<'a>> {
        let container = attr::Container::from_attrs(cx, &input.attrs);
        if container.object.is_none() && !container.malformed {
            cx.error_spanned_by(
                &input.ident,
                "missing `#[attio(object = \"...\")]`: name the Attio object this struct models, e.g. `#[attio(object = \"people\")]`",
            );
        }
        let named = match &input.data {
            Data::Struct(s) => match &s.fields {
                Fields::Named(named) => Some(named),
                Fields::Unnamed(_) => {
                    cx.error_spanned_by(
                        &input.ident,
                        "AttioRecord can only be derived for a struct with named fields: each field names an Attio attribute; this is a tuple struct",
                    );
                    None
                }
                Fields::Unit => {
                    cx.error_spanned_by(
                        &input.ident,
                        "AttioRecord can only be derived for a struct with named fields: each field names an Attio attribute; this is a unit struct",
                    );
                    None
                }
            },
            Data::Enum(e) => {
                cx.error_spanned_by(
                    e.enum_token,
                    "AttioRecord can only be derived for a struct with named fields, not an enum",
                );
                None
            }
            Data::Union(u) => {
                cx.error_spanned_by(
                    u.union_token,
                    "AttioRecord can only be derived for a struct with named fields, not a union",
                );
                None
            }
        }?;
        let fields = named
            .named
            .iter()
            .filter_map(|f| {
                let member = f.ident.as_ref()?;
                let attrs = attr::Field::from_attrs(cx, &f.attrs);
                let (slug, slug_span) = match &attrs.rename {
                    Some(r) => (r.value.clone(), r.span),
                    None => (
                        member.to_string().trim_start_matches("r#").to_owned(),
                        member.span(),
                    ),
                };
                let (kind, value_ty) = split_multiplicity(&f.ty);
                let (tracked, plain_ty) = match generic_arg(value_ty, "Tracked") {
                    Some(inner) => (true, inner),
                    None => (false, value_ty),
                };
                Some(Field {
                    member,
                    ty: &f.ty,
                    slug,
                    slug_span,
                    kind,
                    value_ty,
                    plain_ty,
                    tracked,
                    attrs,
                })
            })
            .collect();
        let krate = container
            .krate
            .unwrap_or_else(|| syn::parse_quote!(::attio_core));
        Some(Model {
            ident: &input.ident,
            vis: &input.vis,
            object: container.object,
            krate,
            fields,
        })
    }
}

/// `Option<T>` → (Optional, T), `Vec<T>` → (Many, T), anything else → (One, itself).
fn split_multiplicity(ty: &Type) -> (Kind, &Type) {
    if let Some(inner) = generic_arg(ty, "Option") {
        (Kind::Optional, inner)
    } else if let Some(inner) = generic_arg(ty, "Vec") {
        (Kind::Many, inner)
    } else {
        (Kind::One, ty)
    }
}

/// The single type argument of `Name<T>` (by the last path segment), if `ty` is one.
fn generic_arg<'t>(ty: &'t Type, name: &str) -> Option<&'t Type> {
    let Type::Path(p) = ty else { return None };
    if p.qself.is_some() {
        return None;
    }
    let seg = p.path.segments.last()?;
    if seg.ident != name {
        return None;
    }
    let PathArguments::AngleBracketed(args) = &seg.arguments else {
        return None;
    };
    if args.args.len() != 1 {
        return None;
    }
    match args.args.first()? {
        GenericArgument::Type(t) => Some(t),
        _ => None,
    }
}

/// The span to blame for a field's type.
pub fn type_span(ty: &Type) -> Span {
    ty.span()
}

//! Typed models of the input struct: the parsed [`Input`], built from the syntax and the
//! `#[attio]` attributes, and the checked [`Model`] that expansion reads. The field grammar
//! (a field's slug, multiplicity, `Tracked` and flags) is shared by every derive; what a
//! derive adds is the container key naming its resource, described by [`Derive`].

use proc_macro2::Span;
use syn::spanned::Spanned;
use syn::{
    Data, DeriveInput, Fields, GenericArgument, Generics, Ident, LitStr, PathArguments, Type,
    Visibility,
};

use crate::attr;
use crate::ctxt::Ctxt;

/// A derive of this crate: which trait it implements and which container key names the Attio
/// resource its models stand for.
#[derive(Clone, Copy)]
pub enum Derive {
    /// `#[derive(AttioRecord)]` with `#[attio(object = "…")]`.
    Record,
    /// `#[derive(AttioEntry)]` with `#[attio(list = "…")]`.
    Entry,
}

impl Derive {
    /// The derive's name, as users write it.
    pub fn name(self) -> &'static str {
        match self {
            Derive::Record => "AttioRecord",
            Derive::Entry => "AttioEntry",
        }
    }

    /// The container key naming the resource, which is also what the resource is called.
    pub fn key(self) -> &'static str {
        match self {
            Derive::Record => "object",
            Derive::Entry => "list",
        }
    }

    /// The other derive: the one whose key a user may write here by mistake.
    pub fn other(self) -> Derive {
        match self {
            Derive::Record => Derive::Entry,
            Derive::Entry => Derive::Record,
        }
    }

    /// A slug to show in messages.
    pub fn example(self) -> &'static str {
        match self {
            Derive::Record => "people",
            Derive::Entry => "sales_pipeline",
        }
    }

    /// What one model value is called in docs and messages.
    pub fn item(self) -> &'static str {
        match self {
            Derive::Record => "record",
            Derive::Entry => "entry",
        }
    }

    /// What this derive's models are, in words.
    fn models(self) -> &'static str {
        match self {
            Derive::Record => "the records of an object",
            Derive::Entry => "the entries of a list",
        }
    }

    /// The message for the other derive's key written on this one's struct; `both` when this
    /// derive's own key is there too.
    fn other_key_message(self, both: bool) -> String {
        let (name, key, other) = (self.name(), self.key(), self.other());
        let (other_name, other_key) = (other.name(), other.key());
        let models = self.models();
        let remedy = match (self, both) {
            (Derive::Entry, true) => {
                "drop `object`: the parent record's object is given with each entry".to_owned()
            }
            (_, true) => format!(
                "drop `{other_key}`, and model {} with a struct of its own that derives `{other_name}`",
                other.models()
            ),
            (_, false) => format!(
                "name the {key} with `{key} = \"...\"`, or derive `{other_name}` to model {}",
                other.models()
            ),
        };
        if both {
            format!("`{other_key}` and `{key}` together: `{name}` models {models}; {remedy}")
        } else {
            format!("`{other_key}` is not a key of `{name}`, which models {models}: {remedy}")
        }
    }

    /// The kind of a checked model, given the value of [`Derive::key`].
    pub fn kind(self, target: LitStr) -> Kind {
        match self {
            Derive::Record => Kind::Record { object: target },
            Derive::Entry => Kind::Entry { list: target },
        }
    }
}

/// What a checked model stands for.
pub enum Kind {
    /// A record of the Attio object `object`.
    Record { object: LitStr },
    /// An entry of the Attio list `list`.
    Entry { list: LitStr },
}

impl Kind {
    /// The derive that made this model.
    pub fn derive(&self) -> Derive {
        match self {
            Kind::Record { .. } => Derive::Record,
            Kind::Entry { .. } => Derive::Entry,
        }
    }

    /// The slug of the resource the model stands for, as written in the container attribute.
    pub fn slug(&self) -> &LitStr {
        match self {
            Kind::Record { object } => object,
            Kind::Entry { list } => list,
        }
    }
}

/// How many values a field holds, read from its type.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Multiplicity {
    /// `T`
    One,
    /// `Option<T>`
    Optional,
    /// `Vec<T>`
    Many,
}

/// The struct as read, before the rules across fields and attributes are checked.
pub struct Input<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub generics: &'a Generics,
    /// The value of the derive's container key; `None` when missing (already reported).
    pub target: Option<LitStr>,
    pub krate: syn::Path,
    pub fields: Vec<Field<'a>>,
}

/// The checked model: every rule holds, and it knows what it stands for.
pub struct Model<'a> {
    pub ident: &'a Ident,
    pub vis: &'a Visibility,
    pub krate: syn::Path,
    pub kind: Kind,
    pub fields: Vec<Field<'a>>,
}

impl Model<'_> {
    /// Decoded from responses (every field but `skip` ones).
    pub fn read_fields(&self) -> impl Iterator<Item = &Field<'_>> {
        self.fields.iter().filter(|f| f.is_read())
    }

    /// Written in create, assert and update bodies.
    pub fn written_fields(&self) -> impl Iterator<Item = &Field<'_>> {
        self.fields.iter().filter(|f| f.is_written())
    }
}

pub struct Field<'a> {
    pub member: &'a Ident,
    pub ty: &'a Type,
    pub slug: String,
    pub slug_span: Span,
    pub multiplicity: Multiplicity,
    /// The value type inside `Option`/`Vec` (still wrapped in `Tracked` if it was).
    pub value_ty: &'a Type,
    /// The value type with `Tracked` removed: what filters and history are typed by.
    pub plain_ty: &'a Type,
    pub tracked: bool,
    pub attrs: attr::Field,
}

impl<'a> Field<'a> {
    /// Reads one named field: its `#[attio]` attributes, slug and multiplicity.
    pub fn from_syn(cx: &Ctxt, field: &'a syn::Field) -> Option<Field<'a>> {
        let member = field.ident.as_ref()?;
        let attrs = attr::Field::from_attrs(cx, &field.attrs);
        let (slug, slug_span) = match &attrs.rename {
            Some(r) => (r.value.clone(), r.span),
            None => (
                member.to_string().trim_start_matches("r#").to_owned(),
                member.span(),
            ),
        };
        let (multiplicity, value_ty) = split_multiplicity(&field.ty);
        let (tracked, plain_ty) = match generic_arg(value_ty, "Tracked") {
            Some(inner) => (true, inner),
            None => (false, value_ty),
        };
        Some(Field {
            member,
            ty: &field.ty,
            slug,
            slug_span,
            multiplicity,
            value_ty,
            plain_ty,
            tracked,
            attrs,
        })
    }

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

impl<'a> Input<'a> {
    /// Reads the input; `None` when it is not a struct with named fields (reported).
    pub fn from_syn(cx: &Ctxt, input: &'a DeriveInput, derive: Derive) -> Option<Input<'a>> {
        let container =
            attr::Container::from_attrs(cx, &input.attrs, derive.key(), derive.other().key());
        if let Some(span) = container.other {
            let both = container.target.is_some();
            cx.syn_error(syn::Error::new(span, derive.other_key_message(both)));
        }
        if container.target.is_none() && !container.malformed && container.other.is_none() {
            let (key, example) = (derive.key(), derive.example());
            cx.error_spanned_by(
                &input.ident,
                format!(
                    "missing `#[attio({key} = \"...\")]`: name the Attio {key} this struct models, e.g. `#[attio({key} = \"{example}\")]`"
                ),
            );
        }
        let fields = named_fields(cx, input, derive.name())?
            .iter()
            .filter_map(|f| Field::from_syn(cx, f))
            .collect();
        Some(Input {
            ident: &input.ident,
            vis: &input.vis,
            generics: &input.generics,
            target: container.target,
            krate: container
                .krate
                .unwrap_or_else(|| syn::parse_quote!(::attio_core)),
            fields,
        })
    }
}

/// The named fields of a struct; anything else is reported.
fn named_fields<'a>(
    cx: &Ctxt,
    input: &'a DeriveInput,
    name: &str,
) -> Option<&'a syn::punctuated::Punctuated<syn::Field, syn::Token![,]>> {
    match &input.data {
        Data::Struct(s) => match &s.fields {
            Fields::Named(named) => Some(&named.named),
            Fields::Unnamed(_) => {
                cx.error_spanned_by(
                    &input.ident,
                    format!("{name} can only be derived for a struct with named fields: each field names an Attio attribute; this is a tuple struct"),
                );
                None
            }
            Fields::Unit => {
                cx.error_spanned_by(
                    &input.ident,
                    format!("{name} can only be derived for a struct with named fields: each field names an Attio attribute; this is a unit struct"),
                );
                None
            }
        },
        Data::Enum(e) => {
            cx.error_spanned_by(
                e.enum_token,
                format!("{name} can only be derived for a struct with named fields, not an enum"),
            );
            None
        }
        Data::Union(u) => {
            cx.error_spanned_by(
                u.union_token,
                format!("{name} can only be derived for a struct with named fields, not a union"),
            );
            None
        }
    }
}

/// `Option<T>` → (Optional, T), `Vec<T>` → (Many, T), anything else → (One, itself).
fn split_multiplicity(ty: &Type) -> (Multiplicity, &Type) {
    if let Some(inner) = generic_arg(ty, "Option") {
        (Multiplicity::Optional, inner)
    } else if let Some(inner) = generic_arg(ty, "Vec") {
        (Multiplicity::Many, inner)
    } else {
        (Multiplicity::One, ty)
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

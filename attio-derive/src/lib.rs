//! `#[derive(AttioRecord)]` and `#[derive(AttioEntry)]`: the derives behind
//! `attio_core::AttioRecord` (records of an object) and `attio_core::AttioEntry` (entries of
//! a list); and `#[derive(AttioEnum)]`, behind `attio_core::AttioEnum` (the options of a
//! select or status attribute as an enum, read and checked in `enums`).
//!
//! Use it through `attio_core` (it is re-exported there); the grammar of `#[attio(...)]` is
//! documented at the root of `attio_core`. The macro reads the attributes (`attr`), builds a
//! model of the struct (`ast`), checks it into a model that knows what it stands for
//! (`check`), then expands that model, one file per product (`expand`); every mistake in the
//! input is collected and reported at once, spanned on the offending token.
//!
//! The field grammar and its checks do not depend on the derive: a derive for another kind
//! of model adds an `ast::Derive` variant (its container key), an `ast::Kind` variant and
//! the runtime traits its impls name (`expand::traits`); `AttioEntry` is the second such
//! kind.
#![warn(missing_docs)]

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

mod ast;
mod attr;
mod check;
mod ctxt;
mod enums;
mod expand;
#[cfg(test)]
mod tests;

/// Derives `attio_core::AttioRecord` for a struct with named fields. See the `attio_core`
/// crate documentation for the `#[attio(...)]` grammar.
#[proc_macro_derive(AttioRecord, attributes(attio))]
pub fn derive_attio_record(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input, ast::Derive::Record).into()
}

/// Derives `attio_core::AttioEntry` for a struct with named fields: a model of the entries of
/// the list named by `#[attio(list = "...")]`. The field grammar is `AttioRecord`'s; see the
/// `attio_core` crate documentation.
#[proc_macro_derive(AttioEntry, attributes(attio))]
pub fn derive_attio_entry(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::derive(&input, ast::Derive::Entry).into()
}

/// Derives `attio_core::AttioEnum` for an enum whose variants are the options of a select
/// attribute (`#[attio(select)]`) or the statuses of a status attribute (`#[attio(status)]`),
/// with one `#[attio(other)]` catch-all holding any other title. See `attio_core::AttioEnum`
/// for the grammar.
#[proc_macro_derive(AttioEnum, attributes(attio))]
pub fn derive_attio_enum(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    expand::enums::derive(&input).into()
}

//! `#[derive(AttioRecord)]`: the derive behind `attio_core::AttioRecord`.
//!
//! Use it through `attio_core` (it is re-exported there); the grammar of `#[attio(...)]` is
//! documented at the root of `attio_core`. The macro reads the attributes (`attr`), builds a
//! model of the struct (`ast`), checks it into a model that knows what it stands for
//! (`check`), then expands that model, one file per product (`expand`); every mistake in the
//! input is collected and reported at once, spanned on the offending token.
//!
//! The field grammar and its checks do not depend on the derive: a derive for another kind
//! of model adds an `ast::Derive` variant (its container key), an `ast::Kind` variant and
//! the assembly of its trait impls in `expand`.

use proc_macro::TokenStream;
use syn::{DeriveInput, parse_macro_input};

mod ast;
mod attr;
mod check;
mod ctxt;
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

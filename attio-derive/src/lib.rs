//! `#[derive(AttioRecord)]`.
use proc_macro::TokenStream;

/// Derives `attio_core::AttioRecord`.
#[proc_macro_derive(AttioRecord, attributes(attio))]
pub fn derive_attio_record(input: TokenStream) -> TokenStream {
    let _ = input;
    TokenStream::new()
}

//! Compile-time behaviour of `#[derive(AttioEnum)]`: each mistake fails with a message
//! spanned on the offending token (`ui/enum/*.rs`, one mistake per file, with the reviewed
//! `.stderr` beside it); a filter or an update on an enum attribute takes that attribute's
//! own enum and nothing else (`ui/enum_filter/*.rs`); the expansion survives a hostile
//! scope and a `crate = "..."` override (`ui/enum_pass/*.rs`).

#[test]
fn enum_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/enum/*.rs");
    t.compile_fail("ui/enum_filter/*.rs");
    t.pass("ui/enum_pass/*.rs");
}

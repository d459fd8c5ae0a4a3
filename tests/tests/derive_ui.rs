//! Compile-time behaviour of `#[derive(AttioRecord)]` and `#[derive(AttioEntry)]`: every
//! mistake a user can make fails with a message spanned on the offending token
//! (`ui/derive/*.rs`, one mistake per file, with the reviewed `.stderr` beside it), and the
//! expansion survives a hostile scope.

#[test]
fn derive_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/derive/*.rs");
    t.pass("ui/pass/*.rs");
}

//! Compile-time guarantees of the client: `assert` on an attribute that is not
//! `#[attio(unique)]` does not compile (`ui/assert_non_unique.rs`, with its reviewed
//! `.stderr`).

#[test]
fn client_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/assert_non_unique.rs");
}

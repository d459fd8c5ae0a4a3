//! Compile-time guarantees of the client: `assert` and `assert_many` on an attribute that
//! is not `#[attio(unique)]` do not compile, and the message says to mark the field
//! `#[attio(unique)]` (`ui/assert_non_unique.rs`, `ui/assert_many_non_unique.rs`, with their
//! reviewed `.stderr`).

#[test]
fn client_ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/assert_non_unique.rs");
    t.compile_fail("ui/assert_many_non_unique.rs");
}

//! Compiles every ```rust block of README.md (copied by `build.rs`), with the models and
//! variables the fragments use declared here.
#![allow(dead_code)]

mod common;

use attio_core::Client;
use attio_core::values::EmailAddress;
use common::{Person, PersonUpdate};
use uuid::Uuid;

include!(concat!(env!("OUT_DIR"), "/readme_snippets.rs"));

#[test]
fn the_readme_has_rust_snippets() {
    // They compiled, or this file would not have: see build.rs.
    const { assert!(SNIPPETS >= 7, "README.md lost its Rust snippets") };
}

//! Not public API: exactly what the code of the derives (`AttioRecord`, `AttioEntry`,
//! `AttioEnum`) names, and
//! nothing else. Versioned with the crate; generated code reaches it through
//! `::attio_core::__private` (or the path given by `#[attio(crate = "...")]`). The decode
//! engine behind these calls is the crate-private `decode` module.
#![doc(hidden)]

mod absent;
mod field;
mod slugs;

pub use crate::decode::ctx::DecodeCtx;
pub use crate::decode::key::Key;
pub use absent::{AbsentKey, many, optional};
pub(crate) use field::take_refused;
pub use field::{decode_many, decode_single, required, write_many, write_one, write_opt};
pub use slugs::{OtherSlugs, first_read};

pub use crate::values::enums::{
    EnumBuilder, eq_constraint as enum_eq_constraint, finish as enum_finish,
    read_field as enum_read_field, validate as enum_validate, write as enum_write,
};
pub use serde;
pub use serde_json::Value as JsonValue;

/// Core re-exports under stable names, so generated code never depends on the user's scope.
pub use core::{option::Option, result::Result};
pub use std::vec::Vec;

//! Not public API: the plumbing `#[derive(AttioRecord)]` expands to. Versioned with the
//! crate; generated code reaches it through `::attio_core::__private` (or the path given by
//! `#[attio(crate = "...")]`).
#![doc(hidden)]

mod decode;
mod field;
mod key;

pub use decode::{
    ArraySeed, Collect, DataSeed, DecodeCtx, PathSeg, RecordSeed, RecordsSeed, ValueSeed,
    history_seed,
};
pub use field::{
    WriteMany, WriteOne, WriteOpt, decode_many, decode_single, required, take_refused, write_many,
    write_one, write_opt,
};
pub use key::Key;

pub use serde;

/// Core re-exports under stable names, so generated code never depends on the user's scope.
pub use core::{marker::PhantomData, option::Option, result::Result};
pub use std::vec::Vec;

/// The update type of a model whose derive failed: it keeps the compiler from reporting
/// follow-on errors next to the derive's own.
pub struct StubUpdate<R>(PhantomData<fn() -> R>);

impl<R: crate::AttioRecord> crate::AttioUpdate for StubUpdate<R> {
    type Record = R;
    fn is_empty(&self) -> bool {
        true
    }
    fn __encode_values<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_unit()
    }
}

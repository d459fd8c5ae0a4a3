//! A list of records decoded one record at a time, so that a record the model cannot hold
//! is one error, naming its record, beside every other record of the list. This is the
//! fallback of a list whose one-pass decode failed: the body is split into its records
//! (borrowed, not copied) and each is decoded on its own.

use std::marker::PhantomData;

use serde_json::value::RawValue;

use super::ctx::DecodeCtx;
use super::data::{DataSeed, run};
use super::id;
use super::record::RecordSeed;
use crate::error::DecodeError;
use crate::record::{AttioRecord, Record};

/// One record of a list: the record, or the error naming it.
pub(crate) type Outcome<T> = Result<Record<T>, Box<DecodeError>>;

/// Each record of a list body, `{"data":[…]}`, in order: the record, or the error naming
/// it. The error of the whole body when it is not a list.
pub(crate) fn each<T: AttioRecord>(body: &[u8]) -> Result<Vec<Outcome<T>>, Box<DecodeError>> {
    let ctx = DecodeCtx::new();
    let raws = run(body, DataSeed(&ctx, PhantomData::<Vec<&RawValue>>))
        .map_err(|e| Box::new(ctx.into_error(T::OBJECT, &e)))?;
    Ok(raws
        .into_iter()
        .enumerate()
        .map(|(index, raw)| one::<T>(body, index, raw))
        .collect())
}

fn one<T: AttioRecord>(body: &[u8], index: usize, raw: &RawValue) -> Outcome<T> {
    let ctx = DecodeCtx::new();
    let result = run(raw.get().as_bytes(), RecordSeed::<T>::new(&ctx));
    result.map_err(|e| Box::new(failed::<T>(ctx, &e, body, index, raw.get())))
}

/// The error of the record at `index`, placed in the whole body: its path from `data`, its
/// position in the body's lines, and its record id even when `values` came before `id`.
#[cold]
fn failed<T: AttioRecord>(
    ctx: DecodeCtx,
    err: &serde_json::Error,
    body: &[u8],
    index: usize,
    record: &str,
) -> DecodeError {
    ctx.push_index(index);
    ctx.push_key("data");
    let mut error = ctx.into_error(T::OBJECT, err);
    if error.record_id.is_none() {
        error.record_id = id::of_record(record.as_bytes());
    }
    error.position = error.position.map(|p| in_body(body, record, p));
    error
}

/// A (line, column) in `part`, a slice of `body`, as a (line, column) in `body`.
fn in_body(body: &[u8], part: &str, (line, column): (usize, usize)) -> (usize, usize) {
    let Some(offset) = (part.as_ptr() as usize).checked_sub(body.as_ptr() as usize) else {
        return (line, column);
    };
    let Some(before) = body.get(..offset) else {
        return (line, column);
    };
    let lines_before = before.iter().filter(|&&b| b == b'\n').count();
    if line > 1 {
        return (lines_before + line, column);
    }
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    (lines_before + 1, offset - line_start + column)
}

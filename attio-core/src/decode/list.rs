//! A list of records or entries decoded one item at a time, so that an item the model
//! cannot hold is one error, naming its record or entry, beside every other item of the
//! list. This is the fallback of a list whose one-pass decode failed: the body is split
//! into its items (borrowed, not copied) and each is decoded on its own.

use std::marker::PhantomData;

use serde_json::value::RawValue;

use super::ctx::DecodeCtx;
use super::data::{DataSeed, run};
use super::entry::{EntrySeed, entry_error};
use super::id;
use super::record::RecordSeed;
use crate::entry::{AttioEntry, Entry};
use crate::error::DecodeError;
use crate::record::{AttioRecord, Record};

/// What a list holds, and how one of its items is read and named in errors.
pub(crate) trait Listed {
    /// One decoded item.
    type Item;
    /// Decodes one item object.
    fn decode(item: &[u8], ctx: &DecodeCtx) -> Result<Self::Item, serde_json::Error>;
    /// The error of a failed decode, from its context.
    fn error(ctx: DecodeCtx, err: &serde_json::Error) -> DecodeError;
    /// Names the item in `error` by the id a second parse of `item` reads, when the
    /// decode failed before reading it.
    fn name(error: &mut DecodeError, item: &[u8]);
}

/// A list of records of the model `T`.
pub(crate) struct Records<T>(PhantomData<fn() -> T>);

impl<T: AttioRecord> Listed for Records<T> {
    type Item = Record<T>;

    fn decode(item: &[u8], ctx: &DecodeCtx) -> Result<Record<T>, serde_json::Error> {
        run(item, RecordSeed::<T>::new(ctx))
    }

    fn error(ctx: DecodeCtx, err: &serde_json::Error) -> DecodeError {
        ctx.into_error(T::OBJECT, err)
    }

    fn name(error: &mut DecodeError, item: &[u8]) {
        if error.record_id.is_none() {
            error.record_id = id::of_record(item);
        }
    }
}

/// A list of entries of the model `E`.
pub(crate) struct Entries<E>(PhantomData<fn() -> E>);

impl<E: AttioEntry> Listed for Entries<E> {
    type Item = Entry<E>;

    fn decode(item: &[u8], ctx: &DecodeCtx) -> Result<Entry<E>, serde_json::Error> {
        run(item, EntrySeed::<E>::new(ctx))
    }

    fn error(ctx: DecodeCtx, err: &serde_json::Error) -> DecodeError {
        entry_error(ctx, E::LIST, err)
    }

    fn name(error: &mut DecodeError, item: &[u8]) {
        if error.entry_id.is_none() {
            error.entry_id = id::of_entry(item);
        }
    }
}

/// One item of a list: the item, or the error naming it.
pub(crate) type Outcome<L> = Result<<L as Listed>::Item, Box<DecodeError>>;

/// Each item of a list body, `{"data":[…]}`, in order: the item, or the error naming it.
/// The error of the whole body when it is not a list.
pub(crate) fn each<L: Listed>(body: &[u8]) -> Result<Vec<Outcome<L>>, Box<DecodeError>> {
    let ctx = DecodeCtx::new();
    let raws = run(body, DataSeed(&ctx, PhantomData::<Vec<&RawValue>>))
        .map_err(|e| Box::new(L::error(ctx, &e)))?;
    Ok(raws
        .into_iter()
        .enumerate()
        .map(|(index, raw)| one::<L>(body, index, raw))
        .collect())
}

fn one<L: Listed>(body: &[u8], index: usize, raw: &RawValue) -> Outcome<L> {
    let ctx = DecodeCtx::new();
    let result = L::decode(raw.get().as_bytes(), &ctx);
    result.map_err(|e| Box::new(failed::<L>(ctx, &e, body, index, raw.get())))
}

/// The error of the item at `index`, placed in the whole body: its path from `data`, its
/// position in the body's lines, and its id even when its values came before its id.
#[cold]
fn failed<L: Listed>(
    ctx: DecodeCtx,
    err: &serde_json::Error,
    body: &[u8],
    index: usize,
    item: &str,
) -> DecodeError {
    ctx.push_index(index);
    ctx.push_key("data");
    let mut error = L::error(ctx, err);
    L::name(&mut error, item.as_bytes());
    error.position = error.position.map(|p| in_body(body, item, p));
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

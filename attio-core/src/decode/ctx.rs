//! Where a decode error happened. Errors leave their path in a [`DecodeCtx`] as they unwind,
//! so the happy path pays nothing for error reporting.

use std::cell::{Cell, RefCell};

use uuid::Uuid;

use crate::error::{DecodeError, cut, split_serde_message};

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq)]
enum PathSeg {
    /// An object key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// Where a decode error happened, filled in while the error unwinds. Generated decoders
/// hand it on to the runtime's calls; only the crate reads or fills it.
#[derive(Debug, Default)]
pub struct DecodeCtx {
    path: RefCell<Vec<PathSeg>>,
    detail: RefCell<Option<(String, String)>>,
    attribute: RefCell<Option<String>>,
    record_id: Cell<Option<Uuid>>,
}

impl DecodeCtx {
    /// A fresh context.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Records an object key on the error path (innermost first).
    #[cold]
    pub(crate) fn push_key(&self, key: &str) {
        self.path.borrow_mut().push(PathSeg::Key(key.to_owned()));
    }

    /// Records an array index on the error path (innermost first).
    #[cold]
    pub(crate) fn push_index(&self, index: usize) {
        self.path.borrow_mut().push(PathSeg::Index(index));
    }

    /// Records the attribute slug the error is in.
    #[cold]
    pub(crate) fn set_attribute(&self, slug: &str) {
        let mut a = self.attribute.borrow_mut();
        if a.is_none() {
            *a = Some(slug.to_owned());
        }
    }

    /// Records what was expected and what was found, for errors that are not serde's own.
    #[cold]
    pub(crate) fn set_detail(&self, expected: impl Into<String>, found: impl Into<String>) {
        let mut d = self.detail.borrow_mut();
        if d.is_none() {
            *d = Some((expected.into(), found.into()));
        }
    }

    /// Records the id of the record being decoded.
    pub(crate) fn set_record_id(&self, id: Uuid) {
        self.record_id.set(Some(id));
    }

    /// Forgets the record id (between the records of a list).
    pub(crate) fn clear_record_id(&self) {
        self.record_id.set(None);
    }

    /// Turns a serde_json error into a [`DecodeError`] with the recorded path.
    pub(crate) fn into_error(self, object: &'static str, err: &serde_json::Error) -> DecodeError {
        let mut path = String::new();
        for seg in self.path.into_inner().iter().rev() {
            match seg {
                PathSeg::Key(k) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(k);
                }
                PathSeg::Index(i) => {
                    path.push('[');
                    path.push_str(&i.to_string());
                    path.push(']');
                }
            }
        }
        if path.is_empty() {
            path.push('$');
        }
        let (expected, found) = match self.detail.into_inner() {
            Some(d) => d,
            None => split_serde_message(err),
        };
        let position = (err.line() > 0).then(|| (err.line(), err.column()));
        DecodeError {
            object,
            record_id: self.record_id.get(),
            attribute: self.attribute.into_inner(),
            path: cut(path),
            expected: cut(expected),
            found: cut(found),
            position,
        }
    }
}

//! Absent keys: a response whose `values` has no key for an `Option` or `Vec` field. The
//! field stays `None` or empty, since an attribute may exist in some workspaces only (the
//! standard `associated_users` of people is there only where users are enabled), but a
//! misspelt slug or `rename` would read as empty forever without a word: so the first time
//! a model meets an absent key for a field, a warning names them. The generated decoder
//! keeps one [`AbsentKey`] per such field in a `static`, so the check allocates nothing.

use std::sync::atomic::{AtomicBool, Ordering};

/// One `Option`/`Vec` field of a model, and whether its absent key was reported yet.
pub struct AbsentKey {
    warned: AtomicBool,
    model: &'static str,
    field: &'static str,
    slug: &'static str,
    /// The resource in words, e.g. "object `people`".
    owner: &'static str,
}

impl AbsentKey {
    /// The field `field` of `model`, reading the attribute `slug` of `owner`.
    pub const fn new(
        model: &'static str,
        field: &'static str,
        slug: &'static str,
        owner: &'static str,
    ) -> Self {
        AbsentKey {
            warned: AtomicBool::new(false),
            model,
            field,
            slug,
            owner,
        }
    }

    /// Warns, the first time only.
    #[cold]
    fn report(&self) {
        if self.warned.swap(true, Ordering::Relaxed) {
            return;
        }
        tracing::warn!(
            model = self.model,
            field = self.field,
            attribute = self.slug,
            owner = self.owner,
            "`{}.{}` (attribute `{}` of {}) was absent from a response: a misspelt slug or `rename`, or an attribute this workspace does not have; the field reads as empty (reported once per field)",
            self.model,
            self.field,
            self.slug,
            self.owner,
        );
    }
}

/// An `Option` field: `slot` is `None` when the key was absent, `Some(value)` when it was
/// read (the value itself `None` for an empty array).
#[inline]
pub fn optional<V>(slot: Option<Option<V>>, key: &'static AbsentKey) -> Option<V> {
    match slot {
        Some(value) => value,
        None => {
            key.report();
            None
        }
    }
}

/// A `Vec` field: `slot` is `None` when the key was absent.
#[inline]
pub fn many<V>(slot: Option<Vec<V>>, key: &'static AbsentKey) -> Vec<V> {
    match slot {
        Some(values) => values,
        None => {
            key.report();
            Vec::new()
        }
    }
}

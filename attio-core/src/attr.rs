//! Typed handles on a model's attributes.
//!
//! `#[derive(AttioRecord)]` generates, next to a model `Person`, a struct `PersonAttrs` with
//! one [`Attr`] per field, reached through [`AttioRecord::attrs`](crate::AttioRecord::attrs).
//! An `Attr` carries the attribute slug and, in its type, the model, the value type and
//! whether the attribute is `#[attio(unique)]`. Filters, sorts, assert keys and history reads
//! are built from it, so a misspelt attribute or an operator its type does not support is a
//! compile error.

use std::fmt;
use std::marker::PhantomData;

/// Marks an attribute declared `#[attio(unique)]`: usable as an assert key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unique {}

/// Marks an attribute that is not unique.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotUnique {}

mod sealed {
    pub trait Sealed {}
    impl Sealed for super::Unique {}
}

/// The uniqueness marker an assert key must carry: implemented by [`Unique`] only, so an
/// assert compiles on `#[attio(unique)]` attributes only, and says so when it does not.
///
/// ```compile_fail
/// # use attio_core::attr::{AssertKey, NotUnique};
/// fn key<K: AssertKey>() {}
/// key::<NotUnique>();
/// ```
#[diagnostic::on_unimplemented(
    message = "an assert matches on a unique attribute only, and this attribute is not `#[attio(unique)]`",
    label = "not an `#[attio(unique)]` attribute",
    note = "mark the field `#[attio(unique)]` in the model if the attribute is unique in Attio, or assert on one that is"
)]
pub trait AssertKey: sealed::Sealed {}

impl AssertKey for Unique {}

/// Carries `Attr`'s type parameters without owning or requiring anything of them.
type Marker<R, V, K> = PhantomData<fn() -> (R, V, K)>;

/// The attribute `slug` of model `R`, holding values of type `V`; `K` is [`Unique`] or
/// [`NotUnique`].
pub struct Attr<R, V, K = NotUnique> {
    slug: &'static str,
    _marker: Marker<R, V, K>,
}

impl<R, V, K> Attr<R, V, K> {
    #[doc(hidden)]
    pub const fn __new(slug: &'static str) -> Self {
        Attr {
            slug,
            _marker: PhantomData,
        }
    }

    /// The attribute's `api_slug`.
    pub const fn slug(&self) -> &'static str {
        self.slug
    }
}

impl<R, V, K> Clone for Attr<R, V, K> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R, V, K> Copy for Attr<R, V, K> {}

impl<R, V, K> fmt::Debug for Attr<R, V, K> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Attr({})", self.slug)
    }
}

impl<R, V, K> PartialEq for Attr<R, V, K> {
    fn eq(&self, other: &Self) -> bool {
        self.slug == other.slug
    }
}

impl<R, V, K> Eq for Attr<R, V, K> {}

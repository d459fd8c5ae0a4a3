//! The slugs of one `values` map seen so far: a slug sent twice is a decode error, whether
//! the model reads it or not, for records and entries alike. The generated decoder keeps a
//! flag per field it reads ([`first_read`]); the slugs it skips go through [`OtherSlugs`].

use serde::de::{self, IgnoredAny, MapAccess};

use crate::decode::ctx::DecodeCtx;
use crate::decode::key::{Key, SeenKeys, duplicate};

/// `Ok` the first time the field's slug is read in this map (`seen` becomes true), the
/// duplicate-key error naming the attribute after.
#[inline]
pub fn first_read<E: de::Error>(seen: &mut bool, ctx: &DecodeCtx, slug: &str) -> Result<(), E> {
    if std::mem::replace(seen, true) {
        return Err(duplicate_slug(ctx, slug));
    }
    Ok(())
}

#[cold]
fn duplicate_slug<E: de::Error>(ctx: &DecodeCtx, slug: &str) -> E {
    ctx.set_attribute(slug);
    ctx.push_key(slug);
    duplicate(ctx, slug)
}

/// The slugs of one `values` map that the model does not read.
pub struct OtherSlugs<'de>(SeenKeys<'de, 8>);

impl<'de> OtherSlugs<'de> {
    /// None seen yet.
    #[inline]
    #[allow(clippy::new_without_default)]
    pub fn new() -> Self {
        OtherSlugs(SeenKeys::new())
    }

    /// Skips the value of `slug`, a slug the model does not read; the duplicate-key error
    /// when it was seen before in this map.
    #[inline]
    pub fn skip<A: MapAccess<'de>>(
        &mut self,
        map: &mut A,
        slug: &Key<'de>,
        ctx: &DecodeCtx,
    ) -> Result<(), A::Error> {
        if !self.0.first_time(slug) {
            return Err(duplicate_slug(ctx, slug.as_str()));
        }
        map.next_value::<IgnoredAny>().map(drop)
    }
}

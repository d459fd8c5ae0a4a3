//! Map keys and short strings read without allocating when the input allows it, and the
//! keys of one object seen so far ([`SeenKeys`]): a key sent twice is a decode error.

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

/// A string borrowed from the input when it has no escapes, owned otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key<'de>(pub Cow<'de, str>);

impl Key<'_> {
    /// The string.
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            #[inline]
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            #[inline]
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// The keys of one JSON object read so far, to refuse a key that comes twice: Attio sends
/// each key once, and a decoder that met one twice would have to pick the first or the
/// last without a word. Up to `N` keys borrowed from the input are kept without
/// allocating; a 128-bit filter spares most comparisons.
pub(crate) struct SeenKeys<'de, const N: usize> {
    filter: u128,
    inline: [&'de str; N],
    len: usize,
    spilled: Vec<Cow<'de, str>>,
}

impl<'de, const N: usize> SeenKeys<'de, N> {
    /// No key seen yet.
    #[inline]
    pub(crate) fn new() -> Self {
        SeenKeys {
            filter: 0,
            inline: [""; N],
            len: 0,
            spilled: Vec::new(),
        }
    }

    /// Notes `key`; false when it was seen before in this object.
    #[inline]
    pub(crate) fn first_time(&mut self, key: &Key<'de>) -> bool {
        let text = key.as_str();
        let bit = 1u128 << bucket(text);
        if self.filter & bit != 0 && self.contains(text) {
            return false;
        }
        self.filter |= bit;
        match &key.0 {
            Cow::Borrowed(b) if self.len < N => {
                self.inline[self.len] = b;
                self.len += 1;
            }
            other => self.spilled.push(other.clone()),
        }
        true
    }

    fn contains(&self, text: &str) -> bool {
        self.inline[..self.len].contains(&text) || self.spilled.iter().any(|k| k == text)
    }
}

/// One of 128 buckets for a key, from its length and three of its bytes.
#[inline]
fn bucket(text: &str) -> u32 {
    let b = text.as_bytes();
    let Some(&last) = b.last() else {
        return 0;
    };
    let mixed = (b.len() as u32)
        .wrapping_mul(31)
        .wrapping_add(u32::from(b[0]))
        .wrapping_add(u32::from(b[b.len() / 2]).wrapping_mul(7))
        .wrapping_add(u32::from(last).wrapping_mul(13));
    mixed % 128
}

/// The error of a key sent twice in one object. The caller puts the key on the error path.
#[cold]
pub(crate) fn duplicate<E: serde::de::Error>(ctx: &super::ctx::DecodeCtx, key: &str) -> E {
    ctx.set_detail(
        "each key once (attio-rs never picks one of two)",
        format!("`{key}` twice"),
    );
    E::custom(format_args!("the key `{key}` appears twice in one object"))
}

/// For a handful of keys known in advance: `Ok` the first time `bit` is taken in `seen`,
/// the [`duplicate`] error after.
#[inline]
pub(crate) fn once<E: serde::de::Error>(
    seen: &mut u8,
    bit: u8,
    ctx: &super::ctx::DecodeCtx,
    key: &str,
) -> Result<(), E> {
    if *seen & bit != 0 {
        return Err(duplicate(ctx, key));
    }
    *seen |= bit;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_seen_twice_is_caught_inline_and_spilled() {
        let mut seen = SeenKeys::<'_, 2>::new();
        let keys = ["id", "values", "web_url", "created_at"];
        for k in keys {
            assert!(seen.first_time(&Key(Cow::Borrowed(k))), "{k}");
        }
        for k in keys {
            assert!(!seen.first_time(&Key(Cow::Borrowed(k))), "{k}");
            assert!(!seen.first_time(&Key(Cow::Owned(k.to_owned()))), "{k}");
        }
        assert!(seen.first_time(&Key(Cow::Owned("value".into()))));
        assert!(seen.first_time(&Key(Cow::Borrowed(""))));
        assert!(!seen.first_time(&Key(Cow::Borrowed(""))));
        // Many keys in few buckets: only equal keys count as seen.
        let many: Vec<String> = (0..500).map(|i| format!("k{i}")).collect();
        let mut seen = SeenKeys::<'_, 16>::new();
        for k in &many {
            assert!(seen.first_time(&Key(Cow::Borrowed(k))), "{k}");
        }
        assert!(!seen.first_time(&Key(Cow::Borrowed("k499"))));
    }
}

//! Keys and short tokens read as bytes ([`RawKey`]): the hot value objects compare most of
//! their keys with a handful of ASCII names, and bytes equal to an ASCII name need no UTF-8
//! check. Text that is not one of those names is checked as serde_json checks any string
//! before it is used ([`RawKey::into_key`]).

use std::borrow::Cow;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, Visitor};

use super::key::Key;

/// A JSON string as its bytes: borrowed from the input when it has no escapes, unescaped
/// into a copy otherwise. Not yet known to be text.
pub(crate) struct RawKey<'de> {
    bytes: Cow<'de, [u8]>,
    /// The bytes are exactly the string's characters in the input (no escape was
    /// decoded), so a control character among them was sent raw, which JSON forbids.
    raw: bool,
}

impl<'de> RawKey<'de> {
    /// The bytes, to compare with ASCII names.
    #[inline]
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// The string as text: the same errors as serde_json's own string reading (a raw
    /// control character, invalid UTF-8).
    #[inline]
    pub(crate) fn into_key<E: de::Error>(self) -> Result<Key<'de>, E> {
        match self.into_named()? {
            Named::Known(_, name) => Ok(Key(Cow::Borrowed(name))),
            Named::Other(key) => Ok(key),
        }
    }

    /// The string as one of the built-in value types' keys, or as other text (checked as in
    /// [`RawKey::into_key`]).
    #[inline]
    pub(crate) fn into_named<E: de::Error>(self) -> Result<Named<'de>, E> {
        if let Some((index, name)) = known(&self.bytes) {
            return Ok(Named::Known(index, name));
        }
        if self.raw && self.bytes.iter().any(|&b| b < 0x20) {
            return Err(control_character());
        }
        match self.bytes {
            Cow::Borrowed(b) => match std::str::from_utf8(b) {
                Ok(s) => Ok(Named::Other(Key(Cow::Borrowed(s)))),
                Err(_) => Err(invalid_utf8()),
            },
            Cow::Owned(b) => match String::from_utf8(b) {
                Ok(s) => Ok(Named::Other(Key(Cow::Owned(s)))),
                Err(_) => Err(invalid_utf8()),
            },
        }
    }
}

/// A key read by [`RawKey::into_named`].
pub(crate) enum Named<'de> {
    /// A key of a built-in value type: its number (below 64) and its name.
    Known(u8, &'static str),
    /// Any other key.
    Other(Key<'de>),
}

/// Builds [`known`] and the list of its names from one list of ASCII names, numbered in
/// order.
macro_rules! known_keys {
    ($($name:ident)*) => {
        /// The keys of the built-in value types, as text without a UTF-8 check: bytes equal
        /// to one of these ASCII names are that name. Each has its own number below 64, for
        /// a bit set.
        #[inline]
        fn known(bytes: &[u8]) -> Option<(u8, &'static str)> {
            let mut index = 0u8;
            $(
                if bytes == stringify!($name).as_bytes() {
                    return Some((index, stringify!($name)));
                }
                index += 1;
            )*
            let _ = index;
            None
        }

        /// Every name [`known`] knows.
        #[cfg(test)]
        const KNOWN: &[&str] = &[$(stringify!($name)),*];
    };
}

known_keys! {
    value target_object target_record_id email_address original_email_address email_domain
    email_root_domain email_local_specifier first_name last_name full_name option status
    referenced_actor_type referenced_actor_id domain root_domain phone_number
    original_phone_number normalized_phone_number country_code currency_value currency_code
    line_1 line_2 line_3 line_4 locality region postcode latitude longitude
    interaction_type interacted_at owner_actor record_id
}

#[cold]
fn control_character<E: de::Error>() -> E {
    E::custom("control character (\\u0000-\\u001F) found while parsing a string")
}

#[cold]
fn invalid_utf8<E: de::Error>() -> E {
    E::custom("invalid unicode code point")
}

impl<'de> Deserialize<'de> for RawKey<'de> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = RawKey<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a string")
            }
            #[inline]
            fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<RawKey<'de>, E> {
                Ok(RawKey {
                    bytes: Cow::Borrowed(v),
                    raw: true,
                })
            }
            // Copied bytes had an escape decoded: an escaped control character is allowed,
            // and it cannot be told from a raw one any more.
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<RawKey<'de>, E> {
                Ok(RawKey {
                    bytes: Cow::Owned(v.to_vec()),
                    raw: false,
                })
            }
            fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<RawKey<'de>, E> {
                Ok(RawKey {
                    bytes: Cow::Owned(v),
                    raw: false,
                })
            }
            // Deserializers other than serde_json's readers hand strings as text.
            fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<RawKey<'de>, E> {
                Ok(RawKey {
                    bytes: Cow::Borrowed(v.as_bytes()),
                    raw: false,
                })
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<RawKey<'de>, E> {
                Ok(RawKey {
                    bytes: Cow::Owned(v.as_bytes().to_vec()),
                    raw: false,
                })
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<RawKey<'de>, E> {
                Ok(RawKey {
                    bytes: Cow::Owned(v.into_bytes()),
                    raw: false,
                })
            }
        }
        d.deserialize_bytes(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(json: &str) -> Result<String, serde_json::Error> {
        let raw: RawKey<'_> = serde_json::from_str(json)?;
        raw.into_key().map(|k| k.as_str().to_owned())
    }

    #[test]
    fn the_known_keys_have_distinct_numbers_below_64() {
        let mut seen = 0u64;
        for name in KNOWN {
            let (i, n) = known(name.as_bytes()).expect(name);
            assert_eq!(n, *name);
            assert!(i < 64, "{name}");
            assert_eq!(seen & (1 << i), 0, "{name}: {i} twice");
            seen |= 1 << i;
        }
        assert_eq!(known(b"values"), None);
        assert_eq!(known(b"valu"), None);
        assert_eq!(known(b""), None);
    }

    #[test]
    fn raw_keys_are_checked_like_serde_json_strings() {
        assert_eq!(key(r#""active_from""#).unwrap(), "active_from");
        // A built-in value type's key, sent plain or escaped.
        assert_eq!(key(r#""value""#).unwrap(), "value");
        assert_eq!(key(r#""val\u0075e""#).unwrap(), "value");
        assert!(key("\"val\tue\"").is_err(), "a raw tab in a near-known key");
        assert_eq!(key(r#""caf\u00e9""#).unwrap(), "café");
        assert_eq!(key(r#""a\tb""#).unwrap(), "a\tb");
        assert_eq!(key("\"é\"").unwrap(), "é");
        assert!(key("\"a\tb\"").is_err(), "a raw tab");
        assert!(key(r#""\ud800""#).is_err(), "a lone surrogate");
        assert!(key(r#""\q""#).is_err(), "an unknown escape");
        let bad: &[u8] = b"\"\xff\"";
        let raw: RawKey<'_> = serde_json::from_slice(bad).unwrap();
        assert!(
            raw.into_key::<serde_json::Error>().is_err(),
            "invalid UTF-8"
        );
        // Other deserializers hand text.
        let v = serde_json::json!("x\ty");
        let raw = RawKey::deserialize(&v).unwrap();
        assert_eq!(
            raw.into_key::<serde_json::Error>().unwrap().as_str(),
            "x\ty"
        );
    }
}

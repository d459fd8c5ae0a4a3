//! The `{"data": …}` wrapper of every response body, and the run of a seed over a whole
//! body.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::ctx::DecodeCtx;
use super::key::{Key, SeenKeys, duplicate};

/// Runs `seed` over the whole of `bytes`: trailing bytes after the value are an error.
pub(crate) fn run<'de, S: DeserializeSeed<'de>>(
    bytes: &'de [u8],
    seed: S,
) -> Result<S::Value, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_slice(bytes);
    let value = seed.deserialize(&mut de)?;
    de.end()?;
    Ok(value)
}

/// Decodes `{"data": X}` with `seed` for X, ignoring other top-level keys; a key sent twice
/// is an error.
pub(crate) struct DataSeed<'a, S>(pub(crate) &'a DecodeCtx, pub(crate) S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for DataSeed<'_, S> {
    type Value = S::Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for DataSeed<'_, S> {
    type Value = S::Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object with a `data` key")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<S::Value, A::Error> {
        let mut seed = Some(self.1);
        let mut out = None;
        let mut seen = SeenKeys::<'de, 4>::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if !seen.first_time(&key) {
                self.0.push_key(key.as_str());
                return Err(duplicate(self.0, key.as_str()));
            }
            if key.as_str() == "data"
                && let Some(s) = seed.take()
            {
                out = Some(
                    map.next_value_seed(s)
                        .inspect_err(|_| self.0.push_key("data"))?,
                );
                continue;
            }
            map.next_value::<IgnoredAny>()?;
        }
        out.ok_or_else(|| {
            self.0
                .set_detail("an object with a `data` key", "no `data` key");
            de::Error::missing_field("data")
        })
    }
}

//! `rating` attributes.

use std::fmt;

use serde::Serializer;
use serde::de::{self, Deserialize, Deserializer, MapAccess, Unexpected, Visitor};

use super::wire::{invalid, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::Error;
use crate::schema::AttributeType;

/// A rating from 0 to 5 stars (`rating` attributes), checked when built.
///
/// Read: `value` as a number (`4` or `4.0`). Written: the bare integer, `4`.
///
/// ```
/// use attio_core::values::Rating;
/// assert_eq!(Rating::new(4)?.get(), 4);
/// assert!(Rating::new(6).is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Rating(u8);

impl Rating {
    /// The highest rating.
    pub const MAX: u8 = 5;

    /// A rating of `stars`, refused above 5.
    pub fn new(stars: u8) -> Result<Self, Error> {
        if stars <= Self::MAX {
            Ok(Rating(stars))
        } else {
            Err(invalid(
                "rating",
                &stars.to_string(),
                "a rating is 0 to 5 stars",
            ))
        }
    }

    /// The number of stars, 0 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl TryFrom<u8> for Rating {
    type Error = Error;
    fn try_from(stars: u8) -> Result<Self, Error> {
        Rating::new(stars)
    }
}

impl From<Rating> for u8 {
    fn from(r: Rating) -> u8 {
        r.0
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/5", self.0)
    }
}

/// The `value` of a rating: an integral number from 0 to 5.
struct Stars(u8);

impl<'de> Deserialize<'de> for Stars {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl V {
            fn check<E: de::Error>(self, v: i128, unexpected: Unexpected) -> Result<Stars, E> {
                match u8::try_from(v) {
                    Ok(n) if n <= Rating::MAX => Ok(Stars(n)),
                    _ => Err(E::invalid_value(unexpected, &self)),
                }
            }
        }
        impl<'de> Visitor<'de> for V {
            type Value = Stars;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a rating, an integer from 0 to 5")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Stars, E> {
                self.check(v.into(), Unexpected::Signed(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Stars, E> {
                self.check(v.into(), Unexpected::Unsigned(v))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Stars, E> {
                if v.fract() == 0.0 && (0.0..=5.0).contains(&v) {
                    Ok(Stars(v as u8))
                } else {
                    Err(E::invalid_value(Unexpected::Float(v), &self))
                }
            }
        }
        d.deserialize_any(V)
    }
}

impl AttioValue for Rating {
    const TYPE: AttributeType = AttributeType::Rating;
}

impl ReadValue for Rating {
    type Builder = Option<Rating>;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Option<Rating>,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "value" => *builder = Some(Rating(map.next_value::<Stars>()?.0)),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: Option<Rating>, _: Envelope) -> Result<Self, E> {
        builder.ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for Rating {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.0)
    }
}

//! `Tracked<T>`: a value together with its history metadata.

use serde::Serializer;
use serde::de::{self, MapAccess};

use super::{Actor, AttioValue, Envelope, ReadValue, Timestamp, WriteValue};
use crate::error::ValueError;
use crate::schema::AttributeType;

/// A value together with when it became active, when it stopped (`None` while current) and
/// who wrote it. Written, it is just the value.
///
/// ```
/// use attio_core::values::Tracked;
/// let t = Tracked::new("Analyst".to_string());
/// assert_eq!(t.value, "Analyst");
/// assert!(t.is_active());
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked<T> {
    /// The value itself.
    pub value: T,
    /// `active_from`; `None` for a value built locally, not yet read from Attio.
    pub active_from: Option<Timestamp>,
    /// `active_until`; `None` while the value is current.
    pub active_until: Option<Timestamp>,
    /// `created_by_actor`.
    pub created_by_actor: Option<Actor>,
}

impl<T> Tracked<T> {
    /// A value with no metadata yet (to be written).
    pub fn new(value: T) -> Self {
        Tracked {
            value,
            active_from: None,
            active_until: None,
            created_by_actor: None,
        }
    }

    /// Whether this is the current value (`active_until` is null).
    pub fn is_active(&self) -> bool {
        self.active_until.is_none()
    }

    /// Drops the metadata.
    pub fn into_inner(self) -> T {
        self.value
    }
}

impl<T> From<T> for Tracked<T> {
    fn from(value: T) -> Self {
        Tracked::new(value)
    }
}

impl<T> std::ops::Deref for Tracked<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T: AttioValue> AttioValue for Tracked<T> {
    const TYPE: AttributeType = T::TYPE;
    const TARGET_OBJECT: Option<&'static str> = T::TARGET_OBJECT;
    const OPTIONS: Option<&'static [&'static str]> = T::OPTIONS;
}

impl<T: ReadValue> ReadValue for Tracked<T> {
    type Builder = T::Builder;
    const WANTS_ENVELOPE: bool = true;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut Self::Builder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        T::read_field(builder, key, map)
    }

    fn finish<E: de::Error>(builder: Self::Builder, envelope: Envelope) -> Result<Self, E> {
        let Envelope {
            active_from,
            active_until,
            created_by_actor,
        } = envelope;
        let inner = Envelope {
            active_from,
            active_until,
            created_by_actor: None,
        };
        Ok(Tracked {
            value: T::finish(builder, inner)?,
            active_from,
            active_until,
            created_by_actor,
        })
    }
}

impl<T: WriteValue> WriteValue for Tracked<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.value.write(serializer)
    }

    fn validate(&self) -> Result<(), ValueError> {
        self.value.validate()
    }

    fn __validate_required(&self) -> Result<(), ValueError> {
        self.value.__validate_required()
    }

    fn __lookup_key(&self) -> Option<super::LookupKey> {
        self.value.__lookup_key()
    }
}

//! `record-reference` attributes: [`RecordRef<T>`] (typed target) and [`AnyRecordRef`].

use std::fmt;
use std::hash::{Hash, Hasher};
use std::marker::PhantomData;

use serde::Serializer;
use serde::de::{self, Expected, MapAccess, Unexpected};
use serde::ser::SerializeMap;
use uuid::Uuid;

use super::wire::{OneKeyArray, UuidText, invalid, skip};
use super::{AttioValue, Domain, EmailAddress, Envelope, ReadValue, WriteValue};
use crate::decode::key::Key;
use crate::error::{Error, ValueError};
use crate::record::AttioRecord;
use crate::schema::AttributeType;

/// How a record reference names its target record.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RecordTarget {
    /// By record id: `"target_record_id": "<uuid>"`. Every reference read from Attio is this.
    Id(Uuid),
    /// By the target's unique `domains` attribute (companies):
    /// `"domains": [{"domain": "attio.com"}]`. Write only.
    Domain(Domain),
    /// By the target's unique `email_addresses` attribute (people):
    /// `"email_addresses": [{"email_address": "a@b.com"}]`. Write only.
    EmailAddress(EmailAddress),
}

impl RecordTarget {
    /// The record id, when the target is named by id.
    pub fn record_id(&self) -> Option<Uuid> {
        match self {
            RecordTarget::Id(id) => Some(*id),
            _ => None,
        }
    }
}

/// A reference to a record of the model `T` (`record-reference` attributes whose target is
/// `T::OBJECT`), e.g. a person's `company: Option<RecordRef<Company>>`.
///
/// Attio reads a bare UUID string as a domain or email, so a reference is always written as
/// an object: `{"target_object":"companies","target_record_id":"<uuid>"}`, or, by the
/// target's unique attribute, `{"target_object":"companies","domains":[{"domain":"attio.com"}]}`
/// ([`RecordRef::by_domain`]) / `{"target_object":"people","email_addresses":[{"email_address":"a@b.com"}]}`
/// ([`RecordRef::by_email_address`]). The target must already exist.
///
/// Read: `target_object` and `target_record_id`; a `target_object` other than `T::OBJECT` is
/// a decode error (use [`AnyRecordRef`] to accept any).
///
/// `RecordRef<T>` is `Clone`, `Debug`, `PartialEq`, `Eq` and `Hash` whatever `T` is.
///
/// ```
/// use attio_core::{AttioRecord, RecordRef};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "companies")]
/// # struct Company { name: Option<String> }
/// let by_id = RecordRef::<Company>::parse("99a03ff3-0435-47da-95cc-76b2caeb4dab")?;
/// assert_eq!(by_id.target_object(), "companies");
/// let by_domain = RecordRef::<Company>::by_domain("attio.com")?;
/// assert_eq!(by_domain.record_id(), None);
/// assert!(RecordRef::<Company>::parse("72ef5feaf-4919-4208-b332-1339ab8ba040").is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
pub struct RecordRef<T> {
    target: RecordTarget,
    _t: PhantomData<fn() -> T>,
}

impl<T> RecordRef<T> {
    /// A reference to the record with this id.
    pub fn new(record_id: Uuid) -> Self {
        Self::from_target(RecordTarget::Id(record_id))
    }

    pub(crate) fn from_target(target: RecordTarget) -> Self {
        RecordRef {
            target,
            _t: PhantomData,
        }
    }

    /// A reference to the record whose unique `domains` include `domain` (a company).
    pub fn by_domain(domain: impl AsRef<str>) -> Result<Self, Error> {
        Ok(Self::from_target(RecordTarget::Domain(Domain::new(
            domain,
        )?)))
    }

    /// A reference to the record whose unique `email_addresses` include `email_address`
    /// (a person).
    pub fn by_email_address(email_address: impl AsRef<str>) -> Result<Self, Error> {
        Ok(Self::from_target(RecordTarget::EmailAddress(
            EmailAddress::new(email_address)?,
        )))
    }

    /// The target's record id, when the reference names it by id (always, when read).
    pub fn record_id(&self) -> Option<Uuid> {
        self.target.record_id()
    }

    /// How the target is named.
    pub fn target(&self) -> &RecordTarget {
        &self.target
    }
}

impl<T: AttioRecord> RecordRef<T> {
    /// A reference to the record with this id, given as text; a malformed UUID is refused
    /// with an error naming the target object and the id.
    pub fn parse(record_id: impl AsRef<str>) -> Result<Self, Error> {
        let record_id = record_id.as_ref();
        match Uuid::try_parse(record_id) {
            Ok(id) => Ok(Self::new(id)),
            Err(e) => Err(invalid(
                "record id",
                record_id,
                format!(
                    "it is not a UUID ({e}), so it cannot name a `{}` record",
                    T::OBJECT
                ),
            )),
        }
    }

    /// `target_object`: the slug of `T`'s object.
    pub fn target_object(&self) -> &'static str {
        T::OBJECT
    }

    /// The same reference without the static type.
    pub fn to_any(&self) -> AnyRecordRef {
        AnyRecordRef {
            target_object: T::OBJECT.to_owned(),
            target: self.target.clone(),
        }
    }
}

impl<T> Clone for RecordRef<T> {
    fn clone(&self) -> Self {
        Self::from_target(self.target.clone())
    }
}

impl<T: AttioRecord> fmt::Debug for RecordRef<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RecordRef")
            .field("target_object", &T::OBJECT)
            .field("target", &self.target)
            .finish()
    }
}

impl<T> PartialEq for RecordRef<T> {
    fn eq(&self, other: &Self) -> bool {
        self.target == other.target
    }
}

impl<T> Eq for RecordRef<T> {}

impl<T> Hash for RecordRef<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.target.hash(state);
    }
}

impl<T> From<Uuid> for RecordRef<T> {
    fn from(record_id: Uuid) -> Self {
        Self::new(record_id)
    }
}

impl<T: AttioRecord> From<RecordRef<T>> for AnyRecordRef {
    fn from(r: RecordRef<T>) -> Self {
        AnyRecordRef {
            target_object: T::OBJECT.to_owned(),
            target: r.target,
        }
    }
}

/// A reference to a record of any object (`record-reference` attributes that allow several
/// objects, or when the target model is not declared).
///
/// Read: `target_object` and `target_record_id`, whatever the object. Written like
/// [`RecordRef`]: `{"target_object":"companies","target_record_id":"<uuid>"}` or by a unique
/// attribute (`domains`, `email_addresses`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct AnyRecordRef {
    /// `target_object`: the target object's `api_slug`, e.g. `companies`.
    pub target_object: String,
    /// How the target record is named.
    pub target: RecordTarget,
}

impl AnyRecordRef {
    /// A reference to the record `record_id` of `target_object`.
    pub fn new(target_object: impl Into<String>, record_id: Uuid) -> Self {
        AnyRecordRef {
            target_object: target_object.into(),
            target: RecordTarget::Id(record_id),
        }
    }

    /// A reference to a record of `target_object` whose id is given as text; a malformed
    /// UUID is refused with an error naming the object and the id.
    pub fn parse(
        target_object: impl Into<String>,
        record_id: impl AsRef<str>,
    ) -> Result<Self, Error> {
        let target_object = target_object.into();
        let record_id = record_id.as_ref();
        match Uuid::try_parse(record_id) {
            Ok(id) => Ok(AnyRecordRef::new(target_object, id)),
            Err(e) => Err(invalid(
                "record id",
                record_id,
                format!("it is not a UUID ({e}), so it cannot name a `{target_object}` record"),
            )),
        }
    }

    /// A reference to the record of `target_object` whose unique `domains` include `domain`.
    pub fn by_domain(
        target_object: impl Into<String>,
        domain: impl AsRef<str>,
    ) -> Result<Self, Error> {
        Ok(AnyRecordRef {
            target_object: target_object.into(),
            target: RecordTarget::Domain(Domain::new(domain)?),
        })
    }

    /// A reference to the record of `target_object` whose unique `email_addresses` include
    /// `email_address`.
    pub fn by_email_address(
        target_object: impl Into<String>,
        email_address: impl AsRef<str>,
    ) -> Result<Self, Error> {
        Ok(AnyRecordRef {
            target_object: target_object.into(),
            target: RecordTarget::EmailAddress(EmailAddress::new(email_address)?),
        })
    }

    /// The target's record id, when the reference names it by id (always, when read).
    pub fn record_id(&self) -> Option<Uuid> {
        self.target.record_id()
    }

    /// `target_object`.
    pub fn target_object(&self) -> &str {
        &self.target_object
    }
}

/// Serializes `{"target_object": …, <target>}`.
fn write_ref<S: Serializer>(s: S, object: &str, target: &RecordTarget) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(2))?;
    m.serialize_entry("target_object", object)?;
    match target {
        RecordTarget::Id(id) => m.serialize_entry("target_record_id", id)?,
        RecordTarget::Domain(d) => m.serialize_entry(
            "domains",
            &OneKeyArray {
                key: "domain",
                value: d.domain(),
            },
        )?,
        RecordTarget::EmailAddress(e) => m.serialize_entry(
            "email_addresses",
            &OneKeyArray {
                key: "email_address",
                value: e.email_address(),
            },
        )?,
    }
    m.end()
}

/// What a typed reference expects in `target_object`.
struct ExpectedObject(&'static str);

impl Expected for ExpectedObject {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "a reference to a `{}` record", self.0)
    }
}

/// Collects the keys of a `record-reference` value object for [`RecordRef`].
#[doc(hidden)]
#[derive(Default)]
pub struct RecordRefBuilder {
    object_seen: bool,
    record_id: Option<Uuid>,
}

impl<T: AttioRecord> AttioValue for RecordRef<T> {
    const TYPE: AttributeType = AttributeType::RecordReference;
    const TARGET_OBJECT: Option<&'static str> = Some(T::OBJECT);
}

impl<T: AttioRecord> ReadValue for RecordRef<T> {
    type Builder = RecordRefBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut RecordRefBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "target_object" => {
                let object = map.next_value::<Key<'de>>()?;
                if object.as_str() != T::OBJECT {
                    return Err(de::Error::invalid_value(
                        Unexpected::Str(object.as_str()),
                        &ExpectedObject(T::OBJECT),
                    ));
                }
                b.object_seen = true;
            }
            "target_record_id" => b.record_id = Some(map.next_value::<UuidText>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(b: RecordRefBuilder, _: Envelope) -> Result<Self, E> {
        if !b.object_seen {
            return Err(E::missing_field("target_object"));
        }
        let id = b
            .record_id
            .ok_or_else(|| E::missing_field("target_record_id"))?;
        Ok(RecordRef::new(id))
    }
}

impl<T: AttioRecord> WriteValue for RecordRef<T> {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_ref(serializer, T::OBJECT, &self.target)
    }

    fn validate(&self) -> Result<(), ValueError> {
        check_target(&self.target)
    }
}

/// Checks the domain or email address a target is named by (built locally, or read from
/// Attio and put in a [`RecordTarget`] by hand).
fn check_target(target: &RecordTarget) -> Result<(), ValueError> {
    match target {
        RecordTarget::Id(_) => Ok(()),
        RecordTarget::Domain(d) => d.validate(),
        RecordTarget::EmailAddress(e) => e.validate(),
    }
}

/// Collects the keys of a `record-reference` value object for [`AnyRecordRef`].
#[doc(hidden)]
#[derive(Default)]
pub struct AnyRecordRefBuilder {
    target_object: Option<String>,
    record_id: Option<Uuid>,
}

impl AttioValue for AnyRecordRef {
    const TYPE: AttributeType = AttributeType::RecordReference;
}

impl ReadValue for AnyRecordRef {
    type Builder = AnyRecordRefBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut AnyRecordRefBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "target_object" => b.target_object = Some(map.next_value::<String>()?),
            "target_record_id" => b.record_id = Some(map.next_value::<UuidText>()?.0),
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(b: AnyRecordRefBuilder, _: Envelope) -> Result<Self, E> {
        let target_object = b
            .target_object
            .ok_or_else(|| E::missing_field("target_object"))?;
        let id = b
            .record_id
            .ok_or_else(|| E::missing_field("target_record_id"))?;
        Ok(AnyRecordRef::new(target_object, id))
    }
}

impl WriteValue for AnyRecordRef {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        write_ref(serializer, &self.target_object, &self.target)
    }

    fn validate(&self) -> Result<(), ValueError> {
        let slug = self.target_object.as_str();
        if slug.is_empty() {
            return Err(ValueError::new(
                "target object",
                slug,
                "a record reference needs the target object's slug or id",
            ));
        }
        if let Some(c) = slug
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        {
            return Err(ValueError::new(
                "target object",
                slug,
                format!("an object slug or id has no {c:?}"),
            ));
        }
        check_target(&self.target)
    }
}

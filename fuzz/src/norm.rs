//! The normalised representation both decoders are compared in.
//!
//! attio-core's value types keep some fields private and define `PartialEq` loosely
//! (`EmailAddress` ignores case, `Domain` ignores `root_domain`, `PhoneNumber` ignores the
//! normalised number), so the comparison goes through [`NValue`]: plain data holding every
//! field a user can observe through the public API (accessors and public fields). Numbers are
//! compared bit for bit.
//!
//! The derive's side is turned into this form here ([`Norm`], [`NormField`] and the
//! `normalise_*` functions, which only read decoded values); the reference decoder builds it
//! directly from a `serde_json::Value`.

use std::fmt;

use attio_core::values::{
    Actor, ActorRef, Currency, Date, Domain, EmailAddress, Interaction, Location, PersonalName,
    PhoneNumber, Rating, SelectOption, Status, Timestamp, Tracked,
};
use attio_core::{AnyRecordRef, AttioRecord, Record, RecordRef};
use uuid::Uuid;

use crate::models::{ManyDeal, PlainPerson, TrackedCompany};

/// An `f64` compared by its bits (`-0.0` differs from `0.0`), printed as the number.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Bits(pub u64);

impl Bits {
    /// The bits of `v`.
    pub fn of(v: f64) -> Self {
        Bits(v.to_bits())
    }
}

impl fmt::Debug for Bits {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", f64::from_bits(self.0))
    }
}

/// The id of a status or select option: `(workspace_id, object_id, attribute_id, own id)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NId {
    /// `workspace_id`
    pub workspace_id: Option<Uuid>,
    /// `object_id`
    pub object_id: Option<Uuid>,
    /// `attribute_id`
    pub attribute_id: Option<Uuid>,
    /// `status_id` / `option_id`
    pub id: Uuid,
}

/// An actor, `{type, id}`, with the type as Attio spells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NActor {
    /// `type`
    pub actor_type: Option<String>,
    /// `id`
    pub id: Option<Uuid>,
}

/// One decoded value, in comparable form.
#[derive(Debug, Clone, PartialEq)]
pub enum NValue {
    /// `String`
    Text(String),
    /// `f64`
    Number(Bits),
    /// `i64`
    Integer(i64),
    /// `bool`
    Checkbox(bool),
    /// `Currency`
    Currency {
        /// `currency_value`
        value: Bits,
        /// `currency_code`
        code: Option<String>,
    },
    /// `Date`
    Date(Date),
    /// `Timestamp`
    Timestamp(Timestamp),
    /// `Rating`, its stars
    Rating(u8),
    /// `Status`
    Status {
        /// `id`
        id: Option<NId>,
        /// `title`
        title: Option<String>,
        /// `is_archived`
        is_archived: bool,
        /// `celebration_enabled`
        celebration_enabled: bool,
        /// `target_time_in_status`
        target_time_in_status: Option<String>,
    },
    /// `SelectOption`
    Select {
        /// `id`
        id: Option<NId>,
        /// `title`
        title: Option<String>,
        /// `is_archived`
        is_archived: bool,
    },
    /// `RecordRef<T>` and `AnyRecordRef`
    RecordRef {
        /// `target_object`
        target_object: String,
        /// `record_id()`
        record_id: Option<Uuid>,
    },
    /// `ActorRef`
    ActorRef {
        /// `referenced_actor_type`, as spelled
        actor_type: String,
        /// `referenced_actor_id`
        actor_id: Option<Uuid>,
        /// whether `workspace_member_email_address` is set (never, when read)
        by_email: bool,
    },
    /// `Location`: the ten keys in the order of its fields
    Location(Box<[Option<String>; 10]>),
    /// `Domain`
    Domain {
        /// `domain()`
        domain: String,
        /// `root_domain()`
        root_domain: Option<String>,
    },
    /// `EmailAddress`
    Email {
        /// `email_address()`
        email_address: String,
        /// `original_email_address()` (which falls back to `email_address`)
        original_email_address: String,
        /// `email_domain()`
        email_domain: Option<String>,
        /// `email_root_domain()`
        email_root_domain: Option<String>,
        /// `email_local_specifier()`
        email_local_specifier: Option<String>,
    },
    /// `PhoneNumber`
    Phone {
        /// `original_phone_number()`
        original_phone_number: String,
        /// `country_code()`
        country_code: Option<String>,
        /// `phone_number()`
        phone_number: Option<String>,
    },
    /// `PersonalName`
    Name {
        /// `first_name`
        first_name: String,
        /// `last_name`
        last_name: String,
        /// `full_name`
        full_name: String,
    },
    /// `Interaction`
    Interaction {
        /// `interaction_type`, as spelled
        interaction_type: String,
        /// `interacted_at`
        interacted_at: Timestamp,
        /// `owner_actor`
        owner_actor: NActor,
    },
    /// `Tracked<T>`
    Tracked {
        /// `value`
        value: Box<NValue>,
        /// `active_from`
        active_from: Option<Timestamp>,
        /// `active_until`
        active_until: Option<Timestamp>,
        /// `created_by_actor`
        created_by_actor: Option<NActor>,
    },
}

/// One field of a model: its multiplicity and its values.
#[derive(Debug, Clone, PartialEq)]
pub enum Field {
    /// `T`
    One(NValue),
    /// `Option<T>`
    Optional(Option<NValue>),
    /// `Vec<T>`
    Many(Vec<NValue>),
}

/// One decoded record: the envelope and every field, in field order.
#[derive(Debug, Clone, PartialEq)]
pub struct Expected {
    /// `id`: workspace, object, record.
    pub id: [Uuid; 3],
    /// `created_at`
    pub created_at: Timestamp,
    /// `web_url`
    pub web_url: Option<String>,
    /// The fields, in the order of the model (and of its schema).
    pub values: Vec<Field>,
}

/// A decoded value type, in comparable form.
pub trait Norm {
    /// The normalised value.
    fn norm(&self) -> NValue;
}

/// A model field (`T`, `Option<T>`, `Vec<T>`), in comparable form.
pub trait NormField {
    /// The normalised field.
    fn norm_field(&self) -> Field;
}

impl<T: Norm> NormField for Option<T> {
    fn norm_field(&self) -> Field {
        Field::Optional(self.as_ref().map(Norm::norm))
    }
}

impl<T: Norm> NormField for Vec<T> {
    fn norm_field(&self) -> Field {
        Field::Many(self.iter().map(Norm::norm).collect())
    }
}

impl NormField for ActorRef {
    fn norm_field(&self) -> Field {
        Field::One(self.norm())
    }
}

impl<T: Norm> NormField for Tracked<T> {
    fn norm_field(&self) -> Field {
        Field::One(self.norm())
    }
}

fn actor(a: &Actor) -> NActor {
    NActor {
        actor_type: a.actor_type.as_ref().map(|t| t.as_str().to_owned()),
        id: a.id,
    }
}

impl<T: Norm> Norm for Tracked<T> {
    fn norm(&self) -> NValue {
        NValue::Tracked {
            value: Box::new(self.value.norm()),
            active_from: self.active_from,
            active_until: self.active_until,
            created_by_actor: self.created_by_actor.as_ref().map(actor),
        }
    }
}

impl Norm for String {
    fn norm(&self) -> NValue {
        NValue::Text(self.clone())
    }
}

impl Norm for f64 {
    fn norm(&self) -> NValue {
        NValue::Number(Bits::of(*self))
    }
}

impl Norm for i64 {
    fn norm(&self) -> NValue {
        NValue::Integer(*self)
    }
}

impl Norm for bool {
    fn norm(&self) -> NValue {
        NValue::Checkbox(*self)
    }
}

impl Norm for Currency {
    fn norm(&self) -> NValue {
        NValue::Currency {
            // The exact decimal at its nearest float, as the reference reads the text.
            value: Bits::of(self.currency_value.to_string().parse().unwrap_or(f64::NAN)),
            code: self.currency_code.clone(),
        }
    }
}

impl Norm for Date {
    fn norm(&self) -> NValue {
        NValue::Date(*self)
    }
}

impl Norm for Timestamp {
    fn norm(&self) -> NValue {
        NValue::Timestamp(*self)
    }
}

impl Norm for Rating {
    fn norm(&self) -> NValue {
        NValue::Rating(self.get())
    }
}

impl Norm for Status {
    fn norm(&self) -> NValue {
        NValue::Status {
            id: self.id.map(|i| NId {
                workspace_id: i.workspace_id,
                object_id: i.object_id,
                attribute_id: i.attribute_id,
                id: i.status_id,
            }),
            title: self.title.clone(),
            is_archived: self.is_archived,
            celebration_enabled: self.celebration_enabled,
            target_time_in_status: self.target_time_in_status.clone(),
        }
    }
}

impl Norm for SelectOption {
    fn norm(&self) -> NValue {
        NValue::Select {
            id: self.id.map(|i| NId {
                workspace_id: i.workspace_id,
                object_id: i.object_id,
                attribute_id: i.attribute_id,
                id: i.option_id,
            }),
            title: self.title.clone(),
            is_archived: self.is_archived,
        }
    }
}

impl<T: AttioRecord> Norm for RecordRef<T> {
    fn norm(&self) -> NValue {
        NValue::RecordRef {
            target_object: self.target_object().to_owned(),
            record_id: self.record_id(),
        }
    }
}

impl Norm for AnyRecordRef {
    fn norm(&self) -> NValue {
        NValue::RecordRef {
            target_object: self.target_object().to_owned(),
            record_id: self.record_id(),
        }
    }
}

impl Norm for ActorRef {
    fn norm(&self) -> NValue {
        NValue::ActorRef {
            actor_type: self.referenced_actor_type.as_str().to_owned(),
            actor_id: self.referenced_actor_id,
            by_email: self.workspace_member_email_address.is_some(),
        }
    }
}

impl Norm for Location {
    fn norm(&self) -> NValue {
        NValue::Location(Box::new([
            self.line_1.clone(),
            self.line_2.clone(),
            self.line_3.clone(),
            self.line_4.clone(),
            self.locality.clone(),
            self.region.clone(),
            self.postcode.clone(),
            self.country_code.clone(),
            self.latitude.clone(),
            self.longitude.clone(),
        ]))
    }
}

impl Norm for Domain {
    fn norm(&self) -> NValue {
        NValue::Domain {
            domain: self.domain().to_owned(),
            root_domain: self.root_domain().map(str::to_owned),
        }
    }
}

impl Norm for EmailAddress {
    fn norm(&self) -> NValue {
        NValue::Email {
            email_address: self.email_address().to_owned(),
            original_email_address: self.original_email_address().to_owned(),
            email_domain: self.email_domain().map(str::to_owned),
            email_root_domain: self.email_root_domain().map(str::to_owned),
            email_local_specifier: self.email_local_specifier().map(str::to_owned),
        }
    }
}

impl Norm for PhoneNumber {
    fn norm(&self) -> NValue {
        NValue::Phone {
            original_phone_number: self.original_phone_number().to_owned(),
            country_code: self.country_code().map(str::to_owned),
            phone_number: self.phone_number().map(str::to_owned),
        }
    }
}

impl Norm for PersonalName {
    fn norm(&self) -> NValue {
        NValue::Name {
            first_name: self.first_name.clone(),
            last_name: self.last_name.clone(),
            full_name: self.full_name.clone(),
        }
    }
}

impl Norm for Interaction {
    fn norm(&self) -> NValue {
        NValue::Interaction {
            interaction_type: self.interaction_type.as_str().to_owned(),
            interacted_at: self.interacted_at,
            owner_actor: actor(&self.owner_actor),
        }
    }
}

fn envelope<T>(r: &Record<T>, values: Vec<Field>) -> Expected {
    Expected {
        id: [r.id.workspace_id, r.id.object_id, r.id.record_id],
        created_at: r.created_at,
        web_url: r.web_url.clone(),
        values,
    }
}

macro_rules! fields {
    ($v:expr; $($f:ident),* $(,)?) => {
        vec![$(NormField::norm_field(&$v.$f)),*]
    };
}

/// A decoded [`PlainPerson`] record, normalised.
pub fn normalise_plain(r: &Record<PlainPerson>) -> Expected {
    let v = &r.values;
    envelope(
        r,
        fields![v;
            description, linkedin_url, strongest_connection_strength_legacy,
            twitter_follower_count, is_customer, deal_value, foundation_date, created_at, stars,
            stage, strongest_connection_strength, company, person, created_by,
            strongest_connection_user, primary_location, domains, email_addresses,
            phone_numbers, name, last_interaction,
        ],
    )
}

/// A decoded [`TrackedCompany`] record, normalised.
pub fn normalise_tracked(r: &Record<TrackedCompany>) -> Expected {
    let v = &r.values;
    envelope(
        r,
        fields![v;
            description, strongest_connection_strength_legacy, twitter_follower_count,
            is_customer, deal_value, foundation_date, created_at, stars, stage,
            strongest_connection_strength, company, person, created_by, primary_location,
            domains, email_addresses, phone_numbers, name, last_interaction,
        ],
    )
}

/// A decoded [`ManyDeal`] record, normalised.
pub fn normalise_many(r: &Record<ManyDeal>) -> Expected {
    let v = &r.values;
    envelope(
        r,
        fields![v;
            description, strongest_connection_strength_legacy, twitter_follower_count,
            is_customer, deal_value, foundation_date, created_at, stars, stage,
            strongest_connection_strength, company, associated_people, workspace, created_by,
            primary_location, domains, email_addresses, phone_numbers, name, last_interaction,
        ],
    )
}

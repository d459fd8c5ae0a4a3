//! The three derived models the targets decode into, and the reference schema of each.
//!
//! All three read (mostly) the same attribute slugs, each with different wrappers, so one
//! input exercises every multiplicity of every value type at once:
//!
//! | model | object | wrappers |
//! |---|---|---|
//! | [`PlainPerson`] | `people` | `Option<T>` for every value type, one required `T` (`created_by`) |
//! | [`TrackedCompany`] | `companies` | `Option<Tracked<T>>`, two `Vec<Tracked<T>>`; `name` is text here |
//! | [`ManyDeal`] | `deals` | `Vec<T>`, some `Vec<Tracked<T>>`, one `T` |
//!
//! Between them they cover the 17 attribute types and all 19 Rust value types (`f64` and
//! `i64` for `number`, `RecordRef<T>` and `AnyRecordRef` for `record-reference`), each at
//! least once as `Option<T>`. `Interaction` fields are `read_only`.
//!
//! [`SCHEMA_PLAIN`], [`SCHEMA_TRACKED`] and [`SCHEMA_MANY`] describe the same fields for the
//! reference decoder. They are written by hand, not taken from the derive's attribute table;
//! a unit test checks that the two agree.

use attio_core::values::{
    ActorRef, Currency, Date, Domain, EmailAddress, Interaction, Location, PersonalName,
    PhoneNumber, Rating, SelectOption, Status, Timestamp, Tracked,
};
use attio_core::{AnyRecordRef, AttioRecord, RecordRef};

use crate::reference::{FieldSpec, Kind, Mult};

/// `people`: every value type as `Option<T>`, `created_by` required.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct PlainPerson {
    /// text
    pub description: Option<String>,
    /// text, renamed
    #[attio(rename = "linkedin")]
    pub linkedin_url: Option<String>,
    /// number as `f64`
    #[attio(read_only)]
    pub strongest_connection_strength_legacy: Option<f64>,
    /// number as `i64`
    #[attio(read_only)]
    pub twitter_follower_count: Option<i64>,
    /// checkbox
    pub is_customer: Option<bool>,
    /// currency
    pub deal_value: Option<Currency>,
    /// date
    pub foundation_date: Option<Date>,
    /// timestamp
    #[attio(read_only)]
    pub created_at: Option<Timestamp>,
    /// rating
    pub stars: Option<Rating>,
    /// status
    pub stage: Option<Status>,
    /// select
    #[attio(read_only)]
    pub strongest_connection_strength: Option<SelectOption>,
    /// record-reference, typed
    pub company: Option<RecordRef<TrackedCompany>>,
    /// record-reference, any object
    pub person: Option<AnyRecordRef>,
    /// actor-reference, required
    #[attio(read_only)]
    pub created_by: ActorRef,
    /// actor-reference
    #[attio(read_only)]
    pub strongest_connection_user: Option<ActorRef>,
    /// location
    pub primary_location: Option<Location>,
    /// domain
    pub domains: Option<Domain>,
    /// email-address
    pub email_addresses: Option<EmailAddress>,
    /// phone-number
    pub phone_numbers: Option<PhoneNumber>,
    /// personal-name
    pub name: Option<PersonalName>,
    /// interaction
    #[attio(read_only)]
    pub last_interaction: Option<Interaction>,
}

/// `companies`: every value type as `Option<Tracked<T>>`, two as `Vec<Tracked<T>>`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
pub struct TrackedCompany {
    /// text
    pub description: Option<Tracked<String>>,
    /// number as `f64`
    #[attio(read_only)]
    pub strongest_connection_strength_legacy: Option<Tracked<f64>>,
    /// number as `i64`
    #[attio(read_only)]
    pub twitter_follower_count: Option<Tracked<i64>>,
    /// checkbox
    pub is_customer: Option<Tracked<bool>>,
    /// currency
    pub deal_value: Option<Tracked<Currency>>,
    /// date
    pub foundation_date: Option<Tracked<Date>>,
    /// timestamp
    #[attio(read_only)]
    pub created_at: Option<Tracked<Timestamp>>,
    /// rating
    pub stars: Option<Tracked<Rating>>,
    /// status
    pub stage: Option<Tracked<Status>>,
    /// select
    #[attio(read_only)]
    pub strongest_connection_strength: Option<Tracked<SelectOption>>,
    /// record-reference, typed
    pub company: Option<Tracked<RecordRef<TrackedCompany>>>,
    /// record-reference, any object
    pub person: Option<Tracked<AnyRecordRef>>,
    /// actor-reference
    #[attio(read_only)]
    pub created_by: Option<Tracked<ActorRef>>,
    /// location
    pub primary_location: Option<Tracked<Location>>,
    /// domain
    pub domains: Option<Tracked<Domain>>,
    /// email-address, every active value
    pub email_addresses: Vec<Tracked<EmailAddress>>,
    /// phone-number, every active value
    pub phone_numbers: Vec<Tracked<PhoneNumber>>,
    /// text: a company's `name` is text (a person's is a personal-name)
    pub name: Option<Tracked<String>>,
    /// interaction
    #[attio(read_only)]
    pub last_interaction: Option<Tracked<Interaction>>,
}

/// `deals`: every value type as `Vec<T>`, some as `Vec<Tracked<T>>`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "deals")]
pub struct ManyDeal {
    /// text
    pub description: Vec<String>,
    /// number as `f64`
    pub strongest_connection_strength_legacy: Vec<f64>,
    /// number as `i64`
    pub twitter_follower_count: Vec<Tracked<i64>>,
    /// checkbox
    pub is_customer: Vec<bool>,
    /// currency
    pub deal_value: Vec<Currency>,
    /// date
    pub foundation_date: Vec<Tracked<Date>>,
    /// timestamp
    pub created_at: Vec<Timestamp>,
    /// rating
    pub stars: Vec<Rating>,
    /// status
    pub stage: Vec<Tracked<Status>>,
    /// select
    pub strongest_connection_strength: Vec<SelectOption>,
    /// record-reference, typed
    pub company: Vec<RecordRef<TrackedCompany>>,
    /// record-reference, typed, to people
    pub associated_people: Vec<RecordRef<PlainPerson>>,
    /// record-reference, any object
    pub workspace: Vec<AnyRecordRef>,
    /// actor-reference, required
    #[attio(read_only)]
    pub created_by: Tracked<ActorRef>,
    /// location
    pub primary_location: Vec<Location>,
    /// domain
    pub domains: Vec<Domain>,
    /// email-address
    pub email_addresses: Vec<EmailAddress>,
    /// phone-number
    pub phone_numbers: Vec<PhoneNumber>,
    /// personal-name
    pub name: Vec<Tracked<PersonalName>>,
    /// interaction
    #[attio(read_only)]
    pub last_interaction: Vec<Interaction>,
}

const fn spec(slug: &'static str, kind: Kind, mult: Mult, tracked: bool) -> FieldSpec {
    FieldSpec {
        slug,
        kind,
        mult,
        tracked,
    }
}

use Kind as K;
use Mult::{Many, One, Optional as Opt};

/// The reference schema of [`PlainPerson`], in field order.
pub const SCHEMA_PLAIN: &[FieldSpec] = &[
    spec("description", K::Text, Opt, false),
    spec("linkedin", K::Text, Opt, false),
    spec(
        "strongest_connection_strength_legacy",
        K::Number,
        Opt,
        false,
    ),
    spec("twitter_follower_count", K::Integer, Opt, false),
    spec("is_customer", K::Checkbox, Opt, false),
    spec("deal_value", K::Currency, Opt, false),
    spec("foundation_date", K::Date, Opt, false),
    spec("created_at", K::Timestamp, Opt, false),
    spec("stars", K::Rating, Opt, false),
    spec("stage", K::Status, Opt, false),
    spec("strongest_connection_strength", K::Select, Opt, false),
    spec("company", K::RecordRef("companies"), Opt, false),
    spec("person", K::AnyRecordRef, Opt, false),
    spec("created_by", K::ActorRef, One, false),
    spec("strongest_connection_user", K::ActorRef, Opt, false),
    spec("primary_location", K::Location, Opt, false),
    spec("domains", K::Domain, Opt, false),
    spec("email_addresses", K::EmailAddress, Opt, false),
    spec("phone_numbers", K::PhoneNumber, Opt, false),
    spec("name", K::PersonalName, Opt, false),
    spec("last_interaction", K::Interaction, Opt, false),
];

/// The reference schema of [`TrackedCompany`], in field order.
pub const SCHEMA_TRACKED: &[FieldSpec] = &[
    spec("description", K::Text, Opt, true),
    spec("strongest_connection_strength_legacy", K::Number, Opt, true),
    spec("twitter_follower_count", K::Integer, Opt, true),
    spec("is_customer", K::Checkbox, Opt, true),
    spec("deal_value", K::Currency, Opt, true),
    spec("foundation_date", K::Date, Opt, true),
    spec("created_at", K::Timestamp, Opt, true),
    spec("stars", K::Rating, Opt, true),
    spec("stage", K::Status, Opt, true),
    spec("strongest_connection_strength", K::Select, Opt, true),
    spec("company", K::RecordRef("companies"), Opt, true),
    spec("person", K::AnyRecordRef, Opt, true),
    spec("created_by", K::ActorRef, Opt, true),
    spec("primary_location", K::Location, Opt, true),
    spec("domains", K::Domain, Opt, true),
    spec("email_addresses", K::EmailAddress, Many, true),
    spec("phone_numbers", K::PhoneNumber, Many, true),
    spec("name", K::Text, Opt, true),
    spec("last_interaction", K::Interaction, Opt, true),
];

/// The reference schema of [`ManyDeal`], in field order.
pub const SCHEMA_MANY: &[FieldSpec] = &[
    spec("description", K::Text, Many, false),
    spec(
        "strongest_connection_strength_legacy",
        K::Number,
        Many,
        false,
    ),
    spec("twitter_follower_count", K::Integer, Many, true),
    spec("is_customer", K::Checkbox, Many, false),
    spec("deal_value", K::Currency, Many, false),
    spec("foundation_date", K::Date, Many, true),
    spec("created_at", K::Timestamp, Many, false),
    spec("stars", K::Rating, Many, false),
    spec("stage", K::Status, Many, true),
    spec("strongest_connection_strength", K::Select, Many, false),
    spec("company", K::RecordRef("companies"), Many, false),
    spec("associated_people", K::RecordRef("people"), Many, false),
    spec("workspace", K::AnyRecordRef, Many, false),
    spec("created_by", K::ActorRef, One, true),
    spec("primary_location", K::Location, Many, false),
    spec("domains", K::Domain, Many, false),
    spec("email_addresses", K::EmailAddress, Many, false),
    spec("phone_numbers", K::PhoneNumber, Many, false),
    spec("name", K::PersonalName, Many, true),
    spec("last_interaction", K::Interaction, Many, false),
];

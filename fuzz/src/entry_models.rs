//! Derived entry models for the `decode_entries` target: the fields of the three record
//! models of [`crate::models`] (every value type, in every multiplicity: `Option<T>`, `T`,
//! `Vec<T>`, `Option<Tracked<T>>`, `Vec<Tracked<T>>`, a required `Tracked<T>`) as the list
//! attributes of an entry, so entry decode meets every value decoder and every wrapper.

use attio_core::values::{
    ActorRef, Currency, Date, Domain, EmailAddress, Interaction, Location, PersonalName,
    PhoneNumber, Rating, SelectOption, Status, Timestamp, Tracked,
};
use attio_core::{AnyRecordRef, AttioEntry, RecordRef};

use crate::models::{PlainPerson, TrackedCompany};

/// The fields of [`crate::models::PlainPerson`] as list attributes: every value type as `Option<T>`, `created_by` required.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "plain_pipeline")]
pub struct PlainEntry {
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

/// The fields of [`crate::models::TrackedCompany`] as list attributes: every value type as `Option<Tracked<T>>`, two as `Vec<Tracked<T>>`.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "tracked_pipeline")]
pub struct TrackedEntry {
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

/// The fields of [`crate::models::ManyDeal`] as list attributes: `Vec<T>`, some `Vec<Tracked<T>>`, required fields.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "many_pipeline")]
pub struct ManyEntry {
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

//! The derived models the benchmarks decode and encode: the 20 attributes of the generated
//! people records, plain, with every field `Tracked<T>`, and as the values of a list entry.

use attio_core::values::{
    ActorRef, EmailAddress, Interaction, Location, PersonalName, PhoneNumber, SelectOption,
    Timestamp, Tracked,
};
use attio_core::{AttioEntry, AttioRecord, RecordRef};

/// The target of `company`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
pub struct BenchCompany {
    /// `name`
    pub name: Option<String>,
}

/// A person with the generator's 20 attributes.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct BenchPerson {
    /// `record_id`
    #[attio(read_only)]
    pub record_id: Option<String>,
    /// `email_addresses`
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    /// `name`
    pub name: Option<PersonalName>,
    /// `description`
    pub description: Option<String>,
    /// `job_title`
    pub job_title: Option<String>,
    /// `company`
    pub company: Option<RecordRef<BenchCompany>>,
    /// `phone_numbers`
    pub phone_numbers: Vec<PhoneNumber>,
    /// `primary_location`
    pub primary_location: Option<Location>,
    /// `linkedin`
    pub linkedin: Option<String>,
    /// `twitter`
    pub twitter: Option<String>,
    /// `facebook`
    pub facebook: Option<String>,
    /// `instagram`
    pub instagram: Option<String>,
    /// `angellist`
    pub angellist: Option<String>,
    /// `avatar_url`
    #[attio(read_only)]
    pub avatar_url: Option<String>,
    /// `created_at`
    #[attio(read_only)]
    pub created_at: Option<Timestamp>,
    /// `created_by`
    #[attio(read_only)]
    pub created_by: Option<ActorRef>,
    /// `strongest_connection_strength`
    #[attio(read_only)]
    pub strongest_connection_strength: Option<SelectOption>,
    /// `twitter_follower_count`
    #[attio(read_only)]
    pub twitter_follower_count: Option<i64>,
    /// `strongest_connection_strength_legacy`
    #[attio(read_only)]
    pub strongest_connection_strength_legacy: Option<f64>,
    /// `last_interaction`
    #[attio(read_only)]
    pub last_interaction: Option<Interaction>,
}

/// The same 20 attributes as [`BenchPerson`], as the list attributes of an entry: decoding
/// these next to the records measures what the entry envelope costs.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "people_pipeline")]
pub struct BenchEntry {
    /// `record_id`
    #[attio(read_only)]
    pub record_id: Option<String>,
    /// `email_addresses`
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    /// `name`
    pub name: Option<PersonalName>,
    /// `description`
    pub description: Option<String>,
    /// `job_title`
    pub job_title: Option<String>,
    /// `company`
    pub company: Option<RecordRef<BenchCompany>>,
    /// `phone_numbers`
    pub phone_numbers: Vec<PhoneNumber>,
    /// `primary_location`
    pub primary_location: Option<Location>,
    /// `linkedin`
    pub linkedin: Option<String>,
    /// `twitter`
    pub twitter: Option<String>,
    /// `facebook`
    pub facebook: Option<String>,
    /// `instagram`
    pub instagram: Option<String>,
    /// `angellist`
    pub angellist: Option<String>,
    /// `avatar_url`
    #[attio(read_only)]
    pub avatar_url: Option<String>,
    /// `created_at`
    #[attio(read_only)]
    pub created_at: Option<Timestamp>,
    /// `created_by`
    #[attio(read_only)]
    pub created_by: Option<ActorRef>,
    /// `strongest_connection_strength`
    #[attio(read_only)]
    pub strongest_connection_strength: Option<SelectOption>,
    /// `twitter_follower_count`
    #[attio(read_only)]
    pub twitter_follower_count: Option<i64>,
    /// `strongest_connection_strength_legacy`
    #[attio(read_only)]
    pub strongest_connection_strength_legacy: Option<f64>,
    /// `last_interaction`
    #[attio(read_only)]
    pub last_interaction: Option<Interaction>,
}

impl BenchPerson {
    /// A person with one email address, a name and a job title; every other attribute empty.
    pub fn new(email: EmailAddress, name: PersonalName, job_title: &str) -> Self {
        BenchPerson {
            record_id: None,
            email_addresses: vec![email],
            name: Some(name),
            description: None,
            job_title: Some(job_title.to_owned()),
            company: None,
            phone_numbers: vec![],
            primary_location: None,
            linkedin: None,
            twitter: None,
            facebook: None,
            instagram: None,
            angellist: None,
            avatar_url: None,
            created_at: None,
            created_by: None,
            strongest_connection_strength: None,
            twitter_follower_count: None,
            strongest_connection_strength_legacy: None,
            last_interaction: None,
        }
    }
}

/// The same person with every field `Tracked<T>`.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct TrackedPerson {
    /// `record_id`
    #[attio(read_only)]
    pub record_id: Option<Tracked<String>>,
    /// `email_addresses`
    #[attio(unique)]
    pub email_addresses: Vec<Tracked<EmailAddress>>,
    /// `name`
    pub name: Option<Tracked<PersonalName>>,
    /// `description`
    pub description: Option<Tracked<String>>,
    /// `job_title`
    pub job_title: Option<Tracked<String>>,
    /// `company`
    pub company: Option<Tracked<RecordRef<BenchCompany>>>,
    /// `phone_numbers`
    pub phone_numbers: Vec<Tracked<PhoneNumber>>,
    /// `primary_location`
    pub primary_location: Option<Tracked<Location>>,
    /// `linkedin`
    pub linkedin: Option<Tracked<String>>,
    /// `twitter`
    pub twitter: Option<Tracked<String>>,
    /// `facebook`
    pub facebook: Option<Tracked<String>>,
    /// `instagram`
    pub instagram: Option<Tracked<String>>,
    /// `angellist`
    pub angellist: Option<Tracked<String>>,
    /// `avatar_url`
    #[attio(read_only)]
    pub avatar_url: Option<Tracked<String>>,
    /// `created_at`
    #[attio(read_only)]
    pub created_at: Option<Tracked<Timestamp>>,
    /// `created_by`
    #[attio(read_only)]
    pub created_by: Option<Tracked<ActorRef>>,
    /// `strongest_connection_strength`
    #[attio(read_only)]
    pub strongest_connection_strength: Option<Tracked<SelectOption>>,
    /// `twitter_follower_count`
    #[attio(read_only)]
    pub twitter_follower_count: Option<Tracked<i64>>,
    /// `strongest_connection_strength_legacy`
    #[attio(read_only)]
    pub strongest_connection_strength_legacy: Option<Tracked<f64>>,
    /// `last_interaction`
    #[attio(read_only)]
    pub last_interaction: Option<Tracked<Interaction>>,
}

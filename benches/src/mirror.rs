//! Baselines built with serde alone.
//!
//! Decode: serde's derive on structs that mirror the wire shape (value arrays of enveloped
//! objects), followed by picking the active value of each single attribute: what most
//! developers would write first. It parses the same data into the same kinds of owned values
//! (strings, numbers, UUIDs, timestamps) but checks less (no `attribute_type` check, no
//! decode-error paths). `visitor.rs` is the hand-written direct visitor.
//!
//! Encode: serde's derive on a flat struct holding the write forms, producing the same bytes
//! as `attio_core::json::encode_create`.

use chrono::{DateTime, Utc};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// `{"data":[record, …]}`
#[derive(Deserialize)]
pub struct QueryResponse {
    /// The records.
    pub data: Vec<WireRecord>,
}

/// One record.
#[derive(Deserialize)]
pub struct WireRecord {
    /// `id`
    pub id: WireId,
    /// `created_at`
    pub created_at: DateTime<Utc>,
    /// `web_url`
    pub web_url: Option<String>,
    /// `values`
    pub values: WireValues,
}

/// `id`
#[derive(Deserialize)]
pub struct WireId {
    /// `workspace_id`
    pub workspace_id: Uuid,
    /// `object_id`
    pub object_id: Uuid,
    /// `record_id`
    pub record_id: Uuid,
}

macro_rules! value_struct {
    ($name:ident { $($field:ident : $ty:ty),* $(,)? }) => {
        /// One value object of the wire shape.
        #[derive(Deserialize)]
        pub struct $name {
            /// `active_until`: `None` for the active value.
            pub active_until: Option<IgnoredAny>,
            $(
                /// A field of the value.
                pub $field: $ty,
            )*
        }
    };
}

value_struct!(TextV { value: String });
value_struct!(NumberV { value: f64 });
value_struct!(TimestampV { value: DateTime<Utc> });
value_struct!(EmailV {
    email_address: String,
    original_email_address: Option<String>,
    email_domain: Option<String>,
    email_root_domain: Option<String>,
    email_local_specifier: Option<String>,
});
value_struct!(NameV {
    first_name: String,
    last_name: String,
    full_name: String
});
value_struct!(RefV {
    target_object: String,
    target_record_id: Uuid
});
value_struct!(PhoneV { original_phone_number: String, country_code: Option<String>, phone_number: Option<String> });
value_struct!(LocationV {
    line_1: Option<String>,
    line_2: Option<String>,
    line_3: Option<String>,
    line_4: Option<String>,
    locality: Option<String>,
    region: Option<String>,
    postcode: Option<String>,
    country_code: Option<String>,
    latitude: Option<String>,
    longitude: Option<String>,
});
value_struct!(ActorV { referenced_actor_type: String, referenced_actor_id: Option<Uuid> });
value_struct!(SelectV { option: OptionV });
value_struct!(InteractionV { interaction_type: String, interacted_at: DateTime<Utc>, owner_actor: OwnerV });

/// A select option object.
#[derive(Deserialize)]
pub struct OptionV {
    /// `id`
    pub id: OptionIdV,
    /// `title`
    pub title: String,
    /// `is_archived`
    pub is_archived: bool,
}

/// A select option id.
#[derive(Deserialize)]
pub struct OptionIdV {
    /// `workspace_id`
    pub workspace_id: Uuid,
    /// `object_id`
    pub object_id: Uuid,
    /// `attribute_id`
    pub attribute_id: Uuid,
    /// `option_id`
    pub option_id: Uuid,
}

/// `owner_actor`
#[derive(Deserialize)]
pub struct OwnerV {
    /// `type`
    #[serde(rename = "type")]
    pub actor_type: Option<String>,
    /// `id`
    pub id: Option<Uuid>,
}

/// The values map of the generated people records.
#[derive(Deserialize)]
#[allow(missing_docs)]
pub struct WireValues {
    #[serde(default)]
    pub record_id: Vec<TextV>,
    #[serde(default)]
    pub email_addresses: Vec<EmailV>,
    #[serde(default)]
    pub name: Vec<NameV>,
    #[serde(default)]
    pub description: Vec<TextV>,
    #[serde(default)]
    pub job_title: Vec<TextV>,
    #[serde(default)]
    pub company: Vec<RefV>,
    #[serde(default)]
    pub phone_numbers: Vec<PhoneV>,
    #[serde(default)]
    pub primary_location: Vec<LocationV>,
    #[serde(default)]
    pub linkedin: Vec<TextV>,
    #[serde(default)]
    pub twitter: Vec<TextV>,
    #[serde(default)]
    pub facebook: Vec<TextV>,
    #[serde(default)]
    pub instagram: Vec<TextV>,
    #[serde(default)]
    pub angellist: Vec<TextV>,
    #[serde(default)]
    pub avatar_url: Vec<TextV>,
    #[serde(default)]
    pub created_at: Vec<TimestampV>,
    #[serde(default)]
    pub created_by: Vec<ActorV>,
    #[serde(default)]
    pub strongest_connection_strength: Vec<SelectV>,
    #[serde(default)]
    pub twitter_follower_count: Vec<NumberV>,
    #[serde(default)]
    pub strongest_connection_strength_legacy: Vec<NumberV>,
    #[serde(default)]
    pub last_interaction: Vec<InteractionV>,
}

/// Keeps the active values of a multiselect.
fn active<T>(v: Vec<T>, is_active: impl Fn(&T) -> bool) -> Vec<T> {
    v.into_iter().filter(|x| is_active(x)).collect()
}

/// Decodes a query response with the baseline, keeping only active values.
pub fn decode(bytes: &[u8]) -> serde_json::Result<Vec<WireRecord>> {
    let mut r: QueryResponse = serde_json::from_slice(bytes)?;
    for rec in &mut r.data {
        let v = &mut rec.values;
        v.email_addresses = active(std::mem::take(&mut v.email_addresses), |x| {
            x.active_until.is_none()
        });
        v.phone_numbers = active(std::mem::take(&mut v.phone_numbers), |x| {
            x.active_until.is_none()
        });
        macro_rules! single {
            ($($f:ident),*) => {$(
                v.$f = active(std::mem::take(&mut v.$f), |x| x.active_until.is_none());
                v.$f.truncate(1);
            )*};
        }
        single!(
            record_id,
            name,
            description,
            job_title,
            company,
            primary_location,
            linkedin,
            twitter,
            facebook,
            instagram,
            angellist,
            avatar_url,
            created_at,
            created_by,
            strongest_connection_strength,
            twitter_follower_count,
            strongest_connection_strength_legacy,
            last_interaction
        );
    }
    Ok(r.data)
}

/// `{"data":{"values":{…}}}` of a person create, as a flat serde struct.
#[derive(Serialize)]
pub struct FlatBody<'a> {
    /// `data`
    pub data: FlatData<'a>,
}

/// `data`
#[derive(Serialize)]
pub struct FlatData<'a> {
    /// `values`
    pub values: FlatValues<'a>,
}

/// The write forms of the benchmark person.
#[derive(Serialize)]
#[allow(missing_docs)]
pub struct FlatValues<'a> {
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub email_addresses: &'a [&'a str],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<[FlatName<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_title: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub company: Option<[FlatRef<'a>; 1]>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    pub phone_numbers: &'a [FlatPhone<'a>],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub primary_location: Option<[FlatLocation<'a>; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linkedin: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub twitter: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub facebook: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instagram: Option<[&'a str; 1]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub angellist: Option<[&'a str; 1]>,
}

/// A personal name's write form.
#[derive(Serialize)]
#[allow(missing_docs)]
pub struct FlatName<'a> {
    pub first_name: &'a str,
    pub last_name: &'a str,
    pub full_name: &'a str,
}

/// A record reference's write form.
#[derive(Serialize)]
#[allow(missing_docs)]
pub struct FlatRef<'a> {
    pub target_object: &'a str,
    pub target_record_id: Uuid,
}

/// A phone number's write form.
#[derive(Serialize)]
#[allow(missing_docs)]
pub struct FlatPhone<'a> {
    pub original_phone_number: &'a str,
    pub country_code: Option<&'a str>,
}

/// A location's write form.
#[derive(Serialize)]
#[allow(missing_docs)]
pub struct FlatLocation<'a> {
    pub line_1: Option<&'a str>,
    pub line_2: Option<&'a str>,
    pub line_3: Option<&'a str>,
    pub line_4: Option<&'a str>,
    pub locality: Option<&'a str>,
    pub region: Option<&'a str>,
    pub postcode: Option<&'a str>,
    pub country_code: Option<&'a str>,
    pub latitude: Option<&'a str>,
    pub longitude: Option<&'a str>,
}

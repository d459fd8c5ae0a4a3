//! `serde::Serialize` and `serde::Deserialize` on every value type, in the plain shapes the
//! `values` module documents (not Attio's wire shape, which is `ReadValue` / `WriteValue`).
//! Each shape reads back to an equal value; what Attio computes and the shape leaves out (an
//! email address's `email_domain`, a domain's `root_domain`) is recomputed by Attio, not kept.

use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::ser::{SerializeMap, SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::decimal::ExactDecimal;
use super::{
    Actor, ActorRef, ActorType, AnyRecordRef, Currency, Domain, EmailAddress, Interaction,
    InteractionType, Location, OptionId, PersonalName, PhoneNumber, Rating, RecordRef,
    RecordTarget, SelectOption, Status, StatusId, Timestamp, Tracked,
};
use crate::decode::key::Key;
use crate::record::AttioRecord;

// ---------------------------------------------------------------------------------------
// Strings and numbers
// ---------------------------------------------------------------------------------------

/// Serializes as the string and reads a string back through a checked constructor.
macro_rules! as_checked_string {
    ($ty:ty, $new:path) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = Key::deserialize(d)?;
                $new(s.as_str()).map_err(de::Error::custom)
            }
        }
    };
}

as_checked_string!(EmailAddress, EmailAddress::new);
as_checked_string!(Domain, Domain::new);

impl Serialize for Rating {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.get())
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Rating::new(u8::deserialize(d)?).map_err(de::Error::custom)
    }
}

impl Serialize for PhoneNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PhoneNumber", 3)?;
        st.serialize_field("original_phone_number", self.original_phone_number())?;
        st.serialize_field("country_code", &self.country_code())?;
        st.serialize_field("phone_number", &self.phone_number())?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for PhoneNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Plain {
            original_phone_number: String,
            #[serde(default)]
            country_code: Option<String>,
            #[serde(default)]
            phone_number: Option<String>,
        }
        let p = Plain::deserialize(d)?;
        PhoneNumber::new(&p.original_phone_number, p.country_code.as_deref())
            .map(|n| n.with_normalized(p.phone_number))
            .map_err(de::Error::custom)
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Currency", 2)?;
        st.serialize_field("value", &self.currency_value.to_string())?;
        st.serialize_field("currency_code", &self.currency_code)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Plain {
            value: ExactDecimal,
            #[serde(default)]
            currency_code: Option<String>,
        }
        let p = Plain::deserialize(d)?;
        Ok(Currency {
            currency_value: p.value.0,
            currency_code: p.currency_code,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Structs with public fields: serde's remote derives
// ---------------------------------------------------------------------------------------

/// Implements `Serialize` and `Deserialize` for `$ty` through the remote derive `$def`.
macro_rules! through_remote {
    ($ty:ty, $def:ident) => {
        impl Serialize for $ty {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $def::serialize(self, s)
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $def::deserialize(d)
            }
        }
    };
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "OptionId")]
struct OptionIdDef {
    workspace_id: Option<Uuid>,
    object_id: Option<Uuid>,
    attribute_id: Option<Uuid>,
    option_id: Uuid,
}
through_remote!(OptionId, OptionIdDef);

#[derive(Serialize, Deserialize)]
#[serde(remote = "SelectOption")]
struct SelectOptionDef {
    #[serde(default)]
    id: Option<OptionId>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    is_archived: bool,
}
through_remote!(SelectOption, SelectOptionDef);

#[derive(Serialize, Deserialize)]
#[serde(remote = "StatusId")]
struct StatusIdDef {
    workspace_id: Option<Uuid>,
    object_id: Option<Uuid>,
    attribute_id: Option<Uuid>,
    status_id: Uuid,
}
through_remote!(StatusId, StatusIdDef);

#[derive(Serialize, Deserialize)]
#[serde(remote = "Status")]
struct StatusDef {
    #[serde(default)]
    id: Option<StatusId>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    is_archived: bool,
    #[serde(default)]
    celebration_enabled: bool,
    #[serde(default)]
    target_time_in_status: Option<String>,
}
through_remote!(Status, StatusDef);

#[derive(Serialize, Deserialize)]
#[serde(remote = "Location")]
struct LocationDef {
    #[serde(default)]
    line_1: Option<String>,
    #[serde(default)]
    line_2: Option<String>,
    #[serde(default)]
    line_3: Option<String>,
    #[serde(default)]
    line_4: Option<String>,
    #[serde(default)]
    locality: Option<String>,
    #[serde(default)]
    region: Option<String>,
    #[serde(default)]
    postcode: Option<String>,
    #[serde(default)]
    country_code: Option<String>,
    #[serde(default)]
    latitude: Option<String>,
    #[serde(default)]
    longitude: Option<String>,
}
through_remote!(Location, LocationDef);

#[derive(Serialize, Deserialize)]
#[serde(remote = "ActorRef")]
struct ActorRefDef {
    referenced_actor_type: ActorType,
    #[serde(default)]
    referenced_actor_id: Option<Uuid>,
    #[serde(default)]
    workspace_member_email_address: Option<EmailAddress>,
}
through_remote!(ActorRef, ActorRefDef);

impl Serialize for InteractionType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[derive(Serialize, Deserialize)]
#[serde(remote = "Interaction")]
struct InteractionDef {
    interaction_type: InteractionType,
    interacted_at: Timestamp,
    owner_actor: Actor,
}
through_remote!(Interaction, InteractionDef);

impl Serialize for PersonalName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PersonalName", 3)?;
        st.serialize_field("first_name", &self.first_name)?;
        st.serialize_field("last_name", &self.last_name)?;
        st.serialize_field("full_name", &self.full_name)?;
        st.end()
    }
}

impl<'de> Deserialize<'de> for PersonalName {
    /// A missing `full_name` is built from the first and last names, as
    /// [`PersonalName::new`] builds it.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        struct Plain {
            #[serde(default)]
            first_name: String,
            #[serde(default)]
            last_name: String,
            #[serde(default)]
            full_name: Option<String>,
        }
        let p = Plain::deserialize(d)?;
        Ok(match p.full_name {
            Some(full_name) => PersonalName {
                first_name: p.first_name,
                last_name: p.last_name,
                full_name,
            },
            None => PersonalName::new(p.first_name, p.last_name),
        })
    }
}

// ---------------------------------------------------------------------------------------
// Tracked values
// ---------------------------------------------------------------------------------------

impl<T: Serialize> Serialize for Tracked<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Tracked", 4)?;
        st.serialize_field("value", &self.value)?;
        st.serialize_field("active_from", &self.active_from)?;
        st.serialize_field("active_until", &self.active_until)?;
        st.serialize_field("created_by_actor", &self.created_by_actor)?;
        st.end()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Tracked<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(bound = "T: Deserialize<'de>")]
        struct Plain<T> {
            value: T,
            #[serde(default)]
            active_from: Option<Timestamp>,
            #[serde(default)]
            active_until: Option<Timestamp>,
            #[serde(default)]
            created_by_actor: Option<Actor>,
        }
        let p = Plain::<T>::deserialize(d)?;
        Ok(Tracked {
            value: p.value,
            active_from: p.active_from,
            active_until: p.active_until,
            created_by_actor: p.created_by_actor,
        })
    }
}

// ---------------------------------------------------------------------------------------
// Record references
// ---------------------------------------------------------------------------------------

/// Writes `{"target_object": …, "record_id" | "domain" | "email_address": …}`.
fn serialize_reference<S: Serializer>(
    s: S,
    target_object: &str,
    target: &RecordTarget,
) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(2))?;
    m.serialize_entry("target_object", target_object)?;
    match target {
        RecordTarget::Id(id) => m.serialize_entry("record_id", id)?,
        RecordTarget::Domain(d) => m.serialize_entry("domain", d.as_str())?,
        RecordTarget::EmailAddress(e) => m.serialize_entry("email_address", e.as_str())?,
    }
    m.end()
}

/// Reads the plain shape of a reference: the target object and how the target is named.
struct ReferenceVisitor;

impl<'de> Visitor<'de> for ReferenceVisitor {
    type Value = (String, RecordTarget);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str(
            "a record reference {\"target_object\": …, \"record_id\": …} (or \"domain\" / \"email_address\" in place of \"record_id\")",
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut object: Option<String> = None;
        let mut target: Option<RecordTarget> = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let named = match key.as_str() {
                "target_object" => {
                    object = Some(map.next_value()?);
                    continue;
                }
                "record_id" => RecordTarget::Id(map.next_value()?),
                "domain" => RecordTarget::Domain(map.next_value()?),
                "email_address" => RecordTarget::EmailAddress(map.next_value()?),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                    continue;
                }
            };
            if target.replace(named).is_some() {
                return Err(de::Error::custom(
                    "a record reference names its target once: by `record_id`, `domain` or `email_address`",
                ));
            }
        }
        let object = object.ok_or_else(|| de::Error::missing_field("target_object"))?;
        let target = target.ok_or_else(|| de::Error::missing_field("record_id"))?;
        Ok((object, target))
    }
}

impl<T: AttioRecord> Serialize for RecordRef<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_reference(s, T::OBJECT, self.target())
    }
}

impl<'de, T: AttioRecord> Deserialize<'de> for RecordRef<T> {
    /// Refuses a `target_object` other than `T::OBJECT`.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (object, target) = d.deserialize_map(ReferenceVisitor)?;
        if object != T::OBJECT {
            return Err(de::Error::custom(format_args!(
                "a reference to a `{}` record, found a reference to `{object}`",
                T::OBJECT
            )));
        }
        Ok(RecordRef::from_target(target))
    }
}

impl Serialize for AnyRecordRef {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_reference(s, &self.target_object, &self.target)
    }
}

impl<'de> Deserialize<'de> for AnyRecordRef {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (target_object, target) = d.deserialize_map(ReferenceVisitor)?;
        Ok(AnyRecordRef {
            target_object,
            target,
        })
    }
}

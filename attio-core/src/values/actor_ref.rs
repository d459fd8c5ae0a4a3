//! `actor-reference` attributes.

use serde::Serializer;
use serde::de::{self, MapAccess};
use serde::ser::{Error as _, SerializeMap};
use uuid::Uuid;

use super::wire::{UuidText, skip};
use super::{ActorType, AttioValue, EmailAddress, Envelope, ReadValue, WriteValue};
use crate::error::{Error, ValueError};
use crate::schema::AttributeType;

/// A reference to an actor (`actor-reference` attributes: a deal's `owner`, every record's
/// `created_by`, …).
///
/// Read: `referenced_actor_type` (open: unknown types are kept in [`ActorType::Other`]) and
/// `referenced_actor_id` (`null` for the system actor).
///
/// Only workspace members can be written, by id —
/// `{"referenced_actor_type":"workspace-member","referenced_actor_id":"<uuid>"}` — or by
/// email — `{"workspace_member_email_address":"a@b.com"}`. `validate` refuses any other
/// actor type (so an actor read from Attio that is not a member, such as a record's
/// `created_by` API token, cannot be written back), and checks the email address.
///
/// ```
/// use attio_core::values::{ActorRef, WriteForm};
/// let owner = ActorRef::workspace_member_by_email("ada@example.com")?;
/// assert_eq!(
///     serde_json::to_string(&WriteForm(&owner)).unwrap(),
///     r#"{"workspace_member_email_address":"ada@example.com"}"#
/// );
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ActorRef {
    /// `referenced_actor_type`
    pub referenced_actor_type: ActorType,
    /// `referenced_actor_id`; `None` for the system actor, and for a member named by email.
    pub referenced_actor_id: Option<Uuid>,
    /// `workspace_member_email_address`: names a workspace member by email when writing.
    /// Write only; never set on a value read from Attio.
    pub workspace_member_email_address: Option<EmailAddress>,
}

impl ActorRef {
    /// The workspace member with this id.
    pub fn workspace_member(id: Uuid) -> Self {
        ActorRef {
            referenced_actor_type: ActorType::WorkspaceMember,
            referenced_actor_id: Some(id),
            workspace_member_email_address: None,
        }
    }

    /// The workspace member with this email address (checked).
    pub fn workspace_member_by_email(email_address: impl AsRef<str>) -> Result<Self, Error> {
        Ok(ActorRef {
            referenced_actor_type: ActorType::WorkspaceMember,
            referenced_actor_id: None,
            workspace_member_email_address: Some(EmailAddress::new(email_address)?),
        })
    }
}

/// Collects the keys of an `actor-reference` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct ActorRefBuilder {
    actor_type: Option<ActorType>,
    actor_id: Option<Uuid>,
}

impl AttioValue for ActorRef {
    const TYPE: AttributeType = AttributeType::ActorReference;
}

impl ReadValue for ActorRef {
    type Builder = ActorRefBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut ActorRefBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "referenced_actor_type" => b.actor_type = Some(map.next_value::<ActorType>()?),
            "referenced_actor_id" => {
                b.actor_id = map.next_value::<Option<UuidText>>()?.map(|u| u.0)
            }
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(b: ActorRefBuilder, _: Envelope) -> Result<Self, E> {
        Ok(ActorRef {
            referenced_actor_type: b
                .actor_type
                .ok_or_else(|| E::missing_field("referenced_actor_type"))?,
            referenced_actor_id: b.actor_id,
            workspace_member_email_address: None,
        })
    }
}

impl WriteValue for ActorRef {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (
            &self.workspace_member_email_address,
            &self.referenced_actor_id,
        ) {
            (Some(email), _) => {
                let mut m = serializer.serialize_map(Some(1))?;
                m.serialize_entry("workspace_member_email_address", email.email_address())?;
                m.end()
            }
            (None, Some(id)) => {
                let mut m = serializer.serialize_map(Some(2))?;
                m.serialize_entry("referenced_actor_type", &self.referenced_actor_type)?;
                m.serialize_entry("referenced_actor_id", id)?;
                m.end()
            }
            (None, None) => Err(S::Error::custom(
                "an actor reference to write needs a workspace member's id or email address",
            )),
        }
    }

    fn validate(&self) -> Result<(), ValueError> {
        if self.referenced_actor_type != ActorType::WorkspaceMember {
            let value = match self.referenced_actor_id {
                Some(id) => format!("{} {id}", self.referenced_actor_type.as_str()),
                None => self.referenced_actor_type.as_str().to_owned(),
            };
            return Err(ValueError::new(
                "actor reference",
                value,
                "only workspace members can be written to an actor-reference attribute; Attio records other actors itself",
            ));
        }
        match (
            &self.referenced_actor_id,
            &self.workspace_member_email_address,
        ) {
            (_, Some(email)) => email.validate(),
            (Some(_), None) => Ok(()),
            (None, None) => Err(ValueError::new(
                "actor reference",
                "workspace-member",
                "a workspace member is written by id or by email address; this one has neither",
            )),
        }
    }
}

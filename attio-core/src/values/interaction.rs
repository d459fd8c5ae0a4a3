//! `interaction` attributes (read only).

use std::fmt;

use serde::de::{self, Deserialize, MapAccess};

use super::wire::{TimestampText, skip};
use super::{Actor, AttioValue, Envelope, ReadValue, Timestamp};
use crate::decode::key::Key;
use crate::schema::AttributeType;

/// The kind of an interaction.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InteractionType {
    /// `email`
    Email,
    /// `calendar-event`
    CalendarEvent,
    /// `call`
    Call,
    /// `chat-thread`
    ChatThread,
    /// `in-person-meeting`
    InPersonMeeting,
    /// `meeting`
    Meeting,
    /// A type this version does not know, kept as sent.
    Other(String),
}

impl InteractionType {
    /// Parses Attio's spelling.
    pub fn parse(s: impl AsRef<str>) -> Self {
        match s.as_ref() {
            "email" => Self::Email,
            "calendar-event" => Self::CalendarEvent,
            "call" => Self::Call,
            "chat-thread" => Self::ChatThread,
            "in-person-meeting" => Self::InPersonMeeting,
            "meeting" => Self::Meeting,
            other => Self::Other(other.to_owned()),
        }
    }

    /// Attio's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Email => "email",
            Self::CalendarEvent => "calendar-event",
            Self::Call => "call",
            Self::ChatThread => "chat-thread",
            Self::InPersonMeeting => "in-person-meeting",
            Self::Meeting => "meeting",
            Self::Other(s) => s,
        }
    }
}

impl fmt::Display for InteractionType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for InteractionType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = Key::deserialize(d)?;
        Ok(Self::parse(s.as_str()))
    }
}

/// An interaction computed by Attio (`interaction` attributes: `first_email_interaction`,
/// `last_calendar_interaction`, …).
///
/// Read only: Attio computes these values, so `Interaction` does not implement
/// [`WriteValue`](super::WriteValue) and a model field holding one must be
/// `#[attio(read_only)]`.
///
/// Read: `interaction_type`, `interacted_at`, `owner_actor` (`{type, id}`; `null` is read as
/// an actor with neither).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Interaction {
    /// `interaction_type`
    pub interaction_type: InteractionType,
    /// `interacted_at`
    pub interacted_at: Timestamp,
    /// `owner_actor`: who owns the interaction (a workspace member, usually).
    pub owner_actor: Actor,
}

/// Collects the keys of an `interaction` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct InteractionBuilder {
    interaction_type: Option<InteractionType>,
    interacted_at: Option<Timestamp>,
    owner_actor: Option<Actor>,
}

impl AttioValue for Interaction {
    const TYPE: AttributeType = AttributeType::Interaction;
}

impl ReadValue for Interaction {
    type Builder = InteractionBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut InteractionBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "interaction_type" => b.interaction_type = Some(map.next_value::<InteractionType>()?),
            "interacted_at" => b.interacted_at = Some(map.next_value::<TimestampText>()?.0),
            "owner_actor" => b.owner_actor = map.next_value::<Option<Actor>>()?,
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(b: InteractionBuilder, _: Envelope) -> Result<Self, E> {
        Ok(Interaction {
            interaction_type: b
                .interaction_type
                .ok_or_else(|| E::missing_field("interaction_type"))?,
            interacted_at: b
                .interacted_at
                .ok_or_else(|| E::missing_field("interacted_at"))?,
            owner_actor: b.owner_actor.unwrap_or(Actor {
                actor_type: None,
                id: None,
            }),
        })
    }
}

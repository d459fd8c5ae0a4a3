//! The metadata Attio puts around every read-side value.

use serde::Deserialize;
use uuid::Uuid;

use super::Timestamp;

/// Who did something in Attio: the `type` of an actor.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ActorType {
    /// `api-token`
    ApiToken,
    /// `workspace-member`
    WorkspaceMember,
    /// `system`
    System,
    /// `app`
    App,
    /// A type this version does not know, kept as sent.
    Other(String),
}

impl ActorType {
    /// Parses Attio's spelling.
    pub fn parse(s: impl AsRef<str>) -> Self {
        match s.as_ref() {
            "api-token" => Self::ApiToken,
            "workspace-member" => Self::WorkspaceMember,
            "system" => Self::System,
            "app" => Self::App,
            other => Self::Other(other.to_owned()),
        }
    }

    /// Attio's spelling.
    pub fn as_str(&self) -> &str {
        match self {
            Self::ApiToken => "api-token",
            Self::WorkspaceMember => "workspace-member",
            Self::System => "system",
            Self::App => "app",
            Self::Other(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for ActorType {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = crate::decode::key::Key::deserialize(d)?;
        Ok(Self::parse(s.as_str()))
    }
}

impl serde::Serialize for ActorType {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// An actor as Attio reports it in `created_by_actor` and `owner_actor`: `{type, id}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, serde::Serialize)]
pub struct Actor {
    /// `type`; `null` on the wire is kept as `None`.
    #[serde(rename = "type")]
    pub actor_type: Option<ActorType>,
    /// `id`: null for the system actor.
    #[serde(default)]
    pub id: Option<Uuid>,
}

/// The envelope of one read-side value: when it became active, when it stopped being
/// active (`None` while current), and who wrote it.
///
/// Only filled for value types that ask for it ([`super::ReadValue::WANTS_ENVELOPE`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Envelope {
    /// `active_from`
    pub active_from: Option<Timestamp>,
    /// `active_until`; `None` for the current value.
    pub active_until: Option<Timestamp>,
    /// `created_by_actor`
    pub created_by_actor: Option<Actor>,
}

//! The event types a webhook subscribes to and a delivery names (re-exported as
//! `attio_core::webhook::EventType`).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Declares [`EventType`] with its spellings, in one table.
macro_rules! event_types {
    ($($variant:ident => $wire:literal,)*) => {
        /// A webhook event type (attio-api-more.md §13.3): the 27 Attio subscribes to,
        /// named in UpperCamelCase (`record.created` → [`EventType::RecordCreated`]), and
        /// [`EventType::Other`] for a type this version does not know.
        ///
        /// ```
        /// use attio_core::webhook::EventType;
        ///
        /// let t: EventType = "list-entry.updated".parse().unwrap();
        /// assert_eq!(t, EventType::ListEntryUpdated);
        /// assert_eq!(t.as_str(), "list-entry.updated");
        /// assert_eq!(EventType::parse("activity.created"), EventType::Other("activity.created".into()));
        /// ```
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum EventType {
            $(
                #[doc = concat!("`", $wire, "`")]
                $variant,
            )*
            /// A type this version does not know, kept as sent.
            Other(String),
        }

        impl EventType {
            /// Every event type Attio lets a webhook subscribe to.
            pub const ALL: &'static [EventType] = &[$(EventType::$variant),*];

            /// Parses Attio's spelling; an unknown one is kept in [`EventType::Other`].
            pub fn parse(s: &str) -> Self {
                match s {
                    $($wire => EventType::$variant,)*
                    other => EventType::Other(other.to_owned()),
                }
            }

            /// Attio's spelling, e.g. `record.created`.
            pub fn as_str(&self) -> &str {
                match self {
                    $(EventType::$variant => $wire,)*
                    EventType::Other(s) => s,
                }
            }

            /// Attio's spelling of a known type, `None` for [`EventType::Other`].
            pub(crate) fn known(&self) -> Option<&'static str> {
                match self {
                    $(EventType::$variant => Some($wire),)*
                    EventType::Other(_) => None,
                }
            }
        }
    };
}

event_types! {
    RecordCreated => "record.created",
    RecordUpdated => "record.updated",
    RecordDeleted => "record.deleted",
    RecordMerged => "record.merged",
    ListEntryCreated => "list-entry.created",
    ListEntryUpdated => "list-entry.updated",
    ListEntryDeleted => "list-entry.deleted",
    ListCreated => "list.created",
    ListUpdated => "list.updated",
    ListDeleted => "list.deleted",
    ListAttributeCreated => "list-attribute.created",
    ListAttributeUpdated => "list-attribute.updated",
    ObjectAttributeCreated => "object-attribute.created",
    ObjectAttributeUpdated => "object-attribute.updated",
    NoteCreated => "note.created",
    NoteUpdated => "note.updated",
    NoteDeleted => "note.deleted",
    NoteContentUpdated => "note-content.updated",
    TaskCreated => "task.created",
    TaskUpdated => "task.updated",
    TaskDeleted => "task.deleted",
    CommentCreated => "comment.created",
    CommentResolved => "comment.resolved",
    CommentUnresolved => "comment.unresolved",
    CommentDeleted => "comment.deleted",
    WorkspaceMemberCreated => "workspace-member.created",
    CallRecordingCreated => "call-recording.created",
}

impl FromStr for EventType {
    type Err = std::convert::Infallible;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(EventType::parse(s))
    }
}

impl fmt::Display for EventType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for EventType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for EventType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(EventType::parse(&s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_27_types_round_trip_through_their_spelling() {
        assert_eq!(EventType::ALL.len(), 27);
        for t in EventType::ALL {
            assert_eq!(&EventType::parse(t.as_str()), t);
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(&serde_json::from_str::<EventType>(&json).unwrap(), t);
            assert_eq!(t.known(), Some(t.as_str()));
        }
        let other = EventType::parse("activity.created");
        assert_eq!(other.as_str(), "activity.created");
        assert_eq!(other.known(), None);
    }
}

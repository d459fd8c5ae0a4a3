//! Decoding a delivery body, `{"webhook_id": …, "events": [event, …]}`, straight from
//! the bytes: each event is read once for its `event_type`, then once into the typed
//! fields of that type (a `serde_json::Value` is built only for [`Event::Other`]).

use serde::Deserialize;
use serde_json::value::RawValue;
use uuid::Uuid;

use super::event::Event;
use crate::error::{DecodeError, Error, ModelKind};
use crate::models::event_type::EventType;
use crate::values::Actor;

/// One webhook delivery: the webhook it is for and its events. Attio documents one event
/// per delivery, but several arrive together (one `record.updated` per changed
/// attribute): always iterate [`Delivery::events`].
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Delivery {
    /// The webhook the delivery is for.
    pub webhook_id: Uuid,
    /// The events, in the order sent.
    pub events: Vec<Event>,
}

/// Decodes a delivery body (verify its signature first: [`super::verify`]).
///
/// An event of a type this version does not know becomes [`Event::Other`]; an event of a
/// known type whose payload lacks an id or holds a malformed one is a decode error whose
/// `object` is the event type and whose `path` names the field, e.g.
/// `events[0].id.record_id`.
///
/// ```
/// use attio_core::webhook;
///
/// let body = br#"{"webhook_id":"9a1b7e5e-3c2d-4b8e-9f6a-1d2c3b4a5e6f","events":[{
///   "event_type":"record.created",
///   "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///         "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795"},
///   "actor":{"type":"system","id":null}}]}"#;
/// let err = webhook::decode(body).unwrap_err();
/// let decode = err.as_decode().unwrap();
/// assert_eq!((decode.object, decode.path.as_str()), ("record.created", "events[0].id.record_id"));
/// ```
pub fn decode(body: &[u8]) -> Result<Delivery, Error> {
    #[derive(Deserialize)]
    struct Body {
        webhook_id: Uuid,
        events: Vec<Box<RawValue>>,
    }
    let wire: Body = crate::json::decode_serde(body, "webhook delivery")?;
    let events = wire
        .events
        .iter()
        .enumerate()
        .map(|(i, raw)| decode_event(i, raw.get()))
        .collect::<Result<_, _>>()?;
    Ok(Delivery {
        webhook_id: wire.webhook_id,
        events,
    })
}

/// The `event_type` of an event, every other key skipped.
#[derive(Deserialize)]
struct Head {
    event_type: String,
}

/// The `id` object of any known event: every id key an event type may carry.
#[derive(Deserialize)]
struct WireId {
    workspace_id: Option<Uuid>,
    object_id: Option<Uuid>,
    record_id: Option<Uuid>,
    attribute_id: Option<Uuid>,
    list_id: Option<Uuid>,
    entry_id: Option<Uuid>,
    note_id: Option<Uuid>,
    task_id: Option<Uuid>,
    comment_id: Option<Uuid>,
    workspace_member_id: Option<Uuid>,
    meeting_id: Option<Uuid>,
    call_recording_id: Option<Uuid>,
}

/// A known event: its `id`, `actor` and every extra field an event type may carry.
#[derive(Deserialize)]
struct Wire {
    id: Option<WireId>,
    actor: Option<Actor>,
    parent_object_id: Option<Uuid>,
    parent_record_id: Option<Uuid>,
    duplicate_object_id: Option<Uuid>,
    duplicate_record_id: Option<Uuid>,
    thread_id: Option<Uuid>,
    object_id: Option<Uuid>,
    record_id: Option<Uuid>,
    list_id: Option<Uuid>,
    entry_id: Option<Uuid>,
}

/// Runs a serde decode over one event's text, placing an error at `events[i]`.
fn read<'a, T: Deserialize<'a>>(raw: &'a str, i: usize, object: &'static str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(raw);
    serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| {
        let path = match e.path().to_string() {
            p if p == "." => format!("events[{i}]"),
            p => format!("events[{i}].{p}"),
        };
        let mut err = DecodeError::from_serde(object, path, e.inner());
        // The position would be inside the event, not the body.
        err.position = None;
        Error::from(err)
    })
}

/// Decodes the `i`th event.
fn decode_event(i: usize, raw: &str) -> Result<Event, Error> {
    let head: Head = read(raw, i, "webhook delivery")?;
    let event_type = EventType::parse(&head.event_type);
    let Some(object) = event_type.known() else {
        let raw = serde_json::from_str(raw).map_err(|e| {
            Error::from(DecodeError::from_serde(
                "webhook delivery",
                format!("events[{i}]"),
                &e,
            ))
        })?;
        return Ok(Event::Other {
            event_type: head.event_type,
            raw,
        });
    };
    let wire: Wire = read(raw, i, object)?;
    typed(event_type, object, i, wire)
}

/// The typed event of a known type, each of its fields required (but `list_id` and
/// `entry_id` of comment events, which are null for a comment on a record).
fn typed(event_type: EventType, object: &'static str, i: usize, w: Wire) -> Result<Event, Error> {
    let missing = |path: String, field: &str| {
        Error::from(DecodeError {
            object,
            kind: ModelKind::Record,
            record_id: None,
            entry_id: None,
            attribute: None,
            path,
            expected: format!("the field `{field}`"),
            found: "none (missing or null)".into(),
            position: None,
        })
    };
    let ids =
        w.id.ok_or_else(|| missing(format!("events[{i}].id"), "id"))?;
    let actor = w
        .actor
        .ok_or_else(|| missing(format!("events[{i}].actor"), "actor"))?;
    macro_rules! id {
        ($f:ident) => {
            ids.$f.ok_or_else(|| {
                missing(format!("events[{i}].id.{}", stringify!($f)), stringify!($f))
            })?
        };
    }
    macro_rules! top {
        ($f:ident) => {
            w.$f.ok_or_else(|| missing(format!("events[{i}].{}", stringify!($f)), stringify!($f)))?
        };
    }
    let workspace_id = id!(workspace_id);
    macro_rules! note {
        ($v:ident) => {
            Event::$v {
                workspace_id,
                note_id: id!(note_id),
                parent_object_id: top!(parent_object_id),
                parent_record_id: top!(parent_record_id),
                actor,
            }
        };
    }
    use EventType as T;
    Ok(match event_type {
        T::RecordCreated => Event::RecordCreated {
            workspace_id,
            object_id: id!(object_id),
            record_id: id!(record_id),
            actor,
        },
        T::RecordUpdated => Event::RecordUpdated {
            workspace_id,
            object_id: id!(object_id),
            record_id: id!(record_id),
            attribute_id: id!(attribute_id),
            actor,
        },
        T::RecordDeleted => Event::RecordDeleted {
            workspace_id,
            object_id: id!(object_id),
            record_id: id!(record_id),
            actor,
        },
        T::RecordMerged => Event::RecordMerged {
            workspace_id,
            object_id: id!(object_id),
            record_id: id!(record_id),
            duplicate_object_id: top!(duplicate_object_id),
            duplicate_record_id: top!(duplicate_record_id),
            actor,
        },
        T::ListEntryCreated => Event::ListEntryCreated {
            workspace_id,
            list_id: id!(list_id),
            entry_id: id!(entry_id),
            parent_object_id: top!(parent_object_id),
            parent_record_id: top!(parent_record_id),
            actor,
        },
        T::ListEntryUpdated => Event::ListEntryUpdated {
            workspace_id,
            list_id: id!(list_id),
            entry_id: id!(entry_id),
            attribute_id: id!(attribute_id),
            parent_object_id: top!(parent_object_id),
            parent_record_id: top!(parent_record_id),
            actor,
        },
        T::ListEntryDeleted => Event::ListEntryDeleted {
            workspace_id,
            list_id: id!(list_id),
            entry_id: id!(entry_id),
            parent_object_id: top!(parent_object_id),
            parent_record_id: top!(parent_record_id),
            actor,
        },
        T::ListCreated => Event::ListCreated {
            workspace_id,
            list_id: id!(list_id),
            actor,
        },
        T::ListUpdated => Event::ListUpdated {
            workspace_id,
            list_id: id!(list_id),
            actor,
        },
        T::ListDeleted => Event::ListDeleted {
            workspace_id,
            list_id: id!(list_id),
            actor,
        },
        T::ListAttributeCreated => Event::ListAttributeCreated {
            workspace_id,
            list_id: id!(list_id),
            attribute_id: id!(attribute_id),
            actor,
        },
        T::ListAttributeUpdated => Event::ListAttributeUpdated {
            workspace_id,
            list_id: id!(list_id),
            attribute_id: id!(attribute_id),
            actor,
        },
        T::ObjectAttributeCreated => Event::ObjectAttributeCreated {
            workspace_id,
            object_id: id!(object_id),
            attribute_id: id!(attribute_id),
            actor,
        },
        T::ObjectAttributeUpdated => Event::ObjectAttributeUpdated {
            workspace_id,
            object_id: id!(object_id),
            attribute_id: id!(attribute_id),
            actor,
        },
        T::NoteCreated => note!(NoteCreated),
        T::NoteUpdated => note!(NoteUpdated),
        T::NoteDeleted => note!(NoteDeleted),
        T::NoteContentUpdated => note!(NoteContentUpdated),
        T::TaskCreated => Event::TaskCreated {
            workspace_id,
            task_id: id!(task_id),
            actor,
        },
        T::TaskUpdated => Event::TaskUpdated {
            workspace_id,
            task_id: id!(task_id),
            actor,
        },
        T::TaskDeleted => Event::TaskDeleted {
            workspace_id,
            task_id: id!(task_id),
            actor,
        },
        T::CommentCreated | T::CommentResolved | T::CommentUnresolved | T::CommentDeleted => {
            let c = Comment {
                workspace_id,
                comment_id: id!(comment_id),
                thread_id: top!(thread_id),
                object_id: top!(object_id),
                record_id: top!(record_id),
                list_id: w.list_id,
                entry_id: w.entry_id,
                actor,
            };
            c.into_event(&event_type)
        }
        T::WorkspaceMemberCreated => Event::WorkspaceMemberCreated {
            workspace_id,
            workspace_member_id: id!(workspace_member_id),
            actor,
        },
        T::CallRecordingCreated => Event::CallRecordingCreated {
            workspace_id,
            meeting_id: id!(meeting_id),
            call_recording_id: id!(call_recording_id),
            actor,
        },
        T::Other(_) => unreachable!("`known()` is None for `Other`"),
    })
}

/// The fields every comment event has.
struct Comment {
    workspace_id: Uuid,
    comment_id: Uuid,
    thread_id: Uuid,
    object_id: Uuid,
    record_id: Uuid,
    list_id: Option<Uuid>,
    entry_id: Option<Uuid>,
    actor: Actor,
}

impl Comment {
    fn into_event(self, event_type: &EventType) -> Event {
        let Comment {
            workspace_id,
            comment_id,
            thread_id,
            object_id,
            record_id,
            list_id,
            entry_id,
            actor,
        } = self;
        macro_rules! comment {
            ($v:ident) => {
                Event::$v {
                    workspace_id,
                    comment_id,
                    thread_id,
                    object_id,
                    record_id,
                    list_id,
                    entry_id,
                    actor,
                }
            };
        }
        match event_type {
            EventType::CommentCreated => comment!(CommentCreated),
            EventType::CommentResolved => comment!(CommentResolved),
            EventType::CommentUnresolved => comment!(CommentUnresolved),
            _ => comment!(CommentDeleted),
        }
    }
}

//! One webhook event, typed by its event type.

use uuid::Uuid;

use crate::models::event_type::EventType;
use crate::values::Actor;

/// One event of a webhook delivery (attio-api-more.md §13.3): one variant per event type,
/// each with the ids of its `id` object and its extra fields, and the `actor` who caused
/// it. Payloads carry ids only: fetch the current state through the API (for record
/// events, [`Client::get_from_event`](crate::Client::get_from_event)).
///
/// ```
/// use attio_core::webhook::{self, Event, EventType};
///
/// let body = br#"{"webhook_id":"9a1b7e5e-3c2d-4b8e-9f6a-1d2c3b4a5e6f","events":[{
///   "event_type":"record.created",
///   "id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///         "object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795",
///         "record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"},
///   "actor":{"type":"api-token","id":"e1c3a1f1-2c5e-4b71-9a3c-0f1e2d3c4b5a"}}]}"#;
/// let delivery = webhook::decode(body)?;
/// match &delivery.events[0] {
///     Event::RecordCreated { record_id, .. } => {
///         assert_eq!(record_id.to_string(), "bf071e1f-6035-429d-b874-d83ea64ea13b")
///     }
///     other => panic!("{other:?}"),
/// }
/// assert_eq!(delivery.events[0].event_type(), EventType::RecordCreated);
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
#[allow(missing_docs, reason = "the fields are named as Attio names them")]
pub enum Event {
    /// `record.created`
    RecordCreated {
        workspace_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        actor: Actor,
    },
    /// `record.updated`: one event per changed attribute.
    RecordUpdated {
        workspace_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        attribute_id: Uuid,
        actor: Actor,
    },
    /// `record.deleted`
    RecordDeleted {
        workspace_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        actor: Actor,
    },
    /// `record.merged`: `record_id` is the record kept (or made), `duplicate_record_id`
    /// one merged into it.
    RecordMerged {
        workspace_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        duplicate_object_id: Uuid,
        duplicate_record_id: Uuid,
        actor: Actor,
    },
    /// `list-entry.created`
    ListEntryCreated {
        workspace_id: Uuid,
        list_id: Uuid,
        entry_id: Uuid,
        parent_object_id: Uuid,
        parent_record_id: Uuid,
        actor: Actor,
    },
    /// `list-entry.updated`: one event per changed list attribute.
    ListEntryUpdated {
        workspace_id: Uuid,
        list_id: Uuid,
        entry_id: Uuid,
        attribute_id: Uuid,
        parent_object_id: Uuid,
        parent_record_id: Uuid,
        actor: Actor,
    },
    /// `list-entry.deleted`
    ListEntryDeleted {
        workspace_id: Uuid,
        list_id: Uuid,
        entry_id: Uuid,
        parent_object_id: Uuid,
        parent_record_id: Uuid,
        actor: Actor,
    },
    /// `list.created`
    ListCreated {
        workspace_id: Uuid,
        list_id: Uuid,
        actor: Actor,
    },
    /// `list.updated`
    ListUpdated {
        workspace_id: Uuid,
        list_id: Uuid,
        actor: Actor,
    },
    /// `list.deleted`
    ListDeleted {
        workspace_id: Uuid,
        list_id: Uuid,
        actor: Actor,
    },
    /// `list-attribute.created`
    ListAttributeCreated {
        workspace_id: Uuid,
        list_id: Uuid,
        attribute_id: Uuid,
        actor: Actor,
    },
    /// `list-attribute.updated`
    ListAttributeUpdated {
        workspace_id: Uuid,
        list_id: Uuid,
        attribute_id: Uuid,
        actor: Actor,
    },
    /// `object-attribute.created`
    ObjectAttributeCreated {
        workspace_id: Uuid,
        object_id: Uuid,
        attribute_id: Uuid,
        actor: Actor,
    },
    /// `object-attribute.updated`
    ObjectAttributeUpdated {
        workspace_id: Uuid,
        object_id: Uuid,
        attribute_id: Uuid,
        actor: Actor,
    },
    /// `note.created`
    NoteCreated {
        workspace_id: Uuid,
        note_id: Uuid,
        parent_object_id: Uuid,
        parent_record_id: Uuid,
        actor: Actor,
    },
    /// `note.updated`: the title changed.
    NoteUpdated {
        workspace_id: Uuid,
        note_id: Uuid,
        parent_object_id: Uuid,
        parent_record_id: Uuid,
        actor: Actor,
    },
    /// `note.deleted`
    NoteDeleted {
        workspace_id: Uuid,
        note_id: Uuid,
        parent_object_id: Uuid,
        parent_record_id: Uuid,
        actor: Actor,
    },
    /// `note-content.updated`: the body changed.
    NoteContentUpdated {
        workspace_id: Uuid,
        note_id: Uuid,
        parent_object_id: Uuid,
        parent_record_id: Uuid,
        actor: Actor,
    },
    /// `task.created`
    TaskCreated {
        workspace_id: Uuid,
        task_id: Uuid,
        actor: Actor,
    },
    /// `task.updated`
    TaskUpdated {
        workspace_id: Uuid,
        task_id: Uuid,
        actor: Actor,
    },
    /// `task.deleted`
    TaskDeleted {
        workspace_id: Uuid,
        task_id: Uuid,
        actor: Actor,
    },
    /// `comment.created`; `list_id` and `entry_id` are set for a comment on an entry.
    CommentCreated {
        workspace_id: Uuid,
        comment_id: Uuid,
        thread_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        list_id: Option<Uuid>,
        entry_id: Option<Uuid>,
        actor: Actor,
    },
    /// `comment.resolved`
    CommentResolved {
        workspace_id: Uuid,
        comment_id: Uuid,
        thread_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        list_id: Option<Uuid>,
        entry_id: Option<Uuid>,
        actor: Actor,
    },
    /// `comment.unresolved`
    CommentUnresolved {
        workspace_id: Uuid,
        comment_id: Uuid,
        thread_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        list_id: Option<Uuid>,
        entry_id: Option<Uuid>,
        actor: Actor,
    },
    /// `comment.deleted`
    CommentDeleted {
        workspace_id: Uuid,
        comment_id: Uuid,
        thread_id: Uuid,
        object_id: Uuid,
        record_id: Uuid,
        list_id: Option<Uuid>,
        entry_id: Option<Uuid>,
        actor: Actor,
    },
    /// `workspace-member.created`
    WorkspaceMemberCreated {
        workspace_id: Uuid,
        workspace_member_id: Uuid,
        actor: Actor,
    },
    /// `call-recording.created`: the recording is finished and its media uploaded.
    CallRecordingCreated {
        workspace_id: Uuid,
        meeting_id: Uuid,
        call_recording_id: Uuid,
        actor: Actor,
    },
    /// An event type this version does not know: its name and the event as sent.
    Other {
        event_type: String,
        raw: serde_json::Value,
    },
}

impl Event {
    /// The event's type.
    pub fn event_type(&self) -> EventType {
        use Event as E;
        use EventType as T;
        match self {
            E::RecordCreated { .. } => T::RecordCreated,
            E::RecordUpdated { .. } => T::RecordUpdated,
            E::RecordDeleted { .. } => T::RecordDeleted,
            E::RecordMerged { .. } => T::RecordMerged,
            E::ListEntryCreated { .. } => T::ListEntryCreated,
            E::ListEntryUpdated { .. } => T::ListEntryUpdated,
            E::ListEntryDeleted { .. } => T::ListEntryDeleted,
            E::ListCreated { .. } => T::ListCreated,
            E::ListUpdated { .. } => T::ListUpdated,
            E::ListDeleted { .. } => T::ListDeleted,
            E::ListAttributeCreated { .. } => T::ListAttributeCreated,
            E::ListAttributeUpdated { .. } => T::ListAttributeUpdated,
            E::ObjectAttributeCreated { .. } => T::ObjectAttributeCreated,
            E::ObjectAttributeUpdated { .. } => T::ObjectAttributeUpdated,
            E::NoteCreated { .. } => T::NoteCreated,
            E::NoteUpdated { .. } => T::NoteUpdated,
            E::NoteDeleted { .. } => T::NoteDeleted,
            E::NoteContentUpdated { .. } => T::NoteContentUpdated,
            E::TaskCreated { .. } => T::TaskCreated,
            E::TaskUpdated { .. } => T::TaskUpdated,
            E::TaskDeleted { .. } => T::TaskDeleted,
            E::CommentCreated { .. } => T::CommentCreated,
            E::CommentResolved { .. } => T::CommentResolved,
            E::CommentUnresolved { .. } => T::CommentUnresolved,
            E::CommentDeleted { .. } => T::CommentDeleted,
            E::WorkspaceMemberCreated { .. } => T::WorkspaceMemberCreated,
            E::CallRecordingCreated { .. } => T::CallRecordingCreated,
            E::Other { event_type, .. } => T::Other(event_type.clone()),
        }
    }

    /// Who caused the event; `None` for [`Event::Other`].
    pub fn actor(&self) -> Option<&Actor> {
        use Event as E;
        match self {
            E::RecordCreated { actor, .. }
            | E::RecordUpdated { actor, .. }
            | E::RecordDeleted { actor, .. }
            | E::RecordMerged { actor, .. }
            | E::ListEntryCreated { actor, .. }
            | E::ListEntryUpdated { actor, .. }
            | E::ListEntryDeleted { actor, .. }
            | E::ListCreated { actor, .. }
            | E::ListUpdated { actor, .. }
            | E::ListDeleted { actor, .. }
            | E::ListAttributeCreated { actor, .. }
            | E::ListAttributeUpdated { actor, .. }
            | E::ObjectAttributeCreated { actor, .. }
            | E::ObjectAttributeUpdated { actor, .. }
            | E::NoteCreated { actor, .. }
            | E::NoteUpdated { actor, .. }
            | E::NoteDeleted { actor, .. }
            | E::NoteContentUpdated { actor, .. }
            | E::TaskCreated { actor, .. }
            | E::TaskUpdated { actor, .. }
            | E::TaskDeleted { actor, .. }
            | E::CommentCreated { actor, .. }
            | E::CommentResolved { actor, .. }
            | E::CommentUnresolved { actor, .. }
            | E::CommentDeleted { actor, .. }
            | E::WorkspaceMemberCreated { actor, .. }
            | E::CallRecordingCreated { actor, .. } => Some(actor),
            E::Other { .. } => None,
        }
    }

    /// The record of a record event (`record.*`): `(object_id, record_id)`. What
    /// [`Client::get_from_event`](crate::Client::get_from_event) fetches.
    pub fn record(&self) -> Option<(Uuid, Uuid)> {
        match self {
            Event::RecordCreated {
                object_id,
                record_id,
                ..
            }
            | Event::RecordUpdated {
                object_id,
                record_id,
                ..
            }
            | Event::RecordDeleted {
                object_id,
                record_id,
                ..
            }
            | Event::RecordMerged {
                object_id,
                record_id,
                ..
            } => Some((*object_id, *record_id)),
            _ => None,
        }
    }

    /// The entry of a list-entry event (`list-entry.*`): `(list_id, entry_id)`.
    pub fn entry(&self) -> Option<(Uuid, Uuid)> {
        match self {
            Event::ListEntryCreated {
                list_id, entry_id, ..
            }
            | Event::ListEntryUpdated {
                list_id, entry_id, ..
            }
            | Event::ListEntryDeleted {
                list_id, entry_id, ..
            } => Some((*list_id, *entry_id)),
            _ => None,
        }
    }

    /// The changed attribute of a `record.updated` or `list-entry.updated` event.
    pub fn attribute_id(&self) -> Option<Uuid> {
        match self {
            Event::RecordUpdated { attribute_id, .. }
            | Event::ListEntryUpdated { attribute_id, .. } => Some(*attribute_id),
            _ => None,
        }
    }
}

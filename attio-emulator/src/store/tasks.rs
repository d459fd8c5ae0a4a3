//! The tasks area: tasks with their linked records (found by id or by a unique attribute)
//! and assignees (found by member id or email), completion, filters, and the read shape.

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use uuid::Uuid;

use super::links;
use super::schema::object_not_found;
use crate::error::{ApiError, ApiResult};
use crate::model::{Owner, State, Task, TaskLink};
use crate::values::{fmt_ts, parse_element};

/// A linked record as written: by record id, or by values of a unique attribute of the
/// target object (the first value some record holds wins, as for record references).
#[derive(Clone, Debug)]
pub(crate) enum LinkInput {
    /// `{target_object, target_record_id}`.
    Id { object: String, record_id: Uuid },
    /// `{target_object, <attribute>: [value, …]}`.
    Unique {
        object: String,
        attribute: String,
        values: Vec<Value>,
    },
}

/// An assignee as written.
#[derive(Clone, Debug)]
pub(crate) enum AssigneeInput {
    /// `{referenced_actor_type: "workspace-member", referenced_actor_id}`.
    Id(Uuid),
    /// `{workspace_member_email_address}`.
    Email(String),
}

/// A task to create, read from a valid body.
#[derive(Clone, Debug)]
pub(crate) struct NewTask {
    pub content: String,
    pub deadline_at: Option<DateTime<Utc>>,
    pub is_completed: bool,
    pub linked_records: Vec<LinkInput>,
    pub assignees: Vec<AssigneeInput>,
}

/// The fields a PATCH changes (`None`: unchanged). Links and assignees are replaced.
#[derive(Clone, Debug, Default)]
pub(crate) struct TaskChange {
    pub deadline_at: Option<Option<DateTime<Utc>>>,
    pub is_completed: Option<bool>,
    pub linked_records: Option<Vec<LinkInput>>,
    pub assignees: Option<Vec<AssigneeInput>>,
}

/// Which assignees a task list keeps.
#[derive(Clone, Debug)]
pub(crate) enum AssigneeFilter {
    /// Tasks without an assignee.
    Unassigned,
    /// Tasks assigned to the member with this id or email address.
    Member(String),
}

/// The filters and order of a task list.
#[derive(Clone, Debug, Default)]
pub(crate) struct TaskFilter {
    /// Tasks linked to this record: (object slug or id, record id).
    pub linked: Option<(String, Uuid)>,
    pub assignee: Option<AssigneeFilter>,
    pub is_completed: Option<bool>,
    /// Newest first (`created_at:desc`) instead of oldest first.
    pub newest_first: bool,
}

/// The 404 for an unknown task.
fn not_found(id: Uuid) -> ApiError {
    ApiError::not_found(format!("Could not find Task with ID \"{id}\"."))
}

/// The record a link names, found by id or by a unique attribute value.
fn resolve_link(st: &mut State, link: &LinkInput) -> ApiResult<TaskLink> {
    match link {
        LinkInput::Id { object, record_id } => {
            let o = st.object(object).ok_or_else(|| object_not_found(object))?;
            if st.item(&o.key(), record_id).is_none() {
                return Err(ApiError::value_not_found(format!(
                    "Cannot find record with ID \"{record_id}\" on object \"{}\" for linked_records.",
                    o.api_slug
                )));
            }
            Ok(TaskLink {
                object: o.api_slug.clone(),
                record_id: *record_id,
            })
        }
        LinkInput::Unique {
            object,
            attribute,
            values,
        } => {
            let o = st
                .object(object)
                .ok_or_else(|| object_not_found(object))?
                .clone();
            let a = o
                .attribute(attribute)
                .filter(|a| a.is_unique)
                .ok_or_else(|| {
                    ApiError::validation(format!(
                        "\"{attribute}\" is not a unique attribute of object \"{}\", so linked records cannot be matched by it.",
                        o.api_slug
                    ))
                })?;
            for v in values {
                let data = parse_element(st, a, v)?;
                let holders = st.unique_holders(&o.key(), &a.api_slug, &a.identity(&data));
                if let Some(record_id) = holders.first() {
                    return Ok(TaskLink {
                        object: o.api_slug.clone(),
                        record_id: *record_id,
                    });
                }
            }
            Err(ApiError::value_not_found(format!(
                "Cannot find a \"{}\" record matching the value of \"{}\" given in linked_records.",
                o.api_slug, a.api_slug
            )))
        }
    }
}

/// Every link resolved, without repeats, in the order written.
fn resolve_links(st: &mut State, links: &[LinkInput]) -> ApiResult<Vec<TaskLink>> {
    let mut out: Vec<TaskLink> = Vec::new();
    for l in links {
        let link = resolve_link(st, l)?;
        if !out.contains(&link) {
            out.push(link);
        }
    }
    Ok(out)
}

/// Every assignee's member id, without repeats, in the order written.
fn resolve_assignees(st: &State, assignees: &[AssigneeInput]) -> ApiResult<Vec<Uuid>> {
    let mut out = Vec::new();
    for a in assignees {
        let id = match a {
            AssigneeInput::Id(id) => {
                links::member(st, *id)
                    .ok_or_else(|| links::member_id_not_found(*id))?
                    .id
            }
            AssigneeInput::Email(e) => {
                links::member_by_email(st, e)
                    .ok_or_else(|| links::member_email_not_found(e))?
                    .id
            }
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    Ok(out)
}

/// Creates a task; a task created completed is completed now.
pub(crate) fn create(st: &mut State, new: NewTask) -> ApiResult<Uuid> {
    let linked_records = resolve_links(st, &new.linked_records)?;
    let assignees = resolve_assignees(st, &new.assignees)?;
    let now = Utc::now();
    let id = Uuid::new_v4();
    let task = Task {
        id,
        seq: st.next_seq(),
        content: new.content,
        deadline_at: new.deadline_at,
        is_completed: new.is_completed,
        completed_at: new.is_completed.then_some(now),
        linked_records,
        assignees,
        created_by: st.token_actor(),
        created_at: now,
    };
    st.tasks.push(task);
    Ok(id)
}

fn position(st: &State, id: Uuid) -> ApiResult<usize> {
    st.tasks
        .iter()
        .position(|t| t.id == id)
        .ok_or_else(|| not_found(id))
}

/// Applies a PATCH. Completing sets `completed_at` (kept when already completed);
/// reopening clears it.
pub(crate) fn update(st: &mut State, id: Uuid, change: TaskChange) -> ApiResult<()> {
    let at = position(st, id)?;
    let linked = match &change.linked_records {
        Some(l) => Some(resolve_links(st, l)?),
        None => None,
    };
    let assignees = match &change.assignees {
        Some(a) => Some(resolve_assignees(st, a)?),
        None => None,
    };
    let task = &mut st.tasks[at];
    if let Some(d) = change.deadline_at {
        task.deadline_at = d;
    }
    if let Some(done) = change.is_completed {
        task.completed_at = match (done, task.completed_at) {
            (true, Some(t)) => Some(t),
            (true, None) => Some(Utc::now()),
            (false, _) => None,
        };
        task.is_completed = done;
    }
    if let Some(l) = linked {
        task.linked_records = l;
    }
    if let Some(a) = assignees {
        task.assignees = a;
    }
    Ok(())
}

/// The task `id`, or its 404.
pub(crate) fn get(st: &State, id: Uuid) -> ApiResult<&Task> {
    Ok(&st.tasks[position(st, id)?])
}

/// Deletes the task `id`, or answers its 404.
pub(crate) fn delete(st: &mut State, id: Uuid) -> ApiResult<()> {
    let at = position(st, id)?;
    st.tasks.remove(at);
    Ok(())
}

/// The tasks that pass `filter`, in its order. An unknown linked object is a 404; an
/// assignee that names no member matches no task.
pub(crate) fn list<'s>(st: &'s State, filter: &TaskFilter) -> ApiResult<Vec<&'s Task>> {
    let linked = match &filter.linked {
        Some((object, record_id)) => {
            let o = st.object(object).ok_or_else(|| object_not_found(object))?;
            Some((o.api_slug.as_str(), *record_id))
        }
        None => None,
    };
    let assignee = match &filter.assignee {
        None => None,
        Some(AssigneeFilter::Unassigned) => Some(None),
        Some(AssigneeFilter::Member(m)) => {
            let member = match Uuid::parse_str(m) {
                Ok(id) => links::member(st, id),
                Err(_) => links::member_by_email(st, m),
            };
            // Uuid::nil() is never a member id: an unknown member matches nothing.
            Some(Some(member.map_or(Uuid::nil(), |m| m.id)))
        }
    };
    let mut tasks: Vec<&Task> = st
        .tasks
        .iter()
        .filter(|t| {
            linked.is_none_or(|(o, r)| {
                t.linked_records
                    .iter()
                    .any(|l| l.object == o && l.record_id == r)
            })
        })
        .filter(|t| match assignee {
            None => true,
            Some(None) => t.assignees.is_empty(),
            Some(Some(m)) => t.assignees.contains(&m),
        })
        .filter(|t| filter.is_completed.is_none_or(|c| t.is_completed == c))
        .collect();
    tasks.sort_by_key(|t| (t.created_at, t.seq));
    if filter.newest_first {
        tasks.reverse();
    }
    Ok(tasks)
}

/// The read shape of a task. Linked records name their object by id under
/// `target_object_id` (written as `target_object`, by slug or id).
pub(crate) fn task_json(st: &State, t: &Task) -> Value {
    let linked: Vec<Value> = t
        .linked_records
        .iter()
        .map(|l| {
            json!({
                "target_object_id": links::object_id(st, &l.object).map(|id| id.to_string()),
                "target_record_id": l.record_id.to_string(),
            })
        })
        .collect();
    let assignees: Vec<Value> = t
        .assignees
        .iter()
        .map(|m| json!({"referenced_actor_type": "workspace-member", "referenced_actor_id": m.to_string()}))
        .collect();
    json!({
        "id": {"workspace_id": st.workspace_id.to_string(), "task_id": t.id.to_string()},
        "content_plaintext": t.content,
        "deadline_at": t.deadline_at.as_ref().map(fmt_ts),
        "is_completed": t.is_completed,
        "completed_at": t.completed_at.as_ref().map(fmt_ts),
        "linked_records": linked,
        "assignees": assignees,
        "created_by_actor": t.created_by.to_json(),
        "created_at": fmt_ts(&t.created_at),
    })
}

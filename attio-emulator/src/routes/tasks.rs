//! Tasks: list (with filters and a sort), create (all six fields required), get, PATCH
//! (deadline, completion, links and assignees only: the content cannot change), delete.

use axum::extract::Path;
use axum::routing::get;
use chrono::{DateTime, Utc};
use serde_json::{Value, json};

use super::class::Routes;
use super::extract::{Db, JsonBody, Out, Paging, Params, data, data_list, path_uuid};
use super::fields::{Issues, Obj, query_enum, query_pair, query_uuid};
use crate::error::ApiResult;
use crate::store::tasks::{
    self, AssigneeFilter, AssigneeInput, LinkInput, NewTask, TaskChange, TaskFilter, task_json,
};
use crate::values::parse_timestamp;

/// `GET /v2/tasks` pages: 500 by default, no stated maximum.
const PAGING: Paging = Paging {
    default: Some(500),
    max: None,
};

/// The longest task content accepted, in characters.
const MAX_CONTENT: usize = 2000;

/// The fields a PATCH may send.
const PATCHABLE: [&str; 4] = ["deadline_at", "is_completed", "linked_records", "assignees"];

/// The task routes.
pub(super) fn routes() -> Routes {
    Routes::new()
        .route("/v2/tasks", get(list_tasks).post(create_task))
        .route(
            "/v2/tasks/{task_id}",
            get(get_task).patch(patch_task).delete(delete_task),
        )
}

/// The required `deadline_at`: a timestamp (or a date) or `null`.
fn deadline(is: &mut Issues, d: &Obj) -> Option<Option<DateTime<Utc>>> {
    match d.nullable_string(is, "deadline_at")? {
        None => Some(None),
        Some(s) => match parse_timestamp(s) {
            Some(t) => Some(Some(t)),
            None => {
                is.add(
                    d.path("deadline_at"),
                    json!({"code": "invalid_string", "validation": "datetime", "message": "Invalid datetime"}),
                );
                None
            }
        },
    }
}

/// One element of `linked_records`: `{target_object, target_record_id}` or
/// `{target_object, <unique attribute>: [value, …]}`.
fn link(is: &mut Issues, v: &Value, path: Vec<Value>) -> Option<LinkInput> {
    let o = Obj::at(is, v, path)?;
    let object = o.string(is, "target_object")?.to_string();
    if o.has("target_record_id") {
        o.only(is, &["target_object", "target_record_id"]);
        let record_id = o.uuid(is, "target_record_id")?;
        return Some(LinkInput::Id { object, record_id });
    }
    let attributes: Vec<&String> = o.keys().filter(|k| *k != "target_object").collect();
    match attributes.as_slice() {
        [attribute] => {
            let values = match o.get(attribute) {
                Some(Value::Array(a)) => a.clone(),
                other => other.into_iter().cloned().collect(),
            };
            Some(LinkInput::Unique {
                object,
                attribute: attribute.to_string(),
                values,
            })
        }
        found => {
            let message = if found.is_empty() {
                "Either \"target_record_id\" or one unique attribute of the target object is required."
            } else {
                "Match a linked record by one unique attribute only."
            };
            is.add(o.here(), json!({"code": "custom", "message": message}));
            None
        }
    }
}

/// One element of `assignees`: `{referenced_actor_type: "workspace-member",
/// referenced_actor_id}` or `{workspace_member_email_address}`.
fn assignee(is: &mut Issues, v: &Value, path: Vec<Value>) -> Option<AssigneeInput> {
    let o = Obj::at(is, v, path)?;
    let by_email = "workspace_member_email_address";
    if o.has(by_email) {
        o.only(is, &[by_email]);
        return o
            .string(is, by_email)
            .map(|e| AssigneeInput::Email(e.to_string()));
    }
    let kind = o.one_of(is, "referenced_actor_type", &["workspace-member"]);
    let id = o.uuid(is, "referenced_actor_id");
    kind.and(id).map(AssigneeInput::Id)
}

/// Every element of the array `key` read with `read`; `None` if the array is missing or
/// any element is invalid (each problem is reported).
fn each<T>(
    is: &mut Issues,
    d: &Obj,
    key: &str,
    read: fn(&mut Issues, &Value, Vec<Value>) -> Option<T>,
) -> Option<Vec<T>> {
    let items = d.array(is, key)?;
    let read: Vec<Option<T>> = items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let mut path = d.path(key);
            path.push(json!(i));
            read(is, v, path)
        })
        .collect();
    read.into_iter().collect()
}

/// Reads a task create body: all six fields are required, even when empty or `null`.
fn new_task(body: &Value) -> ApiResult<NewTask> {
    let d = Obj::data(body)?;
    let mut is = Issues::default();
    let content = d.bounded_string(&mut is, "content", MAX_CONTENT);
    d.one_of(&mut is, "format", &["plaintext"]);
    let deadline_at = deadline(&mut is, &d);
    let is_completed = d.boolean(&mut is, "is_completed");
    let linked_records = each(&mut is, &d, "linked_records", link);
    let assignees = each(&mut is, &d, "assignees", assignee);
    // Every required field that is `None` here was reported: `finish` answers the 400.
    is.finish()?;
    Ok(NewTask {
        content: content.unwrap_or_default().to_string(),
        deadline_at: deadline_at.flatten(),
        is_completed: is_completed.unwrap_or_default(),
        linked_records: linked_records.unwrap_or_default(),
        assignees: assignees.unwrap_or_default(),
    })
}

/// Reads a task PATCH body: only the four changeable fields (`content` is refused).
fn task_change(body: &Value) -> ApiResult<TaskChange> {
    let d = Obj::data(body)?;
    let mut is = Issues::default();
    d.only(&mut is, &PATCHABLE);
    let mut change = TaskChange::default();
    if d.has("deadline_at") {
        change.deadline_at = deadline(&mut is, &d);
    }
    if d.has("is_completed") {
        change.is_completed = d.boolean(&mut is, "is_completed");
    }
    if d.has("linked_records") {
        change.linked_records = each(&mut is, &d, "linked_records", link);
    }
    if d.has("assignees") {
        change.assignees = each(&mut is, &d, "assignees", assignee);
    }
    is.finish()?;
    Ok(change)
}

/// The filters and sort of `GET /v2/tasks`.
fn task_filter(q: &Params) -> ApiResult<TaskFilter> {
    let sort = q
        .get("sort")
        .map(|s| query_enum("sort", s, &["created_at:asc", "created_at:desc"]))
        .transpose()?;
    let object = q.get("linked_object");
    let record = q.get("linked_record_id");
    query_pair(("linked_object", object), ("linked_record_id", record))?;
    let linked = match (object, record) {
        (Some(o), Some(r)) => Some((o.to_string(), query_uuid("linked_record_id", r)?)),
        _ => None,
    };
    let assignee = q.get("assignee").map(|a| {
        if a.is_empty() || a == "null" {
            AssigneeFilter::Unassigned
        } else {
            AssigneeFilter::Member(a.to_string())
        }
    });
    let is_completed = q
        .get("is_completed")
        .map(|c| query_enum("is_completed", c, &["true", "false"]).map(|c| c == "true"))
        .transpose()?;
    Ok(TaskFilter {
        linked,
        assignee,
        is_completed,
        newest_first: sort == Some("created_at:desc"),
    })
}

async fn list_tasks(store: Db, q: Params) -> Out {
    let filter = task_filter(&q)?;
    let st = store.read();
    let found = tasks::list(&st, &filter)?;
    let page = PAGING.page(found, &q)?;
    Ok(data_list(
        page.into_iter().map(|t| task_json(&st, t)).collect(),
    ))
}

async fn create_task(store: Db, JsonBody(body): JsonBody) -> Out {
    let new = new_task(&body)?;
    let mut st = store.write();
    let id = tasks::create(&mut st, new)?;
    store.stored();
    Ok(data(task_json(&st, tasks::get(&st, id)?)))
}

async fn get_task(store: Db, Path(task_id): Path<String>) -> Out {
    let id = path_uuid("task_id", &task_id)?;
    let st = store.read();
    Ok(data(task_json(&st, tasks::get(&st, id)?)))
}

async fn patch_task(store: Db, Path(task_id): Path<String>, JsonBody(body): JsonBody) -> Out {
    let id = path_uuid("task_id", &task_id)?;
    let change = task_change(&body)?;
    let mut st = store.write();
    tasks::update(&mut st, id, change)?;
    store.stored();
    Ok(data(task_json(&st, tasks::get(&st, id)?)))
}

async fn delete_task(store: Db, Path(task_id): Path<String>) -> Out {
    let id = path_uuid("task_id", &task_id)?;
    let mut st = store.write();
    tasks::delete(&mut st, id)?;
    store.stored();
    Ok(axum::Json(json!({})))
}

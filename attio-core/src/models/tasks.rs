//! Tasks (`/v2/tasks`): a line of plain text with a deadline, linked records and assignees.
//!
//! Three asymmetries of Attio's tasks live here:
//! - a linked record is written with `target_object` and read back with
//!   `target_object_id` (which Attio documents as an id and shows as a slug);
//! - a task's content cannot change once created: `PATCH /v2/tasks/{id}` accepts only the
//!   deadline, the completion, the links and the assignees, and refuses `content` with a
//!   400, so [`TaskUpdate`] has no content setter (create a new task instead);
//! - a create must send all six fields (`content`, `format`, `deadline_at`, `is_completed`,
//!   `linked_records`, `assignees`) even when empty: [`NewTask`] always does.

use std::fmt;

use serde::ser::{SerializeMap, Serializer};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::members::WorkspaceMember;
use super::wire;
use crate::error::{Error, ValueError};
use crate::record::AttioRecord;
use crate::values::{
    Actor, ActorType, AnyRecordRef, EmailAddress, RecordRef, Timestamp, WriteForm, WriteValue,
};

/// The longest task content Attio accepts, in characters.
pub const TASK_CONTENT_MAX_CHARS: usize = 2000;

/// A task, as Attio reads it back.
///
/// ```
/// use attio_core::json;
/// use attio_core::models::Task;
///
/// let body = br#"{"data":{"id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c",
///   "task_id":"649e34f4-c39a-4f4d-99ef-48a36bef8f04"},
///   "content_plaintext":"Follow up on current software solutions","deadline_at":"2023-01-01",
///   "is_completed":false,"linked_records":[{"target_object_id":"people",
///   "target_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d"}],
///   "assignees":[{"referenced_actor_type":"workspace-member",
///   "referenced_actor_id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"}],
///   "created_by_actor":{"type":"workspace-member","id":"50cf242c-7fa3-4cad-87d0-75b1af71c57b"},
///   "created_at":"2022-11-21T13:22:49.061281000Z"}}"#;
/// let task: Task = json::decode_data(body, "task")?;
/// assert!(!task.is_completed);
/// assert_eq!(task.deadline_at.unwrap().to_rfc3339(), "2023-01-01T00:00:00+00:00");
/// assert!(task.is_linked_to("891dcbfc-9141-415d-9b2a-2238a6cc012d".parse().unwrap()));
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize)]
#[non_exhaustive]
pub struct Task {
    /// The task's id.
    pub id: TaskId,
    /// The content, plain text (immutable once created).
    pub content_plaintext: String,
    /// The deadline, if any. Attio documents a timestamp and shows a date
    /// (`"2023-01-01"`); a date is read as midnight UTC.
    #[serde(
        default,
        deserialize_with = "wire::read_lenient_timestamp",
        serialize_with = "wire::write_opt_timestamp"
    )]
    pub deadline_at: Option<Timestamp>,
    /// Whether the task is done.
    pub is_completed: bool,
    /// When the task was completed. Newer versions of the API document it; live answers
    /// may leave it out, which reads as `None`.
    #[serde(
        default,
        deserialize_with = "wire::read_lenient_timestamp",
        serialize_with = "wire::write_opt_timestamp"
    )]
    pub completed_at: Option<Timestamp>,
    /// The records the task is linked to.
    pub linked_records: Vec<LinkedRecord>,
    /// The workspace members the task is assigned to.
    pub assignees: Vec<TaskAssignee>,
    /// Who created the task.
    pub created_by_actor: Actor,
    /// When the task was created.
    pub created_at: Timestamp,
}

impl Task {
    /// Whether the task is linked to the record `record_id`.
    pub fn is_linked_to(&self, record_id: Uuid) -> bool {
        self.linked_records
            .iter()
            .any(|l| l.target_record_id == record_id)
    }

    /// Whether the task is assigned to the workspace member `workspace_member_id`.
    pub fn is_assigned_to(&self, workspace_member_id: Uuid) -> bool {
        self.assignees
            .iter()
            .any(|a| a.referenced_actor_id == Some(workspace_member_id))
    }
}

/// A task's full id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
pub struct TaskId {
    /// The workspace.
    pub workspace_id: Uuid,
    /// The task: what [`Tasks::get`](crate::api::Tasks::get),
    /// [`Tasks::update`](crate::api::Tasks::update) and
    /// [`Tasks::delete`](crate::api::Tasks::delete) take.
    pub task_id: Uuid,
}

impl fmt::Display for TaskId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.task_id, f)
    }
}

/// A record a task is linked to, as read: `{"target_object_id":…,"target_record_id":…}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[non_exhaustive]
pub struct LinkedRecord {
    /// The record's object: its id or its slug (Attio's description says id, its example
    /// shows `people`; compare records by [`target_record_id`](Self::target_record_id)).
    pub target_object_id: String,
    /// The record's id.
    pub target_record_id: Uuid,
}

/// A task's assignee, as read: `{"referenced_actor_type":…,"referenced_actor_id":…}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[non_exhaustive]
pub struct TaskAssignee {
    /// The kind of actor: a workspace member.
    pub referenced_actor_type: ActorType,
    /// The actor's id.
    #[serde(default)]
    pub referenced_actor_id: Option<Uuid>,
}

/// A workspace member to assign a task to, by id or by email address.
///
/// ```
/// use attio_core::models::Assignee;
/// let by_id = Assignee::from(uuid::Uuid::nil());
/// let by_email = Assignee::email("ada@example.com")?;
/// assert_eq!(by_email.to_string(), "ada@example.com");
/// # let _ = by_id;
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Assignee {
    /// By workspace member id:
    /// `{"referenced_actor_type":"workspace-member","referenced_actor_id":…}`.
    Member(Uuid),
    /// By the member's email address: `{"workspace_member_email_address":…}`.
    Email(EmailAddress),
}

impl Assignee {
    /// The member with this email address (checked).
    pub fn email(email_address: impl AsRef<str>) -> Result<Self, Error> {
        Ok(Assignee::Email(EmailAddress::new(email_address)?))
    }
}

impl From<Uuid> for Assignee {
    fn from(workspace_member_id: Uuid) -> Self {
        Assignee::Member(workspace_member_id)
    }
}

impl From<&WorkspaceMember> for Assignee {
    fn from(member: &WorkspaceMember) -> Self {
        Assignee::Member(member.id.workspace_member_id)
    }
}

impl From<EmailAddress> for Assignee {
    fn from(email_address: EmailAddress) -> Self {
        Assignee::Email(email_address)
    }
}

impl fmt::Display for Assignee {
    /// The member id, or the email address: what `GET /v2/tasks?assignee=` takes.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Assignee::Member(id) => fmt::Display::fmt(id, f),
            Assignee::Email(e) => f.write_str(e.email_address()),
        }
    }
}

impl Serialize for Assignee {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Assignee::Member(id) => {
                let mut m = s.serialize_map(Some(2))?;
                m.serialize_entry("referenced_actor_type", "workspace-member")?;
                m.serialize_entry("referenced_actor_id", id)?;
                m.end()
            }
            Assignee::Email(e) => {
                let mut m = s.serialize_map(Some(1))?;
                m.serialize_entry("workspace_member_email_address", e.email_address())?;
                m.end()
            }
        }
    }
}

/// Linked records as written: `{"target_object":…,"target_record_id":…}`, or by a unique
/// value of the target (`{"target_object":"companies","domains":[{"domain":…}]}`), each
/// checked first.
fn links(records: &[AnyRecordRef]) -> Result<Vec<WriteForm<'_, AnyRecordRef>>, Error> {
    records
        .iter()
        .map(|r| r.validate().map(|()| WriteForm(r)).map_err(Error::from))
        .collect()
}

/// A task to create with [`Tasks::create`](crate::api::Tasks::create).
///
/// Every one of the six fields Attio requires is sent, empty or not; content over 2,000
/// characters is refused before sending.
///
/// ```
/// use attio_core::{AttioRecord, RecordRef};
/// use attio_core::models::{Assignee, NewTask};
/// # #[derive(AttioRecord)]
/// # #[attio(object = "people")]
/// # struct Person { name: Option<String> }
///
/// let ada = RecordRef::<Person>::parse("891dcbfc-9141-415d-9b2a-2238a6cc012d")?;
/// let task = NewTask::new("Send the contract")
///     .linked_to(&ada)
///     .assignee(Assignee::email("owner@example.com")?);
/// assert_eq!(
///     String::from_utf8(task.to_body()?).unwrap(),
///     r#"{"data":{"content":"Send the contract","format":"plaintext","deadline_at":null,"is_completed":false,"linked_records":[{"target_object":"people","target_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d"}],"assignees":[{"workspace_member_email_address":"owner@example.com"}]}}"#
/// );
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct NewTask {
    content: String,
    deadline_at: Option<Timestamp>,
    is_completed: bool,
    linked_records: Vec<AnyRecordRef>,
    assignees: Vec<Assignee>,
}

impl NewTask {
    /// A task with this content (plain text, at most 2,000 characters), no deadline, not
    /// completed, linked to nothing and assigned to nobody.
    pub fn new(content: impl Into<String>) -> Self {
        NewTask {
            content: content.into(),
            deadline_at: None,
            is_completed: false,
            linked_records: Vec::new(),
            assignees: Vec::new(),
        }
    }

    /// Sets the deadline.
    pub fn deadline(mut self, deadline: Timestamp) -> Self {
        self.deadline_at = Some(deadline);
        self
    }

    /// Creates the task already completed (or not).
    pub fn completed(mut self, completed: bool) -> Self {
        self.is_completed = completed;
        self
    }

    /// Links the task to a record (by id, or by the target's unique domain or email
    /// address, which Attio resolves); call again for more records.
    pub fn linked_to<P: AttioRecord>(self, record: &RecordRef<P>) -> Self {
        self.linked_to_any(record.to_any())
    }

    /// Links the task to a record of any object.
    pub fn linked_to_any(mut self, record: AnyRecordRef) -> Self {
        self.linked_records.push(record);
        self
    }

    /// Assigns the task to a workspace member (by id or email address); call again for more.
    pub fn assignee(mut self, assignee: impl Into<Assignee>) -> Self {
        self.assignees.push(assignee.into());
        self
    }

    /// The content.
    pub fn content(&self) -> &str {
        &self.content
    }

    /// The request body with all six fields, after checking the content's length.
    pub fn to_body(&self) -> Result<Vec<u8>, Error> {
        let chars = self.content.chars().count();
        if chars > TASK_CONTENT_MAX_CHARS {
            let shown: String = self.content.chars().take(40).collect();
            return Err(Error::from(ValueError::new(
                "task content",
                format!("{shown}…"),
                format!(
                    "it has {chars} characters; Attio accepts at most {TASK_CONTENT_MAX_CHARS}"
                ),
            )));
        }
        #[derive(Serialize)]
        struct Body<'a> {
            content: &'a str,
            format: &'static str,
            #[serde(serialize_with = "wire::write_opt_timestamp")]
            deadline_at: Option<Timestamp>,
            is_completed: bool,
            linked_records: Vec<WriteForm<'a, AnyRecordRef>>,
            assignees: &'a [Assignee],
        }
        Ok(wire::data_body(&Body {
            content: &self.content,
            format: "plaintext",
            deadline_at: self.deadline_at,
            is_completed: self.is_completed,
            linked_records: links(&self.linked_records)?,
            assignees: &self.assignees,
        }))
    }
}

/// A change to a task, for [`Tasks::update`](crate::api::Tasks::update): only what is set
/// is sent. Links and assignees, when set, replace the task's old ones (send the whole set).
///
/// There is no content setter: a task's content is immutable in Attio (its PATCH refuses
/// `content` with a 400), so an update that changes it is refused at compile time rather
/// than by Attio. To change the text, create a new task and delete the old one.
///
/// ```compile_fail
/// use attio_core::models::TaskUpdate;
/// let _ = TaskUpdate::default().content("new text"); // no such method: content is immutable
/// ```
///
/// ```
/// use attio_core::models::TaskUpdate;
/// let done = TaskUpdate::default().completed(true);
/// assert_eq!(done.to_body()?, br#"{"data":{"is_completed":true}}"#);
/// let cleared = TaskUpdate::default().no_deadline().no_assignees();
/// assert_eq!(cleared.to_body()?, br#"{"data":{"deadline_at":null,"assignees":[]}}"#);
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaskUpdate {
    deadline_at: Option<Option<Timestamp>>,
    is_completed: Option<bool>,
    linked_records: Option<Vec<AnyRecordRef>>,
    assignees: Option<Vec<Assignee>>,
}

impl TaskUpdate {
    /// Sets the deadline.
    pub fn deadline(mut self, deadline: Timestamp) -> Self {
        self.deadline_at = Some(Some(deadline));
        self
    }

    /// Removes the deadline.
    pub fn no_deadline(mut self) -> Self {
        self.deadline_at = Some(None);
        self
    }

    /// Marks the task completed, or open again.
    pub fn completed(mut self, completed: bool) -> Self {
        self.is_completed = Some(completed);
        self
    }

    /// Adds a record to the task's new set of links (which replaces the old one).
    pub fn linked_to<P: AttioRecord>(self, record: &RecordRef<P>) -> Self {
        self.linked_to_any(record.to_any())
    }

    /// Adds a record of any object to the task's new set of links.
    pub fn linked_to_any(mut self, record: AnyRecordRef) -> Self {
        self.linked_records
            .get_or_insert_with(Vec::new)
            .push(record);
        self
    }

    /// Unlinks the task from every record.
    pub fn no_links(mut self) -> Self {
        self.linked_records = Some(Vec::new());
        self
    }

    /// Adds a member to the task's new set of assignees (which replaces the old one).
    pub fn assignee(mut self, assignee: impl Into<Assignee>) -> Self {
        self.assignees
            .get_or_insert_with(Vec::new)
            .push(assignee.into());
        self
    }

    /// Unassigns the task.
    pub fn no_assignees(mut self) -> Self {
        self.assignees = Some(Vec::new());
        self
    }

    /// The request body: `{"data":{…}}` with only the fields that were set, after checking
    /// the links.
    pub fn to_body(&self) -> Result<Vec<u8>, Error> {
        #[derive(Serialize)]
        struct Body<'a> {
            #[serde(
                skip_serializing_if = "Option::is_none",
                serialize_with = "write_deadline"
            )]
            deadline_at: Option<Option<Timestamp>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            is_completed: Option<bool>,
            #[serde(skip_serializing_if = "Option::is_none")]
            linked_records: Option<Vec<WriteForm<'a, AnyRecordRef>>>,
            #[serde(skip_serializing_if = "Option::is_none")]
            assignees: Option<&'a [Assignee]>,
        }
        fn write_deadline<S: Serializer>(
            t: &Option<Option<Timestamp>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            wire::write_opt_timestamp(&t.flatten(), s)
        }
        let linked_records = match self.linked_records.as_deref() {
            Some(records) => Some(links(records)?),
            None => None,
        };
        Ok(wire::data_body(&Body {
            deadline_at: self.deadline_at,
            is_completed: self.is_completed,
            linked_records,
            assignees: self.assignees.as_deref(),
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_is_checked_in_characters_not_bytes() {
        let at_limit = "é".repeat(TASK_CONTENT_MAX_CHARS);
        assert!(NewTask::new(at_limit.as_str()).to_body().is_ok());
        let err = NewTask::new(format!("{at_limit}x")).to_body().unwrap_err();
        let e = err.as_invalid_value().expect("a value error");
        assert_eq!(e.kind, "task content");
        assert!(e.reason.contains("2001 characters"), "{}", e.reason);
    }

    #[test]
    fn links_by_unique_value_and_assignees_by_id_are_written_as_attio_reads_them() {
        let company = AnyRecordRef::by_domain("companies", "acme.com").unwrap();
        let body = NewTask::new("x")
            .linked_to_any(company.clone())
            .assignee(Uuid::nil())
            .deadline("2024-05-06T07:08:09Z".parse().unwrap())
            .completed(true)
            .to_body()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(
            v["data"]["linked_records"][0],
            serde_json::json!({"target_object":"companies","domains":[{"domain":"acme.com"}]})
        );
        assert_eq!(
            v["data"]["assignees"][0],
            serde_json::json!({"referenced_actor_type":"workspace-member",
                "referenced_actor_id":"00000000-0000-0000-0000-000000000000"})
        );
        assert_eq!(v["data"]["deadline_at"], "2024-05-06T07:08:09.000000000Z");
        assert_eq!(v["data"]["is_completed"], true);
        let update = TaskUpdate::default().linked_to_any(company).no_links();
        assert_eq!(
            update.to_body().unwrap(),
            br#"{"data":{"linked_records":[]}}"#
        );
    }

    #[test]
    fn completed_at_may_be_missing_or_null() {
        let base = r#""id":{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","task_id":"649e34f4-c39a-4f4d-99ef-48a36bef8f04"},
            "content_plaintext":"x","deadline_at":null,"is_completed":true,"linked_records":[],"assignees":[],
            "created_by_actor":{"type":"api-token","id":null},"created_at":"2022-11-21T13:22:49.061281000Z""#;
        let t: Task = serde_json::from_str(&format!("{{{base}}}")).unwrap();
        assert_eq!(t.completed_at, None);
        let t: Task = serde_json::from_str(&format!(
            r#"{{{base},"completed_at":"2023-02-03T04:05:06.123456789Z"}}"#
        ))
        .unwrap();
        assert_eq!(
            t.completed_at.unwrap().timestamp_subsec_nanos(),
            123_456_789
        );
    }
}

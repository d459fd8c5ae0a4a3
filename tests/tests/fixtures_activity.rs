//! The documented note, task, thread, comment and workspace member responses (`fixtures/`,
//! built from the examples of Attio's OpenAPI schemas) decode into the plain models, every
//! field checked.

mod common;

use attio_core::json;
use attio_core::models::{
    AccessLevel, Activity, Comment, Note, NoteTag, Task, Thread, WorkspaceMember,
};
use attio_core::values::{Actor, ActorType, Timestamp};
use common::fixture;
use uuid::Uuid;

const WS: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const MEMBER: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

fn uuid(s: &str) -> Uuid {
    s.parse().expect("a valid uuid")
}

fn at(s: &str) -> Timestamp {
    s.parse().expect("a valid timestamp")
}

fn member_actor() -> Actor {
    Actor {
        actor_type: Some(ActorType::WorkspaceMember),
        id: Some(uuid(MEMBER)),
    }
}

#[test]
fn the_documented_note_decodes() {
    let note: Note = json::decode_data(&fixture("notes/get.response.json"), "note").unwrap();
    assert_eq!(note.id.workspace_id, uuid(WS));
    assert_eq!(
        note.id.note_id,
        uuid("ff3f3bd4-40f4-4f80-8187-cd02385af424")
    );
    assert_eq!(note.parent_object, "people");
    assert_eq!(
        note.parent_record_id,
        uuid("891dcbfc-9141-415d-9b2a-2238a6cc012d")
    );
    assert_eq!(note.title, "Initial Prospecting Call Summary");
    assert_eq!(note.meeting_id, Some(uuid(WS)));
    assert!(
        note.content_plaintext
            .starts_with("Introduction\nDate and time of the call\n")
    );
    assert!(
        note.content_plaintext
            .ends_with("Current software solutions (if any) and pain points")
    );
    assert!(
        note.content_markdown
            .starts_with("# Introduction\nDate and time of the call\n")
    );
    assert!(
        note.content_markdown
            .contains("\n\n## Customer Background\n- Company overview")
    );
    assert_eq!(
        note.tags,
        [
            NoteTag::WorkspaceMember {
                workspace_member_id: uuid(MEMBER)
            },
            NoteTag::Record {
                object: "people".into(),
                record_id: uuid("891dcbfc-9141-415d-9b2a-2238a6cc012d"),
            },
        ]
    );
    assert_eq!(note.created_by_actor, member_actor());
    assert_eq!(note.created_at, at("2022-11-21T13:22:49.061281000Z"));
    assert_eq!(Activity::Note(note.clone()).at(), note.created_at);
}

#[test]
fn the_documented_task_decodes() {
    let task: Task = json::decode_data(&fixture("tasks/get.response.json"), "task").unwrap();
    assert_eq!(task.id.workspace_id, uuid(WS));
    assert_eq!(
        task.id.task_id,
        uuid("649e34f4-c39a-4f4d-99ef-48a36bef8f04")
    );
    assert_eq!(
        task.content_plaintext,
        "Follow up on current software solutions"
    );
    // The example's deadline is a bare date: read as midnight UTC.
    assert_eq!(task.deadline_at, Some(at("2023-01-01T00:00:00Z")));
    assert!(!task.is_completed);
    // Not in the documented example (the newer spec adds it; live answers omit it).
    assert_eq!(task.completed_at, None);
    assert_eq!(task.linked_records.len(), 1);
    // The example shows the slug where the description says an object id.
    assert_eq!(task.linked_records[0].target_object_id, "people");
    assert_eq!(
        task.linked_records[0].target_record_id,
        uuid("891dcbfc-9141-415d-9b2a-2238a6cc012d")
    );
    assert_eq!(task.assignees.len(), 1);
    assert_eq!(
        task.assignees[0].referenced_actor_type,
        ActorType::WorkspaceMember
    );
    assert_eq!(task.assignees[0].referenced_actor_id, Some(uuid(MEMBER)));
    assert!(task.is_assigned_to(uuid(MEMBER)));
    assert_eq!(task.created_by_actor, member_actor());
    assert_eq!(task.created_at, at("2022-11-21T13:22:49.061281000Z"));
}

fn check_documented_comment(c: &Comment) {
    assert_eq!(c.id.workspace_id, uuid(WS));
    assert_eq!(
        c.id.comment_id,
        uuid("aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2")
    );
    assert_eq!(c.thread_id, uuid("aa1dc1d9-93ac-4c6c-987e-16b6eea9aab2"));
    assert_eq!(
        c.content_plaintext,
        "Let's go ahead and close this deal, alice@attio.com."
    );
    let entry = c.entry.expect("the example names an entry");
    assert_eq!(entry.entry_id, uuid("2e6e29ea-c4e0-4f44-842d-78a891f8c156"));
    assert_eq!(entry.list_id, uuid("33ebdbe9-e529-47c9-b894-0ba25e9c15c0"));
    let record = c.record.expect("and a record");
    assert_eq!(
        record.record_id,
        uuid("bf071e1f-6035-429d-b874-d83ea64ea13b")
    );
    assert_eq!(
        record.object_id,
        uuid("97052eb9-e65e-443f-a297-f2d9a4a7f795")
    );
    assert_eq!(c.resolved_at, Some(at("2023-01-01T15:00:00Z")));
    assert_eq!(c.resolved_by, member_actor());
    assert_eq!(c.created_at, at("2023-01-01T15:00:00Z"));
    assert_eq!(c.author, member_actor());
}

#[test]
fn the_documented_comment_decodes() {
    let c: Comment = json::decode_data(&fixture("comments/get.response.json"), "comment").unwrap();
    check_documented_comment(&c);
}

#[test]
fn the_documented_thread_decodes() {
    let t: Thread = json::decode_data(&fixture("threads/get.response.json"), "thread").unwrap();
    assert_eq!(t.id.workspace_id, uuid(WS));
    assert_eq!(t.id.thread_id, uuid("a649e4d9-435c-43fb-83ba-847b4876f27a"));
    assert_eq!(t.comments.len(), 1);
    check_documented_comment(&t.comments[0]);
    assert_eq!(t.created_at, at("2023-01-01T15:00:00Z"));
    assert_eq!(t.last_activity_at(), t.created_at);
}

#[test]
fn the_documented_workspace_member_decodes() {
    let m: WorkspaceMember = json::decode_data(
        &fixture("workspace_members/get.response.json"),
        "workspace member",
    )
    .unwrap();
    assert_eq!(m.id.workspace_id, uuid(WS));
    assert_eq!(m.id.workspace_member_id, uuid(MEMBER));
    assert_eq!(m.first_name, "Susan");
    assert_eq!(m.last_name, "Kare");
    assert_eq!(
        m.avatar_url.as_deref(),
        Some(
            "https://lh3.googleusercontent.com/a/ABdFTp7z6OgAW9EqZx78wTqPfWClGCJCZXFjQfBG7rd9=s96-c"
        )
    );
    assert_eq!(m.email_address, "susan.kare@apple.com");
    assert_eq!(m.created_at, at("2022-11-21T13:22:49.061281000Z"));
    assert_eq!(m.access_level, AccessLevel::Member);
}

#[test]
fn a_bad_field_in_a_list_is_reported_at_its_path() {
    let good: serde_json::Value =
        serde_json::from_slice(&fixture("tasks/get.response.json")).unwrap();
    let mut bad = good.clone();
    bad["data"]["linked_records"][0]["target_record_id"] = "people".into();
    let list = serde_json::json!({ "data": [good["data"], bad["data"]] });
    let err = json::decode_data_list::<Task>(list.to_string().as_bytes(), "task").unwrap_err();
    let e = err.as_decode().expect("a decode error");
    assert_eq!(e.object, "task");
    assert_eq!(e.path, "data[1].linked_records[0].target_record_id");
}

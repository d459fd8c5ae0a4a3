//! The tasks area, `client.tasks()`, against the emulator: create (links by id and by a
//! unique value, assignees by id and by email, a deadline), the content limit checked
//! before sending, update (completion, deadline, links and assignees replaced), get,
//! delete, and the listing's filters, sorts, pages and stream.

mod common;

use attio_core::api::TaskSort;
use attio_core::models::{Assignee, NewTask, TaskUpdate, WorkspaceMember};
use attio_core::values::{Domain, Timestamp};
use attio_core::{Client, RecordRef};
use common::{Company, Person, person, start};
use futures_util::TryStreamExt;

async fn company(client: &Client, domain: &str) -> RecordRef<Company> {
    let created = client
        .create(&Company {
            domains: vec![Domain::new(domain).unwrap()],
            name: Some("Acme".into()),
            description: None,
        })
        .await
        .expect("company created");
    RecordRef::new(created.id.record_id)
}

/// Two members of the workspace: the token's owner and another.
async fn two_members(client: &Client) -> (WorkspaceMember, WorkspaceMember) {
    let members = client.members().all().await.expect("members");
    assert!(members.len() >= 2, "the emulator seeds several members");
    (members[0].clone(), members[1].clone())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_task_is_created_with_links_and_assignees_updated_read_and_deleted() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let acme = company(&client, "acme.com").await;
    let (owner, other) = two_members(&client).await;
    let deadline: Timestamp = "2030-01-02T03:04:05Z".parse().unwrap();

    let task = client
        .tasks()
        .create(
            &NewTask::new("Send the contract")
                .linked_to(&ada)
                // By the company's unique domain: Attio resolves it to the record.
                .linked_to(&RecordRef::<Company>::by_domain("acme.com").unwrap())
                .deadline(deadline)
                .assignee(&owner)
                .assignee(Assignee::email(&other.email_address).unwrap()),
        )
        .await
        .expect("task created");
    assert_eq!(task.content_plaintext, "Send the contract");
    assert_eq!(task.deadline_at, Some(deadline));
    assert!(!task.is_completed);
    assert_eq!(task.completed_at, None);
    assert!(task.is_linked_to(ada.record_id().unwrap()));
    assert!(task.is_linked_to(acme.record_id().unwrap()));
    assert_eq!(task.linked_records.len(), 2);
    // Read back as `target_object_id`: the object's id or slug, not the slug written.
    assert!(
        task.linked_records
            .iter()
            .all(|l| !l.target_object_id.is_empty())
    );
    assert!(task.is_assigned_to(owner.id.workspace_member_id));
    assert!(task.is_assigned_to(other.id.workspace_member_id));

    let id = task.id.task_id;
    assert_eq!(client.tasks().get(id).await.expect("get"), task);

    // Completion, a new deadline, and links and assignees replaced.
    let later: Timestamp = "2031-06-07T08:09:10Z".parse().unwrap();
    let done = client
        .tasks()
        .update(
            id,
            &TaskUpdate::default()
                .completed(true)
                .deadline(later)
                .linked_to(&acme)
                .assignee(other.id.workspace_member_id),
        )
        .await
        .expect("updated");
    assert!(done.is_completed);
    assert!(done.completed_at.is_some());
    assert_eq!(done.deadline_at, Some(later));
    assert_eq!(done.content_plaintext, "Send the contract");
    assert!(!done.is_linked_to(ada.record_id().unwrap()));
    assert!(done.is_linked_to(acme.record_id().unwrap()));
    assert_eq!(done.assignees.len(), 1);
    assert!(done.is_assigned_to(other.id.workspace_member_id));

    let reopened = client
        .tasks()
        .update(id, &TaskUpdate::default().completed(false).no_deadline())
        .await
        .expect("reopened");
    assert!(!reopened.is_completed);
    assert_eq!(reopened.completed_at, None);
    assert_eq!(reopened.deadline_at, None);

    client.tasks().delete(id).await.expect("deleted");
    let err = client.tasks().get(id).await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_empty_task_still_sends_all_six_fields_and_long_content_is_refused_before_sending() {
    let (emu, client) = start().await;
    // Nothing but content: Attio requires the other five too, and the client sends them.
    let bare = client
        .tasks()
        .create(&NewTask::new("Call back"))
        .await
        .expect("a bare task");
    assert!(bare.linked_records.is_empty() && bare.assignees.is_empty());
    assert_eq!(bare.deadline_at, None);

    let at_limit = "x".repeat(2000);
    client
        .tasks()
        .create(&NewTask::new(at_limit.as_str()))
        .await
        .expect("2,000 characters fit");
    let before = emu.stats().write_requests;
    let err = client
        .tasks()
        .create(&NewTask::new(format!("{at_limit}y")))
        .await
        .unwrap_err();
    let e = err.as_invalid_value().expect("refused client-side");
    assert_eq!(e.kind, "task content");
    assert!(e.reason.contains("at most 2000"), "{err}");
    assert_eq!(emu.stats().write_requests, before, "nothing was sent");

    // A member who does not exist is Attio's value_not_found.
    let err = client
        .tasks()
        .create(&NewTask::new("x").assignee(Assignee::email("nobody@example.com").unwrap()))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tasks_are_listed_by_link_assignee_and_completion_sorted_and_streamed() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let bob = person(&client, "bob@example.com").await;
    let (owner, other) = two_members(&client).await;
    let tasks = client.tasks();
    let mut made = Vec::new();
    for i in 0..6 {
        let mut t = NewTask::new(format!("task {i}")).completed(i % 3 == 0);
        t = if i % 2 == 0 {
            t.linked_to(&ada)
        } else {
            t.linked_to(&bob)
        };
        if i < 2 {
            t = t.assignee(&owner);
        } else if i < 4 {
            t = t.assignee(Assignee::email(&other.email_address).unwrap());
        }
        made.push(tasks.create(&t).await.expect("created").id.task_id);
    }
    let contents = |v: Vec<attio_core::models::Task>| -> Vec<String> {
        v.into_iter().map(|t| t.content_plaintext).collect()
    };

    let all = tasks.query().send().await.unwrap();
    assert_eq!(
        contents(all),
        ["task 0", "task 1", "task 2", "task 3", "task 4", "task 5"]
    );
    let newest = tasks
        .query()
        .sort(TaskSort::CreatedDesc)
        .send()
        .await
        .unwrap();
    assert_eq!(newest[0].id.task_id, made[5]);
    let of_ada = tasks.query().linked_to(&ada).send().await.unwrap();
    assert_eq!(contents(of_ada), ["task 0", "task 2", "task 4"]);
    let open_of_ada = tasks
        .query()
        .linked_to(&ada)
        .completed(false)
        .send()
        .await
        .unwrap();
    assert_eq!(contents(open_of_ada), ["task 2", "task 4"]);
    let owners = tasks.query().assignee(&owner).send().await.unwrap();
    assert_eq!(contents(owners), ["task 0", "task 1"]);
    let by_email = tasks
        .query()
        .assignee(Assignee::email(&other.email_address).unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(contents(by_email), ["task 2", "task 3"]);
    let nobodys = tasks.query().unassigned().send().await.unwrap();
    assert_eq!(contents(nobodys), ["task 4", "task 5"]);
    let done = tasks.query().completed(true).send().await.unwrap();
    assert_eq!(contents(done), ["task 0", "task 3"]);

    // One page of two from the second task; then every task, two per request.
    let page = tasks.query().limit(2).offset(1).send().await.unwrap();
    assert_eq!(contents(page), ["task 1", "task 2"]);
    let reads = emu.stats().read_requests;
    let streamed: Vec<_> = tasks.query().limit(2).stream().try_collect().await.unwrap();
    assert_eq!(streamed.len(), 6);
    assert_eq!(
        emu.stats().read_requests - reads,
        4,
        "2 + 2 + 2 + an empty page"
    );

    // A link by a unique value cannot filter a listing: refused before sending.
    let by_email = RecordRef::<Person>::by_email_address("ada@example.com").unwrap();
    let err = tasks
        .query()
        .linked_to(&by_email)
        .stream()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(err.as_invalid_value().is_some(), "{err}");
    emu.shutdown().await;
}

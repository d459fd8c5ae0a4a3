//! A record's activity timeline, `client.activities(&record)`, against the emulator: its
//! notes, tasks, comment threads and its list entries' threads, newest first, and nothing
//! of another record.

mod common;

use attio_core::models::{Activity, NewComment, NewNote, NewTask};
use attio_core::values::Timestamp;
use attio_core::{AnyRecordRef, RecordRef};
use common::{Person, person, start};
use uuid::Uuid;

fn at(s: &str) -> Timestamp {
    s.parse().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_timeline_merges_every_kind_newest_first() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let bob = person(&client, "bob@example.com").await;
    let me = client
        .identify()
        .await
        .unwrap()
        .authorized_by_workspace_member_id
        .unwrap();
    let entry = common::prospect_entry(&emu, ada.record_id().unwrap()).await;

    // Back-dated items, created out of order; the task is created now, so it is newest.
    let old_note = client
        .notes()
        .create(&NewNote::plaintext(&ada, "First call", "x").created_at(at("2020-01-01T00:00:00Z")))
        .await
        .unwrap();
    let entry_comment = client
        .comments()
        .create(
            &NewComment::on_entry("prospects", entry, me, "Good fit")
                .created_at(at("2022-01-01T00:00:00Z")),
        )
        .await
        .unwrap();
    let record_comment = client
        .comments()
        .create(
            &NewComment::on_record(&ada, me, "Met at the fair")
                .created_at(at("2021-01-01T00:00:00Z")),
        )
        .await
        .unwrap();
    let new_note = client
        .notes()
        .create(
            &NewNote::markdown(&ada, "Demo", "## Went well").created_at(at("2023-01-01T00:00:00Z")),
        )
        .await
        .unwrap();
    let task = client
        .tasks()
        .create(&NewTask::new("Send the contract").linked_to(&ada))
        .await
        .unwrap();

    // Bob's activity stays out of Ada's timeline.
    client
        .notes()
        .create(&NewNote::plaintext(&bob, "Bob", "x"))
        .await
        .unwrap();
    client
        .tasks()
        .create(&NewTask::new("Call Bob").linked_to(&bob))
        .await
        .unwrap();
    client
        .comments()
        .create(&NewComment::on_record(&bob, me, "Bob"))
        .await
        .unwrap();

    let timeline = client.activities(&ada).await.expect("timeline");
    let got: Vec<(&str, Uuid)> = timeline.iter().map(|a| (a.kind(), a.id())).collect();
    assert_eq!(
        got,
        [
            ("task", task.id.task_id),
            ("note", new_note.id.note_id),
            ("thread", entry_comment.thread_id),
            ("thread", record_comment.thread_id),
            ("note", old_note.id.note_id),
        ]
    );
    assert!(timeline.windows(2).all(|w| w[0].at() >= w[1].at()));
    assert_eq!(timeline[4].at(), at("2020-01-01T00:00:00Z"));
    match &timeline[0] {
        Activity::Task(t) => assert_eq!(t.content_plaintext, "Send the contract"),
        other => panic!("expected the task first, got {other:?}"),
    }
    match &timeline[2] {
        Activity::Thread(t) => assert_eq!(t.comments[0].content_plaintext, "Good fit"),
        other => panic!("expected the entry's thread, got {other:?}"),
    }

    // The same through a reference of any object.
    let any = AnyRecordRef::new("people", ada.record_id().unwrap());
    assert_eq!(client.activities_of_any(&any).await.unwrap(), timeline);

    // A record with no activity has an empty timeline; a reference by email is refused.
    let cy = person(&client, "cy@example.com").await;
    assert!(client.activities(&cy).await.unwrap().is_empty());
    let by_email = RecordRef::<Person>::by_email_address("ada@example.com").unwrap();
    let err = client.activities(&by_email).await.unwrap_err();
    assert!(err.as_invalid_value().is_some(), "{err}");
    emu.shutdown().await;
}

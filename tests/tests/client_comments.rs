//! Comment threads and comments, `client.threads()` and `client.comments()`, against the
//! emulator: a thread started on a record, a reply, a thread on a list entry, back-dating,
//! get and delete (the head comment takes its thread along), and the refusals.

mod common;

use attio_core::models::NewComment;
use attio_core::values::Timestamp;
use attio_core::{Client, RecordRef};
use common::{Person, person, start};
use uuid::Uuid;

/// The member the token belongs to: a comment's author.
async fn me(client: &Client) -> Uuid {
    client
        .identify()
        .await
        .expect("identity")
        .authorized_by_workspace_member_id
        .expect("the emulator's token has a member")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comment_starts_a_thread_on_a_record_and_a_reply_joins_it() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let ada_id = ada.record_id().unwrap();
    let me = me(&client).await;

    let when: Timestamp = "2021-03-04T05:06:07Z".parse().unwrap();
    let head = client
        .comments()
        .create(&NewComment::on_record(&ada, me, "Met at the fair").created_at(when))
        .await
        .expect("comment");
    assert_eq!(head.content_plaintext, "Met at the fair");
    assert_eq!(head.created_at, when);
    assert_eq!(head.entry, None);
    assert_eq!(head.record.map(|r| r.record_id), Some(ada_id));
    assert_eq!(head.author.id, Some(me));
    assert_eq!(head.resolved_at, None);
    assert_eq!(head.resolved_by.id, None);

    let reply = client
        .comments()
        .create(&NewComment::reply(head.thread_id, me, "Following up"))
        .await
        .expect("reply");
    assert_eq!(reply.thread_id, head.thread_id);

    let thread = client.threads().get(head.thread_id).await.expect("thread");
    assert_eq!(thread.id.thread_id, head.thread_id);
    let texts: Vec<_> = thread
        .comments
        .iter()
        .map(|c| c.content_plaintext.as_str())
        .collect();
    assert_eq!(texts, ["Met at the fair", "Following up"]);
    assert!(thread.last_activity_at() >= reply.created_at);

    let of_ada = client.threads().of_record(&ada).await.expect("threads");
    assert_eq!(of_ada.len(), 1);
    assert_eq!(of_ada[0], thread);
    assert_eq!(
        client.comments().get(reply.id.comment_id).await.unwrap(),
        reply
    );

    // Deleting a reply keeps the thread; deleting the head comment deletes it.
    client.comments().delete(reply.id.comment_id).await.unwrap();
    assert_eq!(
        client
            .threads()
            .get(head.thread_id)
            .await
            .unwrap()
            .comments
            .len(),
        1
    );
    client.comments().delete(head.id.comment_id).await.unwrap();
    let err = client.threads().get(head.thread_id).await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
    assert!(client.threads().of_record(&ada).await.unwrap().is_empty());
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn threads_of_a_record_page_fifty_at_a_time() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let me = me(&client).await;
    for i in 0..55 {
        client
            .comments()
            .create(&NewComment::on_record(&ada, me, format!("comment {i}")))
            .await
            .expect("comment");
    }
    let reads = emu.stats().read_requests;
    assert_eq!(client.threads().of_record(&ada).await.unwrap().len(), 55);
    assert_eq!(emu.stats().read_requests - reads, 2);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comment_by_a_non_member_or_on_a_missing_record_is_refused() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let err = client
        .comments()
        .create(&NewComment::on_record(&ada, Uuid::new_v4(), "x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    let me = me(&client).await;
    let nobody = RecordRef::<Person>::new(Uuid::new_v4());
    let err = client
        .comments()
        .create(&NewComment::on_record(&nobody, me, "x"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    // By a unique value: Attio needs the record id, so nothing is sent.
    let by_email = RecordRef::<Person>::by_email_address("ada@example.com").unwrap();
    let err = client
        .comments()
        .create(&NewComment::on_record(&by_email, me, "x"))
        .await
        .unwrap_err();
    assert!(err.as_invalid_value().is_some(), "{err}");
    let err = client.comments().get(Uuid::new_v4()).await.unwrap_err();
    assert!(err.is_not_found(), "{err}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_comment_starts_a_thread_on_a_list_entry() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let entry = common::prospect_entry(&emu, ada.record_id().unwrap()).await;
    let me = me(&client).await;
    let c = client
        .comments()
        .create(&NewComment::on_entry("prospects", entry, me, "Good fit"))
        .await
        .expect("comment on an entry");
    assert_eq!(c.entry.map(|e| e.entry_id), Some(entry));
    let threads = client
        .threads()
        .of_entry("prospects", entry)
        .await
        .expect("threads of the entry");
    assert_eq!(threads.len(), 1);
    assert_eq!(threads[0].comments[0], c);
    emu.shutdown().await;
}

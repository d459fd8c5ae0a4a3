//! The notes area, `client.notes()`, against the emulator: create in both formats (both
//! contents read back), back-dating, the checks made before sending, get, the notes of a
//! record, every note as a stream of 50-note pages, delete.

mod common;

use attio_core::models::{NewNote, NoteFormat};
use attio_core::values::Timestamp;
use attio_core::{AnyRecordRef, Error, RecordRef};
use common::{Person, person, start};
use futures_util::TryStreamExt;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn notes_are_created_read_listed_and_deleted() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let ada_id = ada.record_id().unwrap();
    let notes = client.notes();

    let md = notes
        .create(&NewNote::markdown(&ada, "Call", "## Summary\n- liked it"))
        .await
        .expect("markdown note");
    assert_eq!(md.title, "Call");
    assert_eq!(md.parent_object, "people");
    assert_eq!(md.parent_record_id, ada_id);
    assert_eq!(md.content_markdown, "## Summary\n- liked it");
    assert_eq!(md.content_plaintext, "Summary\nliked it");
    assert_eq!(md.meeting_id, None);
    assert!(md.tags.is_empty());

    let when: Timestamp = "2020-02-03T04:05:06.123456789Z".parse().unwrap();
    let plain = notes
        .create(&NewNote::plaintext(&ada, "Lunch", "2 * 3 = 6").created_at(when))
        .await
        .expect("plaintext note");
    assert_eq!(plain.content_plaintext, "2 * 3 = 6");
    assert_eq!(plain.content_markdown, "2 \\* 3 = 6");
    assert_eq!(plain.created_at, when);

    let any = AnyRecordRef::new("people", ada_id);
    let third = notes
        .create(&NewNote::new(any, "Any", NoteFormat::Plaintext, "x"))
        .await
        .expect("note on any record");

    let got = notes.get(md.id.note_id).await.expect("get");
    assert_eq!(got, md);

    // Another record's notes are not listed with Ada's.
    let bob = person(&client, "bob@example.com").await;
    notes
        .create(&NewNote::plaintext(&bob, "Bob", "x"))
        .await
        .unwrap();
    let of_ada = notes.of(&ada).await.expect("notes of Ada");
    let mut ids: Vec<_> = of_ada.iter().map(|n| n.id.note_id).collect();
    ids.sort();
    let mut want = vec![md.id.note_id, plain.id.note_id, third.id.note_id];
    want.sort();
    assert_eq!(ids, want);

    notes.delete(md.id.note_id).await.expect("delete");
    let gone = notes.get(md.id.note_id).await.unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
    assert_eq!(notes.of(&ada).await.unwrap().len(), 2);
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_note_without_a_title_or_without_a_parent_id_is_refused_before_sending() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let before = emu.stats();

    let err = client
        .notes()
        .create(&NewNote::markdown(&ada, "", "body"))
        .await
        .unwrap_err();
    let e = err.as_invalid_value().expect("refused client-side");
    assert_eq!(e.kind, "note title");

    let by_email = RecordRef::<Person>::by_email_address("ada@example.com").unwrap();
    let err = client
        .notes()
        .create(&NewNote::plaintext(&by_email, "Call", "x"))
        .await
        .unwrap_err();
    let e = err.as_invalid_value().expect("refused client-side");
    assert_eq!(e.kind, "note parent");
    assert!(e.reason.contains("record's id"), "{err}");
    let err = client.notes().of(&by_email).await.unwrap_err();
    assert!(matches!(err, Error::InvalidValue(_)), "{err}");

    let after = emu.stats();
    assert_eq!(
        (after.read_requests, after.write_requests),
        (before.read_requests, before.write_requests),
        "nothing was sent"
    );
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_parent_or_note_is_attios_404() {
    let (emu, client) = start().await;
    let nobody = RecordRef::<Person>::new(uuid::Uuid::new_v4());
    let err = client
        .notes()
        .create(&NewNote::plaintext(&nobody, "Call", "x"))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    let err = client
        .notes()
        .delete(uuid::Uuid::new_v4())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    emu.shutdown().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_note_streams_in_pages_of_fifty() {
    let (emu, client) = start().await;
    let ada = person(&client, "ada@example.com").await;
    let bob = person(&client, "bob@example.com").await;
    for i in 0..120 {
        let parent = if i % 2 == 0 { &ada } else { &bob };
        client
            .notes()
            .create(&NewNote::plaintext(parent, format!("note {i}"), "x"))
            .await
            .expect("note created");
    }
    let reads = emu.stats().read_requests;
    let all: Vec<_> = client.notes().all().try_collect().await.expect("stream");
    assert_eq!(all.len(), 120);
    let mut titles: Vec<_> = all.iter().map(|n| n.title.clone()).collect();
    titles.sort();
    titles.dedup();
    assert_eq!(titles.len(), 120, "each note once");
    assert_eq!(
        emu.stats().read_requests - reads,
        3,
        "pages of 50, 50 and 20"
    );

    // A record's notes page the same way: 60 of them take two requests.
    let reads = emu.stats().read_requests;
    assert_eq!(client.notes().of(&ada).await.unwrap().len(), 60);
    assert_eq!(emu.stats().read_requests - reads, 2);
    emu.shutdown().await;
}

//! Merging records (`client.merge::<T>(primary, secondary)`) against the emulator: the
//! values kept, the new id, the originals gone, what pointed at them moved, and the 202 path
//! (the new record answering `merge_in_progress` until the merge has applied).

mod common;

use attio_core::models::NewNote;
use attio_core::values::{EmailAddress, PersonalName};
use attio_core::{ErrorCode, RecordRef};
use common::*;

fn someone(email: &str, name: Option<(&str, &str)>, job: Option<&str>) -> Person {
    Person {
        email_addresses: vec![EmailAddress::new(email).unwrap()],
        name: name.map(|(f, l)| PersonalName::new(f, l)),
        description: None,
        job_title: job.map(str::to_owned),
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    }
}

#[tokio::test]
async fn the_primary_wins_and_the_secondary_fills_the_gaps() {
    let (emu, client) = start().await;
    let kept = client
        .create(&someone(
            "ada@merge.example",
            Some(("Ada", "Lovelace")),
            None,
        ))
        .await
        .unwrap();
    let duplicate = client
        .create(&someone(
            "ada.l@merge.example",
            Some(("A.", "Lovelace")),
            Some("Analyst"),
        ))
        .await
        .unwrap();
    let note = client
        .notes()
        .create(&NewNote::plaintext(
            &RecordRef::<Person>::new(duplicate.id.record_id),
            "Call",
            "Liked the engine.",
        ))
        .await
        .unwrap();

    let merged = client
        .merge::<Person>(kept.id.record_id, duplicate.id.record_id)
        .await
        .unwrap();
    let new_id = merged.id.record_id;
    assert_ne!(new_id, kept.id.record_id);
    assert_ne!(new_id, duplicate.id.record_id);
    // The primary's name and email address win; its empty job title is filled.
    let name = merged.values.name.as_ref().unwrap();
    assert_eq!(name.first_name, "Ada");
    assert_eq!(
        merged.values.email_addresses,
        vec![EmailAddress::new("ada@merge.example").unwrap()]
    );
    assert_eq!(merged.values.job_title.as_deref(), Some("Analyst"));
    assert_eq!(emu.record_count("people"), 1);

    // Both originals are gone; the note moved to the new record.
    for old in [kept.id.record_id, duplicate.id.record_id] {
        let err = client.get::<Person>(old).await.unwrap_err();
        assert!(err.is_not_found(), "{err}");
    }
    let notes = client
        .notes()
        .of(&RecordRef::<Person>::new(new_id))
        .await
        .unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].id.note_id, note.id.note_id);

    // A merge is not repeatable: the originals are unknown now.
    let err = client
        .merge::<Person>(kept.id.record_id, duplicate.id.record_id)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404), "{err}");
}

#[tokio::test]
async fn a_merge_still_applying_is_waited_for() {
    let (emu, client) = start().await;
    let a = client
        .create(&someone("bo@merge.example", None, Some("Ops")))
        .await
        .unwrap();
    let b = client
        .create(&someone("bo2@merge.example", Some(("Bo", "Diddley")), None))
        .await
        .unwrap();
    // Attio answers 202; the new record reads as 404 merge_in_progress three times.
    emu.set_merge_reads_in_progress(3);
    let reads_before = emu.stats().read_requests;
    let merged = client
        .merge::<Person>(a.id.record_id, b.id.record_id)
        .await
        .unwrap();
    assert_eq!(merged.values.job_title.as_deref(), Some("Ops"));
    assert_eq!(merged.values.name.unwrap().last_name, "Diddley");
    // Three reads answered merge_in_progress, the fourth the record.
    assert_eq!(emu.stats().read_requests - reads_before, 4);

    // While a merge applies, a read says so (a 404 that is not "gone") and a write is
    // refused with 400.
    emu.set_merge_reads_in_progress(1);
    let c = client
        .create(&someone("cy@merge.example", None, None))
        .await
        .unwrap();
    let new_id = client
        .request(attio_core::Method::POST, "/v2/objects/people/records/merge")
        .json(&serde_json::json!({"data": {
            "primary_record_id": merged.id.record_id,
            "secondary_record_id": c.id.record_id,
        }}))
        .send_json::<serde_json::Value>()
        .await
        .unwrap()["data"]["new_record_id"]
        .as_str()
        .unwrap()
        .parse::<uuid::Uuid>()
        .unwrap();
    let update = PersonUpdate::default().job_title(Some("CEO".to_owned()));
    let err = client.update(new_id, &update).await.unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some(&ErrorCode::MergeInProgress));
    let err = client.get::<Person>(new_id).await.unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.code(), Some(&ErrorCode::MergeInProgress));
    assert!(!err.is_not_found(), "{err}");
    let read = client.get::<Person>(new_id).await.unwrap();
    assert_eq!(read.values.job_title.as_deref(), Some("Ops"));
}

#[tokio::test]
async fn merges_attio_refuses() {
    let (_emu, client) = start().await;
    let a = client
        .create(&someone("di@merge.example", None, None))
        .await
        .unwrap();
    let err = client
        .merge::<Person>(a.id.record_id, a.id.record_id)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.code(), Some(&ErrorCode::SelfMerge));
    let err = client
        .merge::<Person>(a.id.record_id, uuid::Uuid::new_v4())
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    // Nothing was merged.
    client.get::<Person>(a.id.record_id).await.unwrap();
}

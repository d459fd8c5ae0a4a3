//! `client.webhooks()` against the emulator: create (with the secret, once), every page of
//! the list, get, update, delete; and `client.get_from_event` from a record event.

mod common;

use attio_core::models::{
    Condition, NewWebhook, Subscription, SubscriptionFilter, WebhookStatus, WebhookUpdate,
};
use attio_core::webhook::{Event, EventType, WebhookError};
use attio_core::{AttioRecord, Error};
use futures_util::TryStreamExt;
use uuid::Uuid;

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    name: Option<attio_core::values::PersonalName>,
}

#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "companies")]
struct Company {
    name: Option<String>,
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manage_webhooks() {
    let (_emu, client) = common::start().await;
    let hooks = client.webhooks();
    let object = Uuid::new_v4();
    let new = NewWebhook::new("https://example.com/attio")
        .subscribe(EventType::RecordCreated)
        .subscribe_filtered(
            EventType::RecordUpdated,
            SubscriptionFilter::all([Condition::equals("id.object_id", object)]),
        );
    let created = hooks.create(&new).await.expect("create");
    assert_eq!(created.secret.len(), 64);
    assert!(!format!("{created:?}").contains(&created.secret));
    assert_eq!(created.status, WebhookStatus::Active);
    assert_eq!(created.subscriptions, new.subscriptions);
    let id = created.id.webhook_id;

    let got = hooks.get(id).await.expect("get");
    assert_eq!(got, created.webhook);

    for i in 0..11 {
        hooks
            .create(&NewWebhook::new(format!("https://example.com/{i}")))
            .await
            .expect("create");
    }
    let all = hooks.all().await.expect("all");
    assert_eq!(all.len(), 12);
    let small_pages: Vec<_> = hooks.stream(10).try_collect().await.expect("stream");
    assert_eq!(small_pages, all);

    let updated = hooks
        .update(
            id,
            &WebhookUpdate::default()
                .target_url("http://127.0.0.1:9/hook")
                .subscriptions([Subscription::new(EventType::NoteCreated)]),
        )
        .await
        .expect("update");
    assert_eq!(updated.target_url, "http://127.0.0.1:9/hook");
    assert_eq!(
        updated.subscriptions,
        [Subscription::new(EventType::NoteCreated)]
    );

    hooks.delete(id).await.expect("delete");
    let err = hooks.get(id).await.unwrap_err();
    assert!(err.is_not_found(), "{err}");

    let err = hooks
        .create(&NewWebhook::new("http://example.com/attio"))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn get_from_event_checks_the_object() {
    let (_emu, client) = common::start().await;
    let person = Person {
        name: Some(attio_core::values::PersonalName::new("Ada", "Lovelace")),
    };
    let record = client.create(&person).await.expect("create");
    let event = |object_id: Uuid| Event::RecordUpdated {
        workspace_id: record.id.workspace_id,
        object_id,
        record_id: record.id.record_id,
        attribute_id: Uuid::new_v4(),
        actor: attio_core::values::Actor {
            actor_type: None,
            id: None,
        },
    };
    let fetched = client
        .get_from_event::<Person>(&event(record.id.object_id))
        .await
        .expect("fetched");
    assert_eq!(fetched.values, person);

    // The event says another object than the fetched record's.
    let other = Uuid::new_v4();
    let err = client
        .get_from_event::<Person>(&event(other))
        .await
        .unwrap_err();
    assert!(
        matches!(err, Error::Webhook(WebhookError::OtherObject { event_object_id, .. }) if event_object_id == other),
        "{err}"
    );
    // A record of people is not a company.
    let err = client
        .get_from_event::<Company>(&event(record.id.object_id))
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    // A task event names no record.
    let task = Event::TaskCreated {
        workspace_id: record.id.workspace_id,
        task_id: Uuid::new_v4(),
        actor: attio_core::values::Actor {
            actor_type: None,
            id: None,
        },
    };
    let err = client.get_from_event::<Person>(&task).await.unwrap_err();
    assert!(
        matches!(err, Error::Webhook(WebhookError::NotARecordEvent { .. })),
        "{err}"
    );
}

/// The axum extractor over a real server: 200 for a good signature, 401 for a missing or
/// wrong one, 400 for a signed body that is not a delivery.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_axum_extractor_verifies_then_decodes() {
    use attio_core::webhook::{self, Verified, WebhookSecret};
    use axum::routing::post;

    async fn handle(v: Verified) -> String {
        format!(
            "{} event(s), key {}",
            v.delivery.events.len(),
            v.idempotency_key.unwrap_or_default()
        )
    }
    let secret = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";
    let app = axum::Router::new()
        .route("/hook", post(handle))
        .with_state(WebhookSecret::new(secret));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/hook", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });

    let body = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../fixtures/webhooks/multi-event.json"
    ))
    .unwrap();
    let http = reqwest::Client::new();
    let send = |headers: Vec<(&'static str, String)>, body: Vec<u8>| {
        let mut rb = http.post(&url).body(body);
        for (k, v) in headers {
            rb = rb.header(k, v);
        }
        async move {
            let r = rb.send().await.unwrap();
            (r.status().as_u16(), r.text().await.unwrap())
        }
    };
    let good = webhook::sign(secret, &body);
    let (status, text) = send(
        vec![
            ("Attio-Signature", good.clone()),
            ("Idempotency-Key", "k-1".into()),
        ],
        body.clone(),
    )
    .await;
    assert_eq!((status, text.as_str()), (200, "3 event(s), key k-1"));
    let (status, _) = send(
        vec![("X-Attio-Signature", good.to_uppercase())],
        body.clone(),
    )
    .await;
    assert_eq!(status, 200);

    let (status, text) = send(vec![], body.clone()).await;
    assert_eq!(status, 401, "{text}");
    let other = webhook::sign("another secret", &body);
    let (status, _) = send(vec![("Attio-Signature", other)], body.clone()).await;
    assert_eq!(status, 401);
    let mut altered = body.clone();
    altered.push(b' ');
    let (status, _) = send(vec![("Attio-Signature", good)], altered).await;
    assert_eq!(status, 401);

    let not_a_delivery = br#"{"events":"no"}"#.to_vec();
    let signed = webhook::sign(secret, &not_a_delivery);
    let (status, text) = send(vec![("Attio-Signature", signed)], not_a_delivery).await;
    assert_eq!(status, 400, "{text}");
}

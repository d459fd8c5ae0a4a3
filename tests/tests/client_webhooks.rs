//! `client.webhooks()` against the emulator: create (with the secret, once), every page of
//! the list, get, update, delete; and `client.get_from_event` from a record event.

use attio_core::models::{
    Condition, NewWebhook, Subscription, SubscriptionFilter, WebhookStatus, WebhookUpdate,
};
use attio_core::webhook::{Event, EventType, WebhookError};
use attio_core::{AttioRecord, Client, Error, RetryPolicy};
use attio_emulator::Emulator;
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

async fn setup() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    (emu, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn manage_webhooks() {
    let (_emu, client) = setup().await;
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
    let (_emu, client) = setup().await;
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

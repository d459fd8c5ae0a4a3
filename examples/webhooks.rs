//! Webhooks end to end: start a small axum server on loopback, subscribe it to person
//! events, create and update a person, receive the signed deliveries (the `Verified`
//! extractor checks each signature over the raw body and decodes the typed events), print
//! them, and fetch the person an event names into the typed model.
//!
//! ```text
//! cargo run --example webhooks                      # against the in-process emulator
//! ATTIO_API_KEY=... ATTIO_WEBHOOK_URL=https://<public URL forwarding to port 3000> \
//!     cargo run --example webhooks                  # against your Attio workspace
//! ```
//!
//! Attio only delivers to public https URLs, so against the real API the server listens on
//! `ATTIO_WEBHOOK_PORT` (default 3000) behind the public `ATTIO_WEBHOOK_URL` (a tunnel).
//! The emulator delivers to the loopback server directly.

use std::error::Error;
use std::process::ExitCode;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use attio_core::models::NewWebhook;
use attio_core::values::{EmailAddress, PersonalName};
use attio_core::webhook::{Dedup, Event, EventType, Verified, WebhookSecret};
use attio_core::{AttioRecord, Client};
use axum::extract::State;
use axum::routing::post;
use tokio::sync::mpsc;
use uuid::Uuid;

/// `people`: the attributes this example writes and prints.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Person {
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    job_title: Option<String>,
}

/// What the handler shares: the secret (for `Verified`), the redeliveries seen, and where
/// the events go.
#[derive(Clone)]
struct Receiver {
    secret: WebhookSecret,
    seen: Arc<Mutex<Dedup>>,
    events: mpsc::UnboundedSender<Event>,
}

impl axum::extract::FromRef<Receiver> for WebhookSecret {
    fn from_ref(r: &Receiver) -> WebhookSecret {
        r.secret.clone()
    }
}

/// The webhook handler: a delivery whose signature does not verify never gets here (401).
async fn receive(State(r): State<Receiver>, verified: Verified) -> &'static str {
    let first = match &verified.idempotency_key {
        Some(key) => r.seen.lock().expect("not poisoned").first_time(key),
        None => true,
    };
    if first {
        for event in verified.delivery.events {
            let _ = r.events.send(event);
        }
    }
    "ok"
}

#[tokio::main]
async fn main() -> ExitCode {
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Where the server listens, and the URL Attio posts to.
async fn listen(client: &Client) -> Result<(tokio::net::TcpListener, String), Box<dyn Error>> {
    let local = client.base_url().starts_with("http://127.0.0.1")
        || client.base_url().starts_with("http://localhost");
    if local {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
        let url = format!("http://{}/attio", listener.local_addr()?);
        return Ok((listener, url));
    }
    let url = std::env::var("ATTIO_WEBHOOK_URL").map_err(|_| {
        "set ATTIO_WEBHOOK_URL to a public https URL that forwards to this machine's port \
         ATTIO_WEBHOOK_PORT (default 3000): Attio only delivers to public https URLs"
    })?;
    let port: u16 = std::env::var("ATTIO_WEBHOOK_PORT")
        .ok()
        .and_then(|p| p.parse().ok())
        .unwrap_or(3000);
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port)).await?;
    Ok((listener, url))
}

/// Prints one event, typed.
fn show(event: &Event) {
    let actor = event
        .actor()
        .and_then(|a| a.actor_type.as_ref())
        .map_or("unknown", |t| t.as_str());
    match event {
        Event::RecordCreated {
            record_id,
            object_id,
            ..
        } => {
            println!(
                "received record.created: record {record_id} in object {object_id}, by {actor}"
            )
        }
        Event::RecordUpdated {
            record_id,
            attribute_id,
            ..
        } => {
            println!(
                "received record.updated: record {record_id}, attribute {attribute_id}, by {actor}"
            )
        }
        Event::RecordDeleted { record_id, .. } => {
            println!("received record.deleted: record {record_id}, by {actor}")
        }
        other => println!("received {}", other.event_type()),
    }
}

/// Waits (up to 30 s) for an event of `event_type` about `record_id`, printing each event
/// that arrives, and returns it.
async fn wait_for(
    events: &mut mpsc::UnboundedReceiver<Event>,
    event_type: EventType,
    record_id: Uuid,
) -> Result<Event, Box<dyn Error>> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let event = tokio::time::timeout_at(deadline, events.recv())
            .await
            .map_err(|_| format!("no {event_type} event for {record_id} within 30 s"))?
            .ok_or("the webhook server stopped")?;
        show(&event);
        if event.event_type() == event_type && event.record().map(|(_, r)| r) == Some(record_id) {
            return Ok(event);
        }
    }
}

async fn run() -> Result<(), Box<dyn Error>> {
    let attio = attio_examples::connect(
        "creates a webhook for person events and a person ada.webhooks@example.com, then deletes both",
    )
    .await?;
    let client = &attio.client;

    let (listener, url) = listen(client).await?;
    let new = NewWebhook::new(&url)
        .subscribe(EventType::RecordCreated)
        .subscribe(EventType::RecordUpdated)
        .subscribe(EventType::RecordDeleted);
    let webhook = client.webhooks().create(&new).await?;
    println!(
        "created webhook {} -> {url} ({} subscriptions, secret of {} characters)",
        webhook.id,
        webhook.subscriptions.len(),
        webhook.secret.len()
    );

    let (tx, mut events) = mpsc::unbounded_channel();
    let state = Receiver {
        secret: WebhookSecret::new(webhook.secret.clone()),
        seen: Arc::new(Mutex::new(Dedup::new(10_000))),
        events: tx,
    };
    let app = axum::Router::new()
        .route("/attio", post(receive))
        .with_state(state);
    let server = tokio::spawn(async move { axum::serve(listener, app).await });

    let result = async {
        let ada = Person {
            email_addresses: vec![EmailAddress::new("ada.webhooks@example.com")?],
            name: Some(PersonalName::new("Ada", "Lovelace")),
            job_title: Some("Analyst".into()),
        };
        let created = client.create(&ada).await?;
        let id = created.id.record_id;
        println!("created person {id}");
        let event = wait_for(&mut events, EventType::RecordCreated, id).await?;
        let fetched = client.get_from_event::<Person>(&event).await?;
        println!(
            "fetched person {} from the event: {} ({})",
            fetched.id,
            fetched
                .values
                .name
                .as_ref()
                .map_or("", |n| n.full_name.as_str()),
            fetched.values.job_title.as_deref().unwrap_or("")
        );

        let update = PersonUpdate::default().job_title(Some("Head of Analysis".into()));
        client.update(id, &update).await?;
        println!("updated person {id}: job_title Head of Analysis");
        let event = wait_for(&mut events, EventType::RecordUpdated, id).await?;
        let fetched = client.get_from_event::<Person>(&event).await?;
        println!(
            "fetched person {} from the event: job_title {}",
            fetched.id,
            fetched.values.job_title.as_deref().unwrap_or("")
        );

        client.delete::<Person>(id).await?;
        println!("deleted person {id}");
        wait_for(&mut events, EventType::RecordDeleted, id).await?;
        Ok::<(), Box<dyn Error>>(())
    }
    .await;

    client.webhooks().delete(webhook.id.webhook_id).await?;
    println!("deleted webhook {}", webhook.id);
    server.abort();
    result
}

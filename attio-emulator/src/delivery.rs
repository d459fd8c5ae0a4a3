//! Webhook deliveries: the events the writes queued are matched against each webhook's
//! subscriptions and filters and POSTed, one event per delivery, signed, with an
//! `Idempotency-Key` that stays the same across retries. A failed delivery (no 2xx within
//! 5 s) is retried after each delay of the schedule; when they run out the webhook turns
//! `degraded`. Each webhook's deliveries are sent one after the other, in the order of
//! the writes.
//!
//! Only loopback hosts are ever contacted: a delivery for any other host is kept (see
//! [`WebhookDelivery`]) but never sent, so no test sends data off the machine.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use hmac::{Hmac, Mac};
use serde_json::json;
use sha2::Sha256;
use tokio::sync::mpsc::{UnboundedSender, unbounded_channel};
use uuid::Uuid;

use crate::store::Store;
use crate::store::webhooks::{is_loopback, receivers, set_status};

/// How long a target has to answer one attempt.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(5);

/// The default retry schedule: 10 retries, from 50 ms doubling up to 1 s (Attio spreads
/// its 10 retries over about 3 days).
pub(crate) fn default_retry_delays() -> Vec<Duration> {
    (0..10)
        .map(|i| Duration::from_millis((50u64 << i).min(1000)))
        .collect()
}

/// Where a delivery stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeliveryOutcome {
    /// Being sent, or waiting for a retry.
    Pending,
    /// The target answered 2xx.
    Delivered,
    /// Every attempt failed; the webhook turned `degraded`.
    Failed,
    /// The target is not a loopback host: the delivery was kept, never sent.
    NotContacted,
}

/// One delivery (one event for one webhook), as kept for inspection by
/// [`Emulator::webhook_deliveries`](crate::Emulator::webhook_deliveries).
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct WebhookDelivery {
    /// The webhook.
    pub webhook_id: Uuid,
    /// Where it is (or would be) POSTed.
    pub target_url: String,
    /// The `Idempotency-Key` header, the same on every attempt.
    pub idempotency_key: String,
    /// The body, `{"webhook_id":…,"events":[event]}`, the same bytes on every attempt.
    pub body: String,
    /// The `Attio-Signature` (and `X-Attio-Signature`) header: hex HMAC-SHA256 of the body.
    pub signature: String,
    /// Each attempt: the target's HTTP status, or what went wrong.
    pub attempts: Vec<Result<u16, String>>,
    /// Where it stands.
    pub outcome: DeliveryOutcome,
}

/// The delivery queue and the record of every delivery.
pub(crate) struct Deliveries {
    store: Arc<Store>,
    http: reqwest::Client,
    retry_delays: Vec<Duration>,
    log: Mutex<Vec<WebhookDelivery>>,
    in_flight: AtomicUsize,
    /// Each webhook's queue: its deliveries (their index in the log), sent in order.
    queues: Mutex<HashMap<Uuid, UnboundedSender<(usize, WebhookDelivery)>>>,
}

fn sign(secret: &str, body: &[u8]) -> String {
    let mut mac =
        Hmac::<Sha256>::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    hex::encode(mac.finalize().into_bytes())
}

impl Deliveries {
    pub(crate) fn new(store: Arc<Store>, retry_delays: Vec<Duration>) -> Arc<Self> {
        Arc::new(Deliveries {
            store,
            http: reqwest::Client::builder()
                .timeout(ATTEMPT_TIMEOUT)
                .no_proxy()
                .build()
                .unwrap_or_default(),
            retry_delays,
            log: Mutex::new(Vec::new()),
            in_flight: AtomicUsize::new(0),
            queues: Mutex::new(HashMap::new()),
        })
    }

    /// Delivers the events of every write, until aborted.
    pub(crate) fn spawn(self: &Arc<Self>) -> tokio::task::JoinHandle<()> {
        let me = Arc::clone(self);
        tokio::spawn(async move {
            loop {
                me.store.next_write().await;
                me.drain();
            }
        })
    }

    fn log(&self) -> std::sync::MutexGuard<'_, Vec<WebhookDelivery>> {
        self.log.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the queued events and starts their deliveries.
    fn drain(self: &Arc<Self>) {
        let mut st = self.store.write();
        if st.outbox.is_empty() {
            return;
        }
        let events = std::mem::take(&mut st.outbox);
        for event in events {
            for w in receivers(&st, &event) {
                let body = json!({"webhook_id": w.id.to_string(), "events": [event.clone()]});
                let body = serde_json::to_string(&body).unwrap_or_default();
                let contact = is_loopback(&w.target_url);
                let delivery = WebhookDelivery {
                    webhook_id: w.id,
                    target_url: w.target_url.clone(),
                    idempotency_key: Uuid::new_v4().to_string(),
                    signature: sign(&w.secret, body.as_bytes()),
                    body,
                    attempts: Vec::new(),
                    outcome: if contact {
                        DeliveryOutcome::Pending
                    } else {
                        DeliveryOutcome::NotContacted
                    },
                };
                let mut log = self.log();
                log.push(delivery.clone());
                if contact {
                    // Counted before the store's lock is released, so that a waiter who
                    // sees an empty outbox also sees this delivery.
                    self.in_flight.fetch_add(1, Ordering::SeqCst);
                    let index = log.len() - 1;
                    self.enqueue(index, delivery);
                }
            }
        }
    }

    /// Puts a delivery on its webhook's queue, starting the queue's sender if needed.
    fn enqueue(self: &Arc<Self>, index: usize, delivery: WebhookDelivery) {
        let mut queues = self.queues.lock().unwrap_or_else(|e| e.into_inner());
        let queue = queues.entry(delivery.webhook_id).or_insert_with(|| {
            let (tx, mut rx) = unbounded_channel::<(usize, WebhookDelivery)>();
            let me = Arc::clone(self);
            tokio::spawn(async move {
                while let Some((index, d)) = rx.recv().await {
                    Arc::clone(&me).send(index, d).await;
                }
            });
            tx
        });
        if queue.send((index, delivery)).is_err() {
            // The emulator is stopping.
            self.in_flight.fetch_sub(1, Ordering::SeqCst);
        }
    }

    /// Ends every queue's sender once its queue is sent (the emulator is stopping).
    pub(crate) fn close(&self) {
        self.queues
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clear();
    }

    /// Sends one delivery, retrying on the schedule; the webhook turns `degraded` when
    /// the retries run out.
    async fn send(self: Arc<Self>, index: usize, d: WebhookDelivery) {
        let mut delays = self.retry_delays.iter();
        let outcome = loop {
            let attempt = self
                .http
                .post(&d.target_url)
                .header("Content-Type", "application/json")
                .header("Attio-Signature", &d.signature)
                .header("X-Attio-Signature", &d.signature)
                .header("Idempotency-Key", &d.idempotency_key)
                .header("User-Agent", "Attio 2.0 (attio-emulator)")
                .body(d.body.clone())
                .send()
                .await;
            let result = attempt
                .map(|r| r.status().as_u16())
                .map_err(|e| e.to_string());
            let ok = matches!(result, Ok(200..=299));
            if let Some(entry) = self.log().get_mut(index) {
                entry.attempts.push(result);
            }
            if ok {
                break DeliveryOutcome::Delivered;
            }
            match delays.next() {
                Some(delay) => tokio::time::sleep(*delay).await,
                None => {
                    set_status(&mut self.store.write(), d.webhook_id, "degraded");
                    break DeliveryOutcome::Failed;
                }
            }
        };
        if let Some(entry) = self.log().get_mut(index) {
            entry.outcome = outcome;
        }
        self.in_flight.fetch_sub(1, Ordering::SeqCst);
    }

    /// Waits until every queued event is delivered or given up.
    pub(crate) async fn settled(self: &Arc<Self>) {
        loop {
            self.drain();
            let queued = !self.store.read().outbox.is_empty();
            if !queued && self.in_flight.load(Ordering::SeqCst) == 0 {
                return;
            }
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
    }

    /// Every delivery so far, in the order queued.
    pub(crate) fn deliveries(&self) -> Vec<WebhookDelivery> {
        self.log().clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signatures_are_hex_hmac_sha256_of_the_body() {
        // RFC 4231 test case 2.
        assert_eq!(
            sign("Jefe", b"what do ya want for nothing?"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }

    #[test]
    fn the_default_schedule_is_ten_short_retries() {
        let d = default_retry_delays();
        assert_eq!(d.len(), 10);
        assert_eq!(d[0], Duration::from_millis(50));
        assert_eq!(d[9], Duration::from_secs(1));
    }
}

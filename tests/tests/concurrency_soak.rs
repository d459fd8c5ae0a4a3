//! Concurrency soak against the emulator with Attio's limits (100 reads/s, 25 writes/s):
//! 20 creates of one unique email at once store exactly one record and give every other
//! caller a `uniqueness_conflict`; 8 clones of one client on 8 tasks, mixing reads and
//! writes at the budget for 10 seconds, meet no 429 and report the result of every call
//! they start.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use attio_core::values::EmailAddress;
use attio_core::{Client, Error, ErrorCode};
use attio_emulator::Emulator;
use common::{Person, PersonUpdate};
use tokio::sync::Barrier;
use tokio::time::Instant;

/// A person holding only `email`.
fn person(email: &str) -> Person {
    Person {
        email_addresses: vec![EmailAddress::new(email).expect("valid email")],
        name: None,
        description: None,
        job_title: None,
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    }
}

/// An emulator with Attio's limits, and a client with Attio's budgets.
async fn attio() -> (Emulator, Client) {
    let emu = Emulator::start().await.expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .build()
        .expect("client builds");
    (emu, client)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn twenty_creates_of_one_unique_email_store_one_record() {
    let (emu, client) = attio().await;
    let start = Arc::new(Barrier::new(20));
    let tasks: Vec<_> = (0..20)
        .map(|_| {
            let client = client.clone();
            let start = Arc::clone(&start);
            tokio::spawn(async move {
                start.wait().await;
                client.create(&person("same@example.com")).await
            })
        })
        .collect();
    let mut stored = Vec::new();
    let mut conflicts = 0;
    for task in tasks {
        match task.await.expect("task ends") {
            Ok(record) => stored.push(record.id.record_id),
            Err(Error::Api(e)) if e.code == ErrorCode::UniquenessConflict => {
                assert_eq!(e.status, 400, "{e}");
                conflicts += 1;
            }
            Err(other) => panic!("neither stored nor a uniqueness conflict: {other}"),
        }
    }
    assert_eq!(stored.len(), 1, "exactly one create stored");
    assert_eq!(conflicts, 19);
    assert_eq!(emu.record_count("people"), 1);
    let holders = client
        .query::<Person>()
        .filter(|p| p.email_addresses.eq("same@example.com"))
        .send()
        .await
        .expect("query");
    assert_eq!(holders.len(), 1);
    assert_eq!(holders[0].id.record_id, stored[0]);
    assert_eq!(emu.stats().total_429(), 0);
}

/// Calls started and results seen, across the tasks.
#[derive(Default)]
struct Tally {
    started: AtomicU64,
    ok: AtomicU64,
    failed: AtomicU64,
    writes: AtomicU64,
    reads: AtomicU64,
}

impl Tally {
    /// Counts a call before it starts, runs it, and counts its result.
    async fn call<R>(
        &self,
        write: bool,
        call: impl std::future::Future<Output = Result<R, Error>>,
    ) -> Option<R> {
        self.started.fetch_add(1, Ordering::SeqCst);
        let kind = if write { &self.writes } else { &self.reads };
        kind.fetch_add(1, Ordering::SeqCst);
        match call.await {
            Ok(r) => {
                self.ok.fetch_add(1, Ordering::SeqCst);
                Some(r)
            }
            Err(e) => {
                self.failed.fetch_add(1, Ordering::SeqCst);
                eprintln!("call failed: {e}");
                None
            }
        }
    }
}

/// One task's loop until `until`: a create, then reads of it and of a query, an update,
/// more reads (2 writes and 8 reads a round, about the ratio of the two budgets).
async fn mix(client: Client, task: usize, until: Instant, tally: Arc<Tally>) {
    let mut round = 0;
    while Instant::now() < until {
        let email = format!("soak-{task}-{round}@example.com");
        let created = tally.call(true, client.create(&person(&email))).await;
        let Some(id) = created.map(|r| r.id.record_id) else {
            round += 1;
            continue;
        };
        for step in 0..8 {
            if step == 4 {
                let update = PersonUpdate::default().job_title(Some(format!("round {round}")));
                tally.call(true, client.update(id, &update)).await;
            }
            if step % 3 == 2 {
                let query = client
                    .query::<Person>()
                    .filter(|p| p.email_addresses.eq(email.as_str()))
                    .limit(5);
                tally.call(false, query.send()).await;
            } else {
                tally.call(false, client.get::<Person>(id)).await;
            }
        }
        round += 1;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_clones_at_the_budget_for_ten_seconds_meet_no_429() {
    let (emu, client) = attio().await;
    let tally = Arc::new(Tally::default());
    let until = Instant::now() + Duration::from_secs(10);
    let tasks: Vec<_> = (0..8)
        .map(|task| tokio::spawn(mix(client.clone(), task, until, Arc::clone(&tally))))
        .collect();
    for task in tasks {
        task.await.expect("task ends");
    }
    let stats = emu.stats();
    let (started, ok, failed) = (
        tally.started.load(Ordering::SeqCst),
        tally.ok.load(Ordering::SeqCst),
        tally.failed.load(Ordering::SeqCst),
    );
    eprintln!(
        "{started} calls ({} writes, {} reads), {ok} ok, {failed} failed; emulator: {} writes, {} reads, {} 429s",
        tally.writes.load(Ordering::SeqCst),
        tally.reads.load(Ordering::SeqCst),
        stats.write_requests,
        stats.read_requests,
        stats.total_429()
    );
    assert_eq!(ok + failed, started, "every call's result reported");
    assert_eq!(failed, 0, "no call failed");
    assert_eq!(
        stats.total_429(),
        0,
        "the budget kept every request under the limits"
    );
    // The calls reached the emulator one request each (no retries were needed).
    assert_eq!(
        stats.read_requests + stats.write_requests,
        started,
        "one request per call"
    );
    assert!(tally.writes.load(Ordering::SeqCst) > 0 && tally.reads.load(Ordering::SeqCst) > 0);
}

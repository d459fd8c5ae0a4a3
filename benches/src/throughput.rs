//! Shared pieces of the throughput programs (`src/bin/export.rs`, `src/bin/bulk_latency.rs`):
//! the models they write and read, the schema they need, the peak RSS of the process, and
//! an emulator with Attio's limits and a round trip added to every request.

use std::time::Duration;

use attio_core::models::{NewAttribute, NewList, NewObject, Target};
use attio_core::values::EmailAddress;
use attio_core::{AttioEntry, AttioRecord, AttributeType, Client, RateLimits};
use attio_emulator::{Emulator, FaultRates, Faults};

/// A record of `bench_items`: a short text and a number.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "bench_items")]
pub struct Item {
    /// A short text.
    pub title: Option<String>,
    /// Its number.
    pub n: Option<f64>,
}

impl Item {
    /// The `i`th item.
    pub fn numbered(i: usize) -> Self {
        Item {
            title: Some(format!("item number {i} with some text")),
            n: Some(i as f64),
        }
    }
}

/// A person with a unique email and a job title.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
pub struct Contact {
    /// The unique email.
    #[attio(unique)]
    pub email_addresses: Vec<EmailAddress>,
    /// A text to update.
    pub job_title: Option<String>,
}

/// An entry of the `bench_list` list of people.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "bench_list")]
pub struct Membership {
    /// A text.
    pub note: Option<String>,
}

/// Creates the `bench_items` object (`title` text, `n` number).
pub async fn create_items_object(client: &Client) {
    let objects = client.objects();
    objects
        .create(&NewObject::new("bench_items", "Bench item", "Bench items"))
        .await
        .expect("object created");
    for (slug, ty) in [("title", AttributeType::Text), ("n", AttributeType::Number)] {
        objects
            .create_attribute(
                Target::object("bench_items"),
                &NewAttribute::new(slug, slug, ty),
            )
            .await
            .expect("attribute created");
    }
}

/// Creates the `bench_list` list of people with a `note` text attribute.
pub async fn create_membership_list(client: &Client) {
    client
        .lists()
        .create(&NewList::new("Bench list", "bench_list", "people"))
        .await
        .expect("list created");
    client
        .objects()
        .create_attribute(
            Target::list("bench_list"),
            &NewAttribute::new("Note", "note", AttributeType::Text),
        )
        .await
        .expect("attribute created");
}

/// The round trip the programs add to every request of a class.
pub fn latency(round_trip: Duration) -> FaultRates {
    FaultRates {
        latency: Some((round_trip, round_trip)),
        ..FaultRates::default()
    }
}

/// Faults that only add `round_trip` to every read and every write.
pub fn round_trip(round_trip: Duration) -> Faults {
    Faults {
        seed: 1,
        reads: latency(round_trip),
        writes: latency(round_trip),
    }
}

/// Attio's limits, as the emulator enforces them: 100 reads/s, 25 writes/s.
pub fn attio_limits() -> attio_emulator::RateLimits {
    attio_emulator::RateLimits::default()
}

/// A client of `emulator` with the default settings (Attio's budgets, the default retry
/// policy).
pub fn client_of(emulator: &Emulator) -> Client {
    Client::builder()
        .api_key(emulator.api_key())
        .base_url(emulator.base_url())
        .build()
        .expect("client builds")
}

/// A client of `base_url` without pacing, for seeding an emulator without limits.
pub fn unpaced_client(base_url: &str, key: &str) -> Client {
    Client::builder()
        .api_key(key)
        .base_url(base_url)
        .no_rate_limits()
        .build()
        .expect("client builds")
}

/// The budgets a default client paces to.
pub fn default_budget() -> RateLimits {
    RateLimits::default()
}

/// The peak resident set size of this process (`VmHWM`), in kB.
pub fn peak_rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// The machine, for the write-up: CPU model and count, memory, kernel.
pub fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find(|l| l.starts_with("model name"))
        .and_then(|l| l.split(':').nth(1))
        .map_or("unknown CPU", str::trim)
        .to_owned();
    let cpus = std::thread::available_parallelism().map_or(0, usize::from);
    let mem_gib = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    format!("{cpus} × {model}, {mem_gib:.0} GiB")
}

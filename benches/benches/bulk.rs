//! Bulk pacing: `create_many` of 500 people against the emulator enforcing 25 writes/s, then
//! 250 writes/s, with the client's write budget set to the same limit. Reports the achieved
//! rate divided by the limit and how many 429s the emulator sent. One measured run per limit
//! (this is a rate, not a microbenchmark), so it does not use criterion.

use std::time::Instant;

use attio_benches::models::BenchPerson;
use attio_core::values::{EmailAddress, PersonalName};
use attio_core::{Client, RateLimits};
use attio_emulator::Emulator;

fn person(run: u32, i: usize) -> BenchPerson {
    BenchPerson::new(
        EmailAddress::new(format!("bulk-{run}-{i}@example.com")).expect("valid"),
        PersonalName::new("Bulk", format!("Person {i}")),
        "Tester",
    )
}

async fn run(writes_per_second: u32, records: usize) -> (f64, u64, usize) {
    let limits = attio_emulator::RateLimits {
        reads_per_second: 100,
        writes_per_second,
    };
    let emulator = Emulator::builder()
        .rate_limits(limits)
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emulator.api_key())
        .base_url(emulator.base_url())
        .rate_limits(RateLimits {
            reads_per_second: 100,
            writes_per_second,
        })
        .build()
        .expect("client builds");
    let people: Vec<BenchPerson> = (0..records).map(|i| person(writes_per_second, i)).collect();
    let start = Instant::now();
    let results = client.create_many(people).concurrency(16).await;
    let elapsed = start.elapsed().as_secs_f64();
    let ok = results.iter().filter(|r| r.is_ok()).count();
    let rate = records as f64 / elapsed;
    let stats = emulator.stats();
    emulator.shutdown().await;
    (rate / f64::from(writes_per_second), stats.total_429(), ok)
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument, if any, is ignored.
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let mut figures = Vec::new();
    for limit in [25u32, 250] {
        let (ratio, throttled, ok) = rt.block_on(run(limit, 500));
        println!(
            "bulk create_many 500 @ {limit} writes/s: achieved/limit {ratio:.3}, 429s seen {throttled}, ok {ok}/500"
        );
        figures.push((limit, ratio, throttled));
    }
    attio_benches::report::save(
        "bulk_pacing",
        &[
            ("ratio_25", figures[0].1),
            ("throttled_25", figures[0].2 as f64),
            ("ratio_250", figures[1].1),
            ("throttled_250", figures[1].2 as f64),
        ],
    );
}

//! Export throughput and memory: every record of an object read with
//! `client.query::<Item>().export()` (the default concurrency, pages of 500) from an
//! emulator that enforces Attio's limits (100 reads/s) and adds a 150 ms round trip to
//! every request.
//!
//! `cargo run --release -p attio-benches --bin export -- 100000` exports 10,000 records,
//! then 100,000 (or the count given), and prints:
//!
//! - pages per second ÷ 100 (the read budget) for the larger export, from the first
//!   request to the last record (and, steady, from the first page to the last);
//! - the peak RSS of exporting the larger count ÷ that of exporting 10,000;
//! - the 429s the emulator sent (there should be none: the client paces its reads).
//!
//! Each export runs in its own process (`run URL KEY`), which reports its own peak RSS
//! (`VmHWM`); each emulator runs in another (`serve N`), filled without limits first, read
//! once (so that it serves each page from its render cache, in a time that does not depend
//! on the machine's load as much), then switched to Attio's limits and the round trip, so
//! neither its memory nor its seeding is counted. `ATTIO_BENCH_THREADS=1` runs the export
//! on a current-thread runtime instead of the default multi-thread one; `ATTIO_BENCH_H2=1`
//! runs it over HTTP/2 (prior knowledge) instead of HTTP/1.1.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use attio_benches::throughput::{
    self, Item, attio_limits, create_items_object, peak_rss_kb, unpaced_client,
};
use attio_core::Client;
use attio_core::stream::StreamExt;
use attio_emulator::Emulator;

/// The round trip added to every request.
const ROUND_TRIP: Duration = Duration::from_millis(150);

/// The smaller export, the baseline of the memory ratio.
const BASELINE: usize = 10_000;

async fn serve(n: usize) {
    let emulator = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator");
    let seeder = unpaced_client(emulator.base_url(), emulator.api_key());
    create_items_object(&seeder).await;
    let results = seeder
        .create_many((0..n).map(Item::numbered))
        .concurrency(32)
        .await;
    let failed = results.iter().filter(|r| r.is_err()).count();
    assert_eq!(failed, 0, "seeding failed for {failed} records");
    drop(results);
    // Attio serves a page in a roughly constant time; the emulator renders a record the
    // first time a query sends it and keeps it while nothing is written. Read every page
    // once, so that the export measures the client rather than the emulator's first
    // render of each record.
    let warmed = seeder
        .query::<Item>()
        .export()
        .concurrency(4)
        .stream()
        .count()
        .await;
    assert_eq!(warmed, n, "every record read back");
    emulator.set_rate_limits(Some(attio_limits()));
    emulator.set_faults(throughput::round_trip(ROUND_TRIP));
    let before = emulator.stats();
    println!("{} {}", emulator.base_url(), emulator.api_key());
    std::io::stdout().flush().expect("stdout");
    // Serve until the parent closes our stdin, then report what the export cost.
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    let after = emulator.stats();
    println!(
        "{} {}",
        after.total_429() - before.total_429(),
        after.read_requests - before.read_requests
    );
    std::io::stdout().flush().expect("stdout");
    emulator.shutdown().await;
}

/// When pages were taken, for the steady rate.
#[derive(Default)]
struct Pages {
    first: Option<Instant>,
    last: Option<Instant>,
    count: usize,
}

async fn run(base: &str, key: &str) {
    // Attio's budgets (100 reads/s), the default retry policy.
    let mut builder = Client::builder().api_key(key).base_url(base);
    if std::env::var("ATTIO_BENCH_H2").as_deref() == Ok("1") {
        builder = builder.http_client(
            reqwest::Client::builder()
                .http2_prior_knowledge()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("an HTTP/2 client"),
        );
    }
    let client = builder.build().expect("client");
    let pages = Arc::new(Mutex::new(Pages::default()));
    let seen = Arc::clone(&pages);
    let start = Instant::now();
    let mut records = client
        .query::<Item>()
        .export()
        .on_progress(move |p| {
            let mut s = seen.lock().expect("progress");
            let now = Instant::now();
            s.first.get_or_insert(now);
            s.last = Some(now);
            s.count = p.pages;
        })
        .stream();
    let mut count = 0usize;
    let mut sum = 0.0;
    while let Some(r) = records.next().await {
        let item = r.expect("record decodes");
        sum += item.values.n.unwrap_or(0.0);
        count += 1;
    }
    let elapsed = start.elapsed().as_secs_f64();
    let pages = pages.lock().expect("progress");
    let steady = match (pages.first, pages.last) {
        (Some(a), Some(b)) => b.duration_since(a).as_secs_f64(),
        _ => 0.0,
    };
    let expected_sum = (count as f64) * (count as f64 - 1.0) / 2.0;
    assert_eq!(sum, expected_sum, "every record once");
    println!(
        "{count} {} {elapsed} {steady} {}",
        pages.count,
        peak_rss_kb()
    );
}

/// What one export measured.
struct Measured {
    records: usize,
    pages: usize,
    secs: f64,
    steady_secs: f64,
    rss_kb: u64,
    throttled: u64,
    requests: u64,
}

impl Measured {
    fn pages_per_second(&self) -> f64 {
        self.pages as f64 / self.secs
    }

    fn steady_pages_per_second(&self) -> f64 {
        (self.pages.saturating_sub(1)) as f64 / self.steady_secs
    }
}

fn measure(n: usize) -> Measured {
    let exe = std::env::current_exe().expect("own path");
    let mut server = Command::new(&exe)
        .args(["serve", &n.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("server starts");
    let mut out = BufReader::new(server.stdout.take().expect("stdout"));
    let mut line = String::new();
    out.read_line(&mut line).expect("server address");
    let mut parts = line.split_whitespace();
    let (base, key) = (
        parts.next().expect("url").to_owned(),
        parts.next().expect("key").to_owned(),
    );
    let run = Command::new(&exe)
        .args(["run", &base, &key])
        .output()
        .expect("export runs");
    assert!(
        run.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    drop(server.stdin.take());
    let mut stats = String::new();
    out.read_line(&mut stats).expect("server stats");
    let _ = server.wait();
    let text = String::from_utf8_lossy(&run.stdout);
    let f: Vec<&str> = text.split_whitespace().collect();
    let s: Vec<u64> = stats
        .split_whitespace()
        .filter_map(|v| v.parse().ok())
        .collect();
    Measured {
        records: f[0].parse().expect("count"),
        pages: f[1].parse().expect("pages"),
        secs: f[2].parse().expect("seconds"),
        steady_secs: f[3].parse().expect("seconds"),
        rss_kb: f[4].parse().expect("rss"),
        throttled: s[0],
        requests: s[1],
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rt = || {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .expect("runtime")
    };
    match args.first().map(String::as_str) {
        Some("serve") => rt().block_on(serve(args[1].parse().expect("a count"))),
        Some("run") if std::env::var("ATTIO_BENCH_THREADS").as_deref() == Ok("1") => {
            tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime")
                .block_on(run(&args[1], &args[2]))
        }
        Some("run") => rt().block_on(run(&args[1], &args[2])),
        count => {
            let n: usize = count.map_or(100_000, |c| c.parse().expect("a record count"));
            println!("machine: {}", throughput::machine());
            let small = measure(BASELINE);
            let large = measure(n);
            for m in [&small, &large] {
                println!(
                    "export of {} records: {} pages ({} requests) in {:.2} s, {:.1} pages/s ({:.1} steady), {} 429s, peak RSS {} kB",
                    m.records,
                    m.pages,
                    m.requests,
                    m.secs,
                    m.pages_per_second(),
                    m.steady_pages_per_second(),
                    m.throttled,
                    m.rss_kb
                );
            }
            assert_eq!(
                (small.records, large.records),
                (BASELINE, n),
                "every record"
            );
            let budget = f64::from(throughput::default_budget().reads_per_second);
            let rate = large.pages_per_second() / budget;
            let steady = large.steady_pages_per_second() / budget;
            let rss = large.rss_kb as f64 / small.rss_kb as f64;
            println!(
                "pages/s ÷ {budget}: {rate:.3} (steady {steady:.3}); peak RSS {n} ÷ {BASELINE}: {rss:.3}; 429s: {}",
                small.throttled + large.throttled
            );
            attio_benches::report::save(
                "export",
                &[
                    ("records", n as f64),
                    ("pages_per_second_ratio", rate),
                    ("steady_pages_per_second_ratio", steady),
                    ("rss_kb_small", small.rss_kb as f64),
                    ("rss_kb_large", large.rss_kb as f64),
                    ("rss_ratio", rss),
                    ("throttled", (small.throttled + large.throttled) as f64),
                ],
            );
        }
    }
}

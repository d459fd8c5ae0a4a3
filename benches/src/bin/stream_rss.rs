//! Streaming memory: peak RSS of a process that streams every record of an object, for
//! 10,000 and for 100,000 records. Memory must not grow with the count: the stream holds one
//! page (500 records) at a time.
//!
//! `cargo run --release -p attio-benches --bin stream_rss` runs both sizes and prints the
//! ratio. Each size uses two child processes of this same binary: `serve N` starts an
//! emulator and fills it with N records, `stream URL KEY` streams them and reports its own
//! peak RSS (`VmHWM`), so the emulator's memory is not counted.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use attio_core::{AttioRecord, Client};
use futures_util::StreamExt;

#[derive(AttioRecord, Debug)]
#[attio(object = "bench_items")]
struct Item {
    title: Option<String>,
    n: Option<f64>,
}

fn peak_rss_kb() -> u64 {
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

async fn post(http: &reqwest::Client, url: String, key: &str, body: serde_json::Value) {
    let r = http
        .post(url)
        .bearer_auth(key)
        .header("content-type", "application/json")
        .body(serde_json::to_vec(&body).expect("json"))
        .send()
        .await
        .expect("sent");
    assert!(
        r.status().is_success(),
        "setup request failed: {}",
        r.text().await.unwrap_or_default()
    );
}

async fn serve(n: usize) {
    let emulator = attio_emulator::Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator");
    let (base, key) = (
        emulator.base_url().to_owned(),
        emulator.api_key().to_owned(),
    );
    let http = reqwest::Client::new();
    post(
        &http,
        format!("{base}/v2/objects"),
        &key,
        serde_json::json!({"data": {
        "api_slug": "bench_items", "singular_noun": "Bench item", "plural_noun": "Bench items"}}),
    )
    .await;
    for (slug, ty) in [("title", "text"), ("n", "number")] {
        post(
            &http,
            format!("{base}/v2/objects/bench_items/attributes"),
            &key,
            serde_json::json!({"data": {
            "title": slug, "description": null, "api_slug": slug, "type": ty, "is_required": false,
            "is_unique": false, "is_multiselect": false, "config": {}}}),
        )
        .await;
    }
    let client = Client::builder()
        .api_key(&key)
        .base_url(&base)
        .no_rate_limits()
        .build()
        .expect("client");
    let items = (0..n).map(|i| Item {
        title: Some(format!("item number {i} with some text")),
        n: Some(i as f64),
    });
    let results = client.create_many(items).concurrency(32).await;
    let failed = results.iter().filter(|r| r.is_err()).count();
    assert_eq!(failed, 0, "seeding failed for {failed} records");
    println!("{base} {key}");
    // Serve until the parent closes our stdin.
    let mut line = String::new();
    let _ = std::io::stdin().read_line(&mut line);
    emulator.shutdown().await;
}

async fn stream(base: &str, key: &str) {
    let client = Client::builder()
        .api_key(key)
        .base_url(base)
        .no_rate_limits()
        .build()
        .expect("client");
    let mut count = 0usize;
    let mut s = Box::pin(client.query::<Item>().limit(500).stream());
    while let Some(r) = s.next().await {
        r.expect("record decodes");
        count += 1;
    }
    println!("{count} {}", peak_rss_kb());
}

fn measure(n: usize) -> (usize, u64) {
    let exe = std::env::current_exe().expect("own path");
    let mut server = Command::new(&exe)
        .args(["serve", &n.to_string()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("server starts");
    let mut line = String::new();
    BufReader::new(server.stdout.take().expect("stdout"))
        .read_line(&mut line)
        .expect("server address");
    let mut parts = line.split_whitespace();
    let (base, key) = (
        parts.next().expect("url").to_owned(),
        parts.next().expect("key").to_owned(),
    );
    let out = Command::new(&exe)
        .args(["stream", &base, &key])
        .output()
        .expect("streamer runs");
    drop(server.stdin.take());
    let _ = server.wait();
    let text = String::from_utf8_lossy(&out.stdout);
    let mut f = text.split_whitespace();
    let count = f.next().and_then(|v| v.parse().ok()).unwrap_or(0);
    let rss = f.next().and_then(|v| v.parse().ok()).unwrap_or(0);
    (count, rss)
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
        Some("stream") => rt().block_on(stream(&args[1], &args[2])),
        _ => {
            let (c10, r10) = measure(10_000);
            let (c100, r100) = measure(100_000);
            assert_eq!((c10, c100), (10_000, 100_000), "every record streamed");
            let ratio = r100 as f64 / r10 as f64;
            println!(
                "peak RSS streaming 10,000 records: {r10} kB; 100,000 records: {r100} kB; ratio {ratio:.2}"
            );
            attio_benches::report::save(
                "stream_rss",
                &[
                    ("rss_kb_10k", r10 as f64),
                    ("rss_kb_100k", r100 as f64),
                    ("ratio", ratio),
                ],
            );
        }
    }
}

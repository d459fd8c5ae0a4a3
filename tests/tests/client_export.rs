//! Exports against the emulator: the same records in the same order as sequential paging
//! (1,200 and 10,000 records, several page sizes and concurrencies), creation order, records
//! the model cannot hold named in their place, a 503
//! on one page in the middle retried without losing or repeating a record, an early drop
//! that stops the requests, the progress callback, the entries of a list, and an export over
//! HTTP/2.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use attio_core::models::{NewAttribute, NewList, NewObject, Target};
use attio_core::stream::{StreamExt, TryStreamExt};
use attio_core::{
    AttioEntry, AttioRecord, AttributeType, Client, ExportProgress, Record, RecordRef, RetryPolicy,
};
use attio_emulator::{Emulator, FaultRates, Faults, Injected, ScriptedFault};
use uuid::Uuid;

/// A record of the `items` object.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "items")]
struct Item {
    title: Option<String>,
    n: Option<f64>,
}

/// `items` read with a required title.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "items")]
struct TitledItem {
    title: String,
}

/// An entry of the `rows` list, on `items`.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "rows")]
struct Row {
    n: Option<f64>,
}

const QUERY: &str = "/v2/objects/items/records/query";

/// An emulator without rate limits holding the `items` object, and a client of it with
/// the default retry policy.
async fn emulator() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(RetryPolicy {
            base_delay: Duration::from_millis(20),
            ..RetryPolicy::default()
        })
        .build()
        .expect("client builds");
    client
        .objects()
        .create(&NewObject::new("items", "Item", "Items"))
        .await
        .expect("object");
    for (slug, ty) in [("title", AttributeType::Text), ("n", AttributeType::Number)] {
        client
            .objects()
            .create_attribute(Target::object("items"), &NewAttribute::new(slug, slug, ty))
            .await
            .expect("attribute");
    }
    (emu, client)
}

/// Stores `count` items, numbered from 0 (bulk creates, 32 in flight).
async fn seed(emu: &Emulator, client: &Client, count: usize) {
    let results = client
        .create_many((0..count).map(|i| Item {
            title: Some(format!("item {i}")),
            n: Some(i as f64),
        }))
        .concurrency(32)
        .await;
    assert!(results.iter().all(Result::is_ok), "every item stored");
    assert_eq!(emu.record_count("items"), count);
}

fn ids(records: &[Record<Item>]) -> Vec<Uuid> {
    records.iter().map(|r| r.id.record_id).collect()
}

/// Every item, one page at a time.
async fn sequential(client: &Client, limit: usize) -> Vec<Record<Item>> {
    client
        .query::<Item>()
        .limit(limit)
        .stream()
        .try_collect()
        .await
        .expect("sequential stream")
}

/// Every item, exported with `concurrency` pages in flight.
async fn exported(client: &Client, limit: usize, concurrency: usize) -> Vec<Record<Item>> {
    client
        .query::<Item>()
        .limit(limit)
        .export()
        .concurrency(concurrency)
        .stream()
        .try_collect()
        .await
        .expect("export")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_of_1200_yields_what_sequential_paging_yields() {
    let (emu, client) = emulator().await;
    seed(&emu, &client, 1200).await;
    let expected = sequential(&client, 500).await;
    assert_eq!(expected.len(), 1200);
    let mut unique = ids(&expected);
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), 1200, "no record twice");

    for (limit, concurrency) in [(500, 4), (100, 3), (100, 16), (7, 8), (1200, 2), (1, 1)] {
        let reads = emu.stats().read_requests;
        let got = exported(&client, limit, concurrency).await;
        assert_eq!(
            ids(&got),
            ids(&expected),
            "limit {limit}, {concurrency} in flight"
        );
        assert_eq!(got, expected);
        // The pages up to the first short one, and at most the speculative ones after it.
        let pages = 1200 / limit + 1;
        let asked = (emu.stats().read_requests - reads) as usize;
        assert!(
            asked >= pages && asked < pages + concurrency,
            "{asked} requests for {pages} pages, {concurrency} in flight"
        );
    }

    // The filters, sorts and offset of the query apply.
    let query = || {
        client
            .query::<Item>()
            .filter(|i| i.n.gte(100.0))
            .sort(|i| i.n.desc())
            .limit(50)
            .offset(25)
    };
    let one_by_one: Vec<_> = query().stream().try_collect().await.expect("stream");
    let all_at_once: Vec<_> = query()
        .export()
        .concurrency(6)
        .stream()
        .try_collect()
        .await
        .expect("export");
    assert_eq!(one_by_one.len(), 1100 - 25);
    assert_eq!(one_by_one[0].values.n, Some(1174.0));
    assert_eq!(all_at_once, one_by_one);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_of_10000_yields_what_sequential_paging_yields() {
    let (emu, client) = emulator().await;
    seed(&emu, &client, 10_000).await;
    let expected = sequential(&client, 500).await;
    assert_eq!(expected.len(), 10_000);

    let progress: Arc<Mutex<Vec<ExportProgress>>> = Arc::default();
    let seen = Arc::clone(&progress);
    let got: Vec<_> = client
        .query::<Item>()
        .export()
        .concurrency(8)
        .on_progress(move |p| seen.lock().unwrap().push(*p))
        .stream()
        .try_collect()
        .await
        .expect("export");
    assert_eq!(ids(&got), ids(&expected));
    assert_eq!(got, expected);
    let progress = progress.lock().unwrap().clone();
    // 20 full pages and the empty page that tells the end.
    assert_eq!(progress.len(), 21);
    for (i, p) in progress.iter().enumerate() {
        assert_eq!(p.pages, i + 1);
        assert_eq!(p.records, (500 * (i + 1)).min(10_000));
        assert_eq!(p.failed, 0);
        assert!(p.in_flight < 8);
    }

    // In creation order: `created_at`, then `record_id`; every record once.
    let ordered: Vec<_> = client
        .query::<Item>()
        .export()
        .in_creation_order()
        .stream()
        .try_collect()
        .await
        .expect("export in creation order");
    assert_eq!(ordered.len(), 10_000);
    let keys: Vec<_> = ordered
        .iter()
        .map(|r| (r.created_at, r.id.record_id.to_string()))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] < w[1]), "sorted, no repeat");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_export_over_http2_yields_what_sequential_paging_over_http1_yields() {
    let (emu, client) = emulator().await;
    seed(&emu, &client, 1_200).await;
    let expected = sequential(&client, 100).await;
    // The emulator also speaks HTTP/2 (cleartext, prior knowledge): every page of the export
    // goes over one connection.
    let h2 = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .http_client(
            reqwest::Client::builder()
                .http2_prior_knowledge()
                .redirect(reqwest::redirect::Policy::none())
                .build()
                .expect("an HTTP/2 client"),
        )
        .build()
        .expect("client builds");
    let got = exported(&h2, 100, 8).await;
    assert_eq!(got.len(), 1_200);
    assert_eq!(got, expected);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_record_the_model_cannot_hold_is_named_and_the_export_goes_on() {
    let (emu, client) = emulator().await;
    // Three of 300 items have no title, which `TitledItem` requires.
    let results = client
        .create_many((0..300).map(|i| Item {
            title: (i % 100 != 42).then(|| format!("item {i}")),
            n: Some(i as f64),
        }))
        .concurrency(32)
        .await;
    let mut untitled: Vec<Uuid> = results
        .iter()
        .map(|r| r.as_ref().expect("stored"))
        .filter(|r| r.values.title.is_none())
        .map(|r| r.id.record_id)
        .collect();
    assert_eq!(untitled.len(), 3);
    assert_eq!(emu.record_count("items"), 300);

    let outline = |items: Vec<Result<Record<TitledItem>, attio_core::Error>>| {
        items
            .into_iter()
            .map(|r| match r {
                Ok(r) => Ok(r.id.record_id),
                Err(e) => Err(e.as_decode().expect("a decode error").record_id),
            })
            .collect::<Vec<_>>()
    };
    let query = || client.query::<TitledItem>().limit(50);
    let one_by_one = outline(query().stream().collect().await);
    let all_at_once = outline(query().export().concurrency(4).stream().collect().await);
    assert_eq!(all_at_once, one_by_one);
    assert_eq!(all_at_once.len(), 300);
    let mut named: Vec<Uuid> = all_at_once
        .iter()
        .filter_map(|r| r.as_ref().err().map(|id| id.expect("the record is named")))
        .collect();
    named.sort();
    untitled.sort();
    assert_eq!(named, untitled);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_503_on_a_page_in_the_middle_is_retried_without_losing_or_repeating_a_record() {
    let (emu, client) = emulator().await;
    seed(&emu, &client, 1200).await;
    let expected = sequential(&client, 100).await;

    // The sixth of the twelve full pages requested is answered 503 once.
    emu.scripted_fault(ScriptedFault::new("POST", QUERY, 6, Injected::Error503));
    let reads = emu.stats().read_requests;
    let got = exported(&client, 100, 4).await;
    assert_eq!(emu.stats().injected_503, 1, "the fault fired");
    assert_eq!(ids(&got), ids(&expected));
    // 13 pages (the last one empty), the retry, and at most 3 speculative pages past the
    // empty one (concurrency 4).
    let asked = emu.stats().read_requests - reads;
    assert!((14..=17).contains(&asked), "{asked} requests");

    // Without retries, the failed page ends the export in its turn, after the records of
    // every page before it.
    let strict = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(RetryPolicy::none())
        .build()
        .expect("client");
    emu.scripted_fault(ScriptedFault::new("POST", QUERY, 1, Injected::Error503));
    let items: Vec<_> = strict
        .query::<Item>()
        .limit(100)
        .export()
        .concurrency(1)
        .stream()
        .collect()
        .await;
    assert_eq!(items.len(), 1);
    let err = items[0].as_ref().unwrap_err();
    assert_eq!(err.as_api().map(|e| e.status), Some(503), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dropping_an_export_stops_its_requests() {
    let (emu, client) = emulator().await;
    seed(&emu, &client, 1200).await;
    // The bulk create has 32 in flight, so the first record stored need not be item 0.
    let head = client
        .query::<Item>()
        .limit(1)
        .send()
        .await
        .expect("the first record")
        .swap_remove(0);
    // Every read takes 50 ms, so pages are in flight when the first record arrives.
    emu.set_faults(Faults {
        reads: FaultRates {
            latency: Some((Duration::from_millis(50), Duration::from_millis(50))),
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    let before = emu.stats().read_requests;
    let mut items = client
        .query::<Item>()
        .limit(100)
        .export()
        .concurrency(4)
        .stream();
    let first = items.next().await.expect("a record").expect("it decodes");
    assert_eq!(first, head, "the first record of sequential paging");
    drop(items);
    // Long enough for an export left running to have asked for its other nine pages (13 in
    // all with the empty one, 50 ms each, 4 at a time). The 4 requests of the slots were all
    // sent before the first page came back; one still on its way to the emulator at the drop
    // may be counted after it, so the bound is the slots.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let after = emu.stats().read_requests - before;
    assert!(after <= 4, "{after} requests, no more than the 4 slots");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_entries_export_yields_what_sequential_paging_yields() {
    let (emu, client) = emulator().await;
    client
        .lists()
        .create(&NewList::new("Rows", "rows", "items"))
        .await
        .expect("list");
    client
        .objects()
        .create_attribute(
            Target::list("rows"),
            &NewAttribute::new("n", "n", AttributeType::Number),
        )
        .await
        .expect("attribute");
    let parent = client
        .create(&Item {
            title: Some("parent".into()),
            n: None,
        })
        .await
        .expect("parent");
    let parent = RecordRef::<Item>::new(parent.id.record_id);
    let added = client
        .entries::<Row>()
        .create_many((0..1200).map(|i| (parent.clone(), Row { n: Some(i as f64) })))
        .concurrency(32)
        .await;
    assert!(added.iter().all(Result::is_ok));
    assert_eq!(emu.entry_count("rows"), 1200);

    let rows = || client.entries::<Row>().query().limit(100);
    let expected: Vec<_> = rows().stream().try_collect().await.expect("stream");
    assert_eq!(expected.len(), 1200);
    let reads = emu.stats().read_requests;
    let got: Vec<_> = rows()
        .export()
        .concurrency(5)
        .stream()
        .try_collect()
        .await
        .expect("export");
    assert_eq!(got, expected);
    assert!(emu.stats().read_requests - reads < 13 + 5);

    let ordered: Vec<_> = rows()
        .export()
        .in_creation_order()
        .stream()
        .try_collect()
        .await
        .expect("export in creation order");
    assert_eq!(ordered.len(), 1200);
    assert!(
        ordered
            .windows(2)
            .all(|w| w[0].created_at <= w[1].created_at)
    );
    let mut ids: Vec<_> = ordered.iter().map(|e| e.id.entry_id).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 1200, "no entry twice");
}

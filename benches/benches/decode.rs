//! Decode: `json::decode_records` into a derived struct, against (a) parsing the same bytes
//! into `serde_json::Value`, (b) a hand-written direct serde visitor (`visitor.rs`), and
//! serde's derive on wire-shape mirror structs, (c) `serde::de::IgnoredAny` (the floor).
//! Also one 7 KB record, and every field `Tracked<T>`. Allocation counts per record are
//! printed after the timings.

use std::hint::black_box;

use attio_benches::alloc::{CountingAlloc, count};
use attio_benches::models::{BenchPerson, TrackedPerson};
use attio_benches::workload::{GenConfig, people_response};
use attio_benches::{mirror, paired, visitor};
use attio_core::json;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use serde::de::IgnoredAny;

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn one_record() -> Vec<u8> {
    let pretty = include_bytes!("../../fixtures/people/update.response.json");
    let v: serde_json::Value = serde_json::from_slice(pretty).expect("fixture is JSON");
    serde_json::to_vec(&v).expect("re-serialises")
}

fn decode(c: &mut Criterion) {
    let bytes = people_response(GenConfig::default());
    let records = json::decode_records::<BenchPerson>(&bytes).expect("generated response decodes");
    assert_eq!(records.len(), 1000);
    assert_eq!(
        mirror::decode(&bytes).expect("baseline decodes").len(),
        1000
    );
    let hand = visitor::decode(&bytes).expect("hand-written baseline decodes");
    assert_eq!(hand.len(), records.len());
    for (h, d) in hand.iter().zip(&records) {
        assert_eq!(h.record_id, d.id.record_id);
        assert_eq!(h.values.job_title, d.values.job_title);
        assert_eq!(h.values.description, d.values.description);
        assert_eq!(
            h.values.email_addresses.len(),
            d.values.email_addresses.len()
        );
        assert_eq!(h.values.phone_numbers.len(), d.values.phone_numbers.len());
        assert_eq!(
            h.values.twitter_follower_count,
            d.values.twitter_follower_count
        );
        assert_eq!(
            h.values.name.as_ref().map(|n| &n.full_name),
            d.values.name.as_ref().map(|n| &n.full_name)
        );
    }

    let mut g = c.benchmark_group("decode_1000_records");
    g.throughput(Throughput::Bytes(bytes.len() as u64));
    g.bench_function("attio", |b| {
        b.iter(|| json::decode_records::<BenchPerson>(black_box(&bytes)).unwrap())
    });
    g.bench_function("attio_tracked", |b| {
        b.iter(|| json::decode_records::<TrackedPerson>(black_box(&bytes)).unwrap())
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap())
    });
    g.bench_function("hand_visitor", |b| {
        b.iter(|| visitor::decode(black_box(&bytes)).unwrap())
    });
    g.bench_function("serde_mirror", |b| {
        b.iter(|| mirror::decode(black_box(&bytes)).unwrap())
    });
    g.bench_function("ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(&bytes)).unwrap())
    });
    g.finish();

    let one = one_record();
    let mut g = c.benchmark_group("decode_one_7kb_record");
    g.throughput(Throughput::Bytes(one.len() as u64));
    g.bench_function("attio", |b| {
        b.iter(|| json::decode_record::<BenchPerson>(black_box(&one)).unwrap())
    });
    g.bench_function("attio_tracked", |b| {
        b.iter(|| json::decode_record::<TrackedPerson>(black_box(&one)).unwrap())
    });
    g.bench_function("serde_json_value", |b| {
        b.iter(|| serde_json::from_slice::<serde_json::Value>(black_box(&one)).unwrap())
    });
    g.bench_function("ignored_any", |b| {
        b.iter(|| serde_json::from_slice::<IgnoredAny>(black_box(&one)).unwrap())
    });
    g.finish();

    let n = records.len() as f64;
    let (_, plain, plain_bytes) = count(|| json::decode_records::<BenchPerson>(&bytes).unwrap());
    let (_, tracked, _) = count(|| json::decode_records::<TrackedPerson>(&bytes).unwrap());
    let (_, value, _) = count(|| serde_json::from_slice::<serde_json::Value>(&bytes).unwrap());
    let (_, mirror_allocs, _) = count(|| mirror::decode(&bytes).unwrap());
    let (_, hand_allocs, _) = count(|| visitor::decode(&bytes).unwrap());
    println!(
        "allocations per record (1000-record response of {} bytes):",
        bytes.len()
    );
    println!(
        "  attio decode_records       {:>8.1}  ({:.0} bytes)",
        plain as f64 / n,
        plain_bytes as f64 / n
    );
    println!("  attio, every field Tracked {:>8.1}", tracked as f64 / n);
    println!("  serde_json::Value          {:>8.1}", value as f64 / n);
    println!(
        "  hand-written visitor       {:>8.1}",
        hand_allocs as f64 / n
    );
    println!(
        "  serde mirror structs       {:>8.1}",
        mirror_allocs as f64 / n
    );
    attio_benches::report::save(
        "decode_allocations_per_record",
        &[
            ("attio", plain as f64 / n),
            ("attio_tracked", tracked as f64 / n),
            ("serde_json_value", value as f64 / n),
            ("hand_visitor", hand_allocs as f64 / n),
            ("serde_mirror", mirror_allocs as f64 / n),
        ],
    );

    // The same ratios again, the two sides alternating round by round.
    let attio = || {
        black_box(json::decode_records::<BenchPerson>(black_box(&bytes)).unwrap());
    };
    let hand = paired::ratio(30, 3, attio, || {
        black_box(visitor::decode(black_box(&bytes)).unwrap());
    });
    let value = paired::ratio(10, 1, attio, || {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(&bytes)).unwrap());
    });
    let mirror_ratio = paired::ratio(20, 3, attio, || {
        black_box(mirror::decode(black_box(&bytes)).unwrap());
    });
    let tracked_ratio = paired::ratio(
        20,
        3,
        || {
            black_box(json::decode_records::<TrackedPerson>(black_box(&bytes)).unwrap());
        },
        attio,
    );
    let one_attio = || {
        black_box(json::decode_record::<BenchPerson>(black_box(&one)).unwrap());
    };
    let one_value = paired::ratio(30, 200, one_attio, || {
        black_box(serde_json::from_slice::<serde_json::Value>(black_box(&one)).unwrap());
    });
    let one_tracked = paired::ratio(
        30,
        200,
        || {
            black_box(json::decode_record::<TrackedPerson>(black_box(&one)).unwrap());
        },
        one_attio,
    );
    println!("paired ratios (1000-record response):");
    println!("  attio / hand-written visitor   {hand}");
    println!("  attio / serde_json::Value      {value}");
    println!("  attio / serde mirror structs   {mirror_ratio}");
    println!("  Tracked / plain attio          {tracked_ratio}");
    println!("paired ratios (one 7 KB record):");
    println!("  attio / serde_json::Value      {one_value}");
    println!("  Tracked / plain attio          {one_tracked}");
    attio_benches::report::save(
        "decode_paired_ratios",
        &[
            ("attio_over_hand_visitor", hand.median),
            ("attio_over_value", value.median),
            ("attio_over_serde_mirror", mirror_ratio.median),
            ("tracked_over_plain", tracked_ratio.median),
            ("one_record_attio_over_value", one_value.median),
            ("one_record_tracked_over_plain", one_tracked.median),
        ],
    );
}

criterion_group!(benches, decode);
criterion_main!(benches);

//! Decode: `json::decode_records` into a derived struct, against (a) parsing the same bytes
//! into `serde_json::Value`, (b) serde's derive on wire-shape mirror structs, (c)
//! `serde::de::IgnoredAny` (the floor). Also one 7 KB record, and every field `Tracked<T>`.
//! Allocation counts per record are printed after the timings.

use std::hint::black_box;

use attio_benches::alloc::{CountingAlloc, count};
use attio_benches::mirror;
use attio_benches::models::{BenchPerson, TrackedPerson};
use attio_benches::workload::{GenConfig, people_response};
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
        "  serde mirror structs       {:>8.1}",
        mirror_allocs as f64 / n
    );
    attio_benches::report::save(
        "decode_allocations_per_record",
        &[
            ("attio", plain as f64 / n),
            ("attio_tracked", tracked as f64 / n),
            ("serde_json_value", value as f64 / n),
            ("serde_mirror", mirror_allocs as f64 / n),
        ],
    );
}

criterion_group!(benches, decode);
criterion_main!(benches);

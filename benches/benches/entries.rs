//! Entries: `json::decode_entries` of 1,000 list entries next to `json::decode_records` of
//! 1,000 records holding the same values (`workload::entries_response` and
//! `people_response` with the same seed). The paired ratio entry ÷ record is what the entry
//! envelope costs; the target is at most 1.05.

use std::hint::black_box;

use attio_benches::models::{BenchEntry, BenchPerson};
use attio_benches::paired;
use attio_benches::workload::{GenConfig, entries_response, people_response};
use attio_core::json;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn entries(c: &mut Criterion) {
    let records_bytes = people_response(GenConfig::default());
    let entries_bytes = entries_response(GenConfig::default());
    let records = json::decode_records::<BenchPerson>(&records_bytes).expect("records decode");
    let entries = json::decode_entries::<BenchEntry>(&entries_bytes).expect("entries decode");
    assert_eq!(records.len(), 1000);
    assert_eq!(entries.len(), records.len());
    for (r, e) in records.iter().zip(&entries) {
        assert_eq!(e.id.entry_id, r.id.record_id);
        assert_eq!(e.parent_record_id, r.id.record_id);
        assert_eq!(e.created_at, r.created_at);
        assert_eq!(e.values.email_addresses, r.values.email_addresses);
        assert_eq!(e.values.name, r.values.name);
        assert_eq!(e.values.job_title, r.values.job_title);
        assert_eq!(e.values.company, r.values.company);
        assert_eq!(e.values.phone_numbers, r.values.phone_numbers);
        assert_eq!(e.values.primary_location, r.values.primary_location);
        assert_eq!(e.values.last_interaction, r.values.last_interaction);
    }

    let mut g = c.benchmark_group("decode_1000_entries");
    g.throughput(Throughput::Elements(1000));
    g.bench_function("records", |b| {
        b.iter(|| json::decode_records::<BenchPerson>(black_box(&records_bytes)).unwrap())
    });
    g.bench_function("entries", |b| {
        b.iter(|| json::decode_entries::<BenchEntry>(black_box(&entries_bytes)).unwrap())
    });
    g.finish();

    let ratio = paired::ratio(
        30,
        3,
        || {
            black_box(json::decode_entries::<BenchEntry>(black_box(&entries_bytes)).unwrap());
        },
        || {
            black_box(json::decode_records::<BenchPerson>(black_box(&records_bytes)).unwrap());
        },
    );
    println!(
        "paired ratio (1000 entries vs 1000 records of the same values; {} vs {} bytes):",
        entries_bytes.len(),
        records_bytes.len()
    );
    println!("  entry decode / record decode   {ratio}");
    attio_benches::report::save(
        "entries_paired_ratios",
        &[("entry_over_record", ratio.median)],
    );
}

criterion_group!(benches, entries);
criterion_main!(benches);

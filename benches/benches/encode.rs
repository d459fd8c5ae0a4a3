//! Encode: 1,000 create bodies with `json::encode_create`, against serde's derive on a flat
//! mirror struct of the same write forms, and against building the body with
//! `serde_json::json!`. Allocations per body are printed after the timings.

use std::hint::black_box;

use attio_benches::alloc::{CountingAlloc, count};
use attio_benches::mirror::{
    FlatBody, FlatData, FlatLocation, FlatName, FlatPhone, FlatRef, FlatValues,
};
use attio_benches::models::BenchPerson;
use attio_benches::workload::{GenConfig, people_response};
use attio_core::json;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

fn people() -> Vec<BenchPerson> {
    let bytes = people_response(GenConfig {
        records: 1000,
        historic_share: 0.0,
        seed: 11,
    });
    json::decode_records::<BenchPerson>(&bytes)
        .expect("generated response decodes")
        .into_iter()
        .map(|r| r.values)
        .collect()
}

fn flat(p: &BenchPerson) -> Vec<u8> {
    let emails: Vec<&str> = p
        .email_addresses
        .iter()
        .map(|e| e.email_address())
        .collect();
    let phones: Vec<FlatPhone> = p
        .phone_numbers
        .iter()
        .map(|n| FlatPhone {
            original_phone_number: n.original_phone_number(),
            country_code: n.country_code(),
        })
        .collect();
    let body = FlatBody {
        data: FlatData {
            values: FlatValues {
                email_addresses: &emails,
                name: p.name.as_ref().map(|n| {
                    [FlatName {
                        first_name: &n.first_name,
                        last_name: &n.last_name,
                        full_name: &n.full_name,
                    }]
                }),
                description: p.description.as_deref().map(|s| [s]),
                job_title: p.job_title.as_deref().map(|s| [s]),
                company: p.company.as_ref().and_then(|c| c.record_id()).map(|id| {
                    [FlatRef {
                        target_object: "companies",
                        target_record_id: id,
                    }]
                }),
                phone_numbers: &phones,
                primary_location: p.primary_location.as_ref().map(|l| {
                    [FlatLocation {
                        line_1: l.line_1.as_deref(),
                        line_2: l.line_2.as_deref(),
                        line_3: l.line_3.as_deref(),
                        line_4: l.line_4.as_deref(),
                        locality: l.locality.as_deref(),
                        region: l.region.as_deref(),
                        postcode: l.postcode.as_deref(),
                        country_code: l.country_code.as_deref(),
                        latitude: l.latitude.as_deref(),
                        longitude: l.longitude.as_deref(),
                    }]
                }),
                linkedin: p.linkedin.as_deref().map(|s| [s]),
                twitter: p.twitter.as_deref().map(|s| [s]),
                facebook: p.facebook.as_deref().map(|s| [s]),
                instagram: p.instagram.as_deref().map(|s| [s]),
                angellist: p.angellist.as_deref().map(|s| [s]),
            },
        },
    };
    serde_json::to_vec(&body).expect("serialises")
}

fn json_macro(p: &BenchPerson) -> Vec<u8> {
    let name = p.name.as_ref().expect("generated people have names");
    let loc = p
        .primary_location
        .as_ref()
        .expect("generated people have locations");
    let body = serde_json::json!({"data": {"values": {
        "email_addresses": p.email_addresses.iter().map(|e| e.email_address()).collect::<Vec<_>>(),
        "name": [{"first_name": name.first_name, "last_name": name.last_name, "full_name": name.full_name}],
        "description": [p.description],
        "job_title": [p.job_title],
        "company": [{"target_object": "companies", "target_record_id": p.company.as_ref().and_then(|c| c.record_id())}],
        "phone_numbers": p.phone_numbers.iter().map(|n| serde_json::json!({
            "original_phone_number": n.original_phone_number(), "country_code": n.country_code()
        })).collect::<Vec<_>>(),
        "primary_location": [{
            "line_1": loc.line_1, "line_2": loc.line_2, "line_3": loc.line_3, "line_4": loc.line_4,
            "locality": loc.locality, "region": loc.region, "postcode": loc.postcode,
            "country_code": loc.country_code, "latitude": loc.latitude, "longitude": loc.longitude
        }],
        "linkedin": [p.linkedin],
        "twitter": [p.twitter],
        "facebook": [p.facebook],
        "instagram": [p.instagram],
        "angellist": [p.angellist],
    }}});
    serde_json::to_vec(&body).expect("serialises")
}

fn encode(c: &mut Criterion) {
    let people = people();
    for p in &people {
        let ours = json::encode_create(p).expect("valid generated people");
        assert_eq!(ours, flat(p), "the flat mirror writes the same bytes");
        let a: serde_json::Value = serde_json::from_slice(&ours).unwrap();
        let b: serde_json::Value = serde_json::from_slice(&json_macro(p)).unwrap();
        assert_eq!(a, b, "json! builds the same body");
    }
    let mut g = c.benchmark_group("encode_1000_bodies");
    g.throughput(Throughput::Elements(people.len() as u64));
    g.bench_function("attio", |b| {
        b.iter(|| {
            for p in &people {
                black_box(json::encode_create(black_box(p)).unwrap());
            }
        })
    });
    g.bench_function("serde_flat_mirror", |b| {
        b.iter(|| {
            for p in &people {
                black_box(flat(black_box(p)));
            }
        })
    });
    g.bench_function("json_macro", |b| {
        b.iter(|| {
            for p in &people {
                black_box(json_macro(black_box(p)));
            }
        })
    });
    g.finish();

    let n = people.len() as f64;
    let (_, ours, _) = count(|| {
        people
            .iter()
            .map(|p| json::encode_create(p).unwrap().len())
            .sum::<usize>()
    });
    let (_, mirror, _) = count(|| people.iter().map(|p| flat(p).len()).sum::<usize>());
    let (_, macro_allocs, _) = count(|| people.iter().map(|p| json_macro(p).len()).sum::<usize>());
    println!("allocations per body:");
    println!("  attio encode_create  {:>6.1}", ours as f64 / n);
    println!("  serde flat mirror    {:>6.1}", mirror as f64 / n);
    println!("  serde_json::json!    {:>6.1}", macro_allocs as f64 / n);
    attio_benches::report::save(
        "encode_allocations_per_body",
        &[
            ("attio", ours as f64 / n),
            ("serde_flat_mirror", mirror as f64 / n),
            ("json_macro", macro_allocs as f64 / n),
        ],
    );

    // The same ratio again, the two sides alternating round by round.
    let mirror_ratio = attio_benches::paired::ratio(
        30,
        3,
        || {
            for p in &people {
                black_box(json::encode_create(black_box(p)).unwrap());
            }
        },
        || {
            for p in &people {
                black_box(flat(black_box(p)));
            }
        },
    );
    println!("paired ratio attio / serde flat mirror: {mirror_ratio}");
    attio_benches::report::save(
        "encode_paired_ratios",
        &[("attio_over_serde_flat_mirror", mirror_ratio.median)],
    );
}

criterion_group!(benches, encode);
criterion_main!(benches);

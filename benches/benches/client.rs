//! Client overhead: `client.get` against the in-process emulator, against raw reqwest plus a
//! direct `json::decode_record` of the same record; sequentially and with 16 requests in
//! flight. Both sides pay the same emulator and loopback costs, so the ratio is the SDK's
//! own overhead (URL building, pacing bookkeeping, retries' bookkeeping, error mapping).

use std::hint::black_box;

use attio_benches::models::BenchPerson;
use attio_benches::paired;
use attio_core::values::{EmailAddress, PersonalName};
use attio_core::{Client, Record, json};
use attio_emulator::Emulator;
use criterion::{Criterion, criterion_group, criterion_main};
use futures_util::future::join_all;
use uuid::Uuid;

struct Setup {
    _emulator: Emulator,
    client: Client,
    http: reqwest::Client,
    url: String,
    key: String,
    id: Uuid,
}

async fn setup() -> Setup {
    let emulator = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emulator.api_key())
        .base_url(emulator.base_url())
        .no_rate_limits()
        .build()
        .expect("client builds");
    let person = BenchPerson {
        description: Some("Analyst met at the bench".into()),
        linkedin: Some("https://linkedin.com/in/ada".into()),
        ..BenchPerson::new(
            EmailAddress::new("ada@example.com").expect("valid"),
            PersonalName::new("Ada", "Lovelace"),
            "Analyst",
        )
    };
    let id = client.create(&person).await.expect("create").id.record_id;
    let url = format!("{}/v2/objects/people/records/{id}", emulator.base_url());
    let key = emulator.api_key().to_owned();
    Setup {
        _emulator: emulator,
        client,
        http: reqwest::Client::new(),
        url,
        key,
        id,
    }
}

async fn raw_get(s: &Setup) -> Record<BenchPerson> {
    let bytes = s
        .http
        .get(&s.url)
        .bearer_auth(&s.key)
        .send()
        .await
        .expect("sent")
        .bytes()
        .await
        .expect("body");
    json::decode_record::<BenchPerson>(&bytes).expect("decodes")
}

fn client(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let s = rt.block_on(setup());

    let mut g = c.benchmark_group("client_get_sequential");
    g.bench_function("attio_client", |b| {
        b.to_async(&rt)
            .iter(|| async { black_box(s.client.get::<BenchPerson>(s.id).await.expect("get")) })
    });
    g.bench_function("raw_reqwest_decode", |b| {
        b.to_async(&rt)
            .iter(|| async { black_box(raw_get(&s).await) })
    });
    g.finish();

    let mut g = c.benchmark_group("client_get_16_in_flight");
    g.bench_function("attio_client", |b| {
        b.to_async(&rt).iter(|| async {
            black_box(join_all((0..16).map(|_| s.client.get::<BenchPerson>(s.id))).await)
        })
    });
    g.bench_function("raw_reqwest_decode", |b| {
        b.to_async(&rt)
            .iter(|| async { black_box(join_all((0..16).map(|_| raw_get(&s))).await) })
    });
    g.finish();

    // The same ratios again, the two sides alternating round by round.
    let sequential = paired::ratio(
        30,
        100,
        || {
            black_box(rt.block_on(s.client.get::<BenchPerson>(s.id)).expect("get"));
        },
        || {
            black_box(rt.block_on(raw_get(&s)));
        },
    );
    let in_flight = paired::ratio(
        30,
        15,
        || {
            black_box(rt.block_on(join_all((0..16).map(|_| s.client.get::<BenchPerson>(s.id)))));
        },
        || {
            black_box(rt.block_on(join_all((0..16).map(|_| raw_get(&s)))));
        },
    );
    println!("paired ratios attio client / raw reqwest + decode:");
    println!("  sequential    {sequential}");
    println!("  16 in flight  {in_flight}");
    attio_benches::report::save(
        "client_paired_ratios",
        &[
            ("sequential", sequential.median),
            ("in_flight_16", in_flight.median),
        ],
    );
}

criterion_group!(benches, client);
criterion_main!(benches);

//! What the exact decimal path costs in the decode benchmark: the generated 1,000-record
//! response of `benches/benches/decode.rs`, decoded into `BenchPerson` (its two numbers as
//! `i64` and `f64`) and into the same model with both numbers as `Decimal` (read from the
//! JSON number's text, as `Currency` amounts are), timed in alternation
//! (`benches/src/paired.rs`); and decode ÷ the hand-written visitor for both, the target
//! of which is ≤ 1.10. Allocations per record are counted for both models.
//!
//! `cargo run --release -p attio-benches --bin money_paired`

use std::hint::black_box;

use attio_benches::alloc::{CountingAlloc, count};
use attio_benches::models::{BenchCompany, BenchPerson};
use attio_benches::workload::{GenConfig, people_response};
use attio_benches::{paired, visitor};
use attio_core::values::{
    ActorRef, EmailAddress, Interaction, Location, PersonalName, PhoneNumber, SelectOption,
    Timestamp,
};
use attio_core::{AttioRecord, Decimal, RecordRef, json};

#[global_allocator]
static ALLOC: CountingAlloc = CountingAlloc;

/// [`BenchPerson`] with its two numbers as exact decimals.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct DecimalPerson {
    #[attio(read_only)]
    record_id: Option<String>,
    #[attio(unique)]
    email_addresses: Vec<EmailAddress>,
    name: Option<PersonalName>,
    description: Option<String>,
    job_title: Option<String>,
    company: Option<RecordRef<BenchCompany>>,
    phone_numbers: Vec<PhoneNumber>,
    primary_location: Option<Location>,
    linkedin: Option<String>,
    twitter: Option<String>,
    facebook: Option<String>,
    instagram: Option<String>,
    angellist: Option<String>,
    #[attio(read_only)]
    avatar_url: Option<String>,
    #[attio(read_only)]
    created_at: Option<Timestamp>,
    #[attio(read_only)]
    created_by: Option<ActorRef>,
    #[attio(read_only)]
    strongest_connection_strength: Option<SelectOption>,
    #[attio(read_only)]
    twitter_follower_count: Option<Decimal>,
    #[attio(read_only)]
    strongest_connection_strength_legacy: Option<Decimal>,
    #[attio(read_only)]
    last_interaction: Option<Interaction>,
}

fn main() {
    let bytes = people_response(GenConfig::default());
    let plain = json::decode_records::<BenchPerson>(&bytes).expect("decodes");
    let exact = json::decode_records::<DecimalPerson>(&bytes).expect("decodes");
    assert_eq!(plain.len(), exact.len());
    for (p, e) in plain.iter().zip(&exact) {
        assert_eq!(
            p.values.twitter_follower_count.map(Decimal::from),
            e.values.twitter_follower_count
        );
        // The decimal is the text; the float is the nearest f64 to it.
        if let (Some(f), Some(d)) = (
            p.values.strongest_connection_strength_legacy,
            e.values.strongest_connection_strength_legacy,
        ) {
            assert_eq!(d.to_string().parse::<f64>().unwrap(), f);
        }
    }

    let (_, plain_allocs, _) = count(|| json::decode_records::<BenchPerson>(&bytes).unwrap());
    let (_, exact_allocs, _) = count(|| json::decode_records::<DecimalPerson>(&bytes).unwrap());

    let plain = || {
        black_box(json::decode_records::<BenchPerson>(black_box(&bytes)).unwrap());
    };
    let exact = || {
        black_box(json::decode_records::<DecimalPerson>(black_box(&bytes)).unwrap());
    };
    let hand = || {
        black_box(visitor::decode(black_box(&bytes)).unwrap());
    };
    let exact_over_plain = paired::ratio(30, 3, exact, plain);
    let plain_over_hand = paired::ratio(30, 3, plain, hand);
    let exact_over_hand = paired::ratio(30, 3, exact, hand);

    let n = 1000.0;
    println!(
        "paired ratios (1000-record response, {} bytes):",
        bytes.len()
    );
    println!("  Decimal numbers / f64 and i64 numbers  {exact_over_plain}");
    println!("  decode / hand-written visitor          {plain_over_hand}");
    println!("  decode with Decimal / hand visitor     {exact_over_hand}");
    println!(
        "allocations per record: f64 and i64 {:.1}, Decimal {:.1}",
        plain_allocs as f64 / n,
        exact_allocs as f64 / n
    );
}

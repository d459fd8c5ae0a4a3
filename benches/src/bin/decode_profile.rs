//! Runs one decoder over the 1,000-record benchmark response a given number of times, for
//! instruction-count profiling (`valgrind --tool=callgrind`): `decode_profile attio 5`,
//! `decode_profile ignored 5`, `decode_profile visitor 5`, `decode_profile tracked 5`;
//! `decode_profile ratios 20` prints the paired ratios of decode over `IgnoredAny` and over
//! the hand-written visitor (20 rounds).

use std::hint::black_box;

use attio_benches::models::{BenchPerson, TrackedPerson};
use attio_benches::workload::{GenConfig, people_response};
use attio_benches::{paired, visitor};
use attio_core::json;
use serde::de::IgnoredAny;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_else(|| "attio".to_owned());
    let rounds: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(5);
    let bytes = people_response(GenConfig::default());
    if which == "ratios" {
        let attio = || {
            black_box(json::decode_records::<BenchPerson>(black_box(&bytes)).unwrap());
        };
        let ignored = paired::ratio(rounds, 3, attio, || {
            black_box(serde_json::from_slice::<IgnoredAny>(black_box(&bytes)).unwrap());
        });
        let hand = paired::ratio(rounds, 3, attio, || {
            black_box(visitor::decode(black_box(&bytes)).unwrap());
        });
        println!("attio / IgnoredAny            {ignored}");
        println!("attio / hand-written visitor  {hand}");
        return;
    }
    for _ in 0..rounds {
        match which.as_str() {
            "attio" => {
                black_box(json::decode_records::<BenchPerson>(black_box(&bytes)).unwrap());
            }
            "tracked" => {
                black_box(json::decode_records::<TrackedPerson>(black_box(&bytes)).unwrap());
            }
            "visitor" => {
                black_box(visitor::decode(black_box(&bytes)).unwrap());
            }
            "ignored" => {
                black_box(serde_json::from_slice::<IgnoredAny>(black_box(&bytes)).unwrap());
            }
            "none" => {}
            other => panic!("unknown decoder {other}"),
        }
    }
}

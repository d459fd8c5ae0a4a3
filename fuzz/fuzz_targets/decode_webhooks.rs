//! Any bytes, decoded as a webhook delivery: an error or a delivery, never a panic; a
//! delivery that decodes has its events' types and accessors answer too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(delivery) = attio_core::webhook::decode(data) {
        for event in &delivery.events {
            let _ = (event.event_type(), event.record(), event.entry(), event.actor());
        }
    }
});

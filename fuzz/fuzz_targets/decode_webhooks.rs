//! Any bytes, decoded as a webhook delivery: an error or a delivery, never a panic; a
//! delivery that decodes has its events' types and accessors answer too.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    attio_fuzz::fuzz_webhooks(data);
});

//! Any bytes, decoded as a single-entry and a query response (strictly and entry by
//! entry), a bare entry object and a value history into each of the three entry models:
//! an error or a value, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    attio_fuzz::fuzz_entries(data);
});

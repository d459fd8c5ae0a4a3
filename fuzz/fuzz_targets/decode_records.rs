//! Any bytes, decoded as a single-record and a query response (and a value history) into
//! each of the three models: an error or a value, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    attio_fuzz::fuzz_decode(data);
});

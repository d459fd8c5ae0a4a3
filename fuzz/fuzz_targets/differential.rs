//! The derive's decode against the reference decoder over `serde_json::Value`: where both
//! accept a document they must agree. First byte even: the rest is the document; odd: the
//! rest drives edits of a fixture-derived document (see `attio_fuzz::mutate`).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = attio_fuzz::fuzz_differential(data);
});

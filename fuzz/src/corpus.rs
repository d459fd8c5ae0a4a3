//! The seed corpus, built from the fixtures and the generated seeds
//! (`cargo run --release --bin replay -- --make-corpus` writes it to `corpus/`).
//!
//! * `corpus/decode_records/`: each fixture response and generated seed, minified, plus a
//!   few variants (a single record as a one-element query response, the record object
//!   alone, a truncated body, an empty list).
//! * `corpus/differential/`: the same documents prefixed with `0x00` (raw mode), and a few
//!   structured-mode inputs (`0x01`, seed index, key order, edit count, edit bytes).

use serde_json::{Value, json};

use crate::mutate::SEEDS;

/// `(target, file name, bytes)` for every seed corpus file.
pub fn seed_corpus() -> Vec<(&'static str, String, Vec<u8>)> {
    let mut docs: Vec<(String, Vec<u8>)> = Vec::new();
    for (name, text) in SEEDS {
        let v: Value = serde_json::from_str(text).expect("seeds are JSON");
        let stem = name.replace('/', "-").trim_end_matches(".json").to_owned();
        docs.push((format!("{stem}.json"), minified(&v)));
        if let Some(record) = v.get("data").filter(|d| d.is_object()) {
            docs.push((
                format!("{stem}.as-list.json"),
                minified(&json!({ "data": [record] })),
            ));
            docs.push((format!("{stem}.record-only.json"), minified(record)));
        }
    }
    let first = docs[0].1.clone();
    docs.push(("truncated.json".into(), first[..first.len() / 2].to_vec()));
    docs.push(("empty-list.json".into(), br#"{"data":[]}"#.to_vec()));
    let mut out = Vec::new();
    for (name, bytes) in &docs {
        out.push(("decode_records", name.clone(), bytes.clone()));
        let mut raw = vec![0u8];
        raw.extend_from_slice(bytes);
        out.push(("differential", format!("raw-{name}"), raw));
    }
    let edit_lists: [&[u8]; 3] = [&[], &[3, 8, 1, 40, 2, 4], &[9, 11, 0, 1, 200, 7, 8, 5, 3]];
    for seed in 0..SEEDS.len() as u8 {
        for (k, edits) in edit_lists.iter().enumerate() {
            let mut input = vec![1u8, seed, k as u8, edits.len() as u8 / 3];
            input.extend_from_slice(edits);
            out.push(("differential", format!("structured-{seed}-{k}"), input));
        }
    }
    out
}

fn minified(v: &Value) -> Vec<u8> {
    serde_json::to_vec(v).expect("a Value always serializes")
}

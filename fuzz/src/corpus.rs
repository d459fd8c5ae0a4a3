//! The seed corpus, built from the fixtures and the generated seeds
//! (`cargo run --release --bin replay -- --make-corpus` writes it to `corpus/`).
//!
//! * `corpus/decode_records/`: each fixture response and generated seed, minified, plus a
//!   few variants (a single record as a one-element query response, the record object
//!   alone, a truncated body, an empty list).
//! * `corpus/differential/`: the same documents prefixed with `0x00` (raw mode), and a few
//!   structured-mode inputs (`0x01`, seed index, key order, edit count, edit bytes).
//! * `corpus/decode_entries/`: the entry fixtures, and each record document turned into an
//!   entry (`values` → `entry_values`, an entry id, a parent record), minified.

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
    for (name, text) in ENTRY_FIXTURES {
        let v: Value = serde_json::from_str(text).expect("fixtures are JSON");
        out.push(("decode_entries", format!("{name}.json"), minified(&v)));
    }
    for (name, bytes) in &docs {
        if let Ok(v) = serde_json::from_slice::<Value>(bytes) {
            out.push((
                "decode_entries",
                format!("as-entry-{name}"),
                minified(&as_entry(v)),
            ));
        }
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

/// The documented entry responses.
const ENTRY_FIXTURES: [(&str, &str); 2] = [
    (
        "entries-get.response",
        include_str!("../../fixtures/entries/get.response.json"),
    ),
    (
        "entries-query.response",
        include_str!("../../fixtures/entries/query.response.json"),
    ),
];

/// A record document (a response, a list, or a record object) with every record object
/// turned into an entry object.
fn as_entry(v: Value) -> Value {
    match v {
        Value::Object(mut m) if m.contains_key("values") => {
            let values = m.remove("values").unwrap_or(Value::Null);
            let record_id = m
                .get("id")
                .and_then(|id| id.get("record_id"))
                .cloned()
                .unwrap_or(Value::Null);
            let workspace_id = m
                .get("id")
                .and_then(|id| id.get("workspace_id"))
                .cloned()
                .unwrap_or(Value::Null);
            m.insert(
                "id".into(),
                json!({
                    "workspace_id": workspace_id,
                    "list_id": "33ebdbe9-e529-47c9-b894-0ba25e9c15c0",
                    "entry_id": "2e6e29ea-c4e0-4f44-842d-78a891f8c156",
                }),
            );
            m.insert("parent_record_id".into(), record_id);
            m.insert("parent_object".into(), json!("people"));
            m.remove("web_url");
            m.insert("entry_values".into(), values);
            Value::Object(m)
        }
        Value::Object(m) => Value::Object(m.into_iter().map(|(k, v)| (k, as_entry(v))).collect()),
        Value::Array(a) => Value::Array(a.into_iter().map(as_entry).collect()),
        other => other,
    }
}

//! Mangled responses give an error or a value, never a panic: byte flips, truncation, type
//! swaps and nulls applied to the documented responses, decoded into the derived models.

mod common;

use attio_core::json;
use common::*;
use proptest::prelude::*;
use serde_json::Value;

const RESPONSES: [&str; 4] = [
    "people/create.response.json",
    "people/update.response.json",
    "users/create.response.json",
    "workspaces/create.response.json",
];

/// Decodes into every model; whatever the bytes, this must return.
fn decode_all(bytes: &[u8]) {
    let _ = json::decode_record::<FullPerson>(bytes);
    let _ = json::decode_record::<Person>(bytes);
    let _ = json::decode_record::<DocumentedPerson>(bytes);
    let _ = json::decode_record::<User>(bytes);
    let _ = json::decode_record::<Workspace>(bytes);
    let _ = json::decode_records::<Person>(bytes);
}

/// Every node of a JSON tree, as a path of keys and indexes.
fn paths(v: &Value, prefix: &mut Vec<PathStep>, out: &mut Vec<Vec<PathStep>>) {
    out.push(prefix.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                prefix.push(PathStep::Key(k.clone()));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        Value::Array(a) => {
            for (i, child) in a.iter().enumerate() {
                prefix.push(PathStep::Index(i));
                paths(child, prefix, out);
                prefix.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone, Debug)]
enum PathStep {
    Key(String),
    Index(usize),
}

fn node_mut<'a>(v: &'a mut Value, path: &[PathStep]) -> &'a mut Value {
    path.iter().fold(v, |v, step| match step {
        PathStep::Key(k) => &mut v[k.as_str()],
        PathStep::Index(i) => &mut v[*i],
    })
}

fn replacement(kind: u8) -> Value {
    match kind % 7 {
        0 => Value::Null,
        1 => Value::from(-17.5),
        2 => Value::from("surprise"),
        3 => Value::Array(vec![Value::Null, Value::from(1)]),
        4 => serde_json::json!({"attribute_type": "text", "value": 3}),
        5 => Value::Bool(true),
        _ => Value::from(u64::MAX),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn byte_flips_never_panic(which in 0..RESPONSES.len(), flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let mut bytes = fixture(RESPONSES[which]);
        for (at, byte) in flips {
            let i = at.index(bytes.len());
            bytes[i] = byte;
        }
        decode_all(&bytes);
    }

    #[test]
    fn truncation_never_panics(which in 0..RESPONSES.len(), at in any::<prop::sample::Index>()) {
        let bytes = fixture(RESPONSES[which]);
        let cut = at.index(bytes.len());
        decode_all(&bytes[..cut]);
    }

    #[test]
    fn type_swaps_and_nulls_never_panic(which in 0..RESPONSES.len(), picks in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..4)) {
        let mut tree = fixture_json(RESPONSES[which]);
        for (at, kind) in picks {
            let mut all = Vec::new();
            paths(&tree, &mut Vec::new(), &mut all);
            let path = &all[at.index(all.len())];
            *node_mut(&mut tree, path) = replacement(kind);
        }
        decode_all(&serde_json::to_vec(&tree).unwrap());
    }
}

#[test]
fn swapping_every_node_for_every_kind_never_panics() {
    for file in RESPONSES {
        let tree = fixture_json(file);
        let mut all = Vec::new();
        paths(&tree, &mut Vec::new(), &mut all);
        for path in &all {
            for kind in 0..7 {
                let mut t = tree.clone();
                *node_mut(&mut t, path) = replacement(kind);
                decode_all(&serde_json::to_vec(&t).unwrap());
            }
        }
    }
}

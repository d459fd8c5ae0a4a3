//! The structured mode of the differential target: a fixture-derived response, edited by
//! the fuzz input, written back out as JSON.
//!
//! The input is read as a stream of choices: which seed document, how many edits, then for
//! each edit an operation, a node of the tree (pre-order index) and its operands. When the
//! input runs out the edits stop, so every input maps to exactly one document. Edits work on
//! the `serde_json::Value` tree, so the output is always well-formed JSON with unique keys;
//! the key order of each object is also chosen by the input (sorted, reversed or rotated),
//! so order-dependent behaviour is reachable. The raw mode of the target covers everything
//! that is not well-formed.

use std::sync::OnceLock;

use serde_json::{Map, Number, Value};

/// The documents edits start from: the fixture responses and the generated seeds.
pub const SEEDS: [(&str, &str); 7] = [
    (
        "people/create.response.json",
        include_str!("../../fixtures/people/create.response.json"),
    ),
    (
        "people/update.response.json",
        include_str!("../../fixtures/people/update.response.json"),
    ),
    (
        "users/create.response.json",
        include_str!("../../fixtures/users/create.response.json"),
    ),
    (
        "workspaces/create.response.json",
        include_str!("../../fixtures/workspaces/create.response.json"),
    ),
    (
        "all-types.response.json",
        include_str!("../seeds/all-types.response.json"),
    ),
    (
        "lenient.response.json",
        include_str!("../seeds/lenient.response.json"),
    ),
    (
        "query.response.json",
        include_str!("../seeds/query.response.json"),
    ),
];

fn seeds() -> &'static [Value] {
    static PARSED: OnceLock<Vec<Value>> = OnceLock::new();
    PARSED.get_or_init(|| {
        SEEDS
            .iter()
            .map(|(name, text)| {
                serde_json::from_str(text)
                    .unwrap_or_else(|e| panic!("seed {name} is not JSON: {e}"))
            })
            .collect()
    })
}

/// The fuzz input as a stream of choices.
pub struct Choices<'a> {
    data: &'a [u8],
}

impl<'a> Choices<'a> {
    /// Choices read from `data`.
    pub fn new(data: &'a [u8]) -> Self {
        Choices { data }
    }

    /// The next byte, if any is left.
    pub fn byte(&mut self) -> Option<u8> {
        let (&b, rest) = self.data.split_first()?;
        self.data = rest;
        Some(b)
    }

    /// A number below `n` (one byte when `n <= 256`, two otherwise).
    pub fn below(&mut self, n: usize) -> Option<usize> {
        if n == 0 {
            return None;
        }
        let v = if n <= 256 {
            usize::from(self.byte()?)
        } else {
            usize::from(self.byte()?) << 8 | usize::from(self.byte().unwrap_or(0))
        };
        Some(v % n)
    }

    /// One element of `items`.
    pub fn pick<'t, T>(&mut self, items: &'t [T]) -> Option<&'t T> {
        items.get(self.below(items.len())?)
    }
}

/// Keys worth renaming to or inserting: envelope keys, every type's keys, slugs, record keys.
const KEYS: &[&str] = &[
    "data",
    "id",
    "created_at",
    "web_url",
    "values",
    "workspace_id",
    "object_id",
    "record_id",
    "active_from",
    "active_until",
    "created_by_actor",
    "attribute_type",
    "type",
    "value",
    "currency_value",
    "currency_code",
    "status",
    "status_id",
    "option",
    "option_id",
    "attribute_id",
    "title",
    "is_archived",
    "celebration_enabled",
    "target_time_in_status",
    "target_object",
    "target_record_id",
    "referenced_actor_type",
    "referenced_actor_id",
    "line_1",
    "locality",
    "postcode",
    "country_code",
    "latitude",
    "longitude",
    "domain",
    "root_domain",
    "email_address",
    "original_email_address",
    "email_domain",
    "phone_number",
    "normalized_phone_number",
    "original_phone_number",
    "first_name",
    "last_name",
    "full_name",
    "interaction_type",
    "interacted_at",
    "owner_actor",
    "description",
    "linkedin",
    "strongest_connection_strength_legacy",
    "twitter_follower_count",
    "is_customer",
    "deal_value",
    "foundation_date",
    "stars",
    "stage",
    "strongest_connection_strength",
    "company",
    "associated_people",
    "person",
    "workspace",
    "created_by",
    "strongest_connection_user",
    "primary_location",
    "domains",
    "email_addresses",
    "primary_email_address",
    "phone_numbers",
    "name",
    "last_interaction",
];

/// The keys of each type's value object (beyond the envelope), aliases included.
const TYPE_KEYS: &[(&str, &[&str])] = &[
    ("text", &["value"]),
    ("number", &["value"]),
    ("checkbox", &["value"]),
    ("currency", &["currency_value", "currency_code"]),
    ("date", &["value"]),
    ("timestamp", &["value"]),
    ("rating", &["value"]),
    ("status", &["status"]),
    ("select", &["option"]),
    ("record-reference", &["target_object", "target_record_id"]),
    (
        "actor-reference",
        &["referenced_actor_type", "referenced_actor_id"],
    ),
    (
        "location",
        &[
            "line_1",
            "line_2",
            "line_3",
            "line_4",
            "locality",
            "region",
            "postcode",
            "country_code",
            "latitude",
            "longitude",
        ],
    ),
    ("domain", &["domain", "root_domain"]),
    (
        "email-address",
        &[
            "email_address",
            "original_email_address",
            "email_domain",
            "email_root_domain",
            "email_local_specifier",
        ],
    ),
    (
        "phone-number",
        &[
            "original_phone_number",
            "country_code",
            "phone_number",
            "normalized_phone_number",
        ],
    ),
    ("personal-name", &["first_name", "last_name", "full_name"]),
    (
        "interaction",
        &["interaction_type", "interacted_at", "owner_actor"],
    ),
];

const ENVELOPE_KEYS: &[&str] = &[
    "active_from",
    "active_until",
    "created_by_actor",
    "attribute_type",
];

/// Strings that sit on the edges of the read rules.
const STRINGS: &[&str] = &[
    "",
    " ",
    "text",
    "number",
    "checkbox",
    "currency",
    "date",
    "timestamp",
    "rating",
    "status",
    "select",
    "record-reference",
    "actor-reference",
    "location",
    "domain",
    "email-address",
    "phone-number",
    "personal-name",
    "interaction",
    "2023-01-01T15:00:00.000000000Z",
    "2023-01-01T15:00:00Z",
    "2023-01-01t15:00:00z",
    "2023-01-01T15:00:00+05:30",
    "2023-01-01T00:30:00-05:00",
    "2023-01-01T15:00:00-00:00",
    "2023-01-01T15:00:00",
    "2023-01-01T15:00:00.5",
    "2023-01-01 15:00:00Z",
    "2023-01-01T15:00:00.1234567891Z",
    "2016-12-31T23:59:60Z",
    "0000-01-01T00:00:00+01:00",
    "9999-12-31T23:59:59.999999999Z",
    "9999-12-31T23:00:00-01:00",
    "2023-02-29T00:00:00Z",
    "2023-01-01",
    "2024-02-29",
    "2023-1-5",
    "+2023-01-01",
    " 2023-01-01",
    "20230101",
    "2023",
    "99a03ff3-0435-47da-95cc-76b2caeb4dab",
    "99a03ff3043547da95cc76b2caeb4dab",
    "{99a03ff3-0435-47da-95cc-76b2caeb4dab}",
    "urn:uuid:99a03ff3-0435-47da-95cc-76b2caeb4dab",
    "99A03FF3-0435-47DA-95CC-76B2CAEB4DAB",
    "72ef5feaf-4919-4208-b332-1339ab8ba040",
    "00000000-0000-0000-0000-000000000000",
    "4.99",
    " 4.99 ",
    "+1",
    "-0",
    "1.",
    ".5",
    "1e3",
    "NaN",
    "inf",
    "00012",
    "\u{3000}12\u{3000}",
    "1234567890123456789012345678901234567890",
    "true",
    "false",
    "True",
    "companies",
    "people",
    "deals",
    "workspaces",
    "system",
    "api-token",
    "workspace-member",
    "app",
    "email",
    "calendar-event",
    "in-person-meeting",
    "ada@example.com",
    "ADA@Example.COM",
    "+15558675309",
    "attio.com",
    "Lead",
    "P0DT6H0M0S",
    "é",
    "\u{0}",
    "\u{1F389}",
];

fn dictionary_value(c: &mut Choices) -> Option<Value> {
    Some(match c.below(8)? {
        0..=3 => Value::String((*c.pick(STRINGS)?).to_owned()),
        4 => Value::Number(match c.below(20)? {
            0 => 0.into(),
            1 => 1.into(),
            2 => 5.into(),
            3 => 6.into(),
            4 => (-1).into(),
            5 => i64::MAX.into(),
            6 => i64::MIN.into(),
            7 => u64::MAX.into(),
            8 => (1u64 << 53).into(),
            9 => ((1u64 << 53) + 1).into(),
            10 => Number::from_f64(-0.0)?,
            11 => Number::from_f64(5.0)?,
            12 => Number::from_f64(0.5)?,
            13 => Number::from_f64(4.99)?,
            14 => Number::from_f64(1e300)?,
            15 => Number::from_f64(9_223_372_036_854_775_808.0)?,
            16 => Number::from_f64(-9_223_372_036_854_775_808.0)?,
            17 => Number::from_f64(37.331741)?,
            18 => Number::from_f64(1e-7)?,
            _ => Number::from_f64(0.1 + 0.2)?,
        }),
        5 => Value::Bool(c.byte()? & 1 == 1),
        6 => Value::Null,
        _ => match c.below(2)? {
            0 => Value::Object(Map::new()),
            _ => Value::Array(Vec::new()),
        },
    })
}

/// The number of nodes of `v` (itself included).
fn count(v: &Value) -> usize {
    1 + match v {
        Value::Object(m) => m.values().map(count).sum(),
        Value::Array(a) => a.iter().map(count).sum(),
        _ => 0,
    }
}

/// The node at pre-order index `*n` (0 is `v` itself).
fn nth_mut<'v>(v: &'v mut Value, n: &mut usize) -> Option<&'v mut Value> {
    if *n == 0 {
        return Some(v);
    }
    *n -= 1;
    match v {
        Value::Object(m) => {
            for child in m.values_mut() {
                if let Some(found) = nth_mut(child, n) {
                    return Some(found);
                }
            }
        }
        Value::Array(a) => {
            for child in a.iter_mut() {
                if let Some(found) = nth_mut(child, n) {
                    return Some(found);
                }
            }
        }
        _ => {}
    }
    None
}

fn nth(v: &mut Value, index: usize) -> Option<&mut Value> {
    nth_mut(v, &mut { index })
}

/// The pre-order indexes of the value objects (objects with an `attribute_type`).
fn value_objects(v: &Value, next: &mut usize, out: &mut Vec<usize>) {
    let here = *next;
    *next += 1;
    match v {
        Value::Object(m) => {
            if m.contains_key("attribute_type") {
                out.push(here);
            }
            for child in m.values() {
                value_objects(child, next, out);
            }
        }
        Value::Array(a) => {
            for child in a {
                value_objects(child, next, out);
            }
        }
        _ => {}
    }
}

/// Edits one key of a value object, chosen among its type's keys and the envelope's: set it
/// to null, remove it, set a dictionary value, or copy another of its keys' values into it.
fn edit_value_object(root: &mut Value, c: &mut Choices) -> Option<()> {
    let mut objects = Vec::new();
    value_objects(root, &mut 0, &mut objects);
    let at = *c.pick(&objects)?;
    let how = c.below(5)?;
    let pick = usize::from(c.byte()?);
    let value = dictionary_value(c);
    let Value::Object(m) = nth(root, at)? else {
        return Some(());
    };
    let ty = m
        .get("attribute_type")
        .and_then(Value::as_str)
        .unwrap_or("");
    let own = TYPE_KEYS
        .iter()
        .find(|(t, _)| *t == ty)
        .map_or(&[][..], |(_, keys)| *keys);
    let all: Vec<&str> = own.iter().chain(ENVELOPE_KEYS).copied().collect();
    let key = all[pick % all.len()].to_owned();
    match how {
        0 => {
            m.insert(key, Value::Null);
        }
        1 => {
            m.remove(&key);
        }
        2 => {
            m.insert(key, value?);
        }
        _ => {
            let from = all[(pick / all.len() + 1) % all.len()];
            if let Some(v) = m.get(from).cloned() {
                m.insert(key, v);
            }
        }
    }
    Some(())
}

/// Trees larger than this only get edits that do not grow them.
const MAX_NODES: usize = 4000;

/// Applies one edit chosen by `c`; `None` when the input ran out.
fn edit(root: &mut Value, c: &mut Choices) -> Option<()> {
    let nodes = count(root);
    let op = c.below(16)?;
    if op >= 14 {
        return edit_value_object(root, c);
    }
    let at = c.below(nodes)?;
    let child = usize::from(c.byte()?);
    let grow_ok = nodes < MAX_NODES;
    match op {
        0 => *nth(root, at)? = Value::Null,
        1 => *nth(root, at)? = dictionary_value(c)?,
        // Remove a member or an element of the node.
        2 => match nth(root, at)? {
            Value::Object(m) if !m.is_empty() => {
                let key = m.keys().nth(child % m.len())?.clone();
                m.remove(&key);
            }
            Value::Array(a) if !a.is_empty() => {
                a.remove(child % a.len());
            }
            _ => {}
        },
        // Repeat an element of an array.
        3 if grow_ok => {
            if let Value::Array(a) = nth(root, at)?
                && !a.is_empty()
            {
                let i = child % a.len();
                let copy = a[i].clone();
                a.insert(i + 1, copy);
            }
        }
        // Replace the node with a copy of another node (moves value arrays between
        // attributes, value objects between types, …).
        4 if grow_ok => {
            let other = c.below(nodes)?;
            let copy = nth(root, other)?.clone();
            *nth(root, at)? = copy;
        }
        // Rename a member of an object.
        5 => {
            let new_key = (*c.pick(KEYS)?).to_owned();
            if let Value::Object(m) = nth(root, at)?
                && !m.is_empty()
            {
                let key = m.keys().nth(child % m.len())?.clone();
                if let Some(v) = m.remove(&key) {
                    m.insert(new_key, v);
                }
            }
        }
        // Add a member to an object: a dictionary value or a copy of another node.
        6 if grow_ok => {
            let key = (*c.pick(KEYS)?).to_owned();
            let value = if child & 1 == 0 {
                dictionary_value(c)?
            } else {
                let other = c.below(nodes)?;
                nth(root, other)?.clone()
            };
            if let Value::Object(m) = nth(root, at)? {
                m.insert(key, value);
            }
        }
        // Wrap in an array, or unwrap a one-element array.
        7 => {
            let n = nth(root, at)?;
            *n = match n.take() {
                Value::Array(mut a) if a.len() == 1 => a.pop()?,
                other => Value::Array(vec![other]),
            };
        }
        8 => {
            let extra = c.byte()?;
            if let Value::String(s) = nth(root, at)? {
                tweak_string(s, child % 8, extra);
            }
        }
        9 => {
            let n = nth(root, at)?;
            if let Value::Number(num) = n {
                *n = tweak_number(num, child % 8);
            }
        }
        // Close (or reopen, or garble) a value.
        10 => {
            let value = match child % 6 {
                0 => Value::Null,
                1 => Value::String("2024-06-01T00:00:00.000000000Z".into()),
                2 => Value::String("garbage".into()),
                3 => Value::Bool(false),
                4 => Value::from(0),
                _ => Value::String("2024-06-01T00:00:00".into()),
            };
            if let Value::Object(m) = nth(root, at)? {
                m.insert("active_until".into(), value);
            }
        }
        11 => {
            let t = STRINGS[2 + child % 17];
            if let Value::Object(m) = nth(root, at)? {
                m.insert("attribute_type".into(), Value::String(t.to_owned()));
            }
        }
        12 => {
            let other = usize::from(c.byte()?);
            if let Value::Array(a) = nth(root, at)?
                && !a.is_empty()
            {
                let n = a.len();
                a.swap(child % n, other % n);
            }
        }
        13 => {
            if let Value::Array(a) = nth(root, at)? {
                if a.len() > 1 {
                    a.reverse();
                } else {
                    a.clear();
                }
            }
        }
        _ => {}
    }
    Some(())
}

fn tweak_string(s: &mut String, how: usize, extra: u8) {
    match how {
        0 => {
            s.pop();
        }
        1 => s.push(char::from(b' ' + extra % 95)),
        2 => *s = s.to_uppercase(),
        3 => *s = format!(" {s} "),
        4 => {
            // Replace one ASCII digit with another: dates, times, ids, numbers.
            let positions: Vec<usize> = s
                .char_indices()
                .filter(|(_, ch)| ch.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            if !positions.is_empty() {
                let at = positions[usize::from(extra) % positions.len()];
                let digit = char::from(b'0' + extra % 10);
                s.replace_range(at..at + 1, digit.encode_utf8(&mut [0; 4]));
            }
        }
        5 => {
            let keep = usize::from(extra) % (s.len() + 1);
            let mut cut = keep;
            while !s.is_char_boundary(cut) {
                cut -= 1;
            }
            s.truncate(cut);
        }
        6 => s.push_str(["Z", "+01:00", ".5", "0", "T00:00:00", "-"][usize::from(extra) % 6]),
        _ => *s = s.to_lowercase(),
    }
}

fn tweak_number(n: &Number, how: usize) -> Value {
    let f = n.as_f64().unwrap_or(0.0);
    let num = |v: f64| Number::from_f64(v).map_or(Value::Null, Value::Number);
    match how {
        0 => num(-f),
        1 => num(f + 1.0),
        2 => num(f * 10.0),
        3 => num(f + 0.5),
        4 => Value::String(n.to_string()),
        5 => num(f),                        // an integer becomes a float: 4 → 4.0
        6 => Value::from(f.trunc() as i64), // a float becomes an integer
        _ => num(f / 3.0),
    }
}

/// Writes `v` as JSON with each object's keys in an order chosen by `order` (sorted,
/// reversed, or rotated).
fn write(v: &Value, order: u8, counter: &mut usize, out: &mut Vec<u8>) {
    match v {
        Value::Object(m) => {
            let mut entries: Vec<(&String, &Value)> = m.iter().collect();
            *counter += 1;
            match (usize::from(order) + *counter) % 3 {
                0 => {}
                1 => entries.reverse(),
                _ => {
                    let len = entries.len().max(1);
                    entries.rotate_left(*counter % len);
                }
            }
            out.push(b'{');
            for (i, (k, child)) in entries.into_iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                // Serializing a string into a Vec cannot fail.
                let _ = serde_json::to_writer(&mut *out, k);
                out.push(b':');
                write(child, order, counter, out);
            }
            out.push(b'}');
        }
        Value::Array(a) => {
            out.push(b'[');
            for (i, child) in a.iter().enumerate() {
                if i > 0 {
                    out.push(b',');
                }
                write(child, order, counter, out);
            }
            out.push(b']');
        }
        scalar => {
            let _ = serde_json::to_writer(&mut *out, scalar);
        }
    }
}

/// The structured mode: a seed chosen by the first byte, up to 32 edits, then the document
/// written with an input-chosen key order.
pub fn structured(data: &[u8]) -> Vec<u8> {
    let mut c = Choices::new(data);
    let seeds = seeds();
    let index = c.below(seeds.len()).unwrap_or(0);
    let mut doc = seeds[index].clone();
    let order = c.byte().unwrap_or(0);
    let edits = c.byte().map_or(0, |b| usize::from(b % 32) + 1);
    for _ in 0..edits {
        if edit(&mut doc, &mut c).is_none() {
            break;
        }
    }
    let mut out = Vec::with_capacity(4096);
    write(&doc, order, &mut 0, &mut out);
    out
}

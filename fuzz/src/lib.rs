//! Fuzzing attio-core's record decoder.
//!
//! * [`fuzz_decode`] (target `decode_records`): any bytes, decoded as a single-record and as
//!   a query response into each of the three models of [`models`]; it must never panic.
//! * [`fuzz_differential`] (target `differential`): the derive's decode against the
//!   independent [`reference`] decoder over `serde_json::Value`; where both accept an
//!   input, they must produce the same values ([`norm`] is the form they are compared in).
//!   The first byte picks the mode: even = the rest is the document, odd = the rest drives
//!   edits of a fixture-derived document ([`mutate`]).
//!
//! Both bodies are plain functions, so `src/bin/replay.rs` runs them over corpus files
//! without libFuzzer.

use std::sync::OnceLock;

use attio_core::json;
use attio_core::values::{Location, Status, Tracked};
use attio_core::{AttioEntry, AttioRecord, Entry, Record};
use serde_json::Value;

pub mod corpus;
pub mod entry_models;
pub mod models;
pub mod mutate;
pub mod norm;
pub mod reference;

use models::{ManyDeal, PlainPerson, SCHEMA_MANY, SCHEMA_PLAIN, SCHEMA_TRACKED, TrackedCompany};
use norm::Expected;
use reference::FieldSpec;

/// The body of the `decode_records` target: every decoder entry point on `bytes`, into
/// every model. Results are dropped; only panics matter.
pub fn fuzz_decode(bytes: &[u8]) {
    decode_all::<PlainPerson>(bytes);
    decode_all::<TrackedCompany>(bytes);
    decode_all::<ManyDeal>(bytes);
    let _ = json::decode_history::<PlainPerson, Status>(bytes);
    let _ = json::decode_history::<TrackedCompany, Tracked<Location>>(bytes);
}

fn decode_all<T: AttioRecord>(bytes: &[u8]) {
    let _ = json::decode_record::<T>(bytes);
    let _ = json::decode_records::<T>(bytes);
    // `Record<T>: Deserialize`, the record object without the `data` wrapper.
    let _ = serde_json::from_slice::<Record<T>>(bytes);
}

/// The body of the `decode_entries` target: every entry decoder entry point on `bytes`
/// (a single entry, a query response, its lenient entry-by-entry form, a bare entry
/// object, a value history), into each entry model of [`entry_models`]. Only panics
/// matter.
pub fn fuzz_entries(bytes: &[u8]) {
    use entry_models::{ManyEntry, PlainEntry, TrackedEntry};
    entries_all::<PlainEntry>(bytes);
    entries_all::<TrackedEntry>(bytes);
    entries_all::<ManyEntry>(bytes);
    let _ = json::decode_entry_history::<PlainEntry, Status>(bytes);
    let _ = json::decode_entry_history::<TrackedEntry, Tracked<Location>>(bytes);
}

fn entries_all<E: AttioEntry>(bytes: &[u8]) {
    let _ = json::decode_entry::<E>(bytes);
    let _ = json::decode_entries::<E>(bytes);
    let _ = json::decode_entries_lenient::<E>(bytes);
    // `Entry<E>: Deserialize`, the entry object without the `data` wrapper.
    let _ = serde_json::from_slice::<Entry<E>>(bytes);
}

/// The body of the `decode_webhooks` target: `bytes` as a webhook delivery; a delivery
/// that decodes has its events' types and accessors answer too. Only panics matter.
pub fn fuzz_webhooks(bytes: &[u8]) {
    if let Ok(delivery) = attio_core::webhook::decode(bytes) {
        for event in &delivery.events {
            let _ = (
                event.event_type(),
                event.record(),
                event.entry(),
                event.actor(),
            );
        }
    }
}

/// The body of the `differential` target: picks the mode by the first byte ([`document`]),
/// then runs [`differential`] on the document (which decodes it with every model as a
/// record and as a list, so a panic there also surfaces).
pub fn fuzz_differential(data: &[u8]) -> Report {
    match document(data) {
        Some(doc) => differential(&doc),
        None => Report::default(),
    }
}

/// The document a `differential` input stands for: the input without its first byte when
/// that byte is even, the edited fixture when it is odd; `None` for an empty input.
pub fn document(data: &[u8]) -> Option<std::borrow::Cow<'_, [u8]>> {
    let (&mode, rest) = data.split_first()?;
    Some(if mode & 1 == 0 {
        std::borrow::Cow::Borrowed(rest)
    } else {
        std::borrow::Cow::Owned(mutate::structured(rest))
    })
}

/// How the two decoders fared on one document, for one model and one entry point.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Both refused it.
    BothRefused,
    /// Both accepted it, with the same values.
    Agreed,
    /// Only the derive accepted it.
    DeriveOnly,
    /// Only the reference accepted it.
    ReferenceOnly,
}

/// What [`differential`] saw on one document.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Not well-formed JSON (nothing compared).
    pub not_json: bool,
    /// Some object repeats a key (nothing compared).
    pub duplicate_keys: bool,
    /// `(model, entry point, outcome)` for each comparison made.
    pub outcomes: Vec<(&'static str, &'static str, Outcome)>,
}

/// Whether disagreements about *acceptance* also fail (`ATTIO_FUZZ_STRICT=1`). Off by
/// default: the derive knowingly accepts forms the reference does not model (see
/// [`reference`]), so only value disagreements are bugs by definition.
fn strict() -> bool {
    static STRICT: OnceLock<bool> = OnceLock::new();
    *STRICT.get_or_init(|| std::env::var_os("ATTIO_FUZZ_STRICT").is_some_and(|v| v == "1"))
}

/// Decodes `bytes` with the derive and with the reference, for each model, as a single
/// record and as a list; panics when both accept and the values differ.
pub fn differential(bytes: &[u8]) -> Report {
    let mut report = Report::default();
    let Ok(doc) = serde_json::from_slice::<Value>(bytes) else {
        report.not_json = true;
        return report;
    };
    if reference::has_duplicate_keys(bytes) != Some(false) {
        report.duplicate_keys = true;
        return report;
    }
    compare_model::<PlainPerson>(
        "PlainPerson",
        SCHEMA_PLAIN,
        norm::normalise_plain,
        bytes,
        &doc,
        &mut report,
    );
    compare_model::<TrackedCompany>(
        "TrackedCompany",
        SCHEMA_TRACKED,
        norm::normalise_tracked,
        bytes,
        &doc,
        &mut report,
    );
    compare_model::<ManyDeal>(
        "ManyDeal",
        SCHEMA_MANY,
        norm::normalise_many,
        bytes,
        &doc,
        &mut report,
    );
    report
}

fn compare_model<T: AttioRecord>(
    model: &'static str,
    schema: &[FieldSpec],
    normalise: fn(&Record<T>) -> Expected,
    bytes: &[u8],
    doc: &Value,
    report: &mut Report,
) {
    let derive = json::decode_record::<T>(bytes).map(|r| normalise(&r));
    let refd = reference::decode_record(schema, doc);
    let outcome = compare(model, "decode_record", schema, bytes, derive, refd, |e| {
        vec![e]
    });
    report.outcomes.push((model, "decode_record", outcome));

    let derive =
        json::decode_records::<T>(bytes).map(|rs| rs.iter().map(normalise).collect::<Vec<_>>());
    let refd = reference::decode_records(schema, doc);
    let outcome = compare(model, "decode_records", schema, bytes, derive, refd, |e| e);
    report.outcomes.push((model, "decode_records", outcome));
}

fn compare<E>(
    model: &str,
    entry: &str,
    schema: &[FieldSpec],
    bytes: &[u8],
    derive: Result<E, attio_core::Error>,
    refd: Option<E>,
    records: impl Fn(E) -> Vec<Expected>,
) -> Outcome {
    let outcome = match (derive, refd) {
        (Err(_), None) => Outcome::BothRefused,
        (Ok(_), None) => Outcome::DeriveOnly,
        (Err(e), Some(_)) => {
            if strict() {
                panic!(
                    "{model} {entry}: the derive refused what the reference accepts: {e}\ninput: {}",
                    show(bytes)
                );
            }
            Outcome::ReferenceOnly
        }
        (Ok(d), Some(r)) => {
            let (d, r) = (records(d), records(r));
            if d != r {
                panic!(
                    "{model} {entry}: the derive and the reference disagree\n{}\ninput: {}",
                    describe_difference(schema, &d, &r),
                    show(bytes)
                );
            }
            Outcome::Agreed
        }
    };
    if strict() && outcome == Outcome::DeriveOnly {
        panic!(
            "{model} {entry}: the derive accepted what the reference refuses\ninput: {}",
            show(bytes)
        );
    }
    outcome
}

/// The first difference between two decoded lists, naming the record, field and values.
pub fn describe_difference(schema: &[FieldSpec], derive: &[Expected], refd: &[Expected]) -> String {
    if derive.len() != refd.len() {
        return format!(
            "record count: derive {}, reference {}",
            derive.len(),
            refd.len()
        );
    }
    for (i, (d, r)) in derive.iter().zip(refd).enumerate() {
        if d.id != r.id || d.created_at != r.created_at || d.web_url != r.web_url {
            return format!(
                "record {i} envelope:\n  derive:    {:?} {:?} {:?}\n  reference: {:?} {:?} {:?}",
                d.id, d.created_at, d.web_url, r.id, r.created_at, r.web_url
            );
        }
        for (j, (fd, fr)) in d.values.iter().zip(&r.values).enumerate() {
            if fd != fr {
                let slug = schema.get(j).map_or("?", |s| s.slug);
                return format!(
                    "record {i}, attribute `{slug}`:\n  derive:    {fd:?}\n  reference: {fr:?}"
                );
            }
        }
        if d.values.len() != r.values.len() {
            return format!("record {i}: field counts differ");
        }
    }
    "no difference found".into()
}

/// The input, as text, shortened for a panic message.
fn show(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    if text.len() > 8000 {
        let mut cut = 8000;
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        format!("{}… ({} bytes)", &text[..cut], bytes.len())
    } else {
        text.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use attio_core::{AttributeType, Multiplicity};
    use reference::{Kind, Mult};

    fn check_schema<T: AttioRecord>(schema: &[FieldSpec]) {
        let table = T::ATTRIBUTES;
        assert_eq!(table.len(), schema.len(), "{}", T::OBJECT);
        for (def, spec) in table.iter().zip(schema) {
            assert_eq!(def.slug, spec.slug);
            assert_eq!(
                def.attribute_type,
                AttributeType::parse(spec.kind.attribute_type()).unwrap(),
                "{}",
                spec.slug
            );
            let mult = match def.multiplicity {
                Multiplicity::One => Mult::One,
                Multiplicity::Optional => Mult::Optional,
                Multiplicity::Many => Mult::Many,
            };
            assert_eq!(mult, spec.mult, "{}", spec.slug);
            assert_eq!(def.tracked, spec.tracked, "{}", spec.slug);
            let target = match spec.kind {
                Kind::RecordRef(t) => Some(t),
                _ => None,
            };
            assert_eq!(def.target_object, target, "{}", spec.slug);
        }
    }

    #[test]
    fn schemas_match_the_derived_tables() {
        check_schema::<PlainPerson>(SCHEMA_PLAIN);
        check_schema::<TrackedCompany>(SCHEMA_TRACKED);
        check_schema::<ManyDeal>(SCHEMA_MANY);
    }

    #[test]
    fn the_models_cover_every_attribute_type() {
        let mut seen: Vec<AttributeType> = [PlainPerson::ATTRIBUTES]
            .iter()
            .flat_map(|t| t.iter())
            .filter(|d| d.multiplicity == Multiplicity::Optional)
            .map(|d| d.attribute_type)
            .collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 17, "each type once as Option<T>: {seen:?}");
    }

    #[test]
    fn every_seed_agrees_and_compares_values() {
        for (name, text) in mutate::SEEDS {
            let report = differential(text.as_bytes());
            assert!(!report.not_json && !report.duplicate_keys, "{name}");
            assert!(
                report.outcomes.iter().any(|o| o.2 == Outcome::Agreed),
                "{name}: no model decoded it: {:?}",
                report.outcomes
            );
        }
    }

    #[test]
    fn every_model_and_entry_point_decodes_some_seed() {
        let mut agreed = std::collections::HashSet::new();
        let mut docs: Vec<Vec<u8>> = Vec::new();
        for (_, text) in mutate::SEEDS {
            docs.push(text.as_bytes().to_vec());
            let v: Value = serde_json::from_str(text).unwrap();
            if v["data"].is_object() {
                let list = serde_json::json!({ "data": [v["data"].clone()] });
                docs.push(serde_json::to_vec(&list).unwrap());
            }
        }
        for doc in &docs {
            for (model, entry, outcome) in differential(doc).outcomes {
                if outcome == Outcome::Agreed {
                    agreed.insert((model, entry));
                }
            }
        }
        for model in ["PlainPerson", "TrackedCompany", "ManyDeal"] {
            for entry in ["decode_record", "decode_records"] {
                assert!(agreed.contains(&(model, entry)), "{model} {entry}");
            }
        }
    }

    #[test]
    fn every_entry_model_decodes_some_entry_seed() {
        use entry_models::{ManyEntry, PlainEntry, TrackedEntry};
        let seeds: Vec<Vec<u8>> = corpus::seed_corpus()
            .into_iter()
            .filter(|(target, _, _)| *target == "decode_entries")
            .map(|(_, _, bytes)| bytes)
            .collect();
        fn any<E: AttioEntry>(seeds: &[Vec<u8>]) -> bool {
            seeds.iter().any(|s| json::decode_entry::<E>(s).is_ok())
                && seeds.iter().any(|s| json::decode_entries::<E>(s).is_ok())
        }
        assert!(any::<PlainEntry>(&seeds), "PlainEntry");
        assert!(any::<TrackedEntry>(&seeds), "TrackedEntry");
        assert!(any::<ManyEntry>(&seeds), "ManyEntry");
    }

    #[test]
    fn structured_mode_is_total() {
        for i in 0..=255u8 {
            let data: Vec<u8> = (0..64u8)
                .map(|j| j.wrapping_mul(i).wrapping_add(7))
                .collect();
            let doc = mutate::structured(&data);
            assert!(serde_json::from_slice::<Value>(&doc).is_ok());
            let _ = fuzz_differential(&[1].iter().chain(&data).copied().collect::<Vec<_>>());
        }
    }

    #[test]
    fn reference_dates_and_times() {
        use reference::{date, datetime};
        let t = datetime("2023-01-01T00:30:00-05:00", false).unwrap();
        assert_eq!(t.to_rfc3339(), "2023-01-01T05:30:00+00:00");
        assert!(datetime("2023-01-01T15:00:00", false).is_none());
        assert!(datetime("2023-01-01T15:00:00", true).is_some());
        assert_eq!(
            date("2023-01-31T23:30:00-05:00").unwrap().to_string(),
            "2023-02-01"
        );
        assert!(date("2023-02-29").is_none());
        assert!(datetime("2023-01-01T15:00:00.1234567891Z", false).is_none());
    }
}

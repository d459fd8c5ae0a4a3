//! A response whose `values` has no key for an `Option` or `Vec` field decodes (the field is
//! `None` or empty) and says so: one `tracing` warning per model and attribute for the
//! process, naming the model, the field, the attribute and the object. A required field
//! with an absent key stays a decode error.

use std::fmt::{self, Write as _};
use std::sync::{Arc, Mutex};

use attio_core::{AttioRecord, Error, json};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

/// Keeps the text of every warning event.
#[derive(Clone, Default)]
struct Warnings(Arc<Mutex<Vec<String>>>);

struct Text<'a>(&'a mut String);

impl Visit for Text<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn fmt::Debug) {
        let _ = write!(self.0, "{}={:?}; ", field.name(), value);
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        let _ = write!(self.0, "{}={}; ", field.name(), value);
    }
}

impl Subscriber for Warnings {
    fn enabled(&self, metadata: &Metadata<'_>) -> bool {
        *metadata.level() <= Level::WARN
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        if *event.metadata().level() == Level::WARN {
            let mut text = String::new();
            event.record(&mut Text(&mut text));
            self.0.lock().unwrap().push(text);
        }
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

impl Warnings {
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.0.lock().unwrap())
    }
}

#[derive(AttioRecord, Debug, PartialEq)]
#[attio(object = "people")]
struct Contact {
    name: Option<String>,
    #[attio(rename = "linkedin")]
    linkedin_url: Option<String>,
    nicknames: Vec<String>,
}

#[derive(AttioRecord, Debug)]
#[attio(object = "people")]
struct Strict {
    job_title: String,
}

/// A record object with these `values`.
fn record(values: &str) -> String {
    format!(
        r#"{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}},"created_at":"2022-11-21T13:22:49.061281000Z","values":{{{values}}}}}"#
    )
}

/// `{"data": record}`
fn body(values: &str) -> Vec<u8> {
    format!(r#"{{"data":{}}}"#, record(values)).into_bytes()
}

const NAME: &str = r#""name":[{"active_from":"2023-01-01T00:00:00Z","active_until":null,"created_by_actor":{"type":"system","id":null},"value":"Ada","attribute_type":"text"}]"#;

#[test]
fn an_absent_key_warns_once_per_model_and_attribute() {
    let warnings = Warnings::default();
    tracing::subscriber::with_default(warnings.clone(), || {
        // Every key present (one of them empty): no warning.
        let all = body(&format!(r#"{NAME},"linkedin":[],"nicknames":[]"#));
        let c = json::decode_record::<Contact>(&all).unwrap().values;
        assert_eq!(c.name.as_deref(), Some("Ada"));
        assert_eq!(c.linkedin_url, None);
        assert!(warnings.take().is_empty());

        // `linkedin` and `nicknames` absent, twice: the fields are empty, and each absent
        // attribute is reported once.
        let partial = body(NAME);
        for _ in 0..2 {
            let c = json::decode_record::<Contact>(&partial).unwrap().values;
            assert_eq!(c.name.as_deref(), Some("Ada"));
            assert_eq!(c.linkedin_url, None);
            assert!(c.nicknames.is_empty());
        }
        let seen = warnings.take();
        assert_eq!(seen.len(), 2, "{seen:#?}");
        let linkedin = seen
            .iter()
            .find(|w| w.contains("linkedin_url"))
            .expect("a warning names the field");
        for part in [
            "`Contact.linkedin_url`",
            "attribute `linkedin` of object `people`",
            "absent from a response",
            "misspelt slug or `rename`",
        ] {
            assert!(linkedin.contains(part), "{part} not in {linkedin}");
        }
        assert!(seen.iter().any(|w| w.contains("`Contact.nicknames`")));

        // Still once: a later decode of the same model adds nothing.
        let page = format!(r#"{{"data":[{},{}]}}"#, record(NAME), record(NAME));
        assert_eq!(
            json::decode_records::<Contact>(page.as_bytes())
                .unwrap()
                .len(),
            2
        );
        assert!(warnings.take().is_empty());
    });
}

#[test]
fn an_absent_key_of_a_required_field_is_a_decode_error() {
    let err = json::decode_record::<Strict>(&body(NAME)).unwrap_err();
    let Error::Decode(d) = &err else {
        panic!("expected a decode error, got {err:?}")
    };
    assert_eq!(d.attribute.as_deref(), Some("job_title"), "{err}");
}

//! The derive's mechanics on a value type defined here, independent of the library's own
//! value types: multiplicities, read-only and skipped fields, unknown attributes, errors.

use attio_core::__private::Key;
use attio_core::values::{AttioValue, Envelope, ReadValue, WriteValue};
use attio_core::{AttioRecord, AttioUpdate, AttributeType, Multiplicity, json};
use serde::de::{self, IgnoredAny, MapAccess};
use serde::{Deserialize, Serializer};

#[derive(Debug, Clone, PartialEq)]
struct Word(String);

#[derive(Default)]
struct WordBuilder(Option<String>);

impl AttioValue for Word {
    const TYPE: AttributeType = AttributeType::Text;
}

impl ReadValue for Word {
    type Builder = WordBuilder;
    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut WordBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        if key == "value" {
            b.0 = Some(map.next_value::<Key>()?.as_str().to_owned());
        } else {
            map.next_value::<IgnoredAny>()?;
        }
        Ok(())
    }
    fn finish<E: de::Error>(b: WordBuilder, _: Envelope) -> Result<Self, E> {
        b.0.map(Word).ok_or_else(|| E::missing_field("value"))
    }
}

impl WriteValue for Word {
    fn write<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
    fn validate(&self) -> Result<(), attio_core::ValueError> {
        if self.0.contains(' ') {
            Err(attio_core::ValueError::new(
                "word",
                &self.0,
                "a word has no spaces",
            ))
        } else {
            Ok(())
        }
    }
}

#[derive(AttioRecord, Debug, PartialEq)]
#[attio(object = "things")]
struct Thing {
    #[attio(unique)]
    key: Word,
    label: Option<Word>,
    tags: Vec<Word>,
    #[attio(rename = "note_text")]
    note: Option<Word>,
    #[attio(read_only)]
    computed: Option<Word>,
    #[attio(skip)]
    local: u32,
}

fn value(v: &str) -> String {
    format!(
        r#"{{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"system","id":null}},"value":"{v}","attribute_type":"text"}}"#
    )
}

fn record(values: &str) -> String {
    format!(
        r#"{{"data":{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}},"created_at":"2022-11-21T13:22:49.061281000Z","web_url":"https://app.attio.com/x/thing/bf071e1f","values":{{{values}}}}}}}"#
    )
}

#[test]
fn table_describes_every_read_field() {
    let slugs: Vec<_> = Thing::ATTRIBUTES.iter().map(|a| a.slug).collect();
    assert_eq!(slugs, ["key", "label", "tags", "note_text", "computed"]);
    let key = Thing::attribute("key").unwrap();
    assert!(key.unique);
    assert_eq!(key.multiplicity, Multiplicity::One);
    assert_eq!(
        Thing::attribute("tags").unwrap().multiplicity,
        Multiplicity::Many
    );
    assert!(Thing::attribute("computed").unwrap().read_only);
    assert_eq!(Thing::OBJECT, "things");
    assert_eq!(Thing::attrs().note.slug(), "note_text");
}

#[test]
fn encodes_one_element_arrays_and_omits_empty_and_read_only() {
    let t = Thing {
        key: Word("k1".into()),
        label: None,
        tags: vec![Word("a".into()), Word("b".into())],
        note: Some(Word("n".into())),
        computed: Some(Word("never-written".into())),
        local: 7,
    };
    let body = json::encode_create(&t).unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"data":{"values":{"key":["k1"],"tags":["a","b"],"note_text":["n"]}}}"#
    );
}

#[test]
fn validation_names_object_attribute_and_value() {
    let t = Thing {
        key: Word("k1".into()),
        label: Some(Word("two words".into())),
        tags: vec![],
        note: None,
        computed: None,
        local: 0,
    };
    let err = json::encode_create(&t).unwrap_err();
    let msg = err.to_string();
    assert!(
        msg.contains("`label`") && msg.contains("`things`") && msg.contains("two words"),
        "{msg}"
    );
}

#[test]
fn decodes_active_values_and_skips_unknown_attributes() {
    let closed = r#"{"active_from":"2022-01-01T00:00:00.000000000Z","active_until":"2023-01-01T00:00:00.000000000Z","created_by_actor":{"type":"system","id":null},"value":"old","attribute_type":"text"}"#;
    let body = record(&format!(
        r#""mystery":[{{"attribute_type":"hologram","beam":[1,2,{{}}]}}],"key":[{closed},{}],"label":[],"tags":[{},{closed},{}],"note_text":[{}],"computed":[{}]"#,
        value("k1"),
        value("a"),
        value("b"),
        value("n"),
        value("c")
    ));
    let r: attio_core::Record<Thing> = json::decode_record(body.as_bytes()).unwrap();
    assert_eq!(r.values.key, Word("k1".into()));
    assert_eq!(r.values.label, None);
    assert_eq!(r.values.tags, vec![Word("a".into()), Word("b".into())]);
    assert_eq!(r.values.note, Some(Word("n".into())));
    assert_eq!(r.values.computed, Some(Word("c".into())));
    assert_eq!(r.values.local, 0);
    assert_eq!(
        r.web_url.as_deref(),
        Some("https://app.attio.com/x/thing/bf071e1f")
    );
}

#[test]
fn empty_required_field_is_an_error_naming_it() {
    let body = record(r#""key":[],"tags":[]"#);
    let err = json::decode_record::<Thing>(body.as_bytes()).unwrap_err();
    let d = err.as_decode().expect("a decode error");
    assert_eq!(d.object, "things");
    assert_eq!(d.attribute.as_deref(), Some("key"));
    assert_eq!(
        d.record_id.unwrap().to_string(),
        "bf071e1f-6035-429d-b874-d83ea64ea13b"
    );
    assert_eq!(d.path, "data.values.key");
    assert!(d.expected.contains("exactly one active value"), "{d}");
}

#[test]
fn wrong_type_names_the_path() {
    let body = record(&format!(
        r#""key":[{}],"tags":[{},{{"value":5,"attribute_type":"text"}}]"#,
        value("k"),
        value("a")
    ));
    let err = json::decode_record::<Thing>(body.as_bytes()).unwrap_err();
    let d = err.as_decode().unwrap();
    assert_eq!(d.path, "data.values.tags[1].value");
    assert_eq!(d.attribute.as_deref(), Some("tags"));
    assert_eq!(d.found, "integer `5`");
    assert_eq!(d.expected, "a string");
}

#[test]
fn attribute_type_mismatch_is_an_error() {
    let body = record(r#""key":[{"value":"x","attribute_type":"email-address"}]"#);
    let d = json::decode_record::<Thing>(body.as_bytes()).unwrap_err();
    let d = d.as_decode().unwrap();
    assert_eq!(d.path, "data.values.key[0].attribute_type");
    assert_eq!(d.expected, "a `text` value");
    assert_eq!(d.found, "a `email-address` value");
}

#[test]
fn truncated_json_is_an_error() {
    let body = record(&format!(r#""key":[{}]"#, value("k")));
    for cut in [10, body.len() / 2, body.len() - 1] {
        let err = json::decode_record::<Thing>(&body.as_bytes()[..cut]).unwrap_err();
        let d = err.as_decode().unwrap();
        assert!(d.found.contains("end of the input"), "{d}");
    }
}

#[test]
fn record_implements_deserialize_for_the_record_object() {
    let body = record(&format!(r#""key":[{}]"#, value("k")));
    #[derive(Deserialize)]
    struct Envelope {
        data: attio_core::Record<Thing>,
    }
    let e: Envelope = serde_json::from_str(&body).unwrap();
    assert_eq!(e.data.values.key, Word("k".into()));
}

#[test]
fn update_sends_only_what_was_set_and_clears_with_empty() {
    let u = ThingUpdate::default()
        .label(None)
        .tags(vec![Word("x".into())]);
    assert!(!u.is_empty());
    assert!(ThingUpdate::default().is_empty());
    let body = json::encode_update(&u).unwrap();
    assert_eq!(
        String::from_utf8(body).unwrap(),
        r#"{"data":{"values":{"label":[],"tags":["x"]}}}"#
    );
    assert_eq!(format!("{u:?}"), r#"ThingUpdate {"label", "tags"}"#);
}

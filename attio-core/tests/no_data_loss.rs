//! Decoding never hides data: a single-valued field refuses a second active value, a bad
//! record of a page is one failure beside the good ones, and every error names its record.

use attio_core::values::{SelectOption, Tracked};
use attio_core::{AttioRecord, Error, json};

const WS: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const OBJ: &str = "97052eb9-e65e-443f-a297-f2d9a4a7f795";

fn id(n: u32) -> String {
    format!("bf071e1f-6035-429d-b874-{n:012}")
}

/// A record object with the given `values` members.
fn record(n: u32, values: &str) -> String {
    format!(
        r#"{{"id":{{"workspace_id":"{WS}","object_id":"{OBJ}","record_id":"{}"}},"created_at":"2024-01-01T00:00:00.000000000Z","web_url":null,"values":{{{values}}}}}"#,
        id(n)
    )
}

/// A select value object; historic when `until` is given.
fn tag(title: &str, until: Option<&str>) -> String {
    let until = until.map_or("null".to_owned(), |t| format!("\"{t}\""));
    format!(
        r#"{{"active_from":"2024-01-01T00:00:00.000000000Z","active_until":{until},"created_by_actor":{{"type":"system","id":null}},"option":{{"id":{{"workspace_id":"{WS}","object_id":"{OBJ}","attribute_id":"{OBJ}","option_id":"{OBJ}"}},"title":"{title}","is_archived":false}},"attribute_type":"select"}}"#
    )
}

fn text(value: &str) -> String {
    format!(
        r#"{{"active_from":"2024-01-01T00:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"system","id":null}},"value":"{value}","attribute_type":"text"}}"#
    )
}

#[derive(AttioRecord, Debug, PartialEq)]
#[attio(object = "companies")]
struct OneTag {
    tags: Option<SelectOption>,
}

#[derive(AttioRecord, Debug, PartialEq)]
#[attio(object = "companies")]
struct RequiredTag {
    tags: Tracked<SelectOption>,
}

#[derive(AttioRecord, Debug, PartialEq)]
#[attio(object = "companies")]
struct ManyTags {
    tags: Vec<SelectOption>,
}

const OLD: &str = "2023-06-01T00:00:00.000000000Z";

#[test]
fn a_second_active_value_of_a_single_valued_field_is_an_error_naming_the_attribute() {
    let three = record(
        1,
        &format!(
            r#""tags":[{},{},{},{}]"#,
            tag("rust", None),
            tag("old", Some(OLD)),
            tag("crm", None),
            tag("urgent", None)
        ),
    );
    let body = format!(r#"{{"data":{three}}}"#);
    let err = json::decode_record::<OneTag>(body.as_bytes()).unwrap_err();
    let d = err.as_decode().expect("a decode error");
    assert_eq!(d.attribute.as_deref(), Some("tags"));
    assert_eq!(d.record_id.unwrap().to_string(), id(1));
    assert_eq!(d.path, "data.values.tags");
    assert_eq!(d.found, "3 active values");
    assert!(d.expected.contains("`Vec<SelectOption>`"), "{d}");
    let shown = err.to_string();
    assert!(
        shown.contains("attribute `tags`") && shown.contains("model an attribute"),
        "{shown}"
    );

    // A required field says the same, with its own value type.
    let err = json::decode_record::<RequiredTag>(body.as_bytes()).unwrap_err();
    let d = err.as_decode().unwrap();
    assert_eq!(d.found, "3 active values");
    assert!(d.expected.contains("`Vec<Tracked<SelectOption>>`"), "{d}");

    // A `Vec` holds them all.
    let all = json::decode_record::<ManyTags>(body.as_bytes()).unwrap();
    let titles: Vec<_> = all.values.tags.iter().map(|t| t.title.clone()).collect();
    assert_eq!(
        titles,
        [
            Some("rust".into()),
            Some("crm".into()),
            Some("urgent".into())
        ]
    );
}

#[test]
fn historic_values_beside_the_one_active_value_are_fine() {
    let body = format!(
        r#"{{"data":{}}}"#,
        record(
            1,
            &format!(
                r#""tags":[{},{},{}]"#,
                tag("old", Some(OLD)),
                tag("rust", None),
                tag("older", Some(OLD))
            )
        )
    );
    let one = json::decode_record::<OneTag>(body.as_bytes()).unwrap();
    assert_eq!(one.values.tags.unwrap().title.as_deref(), Some("rust"));
    let req = json::decode_record::<RequiredTag>(body.as_bytes()).unwrap();
    assert_eq!(req.values.tags.value.title.as_deref(), Some("rust"));
    // History reads keep every value.
    let history = format!(
        r#"{{"data":[{},{},{}]}}"#,
        tag("a", Some(OLD)),
        tag("b", None),
        tag("c", None)
    );
    let values = json::decode_history::<OneTag, SelectOption>(history.as_bytes()).unwrap();
    assert_eq!(values.len(), 3);
}

#[test]
fn a_malformed_value_after_the_second_active_one_still_reports_several() {
    let body = format!(
        r#"{{"data":{}}}"#,
        record(
            1,
            &format!(r#""tags":[{},{},5]"#, tag("rust", None), tag("crm", None))
        )
    );
    let err = json::decode_record::<OneTag>(body.as_bytes()).unwrap_err();
    assert_eq!(err.as_decode().unwrap().found, "at least 2 active values");
}

#[derive(AttioRecord, Debug, PartialEq)]
#[attio(object = "workspaces")]
struct Named {
    name: String,
}

/// Five records, one per line; the second and fourth have no name, and the fourth has its
/// `values` before its `id`.
fn page_with_two_bad() -> String {
    let records: Vec<String> = (0..5)
        .map(|n| match n {
            1 => record(n, r#""name":[]"#),
            3 => {
                let r = record(n, r#""name":[]"#);
                let (id, values) = r.split_once(r#","created_at""#).unwrap();
                let values_at = values.find(r#""values""#).unwrap();
                format!(
                    "{{{},{},\"created_at\"{}}}",
                    &values[values_at..values.len() - 1],
                    &id[1..],
                    &values[..values_at - 1]
                )
            }
            _ => record(n, &format!(r#""name":[{}]"#, text(&format!("ws {n}")))),
        })
        .collect();
    format!("{{\"data\":[\n{}\n]}}", records.join(",\n"))
}

#[test]
fn a_lenient_page_keeps_the_good_records_and_names_each_bad_one() {
    let body = page_with_two_bad();
    assert!(
        body.lines()
            .nth(4)
            .unwrap()
            .starts_with(r#"{"values":{"name":[]},"id":"#)
    );
    let page = json::decode_records_lenient::<Named>(body.as_bytes()).unwrap();
    assert!(!page.is_complete());
    let names: Vec<_> = page.items.iter().map(|r| r.values.name.as_str()).collect();
    assert_eq!(names, ["ws 0", "ws 2", "ws 4"]);
    let failed: Vec<_> = page
        .failures
        .iter()
        .map(|f| (f.record_id.unwrap().to_string(), f.path.as_str()))
        .collect();
    assert_eq!(
        failed,
        [
            (id(1), "data[1].values.name"),
            (id(3), "data[3].values.name")
        ]
    );
    assert!(
        page.failures
            .iter()
            .all(|f| f.attribute.as_deref() == Some("name"))
    );

    // The strict decode fails on the first bad record, at the same place.
    let strict = json::decode_records::<Named>(body.as_bytes()).unwrap_err();
    assert_eq!(strict.as_decode(), Some(&page.failures[0]));
    assert_eq!(page.failures[0].position.unwrap().0, 3);
    assert_eq!(page.failures[1].position.unwrap().0, 5);

    // All or nothing: an error naming every bad record.
    let err = page.into_result().unwrap_err();
    let Error::BadRecords {
        object,
        good,
        ref failures,
    } = err
    else {
        panic!("{err:?}")
    };
    assert_eq!((object, good, failures.len()), ("workspaces", 3, 2));
    assert!(!err.is_retryable());
    let shown = err.to_string();
    assert!(
        shown.starts_with("2 of the 5 `workspaces` records of the page cannot be decoded")
            && shown.contains(&id(1))
            && shown.contains(&id(3))
            && shown.contains("send_page()"),
        "{shown}"
    );
    assert_eq!(
        err.as_decode().unwrap().record_id.unwrap().to_string(),
        id(1)
    );
}

#[test]
fn a_lenient_page_that_decodes_is_complete_and_a_broken_body_is_one_error() {
    let body = format!(
        r#"{{"data":[{},{}]}}"#,
        record(0, &format!(r#""name":[{}]"#, text("a"))),
        record(1, &format!(r#""name":[{}]"#, text("b")))
    );
    let page = json::decode_records_lenient::<Named>(body.as_bytes()).unwrap();
    assert!(page.is_complete());
    assert_eq!(page.into_result().unwrap().len(), 2);
    for broken in [
        &body[..body.len() - 3],
        r#"{"data":{}}"#,
        r#"{"data":[1,2]} x"#,
        "[]",
    ] {
        let err = json::decode_records_lenient::<Named>(broken.as_bytes()).unwrap_err();
        assert!(matches!(err, Error::Decode(_)), "{broken}: {err:?}");
    }
    // An item that is not a record object is a failure of its own.
    let body = format!(
        r#"{{"data":[{},7]}}"#,
        record(0, &format!(r#""name":[{}]"#, text("a")))
    );
    let page = json::decode_records_lenient::<Named>(body.as_bytes()).unwrap();
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.failures[0].path, "data[1]");
    assert_eq!(page.failures[0].record_id, None);
}

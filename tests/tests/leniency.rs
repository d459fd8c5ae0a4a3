//! One rule for each leniency: a key twice in one JSON object is a decode error naming it
//! (wherever it is), zero rate limits are refused at build, the base URL's path is handled
//! exactly, and an empty assert key is refused before anything is sent.

mod common;

use attio_core::{AttioEntry, AttioRecord, Client, Error, RateLimits, json};
use attio_emulator::Emulator;
use common::*;

/// `people` with one text attribute.
#[derive(AttioRecord, Debug, Clone, PartialEq)]
#[attio(object = "people")]
struct Titled {
    job_title: Option<String>,
}

const ID: &str = r#"{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}"#;
const OTHER_ID: &str = r#"{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"0bdf6bb1-1d5e-4a76-9f0a-5a4f4f1c3d2e"}"#;
const AT: &str = r#""created_at":"2023-01-01T15:00:00.000000000Z""#;

fn title(text: &str) -> String {
    format!(
        r#"{{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{{"type":"system","id":null}},"value":"{text}","attribute_type":"text"}}"#
    )
}

fn record(values: &str) -> String {
    format!(r#"{{"id":{ID},{AT},"web_url":"https://app.attio.com/x","values":{{{values}}}}}"#)
}

/// The decode error of `body`, which must name `key` as the one sent twice.
fn duplicate(body: &str, key: &str) -> attio_core::DecodeError {
    let err = json::decode_record::<Titled>(body.as_bytes())
        .map(|r| r.values)
        .expect_err("a key sent twice is refused");
    let Error::Decode(e) = err else {
        panic!("a decode error, not {err:?}")
    };
    assert!(
        e.found.contains(&format!("`{key}` twice")),
        "{key}: {:?} ({e})",
        e.found
    );
    *e
}

#[test]
fn a_record_without_duplicates_still_decodes() {
    let body = format!(
        r#"{{"data":{}}}"#,
        record(&format!(r#""job_title":[{}]"#, title("CTO")))
    );
    let r = json::decode_record::<Titled>(body.as_bytes()).unwrap();
    assert_eq!(r.values.job_title.as_deref(), Some("CTO"));
}

#[test]
fn a_data_key_sent_twice_is_refused() {
    let one = record(&format!(r#""job_title":[{}]"#, title("first")));
    let two = record(&format!(r#""job_title":[{}]"#, title("second")));
    let e = duplicate(&format!(r#"{{"data":{one},"data":{two}}}"#), "data");
    assert_eq!(e.path, "data");
    // Any key: one the decoder skips too.
    let e = duplicate(&format!(r#"{{"data":{one},"meta":1,"meta":2}}"#), "meta");
    assert_eq!(e.path, "meta");
}

#[test]
fn a_record_envelope_key_sent_twice_is_refused() {
    let values = format!(r#""job_title":[{}]"#, title("CTO"));
    let body = format!(r#"{{"data":{{"id":{ID},"id":{OTHER_ID},{AT},"values":{{{values}}}}}}}"#);
    let e = duplicate(&body, "id");
    assert_eq!(e.path, "data.id");
    let body = format!(r#"{{"data":{{"id":{ID},{AT},"values":{{{values}}},"values":{{}}}}}}"#);
    let e = duplicate(&body, "values");
    assert_eq!(e.path, "data.values");
    assert_eq!(
        e.record_id.map(|id| id.to_string()).as_deref(),
        Some("bf071e1f-6035-429d-b874-d83ea64ea13b")
    );
}

#[test]
fn an_attribute_sent_twice_in_values_is_refused() {
    let values = format!(
        r#""job_title":[{}],"job_title":[{}]"#,
        title("first"),
        title("second")
    );
    let e = duplicate(&format!(r#"{{"data":{}}}"#, record(&values)), "job_title");
    assert_eq!(e.attribute.as_deref(), Some("job_title"));
    assert_eq!(e.path, "data.values.job_title");
    // Even when the first array is empty: the second would silently win.
    let values = format!(r#""job_title":[],"job_title":[{}]"#, title("second"));
    duplicate(&format!(r#"{{"data":{}}}"#, record(&values)), "job_title");
    // An attribute the model does not read, too.
    let values = format!(
        r#""job_title":[{}],"twitter":[],"twitter":[]"#,
        title("CTO")
    );
    let e = duplicate(&format!(r#"{{"data":{}}}"#, record(&values)), "twitter");
    assert_eq!(e.path, "data.values.twitter");
}

/// An entry of a list with one text attribute.
#[derive(AttioEntry, Debug, Clone, PartialEq)]
#[attio(list = "hiring")]
struct Noted {
    note: Option<String>,
}

fn entry(values: &str) -> String {
    format!(
        r#"{{"data":{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","list_id":"33ebdbe9-e529-47c9-b894-0ba25e9c15c0","entry_id":"2e6e29ea-c4e0-4f44-842d-78a891f8c156"}},"parent_record_id":"891dcbfc-9141-415d-9b2a-2238a6cc012d","parent_object":"people",{AT},"entry_values":{{{values}}}}}}}"#
    )
}

#[test]
fn an_attribute_sent_twice_in_entry_values_is_refused() {
    let once = entry(&format!(r#""note":[{}],"stage":[]"#, title("first")));
    let e = json::decode_entry::<Noted>(once.as_bytes()).unwrap();
    assert_eq!(e.values.note.as_deref(), Some("first"));
    for (values, slug) in [
        // Read by the model, even when the first array is empty.
        (
            format!(
                r#""note":[{}],"note":[{}]"#,
                title("first"),
                title("second")
            ),
            "note",
        ),
        (format!(r#""note":[],"note":[{}]"#, title("second")), "note"),
        // Skipped by the model.
        (r#""stage":[],"note":[],"stage":[]"#.to_owned(), "stage"),
    ] {
        let err = json::decode_entry::<Noted>(entry(&values).as_bytes())
            .expect_err("a slug sent twice is refused");
        let e = err.as_decode().expect("a decode error");
        assert!(e.found.contains(&format!("`{slug}` twice")), "{e}");
        assert_eq!(e.attribute.as_deref(), Some(slug), "{e}");
        assert_eq!(e.path, format!("data.entry_values.{slug}"), "{e}");
    }
}

#[test]
fn a_key_sent_twice_in_a_value_object_is_refused() {
    let value = r#"{"active_from":"2023-01-01T15:00:00.000000000Z","active_until":null,"created_by_actor":{"type":"system","id":null},"value":"first","value":"second","attribute_type":"text"}"#;
    let body = format!(
        r#"{{"data":{}}}"#,
        record(&format!(r#""job_title":[{value}]"#))
    );
    let e = duplicate(&body, "value");
    assert_eq!(e.path, "data.values.job_title[0].value");
    assert_eq!(e.attribute.as_deref(), Some("job_title"));

    // The envelope keys of a value object too, and through `decode_value`.
    let value = r#"{"active_until":null,"active_until":"2024-01-01T00:00:00Z","value":"x","attribute_type":"text"}"#;
    let err = json::decode_value::<String>(value.as_bytes()).unwrap_err();
    let e = err.as_decode().expect("a decode error");
    assert_eq!(e.path, "active_until");
    assert!(e.found.contains("`active_until` twice"), "{e}");
    assert!(err.to_string().contains("active_until"), "{err}");
}

#[test]
fn zero_rate_limits_are_refused_at_build() {
    for limits in [
        RateLimits {
            reads_per_second: 0,
            writes_per_second: 0,
        },
        RateLimits {
            reads_per_second: 0,
            writes_per_second: 25,
        },
        RateLimits {
            reads_per_second: 100,
            writes_per_second: 0,
        },
    ] {
        let err = Client::builder()
            .api_key("key")
            .rate_limits(limits)
            .build()
            .unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{err:?}");
        assert!(err.to_string().contains("no_rate_limits"), "{err}");
    }
    // Pacing off is said explicitly.
    let client = Client::builder()
        .api_key("key")
        .no_rate_limits()
        .build()
        .unwrap();
    assert_eq!(client.rate_limits(), None);
}

#[test]
fn the_base_url_path_is_handled_exactly() {
    let kept = |url: &str| {
        Client::builder()
            .api_key("key")
            .base_url(url)
            .build()
            .unwrap_or_else(|e| panic!("{url}: {e}"))
            .base_url()
            .to_owned()
    };
    for (given, kept_as) in [
        ("https://api.attio.com", "https://api.attio.com"),
        ("https://api.attio.com/", "https://api.attio.com"),
        ("https://api.attio.com/v2", "https://api.attio.com"),
        ("https://api.attio.com/v2/", "https://api.attio.com"),
        ("https://proxy.local/attio", "https://proxy.local/attio"),
        ("https://proxy.local/attio/", "https://proxy.local/attio"),
        ("https://proxy.local/attio/v2", "https://proxy.local/attio"),
        ("https://proxy.local/attio/v2/", "https://proxy.local/attio"),
        ("https://proxy.local/v2x", "https://proxy.local/v2x"),
        (
            "https://proxy.local/api/v2attio",
            "https://proxy.local/api/v2attio",
        ),
        (
            "https://proxy.local:8443/a/b/",
            "https://proxy.local:8443/a/b",
        ),
    ] {
        assert_eq!(kept(given), kept_as, "{given}");
    }
    // A version twice, or a path past the version, would send every request to a wrong
    // path: refused rather than half stripped.
    for bad in [
        "https://api.attio.com/v2/v2",
        "https://api.attio.com/v2/v2/",
        "https://api.attio.com/v2/objects",
        "https://proxy.local/v2/attio",
    ] {
        let err = Client::builder()
            .api_key("key")
            .base_url(bad)
            .build()
            .expect_err(bad);
        assert!(matches!(err, Error::Config(_)), "{bad}: {err:?}");
        assert!(err.to_string().contains("/v2"), "{bad}: {err}");
    }
}

#[tokio::test]
async fn every_accepted_spelling_of_the_base_url_reaches_the_api() {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    for suffix in ["", "/", "/v2", "/v2/"] {
        let client = Client::builder()
            .api_key(emu.api_key())
            .base_url(format!("{}{suffix}", emu.base_url()))
            .no_rate_limits()
            .build()
            .unwrap();
        let found = client.query::<Person>().limit(1).send().await;
        assert!(found.is_ok(), "{suffix:?}: {found:?}");
    }
}

#[tokio::test]
async fn an_empty_assert_key_is_refused_before_sending() {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .build()
        .unwrap();
    let workspace = Workspace {
        workspace_id: String::new(),
        name: Some("Nameless".into()),
        avatar_url: None,
        users: vec![],
        company: None,
    };
    let err = client
        .assert(&workspace, |w| w.workspace_id)
        .await
        .expect_err("an empty key is refused");
    let value = err.as_invalid_value().expect("refused before sending");
    assert_eq!(value.attribute.as_deref(), Some("workspace_id"));
    assert_eq!(value.object, Some("workspaces"));
    assert_eq!(emu.stats().write_requests, 0);
}

//! The escape hatch (`client.request(method, path)`) against the emulator, on an endpoint
//! the typed client does not wrap (a record attribute's current values: the typed
//! `history` always asks for the whole history); request ids on errors; and a client built
//! with the caller's own `reqwest::Client`.

mod common;

use attio_core::values::EmailAddress;
use attio_core::{Client, Error, ErrorCode, Method, RateLimits, RetryPolicy};
use attio_emulator::Emulator;
use common::*;
use serde::Deserialize;

fn someone(email: &str, job: &str) -> Person {
    Person {
        email_addresses: vec![EmailAddress::new(email).unwrap()],
        name: None,
        description: None,
        job_title: Some(job.to_owned()),
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    }
}

/// `{"data":[{"value": …, "attribute_type": …}]}` of a text attribute.
#[derive(Deserialize, Debug)]
struct Values {
    data: Vec<TextValue>,
}

#[derive(Deserialize, Debug)]
struct TextValue {
    value: String,
    attribute_type: String,
}

#[tokio::test]
async fn an_unwrapped_endpoint_decoded_and_raw() {
    let (emu, client) = start().await;
    let ada = client
        .create(&someone("ada@escape.example", "Analyst"))
        .await
        .unwrap();
    let path = format!(
        "/v2/objects/people/records/{}/attributes/job_title/values",
        ada.id.record_id
    );

    let decoded: Values = client
        .request(Method::GET, path.clone())
        .send_json()
        .await
        .unwrap();
    assert_eq!(decoded.data.len(), 1, "{decoded:?}");
    assert_eq!(decoded.data[0].value, "Analyst");
    assert_eq!(decoded.data[0].attribute_type, "text");

    let raw = client
        .request(Method::GET, path.clone())
        .send()
        .await
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&raw).unwrap();
    assert_eq!(json["data"][0]["value"], "Analyst");

    // A write through the hatch, then the query parameters of the same endpoint: the
    // current value only, or the whole history.
    let update = serde_json::json!({"data": {"values": {"job_title": "CTO"}}});
    client
        .request(
            Method::PATCH,
            format!("/v2/objects/people/records/{}", ada.id.record_id),
        )
        .json(&update)
        .send()
        .await
        .unwrap();
    let current: Values = client
        .request(Method::GET, path.clone())
        .send_json()
        .await
        .unwrap();
    assert_eq!(current.data.len(), 1);
    assert_eq!(current.data[0].value, "CTO");
    let history: Values = client
        .request(Method::GET, path.clone())
        .query("show_historic", true)
        .send_json()
        .await
        .unwrap();
    let seen: Vec<&str> = history.data.iter().map(|v| v.value.as_str()).collect();
    assert_eq!(seen, ["Analyst", "CTO"]);

    // A POST that reads, marked so; a body from bytes; an absolute URL under the base URL.
    let found = client
        .request(
            Method::POST,
            format!("{}/v2/objects/people/records/query", emu.base_url()),
        )
        .body_bytes(br#"{"limit":5}"#.to_vec())
        .read()
        .send()
        .await
        .unwrap();
    let found: serde_json::Value = serde_json::from_slice(&found).unwrap();
    assert_eq!(found["data"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn hatch_errors_are_the_clients_errors() {
    let (emu, client) = start().await;
    let missing = uuid::Uuid::new_v4();
    let err = client
        .request(
            Method::GET,
            format!("/v2/objects/people/records/{missing}/attributes/job_title/values"),
        )
        .send()
        .await
        .unwrap_err();
    assert!(err.is_not_found(), "{err}");
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    let shown = err.to_string();
    assert!(shown.contains(&missing.to_string()), "{shown}");

    // A body that does not decode into the caller's type names its path.
    #[derive(Deserialize, Debug)]
    #[allow(dead_code)]
    struct Wrong {
        data: Vec<u32>,
    }
    client
        .create(&someone("bo@escape.example", "Ops"))
        .await
        .unwrap();
    let err = client
        .request(Method::POST, "/v2/objects/people/records/query")
        .json(&serde_json::json!({}))
        .read()
        .send_json::<Wrong>()
        .await
        .unwrap_err();
    let decode = err.as_decode().expect("a decode error");
    assert!(decode.path.starts_with("data[0]"), "{err}");

    // Another host is refused before anything is sent.
    let before = emu.stats();
    for path in [
        "https://attio.example/v2/self",
        "//attio.example/v2/self",
        "v2/self",
    ] {
        let err = client.request(Method::GET, path).send().await.unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{path}: {err}");
        assert!(
            err.to_string().contains("relative to the base URL"),
            "{err}"
        );
    }
    let after = emu.stats();
    assert_eq!(
        before.read_requests + before.write_requests,
        after.read_requests + after.write_requests
    );
}

#[tokio::test]
async fn an_error_keeps_the_request_id_the_emulator_sent() {
    let (emu, client) = start().await;
    let err = client
        .get::<Person>(uuid::Uuid::new_v4())
        .await
        .unwrap_err();
    let sent = emu.last_execution_id().expect("the emulator sends one");
    assert_eq!(err.request_id(), Some(sent.as_str()));
    assert_eq!(err.as_api().unwrap().request_id(), Some(sent.as_str()));
    assert!(
        err.to_string().contains(&format!(" (request id {sent})")),
        "{err}"
    );

    // The same through the hatch, and a fresh id per answer.
    let err = client
        .request(
            Method::DELETE,
            format!("/v2/notes/{}", uuid::Uuid::new_v4()),
        )
        .send()
        .await
        .unwrap_err();
    let second = emu.last_execution_id().unwrap();
    assert_ne!(second, sent);
    assert_eq!(err.request_id(), Some(second.as_str()));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hatch_and_typed_calls_share_the_budgets() {
    // Attio's own limits on both sides: 100 reads/s and 25 writes/s.
    let emu = Emulator::builder().start().await.unwrap();
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .rate_limits(RateLimits::default())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let mut ids = Vec::new();
    for i in 0..10 {
        let p = client
            .create(&someone(&format!("budget{i}@escape.example"), "Analyst"))
            .await
            .unwrap();
        ids.push(p.id.record_id);
    }
    let before = emu.stats();

    let typed_reads = futures_util::future::join_all((0..120).map(|i| {
        let client = client.clone();
        let id = ids[i % ids.len()];
        async move { client.get::<Person>(id).await.map(|_| ()) }
    }));
    let hatch_reads = futures_util::future::join_all((0..120).map(|i| {
        let client = client.clone();
        let id = ids[i % ids.len()];
        async move {
            client
                .request(
                    Method::GET,
                    format!("/v2/objects/people/records/{id}/attributes/job_title/values"),
                )
                .send()
                .await
                .map(|_| ())
        }
    }));
    let typed_writes = futures_util::future::join_all((0..20).map(|i| {
        let client = client.clone();
        let id = ids[i % ids.len()];
        async move {
            let update = PersonUpdate::default().job_title(Some(format!("typed {i}")));
            client.update(id, &update).await.map(|_| ())
        }
    }));
    let hatch_writes = futures_util::future::join_all((0..20).map(|i| {
        let client = client.clone();
        let id = ids[i % ids.len()];
        async move {
            let body =
                serde_json::json!({"data": {"values": {"description": format!("hatch {i}")}}});
            client
                .request(Method::PATCH, format!("/v2/objects/people/records/{id}"))
                .json(&body)
                .send()
                .await
                .map(|_| ())
        }
    }));
    let (a, b, c, d) = tokio::join!(typed_reads, hatch_reads, typed_writes, hatch_writes);
    for result in a.iter().chain(&b).chain(&c).chain(&d) {
        result.as_ref().expect("no call fails");
    }
    let after = emu.stats();
    assert_eq!(after.total_429(), 0, "{after:?}");
    assert_eq!(after.read_requests - before.read_requests, 240, "{after:?}");
    assert_eq!(
        after.write_requests - before.write_requests,
        40,
        "{after:?}"
    );
}

#[tokio::test]
async fn a_client_of_the_callers_own() {
    let emu = Emulator::builder().no_rate_limits().start().await.unwrap();
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .http_client(http)
        .user_agent("escape-test/1.0")
        .build()
        .unwrap();
    let made = client
        .create(&someone("own@escape.example", "Analyst"))
        .await
        .unwrap();
    let read = client.get::<Person>(made.id.record_id).await.unwrap();
    assert_eq!(read.values.job_title.as_deref(), Some("Analyst"));
    let err = client
        .get::<Person>(uuid::Uuid::new_v4())
        .await
        .unwrap_err();
    assert_eq!(err.request_id(), emu.last_execution_id().as_deref());
}

/// A loopback server that answers every request with a 307 to `to`.
async fn redirector(to: String) -> String {
    let app = axum::Router::new().fallback(move |uri: axum::http::Uri| {
        let to = to.clone();
        async move {
            (
                axum::http::StatusCode::TEMPORARY_REDIRECT,
                [(axum::http::header::LOCATION, format!("{to}{uri}"))],
            )
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move {
        axum::serve(listener, app).await.unwrap();
    });
    format!("http://{addr}")
}

#[tokio::test]
async fn redirects_are_never_followed() {
    let emu = Emulator::builder().no_rate_limits().start().await.unwrap();
    let moved = redirector(emu.base_url().to_owned()).await;

    // Built as documented: the 3xx is an error naming where it pointed.
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(&moved)
        .http_client(http)
        .build()
        .unwrap();
    let err = client.identify().await.unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    let shown = err.to_string();
    assert!(
        shown.contains("307") && shown.contains(emu.base_url()),
        "{shown}"
    );
    assert_eq!(emu.stats().read_requests, 0);

    // A client that follows redirects (reqwest's default): the answer came from elsewhere,
    // so it is refused and the error says how to build the client.
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(&moved)
        .http_client(reqwest::Client::new())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.identify().await.unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    let shown = err.to_string();
    assert!(
        shown.contains("followed a redirect") && shown.contains("Policy::none()"),
        "{shown}"
    );
    assert!(!shown.contains(emu.api_key()), "{shown}");
}

#[tokio::test]
async fn the_hatch_resends_only_what_is_safe_to_resend() {
    use attio_emulator::{FaultRates, Faults};
    use std::time::Duration;

    let emu = Emulator::builder().no_rate_limits().start().await.unwrap();
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(1),
            max_delay: Duration::from_millis(2),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let made = client
        .create(&someone("retry@escape.example", "Analyst"))
        .await
        .unwrap();
    let record = format!("/v2/objects/people/records/{}", made.id.record_id);
    let body = serde_json::json!({"data": {"values": {"job_title": "CTO"}}});
    emu.set_faults(Faults {
        seed: 1,
        writes: FaultRates {
            error_503: 1.0,
            ..FaultRates::default()
        },
        ..Faults::default()
    });
    let writes = || emu.stats().write_requests;

    // A POST (or PATCH) that got a 503 may have been applied: it is sent once.
    for method in [Method::POST, Method::PATCH] {
        let before = writes();
        let path = if method == Method::POST {
            "/v2/objects/people/records".to_owned()
        } else {
            record.clone()
        };
        let err = client
            .request(method.clone(), path)
            .json(&body)
            .send()
            .await
            .unwrap_err();
        assert_eq!(err.status(), Some(503), "{method}: {err}");
        assert_eq!(writes() - before, 1, "{method} was resent");
    }
    // A PUT is idempotent, and so is a PATCH declared so: retried up to the policy.
    let before = writes();
    client
        .request(Method::PUT, record.clone())
        .json(&body)
        .send()
        .await
        .unwrap_err();
    assert_eq!(writes() - before, 3);
    let before = writes();
    client
        .request(Method::PATCH, record.clone())
        .json(&body)
        .idempotent()
        .send()
        .await
        .unwrap_err();
    assert_eq!(writes() - before, 3);
}

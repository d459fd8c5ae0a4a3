//! The client at the edges of the network: it follows no redirect, the API key never
//! reaches an error even when a server echoes it, a base URL with credentials or that is
//! really a key is refused without printing them, and values echoed in errors are cut to a
//! readable length.

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use attio_core::values::EmailAddress;
use attio_core::{Client, Error, RetryPolicy, json};
use axum::Router;
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::IntoResponse;
use common::*;
use uuid::Uuid;

const KEY: &str = "sk_test_9f8e7d6c5b4a39281706f5e4d3c2b1a0";

/// Serves `app` on a loopback port; the base URL.
async fn serve(app: Router) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
    format!("http://{addr}")
}

fn client(base_url: &str) -> Client {
    Client::builder()
        .api_key(KEY)
        .base_url(base_url)
        .no_rate_limits()
        .retry(RetryPolicy {
            base_delay: std::time::Duration::from_millis(1),
            ..RetryPolicy::default()
        })
        .build()
        .expect("client builds")
}

fn person() -> Person {
    Person {
        email_addresses: vec![EmailAddress::new("ada@example.com").unwrap()],
        name: None,
        description: Some("private notes about Ada".into()),
        job_title: None,
        company: None,
        phone_numbers: vec![],
        primary_location: None,
        linkedin_url: None,
        created_at: None,
    }
}

/// A server that counts the requests it gets, and answers 404 to all of them.
async fn counting_server() -> (String, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = hits.clone();
    let app = Router::new().fallback(move || {
        let seen = seen.clone();
        async move {
            seen.fetch_add(1, Ordering::SeqCst);
            StatusCode::NOT_FOUND
        }
    });
    (serve(app).await, hits)
}

/// A server that answers every request with `status` pointing to the same path on `to`.
async fn redirecting_server(status: StatusCode, to: String) -> (String, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let seen = hits.clone();
    let app = Router::new().fallback(move |uri: Uri| {
        let seen = seen.clone();
        let to = to.clone();
        async move {
            seen.fetch_add(1, Ordering::SeqCst);
            (status, [(header::LOCATION, format!("{to}{}", uri.path()))])
        }
    });
    (serve(app).await, hits)
}

#[tokio::test]
async fn redirects_are_not_followed_and_name_where_they_pointed() {
    for status in [
        StatusCode::TEMPORARY_REDIRECT,
        StatusCode::PERMANENT_REDIRECT,
        StatusCode::MOVED_PERMANENTLY,
        StatusCode::FOUND,
        StatusCode::SEE_OTHER,
    ] {
        let (target, target_hits) = counting_server().await;
        let (base, redirect_hits) = redirecting_server(status, target.clone()).await;
        let client = client(&base);

        let err = client
            .create(&person())
            .await
            .expect_err("a redirect is an error");
        let shown = err.to_string();
        assert!(matches!(err, Error::Config(_)), "{status}: {err:?}");
        assert!(
            shown.contains(&format!("{target}/v2/objects/people/records")),
            "{status}: names the Location: {shown}"
        );
        assert!(shown.contains(&status.as_u16().to_string()), "{shown}");
        assert!(!shown.contains("Attio answered"), "{shown}");
        assert!(!err.is_retryable());

        let err = client
            .get::<Person>(Uuid::nil())
            .await
            .expect_err("a redirect is an error");
        assert!(matches!(err, Error::Config(_)), "{status}: {err:?}");

        assert_eq!(
            target_hits.load(Ordering::SeqCst),
            0,
            "{status}: the redirect's target must not be called"
        );
        assert_eq!(
            redirect_hits.load(Ordering::SeqCst),
            2,
            "{status}: one request per call, none resent"
        );
    }
}

#[tokio::test]
async fn a_redirect_location_is_shown_without_its_query_or_the_key() {
    let app = Router::new().fallback(|| async {
        (
            StatusCode::TEMPORARY_REDIRECT,
            [(
                header::LOCATION,
                format!("https://login.example/{KEY}/start?signature=s3cr3t-signature"),
            )],
        )
    });
    let base = serve(app).await;
    let err = client(&base).get::<Person>(Uuid::nil()).await.unwrap_err();
    let shown = format!("{err} {err:?}");
    assert!(!shown.contains(KEY), "{shown}");
    assert!(!shown.contains("s3cr3t-signature"), "{shown}");
    assert!(shown.contains("https://login.example/"), "{shown}");
}

fn bearer(headers: &HeaderMap) -> String {
    headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// Every answer of a server that echoes the `Authorization` header.
async fn echoing_server() -> String {
    let app = Router::new()
        .route(
            "/v2/objects/people/records",
            axum::routing::post(|h: HeaderMap| async move {
                let auth = bearer(&h);
                let body = serde_json::json!({
                    "status_code": 400,
                    "type": "invalid_request_error",
                    "code": auth,
                    "message": format!("Bad request with Authorization: {auth}"),
                    "validation_errors": [{
                        "code": "invalid_type",
                        "path": ["headers", auth],
                        "message": format!("unexpected header {auth}"),
                        "expected": format!("not {auth}"),
                        "received": auth,
                    }, format!("an odd entry: {auth}")],
                });
                (StatusCode::BAD_REQUEST, axum::Json(body))
            }),
        )
        .route(
            "/v2/objects/people/records/query",
            axum::routing::post(|h: HeaderMap| async move {
                (
                    StatusCode::BAD_GATEWAY,
                    format!(
                        "<html>proxy error; request headers: authorization: {}</html>",
                        bearer(&h)
                    ),
                )
            }),
        )
        .fallback(|h: HeaderMap| async move {
            // A 2xx body the model cannot read, holding the key where a value belongs.
            let body = format!(r#"{{"data":{{"id":"{}"}}}}"#, bearer(&h));
            (StatusCode::OK, body).into_response()
        });
    serve(app).await
}

fn assert_no_key(err: &Error) {
    for shown in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
        assert!(!shown.contains(KEY), "the key leaked: {shown}");
    }
}

#[tokio::test]
async fn a_server_echoing_the_key_does_not_put_it_into_errors() {
    let base = echoing_server().await;
    let client = client(&base);

    let err = client.create(&person()).await.unwrap_err();
    assert_no_key(&err);
    let api = err.as_api().expect("an API error");
    assert!(api.message.contains("[redacted]"), "{}", api.message);
    assert!(api.code.as_str().contains("[redacted]"), "{:?}", api.code);
    assert_eq!(api.validation_errors.len(), 2);

    let err = client.query::<Person>().send().await.unwrap_err();
    assert_no_key(&err);
    assert!(err.to_string().contains("proxy error"), "{err}");

    let err = client.get::<Person>(Uuid::nil()).await.unwrap_err();
    assert!(err.as_decode().is_some(), "{err:?}");
    assert_no_key(&err);
}

#[test]
fn a_base_url_with_credentials_is_refused_without_printing_them() {
    for url in [
        "https://ada:hunter2-password@api.attio.com",
        "https://ada:hunter2-password@api.attio.com/v2",
        "https://hunter2-password@api.attio.com",
    ] {
        let builder = Client::builder().api_key(KEY).base_url(url);
        let shown = format!("{builder:?}");
        assert!(!shown.contains("hunter2-password"), "{shown}");
        assert!(!shown.contains(KEY), "{shown}");
        let err = builder.build().expect_err(url);
        assert!(matches!(err, Error::Config(_)), "{err:?}");
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains("hunter2-password"), "{shown}");
        assert!(shown.contains("user name or password"), "{shown}");
    }
}

#[test]
fn a_base_url_that_is_really_a_key_is_not_echoed() {
    for key in [
        KEY,
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
    ] {
        // The key in the wrong setting, with or without the right one set.
        for api_key in [KEY, "another-key-entirely"] {
            let builder = Client::builder().api_key(api_key).base_url(key);
            assert!(!format!("{builder:?}").contains(key));
            let err = builder.build().unwrap_err();
            assert!(matches!(err, Error::Config(_)), "{err:?}");
            let shown = format!("{err} {err:?}");
            assert!(!shown.contains(key), "{shown}");
            assert!(shown.contains("looks like an API key"), "{shown}");
        }
    }
    // No config error prints a secret in a base URL.
    for url in [
        format!("http://api.attio.com/{KEY}"),
        format!("https://api.attio.com/?token={KEY}"),
        format!("https://api.attio.com/#{KEY}"),
        format!("ftp://api.attio.com/{KEY}"),
        format!("https://api.attio.com:99999/{KEY}"),
        format!("{KEY}.example"),
    ] {
        let err = Client::builder()
            .api_key(KEY)
            .base_url(&url)
            .build()
            .expect_err(&url);
        let shown = format!("{err} {err:?}");
        assert!(!shown.contains(KEY), "{url}: {shown}");
    }
}

const LIMIT: usize = 200;

#[test]
fn values_echoed_in_value_and_decode_errors_are_cut() {
    let long = format!("{}@example.com", "a".repeat(5_000));
    let err = EmailAddress::new(&long).unwrap_err();
    let value = &err.as_invalid_value().unwrap().value;
    assert!(value.chars().count() <= LIMIT + 1, "{}", value.len());
    assert!(value.ends_with('…'), "{value}");
    assert!(err.to_string().chars().count() < 2 * LIMIT + 200, "{err}");

    let body = format!(
        r#"{{"data":{{"id":{{"workspace_id":"14beef7a-99f7-4534-a87e-70b564330a4c","object_id":"97052eb9-e65e-443f-a297-f2d9a4a7f795","record_id":"bf071e1f-6035-429d-b874-d83ea64ea13b"}},"created_at":"2023-01-01T15:00:00Z","values":{{"job_title":"{}"}}}}}}"#,
        "x".repeat(5_000)
    );
    let err = json::decode_record::<Person>(body.as_bytes()).unwrap_err();
    let e = err.as_decode().expect("a decode error");
    assert!(e.found.chars().count() <= LIMIT + 1, "{}", e.found);
    assert!(e.found.ends_with('…'), "{}", e.found);
    assert!(e.expected.chars().count() <= LIMIT + 1, "{}", e.expected);
    assert!(err.to_string().chars().count() < 3 * LIMIT + 200, "{err}");
}

#[tokio::test]
async fn attio_messages_echoing_a_long_value_are_cut() {
    let long = "y".repeat(10_000);
    let app = Router::new().fallback(move || {
        let long = long.clone();
        async move {
            let body = serde_json::json!({
                "status_code": 400,
                "type": "invalid_request_error",
                "code": "validation_type",
                "message": format!("Invalid value \"{long}\" for attribute with slug \"job_title\""),
                "validation_errors": [{
                    "code": "invalid_type",
                    "path": ["data", "values", "job_title"],
                    "message": format!("Invalid value {long}"),
                    "expected": "string",
                    "received": long,
                }],
            });
            (StatusCode::BAD_REQUEST, axum::Json(body))
        }
    });
    let base = serve(app).await;
    let err = client(&base).create(&person()).await.unwrap_err();
    let api = err.as_api().expect("an API error");
    assert_eq!(api.attribute.as_deref(), Some("job_title"));
    assert!(
        api.message.chars().count() <= LIMIT + 1,
        "{}",
        api.message.len()
    );
    let issue = &api.validation_errors[0];
    assert!(issue.message.chars().count() <= LIMIT + 1);
    assert!(issue.received.as_ref().unwrap().chars().count() <= LIMIT + 1);
    assert!(err.to_string().chars().count() < 1_000, "{err}");
}

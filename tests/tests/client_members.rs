//! The workspace members area and the token's identity: `client.members()` and
//! `client.identify()`, against the emulator, and against canned answers for what the
//! emulator does not serve (one member by id, a revoked token, a malformed answer).

use std::sync::{Arc, Mutex};

use attio_core::models::AccessLevel;
use attio_core::{Client, Error, ErrorCode, RetryPolicy};
use attio_emulator::Emulator;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

const WS: &str = "14beef7a-99f7-4534-a87e-70b564330a4c";
const MEMBER: &str = "50cf242c-7fa3-4cad-87d0-75b1af71c57b";

fn client_for(base_url: &str, key: &str) -> Client {
    Client::builder()
        .api_key(key)
        .base_url(base_url)
        .no_rate_limits()
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn members_and_identity_from_the_emulator() {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = client_for(emu.base_url(), emu.api_key());

    // The emulator seeds an admin who owns the token, a member and a suspended member.
    let members = client.members().all().await.expect("members");
    // The emulator seeds an admin, a member and a suspended member.
    let levels: Vec<AccessLevel> = members.iter().map(|m| m.access_level.clone()).collect();
    assert_eq!(
        levels,
        [
            AccessLevel::Admin,
            AccessLevel::Member,
            AccessLevel::Suspended
        ],
        "{members:?}"
    );
    let owner = &members[0];
    assert_eq!(owner.email_address, "owner@emulator.example.com");
    assert_eq!(owner.access_level, AccessLevel::Admin);
    assert_eq!(
        (owner.first_name.as_str(), owner.last_name.as_str()),
        ("Emulator", "Owner")
    );
    assert_eq!(owner.avatar_url, None);

    // One member by id, and the 404 of an id no member has.
    let suspended = &members[2];
    let fetched = client
        .members()
        .get(suspended.id.workspace_member_id)
        .await
        .expect("member by id");
    assert_eq!(&fetched, suspended);
    let missing = client
        .members()
        .get(uuid::Uuid::new_v4())
        .await
        .expect_err("no such member");
    assert!(missing.is_not_found(), "{missing}");

    let me = client.identify().await.expect("identity");
    assert!(me.active);
    assert_eq!(me.workspace_slug.as_deref(), Some("emulator"));
    assert_eq!(me.workspace_id, Some(owner.id.workspace_id));
    assert_eq!(
        me.authorized_by_workspace_member_id,
        Some(owner.id.workspace_member_id)
    );
    assert_eq!(me.token_type.as_deref(), Some("Bearer"));
    assert!(me.scopes().any(|s| s == "user_management:read"), "{me:?}");
    emu.shutdown().await;
}

/// A server that answers every request with `status` and `body`, and keeps the request
/// lines it was sent.
async fn canned(status: &str, body: &str) -> (String, Arc<Mutex<Vec<String>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = Arc::clone(&seen);
    let answer = format!(
        "HTTP/1.1 {status}\r\ncontent-type: application/json\r\ncontent-length: {}\r\nconnection: close\r\n\r\n{body}",
        body.len()
    );
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut head = Vec::new();
            let mut buf = [0u8; 1024];
            while !head.windows(4).any(|w| w == b"\r\n\r\n") {
                match socket.read(&mut buf).await {
                    Ok(0) | Err(_) => break,
                    Ok(n) => head.extend_from_slice(&buf[..n]),
                }
            }
            let head = String::from_utf8_lossy(&head);
            log.lock()
                .unwrap()
                .push(head.lines().next().unwrap_or_default().to_owned());
            let _ = socket.write_all(answer.as_bytes()).await;
            let _ = socket.shutdown().await;
        }
    });
    (url, seen)
}

fn member_json(access_level: &str) -> String {
    format!(
        r#"{{"id":{{"workspace_id":"{WS}","workspace_member_id":"{MEMBER}"}},"first_name":"Ada","last_name":"Lovelace","avatar_url":"https://example.com/ada.png","email_address":"ada@example.com","access_level":"{access_level}","created_at":"2023-01-01T15:00:00.000000000Z"}}"#
    )
}

#[tokio::test]
async fn one_member_by_id() {
    let (url, seen) = canned(
        "200 OK",
        &format!(r#"{{"data":{}}}"#, member_json("suspended")),
    )
    .await;
    let client = client_for(&url, "k");
    let id = MEMBER.parse().unwrap();
    let member = client.members().get(id).await.expect("member");
    assert_eq!(member.id.workspace_member_id, id);
    assert_eq!(member.id.to_string(), MEMBER);
    assert_eq!(member.access_level, AccessLevel::Suspended);
    assert_eq!(
        member.avatar_url.as_deref(),
        Some("https://example.com/ada.png")
    );
    assert_eq!(
        seen.lock().unwrap().as_slice(),
        [format!("GET /v2/workspace_members/{MEMBER} HTTP/1.1")]
    );
}

#[tokio::test]
async fn a_missing_member_is_not_found() {
    let (url, _) = canned(
        "404 Not Found",
        r#"{"status_code":404,"type":"invalid_request_error","code":"not_found","message":"Workspace member not found."}"#,
    )
    .await;
    let err = client_for(&url, "k")
        .members()
        .get(MEMBER.parse().unwrap())
        .await
        .expect_err("404");
    assert!(err.is_not_found(), "{err}");
    assert_eq!(err.code(), Some(&ErrorCode::NotFound));
    assert_eq!(
        err.as_api().unwrap().request.as_deref(),
        Some(format!("GET /v2/workspace_members/{MEMBER}").as_str())
    );
}

#[tokio::test]
async fn a_revoked_token_is_inactive_not_an_error() {
    let (url, seen) = canned("200 OK", r#"{"active":false}"#).await;
    let me = client_for(&url, "revoked").identify().await.expect("a 200");
    assert!(!me.active);
    assert_eq!(me.workspace_id, None);
    assert_eq!(me.scopes().count(), 0);
    assert_eq!(seen.lock().unwrap().as_slice(), ["GET /v2/self HTTP/1.1"]);
}

#[tokio::test]
async fn a_malformed_member_list_names_the_path() {
    let body = format!(
        r#"{{"data":[{},{}]}}"#,
        member_json("admin"),
        member_json("admin").replace(
            r#""email_address":"ada@example.com""#,
            r#""email_address":5"#
        )
    );
    let (url, _) = canned("200 OK", &body).await;
    let err = client_for(&url, "k")
        .members()
        .all()
        .await
        .expect_err("not a member");
    let Error::Decode(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.object, "workspace member");
    assert_eq!(e.path, "data[1].email_address");
    assert_eq!(e.found, "integer `5`");
    assert!(e.position.is_some());
    assert!(err.to_string().contains("data[1].email_address"), "{err}");
}

//! OAuth's authorization-code flow against the emulator: the authorize URL, the redirect
//! back with `code` and `state`, the token exchange, and a client built from the token.

mod common;

use attio_core::oauth::{Callback, OAuthApp};
use attio_core::values::EmailAddress;
use attio_core::{Error, ErrorCode, RetryPolicy};
use attio_emulator::Emulator;
use common::*;

const CLIENT_ID: &str = "app-7f3c";
const SECRET: &str = "shh-0123456789abcdef0123456789";
const REDIRECT: &str = "https://app.example.com/attio/callback";

async fn emulator() -> Emulator {
    let emu = Emulator::builder().no_rate_limits().start().await.unwrap();
    emu.register_oauth_app(CLIENT_ID, SECRET, REDIRECT);
    emu
}

fn app(emu: &Emulator) -> OAuthApp {
    OAuthApp::new(CLIENT_ID, SECRET, REDIRECT).app_url(emu.base_url())
}

/// Opens the authorize URL as a browser would, without following the redirect: where it
/// sends the user.
async fn open(url: &str) -> reqwest::Response {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
        .get(url)
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn the_whole_flow() {
    let emu = emulator().await;
    let app = app(&emu);
    let authorize = app.authorize().unwrap();
    assert!(
        authorize
            .url
            .starts_with(&format!("{}/authorize?", emu.base_url())),
        "{}",
        authorize.url
    );

    let answer = open(&authorize.url).await;
    assert_eq!(answer.status(), 302);
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    assert!(location.starts_with(REDIRECT), "{location}");
    let callback = Callback::parse(&location).unwrap();
    authorize.check_state(&callback.state).unwrap();

    let token = app.exchange(&callback.code).await.unwrap();
    assert_eq!(token.token_type(), "Bearer");
    assert!(!format!("{token:?}").contains(token.secret()));

    // The token is a key of the workspace.
    let client = token
        .client_builder()
        .base_url(emu.base_url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let me = client.identify().await.unwrap();
    assert!(me.active);
    let made = client
        .create(&Person {
            email_addresses: vec![EmailAddress::new("oauth@flow.example").unwrap()],
            name: None,
            description: None,
            job_title: None,
            company: None,
            phone_numbers: vec![],
            primary_location: None,
            linkedin_url: None,
            created_at: None,
        })
        .await
        .unwrap();
    assert_eq!(emu.record_count("people"), 1);
    client.get::<Person>(made.id.record_id).await.unwrap();

    // A code is good for one exchange.
    let err = app.exchange(&callback.code).await.unwrap_err();
    assert_eq!(err.status(), Some(400), "{err}");
    assert_eq!(err.code(), Some(&ErrorCode::Other("invalid_grant".into())));
    assert!(!err.to_string().contains(&callback.code), "{err}");
    assert!(err.request_id().is_some(), "{err}");
}

#[tokio::test]
async fn wrong_credentials_and_codes_are_refused() {
    let emu = emulator().await;
    let code = emu.authorization_code(CLIENT_ID, REDIRECT).unwrap();
    assert_eq!(
        emu.authorization_code(CLIENT_ID, "https://elsewhere.example/cb"),
        None
    );

    let wrong =
        OAuthApp::new(CLIENT_ID, "not-the-secret-0123456789", REDIRECT).app_url(emu.base_url());
    let err = wrong.exchange(&code).await.unwrap_err();
    assert_eq!(err.status(), Some(401), "{err}");
    assert_eq!(err.code(), Some(&ErrorCode::Unauthorized));
    assert_eq!(err.as_api().unwrap().error_type, "auth_error");
    assert!(!err.to_string().contains("not-the-secret"), "{err}");

    // The code was not used up by the refused exchange; another redirect URI is refused.
    let elsewhere =
        OAuthApp::new(CLIENT_ID, SECRET, "https://elsewhere.example/cb").app_url(emu.base_url());
    let err = elsewhere.exchange(&code).await.unwrap_err();
    assert_eq!(err.code(), Some(&ErrorCode::Other("invalid_grant".into())));
    let token = app(&emu).exchange(&code).await.unwrap();

    // A made-up token is not a key.
    let client = attio_core::Client::builder()
        .api_key(format!("{}x", token.secret()))
        .base_url(emu.base_url())
        .retry(RetryPolicy::none())
        .build()
        .unwrap();
    let err = client.members().all().await.unwrap_err();
    assert_eq!(err.status(), Some(401));

    // The authorize page does not redirect to an unregistered redirect URI.
    let stranger = elsewhere.authorize().unwrap();
    let answer = open(&stranger.url).await;
    assert_eq!(answer.status(), 400);
    assert!(answer.headers().get("location").is_none());
}

#[tokio::test]
async fn state_and_callbacks_are_checked() {
    let emu = emulator().await;
    let authorize = app(&emu)
        .authorize_with_state("return-to=/deals&nonce=1")
        .unwrap();
    let answer = open(&authorize.url).await;
    let location = answer.headers()["location"].to_str().unwrap().to_owned();
    let callback = Callback::parse(&location).unwrap();
    assert_eq!(callback.state, "return-to=/deals&nonce=1");
    authorize.check_state(&callback.state).unwrap();
    let other = app(&emu).authorize().unwrap();
    let err = other.check_state(&callback.state).unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err}");
    let err = Callback::parse(&format!("{REDIRECT}?error=access_denied&state=x")).unwrap_err();
    assert!(err.to_string().contains("access_denied"), "{err}");
}

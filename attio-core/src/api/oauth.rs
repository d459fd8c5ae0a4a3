//! OAuth 2.0 for apps that act in other people's workspaces: the authorization-code flow.
//!
//! 1. Send the user to [`OAuthApp::authorize`]'s URL. Attio asks them to allow the app in
//!    one of their workspaces, then redirects to the app's `redirect_uri` with `code` and
//!    `state` in the query.
//! 2. At the redirect, read them with [`Callback::parse`], check the state with
//!    [`Authorize::check_state`] (it stops another site from handing the user someone
//!    else's code), and trade the code for a token with [`OAuthApp::exchange`].
//! 3. Build a [`Client`] from the token ([`AccessToken::client`]) and call the API as with
//!    a workspace API key.
//!
//! **Attio's access tokens do not expire and there is no refresh token**: keep the token
//! (it is as powerful as an API key of that workspace, so store it as a secret) and use it
//! until the user uninstalls the app; `GET /v2/self` ([`Client::identify`]) tells whether it
//! is still active. Each token is bound to one workspace: an app installed in several
//! workspaces holds one token per workspace. The scopes granted are those configured for
//! the app at build.attio.com, not chosen in the authorize URL.
//!
//! ```no_run
//! use attio_core::oauth::{Callback, OAuthApp};
//!
//! # async fn run(redirected_to: &str) -> Result<(), attio_core::Error> {
//! let app = OAuthApp::new("my-client-id", "my-client-secret", "https://example.com/attio/callback");
//! let authorize = app.authorize()?;
//! // Keep `authorize.state` in the user's session, and send them to `authorize.url`.
//! println!("open {}", authorize.url);
//!
//! // Later, at https://example.com/attio/callback?code=…&state=…
//! let callback = Callback::parse(redirected_to)?;
//! authorize.check_state(&callback.state)?;
//! let token = app.exchange(&callback.code).await?;
//! let client = token.client()?;
//! let me = client.identify().await?;
//! println!("installed in {:?}", me.workspace_name);
//! # Ok(())
//! # }
//! ```

use std::fmt;
use std::time::Duration;

use reqwest::header::{ACCEPT, CONTENT_TYPE, HeaderValue};
use reqwest::{Method, Url};
use serde::Deserialize;

use crate::error::{Error, cut};
use crate::http::api_error::api_error_from;
use crate::http::base_url;
use crate::http::builder::ClientBuilder;
use crate::http::client::Client;
use crate::http::request::{Request, Safety};
use crate::http::send::{EXECUTION_ID, transport_error};
use crate::json;

/// Attio's app, where the authorize page and the token endpoint live.
pub const DEFAULT_APP_URL: &str = "https://app.attio.com";

/// The authorize page, under the app URL.
const AUTHORIZE_PATH: &str = "/authorize";
/// The token endpoint, under the app URL.
const TOKEN_PATH: &str = "/oauth/token";
/// How long a token exchange may take.
const TIMEOUT: Duration = Duration::from_secs(30);

/// An OAuth app registered with Attio (at build.attio.com): its client id and secret and
/// the redirect URI registered for it.
///
/// The secret never appears in `Debug` output or in errors.
#[derive(Clone)]
pub struct OAuthApp {
    client_id: String,
    client_secret: String,
    redirect_uri: String,
    app_url: String,
    http: Option<reqwest::Client>,
}

impl fmt::Debug for OAuthApp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OAuthApp")
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("redirect_uri", &self.redirect_uri)
            .field("app_url", &self.app_url)
            .finish_non_exhaustive()
    }
}

/// Where to send the user, and the state to check when they come back.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Authorize {
    /// The authorize page with the app's parameters:
    /// `https://app.attio.com/authorize?client_id=…&response_type=code&redirect_uri=…&state=…`.
    pub url: String,
    /// The `state` sent: keep it (in the user's session) and compare it with the one the
    /// redirect brings back ([`Authorize::check_state`]).
    pub state: String,
}

/// What Attio's redirect to the app's `redirect_uri` brings: the code to exchange and the
/// state to check.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Callback {
    /// The authorization code, for [`OAuthApp::exchange`]; used once.
    pub code: String,
    /// The state sent with the authorize URL, for [`Authorize::check_state`].
    pub state: String,
}

impl fmt::Debug for Callback {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Callback")
            .field("code", &"<redacted>")
            .field("state", &self.state)
            .finish()
    }
}

/// An access token from [`OAuthApp::exchange`]: a bearer token for one workspace, valid
/// until the app is uninstalled (Attio's tokens do not expire and cannot be refreshed).
///
/// The token never appears in `Debug` output; [`secret`](Self::secret) gives it, to store.
#[derive(Clone, Deserialize)]
pub struct AccessToken {
    access_token: String,
    #[serde(default = "bearer")]
    token_type: String,
}

fn bearer() -> String {
    "Bearer".to_owned()
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("access_token", &"<redacted>")
            .field("token_type", &self.token_type)
            .finish()
    }
}

impl OAuthApp {
    /// The app with its client id, client secret and one of its registered redirect URIs
    /// (Attio requires an exact match).
    pub fn new(
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        OAuthApp {
            client_id: client_id.into(),
            client_secret: client_secret.into(),
            redirect_uri: redirect_uri.into(),
            app_url: DEFAULT_APP_URL.to_owned(),
            http: None,
        }
    }

    /// Where the authorize page (`/authorize`) and the token endpoint (`/oauth/token`)
    /// live, default [`DEFAULT_APP_URL`]: set it to an emulator's base URL in tests. The
    /// same rules as [`ClientBuilder::base_url`] apply (`https`, or `http` on a loopback
    /// host).
    pub fn app_url(mut self, url: impl Into<String>) -> Self {
        self.app_url = url.into();
        self
    }

    /// Sends the token exchange through this `reqwest::Client` (a proxy, custom root
    /// certificates); build it with `redirect::Policy::none()`, as for
    /// [`ClientBuilder::http_client`].
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http = Some(client);
        self
    }

    /// The authorize URL with a fresh random `state` (128 bits from the operating
    /// system's generator), returned beside it to check at the redirect.
    pub fn authorize(&self) -> Result<Authorize, Error> {
        let state = uuid::Uuid::new_v4().simple().to_string();
        self.authorize_with_state(state)
    }

    /// The authorize URL with the caller's `state` (for example one that also encodes where
    /// to send the user afterwards; it must still be unguessable).
    pub fn authorize_with_state(&self, state: impl Into<String>) -> Result<Authorize, Error> {
        let state = state.into();
        let mut url = self.endpoint(AUTHORIZE_PATH)?;
        url.query_pairs_mut()
            .append_pair("client_id", &self.client_id)
            .append_pair("response_type", "code")
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("state", &state);
        Ok(Authorize {
            url: url.into(),
            state,
        })
    }

    /// Trades an authorization code for an access token: `POST /oauth/token`, form-encoded
    /// with `grant_type=authorization_code`, the code, the client id and secret and the
    /// redirect URI.
    ///
    /// Sent once, never retried: a code is good for one exchange. A code that is wrong or
    /// already used, or a wrong client secret, is the error Attio answers ([`Error::Api`],
    /// with the status and Attio's code); neither the code nor the secret appears in it.
    pub async fn exchange(&self, code: &str) -> Result<AccessToken, Error> {
        let url = self.endpoint(TOKEN_PATH)?;
        let describe = Request::new(Method::POST, TOKEN_PATH.to_owned(), Safety::Create);
        let http = match &self.http {
            Some(http) => http.clone(),
            None => reqwest::Client::builder()
                .redirect(reqwest::redirect::Policy::none())
                .timeout(TIMEOUT)
                .user_agent(concat!("attio-rs/", env!("CARGO_PKG_VERSION")))
                .build()
                .map_err(|e| Error::Config(format!("cannot start the HTTP client: {e}")))?,
        };
        let form = [
            ("grant_type", "authorization_code"),
            ("code", code),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.as_str()),
            ("redirect_uri", self.redirect_uri.as_str()),
        ];
        let response = http
            .post(url)
            .header(ACCEPT, "application/json")
            .header(
                CONTENT_TYPE,
                HeaderValue::from_static("application/x-www-form-urlencoded"),
            )
            .timeout(TIMEOUT)
            .form(&form)
            .send()
            .await
            .map_err(|e| self.hide(transport_error(&describe, e, true), code))?;
        let status = response.status();
        let request_id = response
            .headers()
            .get(EXECUTION_ID)
            .and_then(|v| v.to_str().ok())
            .map(|v| cut(v.to_owned()));
        let body = response
            .bytes()
            .await
            .map_err(|e| self.hide(transport_error(&describe, e, true), code))?;
        if status.is_redirection() {
            return Err(Error::Config(format!(
                "POST {TOKEN_PATH}: the token endpoint answered {status}, a redirect; attio-rs follows no redirect: set the app URL to the address that answers"
            )));
        }
        if !status.is_success() {
            let mut error = api_error_from(status.as_u16(), &body, Some(describe.describe()));
            error.request_id = request_id;
            return Err(self.hide(error.into(), code));
        }
        let token: AccessToken = json::decode_serde(&body, "access token")
            .map_err(|e| self.hide(e, code).redact(&token_in(&body)))?;
        if token.access_token.trim().is_empty() {
            return Err(Error::Config(
                "the token endpoint answered an empty access token".into(),
            ));
        }
        Ok(token)
    }

    /// `/authorize` or `/oauth/token` under the app URL, checked.
    fn endpoint(&self, path: &str) -> Result<Url, Error> {
        let base = base_url::check(&self.app_url, &self.client_secret)
            .map_err(|e| Error::Config(format!("the OAuth app URL: {e}")))?;
        Url::parse(&format!("{base}{path}"))
            .map_err(|e| Error::Config(format!("the OAuth app URL: {e}")))
    }

    /// `error` without the client secret or the code in any of its text.
    fn hide(&self, error: Error, code: &str) -> Error {
        error.redact(&self.client_secret).redact(code)
    }
}

/// The `access_token` of a body that did not decode, if one can be seen, to keep it out of
/// the error.
fn token_in(body: &[u8]) -> String {
    #[derive(Deserialize)]
    struct Loose {
        #[serde(default)]
        access_token: Option<serde_json::Value>,
    }
    serde_json::from_slice::<Loose>(body)
        .ok()
        .and_then(|l| l.access_token)
        .map(|v| match v {
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        })
        .unwrap_or_default()
}

impl Authorize {
    /// Checks the `state` a redirect brought back against the one sent: an
    /// [`Error::Config`] when they differ (the redirect did not come from this authorize
    /// URL; do not exchange its code).
    pub fn check_state(&self, returned: &str) -> Result<(), Error> {
        // Compared in time independent of where they differ.
        let (a, b) = (self.state.as_bytes(), returned.as_bytes());
        let same =
            a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0;
        if same {
            Ok(())
        } else {
            Err(Error::Config(
                "the OAuth state of the redirect is not the one sent with the authorize URL: the redirect did not come from this authorization; do not exchange its code".into(),
            ))
        }
    }
}

impl Callback {
    /// Reads `code` and `state` from the redirect: the whole URL, or its query (with or
    /// without the `?`). A redirect carrying `error` (the user declined, or the request was
    /// refused) is an [`Error::Config`] quoting it.
    pub fn parse(redirect: &str) -> Result<Callback, Error> {
        let redirect = redirect.trim();
        let query = match Url::parse(redirect) {
            Ok(url) => url.query().unwrap_or_default().to_owned(),
            Err(_) => redirect.trim_start_matches('?').to_owned(),
        };
        let (mut code, mut state, mut error) = (None, None, None);
        let parsed = Url::parse(&format!("http://callback/?{query}"))
            .map_err(|e| Error::Config(format!("the OAuth redirect is not a URL: {e}")))?;
        for (key, value) in parsed.query_pairs() {
            match key.as_ref() {
                "code" => code = Some(value.into_owned()),
                "state" => state = Some(value.into_owned()),
                "error" | "error_description" => {
                    let seen: &mut String = error.get_or_insert_with(String::new);
                    if !seen.is_empty() {
                        seen.push_str(": ");
                    }
                    seen.push_str(&value);
                }
                _ => {}
            }
        }
        if let Some(error) = error {
            return Err(Error::Config(format!(
                "the OAuth authorization was not granted: {}",
                cut(error)
            )));
        }
        match (code, state) {
            (Some(code), Some(state)) if !code.is_empty() => Ok(Callback { code, state }),
            _ => Err(Error::Config(
                "the OAuth redirect has no `code` and `state` in its query".into(),
            )),
        }
    }
}

impl AccessToken {
    /// The token itself, to store (as a secret) and to use later with
    /// [`ClientBuilder::api_key`].
    pub fn secret(&self) -> &str {
        &self.access_token
    }

    /// The token type, `Bearer`.
    pub fn token_type(&self) -> &str {
        &self.token_type
    }

    /// A client builder with this token as its key, to set the rest (a base URL, pacing).
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder().api_key(self.access_token.clone())
    }

    /// A client of Attio's API with this token as its key, everything else default.
    pub fn client(&self) -> Result<Client, Error> {
        self.client_builder().build()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_authorize_url_carries_the_parameters() {
        let app = OAuthApp::new("cid", "secret", "https://example.com/cb?x=1");
        let a = app.authorize().unwrap();
        assert_eq!(a.state.len(), 32);
        assert_ne!(a.state, app.authorize().unwrap().state);
        let url = Url::parse(&a.url).unwrap();
        assert_eq!(url.host_str(), Some("app.attio.com"));
        assert_eq!(url.path(), "/authorize");
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        assert_eq!(
            pairs,
            [
                ("client_id".into(), "cid".into()),
                ("response_type".into(), "code".into()),
                ("redirect_uri".into(), "https://example.com/cb?x=1".into()),
                ("state".into(), a.state.clone()),
            ]
        );
        assert!(!format!("{app:?}").contains("secret\""), "{app:?}");
        a.check_state(&a.state).unwrap();
        assert!(a.check_state("other").is_err());
        let err = OAuthApp::new("c", "s", "r")
            .app_url("http://example.com")
            .authorize()
            .unwrap_err();
        assert!(err.to_string().contains("OAuth app URL"), "{err}");
    }

    #[test]
    fn callbacks_parse_or_say_why_not() {
        let c = Callback::parse("https://example.com/cb?code=abc&state=s%201").unwrap();
        assert_eq!((c.code.as_str(), c.state.as_str()), ("abc", "s 1"));
        let c = Callback::parse("?state=z&code=y").unwrap();
        assert_eq!((c.code.as_str(), c.state.as_str()), ("y", "z"));
        assert!(!format!("{c:?}").contains('y'));
        let err =
            Callback::parse("https://example.com/cb?error=access_denied&state=s").unwrap_err();
        assert!(err.to_string().contains("access_denied"), "{err}");
        let err = Callback::parse("https://example.com/cb?state=s").unwrap_err();
        assert!(err.to_string().contains("no `code`"), "{err}");
    }
}

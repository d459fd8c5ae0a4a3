//! OAuth 2.0 (attio-api-more.md §16): the apps a test registers, the authorization codes
//! the authorize page hands out (each good for one exchange), and the access tokens issued,
//! which the server layer accepts as bearer keys of the workspace. Tokens never expire, as
//! Attio's do not.

use std::collections::{HashMap, HashSet};
use std::sync::{Mutex, MutexGuard};

use axum::http::StatusCode;

use crate::error::{ApiError, ApiResult};

/// The registered apps, their outstanding codes and the tokens issued.
#[derive(Default)]
pub(crate) struct OAuth {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    apps: Vec<App>,
    /// Outstanding codes: the app and redirect URI each was granted for.
    codes: HashMap<String, Grant>,
    tokens: HashSet<String>,
}

/// A registered OAuth app.
struct App {
    client_id: String,
    client_secret: String,
    redirect_uri: String,
}

/// What a code was granted for.
struct Grant {
    client_id: String,
    redirect_uri: String,
}

/// What a token exchange sends.
pub(crate) struct Exchange<'a> {
    pub grant_type: Option<&'a str>,
    pub code: Option<&'a str>,
    pub client_id: Option<&'a str>,
    pub client_secret: Option<&'a str>,
    pub redirect_uri: Option<&'a str>,
}

fn error(status: StatusCode, kind: &'static str, code: &'static str, message: &str) -> ApiError {
    ApiError {
        status,
        kind,
        code,
        message: message.to_owned(),
        validation_errors: None,
    }
}

/// A fresh random secret (code or token): 64 hex characters.
fn secret() -> String {
    format!(
        "{}{}",
        uuid::Uuid::new_v4().simple(),
        uuid::Uuid::new_v4().simple()
    )
}

impl OAuth {
    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Registers an app (or replaces the one with the same client id).
    pub(crate) fn register(&self, client_id: &str, client_secret: &str, redirect_uri: &str) {
        let mut inner = self.lock();
        inner.apps.retain(|a| a.client_id != client_id);
        inner.apps.push(App {
            client_id: client_id.to_owned(),
            client_secret: client_secret.to_owned(),
            redirect_uri: redirect_uri.to_owned(),
        });
    }

    /// A new code for `client_id` at `redirect_uri`, which must be the app's registered
    /// redirect URI exactly; what the authorize page does once the user allows the app.
    pub(crate) fn grant(&self, client_id: &str, redirect_uri: &str) -> ApiResult<String> {
        let mut inner = self.lock();
        let Some(app) = inner.apps.iter().find(|a| a.client_id == client_id) else {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "invalid_client",
                "No OAuth app has this client_id.",
            ));
        };
        if app.redirect_uri != redirect_uri {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "invalid_redirect_uri",
                "The redirect_uri does not match a redirect URI registered for the app.",
            ));
        }
        let code = secret();
        inner.codes.insert(
            code.clone(),
            Grant {
                client_id: client_id.to_owned(),
                redirect_uri: redirect_uri.to_owned(),
            },
        );
        Ok(code)
    }

    /// Trades a code for an access token: the app's credentials must be right, and the code
    /// outstanding, granted to that app (and for that redirect URI, when one is sent). The
    /// code is used up.
    pub(crate) fn exchange(&self, e: &Exchange<'_>) -> ApiResult<String> {
        if e.grant_type != Some("authorization_code") {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "unsupported_grant_type",
                "grant_type must be \"authorization_code\".",
            ));
        }
        let mut inner = self.lock();
        let app = inner
            .apps
            .iter()
            .find(|a| Some(a.client_id.as_str()) == e.client_id)
            .filter(|a| Some(a.client_secret.as_str()) == e.client_secret);
        let Some(app) = app else {
            return Err(error(
                StatusCode::UNAUTHORIZED,
                "auth_error",
                "unauthorized",
                "Invalid client credentials.",
            ));
        };
        let client_id = app.client_id.clone();
        let granted = e.code.and_then(|c| inner.codes.get(c)).is_some_and(|g| {
            g.client_id == client_id && e.redirect_uri.is_none_or(|r| r == g.redirect_uri)
        });
        if !granted {
            return Err(error(
                StatusCode::BAD_REQUEST,
                "invalid_request_error",
                "invalid_grant",
                "The authorization code is invalid, was granted to another app or redirect URI, or has already been used.",
            ));
        }
        if let Some(code) = e.code {
            inner.codes.remove(code);
        }
        let token = secret();
        inner.tokens.insert(token.clone());
        Ok(token)
    }

    /// Whether `token` is an access token this emulator issued.
    pub(crate) fn accepts(&self, token: &str) -> bool {
        self.lock().tokens.contains(token)
    }
}

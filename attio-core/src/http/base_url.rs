//! The base URL: checked once at build, and shown in messages without what could be a
//! secret (user info, a query, the API key, or a key given as the URL by mistake).

use std::net::IpAddr;

use reqwest::Url;

use crate::error::{Error, MIN_SECRET, cut, redact_in};

/// The base URL requests go to, after checking it: `https`, or `http` on a loopback host;
/// no user info, query or fragment; its path without a trailing `/` and without the API
/// version `/v2`, which every request path starts with. `key` is kept out of messages.
///
/// A path holding `/v2` anywhere but at its end (`…/v2/v2`, `…/v2/objects`) is refused:
/// every request would go to a wrong path.
pub(crate) fn check(raw: &str, key: &str) -> Result<String, Error> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        return Err(config(
            "the base URL is empty; leave it unset for https://api.attio.com",
        ));
    }
    let url = match Url::parse(trimmed) {
        Ok(url) if url.host_str().is_some() => url,
        parsed => {
            let why = match parsed {
                Ok(_) => "it has no host".to_owned(),
                Err(e) => e.to_string(),
            };
            let length = trimmed.chars().count();
            return Err(config(if looks_like_key(trimmed, key) {
                format!(
                    "the base URL looks like an API key, not a URL ({why}; {length} characters, not shown): is the key in ATTIO_BASE_URL or `.base_url(..)`? The key goes in ATTIO_API_KEY or `.api_key(..)`; the base URL is where the API lives, e.g. https://api.attio.com"
                )
            } else {
                format!(
                    "the base URL is not a URL ({why}; {length} characters, not shown): give its scheme and host, e.g. https://api.attio.com"
                )
            }));
        }
    };
    let host = url.host_str().unwrap_or_default();
    let shown = shown(&url, key);
    if !url.username().is_empty() || url.password().is_some() {
        return Err(config(format!(
            "the base URL {shown} holds a user name or password (not shown): attio-rs sends the API key in a header and takes no credentials in the URL; remove them"
        )));
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    let loopback = match bare.parse::<IpAddr>() {
        Ok(ip) => ip.is_loopback(),
        Err(_) => bare.eq_ignore_ascii_case("localhost"),
    };
    match url.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(config(format!(
                "the base URL {shown} is plain http: the API key would travel unencrypted; use https (http is only accepted on a loopback host, for an emulator)"
            )));
        }
        other => {
            return Err(config(format!(
                "the base URL {shown} has scheme `{}`; use https",
                cut(other.to_owned())
            )));
        }
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(config(format!(
            "the base URL {shown} must not have a query or fragment (not shown)"
        )));
    }
    let mut segments: Vec<&str> = url.path_segments().into_iter().flatten().collect();
    while segments.last() == Some(&"") {
        segments.pop();
    }
    if segments.last() == Some(&"v2") {
        segments.pop();
    }
    if segments.contains(&"v2") {
        return Err(config(format!(
            "the base URL {shown} has `/v2` before the end of its path: every request path starts with /v2, so give the URL up to it, e.g. https://api.attio.com or https://proxy.example/attio"
        )));
    }
    let mut base = url.clone();
    base.set_path(&segments.join("/"));
    Ok(base.as_str().trim_end_matches('/').to_owned())
}

/// A URL as messages show it: scheme, host, port and path, with `?…` for a query; never
/// user info, a fragment or `key`; cut to a readable length.
pub(crate) fn shown(url: &Url, key: &str) -> String {
    let mut text = format!("{}://{}", url.scheme(), url.host_str().unwrap_or_default());
    if let Some(port) = url.port() {
        text.push_str(&format!(":{port}"));
    }
    text.push_str(url.path());
    if url.query().is_some() {
        text.push_str("?…");
    }
    redact_in(&mut text, key);
    format!("`{}`", cut(text))
}

/// A base URL as `Debug` shows it before it is checked: [`shown`] when it is a URL, and
/// nothing of it otherwise (it may be a key put in the wrong place).
pub(crate) fn shown_raw(raw: &str, key: &str) -> String {
    match Url::parse(raw.trim()) {
        Ok(url) if url.host_str().is_some() => shown(&url, key),
        _ => "<not a URL, not shown>".to_owned(),
    }
}

/// Whether text that is not a URL is likely an API key or token put where the base URL
/// goes: the key itself, or one long word of letters, digits, `_` and `-`. (Only the
/// wording of the error depends on it: text that is not a URL is never shown.)
fn looks_like_key(text: &str, key: &str) -> bool {
    let key = key.trim();
    (key.len() >= MIN_SECRET && text.contains(key))
        || (text.len() >= 20
            && text.chars().any(|c| c.is_ascii_digit())
            && text
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-')))
}

fn config(message: impl Into<String>) -> Error {
    Error::Config(message.into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(raw: &str) -> String {
        check(raw, "key").unwrap_or_else(|e| panic!("{raw}: {e}"))
    }

    #[test]
    fn https_anywhere_and_http_only_on_loopback() {
        assert_eq!(ok("https://api.attio.com"), "https://api.attio.com");
        assert_eq!(ok(" https://api.attio.com/ "), "https://api.attio.com");
        assert_eq!(ok("https://api.attio.com/v2"), "https://api.attio.com");
        assert_eq!(
            ok("https://proxy.example/attio/v2/"),
            "https://proxy.example/attio"
        );
        for loopback in [
            "http://127.0.0.1:4010",
            "http://127.3.2.1:4010",
            "http://localhost:4010/",
            "http://LOCALHOST",
            "http://[::1]:4010",
        ] {
            ok(loopback);
        }
        for bad in [
            "http://api.attio.com",
            "http://10.0.0.1:4010",
            "http://[::2]:80",
            "http://localhost.evil.com",
            "ftp://api.attio.com",
            "api.attio.com",
            "https://api.attio.com/?x=1",
            "https://api.attio.com/#x",
            "mailto:ada@example.com",
            "",
            "  ",
        ] {
            let err = check(bad, "key").unwrap_err();
            assert!(matches!(err, Error::Config(_)), "{bad}: {err}");
        }
    }

    #[test]
    fn the_path_keeps_a_prefix_and_loses_one_trailing_version() {
        for (raw, base) in [
            ("https://api.attio.com//", "https://api.attio.com"),
            ("https://api.attio.com/v2//", "https://api.attio.com"),
            ("https://p.example/a/b/v2", "https://p.example/a/b"),
            ("https://p.example/V2", "https://p.example/V2"),
            ("https://p.example/a%20b/", "https://p.example/a%20b"),
            ("https://p.example:8443", "https://p.example:8443"),
        ] {
            assert_eq!(ok(raw), base, "{raw}");
        }
        for bad in [
            "https://a.example/v2/v2",
            "https://a.example/v2/x/",
            "https://a.example/x/v2/v2/",
        ] {
            let err = check(bad, "key").unwrap_err().to_string();
            assert!(err.contains("`/v2` before the end"), "{bad}: {err}");
        }
    }

    #[test]
    fn messages_show_no_secret() {
        let key = "sk_live_0123456789abcdef";
        for raw in [
            format!("https://u:{key}@api.attio.com"),
            format!("https://{key}@api.attio.com"),
            format!("http://api.attio.com/{key}"),
            format!("https://api.attio.com/?k={key}"),
            format!("https://api.attio.com/#{key}"),
            format!("gopher://api.attio.com/{key}"),
            format!("https://api.attio.com/v2/v2/{key}"),
            key.to_owned(),
            format!("{key}:x"),
            "Bearer-0123456789abcdef".to_owned(),
        ] {
            let err = check(&raw, key).unwrap_err().to_string();
            assert!(!err.contains(key), "{raw}: {err}");
            assert!(!err.contains("0123456789abcdef"), "{raw}: {err}");
            assert!(!shown_raw(&raw, key).contains(key), "{raw}");
        }
        let err = check("sk_live_0123456789abcdef", "another").unwrap_err();
        assert!(err.to_string().contains("looks like an API key"), "{err}");
        let err = check("https://ada:pw@api.attio.com", "k").unwrap_err();
        assert!(err.to_string().contains("user name or password"), "{err}");
        assert_eq!(
            shown_raw("https://ada:pw@api.attio.com/x?y=1#z", "k"),
            "`https://api.attio.com/x?…`"
        );
        assert_eq!(shown_raw("not a url", "k"), "<not a URL, not shown>");
        let long = format!("https://api.attio.com/{}", "p".repeat(500));
        assert!(shown_raw(&long, "k").chars().count() < 210);
    }
}

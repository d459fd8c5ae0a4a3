//! The signature of a delivery: `Attio-Signature` (also sent as `X-Attio-Signature`) is
//! the hex HMAC-SHA256 of the raw body, keyed with the webhook's secret as issued (its
//! UTF-8 bytes, not hex-decoded). No timestamp is signed (attio-api-more.md §13.5).

use hmac::{Hmac, Mac};
use sha2::Sha256;

use crate::error::WebhookError;

type HmacSha256 = Hmac<Sha256>;

/// The header names Attio signs under, in the order they are read.
pub const SIGNATURE_HEADERS: [&str; 2] = ["Attio-Signature", "X-Attio-Signature"];

/// Checks that `signature` (the value of `Attio-Signature`, lower- or uppercase hex) is the
/// HMAC-SHA256 of `body` under `secret`, in constant time.
///
/// `body` must be the bytes as received: JSON parsed and written again does not verify.
///
/// ```
/// use attio_core::webhook;
///
/// let body = br#"{"webhook_id":"9a1b7e5e-3c2d-4b8e-9f6a-1d2c3b4a5e6f","events":[]}"#;
/// let signature = webhook::sign("the secret", body);
/// webhook::verify("the secret", &signature, body)?;
/// assert!(webhook::verify("another secret", &signature, body).is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
pub fn verify(secret: &str, signature: &str, body: &[u8]) -> Result<(), WebhookError> {
    let signature = signature.trim();
    let mut expected = [0u8; 32];
    if signature.len() != 64 || hex::decode_to_slice(signature, &mut expected).is_err() {
        return Err(WebhookError::MalformedSignature);
    }
    mac(secret, body)
        .verify_slice(&expected)
        .map_err(|_| WebhookError::WrongSignature)
}

/// The signature Attio sends for `body` under `secret`: lowercase hex of HMAC-SHA256.
/// For tests of a handler, and for anything that sends deliveries.
pub fn sign(secret: &str, body: &[u8]) -> String {
    hex::encode(mac(secret, body).finalize().into_bytes())
}

fn mac(secret: &str, body: &[u8]) -> HmacSha256 {
    let mut mac =
        HmacSha256::new_from_slice(secret.as_bytes()).expect("HMAC takes a key of any length");
    mac.update(body);
    mac
}

/// Request headers, as [`verify_headers`] reads them. Names are matched ignoring case.
pub trait Headers {
    /// The value of the header `name`, if present and text.
    fn header(&self, name: &str) -> Option<&str>;
}

#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
impl Headers for http::HeaderMap {
    fn header(&self, name: &str) -> Option<&str> {
        self.get(name).and_then(|v| v.to_str().ok())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for [(K, V)] {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

impl<K: AsRef<str>, V: AsRef<str>> Headers for Vec<(K, V)> {
    fn header(&self, name: &str) -> Option<&str> {
        self.as_slice().header(name)
    }
}

impl<K: AsRef<str>, V: AsRef<str>, S> Headers for std::collections::HashMap<K, V, S> {
    fn header(&self, name: &str) -> Option<&str> {
        self.iter()
            .find(|(k, _)| k.as_ref().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_ref())
    }
}

/// The delivery's signature: `Attio-Signature`, else `X-Attio-Signature`.
pub fn signature_of<H: Headers + ?Sized>(headers: &H) -> Result<&str, WebhookError> {
    SIGNATURE_HEADERS
        .iter()
        .find_map(|name| headers.header(name))
        .ok_or(WebhookError::MissingSignature)
}

/// [`verify`] with the signature read from the request's headers (`Attio-Signature` or
/// `X-Attio-Signature`); a missing header is [`WebhookError::MissingSignature`].
///
/// ```
/// use attio_core::webhook;
///
/// let body = b"{}";
/// let headers = vec![("x-attio-signature", webhook::sign("s", body))];
/// webhook::verify_headers("s", &headers, body)?;
/// # Ok::<(), attio_core::Error>(())
/// ```
pub fn verify_headers<H: Headers + ?Sized>(
    secret: &str,
    headers: &H,
    body: &[u8],
) -> Result<(), WebhookError> {
    verify(secret, signature_of(headers)?, body)
}

//! `email-address` attributes.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::Serializer;
use serde::de::{self, MapAccess};

use super::wire::{check_host, invalid, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::{Error, ValueError};
use crate::schema::AttributeType;

/// An email address (`email-address` attributes, e.g. a person's unique
/// `email_addresses`), checked as strictly as Attio checks it when built, and again before
/// every write (an address read from Attio is checked like a new one).
///
/// The accessors are named as Attio's fields. `email_address` is what is written;
/// `email_domain`, `email_root_domain` and `email_local_specifier` are computed by Attio and
/// only known once read back (`None` for an address built locally).
///
/// Two addresses are equal when their `email_address` is equal ignoring ASCII case, as Attio
/// matches them; the read-only fields are not compared. So
/// `EmailAddress::new("john-smith@attio.com")?` equals the address Attio sends back.
///
/// Read: `email_address`, `original_email_address`, `email_domain`, `email_root_domain`,
/// `email_local_specifier`. Written: the bare string, `"john-smith@attio.com"`.
///
/// ```
/// use attio_core::values::EmailAddress;
/// let e = EmailAddress::new("john-smith@attio.com")?;
/// assert_eq!(e.email_address(), "john-smith@attio.com");
/// assert!(EmailAddress::new("john smith@attio.com").is_err());
/// assert!(EmailAddress::new("john@attio").is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct EmailAddress {
    email_address: String,
    original_email_address: Option<String>,
    email_domain: Option<String>,
    email_root_domain: Option<String>,
    email_local_specifier: Option<String>,
}

/// Characters allowed in the local part besides ASCII letters and digits (RFC 5322 `atext`
/// and the dot).
const LOCAL_SPECIALS: &str = "!#$%&'*+-/=?^_`{|}~.";

impl EmailAddress {
    /// Checks an email address: one `@`, a local part without spaces or forbidden
    /// characters (at most 64 of them, no leading, trailing or doubled dot), and a domain
    /// with a dot and valid labels. Surrounding whitespace is trimmed.
    pub fn new(email_address: impl AsRef<str>) -> Result<Self, Error> {
        Self::checked(email_address.as_ref())
    }

    fn checked(email_address: &str) -> Result<Self, Error> {
        let address = email_address.trim();
        check_email(address).map_err(|reason| invalid("email address", email_address, reason))?;
        Ok(EmailAddress {
            email_address: address.to_owned(),
            original_email_address: None,
            email_domain: None,
            email_root_domain: None,
            email_local_specifier: None,
        })
    }

    /// `email_address`: the address (normalised by Attio when read back).
    pub fn email_address(&self) -> &str {
        &self.email_address
    }

    /// The address (same as [`EmailAddress::email_address`]).
    pub fn as_str(&self) -> &str {
        &self.email_address
    }

    /// `original_email_address`: the address as it was first given to Attio; for an address
    /// built locally, the address itself.
    pub fn original_email_address(&self) -> &str {
        self.original_email_address
            .as_deref()
            .unwrap_or(&self.email_address)
    }

    /// `email_domain`, e.g. `attio.com`, as computed by Attio.
    pub fn email_domain(&self) -> Option<&str> {
        self.email_domain.as_deref()
    }

    /// `email_root_domain`, the registrable part of the domain, as computed by Attio.
    pub fn email_root_domain(&self) -> Option<&str> {
        self.email_root_domain.as_deref()
    }

    /// `email_local_specifier`, e.g. `john-smith`, as computed by Attio.
    pub fn email_local_specifier(&self) -> Option<&str> {
        self.email_local_specifier.as_deref()
    }
}

/// Why `address` is not an email address Attio accepts.
fn check_email(address: &str) -> Result<(), String> {
    let Some((local, domain)) = address.split_once('@') else {
        return Err("it has no `@`".into());
    };
    if domain.contains('@') {
        return Err("it has more than one `@`".into());
    }
    if local.is_empty() {
        return Err("the part before the `@` is empty".into());
    }
    if local.chars().count() > 64 {
        return Err("the part before the `@` is longer than 64 characters".into());
    }
    if let Some(c) = local.chars().find(|&c| {
        !(c.is_ascii_alphanumeric()
            || LOCAL_SPECIALS.contains(c)
            || (!c.is_ascii() && !c.is_whitespace() && !c.is_control()))
    }) {
        return Err(format!(
            "the part before the `@` contains {c:?}, which is not allowed"
        ));
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err(
            "the part before the `@` starts or ends with a dot, or has two in a row".into(),
        );
    }
    check_host(domain).map_err(|r| format!("its domain `{domain}` is not valid: {r}"))
}

impl PartialEq for EmailAddress {
    fn eq(&self, other: &Self) -> bool {
        self.email_address
            .eq_ignore_ascii_case(&other.email_address)
    }
}

impl Eq for EmailAddress {}

impl Hash for EmailAddress {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for b in self.email_address.bytes() {
            state.write_u8(b.to_ascii_lowercase());
        }
        state.write_u8(0xff);
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.email_address)
    }
}

impl FromStr for EmailAddress {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        EmailAddress::new(s)
    }
}

impl AsRef<str> for EmailAddress {
    fn as_ref(&self) -> &str {
        &self.email_address
    }
}

/// Collects the keys of an `email-address` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct EmailAddressBuilder {
    email_address: Option<String>,
    original_email_address: Option<String>,
    email_domain: Option<String>,
    email_root_domain: Option<String>,
    email_local_specifier: Option<String>,
}

impl AttioValue for EmailAddress {
    const TYPE: AttributeType = AttributeType::EmailAddress;
}

impl ReadValue for EmailAddress {
    type Builder = EmailAddressBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        b: &mut EmailAddressBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        let slot = match key {
            "email_address" => &mut b.email_address,
            "original_email_address" => &mut b.original_email_address,
            "email_domain" => &mut b.email_domain,
            "email_root_domain" => &mut b.email_root_domain,
            "email_local_specifier" => &mut b.email_local_specifier,
            _ => return skip(map),
        };
        *slot = map.next_value::<Option<String>>()?;
        Ok(())
    }

    /// `email_address` is required; when Attio sends it as `null` the original address is
    /// used instead.
    fn finish<E: de::Error>(b: EmailAddressBuilder, _: Envelope) -> Result<Self, E> {
        let email_address = match (b.email_address, &b.original_email_address) {
            (Some(a), _) => a,
            (None, Some(o)) => o.clone(),
            (None, None) => return Err(E::missing_field("email_address")),
        };
        Ok(EmailAddress {
            email_address,
            original_email_address: b.original_email_address,
            email_domain: b.email_domain,
            email_root_domain: b.email_root_domain,
            email_local_specifier: b.email_local_specifier,
        })
    }
}

impl WriteValue for EmailAddress {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.email_address)
    }

    /// Checks the address like [`EmailAddress::new`] does: an address read from Attio is
    /// not re-sent unchecked.
    fn validate(&self) -> Result<(), ValueError> {
        check_email(&self.email_address)
            .map_err(|reason| ValueError::new("email address", self.email_address.as_str(), reason))
    }

    fn __lookup_key(&self) -> Option<super::LookupKey> {
        Some(super::LookupKey::Text(self.email_address.to_lowercase()))
    }
}

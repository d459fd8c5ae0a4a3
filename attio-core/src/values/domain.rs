//! `domain` attributes.

use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::Serializer;
use serde::de::{self, MapAccess};

use super::wire::{check_host, invalid, skip};
use super::{AttioValue, Envelope, ReadValue, WriteValue};
use crate::error::{Error, ValueError};
use crate::schema::AttributeType;

/// A domain (`domain` attributes, e.g. a company's unique `domains`), checked when built and
/// again before every write (a domain read from Attio is checked like a new one).
///
/// [`Domain::new`] does what Attio does to its input: it strips a URL's scheme, port, path,
/// query and fragment, and lowercases. `root_domain` (the registrable part, e.g. `attio.com`
/// for `app.attio.com`) is computed by Attio: read back, never written.
///
/// Two domains are equal when their `domain` is (the value that is written); `root_domain`
/// is not compared.
///
/// Read: `domain`, `root_domain`. Written: the bare string, `"attio.com"`.
///
/// ```
/// use attio_core::values::Domain;
/// let d = Domain::new("https://App.Attio.com/pricing?ref=x")?;
/// assert_eq!(d.domain(), "app.attio.com");
/// assert!(Domain::new("not a domain").is_err());
/// # Ok::<(), attio_core::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Domain {
    domain: String,
    root_domain: Option<String>,
}

impl Domain {
    /// Checks and normalises a domain or URL: `https://app.attio.com/x` → `app.attio.com`.
    pub fn new(domain: impl AsRef<str>) -> Result<Self, Error> {
        Self::checked(domain.as_ref())
    }

    fn checked(domain: &str) -> Result<Self, Error> {
        let host = host_of(domain);
        let host = host.to_lowercase();
        check_host(&host).map_err(|reason| invalid("domain", domain, reason))?;
        Ok(Domain {
            domain: host,
            root_domain: None,
        })
    }

    /// `domain`: the normalised domain.
    pub fn domain(&self) -> &str {
        &self.domain
    }

    /// The normalised domain (same as [`Domain::domain`]).
    pub fn as_str(&self) -> &str {
        &self.domain
    }

    /// `root_domain`, as computed by Attio; `None` for a domain built locally.
    pub fn root_domain(&self) -> Option<&str> {
        self.root_domain.as_deref()
    }
}

/// The host part of a domain or URL, as Attio keeps it: without scheme, port, path, query,
/// fragment or trailing dot.
fn host_of(input: &str) -> &str {
    let mut rest = input.trim();
    if let Some((scheme, after)) = rest.split_once("://")
        && is_scheme(scheme)
    {
        rest = after;
    } else if let Some(after) = rest.strip_prefix("//") {
        rest = after;
    }
    if let Some(end) = rest.find(['/', '?', '#']) {
        rest = &rest[..end];
    }
    if let Some((host, port)) = rest.rsplit_once(':')
        && !port.is_empty()
        && port.bytes().all(|b| b.is_ascii_digit())
    {
        rest = host;
    }
    rest.strip_suffix('.').unwrap_or(rest)
}

fn is_scheme(s: &str) -> bool {
    let mut bytes = s.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

impl PartialEq for Domain {
    fn eq(&self, other: &Self) -> bool {
        self.domain == other.domain
    }
}

impl Eq for Domain {}

impl Hash for Domain {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.domain.hash(state);
    }
}

impl fmt::Display for Domain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.domain)
    }
}

impl FromStr for Domain {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        Domain::new(s)
    }
}

impl AsRef<str> for Domain {
    fn as_ref(&self) -> &str {
        &self.domain
    }
}

/// Collects the keys of a `domain` value object.
#[doc(hidden)]
#[derive(Default)]
pub struct DomainBuilder {
    domain: Option<String>,
    root_domain: Option<String>,
}

impl AttioValue for Domain {
    const TYPE: AttributeType = AttributeType::Domain;
}

impl ReadValue for Domain {
    type Builder = DomainBuilder;

    fn read_field<'de, A: MapAccess<'de>>(
        builder: &mut DomainBuilder,
        key: &str,
        map: &mut A,
    ) -> Result<(), A::Error> {
        match key {
            "domain" => builder.domain = Some(map.next_value::<String>()?),
            "root_domain" => builder.root_domain = map.next_value::<Option<String>>()?,
            _ => skip(map)?,
        }
        Ok(())
    }

    fn finish<E: de::Error>(builder: DomainBuilder, _: Envelope) -> Result<Self, E> {
        Ok(Domain {
            domain: builder.domain.ok_or_else(|| E::missing_field("domain"))?,
            root_domain: builder.root_domain,
        })
    }
}

impl WriteValue for Domain {
    fn write<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.domain)
    }

    /// Checks the domain like [`Domain::new`] does: a domain read from Attio is not re-sent
    /// unchecked.
    fn validate(&self) -> Result<(), ValueError> {
        check_host(&self.domain)
            .map_err(|reason| ValueError::new("domain", self.domain.as_str(), reason))
    }

    fn __lookup_key(&self) -> Option<super::LookupKey> {
        Some(super::LookupKey::Text(self.domain.to_lowercase()))
    }
}

#[cfg(test)]
mod tests {
    use super::host_of;

    #[test]
    fn hosts_are_cut_out_of_urls() {
        assert_eq!(host_of("attio.com"), "attio.com");
        assert_eq!(host_of(" https://app.attio.com/x?y#z "), "app.attio.com");
        assert_eq!(host_of("http://attio.com:8080"), "attio.com");
        assert_eq!(host_of("//attio.com/"), "attio.com");
        assert_eq!(host_of("attio.com."), "attio.com");
        assert_eq!(host_of("attio.com/a://b"), "attio.com");
    }
}

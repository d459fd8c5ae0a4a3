//! Normalisation of emails, domains and phone numbers, and the derived fields Attio fills
//! (`email_domain`, `root_domain`, E.164 `phone_number`, …).

use super::country::{calling_code, calling_code_of, country_of, is_country};

/// Multi-label public suffixes under which the registrable domain has three labels
/// (`example.co.uk` → root `example.co.uk`, not `co.uk`). Not the whole Public Suffix
/// List: the common second-level registries of the larger economies.
const MULTI_LABEL_SUFFIXES: &[&str] = &[
    "co.uk",
    "org.uk",
    "ac.uk",
    "gov.uk",
    "me.uk",
    "ltd.uk",
    "plc.uk",
    "net.uk",
    "sch.uk",
    "nhs.uk",
    "police.uk",
    "com.au",
    "net.au",
    "org.au",
    "edu.au",
    "gov.au",
    "asn.au",
    "id.au",
    "co.nz",
    "org.nz",
    "net.nz",
    "ac.nz",
    "govt.nz",
    "co.jp",
    "ne.jp",
    "or.jp",
    "ac.jp",
    "go.jp",
    "co.kr",
    "or.kr",
    "ac.kr",
    "go.kr",
    "com.br",
    "net.br",
    "org.br",
    "gov.br",
    "com.cn",
    "net.cn",
    "org.cn",
    "gov.cn",
    "edu.cn",
    "com.hk",
    "org.hk",
    "net.hk",
    "com.sg",
    "edu.sg",
    "gov.sg",
    "com.my",
    "co.in",
    "net.in",
    "org.in",
    "firm.in",
    "gen.in",
    "ind.in",
    "ac.in",
    "gov.in",
    "co.za",
    "org.za",
    "gov.za",
    "com.mx",
    "org.mx",
    "gob.mx",
    "com.ar",
    "com.tr",
    "org.tr",
    "gov.tr",
    "co.il",
    "org.il",
    "ac.il",
    "co.id",
    "or.id",
    "ac.id",
    "go.id",
    "com.tw",
    "org.tw",
    "com.vn",
    "com.ph",
    "com.pk",
    "com.ng",
    "com.eg",
    "com.sa",
    "co.th",
    "in.th",
    "ac.th",
    "com.co",
    "com.pe",
    "com.ua",
    "co.ke",
    "com.pl",
    "com.es",
    "com.pt",
    "com.gr",
    "co.at",
    "or.at",
    "com.ru",
    "com.ec",
    "com.uy",
    "com.ve",
    "com.bd",
    "com.qa",
    "com.kw",
    "co.ae",
    "com.lb",
    "com.gt",
    "com.do",
    "com.bo",
    "com.py",
];

/// The registrable part of a host name (`app.attio.com` → `attio.com`,
/// `shop.example.co.uk` → `example.co.uk`).
pub(crate) fn root_domain(domain: &str) -> String {
    let d = domain.trim_end_matches('.').to_ascii_lowercase();
    let labels: Vec<&str> = d.split('.').collect();
    if labels.len() <= 2 {
        return d;
    }
    let last2 = labels[labels.len() - 2..].join(".");
    let take = if MULTI_LABEL_SUFFIXES.contains(&last2.as_str()) {
        3
    } else {
        2
    };
    labels[labels.len() - take..].join(".")
}

fn valid_host(h: &str) -> bool {
    let labels: Vec<&str> = h.split('.').collect();
    if labels.len() < 2 {
        return false;
    }
    labels.iter().all(|l| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    }) && labels
        .last()
        .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()))
}

/// Normalises a domain write: strips scheme, credentials, port, path, query and fragment,
/// lower-cases. `None` when what is left is not a host name.
pub(crate) fn normalize_domain(input: &str) -> Option<String> {
    let mut s = input.trim();
    if let Some(i) = s.find("://") {
        s = &s[i + 3..];
    }
    let end = s.find(['/', '?', '#']).unwrap_or(s.len());
    s = &s[..end];
    if let Some(i) = s.rfind('@') {
        s = &s[i + 1..];
    }
    if let Some(i) = s.find(':') {
        s = &s[..i];
    }
    let h = s.trim_end_matches('.').to_ascii_lowercase();
    valid_host(&h).then_some(h)
}

/// The parts of a valid email address.
pub(crate) struct Email {
    pub original: String,
    pub normalized: String,
    pub domain: String,
    pub root_domain: String,
    pub local: String,
}

/// Strictly validates and normalises an email address.
pub(crate) fn parse_email(input: &str) -> Option<Email> {
    let original = input.trim();
    let (local, domain) = original.rsplit_once('@')?;
    if local.is_empty()
        || local.len() > 64
        || local.starts_with('.')
        || local.ends_with('.')
        || local.contains("..")
        || !local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+/=?^_`{|}~-.".contains(c))
    {
        return None;
    }
    let domain = domain.to_ascii_lowercase();
    if !valid_host(&domain) {
        return None;
    }
    let local = local.to_ascii_lowercase();
    Some(Email {
        original: original.to_string(),
        normalized: format!("{local}@{domain}"),
        root_domain: root_domain(&domain),
        domain,
        local,
    })
}

/// A normalised phone number.
pub(crate) struct Phone {
    pub e164: String,
    pub country_code: Option<String>,
}

/// The error text Attio returns for a number it cannot place.
pub(crate) const PHONE_ERROR: &str =
    "Invalid phone number, possibly due to missing country information.";

/// The most digits of a number with its calling code (E.164).
const MAX_DIGITS: usize = 15;
/// The fewest digits of a number with its calling code (Niue's `+683 4002`).
const MIN_DIGITS: usize = 7;
/// The fewest digits after the calling code.
const MIN_NATIONAL_DIGITS: usize = 4;
/// The digits after `+1` (the North American plan).
const NANP_DIGITS: usize = 10;

/// Normalises a phone number to E.164, refusing what Attio refuses: a `country_code`
/// outside Attio's list, a number without a `+` (or `00`) prefix and without a country, a
/// prefix that is no calling code or is not the country's, and too few or too many digits
/// (at least 4 after the calling code and 7 with it, exactly 10 after `+1`, at most 15).
/// A national number drops its trunk `0`s, except in Italy, San Marino and the Vatican.
pub(crate) fn normalize_phone(raw: &str, country: Option<&str>) -> Result<Phone, &'static str> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !"-().‑/".contains(*c))
        .collect();
    let country = match country {
        Some(c) if is_country(c) => Some(c.to_ascii_uppercase()),
        Some(_) => return Err(PHONE_ERROR),
        None => None,
    };
    let (digits, international) = if let Some(rest) = compact.strip_prefix('+') {
        (rest, true)
    } else if let Some(rest) = compact.strip_prefix("00") {
        (rest, true)
    } else {
        (compact.as_str(), false)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(PHONE_ERROR);
    }
    let (code, national) = if international {
        let code = calling_code_of(digits).ok_or(PHONE_ERROR)?;
        if country
            .as_deref()
            .is_some_and(|c| calling_code(c) != Some(code))
        {
            return Err(PHONE_ERROR);
        }
        (code, &digits[code.len()..])
    } else {
        let c = country.as_deref().ok_or(PHONE_ERROR)?;
        let code = calling_code(c).ok_or(PHONE_ERROR)?;
        let national = if matches!(c, "IT" | "SM" | "VA") {
            digits
        } else {
            digits.trim_start_matches('0')
        };
        (code, national)
    };
    let total = code.len() + national.len();
    if (code == "1" && national.len() != NANP_DIGITS)
        || national.len() < MIN_NATIONAL_DIGITS
        || !(MIN_DIGITS..=MAX_DIGITS).contains(&total)
    {
        return Err(PHONE_ERROR);
    }
    let country_code = country.or_else(|| country_of(code).map(str::to_string));
    Ok(Phone {
        e164: format!("+{code}{national}"),
        country_code,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots() {
        assert_eq!(root_domain("app.attio.com"), "attio.com");
        assert_eq!(root_domain("shop.example.co.uk"), "example.co.uk");
        assert_eq!(root_domain("a.b.example.com.au"), "example.com.au");
        assert_eq!(root_domain("attio.com"), "attio.com");
    }

    #[test]
    fn domains() {
        assert_eq!(
            normalize_domain("https://App.Attio.com/path?q=1").as_deref(),
            Some("app.attio.com")
        );
        assert_eq!(normalize_domain("not a domain"), None);
    }

    #[test]
    fn emails() {
        let e = parse_email("John.Smith@Mail.Example.co.uk").unwrap();
        assert_eq!(e.normalized, "john.smith@mail.example.co.uk");
        assert_eq!(e.root_domain, "example.co.uk");
        assert_eq!(e.local, "john.smith");
        assert!(parse_email("nope").is_none());
        assert!(parse_email("a@b").is_none());
        assert!(parse_email("a b@c.com").is_none());
    }

    #[test]
    fn phones_attio_refuses() {
        for (n, c) in [
            ("+1 555", None),
            ("+1234", None),
            ("+999 1234 5678", None),
            ("+15558675309", Some("ZZ")),
            ("+447700900123", Some("US")),
            ("555 867", Some("US")),
            ("+1234567890123456", None),
        ] {
            assert!(normalize_phone(n, c).is_err(), "{n} {c:?}");
        }
        let p = normalize_phone("06 1234 5678", Some("it")).unwrap();
        assert_eq!(p.e164, "+390612345678");
        assert_eq!(p.country_code.as_deref(), Some("IT"));
        let p = normalize_phone("+683 4002", None).unwrap();
        assert_eq!(p.country_code.as_deref(), Some("NU"));
    }

    #[test]
    fn phones() {
        let p = normalize_phone("+1 (555) 867-5309", None).unwrap();
        assert_eq!(p.e164, "+15558675309");
        assert_eq!(p.country_code.as_deref(), Some("US"));
        let p = normalize_phone("07700 900123", Some("GB")).unwrap();
        assert_eq!(p.e164, "+447700900123");
        assert!(normalize_phone("07700900123", None).is_err());
        let p = normalize_phone("+447700900123", None).unwrap();
        assert_eq!(p.country_code.as_deref(), Some("GB"));
    }
}

//! Normalisation of emails, domains and phone numbers, and the derived fields Attio fills
//! (`email_domain`, `root_domain`, E.164 `phone_number`, …).

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

/// ISO 3166-1 alpha-2 → country calling code, for the larger economies and their
/// neighbours. When several countries share a code the first listed is the one inferred
/// from a `+` number (`+1` → US, `+7` → RU).
pub(crate) const CALLING_CODES: &[(&str, &str)] = &[
    ("US", "1"),
    ("CA", "1"),
    ("GB", "44"),
    ("DE", "49"),
    ("FR", "33"),
    ("IT", "39"),
    ("ES", "34"),
    ("NL", "31"),
    ("BE", "32"),
    ("CH", "41"),
    ("AT", "43"),
    ("SE", "46"),
    ("NO", "47"),
    ("DK", "45"),
    ("FI", "358"),
    ("IE", "353"),
    ("PT", "351"),
    ("PL", "48"),
    ("CZ", "420"),
    ("SK", "421"),
    ("GR", "30"),
    ("HU", "36"),
    ("RO", "40"),
    ("BG", "359"),
    ("HR", "385"),
    ("SI", "386"),
    ("RS", "381"),
    ("LT", "370"),
    ("LV", "371"),
    ("EE", "372"),
    ("LU", "352"),
    ("IS", "354"),
    ("CY", "357"),
    ("MT", "356"),
    ("RU", "7"),
    ("KZ", "7"),
    ("UA", "380"),
    ("TR", "90"),
    ("IL", "972"),
    ("SA", "966"),
    ("AE", "971"),
    ("QA", "974"),
    ("KW", "965"),
    ("IR", "98"),
    ("IQ", "964"),
    ("EG", "20"),
    ("MA", "212"),
    ("DZ", "213"),
    ("NG", "234"),
    ("KE", "254"),
    ("ZA", "27"),
    ("IN", "91"),
    ("PK", "92"),
    ("BD", "880"),
    ("LK", "94"),
    ("CN", "86"),
    ("HK", "852"),
    ("TW", "886"),
    ("JP", "81"),
    ("KR", "82"),
    ("SG", "65"),
    ("MY", "60"),
    ("TH", "66"),
    ("VN", "84"),
    ("PH", "63"),
    ("ID", "62"),
    ("AU", "61"),
    ("NZ", "64"),
    ("BR", "55"),
    ("MX", "52"),
    ("AR", "54"),
    ("CL", "56"),
    ("CO", "57"),
    ("PE", "51"),
    ("VE", "58"),
    ("UY", "598"),
    ("EC", "593"),
];

fn calling_code(country: &str) -> Option<&'static str> {
    CALLING_CODES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(country))
        .map(|(_, cc)| *cc)
}

fn country_for(e164_digits: &str) -> Option<&'static str> {
    // Longest calling-code prefix wins; first listed country for a shared code.
    let mut best: Option<(&str, &str)> = None;
    for (c, cc) in CALLING_CODES {
        if e164_digits.starts_with(cc) && best.is_none_or(|(_, b)| cc.len() > b.len()) {
            best = Some((c, cc));
        }
    }
    best.map(|(c, _)| c)
}

/// A normalised phone number.
pub(crate) struct Phone {
    pub e164: String,
    pub country_code: Option<String>,
}

/// The error text Attio returns for a number it cannot place.
pub(crate) const PHONE_ERROR: &str =
    "Invalid phone number, possibly due to missing country information.";

/// Normalises a phone number to E.164. A number without a `+` (or `00`) prefix needs a
/// known `country_code`.
pub(crate) fn normalize_phone(raw: &str, country: Option<&str>) -> Result<Phone, &'static str> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && !"-().‑/".contains(*c))
        .collect();
    let country = country.map(|c| c.to_ascii_uppercase());
    let (digits, international) = if let Some(rest) = compact.strip_prefix('+') {
        (rest.to_string(), true)
    } else if let Some(rest) = compact.strip_prefix("00") {
        (rest.to_string(), true)
    } else {
        (compact.clone(), false)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(PHONE_ERROR);
    }
    let full = if international {
        digits
    } else {
        let cc = country
            .as_deref()
            .and_then(calling_code)
            .ok_or(PHONE_ERROR)?;
        let national = if country.as_deref() == Some("IT") {
            digits.as_str()
        } else {
            digits.trim_start_matches('0')
        };
        format!("{cc}{national}")
    };
    if !(8..=15).contains(&full.len()) || full.starts_with('0') {
        return Err(PHONE_ERROR);
    }
    let country_code = match country {
        Some(c) if c.len() == 2 && c.chars().all(|x| x.is_ascii_alphabetic()) => Some(c),
        Some(_) => return Err(PHONE_ERROR),
        None => country_for(&full).map(str::to_string),
    };
    Ok(Phone {
        e164: format!("+{full}"),
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

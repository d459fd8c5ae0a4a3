//! Rust names from Attio's slugs, nouns and titles: snake-case fields, UpperCamelCase types
//! and variants, each valid, never a keyword, and unique where it has to be.
//!
//! The rules, applied in order:
//! - only ASCII letters and digits are kept; common accented Latin letters are folded
//!   (`é` → `e`, `ß` → `ss`), anything else separates words;
//! - a field is the words in lower case joined by `_`; a type or a variant is the words
//!   with their first letter upper-cased joined together, an all-capital word of more than
//!   one letter counting as an acronym (`B2B` → `B2b`, `API key` → `ApiKey`);
//! - a name that would start with a digit gets a prefix (`attr_` for fields, `V` for
//!   variants, `T` for types); a keyword gets the suffix `_` (`type` → `type_`), since a
//!   raw identifier cannot spell `self`, `Self`, `super` or `crate`;
//! - a name already taken gets the suffix `2`, `3`, ….

use std::collections::BTreeSet;

/// Every keyword of Rust 2024, strict and reserved, plus the weak `union` (harmless to avoid).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Whether `s` is a Rust keyword (strict or reserved).
pub fn is_keyword(s: &str) -> bool {
    KEYWORDS.contains(&s)
}

/// The ASCII spelling of a common accented Latin letter, if `c` is one.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => "a",
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
        'æ' => "ae",
        'Æ' => "Ae",
        'ç' | 'ć' | 'č' => "c",
        'Ç' | 'Ć' | 'Č' => "C",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ę' | 'ě' => "e",
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ę' | 'Ě' => "E",
        'ì' | 'í' | 'î' | 'ï' => "i",
        'Ì' | 'Í' | 'Î' | 'Ï' => "I",
        'ñ' | 'ń' | 'ň' => "n",
        'Ñ' | 'Ń' | 'Ň' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => "o",
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' => "O",
        'œ' => "oe",
        'Œ' => "Oe",
        'ß' => "ss",
        'ś' | 'š' => "s",
        'Ś' | 'Š' => "S",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => "u",
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => "U",
        'ý' | 'ÿ' => "y",
        'Ý' => "Y",
        'ž' | 'ź' | 'ż' => "z",
        'Ž' | 'Ź' | 'Ż' => "Z",
        'ł' => "l",
        'Ł' => "L",
        _ => return None,
    })
}

/// The words of `s`: runs of ASCII letters and digits (after folding accents), split at
/// anything else and where a lower-case letter is followed by an upper-case one
/// (`dealStage` → `deal`, `Stage`).
fn words(s: &str) -> Vec<String> {
    let mut folded = String::with_capacity(s.len());
    for c in s.chars() {
        match fold(c) {
            Some(ascii) => folded.push_str(ascii),
            None if c.is_ascii_alphanumeric() => folded.push(c),
            None => folded.push(' '),
        }
    }
    let mut out: Vec<String> = Vec::new();
    for chunk in folded.split(' ').filter(|w| !w.is_empty()) {
        let mut word = String::new();
        let mut prev: Option<char> = None;
        for c in chunk.chars() {
            if let Some(p) = prev
                && c.is_ascii_uppercase()
                && p.is_ascii_lowercase()
                && !word.is_empty()
            {
                out.push(std::mem::take(&mut word));
            }
            word.push(c);
            prev = Some(c);
        }
        if !word.is_empty() {
            out.push(word);
        }
    }
    out
}

/// One word in UpperCamelCase: first letter upper-cased; an all-capital word of more than
/// one letter is an acronym and the rest is lower-cased (`API` → `Api`, `B2B` → `B2b`).
fn camel_word(w: &str) -> String {
    let letters = w.chars().filter(|c| c.is_ascii_alphabetic()).count();
    let acronym = letters > 1 && !w.chars().any(|c| c.is_ascii_lowercase());
    let mut out = String::with_capacity(w.len());
    for (i, c) in w.chars().enumerate() {
        if i == 0 {
            out.push(c.to_ascii_uppercase());
        } else if acronym {
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// `s` in UpperCamelCase (possibly empty, possibly starting with a digit); a digit
/// followed by a digit across words keeps a `_` between them (`1-10` → `1_10`, not `110`),
/// which UpperCamelCase allows beside digits.
fn camel(s: &str) -> String {
    let mut out = String::new();
    for w in words(s) {
        if out.ends_with(|c: char| c.is_ascii_digit())
            && w.starts_with(|c: char| c.is_ascii_digit())
        {
            out.push('_');
        }
        out.push_str(&camel_word(&w));
    }
    out
}

/// `s` in snake case (possibly empty, possibly starting with a digit or a keyword).
fn snake(s: &str) -> String {
    words(s)
        .iter()
        .map(|w| w.to_ascii_lowercase())
        .collect::<Vec<_>>()
        .join("_")
}

/// A field name for the attribute slug `slug`: its snake case, `attr_` before a leading
/// digit, `_` after a keyword, `attr` when nothing is left.
pub fn field_name(slug: &str) -> String {
    let s = snake(slug);
    if s.is_empty() {
        "attr".to_owned()
    } else if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("attr_{s}")
    } else if is_keyword(&s) {
        format!("{s}_")
    } else {
        s
    }
}

/// An UpperCamelCase name from `s`: `prefix` before a leading digit, `fallback` when
/// nothing is left, `keyword_suffix` after a keyword (`Self`).
fn camel_name(s: &str, prefix: &str, fallback: &str, keyword_suffix: &str) -> String {
    let c = camel(s);
    if c.is_empty() {
        fallback.to_owned()
    } else if c.starts_with(|c: char| c.is_ascii_digit()) {
        format!("{prefix}{c}")
    } else if is_keyword(&c) {
        format!("{c}{keyword_suffix}")
    } else {
        c
    }
}

/// A type name from a noun or a slug (`Person`, `sales_pipeline` → `SalesPipeline`); `T`
/// before a leading digit, `Model` when nothing is left, and after `Self` (the derives
/// add `Attrs` and `Update` to a model's name, so it cannot end in `_`).
pub fn type_name(s: &str) -> String {
    camel_name(s, "T", "Model", "Model")
}

/// A variant name from an option's or a status's title (`In Progress` → `InProgress`);
/// `V` before a leading digit (`100+` → `V100`), `Variant` when nothing is left, `Self_`
/// for `Self`.
pub fn variant_name(title: &str) -> String {
    camel_name(title, "V", "Variant", "_")
}

/// A field name in UpperCamelCase, for the enum of the field (`deal_stage` → `DealStage`).
pub fn camel_of_field(field: &str) -> String {
    camel(field)
}

/// Names taken in one scope (the fields of a model, the variants of an enum, the types of
/// a file); [`Taken::claim`] makes a name unique with a numeric suffix.
#[derive(Debug, Default)]
pub struct Taken {
    names: BTreeSet<String>,
}

impl Taken {
    /// A scope where `reserved` are already taken.
    pub fn with<'a>(reserved: impl IntoIterator<Item = &'a str>) -> Self {
        Taken {
            names: reserved.into_iter().map(str::to_owned).collect(),
        }
    }

    /// Whether `name` is taken.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(name)
    }

    /// `name`, or `name2`, `name3`, … if taken (without the `_` of a keyword: `Self_` gives
    /// `Self2`, an inner `_` would not be UpperCamelCase); the result is taken from now on.
    pub fn claim(&mut self, name: &str) -> String {
        let mut candidate = name.to_owned();
        let stem = name.trim_end_matches('_');
        let mut n = 2;
        while self.names.contains(&candidate) {
            candidate = format!("{stem}{n}");
            n += 1;
        }
        self.names.insert(candidate.clone());
        candidate
    }

    /// Takes `name` as is.
    pub fn insert(&mut self, name: &str) {
        self.names.insert(name.to_owned());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_snake_case_valid_and_not_keywords() {
        assert_eq!(field_name("email_addresses"), "email_addresses");
        assert_eq!(field_name("type"), "type_");
        assert_eq!(field_name("match"), "match_");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("my-field"), "my_field");
        assert_eq!(field_name("2fa_enabled"), "attr_2fa_enabled");
        assert_eq!(field_name("dealStage"), "deal_stage");
        assert_eq!(field_name("__"), "attr");
        assert_eq!(field_name("café"), "cafe");
    }

    #[test]
    fn types_and_variants_are_upper_camel_case() {
        assert_eq!(type_name("Person"), "Person");
        assert_eq!(type_name("sales_pipeline"), "SalesPipeline");
        assert_eq!(type_name("self"), "SelfModel");
        assert_eq!(variant_name("In Progress"), "InProgress");
        assert_eq!(variant_name("B2B"), "B2b");
        assert_eq!(variant_name("API key"), "ApiKey");
        assert_eq!(variant_name("SaaS"), "SaaS");
        assert_eq!(variant_name("100+ employees"), "V100Employees");
        assert_eq!(variant_name("1-10"), "V1_10");
        assert_eq!(variant_name("$10M-$50M"), "V10M50M");
        assert_eq!(variant_name("251-1K"), "V251_1K");
        assert_eq!(variant_name("🔥"), "Variant");
        assert_eq!(variant_name("Très bien"), "TresBien");
        assert_eq!(
            camel_of_field("strongest_connection_strength"),
            "StrongestConnectionStrength"
        );
    }

    #[test]
    fn taken_names_get_a_number() {
        let mut t = Taken::with(["Other"]);
        assert_eq!(t.claim("Other"), "Other2");
        assert_eq!(t.claim("Lead"), "Lead");
        assert_eq!(t.claim("Lead"), "Lead2");
        assert_eq!(t.claim("Lead"), "Lead3");
        assert_eq!(t.claim("Self_"), "Self_");
        assert_eq!(t.claim("Self_"), "Self2");
    }
}

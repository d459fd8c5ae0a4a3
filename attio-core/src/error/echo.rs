//! What an error repeats of a value or of a server's text: cut to a readable length, and
//! never a secret.

/// The most characters of a value, or of a server's text, that an error repeats.
pub(crate) const ECHO_LIMIT: usize = 200;

/// `text` cut to [`ECHO_LIMIT`] characters, ending in `…` when it was longer: a value
/// echoed in an error stays readable however long the value.
pub(crate) fn cut(mut text: String) -> String {
    if let Some((end, _)) = text.char_indices().nth(ECHO_LIMIT) {
        text.truncate(end);
        text.push('…');
    }
    text
}

/// What a secret is replaced with in the text of an error.
pub(crate) const REDACTED: &str = "[redacted]";

/// The shortest secret looked for: a shorter "key" is a placeholder (real keys and tokens
/// are dozens of characters), and replacing it would mangle ordinary words.
pub(crate) const MIN_SECRET: usize = 8;

/// `text` with every occurrence of `secret` replaced by [`REDACTED`], and the start of
/// `secret` too when a text [`cut`] short ends with it (four characters or more). A
/// secret shorter than [`MIN_SECRET`] is not looked for.
pub(crate) fn redact_in(text: &mut String, secret: &str) {
    if secret.len() < MIN_SECRET {
        return;
    }
    if text.contains(secret) {
        *text = text.replace(secret, REDACTED);
    }
    let Some(kept) = text.strip_suffix('…') else {
        return;
    };
    let longest = (4..secret.len())
        .rev()
        .filter(|&n| secret.is_char_boundary(n))
        .find(|&n| kept.ends_with(&secret[..n]));
    if let Some(n) = longest {
        let end = kept.len() - n;
        text.truncate(end);
        text.push_str(REDACTED);
        text.push('…');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_keeps_short_text_and_cuts_long_text_on_a_character() {
        assert_eq!(cut("short".into()), "short");
        let exact = "é".repeat(ECHO_LIMIT);
        assert_eq!(cut(exact.clone()), exact);
        let long = cut("é".repeat(ECHO_LIMIT + 1));
        assert_eq!(long.chars().count(), ECHO_LIMIT + 1);
        assert!(long.ends_with("é…"));
    }
}

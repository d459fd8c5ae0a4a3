//! Note content in both of Attio's formats: markdown (the subset notes support) read as
//! plain text, and plain text written as markdown that reads back as the same text.
//!
//! The subset: headings `#` to `###`, unordered list items (`-`, `*`, `+`), ordered list
//! items (`1.`), bold (`**`, `__`), italic (`*`, `_`), `~~strikethrough~~`,
//! `==highlight==` and `[links](url)`.
//!
//! Markdown to plain text works line by line, as Attio's example note does (the heading
//! and bullet markers are gone, and the blank line between blocks is not a line of the
//! plain text):
//! * a blank line separates blocks and is dropped;
//! * a heading keeps its text, without the `#`s;
//! * an unordered list item keeps its text, without the marker or the indentation;
//! * an ordered list item keeps its number as text (`1. Call Alex`), without indentation;
//! * inside a line, the style markers are removed (`**bold**` → `bold`), a link becomes its
//!   text, and a backslash escape becomes the escaped character.

/// The plain text of a note written in markdown.
pub(crate) fn markdown_to_plaintext(markdown: &str) -> String {
    markdown
        .split('\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .filter(|l| !l.trim().is_empty())
        .map(block_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// The markdown of a note written in plain text: every character that markdown would read
/// as a style or a block marker is escaped, so that [`markdown_to_plaintext`] gives the
/// text back (except its blank lines, which are block separators in markdown).
pub(crate) fn plaintext_to_markdown(plaintext: &str) -> String {
    plaintext
        .split('\n')
        .map(escape_line)
        .collect::<Vec<_>>()
        .join("\n")
}

/// One non-blank markdown line as plain text.
fn block_line(line: &str) -> String {
    let t = line.trim_start();
    for marker in ["### ", "## ", "# ", "- ", "* ", "+ "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return inline(&rest.trim_start().chars().collect::<Vec<_>>());
        }
    }
    if ordered_marker_len(t).is_some() {
        return inline(&t.chars().collect::<Vec<_>>());
    }
    inline(&line.chars().collect::<Vec<_>>())
}

/// The length of an ordered list marker (`12. `) at the start of `t`, if there is one.
fn ordered_marker_len(t: &str) -> Option<usize> {
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    (digits > 0 && t[digits..].starts_with(". ")).then_some(digits + 2)
}

/// The delimiters that style a span of text, two characters long.
const PAIRS: [&str; 4] = ["**", "__", "~~", "=="];

fn starts_with(s: &[char], i: usize, delim: &str) -> bool {
    let d: Vec<char> = delim.chars().collect();
    s.len() >= i + d.len() && s[i..i + d.len()] == d[..]
}

/// The first position at or after `from` where `delim` starts, skipping escaped characters.
fn find(s: &[char], from: usize, delim: &str) -> Option<usize> {
    let mut j = from;
    while j < s.len() {
        if s[j] == '\\' {
            j += 2;
            continue;
        }
        if starts_with(s, j, delim) {
            return Some(j);
        }
        j += 1;
    }
    None
}

/// `[text](url)` starting at `i`: the positions of `]` and of the closing `)`.
fn link_at(s: &[char], i: usize) -> Option<(usize, usize)> {
    let close = find(s, i + 1, "]")?;
    if s.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = find(s, close + 2, ")")?;
    Some((close, end))
}

fn is_word(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric())
}

/// A line's text without style markers, links or escapes.
fn inline(s: &[char]) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    'chars: while i < s.len() {
        let c = s[i];
        if c == '\\' && s.get(i + 1).is_some_and(char::is_ascii_punctuation) {
            out.push(s[i + 1]);
            i += 2;
            continue;
        }
        if c == '['
            && let Some((close, end)) = link_at(s, i)
        {
            out.push_str(&inline(&s[i + 1..close]));
            i = end + 1;
            continue;
        }
        for delim in PAIRS {
            if starts_with(s, i, delim)
                && let Some(j) = find(s, i + 2, delim)
                && j > i + 2
            {
                out.push_str(&inline(&s[i + 2..j]));
                i = j + 2;
                continue 'chars;
            }
        }
        // A single `*` or `_` opens italics before a non-space; `_` only at a word start
        // (so snake_case stays as written).
        if (c == '*' || c == '_')
            && s.get(i + 1).is_some_and(|n| !n.is_whitespace())
            && (c == '*' || !is_word(i.checked_sub(1).and_then(|p| s.get(p))))
            && let Some(j) = find(s, i + 1, &c.to_string())
            && j > i + 1
            && !s[j - 1].is_whitespace()
            && (c == '*' || !is_word(s.get(j + 1)))
        {
            out.push_str(&inline(&s[i + 1..j]));
            i = j + 1;
            continue;
        }
        out.push(c);
        i += 1;
    }
    out
}

/// One plain-text line as markdown that reads back as the same text.
fn escape_line(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let indent = chars.iter().take_while(|c| c.is_whitespace()).count();
    let rest: String = chars[indent..].iter().collect();
    // Block markers: a heading or list marker at the start of the line.
    let block_escape = rest.starts_with('#')
        || rest.starts_with("- ")
        || rest.starts_with("+ ")
        || ordered_marker_len(&rest).is_some();
    for (i, &c) in chars.iter().enumerate() {
        let doubled = |d: char| {
            c == d
                && (chars.get(i + 1) == Some(&d)
                    || i.checked_sub(1).and_then(|p| chars.get(p)) == Some(&d))
        };
        let escape = matches!(c, '\\' | '*' | '_' | '[' | ']' | '`')
            || doubled('~')
            || doubled('=')
            || (block_escape && i == indent && matches!(c, '#' | '-' | '+'));
        let ordered_dot = block_escape
            && c == '.'
            && i > indent
            && chars[indent..i].iter().all(char::is_ascii_digit);
        if escape || ordered_dot {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attio_example_note_reads_as_its_plaintext() {
        // The markdown and plaintext examples of the note schema in Attio's OpenAPI spec.
        let md = "# Introduction\nDate and time of the call\nParticipants\nPurpose of the call\n\n## Customer Background\n- Company overview (industry, size, location)\n- Key business challenges\n- Current software solutions (if any) and pain points";
        let plain = "Introduction\nDate and time of the call\nParticipants\nPurpose of the call\nCustomer Background\nCompany overview (industry, size, location)\nKey business challenges\nCurrent software solutions (if any) and pain points";
        assert_eq!(markdown_to_plaintext(md), plain);
    }

    #[test]
    fn styles_links_and_escapes_are_read_as_text() {
        let md = "**Date:** 2023-10-26\nDiscussed ==Project Phoenix== and ~~Chimera~~\n1. Alex to *finalize* the __roadmap__\n  * nested _item_\nSee [Marketing Team](https://app.attio.com/teams/marketing).\nsnake_case_name and 2 * 3 * 4\n\\*not italic\\*";
        assert_eq!(
            markdown_to_plaintext(md),
            "Date: 2023-10-26\nDiscussed Project Phoenix and Chimera\n1. Alex to finalize the roadmap\nnested item\nSee Marketing Team.\nsnake_case_name and 2 * 3 * 4\n*not italic*"
        );
    }

    #[test]
    fn unsupported_or_unclosed_markers_stay_text() {
        assert_eq!(
            markdown_to_plaintext("#### four\n#tag\n**open\n[no link]"),
            "#### four\n#tag\n**open\n[no link]"
        );
    }

    #[test]
    fn plaintext_is_escaped_and_reads_back_unchanged() {
        let plain = "# not a heading\n- not a list\n1. not ordered\n**stars** and snake_case\na == b, ~~x~~, [x](y)\nback\\slash `code`\n  indented + kept";
        let md = plaintext_to_markdown(plain);
        assert_eq!(
            md,
            "\\# not a heading\n\\- not a list\n1\\. not ordered\n\\*\\*stars\\*\\* and snake\\_case\na \\=\\= b, \\~\\~x\\~\\~, \\[x\\](y)\nback\\\\slash \\`code\\`\n  indented + kept"
        );
        assert_eq!(markdown_to_plaintext(&md), plain);
        assert_eq!(plaintext_to_markdown("Hello\nworld"), "Hello\nworld");
    }
}

//! Attribute values, one at a time: every write form of every type parsed into the stored
//! form (normalized: lower-cased emails, E.164 phones, root domains, nine-digit
//! timestamps), and the identity two values are compared by; and note content, read and
//! written in markdown and in plain text.

mod country;
mod element;
pub(crate) mod exact;
mod form;
mod location;
mod markdown;
mod name;
mod normalize;
mod time;

pub(crate) use element::parse_element;
pub(crate) use markdown::{markdown_to_plaintext, plaintext_to_markdown};
pub(crate) use time::{fmt_ts, parse_date, parse_timestamp};

//! Attribute values, one at a time: every write form of every type parsed into the stored
//! form (normalized: lower-cased emails, E.164 phones, root domains, nine-digit
//! timestamps), and the identity two values are compared by.

mod country;
mod element;
mod form;
mod location;
mod name;
mod normalize;
mod time;

pub(crate) use element::parse_element;
pub(crate) use time::{fmt_ts, parse_date, parse_timestamp};

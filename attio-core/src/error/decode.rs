//! Decode errors: a response that does not have the shape the model declares.

use std::fmt;

use super::cut;

/// What a model stands for: a record of an object, or an entry of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum ModelKind {
    /// A record (`AttioRecord`): the slug is an object's.
    #[default]
    Record,
    /// A list entry (`AttioEntry`): the slug is a list's.
    Entry,
}

impl ModelKind {
    /// `record` or `entry`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ModelKind::Record => "record",
            ModelKind::Entry => "entry",
        }
    }
}

impl fmt::Display for ModelKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A response that does not have the shape the model declares.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct DecodeError {
    /// What was being decoded: the object slug of a record model (`people`), the list slug
    /// of an entry model (see `kind`), or the resource name of a plain model (`note`).
    pub object: &'static str,
    /// Whether a record or a list entry was being decoded.
    pub kind: ModelKind,
    /// The record id, when it was read before the error.
    pub record_id: Option<uuid::Uuid>,
    /// The entry id of a list entry, when it was read before the error.
    pub entry_id: Option<uuid::Uuid>,
    /// The attribute slug, when the error is inside `values`.
    pub attribute: Option<String>,
    /// The JSON path, e.g. `data.values.email_addresses[0].email_address`.
    pub path: String,
    /// What the model expected (cut to 200 characters, ending in `…`).
    pub expected: String,
    /// What the response held (cut to 200 characters, ending in `…`).
    pub found: String,
    /// Line and column in the response body (1-based), when known.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.kind, self.entry_id.or(self.record_id)) {
            (ModelKind::Record, Some(id)) => {
                write!(f, "cannot decode `{}` record {id}", self.object)?
            }
            (ModelKind::Record, None) => write!(f, "cannot decode a `{}` response", self.object)?,
            (kind, Some(id)) => write!(f, "cannot decode a `{}` {kind} {id}", self.object)?,
            (kind, None) => write!(f, "cannot decode a `{}` {kind}", self.object)?,
        }
        if let Some(a) = &self.attribute {
            write!(f, ", attribute `{a}`")?;
        }
        write!(
            f,
            " at `{}`: expected {}, found {}",
            self.path, self.expected, self.found
        )?;
        if let Some((line, column)) = self.position {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for DecodeError {}

impl DecodeError {
    /// The error of a serde decode of a plain model: `object` names what was decoded,
    /// `path` where the error is (`data[3].id.note_id`, `$` for the whole body).
    pub(crate) fn from_serde(object: &'static str, path: String, err: &serde_json::Error) -> Self {
        let (expected, found) = split_serde_message(err);
        DecodeError {
            object,
            kind: ModelKind::Record,
            record_id: None,
            entry_id: None,
            attribute: None,
            path,
            expected: cut(expected),
            found: cut(found),
            position: (err.line() > 0).then(|| (err.line(), err.column())),
        }
    }
}

/// Splits serde's "invalid type: X, expected Y" and friends into (expected, found).
pub(crate) fn split_serde_message(err: &serde_json::Error) -> (String, String) {
    use serde_json::error::Category;
    if err.classify() == Category::Eof {
        return (
            "more JSON".into(),
            "the end of the input (truncated body)".into(),
        );
    }
    let msg = err.to_string();
    let msg = match msg.rfind(" at line ") {
        Some(i) => &msg[..i],
        None => &msg,
    };
    if err.classify() == Category::Syntax {
        return ("well-formed JSON".into(), msg.to_owned());
    }
    for prefix in ["invalid type: ", "invalid value: ", "invalid length "] {
        if let Some(rest) = msg.strip_prefix(prefix)
            && let Some((found, expected)) = rest.rsplit_once(", expected ")
        {
            return (expected.to_owned(), found.to_owned());
        }
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return (format!("the field {rest}"), "no such field".into());
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return (expected.to_owned(), format!("variant {found}"));
    }
    ("a valid value".into(), msg.to_owned())
}

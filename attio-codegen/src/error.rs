//! What can go wrong, each as one line a person can act on.

use std::fmt;

/// Why no models were generated. `Display` is one line, printed by the binary on stderr.
#[derive(Debug)]
#[non_exhaustive]
pub enum CodegenError {
    /// The command line is wrong (the binary exits with 2).
    Usage(String),
    /// `--object SLUG` names no object of the workspace.
    UnknownObject {
        /// The slug asked for.
        slug: String,
        /// The workspace's object slugs.
        known: Vec<String>,
    },
    /// `--list SLUG` names no list of the workspace.
    UnknownList {
        /// The slug asked for.
        slug: String,
        /// The workspace's list slugs.
        known: Vec<String>,
    },
    /// Attio answered 401: the key is wrong, revoked or from another workspace.
    KeyRefused {
        /// The base URL the key was sent to.
        base_url: String,
    },
    /// Attio answered 403: the key lacks a scope.
    Forbidden {
        /// What was being read.
        what: String,
        /// The base URL.
        base_url: String,
    },
    /// The API could not be reached (no network, a wrong `ATTIO_BASE_URL`, a timeout).
    Unreachable {
        /// The base URL.
        base_url: String,
        /// The transport's message.
        message: String,
    },
    /// The client is not configured (`ATTIO_API_KEY` unset, a bad `ATTIO_BASE_URL`).
    Config(String),
    /// The models could not be written to stdout.
    Output(std::io::Error),
    /// Any other error of a call.
    Api {
        /// What was being read.
        what: String,
        /// The client's error.
        source: attio_core::Error,
    },
}

impl CodegenError {
    /// Sorts an error of the call that read `what` from `base_url`.
    pub(crate) fn from_call(what: &str, base_url: &str, error: attio_core::Error) -> Self {
        match error.status() {
            Some(401) => {
                return CodegenError::KeyRefused {
                    base_url: base_url.to_owned(),
                };
            }
            Some(403) => {
                return CodegenError::Forbidden {
                    what: what.to_owned(),
                    base_url: base_url.to_owned(),
                };
            }
            _ => {}
        }
        match error {
            attio_core::Error::Transport { message, .. } => CodegenError::Unreachable {
                base_url: base_url.to_owned(),
                message,
            },
            attio_core::Error::Config(message) => CodegenError::Config(message),
            source => CodegenError::Api {
                what: what.to_owned(),
                source,
            },
        }
    }

    /// The exit code of the binary: 2 for a wrong command line, 1 otherwise.
    pub fn exit_code(&self) -> i32 {
        match self {
            CodegenError::Usage(_) => 2,
            _ => 1,
        }
    }
}

/// `s` on one line.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `a, b, c`, or `none` for an empty list.
fn listing(known: &[String]) -> String {
    if known.is_empty() {
        "none".to_owned()
    } else {
        known.join(", ")
    }
}

impl fmt::Display for CodegenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodegenError::Usage(message) => {
                write!(f, "{message} (see `attio-codegen --help`)")
            }
            CodegenError::UnknownObject { slug, known } => write!(
                f,
                "no object `{slug}` in this workspace; its objects are: {}",
                listing(known)
            ),
            CodegenError::UnknownList { slug, known } => write!(
                f,
                "no list `{slug}` in this workspace; its lists are: {}",
                listing(known)
            ),
            CodegenError::KeyRefused { base_url } => write!(
                f,
                "the API key was refused (401 from {base_url}): check ATTIO_API_KEY (a workspace API key, not revoked)"
            ),
            CodegenError::Forbidden { what, base_url } => write!(
                f,
                "the API key may not read {what} (403 from {base_url}): give it the scopes object_configuration:read and list_configuration:read"
            ),
            CodegenError::Unreachable { base_url, message } => write!(
                f,
                "cannot reach the Attio API at {base_url}: {} (check the network and ATTIO_BASE_URL)",
                one_line(message)
            ),
            CodegenError::Config(message) => f.write_str(&one_line(message)),
            CodegenError::Output(e) => write!(f, "cannot write the models to stdout: {e}"),
            CodegenError::Api { what, source } => {
                write!(
                    f,
                    "reading {what} failed: {}",
                    source.to_string().replace('\n', " ")
                )
            }
        }
    }
}

impl std::error::Error for CodegenError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            CodegenError::Api { source, .. } => Some(source),
            CodegenError::Output(e) => Some(e),
            _ => None,
        }
    }
}

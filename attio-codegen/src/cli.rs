//! The command line, parsed by hand (a handful of flags need no parser crate).

use crate::error::CodegenError;
use crate::plan::Choices;
use crate::schema::{Selection, Wanted};

/// The text of `--help`.
pub const HELP: &str = "\
attio-codegen: prints attio-rs models (derive structs and select/status enums) for the
objects and lists of an Attio workspace, read from the API.

Usage: attio-codegen [--object SLUG]... [--list SLUG]... [--all] [--no-enums] > src/models.rs

Options:
  --object SLUG   a record model (#[derive(AttioRecord)]) for the object SLUG; repeatable
  --list SLUG     an entry model (#[derive(AttioEntry)]) for the list SLUG; repeatable
  --all           a model for every object and every list of the workspace
  --no-enums      type select and status attributes as SelectOption and Status instead of
                  generating an enum (#[derive(AttioEnum)]) for each
  -h, --help      prints this help
  -V, --version   prints the version

Environment:
  ATTIO_API_KEY   the workspace's API key (scopes object_configuration:read and
                  list_configuration:read)
  ATTIO_BASE_URL  the API's base URL (default https://api.attio.com)

Example:
  attio-codegen --object people --object companies --list sales_pipeline > src/models.rs
";

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `--help`
    Help,
    /// `--version`
    Version,
    /// Generate models.
    Generate(Request),
}

/// What to generate, and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The objects and lists.
    pub selection: Selection,
    /// Enums or plain values for select and status attributes.
    pub choices: Choices,
}

impl Request {
    /// The command line that makes this request, for the generated file's header (the
    /// slugs quoted when a shell would need it).
    pub fn command_line(&self) -> String {
        let mut out = String::from("attio-codegen");
        for wanted in &self.selection.wanted {
            let (flag, slug) = match wanted {
                Wanted::Object(s) => ("--object", s),
                Wanted::List(s) => ("--list", s),
            };
            out.push(' ');
            out.push_str(flag);
            out.push(' ');
            out.push_str(&shell_word(slug));
        }
        if self.selection.all {
            out.push_str(" --all");
        }
        if self.choices == Choices::Plain {
            out.push_str(" --no-enums");
        }
        out
    }
}

/// `s` as one shell word.
fn shell_word(s: &str) -> String {
    if !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'))
    {
        s.to_owned()
    } else {
        format!("'{}'", s.replace('\'', r"'\''"))
    }
}

/// Parses the arguments after the program name.
pub fn parse<I, S>(args: I) -> Result<Command, CodegenError>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut args = args.into_iter().map(Into::into);
    let mut request = Request {
        selection: Selection::default(),
        choices: Choices::Enums,
    };
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        match flag.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--object" | "--list" => {
                let slug = match inline {
                    Some(v) => v,
                    None => args.next().ok_or_else(|| {
                        CodegenError::Usage(format!("`{flag}` needs a slug, e.g. `{flag} people`"))
                    })?,
                };
                if slug.is_empty() || slug.starts_with('-') {
                    return Err(CodegenError::Usage(format!(
                        "`{flag}` needs a slug, found `{slug}`"
                    )));
                }
                request.selection.wanted.push(if flag == "--object" {
                    Wanted::Object(slug)
                } else {
                    Wanted::List(slug)
                });
            }
            "--all" if inline.is_none() => request.selection.all = true,
            "--no-enums" if inline.is_none() => request.choices = Choices::Plain,
            _ => {
                return Err(CodegenError::Usage(format!("unknown argument `{arg}`")));
            }
        }
    }
    if request.selection.wanted.is_empty() && !request.selection.all {
        return Err(CodegenError::Usage(
            "nothing to generate: name objects with `--object SLUG`, lists with `--list SLUG`, or use `--all`"
                .to_owned(),
        ));
    }
    Ok(Command::Generate(request))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(args: &[&str]) -> Request {
        match parse(args.iter().copied()).expect("parses") {
            Command::Generate(r) => r,
            other => panic!("not a request: {other:?}"),
        }
    }

    fn usage(args: &[&str]) -> String {
        match parse(args.iter().copied()) {
            Err(e @ CodegenError::Usage(_)) => e.to_string(),
            other => panic!("not a usage error: {other:?}"),
        }
    }

    #[test]
    fn objects_and_lists_keep_their_order() {
        let r = request(&[
            "--object",
            "people",
            "--list=sales",
            "--object",
            "deals",
            "--no-enums",
        ]);
        assert_eq!(
            r.selection.wanted,
            [
                Wanted::Object("people".into()),
                Wanted::List("sales".into()),
                Wanted::Object("deals".into())
            ]
        );
        assert_eq!(r.choices, Choices::Plain);
        assert_eq!(
            r.command_line(),
            "attio-codegen --object people --list sales --object deals --no-enums"
        );
        assert_eq!(request(&["--all"]).command_line(), "attio-codegen --all");
        assert_eq!(
            request(&["--object", "it's"]).command_line(),
            r"attio-codegen --object 'it'\''s'"
        );
    }

    #[test]
    fn help_version_and_mistakes() {
        assert_eq!(parse(["--object", "x", "--help"]).unwrap(), Command::Help);
        assert_eq!(parse(["-V"]).unwrap(), Command::Version);
        assert!(usage(&[]).contains("nothing to generate"));
        assert!(usage(&["--object"]).contains("`--object` needs a slug"));
        assert!(usage(&["--list", "--all"]).contains("`--list` needs a slug"));
        assert!(usage(&["--objects", "people"]).contains("unknown argument `--objects`"));
        assert!(usage(&["--all=yes"]).contains("unknown argument `--all=yes`"));
    }
}

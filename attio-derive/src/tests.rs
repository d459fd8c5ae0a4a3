//! Expansion snapshots: the generated code of a few small models, formatted and compared
//! with the files in `tests/snapshots/`. After a deliberate change to the expansion, rerun
//! with `ATTIO_SNAPSHOTS=overwrite` and read the diff before committing.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use syn::DeriveInput;

/// The expansion laid out one statement, field or arm per line, blocks indented.
fn pretty(tokens: TokenStream) -> String {
    let mut p = Printer::default();
    p.stream(tokens, false);
    p.out
}

#[derive(Default)]
struct Printer {
    out: String,
    indent: usize,
    line_start: bool,
    glue: bool,
}

impl Printer {
    fn emit(&mut self, text: &str) {
        if self.out.is_empty() || self.line_start {
            self.out.push_str(&"    ".repeat(self.indent));
        } else if !self.glue {
            self.out.push(' ');
        }
        self.out.push_str(text);
        self.line_start = false;
        self.glue = false;
    }

    fn newline(&mut self) {
        if !self.line_start {
            self.out.push('\n');
            self.line_start = true;
        }
    }

    fn stream(&mut self, tokens: TokenStream, in_block: bool) {
        let breaks = |p: &Self| in_block || p.indent == 0;
        let mut angles = 0usize;
        let mut prev: Option<(char, Spacing)> = None;
        for tt in tokens {
            match tt {
                TokenTree::Group(g) => {
                    let (open, close) = match g.delimiter() {
                        Delimiter::Brace => ("{", "}"),
                        Delimiter::Parenthesis => ("(", ")"),
                        Delimiter::Bracket => ("[", "]"),
                        Delimiter::None => ("", ""),
                    };
                    let attribute = matches!(prev, Some(('#', _)));
                    if g.delimiter() == Delimiter::Brace && !g.stream().is_empty() {
                        self.emit(open);
                        self.newline();
                        self.indent += 1;
                        self.stream(g.stream(), true);
                        self.newline();
                        self.indent -= 1;
                        self.emit(close);
                    } else {
                        self.emit(open);
                        self.glue = true;
                        self.stream(g.stream(), false);
                        self.glue = true;
                        self.emit(close);
                    }
                    if (g.delimiter() == Delimiter::Brace || attribute) && breaks(self) {
                        self.newline();
                    }
                    prev = None;
                }
                TokenTree::Punct(punct) => {
                    let c = punct.as_char();
                    match c {
                        '<' => angles += 1,
                        '>' if !matches!(prev, Some(('-' | '=', Spacing::Joint))) => {
                            angles = angles.saturating_sub(1);
                        }
                        _ => {}
                    }
                    self.emit(&c.to_string());
                    self.glue = punct.spacing() == Spacing::Joint || c == '#';
                    if c == ';' || (c == ',' && angles == 0 && in_block) {
                        self.newline();
                    }
                    prev = Some((c, punct.spacing()));
                }
                other => {
                    self.emit(&other.to_string());
                    prev = None;
                }
            }
        }
    }
}

fn check(name: &str, input: DeriveInput) {
    check_derive(name, input, crate::ast::Derive::Record);
}

fn check_derive(name: &str, input: DeriveInput, derive: crate::ast::Derive) {
    compare(name, pretty(crate::expand::derive(&input, derive)));
}

fn compare(name: &str, actual: String) {
    let path = format!(
        "{}/tests/snapshots/{name}.expanded",
        env!("CARGO_MANIFEST_DIR")
    );
    if std::env::var_os("ATTIO_SNAPSHOTS").is_some_and(|v| v == "overwrite") {
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "the expansion of `{name}` differs from {path} from line {}:\n{}\n(rerun with ATTIO_SNAPSHOTS=overwrite to accept it)",
            line + 1,
            actual
                .lines()
                .skip(line)
                .take(12)
                .collect::<Vec<_>>()
                .join("\n"),
        );
    }
}

#[test]
fn record() {
    check(
        "record",
        syn::parse_quote! {
            #[attio(object = "people")]
            pub struct Person {
                #[attio(unique)]
                pub email_addresses: Vec<EmailAddress>,
                pub name: Option<PersonalName>,
                #[attio(rename = "linkedin")]
                pub linkedin_url: Option<String>,
                pub score: f64,
                pub stage: Option<Tracked<Status>>,
                #[attio(read_only)]
                pub created_at: Option<Timestamp>,
                #[attio(skip)]
                pub cache: Vec<u8>,
            }
        },
    );
}

#[test]
fn record_with_crate_path() {
    check(
        "record_with_crate_path",
        syn::parse_quote! {
            #[attio(object = "workspaces", crate = "my_sdk::attio")]
            struct Workspace {
                #[attio(unique)]
                workspace_id: String,
            }
        },
    );
}

#[test]
fn errors_and_stub() {
    check(
        "errors_and_stub",
        syn::parse_quote! {
            #[attio(objct = "people")]
            struct Person {
                #[attio(unique, read_only)]
                email: Option<String>,
            }
        },
    );
}

#[test]
fn entry() {
    check_derive(
        "entry",
        syn::parse_quote! {
            #[attio(list = "sales_pipeline")]
            pub struct Deal {
                pub stage: Option<Status>,
                pub amount: Option<Currency>,
                pub owner: ActorRef,
                #[attio(read_only)]
                pub created_at: Option<Timestamp>,
            }
        },
        crate::ast::Derive::Entry,
    );
}

#[test]
fn entry_errors_and_stub() {
    check_derive(
        "entry_errors_and_stub",
        syn::parse_quote! {
            #[attio(object = "companies")]
            struct Deal {
                stage: Option<Status>,
            }
        },
        crate::ast::Derive::Entry,
    );
}

#[test]
fn enum_of_statuses() {
    compare(
        "enum",
        pretty(crate::expand::enums::derive(&syn::parse_quote! {
            #[attio(status)]
            pub enum DealStage {
                Lead,
                #[attio(title = "In Progress")]
                InProgress,
                #[attio(other)]
                Other(String),
            }
        })),
    );
}

#[test]
fn enum_errors_and_stub() {
    compare(
        "enum_errors_and_stub",
        pretty(crate::expand::enums::derive(&syn::parse_quote! {
            #[attio(select)]
            enum Tag {
                Hot,
                #[attio(title = "Hot")]
                VeryHot,
            }
        })),
    );
}

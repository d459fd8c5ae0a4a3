//! Copies the README's Rust snippets into `$OUT_DIR/readme_snippets.rs`, which
//! `tests/readme.rs` includes, so `cargo test` compiles every ```rust block of README.md.
//! A block that declares items (`use`, `struct`, `fn`, `#[derive]`) becomes a module; any
//! other block becomes the body of an `async fn` with a `client`, a `person`, `people` and an
//! `id` in scope (declared in `tests/readme.rs`).

use std::path::PathBuf;

fn is_item_block(code: &str) -> bool {
    code.lines().any(|l| {
        let l = l.trim_start();
        ["use ", "#[derive", "struct ", "async fn ", "fn "]
            .iter()
            .any(|p| l.starts_with(p))
    })
}

fn main() {
    let readme_path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../README.md");
    println!("cargo:rerun-if-changed={}", readme_path.display());
    let readme = std::fs::read_to_string(&readme_path).unwrap_or_default();
    let mut out = String::new();
    let mut block: Option<String> = None;
    let mut n = 0;
    for line in readme.lines() {
        match &mut block {
            None if line.trim() == "```rust" => block = Some(String::new()),
            Some(b) if line.trim() == "```" => {
                n += 1;
                if is_item_block(b) {
                    out.push_str(&format!(
                        "#[allow(unused, clippy::all)]\nmod snippet_{n} {{\n{b}}}\n\n"
                    ));
                } else {
                    out.push_str(&format!(
                        "#[allow(unused, clippy::all)]\nasync fn snippet_{n}(client: Client, person: Person, people: Vec<Person>, id: Uuid) -> Result<(), Box<dyn std::error::Error>> {{\n{b}Ok(())\n}}\n\n"
                    ));
                }
                block = None;
            }
            Some(b) => {
                b.push_str(line);
                b.push('\n');
            }
            None => {}
        }
    }
    out.push_str(&format!(
        "/// How many snippets README.md has.\npub const SNIPPETS: usize = {n};\n"
    ));
    let dest = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dest.join("readme_snippets.rs"), out).expect("write readme_snippets.rs");
}

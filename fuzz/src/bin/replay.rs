//! Replays corpus files through both targets' bodies, without libFuzzer:
//!
//! ```text
//! cargo run --release --bin replay -- [-v] corpus/differential corpus/decode_records artifacts/differential/crash-…
//! cargo run --release --bin replay -- --make-corpus     # (re)writes the seed corpus
//! cargo run --release --bin replay -- --documents FILE… # prints the document each
//!                                                       # `differential` input stands for
//! ```
//!
//! Each argument is a file or a directory (every file in it, not recursive). Every file is
//! run through the `decode_records`, `decode_entries` and `decode_webhooks` bodies on its
//! bytes and through the `differential` body
//! as it is (its first byte choosing the mode), and, when the file is a JSON document, also
//! straight through the comparison. A panic is reported with the file name and the run goes
//! on; the exit code is 1 if any file panicked. With `-v` every comparison's outcome is
//! printed; a summary counts them per model and entry point.
//!
//! Built by `cargo fuzz build` (which sets `--cfg fuzzing`), this binary is instead a
//! libFuzzer target running both bodies, since an uninstrumented `main` cannot link against
//! the coverage instrumentation there.
#![cfg_attr(fuzzing, no_main)]

#[cfg(fuzzing)]
libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    attio_fuzz::fuzz_decode(data);
    attio_fuzz::fuzz_entries(data);
    let _ = attio_core::webhook::decode(data);
    let _ = attio_fuzz::fuzz_differential(data);
});

#[cfg(not(fuzzing))]
fn main() -> std::process::ExitCode {
    replay::main()
}

#[cfg(not(fuzzing))]
mod replay {
    use std::collections::BTreeMap;
    use std::panic;
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use attio_fuzz::{
        Report, differential, fuzz_decode, fuzz_differential, fuzz_entries, fuzz_webhooks,
    };

    fn files(arg: &Path, out: &mut Vec<PathBuf>) {
        if arg.is_dir() {
            let mut entries: Vec<PathBuf> = match std::fs::read_dir(arg) {
                Ok(rd) => rd.filter_map(Result::ok).map(|e| e.path()).collect(),
                Err(e) => {
                    eprintln!("cannot read {}: {e}", arg.display());
                    return;
                }
            };
            entries.retain(|p| p.is_file());
            entries.sort();
            out.extend(entries);
        } else {
            out.push(arg.to_path_buf());
        }
    }

    fn make_corpus() -> ExitCode {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let files = attio_fuzz::corpus::seed_corpus();
        for (target, name, bytes) in &files {
            let dir = root.join(target);
            if let Err(e) =
                std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(dir.join(name), bytes))
            {
                eprintln!("cannot write {}/{name}: {e}", dir.display());
                return ExitCode::FAILURE;
            }
        }
        println!("wrote {} files under {}", files.len(), root.display());
        ExitCode::SUCCESS
    }

    fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
        payload
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| payload.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "(non-string panic)".into())
    }

    /// Prints, one a line, the document each `differential` input stands for.
    fn print_documents(paths: &[PathBuf]) -> ExitCode {
        for path in paths {
            if let Ok(bytes) = std::fs::read(path)
                && let Some(doc) = attio_fuzz::document(&bytes)
            {
                println!("{}\t{}", path.display(), String::from_utf8_lossy(&doc));
            }
        }
        ExitCode::SUCCESS
    }

    type Run<'a> = Box<dyn Fn() -> Report + 'a>;

    pub fn main() -> ExitCode {
        let mut verbose = false;
        let mut documents = false;
        let mut paths = Vec::new();
        for arg in std::env::args_os().skip(1) {
            if arg == "-v" {
                verbose = true;
            } else if arg == "--make-corpus" {
                return make_corpus();
            } else if arg == "--documents" {
                documents = true;
            } else {
                files(Path::new(&arg), &mut paths);
            }
        }
        if paths.is_empty() {
            eprintln!("usage: replay [-v | --documents] FILE_OR_DIR... | replay --make-corpus");
            return ExitCode::from(2);
        }
        if documents {
            return print_documents(&paths);
        }
        panic::set_hook(Box::new(|_| {}));
        let mut panicked = 0usize;
        let mut counts: BTreeMap<(&'static str, &'static str, String), usize> = BTreeMap::new();
        let (mut not_json, mut dups, mut compared) = (0usize, 0usize, 0usize);
        for path in &paths {
            let bytes = match std::fs::read(path) {
                Ok(b) => b,
                Err(e) => {
                    eprintln!("cannot read {}: {e}", path.display());
                    continue;
                }
            };
            let mut runs: Vec<(&str, Run)> = vec![
                (
                    "decode_records",
                    Box::new(|| {
                        fuzz_decode(&bytes);
                        Report::default()
                    }),
                ),
                (
                    "decode_entries",
                    Box::new(|| {
                        fuzz_entries(&bytes);
                        Report::default()
                    }),
                ),
                (
                    "decode_webhooks",
                    Box::new(|| {
                        fuzz_webhooks(&bytes);
                        Report::default()
                    }),
                ),
                ("differential", Box::new(|| fuzz_differential(&bytes))),
            ];
            if serde_json::from_slice::<serde_json::Value>(&bytes).is_ok() {
                runs.push((
                    "differential (as a document)",
                    Box::new(|| differential(&bytes)),
                ));
            }
            for (name, run) in runs {
                match panic::catch_unwind(panic::AssertUnwindSafe(run)) {
                    Ok(report) => {
                        not_json += usize::from(report.not_json);
                        dups += usize::from(report.duplicate_keys);
                        compared += usize::from(!report.outcomes.is_empty());
                        for (model, entry, outcome) in report.outcomes {
                            if verbose {
                                println!(
                                    "{}: {name}: {model} {entry}: {outcome:?}",
                                    path.display()
                                );
                            }
                            *counts
                                .entry((model, entry, format!("{outcome:?}")))
                                .or_default() += 1;
                        }
                    }
                    Err(payload) => {
                        panicked += 1;
                        println!(
                            "PANIC {} ({name}):\n{}\n",
                            path.display(),
                            panic_message(&*payload)
                        );
                    }
                }
            }
        }
        println!(
            "{} files; {panicked} panicked; {compared} documents compared, {not_json} not JSON, {dups} with duplicate keys",
            paths.len()
        );
        for ((model, entry, outcome), n) in &counts {
            println!("  {model:<15} {entry:<15} {outcome:<14} {n}");
        }
        if panicked > 0 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    }
}

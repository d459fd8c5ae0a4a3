//! What the codegen tests share: an emulator and its client, and the checks of generated
//! source (rustfmt, and `cargo check` of a scratch crate).
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

use attio_core::{Client, RetryPolicy};
use attio_emulator::Emulator;

/// An in-process emulator without rate limits, and a client of it that never retries.
pub async fn start() -> (Emulator, Client) {
    let emu = Emulator::builder()
        .no_rate_limits()
        .start()
        .await
        .expect("emulator starts");
    let client = Client::builder()
        .api_key(emu.api_key())
        .base_url(emu.base_url())
        .no_rate_limits()
        .retry(RetryPolicy::none())
        .build()
        .expect("client builds");
    (emu, client)
}

/// The workspace's root directory.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the crate is inside the workspace")
        .to_path_buf()
}

/// The target directory this test was built in: the test executable is
/// `<target>/<profile>/deps/<name>-<hash>`.
pub fn target_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable's path");
    exe.parent()
        .and_then(Path::parent)
        .and_then(Path::parent)
        .expect("the test executable is in <target>/<profile>/deps")
        .to_path_buf()
}

/// `source` is exactly as `rustfmt` (edition 2024) formats it; the difference otherwise.
pub fn rustfmt_check(source: &str) -> Result<(), String> {
    let dir = scratch_dir("fmt");
    let file = dir.join("generated.rs");
    std::fs::write(&file, source).expect("write the source");
    let rustfmt = std::env::var_os("RUSTFMT").unwrap_or_else(|| "rustfmt".into());
    let out = Command::new(rustfmt)
        .args(["--edition", "2024", "--check"])
        .arg(&file)
        .output()
        .expect("rustfmt runs (it comes with the toolchain)");
    let _ = std::fs::remove_dir_all(&dir);
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A new, empty directory under the system's temporary directory.
pub fn scratch_dir(what: &str) -> PathBuf {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "attio-codegen-{what}-{}-{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::Relaxed)
    ));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch directory");
    dir
}

/// The package name of the scratch crates.
const SCRATCH: &str = "attio-codegen-scratch";

/// Compiles `modules` (name, source) as the modules of a library crate that depends on
/// attio-core by path, with `cargo check`, and fails on any error or on any warning in
/// the crate's own code.
///
/// The crate shares the outer build's target directory (as trybuild does), its
/// `Cargo.lock` and its `[profile.*]` sections (`opt-level = 1` for dependencies), offline,
/// so that dependencies are checked once for every run and build scripts and proc macros
/// are reused. Warnings are read from cargo's output rather than made errors with
/// `RUSTFLAGS=-D warnings`, which would change every dependency's fingerprint.
pub fn cargo_check(modules: &[(&str, &str)]) -> Result<(), String> {
    let dir = scratch_dir("crate");
    let root = workspace_root();
    let manifest = format!(
        r#"[package]
name = "{SCRATCH}"
version = "0.0.0"
edition = "2024"
publish = false

[lib]
path = "src/lib.rs"

[dependencies]
attio-core = {{ path = {core:?} }}

[workspace]

{profiles}"#,
        core = root.join("attio-core").display().to_string(),
        profiles = profiles(&root),
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("write Cargo.toml");
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock")).expect("copy Cargo.lock");
    std::fs::create_dir_all(dir.join("src")).expect("create src");
    let mut lib = String::from("//! Generated models, checked by attio-codegen's tests.\n\n");
    for (name, source) in modules {
        lib.push_str(&format!("pub mod {name};\n"));
        std::fs::write(dir.join("src").join(format!("{name}.rs")), source).expect("write a module");
    }
    std::fs::write(dir.join("src/lib.rs"), lib).expect("write lib.rs");

    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = Command::new(cargo)
        .arg("check")
        .arg("--offline")
        .arg("--message-format")
        .arg("short")
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .arg("--target-dir")
        .arg(target_dir())
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET_DIR")
        .current_dir(&dir)
        .output()
        .expect("cargo runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    let own_warnings: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("warning") && (l.starts_with("src/") || l.contains(SCRATCH)))
        .collect();
    if !out.status.success() || !own_warnings.is_empty() {
        return Err(format!(
            "cargo check of {} failed or warned:\n{stderr}",
            dir.display()
        ));
    }
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// The `[profile.*]` sections of the workspace's `Cargo.toml`, verbatim.
fn profiles(root: &Path) -> String {
    let manifest =
        std::fs::read_to_string(root.join("Cargo.toml")).expect("the workspace manifest");
    let mut out = String::new();
    let mut in_profile = false;
    for line in manifest.lines() {
        let trimmed = line.trim_start();
        if trimmed.starts_with('[') {
            in_profile = trimmed.starts_with("[profile.");
        }
        if in_profile {
            out.push_str(line);
            out.push('\n');
        }
    }
    assert!(
        out.contains("opt-level"),
        "the workspace's dev profile sets opt-level for dependencies: {out:?}"
    );
    out
}

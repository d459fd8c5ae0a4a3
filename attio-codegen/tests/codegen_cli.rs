//! The `attio-codegen` binary: its output, and its one-line errors and exit codes (no
//! arguments, an unknown slug, a refused key, an unreachable API).

mod support;

use std::process::{Command, Output};

use attio_codegen::{Command as Parsed, parse, run};
use attio_emulator::Emulator;
use support::start;

/// Runs the binary with `args` and the environment `env` (and nothing of the caller's
/// `ATTIO_*` variables), off the async runtime's threads.
async fn codegen(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_attio-codegen"));
    command
        .args(args)
        .env_remove("ATTIO_API_KEY")
        .env_remove("ATTIO_BASE_URL");
    for (k, v) in env {
        command.env(k, v);
    }
    tokio::task::spawn_blocking(move || command.output().expect("the binary runs"))
        .await
        .expect("the blocking task ends")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The error is one line, prefixed with the program's name.
fn one_line_error(out: &Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "exit code; stderr: {}",
        stderr(out)
    );
    assert!(out.stdout.is_empty(), "nothing on stdout on error");
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("attio-codegen: "), "{err}");
    err
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_binary_prints_what_the_library_generates() {
    let (emu, client) = start().await;
    let env = [
        ("ATTIO_API_KEY", emu.api_key()),
        ("ATTIO_BASE_URL", emu.base_url()),
    ];
    let args = ["--object", "people", "--object", "companies"];
    let out = codegen(&args, &env).await;
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let Parsed::Generate(request) = parse(args).expect("parses") else {
        panic!("a request");
    };
    let expected = run(&client, &request).await.expect("the library runs");
    assert_eq!(String::from_utf8(out.stdout).expect("UTF-8"), expected);
    assert!(expected.contains("pub company: Option<RecordRef<Company>>,"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn help_and_version() {
    let out = codegen(&["--help"], &[]).await;
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).expect("UTF-8");
    for needle in [
        "--object SLUG",
        "--list SLUG",
        "--all",
        "--no-enums",
        "ATTIO_API_KEY",
        "ATTIO_BASE_URL",
    ] {
        assert!(help.contains(needle), "{needle} in {help}");
    }
    let out = codegen(&["--version"], &[]).await;
    assert_eq!(
        String::from_utf8(out.stdout).expect("UTF-8"),
        format!("attio-codegen {}\n", env!("CARGO_PKG_VERSION"))
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_arguments_and_wrong_arguments_exit_with_2() {
    let err = one_line_error(&codegen(&[], &[]).await, 2);
    assert!(
        err.contains("nothing to generate") && err.contains("--help"),
        "{err}"
    );
    let err = one_line_error(&codegen(&["--objekt", "people"], &[]).await, 2);
    assert!(err.contains("unknown argument `--objekt`"), "{err}");
    let err = one_line_error(&codegen(&["--object"], &[]).await, 2);
    assert!(err.contains("`--object` needs a slug"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_missing_key_is_named() {
    let err = one_line_error(&codegen(&["--object", "people"], &[]).await, 1);
    assert!(err.contains("ATTIO_API_KEY is not set"), "{err}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unknown_slug_is_named() {
    let (emu, _client) = start().await;
    let env = [
        ("ATTIO_API_KEY", emu.api_key()),
        ("ATTIO_BASE_URL", emu.base_url()),
    ];
    let err = one_line_error(&codegen(&["--object", "peeple"], &env).await, 1);
    assert!(
        err.contains("no object `peeple`") && err.contains("people, companies"),
        "{err}"
    );
    let err = one_line_error(
        &codegen(&["--object", "people", "--list", "sales"], &env).await,
        1,
    );
    assert!(
        err.contains("no list `sales` in this workspace; its lists are: none"),
        "{err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_refused_key_is_said_so() {
    let emu = Emulator::builder()
        .no_rate_limits()
        .api_key("the-right-key")
        .start()
        .await
        .expect("emulator starts");
    let env = [
        ("ATTIO_API_KEY", "a-wrong-key"),
        ("ATTIO_BASE_URL", emu.base_url()),
    ];
    let err = one_line_error(&codegen(&["--all"], &env).await, 1);
    assert!(err.contains("the API key was refused (401 from "), "{err}");
    assert!(err.contains("check ATTIO_API_KEY"), "{err}");
    assert!(
        !err.contains("a-wrong-key"),
        "the key is not printed: {err}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_unreachable_api_is_said_so() {
    // A loopback port nobody listens on: bound, then closed.
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("address").port()
    };
    let base = format!("http://127.0.0.1:{port}");
    let env = [
        ("ATTIO_API_KEY", "any-key"),
        ("ATTIO_BASE_URL", base.as_str()),
    ];
    let err = one_line_error(&codegen(&["--object", "people"], &env).await, 1);
    assert!(
        err.contains(&format!("cannot reach the Attio API at {base}")),
        "{err}"
    );
    assert!(err.contains("ATTIO_BASE_URL"), "{err}");
}

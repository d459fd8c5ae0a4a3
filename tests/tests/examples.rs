//! The example programs of `examples/` (package `attio-examples`), run as a user runs them:
//! as processes, with no environment (each starts its own in-process emulator), against an
//! emulator started here (`ATTIO_API_KEY` and `ATTIO_BASE_URL` set, so the state they leave
//! can be checked), and with a wrong key (a typed 401 and a failure status, no panic).
//!
//! How the binaries are found: `cargo test -p attio-tests` does not build another package's
//! examples, and binaries left in `target/` by an earlier build may be stale. So the first
//! test that needs them runs `cargo build --examples --message-format=json` once, with the
//! cargo that runs the tests (`env!("CARGO")`), from the workspace root (the same package
//! selection, hence the same features, as a root `cargo test`), in the same target directory
//! (`CARGO_TARGET_DIR` and `.cargo/config` are inherited) and the same profile (read off this
//! test binary's path, `target/<profile>/deps/`). Each example's path is the `executable` of
//! its `compiler-artifact` message. After a root `cargo test`, which builds the examples too,
//! this build is a no-op; otherwise cargo builds only what changed.
//! (A cross-compiling `--target` run is not handled: its binaries could not run here anyway.)

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use attio_emulator::Emulator;
use uuid::Uuid;

/// The longest one example may run before it is killed and the test fails.
const TIMEOUT: Duration = Duration::from_secs(45);

const EXAMPLES: [&str; 7] = [
    "people",
    "users",
    "workspaces",
    "bulk_import",
    "activity",
    "webhooks",
    "pipeline",
];

/// Builds the examples once; their executables by name.
fn executables() -> &'static HashMap<String, PathBuf> {
    static BUILT: OnceLock<HashMap<String, PathBuf>> = OnceLock::new();
    BUILT.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"))
            .parent()
            .expect("tests/ is inside the workspace");
        let mut cmd = Command::new(env!("CARGO"));
        cmd.current_dir(root).args([
            "build",
            "--examples",
            "--message-format=json-render-diagnostics",
        ]);
        // Cargo sets these for the test process. Build scripts that watch one of them (ring's
        // watches CARGO_MANIFEST_DIR) would be rerun and everything above them rebuilt, twice
        // (here, then again by the next outer cargo), if they were passed on.
        for (key, _) in std::env::vars_os() {
            let Some(key) = key.to_str() else { continue };
            if key.starts_with("CARGO_PKG_")
                || key.starts_with("CARGO_BIN_EXE_")
                || matches!(
                    key,
                    "CARGO_MANIFEST_DIR"
                        | "CARGO_MANIFEST_PATH"
                        | "CARGO_CRATE_NAME"
                        | "CARGO_PRIMARY_PACKAGE"
                        | "CARGO_TARGET_TMPDIR"
                        | "CARGO_RUSTC_CURRENT_DIR"
                        | "OUT_DIR"
                )
            {
                cmd.env_remove(key);
            }
        }
        // target/<profile>/deps/examples-<hash>: build the examples in the same profile.
        let exe = std::env::current_exe().expect("the test binary's path");
        let profile_dir = exe.parent().and_then(Path::parent);
        match profile_dir
            .and_then(Path::file_name)
            .and_then(|s| s.to_str())
        {
            Some("debug") | None => {}
            Some("release") => {
                cmd.arg("--release");
            }
            Some(other) => {
                cmd.args(["--profile", other]);
            }
        }
        let out = cmd.stderr(Stdio::inherit()).output().expect("cargo runs");
        assert!(
            out.status.success(),
            "building the examples failed (see the compiler output above)"
        );
        let mut found = HashMap::new();
        for line in String::from_utf8_lossy(&out.stdout).lines() {
            let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let is_example = msg["target"]["kind"]
                .as_array()
                .is_some_and(|k| k.iter().any(|k| k == "example"));
            if msg["reason"] == "compiler-artifact"
                && is_example
                && let (Some(name), Some(path)) =
                    (msg["target"]["name"].as_str(), msg["executable"].as_str())
            {
                found.insert(name.to_owned(), PathBuf::from(path));
            }
        }
        for name in EXAMPLES {
            assert!(found.contains_key(name), "no executable for example {name}");
        }
        found
    })
}

/// What a finished example printed.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

impl Run {
    fn assert_ok(&self, name: &str) {
        assert_eq!(
            self.code,
            Some(0),
            "example {name} failed\n--- stdout\n{}\n--- stderr\n{}",
            self.stdout,
            self.stderr
        );
        assert!(!self.stderr.contains("panicked"), "{}", self.stderr);
    }

    fn has(&self, text: &str) {
        assert!(
            self.stdout.contains(text),
            "expected {text:?} in the output:\n{}",
            self.stdout
        );
    }

    /// The record id that follows `prefix` at the start of a line.
    fn id_after(&self, prefix: &str) -> Uuid {
        self.ids_after(prefix)
            .into_iter()
            .next()
            .unwrap_or_else(|| {
                panic!(
                    "no line starting with {prefix:?} and an id:\n{}",
                    self.stdout
                )
            })
    }

    /// Every record id that follows `prefix` at the start of a line, in order.
    fn ids_after(&self, prefix: &str) -> Vec<Uuid> {
        self.stdout
            .lines()
            .filter_map(|l| l.trim_start().strip_prefix(prefix))
            .filter_map(|rest| rest.trim_start().get(..36))
            .filter_map(|s| Uuid::parse_str(s).ok())
            .collect()
    }
}

/// Runs an example with `ATTIO_API_KEY` and `ATTIO_BASE_URL` removed, then `env` set.
fn run(name: &str, args: &[&str], env: &[(&str, &str)]) -> Run {
    let exe = &executables()[name];
    let mut cmd = Command::new(exe);
    cmd.args(args)
        .env_remove("ATTIO_API_KEY")
        .env_remove("ATTIO_BASE_URL")
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = cmd
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start {}: {e}", exe.display()));
    let drain = |mut r: Box<dyn Read + Send>| {
        std::thread::spawn(move || {
            let mut s = String::new();
            let _ = r.read_to_string(&mut s);
            s
        })
    };
    let out = drain(Box::new(child.stdout.take().expect("piped")));
    let err = drain(Box::new(child.stderr.take().expect("piped")));
    let deadline = Instant::now() + TIMEOUT;
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "example {name} still running after {TIMEOUT:?}\n{}",
                out.join().unwrap_or_default()
            );
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Run {
        code: status.code(),
        stdout: out.join().expect("stdout read"),
        stderr: err.join().expect("stderr read"),
    }
}

/// Runs an example with no environment: it must start its own emulator and say so once.
fn run_alone(name: &str) -> Run {
    let r = run(name, &[], &[]);
    r.assert_ok(name);
    let said: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.contains("emulator"))
        .collect();
    assert_eq!(said.len(), 1, "{}", r.stdout);
    assert!(
        said[0].starts_with(
            "ATTIO_API_KEY is not set: using the in-process Attio emulator at http://127.0.0.1:"
        ),
        "{}",
        said[0]
    );
    r
}

/// A multi-threaded runtime for an emulator that outlives the calls that start it.
fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime")
}

#[test]
fn people_runs_alone() {
    let r = run_alone("people");
    let company = r.id_after("created company");
    let person = r.id_after("created person");
    for value in [
        "John Smith (first_name \"John\", last_name \"Smith\")",
        "email_addresses   [john-smith@attio.com]",
        "description       Developer met at event",
        "phone_numbers     +15558675309 (US)",
        "primary_location  1 Infinite Loop, Cupertino, CA, 95014, US (37.331741, -122.030333)",
        "linkedin          https://linkedin.com/in/johnsmith",
        "now has [john@smith.example, john-smith@attio.com] (appended)",
        "now has [john@smith.dev] (replaced), name still John Smith",
        ": 1 record(s)",
    ] {
        r.has(value);
    }
    // Both references (by id and by domain) came back as the one company, by id.
    r.has(&format!(
        "company           {company} (sent by id and by domain)"
    ));
    assert_eq!(
        r.ids_after("PATCH sent email_addresses [john@smith.example]; person"),
        [person]
    );
    assert_eq!(r.ids_after("found person"), [person]);
    r.has(&format!(
        "followed company reference to {company} Attio (attio.com)"
    ));
    assert_eq!(r.ids_after("deleted person"), [person]);
    assert_eq!(r.ids_after("deleted company"), [company]);
}

#[test]
fn users_runs_alone() {
    let r = run_alone("users");
    let person = r.id_after("created person");
    let workspace = r.id_after("created workspace");
    let user = r.id_after("created user");
    r.has("  user_id               123\n");
    r.has("  primary_email_address person@company.com\n");
    r.has(&format!("  person                {person}\n"));
    r.has(&format!("  workspace             [{workspace}]\n"));
    r.has(
        "second create refused: status 400, code uniqueness_conflict, attribute primary_email_address",
    );
    r.has(&format!(
        "assert on primary_email_address updated the same user {user}: user_id 123 -> 124"
    ));
    r.has(&format!(
        "deleted user {user}, workspace {workspace}, person {person}"
    ));
}

#[test]
fn workspaces_runs_alone() {
    let r = run_alone("workspaces");
    let company = r.id_after("created company");
    let users = r.ids_after("created user");
    assert_eq!(users.len(), 3, "{}", r.stdout);
    let workspace = r.id_after("created workspace");
    r.has("  workspace_id  123\n");
    r.has("  name          Customer.com\n");
    r.has("  avatar_url    https://example.com/avatar.png\n");
    r.has(&format!("  users         [{}, {}]\n", users[0], users[1]));
    r.has(&format!("  company       {company}\n"));
    r.has(&format!(
        "query users with workspace = {workspace}: 2 user(s)"
    ));
    // The workspace's two users, by user_id; the third user is in no workspace.
    assert_eq!(r.ids_after("found user"), users[..2]);
    r.has(" u-100 alice@customer.example\n");
    r.has(" u-101 bob@customer.example\n");
}

#[test]
fn bulk_import_runs_alone() {
    let r = run_alone("bulk_import");
    r.has("read 50 rows from examples/data/people.csv (the sample): 47 valid, 3 refused before sending");
    r.has("created  46\n");
    r.has("updated  1\n");
    r.has("failed   3\n");
    r.has("  line 20 (jonas.weber(at)example.de): invalid email address");
    r.has("  line 27 (maria.garcia@example.es): invalid phone number \"555 0124\"");
    // `+44…` with the country BR: Attio refuses it, and so does the check before sending.
    r.has("  line 41 (lucas.silva@example.com.br): invalid phone number \"+44 2079\"");
    r.has(" records/s\n");
    // The repeated address updated the record its first row created.
    let ada = r.id_after("created person");
    r.has(&format!(
        "created person {ada} Ada Lovelace <ada.lovelace@example.com> Analyst +442079460101"
    ));
    r.has(&format!(
        "updated person {ada} Ada Lovelace <ada.lovelace@example.com> Head of Analysis"
    ));
    // A quoted field with a comma came through whole.
    r.has("Grace Hopper <grace.hopper@example.com> Rear Admiral, Engineering +12025550101");
}

#[test]
fn webhooks_runs_alone() {
    let r = run_alone("webhooks");
    let webhook = r.id_after("created webhook");
    r.has("(3 subscriptions, secret of 64 characters)");
    let person = r.id_after("created person");
    // Each event arrived verified and typed, about the person, in the order of the writes.
    let received: Vec<&str> = r
        .stdout
        .lines()
        .filter(|l| l.starts_with("received "))
        .collect();
    assert_eq!(received.len(), 3, "{}", r.stdout);
    assert!(received[0].starts_with(&format!(
        "received record.created: record {person} in object "
    )));
    assert!(received[0].ends_with(", by api-token"), "{}", received[0]);
    assert!(received[1].starts_with(&format!(
        "received record.updated: record {person}, attribute "
    )));
    assert_eq!(
        received[2],
        format!("received record.deleted: record {person}, by api-token")
    );
    // The events led back to the person, typed.
    r.has(&format!(
        "fetched person {person} from the event: Ada Lovelace (Analyst)"
    ));
    r.has(&format!(
        "fetched person {person} from the event: job_title Head of Analysis"
    ));
    assert_eq!(r.ids_after("deleted person"), [person]);
    assert_eq!(r.ids_after("deleted webhook"), [webhook]);
}

#[test]
fn activity_runs_alone() {
    let r = run_alone("activity");
    let ada = r.id_after("created person");
    r.has(" Ada Lovelace\n");
    r.has("wrote note ");
    r.has(
        " \"Discovery call\": \"Summary\\nwants the analytical engine demo\\nbudget approved\"\n",
    );
    r.has(" \"First contact\" (back-dated)\n");
    let task = r.id_after("opened task");
    r.has("\"Send Ada the demo contract\", linked to 2 record(s), assigned to Emulator Owner\n");
    assert_eq!(r.ids_after("completed task"), [task]);
    r.has("(is_completed true)");
    // Newest first: the comment's thread, the completed task and the note written now, then
    // the note back-dated a week.
    let timeline: Vec<&str> = r
        .stdout
        .lines()
        .skip_while(|l| !l.starts_with("timeline of Ada (4 item(s), newest first):"))
        .skip(1)
        .take(4)
        .map(|l| l.get(23..).unwrap_or_default())
        .collect();
    assert_eq!(
        timeline,
        [
            "thread  Contract sent, waiting for her signature.",
            "task    Send Ada the demo contract [done]",
            "note    Discovery call",
            "note    First contact",
        ],
        "{}",
        r.stdout
    );
    r.has("deleted the comment, the task and the two notes\n");
    assert_eq!(r.ids_after("deleted person"), [ada]);
}

#[test]
fn activity_against_a_running_emulator_leaves_nothing_behind() {
    let rt = runtime();
    let emu = rt
        .block_on(Emulator::builder().no_rate_limits().start())
        .expect("emulator starts");
    let env = [
        ("ATTIO_API_KEY", emu.api_key()),
        ("ATTIO_BASE_URL", emu.base_url()),
    ];
    let r = run("activity", &[], &env);
    r.assert_ok("activity");
    assert!(
        r.stdout.starts_with(&format!(
            "Using the Attio API at {}: this example ",
            emu.base_url()
        )),
        "{}",
        r.stdout
    );
    for object in ["people", "companies"] {
        assert_eq!(emu.record_count(object), 0, "{object}");
    }
    rt.block_on(async {
        let http = reqwest::Client::new();
        for path in ["/v2/notes", "/v2/tasks", "/v2/threads"] {
            let body = http
                .get(format!("{}{path}", emu.base_url()))
                .bearer_auth(emu.api_key())
                .send()
                .await
                .expect("listed")
                .bytes()
                .await
                .expect("read");
            let v: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
            assert_eq!(v["data"], serde_json::json!([]), "{path}");
        }
    });
    rt.block_on(emu.shutdown());
}

#[test]
fn pipeline_runs_alone() {
    let r = run_alone("pipeline");
    r.has("created list sales_pipeline (");
    r.has("  attributes stage (status: Lead, Qualified, Won, Lost) and amount (currency, USD)");
    let companies = r.ids_after("created company");
    assert_eq!(companies.len(), 3, "{}", r.stdout);
    let acme = r.id_after("added Acme Corp to sales_pipeline as entry");
    r.has(&format!(
        "added Acme Corp to sales_pipeline as entry {acme} (Lead, USD 12000.00)"
    ));
    r.has(&format!("moved entry {acme} to Qualified\n"));
    r.has(&format!("moved entry {acme} to Won\n"));
    r.has(&format!(
        "stage history of entry {acme}: Lead -> Qualified -> Won\n"
    ));
    r.has("won deals: 1\n");
    r.has(&format!("  won {acme} Acme Corp (USD 12000.00)\n"));
    r.has(&format!("Acme Corp is entry {acme} of sales_pipeline\n"));
    r.has(&format!(
        "deleted entry {acme} and company {}",
        companies[0]
    ));
}

#[test]
fn examples_against_a_running_emulator_leave_the_state_they_print() {
    let rt = runtime();
    let emu = rt
        .block_on(Emulator::builder().no_rate_limits().start())
        .expect("emulator starts");
    let env = [
        ("ATTIO_API_KEY", emu.api_key()),
        ("ATTIO_BASE_URL", emu.base_url()),
    ];
    let using = format!("Using the Attio API at {}: this example ", emu.base_url());

    // people, users, workspaces and webhooks clean up after themselves.
    for name in ["people", "users", "workspaces", "webhooks"] {
        let r = run(name, &[], &env);
        r.assert_ok(name);
        assert!(r.stdout.starts_with(&using), "{}", r.stdout);
        assert!(!r.stdout.contains("emulator"), "{}", r.stdout);
    }
    for object in ["people", "companies", "users", "workspaces"] {
        assert_eq!(emu.record_count(object), 0, "{object}");
    }

    // pipeline deletes its companies and entries; the list stays, and a second run reuses it.
    for pass in 0..2 {
        let r = run("pipeline", &[], &env);
        r.assert_ok("pipeline");
        assert!(r.stdout.starts_with(&using), "{}", r.stdout);
        if pass == 1 {
            r.has("found list sales_pipeline (");
        }
        r.has("won deals: 1\n");
        assert_eq!(emu.record_count("companies"), 0);
        assert!(emu.entries("sales_pipeline").is_empty());
    }

    // A company that was there before is used and kept.
    let before = rt.block_on(async {
        let resp = reqwest::Client::new()
            .post(format!("{}/v2/objects/companies/records", emu.base_url()))
            .bearer_auth(emu.api_key())
            .header("content-type", "application/json")
            .body(r#"{"data":{"values":{"domains":[{"domain":"attio.com"}],"name":"Attio"}}}"#)
            .send()
            .await
            .expect("company created");
        assert_eq!(resp.status(), 200);
        emu.records("companies")[0]["id"]["record_id"]
            .as_str()
            .expect("record id")
            .to_owned()
    });
    let r = run("people", &[], &env);
    r.assert_ok("people");
    r.has(&format!(
        "found company {before} (attio.com was already there; it will be kept)"
    ));
    assert_eq!(emu.record_count("companies"), 1);
    assert_eq!(emu.record_count("people"), 0);

    // bulk_import with a path: any CSV with the same columns, in any order, quoted fields
    // holding commas, doubled quotes and a line break, CRLF line ends, a blank line.
    let csv = "country,city,phone,job_title,last_name,first_name,email,notes\r\n\
               GB,London,+44 20 7946 0999,\"Head of Sales, EMEA\",Lovelace,Ada,ada@example.com,x\r\n\
               \r\n\
               US,,+1 202 555 0199,\"Chief \"\"Fun\"\" Officer\",Hopper,Grace,grace@example.com,\"two\nlines\"\r\n\
               ,,,,Nobody,No,not-an-email,\r\n";
    let path = std::env::temp_dir().join(format!("attio-examples-{}.csv", std::process::id()));
    std::fs::write(&path, csv).expect("temp CSV written");
    let path_arg = path.to_str().expect("UTF-8 temp path");
    let r = run("bulk_import", &[path_arg], &env);
    r.assert_ok("bulk_import");
    r.has(&format!(
        "read 3 rows from {path_arg}: 2 valid, 1 refused before sending"
    ));
    r.has("created  2\nupdated  0\nfailed   1\n  line 6 (not-an-email): invalid email address");
    let ids = r.ids_after("created person");
    let people = emu.records("people");
    let stored: Vec<Uuid> = people
        .iter()
        .filter_map(|p| p["id"]["record_id"].as_str()?.parse().ok())
        .collect();
    assert_eq!(stored.len(), 2);
    for id in &ids {
        assert!(stored.contains(id), "{id} printed but not stored");
    }
    let titles: Vec<&str> = people
        .iter()
        .filter_map(|p| p["values"]["job_title"][0]["value"].as_str())
        .collect();
    assert!(titles.contains(&"Head of Sales, EMEA"), "{titles:?}");
    assert!(titles.contains(&"Chief \"Fun\" Officer"), "{titles:?}");

    // Run again: the same people are updated, not created.
    let r = run("bulk_import", &[path_arg], &env);
    r.assert_ok("bulk_import");
    r.has("created  0\nupdated  2\nfailed   1\n");
    assert_eq!(emu.record_count("people"), 2);
    let _ = std::fs::remove_file(&path);
    rt.block_on(emu.shutdown());
}

#[test]
fn a_wrong_key_ends_each_example_with_the_typed_401_and_a_failure_status() {
    let rt = runtime();
    let emu = rt.block_on(Emulator::start()).expect("emulator starts");
    let env = [
        ("ATTIO_API_KEY", "wrong"),
        ("ATTIO_BASE_URL", emu.base_url()),
    ];
    for name in EXAMPLES {
        let r = run(name, &[], &env);
        assert_eq!(r.code, Some(1), "{name}: {}\n{}", r.stdout, r.stderr);
        let last = r.stderr.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("error: Attio answered 401 unauthorized to ")
                && last.ends_with("(check ATTIO_API_KEY)"),
            "{name}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
        assert!(!r.stdout.contains("created"), "{name}: {}", r.stdout);
    }
    assert_eq!(emu.stats().unauthorized, EXAMPLES.len() as u64);
}

#[test]
fn a_bad_csv_ends_bulk_import_with_a_message_before_connecting() {
    let r = run("bulk_import", &["/nonexistent/people.csv"], &[]);
    assert_eq!(r.code, Some(1));
    assert!(
        r.stderr
            .starts_with("error: cannot read /nonexistent/people.csv: "),
        "{}",
        r.stderr
    );
    assert!(r.stdout.is_empty(), "{}", r.stdout);

    let path = std::env::temp_dir().join(format!("attio-examples-bad-{}.csv", std::process::id()));
    for (csv, says) in [
        (
            "email,first_name\nada@example.com,\"Ada\n",
            "a quoted field is not closed before the end of the file",
        ),
        (
            "email,first_name\nada@example.com,\"Ada\"x\n",
            "line 2: unexpected 'x' after a closing quote",
        ),
        ("email,name\n", "the header has no `first_name` column"),
    ] {
        std::fs::write(&path, csv).expect("temp CSV written");
        let r = run("bulk_import", &[path.to_str().expect("UTF-8")], &[]);
        assert_eq!(r.code, Some(1), "{csv:?}: {}", r.stdout);
        assert!(r.stderr.contains(says), "{csv:?}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
    }
    let _ = std::fs::remove_file(&path);
}

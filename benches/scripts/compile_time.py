#!/usr/bin/env python3
"""Compile-time benchmark: #[derive(AttioRecord)] against serde's two derives.

Generates two crates with the same 50 structs of 20 fields each (the same field names and
types), one deriving `AttioRecord`, the other `serde::Serialize, serde::Deserialize`, and
uses each struct once (encode and decode). Dependencies are built first; then only the
generated crate is rebuilt and timed, for `cargo check` and `cargo build --release`, several
times each. Prints the median times and the ratios (attio / serde).

Usage: python3 benches/scripts/compile_time.py [--runs N] [--out DIR]
"""

import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIELD_TYPES = [
    "String",
    "Option<String>",
    "Option<f64>",
    "Option<i64>",
    "Option<bool>",
    "Vec<String>",
    "Option<String>",
    "Option<String>",
    "Option<f64>",
    "Option<String>",
]
STRUCTS = 50
FIELDS = 20


def struct_body(i: int) -> str:
    lines = []
    for f in range(FIELDS):
        ty = FIELD_TYPES[f % len(FIELD_TYPES)]
        lines.append(f"    pub field_{f}: {ty},")
    return "\n".join(lines)


def value_for(ty: str, f: int) -> str:
    return {
        "String": f'"v{f}".to_string()',
        "Option<String>": f'Some("v{f}".to_string())',
        "Option<f64>": f"Some({f}.5)",
        "Option<i64>": f"Some({f})",
        "Option<bool>": "Some(true)",
        "Vec<String>": f'vec!["a{f}".to_string()]',
    }[ty]


def constructor(i: int) -> str:
    fields = ", ".join(
        f"field_{f}: {value_for(FIELD_TYPES[f % len(FIELD_TYPES)], f)}" for f in range(FIELDS)
    )
    return f"Model{i} {{ {fields} }}"


def generate(kind: str, out: pathlib.Path) -> pathlib.Path:
    crate = out / kind
    if crate.exists():
        shutil.rmtree(crate)
    (crate / "src").mkdir(parents=True)
    core = ROOT / "attio-core"
    if kind == "attio":
        deps = f'attio-core = {{ path = "{core}" }}\n'
    else:
        deps = 'serde = { version = "1", features = ["derive"] }\nserde_json = "1"\n'
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "compile-bench-{kind}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f"[dependencies]\n{deps}\n[workspace]\n"
    )
    parts = []
    if kind == "attio":
        parts.append("use attio_core::{json, AttioRecord};\n")
    else:
        parts.append("use serde::{Deserialize, Serialize};\n")
    for i in range(STRUCTS):
        if kind == "attio":
            parts.append(f'#[derive(AttioRecord, Debug)]\n#[attio(object = "model_{i}")]\n')
        else:
            parts.append("#[derive(Serialize, Deserialize, Debug)]\n")
        parts.append(f"pub struct Model{i} {{\n{struct_body(i)}\n}}\n\n")
    parts.append("fn main() {\n    let mut total = 0usize;\n")
    for i in range(STRUCTS):
        if kind == "attio":
            parts.append(
                f"    let body = json::encode_create(&{constructor(i)}).unwrap();\n"
                f"    total += body.len();\n"
                f"    total += json::decode_records::<Model{i}>(br#\"{{\"data\":[]}}\"#).map(|r| r.len()).unwrap_or(0);\n"
            )
        else:
            parts.append(
                f"    let body = serde_json::to_vec(&{constructor(i)}).unwrap();\n"
                f"    total += body.len();\n"
                f"    total += serde_json::from_slice::<Model{i}>(&body).map(|_| 1).unwrap_or(0);\n"
            )
    parts.append('    println!("{total}");\n}\n')
    (crate / "src" / "main.rs").write_text("".join(parts))
    return crate


def cargo(crate: pathlib.Path, args, target: pathlib.Path) -> float:
    env = dict(os.environ, CARGO_TARGET_DIR=str(target), CARGO_INCREMENTAL="0")
    start = time.perf_counter()
    subprocess.run(["cargo", *args, "--quiet"], cwd=crate, env=env, check=True)
    return time.perf_counter() - start


def timed(crate: pathlib.Path, args, target: pathlib.Path, runs: int) -> float:
    cargo(crate, args, target)  # dependencies
    samples = []
    for _ in range(runs):
        (crate / "src" / "main.rs").touch()
        samples.append(cargo(crate, args, target))
    return statistics.median(samples)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--out", default=str(ROOT / "target" / "compile-bench"))
    a = ap.parse_args()
    out = pathlib.Path(a.out)
    results = {}
    for kind in ("attio", "serde"):
        crate = generate(kind, out)
        target = out / f"target-{kind}"
        results[(kind, "check")] = timed(crate, ["check"], target, a.runs)
        results[(kind, "release")] = timed(crate, ["build", "--release"], target, a.runs)
    print(f"{STRUCTS} structs x {FIELDS} fields, median of {a.runs} runs (seconds)")
    print("| build | attio | serde | attio / serde |")
    print("|---|---|---|---|")
    for mode in ("check", "release"):
        at, se = results[("attio", mode)], results[("serde", mode)]
        print(f"| cargo {mode} | {at:.2f} | {se:.2f} | {at / se:.2f} |")


if __name__ == "__main__":
    main()

//! Figures that criterion does not record (allocation counts, achieved rates, peak RSS) are
//! saved next to criterion's own output, so that `report` can put every figure of one run in
//! one table.

use std::path::PathBuf;

/// Where criterion writes (`$CARGO_TARGET_DIR/criterion`, or the workspace's `target/`).
pub fn criterion_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../target")));
    target.join("criterion")
}

/// Saves named figures as `criterion/attio-figures/<name>.json`.
pub fn save(name: &str, figures: &[(&str, f64)]) {
    let dir = criterion_dir().join("attio-figures");
    let map: serde_json::Map<String, serde_json::Value> = figures
        .iter()
        .map(|(k, v)| ((*k).to_owned(), serde_json::Value::from(*v)))
        .collect();
    let body = serde_json::to_vec_pretty(&map).expect("figures serialise");
    if let Err(e) = std::fs::create_dir_all(&dir)
        .and_then(|()| std::fs::write(dir.join(format!("{name}.json")), body))
    {
        eprintln!("cannot save figures {name}: {e}");
    }
}

/// Reads figures saved by [`save`].
pub fn load(name: &str) -> Option<serde_json::Map<String, serde_json::Value>> {
    let bytes = std::fs::read(
        criterion_dir()
            .join("attio-figures")
            .join(format!("{name}.json")),
    )
    .ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// The mean time (ns) criterion estimated for `group/function` in its latest run.
pub fn mean_ns(group: &str, function: &str) -> Option<f64> {
    let path = criterion_dir()
        .join(group)
        .join(function)
        .join("new")
        .join("estimates.json");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    v["mean"]["point_estimate"].as_f64()
}

//! Helpers shared by the CLI tests: run the binary, build throwaway trees.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn bin() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_authgate"));
    cmd.env_remove("NO_COLOR").env("TERM", "dumb");
    cmd
}

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output: Output = bin()
        .args(args)
        .current_dir(dir)
        .output()
        .expect("authgate runs");
    Run {
        code: output
            .status
            .code()
            .expect("exited normally, not by a signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

pub fn json(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", run.stdout, run.stderr))
}

pub fn rule_ids(report: &serde_json::Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap().to_string())
        .collect()
}

/// A temporary tree with files written from (relative path, contents) pairs.
pub fn tree(files: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let full = dir.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, text).unwrap();
    }
    dir
}

/// A Python file with one critical TOK-VERIFY flaw on line 2 and one high PW-HASH flaw on line 3.
pub const FLAWED_PY: &str = "import jwt, hashlib\nclaims = jwt.decode(t, options={\"verify_signature\": False})\nh = hashlib.md5(password.encode())\n";

/// Asserts that `haystack` contains `needle`, printing the haystack when it does not.
#[track_caller]
pub fn assert_contains(haystack: &str, needle: impl AsRef<str>) {
    let needle = needle.as_ref();
    assert!(
        haystack.contains(needle),
        "expected `{needle}` in:\n{haystack}"
    );
}

/// The official SARIF 2.1.0 schema, from shared/ beside the checkout.
pub fn sarif_schema() -> serde_json::Value {
    let path = repo().join("../shared/data/sarif-schema-2.1.0.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}: the SARIF schema comes from shared/ beside the checkout",
            path.display()
        )
    });
    serde_json::from_str(&text).unwrap()
}

/// The ids of a probe report's checks with `status`.
pub fn probe_ids(
    report: &authgate::probe::run::ProbeReport,
    status: authgate::probe::check::Status,
) -> std::collections::BTreeSet<String> {
    report
        .checks
        .iter()
        .filter(|c| c.outcome == status)
        .map(|c| c.id.to_string())
        .collect()
}

/// Every check of a probe report that did not pass, with its first evidence, for
/// assertion messages.
pub fn probe_describe(report: &authgate::probe::run::ProbeReport) -> String {
    report
        .checks
        .iter()
        .filter(|c| c.outcome != authgate::probe::check::Status::Pass)
        .map(|c| {
            format!(
                "  {} {}: {} {:?}",
                c.outcome.as_str(),
                c.id,
                c.summary,
                c.evidence.first()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

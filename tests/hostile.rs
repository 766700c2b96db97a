//! Hostile inputs: each gives a clear message, nothing panics or hangs, and the rest
//! of the tree is still scanned (every tree here also holds one flawed file).

mod common;

use common::*;
use std::path::Path;
use std::time::{Duration, Instant};

/// Runs a scan with a hard bound, so a hang fails the test instead of blocking CI.
fn bounded_scan(dir: &Path, extra: &[&str]) -> Run {
    let mut args = vec!["scan", "--format", "json"];
    args.extend_from_slice(extra);
    let mut child = bin()
        .args(&args)
        .current_dir(dir)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if started.elapsed() > Duration::from_secs(60) {
            child.kill().unwrap();
            panic!(
                "authgate scan did not finish within 60 s in {}",
                dir.display()
            );
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().unwrap();
    let run = Run {
        code: output.status.code().expect("no signal"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

fn diagnostics_for(report: &serde_json::Value, path: &str) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"].as_str().is_some_and(|p| p.contains(path)))
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

fn assert_flaw_still_found(report: &serde_json::Value) {
    assert!(
        report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["location"]["path"] == "ok/app.py"),
        "the flawed file next to the hostile one must still be scanned: {report}"
    );
}

#[test]
fn binary_file_with_a_source_extension_is_skipped() {
    let dir = tree(&[("ok/app.py", FLAWED_PY)]);
    std::fs::write(
        dir.path().join("blob.py"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 0xff],
    )
    .unwrap();
    let report = json(&bounded_scan(dir.path(), &[]));
    assert_eq!(
        diagnostics_for(&report, "blob.py"),
        vec!["skipped: binary file (NUL byte in the first 8 KiB)"]
    );
    assert_flaw_still_found(&report);
}

#[test]
fn a_50_mib_file_is_skipped_without_being_read() {
    let dir = tree(&[("ok/app.py", FLAWED_PY)]);
    let big = std::fs::File::create(dir.path().join("huge.js")).unwrap();
    big.set_len(50 * 1024 * 1024).unwrap();
    let report = json(&bounded_scan(dir.path(), &[]));
    let messages = diagnostics_for(&report, "huge.js");
    assert_eq!(messages.len(), 1);
    assert!(
        messages[0].contains("52428800 bytes is over --max-file-size"),
        "{messages:?}"
    );
    assert_flaw_still_found(&report);
}

#[test]
fn minified_bundles_are_skipped() {
    let line = format!("var a=1;{}\n", "jwt.decode(t);".repeat(500));
    let dir = tree(&[
        ("ok/app.py", FLAWED_PY),
        ("bundle.js", &line),
        ("lib.min.js", "jwt.decode(t)\n"),
    ]);
    let report = json(&bounded_scan(dir.path(), &[]));
    assert!(diagnostics_for(&report, "bundle.js")[0].contains("minified"));
    assert!(diagnostics_for(&report, "lib.min.js")[0].contains("minified"));
    assert_flaw_still_found(&report);
    assert!(rule_ids(&report)
        .iter()
        .all(|id| id != "jsonwebtoken-decode-without-verify"));
}

#[test]
fn invalid_utf8_is_scanned_with_replacement() {
    let dir = tree(&[("ok/app.py", FLAWED_PY)]);
    let mut bytes =
        b"# caf\xe9 latin-1 comment\nimport hashlib\nh = hashlib.md5(password.encode())\n".to_vec();
    bytes.push(b'\n');
    std::fs::write(dir.path().join("latin1.py"), bytes).unwrap();
    let report = json(&bounded_scan(dir.path(), &[]));
    assert!(diagnostics_for(&report, "latin1.py")[0].contains("not valid UTF-8"));
    let found = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["location"]["path"] == "latin1.py" && f["location"]["start_line"] == 3);
    assert!(
        found,
        "the rest of a non-UTF-8 file is still scanned: {report}"
    );
    assert_flaw_still_found(&report);
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_reported_when_following_links() {
    let dir = tree(&[("ok/app.py", FLAWED_PY)]);
    std::fs::create_dir_all(dir.path().join("loop/inner")).unwrap();
    std::os::unix::fs::symlink("..", dir.path().join("loop/inner/back")).unwrap();
    let plain = json(&bounded_scan(dir.path(), &[]));
    assert_flaw_still_found(&plain);
    let run = bounded_scan(dir.path(), &["--follow"]);
    let report = json(&run);
    let messages = diagnostics_for(&report, "loop/inner/back");
    assert!(
        messages.iter().any(|m| m.contains("symbolic link loop")),
        "{report}"
    );
    assert_contains(&run.stderr, "symbolic link loop");
    assert_flaw_still_found(&report);
}

#[cfg(unix)]
#[test]
fn fifos_are_skipped_without_blocking() {
    let dir = tree(&[("ok/app.py", FLAWED_PY)]);
    let status = std::process::Command::new("mkfifo")
        .arg(dir.path().join("pipe.py"))
        .status()
        .unwrap();
    assert!(status.success());
    let report = json(&bounded_scan(dir.path(), &[]));
    assert_flaw_still_found(&report);
    // A FIFO named explicitly is skipped too.
    let run = bounded_scan(dir.path(), &["pipe.py", "ok"]);
    assert_flaw_still_found(&json(&run));
}

#[cfg(unix)]
#[test]
fn unreadable_directories_are_reported() {
    use std::os::unix::fs::PermissionsExt;
    let is_root = std::process::Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout.starts_with(b"0"))
        .unwrap_or(false);
    if is_root {
        eprintln!("skipped: running as root, where directory permissions do not bite");
        return;
    }
    let dir = tree(&[("ok/app.py", FLAWED_PY), ("secret/a.py", FLAWED_PY)]);
    std::fs::set_permissions(
        dir.path().join("secret"),
        std::fs::Permissions::from_mode(0o000),
    )
    .unwrap();
    let report = json(&bounded_scan(dir.path(), &[]));
    std::fs::set_permissions(
        dir.path().join("secret"),
        std::fs::Permissions::from_mode(0o755),
    )
    .unwrap();
    assert!(
        diagnostics_for(&report, "secret")
            .iter()
            .any(|m| m.contains("permission denied")),
        "{report}"
    );
    assert_flaw_still_found(&report);
}

#[test]
fn syntax_errors_do_not_stop_the_scan() {
    let dir = tree(&[
        ("ok/app.py", FLAWED_PY),
        (
            "broken.py",
            "def f(:\n    return jwt.decode(t, options={\"verify_signature\": False}\n",
        ),
        ("broken.java", "class { void x( { JWT.decode(t) \n"),
        ("empty.go", ""),
    ]);
    let report = json(&bounded_scan(dir.path(), &[]));
    assert_flaw_still_found(&report);
}

//! No output ever carries a secret: planted secrets of every kind (a multi-line PEM key,
//! a generic password, a signing-key literal, one that lives only in git history) are
//! scanned in every format, with a baseline written, and no substring of any secret
//! longer than the allowed prefix (four characters; none for generic passwords) may
//! appear anywhere in standard output, standard error or the baseline.

mod common;

use common::*;
use std::path::Path;
use std::process::Command;

/// Synthetic values, split so this source holds no credential-shaped literal.
fn planted() -> Vec<(&'static str, String)> {
    vec![
        ("aws", ["AKIA", "Q7ZXK2VB9LW0JD4H"].concat()),
        (
            "stripe",
            ["sk_live", "_R8pV3nM6qT1wX4zB7cF2hJ5kL9d"].concat(),
        ),
        ("password", ["Hq4mZ8tW", "2rY6uP0sV3xN"].concat()),
        ("signing", "Kp3Wq8tZ9vR2mX7".to_string()),
        ("db", "Dw7Lp2Qs9Xv4Rt6M".to_string()),
        (
            "history",
            ["ghp", "_Mz4Kq8Wn2Vb6Xc0Rt5Yp9Ls3Dj7Hf1Ga8Eu2"].concat(),
        ),
    ]
}

fn pem_body() -> Vec<String> {
    // 64-character lines of a made-up key body (a fixed pseudo-random sequence).
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    (0..6)
        .map(|_| {
            (0..64)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    ALPHABET[(state % 64) as usize] as char
                })
                .collect()
        })
        .collect()
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "user.name=Dev", "-c", "user.email=dev@example.com"])
        .args(args)
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

fn repository() -> tempfile::TempDir {
    let secrets = planted();
    let value = |name: &str| secrets.iter().find(|(n, _)| *n == name).unwrap().1.clone();
    let pem = format!(
        "-----BEGIN RSA PRIVATE KEY-----\n{}\n-----END RSA PRIVATE KEY-----\n",
        pem_body().join("\n")
    );
    let dir = tree(&[
        ("app/settings.py", &format!("AWS_ACCESS_KEY_ID = \"{}\"\n", value("aws"))),
        ("app/config.js", &format!("module.exports = {{ stripe: \"{}\" }};\n", value("stripe"))),
        (".env.production", &format!("DB_PASSWORD={}\n", value("password"))),
        (
            "app/web.py",
            &format!("from flask import Flask\napp = Flask(__name__)\napp.secret_key = \"{}\"\n", value("signing")),
        ),
        (
            "deploy/compose.yml",
            &format!("services:\n  api:\n    environment:\n      DATABASE_URL: postgres://billing:{}@db.internal:5432/billing\n", value("db")),
        ),
        ("keys/server.key", &pem),
        ("old/token.sh", &format!("export GH_TOKEN={}\n", value("history"))),
    ]);
    git(dir.path(), &["init", "-q"]);
    git(dir.path(), &["add", "."]);
    git(dir.path(), &["commit", "-qm", "initial"]);
    // The GitHub token now lives only in history.
    std::fs::remove_file(dir.path().join("old/token.sh")).unwrap();
    git(dir.path(), &["add", "-A"]);
    git(dir.path(), &["commit", "-qm", "remove token"]);
    dir
}

/// The part of a planted value that is a published format prefix (`sk_live_`), which
/// documentation quotes anyway; windows inside it are not secret material.
fn public_prefix(value: &str) -> usize {
    ["sk_live_", "ghp_", "AKIA"]
        .iter()
        .find(|p| value.starts_with(*p))
        .map_or(0, |p| p.len())
}

fn assert_no_leak(what: &str, output: &str) {
    let mut pieces: Vec<(String, usize)> = planted()
        .into_iter()
        .map(|(name, value)| {
            // Generic passwords show no prefix at all: not even four characters.
            let longest_allowed = if name == "password" { 3 } else { 4 };
            (value, longest_allowed)
        })
        .collect();
    pieces.extend(pem_body().into_iter().map(|line| (line, 4)));
    for (secret, allowed) in pieces {
        let public = public_prefix(&secret);
        for window in allowed + 1..=secret.len() {
            for start in 0..=secret.len() - window {
                if start + window <= public {
                    continue;
                }
                let piece = &secret[start..start + window];
                if let Some(at) = output.find(piece) {
                    let context: String = output[at..].chars().take(80).collect();
                    panic!("{what} leaks `{piece}` of a planted secret: {context}…");
                }
            }
        }
    }
}

#[test]
fn no_output_format_leaks_a_secret() {
    let repo = repository();
    let baseline = repo.path().join(".git/baseline.json");
    let mut history_seen = false;
    for format in ["human", "json", "sarif", "junit", "markdown"] {
        let run = run_in(
            repo.path(),
            &[
                "scan",
                "--history",
                "--format",
                format,
                "--color",
                "never",
                "--write-baseline",
                baseline.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert_no_leak(&format!("{format} stdout"), &run.stdout);
        assert_no_leak(&format!("{format} stderr"), &run.stderr);
        assert_no_leak(
            &format!("{format} baseline"),
            &std::fs::read_to_string(&baseline).unwrap(),
        );
        if format == "json" {
            let report = json(&run);
            let ids = rule_ids(&report);
            for expected in [
                "aws-access-key-id",
                "stripe-secret-key",
                "generic-secret-unquoted",
                "python-hardcoded-signing-key",
                "database-url-password",
                "private-key",
                "github-token",
            ] {
                assert!(
                    ids.contains(&expected.to_string()),
                    "{expected} missing: {ids:?}"
                );
            }
            let gone = report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["rule_id"] == "github-token")
                .unwrap();
            assert_eq!(gone["history"]["in_tree"], false);
            assert_eq!(gone["history"]["path"], "old/token.sh");
            history_seen = true;
        }
    }
    assert!(history_seen);
}

#[test]
fn fingerprints_do_not_depend_on_the_secret() {
    // Same code shape, different secret values: same fingerprint, so a baseline
    // survives rotation and a fingerprint reveals nothing about the value.
    let one = tree(&[(
        "a.py",
        &format!(
            "STRIPE = \"{}\"\n",
            ["sk_live", "_R8pV3nM6qT1wX4zB7cF2hJ5k"].concat()
        ),
    )]);
    let two = tree(&[(
        "a.py",
        &format!(
            "STRIPE = \"{}\"\n",
            ["sk_live", "_Z1yX2wV3uT4sR5qP6oN7mL8k"].concat()
        ),
    )]);
    let fp = |dir: &Path| {
        let run = run_in(dir, &["scan", "--format", "json"]);
        json(&run)["findings"][0]["fingerprint"].clone()
    };
    assert_eq!(fp(one.path()), fp(two.path()));
}

#[test]
fn history_reports_the_introducing_commit_and_bounds_its_work() {
    let repo = repository();
    // A huge blob and a binary blob in history: warnings or silent skips, never a crash.
    std::fs::write(repo.path().join("big.txt"), "x".repeat(2 * 1024 * 1024)).unwrap();
    std::fs::write(repo.path().join("blob.bin"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    git(repo.path(), &["add", "."]);
    git(repo.path(), &["commit", "-qm", "assets"]);
    git(repo.path(), &["tag", "v1"]);
    let run = run_in(repo.path(), &["scan", "--history", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = json(&run);
    let history = &report["stats"]["history"];
    assert_eq!(history["commits"], 3, "{history}");
    assert_eq!(history["stopped_early"], false);
    assert!(history["blobs_skipped"].as_u64().unwrap() >= 2, "{history}");
    assert_contains(&report["diagnostics"].to_string(), "big.txt");
    let in_tree = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == "stripe-secret-key")
        .unwrap();
    assert_eq!(in_tree["history"]["in_tree"], true);

    // --since: nothing new after the tag.
    let run = run_in(
        repo.path(),
        &["scan", "--history", "--since", "v1", "--format", "json"],
    );
    let report = json(&run);
    assert_eq!(report["stats"]["history"]["commits"], 0);
    assert!(!rule_ids(&report).contains(&"github-token".to_string()));

    // A zero budget stops at once and says so.
    let run = run_in(
        repo.path(),
        &[
            "scan",
            "--history",
            "--max-history-seconds",
            "0",
            "--format",
            "json",
        ],
    );
    let report = json(&run);
    assert_eq!(report["stats"]["history"]["stopped_early"], true);
    assert_contains(
        &report["diagnostics"].to_string(),
        "stopped after --max-history-seconds",
    );

    // Outside a git repository: a clear error, and the tree scan still runs.
    let plain = tree(&[("a.py", "x = 1\n")]);
    let run = run_in(plain.path(), &["scan", "--history", "--format", "json"]);
    assert_contains(&json(&run)["diagnostics"].to_string(), "git log");
}

#[test]
fn history_findings_snapshot() {
    let repo = repository();
    let run = run_in(
        repo.path(),
        &["scan", "--history", "--secrets-only", "--format", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let mut report = json(&run);
    report["version"] = serde_json::Value::Null;
    insta::assert_json_snapshot!(report["findings"], {
        "[].history.commit" => "[commit]",
        "[].history.author_date" => "[date]",
        "[].message" => insta::dynamic_redaction(|value, _| {
            // Messages of secrets gone from the tree name the commit and its date.
            let text = value.as_str().unwrap_or_default().to_string();
            let cut = text.find(" (commit ").map_or(text.len(), |i| i);
            insta::internals::Content::from(text[..cut].to_string())
        }),
    });
}

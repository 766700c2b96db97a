//! LIBS: auth libraries from lockfiles against the catalogue, the policy's allow and
//! ban lists, the curated advisories and OSV exports; gitleaks configurations.

mod common;

use common::*;

fn findings(report: &serde_json::Value) -> Vec<(String, String, u64, String)> {
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap().to_string(),
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

const POETRY_LOCK: &str = r#"[[package]]
name = "PyJWT"
version = "2.3.0"
description = "JSON Web Token implementation in Python"

[[package]]
name = "authlib"
version = "1.6.9"
description = "The ultimate Python library in building OAuth and OpenID Connect servers."

[[package]]
name = "requests"
version = "2.31.0"
description = "HTTP for Humans."
"#;

#[test]
fn vulnerable_versions_name_the_advisory_and_the_fix() {
    let dir = tree(&[("poetry.lock", POETRY_LOCK)]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = json(&run);
    let found = findings(&report);
    let pyjwt: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "vulnerable-auth-library" && f.3.contains("`pyjwt` 2.3.0"))
        .collect();
    assert!(
        pyjwt
            .iter()
            .any(|f| f.3.contains("GHSA-ffqj-6fqr-9h24") && f.3.contains("fixed in 2.4.0")),
        "{found:#?}"
    );
    assert!(pyjwt
        .iter()
        .all(|f| f.1 == "poetry.lock" && (1..=3).contains(&f.2)));
    // requests is no auth library and has no advisory on file: nothing to say.
    assert!(
        !found.iter().any(|f| f.3.contains("requests")),
        "{found:#?}"
    );
    let first = &report["findings"][0];
    assert_eq!(first["control"], "LIBS");
    assert!(first["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["description"]
            .as_str()
            .unwrap()
            .starts_with("advisory: https://github.com/advisories/")));
}

#[test]
fn fixed_versions_are_quiet() {
    let lock = POETRY_LOCK.replace("2.3.0", "2.13.0");
    let dir = tree(&[("poetry.lock", &lock)]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    let found = findings(&json(&run));
    assert!(
        !found
            .iter()
            .any(|f| f.0 == "vulnerable-auth-library" && f.3.contains("pyjwt")),
        "{found:#?}"
    );
}

#[test]
fn policy_bans_and_allow_lists_apply_to_auth_libraries() {
    let policy = r#"
[libraries]
allow = ["pypi:pyjwt"]

[[libraries.ban]]
name = "python-jose"
reason = "unmaintained; use pyjwt"
"#;
    let reqs = "pyjwt==2.13.0\npython-jose==3.5.0\nflask-login==0.6.3\nrequests==2.32.0\n";
    let dir = tree(&[("authgate.toml", policy), ("requirements.txt", reqs)]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&json(&run));
    let ids = |name: &str| -> Vec<&str> {
        found
            .iter()
            .filter(|f| f.3.contains(&format!("`{name}`")))
            .map(|f| f.0.as_str())
            .collect()
    };
    assert_eq!(ids("pyjwt"), Vec::<&str>::new());
    assert!(ids("python-jose").contains(&"banned-auth-library"));
    assert!(ids("python-jose").contains(&"unapproved-auth-library"));
    assert_eq!(ids("flask-login"), vec!["unapproved-auth-library"]);
    assert_eq!(ids("requests"), Vec::<&str>::new());
    assert!(found
        .iter()
        .any(|f| f.0 == "banned-auth-library" && f.3.contains("unmaintained; use pyjwt")));
}

#[test]
fn a_ban_needs_a_reason() {
    let policy = "[[libraries.ban]]\nname = \"jwt-simple\"\n";
    let dir = tree(&[("authgate.toml", policy)]);
    let run = run_in(dir.path(), &["scan"]);
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "authgate.toml:1");
    assert_contains(&run.stderr, "reason");
}

#[test]
fn unknown_versions_are_reported_as_unknown_never_as_safe() {
    let dir = tree(&[("requirements.txt", "pyjwt>=1.0\n")]);
    let run = run_in(
        dir.path(),
        &["scan", "--format", "json", "--fail-on", "info"],
    );
    assert_eq!(run.code, 1);
    let found = findings(&json(&run));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "auth-library-version-unknown");
    assert_contains(&found[0].3, "version unknown");
    // The default gate (high) does not fail on an unknown version alone.
    assert_eq!(run_in(dir.path(), &["scan"]).code, 0);
}

#[test]
fn deprecated_libraries_name_their_replacement() {
    let gomod = "module example.com/app\n\ngo 1.22\n\nrequire github.com/dgrijalva/jwt-go v3.2.0+incompatible\n";
    let dir = tree(&[("go.mod", gomod)]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    let found = findings(&json(&run));
    assert!(
        found
            .iter()
            .any(|f| f.0 == "deprecated-auth-library" && f.3.contains("golang-jwt")),
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.0 == "vulnerable-auth-library" && f.3.contains("CVE-2020-26160")),
        "{found:#?}"
    );
}

/// A synthetic OSV export: ranges with fixed and last_affected events, a Go record
/// without the `v` prefix, a withdrawn record, an unsupported ecosystem, and a file
/// that is not JSON at all.
fn osv_dir() -> tempfile::TempDir {
    tree(&[
        (
            "osv/npm/OSV-2026-0001.json",
            r#"{"id":"OSV-2026-0001","aliases":["CVE-2026-0001"],"summary":"acme-jwt accepts unsigned tokens",
               "affected":[{"package":{"ecosystem":"npm","name":"jsonwebtoken"},
                            "ranges":[{"type":"SEMVER","events":[{"introduced":"0"},{"fixed":"9.0.3"}]}],
                            "database_specific":{"severity":"CRITICAL"}}]}"#,
        ),
        (
            "osv/go/OSV-2026-0002.json",
            r#"{"id":"OSV-2026-0002","summary":"golang-jwt claim bypass",
               "affected":[{"package":{"ecosystem":"Go","name":"github.com/golang-jwt/jwt/v5"},
                            "ranges":[{"type":"SEMVER","events":[{"introduced":"5.0.0"},{"last_affected":"5.3.0"}]}]}]}"#,
        ),
        (
            "osv/withdrawn.json",
            r#"{"id":"OSV-2026-0003","withdrawn":"2026-02-01T00:00:00Z","affected":[]}"#,
        ),
        (
            "osv/other.json",
            r#"{"id":"OSV-2026-0004","affected":[{"package":{"ecosystem":"Hex","name":"joken"},"ranges":[]}]}"#,
        ),
        ("osv/broken.json", "{ this is not json"),
    ])
}

#[test]
fn osv_exports_load_offline_and_bad_records_are_warnings() {
    let osv = osv_dir();
    let lock = r#"{"name":"app","lockfileVersion":3,"packages":{"":{"name":"app"},"node_modules/jsonwebtoken":{"version":"9.0.2"}}}"#;
    let gomod =
        "module example.com/app\n\ngo 1.22\n\nrequire github.com/golang-jwt/jwt/v5 v5.3.0\n";
    let dir = tree(&[("package-lock.json", lock), ("go.mod", gomod)]);
    let osv_path = osv.path().join("osv");
    let run = run_in(
        dir.path(),
        &[
            "scan",
            "--format",
            "json",
            "--advisories",
            osv_path.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = json(&run);
    let found = findings(&report);
    let osv_hit = found
        .iter()
        .find(|f| f.3.contains("OSV-2026-0001"))
        .unwrap_or_else(|| panic!("{found:#?}"));
    assert_eq!(osv_hit.0, "vulnerable-auth-library");
    assert_contains(&osv_hit.3, "fixed in 9.0.3");
    let severity = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("OSV-2026-0001"))
        .unwrap()["severity"]
        .clone();
    assert_eq!(severity, "critical");
    assert!(
        found.iter().any(|f| f.3.contains("OSV-2026-0002")),
        "{found:#?}"
    );
    let diagnostics = report["diagnostics"].to_string();
    assert_contains(&diagnostics, "broken.json");
    assert_contains(&diagnostics, "withdrawn");
    assert_contains(&diagnostics, "Hex");

    let empty = tree(&[("none/readme.txt", "no records")]);
    let run = run_in(
        dir.path(),
        &[
            "scan",
            "--advisories",
            empty.path().join("none").to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "no OSV records");
}

#[test]
fn malformed_lockfiles_are_warnings_not_crashes() {
    let dir = tree(&[
        (
            "package-lock.json",
            "{ \"lockfileVersion\": 3, \"packages\": [1, 2",
        ),
        ("poetry.lock", "[[package]\nname = "),
        ("app.py", FLAWED_PY),
    ]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = json(&run);
    let diagnostics = report["diagnostics"].to_string();
    assert_contains(&diagnostics, "package-lock.json");
    assert_contains(&diagnostics, "poetry.lock");
    assert!(rule_ids(&report).contains(&"pyjwt-decode-without-verification".to_string()));
}

#[test]
fn gitleaks_configurations_add_detectors() {
    let config = r#"
title = "team rules"

[[rules]]
id = "acme-api-key"
description = "Acme API key"
regex = '''acme_live_([a-z0-9]{24})'''
secretGroup = 1
entropy = 3.0
keywords = ["acme_live_"]

[[rules.allowlists]]
regexes = ['''^0+$''']
"#;
    let code = "ACME = \"acme_live_q8zr3kft0xwv7lmn2pys4hd9\"\nZERO = \"acme_live_000000000000000000000000\"\n";
    let dir = tree(&[("gitleaks.toml", config), ("app/settings.py", code)]);
    let run = run_in(
        dir.path(),
        &[
            "scan",
            "app",
            "--secrets-config",
            "gitleaks.toml",
            "--format",
            "json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let found = findings(&json(&run));
    let hits: Vec<_> = found
        .iter()
        .filter(|f| f.0 == "gitleaks-acme-api-key")
        .collect();
    assert_eq!(hits.len(), 1, "{found:#?}");
    assert_eq!(hits[0].2, 1);
    assert!(!run.stdout.contains("q8zr3kft0x"), "the secret leaks");

    let extends = tree(&[(
        "gitleaks.toml",
        "[extend]\nuseDefault = true\n\n[[rules]]\nid = \"x\"\nregex = 'x'\n",
    )]);
    let run = run_in(
        extends.path(),
        &["scan", "--secrets-config", "gitleaks.toml"],
    );
    assert_eq!(run.code, 2);
    assert_contains(&run.stderr, "useDefault");
    assert_contains(&run.stderr, "cannot honour");
}

#[test]
fn library_report_snapshot() {
    let policy = "[libraries]\nallow = [\"pypi:pyjwt\", \"go:github.com/golang-jwt/jwt/v5\"]\n\n[[libraries.ban]]\nname = \"python-jose\"\nreason = \"unmaintained; use pyjwt\"\n";
    let reqs = "pyjwt==2.3.0\npython-jose==3.3.0\nflask-login>=0.6\n";
    let gomod = "module example.com/app\n\ngo 1.22\n\nrequire github.com/dgrijalva/jwt-go v3.2.0+incompatible\n";
    let dir = tree(&[
        ("authgate.toml", policy),
        ("requirements.txt", reqs),
        ("go.mod", gomod),
    ]);
    let run = run_in(
        dir.path(),
        &["scan", "--color", "never", "--fail-on", "info"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

//! End-to-end tests of the `authgate` binary: the bundled example, exit codes and
//! levels, suppressions, waivers, baselines and the policy file.

mod common;

use common::*;

#[test]
fn the_bundled_example_has_findings_in_all_five_languages() {
    let run = run_in(
        &repo(),
        &["scan", "examples/vulnerable-app", "--format", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let report = json(&run);
    let paths: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["path"].as_str().unwrap())
        .collect();
    for ext in [".py", ".js", ".ts", ".go", ".java"] {
        assert!(
            paths.iter().any(|p| p.ends_with(ext)),
            "no finding in a {ext} file: {paths:?}"
        );
    }
    assert!(
        paths
            .iter()
            .all(|p| p.starts_with("examples/vulnerable-app/")),
        "{paths:?}"
    );
    let ids = rule_ids(&report);
    for control in ["TOK-VERIFY", "PW-HASH"] {
        assert!(
            report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .any(|f| f["control"] == control),
            "{control}: {ids:?}"
        );
    }
}

#[test]
fn exit_codes_follow_fail_on() {
    let clean = "import jwt\nprint(jwt.decode(t, k, algorithms=['RS256'], issuer='auth', options={'require': ['exp']}))\n";
    let only_high = "import hashlib\nh = hashlib.md5(password.encode())\n";
    // (code, --fail-on, expected exit, why)
    let cases = [
        (FLAWED_PY, "high", 1, "critical >= high fails"),
        (FLAWED_PY, "critical", 1, "critical >= critical fails"),
        (clean, "info", 0, "nothing found passes"),
        (only_high, "high", 1, "high >= high fails"),
        (only_high, "critical", 0, "high < critical passes"),
        (only_high, "info", 1, "high >= info fails"),
    ];
    for (code, fail_on, expected, why) in cases {
        let dir = tree(&[("app.py", code)]);
        assert_eq!(
            run_in(dir.path(), &["scan", "--fail-on", fail_on]).code,
            expected,
            "{why}"
        );
    }
}

#[test]
fn usage_and_configuration_errors_exit_2() {
    let dir = tree(&[("app.py", FLAWED_PY)]);
    let bad_flag = run_in(dir.path(), &["scan", "--fail-on", "severe"]);
    assert_eq!(bad_flag.code, 2);
    assert_contains(&bad_flag.stderr, "unknown severity `severe`");
    assert_eq!(run_in(dir.path(), &["scan", "--no-such-flag"]).code, 2);
    let missing = run_in(dir.path(), &["scan", "does-not-exist"]);
    assert_eq!(missing.code, 2);
    assert_contains(&missing.stderr, "does-not-exist");
}

#[test]
fn policy_levels_combine_with_fail_on() {
    let cases = [
        // (policy [rules] body, --fail-on, expected exit, expected rule ids reported)
        ("", "high", 1, vec!["pyjwt-decode-without-verification", "python-weak-password-hash"]),
        ("TOK-VERIFY = \"warn\"\nPW-HASH = \"warn\"\n", "info", 0, vec!["pyjwt-decode-without-verification", "python-weak-password-hash"]),
        ("TOK-VERIFY = \"allow\"\nPW-HASH = \"allow\"\n", "info", 0, vec![]),
        ("TOK-VERIFY = \"allow\"\npython-weak-password-hash = \"deny\"\n", "critical", 1, vec!["python-weak-password-hash"]),
        // a rule id wins over its control
        ("TOK-VERIFY = \"deny\"\npyjwt-decode-without-verification = \"warn\"\nPW-HASH = \"warn\"\n", "info", 0, vec!["pyjwt-decode-without-verification", "python-weak-password-hash"]),
    ];
    for (rules, fail_on, code, ids) in cases {
        let policy = format!("[rules]\n{rules}");
        let dir = tree(&[("app.py", FLAWED_PY), ("authgate.toml", &policy)]);
        let run = run_in(
            dir.path(),
            &["scan", "--format", "json", "--fail-on", fail_on],
        );
        assert_eq!(
            run.code, code,
            "policy {rules:?} --fail-on {fail_on}: {}",
            run.stderr
        );
        assert_eq!(rule_ids(&json(&run)), ids, "policy {rules:?}");
    }
}

#[test]
fn a_malformed_policy_names_file_line_and_key() {
    let dir = tree(&[
        ("app.py", FLAWED_PY),
        ("authgate.toml", "[scan]\nexclude = []\nmax-size = 3\n"),
    ]);
    let run = run_in(dir.path(), &["scan"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("authgate.toml:3:1: unknown field `max-size`"),
        "{}",
        run.stderr
    );

    let dir = tree(&[("authgate.toml", "[rules]\nno-such-rule = \"deny\"\n")]);
    let run = run_in(dir.path(), &["check-policy"]);
    assert_eq!(run.code, 2);
    assert_contains(
        &run.stderr,
        "authgate.toml:2:1: `rules`: `no-such-rule` is neither a rule id nor a control id",
    );
}

#[test]
fn init_writes_a_template_that_check_policy_accepts() {
    let dir = tree(&[]);
    assert_eq!(run_in(dir.path(), &["init"]).code, 0);
    assert!(dir.path().join("authgate.toml").is_file());
    let again = run_in(dir.path(), &["init"]);
    assert_eq!(again.code, 2);
    assert_contains(&again.stderr, "--force");
    let check = run_in(dir.path(), &["check-policy"]);
    assert_eq!(check.code, 0, "{}", check.stderr);
}

#[test]
fn inline_suppressions_need_owner_reason_and_a_future_date() {
    let suppressed = "import jwt\n# authgate: allow(pyjwt-decode-without-verification) owner=alice reason=\"verified by the mesh\" until=2999-12-31\nclaims = jwt.decode(t, options={\"verify_signature\": False})\n";
    let dir = tree(&[("app.py", suppressed)]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    let report = json(&run);
    assert_eq!(rule_ids(&report), Vec::<String>::new());
    assert_eq!(report["stats"]["findings_suppressed"], 1);

    // Same line also works.
    let same_line = "import jwt\nclaims = jwt.decode(t, options={\"verify_signature\": False})  # authgate: allow(pyjwt-decode-without-verification) owner=alice reason=\"x\" until=2999-12-31\n";
    let dir = tree(&[("app.py", same_line)]);
    assert_eq!(
        rule_ids(&json(&run_in(dir.path(), &["scan", "--format", "json"]))),
        Vec::<String>::new()
    );

    for (broken, why) in [
        (
            suppressed.replace("until=2999-12-31", "until=2001-01-01"),
            "expired on 2001-01-01",
        ),
        (suppressed.replace("owner=alice ", ""), "missing `owner=`"),
        (
            suppressed.replace(" reason=\"verified by the mesh\"", ""),
            "missing `reason=`",
        ),
        (
            suppressed.replace(" until=2999-12-31", ""),
            "missing `until=YYYY-MM-DD`",
        ),
    ] {
        let dir = tree(&[("app.py", &broken)]);
        let run = run_in(dir.path(), &["scan", "--format", "json"]);
        assert_eq!(run.code, 1, "{why}");
        let report = json(&run);
        assert_eq!(
            rule_ids(&report),
            vec!["invalid-suppression", "pyjwt-decode-without-verification"],
            "{why}"
        );
        let message = report["findings"][0]["message"].as_str().unwrap();
        assert!(message.contains(why), "{why}: {message}");
        assert_eq!(report["findings"][0]["location"]["start_line"], 2);
    }
}

#[test]
fn policy_waivers_are_governed_and_unused_ones_reported() {
    let waiver = |until: &str, path: &str| {
        format!("[[waivers]]\nrule = \"python-weak-password-hash\"\npath = \"{path}\"\nowner = \"bob\"\nreason = \"legacy import\"\nuntil = {until}\n")
    };
    let dir = tree(&[
        ("legacy/app.py", FLAWED_PY),
        ("authgate.toml", &waiver("2999-01-01", "legacy/**")),
    ]);
    let report = json(&run_in(dir.path(), &["scan", "--format", "json"]));
    assert_eq!(rule_ids(&report), vec!["pyjwt-decode-without-verification"]);

    let dir = tree(&[
        ("legacy/app.py", FLAWED_PY),
        ("authgate.toml", &waiver("2001-01-01", "legacy/**")),
    ]);
    let report = json(&run_in(dir.path(), &["scan", "--format", "json"]));
    assert_eq!(
        rule_ids(&report),
        vec![
            "invalid-suppression",
            "pyjwt-decode-without-verification",
            "python-weak-password-hash"
        ]
    );
    assert_eq!(report["findings"][0]["location"]["path"], "authgate.toml");
    assert_eq!(report["findings"][0]["location"]["start_line"], 1);

    let dir = tree(&[
        ("src/app.py", FLAWED_PY),
        ("authgate.toml", &waiver("2999-01-01", "legacy/**")),
    ]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    let report = json(&run);
    assert_eq!(
        rule_ids(&report),
        vec![
            "pyjwt-decode-without-verification",
            "python-weak-password-hash"
        ]
    );
    let diagnostics = report["diagnostics"].as_array().unwrap();
    assert!(
        diagnostics.iter().any(|d| d["message"]
            .as_str()
            .unwrap()
            .contains("matches no finding")
            && d["line"] == 1),
        "{diagnostics:?}"
    );
    assert!(
        run.stderr
            .contains("waiver for `python-weak-password-hash` matches no finding"),
        "{}",
        run.stderr
    );
}

#[test]
fn baselines_hide_known_findings_and_survive_line_moves() {
    let dir = tree(&[("app.py", FLAWED_PY)]);
    let base = dir.path().join("baseline.json");
    let write = run_in(
        dir.path(),
        &[
            "scan",
            "--write-baseline",
            base.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(write.code, 1);
    let baseline = std::fs::read_to_string(&base).unwrap();
    assert!(
        !baseline.contains("verify_signature"),
        "a baseline holds fingerprints only"
    );

    let scan_with_baseline = || {
        run_in(
            dir.path(),
            &[
                "scan",
                "--baseline",
                base.to_str().unwrap(),
                "--format",
                "json",
            ],
        )
    };
    std::fs::write(
        dir.path().join("app.py"),
        format!("# a comment\n\n{FLAWED_PY}"),
    )
    .unwrap();
    let run = scan_with_baseline();
    assert_eq!(
        run.code, 0,
        "moved findings keep their fingerprints: {}",
        run.stdout
    );
    assert_eq!(json(&run)["stats"]["findings_baselined"], 2);

    std::fs::write(dir.path().join("other.py"), FLAWED_PY).unwrap();
    let run = scan_with_baseline();
    assert_eq!(run.code, 1, "the same code in a new file is new");
    assert_eq!(rule_ids(&json(&run)).len(), 2);

    std::fs::write(&base, "{not json").unwrap();
    let run = run_in(dir.path(), &["scan", "--baseline", base.to_str().unwrap()]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("baseline.json:1:2: not an authgate baseline"),
        "{}",
        run.stderr
    );
}

#[test]
fn excludes_from_policy_and_command_line_and_default_vendor_dirs() {
    let dir = tree(&[
        ("src/app.py", FLAWED_PY),
        ("tests/fixtures/flaw.py", FLAWED_PY),
        ("generated/x.py", FLAWED_PY),
        ("node_modules/lib/index.py", FLAWED_PY),
        ("ignored/y.py", FLAWED_PY),
        (".gitignore", "ignored/\n"),
        (
            "authgate.toml",
            "[scan]\nexclude = [\"tests/fixtures/**\"]\n",
        ),
    ]);
    let report = json(&run_in(
        dir.path(),
        &["scan", "--format", "json", "--exclude", "generated/**"],
    ));
    let paths: std::collections::BTreeSet<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(paths.into_iter().collect::<Vec<_>>(), vec!["src/app.py"]);
    let all = json(&run_in(
        dir.path(),
        &["scan", "--format", "json", "--no-default-excludes"],
    ));
    assert!(all["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["location"]["path"] == "node_modules/lib/index.py"));
}

#[test]
fn show_controls_reports_protections() {
    let dir = tree(&[(
        "app.py",
        "import jwt\nc = jwt.decode(t, k, algorithms=['RS256'], issuer='auth', options={'require': ['exp']})\n",
    )]);
    assert!(rule_ids(&json(&run_in(dir.path(), &["scan", "--format", "json"]))).is_empty());
    let run = run_in(dir.path(), &["scan", "--format", "json", "--show-controls"]);
    assert_eq!(
        run.code, 0,
        "control matches are info and never fail the run"
    );
    assert_eq!(
        rule_ids(&json(&run)),
        vec![
            "pyjwt-decode-with-algorithm-allow-list",
            "python-jwt-claims-pinned"
        ]
    );
}

#[test]
fn user_rule_directories_extend_the_pack() {
    let rule = "id: no-eval-token\nlanguage: javascript\nrule:\n  pattern: eval($X)\nmessage: eval on a token\nnote: eval runs attacker code\nmetadata:\n  severity: medium\n  control: CRYPTO\n  kind: flaw\n";
    let dir = tree(&[
        ("my-rules/no-eval.yml", rule),
        ("src/a.ts", "eval(token)\n"),
    ]);
    let run = run_in(
        dir.path(),
        &[
            "scan",
            "--rules",
            "my-rules",
            "--format",
            "json",
            "--fail-on",
            "medium",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(rule_ids(&json(&run)), vec!["no-eval-token"]);
}

#[test]
fn malformed_user_rules_are_errors_naming_file_and_field() {
    let dir = tree(&[("my-rules/bad.yml", "id: bad-rule\nlanguage: python\nrule:\n  pattern: f($X)\nmessage: m\nnote: n\nmetadata:\n  severity: high\n  control: TOK-VERIFY\n  kind: flaw\n  colour: red\n"), ("a.py", "f(1)\n")]);
    let run = run_in(dir.path(), &["scan", "--rules", "my-rules"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("my-rules/bad.yml: field `metadata.colour`: unknown field `colour`"),
        "{}",
        run.stderr
    );

    let dir = tree(&[
        ("my-rules/broken.yml", "id: x\n  language: [python\n"),
        ("a.py", "f(1)\n"),
    ]);
    let run = run_in(dir.path(), &["scan", "--rules", "my-rules"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("my-rules/broken.yml: not valid YAML"),
        "{}",
        run.stderr
    );
}

#[test]
fn rules_list_and_explain() {
    let list = run_in(&repo(), &["rules"]);
    assert_eq!(list.code, 0);
    assert!(list
        .stdout
        .lines()
        .any(|l| l.starts_with("pyjwt-decode-without-verification")
            && l.contains("TOK-VERIFY")
            && l.contains("critical")));
    let explain = run_in(&repo(), &["rules", "explain", "python-weak-password-hash"]);
    assert_eq!(explain.code, 0);
    for section in [
        "## What it does",
        "## Why is this bad?",
        "## Example",
        "## Use instead",
        "## References",
        "hashlib.md5(password.encode())",
    ] {
        assert!(
            explain.stdout.contains(section),
            "missing {section}:\n{}",
            explain.stdout
        );
    }
    let unknown = run_in(&repo(), &["rules", "explain", "weak-password"]);
    assert_eq!(unknown.code, 2);
    assert_contains(&unknown.stderr, "did you mean");
}

#[test]
fn a_closed_stdout_exits_quietly() {
    use std::process::Stdio;
    let mut child = bin()
        .args(["scan", "examples/vulnerable-app", "--format", "json"])
        .current_dir(repo())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert!(
        output.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn output_is_deterministic_across_runs_and_threads() {
    let a = run_in(
        &repo(),
        &["scan", "examples", "--format", "json", "-j", "1"],
    );
    let b = run_in(
        &repo(),
        &["scan", "examples", "--format", "json", "-j", "2"],
    );
    assert_eq!(a.stdout, b.stdout);
}

#[test]
fn tracked_files_are_scanned_even_when_gitignored() {
    let dir = tree(&[
        ("tracked.py", FLAWED_PY),
        ("untracked.py", FLAWED_PY),
        ("lib/deep.py", FLAWED_PY),
        (".gitignore", "*.py\n"),
    ]);
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(args)
            .current_dir(dir.path())
            .status()
            .expect("git runs");
        assert!(status.success(), "git {args:?}");
    };
    git(&["init", "-q"]);
    git(&["add", "-f", "tracked.py", "lib/deep.py", ".gitignore"]);
    let report = json(&run_in(dir.path(), &["scan", "--format", "json"]));
    let paths: std::collections::BTreeSet<String> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["location"]["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        paths.into_iter().collect::<Vec<_>>(),
        vec!["lib/deep.py", "tracked.py"],
        "{report:#}"
    );
    let notes = report["diagnostics"].to_string();
    assert_contains(&notes, "git tracks this file");
}

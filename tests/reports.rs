//! Every writer, snapshot-tested over the same sample report (the bundled example),
//! and the SARIF output validated against the official 2.1.0 schema.

mod common;

use common::*;

fn sample(format: &str) -> String {
    let run = run_in(
        &repo(),
        &[
            "scan",
            "examples/vulnerable-app",
            "--format",
            format,
            "--color",
            "never",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    // The version changes with every release; nothing else in the reports is volatile.
    run.stdout.replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn human_report() {
    insta::assert_snapshot!(sample("human"));
}

#[test]
fn json_report() {
    insta::assert_snapshot!(sample("json"));
}

#[test]
fn junit_report() {
    let xml = sample("junit");
    assert!(
        xml.contains(r#"<testsuites name="authgate" tests="42" failures="26""#),
        "{xml}"
    );
    insta::assert_snapshot!(xml);
}

#[test]
fn markdown_report() {
    insta::assert_snapshot!(sample("markdown"));
}

#[test]
fn sarif_report() {
    insta::assert_snapshot!(sample("sarif"));
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let validator = jsonschema::validator_for(&sarif_schema()).expect("the schema compiles");
    let sarif: serde_json::Value = serde_json::from_str(&sample("sarif")).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");

    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    assert_eq!(results.len(), 42);
    for result in results {
        let index = result["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index]["id"], result["ruleId"]);
        let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap();
        assert!(
            uri.starts_with("examples/vulnerable-app/"),
            "relative URI: {uri}"
        );
        assert!(
            result["partialFingerprints"]["authgate/v1"]
                .as_str()
                .unwrap()
                .len()
                == 32
        );
    }
    let tags = rules
        .iter()
        .flat_map(|r| r["properties"]["tags"].as_array().unwrap().clone())
        .collect::<Vec<_>>();
    assert!(tags.iter().any(|t| t == "external/cwe/cwe-347"), "{tags:?}");
    assert!(rules.iter().all(|r| r["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## Why is this bad?")));
}

#[test]
fn sarif_with_diagnostics_and_no_findings_validates() {
    let dir = tree(&[("a.py", "x = 1\n"), ("b.py", "\u{0}binary")]);
    let run = run_in(dir.path(), &["scan", "--format", "sarif"]);
    assert_eq!(run.code, 0);
    let sarif: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let validator = jsonschema::validator_for(&sarif_schema()).unwrap();
    assert!(validator.is_valid(&sarif));
    let notes = sarif["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        .as_array()
        .unwrap();
    assert!(
        notes[0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("binary"),
        "{notes:?}"
    );
}

#[test]
fn output_file_gets_the_report_and_stderr_a_summary() {
    let dir = tree(&[("app.py", FLAWED_PY)]);
    let out = dir.path().join("report.sarif");
    let run = run_in(
        dir.path(),
        &[
            "scan",
            "--format",
            "sarif",
            "--output",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stdout.is_empty());
    assert_contains(&run.stderr, "2 finding(s), 2 failing");
    let sarif: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out).unwrap()).unwrap();
    assert_eq!(sarif["runs"][0]["results"].as_array().unwrap().len(), 2);
}

#[test]
fn control_characters_never_reach_a_report() {
    let dir = tree(&[(
        "app.py",
        "import hashlib\nh = hashlib.md5(password + \"\u{1b}[31mred\u{7}\")\n",
    )]);
    for format in ["human", "json", "sarif", "junit", "markdown"] {
        let run = run_in(
            dir.path(),
            &["scan", "--format", format, "--color", "never"],
        );
        assert_eq!(run.code, 1);
        assert!(
            !run.stdout.contains('\u{1b}') && !run.stdout.contains('\u{7}'),
            "{format}: {:?}",
            run.stdout
        );
    }
}

#[test]
fn secrets_marked_by_a_rule_are_redacted_in_every_format() {
    let planted = "s3crQ7zXk2Vb9Lw0Jd4Hf6Tn8Rp1Ym5Cu3A";
    let rule = "id: literal-jwt-key\nlanguage: javascript\nrule:\n  pattern: jwt.sign($P, $KEY)\n  has:\n    field: arguments\n    has: { kind: string }\nmessage: JWT signed with the literal key $KEY\nnote: a key in source is a key for everyone\nmetadata:\n  severity: high\n  control: SECRETS\n  kind: flaw\n  keywords: [jwt.sign]\n  redact: [KEY]\n";
    let code = format!(
        "const jwt = require('jsonwebtoken');\nconst t = jwt.sign({{ sub: 1 }}, '{planted}');\n"
    );
    let dir = tree(&[("rules/key.yml", rule), ("app.js", &code)]);
    let base = dir.path().join("base.json");
    for format in ["human", "json", "sarif", "junit", "markdown"] {
        let run = run_in(
            dir.path(),
            &[
                "scan",
                "app.js",
                "--rules",
                "rules",
                "--format",
                format,
                "--color",
                "never",
                "--write-baseline",
                base.to_str().unwrap(),
            ],
        );
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert!(
            run.stdout.contains("s3cr…(35 chars, redacted)"),
            "{format}: {}",
            run.stdout
        );
        let baseline = std::fs::read_to_string(&base).unwrap();
        for window in 5..=planted.len() {
            for start in 0..=planted.len() - window {
                let piece = &planted[start..start + window];
                assert!(
                    !run.stdout.contains(piece) && !run.stderr.contains(piece),
                    "{format} leaks `{piece}`"
                );
                assert!(!baseline.contains(piece));
            }
        }
    }
}

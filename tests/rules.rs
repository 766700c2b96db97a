//! Registry-wide checks: every built-in rule is complete, documented, and proven by
//! fixtures — `bad` files produce findings exactly on the lines marked
//! `expect-finding`, `good` files produce none.

use authgate::finding::RuleKind;
use authgate::policy::Policy;
use authgate::scan::lang::Lang;
use authgate::scan::rules::{RuleLanguage, RuleMeta, RuleSet};
use authgate::scan::{scan, ScanOptions};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

const MARKER: &str = "expect-finding";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules")
}

fn scan_file(
    rules: &RuleSet,
    path: &Path,
    rule_id: &str,
    prefilter: bool,
) -> Vec<authgate::finding::Finding> {
    // A manifest beside the fixture (for rules with a `dependency` condition) is
    // scanned with it, so the fixture's project facts come from it.
    let dir = path.parent().unwrap();
    let mut paths = vec![path.to_path_buf()];
    paths.extend(
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|p| authgate::facts::manifest_kind(&p.to_string_lossy()).is_some()),
    );
    let mut options = ScanOptions::new(
        paths,
        dir.to_path_buf(),
        time::macros::date!(2026 - 01 - 01),
    );
    options.show_controls = true;
    options.use_prefilter = prefilter;
    let outcome = scan(rules, &Policy::default(), &options);
    assert!(
        outcome.diagnostics.is_empty(),
        "{}: unexpected diagnostics {:?}",
        path.display(),
        outcome.diagnostics
    );
    outcome
        .findings
        .into_iter()
        .filter(|f| f.rule_id == rule_id)
        .collect()
}

fn marked_lines(path: &Path) -> BTreeSet<usize> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .enumerate()
        .filter(|(_, l)| l.contains(MARKER))
        .map(|(i, _)| i + 1)
        .collect()
}

/// The fixture pairs a rule needs: `(bad, good)` names per language extension.
fn required_fixtures(rule: &RuleMeta) -> Vec<(String, String)> {
    let (bad, good) = match rule.kind {
        RuleKind::Flaw => ("bad", "good"),
        RuleKind::Control | RuleKind::Fact => ("match", "nomatch"),
    };
    let exts: Vec<String> = match rule.language {
        RuleLanguage::Code(Lang::Python) => vec!["py".into()],
        RuleLanguage::Code(Lang::JavaScript) => vec!["js".into(), "ts".into()],
        RuleLanguage::Code(Lang::TypeScript) => vec!["ts".into()],
        RuleLanguage::Code(Lang::Tsx) => vec!["tsx".into()],
        RuleLanguage::Code(Lang::Go) => vec!["go".into()],
        RuleLanguage::Code(Lang::Java) => vec!["java".into()],
        // Text rules: whatever extensions their `bad.*` fixtures have.
        RuleLanguage::Text | RuleLanguage::Secret => {
            std::fs::read_dir(fixtures_dir().join(&rule.id))
                .map(|dir| {
                    dir.filter_map(|e| {
                        let name = e.ok()?.file_name().to_string_lossy().into_owned();
                        name.strip_prefix(&format!("{bad}.")).map(str::to_string)
                    })
                    .collect()
                })
                .unwrap_or_default()
        }
    };
    assert!(!exts.is_empty(), "{}: no `{bad}.*` fixture", rule.id);
    exts.iter()
        .map(|e| (format!("{bad}.{e}"), format!("{good}.{e}")))
        .collect()
}

#[test]
fn every_rule_is_complete() {
    let rules = RuleSet::builtin().expect("the built-in rules load");
    assert!(rules.metas.len() >= 10, "expected the first rule pack");
    for rule in rules.metas.values() {
        let id = &rule.id;
        assert!(
            authgate::scan::rules::is_kebab_case(id),
            "{id}: id must be kebab-case"
        );
        assert!(
            authgate::finding::is_control(&rule.control),
            "{id}: control"
        );
        assert!(!rule.note.trim().is_empty(), "{id}: note");
        assert!(
            !rule.keywords.is_empty(),
            "{id}: built-in rules need prefilter keywords"
        );
        // Detector keywords are token prefixes (`SG.`, `eyJ`): short but specific.
        let min = if rule.language == RuleLanguage::Secret {
            3
        } else {
            4
        };
        assert!(
            rule.keywords.iter().all(|k| k.len() >= min),
            "{id}: keywords must be specific ({min}+ chars)"
        );
        if rule.kind == RuleKind::Flaw {
            assert!(rule.fix_text.is_some(), "{id}: flaw rules need fix_text");
            assert!(!rule.cwe.is_empty(), "{id}: flaw rules need a CWE");
        }
        let expected_dir = format!("rules/{}/{id}.yml", rule.language.family());
        assert_eq!(
            rule.origin.path(),
            expected_dir,
            "{id}: rule file must live at rules/<language>/<id>.yml"
        );
    }
}

#[test]
fn every_rule_has_fixtures_that_prove_it() {
    let rules = RuleSet::builtin().unwrap();
    for rule in rules.metas.values() {
        let dir = fixtures_dir().join(&rule.id);
        for (bad, good) in required_fixtures(rule) {
            let bad_path = dir.join(&bad);
            let good_path = dir.join(&good);
            assert!(
                bad_path.is_file(),
                "{}: missing fixture {}",
                rule.id,
                bad_path.display()
            );
            assert!(
                good_path.is_file(),
                "{}: missing fixture {}",
                rule.id,
                good_path.display()
            );

            let expected = marked_lines(&bad_path);
            assert!(
                !expected.is_empty(),
                "{}: {bad} marks no line with `{MARKER}`",
                rule.id
            );
            let findings = scan_file(&rules, &bad_path, &rule.id, true);
            let found: BTreeSet<usize> = findings.iter().map(|f| f.location.start_line).collect();
            assert_eq!(
                found, expected,
                "{}: {bad}: lines with findings vs lines marked",
                rule.id
            );
            assert_eq!(
                findings.first().map(|f| f.location.start_line),
                expected.first().copied(),
                "{}: {bad}: first finding's line",
                rule.id
            );

            let false_positives = scan_file(&rules, &good_path, &rule.id, true);
            assert!(
                false_positives.is_empty(),
                "{}: {good} must produce no finding, got {false_positives:#?}",
                rule.id
            );
            assert!(
                marked_lines(&good_path).is_empty(),
                "{}: {good} must not carry `{MARKER}`",
                rule.id
            );
        }
    }
}

#[test]
fn fixture_findings_snapshot() {
    let rules = RuleSet::builtin().unwrap();
    for rule in rules.metas.values() {
        let mut text = String::new();
        for (bad, _) in required_fixtures(rule) {
            let path = fixtures_dir().join(&rule.id).join(&bad);
            for f in scan_file(&rules, &path, &rule.id, true) {
                text.push_str(&format!(
                    "{}:{}:{}-{}:{} [{} {}] {}\n    {}\n",
                    f.location.path,
                    f.location.start_line,
                    f.location.start_column,
                    f.location.end_line,
                    f.location.end_column,
                    f.severity,
                    f.control,
                    f.message,
                    f.snippet.lines().next().unwrap_or("")
                ));
            }
        }
        insta::assert_snapshot!(format!("rule__{}", rule.id), text);
    }
}

#[test]
fn no_fixture_directory_is_orphaned() {
    let rules = RuleSet::builtin().unwrap();
    for entry in std::fs::read_dir(fixtures_dir()).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        assert!(
            rules.get(&name).is_some(),
            "tests/fixtures/rules/{name} belongs to no rule"
        );
    }
}

#[test]
fn prefilter_changes_no_finding() {
    let rules = RuleSet::builtin().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = vec![root.join("examples"), root.join("tests/fixtures/rules")];
    let run = |prefilter: bool| {
        let mut options = ScanOptions::new(
            paths.clone(),
            root.to_path_buf(),
            time::macros::date!(2026 - 01 - 01),
        );
        options.use_prefilter = prefilter;
        options.show_controls = true;
        // The fixtures live under tests/: read them as the code they stand for.
        options.include_tests = true;
        options.threads = 2;
        let outcome = scan(&rules, &Policy::default(), &options);
        (outcome.findings, outcome.stats.files_parsed)
    };
    let (with, parsed_with) = run(true);
    let (without, parsed_without) = run(false);
    assert!(!with.is_empty());
    assert_eq!(with, without, "the prefilter must never change findings");
    assert!(
        parsed_with < parsed_without,
        "the prefilter should skip parsing some files ({parsed_with} vs {parsed_without})"
    );
}

#[test]
fn generated_docs_are_current() {
    let rules = RuleSet::builtin().unwrap();
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/rules");
    let files = authgate::docs::generate(&rules);
    let mut stale = Vec::new();
    for (name, text) in &files {
        if std::fs::read_to_string(dir.join(name)).ok().as_deref() != Some(text.as_str()) {
            stale.push(name.clone());
        }
    }
    let generated: BTreeSet<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    for entry in std::fs::read_dir(&dir).into_iter().flatten() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if !generated.contains(name.as_str()) {
            stale.push(format!("{name} (no such rule)"));
        }
    }
    assert!(
        stale.is_empty(),
        "docs/rules is stale: {stale:?}; run `cargo run -- rules docs docs/rules`"
    );
}

/// `kind: fact` rules record names declared in one file; `declared-by` conditions of
/// other rules join on them within the directory (a Go package).
#[test]
fn fact_rules_join_declarations_across_files_of_a_package() {
    let rules = RuleSet::builtin().expect("the built-in rules load");
    let scan_package = |keys: &str| {
        let dir = tempfile::tempdir().unwrap();
        let auth = dir.path().join("auth");
        std::fs::create_dir(&auth).unwrap();
        std::fs::write(auth.join("keys.go"), keys).unwrap();
        std::fs::write(
            auth.join("token.go"),
            "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc Service(raw string, secret []byte, r *keyRing) error {\n\t_, err := jwt.Parse(raw, sharedSecret(secret), jwt.WithIssuer(\"svc\"))\n\tif err != nil {\n\t\treturn err\n\t}\n\t_, err = jwt.ParseWithClaims(raw, &jwt.RegisteredClaims{}, r.lookup)\n\treturn err\n}\n",
        )
        .unwrap();
        // A parse in another package does not see this package's declarations.
        let other = dir.path().join("other");
        std::fs::create_dir(&other).unwrap();
        std::fs::write(
            other.join("use.go"),
            "package other\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc Use(raw string, s []byte) error {\n\t_, err := jwt.Parse(raw, sharedSecret(s))\n\treturn err\n}\n",
        )
        .unwrap();
        let options = ScanOptions::new(
            vec![dir.path().to_path_buf()],
            dir.path().to_path_buf(),
            time::macros::date!(2026 - 01 - 01),
        );
        let outcome = scan(&rules, &Policy::default(), &options);
        outcome
            .findings
            .into_iter()
            .filter(|f| f.rule_id == "golang-jwt-unchecked-algorithm")
            .map(|f| (f.location.path, f.location.start_line))
            .collect::<Vec<_>>()
    };
    let unchecked = "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\ntype keyRing struct{ keys map[string][]byte }\n\nfunc (k *keyRing) lookup(t *jwt.Token) (any, error) {\n\treturn k.keys[t.Header[\"kid\"].(string)], nil\n}\n\nfunc sharedSecret(s []byte) jwt.Keyfunc {\n\treturn func(t *jwt.Token) (any, error) { return s, nil }\n}\n";
    assert_eq!(
        scan_package(unchecked),
        vec![
            ("auth/token.go".to_string(), 6),
            ("auth/token.go".to_string(), 10)
        ]
    );
    let checked = unchecked.replace(
        "return s, nil }",
        "if _, ok := t.Method.(*jwt.SigningMethodHMAC); !ok { return nil, jwt.ErrTokenSignatureInvalid }; return s, nil }",
    );
    let checked = checked.replace(
        "\treturn k.keys",
        "\tif t.Method.Alg() != \"HS256\" {\n\t\treturn nil, jwt.ErrTokenSignatureInvalid\n\t}\n\treturn k.keys",
    );
    assert!(scan_package(&checked).is_empty());
}

/// Code rules skip test files unless asked; secret detectors always read them.
#[test]
fn test_files_get_secrets_but_not_code_rules_by_default() {
    let rules = RuleSet::builtin().expect("the built-in rules load");
    let dir = tempfile::tempdir().unwrap();
    // The key is assembled here so that this file holds no key for the self-scan.
    let key = ["AKIA", "IOSFODNN7EXAMPLQ"].concat();
    let code = format!("import jwt\n\n\ndef test_decode(token):\n    return jwt.decode(token, options={{\"verify_signature\": False}})\n\nKEY = \"{key}\"\n");
    std::fs::write(dir.path().join("test_tokens.py"), code).unwrap();
    let run = |include_tests: bool| {
        let mut options = ScanOptions::new(
            vec![dir.path().to_path_buf()],
            dir.path().to_path_buf(),
            time::macros::date!(2026 - 01 - 01),
        );
        options.include_tests = include_tests;
        let outcome = scan(&rules, &Policy::default(), &options);
        let mut ids: Vec<String> = outcome.findings.into_iter().map(|f| f.rule_id).collect();
        ids.sort();
        ids.dedup();
        ids
    };
    let default = run(false);
    assert!(
        !default
            .iter()
            .any(|id| id == "pyjwt-decode-without-verification"),
        "{default:?}"
    );
    assert!(
        default.iter().any(|id| id == "aws-access-key-id"),
        "{default:?}"
    );
    let all = run(true);
    assert!(
        all.iter()
            .any(|id| id == "pyjwt-decode-without-verification"),
        "{all:?}"
    );
}

//! Scenario tests of `authgate review`: real git repositories built in temporary
//! directories with the git CLI, reviewed by the binary. Each scenario states the
//! behaviour the review promises: the areas a change touches (with evidence), look-alikes
//! left alone, AI provenance raising the tier, removed controls, suppressions and policy
//! edits that cannot relax the gate judging them, negative tests, approvals, the PR
//! comment, and bad input.

mod common;

use common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// A throwaway git repository.
struct Repo {
    dir: tempfile::TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: tempfile::tempdir().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        for (key, value) in [
            ("user.name", "Alice Example"),
            ("user.email", "alice@example.com"),
            ("commit.gpgsign", "false"),
            ("core.autocrlf", "false"),
        ] {
            repo.git(&["config", key, value]);
        }
        repo
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs git in the repository; panics when it fails. Returns trimmed stdout.
    fn git(&self, args: &[&str]) -> String {
        git_in(self.path(), args)
    }

    fn write(&self, path: &str, text: &str) -> &Repo {
        self.write_bytes(path, text.as_bytes())
    }

    fn write_bytes(&self, path: &str, bytes: &[u8]) -> &Repo {
        let full = self.path().join(path);
        std::fs::create_dir_all(full.parent().unwrap()).unwrap();
        std::fs::write(full, bytes).unwrap();
        self
    }

    fn remove(&self, path: &str) -> &Repo {
        std::fs::remove_file(self.path().join(path)).unwrap();
        self
    }

    /// Commits everything (additions and deletions); returns the new commit's SHA.
    fn commit(&self, message: &str) -> String {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
        self.git(&["rev-parse", "HEAD"])
    }

    /// `authgate review --repo <dir> ARGS`.
    fn review(&self, args: &[&str]) -> Run {
        let dir = self.path().to_str().unwrap();
        let mut all = vec!["review", "--repo", dir];
        all.extend_from_slice(args);
        run_in(self.path(), &all)
    }

    /// `review ARGS --format json`, asserting the run ended with a decision (exit 0 or 1).
    #[track_caller]
    fn review_json(&self, args: &[&str]) -> (Run, Value) {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--format", "json"]);
        let run = self.review(&all);
        assert!(
            run.code == 0 || run.code == 1,
            "review failed with exit {}: {}",
            run.code,
            run.stderr
        );
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
        let value = json(&run);
        (run, value)
    }
}

#[track_caller]
fn git_in(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A repository whose base commit holds only a README, and the base SHA.
fn repo_with_readme() -> (Repo, String) {
    let repo = Repo::new();
    repo.write("README.md", "# shop\n\nAn online shop.\n");
    let base = repo.commit("Initial commit");
    (repo, base)
}

/// The strings of an array; an absent (skipped empty) array is empty.
fn strs(value: &Value) -> Vec<String> {
    if value.is_null() {
        return vec![];
    }
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_string())
        .collect()
}

fn area_names(report: &Value) -> Vec<String> {
    report["areas"]
        .as_object()
        .unwrap_or_else(|| panic!("no areas: {report}"))
        .keys()
        .cloned()
        .collect()
}

/// The `field` of every entry of the array `report[key]`.
fn field_of(report: &Value, key: &str, field: &str) -> Vec<String> {
    report[key]
        .as_array()
        .unwrap_or_else(|| panic!("`{key}` is not an array: {report}"))
        .iter()
        .map(|v| v[field].as_str().unwrap_or_default().to_string())
        .collect()
}

fn negative_case<'a>(report: &'a Value, case: &str) -> &'a Value {
    report["negative_tests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["case"] == case)
        .unwrap_or_else(|| {
            panic!(
                "no negative-test case `{case}`: {}",
                report["negative_tests"]
            )
        })
}

// ---------------------------------------------------------------------------------
// 1. Areas
// ---------------------------------------------------------------------------------

struct AreaCase {
    area: &'static str,
    path: &'static str,
    text: &'static str,
    /// The line the evidence must name; `None` for a path signal.
    line: Option<u64>,
}

const AREA_CASES: &[AreaCase] = &[
    AreaCase {
        area: "PASSWORD",
        path: "app/accounts/hashing.py",
        text: "import bcrypt\n\n\ndef hash_secret(raw: str) -> bytes:\n    return bcrypt.hashpw(raw.encode(), bcrypt.gensalt(rounds=12))\n",
        line: Some(1),
    },
    AreaCase {
        area: "SESSION",
        path: "src/server.js",
        text: "const express = require(\"express\");\nconst session = require(\"express-session\");\n\nconst app = express();\napp.use(session({ secret: process.env.SESSION_SECRET, resave: false, saveUninitialized: false }));\nmodule.exports = app;\n",
        line: Some(2),
    },
    AreaCase {
        area: "TOKEN",
        path: "internal/auth/verify.go",
        text: "package auth\n\nimport \"github.com/golang-jwt/jwt/v5\"\n\nfunc Parse(raw string, key []byte) (*jwt.Token, error) {\n\treturn jwt.Parse(raw, func(t *jwt.Token) (interface{}, error) { return key, nil }, jwt.WithValidMethods([]string{\"HS256\"}))\n}\n",
        line: Some(3),
    },
    AreaCase {
        area: "OAUTH",
        path: "app/login.py",
        text: "from authlib.integrations.flask_client import OAuth\n\noauth = OAuth()\noauth.register(\"github\", authorize_url=\"https://github.com/login/oauth/authorize\")\n",
        line: Some(1),
    },
    AreaCase {
        area: "MFA",
        path: "app/mfa.py",
        text: "import pyotp\n\n\ndef verify_code(user, code):\n    return pyotp.TOTP(user.otp_secret).verify(code, valid_window=1)\n",
        line: Some(1),
    },
    AreaCase {
        area: "RECOVERY",
        path: "src/routes/reset.js",
        text: "const router = require(\"express\").Router();\n\nrouter.post(\"/reset\", async (req, res) => {\n  const resetToken = await issueResetToken(req.body.email);\n  await mailer.send(req.body.email, resetToken);\n  res.status(202).end();\n});\nmodule.exports = router;\n",
        line: Some(4),
    },
    AreaCase {
        area: "SECRETS",
        path: "src/main/java/com/acme/billing/StripeClient.java",
        text: "package com.acme.billing;\n\npublic class StripeClient {\n    private final String apiKey = System.getenv(\"STRIPE_API_KEY\");\n}\n",
        line: Some(4),
    },
    AreaCase {
        area: "SECRETS",
        path: "deploy/.env.production",
        text: "DATABASE_URL=postgres://db.internal/shop\n",
        line: None,
    },
    AreaCase {
        area: "CRYPTO",
        path: "src/main/java/com/acme/webhooks/Signature.java",
        text: "package com.acme.webhooks;\n\nimport javax.crypto.Mac;\nimport javax.crypto.spec.SecretKeySpec;\n\npublic class Signature {\n    static byte[] sign(byte[] key, byte[] body) throws Exception {\n        Mac mac = Mac.getInstance(\"HmacSHA256\");\n        mac.init(new SecretKeySpec(key, \"HmacSHA256\"));\n        return mac.doFinal(body);\n    }\n}\n",
        line: Some(3),
    },
    AreaCase {
        area: "AUTHZ",
        path: "app/reports/views.py",
        text: "from django.contrib.auth.decorators import login_required\nfrom django.shortcuts import render\n\n\n@login_required\ndef monthly(request):\n    return render(request, \"reports/monthly.html\")\n",
        line: Some(1),
    },
    AreaCase {
        area: "IDENTITY-MIGRATION",
        path: "db/migrations/0042_add_mfa.sql",
        text: "-- Second factor for staff accounts.\nALTER TABLE users ADD COLUMN mfa_enabled boolean NOT NULL DEFAULT false;\n",
        line: Some(2),
    },
    AreaCase {
        area: "AUTH-CONFIG",
        path: "config/application.yml",
        text: "server:\n  port: 8080\nspring:\n  security:\n    oauth2:\n      resourceserver:\n        jwt:\n          issuer-uri: https://auth.example.com/realms/acme\n",
        line: Some(4),
    },
    AreaCase {
        area: "CI-CREDENTIALS",
        path: ".github/workflows/deploy.yml",
        text: "name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}\n          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n          aws-region: eu-west-1\n",
        line: Some(9),
    },
    AreaCase {
        area: "GOVERNANCE",
        path: "internal/store/query.go",
        text: "package store\n\nimport \"database/sql\"\n\nfunc Find(db *sql.DB, q string) (*sql.Rows, error) {\n\treturn db.Query(q) // nosemgrep: go.lang.security.audit.database.string-formatted-query\n}\n",
        line: Some(6),
    },
    AreaCase {
        area: "GOVERNANCE",
        path: ".github/CODEOWNERS",
        text: "* @acme/maintainers\n",
        line: None,
    },
];

#[test]
fn every_area_is_recognised_with_evidence_naming_file_and_line() {
    let mut seen = std::collections::BTreeSet::new();
    for case in AREA_CASES {
        let (repo, base) = repo_with_readme();
        repo.write(case.path, case.text);
        let head = repo.commit(&format!("Touch {}", case.area));
        let (_, report) = repo.review_json(&["--base", &base, "--head", &head]);
        let evidence = report["areas"][case.area].as_array().unwrap_or_else(|| {
            panic!(
                "{}: area missing for {}; areas: {:?}",
                case.area,
                case.path,
                area_names(&report)
            )
        });
        let found = evidence
            .iter()
            .any(|e| e["path"] == case.path && e["line"].as_u64() == case.line);
        assert!(
            found,
            "{}: no evidence at {}:{:?}; evidence: {}",
            case.area,
            case.path,
            case.line,
            serde_json::to_string_pretty(evidence).unwrap()
        );
        for e in evidence {
            for key in ["path", "side", "trigger", "matched"] {
                assert!(
                    e[key].as_str().is_some_and(|s| !s.is_empty()),
                    "{}: evidence without `{key}`: {e}",
                    case.area
                );
            }
            if e["side"] == "path" {
                assert!(e.get("line").is_none(), "{}: {e}", case.area);
            }
        }
        assert_ne!(report["tier"], "none", "{}", case.area);
        seen.insert(case.area);
    }
    assert_eq!(seen.len(), 13, "every area has a case: {seen:?}");
}

// ---------------------------------------------------------------------------------
// 2. Look-alikes
// ---------------------------------------------------------------------------------

#[test]
fn look_alikes_stay_unclassified_and_pass() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "a nextPageToken field",
            "src/api/list.ts",
            "export async function listAll(fetchPage) {\n  let pageToken = undefined;\n  const all = [];\n  do {\n    const { items, nextPageToken } = await fetchPage(pageToken);\n    all.push(...items);\n    pageToken = nextPageToken;\n  } while (pageToken);\n  return all;\n}\n",
        ),
        (
            "a password label in a translation file",
            "src/locales/en.json",
            "{\n  \"password\": \"Password\",\n  \"forgot_password\": \"Forgot your password?\",\n  \"session_expired\": \"Your session has expired\"\n}\n",
        ),
        (
            "a password CSS class",
            "web/styles/login.css",
            ".password-field {\n  border: 1px solid #ccc;\n}\n",
        ),
        (
            "a comment mentioning the session",
            "app/cart.py",
            "# The session cookie is set by the gateway; this module only totals the cart.\ndef total(items):\n    return sum(i.price for i in items)\n",
        ),
        (
            "a SQLAlchemy db.session",
            "app/repository.py",
            "from app.models import db\n\n\ndef save(item):\n    db.session.add(item)\n    db.session.commit()\n",
        ),
    ];
    // One change holding all of them: each binary run loads the rule pack, so one
    // review keeps the test quick; evidence names the file that was classified.
    let (repo, base) = repo_with_readme();
    for (_, path, text) in cases {
        repo.write(path, text);
    }
    let head = repo.commit("Unrelated changes");
    let (run, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let what: Vec<&str> = cases.iter().map(|c| c.0).collect();
    assert!(
        area_names(&report).is_empty(),
        "look-alikes classified: {}",
        serde_json::to_string_pretty(&report["areas"]).unwrap()
    );
    assert_eq!(
        (
            run.code,
            report["decision"].as_str(),
            report["tier"].as_str()
        ),
        (0, Some("pass"), Some("none")),
        "{what:?}: {}",
        report["reasons"]
    );
    assert_eq!(report["files"].as_array().unwrap().len(), cases.len());
    assert!(report["new_findings"].as_array().unwrap().is_empty());
}

// ---------------------------------------------------------------------------------
// 3. AI provenance
// ---------------------------------------------------------------------------------

#[test]
fn ai_provenance_raises_a_high_tier_change_to_critical() {
    let repo = Repo::new();
    repo.write(
        "app/webhooks.py",
        "def same(expected, given):\n    return expected == given\n",
    );
    let base = repo.commit("Webhook signature check");
    repo.write(
        "app/webhooks.py",
        "import hmac\n\n\ndef same(expected, given):\n    return hmac.compare_digest(expected, given)\n",
    );
    let human = repo.commit("Compare webhook signatures in constant time");

    let (_, report) = repo.review_json(&["--base", &base, "--head", &human]);
    assert_eq!(area_names(&report), ["CRYPTO"]);
    assert_eq!(report["tier"], "high", "{}", report["tier_reasons"]);
    assert_eq!(report["provenance"]["ai_assisted"], false);
    assert!(report["provenance"]["commits"]
        .as_array()
        .unwrap()
        .is_empty());

    for (flag, value, reason) in [
        ("--branch", "copilot/fix-x", "copilot/"),
        ("--label", "ai-assisted", "ai-assisted"),
    ] {
        let (_, report) = repo.review_json(&["--base", &base, "--head", &human, flag, value]);
        assert_eq!(report["tier"], "critical", "{flag} {value}");
        assert_eq!(report["provenance"]["ai_assisted"], true, "{flag} {value}");
        assert!(
            strs(&report["provenance"]["reasons"])
                .iter()
                .any(|r| r.contains(reason)),
            "{flag} {value}: {}",
            report["provenance"]
        );
        assert!(
            strs(&report["tier_reasons"])
                .iter()
                .any(|r| r.contains("AI-assisted") && r.contains("critical")),
            "{}",
            report["tier_reasons"]
        );
    }
    // A branch or label that is not on the lists changes nothing.
    let (_, report) = repo.review_json(&[
        "--base",
        &base,
        "--head",
        &human,
        "--branch",
        "feature/copilot-docs",
        "--label",
        "security",
    ]);
    assert_eq!(report["tier"], "high");

    repo.write(
        "app/webhooks.py",
        "import hmac\n\n\ndef same(expected: bytes, given: bytes) -> bool:\n    return hmac.compare_digest(expected, given)\n",
    );
    let ai =
        repo.commit("Type the signature check\n\nCo-authored-by: Claude <noreply@anthropic.com>");
    let (_, report) = repo.review_json(&["--base", &base, "--head", &ai]);
    assert_eq!(report["tier"], "critical", "{}", report["tier_reasons"]);
    let provenance = &report["provenance"];
    assert_eq!(provenance["ai_assisted"], true);
    let commits = provenance["commits"].as_array().unwrap();
    assert_eq!(commits.len(), 1, "only the trailer commit: {provenance}");
    assert_eq!(commits[0]["sha"], ai.as_str());
    assert!(
        strs(&commits[0]["reasons"])
            .iter()
            .any(|r| r.contains("Claude")),
        "{provenance}"
    );
    assert!(
        strs(&provenance["reasons"])
            .iter()
            .any(|r| r.contains(&ai[..12])),
        "{provenance}"
    );
}

// ---------------------------------------------------------------------------------
// 4. Removed controls
// ---------------------------------------------------------------------------------

fn removed(report: &Value) -> Vec<(String, String, u64)> {
    report["removed_controls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["rule_id"].as_str().unwrap().to_string(),
                r["path"].as_str().unwrap().to_string(),
                r["line"].as_u64().unwrap(),
            )
        })
        .collect()
}

const DJANGO_VIEW: &str = "from django.http import HttpResponse\nfrom django.views.decorators.csrf import csrf_protect\n\n\n@csrf_protect\ndef transfer(request):\n    return HttpResponse(\"ok\")\n";
const FLASK_APP: &str = "from flask import Flask\nfrom flask_wtf.csrf import CSRFProtect\n\napp = Flask(__name__)\nCSRFProtect(app)\n";
const PINNED_DECODE: &str = "import jwt\n\n\ndef claims(token, key):\n    return jwt.decode(token, key, algorithms=[\"RS256\"], audience=\"api\", issuer=\"https://auth.example.com\", options={\"require\": [\"exp\"]})\n";

#[test]
fn removing_a_control_is_reported_and_blocks() {
    let repo = Repo::new();
    repo.write("app/views.py", DJANGO_VIEW)
        .write("app/__init__.py", FLASK_APP)
        .write("app/tokens.py", PINNED_DECODE);
    let base = repo.commit("Views, app and token check");
    repo.write("app/views.py", &DJANGO_VIEW.replace("@csrf_protect\n", ""));
    repo.write(
        "app/__init__.py",
        &FLASK_APP.replace("CSRFProtect(app)\n", ""),
    )
    .write(
        "app/tokens.py",
        &PINNED_DECODE.replace("algorithms=[\"RS256\"], ", ""),
    );
    let head = repo.commit("Simplify");
    let (run, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let removed = removed(&report);
    let expected = [
        ("pyjwt-decode-with-algorithm-allow-list", "app/tokens.py", 5),
        ("python-csrf-protect", "app/__init__.py", 5),
        ("python-django-csrf-protect-decorator", "app/views.py", 5),
    ];
    for (rule, path, line) in &expected {
        assert!(
            removed
                .iter()
                .any(|(r, p, l)| r == rule && p == path && l == line),
            "{rule} at {path}:{line} not in {removed:?}"
        );
    }
    assert_eq!(removed.len(), expected.len(), "{removed:?}");
    assert_eq!(report["decision"], "block");
    assert_eq!(run.code, 1);
    let reasons = field_of(&report, "reasons", "text");
    for (rule, _, _) in &expected {
        assert!(
            reasons
                .iter()
                .any(|r| r.contains("removed control") && r.contains(rule)),
            "{rule}: {reasons:?}"
        );
    }
    // The removed controls classify the change even without a signal.
    let areas = area_names(&report);
    assert!(areas.contains(&"SESSION".to_string()), "{areas:?}");
    assert!(areas.contains(&"TOKEN".to_string()), "{areas:?}");

    // SARIF: the same writer as scan, valid against the schema, one result per
    // removed control, anchored at its line in base.
    let run = repo.review(&["--base", &base, "--head", &head, "--format", "sarif"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let sarif = json(&run);
    let validator = jsonschema::validator_for(&sarif_schema()).expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    let removed_results: Vec<&Value> = results
        .iter()
        .filter(|r| r["ruleId"] == "removed-control")
        .collect();
    assert_eq!(removed_results.len(), expected.len(), "{results:?}");
    for (rule, path, line) in &expected {
        assert!(
            removed_results.iter().any(|r| {
                let at = &r["locations"][0]["physicalLocation"];
                at["artifactLocation"]["uri"] == *path
                    && at["region"]["startLine"] == *line
                    && r["message"]["text"]
                        .as_str()
                        .unwrap_or_default()
                        .contains(rule)
            }),
            "{rule} at {path}:{line} not in {removed_results:?}"
        );
    }
}

#[test]
fn a_control_moved_or_renamed_within_the_change_is_not_removed() {
    let repo = Repo::new();
    repo.write("app/__init__.py", FLASK_APP)
        .write("app/views.py", DJANGO_VIEW)
        .write("app/tokens.py", PINNED_DECODE);
    let base = repo.commit("App");
    // CSRFProtect moves from the app module to a security module.
    repo.write(
        "app/__init__.py",
        "from flask import Flask\n\nfrom app.security import protect\n\napp = Flask(__name__)\nprotect(app)\n",
    )
    .write(
        "app/security.py",
        "from flask_wtf.csrf import CSRFProtect\n\n\ndef protect(app):\n    CSRFProtect(app)\n",
    );
    // The decorated view is renamed; the decorator stays on it.
    repo.write(
        "app/views.py",
        &DJANGO_VIEW.replace("def transfer(", "def transfer_funds("),
    );
    // The token module is renamed with its allow-listed decode.
    repo.remove("app/tokens.py")
        .write("app/jwt_claims.py", PINNED_DECODE);
    let head = repo.commit("Move CSRF setup to its own module; rename");
    let (_, report) = repo.review_json(&["--base", &base, "--head", &head]);
    assert!(
        removed(&report).is_empty(),
        "{}",
        report["removed_controls"]
    );
    assert!(
        !field_of(&report, "reasons", "text")
            .iter()
            .any(|r| r.contains("removed control")),
        "{}",
        report["reasons"]
    );
}

// ---------------------------------------------------------------------------------
// 5. Suppressions and policy
// ---------------------------------------------------------------------------------

const WEAK_HASH_RULE: &str = "python-weak-password-hash";
const WEAK_HASH: &str =
    "import hashlib\n\n\ndef legacy_digest(password):\n    return hashlib.md5(password.encode()).hexdigest()\n";

fn new_rule_ids(report: &Value) -> Vec<String> {
    field_of(report, "new_findings", "rule_id")
}

#[test]
fn a_suppression_added_by_the_change_suppresses_nothing() {
    let (repo, base) = repo_with_readme();
    repo.write(
        "app/legacy.py",
        &WEAK_HASH.replace(
            "    return",
            &format!("    # authgate: allow({WEAK_HASH_RULE}) owner=alice reason=\"x\" until=2099-01-01\n    return"),
        ),
    );
    let head = repo.commit("Legacy digest");
    // The suppression is well formed: a plain scan of head honours it.
    let scan = run_in(repo.path(), &["scan", ".", "--format", "json"]);
    assert!(
        !rule_ids(&json(&scan)).contains(&WEAK_HASH_RULE.to_string()),
        "{}",
        scan.stdout
    );

    let (run, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let finding = report["new_findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule_id"] == WEAK_HASH_RULE)
        .unwrap_or_else(|| panic!("finding suppressed: {}", report["new_findings"]));
    assert_eq!(finding["scope"], "changed-line");
    assert_eq!(finding["location"]["path"], "app/legacy.py");
    assert_eq!(finding["location"]["start_line"], 6);
    let added = report["added_suppressions"].as_array().unwrap();
    assert_eq!(added.len(), 1, "{added:?}");
    assert_eq!(added[0]["path"], "app/legacy.py");
    assert_eq!(added[0]["line"], 5);
    assert_eq!(strs(&added[0]["rules"]), [WEAK_HASH_RULE]);
    let governance = report["areas"]["GOVERNANCE"]
        .as_array()
        .unwrap_or_else(|| panic!("not GOVERNANCE: {:?}", area_names(&report)));
    assert!(
        governance
            .iter()
            .any(|e| e["path"] == "app/legacy.py" && e["line"] == 5),
        "{governance:?}"
    );
    assert_eq!(report["decision"], "block");
    assert_eq!(run.code, 1);
}

#[test]
fn a_policy_edit_in_the_change_relaxes_nothing() {
    let edits = [
        ("[rules] allow", format!("\n[rules]\n{WEAK_HASH_RULE} = \"allow\"\n")),
        (
            "a waiver",
            format!("\n[[waivers]]\nrule = \"{WEAK_HASH_RULE}\"\npath = \"app/**\"\nowner = \"alice\"\nreason = \"legacy import\"\nuntil = 2099-01-01\n"),
        ),
        (
            "tier and test relaxations",
            "\n[review]\non-missing-tests = \"warn\"\non-removed-control = \"warn\"\n\n[review.tiers]\nPASSWORD = \"low\"\n".to_string(),
        ),
    ];
    let base_policy = "[review.approvers.critical]\nmin = 1\n";
    for (what, edit) in edits {
        let repo = Repo::new();
        repo.write("authgate.toml", base_policy)
            .write("README.md", "# shop\n");
        let base = repo.commit("Policy");
        repo.write("authgate.toml", &format!("{base_policy}{edit}"))
            .write("app/legacy.py", WEAK_HASH);
        let head = repo.commit("Legacy digest");
        // The edited policy would relax a scan of head.
        if what != "tier and test relaxations" {
            let scan = run_in(repo.path(), &["scan", ".", "--format", "json"]);
            assert!(
                !rule_ids(&json(&scan)).contains(&WEAK_HASH_RULE.to_string()),
                "{what}: {}",
                scan.stdout
            );
        }

        let (run, report) = repo.review_json(&["--base", &base, "--head", &head]);
        assert!(
            new_rule_ids(&report).contains(&WEAK_HASH_RULE.to_string()),
            "{what}: {}",
            report["new_findings"]
        );
        assert_eq!(
            report["policy"],
            format!("authgate.toml@{}", &base[..12]),
            "{what}"
        );
        let governance = report["areas"]["GOVERNANCE"]
            .as_array()
            .unwrap_or_else(|| panic!("{what}: not GOVERNANCE: {:?}", area_names(&report)));
        assert!(
            governance.iter().any(|e| e["path"] == "authgate.toml"),
            "{what}: {governance:?}"
        );
        assert_eq!(report["tier"], "critical", "{what}");
        assert_eq!(report["decision"], "block", "{what}");
        assert_eq!(run.code, 1, "{what}");
    }
}

#[test]
fn a_suppression_present_in_base_still_works() {
    let repo = Repo::new();
    repo.write(
        "app/legacy.py",
        &WEAK_HASH.replace(
            "    return",
            &format!("    # authgate: allow({WEAK_HASH_RULE}) owner=alice reason=\"legacy import\" until=2099-01-01\n    return"),
        ),
    );
    let base = repo.commit("Legacy digest, suppressed");
    // The change edits the suppressed line itself.
    let text = std::fs::read_to_string(repo.path().join("app/legacy.py")).unwrap();
    repo.write(
        "app/legacy.py",
        &text.replace("password.encode()", "password.encode(\"utf-8\")"),
    );
    let head = repo.commit("Encode explicitly");
    let (_, report) = repo.review_json(&["--base", &base, "--head", &head]);
    assert!(
        !new_rule_ids(&report).contains(&WEAK_HASH_RULE.to_string()),
        "{}",
        report["new_findings"]
    );
    assert!(
        report["added_suppressions"].as_array().unwrap().is_empty(),
        "{}",
        report["added_suppressions"]
    );
    assert!(
        !area_names(&report).contains(&"GOVERNANCE".to_string()),
        "{:?}",
        report["areas"]
    );
}

// ---------------------------------------------------------------------------------
// 6. Negative tests
// ---------------------------------------------------------------------------------

const TOKEN_MODULE: &str = "import jwt\n\n\ndef verify(token, key):\n    return jwt.decode(token, key, algorithms=[\"RS256\"], audience=\"api\", issuer=\"https://auth.example.com\", options={\"require\": [\"exp\"]})\n";

const EXPIRED_TEST: &str = "import datetime\n\nimport jwt\n\nfrom app.auth import tokens\n\n\ndef test_expired_token_rejected(client, key):\n    past = datetime.datetime.utcnow() - datetime.timedelta(hours=1)\n    token = jwt.encode({\"sub\": \"u1\", \"exp\": past}, key, algorithm=\"RS256\")\n    resp = client.get(\"/me\", headers={\"Authorization\": f\"Bearer {token}\"})\n    assert resp.status_code == 401\n";

const NAME_ONLY_TEST: &str = "from app.auth import tokens\n\n\ndef test_expired_token_rejected(client, valid_token):\n    resp = client.get(\"/me\", headers={\"Authorization\": f\"Bearer {valid_token}\"})\n    assert resp.status_code == 200\n";

/// Base: a placeholder token module. Returns the repository and base SHA.
fn token_repo() -> (Repo, String) {
    let repo = Repo::new();
    repo.write(
        "app/auth/tokens.py",
        "def verify(token, key):\n    raise NotImplementedError\n",
    )
    .write("app/auth/__init__.py", "");
    let base = repo.commit("Token module stub");
    (repo, base)
}

#[test]
fn a_test_that_sends_an_expired_token_and_expects_401_covers_expired() {
    let (repo, base) = token_repo();
    repo.write("app/auth/tokens.py", TOKEN_MODULE)
        .write("tests/test_tokens.py", EXPIRED_TEST);
    let head = repo.commit("Verify tokens");
    let (_, report) = repo.review_json(&["--base", &base, "--head", &head]);
    assert!(area_names(&report).contains(&"TOKEN".to_string()));
    let expired = negative_case(&report, "expired");
    assert_eq!(expired["status"], "covered", "{expired}");
    assert_eq!(expired["path"], "tests/test_tokens.py");
    assert_eq!(expired["line"], 8);
    assert_eq!(expired["area"], "TOKEN");
    // Sending a well-formed `Bearer {token}` header is not a malformed-header test.
    for case in [
        "bad-signature",
        "wrong-audience",
        "wrong-issuer",
        "malformed-header",
    ] {
        assert_eq!(
            negative_case(&report, case)["status"],
            "missing",
            "{case}: {}",
            report["negative_tests"]
        );
    }
    assert_eq!(strs(&report["tests_read"]), ["tests/test_tokens.py"]);
    assert_eq!(report["decision"], "block");
}

#[test]
fn a_test_only_named_for_the_case_is_name_only() {
    let (repo, base) = token_repo();
    repo.write("app/auth/tokens.py", TOKEN_MODULE)
        .write("tests/test_tokens.py", NAME_ONLY_TEST);
    let head = repo.commit("Verify tokens");
    let (_, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let expired = negative_case(&report, "expired");
    assert_eq!(expired["status"], "name-only", "{expired}");
    assert_eq!(expired["path"], "tests/test_tokens.py");
    assert_eq!(expired["line"], 4);
    assert!(
        expired["why"].as_str().unwrap().contains("named"),
        "{expired}"
    );
    assert!(
        field_of(&report, "reasons", "text")
            .iter()
            .any(|r| r.contains("an expired token is rejected")),
        "{}",
        report["reasons"]
    );
    assert_eq!(report["decision"], "block");
}

#[test]
fn without_a_test_every_case_is_missing() {
    let (repo, base) = token_repo();
    repo.write("app/auth/tokens.py", TOKEN_MODULE);
    let head = repo.commit("Verify tokens");
    let (run, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let cases = report["negative_tests"].as_array().unwrap();
    assert_eq!(
        field_of(&report, "negative_tests", "case"),
        [
            "expired",
            "bad-signature",
            "wrong-audience",
            "wrong-issuer",
            "malformed-header"
        ]
    );
    assert!(cases.iter().all(|c| c["status"] == "missing"), "{cases:?}");
    assert!(report["tests_read"].as_array().unwrap().is_empty());
    assert_eq!(report["decision"], "block");
    assert_eq!(run.code, 1);
}

#[test]
fn an_unchanged_test_in_base_that_imports_the_module_counts() {
    let repo = Repo::new();
    repo.write(
        "app/auth/tokens.py",
        "def verify(token, key):\n    raise NotImplementedError\n",
    )
    .write("app/auth/__init__.py", "")
    .write("tests/test_tokens.py", EXPIRED_TEST)
    .write(
        "tests/test_cart.py",
        "def test_total():\n    assert 1 + 1 == 2\n",
    );
    let base = repo.commit("Token module stub and its tests");
    repo.write("app/auth/tokens.py", TOKEN_MODULE);
    let head = repo.commit("Verify tokens");
    let (_, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let expired = negative_case(&report, "expired");
    assert_eq!(expired["status"], "covered", "{expired}");
    assert_eq!(expired["path"], "tests/test_tokens.py");
    // Only the test that refers to the module is read.
    assert_eq!(strs(&report["tests_read"]), ["tests/test_tokens.py"]);
}

// ---------------------------------------------------------------------------------
// 7. CODEOWNERS and approvals
// ---------------------------------------------------------------------------------

const ALL_TOKEN_TESTS: &str = r#"import datetime

import jwt

from app.auth import x


def test_expired_token_rejected(client, key):
    past = datetime.datetime.utcnow() - datetime.timedelta(hours=1)
    token = jwt.encode({"sub": "u1", "exp": past}, key, algorithm="RS256")
    resp = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 401


def test_bad_signature_rejected(client):
    token = jwt.encode({"sub": "u1"}, "attacker-secret", algorithm="HS256")
    resp = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 401


def test_wrong_audience_rejected(client, key):
    token = jwt.encode({"sub": "u1", "aud": "other-api"}, key, algorithm="RS256")
    resp = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 401


def test_wrong_issuer_rejected(client, key):
    token = jwt.encode({"sub": "u1", "iss": "https://evil.example"}, key, algorithm="RS256")
    resp = client.get("/me", headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code == 401


def test_malformed_header_rejected(client):
    resp = client.get("/me", headers={"Authorization": "Bearer not-a-jwt"})
    assert resp.status_code == 401
"#;

/// Base: CODEOWNERS giving app/auth/ to @org/iam and a policy asking one approval at
/// critical. The change (two commits) verifies tokens in app/auth/x.py with every
/// negative test. Returns the repository, base, the first commit and head.
fn owned_token_change() -> (Repo, String, String, String) {
    let repo = Repo::new();
    repo.write(
        ".github/CODEOWNERS",
        "# Identity code\n/app/auth/ @org/iam\n",
    )
    .write("authgate.toml", "[review.approvers.critical]\nmin = 1\n")
    .write("app/auth/__init__.py", "")
    .write(
        "app/auth/x.py",
        "def verify(token, key):\n    raise NotImplementedError\n",
    );
    let base = repo.commit("Auth package");
    repo.write("app/auth/x.py", TOKEN_MODULE);
    let first = repo.commit("Verify tokens");
    repo.write("tests/test_x.py", ALL_TOKEN_TESTS);
    let head = repo.commit("Negative tests for token verification");
    (repo, base, first, head)
}

fn approvals_file(dir: &Path, name: &str, approvals: &[(&str, &[&str], &str)]) -> String {
    let list: Vec<Value> = approvals
        .iter()
        .map(|(user, teams, sha)| serde_json::json!({"user": user, "teams": teams, "sha": sha}))
        .collect();
    let path = dir.join(name);
    std::fs::write(
        &path,
        serde_json::to_string_pretty(&serde_json::json!({"author": "alice", "approvals": list}))
            .unwrap(),
    )
    .unwrap();
    path.to_str().unwrap().to_string()
}

fn judged<'a>(report: &'a Value, user: &str) -> &'a Value {
    report["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["user"] == format!("@{user}"))
        .unwrap_or_else(|| panic!("no approval by {user}: {}", report["approvals"]))
}

#[test]
fn a_code_owner_approval_of_head_with_every_negative_test_passes() {
    let (repo, base, _, head) = owned_token_change();
    let outside = tempfile::tempdir().unwrap();
    let file = approvals_file(
        outside.path(),
        "approvals.json",
        &[("bob", &["org/iam"], &head)],
    );
    let (run, report) = repo.review_json(&["--base", &base, "--head", &head, "--approvals", &file]);
    assert_eq!(report["tier"], "critical");
    assert!(area_names(&report).contains(&"TOKEN".to_string()));
    assert!(
        report["negative_tests"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["status"] == "covered"),
        "{}",
        report["negative_tests"]
    );
    let requirements = report["requirements"].as_array().unwrap();
    assert!(
        requirements.iter().all(|r| r["met"] == true),
        "{requirements:?}"
    );
    let owner = requirements
        .iter()
        .find(|r| strs(&r["who"]).contains(&"@org/iam".to_string()))
        .unwrap_or_else(|| panic!("no code-owner requirement: {requirements:?}"));
    assert_eq!(
        owner["source"],
        format!(".github/CODEOWNERS@{}:2", &base[..12])
    );
    assert_eq!(judged(&report, "bob")["counted"], true);
    assert_eq!(report["decision"], "pass", "{}", report["reasons"]);
    assert_eq!(run.code, 0, "{}", run.stderr);

    // Without the code owner, one approval meets the minimum but not CODEOWNERS.
    let file = approvals_file(
        outside.path(),
        "carol.json",
        &[("carol", &["org/web"], &head)],
    );
    let (run, report) = repo.review_json(&["--base", &base, "--head", &head, "--approvals", &file]);
    assert_eq!(report["decision"], "needs-approval");
    assert_eq!(run.code, 1);
    assert!(
        field_of(&report, "reasons", "text")
            .iter()
            .any(|r| r.contains("code owner of app/auth/x.py")),
        "{}",
        report["reasons"]
    );
}

#[test]
fn self_approval_stale_approval_and_working_tree_do_not_count() {
    let (repo, base, first, head) = owned_token_change();
    let outside = tempfile::tempdir().unwrap();

    let own = approvals_file(
        outside.path(),
        "own.json",
        &[("Alice", &["org/iam"], &head)],
    );
    let stale = approvals_file(
        outside.path(),
        "stale.json",
        &[("bob", &["org/iam"], &first)],
    );
    for (what, file, user, why) in [
        ("self-approval", &own, "alice", "author"),
        ("stale approval", &stale, "bob", &first[..12]),
    ] {
        let (run, report) =
            repo.review_json(&["--base", &base, "--head", &head, "--approvals", file]);
        let approval = judged(&report, user);
        assert_eq!(approval["counted"], false, "{what}: {approval}");
        let why_not = approval["why_not"].as_str().unwrap_or_default();
        assert!(why_not.contains(why), "{what}: {why_not}");
        assert_eq!(report["decision"], "needs-approval", "{what}");
        assert_eq!(run.code, 1, "{what}");
        let unmet: Vec<&Value> = report["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|r| r["met"] == false)
            .collect();
        assert_eq!(unmet.len(), 2, "{what}: minimum and code owner: {unmet:?}");
    }
    let (_, report) = repo.review_json(&["--base", &base, "--head", &head, "--approvals", &stale]);
    assert!(
        judged(&report, "bob")["why_not"]
            .as_str()
            .unwrap()
            .contains(&head[..12]),
        "the reason names head too: {}",
        report["approvals"]
    );

    // Head is the working tree (same content as the head commit): nothing counts.
    let good = approvals_file(outside.path(), "good.json", &[("bob", &["org/iam"], &head)]);
    let (run, report) = repo.review_json(&["--base", &base, "--approvals", &good]);
    assert_eq!(report["head"], Value::Null);
    let approval = judged(&report, "bob");
    assert_eq!(approval["counted"], false);
    assert!(
        approval["why_not"]
            .as_str()
            .unwrap()
            .contains("working tree"),
        "{approval}"
    );
    assert_eq!(report["decision"], "needs-approval");
    assert_eq!(run.code, 1);
    assert!(
        field_of(&report, "diagnostics", "message")
            .iter()
            .any(|m| m.contains("--head")),
        "{}",
        report["diagnostics"]
    );
}

// ---------------------------------------------------------------------------------
// 8. The PR comment
// ---------------------------------------------------------------------------------

/// SHAs (full and short) and the version vary between runs and releases.
fn redact_volatile(text: &str) -> String {
    let full = regex::Regex::new(r"\b[0-9a-f]{40}\b").unwrap();
    let short = regex::Regex::new(r"\b[0-9a-f]{12}\b").unwrap();
    let text = full.replace_all(text, "<sha>");
    short
        .replace_all(&text, "<short-sha>")
        .replace(env!("CARGO_PKG_VERSION"), "[version]")
}

#[test]
fn markdown_comment_snapshot() {
    // An assistant weakens token verification in a code-owned module: the allow-list
    // goes, the signature check is switched off, one negative test comes along.
    let repo = Repo::new();
    repo.write(".github/CODEOWNERS", "/app/auth/ @org/iam\n")
        .write("authgate.toml", "[review.approvers.critical]\nmin = 1\n")
        .write("app/auth/__init__.py", "")
        .write("app/auth/tokens.py", TOKEN_MODULE);
    let base = repo.commit("Token verification");
    repo.write(
        "app/auth/tokens.py",
        "import jwt\n\n\ndef verify(token, key):\n    return jwt.decode(token, key, options={\"verify_signature\": False})\n",
    )
    .write("tests/test_tokens.py", EXPIRED_TEST);
    let head = repo.commit(
        "Fix token decoding for the mobile client\n\nCo-authored-by: Claude <noreply@anthropic.com>",
    );
    let outside = tempfile::tempdir().unwrap();
    let file = approvals_file(
        outside.path(),
        "approvals.json",
        &[("alice", &["org/iam"], &head), ("bob", &["org/web"], &head)],
    );
    let run = repo.review(&[
        "--base",
        &base,
        "--head",
        &head,
        "--approvals",
        &file,
        "--branch",
        "claude/fix-mobile-tokens",
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let markdown = redact_volatile(&run.stdout);
    assert!(!markdown.contains(&head[..12]));
    insta::assert_snapshot!(markdown);
}

// ---------------------------------------------------------------------------------
// 9. Bad input
// ---------------------------------------------------------------------------------

#[test]
fn an_unknown_base_revision_is_an_error_naming_it() {
    let (repo, _) = repo_with_readme();
    let run = repo.review(&["--base", "release/does-not-exist"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, "release/does-not-exist");
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    let run = repo.review(&["--base", "HEAD", "--head", "no-such-head"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, "no-such-head");
}

#[test]
fn a_shallow_clone_missing_the_base_says_to_fetch() {
    let repo = Repo::new();
    let mut shas = Vec::new();
    for i in 1..=3 {
        repo.write("app.py", &format!("VERSION = {i}\n"));
        shas.push(repo.commit(&format!("Release {i}")));
    }
    let clones = tempfile::tempdir().unwrap();
    let url = format!("file://{}", repo.path().display());
    git_in(
        clones.path(),
        &["clone", "-q", "--depth", "1", &url, "shallow"],
    );
    let shallow = clones.path().join("shallow");
    let run = run_in(
        &shallow,
        &[
            "review",
            "--repo",
            shallow.to_str().unwrap(),
            "--base",
            &shas[0],
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, &shas[0]);
    assert_contains(&run.stderr, "shallow");
    assert_contains(&run.stderr, "fetch");
}

#[test]
fn binary_and_huge_files_are_warned_about_and_the_review_completes() {
    let (repo, base) = repo_with_readme();
    repo.write_bytes(
        "assets/favicon.dat",
        b"\x00\x01\x02GIF89a\x00\xff\xfe password \x00",
    );
    let line = format!("FIXTURE = \"{}\"\n", "x".repeat(600));
    repo.write("tests/data/fixtures.py", &line.repeat(2000));
    repo.write("app/hello.py", "def hello():\n    return \"hi\"\n");
    let head = repo.commit("Assets, fixtures");
    let (run, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let warning_for = |path: &str, needle: &str| {
        diagnostics.iter().any(|d| {
            d["level"] == "warning"
                && d["path"] == path
                && d["message"].as_str().unwrap().contains(needle)
        })
    };
    assert!(
        warning_for("assets/favicon.dat", "binary"),
        "{diagnostics:?}"
    );
    assert!(
        warning_for("tests/data/fixtures.py", "limit"),
        "{diagnostics:?}"
    );
    assert_eq!(report["files"].as_array().unwrap().len(), 3);
    assert_eq!(report["decision"], "pass");
    assert_eq!(run.code, 0);
    assert_contains(&run.stderr, "favicon.dat");
}

#[test]
fn a_malformed_codeowners_line_is_a_warning_naming_file_and_line() {
    let repo = Repo::new();
    repo.write(
        ".github/CODEOWNERS",
        "# owners\n/app/auth/ @org/iam\napp/billing/ billing-team\n",
    )
    .write(
        "app/auth/x.py",
        "def verify(token, key):\n    raise NotImplementedError\n",
    );
    let base = repo.commit("Owners");
    repo.write("app/auth/x.py", TOKEN_MODULE);
    let head = repo.commit("Verify tokens");
    let (run, report) = repo.review_json(&["--base", &base, "--head", &head]);
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == ".github/CODEOWNERS")
        .unwrap_or_else(|| panic!("no CODEOWNERS warning: {}", report["diagnostics"]));
    assert_eq!(warning["level"], "warning");
    assert_eq!(warning["line"], 3);
    assert_contains(warning["message"].as_str().unwrap(), "billing-team");
    assert_contains(&run.stderr, ".github/CODEOWNERS:3");
    // The good line still applies.
    assert!(
        report["requirements"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| strs(&r["who"]).contains(&"@org/iam".to_string())),
        "{}",
        report["requirements"]
    );
}

#[test]
fn a_malformed_approvals_file_is_an_error_with_its_position() {
    let (repo, base) = repo_with_readme();
    let outside = tempfile::tempdir().unwrap();
    let file = outside.path().join("approvals.json");
    std::fs::write(
        &file,
        "{\"author\": \"alice\",\n  \"approvals\": [\n    {\"user\": \"bob\",}\n  ]}\n",
    )
    .unwrap();
    let run = repo.review(&[
        "--base",
        &base,
        "--head",
        "HEAD",
        "--approvals",
        file.to_str().unwrap(),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_contains(&run.stderr, format!("{}:3:20", file.display()));
    assert!(run.stdout.is_empty(), "{}", run.stdout);
}

#[test]
fn the_decision_log_gets_one_line_per_run_and_no_secret() {
    let repo = Repo::new();
    repo.write("authgate.toml", "[review.approvers.critical]\nmin = 1\n")
        .write("app/settings.py", "DEBUG = False\n");
    let base = repo.commit("Settings");
    let key = ["AKIA", "Q7XK2M4PLR9TZW3B"].concat();
    repo.write(
        "app/settings.py",
        &format!("DEBUG = False\nAWS_ACCESS_KEY_ID = \"{key}\"\n"),
    );
    let head = repo.commit("Deploy settings");
    let outside = tempfile::tempdir().unwrap();
    let log = outside.path().join("decisions.jsonl");
    let log_arg = log.to_str().unwrap();
    for _ in 0..2 {
        let (_, report) = repo.review_json(&["--base", &base, "--head", &head, "--log", log_arg]);
        assert!(
            area_names(&report).contains(&"SECRETS".to_string()),
            "{:?}",
            report["areas"]
        );
        assert!(
            !new_rule_ids(&report).is_empty(),
            "the key is a new finding: {}",
            report["new_findings"]
        );
    }
    let text = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    for line in lines {
        let entry: Value = serde_json::from_str(line).unwrap();
        assert!(
            entry["time"].as_str().is_some_and(|t| t.contains('T')),
            "{entry}"
        );
        assert_eq!(entry["base"], base.as_str());
        assert_eq!(entry["head"], head.as_str());
        assert!(strs(&entry["areas"]).contains(&"SECRETS".to_string()));
        assert_eq!(entry["decision"], "block");
        let digest = entry["policy_sha256"].as_str().unwrap();
        assert!(
            digest.len() == 64 && digest.chars().all(|c| c.is_ascii_hexdigit()),
            "{digest}"
        );
        assert!(!line.contains(&key[4..]), "secret in the log: {line}");
        assert!(
            !line.contains("AWS_ACCESS_KEY_ID"),
            "code in the log: {line}"
        );
    }
}

// ---------------------------------------------------------------------------------
// Defaults and renames

#[test]
fn without_base_and_head_the_review_takes_the_merge_base_and_the_working_tree() {
    let (repo, base) = repo_with_readme();
    repo.git(&["checkout", "-q", "-b", "feature/login"]);
    repo.write("app/views.py", "def index(request):\n    return 'ok'\n");
    repo.commit("Add a view");
    // Uncommitted and untracked: the working tree is head.
    repo.write(
        "app/tokens.py",
        "import jwt\n\ndef claims(token):\n    return jwt.decode(token, options={\"verify_signature\": False})\n",
    );
    let (run, review) = repo.review_json(&[]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(review["base"]["sha"], base.as_str());
    assert_eq!(review["base"]["rev"], "merge-base with main");
    assert!(review["head"].is_null(), "head is the working tree");
    let files: Vec<&str> = review["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert!(
        files.contains(&"app/tokens.py") && files.contains(&"app/views.py"),
        "{files:?}"
    );
    assert!(review["areas"]["TOKEN"].is_array(), "{}", review["areas"]);
    let new: Vec<&str> = review["new_findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert!(
        new.contains(&"pyjwt-decode-without-verification"),
        "{new:?}"
    );
    assert_eq!(review["decision"], "block");
}

#[test]
fn a_renamed_file_keeps_its_findings_and_reports_only_what_is_new() {
    let repo = Repo::new();
    let flawed = "import jwt\n\ndef claims(token):\n    return jwt.decode(token, options={\"verify_signature\": False})\n";
    repo.write("app/auth.py", flawed);
    let base = repo.commit("base");
    repo.git(&["mv", "app/auth.py", "app/tokens.py"]);
    repo.write(
        "app/tokens.py",
        &format!("{flawed}\n\ndef unused():\n    return None\n"),
    );
    let head = repo.commit("Rename auth to tokens");
    let (_, review) = repo.review_json(&["--base", &base, "--head", &head]);
    let file = &review["files"][0];
    assert_eq!(file["status"], "renamed", "{file}");
    assert_eq!(file["old_path"], "app/auth.py");
    assert_eq!(file["path"], "app/tokens.py");
    assert_eq!(
        review["new_findings"].as_array().unwrap().len(),
        0,
        "the flaw was there before the rename: {}",
        review["new_findings"]
    );
    assert_eq!(review["fixed_findings"].as_array().unwrap().len(), 0);
}

#[test]
fn paths_with_spaces_quotes_and_non_ascii_are_followed_line_by_line() {
    let repo = Repo::new();
    let path = "app/sub dir/café \"x\".py";
    repo.write(path, "print(1)\n");
    let base = repo.commit("base");
    repo.write(
        path,
        "import jwt\nclaims = jwt.decode(t, options={\"verify_signature\": False})\n",
    );
    let head = repo.commit("decode");
    let (_, review) = repo.review_json(&["--base", &base, "--head", &head]);
    assert_eq!(review["files"][0]["path"], path);
    assert_eq!(review["files"][0]["added"], 2, "{}", review["files"]);
    assert_eq!(review["files"][0]["removed"], 1);
    let finding = &review["new_findings"][0];
    assert_eq!(finding["location"]["path"], path);
    assert_eq!(finding["scope"], "changed-line");
    assert_eq!(
        review["areas"]["TOKEN"][0]["line"], 1,
        "{}",
        review["areas"]
    );
}

//! Project facts and value tracking end to end, in each of the five languages: a
//! rule's `metadata.where` condition sees literals, assignments, module constants
//! and configuration values, and the finding names where the value came from.

mod common;

use common::*;

/// A rule reporting `hashWith($ALG)` (Python: `hash_with`) when ALG resolves to md5.
fn weak_rule(language: &str, call: &str) -> String {
    format!(
        "id: weak-hash-{language}\nlanguage: {language}\nrule:\n  pattern: {call}($ALG)\nmessage: weak hash\nnote: md5 is weak\nmetadata:\n  severity: high\n  control: CRYPTO\n  kind: flaw\n  keywords: [{call}]\n  where:\n    - value: ALG\n      matches: '(?i)^md5$'\n"
    )
}

/// A rule reporting `redirectTo($T)` when T comes from request data.
fn redirect_rule(language: &str) -> String {
    format!(
        "id: open-redirect-{language}\nlanguage: {language}\nrule:\n  pattern: redirectTo($T)\nmessage: open redirect\nnote: request data decides the target\nmetadata:\n  severity: high\n  control: REDIRECT\n  kind: flaw\n  keywords: [redirectTo]\n  where:\n    - value: T\n      from-request: true\n"
    )
}

struct Case<'a> {
    name: &'a str,
    files: Vec<(&'a str, &'a str)>,
    /// Expected finding line and a fragment of its evidence; `None`: no finding.
    expect: Option<(usize, &'a str)>,
}

fn check(rule: &str, cases: Vec<Case<'_>>) {
    for case in cases {
        let mut files = case.files.clone();
        files.push(("rules/rule.yml", rule));
        let dir = tree(&files);
        let run = run_in(
            dir.path(),
            &[
                "scan",
                "--rules",
                "rules",
                "--format",
                "json",
                "--exclude",
                "rules/**",
            ],
        );
        let report = json(&run);
        // Only the rule under test: lockfiles in a case also raise LIBS findings.
        let id = rule
            .lines()
            .find_map(|l| l.strip_prefix("id: "))
            .expect("the rule has an id");
        let findings: Vec<&serde_json::Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule_id"] == id)
            .collect();
        match case.expect {
            None => assert!(
                findings.is_empty(),
                "{}: expected no finding, got {findings:#?}",
                case.name
            ),
            Some((line, evidence)) => {
                assert_eq!(findings.len(), 1, "{}: {report:#}", case.name);
                assert_eq!(findings[0]["location"]["start_line"], line, "{}", case.name);
                let shown = findings[0]["evidence"].to_string();
                assert!(
                    shown.contains(evidence),
                    "{}: evidence {shown} lacks `{evidence}`",
                    case.name
                );
            }
        }
    }
}

#[test]
fn python_values_and_configuration() {
    check(
        &weak_rule("python", "hash_with"),
        vec![
            Case {
                name: "literal",
                files: vec![("a.py", "hash_with('md5')\n")],
                expect: Some((1, "")),
            },
            Case {
                name: "local assignment",
                files: vec![(
                    "a.py",
                    "def f():\n    alg = 'md5'\n    return hash_with(alg)\n",
                )],
                expect: Some((3, "assigned at line 2")),
            },
            Case {
                name: "reassigned to a safe value",
                files: vec![(
                    "a.py",
                    "def f():\n    alg = 'md5'\n    alg = 'sha256'\n    return hash_with(alg)\n",
                )],
                expect: None,
            },
            Case {
                name: "module constant",
                files: vec![(
                    "a.py",
                    "ALG = 'MD5'\n\ndef f():\n    return hash_with(ALG)\n",
                )],
                expect: Some((4, "module level, line 1")),
            },
            Case {
                name: ".env value",
                files: vec![
                    ("a.py", "import os\nhash_with(os.environ.get('HASH_ALG'))\n"),
                    (".env", "# local\nHASH_ALG=md5\n"),
                ],
                expect: Some((2, r#""line":2,"path":".env""#)),
            },
            Case {
                name: "settings module",
                files: vec![
                    (
                        "app/views.py",
                        "from django.conf import settings\nhash_with(settings.HASH_ALG)\n",
                    ),
                    ("app/settings.py", "DEBUG = False\nHASH_ALG = 'md5'\n"),
                ],
                expect: Some((2, r#""path":"app/settings.py""#)),
            },
            Case {
                name: "safe configured value",
                files: vec![
                    ("a.py", "import os\nhash_with(os.getenv('HASH_ALG'))\n"),
                    (".env", "HASH_ALG=argon2\n"),
                ],
                expect: None,
            },
            Case {
                name: "unconfigured key falls back to the default in code",
                files: vec![(
                    "a.py",
                    "import os\nhash_with(os.getenv('HASH_ALG', 'md5'))\n",
                )],
                expect: Some((2, "falls back to `md5`")),
            },
            Case {
                name: "unconfigured key without default is not a finding",
                files: vec![("a.py", "import os\nhash_with(os.getenv('HASH_ALG'))\n")],
                expect: None,
            },
        ],
    );
}

#[test]
fn javascript_and_typescript_values_and_configuration() {
    for (lang, ext) in [("javascript", "js"), ("typescript", "ts")] {
        let file = |name: &str| format!("src/{name}.{ext}");
        let (a, b, c, d) = (file("a"), file("b"), file("c"), file("d"));
        check(
            &weak_rule(lang, "hashWith"),
            vec![
                Case {
                    name: "const in function",
                    files: vec![(&a, "function f() {\n  const alg = 'md5';\n  return hashWith(alg);\n}\n")],
                    expect: Some((3, "assigned at line 2")),
                },
                Case {
                    name: "let reassigned",
                    files: vec![(&b, "function f() {\n  let alg = 'md5';\n  alg = 'sha512';\n  return hashWith(alg);\n}\n")],
                    expect: None,
                },
                Case {
                    name: "process.env with .env.production",
                    files: vec![(&c, "hashWith(process.env.HASH_ALG);\n"), (".env.production", "HASH_ALG=\"MD5\"\n")],
                    expect: Some((1, ".env.production")),
                },
                Case {
                    name: "config module JSON",
                    files: vec![(&d, "const config = require('config');\nhashWith(config.get('auth.hash'));\n"), ("config/default.json", "{\n  \"auth\": { \"hash\": \"md5\" }\n}\n")],
                    expect: Some((2, r#""line":2,"path":"config/default.json""#)),
                },
            ],
        );
    }
}

#[test]
fn go_values_and_configuration() {
    check(
        &weak_rule("go", "hashWith"),
        vec![
            Case {
                name: "short declaration",
                files: vec![("a.go", "package a\nfunc f() {\n\talg := \"md5\"\n\thashWith(alg)\n}\n")],
                expect: Some((4, "assigned at line 3")),
            },
            Case {
                name: "package constant",
                files: vec![("a.go", "package a\nconst alg = \"md5\"\nfunc f() {\n\thashWith(alg)\n}\n")],
                expect: Some((4, "module level")),
            },
            Case {
                name: "viper with YAML config",
                files: vec![("a.go", "package a\nfunc f() {\n\thashWith(viper.GetString(\"auth.hash\"))\n}\n"), ("config/app.yaml", "auth:\n  hash: md5\n")],
                expect: Some((3, r#""line":2,"path":"config/app.yaml""#)),
            },
            Case {
                name: "assigned a safe value",
                files: vec![("a.go", "package a\nfunc f() {\n\talg := \"md5\"\n\talg = \"sha3\"\n\thashWith(alg)\n}\n")],
                expect: None,
            },
        ],
    );
}

#[test]
fn java_values_and_configuration() {
    check(
        &weak_rule("java", "hashWith"),
        vec![
            Case {
                name: "static final field",
                files: vec![("A.java", "class A {\n  static final String ALG = \"MD5\";\n  void f() {\n    hashWith(ALG);\n  }\n}\n")],
                expect: Some((4, "module level, line 2")),
            },
            Case {
                name: "getProperty with application.properties",
                files: vec![
                    ("src/A.java", "class A {\n  void f(Environment env) {\n    String alg = env.getProperty(\"security.hash\");\n    hashWith(alg);\n  }\n}\n"),
                    ("src/main/resources/application.properties", "server.port=8080\nsecurity.hash=MD5\n"),
                ],
                expect: Some((4, r#""line":2,"path":"src/main/resources/application.properties""#)),
            },
            Case {
                name: "getProperty with application.yml",
                files: vec![
                    ("src/A.java", "class A {\n  void f(Environment env) {\n    hashWith(env.getProperty(\"security.hash\"));\n  }\n}\n"),
                    ("src/main/resources/application.yml", "security:\n  hash: md5\n"),
                ],
                expect: Some((3, "application.yml")),
            },
            Case {
                name: "configured safe value",
                files: vec![
                    ("src/A.java", "class A {\n  void f(Environment env) {\n    hashWith(env.getProperty(\"security.hash\"));\n  }\n}\n"),
                    ("src/main/resources/application.properties", "security.hash=SHA-512\n"),
                ],
                expect: None,
            },
        ],
    );
}

#[test]
fn request_data_reaching_a_sink() {
    let cases = [
        ("python", "a.py", "def view():\n    target = request.args.get('next')\n    return redirectTo(target)\n", Some(3)),
        ("python", "a.py", "def view():\n    target = '/home'\n    return redirectTo(target)\n", None),
        ("javascript", "a.js", "app.get('/l', (req, res) => {\n  const next = req.query.next;\n  redirectTo(next);\n});\n", Some(3)),
        ("go", "a.go", "package a\nfunc h(w http.ResponseWriter, r *http.Request) {\n\tnext := r.URL.Query().Get(\"next\")\n\tredirectTo(next)\n}\n", Some(4)),
        ("java", "A.java", "class A {\n  void h(HttpServletRequest request) {\n    String next = request.getParameter(\"next\");\n    redirectTo(next);\n  }\n}\n", Some(4)),
        ("java", "A.java", "class A {\n  void h() {\n    redirectTo(\"/home\");\n  }\n}\n", None),
    ];
    for (lang, file, code, expect) in cases {
        check(
            &redirect_rule(lang),
            vec![Case {
                name: file,
                files: vec![(file, code)],
                expect: expect.map(|l| (l, "comes from request data")),
            }],
        );
    }
}

#[test]
fn project_wide_absence() {
    let control = "id: csrf-protect-registered\nlanguage: python\nrule:\n  pattern: CSRFProtect($APP)\nmessage: CSRF protection registered\nnote: a protection\nmetadata:\n  severity: info\n  control: CSRF\n  kind: control\n  keywords: [CSRFProtect]\n";
    let flaw = "id: flask-app-without-csrf\nlanguage: python\nrule:\n  pattern: Flask($NAME)\nmessage: Flask app without CSRF protection\nnote: forms can be forged\nmetadata:\n  severity: medium\n  control: CSRF\n  kind: flaw\n  keywords: [Flask]\n  where:\n    - project:\n        absent: csrf-protect-registered\n";
    let without = tree(&[
        ("rules/a.yml", control),
        ("rules/b.yml", flaw),
        ("app.py", "app = Flask(__name__)\n"),
    ]);
    let report = json(&run_in(
        without.path(),
        &["scan", "--rules", "rules", "--format", "json"],
    ));
    assert_eq!(rule_ids(&report), vec!["flask-app-without-csrf"]);
    let with = tree(&[
        ("rules/a.yml", control),
        ("rules/b.yml", flaw),
        ("app.py", "app = Flask(__name__)\n"),
        ("ext.py", "from app import app\nCSRFProtect(app)\n"),
    ]);
    let report = json(&run_in(
        with.path(),
        &["scan", "--rules", "rules", "--format", "json"],
    ));
    assert!(rule_ids(&report).is_empty(), "{report:#}");
}

#[test]
fn malformed_configuration_is_a_warning_not_an_abort() {
    let dir = tree(&[
        ("rules/r.yml", &weak_rule("python", "hash_with")),
        ("config/broken.yaml", "auth:\n  hash: [md5\n"),
        ("a.py", "hash_with('md5')\n"),
    ]);
    let run = run_in(
        dir.path(),
        &["scan", "--rules", "rules", "--format", "json"],
    );
    let report = json(&run);
    assert_eq!(rule_ids(&report), vec!["weak-hash-python"]);
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "config/broken.yaml")
        .expect("a warning");
    assert!(warning["line"].as_u64().is_some());
    assert_contains(&run.stderr, "config/broken.yaml");
}

#[test]
fn dependency_versions_decide_version_specific_rules() {
    // passport regenerates the session at login from 0.6.0 on.
    let rule = "id: passport-login-without-regenerate\nlanguage: javascript\nrule:\n  pattern: req.login($USER, $CB)\nmessage: session not regenerated at login\nnote: session fixation\nmetadata:\n  severity: high\n  control: SES-FIX\n  kind: flaw\n  keywords: [req.login]\n  where:\n    - dependency: { ecosystem: npm, name: passport, version: '<0.6.0' }\n";
    let code =
        "app.post('/login', (req, res) => {\n  req.login(user, () => res.redirect('/'));\n});\n";
    let lock = |version: &str| {
        format!("{{\n  \"lockfileVersion\": 3,\n  \"packages\": {{\n    \"node_modules/passport\": {{\n      \"version\": \"{version}\"\n    }}\n  }}\n}}\n")
    };
    let old = lock("0.5.3");
    let new = lock("0.6.0");
    check(
        rule,
        vec![
            Case {
                name: "affected version",
                files: vec![("app.js", code), ("package-lock.json", &old)],
                expect: Some((2, "`passport` 0.5.3 is in `<0.6.0`")),
            },
            Case {
                name: "fixed version",
                files: vec![("app.js", code), ("package-lock.json", &new)],
                expect: None,
            },
            Case {
                name: "not a dependency",
                files: vec![("app.js", code)],
                expect: None,
            },
        ],
    );
    let pypi = "id: old-pyjwt\nlanguage: python\nrule:\n  pattern: jwt.decode($$$ARGS)\nmessage: old PyJWT\nnote: n\nmetadata:\n  severity: high\n  control: LIBS\n  kind: flaw\n  keywords: [jwt.decode]\n  where:\n    - dependency: { ecosystem: pypi, name: pyjwt, version: '<2.4.0' }\n";
    check(
        pypi,
        vec![
            Case {
                name: "range in requirements is unknown, never safe",
                files: vec![
                    ("a.py", "jwt.decode(t, k, algorithms=['HS256'])\n"),
                    ("requirements.txt", "PyJWT>=1.5\n"),
                ],
                expect: Some((1, "version unknown")),
            },
            Case {
                name: "poetry.lock pinned above the range",
                files: vec![
                    ("a.py", "jwt.decode(t, k, algorithms=['HS256'])\n"),
                    (
                        "poetry.lock",
                        "[[package]]\nname = \"pyjwt\"\nversion = \"2.8.0\"\n",
                    ),
                ],
                expect: None,
            },
        ],
    );
}

#[test]
fn malformed_lockfiles_are_warnings() {
    let dir = tree(&[
        ("package-lock.json", "{\n  \"packages\": [\n"),
        ("go.mod", "module x\nrequire (\n"),
        ("a.py", "x = 1\n"),
    ]);
    let run = run_in(dir.path(), &["scan", "--format", "json"]);
    assert_eq!(run.code, 0);
    let report = json(&run);
    let warning = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["path"] == "package-lock.json")
        .expect("a warning");
    assert!(warning["message"]
        .as_str()
        .unwrap()
        .contains("dependency versions not read"));
    assert_eq!(report["stats"]["manifest_files"], 2);
}

#[test]
fn policy_thresholds_decide_lifetimes_and_costs() {
    let rule = "id: long-jwt-lifetime\nlanguage: javascript\nrule:\n  kind: pair\n  all:\n    - has: { field: key, regex: '^expiresIn$' }\n    - has: { field: value, pattern: $TTL }\n  inside:\n    kind: call_expression\n    stopBy: end\n    has: { field: function, regex: '^jwt\\.sign$' }\nmessage: access token lifetime above policy\nnote: long-lived tokens\nmetadata:\n  severity: medium\n  control: CRED-SHORT\n  kind: flaw\n  keywords: [expiresIn]\n  where:\n    - policy: max-access-token-ttl\n      value: TTL\n      unit: jsonwebtoken\n";
    let code = "const TTL = '30d';\nfunction issue(user) {\n  return jwt.sign({ sub: user.id }, key, { expiresIn: TTL });\n}\n";
    check(
        rule,
        vec![
            Case {
                name: "30 days against the default 1h",
                files: vec![("a.js", code)],
                expect: Some((3, "30 days, above `max-access-token-ttl` (1 hour)")),
            },
            Case {
                name: "the policy allows 60 days",
                files: vec![
                    ("a.js", code),
                    (
                        "authgate.toml",
                        "[tokens]\nmax-access-token-ttl = \"60d\"\n",
                    ),
                ],
                expect: None,
            },
            Case {
                name: "a numeric string is milliseconds (60000 ms = 1 minute)",
                files: vec![("a.js", "jwt.sign(p, key, { expiresIn: '60000' });\n")],
                expect: None,
            },
            Case {
                name: "a number is seconds",
                files: vec![("a.js", "jwt.sign(p, key, { expiresIn: 86400 });\n")],
                expect: Some((1, "1 day, above")),
            },
        ],
    );
    let cost = "id: low-bcrypt-cost\nlanguage: python\nrule:\n  pattern: bcrypt.gensalt($ROUNDS)\nmessage: bcrypt cost below policy\nnote: low cost\nmetadata:\n  severity: medium\n  control: PW-HASH\n  kind: flaw\n  keywords: [gensalt]\n  where:\n    - policy: min-bcrypt-cost\n      value: ROUNDS\n";
    check(
        cost,
        vec![
            Case {
                name: "settings constant below the minimum",
                files: vec![("a.py", "ROUNDS = 8\nbcrypt.gensalt(ROUNDS)\n")],
                expect: Some((2, "below `min-bcrypt-cost` (10)")),
            },
            Case {
                name: "at the minimum",
                files: vec![("a.py", "bcrypt.gensalt(12)\n")],
                expect: None,
            },
            Case {
                name: "raised minimum in policy",
                files: vec![
                    ("a.py", "bcrypt.gensalt(12)\n"),
                    ("authgate.toml", "[passwords]\nmin-bcrypt-cost = 13\n"),
                ],
                expect: Some((1, "below `min-bcrypt-cost` (13)")),
            },
        ],
    );
}

#[test]
fn evidence_reaches_every_output_format() {
    let rule = weak_rule("java", "hashWith");
    let dir = tree(&[
        ("rules/r.yml", &rule),
        ("src/A.java", "class A {\n  void f(Environment env) {\n    hashWith(env.getProperty(\"security.hash\"));\n  }\n}\n"),
        ("src/main/resources/application.properties", "security.hash=MD5\n"),
    ]);
    for format in ["human", "json", "sarif", "junit", "markdown"] {
        let run = run_in(
            dir.path(),
            &[
                "scan",
                "--rules",
                "rules",
                "--exclude",
                "rules/**",
                "--format",
                format,
                "--color",
                "never",
            ],
        );
        assert_eq!(run.code, 1, "{format}");
        assert_contains(&run.stdout, "`security.hash` is configured as `MD5`");
        assert_contains(&run.stdout, "application.properties");
    }
}

#[test]
fn secrets_resolved_from_configuration_are_redacted_in_evidence() {
    let planted = "hunter2hunter2hunter2-signing";
    let rule = "id: configured-jwt-key\nlanguage: javascript\nrule:\n  pattern: jwt.sign($P, $KEY)\nmessage: JWT key from configuration is weak\nnote: n\nmetadata:\n  severity: high\n  control: SECRETS\n  kind: flaw\n  keywords: [jwt.sign]\n  redact: [KEY]\n  where:\n    - value: KEY\n      matches: '^hunter'\n";
    let env = format!("JWT_SECRET={planted}\n");
    let dir = tree(&[
        ("rules/r.yml", rule),
        ("src/a.js", "jwt.sign(p, process.env.JWT_SECRET);\n"),
        ("src/.env", &env),
    ]);
    for format in ["human", "json", "sarif", "junit", "markdown"] {
        let run = run_in(
            dir.path(),
            &[
                "scan", "src", "--rules", "rules", "--format", format, "--color", "never",
            ],
        );
        assert_eq!(run.code, 1, "{format}: {}", run.stdout);
        assert!(
            !run.stdout.contains("hunter2h"),
            "{format} leaks the configured secret:\n{}",
            run.stdout
        );
        assert_contains(&run.stdout, "hunt…(29 chars, redacted)");
    }
}

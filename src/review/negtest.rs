//! Negative-test requirement (GOV-NEGTEST): a change to an area must carry tests that
//! attack it — an expired token, a bad signature, a fixed session — and expect a
//! rejection.
//!
//! The heuristic, and its limits (also in docs/review.md):
//! - Test files are cut into tests at their test-start lines: `def test_*` (Python),
//!   `it(` / `test(` / `specify(` (JavaScript, TypeScript), `func Test*` (Go), `@Test`
//!   and `@ParameterizedTest` (Java, Kotlin). A test runs to the next test start.
//! - A test *exercises* a case when the case's pattern matches its body: the test's
//!   name, its description string, `t.Run(...)` names and comment lines are left out,
//!   so a test that is only *named* for the case does not count (it is reported as
//!   name-only).
//! - A test *asserts a rejection* when its body also holds a 4xx status in an
//!   assertion or an unauthorized/forbidden constant, an expected exception
//!   (`pytest.raises`, `assertThrows`, `toThrow`, `rejects`...), or a false, null or
//!   error result (`assertFalse`, `toBe(false)`, `require.Error`...). Some cases
//!   (the hash algorithm) need their own assertion shape instead.
//! - Limits: the heuristic reads text, not control flow. Table-driven tests count when
//!   the table and the assertion sit in one test; helpers in another file that build
//!   the bad token are not followed; a test that exercises the case but asserts the
//!   rejection through a custom helper (`assert_rejected(resp)`) is missed unless the
//!   helper's name says so (`reject`, `unauthori`, `forbid`, `deny`, `fail`).

use super::area::Area;
use regex::Regex;
use serde::Serialize;
use std::sync::OnceLock;

/// A negative case a test can cover.
#[derive(Debug, Clone)]
pub struct TestCase {
    pub id: String,
    pub description: String,
    /// Matches a test body that builds or sends the attack.
    pub exercise: Regex,
    /// Replaces the generic rejection assertion for this case.
    pub asserts: Option<Regex>,
}

/// Compiles a test pattern with ASCII word boundaries: a Unicode `\b` keeps the
/// regex engine off its fast DFA, and test bodies are read by the hundred.
pub fn compile(pattern: &str) -> Result<Regex, regex::Error> {
    Regex::new(&pattern.replace(r"\b", r"(?-u:\b)"))
}

fn case(id: &str, description: &str, exercise: &str, asserts: Option<&str>) -> TestCase {
    TestCase {
        id: id.to_string(),
        description: description.to_string(),
        exercise: compile(exercise).expect("built-in case regex"),
        asserts: asserts.map(|a| compile(a).expect("built-in assertion regex")),
    }
}

/// The built-in cases.
pub fn catalogue() -> &'static [TestCase] {
    static CASES: OnceLock<Vec<TestCase>> = OnceLock::new();
    CASES.get_or_init(|| {
        vec![
            case(
                "expired",
                "an expired token is rejected",
                r#"(?i)(expired|\bexp\b["']?\s*[:=]|exp\s*=|expires?_?in["']?\s*[:=]\s*["']?-|timedelta\([^)]*-\s*\d|-\s*timedelta\(|time\.Now\(\)\.Add\(\s*-|ExpiresAt\([^)]*-|Date\.now\(\)[^;\n]*-|minusSeconds|minusMinutes|minusHours|freeze_?time|travel|advanceTimersByTime|ExpiredSignature|TokenExpired|ExpiredJwt)"#,
                None,
            ),
            case(
                "bad-signature",
                "a token with a bad signature is rejected",
                r#"(?i)(bad[_ -]?sig|invalid[_ -]?sig|wrong[_ -]?(key|secret)|other[_ -]?(key|secret)|attacker[_ -]?(key|secret)|evil[_ -]?(key|secret)|forged?|tamper|signature|SignatureException|InvalidSignature|ErrSignatureInvalid|ErrTokenSignatureInvalid|JsonWebTokenError)"#,
                None,
            ),
            case(
                "wrong-audience",
                "a token for another audience is rejected",
                r#"(?i)(\baud\b|audience|InvalidAudience)"#,
                None,
            ),
            case(
                "wrong-issuer",
                "a token from another issuer is rejected",
                r#"(?i)(\biss\b|issuer|InvalidIssuer)"#,
                None,
            ),
            case(
                "malformed-header",
                "a malformed Authorization header is rejected (wrong scheme, segment count, bad base64)",
                r#"(?i)(malformed|garbage|not[_ ]?a[_ ]?(jwt|token)|(?-i:["'`](Basic|Token|bearer)\s)|["'`]Bearer[ \t]*["'`][ \t]*([,;)\]}]|(?m:$))|["'`]Bearer\s+[^"'`.\s{}$%]{1,20}["'`]|["'`]Bearer\s+[\w-]*\.[\w-]*["'`]|DecodeError|segment|invalid[_ ]?(header|format|base64)|no[_ ]?scheme)"#,
                None,
            ),
            case(
                "fixation",
                "the session id changes at login (no fixation)",
                r#"(?i)(fixation|(session_?id|sessionid|sid|session_key|JSESSIONID|cookie)[^\n]*(before|after|!=|not_?equal|notEqual|NotEqual|not\.toBe|isNotEqualTo|differ)|(assertNotEqual|NotEqual|not\.toBe|isNotEqualTo|!=)[^\n]*(session|sid|cookie))"#,
                None,
            ),
            case(
                "logout-invalidates",
                "a session or token is rejected after logout",
                r#"(?i)(logout|log_out|logOut|signout|sign_out|signOut|logged_?out)"#,
                None,
            ),
            case(
                "wrong-password",
                "a wrong password is rejected",
                r#"(?i)((wrong|bad|invalid|incorrect|other)[_ -]?(password|passwd|pwd|credentials)|(password|passwd|pwd)["']?\s*[:=,]\s*["'](wrong|bad|invalid|incorrect|nope|x+|not-?the-?password)[\w-]*["'])"#,
                None,
            ),
            case(
                "hash-algorithm",
                "stored passwords use the expected adaptive hash, not plaintext",
                r#"(?i)(argon2|bcrypt|scrypt|pbkdf2|\$2[aby]\$|identify_hasher|needs_rehash|check_needs_rehash|hasher|PasswordEncoder|password_hash|hashed_password|passwordHash)"#,
                Some(
                    r#"(?i)(startswith\(\s*["']\$|startsWith\(\s*["']\$|HasPrefix\([^)]*["']\$|identify_hasher|algorithm|assertNotEqual|NotEqual|not\.toBe|!=|isNotEqualTo|assert\w*\s*\(?\s*not\b|assertFalse|toBe\(false\)|matches\(|check_needs_rehash|needs_rehash)"#,
                ),
            ),
            case(
                "state-mismatch",
                "an OAuth callback with a missing or wrong state is rejected",
                r#"(?i)(state["']?\s*[:=]\s*["'](evil|attacker|bogus|wrong|forged|tampered|mismatch|other|x+)\w*["']|(wrong|bad|invalid|forged|tampered|mismatch\w*|missing|other)_?state|state=(evil|attacker|bogus|wrong|forged|x+)|state_?mismatch)"#,
                None,
            ),
            case(
                "redirect-mismatch",
                "an unregistered redirect_uri is rejected",
                r#"(?i)((redirect_?ur[il]|redirectUri)[^\n]*(evil|attacker|mismatch|wrong|unregistered|other|example\.net)|(evil|attacker)\.(com|example|test)|unregistered_?redirect|redirect_?mismatch)"#,
                None,
            ),
            case(
                "reset-token-reuse",
                "a password-reset token cannot be used twice",
                r#"(?i)((reset|recovery)[^\n]*(reuse|twice|again|second|already_?used|replay)|(reuse|replay|second|again|twice)[^\n]*(reset|recovery))"#,
                None,
            ),
            case(
                "reset-token-expiry",
                "an expired password-reset token is rejected",
                r#"(?i)((reset|recovery)[^\n]*(expir|timedelta|freeze|travel|timeout|ttl)|PASSWORD_RESET_TIMEOUT|expired_?(reset|link|recovery))"#,
                None,
            ),
            case(
                "replayed-code",
                "a one-time code cannot be replayed",
                r#"(?i)((totp|otp|mfa|2fa|code)[^\n]*(replay|reuse|twice|again|already_?used|second)|(replay|reuse|twice|again|second)[^\n]*(code|otp|totp))"#,
                None,
            ),
        ]
    })
}

/// Default required cases per area (issue #7).
pub fn default_requirements() -> Vec<(Area, &'static [&'static str])> {
    vec![
        (
            Area::Token,
            &[
                "expired",
                "bad-signature",
                "wrong-audience",
                "wrong-issuer",
                "malformed-header",
            ],
        ),
        (Area::Session, &["fixation", "logout-invalidates"]),
        (Area::Password, &["wrong-password", "hash-algorithm"]),
        (Area::Oauth, &["state-mismatch", "redirect-mismatch"]),
        (Area::Recovery, &["reset-token-reuse", "reset-token-expiry"]),
        (Area::Mfa, &["replayed-code"]),
    ]
}

/// Generic rejection assertions across test frameworks.
fn rejection() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        compile(concat!(
            r#"(?i)((assert|expect|equal|should|require\.|check|status)[^\n]*\b4(0[0-9]|1[0-9]|2[0-9])\b"#,
            r#"|\b4(0[0-9]|1[0-9]|2[0-9])\b[^\n]*(assert|expect|equal|should|status)"#,
            r#"|\.expect\(\s*4\d\d\b"#,
            r#"|unauthori[sz]ed|forbidden|StatusUnauthorized|StatusForbidden|StatusBadRequest|is4xxClientError|isUnauthorized|isForbidden|isBadRequest|BAD_REQUEST"#,
            r#"|pytest\.raises|assertRaises|assertThrows|expectThrows|assertThatThrownBy|assertThatExceptionOfType|toThrow|\.rejects\b|rejects\.|assert\.throws|assert\.rejects|should\.throw|ExpectedException"#,
            r#"|assertFalse|assert\s+not\b|is\s+False|==\s*False|toBe\(\s*false\s*\)|toBeFalsy|assert\.False|require\.False|isFalse\(\)|assertNull|toBeNull|assertIsNone|is\s+None\b"#,
            r#"|require\.Error|assert\.Error|require\.ErrorIs|assert\.ErrorIs|err\s*==\s*nil|if\s+ok\b|assert\.NotNil\(\s*t\s*,\s*err|toBeUndefined"#,
            r#"|assert_?(rejected|denied|unauthori[sz]ed|forbidden|fails?)|expect_?(rejected|denied|unauthori[sz]ed|forbidden|failure)|(reject|deny|denied)\w*\s*\()"#,
        ))
        .expect("rejection regex")
    })
}

fn test_start(path: &str) -> Option<&'static Regex> {
    static PY: OnceLock<Regex> = OnceLock::new();
    static JS: OnceLock<Regex> = OnceLock::new();
    static GO: OnceLock<Regex> = OnceLock::new();
    static JAVA: OnceLock<Regex> = OnceLock::new();
    let ext = path.rsplit('.').next().unwrap_or("");
    Some(match ext {
        "py" => PY.get_or_init(|| Regex::new(r"^\s*(async\s+)?def\s+test\w*\s*\(").unwrap()),
        "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" | "mts" | "cts" => JS.get_or_init(|| {
            Regex::new(r"^\s*(it|test|specify)(\.(only|skip|each\([^)]*\)))?\s*\(").unwrap()
        }),
        "go" => GO.get_or_init(|| Regex::new(r"^func\s+Test\w*\s*\(").unwrap()),
        "java" | "kt" => JAVA
            .get_or_init(|| Regex::new(r"^\s*@(Test|ParameterizedTest|RepeatedTest)\b").unwrap()),
        _ => return None,
    })
}

/// Lines that name a test rather than exercise it: the test's own start line, a
/// Java/Kotlin signature, a Go `t.Run` name, a JavaScript `describe`, comments.
fn is_name_line(line: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r#"^\s*(#|//|/\*|\*|(public|private|protected|internal)?\s*(fun|void|async\s+void)\s+\w+\s*\(|t\.Run\(|describe\(|context\(|@DisplayName)"#)
            .unwrap()
    })
    .is_match(line)
}

/// One test: where it starts, and its name lines (the start line, signatures, `t.Run`
/// names, comments) and body, each joined into one text so every pattern runs once per
/// test (patterns stay within a line: they use `[^\n]`, never `.` across lines).
struct TestBlock<'a> {
    path: &'a str,
    start_line: usize,
    names: String,
    body: String,
}

fn test_blocks<'a>(path: &'a str, text: &str) -> Vec<TestBlock<'a>> {
    let Some(start) = test_start(path) else {
        return vec![];
    };
    let mut blocks: Vec<TestBlock<'a>> = Vec::new();
    for (idx, line) in text.lines().enumerate() {
        if start.is_match(line) {
            blocks.push(TestBlock {
                path,
                start_line: idx + 1,
                names: line.to_string(),
                body: String::new(),
            });
        } else if let Some(block) = blocks.last_mut() {
            let part = if is_name_line(line) {
                &mut block.names
            } else {
                &mut block.body
            };
            part.push('\n');
            part.push_str(line);
        }
    }
    blocks
}

/// How one required case stands.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "kebab-case", tag = "status")]
pub enum CaseStatus {
    /// A test exercises the case and asserts a rejection.
    Covered {
        path: String,
        line: usize,
    },
    /// Only a test's name mentions the case, or it exercises it without asserting a
    /// rejection.
    NameOnly {
        path: String,
        line: usize,
        why: String,
    },
    Missing,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub area: Area,
    pub case: String,
    pub description: String,
    #[serde(flatten)]
    pub status: CaseStatus,
}

/// Checks each required case against the test files (path, text).
pub fn check(required: &[(Area, &TestCase)], tests: &[(String, String)]) -> Vec<CaseResult> {
    let blocks: Vec<TestBlock> = tests
        .iter()
        .flat_map(|(path, text)| test_blocks(path, text))
        .collect();
    required
        .iter()
        .map(|(area, case)| {
            let asserts = case.asserts.as_ref().unwrap_or_else(|| rejection());
            let mut partial = None;
            let mut covered = None;
            for block in &blocks {
                let path = block.path;
                let exercised = case.exercise.is_match(&block.body);
                if exercised && asserts.is_match(&block.body) {
                    covered = Some(CaseStatus::Covered {
                        path: path.to_string(),
                        line: block.start_line,
                    });
                    break;
                }
                if partial.is_none() && (exercised || case.exercise.is_match(&block.names)) {
                    let why = if exercised {
                        "exercises the case but asserts no rejection"
                    } else {
                        "is named for the case but does not exercise it"
                    };
                    partial = Some(CaseStatus::NameOnly {
                        path: path.to_string(),
                        line: block.start_line,
                        why: why.to_string(),
                    });
                }
            }
            CaseResult {
                area: *area,
                case: case.id.clone(),
                description: case.description.clone(),
                status: covered.or(partial).unwrap_or(CaseStatus::Missing),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(case_id: &str, path: &str, text: &str) -> CaseStatus {
        let case = catalogue().iter().find(|c| c.id == case_id).unwrap();
        check(
            &[(Area::Token, case)],
            &[(path.to_string(), text.to_string())],
        )
        .remove(0)
        .status
    }

    #[test]
    fn a_test_counts_only_when_it_exercises_and_rejects() {
        let py = "def test_expired_token_is_rejected(client):\n    token = make_token(exp=now() - timedelta(minutes=5))\n    resp = client.get('/me', headers=auth(token))\n    assert resp.status_code == 401\n";
        assert!(matches!(
            status("expired", "tests/test_auth.py", py),
            CaseStatus::Covered { line: 1, .. }
        ));
        let named = "def test_expired_token_is_rejected(client):\n    resp = client.get('/me', headers=auth(valid_token()))\n    assert resp.status_code == 401\n";
        assert!(matches!(
            status("expired", "tests/test_auth.py", named),
            CaseStatus::NameOnly { .. }
        ));
        let no_assert = "def test_tokens(client):\n    token = make_token(exp=now() - timedelta(minutes=5))\n    client.get('/me', headers=auth(token))\n";
        assert!(matches!(
            status("expired", "tests/test_auth.py", no_assert),
            CaseStatus::NameOnly { .. }
        ));
        assert_eq!(
            status("expired", "tests/test_auth.py", "x = 1\n"),
            CaseStatus::Missing
        );
    }

    #[test]
    fn javascript_go_and_java_tests_are_cut_at_their_starts() {
        let js = "describe('auth', () => {\n  it('rejects a forged token', async () => {\n    const t = jwt.sign({sub: 1}, 'attacker-secret');\n    await request(app).get('/me').set('Authorization', `Bearer ${t}`).expect(401);\n  });\n});\n";
        assert!(matches!(
            status("bad-signature", "test/auth.test.js", js),
            CaseStatus::Covered { line: 2, .. }
        ));
        let go = "func TestWrongAudience(t *testing.T) {\n\ttok := mint(t, jwt.MapClaims{\"aud\": \"other\"})\n\tif code := get(tok); code != http.StatusUnauthorized {\n\t\tt.Fatal(code)\n\t}\n}\n";
        assert!(matches!(
            status("wrong-audience", "auth_test.go", go),
            CaseStatus::Covered { .. }
        ));
        let java = "@Test\nvoid rejectsOtherIssuer() {\n  String t = token().issuer(\"https://evil\").sign();\n  mvc.perform(get(\"/me\").header(\"Authorization\", \"Bearer \" + t)).andExpect(status().isUnauthorized());\n}\n";
        assert!(matches!(
            status("wrong-issuer", "src/test/java/AuthTest.java", java),
            CaseStatus::Covered { .. }
        ));
        let java_named = "@Test\nvoid rejectsOtherIssuer() {\n  mvc.perform(get(\"/me\")).andExpect(status().isUnauthorized());\n}\n";
        assert!(matches!(
            status("wrong-issuer", "src/test/java/AuthTest.java", java_named),
            CaseStatus::NameOnly { .. }
        ));
    }
}

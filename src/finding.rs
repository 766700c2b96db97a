//! The report model every command writes: findings, their severity, location,
//! evidence and fingerprint, and diagnostics about inputs that could not be read.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fmt;
use std::str::FromStr;

/// authgate's severity scale, ordered from least to most serious.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Low,
    Medium,
    High,
    Critical,
}

impl Severity {
    pub const ALL: [Severity; 5] = [
        Severity::Info,
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// SARIF `level` for this severity.
    pub fn sarif_level(self) -> &'static str {
        match self {
            Severity::Info | Severity::Low => "note",
            Severity::Medium => "warning",
            Severity::High | Severity::Critical => "error",
        }
    }

    /// The `security-severity` score GitHub code scanning reads (CVSS-like, 0.0-10.0).
    pub fn security_severity(self) -> &'static str {
        match self {
            Severity::Info => "1.0",
            Severity::Low => "3.0",
            Severity::Medium => "5.5",
            Severity::High => "8.0",
            Severity::Critical => "9.5",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Severity {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Severity::ALL
            .into_iter()
            .find(|sev| sev.as_str() == s)
            .ok_or_else(|| {
                format!(
                    "unknown severity `{s}` (expected one of: info, low, medium, high, critical)"
                )
            })
    }
}

/// The control ids of DESIGN.md section 1. Every rule and check traces to one.
pub const CONTROLS: &[(&str, &str)] = &[
    (
        "TOK-VERIFY",
        "tokens are signature-verified with an explicit algorithm allow-list",
    ),
    (
        "TOK-CLAIMS",
        "exp, nbf, aud, iss and token type are validated",
    ),
    (
        "TOK-SCOPE",
        "scopes and roles are checked per request; tampered claims do not escalate",
    ),
    ("CRED-SHORT", "credentials are short-lived"),
    (
        "CRED-REVOKE",
        "logout, password change and task completion revoke",
    ),
    (
        "CRED-ROTATE",
        "refresh tokens rotate, reuse revokes the family",
    ),
    ("REPLAY", "codes, nonces and reset tokens are single-use"),
    ("INPUT", "malformed credentials are rejected cleanly"),
    ("SES-FIX", "session id is regenerated at login"),
    (
        "COOKIE",
        "session/token cookies are HttpOnly, Secure, SameSite",
    ),
    (
        "CSRF",
        "state-changing requests need an anti-CSRF token or strict same-site checks",
    ),
    (
        "OAUTH",
        "state validated, PKCE (S256) required, redirect_uri matched exactly",
    ),
    ("REDIRECT", "no open redirects"),
    (
        "PW-HASH",
        "passwords use an adaptive KDF; migrations never weaken it",
    ),
    (
        "SECRETS",
        "no secrets in source, fixtures, comments, tests, CI config or logs",
    ),
    (
        "EXPOSURE",
        "passwords, hashes and tokens never reach responses, logs, traces or errors",
    ),
    (
        "CRYPTO",
        "no hand-rolled crypto; CSPRNG for tokens; constant-time comparison of secrets",
    ),
    (
        "LIBS",
        "only approved auth libraries, at versions without known auth advisories",
    ),
    ("ABUSE", "enumeration and brute force are blunted"),
    (
        "GOV-CLASSIFY",
        "every change touching identity is an identity change request",
    ),
    ("GOV-TIER", "each identity area has a tier from policy"),
    ("GOV-APPROVE", "a tier names the approvals it needs"),
    (
        "GOV-NEGTEST",
        "a change to an area comes with negative-case tests",
    ),
    ("GOV-REGRESS", "a change that removes a control is reported"),
    (
        "GOV-WAIVER",
        "a suppression needs an owner, a reason and an expiry date",
    ),
    ("GOV-LOG", "each gate decision is logged with its evidence"),
    ("GOV-PROVENANCE", "AI assistance is recognised"),
];

pub fn is_control(id: &str) -> bool {
    CONTROLS.iter().any(|(c, _)| *c == id)
}

/// Whether a rule reports a mistake or recognises code that establishes a protection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleKind {
    Flaw,
    Control,
    /// Records a named declaration (`$NAME`) for other rules' `declared-by` conditions
    /// (a keyfunc defined in another file of the package); never reported.
    Fact,
}

impl RuleKind {
    pub fn as_str(self) -> &'static str {
        match self {
            RuleKind::Flaw => "flaw",
            RuleKind::Control => "control",
            RuleKind::Fact => "fact",
        }
    }
}

/// 1-based line and column span of a finding, path relative to the scan root
/// (forward slashes on every platform).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Location {
    pub path: String,
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
}

/// What decided a finding beyond the matched code (a fact, an assignment, a waiver).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    pub description: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
}

/// How the policy treats the rule that produced a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    /// Reported, never fails the run.
    Warn,
    /// Fails the run when the severity reaches `--fail-on`.
    Default,
    /// Fails the run whatever `--fail-on` says.
    Deny,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub rule_id: String,
    pub control: String,
    pub kind: RuleKind,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub cwe: Vec<String>,
    pub severity: Severity,
    pub level: Level,
    pub location: Location,
    /// The matched source, control characters stripped and secrets redacted.
    pub snippet: String,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Evidence>,
    pub fingerprint: String,
    /// The source lines the finding spans (at most five, redacted), for code frames.
    #[serde(skip)]
    pub frame: Vec<String>,
    /// Where git history shows the secret entered the repository (`scan --history`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<History>,
    /// SHA-256 of the secret a detector found (never the secret), to match a secret in
    /// history with the same secret in the tree.
    #[serde(skip)]
    pub secret_digest: Option<String>,
}

/// The commit that introduced a secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct History {
    pub commit: String,
    /// Author date, ISO 8601.
    pub author_date: String,
    /// The path the secret was committed under.
    pub path: String,
    /// Whether the secret is still in the scanned tree; if not, it lives on in history.
    pub in_tree: bool,
}

impl Finding {
    /// Whether this finding fails a run whose threshold is `fail_on`.
    pub fn fails(&self, fail_on: Severity) -> bool {
        match self.level {
            Level::Deny => true,
            Level::Warn => false,
            Level::Default => self.severity >= fail_on,
        }
    }
}

/// Something about the inputs the user should know: a file skipped, a rule that
/// failed to load, a waiver that matched nothing. Never fatal for a scan.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Diagnostic {
    pub level: DiagnosticLevel,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DiagnosticLevel {
    Error,
    Warning,
    Note,
}

impl DiagnosticLevel {
    pub fn as_str(self) -> &'static str {
        match self {
            DiagnosticLevel::Error => "error",
            DiagnosticLevel::Warning => "warning",
            DiagnosticLevel::Note => "note",
        }
    }
}

impl Diagnostic {
    pub fn new(level: DiagnosticLevel, path: Option<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            level,
            path,
            line: None,
            message: message.into(),
        }
    }

    pub fn at_line(mut self, line: usize) -> Self {
        self.line = Some(line);
        self
    }
}

/// How many characters of a secret any output may show.
pub const SECRET_PREFIX_CHARS: usize = 4;

/// Redacts a secret to a short prefix and its length: `sk_l…(32 chars)`.
/// Short values show no prefix at all, so the prefix never is most of the secret.
pub fn redact_secret(secret: &str) -> String {
    let len = secret.chars().count();
    if len <= SECRET_PREFIX_CHARS * 3 {
        return format!("…({len} chars, redacted)");
    }
    let prefix: String = secret.chars().take(SECRET_PREFIX_CHARS).collect();
    format!("{prefix}…({len} chars, redacted)")
}

/// Redacts a secret to its length alone, for values a person chose (passwords).
pub fn redact_secret_fully(secret: &str) -> String {
    format!("…({} chars, redacted)", secret.chars().count())
}

/// Strips control characters (terminal escapes included) except newline and tab.
pub fn strip_control_chars(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// A fingerprint that survives unrelated line moves and differs between machines only
/// if the code differs: rule id, relative path, the snippet with secrets masked and
/// whitespace folded, and the occurrence index of that snippet in the file.
pub fn fingerprint(rule_id: &str, path: &str, masked_snippet: &str, occurrence: usize) -> String {
    let folded: String = masked_snippet
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut hasher = Sha256::new();
    for part in [rule_id, path, &folded, &occurrence.to_string()] {
        hasher.update(part.as_bytes());
        hasher.update([0u8]);
    }
    let digest = hasher.finalize();
    digest[..16].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn severity_orders_and_parses() {
        assert!(Severity::Info < Severity::Low && Severity::High < Severity::Critical);
        assert_eq!("medium".parse::<Severity>(), Ok(Severity::Medium));
        assert!("severe".parse::<Severity>().is_err());
    }

    #[test]
    fn redaction_keeps_at_most_the_prefix() {
        let secret = ["sk_live", "_0123456789abcdefghij"].concat();
        let shown = redact_secret(&secret);
        assert!(shown.starts_with("sk_l…"));
        assert!(!shown.contains("sk_li"));
        assert!(shown.contains("28 chars"));
        assert_eq!(redact_secret("hunter2"), "…(7 chars, redacted)");
    }

    #[test]
    fn fingerprint_ignores_whitespace_and_depends_on_occurrence() {
        let a = fingerprint("r", "a.py", "f(x,  y)", 0);
        assert_eq!(a, fingerprint("r", "a.py", "f(x,\n y)", 0));
        assert_ne!(a, fingerprint("r", "a.py", "f(x, y)", 1));
        assert_ne!(a, fingerprint("r", "b.py", "f(x, y)", 0));
        assert_eq!(a.len(), 32);
    }

    #[test]
    fn control_characters_are_stripped() {
        assert_eq!(strip_control_chars("a\u{1b}[31mb\tc\n"), "a[31mb\tc\n");
    }
}

//! `authgate.toml`: the repository's policy, parsed into a validated [`Policy`] that
//! remembers where each setting came from, so a diagnostic or a blocking decision
//! can point at the policy line.

mod duration;
mod review;

pub use duration::{format_duration, parse_duration};
pub use review::{Action, Approvers, FailOn, ReviewPolicy, Setting};

use crate::facts::Ecosystem;
use crate::finding::{is_control, Diagnostic, DiagnosticLevel, Finding};
use crate::scan::rules::RuleSet;
use crate::scan::suppress::{exception_defect, parse_date};
use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use time::Date;
use toml::Spanned;

/// The commented template `authgate init` writes.
pub const TEMPLATE: &str = include_str!("../../authgate.template.toml");

pub const DEFAULT_FILE: &str = "authgate.toml";

#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct PolicyError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// A rule's level in the policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleLevel {
    /// The rule is dropped.
    Allow,
    /// Reported, never fails the run.
    Warn,
    /// Fails the run whatever `--fail-on` says.
    Deny,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPolicy {
    #[serde(default)]
    scan: RawScan,
    #[serde(default)]
    rules: BTreeMap<Spanned<String>, Spanned<RuleLevel>>,
    #[serde(default)]
    tokens: RawTokens,
    #[serde(default)]
    passwords: RawPasswords,
    #[serde(default)]
    waivers: Vec<Spanned<RawWaiver>>,
    #[serde(default)]
    libraries: RawLibraries,
    #[serde(default)]
    review: review::RawReview,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawLibraries {
    /// Approved auth libraries (`name` or `ecosystem:name`); when set, others are findings.
    #[serde(default)]
    allow: Vec<Spanned<String>>,
    #[serde(default)]
    ban: Vec<Spanned<RawBan>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBan {
    name: Spanned<String>,
    ecosystem: Option<Spanned<String>>,
    reason: Option<String>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawScan {
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    rule_dirs: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTokens {
    max_access_token_ttl: Option<Spanned<String>>,
    max_refresh_token_ttl: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawPasswords {
    min_bcrypt_cost: Option<u64>,
    min_pbkdf2_iterations: Option<u64>,
    min_scrypt_cost: Option<u64>,
    min_argon2_memory_kib: Option<u64>,
    min_argon2_iterations: Option<u64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawWaiver {
    rule: Spanned<String>,
    path: Option<Spanned<String>>,
    owner: Option<String>,
    reason: Option<String>,
    until: Option<Spanned<toml::Value>>,
}

/// A policy-file waiver: hides findings of one rule under a path glob until a date.
#[derive(Debug, Clone)]
pub struct Waiver {
    pub rule: String,
    pub path_glob: Option<String>,
    matcher: Option<globset::GlobMatcher>,
    pub owner: Option<String>,
    pub reason: Option<String>,
    pub until: Option<Date>,
    /// What is wrong with it (missing owner, reason or date; bad date).
    pub problems: Vec<String>,
    /// 1-based line of the waiver in the policy file.
    pub line: usize,
}

impl Waiver {
    pub fn matches(&self, finding: &Finding) -> bool {
        finding.rule_id == self.rule
            && self
                .matcher
                .as_ref()
                .is_none_or(|m| m.is_match(&finding.location.path))
    }

    pub fn defect(&self, today: Date) -> Option<String> {
        exception_defect(&self.problems, self.until, today)
    }
}

/// A library the policy names: `name` alone matches it in every ecosystem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryRef {
    pub ecosystem: Option<Ecosystem>,
    pub name: String,
    /// 1-based line in the policy file.
    pub line: usize,
}

impl LibraryRef {
    pub fn matches(&self, ecosystem: Ecosystem, name: &str) -> bool {
        self.ecosystem.is_none_or(|e| e == ecosystem)
            && ecosystem.normalize_name(&self.name) == ecosystem.normalize_name(name)
    }
}

/// A banned library and why.
#[derive(Debug, Clone)]
pub struct Ban {
    pub library: LibraryRef,
    pub reason: String,
}

#[derive(Debug, Clone)]
pub struct LevelSetting {
    pub level: RuleLevel,
    pub line: usize,
}

/// The validated policy. `Policy::default()` is what applies with no file.
#[derive(Debug, Clone)]
pub struct Policy {
    /// Path of the file as the user named it, for diagnostics.
    pub path: Option<String>,
    pub excludes: Vec<String>,
    exclude_set: GlobSet,
    pub rule_dirs: Vec<PathBuf>,
    /// Levels by rule id or control id.
    pub levels: BTreeMap<String, LevelSetting>,
    pub waivers: Vec<Waiver>,
    pub max_access_token_ttl_secs: u64,
    pub max_refresh_token_ttl_secs: u64,
    /// Minimum password-hashing parameters (`[passwords]`).
    pub min_bcrypt_cost: u64,
    pub min_pbkdf2_iterations: u64,
    pub min_scrypt_cost: u64,
    pub min_argon2_memory_kib: u64,
    pub min_argon2_iterations: u64,
    /// `[libraries] allow`: when non-empty, auth libraries not listed are findings.
    pub allowed_libraries: Vec<LibraryRef>,
    pub banned_libraries: Vec<Ban>,
    /// `[review]`: what `authgate review` requires of an identity change.
    pub review: ReviewPolicy,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            path: None,
            excludes: vec![],
            exclude_set: GlobSet::empty(),
            rule_dirs: vec![],
            levels: BTreeMap::new(),
            waivers: vec![],
            max_access_token_ttl_secs: 3600,
            max_refresh_token_ttl_secs: 7 * 24 * 3600,
            // OWASP Password Storage Cheat Sheet minimums.
            min_bcrypt_cost: 10,
            min_pbkdf2_iterations: 600_000,
            min_scrypt_cost: 1 << 17,
            min_argon2_memory_kib: 19_456,
            min_argon2_iterations: 2,
            allowed_libraries: vec![],
            banned_libraries: vec![],
            review: ReviewPolicy::default(),
        }
    }
}

impl Policy {
    /// Reads and validates a policy file. Paths inside it (rule directories) are
    /// resolved against the file's directory.
    pub fn load(path: &Path) -> Result<Policy, PolicyError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| PolicyError {
            path: display.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read policy file: {e}"),
        })?;
        let base = path.parent().unwrap_or(Path::new("."));
        Policy::parse(&text, &display, base)
    }

    pub fn parse(text: &str, display: &str, base: &Path) -> Result<Policy, PolicyError> {
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = line_col(text, span.start);
            PolicyError {
                path: display.to_string(),
                line,
                column,
                message,
            }
        };
        let raw: RawPolicy = toml::from_str(text).map_err(|e| {
            let message = e.message().trim().to_string();
            at(e.span().unwrap_or(0..0), message)
        })?;

        let mut policy = Policy {
            path: Some(display.to_string()),
            ..Policy::default()
        };
        let mut builder = GlobSetBuilder::new();
        for glob in &raw.scan.exclude {
            let parsed = path_glob(glob.get_ref())
                .map_err(|e| at(glob.span(), format!("`scan.exclude`: invalid glob: {e}")))?;
            builder.add(parsed);
            policy.excludes.push(glob.get_ref().clone());
        }
        policy.exclude_set = builder
            .build()
            .map_err(|e| at(0..0, format!("`scan.exclude`: {e}")))?;
        policy.rule_dirs = raw
            .scan
            .rule_dirs
            .iter()
            .map(|d| base.join(d.get_ref()))
            .collect();

        for (key, level) in raw.rules {
            let line = line_col(text, key.span().start).0;
            policy.levels.insert(
                key.into_inner(),
                LevelSetting {
                    level: level.into_inner(),
                    line,
                },
            );
        }

        if let Some(ttl) = &raw.tokens.max_access_token_ttl {
            policy.max_access_token_ttl_secs = parse_duration(ttl.get_ref())
                .map_err(|e| at(ttl.span(), format!("`tokens.max-access-token-ttl`: {e}")))?;
        }
        if let Some(ttl) = &raw.tokens.max_refresh_token_ttl {
            policy.max_refresh_token_ttl_secs = parse_duration(ttl.get_ref())
                .map_err(|e| at(ttl.span(), format!("`tokens.max-refresh-token-ttl`: {e}")))?;
        }

        let passwords = &raw.passwords;
        for (value, target) in [
            (passwords.min_bcrypt_cost, &mut policy.min_bcrypt_cost),
            (
                passwords.min_pbkdf2_iterations,
                &mut policy.min_pbkdf2_iterations,
            ),
            (passwords.min_scrypt_cost, &mut policy.min_scrypt_cost),
            (
                passwords.min_argon2_memory_kib,
                &mut policy.min_argon2_memory_kib,
            ),
            (
                passwords.min_argon2_iterations,
                &mut policy.min_argon2_iterations,
            ),
        ] {
            if let Some(value) = value {
                *target = value;
            }
        }

        for entry in &raw.libraries.allow {
            let (ecosystem, name) = split_library(entry.get_ref());
            if name.trim().is_empty() {
                return Err(at(
                    entry.span(),
                    "`libraries.allow`: empty library name".to_string(),
                ));
            }
            policy.allowed_libraries.push(LibraryRef {
                ecosystem,
                name,
                line: line_col(text, entry.span().start).0,
            });
        }
        for spanned in &raw.libraries.ban {
            let ban = spanned.get_ref();
            let line = line_col(text, spanned.span().start).0;
            let (mut ecosystem, name) = split_library(ban.name.get_ref());
            if let Some(eco) = &ban.ecosystem {
                ecosystem = Some(parse_ecosystem(eco.get_ref()).ok_or_else(|| {
                    at(
                        eco.span(),
                        format!(
                            "`libraries.ban.ecosystem`: `{}` is not one of npm, pypi, go, cargo, maven",
                            eco.get_ref()
                        ),
                    )
                })?);
            }
            let reason = ban
                .reason
                .as_deref()
                .map(str::trim)
                .filter(|r| !r.is_empty())
                .ok_or_else(|| {
                    at(
                        spanned.span(),
                        "`libraries.ban`: every ban needs a `reason` (what to use instead, and why)"
                            .to_string(),
                    )
                })?
                .to_string();
            policy.banned_libraries.push(Ban {
                library: LibraryRef {
                    ecosystem,
                    name,
                    line,
                },
                reason,
            });
        }

        for spanned in raw.waivers {
            let line = line_col(text, spanned.span().start).0;
            let raw_waiver = spanned.into_inner();
            policy.waivers.push(build_waiver(raw_waiver, line, &at)?);
        }
        policy.review = review::build(raw.review, text, &at)?;
        Ok(policy)
    }

    /// Checks the rule and control ids the policy names against the loaded rules.
    pub fn validate_rule_ids(&self, rules: &RuleSet) -> Result<(), PolicyError> {
        let named = self
            .levels
            .iter()
            .map(|(id, s)| (id.as_str(), s.line, "rules"))
            .chain(
                self.waivers
                    .iter()
                    .map(|w| (w.rule.as_str(), w.line, "waivers")),
            );
        for (id, line, table) in named {
            let known = rules.get(id).is_some()
                || (table == "rules" && is_control(id))
                || crate::scan::internal_rules().iter().any(|r| r.id == id);
            if !known {
                return Err(PolicyError {
                    path: self.path.clone().unwrap_or_default(),
                    line,
                    column: 1,
                    message: format!(
                        "`{table}`: `{id}` is neither a rule id nor a control id (list them with `authgate rules`)"
                    ),
                });
            }
        }
        Ok(())
    }

    /// A numeric threshold by its policy key, for `policy` conditions of rules:
    /// durations in seconds for `max-*-ttl`, plain numbers for `min-*`.
    pub fn threshold(&self, key: &str) -> Option<u64> {
        Some(match key {
            "max-access-token-ttl" => self.max_access_token_ttl_secs,
            "max-refresh-token-ttl" => self.max_refresh_token_ttl_secs,
            "min-bcrypt-cost" => self.min_bcrypt_cost,
            "min-pbkdf2-iterations" => self.min_pbkdf2_iterations,
            "min-scrypt-cost" => self.min_scrypt_cost,
            "min-argon2-memory-kib" => self.min_argon2_memory_kib,
            "min-argon2-iterations" => self.min_argon2_iterations,
            _ => return None,
        })
    }

    pub const THRESHOLD_KEYS: &'static [&'static str] = &[
        "max-access-token-ttl",
        "max-refresh-token-ttl",
        "min-bcrypt-cost",
        "min-pbkdf2-iterations",
        "min-scrypt-cost",
        "min-argon2-memory-kib",
        "min-argon2-iterations",
    ];

    pub fn is_excluded(&self, relative_path: &str) -> bool {
        self.exclude_set.is_match(relative_path)
    }

    /// The level set for a rule: by its id first, then by its control.
    pub fn level_for(&self, rule_id: &str, control: &str) -> Option<RuleLevel> {
        self.levels
            .get(rule_id)
            .or_else(|| self.levels.get(control))
            .map(|s| s.level)
    }

    /// A diagnostic pointing at a line of the policy file.
    pub fn diagnostic(&self, level: DiagnosticLevel, line: usize, message: String) -> Diagnostic {
        Diagnostic::new(level, self.path.clone(), message).at_line(line)
    }
}

fn build_waiver(
    raw: RawWaiver,
    line: usize,
    at: &dyn Fn(std::ops::Range<usize>, String) -> PolicyError,
) -> Result<Waiver, PolicyError> {
    let mut problems = Vec::new();
    let matcher = match &raw.path {
        Some(glob) => Some(
            path_glob(glob.get_ref())
                .map_err(|e| at(glob.span(), format!("`waivers.path`: invalid glob: {e}")))?
                .compile_matcher(),
        ),
        None => None,
    };
    let until = match &raw.until {
        None => {
            problems.push("missing `until` (a date, YYYY-MM-DD)".to_string());
            None
        }
        Some(value) => {
            let text = match value.get_ref() {
                toml::Value::Datetime(dt) => dt.to_string(),
                toml::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            match parse_date(&text) {
                Ok(date) => Some(date),
                Err(e) => {
                    return Err(at(
                        value.span(),
                        format!("`waivers.until`: {e}, got `{text}`"),
                    ))
                }
            }
        }
    };
    let owner = raw.owner.filter(|o| !o.trim().is_empty());
    let reason = raw.reason.filter(|r| !r.trim().is_empty());
    if owner.is_none() {
        problems.insert(0, "missing `owner`".to_string());
    }
    if reason.is_none() {
        problems.insert(usize::from(owner.is_none()), "missing `reason`".to_string());
    }
    Ok(Waiver {
        rule: raw.rule.into_inner(),
        path_glob: raw.path.map(|p| p.into_inner()),
        matcher,
        owner,
        reason,
        until,
        problems,
        line,
    })
}

/// A path glob as in `.gitignore`: `*` stays within one directory, `**` crosses them.
pub fn path_glob(text: &str) -> Result<Glob, globset::Error> {
    globset::GlobBuilder::new(text)
        .literal_separator(true)
        .build()
}

/// 1-based line and column of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

fn parse_ecosystem(text: &str) -> Option<Ecosystem> {
    match text.to_ascii_lowercase().as_str() {
        "npm" => Some(Ecosystem::Npm),
        "pypi" => Some(Ecosystem::PyPI),
        "go" => Some(Ecosystem::Go),
        "cargo" | "crates.io" => Some(Ecosystem::Cargo),
        "maven" => Some(Ecosystem::Maven),
        _ => None,
    }
}

/// `npm:jsonwebtoken` -> (npm, jsonwebtoken); a name without a known ecosystem prefix
/// (including Maven's `group:artifact`) applies to every ecosystem.
fn split_library(text: &str) -> (Option<Ecosystem>, String) {
    match text.split_once(':') {
        Some((prefix, rest)) if parse_ecosystem(prefix).is_some() => {
            (parse_ecosystem(prefix), rest.trim().to_string())
        }
        _ => (None, text.trim().to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Policy, PolicyError> {
        Policy::parse(text, "authgate.toml", Path::new("."))
    }

    #[test]
    fn the_template_parses() {
        let policy = parse(TEMPLATE).unwrap();
        assert_eq!(policy.max_access_token_ttl_secs, 3600);
    }

    #[test]
    fn a_full_policy_parses_with_lines() {
        let policy = parse(
            "[scan]\nexclude = [\"tests/fixtures/**\"]\n\n[rules]\nTOK-VERIFY = \"deny\"\nsome-rule = \"warn\"\n\n[tokens]\nmax-access-token-ttl = \"15m\"\n\n[[waivers]]\nrule = \"some-rule\"\npath = \"legacy/**\"\nowner = \"alice\"\nreason = \"bridge\"\nuntil = 2026-12-31\n",
        )
        .unwrap();
        assert!(policy.is_excluded("tests/fixtures/a/b.py"));
        let star = parse("[scan]\nexclude = [\"src/*.py\"]\n").unwrap();
        assert!(
            star.is_excluded("src/a.py") && !star.is_excluded("src/auth/a.py"),
            "`*` stays in one directory"
        );
        assert!(!policy.is_excluded("src/a.py"));
        assert_eq!(policy.level_for("x", "TOK-VERIFY"), Some(RuleLevel::Deny));
        assert_eq!(
            policy.level_for("some-rule", "TOK-VERIFY"),
            Some(RuleLevel::Warn)
        );
        assert_eq!(policy.levels["some-rule"].line, 6);
        assert_eq!(policy.max_access_token_ttl_secs, 900);
        assert_eq!(policy.waivers[0].line, 11);
        assert_eq!(
            policy.waivers[0].until,
            Some(time::macros::date!(2026 - 12 - 31))
        );
        assert!(policy.waivers[0].problems.is_empty());
    }

    #[test]
    fn errors_name_line_and_key() {
        let cases = [
            ("[scan]\nexclud = []\n", 2, "unknown field `exclud`"),
            ("[rules]\nx = \"block\"\n", 2, "unknown variant `block`"),
            (
                "[tokens]\nmax-access-token-ttl = \"soon\"\n",
                2,
                "max-access-token-ttl",
            ),
            ("\n\n[scan]\nexclude = [\"a[\"]\n", 4, "invalid glob"),
            (
                "[[waivers]]\nrule = \"r\"\nuntil = \"tomorrow\"\n",
                3,
                "waivers.until",
            ),
            ("[colours]\n", 1, "unknown field `colours`"),
            (
                "[review.tiers]\nTOKENS = \"high\"\n",
                2,
                "`TOKENS` is not an area",
            ),
            (
                "[review.tiers]\nTOKEN = \"urgent\"\n",
                2,
                "not one of low, high, critical",
            ),
            (
                "[review]\nfail-on = \"sometimes\"\n",
                2,
                "review.fail-on",
            ),
            (
                "\n[[review.signals]]\narea = \"TOKEN\"\nkind = \"call\"\npattern = \"(unclosed\"\n",
                5,
                "invalid regex",
            ),
            (
                "[[review.signals]]\narea = \"TOKEN\"\nkind = \"path\"\n",
                3,
                "needs `path",
            ),
            (
                "[review.negative-tests]\nTOKEN = [\"expired\", \"teleported\"]\n",
                2,
                "unknown case `teleported`",
            ),
            (
                "[review.approvers.critical]\nrequire = [\"not a team!\"]\n",
                2,
                "not `@user` or `@org/team`",
            ),
            ("[scan\n", 1, ""),
        ];
        for (text, line, expected) in cases {
            let err = parse(text).unwrap_err();
            assert_eq!(err.line, line, "{text}: {err}");
            assert!(err.to_string().contains(expected), "{text}: {err}");
            assert!(
                err.to_string()
                    .starts_with(&format!("authgate.toml:{line}:")),
                "{err}"
            );
        }
    }

    #[test]
    fn waivers_without_owner_reason_or_date_carry_problems() {
        let policy = parse("[[waivers]]\nrule = \"r\"\n").unwrap();
        assert_eq!(
            policy.waivers[0].problems,
            vec![
                "missing `owner`",
                "missing `reason`",
                "missing `until` (a date, YYYY-MM-DD)"
            ]
        );
    }

    #[test]
    fn line_col_is_one_based() {
        assert_eq!(line_col("ab\ncd", 0), (1, 1));
        assert_eq!(line_col("ab\ncd", 4), (2, 2));
    }
}

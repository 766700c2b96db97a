//! `metadata.where`: conditions a match must meet before it becomes a finding,
//! decided after the walk so they can use project facts and project-wide matches.
//!
//! ```yaml
//! metadata:
//!   where:
//!     - value: ALG                 # the metavariable's resolved value (see resolve.rs)
//!       matches: '(?i)^(md5|sha-?1)$'
//!     - value: OPTS
//!       not-matches: 'algorithms'
//!     - value: TARGET
//!       from-request: true        # the value comes from request data
//!     - project:
//!         absent: csrf-middleware # no match of this rule in the file's app (facts::Apps)
//!     - dependency:               # from the nearest lockfile or manifest naming it
//!         ecosystem: npm          # npm | pypi | go | cargo | maven
//!         name: passport
//!         version: '<0.6.0'       # optional; see facts/version.rs for the syntax
//! ```
//! Every condition must hold. A condition on a metavariable the match did not bind (a
//! rule whose `any:` branches bind different variables) does not apply. A configuration
//! key set nowhere is tested through its default in the code, or else through the
//! look-up expression as written (so `matches` on a value usually fails and
//! `not-matches` holds).

use crate::facts::{Ecosystem, Facts, VersionRange};
use crate::finding::Evidence;
use crate::policy::Policy;
use crate::scan::lang::Lang;
use crate::scan::quantity::{duration_secs, human_duration, number, DurationUnit};
use crate::scan::resolve::{Resolved, Value};
use regex::Regex;
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ConditionSpec {
    value: Option<String>,
    matches: Option<String>,
    not_matches: Option<String>,
    from_request: Option<bool>,
    /// The value comes from the claims of a token decoded without checking its
    /// signature (`jwt.decode(t, options={"verify_signature": False})`, `JWT.decode`,
    /// `ParseUnverified`, a base64-decoded payload segment).
    from_unverified_token: Option<bool>,
    /// The name the value refers to (`f` of `f(x)`, `m` of `v.m`) is declared, in the
    /// same directory, by a match of this `kind: fact` rule (its `$NAME`).
    declared_by: Option<String>,
    /// The value is a string literal in the code (directly, through assignments, or
    /// as the fallback of a configuration look-up).
    literal: Option<bool>,
    project: Option<ProjectSpec>,
    dependency: Option<DependencySpec>,
    /// A policy threshold the value is compared with (`max-access-token-ttl`, `min-bcrypt-cost`, ...).
    policy: Option<String>,
    /// With `policy` on a duration: what a bare number means.
    unit: Option<DurationUnit>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DependencySpec {
    ecosystem: Ecosystem,
    name: String,
    /// A range such as `<0.6.0`; without it, presence alone decides.
    version: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProjectSpec {
    absent: Option<String>,
    present: Option<String>,
}

/// Where a value may come from, for `from-*` conditions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Request,
    UnverifiedToken,
}

impl Origin {
    fn describe(self) -> &'static str {
        match self {
            Origin::Request => "request data",
            Origin::UnverifiedToken => "the claims of a token whose signature is not checked",
        }
    }
}

#[derive(Debug, Clone)]
pub enum Condition {
    ValueMatches {
        var: String,
        regex: Regex,
        negate: bool,
    },
    From {
        var: String,
        origin: Origin,
        expected: bool,
    },
    Literal {
        var: String,
        expected: bool,
    },
    DeclaredBy {
        var: String,
        rule: String,
    },
    Project {
        rule: String,
        present: bool,
    },
    Dependency {
        ecosystem: Ecosystem,
        name: String,
        range: Option<VersionRange>,
    },
    /// Holds when the value exceeds a `max-*` threshold or falls short of a `min-*` one.
    Policy {
        var: String,
        key: String,
        unit: DurationUnit,
    },
}

impl fmt::Display for Condition {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Condition::Policy { var, key, .. } if key.starts_with("max-") => {
                write!(f, "`${var}`, resolved, is longer than the policy's `{key}`")
            }
            Condition::Policy { var, key, .. } => write!(f, "`${var}`, resolved, is below the policy's `{key}`"),
            Condition::Dependency { ecosystem, name, range: Some(range) } => write!(
                f,
                "the project depends on {ecosystem} package `{name}` at a version `{range}` (or an unknown version)"
            ),
            Condition::Dependency { ecosystem, name, range: None } => {
                write!(f, "the project depends on {ecosystem} package `{name}`")
            }
            Condition::ValueMatches {
                var,
                regex,
                negate: false,
            } => {
                write!(
                    f,
                    "`${var}`, resolved through assignments and configuration, matches `{regex}`"
                )
            }
            Condition::ValueMatches {
                var,
                regex,
                negate: true,
            } => {
                write!(f, "`${var}`, resolved through assignments and configuration, does not match `{regex}`")
            }
            Condition::From {
                var,
                origin,
                expected: true,
            } => write!(f, "`${var}` comes from {}", origin.describe()),
            Condition::From {
                var,
                origin,
                expected: false,
            } => write!(f, "`${var}` does not come from {}", origin.describe()),
            Condition::Literal { var, expected: true } => write!(
                f,
                "`${var}` is a string literal in the code (directly, through assignments, or as the fallback of a configuration look-up)"
            ),
            Condition::Literal { var, expected: false } => {
                write!(f, "`${var}` is not a string literal in the code")
            }
            Condition::DeclaredBy { var, rule } => write!(
                f,
                "what `${var}` names is declared, in the same directory, as rule `{rule}` describes"
            ),
            Condition::Project {
                rule,
                present: true,
            } => write!(f, "rule `{rule}` matches somewhere in the app (the nearest directory with a manifest)"),
            Condition::Project {
                rule,
                present: false,
            } => write!(f, "rule `{rule}` matches nowhere in the app (the nearest directory with a manifest)"),
        }
    }
}

impl Condition {
    /// The metavariable this condition reads, if any.
    pub fn var(&self) -> Option<&str> {
        match self {
            Condition::ValueMatches { var, .. }
            | Condition::From { var, .. }
            | Condition::Literal { var, .. }
            | Condition::DeclaredBy { var, .. } => Some(var),
            Condition::Policy { var, .. } => Some(var),
            Condition::Project { .. } | Condition::Dependency { .. } => None,
        }
    }
}

/// Parses `metadata.where`. Errors name the entry and key.
pub fn parse_conditions(value: serde_json::Value) -> Result<Vec<Condition>, String> {
    let specs: Vec<ConditionSpec> = serde_path_to_error::deserialize(value).map_err(|e| {
        format!(
            "field `metadata.where{}`: {}",
            path_suffix(&e.path().to_string()),
            e.inner()
        )
    })?;
    specs
        .into_iter()
        .enumerate()
        .map(|(idx, spec)| compile(spec).map_err(|e| format!("field `metadata.where[{idx}]`: {e}")))
        .collect()
}

fn path_suffix(path: &str) -> String {
    if path == "." {
        String::new()
    } else if path.starts_with('[') {
        path.to_string()
    } else {
        format!(".{path}")
    }
}

fn compile(spec: ConditionSpec) -> Result<Condition, String> {
    let regex = |text: &str| Regex::new(text).map_err(|e| format!("invalid regex: {e}"));
    if let Some(key) = spec.policy {
        let var = spec
            .value
            .ok_or("`policy` needs `value: VAR`, the metavariable to compare")?;
        if spec.matches.is_some()
            || spec.not_matches.is_some()
            || spec.from_request.is_some()
            || spec.from_unverified_token.is_some()
            || spec.declared_by.is_some()
            || spec.literal.is_some()
            || spec.project.is_some()
            || spec.dependency.is_some()
        {
            return Err("`policy` takes only `value` and `unit`".to_string());
        }
        if !Policy::THRESHOLD_KEYS.contains(&key.as_str()) {
            return Err(format!(
                "`policy: {key}` is not a threshold (one of: {})",
                Policy::THRESHOLD_KEYS.join(", ")
            ));
        }
        if spec.unit.is_some() && !key.starts_with("max-") {
            return Err("`unit` applies to durations (`max-*-ttl`) only".to_string());
        }
        return Ok(Condition::Policy {
            var: var.trim_start_matches('$').to_string(),
            key,
            unit: spec.unit.unwrap_or_default(),
        });
    }
    if spec.unit.is_some() {
        return Err("`unit` goes with `policy`".to_string());
    }
    match spec {
        ConditionSpec { dependency: Some(dep), value: None, project: None, matches: None, not_matches: None, from_request: None, from_unverified_token: None, declared_by: None, literal: None, .. } => {
            let range = dep.version.as_deref().map(str::parse::<VersionRange>).transpose()?;
            Ok(Condition::Dependency { ecosystem: dep.ecosystem, name: dep.name, range })
        }
        ConditionSpec { project: Some(project), value: None, matches: None, not_matches: None, from_request: None, from_unverified_token: None, declared_by: None, literal: None, dependency: None, .. } => {
            match project {
                ProjectSpec { absent: Some(rule), present: None } => Ok(Condition::Project { rule, present: false }),
                ProjectSpec { present: Some(rule), absent: None } => Ok(Condition::Project { rule, present: true }),
                _ => Err("`project` takes exactly one of `absent` or `present` (a rule id)".to_string()),
            }
        }
        ConditionSpec { value: Some(var), project: None, dependency: None, matches, not_matches, from_request, from_unverified_token, declared_by, literal, .. } => {
            let var = var.trim_start_matches('$').to_string();
            match (matches, not_matches, from_request, from_unverified_token, declared_by, literal) {
                (Some(m), None, None, None, None, None) => Ok(Condition::ValueMatches { var, regex: regex(&m)?, negate: false }),
                (None, Some(m), None, None, None, None) => Ok(Condition::ValueMatches { var, regex: regex(&m)?, negate: true }),
                (None, None, Some(expected), None, None, None) => Ok(Condition::From { var, origin: Origin::Request, expected }),
                (None, None, None, Some(expected), None, None) => Ok(Condition::From { var, origin: Origin::UnverifiedToken, expected }),
                (None, None, None, None, Some(rule), None) => Ok(Condition::DeclaredBy { var, rule }),
                (None, None, None, None, None, Some(expected)) => Ok(Condition::Literal { var, expected }),
                _ => Err("`value` takes exactly one of `matches`, `not-matches`, `from-request`, `from-unverified-token`, `declared-by` or `literal`".to_string()),
            }
        }
        _ => Err(
            "each condition is one of `value: VAR` with a test, `project: {absent|present: RULE}` or `dependency: {ecosystem, name, version}`"
                .to_string(),
        ),
    }
}

/// What the walk learnt that conditions may need.
pub struct Context<'a> {
    pub facts: &'a Facts,
    pub policy: &'a Policy,
    /// The files each rule matched, before suppressions.
    pub rule_hits: &'a HashMap<String, Vec<String>>,
    /// `(rule id, directory, name)` of the `kind: fact` matches of the scan.
    pub declared: &'a std::collections::HashSet<(String, String, String)>,
    /// The file being judged: of several definitions of one constant, the nearest wins.
    pub near: &'a str,
}

/// Decides all conditions; `Some(evidence)` when every one holds.
pub fn evaluate(
    conditions: &[Condition],
    bindings: &[(String, Resolved)],
    lang: Option<Lang>,
    context: &Context<'_>,
) -> Option<Vec<Evidence>> {
    let mut evidence = Vec::new();
    for condition in conditions {
        match condition {
            Condition::Project { rule, present } => {
                // Within the app (the nearest directory with a manifest) of the file:
                // one service's CSRF middleware does not protect its neighbour.
                let apps = context.facts.apps();
                let app = apps.root_of(context.near);
                let found = context
                    .rule_hits
                    .get(rule)
                    .and_then(|paths| paths.iter().find(|p| apps.root_of(p) == app));
                if found.is_some() != *present {
                    return None;
                }
                let scope = if app.is_empty() {
                    "the scanned tree".to_string()
                } else {
                    format!("app `{app}/`")
                };
                evidence.push(match found {
                    Some(path) => Evidence {
                        description: format!("`{rule}` matches in {scope}"),
                        path: Some(path.clone()),
                        line: None,
                    },
                    None => Evidence {
                        description: format!("`{rule}` matches nowhere in {scope}"),
                        path: None,
                        line: None,
                    },
                });
            }
            Condition::Dependency {
                ecosystem,
                name,
                range,
            } => {
                evidence.push(dependency_evidence(
                    context.facts,
                    *ecosystem,
                    name,
                    range.as_ref(),
                    context.near,
                )?);
            }
            Condition::Policy { var, key, unit } => {
                let Some(resolved) = binding(bindings, var) else {
                    continue;
                };
                let limit = context.policy.threshold(key)? as f64;
                let is_string = resolved
                    .chain
                    .last()
                    .is_some_and(|raw| raw.trim_start().starts_with(['"', '\'', '`']));
                let (values, _) = candidate_values(resolved, context.facts, context.near);
                let value = values.first()?;
                let description = if key.starts_with("max-") {
                    let secs = duration_secs(value, is_string, *unit)?;
                    if secs <= limit {
                        return None;
                    }
                    format!(
                        "`${var}` is {}, above `{key}` ({})",
                        human_duration(secs),
                        human_duration(limit)
                    )
                } else {
                    let n = number(value)?;
                    if n >= limit {
                        return None;
                    }
                    format!("`${var}` is {n}, below `{key}` ({limit})")
                };
                evidence.extend(steps_evidence(var, resolved));
                evidence.push(Evidence {
                    description,
                    path: context.policy.path.clone(),
                    line: None,
                });
            }
            Condition::ValueMatches { var, regex, negate } => {
                let Some(resolved) = binding(bindings, var) else {
                    continue;
                };
                let (candidates, decided_by) =
                    candidate_values(resolved, context.facts, context.near);
                let hit = candidates.iter().find(|v| regex.is_match(v) != *negate)?;
                evidence.extend(steps_evidence(var, resolved));
                if let Some(fact) = decided_by
                    .into_iter()
                    .find(|(value, _)| value == hit)
                    .map(|(_, e)| e)
                {
                    evidence.push(fact);
                }
            }
            Condition::Literal { var, expected } => {
                let Some(resolved) = binding(bindings, var) else {
                    continue;
                };
                let (literal, how) = string_literal(resolved);
                if literal != *expected {
                    return None;
                }
                evidence.extend(steps_evidence(var, resolved));
                if let Some(how) = how {
                    evidence.push(Evidence {
                        description: format!("`${var}` {how}"),
                        path: None,
                        line: None,
                    });
                }
            }
            Condition::DeclaredBy { var, rule } => {
                let Some(resolved) = binding(bindings, var) else {
                    continue;
                };
                let name =
                    referenced_name(resolved.chain.first().map(String::as_str).unwrap_or(""));
                let dir = crate::scan::parent_dir(context.near);
                let key = (rule.clone(), dir.to_string(), name.to_string());
                if name.is_empty() || !context.declared.contains(&key) {
                    return None;
                }
                let shown = if dir.is_empty() { "." } else { dir };
                evidence.push(Evidence {
                    description: format!("`{name}` is declared in `{shown}` as `{rule}` describes"),
                    path: None,
                    line: None,
                });
            }
            Condition::From {
                var,
                origin,
                expected,
            } => {
                let Some(resolved) = binding(bindings, var) else {
                    continue;
                };
                // Text rules have no grammar, hence no provenance.
                let found = lang.and_then(|lang| provenance(resolved, lang, *origin));
                if found.is_some() != *expected {
                    return None;
                }
                evidence.extend(steps_evidence(var, resolved));
                if let Some(expr) = found {
                    let shown: String = expr.chars().take(80).collect();
                    evidence.push(Evidence {
                        description: format!(
                            "`${var}` comes from {}: `{shown}`",
                            origin.describe()
                        ),
                        path: None,
                        line: None,
                    });
                }
            }
        }
    }
    Some(evidence)
}

/// The first record of the dependency that satisfies the condition. A version that is
/// unknown or cannot be ordered satisfies it: unknown is never assumed safe.
fn dependency_evidence(
    facts: &Facts,
    ecosystem: Ecosystem,
    name: &str,
    range: Option<&VersionRange>,
    near: &str,
) -> Option<Evidence> {
    facts.dependency_near(ecosystem, name, near).into_iter().find_map(|dep| {
        let at = |description: String| Evidence { description, path: Some(dep.path.clone()), line: Some(dep.line) };
        match (&dep.version, range) {
            (Some(version), None) => Some(at(format!("depends on `{name}` {version}"))),
            (Some(version), Some(range)) => match range.contains(ecosystem, version) {
                Some(true) => Some(at(format!("`{name}` {version} is in `{range}`"))),
                Some(false) => None,
                None => Some(at(format!("`{name}` version `{version}` cannot be ordered as a {ecosystem} version; treated as affected"))),
            },
            (None, _) => Some(at(format!(
                "`{name}` version unknown ({}); treated as affected",
                dep.unknown_reason.as_deref().unwrap_or("not resolved")
            ))),
        }
    })
}

/// Whether a resolved value is a string literal written in the code, and how.
fn string_literal(resolved: &Resolved) -> (bool, Option<&'static str>) {
    let quoted = |raw: &str| {
        let raw = raw.trim_start();
        // Python prefixes (b"", r"", f"" without interpolation), Go raw strings, JS templates.
        let raw = raw.trim_start_matches(['b', 'r', 'u', 'B', 'R', 'U']);
        raw.starts_with(['"', '\'', '`'])
    };
    match &resolved.value {
        Value::Literal(_) => {
            let literal = resolved.chain.last().is_some_and(|raw| quoted(raw));
            (literal, literal.then_some("is a string literal"))
        }
        Value::Config {
            default: Some(_), ..
        } => (
            true,
            Some("falls back to a string literal when the setting is absent"),
        ),
        _ => (false, None),
    }
}

fn binding<'b>(bindings: &'b [(String, Resolved)], var: &str) -> Option<&'b Resolved> {
    bindings
        .iter()
        .find(|(name, _)| name == var)
        .map(|(_, r)| r)
}

/// The values a binding may hold, and for those taken from configuration the
/// evidence naming where they were set.
fn candidate_values(
    resolved: &Resolved,
    facts: &Facts,
    near: &str,
) -> (Vec<String>, Vec<(String, Evidence)>) {
    match &resolved.value {
        Value::Literal(v) => (vec![v.clone()], vec![]),
        Value::Expression(v) => {
            // A constant defined in a config module elsewhere in the project.
            for key in code_keys(v) {
                let set = nearest(facts.config(&key), near);
                if set.is_empty() {
                    continue;
                }
                let values = set.iter().map(|c| c.value.clone()).collect();
                let evidence = set
                    .iter()
                    .map(|c| {
                        (
                            c.value.clone(),
                            Evidence {
                                description: format!(
                                    "`{}` is defined as `{}`",
                                    crate::finding::strip_control_chars(v),
                                    crate::finding::strip_control_chars(&c.value)
                                ),
                                path: Some(c.path.clone()),
                                line: Some(c.line),
                            },
                        )
                    })
                    .collect();
                return (values, evidence);
            }
            // `{**BASE_OPTIONS, "verify_aud": True}`, `{ ...baseOptions }`: spread members
            // defined in another module join the text.
            let mut combined = v.clone();
            let mut evidence = Vec::new();
            for spread in spread_names().captures_iter(v) {
                let name = &spread[1];
                if let Some(c) = code_keys(name)
                    .iter()
                    .find_map(|k| nearest(facts.config(k), near).into_iter().next())
                {
                    combined.push('\n');
                    combined.push_str(&c.value);
                    evidence.push(Evidence {
                        description: format!(
                            "`{name}` is defined as `{}`",
                            crate::finding::strip_control_chars(&c.value)
                        ),
                        path: Some(c.path.clone()),
                        line: Some(c.line),
                    });
                }
            }
            if evidence.is_empty() {
                return (vec![v.clone()], vec![]);
            }
            let evidence = evidence
                .into_iter()
                .map(|e| (combined.clone(), e))
                .collect();
            (vec![combined], evidence)
        }
        Value::Config { key, default } => {
            let set = facts.config(key);
            if set.is_empty() {
                if default.is_none() {
                    return (resolved.chain.last().cloned().into_iter().collect(), vec![]);
                }
                let values = default.iter().cloned().collect::<Vec<_>>();
                let evidence = default
                    .iter()
                    .map(|d| {
                        (
                            d.clone(),
                            Evidence {
                                description: format!(
                                    "`{key}` is not configured; the code falls back to `{d}`"
                                ),
                                path: None,
                                line: None,
                            },
                        )
                    })
                    .collect();
                return (values, evidence);
            }
            let values = set.iter().map(|c| c.value.clone()).collect();
            let evidence = set
                .iter()
                .map(|c| {
                    (
                        c.value.clone(),
                        Evidence {
                            description: format!(
                                "`{key}` is configured as `{}`",
                                crate::finding::strip_control_chars(&c.value)
                            ),
                            path: Some(c.path.clone()),
                            line: Some(c.line),
                        },
                    )
                })
                .collect();
            (values, evidence)
        }
    }
}

/// The configuration-fact keys a dotted read may name, most specific first:
/// `config.Passwords.Iterations` (a Go package constant), then `Passwords.Iterations`
/// (an `export default` object); `require("./config").rounds` and a getter
/// `props.getIterations()` name a bare key, as does `settings.X` / `config.X` (a module
/// of constants). A bare single name is never looked up: `user.id` is not the `id` of a
/// YAML file.
fn code_keys(text: &str) -> Vec<String> {
    static PATTERNS: OnceLock<(Regex, Regex, Regex, Regex)> = OnceLock::new();
    let (required, getter, dotted, module) = PATTERNS.get_or_init(|| {
        (
            Regex::new(r#"^require\(["'][^"']+["']\)\.([\w$.]+)$"#).expect("valid pattern"),
            Regex::new(r"^(?:[\w$]+\.)*get([A-Z][\w$]*)\(\)$").expect("valid pattern"),
            Regex::new(r"^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$").expect("valid pattern"),
            Regex::new(r"(?i)^(config|settings|conf|cfg|constants|consts)$")
                .expect("valid pattern"),
        )
    });
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    // A constant by convention (`COOKIE_TRANSFORMATION`, statically imported).
    if compact.len() > 3
        && compact.contains('_')
        && compact
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return vec![compact];
    }
    if let Some(c) = required.captures(&compact) {
        return vec![c[1].to_string()];
    }
    if let Some(c) = getter.captures(&compact) {
        let field = &c[1];
        let mut lowered = field[..1].to_lowercase();
        lowered.push_str(&field[1..]);
        return vec![lowered];
    }
    if !dotted.is_match(&compact) {
        return vec![];
    }
    let segments: Vec<&str> = compact.split('.').collect();
    let mut keys: Vec<String> = (0..segments.len() - 1)
        .map(|skip| segments[skip..].join("."))
        .collect();
    if segments.len() == 2 && module.is_match(segments[0]) {
        keys.push(segments[1].to_string());
    }
    keys
}

/// The definitions in the directory closest to `near` (a monorepo has one `settings`
/// per service), in their original order.
fn nearest<'f>(
    set: &'f [crate::facts::ConfigValue],
    near: &str,
) -> Vec<&'f crate::facts::ConfigValue> {
    let shared = |path: &str| {
        path.split('/')
            .zip(near.split('/'))
            .take_while(|(a, b)| a == b)
            .count()
    };
    let best = set.iter().map(|c| shared(&c.path)).max().unwrap_or(0);
    let mut seen: Vec<(&str, usize, &str)> = Vec::new();
    set.iter()
        .filter(|c| shared(&c.path) == best)
        .filter(|c| {
            // The same definition read twice (two passes over one file) is one.
            let key = (c.path.as_str(), c.line, c.value.as_str());
            let fresh = !seen.contains(&key);
            seen.push(key);
            fresh
        })
        .collect()
}

/// The name an expression refers to: `f` of `f(x)`, `m` of `v.ring.m`, `x` of `x`.
fn referenced_name(text: &str) -> &str {
    let callee = text.split('(').next().unwrap_or("").trim();
    let name = callee.rsplit('.').next().unwrap_or("");
    let keyword = matches!(name, "func" | "function" | "lambda" | "new");
    if !keyword
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '$')
    {
        name
    } else {
        ""
    }
}

fn spread_names() -> &'static Regex {
    static SPREAD: OnceLock<Regex> = OnceLock::new();
    SPREAD.get_or_init(|| Regex::new(r"(?:\*\*|\.\.\.)([A-Za-z_$][\w$.]*)").expect("valid pattern"))
}

fn steps_evidence(var: &str, resolved: &Resolved) -> Vec<Evidence> {
    resolved
        .steps
        .iter()
        .map(|s| Evidence {
            description: format!("`${var}`: {}", s.description),
            path: None,
            line: Some(s.line),
        })
        .collect()
}

/// The expression that shows `resolved` comes from `origin`, if any. The value's own
/// chain may carry the source anywhere in an expression; an object it was read from
/// (`roots`) must *be* request data, or parsed request data (`json.loads(request.body)`),
/// so that `User.get(id=request.GET["id"]).role` is not taken for a client-sent role.
fn provenance(resolved: &Resolved, lang: Lang, origin: Origin) -> Option<&String> {
    match origin {
        Origin::Request => {
            let source = request_source(lang);
            static PARSED: OnceLock<Regex> = OnceLock::new();
            let parsed = PARSED.get_or_init(|| {
                Regex::new(r"^\s*(?:(?:new\s+)?[\w.]*(?:loads|[pP]arse|NewDecoder|ReadAll|URLSearchParams)\()?[\w.]*$")
                    .expect("valid prefix pattern")
            });
            resolved
                .chain
                .iter()
                .find(|expr| source.is_match(expr))
                .or_else(|| {
                    resolved.roots.iter().find(|expr| {
                        source
                            .find_iter(expr)
                            .any(|m| parsed.is_match(&expr[..m.start()]))
                    })
                })
        }
        Origin::UnverifiedToken => {
            let source = unverified_source(lang);
            resolved
                .chain
                .iter()
                .chain(&resolved.roots)
                .find(|expr| source.is_match(expr))
        }
    }
}

/// Expressions that decode a token without checking its signature, by language.
pub fn unverified_source(lang: Lang) -> &'static Regex {
    static SOURCES: OnceLock<Vec<(Lang, Regex)>> = OnceLock::new();
    let all = SOURCES.get_or_init(|| {
        let python = r#"get_unverified_claims\(|["']verify_signature["']\s*:\s*False|\bverify\s*=\s*False|loads\((?s:.)*b64decode\(|\.objects\[\s*["']payload["']\s*\]"#;
        let js = r"\b(jwt|jsonwebtoken|jsonWebToken|JWT)\.decode\(|\b(decodeJwt|jwtDecode|jwt_decode)\(|JSON\.parse\((?s:.)*(atob\(|base64)";
        let go = r"ParseUnverified\(|ParseInsecure\(|\.DecodeString\(\s*\w+\[1\]\s*\)|DecodeSegment\(\s*\w+\[1\]\s*\)";
        let java = r"\bJWT\.decode\(|parseUnsecuredClaims\(|\.unsecured\(\)|SignedJWT\.parse\([^)]*\)\s*\.getJWTClaimsSet|(readTree|readValue)\((?s:.)*getUrlDecoder\(\)\.decode\(";
        [
            (Lang::Python, python),
            (Lang::JavaScript, js),
            (Lang::TypeScript, js),
            (Lang::Tsx, js),
            (Lang::Go, go),
            (Lang::Java, java),
        ]
        .into_iter()
        .map(|(l, p)| (l, Regex::new(p).expect("valid source pattern")))
        .collect()
    });
    &all.iter()
        .find(|(l, _)| *l == lang)
        .expect("every language has sources")
        .1
}

/// Expressions that carry request data, by language.
pub fn request_source(lang: Lang) -> &'static Regex {
    static SOURCES: OnceLock<Vec<(Lang, Regex)>> = OnceLock::new();
    let all = SOURCES.get_or_init(|| {
        let python = r"\brequest\.(args|form|values|json|data|cookies|headers|referrer|GET|POST|COOKIES|META|query_params|path_params|body)\b|\brequest\.get_json\(|^\s*\w+\s*(:[^=]*)?=\s*(fastapi\.)?(Header|Query|Cookie|Form|Body)\(";
        let js = r"\breq(uest)?\.(query|body|params|cookies|headers|get\(|header\()|\bctx\.(query|request\.body|params)\b|\bsearchParams\.get\(";
        let go = r"\.URL\.Query\(\)|\.(FormValue|PostFormValue|Cookie|PathValue|Referer)\(|\.Header\.Get\(|\bc\.(Query|DefaultQuery|GetQuery|QueryParam|Param|PostForm|DefaultPostForm|GetPostForm|GetHeader|Cookie|ShouldBind\w*|Bind\w*)\(|\b(r|req)\.(Body|Form|PostForm)\b";
        let java = r"\.(getParameter|getHeader|getHeaders|getQueryString|getCookies|getParameterValues|getParameterMap)\(|@(RequestParam|PathVariable|RequestHeader|RequestBody|CookieValue)\b";
        [
            (Lang::Python, python),
            (Lang::JavaScript, js),
            (Lang::TypeScript, js),
            (Lang::Tsx, js),
            (Lang::Go, go),
            (Lang::Java, java),
        ]
        .into_iter()
        .map(|(l, p)| (l, Regex::new(p).expect("valid source pattern")))
        .collect()
    });
    &all.iter()
        .find(|(l, _)| *l == lang)
        .expect("every language has sources")
        .1
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn context<'a>(
        facts: &'a Facts,
        policy: &'a Policy,
        hits: &'a HashMap<String, Vec<String>>,
    ) -> Context<'a> {
        Context {
            facts,
            policy,
            rule_hits: hits,
            declared: empty_declared(),
            near: "",
        }
    }

    fn empty_declared() -> &'static std::collections::HashSet<(String, String, String)> {
        static EMPTY: OnceLock<std::collections::HashSet<(String, String, String)>> =
            OnceLock::new();
        EMPTY.get_or_init(Default::default)
    }

    #[test]
    fn names_referenced_by_expressions() {
        assert_eq!(referenced_name("sharedSecret(v.cfg)"), "sharedSecret");
        assert_eq!(referenced_name("v.ring.lookup"), "lookup");
        assert_eq!(referenced_name("keyFunc"), "keyFunc");
        assert_eq!(
            referenced_name("func(t *jwt.Token) (any, error) { return k, nil }"),
            ""
        );
    }

    #[test]
    fn dotted_reads_name_code_constants() {
        assert_eq!(
            code_keys("config.Legacy.Iterations"),
            vec!["config.Legacy.Iterations", "Legacy.Iterations"]
        );
        assert_eq!(
            code_keys("settings.SCRYPT_N"),
            vec!["settings.SCRYPT_N", "SCRYPT_N"]
        );
        assert_eq!(code_keys("require(\"../config\").rounds"), vec!["rounds"]);
        assert_eq!(
            code_keys("this.props.getPbkdf2Iterations()"),
            vec!["pbkdf2Iterations"]
        );
        assert!(code_keys("user.id").iter().all(|k| k.contains('.')));
        assert!(code_keys("hash(password)").is_empty());
        assert_eq!(
            code_keys("COOKIE_TRANSFORMATION"),
            vec!["COOKIE_TRANSFORMATION"]
        );
        assert!(code_keys("KEY").is_empty());
    }

    #[test]
    fn schema_errors_name_the_entry() {
        let cases = [
            (
                json!([{ "value": "A" }]),
                "metadata.where[0]",
                "exactly one of",
            ),
            (
                json!([{ "value": "A", "matches": "(" }]),
                "metadata.where[0]",
                "invalid regex",
            ),
            (
                json!([{ "value": "A", "colour": "red" }]),
                "metadata.where[0]",
                "unknown field `colour`",
            ),
            (
                json!([{ "project": { "absent": "a", "present": "b" } }]),
                "metadata.where[0]",
                "exactly one of",
            ),
            (
                json!({ "value": "A" }),
                "metadata.where",
                "expected a sequence",
            ),
        ];
        for (value, place, message) in cases {
            let err = parse_conditions(value).unwrap_err();
            assert!(err.contains(place) && err.contains(message), "{err}");
        }
    }

    #[test]
    fn config_values_decide_with_evidence() {
        let mut facts = Facts::default();
        facts.add_config(vec![crate::facts::ConfigValue {
            key: "security.hash".into(),
            value: "MD5".into(),
            path: "application.properties".into(),
            line: 4,
        }]);
        let hits = HashMap::new();
        let policy = Policy::default();
        let context = context(&facts, &policy, &hits);
        let conditions =
            parse_conditions(json!([{ "value": "ALG", "matches": "(?i)^md5$" }])).unwrap();
        let bound = |value: Value| {
            vec![(
                "ALG".to_string(),
                Resolved {
                    value,
                    chain: vec![],
                    roots: vec![],
                    steps: vec![],
                },
            )]
        };
        let evidence = evaluate(
            &conditions,
            &bound(Value::Config {
                key: "security.hash".into(),
                default: None,
            }),
            Some(Lang::Java),
            &context,
        )
        .unwrap();
        assert_eq!(evidence[0].path.as_deref(), Some("application.properties"));
        assert_eq!(evidence[0].line, Some(4));
        // Unknown key without default: tested through the look-up as written.
        assert!(evaluate(
            &conditions,
            &bound(Value::Config {
                key: "other".into(),
                default: None
            }),
            Some(Lang::Java),
            &context
        )
        .is_none());
        // A condition on a variable the match did not bind does not apply.
        assert!(evaluate(&conditions, &[], Some(Lang::Java), &context).is_some());
        // Unknown key with a default in code: the default decides.
        assert!(evaluate(
            &conditions,
            &bound(Value::Config {
                key: "other".into(),
                default: Some("md5".into())
            }),
            Some(Lang::Java),
            &context
        )
        .is_some());
        assert!(evaluate(
            &conditions,
            &bound(Value::Literal("SHA-512".into())),
            Some(Lang::Java),
            &context
        )
        .is_none());
    }

    #[test]
    fn dependency_versions_known_unknown_and_absent() {
        use crate::facts::{parse_manifest, ManifestKind};
        let mut facts = Facts::default();
        let (deps, _) = parse_manifest(
            ManifestKind::YarnLock,
            "yarn.lock",
            "passport@^0.5.0:\n  version \"0.5.3\"\n",
        );
        facts.add_deps(deps);
        let (deps, _) = parse_manifest(
            ManifestKind::Requirements,
            "requirements.txt",
            "pyjwt>=1.0\n",
        );
        facts.add_deps(deps);
        let hits = HashMap::new();
        let policy = Policy::default();
        let context = context(&facts, &policy, &hits);
        let holds = |spec: serde_json::Value| {
            evaluate(
                &parse_conditions(json!([spec])).unwrap(),
                &[],
                Some(Lang::Python),
                &context,
            )
        };
        let ev = holds(json!({ "dependency": { "ecosystem": "npm", "name": "passport", "version": "<0.6.0" } })).unwrap();
        assert_eq!(ev[0].description, "`passport` 0.5.3 is in `<0.6.0`");
        assert_eq!(
            (ev[0].path.as_deref(), ev[0].line),
            (Some("yarn.lock"), Some(1))
        );
        assert!(holds(json!({ "dependency": { "ecosystem": "npm", "name": "passport", "version": ">=0.6.0" } })).is_none());
        assert!(
            holds(json!({ "dependency": { "ecosystem": "npm", "name": "express" } })).is_none()
        );
        let ev = holds(
            json!({ "dependency": { "ecosystem": "pypi", "name": "PyJWT", "version": "<2.4.0" } }),
        )
        .unwrap();
        assert!(ev[0].description.contains("version unknown"), "{ev:?}");
        assert!(parse_conditions(
            json!([{ "dependency": { "ecosystem": "npm", "name": "x", "version": "^1" } }])
        )
        .is_err());
        assert!(parse_conditions(
            json!([{ "dependency": { "ecosystem": "rubygems", "name": "x" } }])
        )
        .is_err());
    }

    #[test]
    fn dependency_versions_come_from_the_nearest_app_that_names_them() {
        use crate::facts::{parse_manifest, ManifestKind};
        let mut facts = Facts::default();
        for (path, text) in [
            (
                "legacy/package.json",
                r#"{"dependencies": {"passport": "0.5.3"}}"#,
            ),
            (
                "web/package.json",
                r#"{"dependencies": {"passport": "0.7.0"}}"#,
            ),
            (
                "worker/package.json",
                r#"{"dependencies": {"bullmq": "5.0.0"}}"#,
            ),
        ] {
            let (deps, _) = parse_manifest(ManifestKind::PackageJson, path, text);
            facts.add_deps(deps);
            facts.add_manifest(path);
        }
        facts.finish();
        let hits = HashMap::new();
        let policy = Policy::default();
        let old = parse_conditions(
            json!([{ "dependency": { "ecosystem": "npm", "name": "passport", "version": "<0.6.0" } }]),
        )
        .unwrap();
        let holds = |near: &str| {
            let context = Context {
                near,
                ..context(&facts, &policy, &hits)
            };
            evaluate(&old, &[], Some(Lang::JavaScript), &context).is_some()
        };
        assert!(holds("legacy/src/login.js"));
        assert!(!holds("web/src/login.js"));
        // An app that does not name the package: any record may apply.
        assert!(holds("worker/src/jobs.js"));
    }

    #[test]
    fn policy_thresholds() {
        let facts = Facts::default();
        let hits = HashMap::new();
        let policy = Policy::default();
        let context = context(&facts, &policy, &hits);
        let ttl = parse_conditions(
            json!([{ "policy": "max-access-token-ttl", "value": "TTL", "unit": "jsonwebtoken" }]),
        )
        .unwrap();
        let bound = |raw: &str, value: Value| {
            vec![(
                "TTL".to_string(),
                Resolved {
                    value,
                    chain: vec![raw.to_string()],
                    roots: vec![],
                    steps: vec![],
                },
            )]
        };
        let ev = evaluate(
            &ttl,
            &bound("'30d'", Value::Literal("30d".into())),
            Some(Lang::JavaScript),
            &context,
        )
        .unwrap();
        assert_eq!(
            ev[0].description,
            "`$TTL` is 30 days, above `max-access-token-ttl` (1 hour)"
        );
        assert!(evaluate(
            &ttl,
            &bound("'15m'", Value::Literal("15m".into())),
            Some(Lang::JavaScript),
            &context
        )
        .is_none());
        assert!(evaluate(
            &ttl,
            &bound("3600", Value::Literal("3600".into())),
            Some(Lang::JavaScript),
            &context
        )
        .is_none());
        assert!(
            evaluate(
                &ttl,
                &bound("'7200'", Value::Literal("7200".into())),
                Some(Lang::JavaScript),
                &context
            )
            .is_none(),
            "7200 ms"
        );
        assert!(
            evaluate(
                &ttl,
                &bound("7200", Value::Literal("7200".into())),
                Some(Lang::JavaScript),
                &context
            )
            .is_some(),
            "7200 s"
        );
        let cost =
            parse_conditions(json!([{ "policy": "min-bcrypt-cost", "value": "ROUNDS" }])).unwrap();
        let rounds = |n: &str| {
            vec![(
                "ROUNDS".to_string(),
                Resolved {
                    value: Value::Literal(n.into()),
                    chain: vec![n.into()],
                    roots: vec![],
                    steps: vec![],
                },
            )]
        };
        assert!(evaluate(&cost, &rounds("8"), Some(Lang::Python), &context).is_some());
        assert!(evaluate(&cost, &rounds("12"), Some(Lang::Python), &context).is_none());
        assert!(parse_conditions(json!([{ "policy": "max-lifetime", "value": "X" }])).is_err());
        assert!(parse_conditions(
            json!([{ "policy": "min-bcrypt-cost", "value": "X", "unit": "seconds" }])
        )
        .is_err());
        assert!(parse_conditions(json!([{ "policy": "min-bcrypt-cost" }])).is_err());
    }

    #[test]
    fn project_presence_is_decided_per_app() {
        let mut facts = Facts::default();
        facts.add_manifest("shop/package.json");
        facts.add_manifest("blog/package.json");
        let mut hits = HashMap::new();
        hits.insert(
            "csrf-middleware".to_string(),
            vec!["shop/src/app.js".to_string()],
        );
        let policy = Policy::default();
        let absent =
            parse_conditions(json!([{ "project": { "absent": "csrf-middleware" } }])).unwrap();
        let present =
            parse_conditions(json!([{ "project": { "present": "csrf-middleware" } }])).unwrap();
        let in_app = |near: &'static str| Context {
            near,
            ..context(&facts, &policy, &hits)
        };
        // The shop has the middleware, wherever in its tree.
        assert!(evaluate(
            &absent,
            &[],
            Some(Lang::JavaScript),
            &in_app("shop/routes/cart.js")
        )
        .is_none());
        assert!(evaluate(
            &present,
            &[],
            Some(Lang::JavaScript),
            &in_app("shop/routes/cart.js")
        )
        .is_some());
        // Its neighbour does not, and a file outside every app is judged by the root alone.
        assert!(evaluate(
            &absent,
            &[],
            Some(Lang::JavaScript),
            &in_app("blog/server.js")
        )
        .is_some());
        assert!(evaluate(
            &absent,
            &[],
            Some(Lang::JavaScript),
            &in_app("tools/seed.js")
        )
        .is_some());
    }
}

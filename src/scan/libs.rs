//! LIBS: the auth libraries a project depends on, from the lockfile and manifest facts,
//! checked against the catalogue (`rules/libraries.yml`), the policy's allow and ban
//! lists, and the curated advisory list (`rules/advisories/`) plus any OSV export
//! given with `--advisories`.
//!
//! A version that is unknown, or that cannot be ordered, is never assumed safe: it is
//! reported as unknown rather than silently passed.

use crate::facts::{Dependency, Ecosystem, Facts, VersionRange};
use crate::finding::{
    fingerprint, Diagnostic, DiagnosticLevel, Evidence, Finding, Level, Location, RuleKind,
    Severity,
};
use crate::policy::Policy;
use crate::scan::rules::RuleMeta;
use serde::Deserialize;
use std::collections::BTreeSet;
use std::path::Path;
use std::sync::{Arc, OnceLock};

pub const VULNERABLE_ID: &str = "vulnerable-auth-library";
pub const BANNED_ID: &str = "banned-auth-library";
pub const UNAPPROVED_ID: &str = "unapproved-auth-library";
pub const DEPRECATED_ID: &str = "deprecated-auth-library";
pub const UNKNOWN_VERSION_ID: &str = "auth-library-version-unknown";

/// The rules behind LIBS findings (implemented here, not in YAML).
pub fn library_rules() -> &'static [Arc<RuleMeta>] {
    static RULES: OnceLock<Vec<Arc<RuleMeta>>> = OnceLock::new();
    RULES.get_or_init(|| {
        let rule = |id, severity, message, note, fix, cwe: &str| {
            let mut meta = RuleMeta::internal(id, "LIBS", severity, message, note, fix);
            meta.cwe = vec![cwe.to_string()];
            Arc::new(meta)
        };
        vec![
            rule(
                VULNERABLE_ID,
                Severity::High,
                "An auth library is pinned at a version with a published security advisory.",
                "Authentication libraries are where token verification, signature checks and session handling live; their advisories are algorithm confusion, signature bypass, claim-check bypass and session fixation. A project pinned to an affected version carries the flaw whatever its own code does. The finding's severity is the advisory's.",
                "Upgrade to the fixed version named in the finding (or later), regenerate the lockfile, and check the advisory for configuration that stays unsafe after the upgrade.",
                "CWE-1395",
            ),
            rule(
                BANNED_ID,
                Severity::High,
                "The project depends on a library the policy bans.",
                "The policy's `[libraries] ban` list names libraries the security team has ruled out, each with its reason; a dependency on one bypasses that decision.",
                "Replace the library as the ban's reason says, or change the policy through its owners.",
                "CWE-1395",
            ),
            rule(
                UNAPPROVED_ID,
                Severity::Medium,
                "An auth library outside the policy's approved list is in use.",
                "When the policy lists approved auth libraries (`[libraries] allow`), every other JWT, OAuth, SAML, session or password-hashing library is a second implementation of a security control that nobody has reviewed, and the usual way home-grown or abandoned auth code enters a code base.",
                "Use an approved library, or have the policy owners review and add this one to `[libraries] allow`.",
                "CWE-1104",
            ),
            rule(
                DEPRECATED_ID,
                Severity::Medium,
                "An auth library that is deprecated or unmaintained is in use.",
                "An unmaintained auth library gets no fixes: its known flaws stay open (dgrijalva/jwt-go never fixed CVE-2020-26160) and new ones will too.",
                "Move to the maintained replacement named in the finding.",
                "CWE-1104",
            ),
            rule(
                UNKNOWN_VERSION_ID,
                Severity::Info,
                "The version of an auth library could not be determined, so its advisories could not be checked.",
                "A manifest range (`pyjwt>=2`), a missing lockfile or an unparsable version leaves the installed version open; authgate does not assume an unknown version is safe, and says so instead of passing it silently.",
                "Commit a lockfile (package-lock.json, poetry.lock, uv.lock, go.sum with go.mod, Cargo.lock) or pin the exact version.",
                "CWE-1395",
            ),
        ]
    })
}

fn rule(id: &str) -> &'static Arc<RuleMeta> {
    library_rules()
        .iter()
        .find(|r| r.id == id)
        .expect("a LIBS rule id")
}

/// One catalogue entry of `rules/libraries.yml`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Library {
    pub ecosystem: Ecosystem,
    pub package: String,
    pub purpose: String,
    pub deprecated: Option<String>,
    pub replacement: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AdvisoryFile {
    ecosystem: Ecosystem,
    package: String,
    advisories: Vec<AdvisorySpec>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AdvisorySpec {
    id: String,
    #[serde(default)]
    aliases: Vec<String>,
    summary: String,
    severity: Severity,
    affected: String,
    fixed: Option<String>,
    source: String,
}

/// One advisory for one package.
#[derive(Debug, Clone)]
pub struct Advisory {
    pub ecosystem: Ecosystem,
    pub package: String,
    pub id: String,
    pub aliases: Vec<String>,
    pub summary: String,
    pub severity: Severity,
    pub affected: VersionRange,
    pub fixed: Option<String>,
    pub source: String,
}

/// The catalogue and the advisories.
#[derive(Debug, Default, Clone)]
pub struct LibraryData {
    pub libraries: Vec<Library>,
    pub advisories: Vec<Advisory>,
}

impl LibraryData {
    /// The catalogue and advisories shipped in the binary.
    pub fn builtin() -> &'static LibraryData {
        static DATA: OnceLock<LibraryData> = OnceLock::new();
        DATA.get_or_init(|| {
            let mut data = LibraryData::default();
            for (path, text) in crate::scan::rules::library_data_files() {
                data.add_yaml(&path, &text)
                    .unwrap_or_else(|e| panic!("built-in library data is valid: {e}"));
            }
            data
        })
    }

    /// Adds `libraries.yml` or one `advisories/*.yml` file.
    pub fn add_yaml(&mut self, path: &str, text: &str) -> Result<(), String> {
        if path.ends_with("libraries.yml") {
            let libraries: Vec<Library> = serde_saphyr::from_str(text)
                .map_err(|e| format!("{path}: not a library catalogue: {e}"))?;
            self.libraries.extend(libraries);
            return Ok(());
        }
        let file: AdvisoryFile = serde_saphyr::from_str(text)
            .map_err(|e| format!("{path}: not an advisory file: {e}"))?;
        for spec in file.advisories {
            let affected = spec
                .affected
                .parse::<VersionRange>()
                .map_err(|e| format!("{path}: {}: `affected`: {e}", spec.id))?;
            self.advisories.push(Advisory {
                ecosystem: file.ecosystem,
                package: file.ecosystem.normalize_name(&file.package),
                id: spec.id,
                aliases: spec.aliases,
                summary: spec.summary,
                severity: spec.severity,
                affected,
                fixed: spec.fixed,
                source: spec.source,
            });
        }
        Ok(())
    }

    /// Loads every `*.json` OSV record below `dir`. A record that cannot be read or
    /// has no range authgate understands is a warning; the others still load.
    pub fn add_osv_dir(&mut self, dir: &Path) -> Result<Vec<Diagnostic>, String> {
        let mut files = Vec::new();
        collect_json(dir, &mut files)
            .map_err(|e| format!("--advisories {}: cannot read: {e}", dir.display()))?;
        if files.is_empty() {
            return Err(format!(
                "--advisories {}: no OSV records (*.json) found",
                dir.display()
            ));
        }
        files.sort();
        let mut notes = Vec::new();
        for file in files {
            let display = file.display().to_string();
            let warn = |message: String| {
                Diagnostic::new(DiagnosticLevel::Warning, Some(display.clone()), message)
            };
            let text = match std::fs::read_to_string(&file) {
                Ok(text) => text,
                Err(e) => {
                    notes.push(warn(format!("cannot read OSV record: {e}")));
                    continue;
                }
            };
            match osv::parse(&text) {
                Ok((advisories, skipped)) => {
                    self.advisories.extend(advisories);
                    notes.extend(skipped.into_iter().map(warn));
                }
                Err(e) => notes.push(warn(format!("not an OSV record: {e}"))),
            }
        }
        Ok(notes)
    }

    fn library(&self, dep: &Dependency) -> Option<&Library> {
        self.libraries.iter().find(|l| {
            l.ecosystem == dep.ecosystem && l.ecosystem.normalize_name(&l.package) == dep.name
        })
    }
}

fn collect_json(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect_json(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// Checks every dependency the walk found.
pub fn check(facts: &Facts, policy: &Policy, data: &LibraryData) -> Vec<Finding> {
    let mut findings = Vec::new();
    let deps = facts.dependencies();
    // Packages with a resolved version somewhere (a lockfile beside a manifest range).
    let resolved: BTreeSet<(Ecosystem, &str)> = deps
        .iter()
        .filter(|d| d.version.is_some())
        .map(|d| (d.ecosystem, d.name.as_str()))
        .collect();
    let mut seen: BTreeSet<(String, String, String)> = BTreeSet::new();
    for dep in deps {
        let library = data.library(dep);
        let advisories: Vec<&Advisory> = data
            .advisories
            .iter()
            .filter(|a| a.ecosystem == dep.ecosystem && a.package == dep.name)
            .collect();
        let mut emit =
            |id: &str, key: &str, severity: Severity, message: String, evidence: Vec<Evidence>| {
                if !seen.insert((id.to_string(), dep.path.clone(), key.to_string())) {
                    return;
                }
                findings.push(library_finding(
                    rule(id),
                    dep,
                    key,
                    severity,
                    message,
                    evidence,
                ));
            };
        if let Some(ban) = policy
            .banned_libraries
            .iter()
            .find(|b| b.library.matches(dep.ecosystem, &dep.name))
        {
            emit(
                BANNED_ID,
                &dep.name,
                rule(BANNED_ID).severity,
                format!("`{}` is banned by the policy: {}", dep.name, ban.reason),
                vec![Evidence {
                    description: "the ban".to_string(),
                    path: policy.path.clone(),
                    line: Some(ban.library.line),
                }],
            );
        }
        if library.is_none() && advisories.is_empty() {
            continue;
        }
        if let Some(library) = library {
            let approved = policy.allowed_libraries.is_empty()
                || policy
                    .allowed_libraries
                    .iter()
                    .any(|a| a.matches(dep.ecosystem, &dep.name));
            if !approved {
                emit(
                    UNAPPROVED_ID,
                    &dep.name,
                    rule(UNAPPROVED_ID).severity,
                    format!(
                        "`{}` ({} library) is not in the policy's approved auth libraries",
                        dep.name, library.purpose
                    ),
                    vec![Evidence {
                        description: "`[libraries] allow` in the policy".to_string(),
                        path: policy.path.clone(),
                        line: policy.allowed_libraries.first().map(|a| a.line),
                    }],
                );
            }
            if let Some(reason) = &library.deprecated {
                let instead = library
                    .replacement
                    .as_deref()
                    .map(|r| format!("; use `{r}`"))
                    .unwrap_or_default();
                emit(
                    DEPRECATED_ID,
                    &dep.name,
                    rule(DEPRECATED_ID).severity,
                    format!("`{}` is deprecated: {reason}{instead}", dep.name),
                    library
                        .source
                        .iter()
                        .map(|s| Evidence {
                            description: format!("source: {s}"),
                            path: None,
                            line: None,
                        })
                        .collect(),
                );
            }
        }
        let Some(version) = &dep.version else {
            if !resolved.contains(&(dep.ecosystem, dep.name.as_str())) {
                emit(
                    UNKNOWN_VERSION_ID,
                    &dep.name,
                    Severity::Info,
                    format!(
                        "`{}` version unknown ({}); advisories cannot be checked ({} on file)",
                        dep.name,
                        dep.unknown_reason.as_deref().unwrap_or("not resolved"),
                        advisories.len()
                    ),
                    vec![],
                );
            }
            continue;
        };
        for advisory in advisories {
            match advisory.affected.contains(dep.ecosystem, version) {
                Some(false) => {}
                Some(true) => {
                    let aliases = if advisory.aliases.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", advisory.aliases.join(", "))
                    };
                    let fixed = advisory
                        .fixed
                        .as_deref()
                        .map(|f| format!("; fixed in {f}"))
                        .unwrap_or_else(|| "; no fixed version".to_string());
                    emit(
                        VULNERABLE_ID,
                        &format!("{}@{version}", advisory.id),
                        advisory.severity,
                        format!(
                            "`{}` {version} is affected by {}{aliases}: {}{fixed}",
                            dep.name, advisory.id, advisory.summary
                        ),
                        vec![
                            Evidence {
                                description: format!(
                                    "affected versions: `{}`",
                                    advisory.affected
                                ),
                                path: None,
                                line: None,
                            },
                            Evidence {
                                description: format!("advisory: {}", advisory.source),
                                path: None,
                                line: None,
                            },
                        ],
                    );
                }
                None => emit(
                    UNKNOWN_VERSION_ID,
                    &dep.name,
                    Severity::Info,
                    format!(
                        "`{}` version `{version}` cannot be ordered as a {} version; advisories not checked",
                        dep.name, dep.ecosystem
                    ),
                    vec![],
                ),
            }
        }
    }
    findings
}

fn library_finding(
    meta: &RuleMeta,
    dep: &Dependency,
    key: &str,
    severity: Severity,
    message: String,
    evidence: Vec<Evidence>,
) -> Finding {
    let snippet = match &dep.version {
        Some(version) => format!("{} {version}", dep.name),
        None => dep.name.clone(),
    };
    Finding {
        rule_id: meta.id.clone(),
        control: meta.control.clone(),
        kind: RuleKind::Flaw,
        cwe: meta.cwe.clone(),
        severity,
        level: Level::Default,
        location: Location {
            path: dep.path.clone(),
            start_line: dep.line,
            start_column: 1,
            end_line: dep.line,
            end_column: 1,
        },
        snippet,
        message,
        evidence,
        fingerprint: fingerprint(&meta.id, &dep.path, key, 0),
        frame: vec![],
        history: None,
        secret_digest: None,
    }
}

/// Reading OSV records (<https://ossf.github.io/osv-schema/>).
mod osv {
    use super::Advisory;
    use crate::facts::{Ecosystem, VersionRange};
    use crate::finding::Severity;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Record {
        id: String,
        #[serde(default)]
        aliases: Vec<String>,
        #[serde(default)]
        summary: Option<String>,
        #[serde(default)]
        details: Option<String>,
        #[serde(default)]
        affected: Vec<Affected>,
        #[serde(default)]
        database_specific: Option<serde_json::Value>,
        #[serde(default)]
        withdrawn: Option<String>,
    }

    #[derive(Deserialize)]
    struct Affected {
        package: Package,
        #[serde(default)]
        ranges: Vec<Range>,
        #[serde(default)]
        versions: Vec<String>,
        #[serde(default)]
        database_specific: Option<serde_json::Value>,
    }

    #[derive(Deserialize)]
    struct Package {
        ecosystem: String,
        name: String,
    }

    #[derive(Deserialize)]
    struct Range {
        #[serde(rename = "type")]
        kind: String,
        #[serde(default)]
        events: Vec<serde_json::Map<String, serde_json::Value>>,
    }

    fn ecosystem(name: &str) -> Option<Ecosystem> {
        match name {
            "npm" => Some(Ecosystem::Npm),
            "PyPI" => Some(Ecosystem::PyPI),
            "Go" => Some(Ecosystem::Go),
            "crates.io" => Some(Ecosystem::Cargo),
            "Maven" => Some(Ecosystem::Maven),
            _ => None,
        }
    }

    fn severity(value: Option<&serde_json::Value>) -> Option<Severity> {
        let text = value?.get("severity")?.as_str()?.to_ascii_lowercase();
        Some(match text.as_str() {
            "critical" => Severity::Critical,
            "high" => Severity::High,
            "moderate" | "medium" => Severity::Medium,
            "low" => Severity::Low,
            _ => return None,
        })
    }

    /// The record's advisories, and notes on what it holds that authgate skips.
    pub(super) fn parse(text: &str) -> Result<(Vec<Advisory>, Vec<String>), String> {
        let record: Record = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let mut notes = Vec::new();
        if record.withdrawn.is_some() {
            return Ok((vec![], vec![format!("{}: withdrawn; ignored", record.id)]));
        }
        let summary = record
            .summary
            .clone()
            .or_else(|| {
                record
                    .details
                    .as_ref()
                    .and_then(|d| d.lines().next().map(str::to_string))
            })
            .unwrap_or_else(|| "no summary".to_string());
        let mut out = Vec::new();
        for affected in &record.affected {
            let Some(eco) = ecosystem(&affected.package.ecosystem) else {
                notes.push(format!(
                    "{}: ecosystem `{}` is not one authgate reads lockfiles for; skipped",
                    record.id, affected.package.ecosystem
                ));
                continue;
            };
            let mut alternatives: Vec<String> = Vec::new();
            for range in &affected.ranges {
                if range.kind == "GIT" {
                    continue;
                }
                let mut introduced: Option<String> = None;
                for event in &range.events {
                    let get = |k: &str| event.get(k).and_then(|v| v.as_str()).map(str::to_string);
                    if let Some(v) = get("introduced") {
                        if let Some(open) = introduced.take() {
                            alternatives.push(match lower(&open, eco) {
                                all if all.is_empty() => format!(">={}", lowest(eco)),
                                bound => bound,
                            });
                        }
                        introduced = Some(v);
                    } else if let Some(v) = get("fixed") {
                        let from = introduced.take().unwrap_or_else(|| "0".to_string());
                        alternatives
                            .push(join(lower(&from, eco), format!("<{}", version(&v, eco))));
                    } else if let Some(v) = get("last_affected") {
                        let from = introduced.take().unwrap_or_else(|| "0".to_string());
                        alternatives
                            .push(join(lower(&from, eco), format!("<={}", version(&v, eco))));
                    }
                }
                if let Some(open) = introduced {
                    alternatives.push(match lower(&open, eco) {
                        // `introduced: 0` and nothing after: every version.
                        all if all.is_empty() => format!(">={}", lowest(eco)),
                        bound => bound,
                    });
                }
            }
            alternatives.extend(
                affected
                    .versions
                    .iter()
                    .map(|v| format!("={}", version(v, eco))),
            );
            alternatives.retain(|a| !a.is_empty());
            if alternatives.is_empty() {
                notes.push(format!(
                    "{}: `{}` has no version range authgate can read; skipped",
                    record.id, affected.package.name
                ));
                continue;
            }
            let text = alternatives.join(" || ");
            let affected_range = match text.parse::<VersionRange>() {
                Ok(range) => range,
                Err(e) => {
                    notes.push(format!("{}: range `{text}`: {e}; skipped", record.id));
                    continue;
                }
            };
            let fixed = affected
                .ranges
                .iter()
                .flat_map(|r| &r.events)
                .filter_map(|e| e.get("fixed").and_then(|v| v.as_str()))
                .map(|v| version(v, eco))
                .collect::<Vec<_>>();
            out.push(Advisory {
                ecosystem: eco,
                package: eco.normalize_name(&affected.package.name),
                id: record.id.clone(),
                aliases: record.aliases.clone(),
                summary: summary.clone(),
                severity: severity(affected.database_specific.as_ref())
                    .or_else(|| severity(record.database_specific.as_ref()))
                    .unwrap_or(Severity::High),
                affected: affected_range,
                fixed: (!fixed.is_empty()).then(|| fixed.join(", ")),
                source: format!("OSV record {}", record.id),
            });
        }
        Ok((out, notes))
    }

    /// Go versions in OSV lack the `v` prefix that go.mod carries.
    fn version(v: &str, eco: Ecosystem) -> String {
        if eco == Ecosystem::Go && !v.starts_with('v') {
            format!("v{v}")
        } else {
            v.to_string()
        }
    }

    /// `introduced: 0` means every version.
    fn lower(v: &str, eco: Ecosystem) -> String {
        if v == "0" {
            String::new()
        } else {
            format!(">={}", version(v, eco))
        }
    }

    /// The lowest version of an ecosystem, prereleases and pseudo-versions included.
    fn lowest(eco: Ecosystem) -> &'static str {
        match eco {
            Ecosystem::Npm | Ecosystem::Cargo => "0.0.0-0",
            Ecosystem::Go => "v0.0.0-0",
            Ecosystem::PyPI => "0.dev0",
            Ecosystem::Maven => "0",
        }
    }

    fn join(a: String, b: String) -> String {
        if a.is_empty() {
            b
        } else {
            format!("{a}, {b}")
        }
    }
}

//! `authgate scan`: walk the tree in parallel, match rules, apply suppressions,
//! waivers and levels, and produce findings in a deterministic order.

pub mod baseline;
pub mod conditions;
pub mod engine;
pub mod gitleaks;
pub mod history;
pub mod lang;
pub mod libs;
pub mod quantity;
pub mod resolve;
pub mod rules;
pub mod secrets;
pub mod suppress;
mod walk;

use crate::facts::{ConfigValue, Dependency, Facts};
use crate::finding::{
    fingerprint, redact_secret, redact_secret_fully, strip_control_chars, Diagnostic,
    DiagnosticLevel, Evidence, Finding, Level, RuleKind, Severity, SECRET_PREFIX_CHARS,
};
use crate::policy::{Policy, RuleLevel};
use engine::{Engine, RawMatch};
use lang::Lang;
use rules::{RuleMeta, RuleSet};
use serde::Serialize;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use time::Date;

pub use walk::DEFAULT_EXCLUDED_DIRS;

/// Rule id of the findings authgate raises about suppressions and waivers.
pub const INVALID_SUPPRESSION_ID: &str = "invalid-suppression";

/// The internal rule behind [`INVALID_SUPPRESSION_ID`] findings.
pub fn invalid_suppression_rule() -> &'static Arc<RuleMeta> {
    static RULE: OnceLock<Arc<RuleMeta>> = OnceLock::new();
    RULE.get_or_init(|| {
        Arc::new(RuleMeta::internal(
            INVALID_SUPPRESSION_ID,
            "GOV-WAIVER",
            Severity::Medium,
            "A suppression or waiver is incomplete or expired, so it suppresses nothing.",
            "Every exception to an authentication rule must say who owns it, why it is acceptable and until when. An exception without those, or past its date, is not honoured: the finding it meant to hide is reported too.",
            "Write `authgate: allow(<rule-id>) owner=<who> reason=\"<why>\" until=<YYYY-MM-DD>` on the line or the line above, or fix the finding and delete the suppression.",
        ))
    })
}

/// Rules implemented in Rust rather than YAML: suppression governance and LIBS.
pub fn internal_rules() -> Vec<&'static Arc<RuleMeta>> {
    std::iter::once(invalid_suppression_rule())
        .chain(libs::library_rules())
        .collect()
}

#[derive(Debug, Clone)]
pub struct ScanOptions {
    pub paths: Vec<PathBuf>,
    /// Findings' paths are relative to this directory when they are inside it.
    pub root: PathBuf,
    pub excludes: Vec<String>,
    pub default_excludes: bool,
    pub max_file_size: u64,
    pub threads: usize,
    pub follow_links: bool,
    pub use_prefilter: bool,
    /// Read configuration files and lockfiles for facts (off only to measure their cost).
    pub collect_facts: bool,
    pub show_controls: bool,
    /// Run the code rules on test files too (`_test.go`, `test_*.py`, `*.spec.ts`,
    /// `src/test/java/`...). Off by default, as gosec does: test code is not deployed,
    /// and tests of auth code are full of deliberately bad tokens and comparisons.
    /// Secret detectors and text rules always read test files.
    pub include_tests: bool,
    /// The date suppressions and waivers are judged against (injectable for tests).
    pub today: Date,
    /// The auth-library catalogue and advisories (built-in, plus `--advisories`).
    pub library_data: Arc<libs::LibraryData>,
    /// Also scan git history for secrets (`--history`).
    pub history: Option<history::HistoryOptions>,
    /// Suppression comments that suppress nothing, by path and 1-based line: those a
    /// reviewed change adds (`authgate review`).
    pub ignored_suppressions: HashMap<String, Vec<usize>>,
}

impl ScanOptions {
    pub fn new(paths: Vec<PathBuf>, root: PathBuf, today: Date) -> ScanOptions {
        ScanOptions {
            paths,
            root,
            excludes: vec![],
            default_excludes: true,
            max_file_size: 1024 * 1024,
            threads: 0,
            follow_links: false,
            use_prefilter: true,
            collect_facts: true,
            show_controls: false,
            include_tests: false,
            today,
            library_data: Arc::new(libs::LibraryData::builtin().clone()),
            history: None,
            ignored_suppressions: HashMap::new(),
        }
    }
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct ScanStats {
    /// Files of a supported language that were read.
    pub files_scanned: usize,
    /// Files the prefilter let through to the parser.
    pub files_parsed: usize,
    pub files_skipped: usize,
    pub findings_suppressed: usize,
    pub findings_baselined: usize,
    /// Configuration files read for facts, and the values they set.
    pub config_files: usize,
    pub config_values: usize,
    /// Lockfiles and manifests read, and the dependency records they gave.
    pub manifest_files: usize,
    pub dependencies: usize,
    /// Set by `--history`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub history: Option<history::HistoryStats>,
}

#[derive(Debug, Default)]
pub struct ScanOutcome {
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: ScanStats,
    /// Metadata of every rule that produced a finding, and of all loaded rules.
    pub rules: Vec<Arc<RuleMeta>>,
    /// The project facts the walk collected.
    pub facts: Facts,
}

/// A finding whose rule has `metadata.where` conditions, decided after the walk.
#[derive(Debug)]
pub(crate) struct Pending {
    pub finding: Finding,
    pub rule: usize,
    /// `None` for text rules.
    pub lang: Option<Lang>,
    pub bindings: Vec<(String, resolve::Resolved)>,
}

/// What one file contributed.
#[derive(Debug, Default)]
pub(crate) struct FileResult {
    pub findings: Vec<Finding>,
    pub pending: Vec<Pending>,
    /// `(rule id, path)` of each rule that matched the file, before suppressions and
    /// conditions (for `project` conditions).
    pub rule_hits: Vec<(String, String)>,
    /// `(rule id, directory, name)` of every `kind: fact` match.
    pub declared: Vec<(String, String, String)>,
    pub config: Vec<ConfigValue>,
    pub config_file: bool,
    pub deps: Vec<Dependency>,
    /// The path of a manifest or lockfile.
    pub manifest: Option<String>,
    pub diagnostics: Vec<Diagnostic>,
    pub scanned: bool,
    pub parsed: bool,
    pub skipped: bool,
    pub suppressed: usize,
}

impl FileResult {
    /// Adds what another pass over the same file found.
    pub(crate) fn merge(&mut self, other: FileResult) {
        self.findings.extend(other.findings);
        self.pending.extend(other.pending);
        self.rule_hits.extend(other.rule_hits);
        self.declared.extend(other.declared);
        self.config.extend(other.config);
        self.config_file |= other.config_file;
        self.deps.extend(other.deps);
        self.manifest = self.manifest.take().or(other.manifest);
        self.diagnostics.extend(other.diagnostics);
        self.scanned |= other.scanned;
        self.parsed |= other.parsed;
        self.skipped |= other.skipped;
        self.suppressed += other.suppressed;
    }
}

/// Runs a scan. Never fails as a whole: unreadable inputs become diagnostics.
pub fn scan(rules: &RuleSet, policy: &Policy, options: &ScanOptions) -> ScanOutcome {
    let engine = Engine::new(rules);
    let select = walk::Select {
        globs: text_rule_globs(rules),
        all_text: !rules.secrets.is_empty(),
    };
    let results = walk::walk(options, policy, &select, &|lang, rel, text| {
        scan_text(&engine, rules, options, lang, rel, text)
    });

    let mut outcome = ScanOutcome::default();
    let mut pending = Vec::new();
    let mut rule_hits: HashMap<String, Vec<String>> = HashMap::new();
    let mut declared: std::collections::HashSet<(String, String, String)> = Default::default();
    for result in results {
        outcome.stats.files_scanned += usize::from(result.scanned);
        outcome.stats.files_parsed += usize::from(result.parsed);
        outcome.stats.files_skipped += usize::from(result.skipped);
        outcome.stats.findings_suppressed += result.suppressed;
        outcome.stats.config_files += usize::from(result.config_file);
        outcome.stats.manifest_files += usize::from(result.manifest.is_some());
        if let Some(manifest) = &result.manifest {
            outcome.facts.add_manifest(manifest);
        }
        outcome.facts.add_deps(result.deps);
        outcome.findings.extend(result.findings);
        outcome.diagnostics.extend(result.diagnostics);
        outcome.facts.add_config(result.config);
        pending.extend(result.pending);
        for (rule, path) in result.rule_hits {
            rule_hits.entry(rule).or_default().push(path);
        }
        declared.extend(result.declared);
    }
    // Walk order depends on thread timing: evidence names the first hit in path order.
    for paths in rule_hits.values_mut() {
        paths.sort();
    }
    outcome.facts.finish();
    outcome.stats.config_values = outcome.facts.config_len();
    outcome.stats.dependencies = outcome.facts.dependencies().len();
    let library_findings = libs::check(&outcome.facts, policy, &options.library_data);
    // One literal key defined once and used in several places is one finding, at its
    // first occurrence, naming the others.
    let mut first_use: HashMap<(String, String, Vec<String>), usize> = HashMap::new();
    let mut reported = std::collections::HashSet::new();
    pending.sort_by(|a, b| a.finding.location.cmp(&b.finding.location));
    for Pending {
        mut finding,
        rule,
        lang,
        bindings,
    } in pending
    {
        let meta = rules.meta_of(rule);
        let near = finding.location.path.clone();
        let context = conditions::Context {
            facts: &outcome.facts,
            policy,
            rule_hits: &rule_hits,
            declared: &declared,
            near: &near,
        };
        if let Some(mut evidence) =
            conditions::evaluate(&meta.conditions, &bindings, lang, &context)
        {
            // Two shapes of one rule on one line (`if (x.includes(..))` is both a
            // call and a condition) are one finding.
            if !reported.insert((
                meta.id.clone(),
                finding.location.path.clone(),
                finding.location.start_line,
            )) {
                continue;
            }
            redact_evidence(&mut evidence, meta, &bindings, &outcome.facts);
            finding.evidence.extend(evidence);
            let secrets = redacted_values(meta, &bindings);
            if !secrets.is_empty() {
                let key = (meta.id.clone(), finding.location.path.clone(), secrets);
                if let Some(&first) = first_use.get(&key) {
                    let earlier: &mut Finding = &mut outcome.findings[first];
                    if earlier.location.start_line == finding.location.start_line {
                        continue;
                    }
                    earlier.evidence.push(Evidence {
                        description: "the same literal is used here too".to_string(),
                        path: Some(finding.location.path.clone()),
                        line: Some(finding.location.start_line),
                    });
                    continue;
                }
                first_use.insert(key, outcome.findings.len());
            }
            outcome.findings.push(finding);
        }
    }
    outcome.findings.extend(library_findings);
    if let Some(history_options) = &options.history {
        // The repository around the first path scanned (a file's directory for a file).
        let first = options
            .paths
            .first()
            .cloned()
            .unwrap_or_else(|| PathBuf::from("."));
        let repo = match first.parent() {
            Some(parent) if !first.is_dir() && !parent.as_os_str().is_empty() => {
                parent.to_path_buf()
            }
            Some(_) if !first.is_dir() => PathBuf::from("."),
            _ => first,
        };
        let (found, diagnostics, stats) =
            history::scan_history(&engine, rules, policy, options, history_options, &repo);
        let gone = history::merge_with_tree(&mut outcome.findings, found);
        outcome.findings.extend(gone);
        outcome.diagnostics.extend(diagnostics);
        outcome.stats.history = Some(stats);
    }
    apply_policy(policy, options.today, &mut outcome);
    outcome
        .findings
        .sort_by(|a, b| (&a.location, &a.rule_id).cmp(&(&b.location, &b.rule_id)));
    outcome.diagnostics.sort();
    outcome.rules = rules.metas.values().cloned().collect();
    if outcome
        .findings
        .iter()
        .any(|f| f.rule_id == INVALID_SUPPRESSION_ID)
    {
        outcome.rules.push(invalid_suppression_rule().clone());
    }
    for rule in libs::library_rules() {
        if outcome.findings.iter().any(|f| f.rule_id == rule.id) {
            outcome.rules.push(rule.clone());
        }
    }
    outcome
}

/// The literal values of a rule's secret metavariables, to recognise one key used twice.
fn redacted_values(meta: &RuleMeta, bindings: &[(String, resolve::Resolved)]) -> Vec<String> {
    bindings
        .iter()
        .filter(|(var, _)| meta.redact.contains(var))
        .filter_map(|(_, resolved)| match &resolved.value {
            resolve::Value::Literal(v) => Some(v.clone()),
            resolve::Value::Config { default, .. } => default.clone(),
            resolve::Value::Expression(_) => None,
        })
        .collect()
}

/// Evidence may quote resolved values (a configured value, a default in the code):
/// those of metavariables the rule marks as secret are redacted like the snippet.
fn redact_evidence(
    evidence: &mut [Evidence],
    meta: &RuleMeta,
    bindings: &[(String, resolve::Resolved)],
    facts: &Facts,
) {
    let mut secrets: Vec<String> = Vec::new();
    for (var, resolved) in bindings.iter().filter(|(var, _)| meta.redact.contains(var)) {
        let _ = var;
        match &resolved.value {
            resolve::Value::Literal(v) | resolve::Value::Expression(v) => secrets.push(v.clone()),
            resolve::Value::Config { key, default } => {
                secrets.extend(facts.config(key).iter().map(|c| c.value.clone()));
                secrets.extend(default.iter().cloned());
            }
        }
    }
    secrets.retain(|s| !s.is_empty());
    // Longest first, so a secret that contains another is masked whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
    for item in evidence.iter_mut() {
        for secret in &secrets {
            item.description = item
                .description
                .replace(secret.as_str(), &redact_secret(secret));
        }
    }
}

/// Every glob any text rule selects files with, so the walk reads those files.
fn text_rule_globs(rules: &RuleSet) -> globset::GlobSet {
    let mut builder = globset::GlobSetBuilder::new();
    for glob in rules.text_rules.iter().flat_map(|r| &r.file_globs) {
        builder.add(globset::Glob::new(glob).expect("globs were validated when the rules loaded"));
    }
    builder
        .build()
        .expect("globs were validated when the rules loaded")
}

/// Matches one file's text; `rel` is the path reports show.
fn scan_text(
    engine: &Engine<'_>,
    rules: &RuleSet,
    options: &ScanOptions,
    lang: Option<Lang>,
    rel: &str,
    bytes: Vec<u8>,
) -> FileResult {
    let wanted = match lang {
        Some(_) if !options.include_tests && is_test_path(rel) => Vec::new(),
        Some(lang) => engine.candidates(lang, &bytes, options.use_prefilter),
        None => Vec::new(),
    };
    let mut parse = wanted.iter().any(|w| *w);
    // Test files and test profiles are never deployed: text rules skip them like code
    // rules do (secret detectors still run everywhere).
    let text_rules = (options.include_tests || !is_test_path(rel))
        && rules.text_rules.iter().any(|r| r.files.is_match(rel));
    let detectors = engine
        .secrets
        .candidates(rel, &bytes, options.use_prefilter);
    if !parse && !text_rules && detectors.is_empty() {
        return FileResult {
            scanned: true,
            ..FileResult::default()
        };
    }
    // Only detectors to run: most files a keyword selects hold no secret, and they need
    // not be decoded at all. What is found is kept for valid UTF-8, whose offsets decoding
    // leaves unchanged.
    let mut found_in_bytes = None;
    if !parse && !text_rules {
        let found = engine.secrets.find(&bytes, &detectors);
        if found.is_empty() {
            return FileResult {
                scanned: true,
                ..FileResult::default()
            };
        }
        found_in_bytes = Some(found);
    }
    let mut notes = Vec::new();
    let text = if parse {
        match walk::decode_source(rel, bytes, lang.expect("only grammar files are parsed")) {
            Ok((text, note)) => {
                notes.extend(note);
                text
            }
            Err((note, bytes)) => {
                // A minified bundle is not parsed, but its secrets are still looked for.
                if detectors.is_empty() && !text_rules {
                    return FileResult {
                        scanned: true,
                        skipped: true,
                        diagnostics: vec![note],
                        ..FileResult::default()
                    };
                }
                notes.push(note);
                parse = false;
                String::from_utf8_lossy(&bytes).into_owned()
            }
        }
    } else {
        // Text rules and detectors read any file they select, long lines included.
        match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                found_in_bytes = None;
                String::from_utf8_lossy(err.as_bytes()).into_owned()
            }
        }
    };
    let mut result = FileResult {
        scanned: true,
        parsed: parse,
        ..FileResult::default()
    };
    result.diagnostics.extend(notes);
    let text = text.as_str();
    let mut matches = match lang {
        Some(lang) if parse => engine.match_source(lang, text, &wanted),
        _ => Vec::new(),
    };
    if text_rules {
        matches.extend(engine::match_text_rules(
            rules,
            rel,
            text,
            options.use_prefilter,
        ));
    }
    if !detectors.is_empty() {
        let found = match found_in_bytes {
            Some(found) => engine::secret_raw_matches(rules, text, found),
            None => engine::match_secrets(engine, rules, text, &detectors),
        };
        // A generic detector yields to a specific one (or a signing-key rule) that
        // reports the same line.
        let specific: Vec<(usize, usize)> = matches
            .iter()
            .filter(|m| rules.meta_of(m.rule).control == "SECRETS")
            .chain(
                found
                    .iter()
                    .filter(|m| !rules.detector_of(m.rule).is_some_and(|d| d.generic)),
            )
            .map(|m| (m.start_line, m.end_line))
            .collect();
        matches.extend(found.into_iter().filter(|m| {
            !rules.detector_of(m.rule).is_some_and(|d| d.generic)
                || !specific
                    .iter()
                    .any(|(start, end)| m.start_line <= *end && *start <= m.end_line)
        }));
    }
    for raw in &matches {
        let meta = rules.meta_of(raw.rule);
        if !result.rule_hits.iter().any(|(id, _)| *id == meta.id) {
            result.rule_hits.push((meta.id.clone(), rel.to_string()));
        }
        if let Some(name) = &raw.declared {
            result
                .declared
                .push((meta.id.clone(), parent_dir(rel).to_string(), name.clone()));
        }
    }
    // Facts feed conditions; like controls they are shown only with --show-controls.
    if !options.show_controls {
        matches.retain(|m| {
            !matches!(
                rules.meta_of(m.rule).kind,
                RuleKind::Control | RuleKind::Fact
            )
        });
    }
    // A suppression concerns this file only if a rule it names can match here: a
    // Python example quoted in a Rust test is not a suppression of that test.
    let mut suppressions = suppress::parse_suppressions(text);
    let ignored = options.ignored_suppressions.get(rel);
    suppressions.retain(|s| {
        !ignored.is_some_and(|lines| lines.contains(&s.line))
            && s.rules.iter().any(|id| {
                rules
                    .get(id)
                    .is_none_or(|meta| rule_applies(rules, meta, lang, rel))
            })
    });
    let secrets = file_secrets(rules, &matches);
    let mut used = vec![false; suppressions.len()];
    let mut occurrences: HashMap<(String, String), usize> = HashMap::new();
    for raw in matches {
        let meta = rules.meta_of(raw.rule);
        let suppressed = suppressions
            .iter()
            .enumerate()
            .find(|(_, s)| s.covers(&meta.id, raw.start_line) && s.defect(options.today).is_none());
        if let Some((idx, _)) = suppressed {
            used[idx] = true;
            result.suppressed += 1;
            continue;
        }
        let (compiled, bindings) = (raw.rule, raw.bindings.clone());
        let digest = rules
            .detector_of(raw.rule)
            .and(raw.secrets.first())
            .map(|s| secret_digest(s));
        let mut finding = build_finding(meta, rel, text, raw, &secrets, &mut occurrences);
        finding.secret_digest = digest;
        if meta.conditions.is_empty() {
            result.findings.push(finding);
        } else {
            result.pending.push(Pending {
                finding,
                rule: compiled,
                // Text rules and detectors have no grammar.
                lang: lang.filter(|_| compiled < rules.compiled.len()),
                bindings,
            });
        }
    }
    for (idx, suppression) in suppressions.iter().enumerate() {
        if let Some(defect) = suppression.defect(options.today) {
            result.findings.push(suppression_finding(
                rel,
                suppression.line,
                &defect,
                &mut occurrences,
            ));
        } else if !used[idx] {
            let known = suppression
                .rules
                .iter()
                .filter(|r| rules.get(r).is_none())
                .cloned()
                .collect::<Vec<_>>();
            let message = if known.is_empty() {
                format!(
                    "suppression of `{}` matches no finding; delete it",
                    suppression.rules.join(", ")
                )
            } else {
                format!(
                    "suppression names unknown rule id(s) `{}`",
                    known.join(", ")
                )
            };
            result.diagnostics.push(
                Diagnostic::new(DiagnosticLevel::Warning, Some(rel.to_string()), message)
                    .at_line(suppression.line),
            );
        }
    }
    result
}

/// Whether a rule can match the file at `rel` (of grammar `lang`).
fn rule_applies(rules: &RuleSet, meta: &RuleMeta, lang: Option<Lang>, rel: &str) -> bool {
    match meta.language {
        rules::RuleLanguage::Code(target) => lang.is_some_and(|l| l.family() == target.family()),
        rules::RuleLanguage::Text => rules
            .text_rules
            .iter()
            .any(|r| r.meta.id == meta.id && r.files.is_match(rel)),
        rules::RuleLanguage::Secret => true,
    }
}

/// Builds a finding: redacts secrets first, so no writer can leak one.
/// A secret some rule found in a file: masked in every finding of that file, since a
/// snippet or code frame of one rule can show the secret another rule found.
#[derive(Debug, Clone, PartialEq, Eq)]
struct FileSecret {
    value: String,
    hide_prefix: bool,
}

/// Every secret the file's matches hold: metavariables and detector groups marked as
/// secret, and the literal values their conditions resolved them to.
fn file_secrets(rules: &RuleSet, matches: &[RawMatch]) -> Vec<FileSecret> {
    let mut secrets: Vec<FileSecret> = Vec::new();
    for raw in matches {
        let resolved = redacted_values(rules.meta_of(raw.rule), &raw.bindings);
        for value in raw.secrets.iter().cloned().chain(resolved) {
            if value.trim().is_empty() || secrets.iter().any(|s| s.value == value) {
                continue;
            }
            secrets.push(FileSecret {
                value,
                hide_prefix: raw.hide_prefix,
            });
        }
    }
    // Longest first, so a secret containing another is masked whole.
    secrets.sort_by_key(|s| std::cmp::Reverse(s.value.len()));
    secrets
}

/// SHA-256 of a secret, hex: matches a secret across files and commits without keeping it.
fn secret_digest(secret: &str) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(secret.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Findings of secret-detector matches in one text (a blob from history).
pub(crate) fn secret_findings(
    rules: &RuleSet,
    rel: &str,
    text: &str,
    matches: Vec<RawMatch>,
) -> Vec<Finding> {
    let secrets = file_secrets(rules, &matches);
    let mut occurrences = HashMap::new();
    matches
        .into_iter()
        .map(|raw| {
            let meta = rules.meta_of(raw.rule).clone();
            let digest = raw.secrets.first().map(|s| secret_digest(s));
            let mut finding = build_finding(&meta, rel, text, raw, &secrets, &mut occurrences);
            finding.secret_digest = digest;
            finding
        })
        .collect()
}

/// Replaces `secret` in `text`. Short values (`"dev"`) are replaced only between quotes,
/// so a key that is also an ordinary word does not mangle the rest of the line.
fn mask(text: &str, secret: &str, shown: &str) -> String {
    if secret.len() >= 8 {
        return text.replace(secret, shown);
    }
    let mut out = text.to_string();
    for quote in ['"', '\'', '`'] {
        out = out.replace(
            &format!("{quote}{secret}{quote}"),
            &format!("{quote}{shown}{quote}"),
        );
    }
    out
}

fn build_finding(
    meta: &RuleMeta,
    rel: &str,
    text: &str,
    raw: RawMatch,
    secrets: &[FileSecret],
    occurrences: &mut HashMap<(String, String), usize>,
) -> Finding {
    let mut snippet = raw.text;
    let mut message = raw.message;
    let mut masked = snippet.clone();
    let last = raw.end_line.min(raw.start_line + 4);
    let mut frame: Vec<String> = text
        .lines()
        .skip(raw.start_line - 1)
        .take(last + 1 - raw.start_line)
        .map(str::to_string)
        .collect();
    for secret in secrets {
        let shown = if secret.hide_prefix {
            redact_secret_fully(&secret.value)
        } else {
            redact_secret(&secret.value)
        };
        snippet = mask(&snippet, &secret.value, &shown);
        message = mask(&message, &secret.value, &shown);
        masked = mask(&masked, &secret.value, "<secret>");
        for line in &mut frame {
            *line = mask(line, &secret.value, &shown);
            // A secret spanning lines (a PEM key) is masked piece by piece.
            for piece in secret
                .value
                .lines()
                .map(str::trim)
                .filter(|p| p.len() > SECRET_PREFIX_CHARS)
            {
                *line = line.replace(piece, "…(redacted)");
            }
        }
    }
    let key = (
        meta.id.clone(),
        masked.split_whitespace().collect::<Vec<_>>().join(" "),
    );
    let occurrence = occurrences.entry(key).or_default();
    let fp = fingerprint(&meta.id, rel, &masked, *occurrence);
    *occurrence += 1;
    Finding {
        rule_id: meta.id.clone(),
        control: meta.control.clone(),
        kind: meta.kind,
        cwe: meta.cwe.clone(),
        severity: raw.severity.unwrap_or(meta.severity),
        level: Level::Default,
        location: crate::finding::Location {
            path: rel.to_string(),
            start_line: raw.start_line,
            start_column: raw.start_column,
            end_line: raw.end_line,
            end_column: raw.end_column,
        },
        snippet: strip_control_chars(&snippet),
        message: strip_control_chars(&message),
        evidence: vec![],
        fingerprint: fp,
        frame: frame.iter().map(|l| strip_control_chars(l)).collect(),
        history: None,
        secret_digest: None,
    }
}

fn suppression_finding(
    path: &str,
    line: usize,
    defect: &str,
    occurrences: &mut HashMap<(String, String), usize>,
) -> Finding {
    let meta = invalid_suppression_rule();
    let key = (meta.id.clone(), defect.to_string());
    let occurrence = occurrences.entry(key).or_default();
    let fp = fingerprint(&meta.id, path, defect, *occurrence);
    *occurrence += 1;
    Finding {
        rule_id: meta.id.clone(),
        control: meta.control.clone(),
        kind: RuleKind::Flaw,
        cwe: vec![],
        severity: meta.severity,
        level: Level::Default,
        location: crate::finding::Location {
            path: path.to_string(),
            start_line: line,
            start_column: 1,
            end_line: line,
            end_column: 1,
        },
        snippet: String::new(),
        message: format!("{} ({defect})", meta.message),
        evidence: vec![],
        fingerprint: fp,
        frame: vec![],
        history: None,
        secret_digest: None,
    }
}

/// Levels and policy-file waivers.
fn apply_policy(policy: &Policy, today: Date, outcome: &mut ScanOutcome) {
    let mut waiver_used = vec![false; policy.waivers.len()];
    let policy_path = policy.path.clone().unwrap_or_default();
    let mut occurrences = HashMap::new();
    let mut extra = Vec::new();
    for (idx, waiver) in policy.waivers.iter().enumerate() {
        if let Some(defect) = waiver.defect(today) {
            let mut finding =
                suppression_finding(&policy_path, waiver.line, &defect, &mut occurrences);
            finding.evidence.push(Evidence {
                description: format!("waiver of `{}` in the policy file", waiver.rule),
                path: Some(policy_path.clone()),
                line: Some(waiver.line),
            });
            extra.push(finding);
            waiver_used[idx] = true;
        }
    }
    // Waiver defects go through the same levels as every other finding.
    outcome.findings.extend(extra);
    let mut kept = Vec::with_capacity(outcome.findings.len());
    for mut finding in std::mem::take(&mut outcome.findings) {
        let level = policy.level_for(&finding.rule_id, &finding.control);
        finding.level = match level {
            Some(RuleLevel::Allow) => continue,
            Some(RuleLevel::Warn) => Level::Warn,
            Some(RuleLevel::Deny) => Level::Deny,
            None => Level::Default,
        };
        let waived = policy
            .waivers
            .iter()
            .enumerate()
            .find(|(_, w)| w.matches(&finding) && w.defect(today).is_none());
        if let Some((idx, _)) = waived {
            waiver_used[idx] = true;
            outcome.stats.findings_suppressed += 1;
            continue;
        }
        // Findings in a waiver's scope that the waiver cannot hide name it as evidence.
        let inapplicable: Vec<Evidence> = policy
            .waivers
            .iter()
            .filter(|w| w.matches(&finding))
            .map(|waiver| Evidence {
                description: format!(
                    "waiver for this rule does not apply: {}",
                    waiver.defect(today).unwrap_or_default()
                ),
                path: Some(policy_path.clone()),
                line: Some(waiver.line),
            })
            .collect();
        finding.evidence.extend(inapplicable);
        kept.push(finding);
    }
    outcome.findings = kept;
    for (idx, waiver) in policy.waivers.iter().enumerate() {
        if !waiver_used[idx] {
            outcome.diagnostics.push(policy.diagnostic(
                DiagnosticLevel::Warning,
                waiver.line,
                format!("waiver for `{}` matches no finding; delete it", waiver.rule),
            ));
        }
    }
}

/// The directory part of a relative path (`""` at the root).
pub(crate) use crate::facts::dir_of as parent_dir;

/// Whether a relative path is test code by the conventions of the four languages.
pub fn is_test_path(rel: &str) -> bool {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let in_test_dir = rel.split('/').rev().skip(1).any(|dir| {
        matches!(
            dir,
            "test" | "tests" | "__tests__" | "testing" | "testdata" | "spec"
        )
    });
    let stem = name.split('.').next().unwrap_or(name);
    in_test_dir
        || name.ends_with("_test.go")
        || (name.ends_with(".py")
            && (stem.starts_with("test_")
                || stem.ends_with("_test")
                || matches!(stem, "conftest" | "test" | "tests" | "testing")))
        // Spring test profiles: `application-test.yml`, `application-test.properties`.
        || (stem.starts_with("application-test") && !name.ends_with(".java"))
        || [".test.", ".spec."].iter().any(|m| name.contains(m))
        || (name.ends_with(".java")
            && (stem.ends_with("Test") || stem.ends_with("Tests") || stem.ends_with("IT")))
}

#[cfg(test)]
mod test_paths {
    use super::is_test_path;

    #[test]
    fn test_code_by_convention() {
        for path in [
            "pkg/auth/token_test.go",
            "tests/test_api.py",
            "app/test_views.py",
            "app/conftest.py",
            "src/auth.spec.ts",
            "src/__tests__/login.js",
            "web/login.test.jsx",
            "src/test/java/com/acme/AuthTest.java",
            "src/main/java/com/acme/AuthIT.java",
            "clinic/settings/test.py",
            "src/main/resources/application-test.yml",
            "src/test/resources/application.properties",
        ] {
            assert!(is_test_path(path), "{path}");
        }
        for path in [
            "pkg/auth/token.go",
            "app/views.py",
            "src/auth.ts",
            "src/main/java/com/acme/Tester.java",
            "contest.py",
            "latest/app.py",
            "src/main/resources/application-prod.yml",
            "app/testimonials.py",
        ] {
            assert!(!is_test_path(path), "{path}");
        }
    }
}

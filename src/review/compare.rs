//! Findings across the change (GOV-REGRESS): the rules run over the base and head
//! versions of every changed file; findings are matched between the two sides to tell
//! new from fixed, and `kind: control` matches present in base and gone in head are
//! removed controls.
//!
//! Both sides are scanned with the same file set (the changed files only), so project
//! facts a rule reads (a CSRF middleware registered in another file, a dependency in a
//! lockfile) are seen alike on both sides when those files changed, and not at all
//! when they did not: a finding that depends on an unchanged file appears on both
//! sides or on neither, and is not reported as new.

use super::git::{Change, Git};
use crate::finding::{Finding, RuleKind};
use crate::policy::Policy;
use crate::scan::baseline::Baseline;
use crate::scan::lang::Lang;
use crate::scan::rules::RuleSet;
use crate::scan::{scan, suppress, ScanOptions};
use ast_grep_core::tree_sitter::LanguageExt;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Component, Path};

/// Where a new finding sits relative to the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    /// On an added or modified line.
    ChangedLine,
    /// In the function that contains a changed line.
    ChangedFunction,
    /// Elsewhere in a changed file: the change (a removed guard, an edited
    /// configuration) made existing code a flaw.
    ChangedFile,
}

#[derive(Debug, Clone, Serialize)]
pub struct NewFinding {
    #[serde(flatten)]
    pub finding: Finding,
    pub scope: Scope,
}

/// A control present in base and gone in head.
#[derive(Debug, Clone, Serialize)]
pub struct RemovedControl {
    pub rule_id: String,
    pub control: String,
    /// Where it was, in base.
    pub path: String,
    pub line: usize,
    pub snippet: String,
    pub message: String,
    pub fingerprint: String,
}

/// A suppression the change added: it suppresses nothing in this review.
#[derive(Debug, Clone, Serialize)]
pub struct AddedSuppression {
    pub path: String,
    pub line: usize,
    pub rules: Vec<String>,
}

#[derive(Debug, Default)]
pub struct Compared {
    pub new: Vec<NewFinding>,
    pub fixed: Vec<Finding>,
    pub removed_controls: Vec<RemovedControl>,
    pub added_suppressions: Vec<AddedSuppression>,
    pub diagnostics: Vec<crate::finding::Diagnostic>,
    pub rules: Vec<std::sync::Arc<crate::scan::rules::RuleMeta>>,
    /// Files scanned on each side.
    pub files: (usize, usize),
}

/// A path from git that is safe to join under a directory.
fn safe_relative(path: &str) -> bool {
    !path.is_empty()
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
}

fn write_side(dir: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    for (path, bytes) in files {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, bytes)?;
    }
    Ok(())
}

fn folded(snippet: &str) -> String {
    snippet.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Runs the rules over both sides of the changed files and compares.
#[allow(clippy::too_many_arguments)]
pub fn compare(
    git: &Git,
    base_sha: &str,
    head_rev: Option<&str>,
    changes: &[Change],
    rules: &RuleSet,
    policy: &Policy,
    baseline: Option<&Baseline>,
    template: &ScanOptions,
) -> Result<Compared, String> {
    let mut compared = Compared::default();
    let readable: Vec<&Change> = changes.iter().filter(|c| c.not_read.is_none()).collect();
    let base_paths: Vec<String> = readable
        .iter()
        .filter_map(|c| c.old_path.clone())
        .filter(|p| safe_relative(p))
        .collect();
    let head_paths: Vec<String> = readable
        .iter()
        .filter_map(|c| c.new_path.clone())
        .filter(|p| safe_relative(p))
        .collect();
    let max = template.max_file_size;
    let read = |rev: Option<&str>, paths: &[String]| -> Vec<(String, Vec<u8>)> {
        paths
            .iter()
            .cloned()
            .zip(git.read_files(rev, paths, max))
            .filter_map(|(p, bytes)| Some((p, bytes?)))
            .collect()
    };
    let base_files = read(Some(base_sha), &base_paths);
    let head_files = read(head_rev, &head_paths);
    for (side, paths, files) in [
        ("base", &base_paths, &base_files),
        ("head", &head_paths, &head_files),
    ] {
        for path in paths.iter().filter(|p| !files.iter().any(|(f, _)| f == *p)) {
            let missing_on_side = changes.iter().any(|c| {
                (side == "base"
                    && c.old_path.as_deref() == Some(path.as_str())
                    && c.new_path.is_some())
                    || (side == "head" && c.new_path.as_deref() == Some(path.as_str()))
            });
            if missing_on_side {
                compared.diagnostics.push(crate::finding::Diagnostic::new(
                    crate::finding::DiagnosticLevel::Warning,
                    Some(path.clone()),
                    format!("not analysed in {side}: larger than the {max}-byte limit, or not a regular file"),
                ));
            }
        }
    }
    compared.files = (base_files.len(), head_files.len());

    // Suppressions the change added count for nothing.
    let renamed: HashMap<&str, &str> = changes
        .iter()
        .filter_map(|c| Some((c.new_path.as_deref()?, c.old_path.as_deref()?)))
        .collect();
    let mut ignored: HashMap<String, Vec<usize>> = HashMap::new();
    for (path, bytes) in &head_files {
        let text = String::from_utf8_lossy(bytes);
        let head_sups = suppress::parse_suppressions(&text);
        if head_sups.is_empty() {
            continue;
        }
        let base_text = renamed
            .get(path.as_str())
            .and_then(|old| base_files.iter().find(|(p, _)| p == old))
            .map(|(_, b)| String::from_utf8_lossy(b).into_owned())
            .unwrap_or_default();
        let base_lines: HashSet<&str> = base_text
            .lines()
            .filter(|l| l.contains(suppress::MARKER))
            .map(str::trim)
            .collect();
        let lines: Vec<&str> = text.lines().collect();
        for s in head_sups {
            let line_text = lines.get(s.line - 1).map_or("", |l| l.trim());
            if !base_lines.contains(line_text) {
                ignored.entry(path.clone()).or_default().push(s.line);
                compared.added_suppressions.push(AddedSuppression {
                    path: path.clone(),
                    line: s.line,
                    rules: s.rules.clone(),
                });
            }
        }
    }

    let dir = tempfile::Builder::new()
        .prefix("authgate-review-")
        .tempdir()
        .map_err(|e| format!("cannot create a temporary directory: {e}"))?;
    let scan_side = |name: &str,
                     files: &[(String, Vec<u8>)],
                     ignored: HashMap<String, Vec<usize>>|
     -> Result<crate::scan::ScanOutcome, String> {
        let root = dir.path().join(name);
        std::fs::create_dir_all(&root).map_err(|e| format!("cannot write {name} files: {e}"))?;
        write_side(&root, files).map_err(|e| format!("cannot write {name} files: {e}"))?;
        let mut options = template.clone();
        options.paths = vec![root.clone()];
        options.root = root;
        options.show_controls = true;
        options.history = None;
        options.ignored_suppressions = ignored;
        let mut outcome = scan(rules, policy, &options);
        if let Some(baseline) = baseline {
            baseline.filter(&mut outcome.findings);
        }
        Ok(outcome)
    };
    // The two sides are independent scans: run them side by side.
    let (base, head) = std::thread::scope(|scope| {
        let base = scope.spawn(|| scan_side("base", &base_files, HashMap::new()));
        let head = scan_side("head", &head_files, ignored);
        (base.join().expect("the base scan does not panic"), head)
    });
    let (base, head) = (base?, head?);
    compared.diagnostics.extend(
        head.diagnostics
            .into_iter()
            .filter(|d| d.level != crate::finding::DiagnosticLevel::Note),
    );
    compared.rules = head.rules;

    let is_control = |f: &Finding| f.kind == RuleKind::Control;
    let is_flaw = |f: &Finding| f.kind == RuleKind::Flaw;
    // Flaws: matched by rule, base path and folded snippet, as multisets.
    let mut base_flaws: HashMap<(String, String, String), Vec<usize>> = HashMap::new();
    for (idx, f) in base.findings.iter().enumerate().filter(|(_, f)| is_flaw(f)) {
        base_flaws
            .entry((
                f.rule_id.clone(),
                f.location.path.clone(),
                folded(&f.snippet),
            ))
            .or_default()
            .push(idx);
    }
    let mut matched_base = HashSet::new();
    let mut functions: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
    let head_texts: HashMap<&str, String> = head_files
        .iter()
        .map(|(p, b)| (p.as_str(), String::from_utf8_lossy(b).into_owned()))
        .collect();
    for f in head.findings.iter().filter(|f| is_flaw(f)) {
        let base_path = renamed
            .get(f.location.path.as_str())
            .copied()
            .unwrap_or(&f.location.path);
        let key = (f.rule_id.clone(), base_path.to_string(), folded(&f.snippet));
        if let Some(idx) = base_flaws.get_mut(&key).and_then(|v| v.pop()) {
            matched_base.insert(idx);
            continue;
        }
        let change = changes
            .iter()
            .find(|c| c.new_path.as_deref() == Some(f.location.path.as_str()));
        let scope = change.map_or(Scope::ChangedFile, |c| {
            let functions = functions.entry(f.location.path.clone()).or_insert_with(|| {
                head_texts
                    .get(f.location.path.as_str())
                    .map_or(vec![], |text| function_ranges(&f.location.path, text))
            });
            scope_of(f, c, functions)
        });
        compared.new.push(NewFinding {
            finding: f.clone(),
            scope,
        });
    }
    compared.fixed = base
        .findings
        .iter()
        .enumerate()
        .filter(|(idx, f)| is_flaw(f) && !matched_base.contains(idx))
        .map(|(_, f)| f.clone())
        .collect();

    // Controls: matched across all changed files, first by snippet, then by count, so
    // a moved, renamed or reformatted control is not reported as removed.
    let mut head_controls: HashMap<(String, String), usize> = HashMap::new();
    let mut head_by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for f in head.findings.iter().filter(|f| is_control(f)) {
        *head_controls
            .entry((f.rule_id.clone(), folded(&f.snippet)))
            .or_default() += 1;
        *head_by_rule.entry(f.rule_id.clone()).or_default() += 1;
    }
    let mut unmatched: Vec<&Finding> = Vec::new();
    let mut base_by_rule: BTreeMap<String, usize> = BTreeMap::new();
    for f in base.findings.iter().filter(|f| is_control(f)) {
        *base_by_rule.entry(f.rule_id.clone()).or_default() += 1;
        match head_controls.get_mut(&(f.rule_id.clone(), folded(&f.snippet))) {
            Some(n) if *n > 0 => *n -= 1,
            _ => unmatched.push(f),
        }
    }
    for (rule, base_count) in &base_by_rule {
        let head_count = head_by_rule.get(rule).copied().unwrap_or(0);
        let gone = base_count.saturating_sub(head_count);
        for f in unmatched.iter().filter(|f| &f.rule_id == rule).take(gone) {
            compared.removed_controls.push(RemovedControl {
                rule_id: f.rule_id.clone(),
                control: f.control.clone(),
                path: f.location.path.clone(),
                line: f.location.start_line,
                snippet: f.snippet.clone(),
                message: f.message.clone(),
                fingerprint: f.fingerprint.clone(),
            });
        }
    }
    compared
        .new
        .sort_by(|a, b| a.finding.location.cmp(&b.finding.location));
    Ok(compared)
}

/// Function-like node kinds of the grammars authgate parses.
const FUNCTION_KINDS: &[&str] = &[
    "function_definition",
    "function_declaration",
    "generator_function_declaration",
    "function_expression",
    "function",
    "arrow_function",
    "method_definition",
    "method_declaration",
    "constructor_declaration",
    "func_literal",
    "lambda_expression",
];

/// The line ranges of the function-like nodes of a file.
fn function_ranges(path: &str, text: &str) -> Vec<(usize, usize)> {
    let Some(lang) = Lang::from_path(Path::new(path)) else {
        return vec![];
    };
    let root = lang.support_lang().ast_grep(text);
    root.root()
        .dfs()
        .filter(|node| FUNCTION_KINDS.contains(&node.kind().as_ref()))
        .map(|node| (node.start_pos().line() + 1, node.end_pos().line() + 1))
        .collect()
}

fn scope_of(finding: &Finding, change: &Change, functions: &[(usize, usize)]) -> Scope {
    let (start, end) = (finding.location.start_line, finding.location.end_line);
    if change
        .added
        .iter()
        .any(|l| l.number >= start && l.number <= end)
    {
        return Scope::ChangedLine;
    }
    // The smallest function that contains the finding.
    let best = functions
        .iter()
        .filter(|(s, e)| *s <= start && end <= *e)
        .min_by_key(|(s, e)| e - s);
    match best {
        Some(&(s, e))
            if change
                .hunks
                .iter()
                .any(|&(hs, hc)| hs <= e && s < hs + hc.max(1)) =>
        {
            Scope::ChangedFunction
        }
        _ => Scope::ChangedFile,
    }
}

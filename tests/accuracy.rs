//! The accuracy corpus (`bench/accuracy/<set>/`): scans each set's `cases/` with the
//! built-in rules and scores the findings against `labels.json`.
//!
//! Unit of scoring: a labelled line range plus a control. A flaw case with a finding
//! of its control inside its range is a true positive, else a false negative; a safe
//! case with one is a false positive, else a true negative. Findings of the control
//! outside every case are counted as unlabelled and lower the precision
//! (TP / all findings of the control). Run with `-- --nocapture` to see the tables.

// The scorer's job is to print its tables (`-- --nocapture`).
#![allow(clippy::print_stdout)]

use authgate::finding::Finding;
use authgate::policy::Policy;
use authgate::scan::rules::RuleSet;
use authgate::scan::{scan, ScanOptions};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(serde::Deserialize)]
struct Label {
    file: String,
    find: String,
    #[serde(default = "one")]
    lines: usize,
    label: String,
    kind: String,
    /// Defaults to the set's control (the set directory's name, upper-cased).
    control: Option<String>,
}

fn one() -> usize {
    1
}

struct Case {
    file: String,
    start: usize,
    end: usize,
    flaw: bool,
    kind: String,
    control: String,
    language: &'static str,
    hit: bool,
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    tn: usize,
    unlabelled: usize,
}

impl Score {
    fn tpr(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn fpr(&self) -> f64 {
        ratio(self.fp, self.fp + self.tn)
    }
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp + self.unlabelled)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

/// A case's language: the `cases/<language>/` directory it sits in (so a migration's
/// `.sql` or a Spring `.properties` file counts for its app's language), else its extension.
fn language_of(file: &str) -> &'static str {
    let mut parts = file.split('/');
    if parts.next() == Some("cases") {
        if let Some(language) = parts.next().and_then(|dir| {
            ["python", "javascript", "go", "java"]
                .into_iter()
                .find(|l| *l == dir)
        }) {
            return language;
        }
    }
    match file.rsplit('.').next().unwrap_or("") {
        "py" | "ipynb" => "python",
        "js" | "jsx" | "mjs" | "cjs" | "ts" | "tsx" => "javascript",
        "go" => "go",
        "java" => "java",
        _ => "text",
    }
}

fn load_cases(set: &Path) -> Vec<Case> {
    let control = set
        .file_name()
        .unwrap()
        .to_string_lossy()
        .to_ascii_uppercase();
    let labels: Vec<Label> =
        serde_json::from_str(&std::fs::read_to_string(set.join("labels.json")).unwrap()).unwrap();
    labels
        .into_iter()
        .map(|label| {
            let text = std::fs::read_to_string(set.join(&label.file))
                .unwrap_or_else(|e| panic!("{}: {e}", label.file));
            let offsets: Vec<usize> = text.match_indices(&label.find).map(|(i, _)| i).collect();
            assert_eq!(
                offsets.len(),
                1,
                "{}: `{}` must occur exactly once",
                label.file,
                label.find
            );
            let start = text[..offsets[0]].matches('\n').count() + 1;
            Case {
                language: language_of(&label.file),
                end: start + label.lines.max(1) - 1,
                start,
                flaw: match label.label.as_str() {
                    "flaw" => true,
                    "safe" => false,
                    other => panic!("{}: label `{other}` is neither flaw nor safe", label.file),
                },
                kind: label.kind,
                control: label.control.unwrap_or_else(|| control.clone()),
                file: label.file,
                hit: false,
            }
        })
        .collect()
}

fn scan_set(set: &Path) -> Vec<Finding> {
    let rules = RuleSet::builtin().unwrap();
    let options = ScanOptions::new(
        vec![set.join("cases")],
        set.to_path_buf(),
        time::macros::date!(2026 - 01 - 01),
    );
    let outcome = scan(&rules, &Policy::default(), &options);
    outcome.findings
}

/// Scores per (control, language).
type Table = BTreeMap<(String, String), Score>;

/// Scores one set; returns the table, all cases, and the findings on no case.
fn score_set(set: &Path) -> (Table, Vec<Case>, Vec<Finding>) {
    let mut cases = load_cases(set);
    let controls: Vec<String> = cases.iter().map(|c| c.control.clone()).collect();
    let mut unlabelled = Vec::new();
    for finding in scan_set(set) {
        if !controls.contains(&finding.control) {
            continue;
        }
        let line = finding.location.start_line;
        let case = cases.iter_mut().find(|c| {
            c.file == finding.location.path
                && c.control == finding.control
                && (c.start..=c.end).contains(&line)
        });
        match case {
            Some(case) => case.hit = true,
            None => unlabelled.push(finding),
        }
    }
    let mut table = Table::new();
    for case in &cases {
        let score = table
            .entry((case.control.clone(), case.language.to_string()))
            .or_default();
        match (case.flaw, case.hit) {
            (true, true) => score.tp += 1,
            (true, false) => score.fn_ += 1,
            (false, true) => score.fp += 1,
            (false, false) => score.tn += 1,
        }
    }
    for finding in &unlabelled {
        table
            .entry((
                finding.control.clone(),
                language_of(&finding.location.path).to_string(),
            ))
            .or_default()
            .unlabelled += 1;
    }
    (table, cases, unlabelled)
}

fn print_table(name: &str, table: &Table) -> Score {
    println!("\n## {name}\n");
    println!("| control | language | TP | FP | FN | TN | unlabelled | TPR | FPR | precision |");
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut total = Score::default();
    for ((control, language), s) in table {
        println!(
            "| {control} | {language} | {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
            s.tp,
            s.fp,
            s.fn_,
            s.tn,
            s.unlabelled,
            s.tpr(),
            s.fpr(),
            s.precision()
        );
        total.tp += s.tp;
        total.fp += s.fp;
        total.fn_ += s.fn_;
        total.tn += s.tn;
        total.unlabelled += s.unlabelled;
    }
    println!(
        "| **all** | | {} | {} | {} | {} | {} | {:.3} | {:.3} | {:.3} |",
        total.tp,
        total.fp,
        total.fn_,
        total.tn,
        total.unlabelled,
        total.tpr(),
        total.fpr(),
        total.precision()
    );
    total
}

fn sets() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/accuracy");
    let mut sets: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("labels.json").is_file())
        .collect();
    sets.sort();
    sets
}

/// Every miss, false positive and unlabelled finding, one per line.
fn misses(cases: &[Case], unlabelled: &[Finding]) -> Vec<String> {
    cases
        .iter()
        .filter(|c| c.flaw != c.hit)
        .map(|c| {
            let what = if c.flaw { "missed" } else { "false positive" };
            format!("{what}: {}:{} ({})", c.file, c.start, c.kind)
        })
        .chain(unlabelled.iter().map(|f| {
            format!(
                "unlabelled: {}:{} {}",
                f.location.path, f.location.start_line, f.rule_id
            )
        }))
        .collect()
}

#[test]
fn secrets_set_meets_the_bar() {
    let set = sets()
        .into_iter()
        .find(|s| s.ends_with("secrets"))
        .expect("bench/accuracy/secrets exists");
    let (table, cases, unlabelled) = score_set(&set);
    let total = print_table("secrets", &table);
    let misses = misses(&cases, &unlabelled);
    println!("\n{}", misses.join("\n"));
    assert!(
        total.tpr() >= 0.9 && total.precision() >= 0.9,
        "secrets: recall {:.3}, precision {:.3} (bar: 0.9 each)\n{}",
        total.tpr(),
        total.precision(),
        misses.join("\n")
    );
}

/// The cells of a table that meet `pred`, one line each with their TPR and FPR.
fn cells_where(table: &Table, pred: impl Fn(&Score) -> bool) -> Vec<String> {
    table
        .iter()
        .filter(|(_, s)| pred(s))
        .map(|((control, language), s)| {
            format!(
                "{control} x {language}: TPR {:.3}, FPR {:.3}",
                s.tpr(),
                s.fpr()
            )
        })
        .collect()
}

/// Rule pack A: issue #5's bar, TPR >= 0.9 and FPR <= 0.1 in every (control, language)
/// cell of the corpus written before the rules.
#[test]
fn tokens_crypto_set_meets_the_bar() {
    let set = sets()
        .into_iter()
        .find(|s| s.ends_with("tokens-crypto"))
        .expect("bench/accuracy/tokens-crypto exists");
    let (table, cases, unlabelled) = score_set(&set);
    print_table("tokens-crypto", &table);
    let misses = misses(&cases, &unlabelled);
    println!("\n{}", misses.join("\n"));
    let failing = cells_where(&table, |s| s.tpr() < 0.9 || s.fpr() > 0.1);
    assert!(
        failing.is_empty(),
        "tokens-crypto cells under the bar (TPR >= 0.9, FPR <= 0.1):\n{}\n{}",
        failing.join("\n"),
        misses.join("\n")
    );
}

/// The held-out set: written from the same SPEC.md by another author after the rules
/// were tuned on the main set, and never tuned on. It measures how far the main set's
/// figures generalise; the floor is its first measurement, so a change that loses
/// ground on unseen code fails.
#[test]
fn tokens_crypto_holdout_holds_its_floor() {
    // First measurement: TPR 0.736, FPR 0.031 (see bench/accuracy/README.md).
    holdout_holds_floor("tokens-crypto-holdout", 0.73, 0.035);
}

/// Written after the pack B rules, from SPEC.md alone. First measurement TPR 0.852,
/// FPR 0.015; 0.900 / 0.010 after the general fixes it pointed to (bench/accuracy/README.md).
#[test]
fn sessions_oauth_holdout_holds_its_floor() {
    holdout_holds_floor("sessions-oauth-holdout", 0.89, 0.015);
}

/// Scores the set `name` and fails when its overall TPR drops under `min_tpr` or its FPR
/// rises over `max_fpr`, listing every miss.
fn holdout_holds_floor(name: &str, min_tpr: f64, max_fpr: f64) {
    let set = sets()
        .into_iter()
        .find(|s| s.ends_with(name))
        .unwrap_or_else(|| panic!("bench/accuracy/{name} exists"));
    let (table, cases, unlabelled) = score_set(&set);
    let total = print_table(name, &table);
    let misses = misses(&cases, &unlabelled);
    println!("\n{}", misses.join("\n"));
    assert!(
        total.tpr() >= min_tpr && total.fpr() <= max_fpr,
        "{name}: TPR {:.3} (floor {min_tpr}), FPR {:.3} (ceiling {max_fpr})\n{}",
        total.tpr(),
        total.fpr(),
        misses.join("\n")
    );
}

/// Rule pack B (issue #6): every (control, language) cell of the corpus written before
/// the rules meets the bar, TPR >= 0.9 and FPR <= 0.1; all 32 cells must be present.
#[test]
fn sessions_oauth_cells_meet_the_bar() {
    let set = sets()
        .into_iter()
        .find(|s| s.ends_with("sessions-oauth"))
        .expect("bench/accuracy/sessions-oauth exists");
    let (table, cases, unlabelled) = score_set(&set);
    print_table("sessions-oauth", &table);
    let misses = misses(&cases, &unlabelled);
    println!("\n{}", misses.join("\n"));
    assert_eq!(table.len(), 32, "8 controls x 4 languages");
    let failing = cells_where(&table, |s| s.tpr() < 0.9 || s.fpr() > 0.1);
    assert!(
        failing.is_empty(),
        "sessions-oauth cells under the bar (TPR >= 0.9, FPR <= 0.1):\n{}\n{}",
        failing.join("\n"),
        misses.join("\n")
    );
}

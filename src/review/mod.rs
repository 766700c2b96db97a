//! `authgate review`: every change that touches identity is an identity change
//! request. Diff base and head, classify the hunks into areas, recognise AI
//! provenance, run the rules over both sides (new and fixed findings, removed
//! controls), check the negative tests, tier the change, check approvals, decide.
//!
//! The gate cannot be relaxed by the change it judges: the policy, CODEOWNERS, rule
//! directories and baseline are read from the base revision, and suppressions the
//! change adds suppress nothing.

pub mod approvals;
pub mod area;
pub mod classify;
pub mod compare;
pub mod git;
pub mod negtest;
pub mod provenance;
pub mod report;
pub mod signals;

use crate::finding::{Diagnostic, DiagnosticLevel, Finding, Severity};
use crate::policy::{Action, Policy};
use crate::scan::baseline::Baseline;
use crate::scan::lang::Lang;
use crate::scan::rules::{RuleMeta, RuleSet};
use crate::scan::ScanOptions;
use approvals::{ApprovalsFile, CodeOwners, JudgedApproval, Requirement};
use area::{Area, Tier};
use classify::{AreaEvidence, Areas};
use compare::{AddedSuppression, NewFinding, RemovedControl};
use git::{Change, Git, Status};
use negtest::{CaseResult, CaseStatus};
use provenance::Provenance;
use serde::Serialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// What to review and how.
#[derive(Debug, Clone)]
pub struct ReviewRequest {
    /// A directory inside the repository.
    pub repo: PathBuf,
    /// Base revision; `None`: the merge-base with the default branch.
    pub base: Option<String>,
    /// Head revision; `None`: the working tree.
    pub head: Option<String>,
    pub branch: Option<String>,
    pub labels: Vec<String>,
    pub approvals: Option<ApprovalsFile>,
    /// Policy path inside the repository (read at base).
    pub config: String,
    /// Extra rule directories; those inside the repository are read at base.
    pub rule_dirs: Vec<PathBuf>,
    /// Baseline path inside the repository (read at base).
    pub baseline: Option<String>,
    pub fail_on: Severity,
    /// Scan settings (file-size limit, threads, date, library data).
    pub scan: ScanOptions,
}

/// A revision as given and as resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Revision {
    pub rev: String,
    pub sha: String,
}

/// The decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Decision {
    Pass,
    NeedsApproval,
    Block,
}

impl Decision {
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Pass => "pass",
            Decision::NeedsApproval => "needs-approval",
            Decision::Block => "block",
        }
    }
}

/// One reason behind the decision.
#[derive(Debug, Clone, Serialize)]
pub struct Reason {
    /// The decision this reason calls for (`pass` for a note that does not gate).
    pub decision: Decision,
    pub text: String,
    /// Where the rule behind it is set (policy line, CODEOWNERS line), if anywhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// A changed file.
#[derive(Debug, Clone, Serialize)]
pub struct FileSummary {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub old_path: Option<String>,
    pub status: Status,
    pub added: usize,
    pub removed: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_read: Option<String>,
}

/// The outcome of a review.
#[derive(Debug, Clone, Serialize)]
pub struct Review {
    pub base: Revision,
    /// `None`: the working tree.
    pub head: Option<Revision>,
    pub files: Vec<FileSummary>,
    pub areas: Areas,
    /// Evidence beyond what `areas` lists, per area.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub areas_omitted: BTreeMap<Area, usize>,
    pub provenance: Provenance,
    pub tier: Tier,
    pub tier_reasons: Vec<String>,
    pub new_findings: Vec<NewFinding>,
    pub fixed_findings: Vec<Finding>,
    pub removed_controls: Vec<RemovedControl>,
    pub added_suppressions: Vec<AddedSuppression>,
    pub negative_tests: Vec<CaseResult>,
    /// Test files the negative-test check read.
    pub tests_read: Vec<String>,
    pub requirements: Vec<Requirement>,
    pub approvals: Vec<JudgedApproval>,
    pub decision: Decision,
    pub reasons: Vec<Reason>,
    pub diagnostics: Vec<Diagnostic>,
    /// The policy used: its path at base, or "default".
    pub policy: String,
    pub policy_sha256: String,
    #[serde(skip)]
    pub rules: Vec<Arc<RuleMeta>>,
    #[serde(skip)]
    pub fail_on: Severity,
    /// Which decisions exit 1 (`review.fail-on` in the base policy).
    #[serde(skip)]
    pub exit_on: crate::policy::FailOn,
}

impl Review {
    /// Whether the decision makes the run exit 1.
    pub fn fails(&self) -> bool {
        use crate::policy::FailOn;
        match self.exit_on {
            FailOn::NeedsApproval => self.decision != Decision::Pass,
            FailOn::Block => self.decision == Decision::Block,
            FailOn::Never => false,
        }
    }

    pub fn head_label(&self) -> String {
        self.head
            .as_ref()
            .map_or("the working tree".to_string(), |h| {
                short(&h.sha).to_string()
            })
    }
}

pub use crate::scan::history::short;

/// What the base revision says about the gate.
struct Gate {
    policy: Policy,
    policy_label: String,
    policy_sha256: String,
    rules: RuleSet,
    baseline: Option<Baseline>,
    code_owners: Option<CodeOwners>,
    /// Paths whose edit is a GOVERNANCE change.
    governance_paths: Vec<String>,
    /// Directories (with trailing `/`) whose files are GOVERNANCE.
    governance_dirs: Vec<String>,
    _rule_tmp: Option<tempfile::TempDir>,
}

/// Reads one file at `rev` (the working tree when `None`).
fn read_one(git: &Git, rev: Option<&str>, path: &str) -> Option<String> {
    git.read_files(rev, &[path.to_string()], 8 * 1024 * 1024)
        .pop()
        .flatten()
        .map(|b| String::from_utf8_lossy(&b).into_owned())
}

fn warn(diagnostics: &mut Vec<Diagnostic>, path: Option<&str>, message: String) {
    diagnostics.push(Diagnostic::new(
        DiagnosticLevel::Warning,
        path.map(str::to_string),
        message,
    ));
}

fn load_gate(
    git: &Git,
    base: &Revision,
    request: &ReviewRequest,
    langs: &[Lang],
    diagnostics: &mut Vec<Diagnostic>,
) -> anyhow::Result<Gate> {
    let config = request.config.trim_start_matches("./").to_string();
    let at_base = format!("{config}@{}", short(&base.sha));
    let config_dir = std::path::Path::new(&config)
        .parent()
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_default();
    let (policy, policy_label, policy_sha256) = match read_one(git, Some(&base.sha), &config) {
        Some(text) => {
            let policy = Policy::parse(&text, &at_base, std::path::Path::new(&config_dir))
                .map_err(|e| anyhow::anyhow!("{e} (the policy is read from the base revision)"))?;
            let digest = Sha256::digest(text.as_bytes());
            (
                policy,
                at_base,
                digest.iter().map(|b| format!("{b:02x}")).collect(),
            )
        }
        None => (
            Policy::default(),
            "default".to_string(),
            "default".to_string(),
        ),
    };
    let mut governance_paths = vec![config.clone()];
    let mut governance_dirs = Vec::new();
    // Rule directories: those inside the repository are read at base.
    let tmp = tempfile::Builder::new()
        .prefix("authgate-rules-")
        .tempdir()?;
    let mut rules = RuleSet::builtin_for(Some(langs))?;
    let dirs: Vec<(PathBuf, bool)> = policy
        .rule_dirs
        .iter()
        .map(|d| (d.clone(), true))
        .chain(request.rule_dirs.iter().map(|d| (d.clone(), false)))
        .collect();
    for (idx, (dir, from_policy)) in dirs.iter().enumerate() {
        let inside = if dir.is_absolute() {
            dir.strip_prefix(&git.root).ok().map(|p| p.to_path_buf())
        } else if *from_policy {
            Some(dir.clone())
        } else {
            // A relative --rules DIR is relative to the current directory.
            std::env::current_dir()
                .ok()
                .and_then(|cwd| cwd.join(dir).canonicalize().ok().or(Some(cwd.join(dir))))
                .and_then(|abs| {
                    let root = git.root.canonicalize().unwrap_or(git.root.clone());
                    abs.strip_prefix(&root).ok().map(|p| p.to_path_buf())
                })
        };
        let Some(rel) = inside else {
            rules.add_dir(dir)?;
            continue;
        };
        let rel = rel.to_string_lossy().replace('\\', "/");
        let rel = rel
            .trim_start_matches("./")
            .trim_end_matches('/')
            .to_string();
        governance_dirs.push(format!("{rel}/"));
        let files = git.list_tree(&base.sha, &rel);
        if files.is_empty() {
            warn(
                diagnostics,
                Some(&rel),
                format!("rule directory `{rel}` does not exist at base {}: its rules do not apply to this review", short(&base.sha)),
            );
            continue;
        }
        let target = tmp.path().join(format!("dir{idx}"));
        let contents = git.read_files(Some(&base.sha), &files, 8 * 1024 * 1024);
        for (file, bytes) in files.iter().zip(contents) {
            let Some(bytes) = bytes else { continue };
            let relative = file.strip_prefix(&format!("{rel}/")).unwrap_or(file);
            let path = target.join(relative);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(path, bytes)?;
        }
        rules.add_dir(&target).map_err(|e| {
            anyhow::anyhow!("rule directory `{rel}` at base {}: {e}", short(&base.sha))
        })?;
    }
    rules.check_references()?;
    policy.validate_rule_ids(&rules)?;
    let baseline = match &request.baseline {
        Some(path) => {
            governance_paths.push(path.trim_start_matches("./").to_string());
            match read_one(git, Some(&base.sha), path.trim_start_matches("./")) {
                Some(text) => Some(
                    Baseline::parse(&text, &format!("{path}@{}", short(&base.sha)))
                        .map_err(anyhow::Error::msg)?,
                ),
                None => {
                    warn(
                        diagnostics,
                        Some(path),
                        format!(
                            "baseline `{path}` does not exist at base {}: no finding is baselined",
                            short(&base.sha)
                        ),
                    );
                    None
                }
            }
        }
        None => None,
    };
    // GitHub reads the first of its three places that exists; one git call reads all.
    let places: Vec<String> = approvals::CODEOWNERS_PATHS
        .iter()
        .map(|p| p.to_string())
        .collect();
    governance_paths.extend(places.iter().cloned());
    let found = places
        .iter()
        .zip(git.read_files(Some(&base.sha), &places, 8 * 1024 * 1024))
        .find_map(|(path, bytes)| Some((path, String::from_utf8_lossy(&bytes?).into_owned())));
    let code_owners = found.map(|(path, text)| {
        let (owners, problems) = CodeOwners::parse(&format!("{path}@{}", short(&base.sha)), &text);
        for p in problems {
            diagnostics.push(
                Diagnostic::new(DiagnosticLevel::Warning, Some(path.clone()), p.message)
                    .at_line(p.line),
            );
        }
        owners
    });
    Ok(Gate {
        policy,
        policy_label,
        policy_sha256,
        rules,
        baseline,
        code_owners,
        governance_paths,
        governance_dirs,
        _rule_tmp: Some(tmp),
    })
}

/// Names under which tests refer to a module: its file stem, or its directory for
/// `index.js`, `__init__.py` and the like.
fn module_words(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = path.split('/').collect();
    let file = parts.pop()?;
    let stem = file.split('.').next().unwrap_or(file);
    const GENERIC: &[&str] = &[
        "index", "main", "__init__", "mod", "app", "lib", "utils", "util", "helpers", "common",
        "server", "init", "config", "settings", "types", "models", "views", "routes", "handlers",
        "api",
    ];
    let word = if GENERIC.contains(&stem) {
        parts.pop()?
    } else {
        stem
    };
    (word.len() >= 3
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    .then(|| word.to_string())
}

/// Where test files live, as git pathspecs (`scan::is_test_path` decides after).
const TEST_PATHSPECS: &[&str] = &[":(icase)*test*", ":(icase)*spec*", "*IT.java"];

/// Runs a review.
pub fn review(request: &ReviewRequest) -> anyhow::Result<Review> {
    let git = Git::open(&request.repo).map_err(anyhow::Error::msg)?;
    let mut diagnostics = Vec::new();
    let base = match &request.base {
        Some(rev) => Revision {
            rev: rev.clone(),
            sha: git
                .resolve(rev)
                .map_err(|e| anyhow::anyhow!("--base: {e}"))?,
        },
        None => {
            let (branch, sha) = git.default_base().ok_or_else(|| {
                anyhow::anyhow!("--base is required: no default branch (origin/HEAD, origin/main, origin/master, main, master) to take the merge-base with")
            })?;
            Revision {
                rev: format!("merge-base with {branch}"),
                sha,
            }
        }
    };
    let head = match &request.head {
        Some(rev) => Some(Revision {
            rev: rev.clone(),
            sha: git
                .resolve(rev)
                .map_err(|e| anyhow::anyhow!("--head: {e}"))?,
        }),
        None => None,
    };
    let head_sha = head.as_ref().map(|h| h.sha.as_str());
    let changes = git
        .changes(&base.sha, head_sha)
        .map_err(|e| anyhow::anyhow!("git diff {}: {e}", short(&base.sha)))?;
    // Existing tests that name a touched module: git grep runs while the rules load.
    let existing_tests = {
        let words: std::collections::BTreeSet<String> = changes
            .iter()
            .filter_map(|c| c.new_path.as_deref().or(c.old_path.as_deref()))
            .filter(|p| !crate::scan::is_test_path(p) && !classify::is_lookalike_file(p))
            .filter_map(module_words)
            .collect();
        let git = git.clone();
        let head_sha = head_sha.map(str::to_string);
        std::thread::spawn(move || {
            let words: Vec<String> = words.into_iter().collect();
            git.grep_files(head_sha.as_deref(), &words, TEST_PATHSPECS)
        })
    };
    // Code rules are compiled only for the languages the change touches.
    let mut langs: Vec<Lang> = changes
        .iter()
        .flat_map(|c| c.new_path.iter().chain(c.old_path.iter()))
        .filter_map(|p| Lang::from_path(std::path::Path::new(p)))
        .collect();
    langs.sort();
    langs.dedup();
    let gate = load_gate(&git, &base, request, &langs, &mut diagnostics)?;
    let review_policy = &gate.policy.review;
    for change in &changes {
        if let Some(why) = &change.not_read {
            warn(
                &mut diagnostics,
                Some(change.path()),
                format!("not read line by line ({why}); classified by path only"),
            );
        }
    }

    // CI jobs that run authgate are part of the gate.
    let mut governance_paths = gate.governance_paths.clone();
    let ci: Vec<&Change> = changes
        .iter()
        .filter(|c| classify::is_ci_file(c.path()))
        .collect();
    for change in ci {
        let mentions = change
            .added
            .iter()
            .chain(&change.removed)
            .any(|l| l.text.contains("authgate"))
            || change
                .old_path
                .as_deref()
                .and_then(|p| read_one(&git, Some(&base.sha), p))
                .is_some_and(|t| t.contains("authgate"))
            || change
                .new_path
                .as_deref()
                .and_then(|p| read_one(&git, head_sha, p))
                .is_some_and(|t| t.contains("authgate"));
        if mentions {
            governance_paths.extend(change.new_path.clone());
            governance_paths.extend(change.old_path.clone());
        }
    }
    for change in &changes {
        for path in change.new_path.iter().chain(change.old_path.iter()) {
            if gate
                .governance_dirs
                .iter()
                .any(|d| path.starts_with(d.as_str()))
            {
                governance_paths.push(path.clone());
            }
        }
    }

    // Classify.
    let signals: Vec<&signals::Signal> = signals::builtin()
        .iter()
        .chain(review_policy.signals.iter())
        .collect();
    let mut areas = Areas::new();
    for change in &changes {
        classify::classify(change, &signals, &governance_paths, &mut areas);
    }

    // Findings across the change.
    let compared = compare::compare(
        &git,
        &base.sha,
        head_sha,
        &changes,
        &gate.rules,
        &gate.policy,
        gate.baseline.as_ref(),
        &request.scan,
    )
    .map_err(anyhow::Error::msg)?;
    diagnostics.extend(compared.diagnostics.iter().cloned());
    let mut finding_area = |control: &str, evidence: AreaEvidence| {
        if let Some(area) = Area::of_control(control) {
            let list = areas.entry(area).or_default();
            if !list.contains(&evidence) {
                list.push(evidence);
            }
        }
    };
    for n in &compared.new {
        finding_area(
            &n.finding.control,
            AreaEvidence {
                path: n.finding.location.path.clone(),
                line: Some(n.finding.location.start_line),
                side: "added",
                trigger: "new finding",
                matched: n.finding.rule_id.clone(),
                policy_line: None,
            },
        );
    }
    for f in &compared.fixed {
        finding_area(
            &f.control,
            AreaEvidence {
                path: f.location.path.clone(),
                line: Some(f.location.start_line),
                side: "removed",
                trigger: "fixed finding",
                matched: f.rule_id.clone(),
                policy_line: None,
            },
        );
    }
    for r in &compared.removed_controls {
        finding_area(
            &r.control,
            AreaEvidence {
                path: r.path.clone(),
                line: Some(r.line),
                side: "removed",
                trigger: "removed control",
                matched: r.rule_id.clone(),
                policy_line: None,
            },
        );
    }
    for s in &compared.added_suppressions {
        let list = areas.entry(Area::Governance).or_default();
        let evidence = AreaEvidence {
            path: s.path.clone(),
            line: Some(s.line),
            side: "added",
            trigger: "suppression marker",
            matched: format!("authgate: allow({})", s.rules.join(", ")),
            policy_line: None,
        };
        if !list
            .iter()
            .any(|e| e.path == evidence.path && e.line == evidence.line)
        {
            list.push(evidence);
        }
    }
    let areas_omitted = classify::trim(&mut areas);

    // Provenance.
    let commits = git.commits(&base.sha, head_sha).unwrap_or_else(|e| {
        warn(
            &mut diagnostics,
            None,
            format!("cannot read the change's commits: {e}"),
        );
        vec![]
    });
    let provenance = provenance::detect(
        &commits,
        request.branch.as_deref(),
        &request.labels,
        review_policy,
    );

    // Tier.
    let policy_source = |line: Option<usize>| match line {
        Some(l) => format!("{}:{l}", gate.policy_label),
        None => "default policy".to_string(),
    };
    let mut tier = Tier::None;
    let mut tier_reasons = Vec::new();
    for area in areas.keys() {
        let setting = &review_policy.tiers[area];
        tier_reasons.push(format!(
            "{area} is {} ({})",
            setting.value,
            policy_source(setting.line)
        ));
        tier = tier.max(setting.value);
    }
    if provenance.ai_assisted && tier != Tier::None && review_policy.ai_raises_tier > 0 {
        let raised = tier.raised(review_policy.ai_raises_tier);
        if raised != tier {
            tier_reasons.push(format!("AI-assisted: raised from {tier} to {raised}"));
        } else {
            tier_reasons.push(format!("AI-assisted: already {tier}"));
        }
        tier = raised;
    }

    // Negative tests.
    let mut required: Vec<(Area, &negtest::TestCase)> = Vec::new();
    for area in areas.keys() {
        if let Some(setting) = review_policy.negative_tests.get(area) {
            for id in &setting.value {
                let case = negtest::catalogue()
                    .iter()
                    .chain(review_policy.test_cases.iter())
                    .find(|c| &c.id == id);
                if let Some(case) = case {
                    if !required.iter().any(|(_, c)| c.id == case.id) {
                        required.push((*area, case));
                    }
                }
            }
        }
    }
    let mut tests_read = Vec::new();
    let mut negative_tests = Vec::new();
    if !required.is_empty() {
        let is_test = |p: &str| crate::scan::is_test_path(p);
        let mut test_paths: Vec<String> = changes
            .iter()
            .filter_map(|c| c.new_path.clone())
            .filter(|p| is_test(p))
            .collect();
        let mut existing: Vec<String> = existing_tests
            .join()
            .unwrap_or_default()
            .into_iter()
            .filter(|p| is_test(p) && !test_paths.contains(p))
            .collect();
        existing.sort();
        existing.truncate(200);
        test_paths.extend(existing);
        let texts: Vec<(String, String)> = test_paths
            .iter()
            .cloned()
            .zip(git.read_files(head_sha, &test_paths, request.scan.max_file_size))
            .filter_map(|(p, b)| Some((p, String::from_utf8_lossy(&b?).into_owned())))
            .collect();
        tests_read = texts.iter().map(|(p, _)| p.clone()).collect();
        negative_tests = negtest::check(&required, &texts);
    }

    // Approvals.
    let touched: Vec<String> = changes
        .iter()
        .flat_map(|c| c.new_path.iter().chain(c.old_path.iter()).cloned())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    if request.approvals.is_some() && head.is_none() {
        warn(
            &mut diagnostics,
            None,
            "--approvals: head is the working tree, so no approval counts; pass --head <commit>"
                .to_string(),
        );
    }
    let (requirements, judged) = match review_policy.approvers.get(&tier) {
        Some(approvers) if tier != Tier::None => approvals::evaluate(
            approvers,
            &gate.policy_label,
            gate.code_owners.as_ref(),
            &touched,
            request.approvals.as_ref(),
            head_sha,
        ),
        _ => (vec![], vec![]),
    };

    // Decide.
    let mut reasons = Vec::new();
    for n in &compared.new {
        if n.finding.fails(request.fail_on) {
            reasons.push(Reason {
                decision: Decision::Block,
                text: format!(
                    "new {} finding `{}` at {}:{}: {}",
                    n.finding.severity.as_str(),
                    n.finding.rule_id,
                    n.finding.location.path,
                    n.finding.location.start_line,
                    n.finding.message
                ),
                source: None,
            });
        }
    }
    let action_decision = |action: Action| match action {
        Action::Block => Decision::Block,
        Action::NeedsApproval => Decision::NeedsApproval,
        Action::Warn => Decision::Pass,
    };
    for r in &compared.removed_controls {
        reasons.push(Reason {
            decision: action_decision(review_policy.on_removed_control.value),
            text: format!(
                "removed control `{}` ({}) at {}:{} in base: {}",
                r.rule_id,
                r.control,
                r.path,
                r.line,
                r.snippet.lines().next().unwrap_or_default().trim()
            ),
            source: Some(policy_source(review_policy.on_removed_control.line)),
        });
    }
    for case in &negative_tests {
        let (missing, how) = match &case.status {
            CaseStatus::Covered { .. } => (false, String::new()),
            CaseStatus::Missing => (true, "no test".to_string()),
            CaseStatus::NameOnly { path, line, why } => (true, format!("{path}:{line} {why}")),
        };
        if missing {
            reasons.push(Reason {
                decision: action_decision(review_policy.on_missing_tests.value),
                text: format!(
                    "{} negative test missing: {} ({how})",
                    case.area, case.description
                ),
                source: Some(policy_source(
                    review_policy
                        .negative_tests
                        .get(&case.area)
                        .and_then(|s| s.line),
                )),
            });
        }
    }
    for requirement in requirements.iter().filter(|r| !r.met) {
        reasons.push(Reason {
            decision: Decision::NeedsApproval,
            text: format!("{tier} tier needs {}", requirement.what),
            source: Some(requirement.source.clone()),
        });
    }
    let decision = reasons
        .iter()
        .map(|r| r.decision)
        .max()
        .unwrap_or(Decision::Pass);
    if reasons.is_empty() {
        reasons.push(Reason {
            decision: Decision::Pass,
            text: if tier == Tier::None {
                "not an identity change, and no new finding".to_string()
            } else {
                "no new finding, no removed control, negative tests present, approvals complete"
                    .to_string()
            },
            source: None,
        });
    }
    diagnostics.sort();
    diagnostics.dedup();
    let files = changes
        .iter()
        .map(|c| FileSummary {
            path: c.path().to_string(),
            old_path: (c.status == Status::Renamed || c.status == Status::Copied)
                .then(|| c.old_path.clone())
                .flatten(),
            status: c.status,
            added: c.added.len(),
            removed: c.removed.len(),
            not_read: c.not_read.clone(),
        })
        .collect();
    Ok(Review {
        base,
        head,
        files,
        areas,
        areas_omitted,
        provenance,
        tier,
        tier_reasons,
        new_findings: compared.new,
        fixed_findings: compared.fixed,
        removed_controls: compared.removed_controls,
        added_suppressions: compared.added_suppressions,
        negative_tests,
        tests_read,
        requirements,
        approvals: judged,
        decision,
        reasons,
        diagnostics,
        policy: gate.policy_label,
        policy_sha256: gate.policy_sha256,
        rules: compared.rules,
        fail_on: request.fail_on,
        exit_on: review_policy.fail_on,
    })
}

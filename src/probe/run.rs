//! The run: log in, calibrate, run the selected checks in catalogue order, keep the
//! primary session valid between them, and apply the expectations file.

use super::check::{Check, CheckInfo, Cx, Evidence, Options, Outcome, Secrets, Status};
use super::checks;
use super::expect::Expectations;
use super::http::Http;
use super::profile::Profile;
use serde::Serialize;
use std::time::Instant;

/// One check's result in the report.
#[derive(Debug, Clone, Serialize)]
pub struct CheckResult {
    pub id: &'static str,
    pub title: &'static str,
    pub control: &'static str,
    pub severity: crate::finding::Severity,
    pub clause: &'static str,
    pub outcome: Status,
    pub summary: String,
    pub evidence: Vec<Evidence>,
    /// The profile line the check anchors to.
    pub profile_line: usize,
    /// A known failure from `--expect`: owner, reason, until.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<super::expect::Expectation>,
    pub duration_ms: u64,
}

impl CheckResult {
    /// A fail or error that no live expectation covers.
    pub fn unexpected(&self) -> bool {
        matches!(self.outcome, Status::Fail | Status::Error) && self.expected.is_none()
    }
}

/// The whole run.
#[derive(Debug, Clone, Serialize)]
pub struct ProbeReport {
    pub target: String,
    pub profile: String,
    pub checks: Vec<CheckResult>,
    pub requests: u64,
    pub duration_ms: u64,
    pub warnings: Vec<String>,
}

impl ProbeReport {
    pub fn count(&self, status: Status) -> usize {
        self.checks.iter().filter(|c| c.outcome == status).count()
    }

    /// Whether the run gates: any unexpected fail or error.
    pub fn failed(&self) -> bool {
        self.checks.iter().any(CheckResult::unexpected)
    }
}

/// Why the run could not start.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error("{0}")]
    Setup(String),
}

/// Reports progress (a terminal line per check); `None` in CI.
pub type Progress<'a> = Option<&'a mut dyn FnMut(usize, usize, &CheckInfo)>;

/// Which checks run: all fast ones (plus slow ones with `--slow`), narrowed by
/// `only` and `skip` (ids).
pub fn select(
    options: &Options,
    only: &[String],
    skip: &[String],
) -> Result<Vec<&'static Check>, String> {
    let all = checks::all();
    for id in only.iter().chain(skip) {
        if !all.iter().any(|c| c.info.id.eq_ignore_ascii_case(id)) {
            return Err(format!(
                "`{id}` is not a check id (see `authgate probe --list`)"
            ));
        }
    }
    Ok(all
        .into_iter()
        .filter(|c| only.is_empty() || only.iter().any(|id| id.eq_ignore_ascii_case(c.info.id)))
        .filter(|c| !skip.iter().any(|id| id.eq_ignore_ascii_case(c.info.id)))
        .filter(|c| options.slow || !c.info.slow || !only.is_empty())
        .collect())
}

/// Runs the checks against the profile's target.
pub fn run(
    profile: &Profile,
    options: &Options,
    secrets: &Secrets,
    selected: &[&'static Check],
    expectations: &Expectations,
    mut progress: Progress,
) -> Result<ProbeReport, RunError> {
    let started = Instant::now();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| RunError::Setup(format!("cannot start the runtime: {e}")))?;
    let http = Http::new(profile).map_err(|e| RunError::Setup(e.to_string()))?;
    let mut cx = Cx::new(profile, options, &http, &runtime, secrets);
    cx.relogin()
        .map_err(|e| RunError::Setup(format!("{}: {e}", profile_key_of_login(profile))))?;
    cx.calibration("protected-read")
        .map_err(|e| RunError::Setup(format!("calibration: {e}")))?;

    let mut results = vec![];
    let mut warnings = expectations.warnings.clone();
    let mut lost: Option<String> = None;
    for (index, check) in selected.iter().enumerate() {
        if let Some(p) = progress.as_mut() {
            p(index, selected.len(), &check.info);
        }
        let t = Instant::now();
        let outcome = match &lost {
            Some(why) => Outcome::error(format!("not run: {why}")),
            None => (check.run)(&mut cx),
        };
        if check.info.destructive && lost.is_none() {
            if let Err(why) = keep_session(&mut cx) {
                lost = Some(why);
            }
        }
        results.push(result(profile, &check.info, outcome, expectations, t));
    }
    for unused in expectations.unused(&results) {
        warnings.push(unused);
    }
    Ok(ProbeReport {
        target: profile.origin.clone(),
        profile: profile.path.clone(),
        checks: results,
        requests: http.sent(),
        duration_ms: started.elapsed().as_millis() as u64,
        warnings,
    })
}

fn profile_key_of_login(profile: &Profile) -> String {
    format!("{}:{}: [login]", profile.path, profile.line_of("login"))
}

/// After a destructive check: the primary session must still be accepted; log in
/// again when it is not.
fn keep_session(cx: &mut Cx) -> Result<(), String> {
    let read = cx.endpoint("protected-read", &[]).expect("validated");
    let main = cx.main.clone();
    let still = cx
        .send(&cx.authed(read, &main))
        .ok()
        .and_then(|r| cx.judge("protected-read", &r).ok())
        == Some(super::calibrate::Verdict::Accepted);
    if still {
        return Ok(());
    }
    cx.relogin()
        .map_err(|e| format!("the primary session was spent and logging in again failed: {e}"))
}

fn result(
    profile: &Profile,
    info: &CheckInfo,
    outcome: Outcome,
    expectations: &Expectations,
    started: Instant,
) -> CheckResult {
    let expected = matches!(outcome.status, Status::Fail | Status::Error)
        .then(|| expectations.covering(info.id))
        .flatten();
    CheckResult {
        id: info.id,
        title: info.title,
        control: info.control,
        severity: info.severity,
        clause: info.clause,
        outcome: outcome.status,
        summary: outcome.summary,
        evidence: outcome.evidence,
        profile_line: profile.line_of(info.anchor),
        expected,
        duration_ms: started.elapsed().as_millis() as u64,
    }
}

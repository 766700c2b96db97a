//! `scan --history`: secrets anywhere in git history.
//!
//! Uses the git CLI rather than libgit2 (git2) or gix: `git log --raw` lists, per commit,
//! the blobs it introduced, and one `git cat-file --batch` process streams them; every
//! CI runner has git, and the crate stays free of a vendored C library. Each blob is
//! scanned once, at the oldest commit that introduced it (commits are walked oldest
//! first), with the secret detectors only: history is where removed secrets live on,
//! while code rules concern the code that ships.

use crate::finding::{Diagnostic, DiagnosticLevel, Finding, History};
use crate::policy::Policy;
use crate::scan::engine::{match_secrets, Engine};
use crate::scan::rules::RuleSet;
use crate::scan::ScanOptions;
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// What `--history` asks for.
#[derive(Debug, Clone)]
pub struct HistoryOptions {
    /// Only commits not reachable from this revision.
    pub since: Option<String>,
    /// Stop after this long and say so.
    pub max_seconds: u64,
}

#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct HistoryStats {
    pub commits: usize,
    pub blobs: usize,
    pub blobs_scanned: usize,
    pub blobs_skipped: usize,
    /// True when `--max-history-seconds` ran out before every blob was scanned.
    pub stopped_early: bool,
}

/// A blob and the first commit that introduced it.
struct Introduced {
    blob: String,
    commit: String,
    date: String,
    path: String,
}

/// Scans the history of the repository containing `repo`. Never fails as a whole:
/// problems become diagnostics.
pub(crate) fn scan_history(
    engine: &Engine<'_>,
    rules: &RuleSet,
    policy: &Policy,
    options: &ScanOptions,
    history: &HistoryOptions,
    repo: &Path,
) -> (Vec<Finding>, Vec<Diagnostic>, HistoryStats) {
    let started = Instant::now();
    let budget = Duration::from_secs(history.max_seconds);
    let mut stats = HistoryStats::default();
    let mut diagnostics = Vec::new();
    let error = |message: String| Diagnostic::new(DiagnosticLevel::Error, None, message);
    let blobs = match introduced_blobs(repo, history.since.as_deref(), &mut stats) {
        Ok(blobs) => blobs,
        Err(message) => return (vec![], vec![error(message)], stats),
    };
    let cli_excludes = match crate::scan::walk::build_globs(&options.excludes) {
        Ok(set) => set,
        Err(message) => return (vec![], vec![error(message)], stats),
    };
    let excluded = |path: &str| {
        policy.is_excluded(path)
            || cli_excludes.is_match(path)
            || path.split('/').any(|part| {
                part == ".git"
                    || (options.default_excludes
                        && crate::scan::DEFAULT_EXCLUDED_DIRS.contains(&part))
            })
    };
    let wanted: Vec<&Introduced> = blobs.iter().filter(|b| !excluded(&b.path)).collect();
    stats.blobs = wanted.len();
    let mut reader = match BlobReader::start(repo, wanted.iter().map(|b| b.blob.clone()).collect())
    {
        Ok(reader) => reader,
        Err(message) => return (vec![], vec![error(message)], stats),
    };
    let mut findings: Vec<Finding> = Vec::new();
    let mut seen_secrets: HashSet<(String, String)> = HashSet::new();
    for introduced in &wanted {
        if started.elapsed() > budget {
            stats.stopped_early = true;
            diagnostics.push(Diagnostic::new(
                DiagnosticLevel::Warning,
                None,
                format!(
                    "history scan stopped after --max-history-seconds ({}s): {} of {} blobs scanned; commits after {} were not reached",
                    history.max_seconds,
                    stats.blobs_scanned,
                    stats.blobs,
                    &introduced.commit[..12.min(introduced.commit.len())]
                ),
            ));
            break;
        }
        let bytes = match reader.next_blob(options.max_file_size) {
            Ok(Some(bytes)) => bytes,
            Ok(None) => {
                stats.blobs_skipped += 1;
                diagnostics.push(Diagnostic::new(
                    DiagnosticLevel::Note,
                    Some(introduced.path.clone()),
                    format!(
                        "history: blob {} in commit {} is over --max-file-size; skipped",
                        short(&introduced.blob),
                        short(&introduced.commit)
                    ),
                ));
                continue;
            }
            Err(message) => {
                diagnostics.push(error(format!("history: {message}")));
                break;
            }
        };
        if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
            stats.blobs_skipped += 1;
            continue;
        }
        stats.blobs_scanned += 1;
        let candidates = engine
            .secrets
            .candidates(&introduced.path, &bytes, options.use_prefilter);
        if candidates.is_empty() {
            continue;
        }
        let text = String::from_utf8_lossy(&bytes);
        let matches = match_secrets(engine, rules, &text, &candidates);
        for mut finding in crate::scan::secret_findings(rules, &introduced.path, &text, matches) {
            let key = (
                finding.rule_id.clone(),
                finding.secret_digest.clone().unwrap_or_default(),
            );
            // The same secret in later versions of the file was introduced earlier.
            if !seen_secrets.insert(key) {
                continue;
            }
            finding.history = Some(History {
                commit: introduced.commit.clone(),
                author_date: introduced.date.clone(),
                path: introduced.path.clone(),
                in_tree: false,
            });
            findings.push(finding);
        }
    }
    reader.finish();
    (findings, diagnostics, stats)
}

/// The first 12 characters of a commit SHA, for messages.
pub fn short(sha: &str) -> &str {
    &sha[..12.min(sha.len())]
}

/// Every blob added or changed by a commit reachable from a branch, tag or HEAD, with
/// the oldest commit that introduced it.
fn introduced_blobs(
    repo: &Path,
    since: Option<&str>,
    stats: &mut HistoryStats,
) -> Result<Vec<Introduced>, String> {
    let mut command = git(repo);
    command.args([
        "log",
        "--branches",
        "--tags",
        "HEAD",
        "--reverse",
        "--topo-order",
        "--format=%x01%H %aI",
        "--raw",
        "--no-renames",
        "--no-abbrev",
        "-z",
    ]);
    if let Some(rev) = since {
        command.args(["--not", rev]);
    }
    let output = command
        .output()
        .map_err(|e| format!("--history: cannot run git: {e}"))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(format!(
            "--history: `git log` failed in {}: {}",
            repo.display(),
            stderr.trim()
        ));
    }
    let mut out = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let (mut commit, mut date) = (String::new(), String::new());
    let mut tokens = output.stdout.split(|b| *b == 0);
    while let Some(token) = tokens.next() {
        let token = String::from_utf8_lossy(token);
        let token = token.trim_start_matches('\n');
        if let Some(header) = token.strip_prefix('\u{1}') {
            let (sha, when) = header.split_once(' ').unwrap_or((header, ""));
            commit = sha.to_string();
            date = when.trim().to_string();
            stats.commits += 1;
        } else if let Some(raw) = token.strip_prefix(':') {
            let Some(path) = tokens.next() else { break };
            // `:oldmode newmode oldsha newsha status`
            let fields: Vec<&str> = raw.split_whitespace().collect();
            let (Some(mode), Some(blob), Some(status)) =
                (fields.get(1), fields.get(3), fields.get(4))
            else {
                continue;
            };
            let regular = mode.starts_with("100");
            if !regular || status.starts_with('D') || blob.bytes().all(|b| b == b'0') {
                continue;
            }
            if seen.insert(blob.to_string()) {
                out.push(Introduced {
                    blob: blob.to_string(),
                    commit: commit.clone(),
                    date: date.clone(),
                    path: String::from_utf8_lossy(path).into_owned(),
                });
            }
        }
    }
    Ok(out)
}

pub(crate) fn git(repo: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(repo)
        .args(["-c", "core.quotepath=off"])
        .stdin(Stdio::null())
        .stderr(Stdio::piped());
    command
}

/// One `git cat-file --batch` process: blob ids in, contents out, in order.
pub(crate) struct BlobReader {
    child: std::process::Child,
    stdout: BufReader<std::process::ChildStdout>,
    writer: Option<std::thread::JoinHandle<()>>,
}

impl BlobReader {
    pub(crate) fn start(repo: &Path, blobs: Vec<String>) -> Result<BlobReader, String> {
        let mut child = git(repo)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("--history: cannot run git cat-file: {e}"))?;
        let mut stdin = child.stdin.take().expect("stdin is piped");
        // Feed ids from a thread so neither side blocks on a full pipe.
        let writer = std::thread::spawn(move || {
            for blob in blobs {
                if writeln!(stdin, "{blob}").is_err() {
                    return;
                }
            }
        });
        let stdout = BufReader::new(child.stdout.take().expect("stdout is piped"));
        Ok(BlobReader {
            child,
            stdout,
            writer: Some(writer),
        })
    }

    /// The next blob's bytes; `None` when it is larger than `max` (its bytes are skipped).
    pub(crate) fn next_blob(&mut self, max: u64) -> Result<Option<Vec<u8>>, String> {
        let mut header = String::new();
        self.stdout
            .read_line(&mut header)
            .map_err(|e| format!("reading git cat-file: {e}"))?;
        let fields: Vec<&str> = header.split_whitespace().collect();
        let size: u64 = match fields.as_slice() {
            [_, "blob", size] => size
                .parse()
                .map_err(|_| format!("bad header `{}`", header.trim()))?,
            [id, "missing"] => return Err(format!("blob {id} is missing")),
            _ => {
                return Err(format!(
                    "unexpected git cat-file output `{}`",
                    header.trim()
                ))
            }
        };
        let keep = size <= max;
        let mut bytes = Vec::with_capacity(if keep { size as usize } else { 0 });
        let mut body = (&mut self.stdout).take(size);
        if keep {
            body.read_to_end(&mut bytes)
                .map_err(|e| format!("reading git cat-file: {e}"))?;
        } else {
            std::io::copy(&mut body, &mut std::io::sink())
                .map_err(|e| format!("reading git cat-file: {e}"))?;
        }
        let mut newline = [0u8; 1];
        self.stdout
            .read_exact(&mut newline)
            .map_err(|e| format!("reading git cat-file: {e}"))?;
        Ok(keep.then_some(bytes))
    }

    pub(crate) fn finish(mut self) {
        // Stop git early if the time budget ran out; its exit status no longer matters.
        let _ = self.child.kill();
        let _ = self.child.wait();
        if let Some(writer) = self.writer.take() {
            let _ = writer.join();
        }
    }
}

/// Marks tree findings whose secret history also holds with the commit that introduced
/// it, and keeps as separate findings the secrets that are gone from the tree.
pub(crate) fn merge_with_tree(tree: &mut [Finding], history: Vec<Finding>) -> Vec<Finding> {
    let mut by_secret: HashMap<(String, String), usize> = HashMap::new();
    for (idx, finding) in tree.iter().enumerate() {
        if let Some(digest) = &finding.secret_digest {
            by_secret
                .entry((finding.rule_id.clone(), digest.clone()))
                .or_insert(idx);
        }
    }
    let mut gone = Vec::new();
    for mut finding in history {
        let key = (
            finding.rule_id.clone(),
            finding.secret_digest.clone().unwrap_or_default(),
        );
        match by_secret.get(&key) {
            Some(&idx) => {
                let mut info = finding.history.take().expect("history findings carry it");
                info.in_tree = true;
                tree[idx].history = Some(info);
            }
            None => {
                let info = finding.history.as_mut().expect("history findings carry it");
                finding.message = format!(
                    "{} Removed from the tree but still in git history (commit {}, {}): rotate it.",
                    finding.message,
                    short(&info.commit),
                    info.author_date
                );
                gone.push(finding);
            }
        }
    }
    gone
}

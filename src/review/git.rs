//! The repository, through the git CLI.
//!
//! Why the CLI rather than git2 (libgit2) or gix: `scan --history` already drives git
//! this way; every CI runner has git; `git diff -M` is exactly the rename detection
//! reviewers see on the platform; shallow clones, worktrees, sparse checkouts and
//! alternates behave as git itself defines them; and the crate stays free of a
//! vendored C library (git2) or a large dependency tree (gix). A review makes about
//! eight git calls, a few milliseconds each.

use crate::scan::history::{git, BlobReader};
use std::path::{Path, PathBuf};

/// A repository and its top-level directory.
#[derive(Debug, Clone)]
pub struct Git {
    pub root: PathBuf,
}

/// What happened to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Added,
    Modified,
    Deleted,
    Renamed,
    Copied,
    TypeChanged,
}

/// A changed line and its 1-based number (in base for removed, head for added lines).
#[derive(Debug, Clone)]
pub struct Line {
    pub number: usize,
    pub text: String,
}

/// One file of the diff.
#[derive(Debug, Clone)]
pub struct Change {
    pub status: Status,
    /// Path in base (`None` when added).
    pub old_path: Option<String>,
    /// Path in head (`None` when deleted).
    pub new_path: Option<String>,
    pub removed: Vec<Line>,
    pub added: Vec<Line>,
    /// Head-side line ranges of the hunks (start, count); a pure deletion has count 0
    /// at the line after which it happened.
    pub hunks: Vec<(usize, usize)>,
    /// Set when the file's lines were not read (binary, or too large a diff).
    pub not_read: Option<String>,
}

impl Change {
    /// The path to show: head's, or base's for a deletion.
    pub fn path(&self) -> &str {
        self.new_path
            .as_deref()
            .or(self.old_path.as_deref())
            .unwrap_or_default()
    }
}

/// A commit of the change.
#[derive(Debug, Clone)]
pub struct Commit {
    pub sha: String,
    pub author: String,
    pub message: String,
}

/// Lines changed above which a file's diff is not read line by line.
const MAX_DIFF_LINES: usize = 20_000;

impl Git {
    /// The repository containing `dir`.
    pub fn open(dir: &Path) -> Result<Git, String> {
        let out = run(git(dir).args(["rev-parse", "--show-toplevel"]))
            .map_err(|e| format!("{}: not inside a git repository ({e})", dir.display()))?;
        Ok(Git {
            root: PathBuf::from(String::from_utf8_lossy(&out).trim()),
        })
    }

    fn run(&self, args: &[&str]) -> Result<Vec<u8>, String> {
        run(git(&self.root).args(args))
    }

    /// The full SHA of a commit, or an error that says what to do.
    pub fn resolve(&self, rev: &str) -> Result<String, String> {
        if rev.starts_with('-') {
            return Err(format!("`{rev}` is not a revision"));
        }
        match self.run(&["rev-parse", "--verify", "--quiet", &format!("{rev}^{{commit}}")]) {
            Ok(out) => Ok(String::from_utf8_lossy(&out).trim().to_string()),
            Err(_) if self.is_shallow() => Err(format!(
                "unknown revision `{rev}`: this is a shallow clone and `{rev}` is not in it; fetch more history (actions/checkout: `fetch-depth: 0`; or `git fetch --unshallow`, or `git fetch origin <branch>`)"
            )),
            Err(_) => Err(format!(
                "unknown revision `{rev}`: no commit, branch or tag of that name (fetch it first, e.g. `git fetch origin {rev}`)"
            )),
        }
    }

    fn is_shallow(&self) -> bool {
        self.run(&["rev-parse", "--is-shallow-repository"])
            .is_ok_and(|o| o.starts_with(b"true"))
    }

    /// The merge-base of HEAD with the default branch, and the branch's name.
    pub fn default_base(&self) -> Option<(String, String)> {
        let mut candidates = Vec::new();
        if let Ok(out) = self.run(&[
            "symbolic-ref",
            "--quiet",
            "--short",
            "refs/remotes/origin/HEAD",
        ]) {
            candidates.push(String::from_utf8_lossy(&out).trim().to_string());
        }
        candidates.extend(["origin/main", "origin/master", "main", "master"].map(String::from));
        candidates.into_iter().find_map(|branch| {
            let base = self.run(&["merge-base", "HEAD", &branch]).ok()?;
            Some((branch, String::from_utf8_lossy(&base).trim().to_string()))
        })
    }

    /// The files changed from `base` to `head` (the working tree, untracked files
    /// included, when `head` is `None`), with their added and removed lines.
    pub fn changes(&self, base: &str, head: Option<&str>) -> Result<Vec<Change>, String> {
        let range: Vec<&str> = std::iter::once(base).chain(head).collect();
        let mut args = vec!["diff", "--no-ext-diff", "--no-textconv", "-M", "-z"];
        let mut status_args = args.clone();
        status_args.push("--name-status");
        status_args.extend(&range);
        status_args.push("--");
        // Line counts too, so a huge generated diff is not read line by line; the two
        // calls run side by side.
        args.push("--numstat");
        args.extend(&range);
        args.push("--");
        let (status, numstat) = std::thread::scope(|scope| {
            let numstat = scope.spawn(|| self.run(&args));
            (self.run(&status_args), numstat.join().expect("git runs"))
        });
        let (status, numstat) = (status?, numstat?);
        let mut changes = parse_name_status(&status)?;
        if head.is_none() {
            let untracked = self.run(&["ls-files", "--others", "--exclude-standard", "-z"])?;
            for path in nul_fields(&untracked) {
                changes.push(Change {
                    status: Status::Added,
                    old_path: None,
                    new_path: Some(path),
                    removed: vec![],
                    added: vec![],
                    hunks: vec![],
                    not_read: None,
                });
            }
        }
        let mut skip = Vec::new();
        for (path, added, deleted) in parse_numstat(&numstat) {
            let why = match (added, deleted) {
                (None, _) | (_, None) => Some("binary file".to_string()),
                (Some(a), Some(d)) if a + d > MAX_DIFF_LINES => Some(format!(
                    "{} changed lines, over the {MAX_DIFF_LINES}-line limit for reading a diff",
                    a + d
                )),
                _ => None,
            };
            if let Some(why) = why {
                if let Some(change) = changes.iter_mut().find(|c| c.path() == path) {
                    change.not_read = Some(why);
                }
                skip.push(path);
            }
        }
        let mut patch_args: Vec<String> = [
            "diff",
            "--no-ext-diff",
            "--no-textconv",
            "--no-color",
            "-M",
            "-U0",
        ]
        .map(String::from)
        .to_vec();
        patch_args.extend(range.iter().map(|s| s.to_string()));
        patch_args.push("--".to_string());
        patch_args.push(".".to_string());
        patch_args.extend(skip.iter().map(|p| format!(":(exclude,literal){p}")));
        let refs: Vec<&str> = patch_args.iter().map(String::as_str).collect();
        let patch = self.run(&refs)?;
        apply_patch(&mut changes, &String::from_utf8_lossy(&patch));
        // Untracked files: every line is added.
        if head.is_none() {
            for change in changes
                .iter_mut()
                .filter(|c| c.status == Status::Added && c.hunks.is_empty() && c.not_read.is_none())
            {
                let path = self.root.join(change.path());
                match std::fs::read(&path) {
                    Ok(bytes) if bytes.contains(&0) => {
                        change.not_read = Some("binary file".to_string())
                    }
                    Ok(bytes) => {
                        let text = String::from_utf8_lossy(&bytes);
                        let lines: Vec<Line> = text
                            .lines()
                            .enumerate()
                            .take(MAX_DIFF_LINES + 1)
                            .map(|(i, l)| Line {
                                number: i + 1,
                                text: l.to_string(),
                            })
                            .collect();
                        if lines.len() > MAX_DIFF_LINES {
                            change.not_read = Some(format!(
                                "over the {MAX_DIFF_LINES}-line limit for reading a diff"
                            ));
                        } else {
                            change.hunks.push((1, lines.len()));
                            change.added = lines;
                        }
                    }
                    Err(_) => {}
                }
            }
        }
        Ok(changes)
    }

    /// Reads `rev:path` for each path (`rev` `None`: the working tree). `None` for a
    /// file that does not exist there or is larger than `max` bytes.
    pub fn read_files(
        &self,
        rev: Option<&str>,
        paths: &[String],
        max: u64,
    ) -> Vec<Option<Vec<u8>>> {
        match rev {
            None => paths
                .iter()
                .map(|p| {
                    let path = self.root.join(p);
                    let meta = std::fs::symlink_metadata(&path).ok()?;
                    if !meta.is_file() || meta.len() > max {
                        return None;
                    }
                    std::fs::read(path).ok()
                })
                .collect(),
            Some(rev) => {
                let specs = paths.iter().map(|p| format!("{rev}:{p}")).collect();
                let Ok(mut reader) = BlobReader::start(&self.root, specs) else {
                    return vec![None; paths.len()];
                };
                let mut out = Vec::with_capacity(paths.len());
                for _ in paths {
                    match reader.next_blob(max) {
                        Ok(bytes) => out.push(bytes),
                        Err(e) if e.contains("missing") || e.contains("unexpected") => {
                            out.push(None)
                        }
                        Err(_) => {
                            out.resize(paths.len(), None);
                            break;
                        }
                    }
                }
                reader.finish();
                out
            }
        }
    }

    /// The commits in `base..head` (`head` `None`: `HEAD`), newest first.
    pub fn commits(&self, base: &str, head: Option<&str>) -> Result<Vec<Commit>, String> {
        let range = format!("{base}..{}", head.unwrap_or("HEAD"));
        let out = self.run(&["log", "--format=%H%x00%an <%ae>%x00%B%x1e", &range, "--"])?;
        Ok(String::from_utf8_lossy(&out)
            .split('\u{1e}')
            .filter_map(|record| {
                let mut fields = record.trim_start_matches('\n').splitn(3, '\0');
                let sha = fields.next()?.trim();
                (!sha.is_empty()).then(|| Commit {
                    sha: sha.to_string(),
                    author: fields.next().unwrap_or_default().to_string(),
                    message: fields.next().unwrap_or_default().to_string(),
                })
            })
            .collect())
    }

    /// Files at `rev` (working tree when `None`) under `pathspecs` containing any of
    /// `words` as a whole word. At a revision git inflates every blob it searches, so
    /// narrow pathspecs are what keeps this fast on a large repository.
    pub fn grep_files(
        &self,
        rev: Option<&str>,
        words: &[String],
        pathspecs: &[&str],
    ) -> Vec<String> {
        if words.is_empty() {
            return vec![];
        }
        let mut args: Vec<String> = ["grep", "-l", "-z", "-w", "-F", "-I", "--no-color"]
            .map(String::from)
            .to_vec();
        if rev.is_none() {
            args.push("--untracked".to_string());
        }
        for word in words {
            args.push("-e".to_string());
            args.push(word.clone());
        }
        args.extend(rev.map(String::from));
        args.push("--".to_string());
        args.extend(pathspecs.iter().map(|p| p.to_string()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        let Ok(out) = self.run(&refs) else {
            return vec![];
        };
        let prefix = rev.map(|r| format!("{r}:"));
        nul_fields(&out)
            .into_iter()
            .map(|path| match &prefix {
                Some(prefix) => path
                    .strip_prefix(prefix.as_str())
                    .map(str::to_string)
                    .unwrap_or(path),
                None => path,
            })
            .collect()
    }

    /// The files under directory `dir` at `rev`.
    pub fn list_tree(&self, rev: &str, dir: &str) -> Vec<String> {
        let dir = dir.trim_end_matches('/');
        self.run(&[
            "ls-tree",
            "-r",
            "-z",
            "--name-only",
            rev,
            "--",
            &format!("{dir}/"),
        ])
        .map(|out| nul_fields(&out))
        .unwrap_or_default()
    }
}

fn run(command: &mut std::process::Command) -> Result<Vec<u8>, String> {
    let out = command
        .stdout(std::process::Stdio::piped())
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        return Err(err
            .lines()
            .next()
            .unwrap_or("git failed")
            .trim()
            .to_string());
    }
    Ok(out.stdout)
}

/// The non-empty NUL-separated fields of `-z` output.
fn nul_fields(out: &[u8]) -> Vec<String> {
    out.split(|b| *b == 0)
        .filter(|f| !f.is_empty())
        .map(|f| String::from_utf8_lossy(f).into_owned())
        .collect()
}

fn parse_name_status(out: &[u8]) -> Result<Vec<Change>, String> {
    let mut fields = nul_fields(out).into_iter();
    let mut changes = Vec::new();
    while let Some(code) = fields.next() {
        if code.is_empty() {
            continue;
        }
        let mut next = || {
            fields
                .next()
                .ok_or_else(|| "truncated `git diff --name-status` output".to_string())
        };
        let (status, old_path, new_path) = match code.as_bytes()[0] {
            b'A' => (Status::Added, None, Some(next()?)),
            b'D' => {
                let p = next()?;
                (Status::Deleted, Some(p), None)
            }
            b'R' => {
                let old = next()?;
                (Status::Renamed, Some(old), Some(next()?))
            }
            b'C' => {
                let old = next()?;
                (Status::Copied, Some(old), Some(next()?))
            }
            b'T' => {
                let p = next()?;
                (Status::TypeChanged, Some(p.clone()), Some(p))
            }
            _ => {
                let p = next()?;
                (Status::Modified, Some(p.clone()), Some(p))
            }
        };
        changes.push(Change {
            status,
            old_path,
            new_path,
            removed: vec![],
            added: vec![],
            hunks: vec![],
            not_read: None,
        });
    }
    Ok(changes)
}

/// `(head path, added, deleted)`; counts are `None` for binary files.
fn parse_numstat(out: &[u8]) -> Vec<(String, Option<usize>, Option<usize>)> {
    let mut fields = nul_fields(out).into_iter();
    let mut rows = Vec::new();
    while let Some(field) = fields.next() {
        if field.is_empty() {
            continue;
        }
        let mut parts = field.splitn(3, '\t');
        let added = parts.next().and_then(|n| n.parse().ok());
        let deleted = parts.next().and_then(|n| n.parse().ok());
        let path = match parts.next() {
            Some("") | None => {
                // A rename: the old and new paths follow as their own fields.
                let _old = fields.next();
                fields.next().unwrap_or_default()
            }
            Some(p) => p.to_string(),
        };
        rows.push((path, added, deleted));
    }
    rows
}

/// Undoes git's C-style quoting of a path in patch headers.
fn unquote(path: &str) -> String {
    let Some(inner) = path.strip_prefix('"').and_then(|p| p.strip_suffix('"')) else {
        return path.to_string();
    };
    let mut bytes = Vec::new();
    let mut chars = inner.bytes().peekable();
    while let Some(b) = chars.next() {
        if b != b'\\' {
            bytes.push(b);
            continue;
        }
        match chars.next() {
            Some(b'n') => bytes.push(b'\n'),
            Some(b't') => bytes.push(b'\t'),
            Some(d @ b'0'..=b'7') => {
                let mut value = u32::from(d - b'0');
                for _ in 0..2 {
                    if let Some(&n @ b'0'..=b'7') = chars.peek() {
                        value = value * 8 + u32::from(n - b'0');
                        chars.next();
                    }
                }
                bytes.push(value as u8);
            }
            Some(other) => bytes.push(other),
            None => {}
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Distributes a `-U0` patch's lines over the changes, by head path (base path for
/// deletions).
fn apply_patch(changes: &mut [Change], patch: &str) {
    let mut current: Option<usize> = None;
    let (mut old_line, mut new_line) = (0usize, 0usize);
    let mut old_header: Option<String> = None;
    for line in patch.lines() {
        if line.starts_with("diff --git ") {
            current = None;
            old_header = None;
            continue;
        }
        if let Some(rest) = line.strip_prefix("--- ") {
            // git ends a name that holds a space with a tab.
            old_header = Some(strip_side(&unquote(rest.trim_end_matches('\t')), "a/"));
            continue;
        }
        if let Some(rest) = line.strip_prefix("+++ ") {
            let new = strip_side(&unquote(rest.trim_end_matches('\t')), "b/");
            current = if new == "/dev/null" {
                old_header.as_deref().and_then(|old| {
                    changes
                        .iter()
                        .position(|c| c.new_path.is_none() && c.old_path.as_deref() == Some(old))
                })
            } else {
                changes
                    .iter()
                    .position(|c| c.new_path.as_deref() == Some(new.as_str()))
            };
            continue;
        }
        if let Some(header) = line.strip_prefix("@@ ") {
            let mut parts = header.split_whitespace();
            let old = parts.next().and_then(|p| p.strip_prefix('-'));
            let new = parts.next().and_then(|p| p.strip_prefix('+'));
            let parse = |range: Option<&str>| -> (usize, usize) {
                let range = range.unwrap_or("0");
                let mut it = range.split(',');
                let start = it.next().and_then(|n| n.parse().ok()).unwrap_or(0);
                let count = it.next().and_then(|n| n.parse().ok()).unwrap_or(1);
                (start, count)
            };
            let (os, _) = parse(old);
            let (ns, nc) = parse(new);
            old_line = os;
            new_line = ns;
            if let Some(change) = current.and_then(|i| changes.get_mut(i)) {
                change.hunks.push((ns, nc));
            }
            continue;
        }
        let Some(change) = current.and_then(|i| changes.get_mut(i)) else {
            continue;
        };
        if let Some(text) = line.strip_prefix('+') {
            change.added.push(Line {
                number: new_line,
                text: text.to_string(),
            });
            new_line += 1;
        } else if let Some(text) = line.strip_prefix('-') {
            change.removed.push(Line {
                number: old_line,
                text: text.to_string(),
            });
            old_line += 1;
        }
    }
}

fn strip_side(path: &str, prefix: &str) -> String {
    path.strip_prefix(prefix).unwrap_or(path).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_paths_are_unquoted() {
        assert_eq!(
            unquote("\"a/caf\\303\\251 \\\"x\\\".py\""),
            "a/café \"x\".py"
        );
        assert_eq!(unquote("b/plain.py"), "b/plain.py");
    }

    #[test]
    fn name_status_reads_renames_and_deletions() {
        let out = b"M\0a.py\0R087\0old.py\0new.py\0D\0gone.py\0A\0added.py\0";
        let changes = parse_name_status(out).unwrap();
        assert_eq!(changes.len(), 4);
        assert_eq!(changes[1].status, Status::Renamed);
        assert_eq!(changes[1].old_path.as_deref(), Some("old.py"));
        assert_eq!(changes[1].new_path.as_deref(), Some("new.py"));
        assert_eq!(changes[2].path(), "gone.py");
    }

    #[test]
    fn numstat_reads_binary_and_renames() {
        let rows = parse_numstat(b"1\t2\ta.py\0-\t-\tlogo.png\x003\t0\t\0old.py\0new.py\0");
        assert_eq!(rows[0], ("a.py".to_string(), Some(1), Some(2)));
        assert_eq!(rows[1], ("logo.png".to_string(), None, None));
        assert_eq!(rows[2].0, "new.py");
    }
}

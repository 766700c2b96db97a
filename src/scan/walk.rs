//! The parallel walk: which files are read, and how a file that cannot be scanned
//! becomes a diagnostic instead of an abort.

use crate::facts::{config_kind, manifest_kind, parse_config, parse_manifest};
use crate::finding::{Diagnostic, DiagnosticLevel};
use crate::policy::Policy;
use crate::scan::lang::Lang;
use crate::scan::{FileResult, ScanOptions};
use globset::{GlobSet, GlobSetBuilder};
use ignore::{WalkBuilder, WalkState};
use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;
use std::sync::Mutex;

/// Directory names skipped by default (vendored and generated trees).
pub const DEFAULT_EXCLUDED_DIRS: &[&str] = &[
    ".git",
    "node_modules",
    "bower_components",
    "vendor",
    "third_party",
    "dist",
    "build",
    ".venv",
    "venv",
    "site-packages",
    "__pycache__",
];

/// A line longer than this marks a minified or generated file.
const MINIFIED_LINE_BYTES: usize = 4096;

/// Which files without a grammar are read and handed to the scanner.
pub(crate) struct Select {
    /// Globs of the text rules.
    pub globs: GlobSet,
    /// Every text file (secret detectors are loaded).
    pub all_text: bool,
}

impl Select {
    fn reads(&self, rel: &str) -> bool {
        self.all_text || self.globs.is_match(rel)
    }
}

/// Scans one file's bytes (a grammar file, or one a text rule selects); `&str` is
/// the path reports show.
type ScanText<'a> = dyn Fn(Option<Lang>, &str, Vec<u8>) -> FileResult + Sync + 'a;

pub(crate) fn walk(
    options: &ScanOptions,
    policy: &Policy,
    select: &Select,
    scan_text: &ScanText<'_>,
) -> Vec<FileResult> {
    let results = Mutex::new(Vec::new());
    let cli_excludes = match build_globs(&options.excludes) {
        Ok(set) => set,
        Err(message) => {
            return vec![FileResult {
                diagnostics: vec![Diagnostic::new(DiagnosticLevel::Error, None, message)],
                ..FileResult::default()
            }]
        }
    };
    let mut paths = Vec::new();
    for path in &options.paths {
        if std::fs::symlink_metadata(path).is_err() {
            results
                .lock()
                .expect("no panic holds the lock")
                .push(FileResult {
                    diagnostics: vec![Diagnostic::new(
                        DiagnosticLevel::Error,
                        Some(path.display().to_string()),
                        "path does not exist",
                    )],
                    ..FileResult::default()
                });
        } else {
            paths.push(path);
        }
    }
    let Some((first, rest)) = paths.split_first() else {
        return results.into_inner().expect("no panic holds the lock");
    };
    let mut builder = WalkBuilder::new(first);
    for path in rest {
        builder.add(path);
    }
    let default_excludes = options.default_excludes;
    builder
        .hidden(false)
        .require_git(false)
        .follow_links(options.follow_links)
        .threads(options.threads)
        .add_custom_ignore_filename(".authgateignore")
        .filter_entry(move |entry| {
            let is_dir = entry.file_type().is_some_and(|t| t.is_dir());
            let name = entry.file_name().to_str().unwrap_or("");
            !(is_dir
                && entry.depth() > 0
                && (name == ".git" || (default_excludes && DEFAULT_EXCLUDED_DIRS.contains(&name))))
        });

    builder.build_parallel().run(|| {
        let results = &results;
        let cli_excludes = &cli_excludes;
        Box::new(move |entry| {
            let result = match entry {
                Ok(entry) => visit(&entry, options, policy, cli_excludes, select, scan_text),
                Err(err) => Some(walk_error(&err, options)),
            };
            if let Some(result) = result {
                results
                    .lock()
                    .expect("no panic holds the lock")
                    .push(result);
            }
            WalkState::Continue
        })
    });
    let mut results = results.into_inner().expect("no panic holds the lock");
    // Files git tracks are scanned even when a .gitignore lists them: an ignore
    // pattern committed with the code must not hide that code from the gate.
    for dir in paths.iter().filter(|p| p.is_dir()) {
        for path in tracked_but_ignored(dir) {
            let excluded_dir = path
                .strip_prefix(dir)
                .ok()
                .and_then(|rel| rel.parent())
                .is_some_and(|parent| {
                    parent.components().any(|c| {
                        let name = c.as_os_str().to_str().unwrap_or("");
                        name == ".git"
                            || (default_excludes && DEFAULT_EXCLUDED_DIRS.contains(&name))
                    })
                });
            let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file());
            if excluded_dir || !regular {
                continue;
            }
            if let Some(mut result) =
                visit_file(&path, options, policy, &cli_excludes, select, scan_text)
            {
                let rel = relative_path(&path, &options.root);
                result.diagnostics.push(Diagnostic::new(
                    DiagnosticLevel::Note,
                    Some(rel),
                    "scanned although a .gitignore lists it: git tracks this file",
                ));
                results.push(result);
            }
        }
    }
    results
}

/// Files below `dir` that git tracks although its ignore rules match them. Empty when
/// `dir` is not in a git work tree or git is not installed.
fn tracked_but_ignored(dir: &Path) -> Vec<std::path::PathBuf> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "ls-files",
            "-z",
            "--cached",
            "--ignored",
            "--exclude-standard",
            "--full-name",
        ])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    let Ok(output) = output else {
        return vec![];
    };
    if !output.status.success() {
        return vec![];
    }
    // `--full-name` paths are relative to the work tree's top level.
    let top = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["rev-parse", "--show-toplevel"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output();
    let Some(top) = top
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
    else {
        return vec![];
    };
    let top = Path::new(&top);
    let dir_abs = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
    output
        .stdout
        .split(|b| *b == 0)
        .filter(|p| !p.is_empty())
        .filter_map(|p| std::str::from_utf8(p).ok())
        .map(|p| top.join(p))
        .filter_map(|abs| abs.strip_prefix(&dir_abs).ok().map(|rel| dir.join(rel)))
        .collect()
}

fn visit(
    entry: &ignore::DirEntry,
    options: &ScanOptions,
    policy: &Policy,
    cli_excludes: &GlobSet,
    select: &Select,
    scan_text: &ScanText<'_>,
) -> Option<FileResult> {
    // Only regular files are opened: FIFOs, sockets and devices would block or never end.
    if !entry.file_type().is_some_and(|t| t.is_file()) {
        return None;
    }
    visit_file(
        entry.path(),
        options,
        policy,
        cli_excludes,
        select,
        scan_text,
    )
}

fn visit_file(
    path: &Path,
    options: &ScanOptions,
    policy: &Policy,
    cli_excludes: &GlobSet,
    select: &Select,
    scan_text: &ScanText<'_>,
) -> Option<FileResult> {
    let lang = Lang::from_path(path);
    let rel = relative_path(path, &options.root);
    let config = config_kind(&rel).filter(|_| options.collect_facts);
    let manifest = manifest_kind(&rel).filter(|_| options.collect_facts);
    let text_rules = select.reads(&rel);
    if (lang.is_none() && config.is_none() && manifest.is_none() && !text_rules)
        || policy.is_excluded(&rel)
        || cli_excludes.is_match(&rel)
    {
        return None;
    }
    let skip = |message: String| FileResult {
        skipped: true,
        diagnostics: vec![Diagnostic::new(
            DiagnosticLevel::Note,
            Some(rel.clone()),
            message,
        )],
        ..FileResult::default()
    };
    let size = match std::fs::metadata(path) {
        Ok(meta) => meta.len(),
        Err(err) => return Some(error(&rel, format!("cannot read metadata: {err}"))),
    };
    if size > options.max_file_size {
        return Some(skip(format!(
            "skipped: {size} bytes is over --max-file-size ({} bytes)",
            options.max_file_size
        )));
    }
    let bytes = match read_capped(path, size, options.max_file_size) {
        Ok(bytes) => bytes,
        Err(err) => return Some(error(&rel, format!("cannot read file: {err}"))),
    };
    if bytes.len() as u64 > options.max_file_size {
        return Some(skip(
            "skipped: the file grew past --max-file-size while being read".to_string(),
        ));
    }
    if memchr::memchr(0, &bytes[..bytes.len().min(8192)]).is_some() {
        return Some(skip(
            "skipped: binary file (NUL byte in the first 8 KiB)".to_string(),
        ));
    }
    let internal_error = || {
        error(&rel, "internal error while reading this file; the scan went on without it. Please report it with the file if you can share it".to_string())
    };
    let mut result = FileResult::default();
    // Facts: configuration values and dependency versions, decoded leniently.
    let mut read_facts = |parse: &dyn Fn(&str) -> FileResult| {
        let text = String::from_utf8_lossy(&bytes);
        match catch_unwind(AssertUnwindSafe(|| parse(&text))) {
            Ok(facts) => result.merge(facts),
            Err(_) => result.merge(internal_error()),
        }
    };
    if let Some(kind) = config {
        read_facts(&|text| {
            let (config, diagnostics) = parse_config(kind, &rel, text);
            FileResult {
                config,
                config_file: true,
                diagnostics,
                ..FileResult::default()
            }
        });
    }
    if let Some(kind) = manifest {
        read_facts(&|text| {
            let (deps, diagnostics) = parse_manifest(kind, &rel, text);
            FileResult {
                deps,
                manifest: Some(rel.to_string()),
                diagnostics,
                ..FileResult::default()
            }
        });
    }
    if lang.is_some() || text_rules {
        match catch_unwind(AssertUnwindSafe(|| scan_text(lang, &rel, bytes))) {
            Ok(scanned) => result.merge(scanned),
            Err(_) => result.merge(internal_error()),
        }
    }
    Some(result)
}

fn read_capped(path: &Path, size: u64, max: u64) -> std::io::Result<Vec<u8>> {
    // Sized from the metadata: one read for most files, no probing or regrowth.
    let capacity = usize::try_from(size.min(max).saturating_add(1))
        .unwrap_or(0)
        .min(64 << 20);
    let mut bytes = Vec::with_capacity(capacity);
    std::fs::File::open(path)?
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn is_minified(rel: &str, bytes: &[u8]) -> bool {
    let mut line_start = 0;
    for newline in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
        if newline - line_start > MINIFIED_LINE_BYTES {
            return true;
        }
        line_start = newline + 1;
    }
    rel.ends_with(".min.js")
}

/// Turns a file that passed the prefilter into text to parse: minified files are
/// skipped, invalid UTF-8 is replaced (and noted) so the rest of the file is scanned.
pub(crate) fn decode_source(
    rel: &str,
    bytes: Vec<u8>,
    lang: Lang,
) -> Result<(String, Option<Diagnostic>), (Diagnostic, Vec<u8>)> {
    // Only JavaScript and TypeScript ship minified bundles; elsewhere one long line must
    // not hide a whole file. A skipped file that held a rule keyword is a warning.
    let bundles = matches!(lang, Lang::JavaScript | Lang::TypeScript | Lang::Tsx);
    if bundles && is_minified(rel, &bytes) {
        let note = Diagnostic::new(
            DiagnosticLevel::Warning,
            Some(rel.to_string()),
            format!(
                "not parsed: minified or generated (a line is over {MINIFIED_LINE_BYTES} bytes)"
            ),
        );
        return Err((note, bytes));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((text, None)),
        Err(err) => {
            let note = Diagnostic::new(
                DiagnosticLevel::Note,
                Some(rel.to_string()),
                format!(
                    "not valid UTF-8 (first bad byte at offset {}); scanned with invalid bytes replaced",
                    err.utf8_error().valid_up_to()
                ),
            );
            Ok((
                String::from_utf8_lossy(err.as_bytes()).into_owned(),
                Some(note),
            ))
        }
    }
}

fn error(rel: &str, message: String) -> FileResult {
    FileResult {
        skipped: true,
        diagnostics: vec![Diagnostic::new(
            DiagnosticLevel::Warning,
            Some(rel.to_string()),
            message,
        )],
        ..FileResult::default()
    }
}

fn walk_error(err: &ignore::Error, options: &ScanOptions) -> FileResult {
    let path = error_path(err).map(|p| relative_path(p, &options.root));
    let message = match err.io_error() {
        Some(io) if io.kind() == std::io::ErrorKind::PermissionDenied => {
            "cannot be read (permission denied); skipped".to_string()
        }
        _ => format!("skipped: {}", strip_path_prefix(err)),
    };
    FileResult {
        skipped: true,
        diagnostics: vec![Diagnostic::new(DiagnosticLevel::Warning, path, message)],
        ..FileResult::default()
    }
}

fn error_path(err: &ignore::Error) -> Option<&Path> {
    match err {
        ignore::Error::WithPath { path, .. } => Some(path),
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            error_path(err)
        }
        ignore::Error::Loop { child, .. } => Some(child),
        _ => None,
    }
}

fn strip_path_prefix(err: &ignore::Error) -> String {
    match err {
        ignore::Error::WithPath { err, .. } | ignore::Error::WithDepth { err, .. } => {
            strip_path_prefix(err)
        }
        ignore::Error::Loop { ancestor, .. } => {
            format!("symbolic link loop back to {}", ancestor.display())
        }
        other => other.to_string(),
    }
}

/// The path reports show: relative to the root when inside it, forward slashes.
pub(crate) fn relative_path(path: &Path, root: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let rel = rel.strip_prefix(".").unwrap_or(rel);
    let text = rel.to_string_lossy().replace('\\', "/");
    if text.is_empty() {
        path.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    } else {
        text
    }
}

pub(crate) fn build_globs(globs: &[String]) -> Result<GlobSet, String> {
    let mut builder = GlobSetBuilder::new();
    for glob in globs {
        builder
            .add(crate::policy::path_glob(glob).map_err(|e| format!("--exclude `{glob}`: {e}"))?);
    }
    builder.build().map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_use_forward_slashes_and_drop_dot() {
        assert_eq!(
            relative_path(Path::new("./src/a.py"), Path::new(".")),
            "src/a.py"
        );
        assert_eq!(
            relative_path(Path::new("/r/src/a.py"), Path::new("/r")),
            "src/a.py"
        );
        assert_eq!(
            relative_path(Path::new("/elsewhere/a.py"), Path::new("/r")),
            "/elsewhere/a.py"
        );
    }

    #[test]
    fn long_lines_mark_minified_files() {
        assert!(is_minified("a.js", &vec![b'x'; MINIFIED_LINE_BYTES + 1]));
        assert!(is_minified("vendor.min.js", b"x"));
        assert!(!is_minified("a.js", b"let a = 1;\nlet b = 2;\n"));
    }
}

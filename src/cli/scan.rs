//! `authgate scan`.

use super::{load_policy, load_rules, ColorChoice, EXIT_FINDINGS, EXIT_OK};
use crate::finding::Severity;
use crate::report::{self, Format, Report};
use crate::scan::baseline::Baseline;
use crate::scan::{scan, ScanOptions};
use anyhow::Context;
use clap::Args;
use std::io::Write;
use std::path::{Path, PathBuf};

const LEVELS_HELP: &str = "\
How --fail-on and policy levels combine (authgate.toml [rules]):
  allow  the rule is dropped: never reported
  warn   reported, never fails the run, whatever its severity
  deny   fails the run whatever --fail-on says
  (none) fails the run when its severity is at or above --fail-on

Exit codes:
  0  nothing fails the run
  1  at least one finding fails the run
  2  usage, configuration or runtime error (bad policy, bad rule file, unreadable baseline)
A file that cannot be scanned never aborts the scan: it is reported as a warning.";

#[derive(Debug, Args)]
#[command(after_help = LEVELS_HELP)]
pub struct ScanArgs {
    /// Files or directories to scan.
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Lowest severity that fails the run (exit code 1).
    #[arg(long, value_name = "SEVERITY", default_value = "high", value_parser = parse_severity)]
    pub fail_on: Severity,

    /// Policy file (default: ./authgate.toml when it exists).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// Extra rule directory (ast-grep YAML with authgate metadata); repeatable.
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,

    /// Load OSV advisory records (*.json, e.g. an offline export of osv.dev or the GitHub
    /// advisory database) from DIR, in addition to the built-in list; repeatable.
    #[arg(long = "advisories", value_name = "DIR")]
    pub advisory_dirs: Vec<PathBuf>,

    /// Load secret detectors from a gitleaks configuration (TOML) in addition to the
    /// built-in ones.
    #[arg(long, value_name = "FILE")]
    pub secrets_config: Option<PathBuf>,

    /// Run only the secret detectors (no code rules, no lockfile checks): a quick
    /// pre-commit secret check.
    #[arg(long)]
    pub secrets_only: bool,

    /// Also scan git history for secrets: every commit reachable from a branch, tag or
    /// HEAD, each blob once, reported at the commit that introduced it.
    #[arg(long)]
    pub history: bool,

    /// With --history: only commits not reachable from REV (e.g. the last release tag).
    #[arg(long, value_name = "REV", requires = "history")]
    pub since: Option<String>,

    /// With --history: stop after this many seconds and say how far the scan got.
    #[arg(
        long,
        value_name = "SECONDS",
        default_value_t = 600,
        requires = "history"
    )]
    pub max_history_seconds: u64,

    /// Skip paths matching GLOB (relative to the scan root); repeatable.
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,

    /// Also scan vendored and generated trees (node_modules, vendor, dist, build, ...).
    #[arg(long)]
    pub no_default_excludes: bool,

    /// Skip files larger than this many bytes (suffixes K, M: 512K, 2M).
    #[arg(long, value_name = "BYTES", default_value = "1M", value_parser = parse_size)]
    pub max_file_size: u64,

    /// Worker threads (0: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,

    /// Follow symbolic links (loops are detected and reported).
    #[arg(long, short = 'L')]
    pub follow: bool,

    /// Also report `kind: control` matches (code that establishes a protection).
    #[arg(long)]
    pub show_controls: bool,

    /// Run the code rules on test files too (`_test.go`, `test_*.py`, `*.spec.ts`,
    /// `tests/`, `src/test/java/`...). Secrets are always looked for in tests.
    #[arg(long)]
    pub include_tests: bool,

    /// Report only findings whose fingerprint is not in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,

    /// Write the fingerprints of this run's findings to FILE.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,

    /// When to colour the human format.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Parse every file instead of only those containing a rule keyword (for testing and benchmarks).
    #[arg(long, hide = true)]
    pub no_prefilter: bool,

    /// Do not read configuration files and lockfiles for facts (to measure their cost).
    #[arg(long, hide = true)]
    pub no_facts: bool,
}

pub fn run(args: ScanArgs) -> anyhow::Result<u8> {
    let missing: Vec<String> = args
        .paths
        .iter()
        .filter(|p| std::fs::symlink_metadata(p).is_err())
        .map(|p| p.display().to_string())
        .collect();
    if !missing.is_empty() {
        anyhow::bail!("path does not exist: {}", missing.join(", "));
    }
    let policy = load_policy(args.config.as_deref())?;
    let mut rules = load_rules(&policy, &args.rule_dirs)?;
    if let Some(path) = &args.secrets_config {
        crate::scan::gitleaks::load(&mut rules, path).map_err(anyhow::Error::msg)?;
    }
    if args.secrets_only {
        rules.retain_secrets();
    }
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    let root = scan_root(&cwd, &args.paths);
    let today = time::OffsetDateTime::now_utc().date();
    let mut options = ScanOptions::new(args.paths.clone(), root, today);
    options.excludes = args.exclude.clone();
    options.default_excludes = !args.no_default_excludes;
    options.max_file_size = args.max_file_size;
    options.threads = args.threads;
    options.follow_links = args.follow;
    options.use_prefilter = !args.no_prefilter;
    options.collect_facts = !args.no_facts && !args.secrets_only;
    options.show_controls = args.show_controls;
    options.include_tests = args.include_tests;
    if args.history {
        options.history = Some(crate::scan::history::HistoryOptions {
            since: args.since.clone(),
            max_seconds: args.max_history_seconds,
        });
    }
    let mut advisory_notes = Vec::new();
    if !args.advisory_dirs.is_empty() {
        let mut data = crate::scan::libs::LibraryData::builtin().clone();
        for dir in &args.advisory_dirs {
            advisory_notes.extend(data.add_osv_dir(dir).map_err(anyhow::Error::msg)?);
        }
        options.library_data = std::sync::Arc::new(data);
    }

    let baseline = args
        .baseline
        .as_deref()
        .map(Baseline::load)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let mut outcome = scan(&rules, &policy, &options);
    outcome.diagnostics.extend(advisory_notes);
    if let Some(path) = &args.write_baseline {
        Baseline::from_findings(&outcome.findings)
            .write(path)
            .map_err(anyhow::Error::msg)?;
    }
    if let Some(baseline) = &baseline {
        outcome.stats.findings_baselined = baseline.filter(&mut outcome.findings);
    }

    let report = Report {
        command: "scan".to_string(),
        findings: outcome.findings,
        diagnostics: outcome.diagnostics,
        stats: outcome.stats,
        rules: outcome.rules,
        fail_on: args.fail_on,
    };
    emit(&report, args.format, args.output.as_deref(), args.color)?;
    Ok(if report.failed() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

/// Writes a report to a file or stdout. Warnings also go to stderr when the report
/// itself is machine-readable or goes to a file, so CI logs show them.
pub(crate) fn emit(
    report: &Report,
    format: Format,
    output: Option<&Path>,
    color: ColorChoice,
) -> anyhow::Result<()> {
    match output {
        Some(path) => {
            let mut file = std::io::BufWriter::new(
                std::fs::File::create(path)
                    .with_context(|| format!("cannot create {}", path.display()))?,
            );
            report::write(report, format, &mut file, false)?;
            file.flush()
                .with_context(|| format!("cannot write {}", path.display()))?;
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = std::io::BufWriter::new(stdout.lock());
            report::write(report, format, &mut lock, color.enabled_for_stdout())?;
            lock.flush()?;
        }
    }
    if format != Format::Human || output.is_some() {
        for d in report.warnings() {
            eprintln!(
                "{}: {} {}",
                d.level.as_str(),
                report::diagnostic_location(d),
                d.message
            );
        }
        if output.is_some() {
            eprintln!(
                "authgate {}: {} finding(s), {} failing (--fail-on {})",
                report.command,
                report.findings.len(),
                report.failing(),
                report.fail_on
            );
        }
    }
    Ok(())
}

/// Findings' paths are relative to the current directory when every scanned path
/// is inside it, otherwise relative to the first scanned directory.
fn scan_root(cwd: &Path, paths: &[PathBuf]) -> PathBuf {
    let inside = |p: &PathBuf| {
        let absolute = if p.is_absolute() {
            p.clone()
        } else {
            cwd.join(p)
        };
        absolute
            .canonicalize()
            .map(|c| c.starts_with(cwd.canonicalize().unwrap_or_else(|_| cwd.to_path_buf())))
            .unwrap_or(true)
    };
    if paths.iter().all(inside) {
        return cwd.to_path_buf();
    }
    let first = &paths[0];
    if first.is_dir() {
        first.clone()
    } else {
        first
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| cwd.to_path_buf())
    }
}

fn parse_severity(text: &str) -> Result<Severity, String> {
    text.parse()
}

/// Bytes with an optional K or M suffix (binary units).
pub(crate) fn parse_size(text: &str) -> Result<u64, String> {
    let text = text.trim();
    let (number, factor) = match text.char_indices().find(|(_, c)| !c.is_ascii_digit()) {
        None => (text, 1),
        Some((i, _)) => {
            let factor = match text[i..].to_ascii_lowercase().as_str() {
                "k" | "kb" | "kib" => 1024,
                "m" | "mb" | "mib" => 1024 * 1024,
                "g" | "gb" | "gib" => 1024 * 1024 * 1024,
                other => return Err(format!("unknown size suffix `{other}` (use K, M or G)")),
            };
            (&text[..i], factor)
        }
    };
    let value: u64 = number
        .parse()
        .map_err(|_| format!("`{text}` is not a size in bytes"))?;
    value
        .checked_mul(factor)
        .ok_or_else(|| format!("`{text}` is too large"))
}

#[cfg(test)]
mod tests {
    use super::parse_size;

    #[test]
    fn sizes() {
        assert_eq!(parse_size("1024"), Ok(1024));
        assert_eq!(parse_size("512K"), Ok(512 * 1024));
        assert_eq!(parse_size("1M"), Ok(1024 * 1024));
        assert!(parse_size("1T").is_err());
        assert!(parse_size("M").is_err());
    }
}

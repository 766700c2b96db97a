//! `authgate review`.

use super::scan::parse_size;
use super::{EXIT_FINDINGS, EXIT_OK};
use crate::finding::Severity;
use crate::review::approvals::ApprovalsFile;
use crate::review::{report, review, ReviewRequest};
use crate::scan::ScanOptions;
use anyhow::Context;
use clap::Args;
use std::io::Write;
use std::path::PathBuf;

const REVIEW_HELP: &str = "\
The gate cannot be relaxed by the change it judges: the policy (--config), CODEOWNERS,
rule directories and --baseline are read from the BASE revision, and suppressions the
change adds suppress nothing. Edits to them are GOVERNANCE changes.

Approvals file (--approvals), JSON:
  {\"author\": \"alice\",
   \"approvals\": [{\"user\": \"bob\", \"teams\": [\"org/security\"], \"sha\": \"<head commit>\"}]}
The author's own approval and approvals of another commit do not count; approvals
are only checked when --head is a commit.

Exit codes:
  0  pass (or a decision the policy's `review.fail-on` lets through)
  1  block or needs-approval (by default; `[review] fail-on = \"block\"` or \"never\")
  2  usage, configuration, repository or runtime error";

/// Output formats of a review.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReviewFormat {
    /// A pull-request comment.
    Markdown,
    /// Everything, for scripts.
    Json,
    /// New findings and removed controls for code-scanning platforms.
    Sarif,
}

#[derive(Debug, Args)]
#[command(after_help = REVIEW_HELP)]
pub struct ReviewArgs {
    /// Base revision (default: the merge-base of HEAD with the default branch).
    #[arg(long, value_name = "REV")]
    pub base: Option<String>,

    /// Head revision (default: the working tree, untracked files included).
    #[arg(long, value_name = "REV")]
    pub head: Option<String>,

    /// The repository to review (any directory inside it).
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub repo: PathBuf,

    /// The change's branch name, for provenance prefixes (CI often checks out a
    /// detached HEAD).
    #[arg(long, value_name = "NAME")]
    pub branch: Option<String>,

    /// A label of the pull request (repeatable), for provenance.
    #[arg(long = "label", value_name = "LABEL")]
    pub labels: Vec<String>,

    /// Approvals given so far (JSON, see below).
    #[arg(long, value_name = "FILE")]
    pub approvals: Option<PathBuf>,

    /// Output format.
    #[arg(long, short = 'f', value_enum, default_value_t = ReviewFormat::Markdown)]
    pub format: ReviewFormat,

    /// Write the report to FILE instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Append one JSON line with the decision to FILE (`-`: standard output).
    #[arg(long, value_name = "FILE")]
    pub log: Option<PathBuf>,

    /// Policy path inside the repository, read at base.
    #[arg(long, value_name = "PATH", default_value = crate::policy::DEFAULT_FILE)]
    pub config: String,

    /// Extra rule directory (repeatable); read at base when inside the repository.
    #[arg(long = "rules", value_name = "DIR")]
    pub rule_dirs: Vec<PathBuf>,

    /// Baseline path inside the repository, read at base.
    #[arg(long, value_name = "PATH")]
    pub baseline: Option<String>,

    /// Lowest severity of a new finding that blocks.
    #[arg(long, value_name = "SEVERITY", default_value = "high", value_parser = |s: &str| s.parse::<Severity>())]
    pub fail_on: Severity,

    /// Skip files larger than this many bytes (suffixes K, M).
    #[arg(long, value_name = "BYTES", default_value = "1M", value_parser = parse_size)]
    pub max_file_size: u64,

    /// Worker threads (0: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
}

pub fn run(args: ReviewArgs) -> anyhow::Result<u8> {
    let approvals = args
        .approvals
        .as_deref()
        .map(ApprovalsFile::load)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let now = time::OffsetDateTime::now_utc();
    let mut scan = ScanOptions::new(vec![], PathBuf::new(), now.date());
    scan.max_file_size = args.max_file_size;
    scan.threads = args.threads;
    let request = ReviewRequest {
        repo: args.repo.clone(),
        base: args.base.clone(),
        head: args.head.clone(),
        branch: args.branch.clone(),
        labels: args.labels.clone(),
        approvals,
        config: args.config.clone(),
        rule_dirs: args.rule_dirs.clone(),
        baseline: args.baseline.clone(),
        fail_on: args.fail_on,
        scan,
    };
    let review = review(&request)?;
    let mut buffer = Vec::new();
    match args.format {
        ReviewFormat::Markdown => report::write_markdown(&review, &mut buffer)?,
        ReviewFormat::Json => report::write_json(&review, &mut buffer)?,
        ReviewFormat::Sarif => report::write_sarif(&review, &mut buffer)?,
    }
    match &args.output {
        Some(path) => {
            std::fs::write(path, &buffer)
                .with_context(|| format!("cannot write {}", path.display()))?;
            eprintln!(
                "authgate review: {}",
                report::summary(&review).replace("**", "")
            );
        }
        None => std::io::stdout().lock().write_all(&buffer)?,
    }
    if args.format != ReviewFormat::Markdown || args.output.is_some() {
        for d in review
            .diagnostics
            .iter()
            .filter(|d| d.level != crate::finding::DiagnosticLevel::Note)
        {
            let at = crate::report::diagnostic_location(d);
            let at = if at.is_empty() { at } else { format!("{at}: ") };
            eprintln!("{}: {at}{}", d.level.as_str(), d.message);
        }
    }
    if let Some(log) = &args.log {
        let time = now
            .format(&time::format_description::well_known::Rfc3339)
            .unwrap_or_default();
        let line = report::log_line(&review, &time);
        if log.as_os_str() == "-" {
            writeln!(std::io::stdout().lock(), "{line}")?;
        } else {
            let mut file = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(log)
                .with_context(|| format!("cannot open decision log {}", log.display()))?;
            writeln!(file, "{line}")
                .with_context(|| format!("cannot write decision log {}", log.display()))?;
        }
    }
    Ok(if review.fails() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

//! One report model, one writer per format. Every command's output goes through here;
//! findings arrive already redacted.

mod human;
mod json;
pub(crate) mod junit;
pub(crate) mod markdown;
pub(crate) mod sarif;

use crate::finding::{Diagnostic, DiagnosticLevel, Finding, Severity};
use crate::scan::rules::RuleMeta;
use crate::scan::ScanStats;
use std::io::{self, Write};
use std::sync::Arc;

pub const TOOL_NAME: &str = "authgate";
pub const TOOL_VERSION: &str = env!("CARGO_PKG_VERSION");
pub const TOOL_URI: &str = "https://github.com/authgate/authgate";

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable terminal report with code frames (colour on a terminal).
    Human,
    /// Machine-readable JSON: findings, diagnostics, stats.
    Json,
    /// SARIF 2.1.0 for code-scanning platforms.
    Sarif,
    /// JUnit XML for CI test reporters.
    Junit,
    /// Markdown, for a pull-request comment or a job summary.
    Markdown,
}

/// Everything a writer needs.
#[derive(Debug, Clone)]
pub struct Report {
    pub command: String,
    pub findings: Vec<Finding>,
    pub diagnostics: Vec<Diagnostic>,
    pub stats: ScanStats,
    /// All rules that ran (SARIF lists them as the driver's rules).
    pub rules: Vec<Arc<RuleMeta>>,
    pub fail_on: Severity,
}

impl Report {
    pub fn failing(&self) -> usize {
        self.findings
            .iter()
            .filter(|f| f.fails(self.fail_on))
            .count()
    }

    pub fn failed(&self) -> bool {
        self.failing() > 0
    }

    pub fn count_by_severity(&self) -> Vec<(Severity, usize)> {
        Severity::ALL
            .iter()
            .rev()
            .map(|&s| (s, self.findings.iter().filter(|f| f.severity == s).count()))
            .collect()
    }

    pub fn rule(&self, id: &str) -> Option<&Arc<RuleMeta>> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// Diagnostics worth showing outside a machine-readable report.
    pub fn warnings(&self) -> impl Iterator<Item = &Diagnostic> {
        self.diagnostics
            .iter()
            .filter(|d| d.level != DiagnosticLevel::Note)
    }
}

/// Writes `report` in `format`. `color` only affects the human format.
pub fn write(report: &Report, format: Format, out: &mut dyn Write, color: bool) -> io::Result<()> {
    match format {
        Format::Human => human::write(report, out, color),
        Format::Json => json::write(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Junit => junit::write(report, out),
        Format::Markdown => markdown::write(report, out),
    }
}

/// `path:line` or `path` or nothing, for a diagnostic.
pub fn diagnostic_location(d: &Diagnostic) -> String {
    match (&d.path, d.line) {
        (Some(p), Some(l)) => format!("{p}:{l}"),
        (Some(p), None) => p.clone(),
        _ => String::new(),
    }
}

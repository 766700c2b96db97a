//! The terminal report: one block per finding with a code frame, then a summary.

use super::{diagnostic_location, Report};
use crate::finding::{DiagnosticLevel, Finding, Severity};
use anstyle::{AnsiColor, Style};
use std::io::{self, Write};

struct Paint {
    color: bool,
}

impl Paint {
    fn paint(&self, style: Style, text: &str) -> String {
        if self.color {
            format!("{}{text}{}", style.render(), style.render_reset())
        } else {
            text.to_string()
        }
    }
}

fn severity_style(severity: Severity) -> Style {
    let color = match severity {
        Severity::Critical => AnsiColor::Magenta,
        Severity::High => AnsiColor::Red,
        Severity::Medium => AnsiColor::Yellow,
        Severity::Low => AnsiColor::Cyan,
        Severity::Info => AnsiColor::White,
    };
    Style::new().fg_color(Some(color.into())).bold()
}

pub fn write(report: &Report, out: &mut dyn Write, color: bool) -> io::Result<()> {
    let p = Paint { color };
    let dim = Style::new().dimmed();
    let bold = Style::new().bold();
    for finding in &report.findings {
        write_finding(report, finding, out, &p)?;
    }
    let warnings: Vec<_> = report.warnings().collect();
    for d in &warnings {
        let style = match d.level {
            DiagnosticLevel::Error => severity_style(Severity::High),
            _ => severity_style(Severity::Medium),
        };
        writeln!(
            out,
            "{}: {} {}",
            p.paint(style, d.level.as_str()),
            diagnostic_location(d),
            d.message
        )?;
    }
    let notes = report.diagnostics.len() - warnings.len();
    let stats = &report.stats;
    let counts: Vec<String> = report
        .count_by_severity()
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(s, n)| format!("{n} {s}"))
        .collect();
    let summary = if report.findings.is_empty() {
        "no findings".to_string()
    } else {
        format!(
            "{} finding(s): {}",
            report.findings.len(),
            counts.join(", ")
        )
    };
    writeln!(out, "{}", p.paint(bold, &summary))?;
    let mut details = format!(
        "{} file(s) scanned, {} parsed, {} skipped",
        stats.files_scanned, stats.files_parsed, stats.files_skipped
    );
    if stats.findings_suppressed > 0 {
        details.push_str(&format!(", {} suppressed", stats.findings_suppressed));
    }
    if stats.findings_baselined > 0 {
        details.push_str(&format!(", {} in baseline", stats.findings_baselined));
    }
    if notes > 0 {
        details.push_str(&format!(
            "; {notes} note(s) about skipped files in --format json"
        ));
    }
    writeln!(out, "{}", p.paint(dim, &details))?;
    let verdict = if report.failed() {
        p.paint(
            severity_style(Severity::High),
            &format!(
                "FAILED: {} finding(s) at or above --fail-on {} or denied by policy",
                report.failing(),
                report.fail_on
            ),
        )
    } else {
        p.paint(
            Style::new().fg_color(Some(AnsiColor::Green.into())).bold(),
            &format!("passed (--fail-on {})", report.fail_on),
        )
    };
    writeln!(out, "{verdict}")
}

fn write_finding(report: &Report, f: &Finding, out: &mut dyn Write, p: &Paint) -> io::Result<()> {
    let dim = Style::new().fg_color(Some(AnsiColor::Blue.into())).bold();
    let head = format!("{}[{}]", f.severity, f.control);
    writeln!(
        out,
        "{} {}: {}",
        p.paint(severity_style(f.severity), &head),
        f.rule_id,
        f.message
    )?;
    let loc = &f.location;
    writeln!(
        out,
        "  {} {}:{}:{}",
        p.paint(dim, "-->"),
        loc.path,
        loc.start_line,
        loc.start_column
    )?;
    if !f.frame.is_empty() {
        let width = (loc.start_line + f.frame.len()).to_string().len();
        let gutter = |n: Option<usize>| match n {
            Some(n) => format!("{n:>width$} |"),
            None => format!("{:>width$} |", ""),
        };
        writeln!(out, "{}", p.paint(dim, &gutter(None)))?;
        for (i, line) in f.frame.iter().enumerate() {
            let line_no = loc.start_line + i;
            writeln!(
                out,
                "{} {}",
                p.paint(dim, &gutter(Some(line_no))),
                line.trim_end()
            )?;
            if f.frame.len() == 1 {
                let start = loc.start_column.saturating_sub(1);
                let len = if loc.end_line == loc.start_line {
                    loc.end_column.saturating_sub(loc.start_column).max(1)
                } else {
                    line.chars().count().saturating_sub(start).max(1)
                };
                let marks = format!("{}{}", " ".repeat(start), "^".repeat(len));
                writeln!(
                    out,
                    "{} {}",
                    p.paint(dim, &gutter(None)),
                    p.paint(severity_style(f.severity), &marks)
                )?;
            }
        }
        if loc.end_line >= loc.start_line + f.frame.len() {
            writeln!(
                out,
                "{} ... (until line {})",
                p.paint(dim, &gutter(None)),
                loc.end_line
            )?;
        }
    }
    if let Some(rule) = report.rule(&f.rule_id) {
        writeln!(
            out,
            "  {} {}",
            p.paint(dim, "= why:"),
            first_paragraph(&rule.note)
        )?;
        if let Some(fix) = &rule.fix_text {
            writeln!(out, "  {} {}", p.paint(dim, "= fix:"), first_paragraph(fix))?;
        }
    }
    if let Some(h) = &f.history {
        let state = if h.in_tree {
            "still in the tree"
        } else {
            "removed from the tree, still in history"
        };
        writeln!(
            out,
            "  {} introduced in commit {} ({}, {}); {state}",
            p.paint(dim, "= history:"),
            &h.commit[..12.min(h.commit.len())],
            h.author_date,
            h.path
        )?;
    }
    for e in &f.evidence {
        let at = match (&e.path, e.line) {
            (Some(path), Some(line)) => format!(" ({path}:{line})"),
            (None, Some(line)) => format!(" (line {line})"),
            (Some(path), None) => format!(" ({path})"),
            _ => String::new(),
        };
        writeln!(
            out,
            "  {} {}{at}",
            p.paint(dim, "= evidence:"),
            e.description
        )?;
    }
    writeln!(
        out,
        "  {} authgate rules explain {}",
        p.paint(dim, "= docs:"),
        f.rule_id
    )?;
    writeln!(out)
}

fn first_paragraph(text: &str) -> String {
    text.split("\n\n")
        .next()
        .unwrap_or(text)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

//! Markdown for a pull-request comment or a CI job summary.

use super::{diagnostic_location, Report};
use std::io::{self, Write};

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let verdict = if report.failed() {
        "❌ failed"
    } else {
        "✅ passed"
    };
    writeln!(
        out,
        "## authgate {}: {verdict} — {} finding(s), {} at or above `{}`\n",
        report.command,
        report.findings.len(),
        report.failing(),
        report.fail_on
    )?;
    if report.findings.is_empty() {
        writeln!(out, "No findings.")?;
    } else {
        writeln!(out, "| severity | rule | control | location | message |")?;
        writeln!(out, "|---|---|---|---|---|")?;
        for f in &report.findings {
            writeln!(
                out,
                "| {} | `{}` | {} | `{}:{}` | {} |",
                f.severity,
                f.rule_id,
                f.control,
                cell(&f.location.path),
                f.location.start_line,
                cell(&f.message)
            )?;
        }
        writeln!(out)?;
        for f in &report.findings {
            writeln!(
                out,
                "<details><summary><code>{}</code> at <code>{}:{}</code></summary>\n",
                html(&f.rule_id),
                html(&f.location.path),
                f.location.start_line
            )?;
            if !f.snippet.is_empty() {
                let fence = if f.snippet.contains("```") {
                    "~~~~"
                } else {
                    "```"
                };
                writeln!(out, "{fence}\n{}\n{fence}\n", f.snippet)?;
            }
            if let Some(rule) = report.rule(&f.rule_id) {
                writeln!(out, "**Why:** {}\n", rule.note)?;
                if let Some(fix) = &rule.fix_text {
                    writeln!(out, "**Fix:** {fix}\n")?;
                }
            }
            for e in &f.evidence {
                let at = match (&e.path, e.line) {
                    (Some(path), Some(line)) => format!(" (`{path}:{line}`)"),
                    (None, Some(line)) => format!(" (line {line})"),
                    (Some(path), None) => format!(" (`{path}`)"),
                    _ => String::new(),
                };
                writeln!(out, "**Evidence:** {}{at}\n", e.description)?;
            }
            writeln!(out, "</details>\n")?;
        }
    }
    let warnings: Vec<_> = report.warnings().collect();
    if !warnings.is_empty() {
        writeln!(out, "\n**Input warnings**\n")?;
        for d in warnings {
            writeln!(
                out,
                "- {} `{}`: {}",
                d.level.as_str(),
                diagnostic_location(d),
                cell(&d.message)
            )?;
        }
    }
    Ok(())
}

/// Text safe inside a table cell.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

pub(crate) fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

//! JUnit XML: one test case per finding. Findings at or above the fail level are
//! failures; the rest are reported as skipped so CI shows them without failing.
//! A clean run is one passing test case.

use super::{diagnostic_location, Report};
use std::io::{self, Write};

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let tests = report.findings.len().max(1);
    let failures = report.failing();
    let skipped = report.findings.len() - failures;
    let suite = format!("authgate {}", report.command);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="authgate" tests="{tests}" failures="{failures}" errors="0" skipped="{skipped}">"#
    )?;
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{tests}" failures="{failures}" errors="0" skipped="{skipped}">"#,
        escape(&suite)
    )?;
    if report.findings.is_empty() {
        writeln!(
            out,
            r#"    <testcase classname="authgate" name="no findings"/>"#
        )?;
    }
    for finding in &report.findings {
        let loc = &finding.location;
        let name = format!("{}:{}:{}", loc.path, loc.start_line, loc.start_column);
        writeln!(
            out,
            r#"    <testcase classname="{}" name="{}" file="{}" line="{}">"#,
            escape(&finding.rule_id),
            escape(&name),
            escape(&loc.path),
            loc.start_line
        )?;
        let mut body = format!(
            "{}\nrule: {}\ncontrol: {}\nseverity: {}\nlocation: {name}\nfingerprint: {}",
            finding.message,
            finding.rule_id,
            finding.control,
            finding.severity,
            finding.fingerprint
        );
        if !finding.snippet.is_empty() {
            body.push_str(&format!("\n\n{}", finding.snippet));
        }
        for evidence in &finding.evidence {
            let at = match (&evidence.path, evidence.line) {
                (Some(path), Some(line)) => format!(" ({path}:{line})"),
                (None, Some(line)) => format!(" (line {line})"),
                _ => String::new(),
            };
            body.push_str(&format!("\nevidence: {}{at}", evidence.description));
        }
        if let Some(fix) = report
            .rule(&finding.rule_id)
            .and_then(|r| r.fix_text.as_ref())
        {
            body.push_str(&format!("\n\nfix: {fix}"));
        }
        if finding.fails(report.fail_on) {
            writeln!(
                out,
                r#"      <failure type="{}" message="{}">{}</failure>"#,
                finding.severity,
                escape(&finding.message),
                escape(&body)
            )?;
        } else {
            writeln!(
                out,
                r#"      <skipped message="{} finding below the fail level: {}"/>"#,
                finding.severity,
                escape(&finding.message)
            )?;
            writeln!(out, "      <system-out>{}</system-out>", escape(&body))?;
        }
        writeln!(out, "    </testcase>")?;
    }
    let warnings: Vec<String> = report
        .warnings()
        .map(|d| {
            format!(
                "{}: {} {}",
                d.level.as_str(),
                diagnostic_location(d),
                d.message
            )
        })
        .collect();
    if !warnings.is_empty() {
        writeln!(
            out,
            "    <system-err>{}</system-err>",
            escape(&warnings.join("\n"))
        )?;
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

/// Escapes text for XML content and attributes, dropping characters XML 1.0 forbids.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' | '\t' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            super::escape("a<b & \"c\"\u{1}"),
            "a&lt;b &amp; &quot;c&quot;"
        );
    }
}

//! The probe's outputs: text for a terminal, JSON (a top-level `checks` array),
//! JUnit XML, SARIF 2.1.0 anchored to the profile's lines, and one self-contained
//! HTML file. Every value that came from the target is escaped (XML and HTML) and
//! was redacted when the evidence was taken.

use super::check::{CheckInfo, Status};
use super::run::{CheckResult, ProbeReport};
use crate::report::junit::escape;
use crate::report::sarif::uri_path;
use crate::report::{TOOL_NAME, TOOL_URI, TOOL_VERSION};
use serde_json::{json, Value};
use std::io::{self, Write};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Text,
    Json,
    Junit,
    Sarif,
    Html,
}

pub fn write(report: &ProbeReport, format: Format, out: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Text => text(report, out),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &json_value(report))?;
            writeln!(out)
        }
        Format::Junit => junit(report, out),
        Format::Sarif => {
            serde_json::to_writer_pretty(&mut *out, &sarif(report))?;
            writeln!(out)
        }
        Format::Html => html(report, out),
    }
}

fn outcome_label(c: &CheckResult) -> String {
    match (&c.expected, c.outcome) {
        (Some(_), s) => format!("{} (expected)", s.as_str()),
        (None, s) => s.as_str().to_string(),
    }
}

fn text(report: &ProbeReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "authgate probe: {} (profile {})",
        report.target, report.profile
    )?;
    writeln!(out)?;
    for c in &report.checks {
        writeln!(
            out,
            "{:<16} {:<24} {:<8} {}",
            outcome_label(c).to_uppercase(),
            c.id,
            c.severity.as_str(),
            c.summary
        )?;
        if matches!(c.outcome, Status::Fail | Status::Error) {
            for e in &c.evidence {
                let status = e.status.map_or("no answer".to_string(), |s| s.to_string());
                writeln!(
                    out,
                    "    {} — {} → {}: {}",
                    e.variant, e.request, status, e.excerpt
                )?;
            }
            writeln!(
                out,
                "    {} · {} · {}:{}",
                c.control, c.clause, report.profile, c.profile_line
            )?;
            if let Some(x) = &c.expected {
                writeln!(
                    out,
                    "    expected until {} (owner {}): {}",
                    x.until, x.owner, x.reason
                )?;
            }
        }
    }
    writeln!(out)?;
    for w in &report.warnings {
        writeln!(out, "warning: {w}")?;
    }
    writeln!(out, "{}", summary_line(report))
}

/// `37 checks: 30 passed, 0 failed, 0 errors, 7 skipped; 98 requests in 2.3 s`.
fn summary_line(report: &ProbeReport) -> String {
    format!(
        "{} checks: {} passed, {} failed, {} errors, {} skipped; {} requests in {:.1} s",
        report.checks.len(),
        report.count(Status::Pass),
        report.count(Status::Fail),
        report.count(Status::Error),
        report.count(Status::Skip),
        report.requests,
        report.duration_ms as f64 / 1000.0
    )
}

fn json_value(report: &ProbeReport) -> Value {
    json!({
        "tool": { "name": TOOL_NAME, "version": TOOL_VERSION },
        "target": report.target,
        "profile": report.profile,
        "summary": {
            "pass": report.count(Status::Pass),
            "fail": report.count(Status::Fail),
            "error": report.count(Status::Error),
            "skip": report.count(Status::Skip),
            "unexpected": report.checks.iter().filter(|c| c.unexpected()).count(),
        },
        "checks": report.checks,
        "requests": report.requests,
        "duration_ms": report.duration_ms,
        "warnings": report.warnings,
    })
}

fn junit(report: &ProbeReport, out: &mut dyn Write) -> io::Result<()> {
    let failures = report
        .checks
        .iter()
        .filter(|c| c.outcome == Status::Fail && c.expected.is_none())
        .count();
    let errors = report
        .checks
        .iter()
        .filter(|c| c.outcome == Status::Error && c.expected.is_none())
        .count();
    let skipped = report.checks.len() - failures - errors - report.count(Status::Pass);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<testsuites name="authgate probe" tests="{}" failures="{failures}" errors="{errors}" skipped="{skipped}" time="{:.3}">"#,
        report.checks.len(),
        report.duration_ms as f64 / 1000.0
    )?;
    writeln!(
        out,
        r#"  <testsuite name="{}" tests="{}" failures="{failures}" errors="{errors}" skipped="{skipped}">"#,
        escape(&report.target),
        report.checks.len()
    )?;
    for c in &report.checks {
        write!(
            out,
            r#"    <testcase classname="{}" name="{} {}" time="{:.3}""#,
            escape(c.control),
            c.id,
            escape(c.title),
            c.duration_ms as f64 / 1000.0
        )?;
        let body: String = c
            .evidence
            .iter()
            .map(|e| {
                format!(
                    "{} — {} → {}: {}\n",
                    e.variant,
                    e.request,
                    e.status.map_or("no answer".into(), |s| s.to_string()),
                    e.excerpt
                )
            })
            .collect();
        let message = format!("{} [{} · {}]", c.summary, c.severity.as_str(), c.clause);
        match (c.outcome, &c.expected) {
            (Status::Pass, _) => writeln!(out, "/>")?,
            (Status::Fail | Status::Error, Some(x)) => writeln!(
                out,
                ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                escape(&format!(
                    "expected {}: {} (owner {}, until {})",
                    c.outcome.as_str(),
                    x.reason,
                    x.owner,
                    x.until
                ))
            )?,
            (Status::Fail, None) => writeln!(
                out,
                ">\n      <failure message=\"{}\" type=\"{}\">{}</failure>\n    </testcase>",
                escape(&message),
                c.id,
                escape(&body)
            )?,
            (Status::Error, None) => writeln!(
                out,
                ">\n      <error message=\"{}\" type=\"{}\">{}</error>\n    </testcase>",
                escape(&message),
                c.id,
                escape(&body)
            )?,
            (Status::Skip, _) => writeln!(
                out,
                ">\n      <skipped message=\"{}\"/>\n    </testcase>",
                escape(&c.summary)
            )?,
        }
    }
    writeln!(out, "  </testsuite>")?;
    writeln!(out, "</testsuites>")
}

fn sarif(report: &ProbeReport) -> Value {
    let infos: Vec<CheckInfo> = super::checks::all().iter().map(|c| c.info).collect();
    let ran: Vec<&CheckInfo> = infos
        .iter()
        .filter(|i| report.checks.iter().any(|c| c.id == i.id))
        .collect();
    let rules: Vec<Value> = ran
        .iter()
        .map(|i| {
            json!({
                "id": i.id,
                "name": i.id,
                "shortDescription": { "text": i.title },
                "fullDescription": { "text": i.docs },
                "help": { "text": i.docs, "markdown": i.docs },
                "defaultConfiguration": { "level": i.severity.sarif_level() },
                "properties": {
                    "tags": ["security", i.control],
                    "security-severity": i.severity.security_severity(),
                    "authgate/control": i.control,
                    "authgate/clause": i.clause,
                }
            })
        })
        .collect();
    // Relative profile paths resolve against the checkout; absolute ones are file URIs.
    let artifact = if report.profile.starts_with('/') {
        json!({ "uri": format!("file://{}", uri_path(&report.profile)) })
    } else {
        json!({ "uri": uri_path(&report.profile), "uriBaseId": "%SRCROOT%" })
    };
    let results: Vec<Value> = report
        .checks
        .iter()
        .filter(|c| matches!(c.outcome, Status::Fail | Status::Error))
        .map(|c| {
            let level = if c.outcome == Status::Error {
                "warning"
            } else {
                c.severity.sarif_level()
            };
            let prefix = if c.outcome == Status::Error {
                "error: "
            } else {
                ""
            };
            let mut result = json!({
                "ruleId": c.id,
                "ruleIndex": ran.iter().position(|i| i.id == c.id),
                "level": level,
                "message": { "text": format!("{prefix}{} ({})", c.summary, report.target) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
                        "region": { "startLine": c.profile_line },
                    }
                }],
                "partialFingerprints": { "authgate/v1": format!("{}:{}", c.id, report.target) },
                "properties": {
                    "authgate/control": c.control,
                    "authgate/outcome": c.outcome,
                    "authgate/evidence": c.evidence,
                    "security-severity": c.severity.security_severity(),
                }
            });
            if let Some(x) = &c.expected {
                result["suppressions"] = json!([{
                    "kind": "external",
                    "justification": format!("{} (owner {}, until {})", x.reason, x.owner, x.until),
                }]);
            }
            result
        })
        .collect();
    json!({
        "$schema": crate::report::sarif::SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": TOOL_NAME,
                "version": TOOL_VERSION,
                "semanticVersion": TOOL_VERSION,
                "informationUri": TOOL_URI,
                "rules": rules,
            }},
            "automationDetails": { "id": "authgate/probe/" },
            "invocations": [{
                "executionSuccessful": true,
                "toolExecutionNotifications": report.warnings.iter().map(|w| json!({ "level": "warning", "message": { "text": w } })).collect::<Vec<_>>(),
            }],
            "results": results,
        }]
    })
}

const STYLE: &str = "body{font:14px/1.45 system-ui,sans-serif;margin:2em auto;max-width:72em;color:#1b1f24}\
table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #d0d7de;padding:.35em .5em;text-align:left;vertical-align:top}\
.pass{color:#1a7f37}.fail{color:#cf222e;font-weight:600}.error{color:#9a6700;font-weight:600}.skip{color:#57606a}\
code,pre{font:12px ui-monospace,monospace}pre{white-space:pre-wrap;margin:.3em 0;background:#f6f8fa;padding:.4em}";

fn html(report: &ProbeReport, out: &mut dyn Write) -> io::Result<()> {
    writeln!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    )?;
    writeln!(out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">")?;
    writeln!(
        out,
        "<title>authgate probe: {}</title><style>{STYLE}</style></head><body>",
        escape(&report.target)
    )?;
    writeln!(
        out,
        "<h1>authgate probe</h1><p>Target <code>{}</code>, profile <code>{}</code>.</p>",
        escape(&report.target),
        escape(&report.profile)
    )?;
    writeln!(out, "<p>{}.</p>", escape(&summary_line(report)))?;
    for w in &report.warnings {
        writeln!(out, "<p class=\"error\">warning: {}</p>", escape(w))?;
    }
    writeln!(out, "<table><tr><th>Outcome</th><th>Check</th><th>Severity</th><th>Control · clause</th><th>Result</th></tr>")?;
    for c in &report.checks {
        let mut detail = escape(&c.summary);
        for e in &c.evidence {
            detail.push_str(&format!(
                "<pre>{} — {} → {}\n{}</pre>",
                escape(&e.variant),
                escape(&e.request),
                e.status.map_or("no answer".into(), |s| s.to_string()),
                escape(&e.excerpt)
            ));
        }
        if let Some(x) = &c.expected {
            detail.push_str(&format!(
                "<br>expected until {} (owner {}): {}",
                escape(&x.until),
                escape(&x.owner),
                escape(&x.reason)
            ));
        }
        writeln!(
            out,
            "<tr><td class=\"{}\">{}</td><td><code>{}</code><br>{}</td><td>{}</td><td>{}<br>{}</td><td>{}</td></tr>",
            c.outcome.as_str(),
            escape(&outcome_label(c)),
            c.id,
            escape(c.title),
            c.severity.as_str(),
            c.control,
            escape(c.clause),
            detail
        )?;
    }
    writeln!(out, "</table></body></html>")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::probe::check::Evidence;

    fn hostile_report() -> ProbeReport {
        let evil = "<script>alert(1)</script> & \"quoted\" \u{1b}[31m";
        ProbeReport {
            target: "http://127.0.0.1:1".into(),
            profile: "probe.toml".into(),
            checks: vec![CheckResult {
                id: "JWT-ALG-NONE",
                title: "Unsigned tokens (`alg: none`) are rejected",
                control: "TOK-VERIFY",
                severity: crate::finding::Severity::Critical,
                clause: "ASVS 5.0 V9.1.2",
                outcome: Status::Fail,
                summary: format!("1 of 5 accepted: {evil}"),
                evidence: vec![Evidence {
                    variant: "alg \"none\"".into(),
                    request: "GET /api/me".into(),
                    status: Some(200),
                    excerpt: evil.into(),
                }],
                profile_line: 17,
                expected: None,
                duration_ms: 3,
            }],
            requests: 5,
            duration_ms: 10,
            warnings: vec![],
        }
    }

    fn render(format: Format) -> String {
        let mut out = Vec::new();
        write(&hostile_report(), format, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn values_from_the_target_are_escaped() {
        let html = render(Format::Html);
        assert!(!html.contains("<script>"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;"));
        assert!(!html.contains('\u{1b}'), "control characters are dropped");
        let junit = render(Format::Junit);
        assert!(
            !junit.contains("<script>") && junit.contains("<failure message=\"1 of 5 accepted")
        );
        let json: serde_json::Value = serde_json::from_str(&render(Format::Json)).unwrap();
        assert_eq!(json["checks"][0]["outcome"], "fail");
        assert_eq!(json["summary"]["unexpected"], 1);
        let sarif: serde_json::Value = serde_json::from_str(&render(Format::Sarif)).unwrap();
        let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
        assert_eq!(location["artifactLocation"]["uri"], "probe.toml");
        assert_eq!(location["region"]["startLine"], 17);
    }
}

//! SARIF 2.1.0, as GitHub code scanning accepts it: rules with help in
//! `tool.driver.rules`, CWE tags, `security-severity`, `partialFingerprints`, and
//! relative artifact URIs against `%SRCROOT%`.

use super::{Report, TOOL_NAME, TOOL_URI, TOOL_VERSION};
use crate::docs::rule_markdown;
use crate::finding::DiagnosticLevel;
use serde_json::{json, Value};
use std::io::{self, Write};

pub const SCHEMA_URI: &str = "https://json.schemastore.org/sarif-2.1.0.json";

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let rules: Vec<Value> = report
        .rules
        .iter()
        .map(|rule| {
            let mut tags = vec!["security".to_string(), rule.control.clone()];
            tags.extend(
                rule.cwe
                    .iter()
                    .map(|c| format!("external/cwe/{}", c.to_lowercase())),
            );
            let help = rule_markdown(rule);
            json!({
                "id": rule.id,
                "name": rule.id,
                "shortDescription": { "text": rule.message },
                "fullDescription": { "text": rule.note },
                "help": { "text": help, "markdown": help },
                "defaultConfiguration": { "level": rule.severity.sarif_level() },
                "properties": {
                    "tags": tags,
                    "precision": "high",
                    "security-severity": rule.severity.security_severity(),
                    "authgate/control": rule.control,
                    "authgate/kind": rule.kind.as_str(),
                }
            })
        })
        .collect();
    let results: Vec<Value> = report
        .findings
        .iter()
        .map(|finding| {
            let index = report.rules.iter().position(|r| r.id == finding.rule_id);
            let mut region = json!({
                "startLine": finding.location.start_line,
                "startColumn": finding.location.start_column,
                "endLine": finding.location.end_line,
                "endColumn": finding.location.end_column,
            });
            if !finding.snippet.is_empty() {
                region["snippet"] = json!({ "text": finding.snippet });
            }
            let mut result = json!({
                "ruleId": finding.rule_id,
                "level": finding.severity.sarif_level(),
                "message": { "text": finding.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri_path(&finding.location.path), "uriBaseId": "%SRCROOT%" },
                        "region": region,
                    }
                }],
                "partialFingerprints": { "authgate/v1": finding.fingerprint },
                "properties": {
                    "authgate/control": finding.control,
                    "authgate/severity": finding.severity,
                    "authgate/level": finding.level,
                    "security-severity": finding.severity.security_severity(),
                }
            });
            if let Some(index) = index {
                result["ruleIndex"] = json!(index);
            }
            if !finding.evidence.is_empty() {
                result["properties"]["authgate/evidence"] = json!(finding.evidence);
            }
            if let Some(history) = &finding.history {
                result["properties"]["authgate/history"] = json!(history);
            }
            result
        })
        .collect();
    let notifications: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let mut note = json!({
                "level": match d.level {
                    DiagnosticLevel::Error => "error",
                    DiagnosticLevel::Warning => "warning",
                    DiagnosticLevel::Note => "note",
                },
                "message": { "text": d.message },
            });
            if let Some(path) = &d.path {
                let mut physical = json!({ "artifactLocation": { "uri": uri_path(path), "uriBaseId": "%SRCROOT%" } });
                if let Some(line) = d.line {
                    physical["region"] = json!({ "startLine": line });
                }
                note["locations"] = json!([{ "physicalLocation": physical }]);
            }
            note
        })
        .collect();
    let sarif = json!({
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": TOOL_NAME,
                    "version": TOOL_VERSION,
                    "semanticVersion": TOOL_VERSION,
                    "informationUri": TOOL_URI,
                    "rules": rules,
                }
            },
            "automationDetails": { "id": format!("authgate/{}/", report.command) },
            "invocations": [{
                "executionSuccessful": !report.diagnostics.iter().any(|d| d.level == DiagnosticLevel::Error),
                "toolExecutionNotifications": notifications,
            }],
            "results": results,
        }]
    });
    serde_json::to_writer_pretty(&mut *out, &sarif)?;
    writeln!(out)
}

/// A relative path as a URI reference: percent-encode what a URI cannot hold.
pub(crate) fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'.'
            | b'_'
            | b'~'
            | b'/'
            | b'@'
            | b'+'
            | b'='
            | b',' => out.push(byte as char),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uri_paths_are_percent_encoded() {
        assert_eq!(super::uri_path("src/a b#c.py"), "src/a%20b%23c.py");
        assert_eq!(super::uri_path("src/é.py"), "src/%C3%A9.py");
    }
}

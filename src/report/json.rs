//! JSON: a stable, documented shape for scripts.

use super::{Report, TOOL_NAME, TOOL_VERSION};
use serde_json::json;
use std::io::{self, Write};

pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let by_severity: serde_json::Map<String, serde_json::Value> = report
        .count_by_severity()
        .into_iter()
        .map(|(s, n)| (s.to_string(), json!(n)))
        .collect();
    let value = json!({
        "tool": { "name": TOOL_NAME, "version": TOOL_VERSION },
        "command": report.command,
        "summary": {
            "findings": report.findings.len(),
            "failing": report.failing(),
            "fail_on": report.fail_on,
            "failed": report.failed(),
            "by_severity": by_severity,
        },
        "findings": report.findings,
        "diagnostics": report.diagnostics,
        "stats": report.stats,
    });
    serde_json::to_writer_pretty(&mut *out, &value)?;
    writeln!(out)
}

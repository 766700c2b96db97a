//! Review outputs: the PR comment (Markdown), JSON, SARIF (through the scan's
//! writer) and the decision log line.

use super::negtest::CaseStatus;
use super::{short, Decision, Review};
use crate::finding::{Finding, Level, Location, RuleKind, Severity};
use crate::report::markdown::{cell, html};
use crate::report::{self, Report};
use crate::scan::rules::RuleMeta;
use serde_json::json;
use std::io::{self, Write};
use std::sync::{Arc, OnceLock};

pub const REMOVED_CONTROL_ID: &str = "removed-control";

/// The internal rule behind removed-control results in SARIF.
pub fn removed_control_rule() -> &'static Arc<RuleMeta> {
    static RULE: OnceLock<Arc<RuleMeta>> = OnceLock::new();
    RULE.get_or_init(|| {
        Arc::new(RuleMeta::internal(
            REMOVED_CONTROL_ID,
            "GOV-REGRESS",
            Severity::High,
            "The change removes a security control that base had.",
            "A change that deletes CSRF middleware, a verification flag, an algorithm allow-list, session regeneration or a login guard adds no flawed pattern, so a scan of head alone stays quiet. `authgate review` matches the controls of base and head across every changed file, so a moved or renamed control is not reported, and reports the ones that are gone.",
            "Restore the control, or move it and make the review see it in head; if removing it is intended, have the policy owners approve the change.",
        ))
    })
}

fn decision_icon(decision: Decision) -> &'static str {
    match decision {
        Decision::Pass => "✅",
        Decision::NeedsApproval => "🟡",
        Decision::Block => "⛔",
    }
}

/// Inline code that survives any text (backticks become quotes).
fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'").replace('\n', " "))
}

/// One line saying what the review decided and why.
pub fn summary(review: &Review) -> String {
    let areas: Vec<&str> = review.areas.keys().map(|a| a.as_str()).collect();
    let mut parts = vec![format!("{} file(s) changed", review.files.len())];
    if areas.is_empty() {
        parts.push("no identity area".to_string());
    } else {
        parts.push(format!(
            "{} tier ({}{})",
            review.tier,
            areas.join(", "),
            if review.provenance.ai_assisted {
                "; AI-assisted"
            } else {
                ""
            }
        ));
    }
    let missing = review
        .negative_tests
        .iter()
        .filter(|c| !matches!(c.status, CaseStatus::Covered { .. }))
        .count();
    let unmet = review.requirements.iter().filter(|r| !r.met).count();
    for (n, what) in [
        (review.new_findings.len(), "new finding(s)"),
        (review.removed_controls.len(), "removed control(s)"),
        (missing, "negative test(s) missing"),
        (unmet, "approval requirement(s) unmet"),
        (review.fixed_findings.len(), "fixed finding(s)"),
    ] {
        if n > 0 {
            parts.push(format!("{n} {what}"));
        }
    }
    format!(
        "{} **{}**: {}",
        decision_icon(review.decision),
        review.decision.as_str(),
        parts.join(", ")
    )
}

/// The PR comment.
pub fn write_markdown(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "## authgate review\n")?;
    writeln!(out, "{}\n", summary(review))?;
    writeln!(out, "### Decision\n")?;
    for r in &review.reasons {
        let source = r
            .source
            .as_deref()
            .map(|s| format!(" _({})_", html(s)))
            .unwrap_or_default();
        writeln!(
            out,
            "- {} {}{source}",
            decision_icon(r.decision),
            html(&r.text)
        )?;
    }
    writeln!(out)?;

    if !review.areas.is_empty() {
        writeln!(out, "### Identity areas\n")?;
        writeln!(
            out,
            "Tier **{}**: {}.\n",
            review.tier,
            review.tier_reasons.join("; ")
        )?;
        writeln!(out, "| area | evidence |\n|---|---|")?;
        for (area, evidence) in &review.areas {
            let mut items: Vec<String> = evidence
                .iter()
                .map(|e| {
                    let at = match e.line {
                        Some(l) => format!("{}:{l}", e.path),
                        None => e.path.clone(),
                    };
                    let policy = e
                        .policy_line
                        .map(|l| format!(" (policy line {l})"))
                        .unwrap_or_default();
                    format!("{} {} {}{policy}", code(&at), e.trigger, code(&e.matched))
                })
                .collect();
            if let Some(more) = review.areas_omitted.get(area) {
                items.push(format!("and {more} more"));
            }
            writeln!(out, "| **{area}** | {} |", cell(&items.join("<br>")))?;
        }
        writeln!(out)?;
    }

    if review.provenance.ai_assisted {
        writeln!(out, "### AI provenance\n")?;
        for reason in &review.provenance.reasons {
            writeln!(out, "- {}", html(reason))?;
        }
        writeln!(out)?;
    }

    if !review.areas.is_empty() {
        writeln!(out, "### Reviewer checklist\n")?;
        for area in review.areas.keys() {
            for item in area.checklist() {
                writeln!(out, "- [ ] **{area}**: {item}")?;
            }
        }
        writeln!(out)?;
    }

    if !review.negative_tests.is_empty() {
        writeln!(out, "### Negative tests\n")?;
        writeln!(out, "| area | case | status |\n|---|---|---|")?;
        for case in &review.negative_tests {
            let status = match &case.status {
                CaseStatus::Covered { path, line } => {
                    format!("✅ {}", code(&format!("{path}:{line}")))
                }
                CaseStatus::NameOnly { path, line, why } => {
                    format!("❌ {} {}", code(&format!("{path}:{line}")), why)
                }
                CaseStatus::Missing => "❌ missing".to_string(),
            };
            writeln!(
                out,
                "| {} | {} | {} |",
                case.area,
                cell(&case.description),
                cell(&status)
            )?;
        }
        writeln!(
            out,
            "\nA test counts when its body builds the attack and asserts a rejection (4xx, an exception, a false result); its name alone does not. Read {} test file(s).\n",
            review.tests_read.len()
        )?;
    }

    if !review.requirements.is_empty() || !review.approvals.is_empty() {
        writeln!(out, "### Required approvals\n")?;
        for r in &review.requirements {
            let who = if r.who.is_empty() {
                String::new()
            } else {
                format!(" ({})", r.who.join(", "))
            };
            writeln!(
                out,
                "- [{}] {}{} _({})_",
                if r.met { "x" } else { " " },
                html(&r.what),
                html(&who),
                html(&r.source)
            )?;
        }
        for a in review.approvals.iter().filter(|a| !a.counted) {
            writeln!(
                out,
                "- approval by {} does not count: {}",
                html(&a.user),
                html(a.why_not.as_deref().unwrap_or_default())
            )?;
        }
        writeln!(out)?;
    }

    if !review.new_findings.is_empty()
        || !review.removed_controls.is_empty()
        || !review.fixed_findings.is_empty()
    {
        writeln!(out, "### Findings\n")?;
        if !review.new_findings.is_empty() || !review.removed_controls.is_empty() {
            writeln!(
                out,
                "| | severity | rule | location | message |\n|---|---|---|---|---|"
            )?;
            for n in &review.new_findings {
                let f = &n.finding;
                writeln!(
                    out,
                    "| new | {} | {} | {} | {} |",
                    f.severity,
                    code(&f.rule_id),
                    code(&format!("{}:{}", f.location.path, f.location.start_line)),
                    cell(&f.message)
                )?;
            }
            for r in &review.removed_controls {
                writeln!(
                    out,
                    "| removed control | {} | {} | {} (base) | {} |",
                    removed_control_rule().severity,
                    code(&r.rule_id),
                    code(&format!("{}:{}", r.path, r.line)),
                    cell(&r.message)
                )?;
            }
            writeln!(out)?;
        }
        if !review.fixed_findings.is_empty() {
            writeln!(out, "Fixed by this change:\n")?;
            for f in &review.fixed_findings {
                writeln!(
                    out,
                    "- {} at {}",
                    code(&f.rule_id),
                    code(&format!("{}:{}", f.location.path, f.location.start_line))
                )?;
            }
            writeln!(out)?;
        }
    }
    if !review.added_suppressions.is_empty() {
        writeln!(out, "### Suppressions added by this change\n")?;
        writeln!(
            out,
            "They suppress nothing in this review; the policy owners decide on them.\n"
        )?;
        for s in &review.added_suppressions {
            writeln!(
                out,
                "- {} {}",
                code(&format!("{}:{}", s.path, s.line)),
                code(&s.rules.join(", "))
            )?;
        }
        writeln!(out)?;
    }
    let warnings: Vec<_> = review
        .diagnostics
        .iter()
        .filter(|d| d.level != crate::finding::DiagnosticLevel::Note)
        .collect();
    if !warnings.is_empty() {
        writeln!(out, "### Input warnings\n")?;
        for d in warnings {
            writeln!(
                out,
                "- {}: {}",
                code(&report::diagnostic_location(d)),
                cell(&d.message)
            )?;
        }
        writeln!(out)?;
    }
    writeln!(
        out,
        "<sub>base {} ({}) · head {} · policy {} · authgate {}</sub>",
        code(short(&review.base.sha)),
        html(&review.base.rev),
        code(&review.head_label()),
        code(&review.policy),
        report::TOOL_VERSION
    )?;
    Ok(())
}

pub fn write_json(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let mut value = serde_json::to_value(review).map_err(io::Error::other)?;
    value["tool"] = json!({ "name": report::TOOL_NAME, "version": report::TOOL_VERSION });
    value["summary"] = json!(summary(review));
    serde_json::to_writer_pretty(&mut *out, &value).map_err(io::Error::other)?;
    writeln!(out)
}

/// SARIF through the scan's writer: new findings and removed controls (anchored at
/// their place in base).
pub fn write_sarif(review: &Review, out: &mut dyn Write) -> io::Result<()> {
    let mut findings: Vec<Finding> = review
        .new_findings
        .iter()
        .map(|n| n.finding.clone())
        .collect();
    for r in &review.removed_controls {
        let meta = removed_control_rule();
        findings.push(Finding {
            rule_id: meta.id.clone(),
            control: r.control.clone(),
            kind: RuleKind::Flaw,
            cwe: vec![],
            severity: meta.severity,
            level: Level::Default,
            location: Location {
                path: r.path.clone(),
                start_line: r.line,
                start_column: 1,
                end_line: r.line,
                end_column: 1,
            },
            snippet: r.snippet.clone(),
            message: format!("Removed control `{}`: {}", r.rule_id, r.message),
            evidence: vec![],
            fingerprint: r.fingerprint.clone(),
            frame: vec![],
            history: None,
            secret_digest: None,
        });
    }
    let mut rules: Vec<Arc<RuleMeta>> = review
        .rules
        .iter()
        .filter(|r| findings.iter().any(|f| f.rule_id == r.id))
        .cloned()
        .collect();
    if !review.removed_controls.is_empty() {
        rules.push(removed_control_rule().clone());
    }
    let report = Report {
        command: "review".to_string(),
        findings,
        diagnostics: review.diagnostics.clone(),
        stats: Default::default(),
        rules,
        fail_on: review.fail_on,
    };
    report::write(&report, report::Format::Sarif, out, false)
}

/// The decision-log line (GOV-LOG): no code, no messages, no secret; fingerprints,
/// areas, provenance reasons, approvals and a hash of the policy.
pub fn log_line(review: &Review, time: &str) -> String {
    let value = json!({
        "time": time,
        "tool": { "name": report::TOOL_NAME, "version": report::TOOL_VERSION },
        "base": review.base.sha,
        "head": review.head.as_ref().map_or("worktree".to_string(), |h| h.sha.clone()),
        "areas": review.areas.keys().map(|a| a.as_str()).collect::<Vec<_>>(),
        "provenance": {
            "ai_assisted": review.provenance.ai_assisted,
            "commits": review.provenance.commits.iter().map(|c| &c.sha).collect::<Vec<_>>(),
            "branch": review.provenance.branch,
            "labels": review.provenance.labels,
        },
        "tier": review.tier,
        "decision": review.decision,
        "findings": review.new_findings.iter().map(|n| &n.finding.fingerprint).collect::<Vec<_>>(),
        "removed_controls": review.removed_controls.iter().map(|r| &r.fingerprint).collect::<Vec<_>>(),
        "missing_tests": review.negative_tests.iter()
            .filter(|c| !matches!(c.status, CaseStatus::Covered { .. }))
            .map(|c| format!("{}:{}", c.area, c.case))
            .collect::<Vec<_>>(),
        "approvals": review.approvals.iter().map(|a| json!({
            "user": a.user, "sha": a.sha, "counted": a.counted
        })).collect::<Vec<_>>(),
        "policy": review.policy,
        "policy_sha256": review.policy_sha256,
    });
    value.to_string()
}

//! Rule documentation, generated from the rule files and their fixtures. The same
//! text serves `authgate rules explain`, SARIF help and `docs/rules/`.

use crate::finding::{redact_secret, RuleKind, CONTROLS};
use crate::scan::lang::Lang;
use crate::scan::rules::{RuleLanguage, RuleMeta, RuleSet};
use std::fmt::Write;

/// A rule's page in Markdown: what it does, why it is bad, example, use instead, references.
pub fn rule_markdown(rule: &RuleMeta) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", rule.id);
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(out, "| language | {} |", language_label(rule.language));
    let _ = writeln!(out, "| control | {} |", rule.control);
    let _ = writeln!(out, "| kind | {} |", rule.kind.as_str());
    let _ = writeln!(out, "| severity | {} |", rule.severity);
    if !rule.cwe.is_empty() {
        let _ = writeln!(out, "| CWE | {} |", rule.cwe.join(", "));
    }
    if !rule.asvs.is_empty() {
        let _ = writeln!(out, "| ASVS 5.0 | {} |", rule.asvs.join(", "));
    }
    let _ = writeln!(
        out,
        "| autofix | {} |",
        if rule.has_autofix { "yes" } else { "no" }
    );
    let _ = writeln!(out, "\n## What it does\n\n{}", rule.message);
    if !rule.conditions.is_empty() {
        let _ = writeln!(out, "\n## Conditions\n\nA match is reported only when:\n");
        for condition in &rule.conditions {
            let _ = writeln!(out, "- {condition}");
        }
    }
    if let Some(pattern) = &rule.pattern {
        let _ = writeln!(out, "\n## Pattern\n\n```regex\n{pattern}\n```");
    }
    let _ = writeln!(out, "\n## Why is this bad?\n\n{}", rule.note);
    let mut fixtures = rule.fixtures();
    if rule.language == RuleLanguage::Secret {
        // Examples of a secret detector are shown redacted, as findings show them.
        for (_, code) in &mut fixtures {
            *code = redact_example(code, rule.pattern.as_deref().unwrap_or_default());
        }
    }
    if matches!(rule.kind, RuleKind::Control | RuleKind::Fact) {
        if let Some((name, code)) = fixtures.iter().find(|(n, _)| n.starts_with("match.")) {
            let _ = writeln!(
                out,
                "\n## Recognised code\n\n```{}\n{}```",
                fence_lang(name),
                ensure_newline(code)
            );
        }
        if let Some((name, code)) = fixtures.iter().find(|(n, _)| n.starts_with("nomatch.")) {
            let _ = writeln!(
                out,
                "\n## Not recognised\n\n```{}\n{}```",
                fence_lang(name),
                ensure_newline(code)
            );
        }
    }
    if let Some((name, code)) = fixtures.iter().find(|(n, _)| n.starts_with("bad.")) {
        let _ = writeln!(
            out,
            "\n## Example\n\n```{}\n{}```",
            fence_lang(name),
            ensure_newline(code)
        );
    }
    let good = fixtures.iter().find(|(n, _)| n.starts_with("good."));
    if rule.fix_text.is_some() || good.is_some() {
        let _ = writeln!(out, "\n## Use instead\n");
        if let Some(fix) = &rule.fix_text {
            let _ = writeln!(out, "{fix}");
        }
        if let Some((name, code)) = good {
            let _ = writeln!(
                out,
                "\n```{}\n{}```",
                fence_lang(name),
                ensure_newline(code)
            );
        }
    }
    let mut references: Vec<String> = rule.references.iter().map(|r| format!("- <{r}>")).collect();
    for cwe in &rule.cwe {
        let number = cwe.trim_start_matches("CWE-");
        references.push(format!(
            "- [{cwe}](https://cwe.mitre.org/data/definitions/{number}.html)"
        ));
    }
    for asvs in &rule.asvs {
        references.push(format!("- OWASP ASVS 5.0 requirement {asvs}"));
    }
    if !references.is_empty() {
        let _ = writeln!(out, "\n## References\n\n{}", references.join("\n"));
    }
    out
}

/// Masks what a detector's `secret` group matches in an example.
fn redact_example(code: &str, pattern: &str) -> String {
    let Ok(regex) = regex::RegexBuilder::new(pattern).multi_line(true).build() else {
        return code.to_string();
    };
    regex
        .replace_all(code, |caps: &regex::Captures<'_>| {
            let whole = &caps[0];
            match caps.name("secret") {
                Some(secret) => whole.replace(secret.as_str(), &redact_secret(secret.as_str())),
                None => redact_secret(whole),
            }
        })
        .into_owned()
}

/// The index page: every rule in a table, and the control x language matrix.
pub fn index_markdown(rules: &RuleSet) -> String {
    let mut out = String::from("# authgate rules\n\nGenerated from `rules/`; do not edit by hand (`authgate rules docs docs/rules` regenerates it).\n\n");
    out.push_str("| rule | language | control | kind | severity |\n|---|---|---|---|---|\n");
    for rule in rules.metas.values() {
        let _ = writeln!(
            out,
            "| [{id}]({id}.md) | {} | {} | {} | {} |",
            language_label(rule.language),
            rule.control,
            rule.kind.as_str(),
            rule.severity,
            id = rule.id
        );
    }
    let families = [
        RuleLanguage::Code(Lang::Python),
        RuleLanguage::Code(Lang::JavaScript),
        RuleLanguage::Code(Lang::Go),
        RuleLanguage::Code(Lang::Java),
        RuleLanguage::Text,
        RuleLanguage::Secret,
    ];
    out.push_str("\n## Controls by language\n\nNumber of rules per control and language (flaw + control rules).\n\n| control |");
    for lang in families {
        let _ = write!(out, " {} |", language_label(lang));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(families.len()));
    out.push('\n');
    for (control, _) in CONTROLS.iter().filter(|(c, _)| !c.starts_with("GOV-")) {
        let _ = write!(out, "| {control} |");
        for lang in families {
            let n = rules
                .metas
                .values()
                .filter(|r| r.control == *control && r.language.family() == lang.family())
                .count();
            let _ = write!(
                out,
                " {} |",
                if n == 0 {
                    "-".to_string()
                } else {
                    n.to_string()
                }
            );
        }
        out.push('\n');
    }
    out.push_str("\nThe same matrix with the rules in each cell: [matrix.md](matrix.md).\n");
    out
}

/// The control x language x rules matrix: which rules cover each control in each
/// language, flaws first, then the `kind: control` rules that recognise a protection.
pub fn matrix_markdown(rules: &RuleSet) -> String {
    let families = [
        RuleLanguage::Code(Lang::Python),
        RuleLanguage::Code(Lang::JavaScript),
        RuleLanguage::Code(Lang::Go),
        RuleLanguage::Code(Lang::Java),
        RuleLanguage::Text,
        RuleLanguage::Secret,
    ];
    let mut out = String::from(
        "# authgate rules: control x language matrix\n\nGenerated from `rules/`; do not edit by hand (`authgate rules docs docs/rules` regenerates it). Each cell lists the flaw rules, then (as *control*) the rules that recognise the protection, which `authgate review` uses to report a removed control. Library rules (`unapproved-auth-library`, advisories) apply to every ecosystem and are listed in the [index](README.md). `-` means no rule in that cell.\n\n| control |",
    );
    for lang in families {
        let _ = write!(out, " {} |", language_label(lang));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(families.len()));
    out.push('\n');
    for (control, _) in CONTROLS.iter().filter(|(c, _)| !c.starts_with("GOV-")) {
        let _ = write!(out, "| {control} |");
        for lang in families {
            let mut cell: Vec<&RuleMeta> = rules
                .metas
                .values()
                .filter(|r| r.control == *control && r.language.family() == lang.family())
                .filter(|r| r.kind != RuleKind::Fact)
                .map(|r| r.as_ref())
                .collect();
            cell.sort_by_key(|r| (r.kind != RuleKind::Flaw, r.id.clone()));
            let links: Vec<String> = cell
                .iter()
                .map(|r| match r.kind {
                    RuleKind::Flaw => format!("[{id}]({id}.md)", id = r.id),
                    _ => format!("*[{id}]({id}.md)* (control)", id = r.id),
                })
                .collect();
            let _ = write!(
                out,
                " {} |",
                if links.is_empty() {
                    "-".to_string()
                } else {
                    links.join("<br>")
                }
            );
        }
        out.push('\n');
    }
    out
}

/// All generated files: (file name, contents).
pub fn generate(rules: &RuleSet) -> Vec<(String, String)> {
    let mut files = vec![
        ("README.md".to_string(), index_markdown(rules)),
        ("matrix.md".to_string(), matrix_markdown(rules)),
    ];
    for rule in rules.metas.values() {
        files.push((format!("{}.md", rule.id), rule_markdown(rule)));
    }
    for rule in crate::scan::libs::library_rules() {
        files.push((format!("{}.md", rule.id), rule_markdown(rule)));
    }
    files
}

fn language_label(lang: RuleLanguage) -> &'static str {
    match lang {
        RuleLanguage::Code(Lang::JavaScript) => "javascript (+ typescript, tsx)",
        RuleLanguage::Code(Lang::TypeScript) => "typescript (+ tsx)",
        other => other.name(),
    }
}

fn fence_lang(file_name: &str) -> &str {
    match file_name.rsplit('.').next().unwrap_or("") {
        "py" => "python",
        "js" | "mjs" | "cjs" | "jsx" => "javascript",
        "ts" | "tsx" => "typescript",
        "go" => "go",
        "java" => "java",
        other => other,
    }
}

fn ensure_newline(code: &str) -> String {
    if code.ends_with('\n') {
        code.to_string()
    } else {
        format!("{code}\n")
    }
}

/// The probe's check catalogue as Markdown (docs/probe-checks.md), from the checks'
/// own entries.
pub fn probe_checks_markdown() -> String {
    let checks = crate::probe::checks::all();
    let mut out = String::from(
        "<!-- Generated by `authgate probe --docs docs/probe-checks.md` from src/probe/checks/; do not edit. -->\n\n# authgate probe: the checks\n\n\
         Run order is the order below. Outcomes: **pass**, **fail**, **error** (the service broke or the answer could not be judged) and **skip** (with the reason). How to write a profile: [probe.md](probe.md).\n\n\
         | id | control | severity | slow | title |\n|---|---|---|---|---|\n",
    );
    for c in &checks {
        let i = &c.info;
        out.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} | {} |\n",
            i.id,
            i.id.to_ascii_lowercase(),
            i.control,
            i.severity.as_str(),
            if i.slow { "yes" } else { "" },
            i.title
        ));
    }
    for c in &checks {
        let i = &c.info;
        out.push_str(&format!(
            "\n## {}\n\n{}\n\n- control: `{}`\n- severity: {}\n- clause: {}\n- profile anchor: `{}`{}\n\n{}\n",
            i.id,
            i.title,
            i.control,
            i.severity.as_str(),
            i.clause,
            i.anchor,
            if i.destructive { "\n- spends the primary session; the probe logs in again afterwards" } else { "" },
            i.docs
        ));
    }
    out
}

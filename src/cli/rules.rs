//! `authgate rules`: list, explain, docs.

use super::{load_policy, EXIT_ERROR, EXIT_OK};
use crate::docs;
use anyhow::Context;
use clap::{Args, Subcommand};
use std::io::Write;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct RulesArgs {
    #[command(subcommand)]
    pub action: Option<RulesAction>,

    /// Extra rule directory to include; repeatable.
    #[arg(long = "rules", value_name = "DIR", global = true)]
    pub rule_dirs: Vec<PathBuf>,

    /// Policy file whose rule directories are included (default: ./authgate.toml).
    #[arg(long, value_name = "FILE", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Subcommand)]
pub enum RulesAction {
    /// List rules: id, language, control, kind, severity (the default).
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Print a rule's documentation: what it does, why it is bad, example, fix, references.
    Explain {
        /// Rule id.
        id: String,
    },
    /// List the control ids rules and checks trace to.
    Controls,
    /// Write the generated rule documentation into DIR (or check it is current).
    Docs {
        /// Output directory.
        #[arg(default_value = "docs/rules")]
        dir: PathBuf,
        /// Do not write; exit 1 when a file in DIR is missing or stale.
        #[arg(long)]
        check: bool,
    },
}

pub fn run(args: RulesArgs) -> anyhow::Result<u8> {
    let policy = load_policy(args.config.as_deref())?;
    let rules = super::load_rules(&policy, &args.rule_dirs)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match args.action.unwrap_or(RulesAction::List { json: false }) {
        RulesAction::List { json: true } => {
            let metas: Vec<&crate::scan::rules::RuleMeta> =
                rules.metas.values().map(|m| m.as_ref()).collect();
            serde_json::to_writer_pretty(&mut out, &metas)?;
            writeln!(out)?;
        }
        RulesAction::List { json: false } => {
            let width = rules
                .metas
                .keys()
                .map(String::len)
                .max()
                .unwrap_or(2)
                .max(2);
            writeln!(
                out,
                "{:<width$}  {:<10}  {:<12}  {:<7}  severity",
                "id", "language", "control", "kind"
            )?;
            for rule in rules.metas.values() {
                writeln!(
                    out,
                    "{:<width$}  {:<10}  {:<12}  {:<7}  {}",
                    rule.id,
                    rule.language.name(),
                    rule.control,
                    rule.kind.as_str(),
                    rule.severity
                )?;
            }
        }
        RulesAction::Explain { id } => match rules.get(&id) {
            Some(rule) => write!(out, "{}", docs::rule_markdown(rule))?,
            None if crate::scan::internal_rules().iter().any(|r| r.id == id) => {
                let rule = crate::scan::internal_rules()
                    .into_iter()
                    .find(|r| r.id == id)
                    .expect("checked above");
                write!(out, "{}", docs::rule_markdown(rule))?
            }
            None => {
                let close: Vec<&String> = rules
                    .metas
                    .keys()
                    .filter(|k| k.contains(&id) || id.contains(k.as_str()))
                    .collect();
                let hint = if close.is_empty() {
                    "list the rules with `authgate rules`".to_string()
                } else {
                    format!(
                        "did you mean: {}?",
                        close
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                };
                anyhow::bail!("no rule with id `{id}`; {hint}");
            }
        },
        RulesAction::Controls => {
            for (id, description) in crate::finding::CONTROLS {
                writeln!(out, "{id:<15} {description}")?;
            }
        }
        RulesAction::Docs { dir, check } => {
            let files = docs::generate(&rules);
            if check {
                let stale: Vec<String> = files
                    .iter()
                    .filter(|(name, text)| {
                        std::fs::read_to_string(dir.join(name)).ok().as_deref()
                            != Some(text.as_str())
                    })
                    .map(|(name, _)| name.clone())
                    .collect();
                if !stale.is_empty() {
                    eprintln!(
                        "stale or missing in {}: {}\nregenerate with `authgate rules docs {}`",
                        dir.display(),
                        stale.join(", "),
                        dir.display()
                    );
                    return Ok(EXIT_ERROR - 1);
                }
                eprintln!("{}: {} file(s) up to date", dir.display(), files.len());
            } else {
                std::fs::create_dir_all(&dir)
                    .with_context(|| format!("cannot create {}", dir.display()))?;
                for (name, text) in &files {
                    std::fs::write(dir.join(name), text)
                        .with_context(|| format!("cannot write {name}"))?;
                }
                eprintln!("wrote {} file(s) to {}", files.len(), dir.display());
            }
        }
    }
    Ok(EXIT_OK)
}

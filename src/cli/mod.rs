//! Command-line definitions. Doc comments here are the `--help` text.

mod check_policy;
mod init;
mod probe;
mod review;
mod rules;
mod scan;

use clap::{Parser, Subcommand};
use std::io::IsTerminal;

/// Exit codes, as documented in `--help`.
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_ERROR: u8 = 2;

const EXIT_CODES_HELP: &str = "\
Exit codes:
  0  nothing at or above --fail-on (and nothing denied by policy)
  1  findings at or above --fail-on, or a finding of a rule the policy sets to \"deny\"
  2  usage, configuration or runtime error";

/// authgate treats authentication code as untrusted until it proves itself.
#[derive(Debug, Parser)]
#[command(name = "authgate", version, about, after_help = EXIT_CODES_HELP)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Scan files and directories for authentication flaws.
    Scan(scan::ScanArgs),
    /// Review a change as an identity change request: areas, tier, approvals,
    /// negative tests, new findings and removed controls.
    Review(review::ReviewArgs),
    /// Attack a running service with expired, forged, replayed, revoked and malformed
    /// credentials, and see what it accepts.
    Probe(probe::ProbeArgs),
    /// List the rules, explain one, or generate their documentation.
    Rules(rules::RulesArgs),
    /// Write a commented authgate.toml policy template.
    Init(init::InitArgs),
    /// Validate authgate.toml (and the rule directories it names) without scanning.
    CheckPolicy(check_policy::CheckPolicyArgs),
}

/// Colour choice for the human format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    pub fn enabled_for_stdout(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::io::stdout().is_terminal()
                    && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::env::var("TERM").map_or(true, |t| t != "dumb")
            }
        }
    }
}

/// Runs a parsed command line and returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Scan(args) => scan::run(args),
        Command::Review(args) => review::run(args),
        Command::Probe(args) => probe::run(args),
        Command::Rules(args) => rules::run(args),
        Command::Init(args) => init::run(args),
        Command::CheckPolicy(args) => check_policy::run(args),
    }
}

/// Loads the policy: `--config FILE`, else `authgate.toml` in the current directory,
/// else the defaults.
pub(crate) fn load_policy(
    config: Option<&std::path::Path>,
) -> anyhow::Result<crate::policy::Policy> {
    use crate::policy::{Policy, DEFAULT_FILE};
    match config {
        Some(path) => Ok(Policy::load(path)?),
        None if std::path::Path::new(DEFAULT_FILE).is_file() => {
            Ok(Policy::load(std::path::Path::new(DEFAULT_FILE))?)
        }
        None => Ok(Policy::default()),
    }
}

/// Loads the built-in rules, the policy's rule directories and `--rules` directories,
/// then checks that the policy names only rules that exist.
pub(crate) fn load_rules(
    policy: &crate::policy::Policy,
    extra_dirs: &[std::path::PathBuf],
) -> anyhow::Result<crate::scan::rules::RuleSet> {
    let mut rules = crate::scan::rules::RuleSet::builtin()?;
    for dir in policy.rule_dirs.iter().chain(extra_dirs) {
        rules.add_dir(dir)?;
    }
    rules.check_references()?;
    policy.validate_rule_ids(&rules)?;
    Ok(rules)
}

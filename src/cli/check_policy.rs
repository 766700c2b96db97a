//! `authgate check-policy`.

use super::{load_policy, load_rules, EXIT_OK};
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct CheckPolicyArgs {
    /// Policy file (default: ./authgate.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

pub fn run(args: CheckPolicyArgs) -> anyhow::Result<u8> {
    let explicit = args
        .config
        .clone()
        .unwrap_or_else(|| PathBuf::from(crate::policy::DEFAULT_FILE));
    if !explicit.is_file() {
        anyhow::bail!(
            "{}: no policy file; write one with `authgate init`",
            explicit.display()
        );
    }
    let policy = load_policy(Some(&explicit))?;
    let rules = load_rules(&policy, &[])?;
    eprintln!(
        "{}: ok ({} rules, {} level setting(s), {} waiver(s), {} exclude glob(s))",
        explicit.display(),
        rules.metas.len(),
        policy.levels.len(),
        policy.waivers.len(),
        policy.excludes.len()
    );
    Ok(EXIT_OK)
}

//! `authgate init`.

use super::EXIT_OK;
use crate::policy::{DEFAULT_FILE, TEMPLATE};
use anyhow::Context;
use clap::Args;
use std::path::PathBuf;

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to write the policy.
    #[arg(default_value = DEFAULT_FILE)]
    pub path: PathBuf,

    /// Overwrite an existing file.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: InitArgs) -> anyhow::Result<u8> {
    if args.path.exists() && !args.force {
        anyhow::bail!(
            "{} already exists; pass --force to overwrite it",
            args.path.display()
        );
    }
    std::fs::write(&args.path, TEMPLATE)
        .with_context(|| format!("cannot write {}", args.path.display()))?;
    eprintln!("wrote {}", args.path.display());
    Ok(EXIT_OK)
}

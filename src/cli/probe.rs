//! `authgate probe`.

use super::{EXIT_FINDINGS, EXIT_OK};
use crate::probe::check::{CheckInfo, Options};
use crate::probe::expect::Expectations;
use crate::probe::profile::Profile;
use crate::probe::report::{self, Format};
use crate::probe::run;
use anyhow::{bail, Context};
use clap::Args;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

const PROBE_HELP: &str = "\
The profile is trusted input: a `command` login and the reset `token-command` run the
programs they name. Secrets never sit in the profile; it names the environment
variables that hold them. Requests go only to the profile's hosts, within its request
budget and rate; redirects are never followed; non-loopback hosts need
`allow-remote = true`. Run it only against services you are allowed to attack.

Exit codes:
  0  every check passed, was skipped, or failed as --expect says it would
  1  a check failed or errored unexpectedly
  2  usage, profile, login or calibration error";

#[derive(Debug, Args)]
#[command(after_help = PROBE_HELP)]
pub struct ProbeArgs {
    /// The target profile (TOML; see docs/probe.md).
    #[arg(long, short = 'p', value_name = "FILE", required_unless_present_any = ["list", "docs"])]
    pub profile: Option<PathBuf>,

    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,

    /// Write the report here instead of standard output.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Known failures (TOML `[[expect]]` entries with check, owner, reason, until).
    #[arg(long, value_name = "FILE")]
    pub expect: Option<PathBuf>,

    /// Run only these checks (repeatable).
    #[arg(long, value_name = "ID")]
    pub only: Vec<String>,

    /// Leave these checks out (repeatable).
    #[arg(long, value_name = "ID")]
    pub skip: Vec<String>,

    /// Also run slow checks (timing statistics, waiting for natural token expiry).
    #[arg(long)]
    pub slow: bool,

    /// The longest a slow check may wait (`90s`, `5m`).
    #[arg(long, value_name = "DURATION", default_value = "2m")]
    pub max_wait: String,

    /// Requests per second (overrides the profile's `target.rate`).
    #[arg(long, value_name = "N")]
    pub rate: Option<f64>,

    /// Where the canary listener of JWT-JKU-X5U binds.
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:0")]
    pub canary_bind: std::net::SocketAddr,

    /// The URL the service can reach the canary at (for a remote target).
    #[arg(long, value_name = "URL")]
    pub canary_url: Option<String>,

    /// Run a test issuer (OIDC discovery and a JWKS with a key made for the run) on
    /// this address, for the claim checks when the service's signing key is not at
    /// hand; the service must be configured to trust it.
    #[arg(long, value_name = "ADDR:PORT")]
    pub issuer_bind: Option<std::net::SocketAddr>,

    /// The URL the service reaches the test issuer at, which its tokens name as `iss`
    /// (default: http://ADDR:PORT of --issuer-bind).
    #[arg(long, value_name = "URL", requires = "issuer_bind")]
    pub issuer_url: Option<String>,

    /// For `login.kind = "rp"`: run the test OpenID provider on this address; the
    /// application must be configured to use it.
    #[arg(long, value_name = "ADDR:PORT")]
    pub provider_bind: Option<std::net::SocketAddr>,

    /// The URL the application reaches the test provider at, which is its issuer
    /// (default: http://ADDR:PORT of --provider-bind).
    #[arg(long, value_name = "URL", requires = "provider_bind")]
    pub provider_url: Option<String>,

    /// The policy, for `[tokens] max-access-token-ttl` (default: ./authgate.toml).
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,

    /// List the checks and exit.
    #[arg(long)]
    pub list: bool,

    /// Write the check catalogue as Markdown to FILE (with --check: verify it is current).
    #[arg(long, value_name = "FILE")]
    pub docs: Option<PathBuf>,

    /// With --docs: fail if FILE is not current instead of writing it.
    #[arg(long, requires = "docs")]
    pub check: bool,

    /// No progress line.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

pub fn run(args: ProbeArgs) -> anyhow::Result<u8> {
    if args.list {
        let mut out = std::io::stdout().lock();
        for c in crate::probe::checks::all() {
            let i = &c.info;
            writeln!(
                out,
                "{:<24} {:<12} {:<8} {}{}",
                i.id,
                i.control,
                i.severity.as_str(),
                i.title,
                if i.slow { " (slow)" } else { "" }
            )?;
        }
        return Ok(EXIT_OK);
    }
    if let Some(path) = &args.docs {
        let markdown = crate::docs::probe_checks_markdown();
        if args.check {
            let current = std::fs::read_to_string(path).unwrap_or_default();
            if current != markdown {
                bail!(
                    "{} is not current: run `authgate probe --docs {}`",
                    path.display(),
                    path.display()
                );
            }
            return Ok(EXIT_OK);
        }
        std::fs::write(path, markdown).with_context(|| format!("writing {}", path.display()))?;
        return Ok(EXIT_OK);
    }
    let path = args.profile.as_ref().expect("clap requires --profile");
    let mut profile = Profile::load(path)?;
    if let Some(rate) = args.rate {
        if !(rate.is_finite() && rate > 0.0) {
            bail!("--rate is requests per second, above 0");
        }
        profile.rate = rate;
    }
    let policy = super::load_policy(args.config.as_deref())?;
    let options = Options {
        slow: args.slow,
        max_wait: std::time::Duration::from_secs(
            crate::policy::parse_duration(&args.max_wait)
                .map_err(|e| anyhow::anyhow!("--max-wait: {e}"))?,
        ),
        max_access_token_ttl_secs: policy.max_access_token_ttl_secs,
        canary_bind: args.canary_bind,
        canary_url: args.canary_url.clone(),
        issuer_bind: args.issuer_bind,
        issuer_url: args.issuer_url.clone(),
        provider_bind: args.provider_bind,
        provider_url: args.provider_url.clone(),
    };
    let today = time::OffsetDateTime::now_utc().date();
    let expectations = match &args.expect {
        Some(file) => {
            let text = std::fs::read_to_string(file)
                .with_context(|| format!("reading {}", file.display()))?;
            Expectations::parse(&text, &file.display().to_string(), today)
                .map_err(anyhow::Error::msg)?
        }
        None => Expectations::default(),
    };
    let selected = run::select(&options, &args.only, &args.skip).map_err(anyhow::Error::msg)?;
    let secrets = |name: &str| std::env::var(name).ok();
    let show_progress = !args.quiet && std::io::stderr().is_terminal();
    let mut line = |index: usize, total: usize, info: &CheckInfo| {
        eprint!(
            "\r\x1b[2K[{}/{total}] {} — {}",
            index + 1,
            info.id,
            info.title
        );
        let _ = std::io::stderr().flush();
    };
    let progress: run::Progress = if show_progress { Some(&mut line) } else { None };
    let result = run::run(
        &profile,
        &options,
        &secrets,
        &selected,
        &expectations,
        progress,
    );
    if show_progress {
        eprint!("\r\x1b[2K");
    }
    let report = result?;
    match &args.output {
        Some(file) => {
            let mut out = std::fs::File::create(file)
                .with_context(|| format!("writing {}", file.display()))?;
            report::write(&report, args.format, &mut out)?;
        }
        None => report::write(&report, args.format, &mut std::io::stdout().lock())?,
    }
    Ok(if report.failed() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    })
}

//! `authgate-testbed`: runs the test service on 127.0.0.1 until killed.

use std::collections::BTreeSet;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context};
use authgate_testbed::{start, Config, Flaw, Mode, Rejection, UserSpec};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};

const USAGE: &str = "\
usage: authgate-testbed [--mode hardened|vulnerable] [--flaw NAME]... \
[--rejection 401|403|422|200|302] [--port N] [--reset-dir DIR] [--trust-issuer URL]

Serves the authgate test service on 127.0.0.1 until killed. Prints the
generated passwords as shell `export` lines, then `# listening on URL`.
--flaw implies --mode vulnerable unless --mode is given; --flaw list prints the names.
--trust-issuer also accepts access tokens whose iss is URL (an http:// issuer with
OIDC discovery and a JWKS), verified with the issuer's key under the usual rules.";

struct Args {
    mode: Option<Mode>,
    flaws: BTreeSet<Flaw>,
    rejection: Rejection,
    port: u16,
    reset_dir: Option<PathBuf>,
    trust_issuer: Option<String>,
}

fn parse_args() -> anyhow::Result<Option<Args>> {
    let mut args = Args {
        mode: None,
        flaws: BTreeSet::new(),
        rejection: Rejection::Unauthorized401,
        port: 0,
        reset_dir: None,
        trust_issuer: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            println!("{USAGE}");
            return Ok(None);
        }
        let mut value = || -> anyhow::Result<String> {
            inline
                .clone()
                .or_else(|| it.next())
                .ok_or_else(|| anyhow!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--mode" => {
                args.mode = Some(match value()?.as_str() {
                    "hardened" => Mode::Hardened,
                    "vulnerable" => Mode::Vulnerable,
                    other => bail!("unknown mode {other:?} (hardened or vulnerable)"),
                })
            }
            "--flaw" => {
                let name = value()?;
                if name == "list" {
                    for f in Flaw::ALL {
                        println!("{}", f.name());
                    }
                    return Ok(None);
                }
                let flaw = Flaw::from_name(&name).ok_or_else(|| {
                    anyhow!("unknown flaw {name:?}; `--flaw list` prints the names")
                })?;
                args.flaws.insert(flaw);
            }
            "--rejection" => {
                args.rejection = match value()?.as_str() {
                    "401" => Rejection::Unauthorized401,
                    "403" => Rejection::Forbidden403,
                    "422" => Rejection::Unprocessable422,
                    "200" => Rejection::Ok200Error,
                    "302" => Rejection::RedirectLogin,
                    other => bail!("unknown rejection {other:?} (401, 403, 422, 200 or 302)"),
                }
            }
            "--port" => {
                let v = value()?;
                args.port = v.parse().with_context(|| format!("bad port {v:?}"))?;
            }
            "--reset-dir" => args.reset_dir = Some(PathBuf::from(value()?)),
            "--trust-issuer" => args.trust_issuer = Some(value()?),
            other => bail!("unknown argument {other:?}\n\n{USAGE}"),
        }
    }
    Ok(Some(args))
}

fn random_password() -> String {
    let mut buf = [0u8; 18];
    OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

fn main() -> anyhow::Result<()> {
    let Some(args) = parse_args()? else {
        return Ok(());
    };
    let mode = args.mode.unwrap_or(if args.flaws.is_empty() {
        Mode::Hardened
    } else {
        Mode::Vulnerable
    });
    let users: Vec<UserSpec> = [
        ("alice", "read write admin"),
        ("bob", "read"),
        ("carol", "read write"),
    ]
    .into_iter()
    .map(|(name, scope)| UserSpec {
        username: name.to_string(),
        password: random_password(),
        scope: scope.to_string(),
    })
    .collect();

    let mut config = Config::new(mode, users.clone());
    config.flaws = args.flaws;
    config.rejection = args.rejection;
    config.reset_token_dir = args.reset_dir;
    config.trusted_issuer = args.trust_issuer;
    config.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, args.port));
    let running = start(config)?;

    for user in &users {
        let var = user.username.to_ascii_uppercase();
        println!("export TESTBED_{var}_USERNAME={}", user.username);
        println!("export TESTBED_{var}_PASSWORD={}", user.password);
    }
    // The signing key, so the probe can mint validly signed tokens with bad claims
    // (a PEM spans lines: single-quoted for `eval`).
    println!("export TESTBED_SIGNING_KEY='{}'", running.signing_key());
    println!("# listening on {}", running.base_url());

    loop {
        std::thread::park();
    }
}

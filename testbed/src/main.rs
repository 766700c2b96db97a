//! `authgate-testbed`: runs the test service, the OAuth authorization server
//! (`--as`) or the OpenID Connect relying party (`--rp`) on 127.0.0.1 until killed.

use std::collections::BTreeSet;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use anyhow::{anyhow, bail, Context};
use authgate_testbed::{
    start, start_as, start_rp, AsConfig, AsFlaw, Config, Flaw, Mode, OauthClient, Rejection,
    RpConfig, RpFlaw, UserSpec,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};

const USAGE: &str = "\
usage: authgate-testbed [--mode hardened|vulnerable] [--flaw NAME]... \
[--rejection 401|403|422|200|302] [--port N] [--reset-dir DIR] [--trust-issuer URL]
       authgate-testbed --as [--as-flaw NAME]... [--port N] [--redirect-uri URI]... [--issuer URL]
       authgate-testbed --rp --provider URL --client-id ID --client-secret-env VAR \
[--rp-flaw NAME]... [--port N]

Serves the authgate test service on 127.0.0.1 until killed. Prints the
generated passwords as shell `export` lines, then `# listening on URL`.
--flaw implies --mode vulnerable unless --mode is given; --flaw list prints the names.
--trust-issuer also accepts access tokens whose iss is URL (an http:// issuer with
OIDC discovery and a JWKS), verified with the issuer's key under the usual rules.

--as serves an OAuth 2.0 authorization server / OpenID provider instead (discovery
at /.well-known/openid-configuration). Users alice and bob get random passwords;
client `app` (confidential, random secret) and client `spa` (public, PKCE) are
registered with the redirect URIs given by --redirect-uri (default
http://127.0.0.1:8400/callback, what `--rp --port 8400` uses) and, for logout,
each redirect URI's origin followed by `/`. Passwords, client ids and the secret are
printed as `export` lines. --issuer sets the issuer identifier (default: the base URL).
--as-flaw list prints the flaw names.

--rp serves an OpenID Connect relying party signing users in through the provider
at URL (an http:// issuer; discovery is fetched on the first /login) as client ID,
with the client secret read from the environment variable VAR. Its redirect URI is
http://127.0.0.1:PORT/callback. --rp-flaw list prints the flaw names.";

struct Args {
    mode: Option<Mode>,
    flaws: BTreeSet<Flaw>,
    rejection: Rejection,
    port: u16,
    reset_dir: Option<PathBuf>,
    trust_issuer: Option<String>,
}

enum Command {
    Service(Args),
    As(AsArgs),
    Rp(RpArgs),
}

struct AsArgs {
    flaws: BTreeSet<AsFlaw>,
    port: u16,
    redirect_uris: Vec<String>,
    issuer: Option<String>,
}

struct RpArgs {
    flaws: BTreeSet<RpFlaw>,
    port: u16,
    provider: Option<String>,
    client_id: Option<String>,
    secret_env: Option<String>,
}

/// Splits `--flag=value` and reads a flag's value from the next argument otherwise.
struct ArgIter {
    it: std::vec::IntoIter<String>,
}

impl ArgIter {
    fn next_flag(&mut self) -> Option<(String, Option<String>)> {
        let arg = self.it.next()?;
        Some(match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg, None),
        })
    }

    fn value(&mut self, flag: &str, inline: Option<String>) -> anyhow::Result<String> {
        inline
            .or_else(|| self.it.next())
            .ok_or_else(|| anyhow!("{flag} needs a value"))
    }
}

fn parse_port(v: &str) -> anyhow::Result<u16> {
    v.parse().with_context(|| format!("bad port {v:?}"))
}

fn parse_command() -> anyhow::Result<Option<Command>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") {
        println!("{USAGE}");
        return Ok(None);
    }
    // `--as-flaw`/`--rp-flaw` (e.g. `--rp-flaw list`) imply their mode.
    let is_as = args
        .iter()
        .any(|a| a == "--as" || a.starts_with("--as-flaw"));
    let is_rp = args
        .iter()
        .any(|a| a == "--rp" || a.starts_with("--rp-flaw"));
    if is_as && is_rp {
        bail!("--as and --rp exclude each other");
    }
    let mut it = ArgIter {
        it: args.into_iter(),
    };
    if is_as {
        let mut a = AsArgs {
            flaws: BTreeSet::new(),
            port: 0,
            redirect_uris: Vec::new(),
            issuer: None,
        };
        while let Some((flag, inline)) = it.next_flag() {
            match flag.as_str() {
                "--as" => {}
                "--as-flaw" => {
                    let name = it.value(&flag, inline)?;
                    if name == "list" {
                        for f in AsFlaw::ALL {
                            println!("{}", f.name());
                        }
                        return Ok(None);
                    }
                    a.flaws.insert(AsFlaw::from_name(&name).ok_or_else(|| {
                        anyhow!("unknown flaw {name:?}; `--as-flaw list` prints the names")
                    })?);
                }
                "--port" => a.port = parse_port(&it.value(&flag, inline)?)?,
                "--redirect-uri" => a.redirect_uris.push(it.value(&flag, inline)?),
                "--issuer" => a.issuer = Some(it.value(&flag, inline)?),
                other => bail!("unknown argument {other:?} for --as\n\n{USAGE}"),
            }
        }
        return Ok(Some(Command::As(a)));
    }
    if is_rp {
        let mut a = RpArgs {
            flaws: BTreeSet::new(),
            port: 0,
            provider: None,
            client_id: None,
            secret_env: None,
        };
        while let Some((flag, inline)) = it.next_flag() {
            match flag.as_str() {
                "--rp" => {}
                "--rp-flaw" => {
                    let name = it.value(&flag, inline)?;
                    if name == "list" {
                        for f in RpFlaw::ALL {
                            println!("{}", f.name());
                        }
                        return Ok(None);
                    }
                    a.flaws.insert(RpFlaw::from_name(&name).ok_or_else(|| {
                        anyhow!("unknown flaw {name:?}; `--rp-flaw list` prints the names")
                    })?);
                }
                "--port" => a.port = parse_port(&it.value(&flag, inline)?)?,
                "--provider" => a.provider = Some(it.value(&flag, inline)?),
                "--client-id" => a.client_id = Some(it.value(&flag, inline)?),
                "--client-secret-env" => a.secret_env = Some(it.value(&flag, inline)?),
                other => bail!("unknown argument {other:?} for --rp\n\n{USAGE}"),
            }
        }
        return Ok(Some(Command::Rp(a)));
    }
    Ok(parse_args()?.map(Command::Service))
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
    let args = match parse_command()? {
        None => return Ok(()),
        Some(Command::As(a)) => return run_as(a),
        Some(Command::Rp(a)) => return run_rp(a),
        Some(Command::Service(args)) => args,
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

    print_user_exports(&users);
    // The signing key, so the probe can mint validly signed tokens with bad claims
    // (a PEM spans lines: single-quoted for `eval`).
    println!("export TESTBED_SIGNING_KEY='{}'", running.signing_key());
    println!("# listening on {}", running.base_url());

    loop {
        std::thread::park();
    }
}

fn print_user_exports(users: &[UserSpec]) {
    for user in users {
        let var = user.username.to_ascii_uppercase();
        println!("export TESTBED_{var}_USERNAME={}", user.username);
        println!("export TESTBED_{var}_PASSWORD={}", user.password);
    }
}

/// The origin of an absolute URI followed by `/`, e.g. `http://127.0.0.1:8400/`.
fn origin_slash(uri: &str) -> anyhow::Result<String> {
    let rest = uri
        .split_once("://")
        .map(|(scheme, rest)| (scheme, rest.split('/').next().unwrap_or(rest)))
        .filter(|(scheme, host)| !scheme.is_empty() && !host.is_empty());
    match rest {
        Some((scheme, host)) => Ok(format!("{scheme}://{host}/")),
        None => bail!("--redirect-uri {uri:?} is not an absolute URI"),
    }
}

fn run_as(a: AsArgs) -> anyhow::Result<()> {
    let users: Vec<UserSpec> = [("alice", "read write admin"), ("bob", "read")]
        .into_iter()
        .map(|(name, scope)| UserSpec {
            username: name.to_string(),
            password: random_password(),
            scope: scope.to_string(),
        })
        .collect();
    let redirect_uris = if a.redirect_uris.is_empty() {
        vec!["http://127.0.0.1:8400/callback".to_string()]
    } else {
        a.redirect_uris
    };
    let mut logout_uris = Vec::new();
    for uri in &redirect_uris {
        let o = origin_slash(uri)?;
        if !logout_uris.contains(&o) {
            logout_uris.push(o);
        }
    }
    let app_secret = random_password();
    let clients = vec![
        OauthClient {
            client_id: "app".to_string(),
            secret: Some(app_secret.clone()),
            redirect_uris: redirect_uris.clone(),
            post_logout_redirect_uris: logout_uris.clone(),
        },
        OauthClient {
            client_id: "spa".to_string(),
            secret: None,
            redirect_uris: redirect_uris.clone(),
            post_logout_redirect_uris: logout_uris,
        },
    ];
    let mut config = AsConfig::new(users.clone(), clients);
    config.flaws = a.flaws;
    config.issuer_override = a.issuer;
    config.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, a.port));
    let running = start_as(config)?;

    print_user_exports(&users);
    println!("export TESTBED_AS_ISSUER={}", running.issuer());
    println!("export TESTBED_APP_CLIENT_ID=app");
    println!("export TESTBED_APP_CLIENT_SECRET={app_secret}");
    println!("export TESTBED_SPA_CLIENT_ID=spa");
    println!("export TESTBED_REDIRECT_URI={}", redirect_uris[0]);
    println!("export TESTBED_SIGNING_KEY='{}'", running.signing_key());
    for uri in &redirect_uris {
        println!("# redirect URI of app and spa: {uri}");
    }
    println!("# listening on {}", running.base_url());
    loop {
        std::thread::park();
    }
}

fn run_rp(a: RpArgs) -> anyhow::Result<()> {
    let provider = a
        .provider
        .ok_or_else(|| anyhow!("--rp needs --provider URL"))?;
    let client_id = a
        .client_id
        .ok_or_else(|| anyhow!("--rp needs --client-id ID"))?;
    let var = a
        .secret_env
        .ok_or_else(|| anyhow!("--rp needs --client-secret-env VAR"))?;
    let secret = std::env::var(&var).with_context(|| {
        format!("reading the client secret from the environment variable {var}")
    })?;
    let mut config = RpConfig::new(&provider, &client_id, &secret);
    config.flaws = a.flaws;
    config.bind = SocketAddr::from((Ipv4Addr::LOCALHOST, a.port));
    let running = start_rp(config)?;
    println!("export TESTBED_RP_URL={}", running.base_url());
    println!("# redirect URI: {}/callback", running.base_url());
    println!("# listening on {}", running.base_url());
    loop {
        std::thread::park();
    }
}

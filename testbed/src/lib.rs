//! A deliberately configurable HTTP authentication service used by the
//! integration tests of `authgate probe`.
//!
//! One server, two modes:
//!
//! * [`Mode::Hardened`] verifies access tokens only through `jsonwebtoken`
//!   with a strict [`jsonwebtoken::Validation`] plus explicit `typ`, `kid`,
//!   `token_use` and revocation checks. No flaw may be enabled.
//! * [`Mode::Vulnerable`] uses a hand-written verifier with one switch per
//!   [`Flaw`]. With every flaw off it accepts and rejects exactly what the
//!   hardened mode does; each flaw opens exactly the hole it names.
//!
//! The server only ever listens on a loopback address.
//!
//! With [`Config::trusted_issuer`] set, access tokens whose (unverified)
//! `iss` is that issuer are verified, in either mode, with the issuer's key:
//! its OIDC discovery document names a JWKS on the same origin, and the
//! token's kid picks the key. Every other rule applies as to the service's
//! own tokens.

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{bail, Context};

mod app;
mod issuer;
mod tokens;

/// The `iss` claim of every token the service issues and accepts.
const ISSUER: &str = "http://testbed.authgate.test";
/// The `aud` claim of every token the service issues and accepts.
const AUDIENCE: &str = "authgate-testbed-api";

/// How the service verifies credentials.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Done right with audited libraries; no flaw may be set.
    Hardened,
    /// Hand-written verification with one switch per [`Flaw`].
    Vulnerable,
}

/// How an authentication or authorization failure on a protected endpoint is answered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rejection {
    /// 401 with `WWW-Authenticate: Bearer error="invalid_token"` and `{"error":"unauthorized"}`.
    Unauthorized401,
    /// 403 with `{"error":"forbidden"}`.
    Forbidden403,
    /// 422 with a FastAPI-style `{"detail":[...]}` body.
    Unprocessable422,
    /// 200 with `{"ok":false,"error":"unauthorized"}`.
    Ok200Error,
    /// 302 to `/login?next=<path>` with an empty body.
    RedirectLogin,
}

macro_rules! flaws {
    ($($(#[$doc:meta])* $variant:ident => $name:literal,)*) => {
        /// One deliberate weakness of [`Mode::Vulnerable`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Flaw {
            $($(#[$doc])* $variant,)*
        }

        impl Flaw {
            /// Every flaw, in declaration order.
            pub const ALL: &'static [Flaw] = &[$(Flaw::$variant,)*];

            /// The kebab-case name used on the command line.
            pub fn name(self) -> &'static str {
                match self {
                    $(Flaw::$variant => $name,)*
                }
            }

            /// The flaw with that kebab-case name.
            pub fn from_name(name: &str) -> Option<Flaw> {
                Flaw::ALL.iter().copied().find(|f| f.name() == name)
            }
        }
    };
}

flaws! {
    /// POST /api/notes succeeds with no credential at all.
    WriteUnauthenticated => "write-unauthenticated",
    /// The token is the last word of the last Authorization header, whatever the scheme.
    LaxAuthHeader => "lax-auth-header",
    /// `?access_token=` is accepted when there is no Authorization header.
    TokenInQuery => "token-in-query",
    /// `alg: none` (any case) with an empty signature is accepted.
    AlgNone => "alg-none",
    /// An empty signature segment is accepted when alg is the server's alg.
    SigStrip => "sig-strip",
    /// A non-empty signature is never verified.
    SigUnchecked => "sig-unchecked",
    /// Everything is HS256-signed with the secret `secret`.
    HmacWeak => "hmac-weak",
    /// HS256 tokens are verified with the server public key's PEM text as HMAC key.
    AlgConfusion => "alg-confusion",
    /// A `jwk` header is used as the verification key.
    JwkEmbed => "jwk-embed",
    /// A `jku` header URL is fetched and its key trusted; an `x5u` URL is fetched.
    Jku => "jku",
    /// An unknown kid of an HS256 token names a key file, joined without sanitising.
    KidPath => "kid-path",
    /// An unknown kid falls back to the server key.
    KidFallback => "kid-fallback",
    /// `exp` is not checked.
    ExpIgnored => "exp-ignored",
    /// `nbf` is not checked.
    NbfIgnored => "nbf-ignored",
    /// `aud` is not checked.
    AudIgnored => "aud-ignored",
    /// `iss` is not checked.
    IssIgnored => "iss-ignored",
    /// Neither the `typ` header nor the `token_use` claim is checked.
    TypUnchecked => "typ-unchecked",
    /// Access tokens live 30 days.
    LongTtl => "long-ttl",
    /// Access tokens carry `email` and `password_hash`.
    SensitiveClaims => "sensitive-claims",
    /// GET /api/admin accepts any valid token.
    NoAuthz => "no-authz",
    /// Logout answers success but revokes nothing.
    LogoutNoop => "logout-noop",
    /// POST /api/password revokes nothing.
    PasswordChangeKeepsSessions => "password-change-keeps-sessions",
    /// /api/refresh returns the same refresh token, which stays valid.
    RtNoRotation => "rt-no-rotation",
    /// /api/refresh returns a new refresh token but the old one stays valid.
    RtReuse => "rt-reuse",
    /// Reuse of a used refresh token does not revoke its family.
    RtNoFamilyRevoke => "rt-no-family-revoke",
    /// Refresh redemption is check-sleep-mark without a lock.
    RtRace => "rt-race",
    /// A password-reset token still works after it was used.
    ResetReusable => "reset-reusable",
    /// Failed logins tell unknown users from wrong passwords.
    UserEnumeration => "user-enumeration",
    /// No lockout after repeated failed logins.
    NoThrottling => "no-throttling",
    /// The failed-login body echoes the submitted password.
    PasswordEcho => "password-echo",
    /// Malformed tokens and login bodies get a fake panic trace.
    VerboseErrors => "verbose-errors",
    /// Form login keeps the pre-login session id.
    SessionFixation => "session-fixation",
    /// The session cookie lacks `HttpOnly`.
    CookieNoHttponly => "cookie-no-httponly",
    /// The session cookie lacks `Secure`.
    CookieNoSecure => "cookie-no-secure",
    /// The session cookie lacks `SameSite`.
    CookieNoSamesite => "cookie-no-samesite",
    /// The session cookie is named `sid` instead of `__Host-sid`.
    CookieNoHostPrefix => "cookie-no-host-prefix",
    /// POST /account/email does not check the CSRF token.
    NoCsrf => "no-csrf",
}

/// One account of the service.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UserSpec {
    pub username: String,
    pub password: String,
    /// Space-separated scopes, e.g. `"read write admin"`.
    pub scope: String,
}

/// Everything [`start`] needs.
#[derive(Clone, Debug)]
pub struct Config {
    pub mode: Mode,
    pub flaws: BTreeSet<Flaw>,
    pub rejection: Rejection,
    pub users: Vec<UserSpec>,
    /// Where password-reset tokens are written: <dir>/<username>.token (overwritten each request). None: reset endpoints answer 404.
    pub reset_token_dir: Option<PathBuf>,
    /// Must be a loopback address; tests use 127.0.0.1:0.
    pub bind: SocketAddr,
    /// An `http://` issuer URL whose ES256 access tokens are accepted too:
    /// a token whose `iss` is exactly this string is verified with the key
    /// its kid names in the JWKS that `<url>/.well-known/openid-configuration`
    /// points to (fetched with a 2 s timeout, at most 64 KiB, cached, fetched
    /// again for an unknown kid). None: only the service's own tokens.
    pub trusted_issuer: Option<String>,
}

impl Config {
    /// No flaws, 401 rejections, no reset directory, no trusted issuer, bound to 127.0.0.1 on a free port.
    pub fn new(mode: Mode, users: Vec<UserSpec>) -> Config {
        Config {
            mode,
            flaws: BTreeSet::new(),
            rejection: Rejection::Unauthorized401,
            users,
            reset_token_dir: None,
            bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            trusted_issuer: None,
        }
    }
}

/// A listening service; dropping it (or [`Running::stop`]) shuts it down.
pub struct Running {
    addr: SocketAddr,
    signing_key: String,
    shutdown: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Running {
    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The key the service signs access tokens with, for the probe's minting of validly signed bad-claim tokens:
    /// the ES256 private key as PKCS#8 PEM, or under Flaw::HmacWeak the HMAC secret text.
    pub fn signing_key(&self) -> String {
        self.signing_key.clone()
    }

    /// The `iss` of issued tokens.
    pub fn issuer(&self) -> &str {
        ISSUER
    }

    /// The `aud` of issued tokens.
    pub fn audience(&self) -> &str {
        AUDIENCE
    }

    /// Graceful shutdown; returns once the server thread has ended.
    pub fn stop(self) {
        drop(self);
    }

    fn shutdown_now(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.shutdown_now();
    }
}

impl std::fmt::Debug for Running {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Running")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

/// How long in-flight requests may take to finish after shutdown was asked for.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(3);

/// Binds, spawns a thread with its own tokio runtime serving the service, and returns once listening.
pub fn start(config: Config) -> anyhow::Result<Running> {
    if config.mode == Mode::Hardened && !config.flaws.is_empty() {
        let names: Vec<&str> = config.flaws.iter().map(|f| f.name()).collect();
        bail!(
            "hardened mode takes no flaws (got: {}); use Mode::Vulnerable",
            names.join(", ")
        );
    }
    if !config.bind.ip().is_loopback() {
        bail!(
            "refusing to bind {}: the testbed only listens on loopback addresses",
            config.bind
        );
    }
    let mut seen = BTreeSet::new();
    for user in &config.users {
        if user.username.is_empty() || !seen.insert(user.username.as_str()) {
            bail!("usernames must be non-empty and distinct");
        }
    }

    let shared = Arc::new(app::Shared::new(&config)?);
    let signing_key = shared.keys.signing_key_text();

    let listener = std::net::TcpListener::bind(config.bind)
        .with_context(|| format!("binding {}", config.bind))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("authgate-testbed")
        .enable_all()
        .build()
        .context("building the tokio runtime")?;
    let (tx, rx) = tokio::sync::oneshot::channel::<()>();
    let (ready_tx, ready_rx) = std::sync::mpsc::channel::<anyhow::Result<()>>();

    let thread = std::thread::Builder::new()
        .name(format!("authgate-testbed-{}", addr.port()))
        .spawn(move || {
            runtime.block_on(async move {
                let listener = match tokio::net::TcpListener::from_std(listener) {
                    Ok(l) => l,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e.into()));
                        return;
                    }
                };
                let _ = ready_tx.send(Ok(()));
                let stop = Arc::new(tokio::sync::Notify::new());
                let stop_signal = stop.clone();
                let server =
                    axum::serve(listener, app::router(shared)).with_graceful_shutdown(async move {
                        let _ = rx.await;
                        stop_signal.notify_one();
                    });
                tokio::select! {
                    _ = server => {}
                    _ = async {
                        stop.notified().await;
                        tokio::time::sleep(SHUTDOWN_GRACE).await;
                    } => {}
                }
            });
            runtime.shutdown_timeout(Duration::from_secs(1));
        })
        .context("spawning the server thread")?;

    match ready_rx.recv() {
        Ok(Ok(())) => {}
        Ok(Err(e)) => {
            let _ = thread.join();
            return Err(e.context("starting the listener"));
        }
        Err(_) => {
            let _ = thread.join();
            bail!("the server thread ended before listening");
        }
    }

    Ok(Running {
        addr,
        signing_key,
        shutdown: Some(tx),
        thread: Some(thread),
    })
}

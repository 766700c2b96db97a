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
//!
//! Two more servers test OAuth 2.0 / OpenID Connect probes, each with one
//! switch per flaw and correct (RFC 6749, RFC 7636, RFC 9700, RFC 9207,
//! OpenID Connect Core) with none set:
//!
//! * [`start_as`]: an authorization server and OpenID provider (code flow,
//!   PKCE, refresh rotation, UserInfo, RP-initiated logout), flaws [`AsFlaw`].
//! * [`start_rp`]: a relying party that signs users in through an external
//!   provider, flaws [`RpFlaw`].

use std::collections::BTreeSet;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use anyhow::{bail, Context};

mod app;
mod issuer;
mod oauth_as;
mod oauth_rp;
mod tokens;
mod web;

pub use oauth_as::start_as;
pub use oauth_rp::start_rp;

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
    ($(#[$tdoc:meta])* $ty:ident { $($(#[$doc:meta])* $variant:ident => $name:literal,)* }) => {
        $(#[$tdoc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $ty {
            $($(#[$doc])* $variant,)*
        }

        impl $ty {
            /// Every flaw, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant,)*];

            /// The kebab-case name used on the command line.
            pub fn name(self) -> &'static str {
                match self {
                    $($ty::$variant => $name,)*
                }
            }

            /// The flaw with that kebab-case name.
            pub fn from_name(name: &str) -> Option<$ty> {
                $ty::ALL.iter().copied().find(|f| f.name() == name)
            }
        }
    };
}

flaws! {
    /// One deliberate weakness of [`Mode::Vulnerable`].
    Flaw {
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
}

flaws! {
    /// One deliberate weakness of the OAuth 2.0 / OpenID Connect authorization
    /// server ([`start_as`]). With none set it follows RFC 6749, RFC 7636,
    /// RFC 9700, RFC 9207 and OpenID Connect Core.
    AsFlaw {
    /// /authorize accepts a redirect_uri that starts with a registered one.
    RedirectPrefix => "redirect-prefix",
    /// /authorize compares only scheme, host and port of the redirect_uri.
    RedirectAnyPath => "redirect-any-path",
    /// /token does not compare redirect_uri with the authorization request's.
    TokenRedirectUnchecked => "token-redirect-unchecked",
    /// An unregistered redirect_uri gets a 302 to it with error=invalid_request.
    ErrorOpenRedirect => "error-open-redirect",
    /// /logout follows any post_logout_redirect_uri.
    LogoutOpenRedirect => "logout-open-redirect",
    /// Public clients may omit code_challenge.
    PkceOptional => "pkce-optional",
    /// code_challenge_method plain (and an absent method) is accepted.
    PkcePlain => "pkce-plain",
    /// A code_verifier sent for a code without challenge is ignored.
    PkceDowngrade => "pkce-downgrade",
    /// With a challenge, a missing, malformed or wrong code_verifier is accepted.
    PkceVerifierUnchecked => "pkce-verifier-unchecked",
    /// A code can be redeemed again, and nothing is revoked.
    CodeReusable => "code-reusable",
    /// A second redemption fails but the tokens of the first stay valid.
    CodeReplayNoRevoke => "code-replay-no-revoke",
    /// A code issued to one client can be redeemed by another.
    CodeClientUnbound => "code-client-unbound",
    /// The authorization response omits `state`.
    StateDropped => "state-dropped",
    /// The authorization response omits `iss`.
    IssParamMissing => "iss-param-missing",
    /// One client's refresh token works for another client.
    RtClientUnbound => "rt-client-unbound",
    /// A refresh may ask for scopes beyond the original grant and gets them.
    RtScopeUpscale => "rt-scope-upscale",
    /// /userinfo accepts an ID token as access token.
    IdTokenAsAccess => "id-token-as-access",
    /// Access tokens live 30 days.
    LongLivedTokens => "long-lived-tokens",
    }
}

flaws! {
    /// One deliberate weakness of the OpenID Connect relying party
    /// ([`start_rp`]). With none set it follows OpenID Connect Core, RFC 6749,
    /// RFC 7636, RFC 9207 and RFC 9700.
    RpFlaw {
    /// `state` is not compared (missing or different state accepted).
    StateUnchecked => "rp-state-unchecked",
    /// The `iss` authorization-response parameter is neither required nor compared.
    IssParamUnchecked => "rp-iss-param-unchecked",
    /// An ID token with alg `none` (any case) and an empty signature is accepted.
    AlgNone => "rp-alg-none",
    /// The ID token signature is not verified (alg must still be ES256).
    SigUnchecked => "rp-sig-unchecked",
    /// The ID token's `aud` (and `azp`) is not checked.
    AudUnchecked => "rp-aud-unchecked",
    /// The ID token's `iss` is not checked.
    IssUnchecked => "rp-iss-unchecked",
    /// The ID token's `nonce` is not checked.
    NonceUnchecked => "rp-nonce-unchecked",
    /// The ID token's `exp` is not checked.
    ExpUnchecked => "rp-exp-unchecked",
    }
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

/// A client registered at the authorization server.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OauthClient {
    pub client_id: String,
    /// None: a public client (no client authentication, PKCE required).
    pub secret: Option<String>,
    /// Absolute URIs without fragment, compared as exact strings.
    pub redirect_uris: Vec<String>,
    /// Where /logout may send the user back to, compared as exact strings.
    pub post_logout_redirect_uris: Vec<String>,
}

/// Everything [`start_as`] needs.
#[derive(Clone, Debug)]
pub struct AsConfig {
    pub flaws: BTreeSet<AsFlaw>,
    /// The accounts; `scope` lists what each may be granted beyond `openid profile`.
    pub users: Vec<UserSpec>,
    pub clients: Vec<OauthClient>,
    /// Must be a loopback address; tests use 127.0.0.1:0.
    pub bind: SocketAddr,
    /// The issuer identifier; None: the base URL (`http://127.0.0.1:PORT`).
    /// The endpoints stay on the base URL either way.
    pub issuer_override: Option<String>,
}

impl AsConfig {
    /// No flaws, bound to 127.0.0.1 on a free port, issuer = base URL.
    pub fn new(users: Vec<UserSpec>, clients: Vec<OauthClient>) -> AsConfig {
        AsConfig {
            flaws: BTreeSet::new(),
            users,
            clients,
            bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
            issuer_override: None,
        }
    }
}

/// Everything [`start_rp`] needs.
#[derive(Clone, Debug)]
pub struct RpConfig {
    pub flaws: BTreeSet<RpFlaw>,
    /// The issuer URL of the OpenID provider, an `http://` URL; its discovery
    /// document is fetched on the first /login.
    pub provider: String,
    pub client_id: String,
    /// Sent with `client_secret_basic`.
    pub client_secret: String,
    /// Must be a loopback address; tests use 127.0.0.1:0.
    pub bind: SocketAddr,
}

impl RpConfig {
    /// No flaws, bound to 127.0.0.1 on a free port.
    pub fn new(provider: &str, client_id: &str, client_secret: &str) -> RpConfig {
        RpConfig {
            flaws: BTreeSet::new(),
            provider: provider.to_string(),
            client_id: client_id.to_string(),
            client_secret: client_secret.to_string(),
            bind: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
        }
    }
}

/// A listening service; dropping it (or [`Running::stop`]) shuts it down.
pub struct Running {
    addr: SocketAddr,
    signing_key: String,
    issuer: String,
    audience: String,
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
    /// The authorization server: its ES256 key (access and ID tokens). The relying party: empty.
    pub fn signing_key(&self) -> String {
        self.signing_key.clone()
    }

    /// The `iss` of issued tokens. The relying party: the provider it trusts.
    pub fn issuer(&self) -> &str {
        &self.issuer
    }

    /// The `aud` of issued access tokens (the authorization server: the
    /// issuer followed by `/userinfo`). The relying party: its client_id,
    /// the `aud` its ID tokens must name.
    pub fn audience(&self) -> &str {
        &self.audience
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
    check_loopback(config.bind)?;
    check_usernames(&config.users)?;

    let shared = Arc::new(app::Shared::new(&config)?);
    let signing_key = shared.keys.signing_key_text();
    let (listener, addr) = bind_loopback(config.bind)?;
    serve(
        listener,
        addr,
        app::router(shared),
        Served {
            signing_key,
            issuer: ISSUER.to_string(),
            audience: AUDIENCE.to_string(),
        },
    )
}

pub(crate) fn check_loopback(bind: SocketAddr) -> anyhow::Result<()> {
    if !bind.ip().is_loopback() {
        bail!("refusing to bind {bind}: the testbed only listens on loopback addresses");
    }
    Ok(())
}

pub(crate) fn check_usernames(users: &[UserSpec]) -> anyhow::Result<()> {
    let mut seen = BTreeSet::new();
    for user in users {
        if user.username.is_empty() || !seen.insert(user.username.as_str()) {
            bail!("usernames must be non-empty and distinct");
        }
    }
    Ok(())
}

/// Binds a loopback address (non-blocking, for tokio).
pub(crate) fn bind_loopback(
    bind: SocketAddr,
) -> anyhow::Result<(std::net::TcpListener, SocketAddr)> {
    check_loopback(bind)?;
    let listener = std::net::TcpListener::bind(bind).with_context(|| format!("binding {bind}"))?;
    listener.set_nonblocking(true)?;
    let addr = listener.local_addr()?;
    Ok((listener, addr))
}

/// What [`Running`] reports besides its address.
pub(crate) struct Served {
    pub signing_key: String,
    pub issuer: String,
    pub audience: String,
}

/// Spawns a thread with its own tokio runtime serving `router` on `listener`,
/// and returns once listening.
/// Installs ring as rustls' crypto provider, once per process. In the authgate
/// workspace reqwest is built with `rustls-no-provider` (features unify across the
/// workspace), so every reqwest client, the tests' included, needs it first.
pub fn install_crypto_provider() {
    let _ = rustls::crypto::ring::default_provider().install_default();
}

pub(crate) fn serve(
    listener: std::net::TcpListener,
    addr: SocketAddr,
    router: axum::Router,
    served: Served,
) -> anyhow::Result<Running> {
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
                let server = axum::serve(listener, router).with_graceful_shutdown(async move {
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
        signing_key: served.signing_key,
        issuer: served.issuer,
        audience: served.audience,
        shutdown: Some(tx),
        thread: Some(thread),
    })
}

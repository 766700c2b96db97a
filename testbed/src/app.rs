//! The HTTP service: state, routes and handlers.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use anyhow::Context;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Argon2, Params};
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand_core::{OsRng, RngCore};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Value};

use crate::issuer::TrustedIssuer;
use crate::tokens::{
    self, now_secs, KeySource, Keys, Policy, TokenInfo, VerifyError, ACCESS_TYP, EXPECT_ACCESS,
    EXPECT_REFRESH, REFRESH_TYP,
};
use crate::{Config, Flaw, Mode, Rejection, AUDIENCE, ISSUER};

/// Request bodies larger than this are refused with 413.
const BODY_LIMIT: usize = 64 * 1024;
const ACCESS_TTL: u64 = 900;
const LONG_ACCESS_TTL: u64 = 30 * 86_400;
const REFRESH_TTL: u64 = 86_400;
const RESET_TTL: Duration = Duration::from_secs(900);
const MAX_FAILED_LOGINS: u32 = 5;
const LOCKOUT: Duration = Duration::from_secs(60);
const RT_RACE_WINDOW: Duration = Duration::from_millis(100);
/// Timeout of every outbound fetch (`jku`/`x5u`, the trusted issuer's discovery and JWKS).
const FETCH_TIMEOUT: Duration = Duration::from_secs(2);

/// The fake panic trace `verbose-errors` leaks for malformed tokens.
const TOKEN_PANIC_TRACE: &str = "thread 'tokio-runtime-worker' panicked at src/auth/verify.rs:88:14:\ncalled `Result::unwrap()` on an `Err` value: InvalidToken";

/// Argon2id with low cost so debug-build tests stay fast.
pub(crate) fn argon2() -> anyhow::Result<Argon2<'static>> {
    let params =
        Params::new(4096, 1, 1, None).map_err(|e| anyhow::anyhow!("argon2 parameters: {e}"))?;
    Ok(Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        params,
    ))
}

pub(crate) fn hash_password_blocking(
    argon: &Argon2<'static>,
    password: &str,
) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut OsRng);
    argon
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| anyhow::anyhow!("hashing a password: {e}"))
}

pub(crate) fn random_id(bytes: usize) -> String {
    let mut buf = vec![0u8; bytes];
    OsRng.fill_bytes(&mut buf);
    URL_SAFE_NO_PAD.encode(buf)
}

struct User {
    name: String,
    scope: String,
    hash: String,
    email: Option<String>,
    /// Access tokens with an `iat` before this (seconds) are revoked.
    cutoff: u64,
    /// jtis of access tokens issued since the last revoke-all.
    issued: HashSet<String>,
}

struct RefreshRecord {
    user: usize,
    fam: String,
    used: bool,
}

struct Family {
    user: usize,
    revoked: bool,
}

struct Session {
    /// None: a pre-login session (GET /login).
    user: Option<usize>,
    csrf: String,
}

#[derive(Default)]
struct Throttle {
    fails: u32,
    locked_until: Option<Instant>,
}

struct ResetRecord {
    user: usize,
    used: bool,
    expires: Instant,
}

#[derive(Default)]
struct Store {
    users: Vec<User>,
    revoked_jti: HashSet<String>,
    /// access jti -> refresh family it was issued from.
    access_fam: HashMap<String, String>,
    refresh: HashMap<String, RefreshRecord>,
    families: HashMap<String, Family>,
    sessions: HashMap<String, Session>,
    throttle: HashMap<String, Throttle>,
    resets: HashMap<String, ResetRecord>,
    notes: Vec<(usize, String)>,
}

impl Store {
    fn user_index(&self, name: &str) -> Option<usize> {
        self.users.iter().position(|u| u.name == name)
    }

    /// Revokes every access token, refresh family and web session of a user.
    fn revoke_all(&mut self, idx: usize) {
        let user = &mut self.users[idx];
        user.cutoff = user.cutoff.max(now_secs());
        let issued: Vec<String> = user.issued.drain().collect();
        self.revoked_jti.extend(issued);
        for fam in self.families.values_mut() {
            if fam.user == idx {
                fam.revoked = true;
            }
        }
        self.sessions.retain(|_, s| s.user != Some(idx));
    }
}

/// Everything the handlers share.
pub(crate) struct Shared {
    mode: Mode,
    flaws: BTreeSet<Flaw>,
    rejection: Rejection,
    reset_dir: Option<PathBuf>,
    pub(crate) keys: Keys,
    access_policy: Policy,
    trusted: Option<TrustedIssuer>,
    http: reqwest::Client,
    argon: Argon2<'static>,
    dummy_hash: String,
    store: Mutex<Store>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum AuthError {
    /// No credential at all.
    Missing,
    /// A token with the wrong segment count, bad base64 or bad JSON.
    Malformed,
    /// Anything else that is not acceptable.
    Invalid,
}

impl From<VerifyError> for AuthError {
    fn from(e: VerifyError) -> Self {
        match e {
            VerifyError::Malformed => AuthError::Malformed,
            VerifyError::Invalid => AuthError::Invalid,
        }
    }
}

struct Principal {
    idx: usize,
    username: String,
    scope: String,
    jti: String,
}

struct WebSession {
    id: String,
    idx: usize,
    csrf: String,
}

impl Shared {
    pub(crate) fn new(config: &Config) -> anyhow::Result<Shared> {
        let has = |f: Flaw| config.mode == Mode::Vulnerable && config.flaws.contains(&f);
        let keys = Keys::generate(has(Flaw::HmacWeak))?;
        let argon = argon2()?;
        let mut users = Vec::with_capacity(config.users.len());
        for spec in &config.users {
            users.push(User {
                name: spec.username.clone(),
                scope: spec.scope.clone(),
                hash: hash_password_blocking(&argon, &spec.password)?,
                email: None,
                cutoff: 0,
                issued: HashSet::new(),
            });
        }
        let dummy_hash = hash_password_blocking(&argon, &random_id(18))?;
        if has(Flaw::KidPath) {
            // The directory must exist for `..` in a kid to resolve.
            let _ = std::fs::create_dir_all(tokens::kid_key_dir());
        }
        if let Some(dir) = &config.reset_token_dir {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("creating the reset-token directory {}", dir.display()))?;
        }
        // The workspace builds reqwest with rustls but no default crypto provider
        // (authgate installs ring); the testbed does the same before its client.
        crate::install_crypto_provider();
        let http = reqwest::Client::builder()
            .timeout(FETCH_TIMEOUT)
            .redirect(reqwest::redirect::Policy::none())
            .no_proxy()
            .build()
            .context("building the HTTP client")?;
        let flaws = if config.mode == Mode::Vulnerable {
            config.flaws.clone()
        } else {
            BTreeSet::new()
        };
        let access_policy = Policy::for_access(|f| flaws.contains(&f));
        let trusted = config
            .trusted_issuer
            .as_deref()
            .map(TrustedIssuer::new)
            .transpose()?;
        Ok(Shared {
            mode: config.mode,
            flaws,
            rejection: config.rejection,
            reset_dir: config.reset_token_dir.clone(),
            keys,
            access_policy,
            trusted,
            http,
            argon,
            dummy_hash,
            store: Mutex::new(Store {
                users,
                ..Store::default()
            }),
        })
    }

    fn has(&self, flaw: Flaw) -> bool {
        self.flaws.contains(&flaw)
    }

    fn lock(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    // ----- responses -------------------------------------------------------

    /// The configured answer to an authentication/authorization failure.
    fn reject(&self, path: &str, err: AuthError) -> Response {
        let trace = (err == AuthError::Malformed && self.has(Flaw::VerboseErrors))
            .then_some(TOKEN_PANIC_TRACE);
        let with_trace = |mut body: Value| {
            if let Some(t) = trace {
                body["detail"] = Value::from(t);
            }
            body
        };
        match self.rejection {
            Rejection::Unauthorized401 => {
                let mut r = json_response(
                    StatusCode::UNAUTHORIZED,
                    with_trace(json!({"error": "unauthorized"})),
                );
                r.headers_mut().insert(
                    header::WWW_AUTHENTICATE,
                    HeaderValue::from_static(r#"Bearer error="invalid_token""#),
                );
                r
            }
            Rejection::Forbidden403 => json_response(
                StatusCode::FORBIDDEN,
                with_trace(json!({"error": "forbidden"})),
            ),
            Rejection::Unprocessable422 => {
                let mut detail = vec![
                    json!({"loc": ["header", "authorization"], "msg": "credentials rejected"}),
                ];
                if let Some(t) = trace {
                    detail.push(json!({"loc": ["header", "authorization"], "msg": t}));
                }
                json_response(
                    StatusCode::UNPROCESSABLE_ENTITY,
                    json!({ "detail": detail }),
                )
            }
            Rejection::Ok200Error => match trace {
                // Keys in the documented order; serde_json would sort them.
                None => raw_json_response(StatusCode::OK, r#"{"ok":false,"error":"unauthorized"}"#),
                Some(_) => json_response(
                    StatusCode::OK,
                    with_trace(json!({"ok": false, "error": "unauthorized"})),
                ),
            },
            Rejection::RedirectLogin => {
                let mut r = match trace {
                    Some(t) => json_response(StatusCode::FOUND, json!({ "detail": t })),
                    None => StatusCode::FOUND.into_response(),
                };
                if let Ok(loc) = HeaderValue::from_str(&format!("/login?next={path}")) {
                    r.headers_mut().insert(header::LOCATION, loc);
                }
                r
            }
        }
    }

    fn login_failure(&self, known_user: bool, password: &str) -> Response {
        let (status, msg) = if self.has(Flaw::UserEnumeration) {
            if known_user {
                (StatusCode::UNAUTHORIZED, "wrong password")
            } else {
                (StatusCode::NOT_FOUND, "no such user")
            }
        } else {
            (StatusCode::UNAUTHORIZED, "invalid username or password")
        };
        let msg = if self.has(Flaw::PasswordEcho) {
            format!("{msg} (got password '{password}')")
        } else {
            msg.to_string()
        };
        json_response(status, json!({ "error": msg }))
    }

    // ----- bearer tokens ---------------------------------------------------

    fn extract_token(&self, headers: &HeaderMap, uri: &Uri) -> Result<String, AuthError> {
        let values: Vec<&HeaderValue> = headers.get_all(header::AUTHORIZATION).iter().collect();
        if self.has(Flaw::LaxAuthHeader) {
            if let Some(last) = values.last() {
                let text = last.to_str().map_err(|_| AuthError::Invalid)?;
                return text
                    .split_whitespace()
                    .last()
                    .map(str::to_string)
                    .ok_or(AuthError::Invalid);
            }
        } else {
            match values.as_slice() {
                [] => {}
                [one] => {
                    let text = one.to_str().map_err(|_| AuthError::Invalid)?;
                    let (scheme, token) = text.split_once(' ').ok_or(AuthError::Invalid)?;
                    if !scheme.eq_ignore_ascii_case("bearer")
                        || token.is_empty()
                        || token.chars().any(char::is_whitespace)
                    {
                        return Err(AuthError::Invalid);
                    }
                    return Ok(token.to_string());
                }
                _ => return Err(AuthError::Invalid),
            }
        }
        if self.has(Flaw::TokenInQuery) {
            if let Some(token) = uri.query().and_then(|q| {
                form_urlencoded::parse(q.as_bytes())
                    .find(|(k, _)| k == "access_token")
                    .map(|(_, v)| v.into_owned())
            }) {
                return Ok(token);
            }
        }
        Err(AuthError::Missing)
    }

    async fn verify(&self, token: &str, refresh: bool) -> Result<TokenInfo, AuthError> {
        let (expect, policy) = if refresh {
            (EXPECT_REFRESH, Policy::default())
        } else {
            (EXPECT_ACCESS, self.access_policy)
        };
        // Access tokens whose unverified iss is the trusted issuer take its key.
        let issuer = match &self.trusted {
            Some(t) if !refresh && tokens::unverified_iss(token).as_deref() == Some(t.url()) => {
                Some(t)
            }
            _ => None,
        };
        let claims = match (self.mode, issuer) {
            (Mode::Hardened, None) => self.keys.verify_hardened(token, expect)?,
            (Mode::Hardened, Some(issuer)) => {
                tokens::verify_hardened_issuer(token, expect, issuer, &self.http).await?
            }
            (Mode::Vulnerable, issuer) => {
                let source = issuer.map_or(KeySource::Own, KeySource::Issuer);
                self.keys
                    .verify_vulnerable(token, expect, policy, &self.http, source)
                    .await?
            }
        };
        Ok(TokenInfo::from_claims(&claims)?)
    }

    async fn authenticate(&self, headers: &HeaderMap, uri: &Uri) -> Result<Principal, AuthError> {
        let token = self.extract_token(headers, uri)?;
        let info = self.verify(&token, false).await?;
        let st = self.lock();
        let idx = st.user_index(&info.sub).ok_or(AuthError::Invalid)?;
        if st.revoked_jti.contains(&info.jti) || info.iat < st.users[idx].cutoff {
            return Err(AuthError::Invalid);
        }
        Ok(Principal {
            idx,
            username: st.users[idx].name.clone(),
            scope: info.scope,
            jti: info.jti,
        })
    }

    fn access_ttl(&self) -> u64 {
        if self.has(Flaw::LongTtl) {
            LONG_ACCESS_TTL
        } else {
            ACCESS_TTL
        }
    }

    fn mint_access(&self, idx: usize, fam: &str) -> anyhow::Result<String> {
        let (name, scope, hash) = {
            let st = self.lock();
            let u = &st.users[idx];
            (u.name.clone(), u.scope.clone(), u.hash.clone())
        };
        let iat = now_secs();
        let jti = random_id(16);
        let mut claims = json!({
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": name,
            "scope": scope,
            "iat": iat,
            "nbf": iat,
            "exp": iat + self.access_ttl(),
            "jti": jti,
            "token_use": "access",
        });
        if self.has(Flaw::SensitiveClaims) {
            claims["email"] = Value::from(format!("{name}@testbed.authgate.test"));
            claims["password_hash"] = Value::from(hash);
        }
        let token = self.keys.mint(ACCESS_TYP, &claims)?;
        let mut st = self.lock();
        st.users[idx].issued.insert(jti.clone());
        st.access_fam.insert(jti, fam.to_string());
        Ok(token)
    }

    fn mint_refresh(&self, idx: usize, fam: &str) -> anyhow::Result<String> {
        let name = self.lock().users[idx].name.clone();
        let iat = now_secs();
        let jti = random_id(16);
        let claims = json!({
            "iss": ISSUER,
            "aud": AUDIENCE,
            "sub": name,
            "iat": iat,
            "nbf": iat,
            "exp": iat + REFRESH_TTL,
            "jti": jti,
            "fam": fam,
            "token_use": "refresh",
        });
        let token = self.keys.mint(REFRESH_TYP, &claims)?;
        self.lock().refresh.insert(
            jti,
            RefreshRecord {
                user: idx,
                fam: fam.to_string(),
                used: false,
            },
        );
        Ok(token)
    }

    fn token_response(&self, access: String, refresh: String) -> Response {
        json_response(
            StatusCode::OK,
            json!({
                "access_token": access,
                "refresh_token": refresh,
                "token_type": "Bearer",
                "expires_in": self.access_ttl(),
            }),
        )
    }

    /// Is this refresh token redeemable? Reuse of a used one revokes its
    /// family unless `rt-no-family-revoke`.
    fn check_refresh(&self, st: &mut Store, jti: &str) -> Option<(usize, String)> {
        let rec = st.refresh.get(jti)?;
        let (idx, fam, used) = (rec.user, rec.fam.clone(), rec.used);
        let family = st.families.get_mut(&fam)?;
        if family.revoked {
            return None;
        }
        if used {
            if !self.has(Flaw::RtNoFamilyRevoke) {
                family.revoked = true;
            }
            return None;
        }
        Some((idx, fam))
    }

    fn marks_used(&self) -> bool {
        !self.has(Flaw::RtNoRotation) && !self.has(Flaw::RtReuse)
    }

    // ----- passwords -------------------------------------------------------

    async fn verify_password(&self, hash: String, password: &str) -> bool {
        let argon = self.argon.clone();
        let password = password.to_string();
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| argon.verify_password(password.as_bytes(), &parsed).is_ok())
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false)
    }

    async fn hash_password(&self, password: &str) -> anyhow::Result<String> {
        let argon = self.argon.clone();
        let password = password.to_string();
        tokio::task::spawn_blocking(move || hash_password_blocking(&argon, &password))
            .await
            .context("the hashing task failed")?
    }

    /// Username/password check shared by the API and the form login, with
    /// the lockout rules. Err is the response to send.
    async fn password_login(&self, username: &str, password: &str) -> Result<usize, Response> {
        let throttled = !self.has(Flaw::NoThrottling);
        if throttled {
            let mut st = self.lock();
            if let Some(t) = st.throttle.get_mut(username) {
                if let Some(until) = t.locked_until {
                    if Instant::now() < until {
                        return Err(too_many_attempts());
                    }
                    *t = Throttle::default();
                }
            }
        }
        let stored = {
            let st = self.lock();
            st.user_index(username)
                .map(|idx| (idx, st.users[idx].hash.clone()))
        };
        let ok_idx = match &stored {
            Some((idx, hash)) => self
                .verify_password(hash.clone(), password)
                .await
                .then_some(*idx),
            None => {
                if !self.has(Flaw::UserEnumeration) {
                    // Same cost as a real check, so timing does not tell.
                    let _ = self
                        .verify_password(self.dummy_hash.clone(), password)
                        .await;
                }
                None
            }
        };
        let mut st = self.lock();
        match ok_idx {
            Some(idx) => {
                if throttled {
                    st.throttle.remove(username);
                }
                Ok(idx)
            }
            None => {
                if throttled {
                    let t = st.throttle.entry(username.to_string()).or_default();
                    t.fails += 1;
                    if t.fails >= MAX_FAILED_LOGINS {
                        t.locked_until = Some(Instant::now() + LOCKOUT);
                    }
                }
                drop(st);
                Err(self.login_failure(stored.is_some(), password))
            }
        }
    }

    // ----- web sessions ----------------------------------------------------

    fn cookie_name(&self) -> &'static str {
        if self.has(Flaw::CookieNoHostPrefix) {
            "sid"
        } else {
            "__Host-sid"
        }
    }

    fn session_cookie(&self, id: &str, clear: bool) -> HeaderValue {
        let mut c = format!("{}={}; Path=/", self.cookie_name(), id);
        if !self.has(Flaw::CookieNoHttponly) {
            c.push_str("; HttpOnly");
        }
        if !self.has(Flaw::CookieNoSecure) {
            c.push_str("; Secure");
        }
        if !self.has(Flaw::CookieNoSamesite) {
            c.push_str("; SameSite=Lax");
        }
        if clear {
            c.push_str("; Max-Age=0");
        }
        HeaderValue::from_str(&c).unwrap_or_else(|_| HeaderValue::from_static("invalid=1"))
    }

    fn read_cookie(&self, headers: &HeaderMap) -> Option<String> {
        let name = self.cookie_name();
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.to_string())
    }

    fn web_session(&self, headers: &HeaderMap) -> Result<WebSession, AuthError> {
        let id = self.read_cookie(headers).ok_or(AuthError::Missing)?;
        let st = self.lock();
        match st.sessions.get(&id) {
            Some(Session {
                user: Some(idx),
                csrf,
            }) => Ok(WebSession {
                idx: *idx,
                csrf: csrf.clone(),
                id,
            }),
            _ => Err(AuthError::Invalid),
        }
    }
}

pub(crate) fn json_response(status: StatusCode, body: Value) -> Response {
    let mut r = (status, body.to_string()).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

fn raw_json_response(status: StatusCode, body: &'static str) -> Response {
    let mut r = (status, body).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    r
}

fn ok_true() -> Response {
    json_response(StatusCode::OK, json!({"ok": true}))
}

fn bad_request() -> Response {
    json_response(StatusCode::BAD_REQUEST, json!({"error": "bad request"}))
}

fn internal_error(e: &anyhow::Error) -> Response {
    json_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        json!({"error": format!("internal error: {e:#}")}),
    )
}

fn too_many_attempts() -> Response {
    let mut r = json_response(
        StatusCode::TOO_MANY_REQUESTS,
        json!({"error": "too many attempts"}),
    );
    r.headers_mut()
        .insert(header::RETRY_AFTER, HeaderValue::from_static("60"));
    r
}

fn parse_json<T: DeserializeOwned>(body: &[u8]) -> Option<T> {
    serde_json::from_slice(body).ok()
}

fn parse_form(body: &[u8]) -> HashMap<String, String> {
    form_urlencoded::parse(body).into_owned().collect()
}

fn csrf_header(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(HeaderName::from_static("x-csrf-token"))
        .and_then(|v| v.to_str().ok())
}

type AppState = State<Arc<Shared>>;

pub(crate) fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/.well-known/jwks.json", get(jwks))
        .route("/api/login", post(api_login))
        .route("/api/refresh", post(api_refresh))
        .route("/api/me", get(api_me))
        .route("/api/notes", post(api_notes))
        .route("/api/admin", get(api_admin))
        .route("/api/logout", post(api_logout))
        .route("/api/password", post(api_password))
        .route("/api/reset/request", post(reset_request))
        .route("/api/reset/confirm", post(reset_confirm))
        .route("/login", get(login_page).post(form_login))
        .route("/account", get(account))
        .route("/account/email", post(account_email))
        .route("/logout", post(web_logout))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

async fn jwks(State(s): AppState) -> Response {
    json_response(StatusCode::OK, s.keys.jwks())
}

#[derive(Deserialize)]
struct LoginRequest {
    username: String,
    password: String,
}

async fn api_login(State(s): AppState, body: Bytes) -> Response {
    let req: LoginRequest = match serde_json::from_slice(&body) {
        Ok(r) => r,
        Err(e) if s.has(Flaw::VerboseErrors) => {
            let trace = format!(
                "thread 'tokio-runtime-worker' panicked at src/api/login.rs:41:58:\ncalled `Result::unwrap()` on an `Err` value: {e:?}"
            );
            return json_response(
                StatusCode::BAD_REQUEST,
                json!({"error": "bad request", "detail": trace}),
            );
        }
        Err(_) => return bad_request(),
    };
    let idx = match s.password_login(&req.username, &req.password).await {
        Ok(idx) => idx,
        Err(r) => return r,
    };
    let fam = random_id(16);
    s.lock().families.insert(
        fam.clone(),
        Family {
            user: idx,
            revoked: false,
        },
    );
    let tokens = s
        .mint_access(idx, &fam)
        .and_then(|a| Ok((a, s.mint_refresh(idx, &fam)?)));
    match tokens {
        Ok((access, refresh)) => s.token_response(access, refresh),
        Err(e) => internal_error(&e),
    }
}

#[derive(Deserialize)]
struct RefreshRequest {
    refresh_token: String,
}

async fn api_refresh(State(s): AppState, body: Bytes) -> Response {
    const PATH: &str = "/api/refresh";
    let Some(req) = parse_json::<RefreshRequest>(&body) else {
        return bad_request();
    };
    let info = match s.verify(&req.refresh_token, true).await {
        Ok(info) => info,
        Err(e) => return s.reject(PATH, e),
    };
    let redeemed = if s.has(Flaw::RtRace) {
        // Check, sleep, mark: no lock across the window.
        let checked = {
            let mut st = s.lock();
            s.check_refresh(&mut st, &info.jti)
        };
        if checked.is_some() {
            tokio::time::sleep(RT_RACE_WINDOW).await;
            if s.marks_used() {
                if let Some(rec) = s.lock().refresh.get_mut(&info.jti) {
                    rec.used = true;
                }
            }
        }
        checked
    } else {
        let mut st = s.lock();
        let checked = s.check_refresh(&mut st, &info.jti);
        if checked.is_some() && s.marks_used() {
            if let Some(rec) = st.refresh.get_mut(&info.jti) {
                rec.used = true;
            }
        }
        checked
    };
    let Some((idx, fam)) = redeemed else {
        return s.reject(PATH, AuthError::Invalid);
    };
    if info.fam.as_deref().is_some_and(|f| f != fam) {
        return s.reject(PATH, AuthError::Invalid);
    }
    let access = match s.mint_access(idx, &fam) {
        Ok(a) => a,
        Err(e) => return internal_error(&e),
    };
    let refresh = if s.has(Flaw::RtNoRotation) {
        req.refresh_token
    } else {
        match s.mint_refresh(idx, &fam) {
            Ok(r) => r,
            Err(e) => return internal_error(&e),
        }
    };
    s.token_response(access, refresh)
}

async fn api_me(State(s): AppState, headers: HeaderMap, uri: Uri) -> Response {
    match s.authenticate(&headers, &uri).await {
        Ok(p) => json_response(
            StatusCode::OK,
            json!({"id": p.idx + 1, "username": p.username, "scope": p.scope}),
        ),
        Err(e) => s.reject("/api/me", e),
    }
}

#[derive(Deserialize)]
struct NoteRequest {
    text: String,
}

async fn api_notes(State(s): AppState, headers: HeaderMap, uri: Uri, body: Bytes) -> Response {
    let author = match s.authenticate(&headers, &uri).await {
        Ok(p) => Some(p.idx),
        Err(AuthError::Missing) if s.has(Flaw::WriteUnauthenticated) => None,
        Err(e) => return s.reject("/api/notes", e),
    };
    let Some(req) = parse_json::<NoteRequest>(&body) else {
        return bad_request();
    };
    let mut st = s.lock();
    st.notes.push((author.map_or(0, |i| i + 1), req.text));
    let id = st.notes.len();
    json_response(StatusCode::CREATED, json!({ "id": id }))
}

async fn api_admin(State(s): AppState, headers: HeaderMap, uri: Uri) -> Response {
    const PATH: &str = "/api/admin";
    let p = match s.authenticate(&headers, &uri).await {
        Ok(p) => p,
        Err(e) => return s.reject(PATH, e),
    };
    if !s.has(Flaw::NoAuthz) && !p.scope.split_whitespace().any(|w| w == "admin") {
        return s.reject(PATH, AuthError::Invalid);
    }
    let users: Vec<String> = s.lock().users.iter().map(|u| u.name.clone()).collect();
    json_response(StatusCode::OK, json!({ "users": users }))
}

async fn api_logout(State(s): AppState, headers: HeaderMap, uri: Uri) -> Response {
    let p = match s.authenticate(&headers, &uri).await {
        Ok(p) => p,
        Err(e) => return s.reject("/api/logout", e),
    };
    if !s.has(Flaw::LogoutNoop) {
        let mut st = s.lock();
        st.revoked_jti.insert(p.jti.clone());
        if let Some(fam) = st.access_fam.get(&p.jti).cloned() {
            if let Some(f) = st.families.get_mut(&fam) {
                f.revoked = true;
            }
        }
    }
    ok_true()
}

#[derive(Deserialize)]
struct PasswordRequest {
    old_password: String,
    new_password: String,
}

async fn api_password(State(s): AppState, headers: HeaderMap, uri: Uri, body: Bytes) -> Response {
    let p = match s.authenticate(&headers, &uri).await {
        Ok(p) => p,
        Err(e) => return s.reject("/api/password", e),
    };
    let Some(req) = parse_json::<PasswordRequest>(&body) else {
        return bad_request();
    };
    if req.new_password.is_empty() {
        return bad_request();
    }
    let current = s.lock().users[p.idx].hash.clone();
    if !s.verify_password(current, &req.old_password).await {
        return json_response(StatusCode::FORBIDDEN, json!({"error": "wrong password"}));
    }
    let new_hash = match s.hash_password(&req.new_password).await {
        Ok(h) => h,
        Err(e) => return internal_error(&e),
    };
    let mut st = s.lock();
    st.users[p.idx].hash = new_hash;
    if !s.has(Flaw::PasswordChangeKeepsSessions) {
        st.revoke_all(p.idx);
    }
    ok_true()
}

fn not_found() -> Response {
    json_response(StatusCode::NOT_FOUND, json!({"error": "not found"}))
}

#[derive(Deserialize)]
struct ResetRequest {
    username: String,
}

async fn reset_request(State(s): AppState, body: Bytes) -> Response {
    let Some(dir) = s.reset_dir.clone() else {
        return not_found();
    };
    let Some(req) = parse_json::<ResetRequest>(&body) else {
        return bad_request();
    };
    let known = {
        let mut st = s.lock();
        st.user_index(&req.username).map(|idx| {
            let token = random_id(32);
            st.resets.retain(|_, r| r.user != idx);
            st.resets.insert(
                token.clone(),
                ResetRecord {
                    user: idx,
                    used: false,
                    expires: Instant::now() + RESET_TTL,
                },
            );
            (st.users[idx].name.clone(), token)
        })
    };
    if let Some((name, token)) = known {
        let path = dir.join(format!("{name}.token"));
        if let Err(e) = std::fs::write(&path, token) {
            let e = anyhow::Error::from(e).context("writing the reset token");
            return internal_error(&e);
        }
    }
    json_response(StatusCode::ACCEPTED, json!({"ok": true}))
}

#[derive(Deserialize)]
struct ResetConfirm {
    token: String,
    new_password: String,
}

async fn reset_confirm(State(s): AppState, body: Bytes) -> Response {
    if s.reset_dir.is_none() {
        return not_found();
    }
    let Some(req) = parse_json::<ResetConfirm>(&body) else {
        return bad_request();
    };
    if req.new_password.is_empty() {
        return bad_request();
    }
    let idx = {
        let mut st = s.lock();
        let reusable = s.has(Flaw::ResetReusable);
        match st.resets.get_mut(&req.token) {
            Some(r) if (!r.used || reusable) && Instant::now() < r.expires => {
                r.used = true;
                Some(r.user)
            }
            _ => None,
        }
    };
    let Some(idx) = idx else {
        return json_response(StatusCode::BAD_REQUEST, json!({"error": "invalid token"}));
    };
    let new_hash = match s.hash_password(&req.new_password).await {
        Ok(h) => h,
        Err(e) => return internal_error(&e),
    };
    let mut st = s.lock();
    st.users[idx].hash = new_hash;
    st.revoke_all(idx);
    ok_true()
}

async fn login_page(State(s): AppState) -> Response {
    let id = random_id(32);
    let csrf = random_id(32);
    s.lock().sessions.insert(
        id.clone(),
        Session {
            user: None,
            csrf: csrf.clone(),
        },
    );
    let html = format!(
        "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>authgate testbed: sign in</title></head>\n<body>\n<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"csrf\" value=\"{csrf}\">\n<label>Username <input name=\"username\" autocomplete=\"username\"></label>\n<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>\n<button type=\"submit\">Sign in</button>\n</form>\n</body></html>\n"
    );
    let mut r = (StatusCode::OK, html).into_response();
    r.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    r.headers_mut()
        .insert(header::SET_COOKIE, s.session_cookie(&id, false));
    r
}

async fn form_login(State(s): AppState, headers: HeaderMap, body: Bytes) -> Response {
    const PATH: &str = "/login";
    let form = parse_form(&body);
    let pre_id = s.read_cookie(&headers);
    let csrf_ok = match (&pre_id, form.get("csrf")) {
        (Some(id), Some(csrf)) => s
            .lock()
            .sessions
            .get(id)
            .is_some_and(|sess| sess.csrf == *csrf),
        _ => false,
    };
    let Some(pre_id) = pre_id.filter(|_| csrf_ok) else {
        return s.reject(PATH, AuthError::Invalid);
    };
    let (Some(username), Some(password)) = (form.get("username"), form.get("password")) else {
        return bad_request();
    };
    let idx = match s.password_login(username, password).await {
        Ok(idx) => idx,
        Err(r) => return r,
    };
    let id = {
        let mut st = s.lock();
        if s.has(Flaw::SessionFixation) {
            let sess = st
                .sessions
                .entry(pre_id.clone())
                .or_insert_with(|| Session {
                    user: None,
                    csrf: random_id(32),
                });
            sess.user = Some(idx);
            pre_id
        } else {
            st.sessions.remove(&pre_id);
            let id = random_id(32);
            st.sessions.insert(
                id.clone(),
                Session {
                    user: Some(idx),
                    csrf: random_id(32),
                },
            );
            id
        }
    };
    let mut r = StatusCode::SEE_OTHER.into_response();
    r.headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static("/account"));
    r.headers_mut()
        .insert(header::SET_COOKIE, s.session_cookie(&id, false));
    r
}

async fn account(State(s): AppState, headers: HeaderMap) -> Response {
    match s.web_session(&headers) {
        Ok(ws) => {
            let name = s.lock().users[ws.idx].name.clone();
            json_response(
                StatusCode::OK,
                json!({"username": name, "csrf_token": ws.csrf}),
            )
        }
        Err(e) => s.reject("/account", e),
    }
}

#[derive(Deserialize)]
struct EmailRequest {
    email: String,
}

async fn account_email(State(s): AppState, headers: HeaderMap, body: Bytes) -> Response {
    const PATH: &str = "/account/email";
    let ws = match s.web_session(&headers) {
        Ok(ws) => ws,
        Err(e) => return s.reject(PATH, e),
    };
    if !s.has(Flaw::NoCsrf) && csrf_header(&headers) != Some(ws.csrf.as_str()) {
        return s.reject(PATH, AuthError::Invalid);
    }
    let is_json = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("json"));
    let email = if is_json {
        parse_json::<EmailRequest>(&body).map(|r| r.email)
    } else {
        parse_form(&body).remove("email")
    };
    let Some(email) = email else {
        return bad_request();
    };
    s.lock().users[ws.idx].email = Some(email);
    ok_true()
}

async fn web_logout(State(s): AppState, headers: HeaderMap) -> Response {
    const PATH: &str = "/logout";
    let ws = match s.web_session(&headers) {
        Ok(ws) => ws,
        Err(e) => return s.reject(PATH, e),
    };
    if csrf_header(&headers) != Some(ws.csrf.as_str()) {
        return s.reject(PATH, AuthError::Invalid);
    }
    if !s.has(Flaw::LogoutNoop) {
        s.lock().sessions.remove(&ws.id);
    }
    let mut r = ok_true();
    r.headers_mut()
        .insert(header::SET_COOKIE, s.session_cookie("", true));
    r
}

//! The OpenID Connect relying party of [`crate::start_rp`]: a web app that
//! signs users in through an external provider with the authorization code
//! flow, PKCE (S256), `state`, `nonce` and the RFC 9207 `iss` parameter.
//! With no [`RpFlaw`] set every check OpenID Connect Core §3.1.3.7 asks of
//! an ID token is made; each flaw drops the one check it names.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use anyhow::{bail, Context};
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use axum::routing::get;
use axum::Router;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use jsonwebtoken::{Algorithm, DecodingKey, Validation};
use reqwest::Url;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::app::{json_response, random_id};
use crate::issuer::{KidLookup, TrustedIssuer};
use crate::tokens::{fetch, now_secs, usable_issuer_key, Claims};
use crate::web::{self, Params};
use crate::{RpConfig, RpFlaw, Running, Served};

/// Request bodies larger than this are refused with 413.
const BODY_LIMIT: usize = 64 * 1024;
/// The largest token response read.
const MAX_RESPONSE: usize = 64 * 1024;
/// Timeout of every outbound request (discovery, JWKS, token endpoint).
const FETCH_TIMEOUT: Duration = Duration::from_secs(5);
/// How long a started login may take.
const PRE_TTL: u64 = 600;
const PRE_COOKIE: &str = "__Host-rp_pre";
const SESSION_COOKIE: &str = "__Host-rp_session";
const MAX_RECORDS: usize = 10_000;

/// Binds, spawns the relying party on its own thread and runtime, and returns once listening.
pub fn start_rp(config: RpConfig) -> anyhow::Result<Running> {
    crate::check_loopback(config.bind)?;
    let provider = Url::parse(&config.provider)
        .with_context(|| format!("the provider {:?} is no URL", config.provider))?;
    if provider.scheme() != "http" || provider.host_str().is_none() {
        bail!(
            "the provider {:?} must be an http:// URL (the testbed speaks no TLS)",
            config.provider
        );
    }
    if config.client_id.is_empty() {
        bail!("the client_id must not be empty");
    }
    let (listener, addr) = crate::bind_loopback(config.bind)?;
    let base = format!("http://{addr}");
    // The workspace builds reqwest with rustls but no default crypto provider.
    crate::install_crypto_provider();
    let http = reqwest::Client::builder()
        .timeout(FETCH_TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .context("building the HTTP client")?;
    let shared = Arc::new(RpShared {
        flaws: config.flaws.clone(),
        provider: config.provider.clone(),
        keys: TrustedIssuer::new(&config.provider)?,
        client_id: config.client_id.clone(),
        client_secret: config.client_secret.clone(),
        redirect_uri: format!("{base}/callback"),
        http,
        discovery: Mutex::new(None),
        store: Mutex::new(RpStore::default()),
    });
    let served = Served {
        signing_key: String::new(),
        issuer: config.provider.clone(),
        audience: config.client_id.clone(),
    };
    crate::serve(listener, addr, router(shared), served)
}

/// What the RP needs from the provider's discovery document.
#[derive(Clone)]
struct Discovery {
    authorization_endpoint: String,
    token_endpoint: String,
    /// `authorization_response_iss_parameter_supported` (RFC 9207).
    iss_parameter: bool,
}

struct PreLogin {
    state: String,
    nonce: String,
    verifier: String,
    expires: u64,
}

struct RpSession {
    sub: String,
    name: Option<String>,
}

#[derive(Default)]
struct RpStore {
    pre: HashMap<String, PreLogin>,
    sessions: HashMap<String, RpSession>,
}

struct RpShared {
    flaws: BTreeSet<RpFlaw>,
    provider: String,
    /// The provider's discovery and JWKS, cached; an unknown kid fetches again.
    keys: TrustedIssuer,
    client_id: String,
    client_secret: String,
    redirect_uri: String,
    http: reqwest::Client,
    discovery: Mutex<Option<Discovery>>,
    store: Mutex<RpStore>,
}

type St = State<Arc<RpShared>>;

impl RpShared {
    fn has(&self, flaw: RpFlaw) -> bool {
        self.flaws.contains(&flaw)
    }

    fn lock(&self) -> MutexGuard<'_, RpStore> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The provider's discovery document, fetched on first use and cached.
    async fn discovery(&self) -> Result<Discovery, &'static str> {
        if let Some(d) = self
            .discovery
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
        {
            return Ok(d);
        }
        let url = format!(
            "{}/.well-known/openid-configuration",
            self.provider.trim_end_matches('/')
        );
        let body = fetch(&self.http, &url)
            .await
            .ok_or("the provider's discovery document could not be fetched")?;
        let doc: Value =
            serde_json::from_slice(&body).map_err(|_| "the discovery document is not JSON")?;
        // OpenID Connect Discovery §4.3: the issuer must be the one asked.
        if doc.get("issuer").and_then(Value::as_str) != Some(self.provider.as_str()) {
            return Err("the discovery document names another issuer");
        }
        let endpoint = |name: &str| {
            doc.get(name)
                .and_then(Value::as_str)
                .filter(|u| Url::parse(u).is_ok_and(|u| !u.cannot_be_a_base()))
                .map(str::to_string)
        };
        let (Some(authorization_endpoint), Some(token_endpoint)) = (
            endpoint("authorization_endpoint"),
            endpoint("token_endpoint"),
        ) else {
            return Err("the discovery document lacks an endpoint");
        };
        let d = Discovery {
            authorization_endpoint,
            token_endpoint,
            iss_parameter: doc
                .get("authorization_response_iss_parameter_supported")
                .and_then(Value::as_bool)
                .unwrap_or(false),
        };
        *self.discovery.lock().unwrap_or_else(|e| e.into_inner()) = Some(d.clone());
        Ok(d)
    }

    /// POSTs the code to the token endpoint (client_secret_basic); the ID token.
    async fn redeem(
        &self,
        discovery: &Discovery,
        code: &str,
        verifier: &str,
    ) -> Result<String, &'static str> {
        if !discovery.token_endpoint.starts_with("http://") {
            return Err("the token endpoint is not an http:// URL");
        }
        let body = form_urlencoded::Serializer::new(String::new())
            .append_pair("grant_type", "authorization_code")
            .append_pair("code", code)
            .append_pair("redirect_uri", &self.redirect_uri)
            .append_pair("code_verifier", verifier)
            .finish();
        let credentials = format!(
            "{}:{}",
            web::form_encode(&self.client_id),
            web::form_encode(&self.client_secret)
        );
        let mut response = self
            .http
            .post(&discovery.token_endpoint)
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::ACCEPT, "application/json")
            .header(
                header::AUTHORIZATION,
                format!("Basic {}", STANDARD.encode(credentials)),
            )
            .body(body)
            .send()
            .await
            .map_err(|_| "the token endpoint could not be reached")?;
        if response.status() != reqwest::StatusCode::OK {
            return Err("the token endpoint refused the code");
        }
        let mut bytes = Vec::new();
        while let Some(chunk) = response
            .chunk()
            .await
            .map_err(|_| "the token response broke off")?
        {
            bytes.extend_from_slice(&chunk);
            if bytes.len() > MAX_RESPONSE {
                return Err("the token response is too large");
            }
        }
        let doc: Value =
            serde_json::from_slice(&bytes).map_err(|_| "the token response is not JSON")?;
        doc.get("id_token")
            .and_then(Value::as_str)
            .map(str::to_string)
            .ok_or("the token response has no id_token")
    }

    /// OpenID Connect Core §3.1.3.7, minus what the flaws drop.
    async fn validate_id_token(&self, token: &str, nonce: &str) -> Result<Claims, &'static str> {
        let mut parts = token.split('.');
        let (Some(h64), Some(p64), Some(s64), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err("the ID token is not a JWS");
        };
        let header: Value = URL_SAFE_NO_PAD
            .decode(h64)
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .ok_or("the ID token header is unreadable")?;
        let alg = header
            .get("alg")
            .and_then(Value::as_str)
            .ok_or("the ID token has no alg")?;
        let unverified = || -> Result<Claims, &'static str> {
            URL_SAFE_NO_PAD
                .decode(p64)
                .ok()
                .and_then(|b| serde_json::from_slice(&b).ok())
                .ok_or("the ID token payload is unreadable")
        };
        let claims = if alg.eq_ignore_ascii_case("none") {
            if !self.has(RpFlaw::AlgNone) {
                return Err("the ID token is unsigned (alg none)");
            }
            if !s64.is_empty() {
                return Err("the ID token signature is invalid");
            }
            unverified()?
        } else if alg != "ES256" {
            return Err("the ID token alg is not ES256");
        } else if self.has(RpFlaw::SigUnchecked) {
            unverified()?
        } else {
            let kid = header
                .get("kid")
                .and_then(Value::as_str)
                .ok_or("the ID token names no key (kid)")?;
            let jwk = match self.keys.lookup(&self.http, kid).await {
                None => return Err("the provider's keys could not be fetched"),
                Some(KidLookup::Unknown { .. }) => return Err("the ID token's kid is unknown"),
                Some(KidLookup::Found(jwk)) => jwk,
            };
            if usable_issuer_key(&jwk).is_none() {
                return Err("the provider's key is not a P-256 signing key");
            }
            let key = serde_json::from_value::<jsonwebtoken::jwk::Jwk>(jwk)
                .ok()
                .and_then(|jwk| DecodingKey::from_jwk(&jwk).ok())
                .ok_or("the provider's key is unusable")?;
            // Signature only here; the claims are checked below.
            let mut v = Validation::new(Algorithm::ES256);
            v.algorithms = vec![Algorithm::ES256];
            v.validate_exp = false;
            v.validate_nbf = false;
            v.validate_aud = false;
            v.set_required_spec_claims::<&str>(&[]);
            jsonwebtoken::decode::<Claims>(token, &key, &v)
                .map_err(|_| "the ID token signature is invalid")?
                .claims
        };
        self.check_claims(&claims, nonce)?;
        Ok(claims)
    }

    fn check_claims(&self, claims: &Claims, nonce: &str) -> Result<(), &'static str> {
        match claims.get("sub").and_then(Value::as_str) {
            Some(sub) if !sub.is_empty() => {}
            _ => return Err("the ID token has no sub"),
        }
        if !self.has(RpFlaw::IssUnchecked)
            && claims.get("iss").and_then(Value::as_str) != Some(self.provider.as_str())
        {
            return Err("the ID token was issued by another issuer");
        }
        if !self.has(RpFlaw::AudUnchecked) {
            let audiences: Vec<&str> = match claims.get("aud") {
                Some(Value::String(s)) => vec![s.as_str()],
                Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
                _ => Vec::new(),
            };
            if !audiences.contains(&self.client_id.as_str()) {
                return Err("the ID token is meant for another audience");
            }
            if let Some(azp) = claims.get("azp") {
                if azp.as_str() != Some(self.client_id.as_str()) {
                    return Err("the ID token's azp is another client");
                }
            }
        }
        if !self.has(RpFlaw::ExpUnchecked) {
            match claims.get("exp").and_then(Value::as_f64) {
                Some(exp) if exp > now_secs() as f64 => {}
                Some(_) => return Err("the ID token has expired"),
                None => return Err("the ID token has no exp"),
            }
        }
        if claims.get("iat").and_then(Value::as_f64).is_none() {
            return Err("the ID token has no iat");
        }
        if !self.has(RpFlaw::NonceUnchecked)
            && claims.get("nonce").and_then(Value::as_str) != Some(nonce)
        {
            return Err("the ID token's nonce is not this login's");
        }
        Ok(())
    }

    async fn callback(&self, headers: &HeaderMap, p: &Params) -> Result<String, &'static str> {
        // The pre-login record is single-use, whatever the outcome.
        let record = web::cookie(headers, PRE_COOKIE)
            .and_then(|id| self.lock().pre.remove(&id))
            .filter(|r| r.expires > now_secs())
            .ok_or("no login in progress in this browser")?;
        if p.any_repeated().is_some() {
            return Err("a parameter is given more than once");
        }
        if !self.has(RpFlaw::StateUnchecked) && p.get("state") != Some(record.state.as_str()) {
            return Err("state does not match");
        }
        let discovery = self.discovery().await?;
        if !self.has(RpFlaw::IssParamUnchecked) {
            match p.get("iss") {
                Some(iss) if iss == self.provider => {}
                Some(_) => return Err("iss names another issuer"),
                None if discovery.iss_parameter => return Err("iss is missing"),
                None => {}
            }
        }
        if p.get("error").is_some() {
            return Err("the provider answered with an error");
        }
        let code = p.get("code").ok_or("no code")?;
        let id_token = self.redeem(&discovery, code, &record.verifier).await?;
        let claims = self.validate_id_token(&id_token, &record.nonce).await?;
        let sub = claims
            .get("sub")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let name = ["name", "preferred_username"]
            .iter()
            .find_map(|k| claims.get(*k).and_then(Value::as_str))
            .map(str::to_string);
        let session = random_id(32);
        let mut st = self.lock();
        if st.sessions.len() >= MAX_RECORDS {
            st.sessions.clear();
        }
        st.sessions.insert(session.clone(), RpSession { sub, name });
        Ok(session)
    }
}

fn router(shared: Arc<RpShared>) -> Router {
    Router::new()
        .route("/", get(home))
        .route("/login", get(login))
        .route("/callback", get(callback))
        .route("/me", get(me))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

async fn home() -> Response {
    web::html(
        StatusCode::OK,
        "authgate testbed relying party",
        "<p><a href=\"/login\">Sign in</a> · <a href=\"/me\">Who am I?</a></p>",
    )
}

async fn login(State(s): St) -> Response {
    let discovery = match s.discovery().await {
        Ok(d) => d,
        Err(why) => {
            return web::html(
                StatusCode::BAD_GATEWAY,
                "Provider unavailable",
                &format!("<p>{}</p>", web::escape(why)),
            )
        }
    };
    let id = random_id(24);
    let state = random_id(24);
    let nonce = random_id(24);
    let verifier = random_id(48);
    let challenge = URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes()));
    let location = web::with_params(
        &discovery.authorization_endpoint,
        &[
            ("response_type", "code"),
            ("client_id", &s.client_id),
            ("redirect_uri", &s.redirect_uri),
            ("scope", "openid profile"),
            ("state", &state),
            ("nonce", &nonce),
            ("code_challenge", &challenge),
            ("code_challenge_method", "S256"),
        ],
    );
    let Some(location) = location else {
        return web::html(
            StatusCode::BAD_GATEWAY,
            "Provider unavailable",
            "<p>bad authorization endpoint</p>",
        );
    };
    {
        let now = now_secs();
        let mut st = s.lock();
        st.pre.retain(|_, r| r.expires > now);
        if st.pre.len() >= MAX_RECORDS {
            st.pre.clear();
        }
        st.pre.insert(
            id.clone(),
            PreLogin {
                state,
                nonce,
                verifier,
                expires: now + PRE_TTL,
            },
        );
    }
    let mut r = web::found(&location);
    r.headers_mut()
        .append(header::SET_COOKIE, web::set_cookie(PRE_COOKIE, &id, false));
    r
}

async fn callback(State(s): St, headers: HeaderMap, uri: Uri) -> Response {
    let p = Params::from_query(uri.query());
    let mut r = match s.callback(&headers, &p).await {
        Ok(session) => {
            let mut r = web::found("/me");
            r.headers_mut().append(
                header::SET_COOKIE,
                web::set_cookie(SESSION_COOKIE, &session, false),
            );
            r
        }
        Err(why) => web::html(
            StatusCode::UNAUTHORIZED,
            "Login failed",
            &format!("<p class=\"error\">login failed: {}</p>", web::escape(why)),
        ),
    };
    r.headers_mut()
        .append(header::SET_COOKIE, web::set_cookie(PRE_COOKIE, "", true));
    r
}

async fn me(State(s): St, headers: HeaderMap) -> Response {
    let session = web::cookie(&headers, SESSION_COOKIE).and_then(|id| {
        s.lock()
            .sessions
            .get(&id)
            .map(|sess| (sess.sub.clone(), sess.name.clone()))
    });
    match session {
        Some((sub, name)) => json_response(StatusCode::OK, json!({"sub": sub, "name": name})),
        None => {
            let mut r = json_response(StatusCode::UNAUTHORIZED, json!({"error": "unauthorized"}));
            r.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            r
        }
    }
}

//! The OAuth 2.0 authorization server and OpenID provider of [`crate::start_as`].
//!
//! Authorization code flow only, with PKCE (S256), refresh-token rotation,
//! ES256 access tokens (RFC 9068 `at+jwt`) and ID tokens, a UserInfo
//! endpoint and RP-initiated logout. With no [`AsFlaw`] set it follows
//! RFC 6749, RFC 7636, RFC 9700, RFC 9207 and OpenID Connect Core; each flaw
//! opens the one hole it names.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use anyhow::bail;
use argon2::password_hash::{PasswordHash, PasswordVerifier};
use argon2::Argon2;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode, Uri};
use axum::response::Response;
use axum::routing::{get, post};
use axum::Router;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use jsonwebtoken::{Algorithm, Validation};
use reqwest::Url;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

use crate::app::{argon2, hash_password_blocking, json_response, random_id};
use crate::tokens::{now_secs, Claims, Keys, KID};
use crate::web::{self, Params};
use crate::{AsConfig, AsFlaw, OauthClient, Running, Served};

/// Request bodies larger than this are refused with 413.
const BODY_LIMIT: usize = 64 * 1024;
/// How long an authorization request waits for sign-in and consent.
const PENDING_TTL: u64 = 600;
const CODE_TTL: u64 = 60;
const ACCESS_TTL: u64 = 600;
const LONG_ACCESS_TTL: u64 = 30 * 86_400;
const ID_TOKEN_TTL: u64 = 300;
const REFRESH_TTL: u64 = 86_400;
/// Every scope the server knows.
const SCOPES: &[&str] = &["openid", "profile", "read", "write", "admin"];
/// Scopes every user may be granted; the others only when `UserSpec::scope` lists them.
const ALWAYS_GRANTABLE: &[&str] = &["openid", "profile"];
const SESSION_COOKIE: &str = "__Host-as_session";
const PRE_COOKIE: &str = "__Host-as_pre";
/// Most records of one kind kept; beyond it an arbitrary one is dropped.
const MAX_RECORDS: usize = 10_000;
const REALM: &str = "authgate-testbed";

/// Binds, spawns the authorization server on its own thread and runtime, and returns once listening.
pub fn start_as(config: AsConfig) -> anyhow::Result<Running> {
    crate::check_loopback(config.bind)?;
    crate::check_usernames(&config.users)?;
    check_clients(&config.clients)?;
    if let Some(issuer) = &config.issuer_override {
        if issuer.is_empty() {
            bail!("issuer_override must not be empty");
        }
    }
    let (listener, addr) = crate::bind_loopback(config.bind)?;
    let base = format!("http://{addr}");
    let issuer = config
        .issuer_override
        .clone()
        .unwrap_or_else(|| base.clone());
    let shared = Arc::new(AsShared::new(&config, base, issuer)?);
    let served = Served {
        signing_key: shared.keys.signing_key_text(),
        issuer: shared.issuer.clone(),
        audience: shared.userinfo_aud(),
    };
    crate::serve(listener, addr, router(shared), served)
}

fn check_clients(clients: &[OauthClient]) -> anyhow::Result<()> {
    let mut seen = BTreeSet::new();
    for c in clients {
        if c.client_id.is_empty() || !seen.insert(c.client_id.as_str()) {
            bail!("client ids must be non-empty and distinct");
        }
        if c.secret.as_deref() == Some("") {
            bail!(
                "client {:?}: an empty secret; use None for a public client",
                c.client_id
            );
        }
        for uri in c.redirect_uris.iter().chain(&c.post_logout_redirect_uris) {
            let ok = Url::parse(uri).is_ok_and(|u| !u.cannot_be_a_base() && u.fragment().is_none());
            if !ok {
                bail!(
                    "client {:?}: {uri:?} is not an absolute URI without fragment",
                    c.client_id
                );
            }
        }
    }
    Ok(())
}

struct AsUser {
    name: String,
    scope: Vec<String>,
    hash: String,
}

#[derive(Clone)]
struct Challenge {
    value: String,
    /// `S256`, or `plain` under `pkce-plain`.
    method: String,
}

/// An authorization request waiting for sign-in and consent.
#[derive(Clone)]
struct Pending {
    client_id: String,
    redirect_uri: String,
    scope: Vec<String>,
    state: Option<String>,
    nonce: Option<String>,
    challenge: Option<Challenge>,
    expires: u64,
}

struct CodeRecord {
    client_id: String,
    redirect_uri: String,
    user: usize,
    scope: Vec<String>,
    nonce: Option<String>,
    challenge: Option<Challenge>,
    auth_time: u64,
    expires: u64,
    used: bool,
    /// The grants issued from this code (one, or more under `code-reusable`).
    grants: Vec<String>,
}

struct RefreshRecord {
    grant: String,
    client_id: String,
    user: usize,
    /// The scope of the original grant.
    scope: Vec<String>,
    expires: u64,
    used: bool,
}

struct AsSession {
    user: usize,
    csrf: String,
    auth_time: u64,
}

struct PreLogin {
    csrf: String,
    expires: u64,
}

#[derive(Default)]
struct AsStore {
    pending: HashMap<String, Pending>,
    pre: HashMap<String, PreLogin>,
    sessions: HashMap<String, AsSession>,
    codes: HashMap<String, CodeRecord>,
    refresh: HashMap<String, RefreshRecord>,
    revoked_grants: HashSet<String>,
    /// access-token jti -> (grant, exp).
    access_grant: HashMap<String, (String, u64)>,
}

impl AsStore {
    fn purge(&mut self, now: u64) {
        self.pending.retain(|_, p| p.expires > now);
        self.pre.retain(|_, p| p.expires > now);
        self.codes.retain(|_, c| c.expires > now);
        self.refresh.retain(|_, r| r.expires > now);
        self.access_grant.retain(|_, (_, exp)| *exp > now);
    }

    fn revoke(&mut self, grants: &[String]) {
        self.revoked_grants.extend(grants.iter().cloned());
    }
}

/// Makes room for one more record in `map`.
fn make_room<V>(map: &mut HashMap<String, V>) {
    while map.len() >= MAX_RECORDS {
        let Some(key) = map.keys().next().cloned() else {
            break;
        };
        map.remove(&key);
    }
}

pub(crate) struct AsShared {
    flaws: BTreeSet<AsFlaw>,
    issuer: String,
    base: String,
    keys: Keys,
    clients: Vec<OauthClient>,
    users: Vec<AsUser>,
    argon: Argon2<'static>,
    dummy_hash: String,
    store: Mutex<AsStore>,
}

/// Why a bearer token was refused at /userinfo.
enum BearerError {
    Missing,
    Invalid,
    InsufficientScope,
}

type St = State<Arc<AsShared>>;

impl AsShared {
    fn new(config: &AsConfig, base: String, issuer: String) -> anyhow::Result<AsShared> {
        let argon = argon2()?;
        let mut users = Vec::with_capacity(config.users.len());
        for spec in &config.users {
            users.push(AsUser {
                name: spec.username.clone(),
                scope: spec.scope.split_whitespace().map(str::to_string).collect(),
                hash: hash_password_blocking(&argon, &spec.password)?,
            });
        }
        let dummy_hash = hash_password_blocking(&argon, &random_id(18))?;
        Ok(AsShared {
            flaws: config.flaws.clone(),
            issuer,
            base,
            keys: Keys::generate(false)?,
            clients: config.clients.clone(),
            users,
            argon,
            dummy_hash,
            store: Mutex::new(AsStore::default()),
        })
    }

    fn has(&self, flaw: AsFlaw) -> bool {
        self.flaws.contains(&flaw)
    }

    fn lock(&self) -> MutexGuard<'_, AsStore> {
        self.store.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn userinfo_aud(&self) -> String {
        format!("{}/userinfo", self.issuer.trim_end_matches('/'))
    }

    fn client(&self, id: &str) -> Option<&OauthClient> {
        self.clients.iter().find(|c| c.client_id == id)
    }

    fn user_index(&self, name: &str) -> Option<usize> {
        self.users.iter().position(|u| u.name == name)
    }

    fn access_ttl(&self) -> u64 {
        if self.has(AsFlaw::LongLivedTokens) {
            LONG_ACCESS_TTL
        } else {
            ACCESS_TTL
        }
    }

    /// The signed-in session of the request: (id, user, csrf, auth_time).
    fn session(&self, headers: &HeaderMap) -> Option<(String, usize, String, u64)> {
        let id = web::cookie(headers, SESSION_COOKIE)?;
        let st = self.lock();
        let s = st.sessions.get(&id)?;
        Some((id.clone(), s.user, s.csrf.clone(), s.auth_time))
    }

    fn pending(&self, id: &str) -> Option<Pending> {
        let st = self.lock();
        st.pending
            .get(id)
            .filter(|p| p.expires > now_secs())
            .cloned()
    }

    // ----- /authorize --------------------------------------------------------

    fn redirect_allowed(&self, client: &OauthClient, uri: &str) -> bool {
        client.redirect_uris.iter().any(|r| {
            r == uri
                || (self.has(AsFlaw::RedirectPrefix) && uri.starts_with(r.as_str()))
                || (self.has(AsFlaw::RedirectAnyPath) && same_origin(r, uri))
        })
    }

    /// An authorization response (success or error) to `redirect_uri`, with
    /// `state` and `iss` unless a flaw drops them.
    fn auth_response(
        &self,
        redirect_uri: &str,
        params: &[(&str, &str)],
        state: Option<&str>,
    ) -> Response {
        let mut all: Vec<(&str, &str)> = params.to_vec();
        if let Some(state) = state {
            if !self.has(AsFlaw::StateDropped) {
                all.push(("state", state));
            }
        }
        if !self.has(AsFlaw::IssParamMissing) {
            all.push(("iss", self.issuer.as_str()));
        }
        match web::with_params(redirect_uri, &all) {
            Some(url) => web::found(&url),
            None => error_page(StatusCode::BAD_REQUEST, "the redirect_uri is not a URL"),
        }
    }

    fn auth_error(
        &self,
        redirect_uri: &str,
        error: &str,
        description: &str,
        state: Option<&str>,
    ) -> Response {
        self.auth_response(
            redirect_uri,
            &[("error", error), ("error_description", description)],
            state,
        )
    }

    fn authorize(&self, headers: &HeaderMap, p: &Params) -> Response {
        let single = |name: &str| {
            if p.repeated(name) {
                None
            } else {
                p.get(name)
            }
        };
        let state = single("state");
        let client = single("client_id").and_then(|id| self.client(id));
        let redirect = single("redirect_uri");
        // Never redirect before client and redirect_uri are verified.
        let (client, redirect_uri) = match (client, redirect) {
            (Some(c), Some(r)) if self.redirect_allowed(c, r) => (c, r),
            _ => {
                if self.has(AsFlaw::ErrorOpenRedirect) {
                    if let Some(r) = redirect.filter(|r| web::with_params(r, &[]).is_some()) {
                        return self.auth_error(
                            r,
                            "invalid_request",
                            "redirect_uri is not registered",
                            state,
                        );
                    }
                }
                let why = match (client, redirect) {
                    (None, _) => "unknown or missing client_id",
                    (_, None) => "missing redirect_uri",
                    _ => "the redirect_uri is not registered for this client",
                };
                return error_page(StatusCode::BAD_REQUEST, why);
            }
        };
        let fail = |error: &str, description: &str| {
            self.auth_error(redirect_uri, error, description, state)
        };
        if let Some(name) = p.any_repeated() {
            return fail(
                "invalid_request",
                &format!("{name} is given more than once"),
            );
        }
        match p.get("response_type") {
            None => return fail("invalid_request", "missing response_type"),
            Some("code") => {}
            Some(_) => return fail("unsupported_response_type", "only code is supported"),
        }
        let Some(scope) = parse_scope(p.get("scope").unwrap_or("openid")) else {
            return fail("invalid_scope", "unknown scope");
        };
        let challenge = match (p.get("code_challenge"), p.get("code_challenge_method")) {
            (None, Some(_)) => {
                return fail(
                    "invalid_request",
                    "code_challenge_method without code_challenge",
                )
            }
            (None, None) => {
                if client.secret.is_none() && !self.has(AsFlaw::PkceOptional) {
                    return fail(
                        "invalid_request",
                        "code_challenge is required for public clients",
                    );
                }
                None
            }
            (Some(value), method) => {
                // RFC 7636 §4.3: an absent method means plain.
                let method = method.unwrap_or("plain");
                let well_formed = match method {
                    "S256" => value.len() == 43 && value.bytes().all(is_base64url_byte),
                    "plain" if self.has(AsFlaw::PkcePlain) => is_pkce_string(value),
                    _ => return fail("invalid_request", "code_challenge_method must be S256"),
                };
                if !well_formed {
                    return fail("invalid_request", "malformed code_challenge");
                }
                Some(Challenge {
                    value: value.to_string(),
                    method: method.to_string(),
                })
            }
        };
        let id = random_id(24);
        let now = now_secs();
        {
            let mut st = self.lock();
            st.purge(now);
            make_room(&mut st.pending);
            st.pending.insert(
                id.clone(),
                Pending {
                    client_id: client.client_id.clone(),
                    redirect_uri: redirect_uri.to_string(),
                    scope,
                    state: state.map(str::to_string),
                    nonce: p.get("nonce").map(str::to_string),
                    challenge,
                    expires: now + PENDING_TTL,
                },
            );
        }
        if self.session(headers).is_some() {
            web::found(&format!("/consent?request={id}"))
        } else {
            web::found(&format!("/login?request={id}"))
        }
    }

    // ----- sign-in and consent -------------------------------------------------

    async fn check_password(&self, username: &str, password: &str) -> Option<usize> {
        let (idx, hash) = match self.user_index(username) {
            Some(idx) => (Some(idx), self.users[idx].hash.clone()),
            None => (None, self.dummy_hash.clone()),
        };
        let argon = self.argon.clone();
        let password = password.to_string();
        let ok = tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash)
                .map(|parsed| argon.verify_password(password.as_bytes(), &parsed).is_ok())
                .unwrap_or(false)
        })
        .await
        .unwrap_or(false);
        idx.filter(|_| ok)
    }

    fn login_page(&self, request: &str, csrf: &str, error: Option<&str>) -> Response {
        let error = error
            .map(|e| format!("<p class=\"error\" role=\"alert\">{}</p>\n", web::escape(e)))
            .unwrap_or_default();
        let body = format!(
            "{error}<form method=\"post\" action=\"/login\">\n<input type=\"hidden\" name=\"request\" value=\"{}\">\n<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n<label>Username <input type=\"text\" name=\"username\" autocomplete=\"username\"></label>\n<label>Password <input type=\"password\" name=\"password\" autocomplete=\"current-password\"></label>\n<button type=\"submit\" name=\"action\" value=\"login\">Sign in</button>\n</form>",
            web::escape(request),
            web::escape(csrf)
        );
        web::html(StatusCode::OK, "Sign in", &body)
    }

    fn consent_page(&self, request: &str, pending: &Pending, user: usize, csrf: &str) -> Response {
        let scopes: Vec<String> = pending
            .scope
            .iter()
            .map(|s| format!("<li>{}</li>", web::escape(s)))
            .collect();
        let body = format!(
            "<p>Signed in as {}. The application <strong>{}</strong> asks for these scopes:</p>\n<ul class=\"scopes\">{}</ul>\n<p>Requested scope: <span class=\"scope\">{}</span></p>\n<form method=\"post\" action=\"/consent\">\n<input type=\"hidden\" name=\"request\" value=\"{}\">\n<input type=\"hidden\" name=\"csrf\" value=\"{}\">\n<button type=\"submit\" name=\"decision\" value=\"approve\">Allow</button>\n<button type=\"submit\" name=\"decision\" value=\"deny\">Deny</button>\n</form>",
            web::escape(&self.users[user].name),
            web::escape(&pending.client_id),
            scopes.join(""),
            web::escape(&pending.scope.join(" ")),
            web::escape(request),
            web::escape(csrf)
        );
        web::html(StatusCode::OK, "Authorize access", &body)
    }

    // ----- /token --------------------------------------------------------------

    /// RFC 6749 §2.3.1: HTTP Basic or client_id/client_secret in the body
    /// (never both) for confidential clients; client_id alone for public ones.
    fn authenticate_client(
        &self,
        headers: &HeaderMap,
        p: &Params,
    ) -> Result<&OauthClient, Box<Response>> {
        let auths: Vec<&HeaderValue> = headers.get_all(header::AUTHORIZATION).iter().collect();
        let basic = match auths.as_slice() {
            [] => None,
            [one] => Some(parse_basic(one).ok_or_else(|| Box::new(invalid_client()))?),
            _ => {
                return Err(Box::new(token_error(
                    StatusCode::BAD_REQUEST,
                    "invalid_request",
                    "more than one Authorization header",
                )))
            }
        };
        let body_id = p.get("client_id");
        let body_secret = p.get("client_secret");
        let (id, secret) = match basic {
            Some((id, secret)) => {
                if body_secret.is_some() {
                    return Err(Box::new(token_error(
                        StatusCode::BAD_REQUEST,
                        "invalid_request",
                        "more than one client authentication method",
                    )));
                }
                if body_id.is_some_and(|b| b != id) {
                    return Err(Box::new(invalid_client()));
                }
                (id, secret.filter(|s| !s.is_empty()))
            }
            None => (
                body_id
                    .ok_or_else(|| Box::new(invalid_client()))?
                    .to_string(),
                body_secret.map(str::to_string),
            ),
        };
        let client = self.client(&id).ok_or_else(|| Box::new(invalid_client()))?;
        match (&client.secret, secret) {
            (Some(expected), Some(given)) if digest_eq(expected, &given) => Ok(client),
            (None, None) => Ok(client),
            _ => Err(Box::new(invalid_client())),
        }
    }

    fn mint_access(
        &self,
        st: &mut AsStore,
        grant: &str,
        client_id: &str,
        user: usize,
        scope: &[String],
    ) -> anyhow::Result<String> {
        let iat = now_secs();
        let exp = iat + self.access_ttl();
        let jti = random_id(16);
        let claims = json!({
            "iss": self.issuer,
            "sub": self.users[user].name,
            "aud": self.userinfo_aud(),
            "client_id": client_id,
            "scope": scope.join(" "),
            "iat": iat,
            "exp": exp,
            "jti": jti,
        });
        let token = self.keys.mint("at+jwt", &claims)?;
        make_room(&mut st.access_grant);
        st.access_grant.insert(jti, (grant.to_string(), exp));
        Ok(token)
    }

    fn mint_id_token(
        &self,
        client_id: &str,
        user: usize,
        nonce: Option<&str>,
        auth_time: u64,
        scope: &[String],
    ) -> anyhow::Result<String> {
        let iat = now_secs();
        let name = &self.users[user].name;
        let mut claims = json!({
            "iss": self.issuer,
            "sub": name,
            "aud": client_id,
            "iat": iat,
            "exp": iat + ID_TOKEN_TTL,
            "auth_time": auth_time,
        });
        if let Some(nonce) = nonce {
            claims["nonce"] = Value::from(nonce);
        }
        if scope.iter().any(|s| s == "profile") {
            claims["preferred_username"] = Value::from(name.as_str());
            claims["name"] = Value::from(name.as_str());
        }
        self.keys.mint("JWT", &claims)
    }

    fn new_refresh(
        &self,
        st: &mut AsStore,
        grant: &str,
        client_id: &str,
        user: usize,
        scope: &[String],
    ) -> String {
        let token = random_id(32);
        make_room(&mut st.refresh);
        st.refresh.insert(
            token.clone(),
            RefreshRecord {
                grant: grant.to_string(),
                client_id: client_id.to_string(),
                user,
                scope: scope.to_vec(),
                expires: now_secs() + REFRESH_TTL,
                used: false,
            },
        );
        token
    }

    fn token_success(
        &self,
        access: String,
        refresh: String,
        scope: &[String],
        id_token: Option<String>,
    ) -> Response {
        let mut body = json!({
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": self.access_ttl(),
            "refresh_token": refresh,
            "scope": scope.join(" "),
        });
        if let Some(id_token) = id_token {
            body["id_token"] = Value::from(id_token);
        }
        no_store(json_response(StatusCode::OK, body))
    }

    fn code_grant(&self, client: &OauthClient, p: &Params) -> Response {
        let Some(code) = p.get("code") else {
            return invalid_request("missing code");
        };
        let now = now_secs();
        let mut st = self.lock();
        let Some(rec) = st.codes.get(code) else {
            return invalid_grant("unknown, expired or used code");
        };
        if rec.expires <= now {
            return invalid_grant("unknown, expired or used code");
        }
        if rec.used && !self.has(AsFlaw::CodeReusable) {
            // RFC 6749 §4.1.2: deny, and revoke what the code gave.
            if !self.has(AsFlaw::CodeReplayNoRevoke) {
                let grants = rec.grants.clone();
                st.revoke(&grants);
            }
            return invalid_grant("unknown, expired or used code");
        }
        if rec.client_id != client.client_id && !self.has(AsFlaw::CodeClientUnbound) {
            return invalid_grant("the code was issued to another client");
        }
        if !self.has(AsFlaw::TokenRedirectUnchecked)
            && p.get("redirect_uri") != Some(rec.redirect_uri.as_str())
        {
            return invalid_grant("redirect_uri differs from the authorization request");
        }
        let verifier = p.get("code_verifier");
        match &rec.challenge {
            Some(challenge) if !self.has(AsFlaw::PkceVerifierUnchecked) => {
                let Some(verifier) = verifier else {
                    return invalid_grant("missing code_verifier");
                };
                if !is_pkce_string(verifier) {
                    return invalid_grant("malformed code_verifier");
                }
                let derived = match challenge.method.as_str() {
                    "S256" => URL_SAFE_NO_PAD.encode(Sha256::digest(verifier.as_bytes())),
                    _ => verifier.to_string(),
                };
                if derived != challenge.value {
                    return invalid_grant("code_verifier does not match code_challenge");
                }
            }
            Some(_) => {}
            None => {
                // RFC 9700 §2.1.1: a verifier for a code without challenge is a downgrade.
                if verifier.is_some() && !self.has(AsFlaw::PkceDowngrade) {
                    return invalid_grant("code_verifier sent but no code_challenge was");
                }
            }
        }
        let (user, scope, nonce, auth_time) = (
            rec.user,
            rec.scope.clone(),
            rec.nonce.clone(),
            rec.auth_time,
        );
        let grant = random_id(16);
        if let Some(rec) = st.codes.get_mut(code) {
            rec.used = true;
            rec.grants.push(grant.clone());
        }
        let issued = self.mint_access(&mut st, &grant, &client.client_id, user, &scope);
        let access = match issued {
            Ok(a) => a,
            Err(e) => return server_error(&e),
        };
        let refresh = self.new_refresh(&mut st, &grant, &client.client_id, user, &scope);
        drop(st);
        let id_token = if scope.iter().any(|s| s == "openid") {
            match self.mint_id_token(&client.client_id, user, nonce.as_deref(), auth_time, &scope) {
                Ok(t) => Some(t),
                Err(e) => return server_error(&e),
            }
        } else {
            None
        };
        self.token_success(access, refresh, &scope, id_token)
    }

    fn refresh_grant(&self, client: &OauthClient, p: &Params) -> Response {
        let Some(token) = p.get("refresh_token") else {
            return invalid_request("missing refresh_token");
        };
        let now = now_secs();
        let mut st = self.lock();
        let Some(rec) = st.refresh.get(token) else {
            return invalid_grant("unknown or expired refresh token");
        };
        if rec.client_id != client.client_id && !self.has(AsFlaw::RtClientUnbound) {
            return invalid_grant("the refresh token was issued to another client");
        }
        if st.revoked_grants.contains(&rec.grant) || rec.expires <= now {
            return invalid_grant("unknown or expired refresh token");
        }
        if rec.used {
            // Rotation: a used refresh token means theft; revoke the family.
            let grant = rec.grant.clone();
            st.revoke(&[grant]);
            return invalid_grant("refresh token already used");
        }
        let granted = rec.scope.clone();
        let scope = match p.get("scope") {
            None => granted.clone(),
            Some(requested) => {
                let Some(requested) = parse_scope(requested) else {
                    return token_error(StatusCode::BAD_REQUEST, "invalid_scope", "unknown scope");
                };
                if !self.has(AsFlaw::RtScopeUpscale)
                    && !requested.iter().all(|s| granted.contains(s))
                {
                    return token_error(
                        StatusCode::BAD_REQUEST,
                        "invalid_scope",
                        "scope exceeds the original grant",
                    );
                }
                requested
            }
        };
        // The new refresh token keeps the original grant (or, under
        // rt-scope-upscale, grows with what was asked for).
        let mut family_scope = granted;
        for s in &scope {
            if !family_scope.contains(s) {
                family_scope.push(s.clone());
            }
        }
        let (grant, user, owner) = (rec.grant.clone(), rec.user, rec.client_id.clone());
        if let Some(rec) = st.refresh.get_mut(token) {
            rec.used = true;
        }
        let access = match self.mint_access(&mut st, &grant, &client.client_id, user, &scope) {
            Ok(a) => a,
            Err(e) => return server_error(&e),
        };
        let refresh = self.new_refresh(&mut st, &grant, &owner, user, &family_scope);
        drop(st);
        self.token_success(access, refresh, &scope, None)
    }

    // ----- /userinfo -----------------------------------------------------------

    fn verify_bearer(&self, headers: &HeaderMap) -> Result<usize, BearerError> {
        let values: Vec<&HeaderValue> = headers.get_all(header::AUTHORIZATION).iter().collect();
        let token = match values.as_slice() {
            [] => return Err(BearerError::Missing),
            [one] => {
                let text = one.to_str().map_err(|_| BearerError::Invalid)?;
                let (scheme, token) = text.split_once(' ').ok_or(BearerError::Invalid)?;
                if !scheme.eq_ignore_ascii_case("bearer")
                    || token.is_empty()
                    || token.chars().any(char::is_whitespace)
                {
                    return Err(BearerError::Invalid);
                }
                token
            }
            _ => return Err(BearerError::Invalid),
        };
        let header = jsonwebtoken::decode_header(token).map_err(|_| BearerError::Invalid)?;
        if header.alg != Algorithm::ES256 || header.kid.as_deref().is_some_and(|k| k != KID) {
            return Err(BearerError::Invalid);
        }
        let typ = header.typ.as_deref().map(str::to_ascii_lowercase);
        let is_access = matches!(typ.as_deref(), Some("at+jwt" | "application/at+jwt"));
        if is_access {
            let claims = self
                .decode(token, &[self.userinfo_aud()])
                .ok_or(BearerError::Invalid)?;
            let jti = claims
                .get("jti")
                .and_then(Value::as_str)
                .ok_or(BearerError::Invalid)?;
            {
                let st = self.lock();
                if let Some((grant, _)) = st.access_grant.get(jti) {
                    if st.revoked_grants.contains(grant) {
                        return Err(BearerError::Invalid);
                    }
                }
            }
            let user = claims
                .get("sub")
                .and_then(Value::as_str)
                .and_then(|sub| self.user_index(sub))
                .ok_or(BearerError::Invalid)?;
            let scope = claims.get("scope").and_then(Value::as_str).unwrap_or("");
            if !scope.split_whitespace().any(|s| s == "openid") {
                return Err(BearerError::InsufficientScope);
            }
            Ok(user)
        } else if self.has(AsFlaw::IdTokenAsAccess) {
            let audiences: Vec<String> = self.clients.iter().map(|c| c.client_id.clone()).collect();
            let claims = self.decode(token, &audiences).ok_or(BearerError::Invalid)?;
            claims
                .get("sub")
                .and_then(Value::as_str)
                .and_then(|sub| self.user_index(sub))
                .ok_or(BearerError::Invalid)
        } else {
            Err(BearerError::Invalid)
        }
    }

    /// Strict `jsonwebtoken` verification of one of the server's own tokens.
    fn decode(&self, token: &str, audiences: &[String]) -> Option<Claims> {
        let mut v = Validation::new(Algorithm::ES256);
        v.algorithms = vec![Algorithm::ES256];
        v.leeway = 0;
        // jsonwebtoken checks `nbf` only when asked (authgate probe found this:
        // JWT-NBF-FUTURE failed against the first version).
        v.validate_nbf = true;
        v.set_audience(audiences);
        v.set_issuer(&[&self.issuer]);
        v.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        jsonwebtoken::decode::<Claims>(token, self.keys.decoding(), &v)
            .ok()
            .map(|d| d.claims)
    }

    // ----- /logout -------------------------------------------------------------

    /// Is `target` registered for the client the ID token hint was issued
    /// to? The hint must carry this server's valid signature; it may have expired.
    fn logout_target_ok(&self, target: &str, hint: Option<&str>, client_id: Option<&str>) -> bool {
        let Some(hint) = hint else {
            return false;
        };
        let Ok(header) = jsonwebtoken::decode_header(hint) else {
            return false;
        };
        if header.alg != Algorithm::ES256 {
            return false;
        }
        let mut v = Validation::new(Algorithm::ES256);
        v.algorithms = vec![Algorithm::ES256];
        v.validate_exp = false;
        v.validate_aud = false;
        v.set_issuer(&[&self.issuer]);
        v.set_required_spec_claims(&["iss", "aud", "sub"]);
        let Ok(data) = jsonwebtoken::decode::<Claims>(hint, self.keys.decoding(), &v) else {
            return false;
        };
        let audiences: Vec<&str> = match data.claims.get("aud") {
            Some(Value::String(s)) => vec![s.as_str()],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => return false,
        };
        let chosen = match client_id {
            Some(id) if audiences.contains(&id) => id,
            Some(_) => return false,
            None if audiences.len() == 1 => audiences[0],
            None => return false,
        };
        self.client(chosen)
            .is_some_and(|c| c.post_logout_redirect_uris.iter().any(|u| u == target))
    }

    fn logout(&self, headers: &HeaderMap, p: &Params) -> Response {
        if let Some(id) = web::cookie(headers, SESSION_COOKIE) {
            self.lock().sessions.remove(&id);
        }
        let target = p.get("post_logout_redirect_uri").filter(|t| {
            self.has(AsFlaw::LogoutOpenRedirect)
                || self.logout_target_ok(t, p.get("id_token_hint"), p.get("client_id"))
        });
        let state = p.get("state");
        let redirect = target.and_then(|t| {
            let params: Vec<(&str, &str)> = state.map(|s| ("state", s)).into_iter().collect();
            web::with_params(t, &params)
        });
        let mut r = match redirect {
            Some(url) => web::found(&url),
            None => web::html(StatusCode::OK, "Signed out", "<p>You are signed out.</p>"),
        };
        r.headers_mut().append(
            header::SET_COOKIE,
            web::set_cookie(SESSION_COOKIE, "", true),
        );
        r
    }

    fn discovery(&self) -> Value {
        let mut methods = vec!["S256"];
        if self.has(AsFlaw::PkcePlain) {
            methods.push("plain");
        }
        json!({
            "issuer": self.issuer,
            "authorization_endpoint": format!("{}/authorize", self.base),
            "token_endpoint": format!("{}/token", self.base),
            "jwks_uri": format!("{}/jwks.json", self.base),
            "userinfo_endpoint": format!("{}/userinfo", self.base),
            "end_session_endpoint": format!("{}/logout", self.base),
            "response_types_supported": ["code"],
            "response_modes_supported": ["query"],
            "grant_types_supported": ["authorization_code", "refresh_token"],
            "code_challenge_methods_supported": methods,
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "subject_types_supported": ["public"],
            "scopes_supported": SCOPES,
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "auth_time", "nonce", "name", "preferred_username"],
            "authorization_response_iss_parameter_supported": true,
        })
    }
}

// ----- helpers -------------------------------------------------------------------

fn same_origin(a: &str, b: &str) -> bool {
    match (Url::parse(a), Url::parse(b)) {
        (Ok(a), Ok(b)) => {
            a.scheme() == b.scheme()
                && a.host_str() == b.host_str()
                && a.port_or_known_default() == b.port_or_known_default()
        }
        _ => false,
    }
}

/// Space-separated known scopes, deduplicated in order; None for an unknown one.
fn parse_scope(text: &str) -> Option<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for s in text.split(' ').filter(|s| !s.is_empty()) {
        if !SCOPES.contains(&s) {
            return None;
        }
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
    }
    Some(out)
}

fn is_base64url_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'-' || b == b'_'
}

/// RFC 7636 §4.1: 43 to 128 characters of `[A-Za-z0-9-._~]`.
fn is_pkce_string(s: &str) -> bool {
    (43..=128).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~'))
}

/// (client_id, secret) of an HTTP Basic header, each form-urlencoded (RFC 6749 §2.3.1).
fn parse_basic(value: &HeaderValue) -> Option<(String, Option<String>)> {
    let text = value.to_str().ok()?;
    let (scheme, cred) = text.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = String::from_utf8(STANDARD.decode(cred.trim()).ok()?).ok()?;
    let (id, secret) = decoded.split_once(':')?;
    Some((web::form_decode(id)?, Some(web::form_decode(secret)?)))
}

/// Compares secrets through their digests, so the time taken says nothing useful.
fn digest_eq(a: &str, b: &str) -> bool {
    Sha256::digest(a.as_bytes()) == Sha256::digest(b.as_bytes())
}

fn no_store(mut r: Response) -> Response {
    let h = r.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(header::PRAGMA, HeaderValue::from_static("no-cache"));
    r
}

/// RFC 6749 §5.2.
fn token_error(status: StatusCode, error: &str, description: &str) -> Response {
    no_store(json_response(
        status,
        json!({"error": error, "error_description": description}),
    ))
}

fn invalid_request(description: &str) -> Response {
    token_error(StatusCode::BAD_REQUEST, "invalid_request", description)
}

fn invalid_grant(description: &str) -> Response {
    token_error(StatusCode::BAD_REQUEST, "invalid_grant", description)
}

fn invalid_client() -> Response {
    let mut r = token_error(
        StatusCode::UNAUTHORIZED,
        "invalid_client",
        "client authentication failed",
    );
    if let Ok(v) = HeaderValue::from_str(&format!("Basic realm=\"{REALM}\"")) {
        r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    r
}

fn server_error(e: &anyhow::Error) -> Response {
    no_store(json_response(
        StatusCode::INTERNAL_SERVER_ERROR,
        json!({"error": "server_error", "error_description": format!("{e:#}")}),
    ))
}

fn error_page(status: StatusCode, message: &str) -> Response {
    web::html(
        status,
        "Authorization error",
        &format!("<p class=\"error\">{}</p>", web::escape(message)),
    )
}

fn router(shared: Arc<AsShared>) -> Router {
    Router::new()
        .route("/.well-known/openid-configuration", get(discovery))
        .route("/jwks.json", get(jwks))
        .route("/authorize", get(authorize_get).post(authorize_post))
        .route("/login", get(login_get).post(login_post))
        .route("/consent", get(consent_get).post(consent_post))
        .route("/token", post(token))
        .route("/userinfo", get(userinfo).post(userinfo))
        .route("/logout", get(logout_get).post(logout_post))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .with_state(shared)
}

async fn discovery(State(s): St) -> Response {
    json_response(StatusCode::OK, s.discovery())
}

async fn jwks(State(s): St) -> Response {
    json_response(StatusCode::OK, s.keys.jwks())
}

async fn authorize_get(State(s): St, headers: HeaderMap, uri: Uri) -> Response {
    s.authorize(&headers, &Params::from_query(uri.query()))
}

async fn authorize_post(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    s.authorize(&headers, &Params::parse(&body))
}

const UNKNOWN_REQUEST: &str = "unknown or expired authorization request";

async fn login_get(State(s): St, uri: Uri) -> Response {
    let p = Params::from_query(uri.query());
    let Some(request) = p.get("request").filter(|id| s.pending(id).is_some()) else {
        return error_page(StatusCode::BAD_REQUEST, UNKNOWN_REQUEST);
    };
    let pre = random_id(24);
    let csrf = random_id(24);
    {
        let now = now_secs();
        let mut st = s.lock();
        st.purge(now);
        make_room(&mut st.pre);
        st.pre.insert(
            pre.clone(),
            PreLogin {
                csrf: csrf.clone(),
                expires: now + PENDING_TTL,
            },
        );
    }
    let mut r = s.login_page(request, &csrf, None);
    r.headers_mut()
        .append(header::SET_COOKIE, web::set_cookie(PRE_COOKIE, &pre, false));
    r
}

async fn login_post(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    let p = Params::parse(&body);
    let Some(request) = p.get("request").filter(|id| s.pending(id).is_some()) else {
        return error_page(StatusCode::BAD_REQUEST, UNKNOWN_REQUEST);
    };
    let pre = web::cookie(&headers, PRE_COOKIE);
    let csrf_ok = match (&pre, p.get("csrf")) {
        (Some(pre), Some(csrf)) => s
            .lock()
            .pre
            .get(pre)
            .is_some_and(|rec| rec.csrf == csrf && rec.expires > now_secs()),
        _ => false,
    };
    let (Some(pre), true) = (pre, csrf_ok) else {
        return error_page(
            StatusCode::BAD_REQUEST,
            "the sign-in form expired or did not come from this server; start again",
        );
    };
    let csrf = p.get("csrf").unwrap_or_default();
    let (Some(username), Some(password)) = (p.get("username"), p.get("password")) else {
        return s.login_page(request, csrf, Some("enter a username and a password"));
    };
    let Some(user) = s.check_password(username, password).await else {
        return s.login_page(request, csrf, Some("invalid username or password"));
    };
    let session = random_id(32);
    {
        let mut st = s.lock();
        st.pre.remove(&pre);
        if let Some(old) = web::cookie(&headers, SESSION_COOKIE) {
            st.sessions.remove(&old);
        }
        make_room(&mut st.sessions);
        st.sessions.insert(
            session.clone(),
            AsSession {
                user,
                csrf: random_id(24),
                auth_time: now_secs(),
            },
        );
    }
    let mut r = web::found(&format!("/consent?request={request}"));
    let h = r.headers_mut();
    h.append(
        header::SET_COOKIE,
        web::set_cookie(SESSION_COOKIE, &session, false),
    );
    h.append(header::SET_COOKIE, web::set_cookie(PRE_COOKIE, "", true));
    r
}

async fn consent_get(State(s): St, headers: HeaderMap, uri: Uri) -> Response {
    let p = Params::from_query(uri.query());
    let Some((request, pending)) = p
        .get("request")
        .and_then(|id| s.pending(id).map(|pending| (id, pending)))
    else {
        return error_page(StatusCode::BAD_REQUEST, UNKNOWN_REQUEST);
    };
    let Some((_, user, csrf, _)) = s.session(&headers) else {
        return web::found(&format!("/login?request={request}"));
    };
    s.consent_page(request, &pending, user, &csrf)
}

async fn consent_post(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    let p = Params::parse(&body);
    let Some((_, user, csrf, auth_time)) = s.session(&headers) else {
        return error_page(StatusCode::FORBIDDEN, "not signed in");
    };
    if p.get("csrf") != Some(csrf.as_str()) {
        return error_page(
            StatusCode::FORBIDDEN,
            "the consent form did not come from this server",
        );
    }
    let approve = match p.get("decision") {
        Some("approve") => true,
        Some("deny") => false,
        _ => return error_page(StatusCode::BAD_REQUEST, "decision must be approve or deny"),
    };
    let now = now_secs();
    let pending = p.get("request").and_then(|id| {
        s.lock()
            .pending
            .remove(id)
            .filter(|pending| pending.expires > now)
    });
    let Some(pending) = pending else {
        return error_page(StatusCode::BAD_REQUEST, UNKNOWN_REQUEST);
    };
    let state = pending.state.as_deref();
    if !approve {
        return s.auth_error(
            &pending.redirect_uri,
            "access_denied",
            "the user denied the request",
            state,
        );
    }
    let allowed = &s.users[user].scope;
    let scope: Vec<String> = pending
        .scope
        .iter()
        .filter(|sc| ALWAYS_GRANTABLE.contains(&sc.as_str()) || allowed.contains(sc))
        .cloned()
        .collect();
    let code = random_id(32);
    {
        let mut st = s.lock();
        st.purge(now);
        make_room(&mut st.codes);
        st.codes.insert(
            code.clone(),
            CodeRecord {
                client_id: pending.client_id.clone(),
                redirect_uri: pending.redirect_uri.clone(),
                user,
                scope,
                nonce: pending.nonce.clone(),
                challenge: pending.challenge.clone(),
                auth_time,
                expires: now + CODE_TTL,
                used: false,
                grants: Vec::new(),
            },
        );
    }
    s.auth_response(&pending.redirect_uri, &[("code", &code)], state)
}

async fn token(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    let form_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .map(|ct| {
            ct.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
    if form_type.as_deref() != Some("application/x-www-form-urlencoded") {
        return invalid_request("the body must be application/x-www-form-urlencoded");
    }
    let p = Params::parse(&body);
    if let Some(name) = p.any_repeated() {
        return invalid_request(&format!("{name} is given more than once"));
    }
    let client = match s.authenticate_client(&headers, &p) {
        Ok(c) => c,
        Err(r) => return *r,
    };
    match p.get("grant_type") {
        None => invalid_request("missing grant_type"),
        Some("authorization_code") => s.code_grant(client, &p),
        Some("refresh_token") => s.refresh_grant(client, &p),
        Some(_) => token_error(
            StatusCode::BAD_REQUEST,
            "unsupported_grant_type",
            "authorization_code or refresh_token",
        ),
    }
}

async fn userinfo(State(s): St, headers: HeaderMap) -> Response {
    let (status, challenge, error) = match s.verify_bearer(&headers) {
        Ok(user) => {
            let name = &s.users[user].name;
            return no_store(json_response(
                StatusCode::OK,
                json!({"sub": name, "preferred_username": name}),
            ));
        }
        Err(BearerError::Missing) => (
            StatusCode::UNAUTHORIZED,
            format!("Bearer realm=\"{REALM}\""),
            "invalid_token",
        ),
        Err(BearerError::Invalid) => (
            StatusCode::UNAUTHORIZED,
            format!("Bearer realm=\"{REALM}\", error=\"invalid_token\""),
            "invalid_token",
        ),
        Err(BearerError::InsufficientScope) => (
            StatusCode::FORBIDDEN,
            format!("Bearer realm=\"{REALM}\", error=\"insufficient_scope\", scope=\"openid\""),
            "insufficient_scope",
        ),
    };
    let mut r = json_response(status, json!({ "error": error }));
    if let Ok(v) = HeaderValue::from_str(&challenge) {
        r.headers_mut().insert(header::WWW_AUTHENTICATE, v);
    }
    r
}

async fn logout_get(State(s): St, headers: HeaderMap, uri: Uri) -> Response {
    s.logout(&headers, &Params::from_query(uri.query()))
}

async fn logout_post(State(s): St, headers: HeaderMap, body: Bytes) -> Response {
    s.logout(&headers, &Params::parse(&body))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pkce_strings_and_scopes() {
        assert!(is_pkce_string(&"a".repeat(43)));
        assert!(!is_pkce_string(&"a".repeat(42)));
        assert!(!is_pkce_string(&"a".repeat(129)));
        assert!(!is_pkce_string(&format!("{}+", "a".repeat(43))));
        assert_eq!(
            parse_scope("openid  read openid"),
            Some(vec!["openid".to_string(), "read".to_string()])
        );
        assert_eq!(parse_scope("openid email"), None);
    }

    #[test]
    fn origins() {
        assert!(same_origin("http://a.test/cb", "http://a.test:80/other?x"));
        assert!(!same_origin("http://a.test/cb", "https://a.test/cb"));
        assert!(!same_origin(
            "http://a.test/cb",
            "http://a.test.evil.test/cb"
        ));
    }
}

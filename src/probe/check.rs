//! What a check is (its catalogue entry and its outcome) and what it works with: the
//! [`Cx`], which sends requests through the scoped client, carries the signed-in
//! sessions and the calibrations, and turns answers into redacted evidence.
//!
//! Checks are plain synchronous functions: `Cx::send` blocks on the probe's runtime,
//! which keeps each check readable top to bottom; the race check sends in parallel
//! through `Cx::send_all`.

use super::calibrate::{Calibration, Fingerprint, Verdict};
use super::forge::Jwt;
use super::http::{Http, HttpError, Request, Response};
use super::mint::{Minter, TestIssuer};
use super::oauth::flow::{AuthRequest, FlowEnd};
use super::oauth::{self, Metadata};
use super::profile::OauthClient;
use super::profile::{CredentialPlace, Profile};
use super::provider::{IdToken, TestProvider};
use super::session::{self, Account, LoginError, Session};
use crate::finding::Severity;
use serde::Serialize;
use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

/// A check's catalogue entry. The docs are generated from it.
#[derive(Debug, Clone, Copy)]
pub struct CheckInfo {
    /// Stable id (`JWT-ALG-NONE`).
    pub id: &'static str,
    pub title: &'static str,
    /// The control of DESIGN.md section 1 it tests.
    pub control: &'static str,
    pub severity: Severity,
    /// The requirement it maps to (ASVS 5.0, RFC section).
    pub clause: &'static str,
    /// The profile key it exercises; reports anchor to that line.
    pub anchor: &'static str,
    /// Runs only with `--slow` (statistical or waiting checks).
    pub slow: bool,
    /// May spend the primary session; the runner re-checks it afterwards.
    pub destructive: bool,
    /// Markdown: what it sends, what passes, how to fix a failure.
    pub docs: &'static str,
}

/// A check: its entry and its code.
pub struct Check {
    pub info: CheckInfo,
    pub run: fn(&mut Cx) -> Outcome,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Pass,
    Fail,
    /// The service broke (5xx, no answer) or the answer could not be judged.
    Error,
    /// Not applicable to this profile, or missing what it needs; the summary says why.
    Skip,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Pass => "pass",
            Status::Fail => "fail",
            Status::Error => "error",
            Status::Skip => "skip",
        }
    }
}

/// One request of a check and what came back, redacted.
#[derive(Debug, Clone, Serialize)]
pub struct Evidence {
    /// What the request tried (`alg "nOnE", no signature`).
    pub variant: String,
    /// `GET /api/me`.
    pub request: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<u16>,
    /// The start of the answer's body (or the transport error), secrets redacted.
    pub excerpt: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    pub status: Status,
    pub summary: String,
    pub evidence: Vec<Evidence>,
}

impl Outcome {
    pub fn pass(summary: impl Into<String>) -> Outcome {
        Outcome {
            status: Status::Pass,
            summary: summary.into(),
            evidence: vec![],
        }
    }
    pub fn fail(summary: impl Into<String>) -> Outcome {
        Outcome {
            status: Status::Fail,
            summary: summary.into(),
            evidence: vec![],
        }
    }
    pub fn error(summary: impl Into<String>) -> Outcome {
        Outcome {
            status: Status::Error,
            summary: summary.into(),
            evidence: vec![],
        }
    }
    pub fn skip(summary: impl Into<String>) -> Outcome {
        Outcome {
            status: Status::Skip,
            summary: summary.into(),
            evidence: vec![],
        }
    }
    pub fn with(mut self, evidence: impl IntoIterator<Item = Evidence>) -> Outcome {
        self.evidence.extend(evidence);
        self
    }
}

/// Run options that are not in the profile.
#[derive(Debug, Clone)]
pub struct Options {
    /// Run slow checks (timing statistics, waiting for natural expiry).
    pub slow: bool,
    /// The longest a slow check may wait.
    pub max_wait: Duration,
    /// The longest access-token lifetime allowed (profile, else policy).
    pub max_access_token_ttl_secs: u64,
    /// Where the canary listener binds, and the URL the service is told to fetch.
    pub canary_bind: std::net::SocketAddr,
    pub canary_url: Option<String>,
    /// Where the test issuer binds (none: no test issuer), and its advertised URL.
    pub issuer_bind: Option<std::net::SocketAddr>,
    pub issuer_url: Option<String>,
    /// Where the test provider of `login.kind = "rp"` binds, and its advertised URL.
    pub provider_bind: Option<std::net::SocketAddr>,
    pub provider_url: Option<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            slow: false,
            max_wait: Duration::from_secs(120),
            max_access_token_ttl_secs: 3600,
            canary_bind: std::net::SocketAddr::from(([127, 0, 0, 1], 0)),
            canary_url: None,
            issuer_bind: None,
            issuer_url: None,
            provider_bind: None,
            provider_url: None,
        }
    }
}

/// Looks up a secret by environment-variable name.
pub type Secrets = dyn Fn(&str) -> Option<String> + Send + Sync;

/// What a check works with.
pub struct Cx<'a> {
    pub profile: &'a Profile,
    pub options: &'a Options,
    http: &'a Http,
    runtime: &'a tokio::runtime::Runtime,
    secrets: &'a Secrets,
    /// The primary user's session; the runner keeps it valid between checks.
    pub main: Session,
    calibrations: BTreeMap<String, Result<Calibration, String>>,
    /// Values never shown in any output.
    redact: Vec<String>,
    minter: Option<Result<Arc<Minter>, Outcome>>,
    /// The test issuer, once a check needed it; it serves until the run ends.
    issuer: Option<TestIssuer>,
    /// The authorization server's metadata and cookies, kept between flows.
    oauth_metadata: Option<Result<Metadata, Outcome>>,
    oauth_jar: Session,
    /// The test provider of an `rp` login, started with the first login.
    provider: Option<TestProvider>,
}

impl<'a> Cx<'a> {
    pub fn new(
        profile: &'a Profile,
        options: &'a Options,
        http: &'a Http,
        runtime: &'a tokio::runtime::Runtime,
        secrets: &'a Secrets,
    ) -> Cx<'a> {
        Cx {
            profile,
            options,
            http,
            runtime,
            secrets,
            main: Session::default(),
            calibrations: BTreeMap::new(),
            redact: vec![],
            minter: None,
            issuer: None,
            oauth_metadata: None,
            oauth_jar: Session::default(),
            provider: None,
        }
    }

    /// An application login through the test provider: the application's login
    /// redirects to the provider; the probe issues a code whose ID token is `kind`
    /// and delivers it to the application's callback (with `iss` and `state`, unless
    /// `callback` edits them). Returns the client's cookies afterwards.
    pub fn rp_login(
        &mut self,
        kind: IdToken,
        callback: &dyn Fn(&mut BTreeMap<String, String>),
        start: Session,
    ) -> Result<Session, LoginError> {
        let rp = self.profile.rp.clone().ok_or_else(|| LoginError {
            step: "rp".into(),
            message: "the profile has no [rp]".into(),
            status: None,
        })?;
        let fail = |step: &str, message: String| LoginError {
            step: step.to_string(),
            message,
            status: None,
        };
        if self.provider.is_none() {
            let Some(bind) = self.options.provider_bind else {
                return Err(fail(
                    "rp",
                    "an rp login needs --provider-bind ADDR:PORT (and --provider-url if the application reaches it elsewhere): configure the application to use that provider".into(),
                ));
            };
            let secret = match &rp.secret_env {
                Some(env) => Some(self.secret(env).ok_or_else(|| {
                    fail(
                        "rp.client-secret-env",
                        format!("environment variable `{env}` is not set"),
                    )
                })?),
                None => None,
            };
            let provider = TestProvider::start(
                self.runtime,
                bind,
                self.options.provider_url.as_deref(),
                &rp.client_id,
                secret,
            )
            .map_err(|e| {
                fail(
                    "--provider-bind",
                    format!("cannot start the test provider on {bind}: {e}"),
                )
            })?;
            self.provider = Some(provider);
        }
        let provider = self.provider.as_ref().expect("started above");
        let authorize = provider.authorization_endpoint();
        let mut jar = start;
        let step = format!("the application's login (GET {})", rp.login);
        let mut request = Request::new("GET", &rp.login);
        if let Some(c) = jar.cookie_header() {
            request = request.header("Cookie", &c);
        }
        let response = self
            .send(&request)
            .map_err(|e| fail(&step, e.to_string()))?;
        jar.absorb(&response);
        let location = response
            .header("location")
            .filter(|l| l.starts_with(&authorize))
            .ok_or_else(|| {
                fail(
                    &step,
                    format!(
                        "answered {} without redirecting to the test provider ({authorize}): configure the application with the issuer {} and client id `{}`",
                        response.status, provider.url, rp.client_id
                    ),
                )
            })?
            .to_string();
        let params: BTreeMap<String, String> = reqwest::Url::parse(&location)
            .map(|u| u.query_pairs().into_owned().collect())
            .unwrap_or_default();
        let redirect_uri = params.get("redirect_uri").cloned().ok_or_else(|| {
            fail(
                &step,
                "the authorization request has no redirect_uri".into(),
            )
        })?;
        let code = provider.issue_code(&params, kind);
        let mut answer: BTreeMap<String, String> = BTreeMap::new();
        answer.insert("code".into(), code);
        answer.insert("iss".into(), provider.url.clone());
        if let Some(state) = params.get("state") {
            answer.insert("state".into(), state.clone());
        }
        callback(&mut answer);
        let mut url = reqwest::Url::parse(&redirect_uri)
            .map_err(|e| fail(&step, format!("redirect_uri `{redirect_uri}`: {e}")))?;
        url.query_pairs_mut().extend_pairs(answer.iter());
        let step = "the application's callback";
        let mut request = Request::new("GET", url.as_str());
        if let Some(c) = jar.cookie_header() {
            request = request.header("Cookie", &c);
        }
        let response = self.send(&request).map_err(|e| fail(step, e.to_string()))?;
        jar.login_cookies = jar.absorb(&response);
        if let CredentialPlace::Cookie { name } = &self.profile.credential {
            jar.credential = jar.cookies.get(name).cloned().unwrap_or_default();
        }
        self.remember_session(&jar);
        Ok(jar)
    }

    /// The authorization server's metadata, read once; skipped without `[oauth]`.
    pub fn oauth_metadata(&mut self) -> Result<Metadata, Outcome> {
        if let Some(m) = &self.oauth_metadata {
            return m.clone();
        }
        let made = match &self.profile.oauth {
            None => Err(Outcome::skip("needs an [oauth] section")),
            Some(config) => self
                .runtime
                .block_on(oauth::discover(self.http, config))
                .map_err(|e| Outcome::error(e.to_string())),
        };
        self.oauth_metadata = Some(made.clone());
        made
    }

    /// An `[oauth.clients]` role, or the skip that names it.
    pub fn oauth_client(&self, role: &str) -> Result<OauthClient, Outcome> {
        self.profile
            .oauth
            .as_ref()
            .and_then(|o| o.clients.get(role))
            .cloned()
            .ok_or_else(|| Outcome::skip(format!("needs [oauth.clients.{role}]")))
    }

    /// Runs an authorization request through the server's pages (signing in once
    /// per run; the server's cookies are kept between flows).
    pub fn oauth_flow(&mut self, request: &AuthRequest) -> Result<FlowEnd, Outcome> {
        let metadata = self.oauth_metadata()?;
        let config = self
            .profile
            .oauth
            .clone()
            .ok_or_else(|| Outcome::skip("needs an [oauth] section"))?;
        let account = match self.account(&config.user) {
            Ok(Some(a)) => a,
            Ok(None) => return Err(Outcome::skip(format!("needs [users.{}]", config.user))),
            Err(e) => return Err(Outcome::error(e)),
        };
        let mut jar = std::mem::take(&mut self.oauth_jar);
        let end = self.runtime.block_on(oauth::flow::authorize(
            self.http, &metadata, &config, &account, &mut jar, request,
        ));
        self.oauth_jar = jar;
        if let Ok(FlowEnd::Redirected { params, .. }) = &end {
            for v in params.values() {
                self.remember_secret(v);
            }
        }
        end.map_err(|e| Outcome::error(e.to_string()))
    }

    /// A token request from a client role (Basic authentication when it has a secret).
    pub fn oauth_token(
        &mut self,
        role: &str,
        params: &[(&str, &str)],
    ) -> Result<Result<Response, HttpError>, Outcome> {
        let metadata = self.oauth_metadata()?;
        let client = self.oauth_client(role)?;
        let secret = self.client_secret(role).map_err(Outcome::error)?;
        let answer = self.runtime.block_on(oauth::token_request(
            self.http,
            &metadata,
            &client,
            secret.as_deref(),
            params,
        ));
        if let Ok(r) = &answer {
            for field in ["access_token", "refresh_token", "id_token"] {
                if let Some(v) = session::json_field(&r.body, field) {
                    self.remember_secret(&v);
                }
            }
        }
        Ok(answer)
    }

    /// What mints validly signed tokens for the claim checks: the service's key from
    /// `jwt.signing-key-env`, else the test issuer (`--issuer-bind`). Made once, and
    /// only trusted after a token it mints with the captured claims unchanged is
    /// accepted: otherwise refusals of bad-claim tokens would prove nothing.
    pub fn minter(&mut self, like: &Jwt) -> Result<Arc<Minter>, Outcome> {
        if let Some(made) = &self.minter {
            return made.clone();
        }
        let made = self.make_minter(like);
        self.minter = Some(made.clone());
        made
    }

    fn make_minter(&mut self, like: &Jwt) -> Result<Arc<Minter>, Outcome> {
        let env = self
            .profile
            .jwt
            .as_ref()
            .and_then(|j| j.signing_key_env.clone());
        let (minter, from_issuer) = if let Some(env) = env {
            let secret = self.secret(&env).ok_or_else(|| {
                Outcome::skip(format!(
                    "environment variable `{env}` (jwt.signing-key-env) is not set"
                ))
            })?;
            let alg = like.alg().unwrap_or("none");
            let minter = Minter::new(&secret, alg)
                .map_err(|e| Outcome::error(format!("jwt.signing-key-env: {e}")))?;
            (Arc::new(minter), false)
        } else if let Some(bind) = self.options.issuer_bind {
            let issuer = TestIssuer::start(self.runtime, bind, self.options.issuer_url.as_deref())
                .map_err(|e| {
                    Outcome::error(format!("cannot start the test issuer on {bind}: {e}"))
                })?;
            let minter = issuer.minter();
            self.issuer = Some(issuer);
            (minter, true)
        } else {
            return Err(Outcome::skip(
                "needs validly signed tokens: set [jwt] signing-key-env to the staging signing key, or run the test issuer (--issuer-bind, --issuer-url) and configure the service to trust it",
            ));
        };
        let token = minter
            .mint(like, None, None, |_| {})
            .map_err(Outcome::error)?;
        let request = self.read_with(&token);
        let answer = self.send(&request);
        let accepted = match &answer {
            Ok(r) => self.judge("protected-read", r) == Ok(Verdict::Accepted),
            Err(_) => false,
        };
        if !accepted {
            let evidence = self.evidence(
                "a token minted with the captured claims unchanged",
                &request,
                &answer,
            );
            let why = format!(
                "a token minted by {} with the captured claims unchanged is refused, so refusals of bad claims would prove nothing",
                minter.source
            );
            return Err(if from_issuer {
                Outcome::skip(format!("{why}: configure the service to trust that issuer"))
            } else {
                Outcome::error(format!("{why}: is it the key the service verifies with?"))
            }
            .with([evidence]));
        }
        Ok(minter)
    }

    pub fn runtime(&self) -> &tokio::runtime::Runtime {
        self.runtime
    }

    /// Sends one request.
    pub fn send(&self, request: &Request) -> Result<Response, HttpError> {
        self.runtime.block_on(self.http.send(request))
    }

    /// Sends the requests at once (the race check).
    pub fn send_all(&self, requests: &[Request]) -> Vec<Result<Response, HttpError>> {
        self.runtime.block_on(self.http.send_burst(requests))
    }

    /// A secret by environment-variable name; remembered for redaction.
    pub fn secret(&mut self, name: &str) -> Option<String> {
        let value = (self.secrets)(name)?;
        self.remember_secret(&value);
        Some(value)
    }

    /// Marks a value as secret: no output shows it.
    pub fn remember_secret(&mut self, value: &str) {
        if value.len() >= 4 && !self.redact.iter().any(|v| v == value) {
            self.redact.push(value.to_string());
        }
    }

    /// A role's account (`primary`, `low`, `throwaway`) from the environment.
    pub fn account(&mut self, role: &str) -> Result<Option<Account>, String> {
        let Some(user) = self.profile.users.get(role).cloned() else {
            return Ok(None);
        };
        let missing = |name: &str| {
            format!("environment variable `{name}` ([users.{role}]) is not set: export the secret there")
        };
        let username = self
            .secret(&user.username_env)
            .ok_or_else(|| missing(&user.username_env))?;
        let password = self
            .secret(&user.password_env)
            .ok_or_else(|| missing(&user.password_env))?;
        Ok(Some(Account { username, password }))
    }

    /// Logs a role in as a new client, starting from `start`'s cookies.
    pub fn login_as(&mut self, role: &str, start: Session) -> Result<Session, LoginError> {
        if matches!(self.profile.login, super::profile::Login::Rp) {
            let session = self.rp_login(IdToken::Valid, &|_| {}, start)?;
            if session.credential.is_empty() {
                return Err(LoginError {
                    step: "the application's callback".into(),
                    message: "a valid ID token from the test provider did not give a session cookie (credential.cookie)".into(),
                    status: None,
                });
            }
            return Ok(session);
        }
        let account = self.account(role).map_err(|message| LoginError {
            step: format!("users.{role}"),
            message,
            status: None,
        })?;
        if account.is_none() && !matches!(self.profile.login, super::profile::Login::Command { .. })
        {
            return Err(LoginError {
                step: format!("users.{role}"),
                message: format!("the profile has no [users.{role}]"),
                status: None,
            });
        }
        let client_secret = self.client_secret("main").map_err(|message| LoginError {
            step: "oauth.clients.main".into(),
            message,
            status: None,
        })?;
        let session = self.runtime.block_on(session::login(
            self.http,
            self.profile,
            account.as_ref(),
            client_secret.as_deref(),
            start,
        ))?;
        self.remember_session(&session);
        Ok(session)
    }

    /// The secret of an `[oauth.clients]` role, when it has one (None: public).
    pub fn client_secret(&mut self, role: &str) -> Result<Option<String>, String> {
        let Some(env) = self
            .profile
            .oauth
            .as_ref()
            .and_then(|o| o.clients.get(role))
            .and_then(|c| c.secret_env.clone())
        else {
            return Ok(None);
        };
        self.secret(&env).map(Some).ok_or_else(|| {
            format!("environment variable `{env}` ([oauth.clients.{role}] client-secret-env) is not set")
        })
    }

    /// Logs in with an explicit account (a password the check changed).
    pub fn login_account(&mut self, account: &Account) -> Result<Session, LoginError> {
        let client_secret = self.client_secret("main").map_err(|message| LoginError {
            step: "oauth.clients.main".into(),
            message,
            status: None,
        })?;
        let session = self.runtime.block_on(session::login(
            self.http,
            self.profile,
            Some(account),
            client_secret.as_deref(),
            Session::default(),
        ))?;
        self.remember_session(&session);
        Ok(session)
    }

    /// A fresh session of the primary user (lifecycle checks spend their own).
    pub fn fresh(&mut self) -> Result<Session, LoginError> {
        self.login_as("primary", Session::default())
    }

    fn remember_session(&mut self, session: &Session) {
        let mut values = vec![session.credential.clone()];
        values.extend(session.refresh_token.clone());
        values.extend(session.csrf_token.clone());
        values.extend(session.id_token.clone());
        values.extend(session.cookies.values().cloned());
        for v in values {
            self.remember_secret(&v);
        }
    }

    /// Sends one login attempt for `account` (the login page first for a form login,
    /// for its cookies and CSRF input), without judging it. `None` for command logins.
    pub fn attempt_login(&self, account: &Account) -> Option<Result<Response, HttpError>> {
        let mut jar = Session::default();
        let mut page_body = None;
        if let super::profile::Login::Form { page, .. } = &self.profile.login {
            match self.send(&Request::new("GET", page)) {
                Ok(r) => {
                    jar.absorb(&r);
                    page_body = Some(r.body);
                }
                Err(e) => return Some(Err(e)),
            }
        }
        let mut request = session::login_request(self.profile, account, page_body.as_deref())?;
        if let Some(c) = jar.cookie_header() {
            request = request.header("Cookie", &c);
        }
        Some(self.send(&request))
    }

    /// Logs the primary user in again (after a destructive check).
    pub fn relogin(&mut self) -> Result<(), LoginError> {
        self.main = self.fresh()?;
        Ok(())
    }

    /// The request the profile describes for an endpoint, its body's `{name}`
    /// placeholders filled from `vars`.
    pub fn endpoint(&self, name: &str, vars: &[(&str, &str)]) -> Option<Request> {
        let endpoint = self.profile.endpoints.get(name)?;
        Some(templated(
            Request::new(&endpoint.method, &endpoint.path),
            endpoint.body.as_deref(),
            endpoint.content_type.as_deref(),
            vars,
        ))
    }
}

/// `request` with a body from `template`, its `{name}` placeholders filled from
/// `vars` (JSON-escaped in a JSON body, form-encoded otherwise).
pub fn templated(
    request: Request,
    template: Option<&str>,
    content_type: Option<&str>,
    vars: &[(&str, &str)],
) -> Request {
    let mut request = request;
    {
        if let Some(template) = template {
            let json = template.trim_start().starts_with(['{', '[']);
            let body = vars.iter().fold(template.to_string(), |body, (k, v)| {
                let value = if json {
                    let quoted = serde_json::to_string(v).expect("a string serializes");
                    quoted[1..quoted.len() - 1].to_string()
                } else {
                    session::form_encode(v)
                };
                body.replace(&format!("{{{k}}}"), &value)
            });
            let content_type = content_type.unwrap_or(if json {
                "application/json"
            } else {
                "application/x-www-form-urlencoded"
            });
            request = request.body(content_type, body);
        }
    }
    request
}

impl Cx<'_> {
    /// `request` carrying `session`'s credential (and, for a cookie credential and a
    /// state-changing method, its anti-CSRF token).
    pub fn authed(&self, request: Request, session: &Session) -> Request {
        let mut request = self.with_credential(request, &session.credential, session);
        if let (Some(csrf), Some(token), CredentialPlace::Cookie { .. }) = (
            &self.profile.csrf,
            &session.csrf_token,
            &self.profile.credential,
        ) {
            if request.method != "GET" {
                request = request.header(&csrf.header, token);
            }
        }
        request
    }

    /// `request` carrying `credential` where the profile says credentials travel,
    /// with `session`'s other cookies.
    pub fn with_credential(
        &self,
        request: Request,
        credential: &str,
        session: &Session,
    ) -> Request {
        match &self.profile.credential {
            CredentialPlace::Header { name, scheme } => {
                let value = if scheme.is_empty() {
                    credential.to_string()
                } else {
                    format!("{scheme} {credential}")
                };
                let request = request.header(name, &value);
                match session.cookie_header() {
                    Some(c) => request.header("Cookie", &c),
                    None => request,
                }
            }
            CredentialPlace::Cookie { name } => {
                let mut jar = session.cookies.clone();
                jar.insert(name.clone(), credential.to_string());
                let cookie = jar
                    .iter()
                    .map(|(k, v)| format!("{k}={v}"))
                    .collect::<Vec<_>>()
                    .join("; ");
                request.header("Cookie", &cookie)
            }
        }
    }

    /// The primary credential as a JWT, if it is one.
    pub fn main_jwt(&self) -> Option<Jwt> {
        Jwt::parse(&self.main.credential).ok()
    }

    /// Calibrates an endpoint once: a valid credential (the primary session) and none.
    pub fn calibration(&mut self, endpoint: &str) -> Result<Calibration, String> {
        if let Some(c) = self.calibrations.get(endpoint) {
            return c.clone();
        }
        let result = self.calibrate(endpoint);
        self.calibrations
            .insert(endpoint.to_string(), result.clone());
        result
    }

    fn calibrate(&mut self, endpoint: &str) -> Result<Calibration, String> {
        let request = self
            .endpoint(endpoint, &[])
            .ok_or_else(|| format!("the profile has no [endpoints.{endpoint}]"))?;
        let valid = self
            .send(&self.authed(request.clone(), &self.main.clone()))
            .map_err(|e| format!("calibrating {endpoint} with a valid credential: {e}"))?;
        let none = self
            .send(&request)
            .map_err(|e| format!("calibrating {endpoint} without a credential: {e}"))?;
        Calibration::new(&valid, &none)
            .map_err(|e| format!("[endpoints.{endpoint}] cannot serve as a reference: {e}"))
    }

    /// Judges an answer of `endpoint` (calibrated on first use). An answer like
    /// neither reference counts as a rejection when it is a 4xx (a clean refusal of
    /// a malformed request).
    pub fn judge(&mut self, endpoint: &str, response: &Response) -> Result<Verdict, String> {
        let calibration = self.calibration(endpoint)?;
        Ok(match calibration.judge(response) {
            Verdict::Unclear if (400..500).contains(&response.status) => Verdict::Rejected,
            v => v,
        })
    }

    /// Judges an answer of an endpoint that cannot be calibrated (a password change,
    /// a second refresh): like `protected-read`'s rejection, a plain refusal or a 4xx
    /// is a rejection; a 2xx without error words is an acceptance.
    pub fn judge_plain(&mut self, response: &Response) -> Verdict {
        if response.status >= 500 {
            return Verdict::ServerError;
        }
        let f = Fingerprint::of(response);
        if let Ok(c) = self.calibration("protected-read") {
            if f == c.rejected {
                return Verdict::Rejected;
            }
        }
        match response.status {
            200..=299 if !f.error_words => Verdict::Accepted,
            200..=299 => Verdict::Rejected,
            300..=399 => Verdict::Unclear,
            _ => Verdict::Rejected,
        }
    }

    /// Evidence of one request and its answer, redacted.
    pub fn evidence(
        &self,
        variant: &str,
        request: &Request,
        answer: &Result<Response, HttpError>,
    ) -> Evidence {
        let (status, excerpt) = match answer {
            Ok(r) => (Some(r.status), self.excerpt(&r.body)),
            Err(e) => (None, e.to_string()),
        };
        Evidence {
            variant: variant.to_string(),
            request: format!("{} {}", request.method, redact_query(&request.target)),
            status,
            excerpt,
        }
    }

    /// The first 160 characters of a body, control characters stripped, every known
    /// secret and every JWT-shaped string redacted.
    pub fn excerpt(&self, body: &[u8]) -> String {
        self.redact_text(&String::from_utf8_lossy(body), 160)
    }

    /// `text` with known secrets and JWT-shaped strings redacted, cut to `max` chars.
    pub fn redact_text(&self, text: &str, max: usize) -> String {
        let mut text = crate::finding::strip_control_chars(text).replace(['\n', '\t'], " ");
        let mut secrets = self.redact.clone();
        secrets.sort_by_key(|s| std::cmp::Reverse(s.len()));
        for s in &secrets {
            if text.contains(s.as_str()) {
                text = text.replace(s.as_str(), &crate::finding::redact_secret_fully(s));
            }
        }
        let text = jwt_shape().replace_all(&text, "<JWT redacted>");
        let mut out: String = text.chars().take(max).collect();
        if text.chars().count() > max {
            out.push('…');
        }
        out
    }

    /// Sends each variant to `endpoint` and expects every one to be rejected: any
    /// acceptance fails the check, a 5xx or an unjudgeable answer is an error.
    pub fn expect_rejected(&mut self, endpoint: &str, variants: Vec<(String, Request)>) -> Outcome {
        let total = variants.len();
        let mut accepted = vec![];
        let mut errors = vec![];
        let mut first_rejection = None;
        for (label, request) in variants {
            let answer = self.send(&request);
            let evidence = self.evidence(&label, &request, &answer);
            match answer {
                Err(e) => errors.push((evidence, e.to_string())),
                Ok(response) => match self.judge(endpoint, &response) {
                    Err(e) => return Outcome::error(e),
                    Ok(Verdict::Accepted) => accepted.push(evidence),
                    Ok(Verdict::Rejected) => {
                        first_rejection.get_or_insert(evidence);
                    }
                    Ok(Verdict::ServerError) => {
                        errors.push((evidence, "the service answered 5xx".into()))
                    }
                    Ok(Verdict::Unclear) => errors.push((
                        evidence,
                        "the answer resembles neither the accepted nor the rejected reference"
                            .into(),
                    )),
                },
            }
        }
        if !accepted.is_empty() {
            let labels: Vec<&str> = accepted.iter().map(|e| e.variant.as_str()).collect();
            return Outcome::fail(format!(
                "{} of {total} accepted: {}",
                accepted.len(),
                labels.join("; ")
            ))
            .with(accepted)
            .with(errors.into_iter().map(|(e, _)| e));
        }
        if let Some((_, why)) = errors.first() {
            let why = why.clone();
            return Outcome::error(format!("{} of {total} not judged: {why}", errors.len()))
                .with(errors.into_iter().map(|(e, _)| e));
        }
        Outcome::pass(format!("all {total} rejected")).with(first_rejection)
    }

    /// The protected-read request carrying `token` as the credential (the primary
    /// session's other cookies kept), for token variants.
    pub fn read_with(&self, token: &str) -> Request {
        let request = self
            .endpoint("protected-read", &[])
            .expect("the profile validates protected-read");
        self.with_credential(request, token, &self.main)
    }
}

fn jwt_shape() -> &'static regex::Regex {
    static RE: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    RE.get_or_init(|| {
        regex::Regex::new(r"eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*\.?[A-Za-z0-9_-]*")
            .expect("the JWT pattern compiles")
    })
}

/// A target with any query value that looks like a token redacted.
fn redact_query(target: &str) -> String {
    match target.split_once('?') {
        None => target.to_string(),
        Some((path, query)) => {
            let redacted: Vec<String> = query
                .split('&')
                .map(|pair| match pair.split_once('=') {
                    Some((k, v)) if v.len() >= 8 => {
                        format!("{k}={}", crate::finding::redact_secret_fully(v))
                    }
                    _ => pair.to_string(),
                })
                .collect();
            format!("{path}?{}", redacted.join("&"))
        }
    }
}

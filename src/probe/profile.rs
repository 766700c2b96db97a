//! The target profile of `authgate probe` (TOML), validated with spans like the
//! policy: where the service is, how to log in, where the credential travels, which
//! endpoints to attack, and where secrets come from.
//!
//! A profile is trusted input: a `command` login runs the program it names. Secrets
//! never sit in the profile; it names the environment variables that hold them.

use crate::policy::{line_col, parse_duration};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

/// A profile error: file, line, column and what to do.
#[derive(Debug, thiserror::Error)]
#[error("{path}:{line}:{column}: {message}")]
pub struct ProfileError {
    pub path: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawProfile {
    target: Spanned<RawTarget>,
    credential: Spanned<RawCredential>,
    login: Spanned<RawLogin>,
    #[serde(default)]
    users: BTreeMap<Spanned<String>, Spanned<RawUser>>,
    #[serde(default)]
    endpoints: BTreeMap<Spanned<String>, Spanned<RawEndpoint>>,
    jwt: Option<Spanned<RawJwt>>,
    reset: Option<Spanned<RawReset>>,
    csrf: Option<Spanned<RawCsrf>>,
    oauth: Option<Spanned<RawOauth>>,
    rp: Option<Spanned<RawRp>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawRp {
    login: Spanned<String>,
    client_id: String,
    client_secret_env: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOauth {
    discovery_url: Spanned<String>,
    scope: Option<String>,
    #[serde(default)]
    revokes_on_code_replay: Option<bool>,
    post_logout_redirect_uri: Option<String>,
    #[serde(default)]
    clients: BTreeMap<Spanned<String>, Spanned<RawClient>>,
    login: Option<RawOauthLogin>,
    consent: Option<RawConsent>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawClient {
    client_id: String,
    client_secret_env: Option<Spanned<String>>,
    redirect_uri: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawOauthLogin {
    user: Option<Spanned<String>>,
    username_field: Option<String>,
    password_field: Option<String>,
    submit: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawConsent {
    submit: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCsrf {
    page: Spanned<String>,
    field: String,
    header: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawTarget {
    base_url: Spanned<String>,
    #[serde(default)]
    allowed_hosts: Vec<Spanned<String>>,
    #[serde(default)]
    allow_remote: bool,
    timeout: Option<Spanned<String>>,
    max_response_bytes: Option<Spanned<u64>>,
    request_budget: Option<Spanned<u64>>,
    rate: Option<Spanned<f64>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawCredential {
    #[serde(rename = "in")]
    location: Spanned<String>,
    header: Option<Spanned<String>>,
    scheme: Option<String>,
    cookie: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawLogin {
    kind: Spanned<String>,
    path: Option<Spanned<String>>,
    username_field: Option<String>,
    password_field: Option<String>,
    token_field: Option<String>,
    refresh_token_field: Option<String>,
    page: Option<Spanned<String>>,
    csrf_field: Option<String>,
    command: Option<Spanned<Vec<String>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawUser {
    username_env: Spanned<String>,
    password_env: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawEndpoint {
    method: Option<Spanned<String>>,
    path: Spanned<String>,
    body: Option<String>,
    content_type: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawJwt {
    jwks_url: Option<Spanned<String>>,
    signing_key_env: Option<Spanned<String>>,
    audience: Option<String>,
    issuer: Option<String>,
    max_access_token_ttl: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawReset {
    request: Spanned<String>,
    confirm: Spanned<String>,
    token_command: Spanned<Vec<String>>,
    request_body: Option<String>,
    confirm_body: Option<String>,
}

/// Where the credential travels.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CredentialPlace {
    /// A header, with an optional scheme (`Bearer`): `Authorization: Bearer <token>`.
    Header { name: String, scheme: String },
    /// A cookie.
    Cookie { name: String },
}

/// How the probe logs in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Login {
    /// POST a JSON body `{username-field: ..., password-field: ...}`.
    Json {
        path: String,
        username_field: String,
        password_field: String,
        /// Dotted path of the access token in the JSON response; `None`: the
        /// credential arrives as a cookie.
        token_field: Option<String>,
        refresh_token_field: Option<String>,
    },
    /// GET `page`, carry its hidden CSRF input, POST the form to `path`.
    Form {
        page: String,
        path: String,
        username_field: String,
        password_field: String,
        csrf_field: Option<String>,
    },
    /// Run a program that prints the token on standard output.
    Command { argv: Vec<String> },
    /// The authorization-code flow of `[oauth]` with its `main` client; the token
    /// endpoint's access token is the credential.
    Oauth,
    /// The application signs the user in through the probe's test provider
    /// (`[rp]`); its session cookie is the credential.
    Rp,
}

/// An application that signs users in through OpenID Connect, probed with the
/// probe's own test provider.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rp {
    /// The application's path that starts a login (it redirects to the provider).
    pub login: String,
    /// The client id the application uses at the provider.
    pub client_id: String,
    /// The client secret it authenticates with; None: the provider accepts any.
    pub secret_env: Option<String>,
}

/// The roles the probe knows.
pub const USER_ROLES: &[&str] = &["primary", "low", "throwaway"];

/// Endpoint names the checks use.
pub const ENDPOINTS: &[&str] = &[
    "protected-read",
    "protected-write",
    "privileged-read",
    "logout",
    "refresh",
    "registration",
    "password-change",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct User {
    pub username_env: String,
    pub password_env: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Endpoint {
    pub method: String,
    pub path: String,
    pub body: Option<String>,
    pub content_type: Option<String>,
    /// 1-based line of the endpoint in the profile (reports anchor here).
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Jwt {
    pub jwks_url: Option<String>,
    pub signing_key_env: Option<String>,
    pub audience: Option<String>,
    pub issuer: Option<String>,
    /// Overrides the policy's `[tokens] max-access-token-ttl`.
    pub max_access_token_ttl_secs: Option<u64>,
}

/// An OAuth client the probe plays.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OauthClient {
    pub client_id: String,
    /// None: a public client.
    pub secret_env: Option<String>,
    /// A registered redirect URI. The probe never fetches it: it reads the code from
    /// the `Location` header that points there.
    pub redirect_uri: String,
}

/// The authorization server and how to get through its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Oauth {
    pub discovery_url: String,
    pub scope: String,
    /// The server promises that replaying a code revokes the tokens issued from it.
    pub revokes_on_code_replay: bool,
    /// A registered post-logout redirect URI (the open-redirect check varies it).
    pub post_logout_redirect_uri: Option<String>,
    /// `main` (required), `public`, `other`.
    pub clients: BTreeMap<String, OauthClient>,
    /// The `[users]` role that signs in at the authorization server.
    pub user: String,
    pub username_field: String,
    pub password_field: String,
    /// `name=value` of the login form's submit button, when it has one.
    pub login_submit: Option<(String, String)>,
    /// `name=value` of the consent form's approve button; None: no consent step.
    pub consent_submit: Option<(String, String)>,
}

/// The client roles of `[oauth.clients]`.
pub const OAUTH_CLIENTS: &[&str] = &["main", "public", "other"];

/// Where a cookie-authenticated client finds its anti-CSRF token and how it sends it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Csrf {
    /// A page read with the session: the token is the JSON key, hidden input or
    /// `<meta name=...>` called `field`.
    pub page: String,
    pub field: String,
    /// The header every state-changing request carries it in.
    pub header: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reset {
    /// POSTed with `request_body` to ask for a reset.
    pub request: String,
    /// POSTed with `confirm_body` to set a new password with the token.
    pub confirm: String,
    /// Prints the reset token the service sent (reads a test mailbox or database);
    /// `{username}` is replaced.
    pub token_command: Vec<String>,
    /// Templates: `{username}`, `{token}`, `{new_password}` are replaced.
    pub request_body: String,
    pub confirm_body: String,
}

/// A validated profile.
#[derive(Debug, Clone)]
pub struct Profile {
    pub path: String,
    pub scheme: String,
    pub host: String,
    pub port: u16,
    /// `scheme://host:port`, without a trailing slash.
    pub origin: String,
    /// Hosts (`host` or `host:port`) requests may go to.
    pub allowed_hosts: Vec<String>,
    pub allow_remote: bool,
    pub timeout_secs: u64,
    pub max_response_bytes: u64,
    pub request_budget: u64,
    /// Requests per second.
    pub rate: f64,
    pub credential: CredentialPlace,
    pub login: Login,
    pub users: BTreeMap<String, User>,
    pub endpoints: BTreeMap<String, Endpoint>,
    pub jwt: Option<Jwt>,
    pub reset: Option<Reset>,
    pub csrf: Option<Csrf>,
    pub oauth: Option<Oauth>,
    pub rp: Option<Rp>,
    /// 1-based line of each section (`target`, `login`, `endpoints.logout`, ...), so
    /// reports can anchor a check to the part of the profile it exercised.
    pub lines: BTreeMap<String, usize>,
}

fn is_env_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with(|c: char| c.is_ascii_digit())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// `scheme://host[:port][/path]` split into its parts; no userinfo, query or fragment.
fn split_url(text: &str) -> Result<(String, String, u16), String> {
    let (scheme, rest) = text
        .split_once("://")
        .ok_or("not an absolute URL (`http://host:port`)")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "http" => 80,
        "https" => 443,
        other => return Err(format!("scheme `{other}` is not http or https")),
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if authority.contains('@') {
        return Err("credentials in the URL are not allowed: use the profile's users".into());
    }
    if rest.contains(['?', '#']) {
        return Err("the base URL takes no query or fragment".into());
    }
    let (host, port) = match authority.rsplit_once(':') {
        Some((host, port)) if !host.ends_with(']') || authority.starts_with('[') => {
            match port.parse::<u16>() {
                Ok(p) => (host.to_string(), p),
                Err(_) if authority.starts_with('[') && authority.ends_with(']') => {
                    (authority.to_string(), default_port)
                }
                Err(_) => return Err(format!("port `{port}` is not a number")),
            }
        }
        _ => (authority.to_string(), default_port),
    };
    if host.is_empty() {
        return Err("no host".into());
    }
    Ok((scheme, host.to_ascii_lowercase(), port))
}

impl Profile {
    pub fn load(path: &std::path::Path) -> Result<Profile, ProfileError> {
        let display = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| ProfileError {
            path: display.clone(),
            line: 1,
            column: 1,
            message: format!("cannot read the profile: {e}"),
        })?;
        Profile::parse(&text, &display)
    }

    pub fn parse(text: &str, display: &str) -> Result<Profile, ProfileError> {
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = line_col(text, span.start);
            ProfileError {
                path: display.to_string(),
                line,
                column,
                message,
            }
        };
        let raw: RawProfile = toml::from_str(text)
            .map_err(|e| at(e.span().unwrap_or(0..0), e.message().trim().to_string()))?;

        let target = raw.target.get_ref();
        let (scheme, host, port) = split_url(target.base_url.get_ref())
            .map_err(|e| at(target.base_url.span(), format!("`target.base-url`: {e}")))?;
        let mut allowed_hosts: Vec<String> = target
            .allowed_hosts
            .iter()
            .map(|h| h.get_ref().trim().to_ascii_lowercase())
            .collect();
        if !allowed_hosts
            .iter()
            .any(|h| *h == host || *h == format!("{host}:{port}"))
        {
            allowed_hosts.insert(0, host.clone());
        }
        if !target.allow_remote {
            let remote = std::iter::once((&target.base_url, host.clone()))
                .chain(target.allowed_hosts.iter().map(|h| {
                    let name = h.get_ref().trim();
                    let name = match name.rsplit_once(':') {
                        Some((n, p)) if p.parse::<u16>().is_ok() && !n.is_empty() => n,
                        _ => name,
                    };
                    (h, name.to_string())
                }))
                .find(|(_, h)| !is_loopback(h));
            if let Some((span, h)) = remote {
                return Err(at(
                    span.span(),
                    format!("host `{h}` is not a loopback address: set `allow-remote = true` in [target] to probe it (only against services you are allowed to attack)"),
                ));
            }
        }
        let timeout_secs = match &target.timeout {
            Some(t) => parse_duration(t.get_ref())
                .map_err(|e| at(t.span(), format!("`target.timeout`: {e}")))?
                .max(1),
            None => 10,
        };
        let positive = |value: &Option<Spanned<u64>>, key: &str, default: u64| match value {
            Some(v) if *v.get_ref() == 0 => {
                Err(at(v.span(), format!("`target.{key}` must be above 0")))
            }
            Some(v) => Ok(*v.get_ref()),
            None => Ok(default),
        };
        let max_response_bytes =
            positive(&target.max_response_bytes, "max-response-bytes", 1 << 20)?;
        let request_budget = positive(&target.request_budget, "request-budget", 2_000)?;
        let rate = match &target.rate {
            Some(r) if !(r.get_ref().is_finite() && *r.get_ref() > 0.0) => {
                return Err(at(
                    r.span(),
                    "`target.rate` is requests per second, above 0".into(),
                ))
            }
            Some(r) => *r.get_ref(),
            None => 50.0,
        };

        let cred = raw.credential.get_ref();
        let credential = match cred.location.get_ref().as_str() {
            "header" => {
                let name = cred
                    .header
                    .as_ref()
                    .map_or("Authorization".to_string(), |h| h.get_ref().clone());
                if name.is_empty()
                    || !name
                        .chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_".contains(c))
                {
                    let span = cred
                        .header
                        .as_ref()
                        .map_or(cred.location.span(), |h| h.span());
                    return Err(at(
                        span,
                        format!("`credential.header`: `{name}` is not a header name"),
                    ));
                }
                CredentialPlace::Header {
                    name,
                    scheme: cred.scheme.clone().unwrap_or_else(|| "Bearer".to_string()),
                }
            }
            "cookie" => {
                let name = cred.cookie.as_ref().ok_or_else(|| {
                    at(
                        raw.credential.span(),
                        "`credential`: `in = \"cookie\"` needs `cookie = \"<cookie name>\"`".into(),
                    )
                })?;
                CredentialPlace::Cookie {
                    name: name.get_ref().clone(),
                }
            }
            other => {
                return Err(at(
                    cred.location.span(),
                    format!("`credential.in`: `{other}` is not `header` or `cookie`"),
                ))
            }
        };

        let login_raw = raw.login.get_ref();
        let need_path = |what: &str| -> Result<String, ProfileError> {
            let p = login_raw.path.as_ref().ok_or_else(|| {
                at(
                    raw.login.span(),
                    format!("`login`: a {what} login needs `path = \"/login\"`"),
                )
            })?;
            relative_path(p, &at, "login.path")
        };
        let username_field = login_raw
            .username_field
            .clone()
            .unwrap_or_else(|| "username".into());
        let password_field = login_raw
            .password_field
            .clone()
            .unwrap_or_else(|| "password".into());
        let login = match login_raw.kind.get_ref().as_str() {
            "json" => Login::Json {
                path: need_path("json")?,
                username_field: username_field.clone(),
                password_field: password_field.clone(),
                token_field: login_raw.token_field.clone(),
                refresh_token_field: login_raw.refresh_token_field.clone(),
            },
            "form" => Login::Form {
                page: match &login_raw.page {
                    Some(p) => relative_path(p, &at, "login.page")?,
                    None => need_path("form")?,
                },
                path: need_path("form")?,
                username_field: username_field.clone(),
                password_field: password_field.clone(),
                csrf_field: login_raw.csrf_field.clone(),
            },
            "command" => {
                let argv = login_raw.command.as_ref().ok_or_else(|| {
                    at(
                        raw.login.span(),
                        "`login`: a command login needs `command = [\"program\", \"arg\"...]`"
                            .into(),
                    )
                })?;
                if argv.get_ref().is_empty() || argv.get_ref()[0].trim().is_empty() {
                    return Err(at(argv.span(), "`login.command`: empty command".into()));
                }
                Login::Command {
                    argv: argv.get_ref().clone(),
                }
            }
            "rp" => {
                if raw.rp.is_none() {
                    return Err(at(
                        login_raw.kind.span(),
                        "`login.kind = \"rp\"` needs an [rp] section".into(),
                    ));
                }
                if !matches!(credential, CredentialPlace::Cookie { .. }) {
                    return Err(at(
                        login_raw.kind.span(),
                        "`login.kind = \"rp\"` signs in to the application's session: set `credential.in = \"cookie\"`".into(),
                    ));
                }
                Login::Rp
            }
            "oauth" => {
                if raw.oauth.is_none() {
                    return Err(at(
                        login_raw.kind.span(),
                        "`login.kind = \"oauth\"` needs an [oauth] section".into(),
                    ));
                }
                Login::Oauth
            }
            other => {
                return Err(at(
                    login_raw.kind.span(),
                    format!("`login.kind`: `{other}` is not json, form, command, oauth or rp"),
                ))
            }
        };

        let mut users = BTreeMap::new();
        for (role, user) in &raw.users {
            if !USER_ROLES.contains(&role.get_ref().as_str()) {
                return Err(at(
                    role.span(),
                    format!(
                        "`users.{}`: roles are {}",
                        role.get_ref(),
                        USER_ROLES.join(", ")
                    ),
                ));
            }
            let u = user.get_ref();
            for env in [&u.username_env, &u.password_env] {
                if !is_env_name(env.get_ref()) {
                    return Err(at(
                        env.span(),
                        format!("`{}` is not an environment variable name: the profile names the variable that holds the secret, never the secret", env.get_ref()),
                    ));
                }
            }
            users.insert(
                role.get_ref().clone(),
                User {
                    username_env: u.username_env.get_ref().clone(),
                    password_env: u.password_env.get_ref().clone(),
                },
            );
        }
        if !matches!(login, Login::Command { .. } | Login::Rp) && !users.contains_key("primary") {
            return Err(at(
                raw.login.span(),
                "a json, form or oauth login needs `[users.primary]` with `username-env` and `password-env`".into(),
            ));
        }
        let rp = match &raw.rp {
            None => None,
            Some(r) => {
                let r = r.get_ref();
                if let Some(env) = &r.client_secret_env {
                    if !is_env_name(env.get_ref()) {
                        return Err(at(
                            env.span(),
                            format!(
                                "`rp.client-secret-env`: `{}` is not an environment variable name",
                                env.get_ref()
                            ),
                        ));
                    }
                }
                Some(Rp {
                    login: relative_path(&r.login, &at, "rp.login")?,
                    client_id: r.client_id.clone(),
                    secret_env: r.client_secret_env.as_ref().map(|e| e.get_ref().clone()),
                })
            }
        };
        let oauth = match &raw.oauth {
            None => None,
            Some(o) => Some(parse_oauth(o, &users, &at)?),
        };

        let mut endpoints = BTreeMap::new();
        for (name, endpoint) in &raw.endpoints {
            if !ENDPOINTS.contains(&name.get_ref().as_str()) {
                return Err(at(
                    name.span(),
                    format!(
                        "`endpoints.{}`: endpoints are {}",
                        name.get_ref(),
                        ENDPOINTS.join(", ")
                    ),
                ));
            }
            let e = endpoint.get_ref();
            let method = e
                .method
                .as_ref()
                .map_or("GET".to_string(), |m| m.get_ref().to_ascii_uppercase());
            if !["GET", "POST", "PUT", "PATCH", "DELETE"].contains(&method.as_str()) {
                let span = e.method.as_ref().map_or(endpoint.span(), |m| m.span());
                return Err(at(
                    span,
                    format!(
                        "`endpoints.{}.method`: `{method}` is not GET, POST, PUT, PATCH or DELETE",
                        name.get_ref()
                    ),
                ));
            }
            endpoints.insert(
                name.get_ref().clone(),
                Endpoint {
                    method,
                    path: relative_path(
                        &e.path,
                        &at,
                        &format!("endpoints.{}.path", name.get_ref()),
                    )?,
                    body: e.body.clone(),
                    content_type: e.content_type.clone(),
                    line: line_col(text, name.span().start).0,
                },
            );
        }
        if !endpoints.contains_key("protected-read") {
            return Err(at(
                0..0,
                "the profile needs `[endpoints.protected-read]`: an endpoint that answers a valid credential and refuses none; every check is judged against it".into(),
            ));
        }

        let jwt = match &raw.jwt {
            None => None,
            Some(j) => {
                let j = j.get_ref();
                if let Some(env) = &j.signing_key_env {
                    if !is_env_name(env.get_ref()) {
                        return Err(at(
                            env.span(),
                            format!(
                                "`jwt.signing-key-env`: `{}` is not an environment variable name",
                                env.get_ref()
                            ),
                        ));
                    }
                }
                let ttl =
                    match &j.max_access_token_ttl {
                        Some(t) => Some(parse_duration(t.get_ref()).map_err(|e| {
                            at(t.span(), format!("`jwt.max-access-token-ttl`: {e}"))
                        })?),
                        None => None,
                    };
                Some(Jwt {
                    jwks_url: j
                        .jwks_url
                        .as_ref()
                        .map(|u| {
                            if u.get_ref().starts_with("http://")
                                || u.get_ref().starts_with("https://")
                            {
                                Ok(u.get_ref().clone())
                            } else {
                                relative_path(u, &at, "jwt.jwks-url")
                            }
                        })
                        .transpose()?,
                    signing_key_env: j.signing_key_env.as_ref().map(|e| e.get_ref().clone()),
                    audience: j.audience.clone(),
                    issuer: j.issuer.clone(),
                    max_access_token_ttl_secs: ttl,
                })
            }
        };
        let reset = match &raw.reset {
            None => None,
            Some(r) => {
                let r = r.get_ref();
                if r.token_command.get_ref().is_empty() {
                    return Err(at(
                        r.token_command.span(),
                        "`reset.token-command`: empty command".into(),
                    ));
                }
                Some(Reset {
                    request: relative_path(&r.request, &at, "reset.request")?,
                    confirm: relative_path(&r.confirm, &at, "reset.confirm")?,
                    token_command: r.token_command.get_ref().clone(),
                    request_body: r
                        .request_body
                        .clone()
                        .unwrap_or_else(|| r#"{"username": "{username}"}"#.into()),
                    confirm_body: r.confirm_body.clone().unwrap_or_else(|| {
                        r#"{"token": "{token}", "new_password": "{new_password}"}"#.into()
                    }),
                })
            }
        };
        let csrf = match &raw.csrf {
            None => None,
            Some(c) => {
                let c = c.get_ref();
                Some(Csrf {
                    page: relative_path(&c.page, &at, "csrf.page")?,
                    field: c.field.clone(),
                    header: c.header.clone(),
                })
            }
        };
        let mut lines = BTreeMap::new();
        let mut line_of = |key: &str, start: usize| {
            // A table's span starts at its first key; the header is the line above.
            let line = line_col(text, start).0;
            let header = format!("[{key}]");
            let line = text
                .lines()
                .take(line)
                .enumerate()
                .filter(|(_, l)| l.trim() == header)
                .map(|(i, _)| i + 1)
                .last()
                .unwrap_or(line);
            lines.insert(key.to_string(), line);
        };
        line_of("target", raw.target.span().start);
        line_of("credential", raw.credential.span().start);
        line_of("login", raw.login.span().start);
        if let Some(j) = &raw.jwt {
            line_of("jwt", j.span().start);
        }
        if let Some(r) = &raw.reset {
            line_of("reset", r.span().start);
        }
        if let Some(c) = &raw.csrf {
            line_of("csrf", c.span().start);
        }
        if let Some(r) = &raw.rp {
            line_of("rp", r.span().start);
        }
        if let Some(o) = &raw.oauth {
            line_of("oauth", o.span().start);
            for (role, client) in &o.get_ref().clients {
                line_of(
                    &format!("oauth.clients.{}", role.get_ref()),
                    client.span().start,
                );
            }
        }
        for (role, user) in &raw.users {
            line_of(&format!("users.{}", role.get_ref()), user.span().start);
        }
        for (name, endpoint) in &endpoints {
            lines.insert(format!("endpoints.{name}"), endpoint.line);
        }
        let origin = if (scheme == "http" && port == 80) || (scheme == "https" && port == 443) {
            format!("{scheme}://{host}")
        } else {
            format!("{scheme}://{host}:{port}")
        };
        Ok(Profile {
            path: display.to_string(),
            scheme,
            host,
            port,
            origin,
            allowed_hosts,
            allow_remote: target.allow_remote,
            timeout_secs,
            max_response_bytes,
            request_budget,
            rate,
            credential,
            login,
            users,
            endpoints,
            jwt,
            reset,
            csrf,
            oauth,
            rp,
            lines,
        })
    }

    /// The line a report anchors to for a profile key (`endpoints.logout`), falling
    /// back to the section that holds it, then to line 1.
    pub fn line_of(&self, key: &str) -> usize {
        let mut key = key;
        loop {
            if let Some(line) = self.lines.get(key) {
                return *line;
            }
            match key.rsplit_once('.') {
                Some((parent, _)) => key = parent,
                None => return 1,
            }
        }
    }
}

fn parse_oauth(
    raw: &Spanned<RawOauth>,
    users: &BTreeMap<String, User>,
    at: &dyn Fn(std::ops::Range<usize>, String) -> ProfileError,
) -> Result<Oauth, ProfileError> {
    let o = raw.get_ref();
    let discovery_url = {
        let u = o.discovery_url.get_ref();
        if u.starts_with("http://") || u.starts_with("https://") {
            u.clone()
        } else {
            relative_path(&o.discovery_url, at, "oauth.discovery-url")?
        }
    };
    let mut clients = BTreeMap::new();
    for (role, client) in &o.clients {
        if !OAUTH_CLIENTS.contains(&role.get_ref().as_str()) {
            return Err(at(
                role.span(),
                format!(
                    "`oauth.clients.{}`: client roles are {}",
                    role.get_ref(),
                    OAUTH_CLIENTS.join(", ")
                ),
            ));
        }
        let c = client.get_ref();
        if let Some(env) = &c.client_secret_env {
            if !is_env_name(env.get_ref()) {
                return Err(at(
                    env.span(),
                    format!("`{}` is not an environment variable name: the profile names the variable that holds the client secret", env.get_ref()),
                ));
            }
        }
        let uri = c.redirect_uri.get_ref();
        if reqwest::Url::parse(uri).map_or(true, |u| !matches!(u.scheme(), "http" | "https")) {
            return Err(at(
                c.redirect_uri.span(),
                format!(
                    "`oauth.clients.{}.redirect-uri`: `{uri}` is not an absolute http(s) URL",
                    role.get_ref()
                ),
            ));
        }
        clients.insert(
            role.get_ref().clone(),
            OauthClient {
                client_id: c.client_id.clone(),
                secret_env: c.client_secret_env.as_ref().map(|e| e.get_ref().clone()),
                redirect_uri: uri.clone(),
            },
        );
    }
    if !clients.contains_key("main") {
        return Err(at(
            raw.span(),
            "[oauth] needs `[oauth.clients.main]` with client-id and redirect-uri".into(),
        ));
    }
    let pair = |value: &Spanned<String>, key: &str| -> Result<(String, String), ProfileError> {
        value
            .get_ref()
            .split_once('=')
            .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
            .filter(|(n, _)| !n.is_empty())
            .ok_or_else(|| {
                at(
                    value.span(),
                    format!(
                        "`{key}`: `{}` is not `name=value` (the button's name and value)",
                        value.get_ref()
                    ),
                )
            })
    };
    let login = o.login.as_ref();
    let user = match login.and_then(|l| l.user.as_ref()) {
        Some(u) if !users.contains_key(u.get_ref()) => {
            return Err(at(
                u.span(),
                format!("`oauth.login.user`: there is no [users.{}]", u.get_ref()),
            ))
        }
        Some(u) => u.get_ref().clone(),
        None => "primary".to_string(),
    };
    Ok(Oauth {
        discovery_url,
        scope: o.scope.clone().unwrap_or_else(|| "openid".into()),
        revokes_on_code_replay: o.revokes_on_code_replay.unwrap_or(true),
        post_logout_redirect_uri: o.post_logout_redirect_uri.clone(),
        clients,
        user,
        username_field: login
            .and_then(|l| l.username_field.clone())
            .unwrap_or_else(|| "username".into()),
        password_field: login
            .and_then(|l| l.password_field.clone())
            .unwrap_or_else(|| "password".into()),
        login_submit: login
            .and_then(|l| l.submit.as_ref())
            .map(|s| pair(s, "oauth.login.submit"))
            .transpose()?,
        consent_submit: o
            .consent
            .as_ref()
            .map(|c| pair(&c.submit, "oauth.consent.submit"))
            .transpose()?,
    })
}

/// A path on the target: starts with `/`, no scheme or host (requests never leave the
/// base URL's origin unless the host is allowed and the check says so).
fn relative_path(
    value: &Spanned<String>,
    at: &dyn Fn(std::ops::Range<usize>, String) -> ProfileError,
    key: &str,
) -> Result<String, ProfileError> {
    let v = value.get_ref().trim();
    if !v.starts_with('/') || v.starts_with("//") {
        return Err(at(
            value.span(),
            format!("`{key}`: `{v}` must be a path on the target starting with `/`"),
        ));
    }
    Ok(v.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = r#"
[target]
base-url = "http://127.0.0.1:8080"

[credential]
in = "header"

[login]
kind = "json"
path = "/api/login"
token-field = "access_token"

[users.primary]
username-env = "PROBE_USER"
password-env = "PROBE_PASSWORD"

[endpoints.protected-read]
path = "/api/me"
"#;

    #[test]
    fn a_minimal_profile_gets_safe_defaults() {
        let p = Profile::parse(MINIMAL, "probe.toml").unwrap();
        assert_eq!(p.origin, "http://127.0.0.1:8080");
        assert_eq!(p.allowed_hosts, vec!["127.0.0.1"]);
        assert_eq!(p.request_budget, 2_000);
        assert_eq!(p.timeout_secs, 10);
        assert_eq!(
            p.credential,
            CredentialPlace::Header {
                name: "Authorization".into(),
                scheme: "Bearer".into()
            }
        );
        assert_eq!(p.endpoints["protected-read"].method, "GET");
        assert_eq!(p.endpoints["protected-read"].line, 17);
    }

    #[test]
    fn errors_name_the_key_and_line() {
        let cases = [
            (
                MINIMAL.replace("127.0.0.1:8080", "api.example.com"),
                3,
                "allow-remote",
            ),
            (MINIMAL.replace("http://", "ftp://"), 3, "not http or https"),
            (
                MINIMAL.replace("http://127.0.0.1", "http://u:p@127.0.0.1"),
                3,
                "credentials in the URL",
            ),
            (
                MINIMAL.replace("in = \"header\"", "in = \"query\""),
                6,
                "credential.in",
            ),
            (
                MINIMAL.replace("kind = \"json\"", "kind = \"oauth\""),
                9,
                "login.kind",
            ),
            (
                MINIMAL.replace("path = \"/api/me\"", "path = \"https://evil.example/me\""),
                18,
                "must be a path",
            ),
            (
                MINIMAL.replace("PROBE_PASSWORD", "hunter2!"),
                15,
                "not an environment variable name",
            ),
            (
                MINIMAL.replace("[endpoints.protected-read]", "[endpoints.profile]"),
                17,
                "endpoints are",
            ),
            (
                format!("{MINIMAL}colour = \"red\"\n"),
                19,
                "unknown field `colour`",
            ),
            (
                MINIMAL.replace("[users.primary]", "[users.admin]"),
                13,
                "roles are",
            ),
        ];
        for (text, line, expected) in cases {
            let err = Profile::parse(&text, "probe.toml").unwrap_err();
            assert!(err.to_string().contains(expected), "{expected}: {err}");
            assert_eq!(err.line, line, "{expected}: {err}");
        }
    }

    #[test]
    fn a_remote_host_needs_allow_remote() {
        let text = MINIMAL.replace(
            "127.0.0.1:8080\"",
            "staging.example.com\"\nallow-remote = true",
        );
        let p = Profile::parse(&text, "probe.toml").unwrap();
        assert_eq!(p.origin, "http://staging.example.com");
        assert!(p.allow_remote);
    }
}

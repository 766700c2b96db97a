//! Logging in and carrying a credential: the probe's view of one signed-in client
//! (its token, refresh token and cookie jar), and the login kinds of the profile.

use super::http::{Http, HttpError, Request, Response};
use super::profile::{CredentialPlace, Login, Profile};
use std::collections::BTreeMap;

/// One `Set-Cookie`, parsed: name, value and attributes (names lower-cased).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetCookie {
    pub name: String,
    pub value: String,
    pub attributes: Vec<(String, Option<String>)>,
}

impl SetCookie {
    pub fn parse(header: &str) -> Option<SetCookie> {
        let mut parts = header.split(';');
        let (name, value) = parts.next()?.split_once('=')?;
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let attributes = parts
            .map(|a| match a.split_once('=') {
                Some((k, v)) => (k.trim().to_ascii_lowercase(), Some(v.trim().to_string())),
                None => (a.trim().to_ascii_lowercase(), None),
            })
            .filter(|(k, _)| !k.is_empty())
            .collect();
        Some(SetCookie {
            name: name.to_string(),
            value: value.trim().trim_matches('"').to_string(),
            attributes,
        })
    }

    /// The attribute's value (`Some("")` for a flag such as `HttpOnly`).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    /// Whether the cookie deletes itself (`Max-Age=0` or an empty value).
    pub fn is_removal(&self) -> bool {
        self.value.is_empty() || self.attribute("max-age").is_some_and(|v| v.trim() == "0")
    }
}

/// A signed-in client.
#[derive(Debug, Clone, Default)]
pub struct Session {
    /// The access token (header credentials) or the credential cookie's value.
    pub credential: String,
    pub refresh_token: Option<String>,
    /// Every cookie the client holds.
    pub cookies: BTreeMap<String, String>,
    /// The `Set-Cookie` headers of the login answer, for the cookie checks.
    pub login_cookies: Vec<SetCookie>,
    /// The anti-CSRF token, where the profile says how to find one.
    pub csrf_token: Option<String>,
    /// The cookies the login request carried (the fixation check's pre-login id).
    pub pre_login_cookies: BTreeMap<String, String>,
    /// The ID token of an OAuth login.
    pub id_token: Option<String>,
}

impl Session {
    /// Takes every cookie the response sets (removals remove).
    pub fn absorb(&mut self, response: &Response) -> Vec<SetCookie> {
        let set: Vec<SetCookie> = response
            .headers_named("set-cookie")
            .filter_map(SetCookie::parse)
            .collect();
        for cookie in &set {
            if cookie.is_removal() {
                self.cookies.remove(&cookie.name);
            } else {
                self.cookies
                    .insert(cookie.name.clone(), cookie.value.clone());
            }
        }
        set
    }

    /// The `Cookie` header value for the jar, if it holds anything.
    pub fn cookie_header(&self) -> Option<String> {
        (!self.cookies.is_empty()).then(|| {
            self.cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect::<Vec<_>>()
                .join("; ")
        })
    }
}

/// A user's name and password, read from the environment variables the profile names.
#[derive(Clone)]
pub struct Account {
    pub username: String,
    pub password: String,
}

impl std::fmt::Debug for Account {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Account({}, password redacted)", self.username)
    }
}

/// Why a login failed: the step and what went wrong.
#[derive(Debug, Clone, thiserror::Error)]
#[error("login failed at {step}: {message}")]
pub struct LoginError {
    pub step: String,
    pub message: String,
    /// The answer's status, when there was one (a 429 reads differently from a 401).
    pub status: Option<u16>,
}

fn fail(step: &str, message: impl Into<String>) -> LoginError {
    LoginError {
        step: step.to_string(),
        message: message.into(),
        status: None,
    }
}

fn transport(step: &str, e: HttpError) -> LoginError {
    let hint = match e {
        HttpError::Transport(_) | HttpError::Timeout(_) => {
            " (is the service running at target.base-url?)"
        }
        _ => "",
    };
    fail(step, format!("{e}{hint}"))
}

/// The value at a dotted path (`data.access_token`) of a JSON body.
pub fn json_field(body: &[u8], path: &str) -> Option<String> {
    let root: serde_json::Value = serde_json::from_slice(body).ok()?;
    let mut value = &root;
    for key in path.split('.') {
        value = value.get(key)?;
    }
    match value {
        serde_json::Value::String(s) => Some(s.clone()),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

/// The value of a hidden input, a `<meta name=...>` or a JSON key called `field`.
pub fn extract_field(body: &[u8], field: &str) -> Option<String> {
    if let Some(v) = json_field(body, field) {
        return Some(v);
    }
    let text = String::from_utf8_lossy(body);
    let escaped = regex::escape(field);
    let patterns = [
        format!(r#"(?is)<input[^>]*name\s*=\s*["']?{escaped}["']?[^>]*>"#),
        format!(r#"(?is)<meta[^>]*name\s*=\s*["']?{escaped}["']?[^>]*>"#),
    ];
    let value =
        regex::Regex::new(r#"(?is)(?:value|content)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))"#)
            .ok()?;
    for pattern in patterns {
        let tag = regex::Regex::new(&pattern).ok()?;
        if let Some(m) = tag.find(&text) {
            if let Some(c) = value.captures(m.as_str()) {
                let v = c.get(1).or(c.get(2)).or(c.get(3))?.as_str();
                return Some(html_unescape(v));
            }
        }
    }
    None
}

fn html_unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// `application/x-www-form-urlencoded` encoding of one value.
pub fn form_encode(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for b in value.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// `k=v&k=v`, each part form-encoded.
pub fn encode_pairs<K: AsRef<str>, V: AsRef<str>>(pairs: &[(K, V)]) -> String {
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", form_encode(k.as_ref()), form_encode(v.as_ref())))
        .collect::<Vec<_>>()
        .join("&")
}

/// The login request of the profile for `account`: what `login` sends, built apart so
/// the enumeration and brute-force checks can send it with wrong passwords.
/// `page_body` is the login page (form logins), for its CSRF input.
pub fn login_request(
    profile: &Profile,
    account: &Account,
    page_body: Option<&[u8]>,
) -> Option<Request> {
    match &profile.login {
        Login::Json {
            path,
            username_field,
            password_field,
            ..
        } => {
            let mut body = serde_json::Map::new();
            body.insert(username_field.clone(), account.username.clone().into());
            body.insert(password_field.clone(), account.password.clone().into());
            Some(Request::new("POST", path).body(
                "application/json",
                serde_json::to_vec(&body).expect("a JSON map serializes"),
            ))
        }
        Login::Form {
            path,
            username_field,
            password_field,
            csrf_field,
            ..
        } => {
            let mut fields = vec![
                (username_field.clone(), account.username.clone()),
                (password_field.clone(), account.password.clone()),
            ];
            if let (Some(field), Some(page)) = (csrf_field, page_body) {
                if let Some(token) = extract_field(page, field) {
                    fields.push((field.clone(), token));
                }
            }
            Some(
                Request::new("POST", path)
                    .body("application/x-www-form-urlencoded", encode_pairs(&fields)),
            )
        }
        Login::Command { .. } | Login::Oauth | Login::Rp => None,
    }
}

/// Logs `account` in (or runs the login command), starting from the cookies in
/// `start` (empty for a fresh client; the fixation check plants one).
pub async fn login(
    http: &Http,
    profile: &Profile,
    account: Option<&Account>,
    client_secret: Option<&str>,
    start: Session,
) -> Result<Session, LoginError> {
    let mut session = start;
    let response = match &profile.login {
        Login::Rp => {
            return Err(fail(
                "login",
                "an rp login runs through the probe's test provider (Cx::rp_login)",
            ))
        }
        Login::Oauth => {
            let account = account
                .ok_or_else(|| fail("login", "no user: an oauth login needs [users.primary]"))?;
            oauth_login(http, profile, account, client_secret, &mut session).await?;
            None
        }
        Login::Command { argv } => {
            let output = run_command(argv, &[], "login.command").await?;
            let value = output.trim().to_string();
            if value.is_empty() {
                return Err(fail("login.command", "the command printed nothing"));
            }
            if let CredentialPlace::Cookie { name } = &profile.credential {
                session.cookies.insert(name.clone(), value.clone());
            }
            session.credential = value;
            None
        }
        Login::Json { path, .. } | Login::Form { path, .. } => {
            let account = account.ok_or_else(|| {
                fail(
                    "login",
                    "no user: the profile needs [users.primary] for a json or form login",
                )
            })?;
            let mut page_body = None;
            if let Login::Form { page, .. } = &profile.login {
                let step = format!("the login page (GET {page})");
                let mut get = Request::new("GET", page);
                if let Some(c) = session.cookie_header() {
                    get = get.header("Cookie", &c);
                }
                let page_response = http.send(&get).await.map_err(|e| transport(&step, e))?;
                if page_response.status >= 400 {
                    return Err(fail(
                        &step,
                        format!("answered {}; check login.page", page_response.status),
                    ));
                }
                session.absorb(&page_response);
                page_body = Some(page_response.body);
            }
            let mut request = login_request(profile, account, page_body.as_deref())
                .expect("json and form logins build a request");
            session.pre_login_cookies = session.cookies.clone();
            if let Some(c) = session.cookie_header() {
                request = request.header("Cookie", &c);
            }
            let step = format!("POST {path}");
            let response = http.send(&request).await.map_err(|e| transport(&step, e))?;
            if response.status >= 400 {
                return Err(LoginError {
                    step,
                    message: format!(
                        "answered {}: check the username and password in the environment variables [users.primary] names",
                        response.status
                    ),
                    status: Some(response.status),
                });
            }
            session.login_cookies = session.absorb(&response);
            Some((step, response))
        }
    };
    if let Some((step, response)) = response {
        if let Login::Json {
            token_field,
            refresh_token_field,
            ..
        } = &profile.login
        {
            if let Some(field) = token_field {
                session.credential = json_field(&response.body, field).ok_or_else(|| {
                    fail(
                        &step,
                        format!("the answer has no `{field}` (login.token-field)"),
                    )
                })?;
            }
            if let Some(field) = refresh_token_field {
                session.refresh_token = json_field(&response.body, field);
            }
        }
        match &profile.credential {
            CredentialPlace::Cookie { name } => {
                session.credential = session.cookies.get(name).cloned().ok_or_else(|| {
                    fail(
                        &step,
                        format!("the answer set no cookie `{name}` (credential.cookie)"),
                    )
                })?;
            }
            CredentialPlace::Header { .. } if session.credential.is_empty() => {
                return Err(fail(
                    &step,
                    "no token: a header credential needs `login.token-field` naming the token in the JSON answer",
                ));
            }
            CredentialPlace::Header { .. } => {}
        }
    }
    if let (Some(csrf), CredentialPlace::Cookie { .. }) = (&profile.csrf, &profile.credential) {
        let step = format!("the CSRF page (GET {})", csrf.page);
        let mut get = Request::new("GET", &csrf.page);
        if let Some(c) = session.cookie_header() {
            get = get.header("Cookie", &c);
        }
        let page = http.send(&get).await.map_err(|e| transport(&step, e))?;
        session.csrf_token = Some(extract_field(&page.body, &csrf.field).ok_or_else(|| {
            fail(
                &step,
                format!("no `{}` in the answer (csrf.field)", csrf.field),
            )
        })?);
    }
    Ok(session)
}

/// The authorization-code flow with PKCE for the `main` client, then the token
/// request: the access token is the credential.
async fn oauth_login(
    http: &Http,
    profile: &Profile,
    account: &Account,
    client_secret: Option<&str>,
    session: &mut Session,
) -> Result<(), LoginError> {
    use super::oauth::{self, flow};
    let config = profile
        .oauth
        .as_ref()
        .expect("the profile validates [oauth]");
    let metadata = oauth::discover(http, config)
        .await
        .map_err(|e| fail(&e.step, e.message))?;
    let client = &config.clients["main"];
    let (verifier, challenge) = oauth::pkce_pair();
    let request = flow::AuthRequest::code(
        &client.client_id,
        &client.redirect_uri,
        &config.scope,
        &oauth::random_token(16),
    )
    .with("nonce", &oauth::random_token(16))
    .with("code_challenge", &challenge)
    .with("code_challenge_method", "S256");
    let mut jar = Session::default();
    let end = flow::authorize(http, &metadata, config, account, &mut jar, &request)
        .await
        .map_err(|e| fail(&e.step, e.message))?;
    let code = end
        .code()
        .ok_or_else(|| fail("the authorization flow", end.describe()))?;
    let step = format!("the token request (POST {})", metadata.token_endpoint);
    let response = oauth::token_request(
        http,
        &metadata,
        client,
        client_secret,
        &[
            ("grant_type", "authorization_code"),
            ("code", code),
            ("redirect_uri", &client.redirect_uri),
            ("code_verifier", &verifier),
        ],
    )
    .await
    .map_err(|e| transport(&step, e))?;
    if response.status != 200 {
        return Err(LoginError {
            step,
            message: format!(
                "answered {}: check [oauth.clients.main] client-id and client-secret-env",
                response.status
            ),
            status: Some(response.status),
        });
    }
    session.credential = json_field(&response.body, "access_token")
        .ok_or_else(|| fail(&step, "the answer has no `access_token`"))?;
    session.refresh_token = json_field(&response.body, "refresh_token");
    session.id_token = json_field(&response.body, "id_token");
    Ok(())
}

/// Runs a profile command (no shell) with `{name}` placeholders filled, for at most
/// 30 seconds, and returns its standard output.
pub async fn run_command(
    argv: &[String],
    vars: &[(&str, &str)],
    key: &str,
) -> Result<String, LoginError> {
    let argv: Vec<String> = argv
        .iter()
        .map(|a| {
            vars.iter()
                .fold(a.clone(), |a, (k, v)| a.replace(&format!("{{{k}}}"), v))
        })
        .collect();
    let mut command = tokio::process::Command::new(&argv[0]);
    command
        .args(&argv[1..])
        .stdin(std::process::Stdio::null())
        .kill_on_drop(true);
    let output = tokio::time::timeout(std::time::Duration::from_secs(30), command.output())
        .await
        .map_err(|_| fail(key, format!("`{}` ran for more than 30 s", argv[0])))?
        .map_err(|e| fail(key, format!("cannot run `{}`: {e}", argv[0])))?;
    if !output.status.success() {
        let stderr = String::from_utf8_lossy(&output.stderr);
        return Err(fail(
            key,
            format!(
                "`{}` failed ({}): {}",
                argv[0],
                output.status,
                stderr.trim().chars().take(200).collect::<String>()
            ),
        ));
    }
    Ok(String::from_utf8_lossy(&output.stdout).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_cookie_attributes_parse() {
        let c = SetCookie::parse("__Host-sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax").unwrap();
        assert_eq!(c.name, "__Host-sid");
        assert_eq!(c.value, "abc");
        assert_eq!(c.attribute("httponly"), Some(""));
        assert_eq!(c.attribute("samesite"), Some("Lax"));
        assert_eq!(c.attribute("domain"), None);
        assert!(SetCookie::parse("sid=; Max-Age=0").unwrap().is_removal());
    }

    #[test]
    fn fields_come_from_json_inputs_and_meta() {
        assert_eq!(
            json_field(br#"{"data": {"token": "t1"}}"#, "data.token").as_deref(),
            Some("t1")
        );
        let page = br#"<form><input type="hidden" name="csrf" value="a&amp;b"></form>"#;
        assert_eq!(extract_field(page, "csrf").as_deref(), Some("a&b"));
        let meta = br#"<meta content='m1' name="csrf-token">"#;
        assert_eq!(extract_field(meta, "csrf-token").as_deref(), Some("m1"));
        assert_eq!(form_encode("a b&c"), "a+b%26c");
    }
}

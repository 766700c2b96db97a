//! The unattended authorization-code flow: from the authorization request, follow
//! the server's redirects on the allowed hosts (never elsewhere), fill the login form
//! and the consent form the profile describes, and stop at the first redirect to the
//! redirect URI, reading the code (or error) from its `Location` without following it.

use super::form::{forms, Form};
use super::{flow_error, FlowError, Metadata};
use crate::probe::http::{Http, HttpError, Request};
use crate::probe::profile::Oauth;
use crate::probe::session::{Account, Session};
use std::collections::BTreeMap;

/// How a flow ended.
#[derive(Debug, Clone)]
pub enum FlowEnd {
    /// A redirect to the redirect URI the request named (or a client's registered
    /// one), with its query and fragment parameters: `code`, `state`, `iss`, or
    /// `error`.
    Redirected {
        location: String,
        params: BTreeMap<String, String>,
    },
    /// A redirect to a host outside the profile (an open redirect, or a redirect URI
    /// the server should have refused); not followed.
    Offsite { location: String },
    /// A page or an answer that is neither a redirect nor a form to fill: the
    /// server's error page, usually.
    Stopped {
        status: u16,
        url: String,
        body: Vec<u8>,
        /// What the page offered, when it had forms the profile did not describe.
        forms: Vec<String>,
    },
}

impl FlowEnd {
    /// The code, when the flow ended with one at a URI starting with `uri`.
    pub fn code_at(&self, uri: &str) -> Option<&str> {
        match self {
            FlowEnd::Redirected { location, params } if location.starts_with(uri) => {
                params.get("code").map(String::as_str)
            }
            _ => None,
        }
    }

    /// Whether the flow sent the browser to a URI starting with `uri`.
    pub fn went_to(&self, uri: &str) -> bool {
        match self {
            FlowEnd::Redirected { location, .. } | FlowEnd::Offsite { location } => {
                location.starts_with(uri)
            }
            FlowEnd::Stopped { .. } => false,
        }
    }

    /// The authorization code, when the flow ended with one.
    pub fn code(&self) -> Option<&str> {
        match self {
            FlowEnd::Redirected { params, .. } => params.get("code").map(String::as_str),
            _ => None,
        }
    }

    /// A short description for evidence and messages.
    pub fn describe(&self) -> String {
        match self {
            FlowEnd::Redirected { params, .. } if params.contains_key("code") => {
                "redirected to the redirect URI with a code".into()
            }
            FlowEnd::Redirected { params, .. } => format!(
                "redirected to the redirect URI with error `{}`",
                params.get("error").map_or("(none)", String::as_str)
            ),
            FlowEnd::Offsite { location } => {
                format!(
                    "redirected off the profile's hosts to {}",
                    strip_query(location)
                )
            }
            FlowEnd::Stopped {
                status, url, forms, ..
            } if !forms.is_empty() => format!(
                "stopped at {} ({status}): no form has the password field [oauth.login] password-field names, and no button matches [oauth.consent] submit; the page's forms: {}",
                strip_query(url),
                forms.join("; ")
            ),
            FlowEnd::Stopped { status, url, .. } => {
                format!("stopped at {} ({status})", strip_query(url))
            }
        }
    }
}

fn strip_query(url: &str) -> &str {
    url.split(['?', '#']).next().unwrap_or(url)
}

/// An authorization request: the parameters, in order.
#[derive(Debug, Clone)]
pub struct AuthRequest {
    /// Where the flow ends: a redirect whose `Location` starts with it.
    pub redirect_uri: String,
    pub params: Vec<(String, String)>,
}

impl AuthRequest {
    /// `response_type=code` for `client_id` and `redirect_uri`, with `scope` and
    /// `state`; add PKCE and the rest with [`AuthRequest::with`].
    pub fn code(client_id: &str, redirect_uri: &str, scope: &str, state: &str) -> AuthRequest {
        AuthRequest {
            redirect_uri: redirect_uri.to_string(),
            params: vec![
                ("response_type".into(), "code".into()),
                ("client_id".into(), client_id.into()),
                ("redirect_uri".into(), redirect_uri.into()),
                ("scope".into(), scope.into()),
                ("state".into(), state.into()),
            ],
        }
    }

    pub fn with(mut self, name: &str, value: &str) -> AuthRequest {
        self.params.retain(|(n, _)| n != name);
        self.params.push((name.into(), value.into()));
        self
    }

    pub fn without(mut self, name: &str) -> AuthRequest {
        self.params.retain(|(n, _)| n != name);
        self
    }

    pub fn url(&self, endpoint: &str) -> String {
        let query = crate::probe::session::encode_pairs(&self.params);
        let separator = if endpoint.contains('?') { '&' } else { '?' };
        format!("{endpoint}{separator}{query}")
    }
}

const MAX_STEPS: usize = 20;

/// Runs the flow for `request`, signing `account` in when the login form appears;
/// `jar` keeps the server's cookies between flows (a second flow skips the login).
pub async fn authorize(
    http: &Http,
    metadata: &Metadata,
    oauth: &Oauth,
    account: &Account,
    jar: &mut Session,
    request: &AuthRequest,
) -> Result<FlowEnd, FlowError> {
    let mut next = Request::new("GET", &request.url(&metadata.authorization_endpoint));
    let mut logins = 0;
    for _ in 0..MAX_STEPS {
        let step = format!("{} {}", next.method, strip_query(&next.target));
        let url = http
            .url(&next.target)
            .map_err(|e| flow_error(&step, e.to_string()))?;
        let mut sent = next.clone();
        if let Some(c) = jar.cookie_header() {
            sent = sent.header("Cookie", &c);
        }
        let response = http
            .send(&sent)
            .await
            .map_err(|e| flow_error(&step, e.to_string()))?;
        jar.absorb(&response);
        if (300..400).contains(&response.status) {
            let Some(location) = response.header("location") else {
                return Err(flow_error(
                    &step,
                    format!("a {} without Location", response.status),
                ));
            };
            let target = url
                .join(location)
                .map_err(|e| flow_error(&step, format!("Location `{location}`: {e}")))?;
            // The request's redirect URI, or any client's registered one: never
            // followed, the code (or error) is read from here.
            let ends = std::iter::once(request.redirect_uri.as_str())
                .chain(oauth.clients.values().map(|c| c.redirect_uri.as_str()))
                .any(|uri| target.as_str().starts_with(uri));
            if ends {
                return Ok(FlowEnd::Redirected {
                    location: target.to_string(),
                    params: params_of(&target),
                });
            }
            match http.url(target.as_str()) {
                Ok(_) => next = Request::new("GET", target.as_str()),
                Err(HttpError::OutOfScope(_)) => {
                    return Ok(FlowEnd::Offsite {
                        location: target.to_string(),
                    })
                }
                Err(e) => return Err(flow_error(&step, e.to_string())),
            }
            continue;
        }
        let html = String::from_utf8_lossy(&response.body);
        let page_forms = if response.status == 200 {
            forms(&html, &url)
        } else {
            vec![]
        };
        if let Some(form) = page_forms
            .iter()
            .find(|f| f.passwords.contains(&oauth.password_field))
        {
            logins += 1;
            if logins > 1 {
                return Err(flow_error(
                    &step,
                    format!(
                        "the login form came back after signing in: check [users.{}] and [oauth.login] username-field, password-field, submit",
                        oauth.user
                    ),
                ));
            }
            let button = oauth
                .login_submit
                .as_ref()
                .map(|(n, v)| (n.as_str(), v.as_str()));
            next = submit(
                form,
                &[
                    (oauth.username_field.as_str(), account.username.as_str()),
                    (oauth.password_field.as_str(), account.password.as_str()),
                ],
                button,
            );
            continue;
        }
        if let Some((name, value)) = &oauth.consent_submit {
            if let Some(form) = page_forms
                .iter()
                .find(|f| f.buttons.iter().any(|(n, v)| n == name && v == value))
            {
                next = submit(form, &[], Some((name, value)));
                continue;
            }
        }
        let forms = page_forms
            .iter()
            .map(|f| {
                let names: Vec<&str> = f.fields.iter().map(|(n, _)| n.as_str()).collect();
                let buttons: Vec<String> =
                    f.buttons.iter().map(|(n, v)| format!("{n}={v}")).collect();
                format!(
                    "{} {} (fields {}; password fields {}; buttons {})",
                    f.method,
                    strip_query(&f.action),
                    names.join(", "),
                    f.passwords.join(", "),
                    buttons.join(", ")
                )
            })
            .collect();
        return Ok(FlowEnd::Stopped {
            status: response.status,
            url: url.to_string(),
            body: response.body,
            forms,
        });
    }
    Err(flow_error(
        "the authorization flow",
        format!("more than {MAX_STEPS} redirects and pages: a loop?"),
    ))
}

fn submit(form: &Form, fill: &[(&str, &str)], button: Option<(&str, &str)>) -> Request {
    let body = form.submission(fill, button);
    if form.method == "GET" {
        let separator = if form.action.contains('?') { '&' } else { '?' };
        Request::new("GET", &format!("{}{separator}{body}", form.action))
    } else {
        Request::new("POST", &form.action).body("application/x-www-form-urlencoded", body)
    }
}

/// Query and fragment parameters of a URL (a fragment carries them in implicit or
/// form_post-less hybrid responses).
fn params_of(url: &reqwest::Url) -> BTreeMap<String, String> {
    let mut out: BTreeMap<String, String> = url.query_pairs().into_owned().collect();
    if let Some(fragment) = url.fragment() {
        if let Ok(with) = reqwest::Url::parse(&format!("http://x/?{fragment}")) {
            out.extend(with.query_pairs().into_owned());
        }
    }
    out
}

//! OAuth 2 / OpenID Connect: the authorization server's metadata, the unattended
//! authorization-code flow (following the server's redirects on allowed hosts and
//! filling its login and consent forms), and token requests.

pub mod flow;
pub mod form;

use super::http::{Http, Request, Response};
use super::profile::{Oauth, OauthClient};
use base64::Engine;
use sha2::Digest;

/// The server metadata the checks use (OIDC discovery / RFC 8414).
#[derive(Debug, Clone)]
pub struct Metadata {
    pub issuer: String,
    pub authorization_endpoint: String,
    pub token_endpoint: String,
    pub userinfo_endpoint: Option<String>,
    pub end_session_endpoint: Option<String>,
    /// RFC 9207: the server says its authorization responses carry `iss`.
    pub iss_parameter_supported: bool,
}

/// Why the flow stopped: the step and what went wrong.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{step}: {message}")]
pub struct FlowError {
    pub step: String,
    pub message: String,
}

pub fn flow_error(step: impl Into<String>, message: impl Into<String>) -> FlowError {
    FlowError {
        step: step.into(),
        message: message.into(),
    }
}

/// Reads the discovery document `oauth.discovery-url` names.
pub async fn discover(http: &Http, oauth: &Oauth) -> Result<Metadata, FlowError> {
    let step = format!("discovery (GET {})", oauth.discovery_url);
    let response = http
        .send(&Request::new("GET", &oauth.discovery_url))
        .await
        .map_err(|e| flow_error(&step, e.to_string()))?;
    if response.status != 200 {
        return Err(flow_error(&step, format!("answered {}", response.status)));
    }
    let doc: serde_json::Value = serde_json::from_slice(&response.body)
        .map_err(|e| flow_error(&step, format!("not JSON: {e}")))?;
    let text = |key: &str| doc.get(key).and_then(|v| v.as_str()).map(str::to_string);
    let need = |key: &str| {
        text(key).ok_or_else(|| flow_error(&step, format!("the document has no `{key}`")))
    };
    Ok(Metadata {
        issuer: need("issuer")?,
        authorization_endpoint: need("authorization_endpoint")?,
        token_endpoint: need("token_endpoint")?,
        userinfo_endpoint: text("userinfo_endpoint"),
        end_session_endpoint: text("end_session_endpoint"),
        iss_parameter_supported: doc
            .get("authorization_response_iss_parameter_supported")
            .and_then(|v| v.as_bool())
            .unwrap_or(false),
    })
}

/// A PKCE verifier (43 characters of base64url, RFC 7636 §4.1) and its S256 challenge.
pub fn pkce_pair() -> (String, String) {
    let verifier = random_token(32);
    (verifier.clone(), s256(&verifier))
}

/// The S256 code challenge of a verifier.
pub fn s256(verifier: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(sha2::Sha256::digest(verifier.as_bytes()))
}

/// `n` random bytes as base64url.
pub fn random_token(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// A token request (`grant_type` and its parameters) from `client`, authenticated
/// with HTTP Basic when the client has a secret (RFC 6749 §2.3.1), else with
/// `client_id` in the body.
pub async fn token_request(
    http: &Http,
    metadata: &Metadata,
    client: &OauthClient,
    secret: Option<&str>,
    params: &[(&str, &str)],
) -> Result<Response, super::http::HttpError> {
    let mut fields: Vec<(String, String)> = params
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let mut request = Request::new("POST", &metadata.token_endpoint);
    match secret {
        Some(secret) => {
            let credentials = format!(
                "{}:{}",
                super::session::form_encode(&client.client_id),
                super::session::form_encode(secret)
            );
            request = request.header(
                "Authorization",
                &format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(credentials)
                ),
            );
        }
        None => fields.push(("client_id".into(), client.client_id.clone())),
    }
    let body = super::session::encode_pairs(&fields);
    http.send(&request.body("application/x-www-form-urlencoded", body))
        .await
}

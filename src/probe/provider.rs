//! The test provider: for an application that signs users in through OpenID Connect,
//! the probe plays the provider (discovery, JWKS, authorize and token endpoints on
//! `--provider-bind`, reachable at `--provider-url`). Each authorization code it issues
//! carries an attack: the token endpoint answers it with an ID token that has no
//! signature, a broken one, or a wrong audience, issuer, nonce or expiry. A correct
//! application refuses the login.
//!
//! The token endpoint behaves like a real one for everything else: it authenticates
//! the client (HTTP Basic or body), requires the code's redirect URI, checks the PKCE
//! verifier, and redeems each code once. ID tokens are signed with `jsonwebtoken`
//! (ES256, a key made for the run); only the unsigned and broken variants are
//! hand-built.

use super::canary::{json_type, Canary, Handler, Received};
use super::forge::Jwt;
use base64::Engine;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

/// What the ID token of a code looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdToken {
    Valid,
    AlgNone,
    BadSignature,
    WrongAudience,
    WrongIssuer,
    WrongNonce,
    Expired,
}

#[derive(Debug, Clone)]
struct Pending {
    client_id: String,
    redirect_uri: String,
    nonce: Option<String>,
    challenge: Option<String>,
    kind: IdToken,
}

struct State {
    url: String,
    client_id: String,
    client_secret: Option<String>,
    key: EncodingKey,
    kid: String,
    jwks: String,
    codes: Mutex<BTreeMap<String, Pending>>,
    redeemed: Mutex<usize>,
}

pub struct TestProvider {
    pub url: String,
    state: Arc<State>,
    _server: Canary,
}

impl TestProvider {
    /// Starts the provider for one client (`client_secret` None: any secret, or a
    /// public client).
    pub fn start(
        runtime: &tokio::runtime::Runtime,
        bind: std::net::SocketAddr,
        advertised: Option<&str>,
        client_id: &str,
        client_secret: Option<String>,
    ) -> std::io::Result<TestProvider> {
        use p256::pkcs8::{EncodePrivateKey, LineEnding};
        let secret = p256::SecretKey::random(&mut rand_core::OsRng);
        let kid = format!("authgate-provider-{}", super::oauth::random_token(6));
        let mut jwk: Value =
            serde_json::from_str(&secret.public_key().to_jwk_string()).expect("a JWK is JSON");
        jwk["kid"] = Value::String(kid.clone());
        jwk["alg"] = Value::String("ES256".into());
        jwk["use"] = Value::String("sig".into());
        let pem = secret
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let key = EncodingKey::from_ec_pem(pem.as_bytes())
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let mut shared = None;
        let server = Canary::serve(runtime, bind, advertised, |url| {
            let state = Arc::new(State {
                url: url.to_string(),
                client_id: client_id.to_string(),
                client_secret,
                key,
                kid,
                jwks: json!({ "keys": [jwk] }).to_string(),
                codes: Mutex::new(BTreeMap::new()),
                redeemed: Mutex::new(0),
            });
            shared = Some(state.clone());
            let handler: Arc<Handler> = Arc::new(move |request: &Received| state.answer(request));
            handler
        })?;
        Ok(TestProvider {
            url: server.url.clone(),
            state: shared.expect("the handler was made"),
            _server: server,
        })
    }

    /// The authorization endpoint applications redirect to.
    pub fn authorization_endpoint(&self) -> String {
        format!("{}/authorize", self.url)
    }

    /// Issues a code for an authorization request's parameters; its ID token will
    /// be `kind`.
    pub fn issue_code(&self, params: &BTreeMap<String, String>, kind: IdToken) -> String {
        self.state.issue(params, kind)
    }

    /// How many codes the token endpoint has redeemed.
    pub fn redeemed(&self) -> usize {
        *self.state.redeemed.lock().expect("provider lock")
    }
}

fn error(status: u16, code: &str, description: &str) -> (u16, Vec<(String, String)>, String) {
    (
        status,
        json_type(),
        json!({ "error": code, "error_description": description }).to_string(),
    )
}

impl State {
    fn issue(&self, params: &BTreeMap<String, String>, kind: IdToken) -> String {
        let code = super::oauth::random_token(24);
        let challenge = match params.get("code_challenge_method").map(String::as_str) {
            Some("S256") => params.get("code_challenge").cloned(),
            _ => None,
        };
        self.codes.lock().expect("provider lock").insert(
            code.clone(),
            Pending {
                client_id: params.get("client_id").cloned().unwrap_or_default(),
                redirect_uri: params.get("redirect_uri").cloned().unwrap_or_default(),
                nonce: params.get("nonce").cloned(),
                challenge,
                kind,
            },
        );
        code
    }

    fn answer(&self, request: &Received) -> (u16, Vec<(String, String)>, String) {
        match (request.method.as_str(), request.path()) {
            ("GET", "/.well-known/openid-configuration") => (200, json_type(), self.discovery()),
            ("GET", "/jwks.json") => (200, json_type(), self.jwks.clone()),
            ("GET", "/authorize") => self.authorize(request),
            ("POST", "/token") => self.token(request),
            _ => (404, vec![], String::new()),
        }
    }

    fn discovery(&self) -> String {
        let url = &self.url;
        json!({
            "issuer": url,
            "authorization_endpoint": format!("{url}/authorize"),
            "token_endpoint": format!("{url}/token"),
            "jwks_uri": format!("{url}/jwks.json"),
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["ES256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post", "none"],
            "grant_types_supported": ["authorization_code"],
            "scopes_supported": ["openid", "profile"],
            "authorization_response_iss_parameter_supported": true,
        })
        .to_string()
    }

    /// A browser that reaches the provider is signed in at once (the test user).
    fn authorize(&self, request: &Received) -> (u16, Vec<(String, String)>, String) {
        let params = request.form();
        if params.get("client_id") != Some(&self.client_id) {
            return (400, vec![], "unknown client_id".into());
        }
        let Some(redirect) = params.get("redirect_uri").cloned() else {
            return (400, vec![], "redirect_uri is required".into());
        };
        let code = self.issue(&params, IdToken::Valid);
        let mut location = reqwest::Url::parse(&redirect).map_err(|_| ()).ok();
        let Some(url) = location.as_mut() else {
            return (400, vec![], "redirect_uri is not a URL".into());
        };
        url.query_pairs_mut()
            .append_pair("code", &code)
            .append_pair("iss", &self.url);
        if let Some(state) = params.get("state") {
            url.query_pairs_mut().append_pair("state", state);
        }
        (
            302,
            vec![("Location".into(), url.to_string())],
            String::new(),
        )
    }

    fn token(&self, request: &Received) -> (u16, Vec<(String, String)>, String) {
        let form = request.form();
        let (client_id, secret) = match request.header("authorization").and_then(basic) {
            Some((id, secret)) => (id, Some(secret)),
            None => (
                form.get("client_id").cloned().unwrap_or_default(),
                form.get("client_secret").cloned(),
            ),
        };
        if client_id != self.client_id {
            return error(401, "invalid_client", "unknown client");
        }
        if let Some(expected) = &self.client_secret {
            if secret.as_deref() != Some(expected.as_str()) {
                return error(401, "invalid_client", "wrong client secret");
            }
        }
        if form.get("grant_type").map(String::as_str) != Some("authorization_code") {
            return error(400, "unsupported_grant_type", "only authorization_code");
        }
        let code = form.get("code").cloned().unwrap_or_default();
        let Some(pending) = self.codes.lock().expect("provider lock").remove(&code) else {
            return error(400, "invalid_grant", "unknown or used code");
        };
        if pending.client_id != client_id || form.get("redirect_uri") != Some(&pending.redirect_uri)
        {
            return error(400, "invalid_grant", "client or redirect_uri mismatch");
        }
        if let Some(challenge) = &pending.challenge {
            let verifier = form.get("code_verifier").cloned().unwrap_or_default();
            if super::oauth::s256(&verifier) != *challenge {
                return error(400, "invalid_grant", "PKCE verifier mismatch");
            }
        }
        let id_token = match self.id_token(&pending) {
            Ok(t) => t,
            Err(e) => return error(400, "server_error", &e),
        };
        *self.redeemed.lock().expect("provider lock") += 1;
        (
            200,
            json_type(),
            json!({
                "access_token": super::oauth::random_token(24),
                "token_type": "Bearer",
                "expires_in": 300,
                "id_token": id_token,
            })
            .to_string(),
        )
    }

    fn id_token(&self, pending: &Pending) -> Result<String, String> {
        let now = super::mint::now();
        let mut claims = serde_json::Map::new();
        claims.insert("iss".into(), json!(self.url));
        claims.insert("sub".into(), json!("authgate-probe-user"));
        claims.insert("aud".into(), json!(pending.client_id));
        claims.insert("iat".into(), json!(now));
        claims.insert("auth_time".into(), json!(now));
        claims.insert("exp".into(), json!(now + 300));
        claims.insert("name".into(), json!("authgate probe"));
        if let Some(nonce) = &pending.nonce {
            claims.insert("nonce".into(), json!(nonce));
        }
        match pending.kind {
            IdToken::WrongAudience => {
                claims.insert("aud".into(), json!("authgate-probe-another-client"));
            }
            IdToken::WrongIssuer => {
                claims.insert("iss".into(), json!("https://authgate-probe.invalid"));
            }
            IdToken::WrongNonce => {
                claims.insert("nonce".into(), json!(super::oauth::random_token(16)));
            }
            IdToken::Expired => {
                claims.insert("iat".into(), json!(now - 7200));
                claims.insert("auth_time".into(), json!(now - 7200));
                claims.insert("exp".into(), json!(now - 3600));
            }
            _ => {}
        }
        let mut header = Header::new(Algorithm::ES256);
        header.kid = Some(self.kid.clone());
        let signed =
            jsonwebtoken::encode(&header, &claims, &self.key).map_err(|e| e.to_string())?;
        Ok(match pending.kind {
            IdToken::AlgNone => Jwt::parse(&signed)?.alg_none("none"),
            IdToken::BadSignature => Jwt::parse(&signed)?.tampered(),
            _ => signed,
        })
    }
}

/// `Basic base64(id:secret)`, each part form-decoded (RFC 6749 §2.3.1).
fn basic(header: &str) -> Option<(String, String)> {
    let encoded = header
        .strip_prefix("Basic ")
        .or_else(|| header.strip_prefix("basic "))?;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    let decode = |s: &str| {
        reqwest::Url::parse(&format!("http://x/?v={s}"))
            .ok()
            .and_then(|u| u.query_pairs().next().map(|(_, v)| v.into_owned()))
            .unwrap_or_default()
    };
    Some((decode(id), decode(secret)))
}

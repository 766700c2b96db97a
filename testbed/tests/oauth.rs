//! End-to-end tests of the OAuth 2.0 authorization server and the OpenID
//! Connect relying party, driven over HTTP without following redirects.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use authgate_testbed::{
    start_as, start_rp, AsConfig, AsFlaw, OauthClient, RpConfig, RpFlaw, Running, UserSpec,
};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine;
use p256::ecdsa::signature::Signer;
use rand_core::RngCore;
use reqwest::header::{AUTHORIZATION, COOKIE, LOCATION, SET_COOKIE, WWW_AUTHENTICATE};
use reqwest::{StatusCode, Url};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const APP_REDIRECT: &str = "http://app.example.test/cb";
const APP_LOGOUT: &str = "http://app.example.test/bye";
const SPA_REDIRECT: &str = "http://spa.example.test/cb";
const APP_SECRET: &str = "app-test-secret";

fn users() -> Vec<UserSpec> {
    vec![
        UserSpec {
            username: "alice".into(),
            password: "alice-test-password".into(),
            scope: "read write admin".into(),
        },
        UserSpec {
            username: "bob".into(),
            password: "bob-test-password".into(),
            scope: "read".into(),
        },
    ]
}

fn clients() -> Vec<OauthClient> {
    vec![
        OauthClient {
            client_id: "app".into(),
            secret: Some(APP_SECRET.into()),
            redirect_uris: vec![APP_REDIRECT.into()],
            post_logout_redirect_uris: vec![APP_LOGOUT.into()],
        },
        OauthClient {
            client_id: "spa".into(),
            secret: None,
            redirect_uris: vec![SPA_REDIRECT.into()],
            post_logout_redirect_uris: vec![],
        },
    ]
}

fn auth_server(flaws: &[AsFlaw]) -> Running {
    let mut config = AsConfig::new(users(), clients());
    config.flaws = flaws.iter().copied().collect();
    start_as(config).expect("the authorization server starts")
}

fn client() -> reqwest::Client {
    authgate_testbed::install_crypto_provider();
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy()
        .build()
        .unwrap()
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

fn b64(bytes: impl AsRef<[u8]>) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn form(pairs: &[(&str, &str)]) -> String {
    let mut s = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        s.append_pair(k, v);
    }
    s.finish()
}

struct Pkce {
    verifier: String,
    challenge: String,
}

fn pkce() -> Pkce {
    let mut buf = [0u8; 32];
    rand_core::OsRng.fill_bytes(&mut buf);
    let verifier = b64(buf);
    let challenge = b64(Sha256::digest(verifier.as_bytes()));
    Pkce {
        verifier,
        challenge,
    }
}

fn location(r: &reqwest::Response) -> String {
    r.headers()
        .get(LOCATION)
        .unwrap_or_else(|| panic!("no Location in a {} answer", r.status()))
        .to_str()
        .unwrap()
        .to_string()
}

/// The value of the cookie `name` set by the response (not a clearing one).
fn set_cookie(r: &reqwest::Response, name: &str) -> Option<String> {
    r.headers()
        .get_all(SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .filter(|v| !v.contains("Max-Age=0"))
        .filter_map(|v| v.split(';').next()?.split_once('='))
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.to_string())
}

/// The `value` of the form input named `name`.
fn input(html: &str, name: &str) -> String {
    html.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_else(|| panic!("no input {name} in {html}"))
        .to_string()
}

fn query(url: &str) -> HashMap<String, String> {
    Url::parse(url)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect()
}

fn claims_of(jwt: &str) -> Value {
    let payload = jwt.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap()
}

async fn json_of(r: reqwest::Response) -> Value {
    serde_json::from_slice(&r.bytes().await.unwrap()).unwrap_or(Value::Null)
}

/// A browser at the authorization server: signs in once, then keeps `__Host-as_session`.
struct Browser<'a> {
    c: reqwest::Client,
    s: &'a Running,
    session: Option<String>,
}

impl<'a> Browser<'a> {
    fn new(s: &'a Running) -> Browser<'a> {
        Browser {
            c: client(),
            s,
            session: None,
        }
    }

    fn url(&self, path_or_url: &str) -> String {
        if path_or_url.starts_with('/') {
            format!("{}{path_or_url}", self.s.base_url())
        } else {
            path_or_url.to_string()
        }
    }

    async fn get(&self, path_or_url: &str) -> reqwest::Response {
        let mut req = self.c.get(self.url(path_or_url));
        if let Some(sid) = &self.session {
            req = req.header(COOKIE, format!("__Host-as_session={sid}"));
        }
        req.send().await.unwrap()
    }

    async fn authorize(&self, params: &[(&str, &str)]) -> reqwest::Response {
        self.get(&format!("/authorize?{}", form(params))).await
    }

    /// Follows an authorization request through sign-in (as alice) and
    /// consent (approve); the URL the server finally redirects to.
    async fn approve_url(&mut self, authorize_url: &str) -> String {
        let r = self.get(authorize_url).await;
        assert_eq!(r.status(), StatusCode::FOUND, "authorize: {r:?}");
        let mut next = location(&r);
        if next.starts_with("/login?request=") {
            let r = self.get(&next).await;
            assert_eq!(r.status(), StatusCode::OK);
            let pre = set_cookie(&r, "__Host-as_pre").expect("__Host-as_pre cookie");
            let html = r.text().await.unwrap();
            assert!(html.contains("<form method=\"post\" action=\"/login\">"));
            assert!(html.contains("name=\"action\" value=\"login\""));
            let body = form(&[
                ("request", &input(&html, "request")),
                ("csrf", &input(&html, "csrf")),
                ("username", "alice"),
                ("password", "alice-test-password"),
                ("action", "login"),
            ]);
            let r = self
                .c
                .post(self.url("/login"))
                .header("content-type", "application/x-www-form-urlencoded")
                .header(COOKIE, format!("__Host-as_pre={pre}"))
                .body(body)
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), StatusCode::FOUND);
            self.session =
                Some(set_cookie(&r, "__Host-as_session").expect("__Host-as_session cookie"));
            next = location(&r);
        }
        assert!(next.starts_with("/consent?request="), "{next}");
        let r = self.get(&next).await;
        assert_eq!(r.status(), StatusCode::OK);
        let html = r.text().await.unwrap();
        assert!(html.contains("name=\"decision\" value=\"approve\""));
        assert!(html.contains("name=\"decision\" value=\"deny\""));
        let body = form(&[
            ("request", &input(&html, "request")),
            ("csrf", &input(&html, "csrf")),
            ("decision", "approve"),
        ]);
        let r = self
            .c
            .post(self.url("/consent"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header(
                COOKIE,
                format!("__Host-as_session={}", self.session.clone().unwrap()),
            )
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::FOUND);
        location(&r)
    }

    /// `approve_url` for these /authorize parameters; the redirect's query.
    async fn approve(&mut self, params: &[(&str, &str)]) -> HashMap<String, String> {
        let url = format!("/authorize?{}", form(params));
        query(&self.approve_url(&url).await)
    }
}

/// How a token request authenticates the client.
enum Auth<'a> {
    Basic(&'a str, &'a str),
    Public(&'a str),
}

async fn token(s: &Running, auth: Auth<'_>, pairs: &[(&str, &str)]) -> (StatusCode, Value) {
    let mut pairs = pairs.to_vec();
    let mut req = client()
        .post(format!("{}/token", s.base_url()))
        .header("content-type", "application/x-www-form-urlencoded");
    match auth {
        Auth::Basic(id, secret) => {
            req = req.header(
                AUTHORIZATION,
                format!("Basic {}", STANDARD.encode(format!("{id}:{secret}"))),
            )
        }
        Auth::Public(id) => pairs.push(("client_id", id)),
    }
    let r = req.body(form(&pairs)).send().await.unwrap();
    let status = r.status();
    (status, json_of(r).await)
}

async fn redeem(
    s: &Running,
    auth: Auth<'_>,
    code: &str,
    redirect: &str,
    verifier: Option<&str>,
) -> (StatusCode, Value) {
    let mut pairs = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect),
    ];
    if let Some(v) = verifier {
        pairs.push(("code_verifier", v));
    }
    token(s, auth, &pairs).await
}

async fn refresh(
    s: &Running,
    auth: Auth<'_>,
    rt: &str,
    scope: Option<&str>,
) -> (StatusCode, Value) {
    let mut pairs = vec![("grant_type", "refresh_token"), ("refresh_token", rt)];
    if let Some(scope) = scope {
        pairs.push(("scope", scope));
    }
    token(s, auth, &pairs).await
}

async fn userinfo(s: &Running, token: &str) -> reqwest::Response {
    client()
        .get(format!("{}/userinfo", s.base_url()))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .unwrap()
}

fn spa_params<'a>(p: &'a Pkce, state: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("response_type", "code"),
        ("client_id", "spa"),
        ("redirect_uri", SPA_REDIRECT),
        ("scope", "openid profile read"),
        ("state", state),
        ("nonce", "nonce-1"),
        ("code_challenge", &p.challenge),
        ("code_challenge_method", "S256"),
    ]
}

fn app_params(state: &str) -> Vec<(&str, &str)> {
    vec![
        ("response_type", "code"),
        ("client_id", "app"),
        ("redirect_uri", APP_REDIRECT),
        ("scope", "openid read"),
        ("state", state),
    ]
}

#[tokio::test]
async fn code_flow_with_pkce_is_correct_with_flaws_off() {
    let s = auth_server(&[]);
    let issuer = s.base_url();
    let c = client();

    let d = json_of(
        c.get(format!("{issuer}/.well-known/openid-configuration"))
            .send()
            .await
            .unwrap(),
    )
    .await;
    assert_eq!(d["issuer"], json!(issuer));
    assert_eq!(d["token_endpoint"], json!(format!("{issuer}/token")));
    assert_eq!(d["code_challenge_methods_supported"], json!(["S256"]));
    assert_eq!(
        d["authorization_response_iss_parameter_supported"],
        json!(true)
    );
    assert_eq!(s.issuer(), issuer);
    assert_eq!(s.audience(), format!("{issuer}/userinfo"));

    let mut b = Browser::new(&s);
    let p = pkce();
    let q = b.approve(&spa_params(&p, "state-1")).await;
    assert_eq!(q["state"], "state-1");
    assert_eq!(q["iss"], issuer);
    let code = q["code"].clone();

    // Another client cannot redeem it, even with the right verifier.
    let (status, body) = redeem(
        &s,
        Auth::Basic("app", APP_SECRET),
        &code,
        SPA_REDIRECT,
        Some(&p.verifier),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );

    // A wrong verifier fails and does not burn the code.
    let other = pkce();
    let (status, body) = redeem(
        &s,
        Auth::Public("spa"),
        &code,
        SPA_REDIRECT,
        Some(&other.verifier),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
    let (status, _) = redeem(&s, Auth::Public("spa"), &code, SPA_REDIRECT, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    let (status, tokens) = redeem(
        &s,
        Auth::Public("spa"),
        &code,
        SPA_REDIRECT,
        Some(&p.verifier),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    assert_eq!(tokens["token_type"], "Bearer");
    assert_eq!(tokens["expires_in"], 600);
    assert_eq!(tokens["scope"], "openid profile read");
    let access = tokens["access_token"].as_str().unwrap().to_string();
    let rt = tokens["refresh_token"].as_str().unwrap().to_string();
    let id_token = tokens["id_token"].as_str().unwrap().to_string();
    let at = claims_of(&access);
    assert_eq!(at["aud"], json!(format!("{issuer}/userinfo")));
    assert_eq!(at["client_id"], "spa");
    assert_eq!(
        at["exp"].as_u64().unwrap() - at["iat"].as_u64().unwrap(),
        600
    );
    let it = claims_of(&id_token);
    assert_eq!(
        (it["aud"].as_str(), it["nonce"].as_str()),
        (Some("spa"), Some("nonce-1"))
    );
    assert_eq!(it["iss"], json!(issuer));

    let r = userinfo(&s, &access).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json_of(r).await["sub"], "alice");
    let r = userinfo(&s, &id_token).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert!(r.headers()[WWW_AUTHENTICATE]
        .to_str()
        .unwrap()
        .contains("invalid_token"));
    assert_eq!(json_of(r).await["error"], "invalid_token");

    // Replay: refused, and everything the code gave is revoked.
    let (status, body) = redeem(
        &s,
        Auth::Public("spa"),
        &code,
        SPA_REDIRECT,
        Some(&p.verifier),
    )
    .await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
    assert_eq!(
        userinfo(&s, &access).await.status(),
        StatusCode::UNAUTHORIZED
    );
    let (status, body) = refresh(&s, Auth::Public("spa"), &rt, None).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );

    // Unregistered redirect URIs: a 400 page, never a redirect.
    for bad in [
        "http://spa.example.test/cb/evil",
        "http://spa.example.test/cb?x=1",
        "http://spa.example.test.evil.example/cb",
        "http://evil.example/cb",
    ] {
        let mut params = spa_params(&p, "s");
        params[2].1 = bad;
        let r = b.authorize(&params).await;
        assert_eq!(r.status(), StatusCode::BAD_REQUEST, "{bad}");
        assert!(r.headers().get(LOCATION).is_none());
    }
    let r = b
        .authorize(&[
            ("response_type", "code"),
            ("client_id", "nobody"),
            ("redirect_uri", SPA_REDIRECT),
        ])
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    // A public client must use PKCE, and S256.
    let mut params = spa_params(&p, "s2");
    params.truncate(6);
    let r = b.authorize(&params).await;
    let q = query(&location(&r));
    assert_eq!(
        (q["error"].as_str(), q["state"].as_str()),
        ("invalid_request", "s2")
    );
    let mut params = spa_params(&p, "s3");
    params[7].1 = "plain";
    let q = query(&location(&b.authorize(&params).await));
    assert_eq!(q["error"], "invalid_request");
    params.truncate(7);
    let q = query(&location(&b.authorize(&params).await));
    assert_eq!(q["error"], "invalid_request");
    let mut params = spa_params(&p, "s4");
    params[0].1 = "token";
    let q = query(&location(&b.authorize(&params).await));
    assert_eq!(q["error"], "unsupported_response_type");
}

#[tokio::test]
async fn confidential_client_refresh_logout_and_downgrade_defence() {
    let s = auth_server(&[]);
    let mut b = Browser::new(&s);
    let app = || Auth::Basic("app", APP_SECRET);

    // A confidential client may skip PKCE, but then may not send a verifier.
    let q = b.approve(&app_params("a1")).await;
    let code = &q["code"];
    let stray = pkce();
    let (status, body) = redeem(&s, app(), code, APP_REDIRECT, Some(&stray.verifier)).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
    let (status, body) = redeem(&s, Auth::Basic("app", "wrong"), code, APP_REDIRECT, None).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::UNAUTHORIZED, Some("invalid_client"))
    );
    let (status, body) = redeem(&s, app(), code, "http://app.example.test/other", None).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
    let (status, tokens) = redeem(&s, app(), code, APP_REDIRECT, None).await;
    assert_eq!(status, StatusCode::OK, "{tokens}");
    let rt1 = tokens["refresh_token"].as_str().unwrap().to_string();
    let id_token = tokens["id_token"].as_str().unwrap().to_string();

    // Refresh: no scope beyond the grant, not for another client; rotation.
    let (status, body) = refresh(&s, app(), &rt1, Some("openid read write")).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_scope"))
    );
    let (status, body) = refresh(&s, Auth::Public("spa"), &rt1, None).await;
    assert_eq!(
        (status, body["error"].as_str()),
        (StatusCode::BAD_REQUEST, Some("invalid_grant"))
    );
    let (status, body) = refresh(&s, app(), &rt1, Some("read")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["scope"], "read");
    let rt2 = body["refresh_token"].as_str().unwrap().to_string();
    assert_ne!(rt1, rt2);
    // Reuse of the old one revokes the family, rt2 included.
    let (status, _) = refresh(&s, app(), &rt1, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    let (status, _) = refresh(&s, app(), &rt2, None).await;
    assert_eq!(status, StatusCode::BAD_REQUEST);

    // Logout: back to a registered URI only, with a valid hint.
    let logout = |plru: &str, hint: &str| {
        format!(
            "/logout?{}",
            form(&[
                ("post_logout_redirect_uri", plru),
                ("id_token_hint", hint),
                ("state", "bye-1")
            ])
        )
    };
    let r = b.get(&logout(APP_LOGOUT, &id_token)).await;
    assert_eq!(r.status(), StatusCode::FOUND);
    assert_eq!(location(&r), format!("{APP_LOGOUT}?state=bye-1"));
    let r = b.get(&logout("http://evil.example/", &id_token)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let mut forged = id_token.clone();
    forged.push('A');
    let r = b.get(&logout(APP_LOGOUT, &forged)).await;
    assert_eq!(r.status(), StatusCode::OK);
    // Signed out: the next authorization needs a sign-in again.
    let r = b.authorize(&app_params("a2")).await;
    assert!(location(&r).starts_with("/login?request="));
}

#[tokio::test]
async fn as_flaws_each_change_an_answer() {
    // redirect-prefix: an extended redirect URI is accepted.
    let s = auth_server(&[AsFlaw::RedirectPrefix]);
    let b = Browser::new(&s);
    let mut params = app_params("p");
    params[2].1 = "http://app.example.test/cb/../../evil";
    let r = b.authorize(&params).await;
    assert_eq!(r.status(), StatusCode::FOUND);
    assert!(location(&r).starts_with("/login?request="));
    drop(b);
    s.stop();

    // code-reusable: a second redemption succeeds.
    let s = auth_server(&[AsFlaw::CodeReusable]);
    let mut b = Browser::new(&s);
    let q = b.approve(&app_params("r")).await;
    let app = || Auth::Basic("app", APP_SECRET);
    let (first, tokens) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    let (second, _) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    assert_eq!((first, second), (StatusCode::OK, StatusCode::OK));
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(userinfo(&s, access).await.status(), StatusCode::OK);

    // pkce-downgrade: a verifier for a code without challenge is ignored.
    let s = auth_server(&[AsFlaw::PkceDowngrade]);
    let mut b = Browser::new(&s);
    let q = b.approve(&app_params("d")).await;
    let stray = pkce();
    let (status, _) = redeem(&s, app(), &q["code"], APP_REDIRECT, Some(&stray.verifier)).await;
    assert_eq!(status, StatusCode::OK);

    // rt-scope-upscale: a refresh gets scopes beyond the grant.
    let s = auth_server(&[AsFlaw::RtScopeUpscale]);
    let mut b = Browser::new(&s);
    let q = b.approve(&app_params("u")).await;
    let (_, tokens) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    let rt = tokens["refresh_token"].as_str().unwrap();
    let (status, body) = refresh(&s, app(), rt, Some("openid read write")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert_eq!(body["scope"], "openid read write");
    assert_eq!(
        claims_of(body["access_token"].as_str().unwrap())["scope"],
        "openid read write"
    );
}

#[tokio::test]
async fn login_form_refuses_wrong_passwords_and_missing_csrf() {
    let s = auth_server(&[]);
    let b = Browser::new(&s);
    let p = pkce();
    let r = b.authorize(&spa_params(&p, "l")).await;
    let login = location(&r);
    let r = b.get(&login).await;
    let pre = set_cookie(&r, "__Host-as_pre").unwrap();
    let html = r.text().await.unwrap();
    let post = |pairs: Vec<(&str, String)>, cookie: Option<String>| {
        let pairs: Vec<(&str, &str)> = pairs.iter().map(|(k, v)| (*k, v.as_str())).collect();
        let mut req = client()
            .post(format!("{}/login", s.base_url()))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&pairs));
        if let Some(c) = cookie {
            req = req.header(COOKIE, format!("__Host-as_pre={c}"));
        }
        req.send()
    };
    let fields = |csrf: &str, password: &str| {
        vec![
            ("request", input(&html, "request")),
            ("csrf", csrf.to_string()),
            ("username", "alice".to_string()),
            ("password", password.to_string()),
            ("action", "login".to_string()),
        ]
    };
    let csrf = input(&html, "csrf");
    let r = post(fields(&csrf, "wrong"), Some(pre.clone()))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(set_cookie(&r, "__Host-as_session").is_none());
    assert!(r
        .text()
        .await
        .unwrap()
        .contains("invalid username or password"));
    let r = post(fields("forged", "alice-test-password"), Some(pre.clone()))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = post(fields(&csrf, "alice-test-password"), None)
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
    let r = post(fields(&csrf, "alice-test-password"), Some(pre))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND);
    let cookie = r
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap().to_string())
        .find(|v| v.starts_with("__Host-as_session="))
        .unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax") && cookie.contains("Path=/")
    );
}

/// An approved authorization for `params` at a fresh server with `flaw`.
async fn flawed(flaw: AsFlaw) -> Running {
    auth_server(&[flaw])
}

#[tokio::test]
async fn every_as_flaw_opens_its_hole() {
    let app = || Auth::Basic("app", APP_SECRET);
    let with_redirect = |r: &'static str| {
        let mut p = app_params("x");
        p[2].1 = r;
        p
    };

    let s = flawed(AsFlaw::RedirectAnyPath).await;
    let b = Browser::new(&s);
    let r = b
        .authorize(&with_redirect("http://app.example.test/elsewhere"))
        .await;
    assert!(
        location(&r).starts_with("/login?request="),
        "redirect-any-path"
    );
    let r = b
        .authorize(&with_redirect("http://app.example.test.evil.example/cb"))
        .await;
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);

    let s = flawed(AsFlaw::ErrorOpenRedirect).await;
    let r = Browser::new(&s)
        .authorize(&with_redirect("http://evil.example/cb"))
        .await;
    assert!(
        location(&r).starts_with("http://evil.example/cb?error=invalid_request"),
        "error-open-redirect"
    );

    let s = flawed(AsFlaw::LogoutOpenRedirect).await;
    let r = Browser::new(&s)
        .get("/logout?post_logout_redirect_uri=http%3A%2F%2Fevil.example%2F")
        .await;
    assert_eq!(location(&r), "http://evil.example/", "logout-open-redirect");

    let s = flawed(AsFlaw::TokenRedirectUnchecked).await;
    let q = Browser::new(&s).approve(&app_params("t")).await;
    let (status, _) = redeem(&s, app(), &q["code"], "http://evil.example/cb", None).await;
    assert_eq!(status, StatusCode::OK, "token-redirect-unchecked");

    let s = flawed(AsFlaw::PkceOptional).await;
    let unused = pkce();
    let mut params = spa_params(&unused, "o")
        .into_iter()
        .take(6)
        .collect::<Vec<_>>();
    let q = Browser::new(&s).approve(&params).await;
    assert!(q.contains_key("code"), "pkce-optional");
    let (status, _) = redeem(&s, Auth::Public("spa"), &q["code"], SPA_REDIRECT, None).await;
    assert_eq!(status, StatusCode::OK);

    let s = flawed(AsFlaw::PkcePlain).await;
    let plain = pkce();
    params.push(("code_challenge", &plain.verifier));
    let q = Browser::new(&s).approve(&params).await;
    let (status, _) = redeem(
        &s,
        Auth::Public("spa"),
        &q["code"],
        SPA_REDIRECT,
        Some(&plain.verifier),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "pkce-plain");

    let s = flawed(AsFlaw::PkceVerifierUnchecked).await;
    let q = Browser::new(&s).approve(&spa_params(&pkce(), "v")).await;
    let (status, _) = redeem(
        &s,
        Auth::Public("spa"),
        &q["code"],
        SPA_REDIRECT,
        Some("short"),
    )
    .await;
    assert_eq!(status, StatusCode::OK, "pkce-verifier-unchecked");

    let s = flawed(AsFlaw::CodeReplayNoRevoke).await;
    let q = Browser::new(&s).approve(&app_params("n")).await;
    let (_, tokens) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    let (second, _) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    assert_eq!(second, StatusCode::BAD_REQUEST);
    let access = tokens["access_token"].as_str().unwrap();
    assert_eq!(
        userinfo(&s, access).await.status(),
        StatusCode::OK,
        "code-replay-no-revoke"
    );

    let s = flawed(AsFlaw::CodeClientUnbound).await;
    let p = pkce();
    let q = Browser::new(&s).approve(&spa_params(&p, "c")).await;
    let (status, _) = redeem(&s, app(), &q["code"], SPA_REDIRECT, Some(&p.verifier)).await;
    assert_eq!(status, StatusCode::OK, "code-client-unbound");

    let s = flawed(AsFlaw::StateDropped).await;
    let q = Browser::new(&s).approve(&app_params("dropped")).await;
    assert!(
        !q.contains_key("state") && q.contains_key("iss"),
        "state-dropped"
    );

    let s = flawed(AsFlaw::IssParamMissing).await;
    let q = Browser::new(&s).approve(&app_params("i")).await;
    assert!(
        q.contains_key("state") && !q.contains_key("iss"),
        "iss-param-missing"
    );

    let s = flawed(AsFlaw::RtClientUnbound).await;
    let q = Browser::new(&s).approve(&app_params("rt")).await;
    let (_, tokens) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    let (status, _) = refresh(
        &s,
        Auth::Public("spa"),
        tokens["refresh_token"].as_str().unwrap(),
        None,
    )
    .await;
    assert_eq!(status, StatusCode::OK, "rt-client-unbound");

    let s = flawed(AsFlaw::IdTokenAsAccess).await;
    let q = Browser::new(&s).approve(&app_params("id")).await;
    let (_, tokens) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    let r = userinfo(&s, tokens["id_token"].as_str().unwrap()).await;
    assert_eq!(r.status(), StatusCode::OK, "id-token-as-access");

    let s = flawed(AsFlaw::LongLivedTokens).await;
    let q = Browser::new(&s).approve(&app_params("ll")).await;
    let (_, tokens) = redeem(&s, app(), &q["code"], APP_REDIRECT, None).await;
    let at = claims_of(tokens["access_token"].as_str().unwrap());
    assert_eq!(
        at["exp"].as_u64().unwrap() - at["iat"].as_u64().unwrap(),
        30 * 86_400,
        "long-lived-tokens"
    );
}

#[test]
fn flaw_names_round_trip() {
    for &f in AsFlaw::ALL {
        assert_eq!(AsFlaw::from_name(f.name()), Some(f));
    }
    for &f in RpFlaw::ALL {
        assert_eq!(RpFlaw::from_name(f.name()), Some(f));
        assert!(f.name().starts_with("rp-"));
    }
    assert_eq!(AsFlaw::ALL.len(), 18);
    assert_eq!(RpFlaw::ALL.len(), 8);
}

// ----- the relying party ---------------------------------------------------------

const RP_CLIENT: &str = "rp-client";
const RP_SECRET: &str = "rp-test-secret";

/// A minimal OpenID provider: discovery, JWKS, an /authorize that redirects
/// straight back with a code, and a /token that checks the client secret and
/// the PKCE verifier and answers with the ID token the test chose.
struct FakeProvider {
    url: String,
    key: p256::SecretKey,
    id_token: Arc<Mutex<String>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for FakeProvider {
    fn drop(&mut self) {
        self.task.abort();
    }
}

const FAKE_KID: &str = "fake-1";

async fn fake_provider() -> FakeProvider {
    use axum::extract::RawQuery;
    use axum::http::HeaderMap;
    use axum::response::IntoResponse;
    use p256::elliptic_curve::sec1::ToEncodedPoint;

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let key = p256::SecretKey::random(&mut rand_core::OsRng);
    let point = key.public_key().to_encoded_point(false);
    let jwks = json!({"keys": [{
        "kty": "EC", "crv": "P-256", "kid": FAKE_KID, "alg": "ES256", "use": "sig",
        "x": b64(point.x().unwrap()), "y": b64(point.y().unwrap()),
    }]})
    .to_string();
    let discovery = json!({
        "issuer": url,
        "authorization_endpoint": format!("{url}/authorize"),
        "token_endpoint": format!("{url}/token"),
        "jwks_uri": format!("{url}/jwks.json"),
        "authorization_response_iss_parameter_supported": true,
    })
    .to_string();
    let id_token = Arc::new(Mutex::new(String::new()));
    let challenges: Arc<Mutex<HashMap<String, String>>> = Arc::default();

    let issuer = url.clone();
    let seen = challenges.clone();
    let authorize = move |RawQuery(q): RawQuery| {
        let q: HashMap<String, String> = form_urlencoded::parse(q.unwrap_or_default().as_bytes())
            .into_owned()
            .collect();
        let code = format!("code-{}", seen.lock().unwrap().len());
        seen.lock()
            .unwrap()
            .insert(code.clone(), q["code_challenge"].clone());
        let mut back = Url::parse(&q["redirect_uri"]).unwrap();
        back.query_pairs_mut()
            .append_pair("code", &code)
            .append_pair("state", &q["state"])
            .append_pair("iss", &issuer);
        async move { axum::response::Redirect::to(back.as_str()) }
    };
    let chosen = id_token.clone();
    let token = move |headers: HeaderMap, body: String| {
        let f: HashMap<String, String> = form_urlencoded::parse(body.as_bytes())
            .into_owned()
            .collect();
        let basic = format!(
            "Basic {}",
            STANDARD.encode(format!("{RP_CLIENT}:{RP_SECRET}"))
        );
        let client_ok = headers.get("authorization").and_then(|v| v.to_str().ok()) == Some(&basic);
        let pkce_ok = challenges
            .lock()
            .unwrap()
            .get(f.get("code").map(String::as_str).unwrap_or(""))
            .is_some_and(|c| {
                f.get("code_verifier")
                    .is_some_and(|v| b64(Sha256::digest(v.as_bytes())) == *c)
            });
        let answer = if client_ok
            && pkce_ok
            && f.get("grant_type").map(String::as_str) == Some("authorization_code")
        {
            (
                axum::http::StatusCode::OK,
                json!({"access_token": "at", "token_type": "Bearer", "id_token": *chosen.lock().unwrap()})
                    .to_string(),
            )
        } else {
            (
                axum::http::StatusCode::BAD_REQUEST,
                json!({"error": "invalid_grant"}).to_string(),
            )
        };
        async move { answer.into_response() }
    };
    let app = axum::Router::new()
        .route(
            "/.well-known/openid-configuration",
            axum::routing::get(move || {
                let body = discovery.clone();
                async move { body }
            }),
        )
        .route(
            "/jwks.json",
            axum::routing::get(move || {
                let body = jwks.clone();
                async move { body }
            }),
        )
        .route("/authorize", axum::routing::get(authorize))
        .route("/token", axum::routing::post(token));
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    FakeProvider {
        url,
        key,
        id_token,
        task,
    }
}

impl FakeProvider {
    fn claims(&self, nonce: &str) -> Value {
        let iat = now();
        json!({
            "iss": self.url, "sub": "alice", "aud": RP_CLIENT, "iat": iat,
            "exp": iat + 300, "nonce": nonce, "name": "Alice",
        })
    }

    fn sign(&self, header: &Value, claims: &Value) -> String {
        let input = format!("{}.{}", b64(header.to_string()), b64(claims.to_string()));
        let sk = p256::ecdsa::SigningKey::from(self.key.clone());
        let sig: p256::ecdsa::Signature = sk.sign(input.as_bytes());
        format!("{input}.{}", b64(sig.to_bytes()))
    }

    fn es256(&self, claims: &Value) -> String {
        self.sign(
            &json!({"alg": "ES256", "typ": "JWT", "kid": FAKE_KID}),
            claims,
        )
    }
}

impl FakeProvider {
    /// Signs ES256 with a key that is not the provider's (kid as the provider's).
    fn signer() -> impl Fn(&Value) -> String {
        let other = p256::SecretKey::random(&mut rand_core::OsRng);
        move |claims| {
            let header = json!({"alg": "ES256", "typ": "JWT", "kid": FAKE_KID});
            let input = format!("{}.{}", b64(header.to_string()), b64(claims.to_string()));
            let sig: p256::ecdsa::Signature =
                p256::ecdsa::SigningKey::from(other.clone()).sign(input.as_bytes());
            format!("{input}.{}", b64(sig.to_bytes()))
        }
    }
}

fn unsigned(alg: &str, claims: &Value) -> String {
    let header = json!({"alg": alg, "typ": "JWT"});
    format!("{}.{}.", b64(header.to_string()), b64(claims.to_string()))
}

fn relying_party(provider: &str, flaws: &[RpFlaw]) -> Running {
    let mut config = RpConfig::new(provider, RP_CLIENT, RP_SECRET);
    config.flaws = flaws.iter().copied().collect();
    start_rp(config).expect("the relying party starts")
}

/// /login at the RP, the provider's /authorize, then the RP's /callback with
/// the ID token `make` builds from the login's nonce; the callback's answer.
async fn rp_login(
    rp: &Running,
    fake: &FakeProvider,
    make: &dyn Fn(&str) -> String,
) -> reqwest::Response {
    rp_login_edited(rp, fake, make, &|_| {}).await
}

type Pairs = Vec<(String, String)>;
type ClaimEdit = Box<dyn Fn(&mut Value)>;

/// `rp_login` with `edit` applied to the callback's query parameters.
async fn rp_login_edited(
    rp: &Running,
    fake: &FakeProvider,
    make: &dyn Fn(&str) -> String,
    edit: &dyn Fn(&mut Pairs),
) -> reqwest::Response {
    let c = client();
    let r = c
        .get(format!("{}/login", rp.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND);
    let pre = set_cookie(&r, "__Host-rp_pre").expect("__Host-rp_pre cookie");
    let to_provider = location(&r);
    assert!(to_provider.starts_with(&format!("{}/authorize?", fake.url)));
    let q = query(&to_provider);
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], RP_CLIENT);
    assert_eq!(q["redirect_uri"], format!("{}/callback", rp.base_url()));
    assert_eq!(q["scope"], "openid profile");
    assert_eq!(q["code_challenge_method"], "S256");
    *fake.id_token.lock().unwrap() = make(&q["nonce"]);
    let r = c.get(&to_provider).send().await.unwrap();
    let back = location(&r);
    assert!(back.starts_with(&format!("{}/callback?", rp.base_url())));
    let mut url = Url::parse(&back).unwrap();
    let mut pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    edit(&mut pairs);
    url.query_pairs_mut().clear().extend_pairs(&pairs);
    c.get(url.as_str())
        .header(COOKIE, format!("__Host-rp_pre={pre}"))
        .send()
        .await
        .unwrap()
}

async fn me(rp: &Running, session: Option<&str>) -> reqwest::Response {
    let mut req = client().get(format!("{}/me", rp.base_url()));
    if let Some(sid) = session {
        req = req.header(COOKIE, format!("__Host-rp_session={sid}"));
    }
    req.send().await.unwrap()
}

#[tokio::test]
async fn relying_party_accepts_good_id_tokens_only() {
    let fake = fake_provider().await;
    let rp = relying_party(&fake.url, &[]);
    assert_eq!(me(&rp, None).await.status(), StatusCode::UNAUTHORIZED);

    let r = rp_login(&rp, &fake, &|nonce| fake.es256(&fake.claims(nonce))).await;
    assert_eq!(r.status(), StatusCode::FOUND);
    assert_eq!(location(&r), "/me");
    let sid = set_cookie(&r, "__Host-rp_session").expect("__Host-rp_session cookie");
    let r = me(&rp, Some(&sid)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json_of(r).await, json!({"sub": "alice", "name": "Alice"}));

    type Make<'a> = Box<dyn Fn(&str) -> String + 'a>;
    let bad: Vec<(&str, Make)> = vec![
        ("alg none", Box::new(|n| unsigned("none", &fake.claims(n)))),
        ("alg NoNe", Box::new(|n| unsigned("NoNe", &fake.claims(n)))),
        (
            "wrong aud",
            Box::new(|n| {
                let mut c = fake.claims(n);
                c["aud"] = json!("someone-else");
                fake.es256(&c)
            }),
        ),
        (
            "wrong nonce",
            Box::new(|_| fake.es256(&fake.claims("not-this-login"))),
        ),
        (
            "expired",
            Box::new(|n| {
                let mut c = fake.claims(n);
                c["exp"] = json!(now() - 60);
                fake.es256(&c)
            }),
        ),
        (
            "wrong iss",
            Box::new(|n| {
                let mut c = fake.claims(n);
                c["iss"] = json!("http://evil.example");
                fake.es256(&c)
            }),
        ),
        ("bad signature", {
            let other = FakeProvider::signer();
            let fake = &fake;
            Box::new(move |n| other(&fake.claims(n)))
        }),
        ("alg HS256", {
            Box::new(|n| {
                let header = json!({"alg": "HS256", "typ": "JWT", "kid": FAKE_KID});
                let claims = fake.claims(n);
                format!(
                    "{}.{}.c2ln",
                    b64(header.to_string()),
                    b64(claims.to_string())
                )
            })
        }),
    ];
    for (what, make) in &bad {
        let r = rp_login(&rp, &fake, make.as_ref()).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{what}");
        assert!(set_cookie(&r, "__Host-rp_session").is_none(), "{what}");
        assert!(r.text().await.unwrap().contains("login failed"), "{what}");
    }

    // A callback whose state is not this browser's login is refused.
    let c = client();
    let r = c
        .get(format!("{}/login", rp.base_url()))
        .send()
        .await
        .unwrap();
    let pre = set_cookie(&r, "__Host-rp_pre").unwrap();
    let r = c
        .get(format!(
            "{}/callback?code=x&state=forged&iss={}",
            rp.base_url(),
            fake.url
        ))
        .header(COOKIE, format!("__Host-rp_pre={pre}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn relying_party_alg_none_flaw() {
    let fake = fake_provider().await;
    let rp = relying_party(&fake.url, &[RpFlaw::AlgNone]);
    let r = rp_login(&rp, &fake, &|n| unsigned("none", &fake.claims(n))).await;
    assert_eq!(r.status(), StatusCode::FOUND);
    let sid = set_cookie(&r, "__Host-rp_session").unwrap();
    assert_eq!(me(&rp, Some(&sid)).await.status(), StatusCode::OK);
    // The claims are still checked.
    let r = rp_login(&rp, &fake, &|_| unsigned("none", &fake.claims("other"))).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn relying_party_signs_in_through_the_authorization_server() {
    // The RP's redirect URI must be registered before it runs: reserve a port.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let rp_url = format!("http://127.0.0.1:{port}");
    let mut clients = clients();
    clients.push(OauthClient {
        client_id: RP_CLIENT.into(),
        secret: Some(RP_SECRET.into()),
        redirect_uris: vec![format!("{rp_url}/callback")],
        post_logout_redirect_uris: vec![],
    });
    let s = start_as(AsConfig::new(users(), clients)).unwrap();
    let mut config = RpConfig::new(&s.base_url(), RP_CLIENT, RP_SECRET);
    config.bind = format!("127.0.0.1:{port}").parse().unwrap();
    let rp = start_rp(config).unwrap();

    let c = client();
    let r = c.get(format!("{rp_url}/login")).send().await.unwrap();
    let pre = set_cookie(&r, "__Host-rp_pre").unwrap();
    let mut b = Browser::new(&s);
    let back = b.approve_url(&location(&r)).await;
    assert!(back.starts_with(&format!("{rp_url}/callback?")));
    let r = c
        .get(back)
        .header(COOKIE, format!("__Host-rp_pre={pre}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::FOUND);
    let sid = set_cookie(&r, "__Host-rp_session").unwrap();
    let r = me(&rp, Some(&sid)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(json_of(r).await, json!({"sub": "alice", "name": "alice"}));
}

#[tokio::test]
async fn every_rp_flaw_opens_its_hole() {
    let fake = fake_provider().await;
    let drop_param = |name: &'static str| move |pairs: &mut Pairs| pairs.retain(|(k, _)| k != name);
    let forge_state = |pairs: &mut Pairs| {
        for (k, v) in pairs.iter_mut() {
            if k == "state" {
                *v = "forged".into();
            }
        }
    };
    let good = |n: &str| fake.es256(&fake.claims(n));

    // Flaws off, the callback's state and iss are required.
    let rp = relying_party(&fake.url, &[]);
    for edit in [
        &drop_param("iss") as &dyn Fn(&mut Pairs),
        &drop_param("state"),
        &forge_state,
    ] {
        let r = rp_login_edited(&rp, &fake, &good, edit).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    }

    let rp = relying_party(&fake.url, &[RpFlaw::StateUnchecked]);
    let r = rp_login_edited(&rp, &fake, &good, &forge_state).await;
    assert_eq!(r.status(), StatusCode::FOUND, "rp-state-unchecked");
    let r = rp_login_edited(&rp, &fake, &good, &drop_param("state")).await;
    assert_eq!(r.status(), StatusCode::FOUND, "rp-state-unchecked");

    let rp = relying_party(&fake.url, &[RpFlaw::IssParamUnchecked]);
    let r = rp_login_edited(&rp, &fake, &good, &drop_param("iss")).await;
    assert_eq!(r.status(), StatusCode::FOUND, "rp-iss-param-unchecked");

    let rp = relying_party(&fake.url, &[RpFlaw::SigUnchecked]);
    let other = FakeProvider::signer();
    let r = rp_login(&rp, &fake, &|n| other(&fake.claims(n))).await;
    assert_eq!(r.status(), StatusCode::FOUND, "rp-sig-unchecked");
    let r = rp_login(&rp, &fake, &|n| unsigned("none", &fake.claims(n))).await;
    assert_eq!(
        r.status(),
        StatusCode::UNAUTHORIZED,
        "rp-sig-unchecked keeps alg ES256"
    );

    let cases: Vec<(RpFlaw, ClaimEdit)> = vec![
        (
            RpFlaw::AudUnchecked,
            Box::new(|c| c["aud"] = json!("someone-else")),
        ),
        (
            RpFlaw::IssUnchecked,
            Box::new(|c| c["iss"] = json!("http://evil.example")),
        ),
        (
            RpFlaw::NonceUnchecked,
            Box::new(|c| c["nonce"] = json!("other")),
        ),
        (
            RpFlaw::ExpUnchecked,
            Box::new(|c| c["exp"] = json!(now() - 60)),
        ),
    ];
    let strict = relying_party(&fake.url, &[]);
    for (flaw, edit) in &cases {
        let make = |n: &str| {
            let mut c = fake.claims(n);
            edit(&mut c);
            fake.es256(&c)
        };
        let r = rp_login(&strict, &fake, &make).await;
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{} off", flaw.name());
        let rp = relying_party(&fake.url, &[*flaw]);
        let r = rp_login(&rp, &fake, &make).await;
        assert_eq!(r.status(), StatusCode::FOUND, "{}", flaw.name());
    }
}

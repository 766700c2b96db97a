//! End-to-end tests of the testbed over HTTP.

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use authgate_testbed::{start, Config, Flaw, Mode, Rejection, Running, UserSpec};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use p256::ecdsa::signature::Signer;
use p256::pkcs8::{DecodePrivateKey, EncodePublicKey, LineEnding};
use reqwest::header::{AUTHORIZATION, COOKIE, LOCATION, SET_COOKIE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha2::Sha256;

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

fn server(mode: Mode, flaws: &[Flaw]) -> Running {
    let mut config = Config::new(mode, users());
    config.flaws = flaws.iter().copied().collect::<BTreeSet<_>>();
    start(config).expect("testbed starts")
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

async fn body_json(r: reqwest::Response) -> Value {
    let bytes = r.bytes().await.unwrap();
    serde_json::from_slice(&bytes).unwrap_or(Value::Null)
}

async fn post_json(c: &reqwest::Client, url: String, body: Value) -> reqwest::Response {
    c.post(url)
        .header("content-type", "application/json")
        .body(body.to_string())
        .send()
        .await
        .unwrap()
}

/// Logs alice in over the API; returns the token response.
async fn login(c: &reqwest::Client, s: &Running, user: &str) -> Value {
    let r = post_json(
        c,
        format!("{}/api/login", s.base_url()),
        json!({"username": user, "password": format!("{user}-test-password")}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    body_json(r).await
}

async fn me_status(c: &reqwest::Client, s: &Running, token: &str) -> StatusCode {
    c.get(format!("{}/api/me", s.base_url()))
        .header(AUTHORIZATION, format!("Bearer {token}"))
        .send()
        .await
        .unwrap()
        .status()
}

fn access_claims(s: &Running, sub: &str) -> Value {
    let iat = now();
    json!({
        "iss": s.issuer(), "aud": s.audience(), "sub": sub, "scope": "read",
        "iat": iat, "nbf": iat, "exp": iat + 300, "jti": format!("test-{iat}-{sub}"),
        "token_use": "access",
    })
}

fn access_header() -> Value {
    json!({"alg": "ES256", "typ": "at+jwt", "kid": "tb-1"})
}

fn signing_input(header: &Value, claims: &Value) -> String {
    format!("{}.{}", b64(header.to_string()), b64(claims.to_string()))
}

fn es256_with(key: &p256::SecretKey, header: &Value, claims: &Value) -> String {
    let input = signing_input(header, claims);
    let sk = p256::ecdsa::SigningKey::from(key.clone());
    let sig: p256::ecdsa::Signature = sk.sign(input.as_bytes());
    format!("{input}.{}", b64(sig.to_bytes()))
}

fn server_key(s: &Running) -> p256::SecretKey {
    p256::SecretKey::from_pkcs8_pem(&s.signing_key()).unwrap()
}

fn es256(s: &Running, header: &Value, claims: &Value) -> String {
    es256_with(&server_key(s), header, claims)
}

fn hs256(key: &[u8], header: &Value, claims: &Value) -> String {
    let input = signing_input(header, claims);
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(input.as_bytes());
    format!("{input}.{}", b64(mac.finalize().into_bytes()))
}

fn public_pem(s: &Running) -> String {
    server_key(s)
        .public_key()
        .to_public_key_pem(LineEnding::LF)
        .unwrap()
}

fn attacker_jwk(key: &p256::SecretKey) -> Value {
    use p256::elliptic_curve::sec1::ToEncodedPoint;
    let point = key.public_key().to_encoded_point(false);
    json!({"kty": "EC", "crv": "P-256", "x": b64(point.x().unwrap()), "y": b64(point.y().unwrap())})
}

const DEV_NULL_KID: &str = "../../../../../../../../../../../../dev/null";

/// Tokens a correct verifier must judge as stated (true: accept).
fn judged_tokens(s: &Running, refresh_token: &str) -> Vec<(&'static str, String, bool)> {
    let t = now();
    let c = || access_claims(s, "alice");
    let with = |f: &dyn Fn(&mut Value)| {
        let mut v = c();
        f(&mut v);
        v
    };
    let h = access_header();
    let hdr = |f: &dyn Fn(&mut Value)| {
        let mut v = access_header();
        f(&mut v);
        v
    };
    let attacker = p256::SecretKey::random(&mut rand_core::OsRng);
    let valid = es256(s, &h, &c());
    let stripped = format!("{}.", valid.rsplit_once('.').unwrap().0);
    vec![
        ("valid", valid.clone(), true),
        (
            "no kid",
            es256(
                s,
                &hdr(&|h| drop(h.as_object_mut().unwrap().remove("kid"))),
                &c(),
            ),
            true,
        ),
        (
            "float exp",
            es256(s, &h, &with(&|v| v["exp"] = json!(t as f64 + 100.4))),
            true,
        ),
        (
            "aud array",
            es256(s, &h, &with(&|v| v["aud"] = json!(["other", s.audience()]))),
            true,
        ),
        (
            "expired",
            es256(s, &h, &with(&|v| v["exp"] = json!(t - 10))),
            false,
        ),
        (
            "exp missing",
            es256(
                s,
                &h,
                &with(&|v| drop(v.as_object_mut().unwrap().remove("exp"))),
            ),
            false,
        ),
        (
            "exp string",
            es256(s, &h, &with(&|v| v["exp"] = json!("soon"))),
            false,
        ),
        (
            "nbf future",
            es256(s, &h, &with(&|v| v["nbf"] = json!(t + 100))),
            false,
        ),
        (
            "nbf missing",
            es256(
                s,
                &h,
                &with(&|v| drop(v.as_object_mut().unwrap().remove("nbf"))),
            ),
            false,
        ),
        (
            "wrong aud",
            es256(s, &h, &with(&|v| v["aud"] = json!("other-api"))),
            false,
        ),
        (
            "wrong iss",
            es256(s, &h, &with(&|v| v["iss"] = json!("http://evil.test"))),
            false,
        ),
        (
            "unknown sub",
            es256(s, &h, &with(&|v| v["sub"] = json!("mallory"))),
            false,
        ),
        (
            "numeric sub",
            es256(s, &h, &with(&|v| v["sub"] = json!(7))),
            false,
        ),
        (
            "no jti",
            es256(
                s,
                &h,
                &with(&|v| drop(v.as_object_mut().unwrap().remove("jti"))),
            ),
            false,
        ),
        (
            "token_use refresh",
            es256(s, &h, &with(&|v| v["token_use"] = json!("refresh"))),
            false,
        ),
        (
            "typ JWT",
            es256(s, &hdr(&|h| h["typ"] = json!("JWT")), &c()),
            false,
        ),
        (
            "typ missing",
            es256(
                s,
                &hdr(&|h| drop(h.as_object_mut().unwrap().remove("typ"))),
                &c(),
            ),
            false,
        ),
        (
            "unknown kid",
            es256(s, &hdr(&|h| h["kid"] = json!("tb-2")), &c()),
            false,
        ),
        (
            "jwk not a jwk",
            es256(s, &hdr(&|h| h["jwk"] = json!("garbage")), &c()),
            false,
        ),
        (
            "jku ignored",
            es256_with(
                &attacker,
                &hdr(&|h| h["jku"] = json!("http://127.0.0.1:9/jwks.json")),
                &c(),
            ),
            false,
        ),
        ("refresh as access", refresh_token.to_string(), false),
        (
            "alg none",
            format!(
                "{}.",
                signing_input(&hdr(&|h| h["alg"] = json!("none")), &c())
            ),
            false,
        ),
        (
            "alg NoNe",
            format!(
                "{}.",
                signing_input(&hdr(&|h| h["alg"] = json!("NoNe")), &c())
            ),
            false,
        ),
        ("signature stripped", stripped, false),
        (
            "garbage signature",
            format!("{}.{}", valid.rsplit_once('.').unwrap().0, b64([7u8; 64])),
            false,
        ),
        ("other key", es256_with(&attacker, &h, &c()), false),
        (
            "embedded jwk",
            es256_with(
                &attacker,
                &hdr(&|h| h["jwk"] = attacker_jwk(&attacker)),
                &c(),
            ),
            false,
        ),
        (
            "alg confusion",
            hs256(
                public_pem(s).as_bytes(),
                &hdr(&|h| h["alg"] = json!("HS256")),
                &c(),
            ),
            false,
        ),
        (
            "kid path",
            hs256(
                b"",
                &hdr(&|h| {
                    h["alg"] = json!("HS256");
                    h["kid"] = json!(DEV_NULL_KID);
                }),
                &c(),
            ),
            false,
        ),
        (
            "two segments",
            "eyJhbGciOiJFUzI1NiJ9.e30".to_string(),
            false,
        ),
        ("bad base64", "!!!.e30.AAAA".to_string(), false),
        (
            "bad json",
            format!("{}.{}.{}", b64("{not json"), b64("{}"), b64([1u8; 64])),
            false,
        ),
    ]
}

#[tokio::test]
async fn login_then_me_works_in_both_modes() {
    for mode in [Mode::Hardened, Mode::Vulnerable] {
        let s = server(mode, &[]);
        let c = client();
        let tokens = login(&c, &s, "alice").await;
        assert_eq!(tokens["token_type"], "Bearer");
        assert_eq!(tokens["expires_in"], 900);
        let at = tokens["access_token"].as_str().unwrap();
        let r = c
            .get(format!("{}/api/me", s.base_url()))
            .header(AUTHORIZATION, format!("bEaReR {at}"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{mode:?}");
        let me = body_json(r).await;
        assert_eq!(
            me,
            json!({"id": 1, "username": "alice", "scope": "read write admin"})
        );

        let bob = login(&c, &s, "bob").await;
        let admin = |t: String| {
            c.get(format!("{}/api/admin", s.base_url()))
                .header(AUTHORIZATION, format!("Bearer {t}"))
                .send()
        };
        let r = admin(at.to_string()).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let r = admin(bob["access_token"].as_str().unwrap().to_string())
            .await
            .unwrap();
        assert_eq!(
            r.status(),
            StatusCode::UNAUTHORIZED,
            "bob is no admin ({mode:?})"
        );
        assert_eq!(
            r.headers()["www-authenticate"],
            r#"Bearer error="invalid_token""#
        );
        s.stop();
    }
}

#[tokio::test]
async fn vulnerable_without_flaws_judges_tokens_like_hardened() {
    let c = client();
    for mode in [Mode::Hardened, Mode::Vulnerable] {
        let s = server(mode, &[]);
        let refresh = login(&c, &s, "alice").await["refresh_token"]
            .as_str()
            .unwrap()
            .to_string();
        for (name, token, accept) in judged_tokens(&s, &refresh) {
            let want = if accept {
                StatusCode::OK
            } else {
                StatusCode::UNAUTHORIZED
            };
            assert_eq!(me_status(&c, &s, &token).await, want, "{mode:?}: {name}");
        }
    }
}

#[tokio::test]
async fn trusted_issuer_must_be_an_http_url() {
    for bad in ["https://issuer.test", "issuer.test", "http://"] {
        let mut config = Config::new(Mode::Hardened, users());
        config.trusted_issuer = Some(bad.to_string());
        assert!(start(config).is_err(), "{bad}");
    }
}

#[tokio::test]
async fn hardened_refuses_flaws() {
    let mut config = Config::new(Mode::Hardened, users());
    config.flaws.insert(Flaw::AlgNone);
    assert!(start(config).is_err());
}

#[tokio::test]
async fn token_flaws_each_open_their_hole() {
    let c = client();
    // (flaw, the token cases it must let through; every other bad token stays refused)
    let cases: &[(Flaw, &[&str])] = &[
        (Flaw::AlgNone, &["alg none", "alg NoNe"]),
        (Flaw::SigStrip, &["signature stripped"]),
        (
            Flaw::SigUnchecked,
            &[
                "garbage signature",
                "other key",
                "embedded jwk",
                "jku ignored",
            ],
        ),
        (Flaw::AlgConfusion, &["alg confusion"]),
        (Flaw::JwkEmbed, &["embedded jwk"]),
        (Flaw::KidPath, &["kid path"]),
        (Flaw::KidFallback, &["unknown kid"]),
        (Flaw::ExpIgnored, &["expired", "exp missing", "exp string"]),
        (
            Flaw::TypUnchecked,
            &[
                "refresh as access",
                "token_use refresh",
                "typ JWT",
                "typ missing",
            ],
        ),
    ];
    for &(flaw, holes) in cases {
        let s = server(Mode::Vulnerable, &[flaw]);
        let refresh = login(&c, &s, "alice").await["refresh_token"]
            .as_str()
            .unwrap()
            .to_string();
        for (name, token, accept) in judged_tokens(&s, &refresh) {
            let got = me_status(&c, &s, &token).await;
            let want_ok = accept || holes.contains(&name);
            assert_eq!(
                got == StatusCode::OK,
                want_ok,
                "{}: {name} answered {got}",
                flaw.name()
            );
        }
    }
}

#[tokio::test]
async fn refresh_rotation_and_the_rt_race_flaw() {
    let c = client();
    for (flaws, want_both) in [(vec![], false), (vec![Flaw::RtRace], true)] {
        let s = server(Mode::Vulnerable, &flaws);
        let rt = login(&c, &s, "alice").await["refresh_token"]
            .as_str()
            .unwrap()
            .to_string();
        let url = format!("{}/api/refresh", s.base_url());
        let (a, b) = tokio::join!(
            post_json(&c, url.clone(), json!({ "refresh_token": rt })),
            post_json(&c, url.clone(), json!({ "refresh_token": rt })),
        );
        let ok = [a.status(), b.status()]
            .iter()
            .filter(|st| **st == StatusCode::OK)
            .count();
        assert_eq!(ok, if want_both { 2 } else { 1 }, "{flaws:?}");

        if !want_both {
            // The winner's new refresh token dies with the family once the old one is replayed.
            let winner = if a.status() == StatusCode::OK { a } else { b };
            let newest = body_json(winner).await["refresh_token"]
                .as_str()
                .unwrap()
                .to_string();
            let r = post_json(&c, url.clone(), json!({ "refresh_token": newest })).await;
            assert_eq!(
                r.status(),
                StatusCode::UNAUTHORIZED,
                "family revoked by reuse"
            );
        }
    }
}

/// GET /login, then POST /login; returns (pre-login id, post-login id).
async fn form_login(c: &reqwest::Client, s: &Running, cookie_name: &str) -> (String, String) {
    let r = c
        .get(format!("{}/login", s.base_url()))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let pre = cookie_value(&r, cookie_name);
    let html = r.text().await.unwrap();
    let csrf = html
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap()
        .to_string();
    let form = format!("username=alice&password=alice-test-password&csrf={csrf}");
    let r = c
        .post(format!("{}/login", s.base_url()))
        .header("content-type", "application/x-www-form-urlencoded")
        .header(COOKIE, format!("{cookie_name}={pre}"))
        .body(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER);
    assert_eq!(r.headers()[LOCATION], "/account");
    let post = cookie_value(&r, cookie_name);
    (pre, post)
}

fn cookie_value(r: &reqwest::Response, name: &str) -> String {
    let set = r.headers()[SET_COOKIE].to_str().unwrap();
    let (pair, _) = set.split_once(';').unwrap();
    let (n, v) = pair.split_once('=').unwrap();
    assert_eq!(n, name);
    v.to_string()
}

#[tokio::test]
async fn session_fixation_keeps_the_pre_login_id() {
    let c = client();

    let s = server(Mode::Vulnerable, &[]);
    let (pre, post) = form_login(&c, &s, "__Host-sid").await;
    assert_ne!(pre, post, "a fresh session id after login");
    let account = |sid: String| {
        c.get(format!("{}/account", s.base_url()))
            .header(COOKIE, format!("__Host-sid={sid}"))
            .send()
    };
    assert_eq!(account(post).await.unwrap().status(), StatusCode::OK);
    assert_eq!(
        account(pre).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
    s.stop();

    let s = server(
        Mode::Vulnerable,
        &[Flaw::SessionFixation, Flaw::CookieNoHostPrefix],
    );
    let (pre, post) = form_login(&c, &s, "sid").await;
    assert_eq!(pre, post, "session-fixation keeps the id");
    let r = c
        .get(format!("{}/account", s.base_url()))
        .header(COOKIE, format!("sid={pre}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(body_json(r).await["username"], "alice");
}

#[tokio::test]
async fn lockout_password_change_and_redirect_style() {
    let c = client();
    let mut config = Config::new(Mode::Hardened, users());
    config.rejection = Rejection::RedirectLogin;
    let s = start(config).unwrap();

    let tokens = login(&c, &s, "alice").await;
    let at = tokens["access_token"].as_str().unwrap();
    let r = post_json(
        &c,
        format!("{}/api/password", s.base_url()),
        json!({"old_password": "alice-test-password", "new_password": "alice-test-password"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::FOUND, "no credential: redirect");
    assert_eq!(r.headers()[LOCATION], "/login?next=/api/password");
    let r = c
        .post(format!("{}/api/password", s.base_url()))
        .header(AUTHORIZATION, format!("Bearer {at}"))
        .body(
            json!({"old_password": "alice-test-password", "new_password": "alice-test-password"})
                .to_string(),
        )
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(me_status(&c, &s, at).await, StatusCode::FOUND, "revoked");
    let fresh = login(&c, &s, "alice").await;
    assert_eq!(
        me_status(&c, &s, fresh["access_token"].as_str().unwrap()).await,
        StatusCode::OK
    );

    let url = format!("{}/api/login", s.base_url());
    let unknown = post_json(
        &c,
        url.clone(),
        json!({"username": "nobody", "password": "x"}),
    )
    .await;
    let unknown = (unknown.status(), unknown.bytes().await.unwrap());
    for _ in 0..5 {
        let r = post_json(&c, url.clone(), json!({"username": "bob", "password": "x"})).await;
        assert_eq!(
            (r.status(), r.bytes().await.unwrap()),
            unknown,
            "no enumeration"
        );
    }
    let r = post_json(
        &c,
        url.clone(),
        json!({"username": "bob", "password": "bob-test-password"}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.headers()["retry-after"], "60");
    let r = c.post(url).body("{").send().await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}

/// A tiny OIDC-style issuer on 127.0.0.1, served by the test's runtime.
struct TestIssuer {
    url: String,
    key: p256::SecretKey,
    kid: &'static str,
    /// What `/jwks.json` serves; tests push keys to simulate rotation.
    keys: Arc<Mutex<Vec<Value>>>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for TestIssuer {
    fn drop(&mut self) {
        self.task.abort();
    }
}

fn issuer_jwk(key: &p256::SecretKey, kid: &str) -> Value {
    let mut jwk = attacker_jwk(key);
    jwk["kid"] = json!(kid);
    jwk["alg"] = json!("ES256");
    jwk["use"] = json!("sig");
    jwk
}

async fn test_issuer() -> TestIssuer {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let key = p256::SecretKey::random(&mut rand_core::OsRng);
    let kid = "issuer-1";
    let keys = Arc::new(Mutex::new(vec![issuer_jwk(&key, kid)]));
    let discovery = json!({"issuer": url, "jwks_uri": format!("{url}/jwks.json")}).to_string();
    let served = keys.clone();
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
                let body = json!({ "keys": *served.lock().unwrap() }).to_string();
                async move { body }
            }),
        );
    let task = tokio::spawn(async move {
        let _ = axum::serve(listener, app).await;
    });
    TestIssuer {
        url,
        key,
        kid,
        keys,
        task,
    }
}

impl TestIssuer {
    /// The claims of a real access token with `iss` replaced, signed by
    /// `key` under kid `kid`, after `edit` had its way with header and claims.
    fn mint_with(
        &self,
        key: &p256::SecretKey,
        kid: &str,
        real_token: &str,
        edit: &dyn Fn(&mut Value, &mut Value),
    ) -> String {
        let payload = real_token.split('.').nth(1).unwrap();
        let mut claims: Value =
            serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).unwrap()).unwrap();
        claims["iss"] = json!(self.url);
        let mut header = json!({"alg": "ES256", "typ": "at+jwt", "kid": kid});
        edit(&mut header, &mut claims);
        es256_with(key, &header, &claims)
    }

    fn mint(&self, real_token: &str, edit: &dyn Fn(&mut Value, &mut Value)) -> String {
        self.mint_with(&self.key, self.kid, real_token, edit)
    }
}

fn server_trusting(mode: Mode, flaws: &[Flaw], issuer: &str) -> Running {
    let mut config = Config::new(mode, users());
    config.flaws = flaws.iter().copied().collect();
    config.trusted_issuer = Some(issuer.to_string());
    start(config).expect("testbed starts")
}

#[tokio::test]
async fn hardened_accepts_trusted_issuer_tokens_under_the_usual_rules() {
    let issuer = test_issuer().await;
    let c = client();
    let s = server_trusting(Mode::Hardened, &[], &issuer.url);
    let at = login(&c, &s, "alice").await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let past = now() - 10;

    let good = issuer.mint(&at, &|_, _| {});
    let r = c
        .get(format!("{}/api/me", s.base_url()))
        .header(AUTHORIZATION, format!("Bearer {good}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(body_json(r).await["username"], "alice");

    let refused = [
        ("expired", issuer.mint(&at, &|_, c| c["exp"] = json!(past))),
        (
            "unknown kid",
            issuer.mint(&at, &|h, _| h["kid"] = json!("issuer-9")),
        ),
        (
            "no kid",
            issuer.mint(&at, &|h, _| drop(h.as_object_mut().unwrap().remove("kid"))),
        ),
        (
            "wrong aud",
            issuer.mint(&at, &|_, c| c["aud"] = json!("other-api")),
        ),
        ("typ JWT", issuer.mint(&at, &|h, _| h["typ"] = json!("JWT"))),
        (
            "issuer key, own iss",
            issuer.mint(&at, &|_, c| c["iss"] = json!(s.issuer())),
        ),
        (
            "own key, issuer iss",
            es256(&s, &access_header(), &{
                let mut c = access_claims(&s, "alice");
                c["iss"] = json!(issuer.url);
                c
            }),
        ),
    ];
    for (name, token) in &refused {
        assert_eq!(
            me_status(&c, &s, token).await,
            StatusCode::UNAUTHORIZED,
            "{name}"
        );
    }

    // A rotated-in key is found by fetching the JWKS again.
    let rotated = p256::SecretKey::random(&mut rand_core::OsRng);
    issuer
        .keys
        .lock()
        .unwrap()
        .push(issuer_jwk(&rotated, "issuer-2"));
    let token = issuer.mint_with(&rotated, "issuer-2", &at, &|_, _| {});
    assert_eq!(me_status(&c, &s, &token).await, StatusCode::OK, "rotation");

    // Revocation still applies: logging the real token out kills its jti.
    let r = c
        .post(format!("{}/api/logout", s.base_url()))
        .header(AUTHORIZATION, format!("Bearer {at}"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        me_status(&c, &s, &good).await,
        StatusCode::UNAUTHORIZED,
        "revoked jti"
    );

    // An issuer that cannot be reached means rejection, not a server error.
    let dead = "http://127.0.0.1:9";
    let s = server_trusting(Mode::Hardened, &[], dead);
    let at = login(&c, &s, "alice").await["access_token"]
        .as_str()
        .unwrap()
        .to_string();
    let token = issuer.mint(&at, &|_, c| c["iss"] = json!(dead));
    assert_eq!(me_status(&c, &s, &token).await, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn vulnerable_flaws_apply_to_trusted_issuer_tokens() {
    let issuer = test_issuer().await;
    let c = client();
    let past = now() - 10;
    // (flaws, expired accepted, unknown kid accepted)
    let cases: &[(&[Flaw], bool, bool)] = &[
        (&[], false, false),
        (&[Flaw::ExpIgnored], true, false),
        (&[Flaw::KidFallback], false, true),
    ];
    for &(flaws, expired_ok, unknown_kid_ok) in cases {
        let s = server_trusting(Mode::Vulnerable, flaws, &issuer.url);
        let at = login(&c, &s, "alice").await["access_token"]
            .as_str()
            .unwrap()
            .to_string();
        let status = |ok: bool| {
            if ok {
                StatusCode::OK
            } else {
                StatusCode::UNAUTHORIZED
            }
        };
        let judged = [
            ("valid", issuer.mint(&at, &|_, _| {}), true),
            (
                "expired",
                issuer.mint(&at, &|_, c| c["exp"] = json!(past)),
                expired_ok,
            ),
            (
                "unknown kid",
                issuer.mint(&at, &|h, _| h["kid"] = json!("issuer-9")),
                unknown_kid_ok,
            ),
            (
                "wrong aud",
                issuer.mint(&at, &|_, c| c["aud"] = json!("other-api")),
                false,
            ),
        ];
        for (name, token, ok) in &judged {
            assert_eq!(
                me_status(&c, &s, token).await,
                status(*ok),
                "{flaws:?}: {name}"
            );
        }
    }
}

#[test]
fn flaw_names_round_trip() {
    for &f in Flaw::ALL {
        assert_eq!(Flaw::from_name(f.name()), Some(f));
    }
    assert_eq!(Flaw::ALL.len(), 37);
    assert_eq!(Flaw::from_name("nope"), None);
}

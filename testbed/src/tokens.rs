//! Keys, token minting, and the two verifiers.
//!
//! The hardened verifier goes through `jsonwebtoken` only. The vulnerable one
//! is hand-written (base64url, serde_json, p256, hmac) and mirrors the
//! hardened decisions exactly when its policy has every switch off.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::PathBuf;
use std::time::{SystemTime, UNIX_EPOCH};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use p256::ecdsa::signature::Verifier;
use p256::ecdsa::{Signature, VerifyingKey};
use p256::elliptic_curve::sec1::ToEncodedPoint;
use p256::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use serde::Deserialize;
use serde_json::{Map, Value};
use sha2::Sha256;

use crate::issuer::{KidLookup, TrustedIssuer};
use crate::{Flaw, AUDIENCE, ISSUER};

/// The kid of the service's only signing key.
pub(crate) const KID: &str = "tb-1";
/// The HMAC secret under `hmac-weak`: deliberately guessable, that is the flaw.
const WEAK_SECRET: &str = "secret";
/// The longest key file `kid-path` reads and the largest document `jku` or
/// the trusted issuer's discovery may answer with.
const MAX_FETCHED_KEY_BYTES: usize = 64 * 1024;

pub(crate) const ACCESS_TYP: &str = "at+jwt";
pub(crate) const REFRESH_TYP: &str = "rt+jwt";

pub(crate) type Claims = Map<String, Value>;

pub(crate) fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Why a token was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum VerifyError {
    /// Wrong segment count, bad base64, or bad JSON.
    Malformed,
    /// Well-formed but not acceptable.
    Invalid,
}

/// Which token kind a verification expects.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Expect {
    pub typ: &'static str,
    pub token_use: &'static str,
}

pub(crate) const EXPECT_ACCESS: Expect = Expect {
    typ: ACCESS_TYP,
    token_use: "access",
};
pub(crate) const EXPECT_REFRESH: Expect = Expect {
    typ: REFRESH_TYP,
    token_use: "refresh",
};

/// The switches of the vulnerable verifier; all false is the correct verifier.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Policy {
    alg_none: bool,
    sig_strip: bool,
    sig_unchecked: bool,
    alg_confusion: bool,
    jwk_embed: bool,
    jku: bool,
    kid_path: bool,
    kid_fallback: bool,
    exp_ignored: bool,
    nbf_ignored: bool,
    aud_ignored: bool,
    iss_ignored: bool,
    typ_unchecked: bool,
}

impl Policy {
    /// The access-token policy for a flaw set.
    pub(crate) fn for_access(has: impl Fn(Flaw) -> bool) -> Policy {
        Policy {
            alg_none: has(Flaw::AlgNone),
            sig_strip: has(Flaw::SigStrip),
            sig_unchecked: has(Flaw::SigUnchecked),
            alg_confusion: has(Flaw::AlgConfusion),
            jwk_embed: has(Flaw::JwkEmbed),
            jku: has(Flaw::Jku),
            kid_path: has(Flaw::KidPath),
            kid_fallback: has(Flaw::KidFallback),
            exp_ignored: has(Flaw::ExpIgnored),
            nbf_ignored: has(Flaw::NbfIgnored),
            aud_ignored: has(Flaw::AudIgnored),
            iss_ignored: has(Flaw::IssIgnored),
            typ_unchecked: has(Flaw::TypUnchecked),
        }
    }
}

/// The service's key material.
pub(crate) struct Keys {
    verifying: VerifyingKey,
    private_pem: String,
    public_pem: String,
    x: String,
    y: String,
    encoding: EncodingKey,
    decoding: DecodingKey,
    hmac_weak: bool,
}

impl Keys {
    pub(crate) fn generate(hmac_weak: bool) -> anyhow::Result<Keys> {
        let secret = p256::SecretKey::random(&mut rand_core::OsRng);
        let public = secret.public_key();
        let der = secret
            .to_pkcs8_der()
            .map_err(|e| anyhow::anyhow!("encoding the private key: {e}"))?;
        let private_pem = secret
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| anyhow::anyhow!("encoding the private key: {e}"))?
            .to_string();
        let public_pem = public
            .to_public_key_pem(LineEnding::LF)
            .map_err(|e| anyhow::anyhow!("encoding the public key: {e}"))?;
        let point = public.to_encoded_point(false);
        let (Some(x), Some(y)) = (point.x(), point.y()) else {
            anyhow::bail!("the public key has no affine coordinates");
        };
        let x = URL_SAFE_NO_PAD.encode(x);
        let y = URL_SAFE_NO_PAD.encode(y);
        let decoding = DecodingKey::from_ec_components(&x, &y)?;
        Ok(Keys {
            verifying: VerifyingKey::from(public),
            private_pem,
            public_pem,
            x,
            y,
            encoding: EncodingKey::from_ec_der(der.as_bytes()),
            decoding,
            hmac_weak,
        })
    }

    /// The ES256 verification key.
    pub(crate) fn decoding(&self) -> &DecodingKey {
        &self.decoding
    }

    /// What [`crate::Running::signing_key`] hands out.
    pub(crate) fn signing_key_text(&self) -> String {
        if self.hmac_weak {
            WEAK_SECRET.to_string()
        } else {
            self.private_pem.clone()
        }
    }

    /// The server's `alg`.
    fn server_alg(&self) -> &'static str {
        if self.hmac_weak {
            "HS256"
        } else {
            "ES256"
        }
    }

    /// The JWKS document.
    pub(crate) fn jwks(&self) -> Value {
        if self.hmac_weak {
            return serde_json::json!({ "keys": [] });
        }
        serde_json::json!({
            "keys": [{
                "kty": "EC",
                "crv": "P-256",
                "x": self.x,
                "y": self.y,
                "kid": KID,
                "alg": "ES256",
                "use": "sig",
            }]
        })
    }

    /// Signs `claims` with the server key under a header of type `typ`.
    pub(crate) fn mint(&self, typ: &str, claims: &Value) -> anyhow::Result<String> {
        let token = if self.hmac_weak {
            let mut header = Header::new(Algorithm::HS256);
            header.typ = Some(typ.to_string());
            jsonwebtoken::encode(
                &header,
                claims,
                &EncodingKey::from_secret(WEAK_SECRET.as_bytes()),
            )?
        } else {
            let mut header = Header::new(Algorithm::ES256);
            header.typ = Some(typ.to_string());
            header.kid = Some(KID.to_string());
            jsonwebtoken::encode(&header, claims, &self.encoding)?
        };
        Ok(token)
    }

    /// Hardened verification: `jsonwebtoken` with a strict validation, then
    /// the checks it does not do (kid, typ, token_use).
    pub(crate) fn verify_hardened(
        &self,
        token: &str,
        expect: Expect,
    ) -> Result<Claims, VerifyError> {
        let header = hardened_header(token, expect)?;
        if header.kid.as_deref().is_some_and(|kid| kid != KID) {
            return Err(VerifyError::Invalid);
        }
        strict_decode(token, &self.decoding, ISSUER, expect)
    }

    /// Vulnerable verification: hand-written, one switch per flaw.
    pub(crate) async fn verify_vulnerable(
        &self,
        token: &str,
        expect: Expect,
        policy: Policy,
        http: &reqwest::Client,
        source: KeySource<'_>,
    ) -> Result<Claims, VerifyError> {
        let mut parts = token.split('.');
        let (Some(h64), Some(p64), Some(s64), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(VerifyError::Malformed);
        };
        let header_bytes = b64(h64)?;
        let header: RawHeader =
            serde_json::from_slice(&header_bytes).map_err(|_| VerifyError::Malformed)?;
        if let Some(jwk) = &header.jwk {
            // jsonwebtoken refuses a header whose jwk is not a JWK; so do we.
            serde_json::from_value::<jsonwebtoken::jwk::Jwk>(jwk.clone())
                .map_err(|_| VerifyError::Malformed)?;
        }
        let payload = b64(p64)?;
        let sig = b64(s64)?;
        let signing_input = &token[..h64.len() + 1 + p64.len()];

        self.check_signature(
            &header,
            signing_input.as_bytes(),
            &sig,
            policy,
            http,
            source,
        )
        .await?;

        let claims: Claims =
            serde_json::from_slice(&payload).map_err(|_| VerifyError::Malformed)?;
        check_standard_claims(&claims, policy, source.issuer())?;
        if !policy.typ_unchecked {
            if header.typ.as_deref() != Some(expect.typ) {
                return Err(VerifyError::Invalid);
            }
            check_token_use(&claims, expect.token_use)?;
        }
        Ok(claims)
    }

    async fn check_signature(
        &self,
        header: &RawHeader,
        input: &[u8],
        sig: &[u8],
        policy: Policy,
        http: &reqwest::Client,
        source: KeySource<'_>,
    ) -> Result<(), VerifyError> {
        let alg = header.alg.as_str();
        if policy.alg_none && alg.eq_ignore_ascii_case("none") {
            return if sig.is_empty() {
                Ok(())
            } else {
                Err(VerifyError::Invalid)
            };
        }

        if policy.jku {
            if let Some(url) = &header.x5u {
                // Fetched like a careless implementation would, then refused.
                let _ = fetch(http, url).await;
                return Err(VerifyError::Invalid);
            }
            if alg == "ES256" {
                if let Some(url) = &header.jku {
                    if let Some(key) = fetch_jwks_key(http, url, header.kid.as_deref()).await {
                        if es256_verify(&key, input, sig) {
                            return Ok(());
                        }
                    }
                }
            }
        }

        if policy.jwk_embed && alg == "ES256" {
            if let Some(key) = header.jwk.as_ref().and_then(ec_key_from_jwk) {
                if es256_verify(&key, input, sig) {
                    return Ok(());
                }
            }
        }

        // `kid_known` is None when there is no kid; `key` is the key the kid
        // names or, for an unknown kid, the source's fallback key.
        let (kid_known, key) = match source {
            KeySource::Own => (
                header.kid.as_deref().map(|kid| kid == KID),
                Some(SigKey::Own(self)),
            ),
            KeySource::Issuer(issuer) => {
                let kid = header.kid.as_deref().ok_or(VerifyError::Invalid)?;
                let (known, jwk) = match issuer.lookup(http, kid).await {
                    None => return Err(VerifyError::Invalid),
                    Some(KidLookup::Found(jwk)) => (true, Some(jwk)),
                    Some(KidLookup::Unknown { first }) => (false, first),
                };
                let key = jwk.as_ref().and_then(usable_issuer_key).map(SigKey::Issuer);
                (Some(known), key)
            }
        };
        if policy.kid_path && alg == "HS256" && kid_known == Some(false) {
            let kid = header.kid.clone().unwrap_or_default();
            let key = tokio::task::spawn_blocking(move || read_kid_key(&kid))
                .await
                .ok()
                .flatten()
                .ok_or(VerifyError::Invalid)?;
            return if hs256_verify(&key, input, sig) {
                Ok(())
            } else {
                Err(VerifyError::Invalid)
            };
        }

        if kid_known == Some(false) && !policy.kid_fallback {
            return Err(VerifyError::Invalid);
        }
        let key = key.ok_or(VerifyError::Invalid)?;

        let key_alg = key.alg();
        if alg == key_alg {
            if sig.is_empty() && policy.sig_strip {
                return Ok(());
            }
            if !sig.is_empty() && policy.sig_unchecked {
                return Ok(());
            }
            return if key.verify(input, sig) {
                Ok(())
            } else {
                Err(VerifyError::Invalid)
            };
        }

        if policy.alg_confusion && alg == "HS256" && key_alg == "ES256" {
            let pem = key.public_pem().ok_or(VerifyError::Invalid)?;
            return if hs256_verify(pem.as_bytes(), input, sig) {
                Ok(())
            } else {
                Err(VerifyError::Invalid)
            };
        }

        Err(VerifyError::Invalid)
    }
}

/// The header checks both hardened paths share: decodable, ES256, the expected `typ`.
fn hardened_header(token: &str, expect: Expect) -> Result<Header, VerifyError> {
    let header = jsonwebtoken::decode_header(token).map_err(|e| classify(&e))?;
    if header.alg != Algorithm::ES256 || header.typ.as_deref() != Some(expect.typ) {
        return Err(VerifyError::Invalid);
    }
    Ok(header)
}

/// `jsonwebtoken` with the strict validation (leeway 0; required exp, nbf,
/// aud, iss, sub), expecting `issuer`, then the `token_use` check.
fn strict_decode(
    token: &str,
    key: &DecodingKey,
    issuer: &str,
    expect: Expect,
) -> Result<Claims, VerifyError> {
    let mut validation = Validation::new(Algorithm::ES256);
    validation.algorithms = vec![Algorithm::ES256];
    validation.leeway = 0;
    validation.validate_exp = true;
    validation.validate_nbf = true;
    validation.validate_aud = true;
    validation.set_audience(&[AUDIENCE]);
    validation.set_issuer(&[issuer]);
    validation.set_required_spec_claims(&["exp", "nbf", "aud", "iss", "sub"]);
    let data = jsonwebtoken::decode::<Claims>(token, key, &validation).map_err(|e| classify(&e))?;
    check_token_use(&data.claims, expect.token_use)?;
    Ok(data.claims)
}

/// Hardened verification of a token from the trusted issuer: as for the
/// service's own tokens, but the key is the issuer's JWK named by the
/// (required) kid and the expected `iss` is the issuer.
pub(crate) async fn verify_hardened_issuer(
    token: &str,
    expect: Expect,
    issuer: &TrustedIssuer,
    http: &reqwest::Client,
) -> Result<Claims, VerifyError> {
    let header = hardened_header(token, expect)?;
    let kid = header.kid.as_deref().ok_or(VerifyError::Invalid)?;
    let Some(KidLookup::Found(jwk)) = issuer.lookup(http, kid).await else {
        return Err(VerifyError::Invalid);
    };
    if usable_issuer_key(&jwk).is_none() {
        return Err(VerifyError::Invalid);
    }
    let jwk: jsonwebtoken::jwk::Jwk =
        serde_json::from_value(jwk).map_err(|_| VerifyError::Invalid)?;
    let key = DecodingKey::from_jwk(&jwk).map_err(|_| VerifyError::Invalid)?;
    strict_decode(token, &key, issuer.url(), expect)
}

/// The `iss` claim of a token, read without verifying anything; None when
/// it is not a JWS with a JSON payload whose `iss` is a string.
pub(crate) fn unverified_iss(token: &str) -> Option<String> {
    let payload = token.split('.').nth(1)?;
    let claims: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(payload).ok()?).ok()?;
    claims.get("iss")?.as_str().map(str::to_string)
}

/// An issuer JWK the service will verify ES256 with: EC P-256, and `alg`
/// and `use`, when present, `ES256` and `sig`.
pub(crate) fn usable_issuer_key(jwk: &Value) -> Option<VerifyingKey> {
    let absent_or = |name: &str, want: &str| match jwk.get(name) {
        None => true,
        Some(v) => v.as_str() == Some(want),
    };
    if !absent_or("alg", "ES256") || !absent_or("use", "sig") {
        return None;
    }
    ec_key_from_jwk(jwk)
}

/// Where the vulnerable verifier takes its verification key from.
#[derive(Clone, Copy)]
pub(crate) enum KeySource<'a> {
    /// The service's own key (kid `tb-1`, or none).
    Own,
    /// The trusted issuer's JWKS; the kid is required.
    Issuer(&'a TrustedIssuer),
}

impl KeySource<'_> {
    /// The `iss` tokens verified with this source must carry.
    fn issuer(&self) -> &str {
        match self {
            KeySource::Own => ISSUER,
            KeySource::Issuer(issuer) => issuer.url(),
        }
    }
}

/// The key a signature is checked against.
enum SigKey<'a> {
    Own(&'a Keys),
    Issuer(VerifyingKey),
}

impl SigKey<'_> {
    fn alg(&self) -> &'static str {
        match self {
            SigKey::Own(keys) => keys.server_alg(),
            SigKey::Issuer(_) => "ES256",
        }
    }

    fn verify(&self, input: &[u8], sig: &[u8]) -> bool {
        match self {
            SigKey::Own(keys) if keys.hmac_weak => hs256_verify(WEAK_SECRET.as_bytes(), input, sig),
            SigKey::Own(keys) => es256_verify(&keys.verifying, input, sig),
            SigKey::Issuer(key) => es256_verify(key, input, sig),
        }
    }

    /// The public key as PEM text (what `alg-confusion` uses as HMAC key).
    fn public_pem(&self) -> Option<String> {
        match self {
            SigKey::Own(keys) => Some(keys.public_pem.clone()),
            SigKey::Issuer(key) => p256::PublicKey::from(key)
                .to_public_key_pem(LineEnding::LF)
                .ok(),
        }
    }
}

/// The JOSE header as the vulnerable verifier reads it. The field types
/// follow `jsonwebtoken::Header`, so both verifiers refuse the same headers,
/// except that `alg` is free text (for `alg-none`).
#[derive(Deserialize)]
#[allow(dead_code)]
struct RawHeader {
    alg: String,
    typ: Option<String>,
    cty: Option<String>,
    jku: Option<String>,
    jwk: Option<Value>,
    kid: Option<String>,
    x5u: Option<String>,
    x5c: Option<Vec<String>>,
    x5t: Option<String>,
    #[serde(rename = "x5t#S256")]
    x5t_s256: Option<String>,
    crit: Option<Vec<String>>,
    enc: Option<String>,
    zip: Option<String>,
    url: Option<String>,
    nonce: Option<String>,
    #[serde(flatten)]
    extras: BTreeMap<String, Value>,
}

fn b64(part: &str) -> Result<Vec<u8>, VerifyError> {
    URL_SAFE_NO_PAD
        .decode(part)
        .map_err(|_| VerifyError::Malformed)
}

fn classify(e: &jsonwebtoken::errors::Error) -> VerifyError {
    use jsonwebtoken::errors::ErrorKind;
    match e.kind() {
        ErrorKind::InvalidToken
        | ErrorKind::Base64(_)
        | ErrorKind::Json(_)
        | ErrorKind::Utf8(_) => VerifyError::Malformed,
        _ => VerifyError::Invalid,
    }
}

fn es256_verify(key: &VerifyingKey, input: &[u8], sig: &[u8]) -> bool {
    match Signature::from_slice(sig) {
        Ok(sig) => key.verify(input, &sig).is_ok(),
        Err(_) => false,
    }
}

fn hs256_verify(key: &[u8], input: &[u8], sig: &[u8]) -> bool {
    let Ok(mut mac) = Hmac::<Sha256>::new_from_slice(key) else {
        return false;
    };
    mac.update(input);
    mac.verify_slice(sig).is_ok()
}

/// An EC P-256 public JWK as a verifying key.
fn ec_key_from_jwk(jwk: &Value) -> Option<VerifyingKey> {
    if jwk.get("kty")?.as_str()? != "EC" || jwk.get("crv")?.as_str()? != "P-256" {
        return None;
    }
    let x = URL_SAFE_NO_PAD.decode(jwk.get("x")?.as_str()?).ok()?;
    let y = URL_SAFE_NO_PAD.decode(jwk.get("y")?.as_str()?).ok()?;
    if x.len() != 32 || y.len() != 32 {
        return None;
    }
    let mut sec1 = Vec::with_capacity(65);
    sec1.push(0x04);
    sec1.extend_from_slice(&x);
    sec1.extend_from_slice(&y);
    VerifyingKey::from_sec1_bytes(&sec1).ok()
}

/// The directory `kid-path` resolves kids against.
pub(crate) fn kid_key_dir() -> PathBuf {
    std::env::temp_dir().join("authgate-testbed-keys")
}

/// `kid-path`: the kid is joined to the key directory without sanitising.
fn read_kid_key(kid: &str) -> Option<Vec<u8>> {
    let path = kid_key_dir().join(kid);
    let file = std::fs::File::open(path).ok()?;
    let mut key = Vec::new();
    file.take(MAX_FETCHED_KEY_BYTES as u64)
        .read_to_end(&mut key)
        .ok()?;
    Some(key)
}

/// GET an `http://` URL (the client has a 2 s timeout), body capped.
pub(crate) async fn fetch(http: &reqwest::Client, url: &str) -> Option<Vec<u8>> {
    if !url.starts_with("http://") {
        return None;
    }
    let mut response = http.get(url).send().await.ok()?;
    if !response.status().is_success() {
        return None;
    }
    let mut body = Vec::new();
    while let Some(chunk) = response.chunk().await.ok()? {
        body.extend_from_slice(&chunk);
        if body.len() > MAX_FETCHED_KEY_BYTES {
            return None;
        }
    }
    Some(body)
}

/// `jku`: the JWK with a matching kid (or the first) of the fetched JWKS.
async fn fetch_jwks_key(
    http: &reqwest::Client,
    url: &str,
    kid: Option<&str>,
) -> Option<VerifyingKey> {
    let body = fetch(http, url).await?;
    let jwks: Value = serde_json::from_slice(&body).ok()?;
    let keys = jwks.get("keys")?.as_array()?;
    let chosen = kid
        .and_then(|kid| {
            keys.iter()
                .find(|k| k.get("kid").and_then(Value::as_str) == Some(kid))
        })
        .or_else(|| keys.first())?;
    ec_key_from_jwk(chosen)
}

/// A claim as `jsonwebtoken`'s validation sees it.
enum Parsed<T> {
    Yes(T),
    Failed,
    Absent,
}

/// `exp`/`nbf`/`iat`: a u64, or a finite non-negative float rounded; null
/// and anything else fail, as in `jsonwebtoken`.
fn numeric(v: Option<&Value>) -> Parsed<u64> {
    match v {
        None => Parsed::Absent,
        Some(Value::Number(n)) => {
            if let Some(u) = n.as_u64() {
                Parsed::Yes(u)
            } else if n.is_f64() {
                match n.as_f64() {
                    Some(f) if f.is_finite() && f >= 0.0 && f < u64::MAX as f64 => {
                        Parsed::Yes(f.round() as u64)
                    }
                    _ => Parsed::Failed,
                }
            } else {
                Parsed::Failed
            }
        }
        Some(_) => Parsed::Failed,
    }
}

/// `iss`/`aud`: a string or an array of strings; null counts as absent.
fn string_or_set(v: Option<&Value>) -> Parsed<Vec<&str>> {
    match v {
        None | Some(Value::Null) => Parsed::Absent,
        Some(Value::String(s)) => Parsed::Yes(vec![s.as_str()]),
        Some(Value::Array(items)) => {
            let mut out = Vec::with_capacity(items.len());
            for item in items {
                match item.as_str() {
                    Some(s) => out.push(s),
                    None => return Parsed::Failed,
                }
            }
            Parsed::Yes(out)
        }
        Some(_) => Parsed::Failed,
    }
}

fn is_present<T>(p: &Parsed<T>) -> bool {
    matches!(p, Parsed::Yes(_))
}

/// The hand-written twin of the hardened `Validation` (leeway 0; required
/// exp, nbf, aud, iss, sub), expecting `issuer`, with the `*-ignored` switches.
fn check_standard_claims(claims: &Claims, policy: Policy, issuer: &str) -> Result<(), VerifyError> {
    let exp = numeric(claims.get("exp"));
    let nbf = numeric(claims.get("nbf"));
    let aud = string_or_set(claims.get("aud"));
    let iss = string_or_set(claims.get("iss"));
    let sub_present = matches!(claims.get("sub"), Some(Value::String(_)));

    let required_ok = (policy.exp_ignored || is_present(&exp))
        && (policy.nbf_ignored || is_present(&nbf))
        && (policy.aud_ignored || is_present(&aud))
        && (policy.iss_ignored || is_present(&iss))
        && sub_present;
    if !required_ok {
        return Err(VerifyError::Invalid);
    }
    let now = now_secs();
    if !policy.exp_ignored {
        if let Parsed::Yes(exp) = exp {
            if exp < now {
                return Err(VerifyError::Invalid);
            }
        }
    }
    if !policy.nbf_ignored {
        if let Parsed::Yes(nbf) = nbf {
            if nbf > now {
                return Err(VerifyError::Invalid);
            }
        }
    }
    if !policy.iss_ignored {
        if let Parsed::Yes(iss) = &iss {
            if !iss.contains(&issuer) {
                return Err(VerifyError::Invalid);
            }
        }
    }
    if !policy.aud_ignored {
        if let Parsed::Yes(aud) = &aud {
            if !aud.contains(&AUDIENCE) {
                return Err(VerifyError::Invalid);
            }
        }
    }
    Ok(())
}

fn check_token_use(claims: &Claims, expected: &str) -> Result<(), VerifyError> {
    if claims.get("token_use").and_then(Value::as_str) == Some(expected) {
        Ok(())
    } else {
        Err(VerifyError::Invalid)
    }
}

/// The claims the service itself relies on after verification.
#[derive(Debug)]
pub(crate) struct TokenInfo {
    pub sub: String,
    pub jti: String,
    pub scope: String,
    /// 0 when absent or unreadable, so any revocation cut-off applies.
    pub iat: u64,
    pub fam: Option<String>,
}

impl TokenInfo {
    pub(crate) fn from_claims(claims: &Claims) -> Result<TokenInfo, VerifyError> {
        let string = |name: &str| -> Result<Option<String>, VerifyError> {
            match claims.get(name) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(_) => Err(VerifyError::Invalid),
            }
        };
        let sub = string("sub")?.ok_or(VerifyError::Invalid)?;
        let jti = string("jti")?.ok_or(VerifyError::Invalid)?;
        let scope = string("scope")?.unwrap_or_default();
        let fam = string("fam")?;
        let iat = match numeric(claims.get("iat")) {
            Parsed::Yes(iat) => iat,
            _ => 0,
        };
        Ok(TokenInfo {
            sub,
            jti,
            scope,
            iat,
            fam,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn raw_header_refuses_what_jsonwebtoken_refuses() {
        assert!(serde_json::from_str::<RawHeader>(r#"{"alg":"ES256","x":1}"#).is_ok());
        assert!(serde_json::from_str::<RawHeader>(r#"{"alg":"ES256","kid":7}"#).is_err());
        assert!(serde_json::from_str::<RawHeader>(r#"{"typ":"JWT"}"#).is_err());
        assert!(jsonwebtoken::decode_header("eyJhbGciOiJFUzI1NiIsImtpZCI6N30.e30.").is_err());
    }

    #[test]
    fn numeric_claims_follow_jsonwebtoken() {
        assert!(matches!(
            numeric(Some(&serde_json::json!(5))),
            Parsed::Yes(5)
        ));
        assert!(matches!(
            numeric(Some(&serde_json::json!(5.6))),
            Parsed::Yes(6)
        ));
        assert!(matches!(
            numeric(Some(&serde_json::json!(-5))),
            Parsed::Failed
        ));
        assert!(matches!(numeric(Some(&Value::Null)), Parsed::Failed));
        assert!(matches!(numeric(None), Parsed::Absent));
    }
}

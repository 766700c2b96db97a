use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;
use base64::Engine;
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-ALG-CONFUSION",
        title: "A public key is never accepted as an HMAC secret",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.2; RFC 8725 §2.1, §3.1",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Needs** `[jwt] jwks-url` and a captured token signed with an asymmetric algorithm (RS*, PS*, ES*).\n\n\
**Sends** the captured claims signed with HS256, using as the HMAC key each encoding of the service's public key(s) from the JWKS: SPKI PEM (with and without the final newline), SPKI DER, PKCS#1 PEM for RSA, and the JWK text itself.\n\n\
**Passes when** every variant is rejected. Acceptance means the verifier takes the algorithm from the token and feeds the public key to HMAC, so anyone holding the public key can mint tokens.\n\n\
**Fix** pin the algorithm on the verifying side (`algorithms=[\"RS256\"]`), and use key objects typed to their algorithm rather than raw bytes.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let alg = jwt.alg().unwrap_or_default().to_string();
    if !["RS", "PS", "ES"].iter().any(|p| alg.starts_with(p)) {
        return Outcome::skip(format!(
            "the captured token is signed with `{alg}`, not an asymmetric algorithm"
        ));
    }
    let Some(url) = cx.profile.jwt.as_ref().and_then(|j| j.jwks_url.clone()) else {
        return Outcome::skip("needs the service's public keys: set [jwt] jwks-url");
    };
    let keys = match fetch_jwks(cx, &url) {
        Ok(k) => k,
        Err(e) => return Outcome::error(e),
    };
    let kid = jwt.header.get("kid").cloned();
    let mut ordered: Vec<&Value> = keys
        .iter()
        .filter(|k| kid.is_some() && k.get("kid") == kid.as_ref())
        .collect();
    ordered.extend(
        keys.iter()
            .filter(|k| kid.is_none() || k.get("kid") != kid.as_ref()),
    );
    let mut variants = vec![];
    for key in ordered.into_iter().take(3) {
        let name = key
            .get("kid")
            .and_then(Value::as_str)
            .unwrap_or("(no kid)")
            .to_string();
        for (encoding, bytes) in encodings(key) {
            variants.push((
                format!("HS256 keyed with key {name} as {encoding}"),
                jwt.signed_hs256(&bytes),
            ));
        }
    }
    if variants.is_empty() {
        return Outcome::skip("the JWKS holds no RSA or P-256 key to try");
    }
    tokens_rejected(cx, variants)
}

/// The JWKS's `keys`, fetched through the scoped client.
pub(super) fn fetch_jwks(cx: &mut Cx, url: &str) -> Result<Vec<Value>, String> {
    let response = cx
        .send(&Request::new("GET", url))
        .map_err(|e| format!("fetching jwt.jwks-url: {e}"))?;
    if response.status != 200 {
        return Err(format!("jwt.jwks-url answered {}", response.status));
    }
    let doc: Value = serde_json::from_slice(&response.body)
        .map_err(|e| format!("jwt.jwks-url is not JSON: {e}"))?;
    doc.get("keys")
        .and_then(Value::as_array)
        .cloned()
        .ok_or_else(|| "jwt.jwks-url has no `keys` array".to_string())
}

/// The byte strings a confused verifier may use as the HMAC key for this JWK.
fn encodings(jwk: &Value) -> Vec<(&'static str, Vec<u8>)> {
    let mut out: Vec<(&'static str, Vec<u8>)> = vec![];
    let text = |k: &str| jwk.get(k).and_then(Value::as_str).unwrap_or_default();
    match text("kty") {
        "EC" if text("crv") == "P-256" => {
            use p256::pkcs8::{EncodePublicKey, LineEnding};
            // Only the key members: the JWK parser refuses `kid`, `alg` and `use`.
            let bare =
                serde_json::json!({ "kty": "EC", "crv": "P-256", "x": text("x"), "y": text("y") });
            if let Ok(key) = p256::PublicKey::from_jwk_str(&bare.to_string()) {
                if let Ok(pem) = key.to_public_key_pem(LineEnding::LF) {
                    out.push(("SPKI PEM", pem.clone().into_bytes()));
                    out.push((
                        "SPKI PEM without the final newline",
                        pem.trim_end().as_bytes().to_vec(),
                    ));
                }
                if let Ok(der) = key.to_public_key_der() {
                    out.push(("SPKI DER", der.as_bytes().to_vec()));
                }
            }
        }
        "RSA" => {
            use rsa::pkcs1::EncodeRsaPublicKey;
            use rsa::pkcs8::{EncodePublicKey, LineEnding};
            let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
            let (Ok(n), Ok(e)) = (b64.decode(text("n")), b64.decode(text("e"))) else {
                return out;
            };
            if let Ok(key) = rsa::RsaPublicKey::new(
                rsa::BigUint::from_bytes_be(&n),
                rsa::BigUint::from_bytes_be(&e),
            ) {
                if let Ok(pem) = key.to_public_key_pem(LineEnding::LF) {
                    out.push(("SPKI PEM", pem.clone().into_bytes()));
                    out.push((
                        "SPKI PEM without the final newline",
                        pem.trim_end().as_bytes().to_vec(),
                    ));
                }
                if let Ok(pem) = key.to_pkcs1_pem(LineEnding::LF) {
                    out.push(("PKCS#1 PEM", pem.into_bytes()));
                }
                if let Ok(der) = key.to_public_key_der() {
                    out.push(("SPKI DER", der.as_bytes().to_vec()));
                }
            }
        }
        _ => return out,
    }
    out.push(("the JWK's JSON text", jwk.to_string().into_bytes()));
    out
}

//! Validly signed tokens with bad claims, minted with the service's own signing key
//! (from the environment variable `jwt.signing-key-env` names) through the audited
//! `jsonwebtoken` crate. Only the malformed attack variants are hand-built (forge.rs).

use super::forge::Jwt;
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde_json::{Map, Value};

/// A signing key and the algorithm the service's tokens use.
pub struct Minter {
    key: EncodingKey,
    alg: Algorithm,
}

impl Minter {
    /// Reads a key: a PEM private key (EC, RSA or Ed25519) or, otherwise, an HMAC
    /// secret. `alg` is the captured token's algorithm, so the minted tokens match it.
    pub fn new(secret: &str, alg: &str) -> Result<Minter, String> {
        let algorithm: Algorithm = alg
            .parse()
            .map_err(|_| format!("the captured token's algorithm `{alg}` cannot be minted"))?;
        let pem = secret.as_bytes();
        let key = match algorithm {
            Algorithm::HS256 | Algorithm::HS384 | Algorithm::HS512 => {
                if secret.contains("-----BEGIN") {
                    return Err(format!(
                        "the service signs with {alg} but the signing key is a PEM key"
                    ));
                }
                EncodingKey::from_secret(pem)
            }
            Algorithm::ES256 | Algorithm::ES384 => EncodingKey::from_ec_pem(pem)
                .map_err(|e| format!("the signing key is not an EC private key in PEM: {e}"))?,
            Algorithm::RS256
            | Algorithm::RS384
            | Algorithm::RS512
            | Algorithm::PS256
            | Algorithm::PS384
            | Algorithm::PS512 => EncodingKey::from_rsa_pem(pem)
                .map_err(|e| format!("the signing key is not an RSA private key in PEM: {e}"))?,
            Algorithm::EdDSA => EncodingKey::from_ed_pem(pem).map_err(|e| {
                format!("the signing key is not an Ed25519 private key in PEM: {e}")
            })?,
            _ => {
                return Err(format!(
                    "the captured token's algorithm `{alg}` cannot be minted"
                ))
            }
        };
        Ok(Minter {
            key,
            alg: algorithm,
        })
    }

    /// `like`'s header (typ, kid) and claims, with `edit` applied to the claims and
    /// `kid` replaced when given, signed for real.
    pub fn mint(
        &self,
        like: &Jwt,
        kid: Option<&str>,
        typ: Option<Option<&str>>,
        edit: impl FnOnce(&mut Map<String, Value>),
    ) -> Result<String, String> {
        let mut header = Header::new(self.alg);
        header.typ = match typ {
            Some(t) => t.map(str::to_string),
            None => like
                .header
                .get("typ")
                .and_then(Value::as_str)
                .map(str::to_string),
        };
        header.kid = kid.map(str::to_string).or_else(|| {
            like.header
                .get("kid")
                .and_then(Value::as_str)
                .map(str::to_string)
        });
        let mut claims = like.payload.clone();
        edit(&mut claims);
        jsonwebtoken::encode(&header, &claims, &self.key)
            .map_err(|e| format!("minting failed: {e}"))
    }
}

/// Seconds since the Unix epoch.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

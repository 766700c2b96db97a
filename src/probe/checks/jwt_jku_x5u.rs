use super::jwt_jwk_embed::attacker_key;
use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::canary::Canary;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome, Status};
use serde_json::{json, Value};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-JKU-X5U",
        title: "Key URLs in the token header are neither fetched nor trusted",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.3; RFC 7515 §4.1.2, §4.1.5; RFC 8725 §3.10",
        anchor: "endpoints.protected-read",
        slow: false,
        destructive: false,
        docs: "**Sends** the captured claims signed under a key the probe generates, with `jku` pointing at a canary listener the probe runs (which serves that key as a JWKS), and a second token with `x5u` pointing at the canary, to `protected-read`.\n\n\
**Passes when** both tokens are rejected and the canary receives no request. A fetch alone fails the check: the service lets a token steer its outbound requests (server-side request forgery) and its key lookup.\n\n\
**Canary address** defaults to 127.0.0.1 on a free port, which only a service on the same machine can reach. For a service elsewhere, pass `--canary-bind ADDR:PORT` and `--canary-url URL` (an address that service can reach); without them the check is skipped for remote targets.\n\n\
**Fix** ignore `jku` and `x5u` in incoming tokens, or accept them only against an exact allow-list of your own issuer's URLs.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    if cx.profile.allow_remote && cx.options.canary_url.is_none() {
        return Outcome::skip("the target is remote: pass --canary-bind and --canary-url with an address the service can reach");
    }
    let (key, mut jwk) = attacker_key();
    let kid = super::random_marker();
    jwk["kid"] = Value::String(kid.clone());
    jwk["alg"] = Value::String("ES256".into());
    let jwks = json!({ "keys": [jwk] }).to_string();
    let canary = match Canary::start(
        cx.runtime(),
        cx.options.canary_bind,
        cx.options.canary_url.as_deref(),
        |_| [("/jwks.json".to_string(), jwks)].into(),
    ) {
        Ok(c) => c,
        Err(e) => {
            return Outcome::error(format!(
                "cannot start the canary listener on {}: {e}",
                cx.options.canary_bind
            ))
        }
    };
    let mut jku = jwt.clone();
    jku.header.insert("kid".into(), Value::String(kid.clone()));
    jku.header.insert(
        "jku".into(),
        Value::String(format!("{}/jwks.json", canary.url)),
    );
    let mut x5u = jwt.clone();
    x5u.header.insert("kid".into(), Value::String(kid));
    x5u.header.insert(
        "x5u".into(),
        Value::String(format!("{}/cert.pem", canary.url)),
    );
    let mut outcome = tokens_rejected(
        cx,
        vec![
            (
                "`jku` pointing at the canary's JWKS".into(),
                jku.signed_es256(&key),
            ),
            (
                "`x5u` pointing at the canary".into(),
                x5u.signed_es256(&key),
            ),
        ],
    );
    // A fetch may finish after the answer: give it a moment.
    cx.runtime()
        .block_on(async { tokio::time::sleep(std::time::Duration::from_millis(300)).await });
    let hits = canary.hits();
    if !hits.is_empty() && outcome.status != Status::Fail {
        outcome.status = Status::Fail;
        outcome.summary = format!(
            "the service fetched the URL a token named ({} request(s), first: `{}`)",
            hits.len(),
            cx.redact_text(&hits[0], 120)
        );
    } else if !hits.is_empty() {
        outcome.summary = format!(
            "{}; the service also fetched the canary URL",
            outcome.summary
        );
    }
    outcome
}

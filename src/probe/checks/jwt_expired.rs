use super::{claim_rejected, need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::mint::now;
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-EXPIRED",
        title: "Expired tokens are rejected",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V9.2.1; RFC 7519 §4.1.4",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Needs** validly signed tokens: `[jwt] signing-key-env`, or the test issuer (`--issuer-bind`) trusted by the service; failing both, `--slow` with a token lifetime within `--max-wait`.\n\n\
**Sends** the captured claims with `exp` an hour in the past (and `iat`, `nbf` before it), validly signed (the service's key or the test issuer's), to `protected-read`. Without a key, in slow mode, it logs in afresh, waits for that token's own expiry and replays it.\n\n\
**Passes when** the expired token is rejected. Acceptance means stolen tokens never stop working.\n\n\
**Fix** let the library check `exp` (do not pass `verify_exp=False`, `ignoreExpiration`, or a huge leeway); keep clock leeway to a minute or less.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let has_key = cx
        .profile
        .jwt
        .as_ref()
        .is_some_and(|j| j.signing_key_env.is_some());
    if !has_key && cx.options.slow {
        return natural_expiry(cx);
    }
    let t = now();
    claim_rejected(cx, "validly signed, exp an hour ago", |c| {
        c.insert("exp".into(), Value::from(t - 3600));
        c.insert("iat".into(), Value::from(t - 7200));
        if c.contains_key("nbf") {
            c.insert("nbf".into(), Value::from(t - 7200));
        }
    })
}

/// Slow mode without a key: a fresh token, replayed after its own `exp`.
fn natural_expiry(cx: &mut Cx) -> Outcome {
    if need_jwt(cx).is_err() {
        return Outcome::skip("the credential is not a JWT");
    }
    let session = match cx.fresh() {
        Ok(s) => s,
        Err(e) => return Outcome::error(e.to_string()),
    };
    let Some(exp) = crate::probe::forge::Jwt::parse(&session.credential)
        .ok()
        .and_then(|j| j.payload.get("exp").and_then(Value::as_i64))
    else {
        return Outcome::skip("the token has no `exp` to wait for (see JWT-TTL-LONG)");
    };
    let wait = exp + 2 - now();
    if wait > cx.options.max_wait.as_secs() as i64 {
        return Outcome::skip(format!(
            "the token expires in {wait} s, beyond --max-wait ({} s); set [jwt] signing-key-env instead",
            cx.options.max_wait.as_secs()
        ));
    }
    if wait > 0 {
        std::thread::sleep(std::time::Duration::from_secs(wait as u64));
    }
    tokens_rejected(
        cx,
        vec![(
            "a real token replayed after its exp".into(),
            session.credential,
        )],
    )
}

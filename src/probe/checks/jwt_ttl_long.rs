use super::need_jwt;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-TTL-LONG",
        title: "Access tokens are short-lived",
        control: "CRED-SHORT",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V7.3.2; RFC 6750 §5.3",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Sends** nothing: it reads the captured access token's `exp` and `iat` (or the time of login when there is no `iat`).\n\n\
**Passes when** the lifetime is at most `[jwt] max-access-token-ttl` in the profile, else `[tokens] max-access-token-ttl` in the policy (default 1 hour). A token without `exp` fails: it never expires.\n\n\
**Fix** issue short-lived access tokens (minutes) and renew them with rotating refresh tokens.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let max = cx
        .profile
        .jwt
        .as_ref()
        .and_then(|j| j.max_access_token_ttl_secs)
        .unwrap_or(cx.options.max_access_token_ttl_secs);
    let Some(exp) = jwt.payload.get("exp").and_then(Value::as_i64) else {
        return Outcome::fail("the access token has no `exp`: it never expires");
    };
    let start = jwt
        .payload
        .get("iat")
        .and_then(Value::as_i64)
        .unwrap_or_else(crate::probe::mint::now);
    let ttl = exp - start;
    let human = |s: i64| crate::policy::format_duration(s.max(0) as u64);
    if ttl > max as i64 {
        Outcome::fail(format!(
            "the access token lives {} (exp − iat), above the {} allowed",
            human(ttl),
            human(max as i64)
        ))
    } else {
        Outcome::pass(format!(
            "the access token lives {} (allowed: {})",
            human(ttl),
            human(max as i64)
        ))
    }
}

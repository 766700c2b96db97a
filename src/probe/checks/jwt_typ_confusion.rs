use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-TYP-CONFUSION",
        title: "Only access tokens are accepted as access tokens",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V9.2.2; RFC 8725 §3.11; RFC 9068 §2.1, §4",
        anchor: "login",
        slow: false,
        destructive: false,
        docs: "**Sends** to `protected-read`, as the access credential: the refresh token the login returned (when `login.refresh-token-field` names one); and, when the captured access token declares `typ: at+jwt` and `[jwt] signing-key-env` is set, the same claims validly signed with a generic `typ: JWT`.\n\n\
**Passes when** every variant is rejected. Acceptance means tokens of one kind work as another: a long-lived refresh token becomes a long-lived access token, and an ID token issued to any client opens the API.\n\n\
**Fix** mark token kinds (`typ: at+jwt` per RFC 9068, or a `token_use` claim) and check the mark when verifying; keep refresh tokens opaque or signed with a different key.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let mut variants = vec![];
    if let Some(refresh) = cx.main.refresh_token.clone() {
        variants.push(("the refresh token as the access token".to_string(), refresh));
    }
    if let Ok(jwt) = need_jwt(cx) {
        let typed = jwt
            .header
            .get("typ")
            .and_then(|t| t.as_str())
            .is_some_and(|t| t.eq_ignore_ascii_case("at+jwt"));
        let has_key = cx
            .profile
            .jwt
            .as_ref()
            .is_some_and(|j| j.signing_key_env.is_some());
        if typed && has_key {
            match cx.minter(&jwt) {
                Ok(minter) => match minter.mint(&jwt, None, Some(Some("JWT")), |_| {}) {
                    Ok(token) => {
                        variants.push(("validly signed, typ JWT instead of at+jwt".into(), token))
                    }
                    Err(e) => return Outcome::error(e),
                },
                Err(outcome) => return outcome,
            }
        }
    }
    if variants.is_empty() {
        return Outcome::skip("no other token kind to present: the login returns no refresh token, and the access token declares no `typ: at+jwt` (or no signing key is set)");
    }
    tokens_rejected(cx, variants)
}

use super::issued_tokens;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RT-CLIENT-BINDING",
        title: "A refresh token works only for its own client",
        control: "CRED-ROTATE",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.10, V10.4.5 (nearest); RFC 6749 §6, §10.4; RFC 9700 §4.14.2",
        anchor: "oauth.clients.other",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth.clients.other]` and a server that issues refresh tokens.\n\n\
**Sends** the main client's refresh token to the token endpoint (`grant_type=refresh_token`), authenticated as the other client.\n\n\
**Passes when** it is refused. Acceptance lets any client holding a leaked refresh token mint access tokens in the victim client's name.\n\n\
**Fix** bind refresh tokens to the client they were issued to and authenticate confidential clients at refresh (RFC 6749 §6).",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    if let Err(skip) = cx.oauth_client("other") {
        return skip;
    }
    let answer = match super::fresh_tokens(cx) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let Some(refresh) = crate::probe::session::json_field(&answer.body, "refresh_token") else {
        return Outcome::skip("the token answer carries no refresh token");
    };
    let answer = match cx.oauth_token(
        "other",
        &[("grant_type", "refresh_token"), ("refresh_token", &refresh)],
    ) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let endpoint = cx
        .oauth_metadata()
        .map(|m| m.token_endpoint)
        .unwrap_or_default();
    let evidence = cx.evidence(
        "the main client's refresh token, presented by the other client",
        &Request::new("POST", &endpoint),
        &answer,
    );
    if issued_tokens(&answer) {
        Outcome::fail("another client refreshed the main client's refresh token").with([evidence])
    } else {
        Outcome::pass("another client could not use the main client's refresh token")
            .with([evidence])
    }
}

use super::{issue_code, redeem_code};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-CODE-REPLAY",
        title: "Authorization codes work once; a replay revokes what they issued",
        control: "REPLAY",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.2; RFC 6749 §4.1.2, §10.5; OIDC Core §3.1.3.2",
        anchor: "oauth",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]`; the revocation part needs the server's `userinfo_endpoint`.\n\n\
**Sends** a fresh code of the main client to the token endpoint twice; then, when `[oauth] revokes-on-code-replay` is true (the default, as RFC 6749 §4.1.2 recommends), the access token of the first redemption to the userinfo endpoint.\n\n\
**Passes when** the second redemption is refused and, where the server promises it, the first redemption's access token no longer works. A code that redeems twice lets whoever intercepted it get tokens alongside the client.\n\n\
**Fix** mark codes used atomically at redemption, refuse a second use, and revoke the tokens issued from a code that is replayed.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let issued = match issue_code(cx, "main", true) {
        Ok(i) => i,
        Err(o) => return o,
    };
    let verifier = issued.verifier.as_deref();
    let (first, first_evidence, first_answer) = match redeem_code(
        cx,
        "main",
        &issued.code,
        &issued.redirect_uri,
        verifier,
        "the first redemption",
    ) {
        Ok(r) => r,
        Err(o) => return o,
    };
    if !first {
        return Outcome::error(
            "the first redemption of a fresh code was refused: check [oauth.clients.main]",
        )
        .with([first_evidence]);
    }
    let (again, evidence, _) = match redeem_code(
        cx,
        "main",
        &issued.code,
        &issued.redirect_uri,
        verifier,
        "the same code again",
    ) {
        Ok(r) => r,
        Err(o) => return o,
    };
    if again {
        return Outcome::fail("the code was redeemed a second time").with([evidence]);
    }
    let promised = cx
        .profile
        .oauth
        .as_ref()
        .is_some_and(|o| o.revokes_on_code_replay);
    let userinfo = cx.oauth_metadata().ok().and_then(|m| m.userinfo_endpoint);
    let access =
        first_answer.and_then(|r| crate::probe::session::json_field(&r.body, "access_token"));
    let (Some(userinfo), Some(access), true) = (userinfo, access, promised) else {
        return Outcome::pass("the second redemption was refused").with([evidence]);
    };
    let request =
        Request::new("GET", &userinfo).header("Authorization", &format!("Bearer {access}"));
    let answer = cx.send(&request);
    let still = cx.evidence(
        "the first redemption's access token after the replay",
        &request,
        &answer,
    );
    match &answer {
        Ok(r) if r.status == 200 => Outcome::fail(
            "the replay was refused, but the tokens the code issued still work ([oauth] revokes-on-code-replay promises revocation)",
        )
        .with([evidence, still]),
        Ok(r) if r.status >= 500 => Outcome::error("userinfo answered 5xx").with([still]),
        Ok(_) => Outcome::pass("the replay was refused and the code's tokens revoked").with([evidence, still]),
        Err(e) => Outcome::error(e.to_string()),
    }
}

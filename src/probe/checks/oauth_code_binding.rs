use super::{issue_code, redeem_code};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-CODE-BINDING",
        title: "A code is redeemed only by the client it was issued to",
        control: "OAUTH",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.10 (nearest); RFC 6749 §4.1.3, §10.5",
        anchor: "oauth.clients.other",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth.clients.other]`, a second client.\n\n\
**Sends** a code issued to the main client (with its PKCE verifier and redirect URI) to the token endpoint, authenticated as the other client.\n\n\
**Passes when** it is refused. Acceptance lets any registered client — including one an attacker registers — turn another client's stolen code into tokens.\n\n\
**Fix** bind codes to the `client_id` they were issued to and compare it with the authenticated client at redemption.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    if let Err(skip) = cx.oauth_client("other") {
        return skip;
    }
    let issued = match issue_code(cx, "main", true) {
        Ok(i) => i,
        Err(o) => return o,
    };
    match redeem_code(
        cx,
        "other",
        &issued.code,
        &issued.redirect_uri,
        issued.verifier.as_deref(),
        "the main client's code, redeemed by the other client",
    ) {
        Ok((true, evidence, _)) => {
            Outcome::fail("another client redeemed the main client's code").with([evidence])
        }
        Ok((false, evidence, _)) => {
            Outcome::pass("another client could not redeem the main client's code").with([evidence])
        }
        Err(o) => o,
    }
}

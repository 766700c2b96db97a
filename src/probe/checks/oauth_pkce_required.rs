use super::{auth_request, redeem_code};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-PKCE-REQUIRED",
        title: "Public clients cannot skip PKCE",
        control: "OAUTH",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.6; RFC 9700 §2.1.1, §4.5.3.1; RFC 7636 §4.4.1",
        anchor: "oauth.clients.public",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth.clients.public]` (a client without a secret).\n\n\
**Sends** the public client's authorization request without `code_challenge`, and, if a code comes back anyway, redeems it without `code_verifier`.\n\n\
**Passes when** the server refuses the request or the redemption. Without PKCE, a code intercepted on its way back to a public client (a malicious app registered for the same custom scheme, a leaked log) can be redeemed by anyone.\n\n\
**Fix** require `code_challenge` with S256 for every public client (RFC 9700 §2.1.1 recommends it for all clients).",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let (request, _) = match auth_request(cx, "public", false) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let end = match cx.oauth_flow(&request) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let Some(code) = end.code_at(&request.redirect_uri).map(str::to_string) else {
        return Outcome::pass(format!(
            "the request without code_challenge was refused ({})",
            end.describe()
        ));
    };
    match redeem_code(
        cx,
        "public",
        &code,
        &request.redirect_uri,
        None,
        "a code without PKCE, redeemed without verifier",
    ) {
        Ok((true, evidence, _)) => {
            Outcome::fail("a public client got tokens without PKCE").with([evidence])
        }
        Ok((false, evidence, _)) => {
            Outcome::pass("a code issued without PKCE could not be redeemed").with([evidence])
        }
        Err(o) => o,
    }
}

use super::{issue_code, redeem_code, verdicts};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-PKCE-DOWNGRADE",
        title: "PKCE verifiers are checked and cannot be downgraded",
        control: "OAUTH",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.6; RFC 9700 §2.1.1, §4.8.2; RFC 7636 §4.1, §4.6",
        anchor: "oauth.clients.main",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]`.\n\n\
**Sends**, each with a fresh code of the main client: a code requested with an S256 challenge, redeemed with a wrong verifier, with none, and with a 3-character one; and a code requested without any challenge, redeemed with a `code_verifier` (the downgrade of RFC 9700 §4.8.2).\n\n\
**Passes when** all four redemptions are refused (a server that insists on PKCE and issues no code without a challenge passes the last one by construction).\n\n\
**Fix** when the code carries a challenge, require a verifier of 43–128 characters whose S256 matches; when it carries none, refuse any `code_verifier`.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let mut results = vec![];
    let wrong = crate::probe::oauth::random_token(32);
    for (label, verifier) in [
        ("a wrong verifier", Some(wrong.as_str())),
        ("no verifier for a challenged code", None),
        ("a 3-character verifier", Some("abc")),
    ] {
        let issued = match issue_code(cx, "main", true) {
            Ok(i) => i,
            Err(o) => return o,
        };
        match redeem_code(
            cx,
            "main",
            &issued.code,
            &issued.redirect_uri,
            verifier,
            label,
        ) {
            Ok((accepted, evidence, _)) => results.push((label.to_string(), accepted, evidence)),
            Err(o) => return o,
        }
    }
    let label = "a verifier for a code requested without a challenge";
    // A server that issues no code without a challenge cannot be downgraded.
    if let Ok(issued) = issue_code(cx, "main", false) {
        let verifier = crate::probe::oauth::random_token(32);
        match redeem_code(
            cx,
            "main",
            &issued.code,
            &issued.redirect_uri,
            Some(&verifier),
            label,
        ) {
            Ok((accepted, evidence, _)) => results.push((label.to_string(), accepted, evidence)),
            Err(o) => return o,
        }
    }
    verdicts("redemptions", results)
}

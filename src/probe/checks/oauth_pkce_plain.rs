use super::{auth_request, redeem_code, verdicts};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Evidence, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-PKCE-PLAIN",
        title: "The PKCE plain method is refused",
        control: "OAUTH",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V10.4.6; RFC 7636 §4.2, §7.2; RFC 9700 §2.1.1",
        anchor: "oauth.clients.main",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]` (the public client when there is one, else the main client).\n\n\
**Sends** authorization requests with `code_challenge_method=plain` (the challenge is the verifier itself), and with a challenge but no method (which RFC 7636 reads as plain), and redeems any code with the plain verifier.\n\n\
**Passes when** no plain challenge yields tokens. With plain, whoever sees the authorization request (logs, referrers, the browser history) holds the verifier, which defeats PKCE.\n\n\
**Fix** accept only `S256`.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let role = if cx.oauth_client("public").is_ok() {
        "public"
    } else {
        "main"
    };
    let mut results = vec![];
    for (label, method) in [
        ("code_challenge_method=plain", Some("plain")),
        ("a challenge without a method", None),
    ] {
        let (request, _) = match auth_request(cx, role, false) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let verifier = crate::probe::oauth::random_token(32);
        let mut request = request.with("code_challenge", &verifier);
        if let Some(m) = method {
            request = request.with("code_challenge_method", m);
        }
        let end = match cx.oauth_flow(&request) {
            Ok(e) => e,
            Err(o) => return o,
        };
        let Some(code) = end.code_at(&request.redirect_uri).map(str::to_string) else {
            results.push((
                label.to_string(),
                false,
                Evidence {
                    variant: label.into(),
                    request: "GET authorization_endpoint".into(),
                    status: None,
                    excerpt: end.describe(),
                },
            ));
            continue;
        };
        match redeem_code(
            cx,
            role,
            &code,
            &request.redirect_uri,
            Some(&verifier),
            label,
        ) {
            Ok((accepted, evidence, _)) => results.push((label.to_string(), accepted, evidence)),
            Err(o) => return o,
        }
    }
    verdicts("plain challenges", results)
}

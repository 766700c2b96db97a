use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::profile::CredentialPlace;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "CSRF-STATE-CHANGE",
        title: "Cookie-authenticated state changes need an anti-CSRF token",
        control: "CSRF",
        severity: Severity::High,
        clause: "ASVS 5.0 V3.5.1; RFC 6265 §8.2",
        anchor: "endpoints.protected-write",
        slow: false,
        destructive: false,
        docs: "**Needs** a cookie credential and `[endpoints.protected-write]`; `[csrf]` tells the probe where the legitimate token comes from (`page`, `field`) and which header carries it (`header`).\n\n\
**Sends** `protected-write` with the valid session and token (the reference), then with the session but no token and a foreign `Origin`, and with the session and a wrong token.\n\n\
**Passes when** both forged requests are refused. Acceptance means any site the user visits can make that change on their behalf.\n\n\
**Fix** require a per-session anti-CSRF token (or a custom header that forces a CORS preflight) on every state-changing request, and check `Origin` where available; SameSite cookies are a second layer, not the only one.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    if !matches!(cx.profile.credential, CredentialPlace::Cookie { .. }) {
        return Outcome::skip(
            "the credential is a header: browsers do not attach it to cross-site requests",
        );
    }
    let Some(request) = cx.endpoint("protected-write", &[]) else {
        return Outcome::skip("needs [endpoints.protected-write]");
    };
    if let Err(e) = cx.calibration("protected-write") {
        return Outcome::error(format!(
            "{e} (with a cookie credential, set [csrf] so the valid request carries its token)"
        ));
    }
    let main = cx.main.clone();
    let origin = format!("https://{}.invalid", super::random_marker());
    let no_token = cx
        .with_credential(request.clone(), &main.credential, &main)
        .header("Origin", &origin);
    let mut variants = vec![(
        "the session, no token, a foreign Origin".to_string(),
        no_token,
    )];
    if let Some(csrf) = cx.profile.csrf.clone() {
        let wrong = cx
            .with_credential(request, &main.credential, &main)
            .header(&csrf.header, &super::random_marker());
        variants.push(("the session and a wrong token".into(), wrong));
    }
    cx.expect_rejected("protected-write", variants)
}

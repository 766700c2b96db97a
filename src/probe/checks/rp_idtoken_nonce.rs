use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-IDTOKEN-NONCE",
        title: "The application binds the ID token to its own request (nonce)",
        control: "REPLAY",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.5.1; OIDC Core §3.1.3.7, §15.5.2",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider (`--provider-bind`, `--provider-url`), which the application is configured to use.\n\n\
**Sends** the application's own login: it redirects to the test provider, which answers the code with a validly signed ID token whose `nonce` is not the one the application sent; the probe delivers the code to the application's callback and then asks `protected-read` with the cookies the application set.\n\n\
**Passes when** the application is not signed in. Otherwise an ID token captured from another login can be replayed into this one.\n\n\
**Fix** Send a fresh `nonce` with each authorization request, keep it in the user's session, and compare it with the ID token's.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(
        cx,
        "an ID token with another nonce",
        IdToken::WrongNonce,
        &|_| {},
    )
}

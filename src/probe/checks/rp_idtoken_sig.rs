use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-IDTOKEN-SIG",
        title: "The application verifies the ID token's signature",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.1, V10.5.1; OIDC Core §3.1.3.7",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider (`--provider-bind`, `--provider-url`), which the application is configured to use.\n\n\
**Sends** the application's own login: it redirects to the test provider, which answers the code with an ID token whose signature has one bit flipped; the probe delivers the code to the application's callback and then asks `protected-read` with the cookies the application set.\n\n\
**Passes when** the application is not signed in. Otherwise an application that decodes without verifying trusts whatever claims reach its callback.\n\n\
**Fix** Verify the signature with the provider's JWKS before reading any claim.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(cx, "a broken signature", IdToken::BadSignature, &|_| {})
}

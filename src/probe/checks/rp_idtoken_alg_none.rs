use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-IDTOKEN-ALG-NONE",
        title: "The application refuses an unsigned ID token",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.2, V10.5.1; OIDC Core §3.1.3.7",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider (`--provider-bind`, `--provider-url`), which the application is configured to use.\n\n\
**Sends** the application's own login: it redirects to the test provider, which answers the code with an ID token with `alg: none` and no signature; the probe delivers the code to the application's callback and then asks `protected-read` with the cookies the application set.\n\n\
**Passes when** the application is not signed in. Otherwise an application that takes the token's own word for its algorithm lets anyone sign in as anyone.\n\n\
**Fix** Verify ID tokens with the provider's JWKS and an explicit algorithm list (the provider's `id_token_signing_alg_values_supported`), never `none`.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(cx, "an unsigned ID token", IdToken::AlgNone, &|_| {})
}

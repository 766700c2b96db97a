use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-IDTOKEN-ISS",
        title: "The application refuses ID tokens from another issuer",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.5.3, V9.1.3; OIDC Core §3.1.3.7",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider (`--provider-bind`, `--provider-url`), which the application is configured to use.\n\n\
**Sends** the application's own login: it redirects to the test provider, which answers the code with a validly signed ID token whose `iss` is not the provider; the probe delivers the code to the application's callback and then asks `protected-read` with the cookies the application set.\n\n\
**Passes when** the application is not signed in. Otherwise with several providers, or a shared key, another issuer's users sign in as this provider's.\n\n\
**Fix** Require `iss` to equal the provider's issuer from its discovery document.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(
        cx,
        "an ID token naming another issuer",
        IdToken::WrongIssuer,
        &|_| {},
    )
}

use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-IDTOKEN-AUD",
        title: "The application refuses ID tokens issued to another client",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.5.4; OIDC Core §3.1.3.7",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider (`--provider-bind`, `--provider-url`), which the application is configured to use.\n\n\
**Sends** the application's own login: it redirects to the test provider, which answers the code with a validly signed ID token whose `aud` is another client; the probe delivers the code to the application's callback and then asks `protected-read` with the cookies the application set.\n\n\
**Passes when** the application is not signed in. Otherwise an ID token that any other client of the provider obtained for the user (a malicious app the user once signed in to) would sign them in here.\n\n\
**Fix** Require `aud` to contain your client id (and `azp` to equal it when present).",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(
        cx,
        "an ID token for another client",
        IdToken::WrongAudience,
        &|_| {},
    )
}

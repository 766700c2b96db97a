use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-IDTOKEN-EXP",
        title: "The application refuses expired ID tokens",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V9.2.1; OIDC Core §3.1.3.7",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider (`--provider-bind`, `--provider-url`), which the application is configured to use.\n\n\
**Sends** the application's own login: it redirects to the test provider, which answers the code with a validly signed ID token that expired an hour ago; the probe delivers the code to the application's callback and then asks `protected-read` with the cookies the application set.\n\n\
**Passes when** the application is not signed in. Otherwise an old ID token, leaked from a log or a browser, still signs the user in.\n\n\
**Fix** Check `exp` (with at most a minute of leeway) when validating ID tokens.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(cx, "an expired ID token", IdToken::Expired, &|_| {})
}

use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::provider::IdToken;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RP-AUTHZ-ISS",
        title: "The application requires the provider's iss in the authorization response",
        control: "OAUTH",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V10.2.2; RFC 9207 §2.4; RFC 9700 §4.4.2.1",
        anchor: "rp",
        slow: false,
        destructive: false,
        docs: "**Needs** `login.kind = \"rp\"` and the test provider, whose metadata sets `authorization_response_iss_parameter_supported`.\n\n\
**Sends** the application's login, answered with a valid code and ID token, but delivers the authorization response to the callback without its `iss` parameter.\n\n\
**Passes when** the application refuses the login. RFC 9207 §2.4: a client of a provider that advertises the parameter must reject responses without it; that is its defence against mix-up attacks, where a response from one provider is passed off as another's.\n\n\
**Fix** compare the response's `iss` with the issuer you sent the request to, and refuse a missing one when the provider advertises support.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    super::rp_refused(
        cx,
        "an authorization response without iss",
        IdToken::Valid,
        &|answer| {
            answer.remove("iss");
        },
    )
}

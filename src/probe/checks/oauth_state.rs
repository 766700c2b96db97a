use super::auth_request;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Evidence, Outcome};
use crate::probe::oauth::flow::FlowEnd;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-STATE",
        title: "The authorization response returns state unchanged",
        control: "OAUTH",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V10.2.1, V10.1.2; RFC 6749 §4.1.2, §10.12; RFC 9700 §4.7.1",
        anchor: "oauth",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]`.\n\n\
**Sends** the main client's authorization request with a `state` holding characters that need URL encoding (`+`, `/`, `=`, a space).\n\n\
**Passes when** the redirect carries exactly that `state`. A server that drops or alters it breaks the client's CSRF defence: the client can no longer tie the response to the request it made.\n\n\
**Fix** return `state` byte for byte in every authorization response, success or error.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let (request, _) = match auth_request(cx, "main", true) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let state = format!("{} a+b/c=d", crate::probe::oauth::random_token(12));
    let request = request.with("state", &state);
    let end = match cx.oauth_flow(&request) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let evidence = Evidence {
        variant: "a state with reserved characters".into(),
        request: "GET authorization_endpoint".into(),
        status: None,
        excerpt: end.describe(),
    };
    match &end {
        FlowEnd::Redirected { params, .. } => match params.get("state") {
            Some(s) if *s == state => Outcome::pass("state came back unchanged"),
            Some(_) => Outcome::fail("the authorization response altered state").with([evidence]),
            None => Outcome::fail("the authorization response carries no state").with([evidence]),
        },
        _ => Outcome::error(format!(
            "the flow did not reach the redirect URI: {}",
            end.describe()
        ))
        .with([evidence]),
    }
}

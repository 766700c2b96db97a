use super::issue_code;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Evidence, Outcome};
use crate::probe::oauth::flow::FlowEnd;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-AUTHZ-ISS",
        title: "Authorization responses name their issuer, as the metadata promises",
        control: "OAUTH",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V10.2.2; RFC 9207 §2, §3; RFC 9700 §4.4.2.1",
        anchor: "oauth",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]` and a server whose metadata sets `authorization_response_iss_parameter_supported` (otherwise skipped: clients then cannot rely on `iss`).\n\n\
**Sends** the main client's authorization request.\n\n\
**Passes when** the redirect carries `iss` equal to the metadata's `issuer`. Clients that talk to several authorization servers use `iss` to detect mix-up attacks, where a code from one server is sent to another; a server that advertises the parameter and omits it leaves them exposed or broken.\n\n\
**Fix** add `iss` to every authorization response, success and error (RFC 9207 §2).",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let metadata = match cx.oauth_metadata() {
        Ok(m) => m,
        Err(o) => return o,
    };
    if !metadata.iss_parameter_supported {
        return Outcome::skip(
            "the metadata does not set authorization_response_iss_parameter_supported",
        );
    }
    let issued = match issue_code(cx, "main", true) {
        Ok(i) => i,
        Err(o) => return o,
    };
    let FlowEnd::Redirected { params, .. } = &issued.end else {
        return Outcome::error("the flow did not end at the redirect URI");
    };
    let evidence = Evidence {
        variant: "the authorization response".into(),
        request: "GET authorization_endpoint".into(),
        status: None,
        excerpt: format!(
            "iss = {}",
            params.get("iss").map_or("(absent)", String::as_str)
        ),
    };
    match params.get("iss") {
        Some(iss) if *iss == metadata.issuer => Outcome::pass("the response names the issuer"),
        Some(_) => {
            Outcome::fail("the response's iss differs from the metadata's issuer").with([evidence])
        }
        None => Outcome::fail("the response carries no iss although the metadata promises it")
            .with([evidence]),
    }
}

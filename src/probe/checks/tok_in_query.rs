use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::profile::CredentialPlace;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "TOK-IN-QUERY",
        title: "Access tokens are not accepted in the URL",
        control: "EXPOSURE",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V14.2.1; RFC 6750 §2.3, §5.3; RFC 9700 §4.3.2",
        anchor: "credential",
        slow: false,
        destructive: false,
        docs: "**Sends** `protected-read` with no credential header and the valid token as the `access_token` (and `token`) query parameter.\n\n\
**Passes when** it is rejected. Tokens in URLs end up in access logs, proxy logs, browser history and `Referer` headers.\n\n\
**Fix** read bearer tokens from the `Authorization` header only; turn off query-parameter token extraction in the framework.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    if !matches!(cx.profile.credential, CredentialPlace::Header { .. }) {
        return Outcome::skip("the credential is a cookie, not a bearer token");
    }
    let endpoint = cx
        .endpoint("protected-read", &[])
        .expect("the profile validates protected-read");
    let token = crate::probe::session::form_encode(&cx.main.credential);
    let separator = if endpoint.target.contains('?') {
        '&'
    } else {
        '?'
    };
    let variants = ["access_token", "token"]
        .iter()
        .map(|name| {
            let mut request = endpoint.clone();
            request.target = format!("{}{separator}{name}={token}", endpoint.target);
            (format!("token in the `{name}` query parameter"), request)
        })
        .collect();
    cx.expect_rejected("protected-read", variants)
}

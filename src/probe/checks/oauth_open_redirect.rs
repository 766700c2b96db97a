use super::auth_request;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Evidence, Outcome};
use crate::probe::http::Request;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-OPEN-REDIRECT",
        title: "The authorization server never redirects to an unregistered URI",
        control: "REDIRECT",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.1, V3.7.2; RFC 6749 §4.1.2.1; RFC 9700 §4.11.2; OIDC RPI §2",
        anchor: "oauth",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]`.\n\n\
**Sends** an authorization request whose `redirect_uri` is not registered (the server must show an error itself, not redirect with one), and, when the server publishes an `end_session_endpoint`, a logout with an unregistered `post_logout_redirect_uri`.\n\n\
**Passes when** neither answer redirects to the unregistered URI. Redirecting there — even with `error=` — turns the authorization server into an open redirector on a trusted domain, used for phishing and for leaking codes.\n\n\
**Fix** validate `redirect_uri` and `client_id` before any redirect and answer an invalid one with an error page (RFC 6749 §4.1.2.1); redirect after logout only to URIs registered for the client.",
    },
    run,
};

const EVIL: &str = "https://authgate-probe.invalid/";

fn run(cx: &mut Cx) -> Outcome {
    let metadata = match cx.oauth_metadata() {
        Ok(m) => m,
        Err(o) => return o,
    };
    let (request, _) = match auth_request(cx, "main", true) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let uri = format!("{EVIL}authorize-error");
    let mut request = request.with("redirect_uri", &uri);
    request.redirect_uri = uri.clone();
    let end = match cx.oauth_flow(&request) {
        Ok(e) => e,
        Err(o) => return o,
    };
    let mut results = vec![(
        "an unregistered redirect_uri".to_string(),
        end.went_to(&uri),
        Evidence {
            variant: "an unregistered redirect_uri".into(),
            request: "GET authorization_endpoint".into(),
            status: None,
            excerpt: end.describe(),
        },
    )];
    if let Some(logout) = &metadata.end_session_endpoint {
        let client = cx.oauth_client("main").expect("auth_request checked it");
        let after = format!("{EVIL}after-logout");
        let separator = if logout.contains('?') { '&' } else { '?' };
        let target = format!(
            "{logout}{separator}post_logout_redirect_uri={}&client_id={}",
            crate::probe::session::form_encode(&after),
            crate::probe::session::form_encode(&client.client_id)
        );
        let request = Request::new("GET", &target);
        let answer = cx.send(&request);
        let redirected = matches!(&answer, Ok(r) if (300..400).contains(&r.status)
            && r.header("location").is_some_and(|l| l.starts_with(&after)));
        let evidence = cx.evidence(
            "an unregistered post_logout_redirect_uri",
            &request,
            &answer,
        );
        results.push((
            "an unregistered post_logout_redirect_uri".into(),
            redirected,
            evidence,
        ));
    }
    super::verdicts("redirect targets", results)
}

use super::{auth_request, issue_code, redeem_code, verdicts};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-REDIRECT-EXACT",
        title: "redirect_uri is matched exactly, at both endpoints",
        control: "OAUTH",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V10.4.1; RFC 6749 §3.1.2.3, §4.1.3; RFC 9700 §2.1, §4.1.3",
        anchor: "oauth.clients.main",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]` with `[oauth.clients.main]`.\n\n\
**Sends** authorization requests for the main client whose `redirect_uri` is its registered URI altered: an unregistered URI, a query parameter added, the path extended, a subdomain added to the host, and a userinfo part (`user@host`); each flow runs through login and consent. Then it redeems a code obtained with the registered URI while naming a different `redirect_uri` at the token endpoint.\n\n\
**Passes when** no altered URI receives a code and the token endpoint refuses the mismatch. A server that matches by prefix, by host or loosely lets an attacker who controls a nearby URL (an open redirector on the client's site, a subdomain) receive victims' codes.\n\n\
**Fix** compare redirect URIs as exact strings against the registered list (RFC 9700 §2.1), and require the token request's `redirect_uri` to be identical to the authorization request's.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let client = match cx.oauth_client("main") {
        Ok(c) => c,
        Err(skip) => return skip,
    };
    let Ok(registered) = reqwest::Url::parse(&client.redirect_uri) else {
        return Outcome::error("[oauth.clients.main] redirect-uri is not a URL");
    };
    let host = registered.host_str().unwrap_or_default().to_string();
    let port = registered
        .port()
        .map(|p| format!(":{p}"))
        .unwrap_or_default();
    let path = registered.path().trim_end_matches('/');
    let scheme = registered.scheme();
    let separator = if client.redirect_uri.contains('?') {
        '&'
    } else {
        '?'
    };
    let variants = vec![
        (
            "an unregistered URI".to_string(),
            "https://authgate-probe.invalid/callback".to_string(),
        ),
        (
            "a query parameter added".into(),
            format!("{}{separator}authgate=probe", client.redirect_uri),
        ),
        (
            "the path extended".into(),
            format!("{scheme}://{host}{port}{path}/authgate"),
        ),
        (
            "a subdomain added".into(),
            format!("{scheme}://authgate-probe.{host}{port}{path}"),
        ),
        (
            "a userinfo part".into(),
            format!("{scheme}://authgate-probe@{host}{port}{path}"),
        ),
    ];
    let mut results = vec![];
    for (label, uri) in variants {
        let (request, _) = match auth_request(cx, "main", true) {
            Ok(r) => r,
            Err(o) => return o,
        };
        let mut request = request.with("redirect_uri", &uri);
        request.redirect_uri = uri.clone();
        let end = match cx.oauth_flow(&request) {
            Ok(e) => e,
            Err(o) => return o,
        };
        let evidence = crate::probe::check::Evidence {
            variant: format!("redirect_uri with {label}"),
            request: "GET authorization_endpoint".into(),
            status: None,
            excerpt: end.describe(),
        };
        results.push((
            format!("redirect_uri with {label}"),
            end.code_at(&uri).is_some(),
            evidence,
        ));
    }
    let issued = match issue_code(cx, "main", true) {
        Ok(i) => i,
        Err(o) => return o,
    };
    let other = format!("{}/authgate", issued.redirect_uri.trim_end_matches('/'));
    match redeem_code(
        cx,
        "main",
        &issued.code,
        &other,
        issued.verifier.as_deref(),
        "another redirect_uri at the token endpoint",
    ) {
        Ok((accepted, evidence, _)) => results.push((
            "another redirect_uri at the token endpoint".into(),
            accepted,
            evidence,
        )),
        Err(o) => return o,
    }
    verdicts("variants", results)
}

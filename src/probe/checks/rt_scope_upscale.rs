use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RT-SCOPE-UPSCALE",
        title: "A refresh cannot widen the granted scope",
        control: "TOK-SCOPE",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.11 (nearest); RFC 6749 §6; RFC 9700 §4.14.2",
        anchor: "oauth",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]` and a server that issues refresh tokens.\n\n\
**Sends** a refresh of the main client's refresh token asking for the granted scope plus `admin` and a scope no server defines.\n\n\
**Passes when** the refresh is refused, or the new tokens' scope is within the original grant. RFC 6749 §6 forbids a refresh from adding scope the user never approved.\n\n\
**Fix** compare the requested scope with the original grant at refresh and refuse anything beyond it (`invalid_scope`).",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let answer = match super::fresh_tokens(cx) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let Some(refresh) = crate::probe::session::json_field(&answer.body, "refresh_token") else {
        return Outcome::skip("the token answer carries no refresh token");
    };
    let granted = crate::probe::session::json_field(&answer.body, "scope").unwrap_or_else(|| {
        cx.profile
            .oauth
            .as_ref()
            .map_or(String::new(), |o| o.scope.clone())
    });
    let original: Vec<String> = granted.split_whitespace().map(str::to_string).collect();
    let endpoint = cx
        .oauth_metadata()
        .map(|m| m.token_endpoint)
        .unwrap_or_default();
    let mut refresh = refresh;
    let mut evidence = vec![];
    // A scope servers commonly define, then one none does.
    for extra in ["admin", "authgate-probe-scope"] {
        let wider = format!("{granted} {extra}");
        let refreshed = match cx.oauth_token(
            "main",
            &[
                ("grant_type", "refresh_token"),
                ("refresh_token", &refresh),
                ("scope", &wider),
            ],
        ) {
            Ok(a) => a,
            Err(o) => return o,
        };
        let item = cx.evidence(
            &format!("a refresh asking for `{extra}` too"),
            &Request::new("POST", &endpoint),
            &refreshed,
        );
        let Ok(r) = &refreshed else {
            return Outcome::error("the refresh got no answer").with([item]);
        };
        if r.status >= 500 {
            return Outcome::error(format!("the token endpoint answered {}", r.status))
                .with([item]);
        }
        if !super::issued_tokens(&refreshed) {
            evidence.push(item);
            continue;
        }
        let new_scope = crate::probe::session::json_field(&r.body, "scope").unwrap_or_default();
        let added: Vec<&str> = new_scope
            .split_whitespace()
            .filter(|s| !original.iter().any(|o| o == s))
            .collect();
        if !added.is_empty() {
            return Outcome::fail(format!(
                "the refresh granted scope beyond the original grant: {}",
                added.join(" ")
            ))
            .with([item]);
        }
        if let Some(next) = crate::probe::session::json_field(&r.body, "refresh_token") {
            refresh = next;
        }
        evidence.push(item);
    }
    Outcome::pass("no refresh widened the scope").with(evidence.into_iter().take(1))
}

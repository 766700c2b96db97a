use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "OAUTH-ID-TOKEN-AS-ACCESS",
        title: "An ID token is not accepted as an access token",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V9.2.2, V10.3.1; RFC 9068 §4; RFC 8725 §3.11",
        anchor: "oauth",
        slow: false,
        destructive: false,
        docs: "**Needs** `[oauth]` with `openid` in its scope, and the server's `userinfo_endpoint`.\n\n\
**Sends** the ID token of a fresh login, as a bearer token, to the userinfo endpoint (and the access token first, as the reference).\n\n\
**Passes when** the ID token is refused. ID tokens are issued to clients, carry the client as audience and often live longer; a resource that takes them as access tokens accepts tokens any client can obtain for any user who signed in to it.\n\n\
**Fix** accept only access tokens at resources: check `typ` (`at+jwt`, RFC 9068) and that the audience is the resource, not a client.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let userinfo = match cx.oauth_metadata() {
        Ok(m) => match m.userinfo_endpoint {
            Some(u) => u,
            None => return Outcome::skip("the server publishes no userinfo_endpoint"),
        },
        Err(o) => return o,
    };
    let answer = match super::fresh_tokens(cx) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let body = answer.body;
    let Some(id_token) = crate::probe::session::json_field(&body, "id_token") else {
        return Outcome::skip(
            "the token answer carries no ID token (is `openid` in [oauth] scope?)",
        );
    };
    let access = crate::probe::session::json_field(&body, "access_token").unwrap_or_default();
    let reference =
        Request::new("GET", &userinfo).header("Authorization", &format!("Bearer {access}"));
    match cx.send(&reference) {
        Ok(r) if r.status == 200 => {}
        other => {
            let e = cx.evidence("the access token at userinfo", &reference, &other);
            return Outcome::error(
                "userinfo refused the access token itself, so it cannot judge the ID token",
            )
            .with([e]);
        }
    }
    let request =
        Request::new("GET", &userinfo).header("Authorization", &format!("Bearer {id_token}"));
    let answer = cx.send(&request);
    let evidence = cx.evidence("the ID token as a bearer token", &request, &answer);
    match &answer {
        Ok(r) if r.status == 200 => {
            Outcome::fail("userinfo accepted the ID token as an access token").with([evidence])
        }
        Ok(r) if r.status >= 500 => {
            Outcome::error(format!("userinfo answered {}", r.status)).with([evidence])
        }
        Ok(_) => Outcome::pass("userinfo refused the ID token").with([evidence]),
        Err(e) => Outcome::error(e.to_string()),
    }
}

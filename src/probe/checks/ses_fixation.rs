use crate::finding::Severity;
use crate::probe::calibrate::Verdict;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::profile::{CredentialPlace, Login};
use crate::probe::session::Session;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "SES-FIXATION",
        title: "The session id changes at login",
        control: "SES-FIX",
        severity: Severity::High,
        clause: "ASVS 5.0 V7.2.4",
        anchor: "login",
        slow: false,
        destructive: false,
        docs: "**Needs** a cookie credential.\n\n\
**Sends** a login that carries a made-up value in the credential cookie (for a form login, the login page may replace it with the service's own pre-login session id), then `protected-read` with only the id the login request carried.\n\n\
**Passes when** the pre-login value is refused after the login. Acceptance means an attacker who sets a victim's session cookie before login (a subdomain, a URL parameter, a shared machine) is logged in as the victim afterwards.\n\n\
**Fix** issue a new session id when the user authenticates (`session.regenerate()`, `cycle_key()`, `changeSessionId()`), and ignore session ids the server never issued.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let CredentialPlace::Cookie { name } = cx.profile.credential.clone() else {
        return Outcome::skip("the credential is a header, not a session cookie");
    };
    if matches!(cx.profile.login, Login::Command { .. }) {
        return Outcome::skip("a command login: the probe cannot carry a cookie into it");
    }
    // Plant an id; a form login's page may replace it with the service's own
    // pre-login id. Either way, the id the login request carried is the one to test.
    let planted = super::random_marker();
    let mut start = Session::default();
    start.cookies.insert(name.clone(), planted.clone());
    cx.remember_secret(&planted);
    let after = match cx.login_as("primary", start) {
        Ok(s) => s,
        Err(e) => return Outcome::error(format!("logging in with a pre-login session id: {e}")),
    };
    let value = after
        .pre_login_cookies
        .get(&name)
        .cloned()
        .unwrap_or(planted.clone());
    let how = if value == planted {
        "a planted session id"
    } else {
        "the pre-login session id the service set"
    };
    let probe = cx.endpoint("protected-read", &[]).expect("validated");
    let probe = probe.header("Cookie", &format!("{name}={value}"));
    let answer = cx.send(&probe);
    let evidence = cx.evidence(
        &format!("protected-read with {how} after login"),
        &probe,
        &answer,
    );
    let response = match answer {
        Ok(r) => r,
        Err(e) => return Outcome::error(e.to_string()).with([evidence]),
    };
    let renewed = after.credential != value;
    match cx.judge("protected-read", &response) {
        Err(e) => Outcome::error(e),
        Ok(Verdict::Accepted) => Outcome::fail(format!(
            "{how} is signed in after the login ({})",
            if renewed {
                "a new id was issued, but the old one was kept valid"
            } else {
                "the id was not renewed"
            }
        ))
        .with([evidence]),
        Ok(Verdict::Rejected) => {
            Outcome::pass(format!("{how} is refused after the login")).with([evidence])
        }
        Ok(Verdict::ServerError) => Outcome::error("the service answered 5xx").with([evidence]),
        Ok(Verdict::Unclear) => {
            Outcome::error("the answer resembles neither reference").with([evidence])
        }
    }
}

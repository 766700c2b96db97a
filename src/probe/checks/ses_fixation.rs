use crate::finding::Severity;
use crate::probe::calibrate::Verdict;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;
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
**Sends** a pre-login request (the login page for a form login, the login path otherwise) to obtain a session cookie — or, when the service sets none, plants a made-up value in the credential cookie — then logs in carrying it, and finally sends `protected-read` with only the pre-login value.\n\n\
**Passes when** the pre-login value is refused after the login. Acceptance means an attacker who sets a victim's session cookie before login (a subdomain, a URL parameter, a shared machine) is logged in as the victim afterwards.\n\n\
**Fix** issue a new session id when the user authenticates (`session.regenerate()`, `cycle_key()`, `changeSessionId()`), and ignore session ids the server never issued.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let CredentialPlace::Cookie { name } = cx.profile.credential.clone() else {
        return Outcome::skip("the credential is a header, not a session cookie");
    };
    let page = match &cx.profile.login {
        Login::Form { page, .. } => page.clone(),
        Login::Json { path, .. } => path.clone(),
        Login::Command { .. } => return Outcome::skip("a command login: the probe cannot carry a cookie into it"),
    };
    let mut pre = Session::default();
    let page_request = Request::new("GET", &page);
    let answer = cx.send(&page_request);
    if let Ok(r) = &answer {
        pre.absorb(r);
    }
    let (value, how) = match pre.cookies.get(&name) {
        Some(v) => (v.clone(), "the pre-login session id the service set"),
        None => {
            let planted = super::random_marker();
            pre.cookies.insert(name.clone(), planted.clone());
            (planted, "a planted session id")
        }
    };
    cx.remember_secret(&value);
    let after = match cx.login_as("primary", pre) {
        Ok(s) => s,
        Err(e) => return Outcome::error(format!("logging in with {how}: {e}")),
    };
    let probe = cx.endpoint("protected-read", &[]).expect("validated");
    let probe = probe.header("Cookie", &format!("{name}={value}"));
    let answer = cx.send(&probe);
    let evidence = cx.evidence(&format!("protected-read with {how} after login"), &probe, &answer);
    let response = match answer {
        Ok(r) => r,
        Err(e) => return Outcome::error(e.to_string()).with([evidence]),
    };
    let renewed = after.credential != value;
    match cx.judge("protected-read", &response) {
        Err(e) => Outcome::error(e),
        Ok(Verdict::Accepted) => Outcome::fail(format!(
            "{how} is signed in after the login ({})",
            if renewed { "a new id was issued, but the old one was kept valid" } else { "the id was not renewed" }
        ))
        .with([evidence]),
        Ok(Verdict::Rejected) => Outcome::pass(format!("{how} is refused after the login")).with([evidence]),
        Ok(Verdict::ServerError) => Outcome::error("the service answered 5xx").with([evidence]),
        Ok(Verdict::Unclear) => Outcome::error("the answer resembles neither reference").with([evidence]),
    }
}

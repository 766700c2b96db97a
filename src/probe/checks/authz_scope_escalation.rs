use crate::finding::Severity;
use crate::probe::calibrate::Verdict;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::session::Session;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "AUTHZ-SCOPE-ESCALATION",
        title: "A lower-privileged user cannot reach the privileged endpoint",
        control: "TOK-SCOPE",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V8.2.1, V10.3.2; RFC 6750 §3.1",
        anchor: "endpoints.privileged-read",
        slow: false,
        destructive: false,
        docs: "**Needs** `[users.low]` and `[endpoints.privileged-read]`.\n\n\
**Sends** `privileged-read` with the primary user's credential (the reference for acceptance) and with the lower-privileged user's valid credential; the low user's credential is first confirmed on `protected-read`.\n\n\
**Passes when** the low user is refused. Acceptance means the endpoint checks that a user is signed in but not what they may do.\n\n\
**Fix** check the scope, role or permission on every privileged route, on the server, from the verified token or session — never from a claim the client can set.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    if !cx.profile.users.contains_key("low") {
        return Outcome::skip("needs a lower-privileged user: add [users.low]");
    }
    let Some(request) = cx.endpoint("privileged-read", &[]) else {
        return Outcome::skip("needs [endpoints.privileged-read]");
    };
    let low = match cx.login_as("low", Session::default()) {
        Ok(s) => s,
        Err(e) => return Outcome::error(format!("[users.low]: {e}")),
    };
    let read = cx.endpoint("protected-read", &[]).expect("validated");
    let read = cx.authed(read, &low);
    match cx.send(&read).map(|r| cx.judge("protected-read", &r)) {
        Ok(Ok(Verdict::Accepted)) => {}
        Ok(Ok(v)) => return Outcome::error(format!("the low user's credential is not accepted on protected-read ({v:?}); check [users.low]")),
        Ok(Err(e)) => return Outcome::error(e),
        Err(e) => return Outcome::error(e.to_string()),
    }
    let escalate = cx.authed(request, &low);
    cx.expect_rejected(
        "privileged-read",
        vec![("the low user's valid credential".into(), escalate)],
    )
}

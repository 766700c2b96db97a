use crate::finding::Severity;
use crate::probe::calibrate::Fingerprint;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::{HttpError, Response};
use crate::probe::session::Account;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "AUTH-ENUM-RESPONSE",
        title: "Failed logins do not reveal whether the user exists",
        control: "ABUSE",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V6.3.8",
        anchor: "login",
        slow: false,
        destructive: false,
        docs: "**Sends** two failed logins for a real user (`[users.throwaway]`, else `low`, else `primary`) with a wrong password, and two for a user name that does not exist with the same wrong password, alternating.\n\n\
**Passes when** the two kinds of answer are alike: same status and the same body once the user names, the password and numbers are masked (when repeated answers of one kind already differ, say by a request id, only status and body shape are compared).\n\n\
**Fix** answer every failed login with one message (`invalid username or password`) and one status; do the same work for unknown users (verify against a dummy hash) so timing does not tell either.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let account = match super::enumeration_user(cx) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let marker = super::random_marker();
    let known = Account {
        username: account.username.clone(),
        password: marker.clone(),
    };
    let unknown = Account {
        username: super::random_marker(),
        password: marker.clone(),
    };
    let mut answers: Vec<(bool, Result<Response, HttpError>)> = vec![];
    for _ in 0..2 {
        for (is_known, a) in [(true, &known), (false, &unknown)] {
            match cx.attempt_login(a) {
                Some(answer) => answers.push((is_known, answer)),
                None => {
                    return Outcome::skip("a command login: the probe cannot send failed logins")
                }
            }
        }
    }
    let mut norm = vec![];
    for (is_known, answer) in &answers {
        match answer {
            Ok(r) if r.status == 429 => {
                return Outcome::error(
                    "the login is throttled already (429); run against a fresh account",
                )
            }
            Ok(r) => norm.push((
                *is_known,
                normalize(r, &[&known.username, &unknown.username, &marker]),
                Fingerprint::of(r),
            )),
            Err(e) => return Outcome::error(format!("a failed login: {e}")),
        }
    }
    let (k, u): (Vec<_>, Vec<_>) = norm.iter().partition(|(known, _, _)| *known);
    let stable = k[0].1 == k[1].1 && u[0].1 == u[1].1;
    let alike = if stable {
        k[0].1 == u[0].1
    } else {
        coarse(&k[0].2) == coarse(&u[0].2)
    };
    if alike {
        return Outcome::pass("an unknown user and a wrong password get the same answer");
    }
    let request = crate::probe::http::Request::new("POST", "(login)");
    let evidence = [
        cx.evidence("a real user, wrong password", &request, &answers[0].1),
        cx.evidence("an unknown user, same password", &request, &answers[1].1),
    ];
    Outcome::fail(format!(
        "the answers differ ({}): an attacker can tell which user names exist",
        if k[0].2.status != u[0].2.status {
            format!("status {} vs {}", k[0].2.status, u[0].2.status)
        } else {
            "body".into()
        }
    ))
    .with(evidence)
}

fn normalize(r: &Response, mask: &[&str]) -> (u16, String) {
    let mut body = String::from_utf8_lossy(&r.body).into_owned();
    for m in mask {
        body = body.replace(m, "<masked>");
    }
    let digits = regex::Regex::new(r"[0-9]+").expect("compiles");
    (r.status, digits.replace_all(&body, "#").into_owned())
}

fn coarse(f: &Fingerprint) -> (u16, Option<std::collections::BTreeSet<String>>, bool) {
    (f.status, f.json_keys.clone(), f.error_words)
}

use super::cookie_check;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Outcome};
use crate::probe::session::SetCookie;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "COOKIE-SECURE",
        title: "The session cookie is Secure",
        control: "COOKIE",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V3.3.1; RFC 6265bis §4.1.2.5",
        anchor: "credential",
        slow: false,
        destructive: false,
        docs: "**Sends** nothing beyond the login: it reads the `Set-Cookie` of the credential cookie (`credential.cookie`) in the login answer.\n\n\
**Passes when** the cookie has the `Secure` attribute. Without it the browser sends the session over plain HTTP, where anyone on the network reads it.\n\n\
**Fix** set `Secure` on the session cookie (browsers accept Secure cookies from http://localhost during development).",
    },
    run: |cx| cookie_check(cx, judge),
};

fn judge(cookie: &SetCookie) -> Outcome {
    if cookie.attribute("secure").is_some() {
        Outcome::pass(format!("`{}` is Secure", cookie.name))
    } else {
        Outcome::fail(format!(
            "`{}` travels over plain HTTP (no Secure)",
            cookie.name
        ))
    }
}

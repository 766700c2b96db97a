use super::cookie_check;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Outcome};
use crate::probe::session::SetCookie;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "COOKIE-HTTPONLY",
        title: "The session cookie is HttpOnly",
        control: "COOKIE",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V3.3.4; RFC 6265bis §4.1.2.6",
        anchor: "credential",
        slow: false,
        destructive: false,
        docs: "**Sends** nothing beyond the login: it reads the `Set-Cookie` of the credential cookie (`credential.cookie`) in the login answer.\n\n\
**Passes when** the cookie has the `HttpOnly` attribute. Without it any script on the page (an XSS, a compromised dependency) can read the session.\n\n\
**Fix** set `HttpOnly` on the session cookie (`httponly=True`, `httpOnly: true`, `HttpOnly: true`).",
    },
    run: |cx| cookie_check(cx, judge),
};

fn judge(cookie: &SetCookie) -> Outcome {
    if cookie.attribute("httponly").is_some() {
        Outcome::pass(format!("`{}` is HttpOnly", cookie.name))
    } else {
        Outcome::fail(format!(
            "`{}` is readable from JavaScript (no HttpOnly)",
            cookie.name
        ))
    }
}

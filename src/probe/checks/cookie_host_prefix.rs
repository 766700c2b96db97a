use super::cookie_check;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Outcome};
use crate::probe::session::SetCookie;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "COOKIE-HOST-PREFIX",
        title: "The session cookie uses the __Host- prefix",
        control: "COOKIE",
        severity: Severity::Low,
        clause: "ASVS 5.0 V3.3.3; RFC 6265bis §4.1.3.2",
        anchor: "credential",
        slow: false,
        destructive: false,
        docs: "**Sends** nothing beyond the login: it reads the `Set-Cookie` of the credential cookie (`credential.cookie`) in the login answer.\n\n\
**Passes when** the cookie has the `__Host-` name prefix (which also requires `Secure`, `Path=/` and no `Domain`). Without it a sibling subdomain or a plain-HTTP response can set or overwrite the session cookie (cookie tossing, fixation).\n\n\
**Fix** name the cookie `__Host-<name>`, with `Secure`, `Path=/` and no `Domain`.",
    },
    run: |cx| cookie_check(cx, judge),
};

fn judge(cookie: &SetCookie) -> Outcome {
    let mut missing = vec![];
    if !cookie.name.starts_with("__Host-") {
        missing.push("the `__Host-` prefix");
    }
    if cookie.attribute("secure").is_none() {
        missing.push("`Secure`");
    }
    if cookie.attribute("path") != Some("/") {
        missing.push("`Path=/`");
    }
    if cookie.attribute("domain").is_some() {
        missing.push("no `Domain`");
    }
    if missing.is_empty() {
        Outcome::pass(format!("`{}` is a valid __Host- cookie", cookie.name))
    } else {
        Outcome::fail(format!("`{}` lacks {}", cookie.name, missing.join(", ")))
    }
}

use super::cookie_check;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Outcome};
use crate::probe::session::SetCookie;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "COOKIE-SAMESITE",
        title: "The session cookie is SameSite Lax or Strict",
        control: "COOKIE",
        severity: Severity::Low,
        clause: "ASVS 5.0 V3.3.2; RFC 6265bis §4.1.2.7",
        anchor: "credential",
        slow: false,
        destructive: false,
        docs: "**Sends** nothing beyond the login: it reads the `Set-Cookie` of the credential cookie (`credential.cookie`) in the login answer.\n\n\
**Passes when** the cookie has `SameSite=Lax` or `SameSite=Strict`. With `SameSite=None` or no attribute, other sites' requests carry the session (cross-site request forgery; older browsers do not default to Lax).\n\n\
**Fix** set `SameSite=Lax` (or `Strict`) on the session cookie.",
    },
    run: |cx| cookie_check(cx, judge),
};

fn judge(cookie: &SetCookie) -> Outcome {
    match cookie
        .attribute("samesite")
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("lax") | Some("strict") => Outcome::pass(format!(
            "`{}` is SameSite={}",
            cookie.name,
            cookie.attribute("samesite").unwrap_or_default()
        )),
        Some(other) => Outcome::fail(format!("`{}` is SameSite={other}", cookie.name)),
        None => Outcome::fail(format!("`{}` has no SameSite attribute", cookie.name)),
    }
}

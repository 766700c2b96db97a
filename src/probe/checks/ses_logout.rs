use super::{step_accepted, still_accepted};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::profile::CredentialPlace;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "SES-LOGOUT",
        title: "Logout ends the session on the server",
        control: "CRED-REVOKE",
        severity: Severity::High,
        clause: "ASVS 5.0 V7.4.1",
        anchor: "endpoints.logout",
        slow: false,
        destructive: false,
        docs: "**Needs** a cookie credential and `[endpoints.logout]`.\n\n\
**Sends** a fresh session to `protected-read` (accepted), to `logout`, then to `protected-read` again with the same cookie.\n\n\
**Passes when** the last request is refused. Acceptance means logout only told the browser to forget the cookie; a copied cookie keeps working.\n\n\
**Fix** destroy the session on the server at logout (`session.flush()`, `req.session.destroy()`, `invalidate()`), not just the cookie.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    if !matches!(cx.profile.credential, CredentialPlace::Cookie { .. }) {
        return Outcome::skip("the credential is a header: TOK-LOGOUT-REVOKE covers tokens");
    }
    logout_then_replay(cx, "session cookie")
}

/// Shared with TOK-LOGOUT-REVOKE: log a fresh client out, then replay its credential
/// (and its refresh token, where there is one).
pub(super) fn logout_then_replay(cx: &mut Cx, what: &str) -> Outcome {
    let Some(logout) = cx.endpoint("logout", &[]) else {
        return Outcome::skip("needs [endpoints.logout]");
    };
    let session = match cx.fresh() {
        Ok(s) => s,
        Err(e) => return Outcome::error(e.to_string()),
    };
    match still_accepted(cx, &session, "before logout") {
        Ok((true, _)) => {}
        Ok((false, e)) => {
            return Outcome::error("a fresh session was refused before logout").with([e])
        }
        Err(o) => return o,
    }
    let logout = cx.authed(logout, &session);
    if let Err(o) = step_accepted(cx, &logout, "the logout") {
        return o;
    }
    let (accepted, evidence) =
        match still_accepted(cx, &session, &format!("the {what} after logout")) {
            Ok(r) => r,
            Err(o) => return o,
        };
    if accepted {
        return Outcome::fail(format!("the {what} still works after logout")).with([evidence]);
    }
    if let (Some(refresh), true) = (
        session.refresh_token.clone(),
        super::need_refresh(cx).is_ok(),
    ) {
        let redeemed = super::redeem(cx, &refresh);
        if redeemed.accepted() {
            let e = cx.evidence(
                "the refresh token after logout",
                &redeemed.request,
                &redeemed.answer,
            );
            return Outcome::fail("the refresh token still works after logout").with([e]);
        }
    }
    Outcome::pass(format!("the {what} is refused after logout")).with([evidence])
}

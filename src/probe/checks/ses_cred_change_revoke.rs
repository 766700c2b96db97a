use super::{step_accepted, still_accepted};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::session::Account;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "SES-CRED-CHANGE-REVOKE",
        title: "A password change ends the user's other sessions and tokens",
        control: "CRED-REVOKE",
        severity: Severity::High,
        clause: "ASVS 5.0 V7.4.3",
        anchor: "endpoints.password-change",
        slow: false,
        destructive: true,
        docs: "**Needs** `[endpoints.password-change]` whose body template uses `{password}` (or `{old_password}`) and `{new_password}`.\n\n\
**Sends** two fresh logins of the primary user, A and B; changes the password with A to the old one followed by `-authgate-rotated`; sends B to `protected-read`; then logs in with the new password and changes it back.\n\n\
**Passes when** B is refused after the change. Acceptance means a user who changes their password because it leaked does not lock the attacker out. If restoring fails, the outcome is an error saying so: the primary user's password is then its old value followed by `-authgate-rotated`.\n\n\
**Fix** on a password change, revoke the user's other sessions and tokens (a per-user credential version or cut-off time checked on every request).",
    },
    run,
};

pub(super) const SUFFIX: &str = "-authgate-rotated";

fn run(cx: &mut Cx) -> Outcome {
    if !cx.profile.endpoints.contains_key("password-change") {
        return Outcome::skip("needs [endpoints.password-change]");
    }
    let account = match cx.account("primary") {
        Ok(Some(a)) => a,
        Ok(None) => return Outcome::skip("needs [users.primary] with a password"),
        Err(e) => return Outcome::error(e),
    };
    let (a, b) = match (cx.fresh(), cx.fresh()) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => return Outcome::error(e.to_string()),
    };
    let new_password = format!("{}{SUFFIX}", account.password);
    cx.remember_secret(&new_password);
    let change = change_request(cx, &account.password, &new_password, &a);
    if let Err(o) = step_accepted(cx, &change, "the password change") {
        return o;
    }
    let outcome = match still_accepted(cx, &b, "the other session after the change") {
        Ok((true, e)) => {
            Outcome::fail("another session of the user still works after the password change")
                .with([e])
        }
        Ok((false, e)) => {
            Outcome::pass("the user's other session is refused after the password change").with([e])
        }
        Err(o) => o,
    };
    // Restore the password.
    let changed = Account {
        username: account.username.clone(),
        password: new_password.clone(),
    };
    let restored = cx
        .login_account(&changed)
        .map_err(|e| e.to_string())
        .and_then(|c| {
            let back = change_request(cx, &new_password, &account.password, &c);
            step_accepted(cx, &back, "restoring the password").map_err(|o| o.summary)
        });
    match restored {
        Ok(()) => outcome,
        Err(e) => Outcome::error(format!(
            "{} — and restoring the password failed ({e}): the primary user's password is now its old value followed by `{SUFFIX}`",
            outcome.summary
        )),
    }
}

fn change_request(
    cx: &Cx,
    old: &str,
    new: &str,
    session: &crate::probe::session::Session,
) -> crate::probe::http::Request {
    let request = cx
        .endpoint(
            "password-change",
            &[
                ("password", old),
                ("old_password", old),
                ("new_password", new),
            ],
        )
        .expect("checked above");
    cx.authed(request, session)
}

use crate::finding::Severity;
use crate::probe::check::{templated, Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;
use crate::probe::session::{run_command, Account};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "AUTH-RESET-REUSE",
        title: "A password-reset token works once",
        control: "REPLAY",
        severity: Severity::High,
        clause: "ASVS 5.0 V6.4.3",
        anchor: "reset",
        slow: false,
        destructive: true,
        docs: "**Needs** `[reset]`: the `request` and `confirm` paths, their body templates (`{username}`; `{token}`, `{new_password}`), and a `token-command` that prints the token the service sent (it reads the test mailbox or database; `{username}` is replaced). Uses `[users.throwaway]` when present, else the primary user.\n\n\
**Sends** a reset request, confirms it with the token and a new password (the old one followed by `-authgate-reset`), confirms again with the same token; then resets the password back with a second token.\n\n\
**Passes when** the second confirmation is refused. A reset link that keeps working lets anyone who sees it later (mail archive, browser history, a proxy log) take the account over.\n\n\
**Fix** store reset tokens hashed, expire them within minutes, and delete them on first use.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let Some(reset) = cx.profile.reset.clone() else {
        return Outcome::skip("needs a [reset] section");
    };
    let role = if cx.profile.users.contains_key("throwaway") {
        "throwaway"
    } else {
        "primary"
    };
    let account = match cx.account(role) {
        Ok(Some(a)) => a,
        Ok(None) => return Outcome::skip(format!("needs [users.{role}]")),
        Err(e) => return Outcome::error(e),
    };
    let changed = format!("{}-authgate-reset", account.password);
    cx.remember_secret(&changed);
    let token = match request_token(cx, &reset, &account) {
        Ok(t) => t,
        Err(e) => return Outcome::error(e),
    };
    let confirm = |password: &str| {
        templated(
            Request::new("POST", &reset.confirm),
            Some(&reset.confirm_body),
            None,
            &[
                ("token", &token),
                ("new_password", password),
                ("username", &account.username),
            ],
        )
    };
    let first = confirm(&changed);
    let answer = cx.send(&first);
    let ok =
        matches!(&answer, Ok(r) if cx.judge_plain(r) == crate::probe::calibrate::Verdict::Accepted);
    if !ok {
        let e = cx.evidence("the first confirmation", &first, &answer);
        return Outcome::error(
            "the first use of the reset token was refused: check [reset] confirm and confirm-body",
        )
        .with([e]);
    }
    let second = confirm(&format!("{changed}2"));
    let answer = cx.send(&second);
    let evidence = cx.evidence("the same token again", &second, &answer);
    let outcome = match &answer {
        Ok(r) => match cx.judge_plain(r) {
            crate::probe::calibrate::Verdict::Accepted => {
                Outcome::fail("the reset token worked a second time").with([evidence])
            }
            crate::probe::calibrate::Verdict::ServerError => {
                Outcome::error("the service answered 5xx").with([evidence])
            }
            _ => Outcome::pass("the reset token was refused on its second use").with([evidence]),
        },
        Err(e) => Outcome::error(e.to_string()),
    };
    // Put the password back with a second reset.
    let restored = request_token(cx, &reset, &account).and_then(|t| {
        let back = templated(
            Request::new("POST", &reset.confirm),
            Some(&reset.confirm_body),
            None,
            &[
                ("token", &t),
                ("new_password", &account.password),
                ("username", &account.username),
            ],
        );
        match cx.send(&back) {
            Ok(r) if cx.judge_plain(&r) == crate::probe::calibrate::Verdict::Accepted => Ok(()),
            Ok(r) => Err(format!("the restoring confirmation answered {}", r.status)),
            Err(e) => Err(e.to_string()),
        }
    });
    match restored {
        Ok(()) => outcome,
        Err(e) => Outcome::error(format!(
            "{} — and restoring the password failed ({e}): the [users.{role}] password may now end in `-authgate-reset`",
            outcome.summary
        )),
    }
}

fn request_token(
    cx: &mut Cx,
    reset: &crate::probe::profile::Reset,
    account: &Account,
) -> Result<String, String> {
    let request = templated(
        Request::new("POST", &reset.request),
        Some(&reset.request_body),
        None,
        &[("username", &account.username)],
    );
    match cx.send(&request) {
        Ok(r) if r.status < 400 => {}
        Ok(r) => {
            return Err(format!(
                "the reset request answered {}: check [reset] request",
                r.status
            ))
        }
        Err(e) => return Err(format!("the reset request: {e}")),
    }
    let output = cx
        .runtime()
        .block_on(run_command(
            &reset.token_command,
            &[("username", &account.username)],
            "reset.token-command",
        ))
        .map_err(|e| e.to_string())?;
    let token = output.trim().to_string();
    if token.is_empty() {
        return Err("reset.token-command printed nothing".into());
    }
    cx.remember_secret(&token);
    Ok(token)
}

use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::session::Account;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "AUTH-BRUTEFORCE",
        title: "Repeated failed logins are throttled",
        control: "ABUSE",
        severity: Severity::High,
        clause: "ASVS 5.0 V6.3.1",
        anchor: "users.throwaway",
        slow: false,
        destructive: false,
        docs: "**Needs** `[users.throwaway]`: an account that may end up locked. Runs last.\n\n\
**Sends** up to 20 logins of the throwaway user with wrong passwords, stopping at the first sign of throttling, then one with the right password.\n\n\
**Passes when** some answer is a 429, carries `Retry-After` or speaks of too many attempts or a lock, or when the right password is refused at the end. Otherwise anyone can guess passwords at full speed.\n\n\
**Fix** throttle failed logins per account and per source (exponential back-off or a temporary lock), and answer 429 with `Retry-After`.",
    },
    run,
};

const ATTEMPTS: usize = 20;

fn run(cx: &mut Cx) -> Outcome {
    let account = match cx.account("throwaway") {
        Ok(Some(a)) => a,
        Ok(None) => {
            return Outcome::skip(
                "needs [users.throwaway]: brute force may lock the account it uses",
            )
        }
        Err(e) => return Outcome::error(e),
    };
    let wrong = Account {
        username: account.username.clone(),
        password: super::random_marker(),
    };
    for attempt in 1..=ATTEMPTS {
        match cx.attempt_login(&wrong) {
            None => return Outcome::skip("a command login: the probe cannot send failed logins"),
            Some(Err(e)) => return Outcome::error(format!("attempt {attempt}: {e}")),
            Some(Ok(r)) if throttled(&r) => {
                return Outcome::pass(format!("throttled at attempt {attempt} ({})", r.status));
            }
            Some(Ok(_)) => {}
        }
    }
    match cx.attempt_login(&account) {
        Some(Ok(r)) if r.status >= 400 || throttled(&r) => Outcome::pass(format!(
            "after {ATTEMPTS} failures the right password is refused ({}): the account is locked",
            r.status
        )),
        Some(Ok(r)) => {
            let e = cx.evidence(
                "the right password after the failures",
                &crate::probe::http::Request::new("POST", "(login)"),
                &Ok(r),
            );
            Outcome::fail(format!("{ATTEMPTS} wrong passwords in a row, then the right one worked: no throttling or lockout")).with([e])
        }
        Some(Err(e)) => Outcome::error(e.to_string()),
        None => Outcome::skip("a command login"),
    }
}

fn throttled(r: &crate::probe::http::Response) -> bool {
    let body = String::from_utf8_lossy(&r.body).to_ascii_lowercase();
    r.status == 429
        || r.header("retry-after").is_some()
        || ["too many", "locked", "rate limit", "try again later"]
            .iter()
            .any(|w| body.contains(w))
}

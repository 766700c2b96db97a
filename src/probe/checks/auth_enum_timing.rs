use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::session::Account;
use std::time::Duration;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "AUTH-ENUM-TIMING",
        title: "Failed logins take as long for unknown users as for real ones",
        control: "ABUSE",
        severity: Severity::Low,
        clause: "ASVS 5.0 V6.3.8",
        anchor: "login",
        slow: true,
        destructive: false,
        docs: "**Slow mode only** (`--slow`): statistical, and it sends about 40 logins.\n\n\
**Sends** failed logins alternating between a real user (`[users.throwaway]`, else `low`, else `primary`) with a wrong password and unknown user names, 15 of each; after every 3 failures of the real user, one successful login, so a lockout counter resets.\n\n\
**Passes when** the medians of the two kinds differ by less than 25 ms or by less than three times their spread (median absolute deviation). A real user whose failed login takes longer (the password hash is computed only for them) can be told from an unknown one.\n\n\
**Fix** verify unknown users' passwords against a dummy hash of the same cost.",
    },
    run,
};

const ROUNDS: usize = 15;

fn run(cx: &mut Cx) -> Outcome {
    if !cx.options.slow {
        return Outcome::skip("slow mode only (--slow)");
    }
    let account = match super::enumeration_user(cx) {
        Ok(a) => a,
        Err(o) => return o,
    };
    let wrong = Account {
        username: account.username.clone(),
        password: super::random_marker(),
    };
    let (mut known, mut unknown) = (vec![], vec![]);
    for round in 0..ROUNDS {
        if round > 0 && round % 3 == 0 {
            let _ = cx.attempt_login(&account);
        }
        let nobody = Account {
            username: super::random_marker(),
            password: wrong.password.clone(),
        };
        for (sample, a) in [(&mut known, &wrong), (&mut unknown, &nobody)] {
            match cx.attempt_login(a) {
                None => {
                    return Outcome::skip("a command login: the probe cannot send failed logins")
                }
                Some(Ok(r)) if r.status == 429 => {
                    return Outcome::error("the login was throttled (429) during the measurement")
                }
                Some(Ok(r)) => sample.push(r.elapsed),
                Some(Err(e)) => return Outcome::error(e.to_string()),
            }
        }
    }
    let (mk, mu) = (median(&known), median(&unknown));
    let spread = mad(&known).max(mad(&unknown));
    let diff = mk.abs_diff(mu);
    let ms = |d: Duration| format!("{:.1} ms", d.as_secs_f64() * 1000.0);
    let summary = format!(
        "medians: real user {}, unknown user {} (spread {})",
        ms(mk),
        ms(mu),
        ms(spread)
    );
    if diff > Duration::from_millis(25) && diff > spread * 3 {
        Outcome::fail(format!("{summary}: the difference gives real users away"))
    } else {
        Outcome::pass(summary)
    }
}

fn median(sample: &[Duration]) -> Duration {
    let mut s = sample.to_vec();
    s.sort();
    s[s.len() / 2]
}

fn mad(sample: &[Duration]) -> Duration {
    let m = median(sample);
    let deviations: Vec<Duration> = sample.iter().map(|d| d.abs_diff(m)).collect();
    median(&deviations)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_spreads_resist_outliers() {
        let ms = Duration::from_millis;
        let sample = [ms(10), ms(11), ms(12), ms(400), ms(10)];
        assert_eq!(median(&sample), ms(11));
        assert_eq!(mad(&sample), ms(1));
    }
}

use super::{fresh_refresh_token, read_redemption, redeem_request};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RT-RACE",
        title: "Parallel redemptions of one refresh token yield one success",
        control: "CRED-ROTATE",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V10.4.5, V15.4.2; RFC 9700 §4.14.2",
        anchor: "endpoints.refresh",
        slow: false,
        destructive: false,
        docs: "**Needs** what RT-ROTATION needs.\n\n\
**Sends** the same fresh refresh token to `refresh` five times at once (their rate slots are reserved together, so they leave within a millisecond).\n\n\
**Passes when** at most one redemption succeeds. More than one means the check that a token is unused and the marking of it as used are not atomic, so a stolen token can be redeemed alongside the legitimate client's. Skipped when the service does not rotate at all (RT-ROTATION reports it).\n\n\
**Fix** redeem atomically: a conditional update (`UPDATE ... SET used = true WHERE id = ? AND used = false`) or a lock, and act on its row count.",
    },
    run,
};

const PARALLEL: usize = 5;

fn run(cx: &mut Cx) -> Outcome {
    let r0 = match fresh_refresh_token(cx) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let request = redeem_request(cx, &r0);
    let requests = vec![request.clone(); PARALLEL];
    let answers = cx.send_all(&requests);
    let results: Vec<_> = answers
        .into_iter()
        .map(|a| read_redemption(cx, request.clone(), a))
        .collect();
    let won: Vec<_> = results.iter().filter(|r| r.accepted()).collect();
    if won.is_empty() {
        let e = cx.evidence(
            "parallel redemption",
            &results[0].request,
            &results[0].answer,
        );
        return Outcome::error("no parallel redemption succeeded: check [endpoints.refresh]")
            .with([e]);
    }
    if won.len() == 1 {
        return Outcome::pass(format!("1 of {PARALLEL} parallel redemptions succeeded"));
    }
    if won
        .iter()
        .all(|r| r.refresh.as_deref().is_none_or(|t| t == r0))
    {
        return Outcome::skip("refresh tokens are not rotated (see RT-ROTATION)");
    }
    let evidence: Vec<_> = won
        .iter()
        .take(2)
        .map(|r| cx.evidence("parallel redemption", &r.request, &r.answer))
        .collect();
    Outcome::fail(format!(
        "{} of {PARALLEL} parallel redemptions of one refresh token succeeded",
        won.len()
    ))
    .with(evidence)
}

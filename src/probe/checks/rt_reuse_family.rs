use super::{fresh_refresh_token, redeem};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RT-REUSE-FAMILY",
        title: "A reused refresh token is refused and revokes its family",
        control: "CRED-ROTATE",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.5; RFC 9700 §4.14.2",
        anchor: "endpoints.refresh",
        slow: false,
        destructive: false,
        docs: "**Needs** what RT-ROTATION needs, and a service that rotates (otherwise skipped: RT-ROTATION reports it).\n\n\
**Sends** a fresh refresh token R0 (answer: R1), then R0 again, then R1.\n\n\
**Passes when** the second use of R0 is refused and, after that reuse, R1 is refused too. Reuse of a rotated token means either the client or an attacker holds a stolen copy; revoking the whole family cuts the attacker off whichever one redeemed first.\n\n\
**Fix** keep refresh tokens in families; on presentation of an already-used token, revoke every token of its family.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let r0 = match fresh_refresh_token(cx) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let first = redeem(cx, &r0);
    if !first.accepted() {
        let e = cx.evidence("the fresh refresh token", &first.request, &first.answer);
        return Outcome::error("the refresh endpoint refused a fresh refresh token").with([e]);
    }
    let r1 = match first.refresh {
        Some(r1) if r1 != r0 => r1,
        _ => return Outcome::skip("refresh tokens are not rotated (see RT-ROTATION)"),
    };
    let reuse = redeem(cx, &r0);
    let reuse_evidence = cx.evidence(
        "the used refresh token again",
        &reuse.request,
        &reuse.answer,
    );
    if reuse.accepted() {
        return Outcome::fail("a used refresh token was accepted again").with([reuse_evidence]);
    }
    let newest = redeem(cx, &r1);
    let newest_evidence = cx.evidence(
        "the newest token of the family, after the reuse",
        &newest.request,
        &newest.answer,
    );
    if newest.accepted() {
        return Outcome::fail("the reuse was refused but did not revoke the family: the newest refresh token still works")
            .with([reuse_evidence, newest_evidence]);
    }
    Outcome::pass("the reuse was refused and the family revoked").with([reuse_evidence])
}

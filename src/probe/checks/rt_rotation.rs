use super::{fresh_refresh_token, redeem};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "RT-ROTATION",
        title: "Refresh tokens rotate on use",
        control: "CRED-ROTATE",
        severity: Severity::High,
        clause: "ASVS 5.0 V10.4.5; RFC 9700 §4.14.2; RFC 6749 §10.4",
        anchor: "endpoints.refresh",
        slow: false,
        destructive: false,
        docs: "**Needs** `[endpoints.refresh]` (its body template holds `{refresh_token}`) and a JSON login with `token-field` and `refresh-token-field`.\n\n\
**Sends** a fresh login's refresh token to `refresh`; when the answer brings no new refresh token (or the same one), it redeems the old one again.\n\n\
**Passes when** each redemption issues a new refresh token, or the old one stops working. A refresh token that works forever turns one theft into permanent access.\n\n\
**Fix** issue a new refresh token with every redemption and invalidate the presented one (or bind refresh tokens to the client with DPoP or mTLS).",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let r0 = match fresh_refresh_token(cx) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let first = redeem(cx, &r0);
    let evidence = cx.evidence("the fresh refresh token", &first.request, &first.answer);
    if !first.accepted() {
        return Outcome::error("the refresh endpoint refused a fresh refresh token: check [endpoints.refresh] and its body template").with([evidence]);
    }
    match &first.refresh {
        Some(r1) if *r1 != r0 => Outcome::pass("each redemption issues a new refresh token"),
        _ => {
            let again = redeem(cx, &r0);
            let evidence2 = cx.evidence(
                "the same refresh token again",
                &again.request,
                &again.answer,
            );
            if again.accepted() {
                Outcome::fail("the refresh token is not rotated: the same token keeps working")
                    .with([evidence, evidence2])
            } else {
                Outcome::pass("the refresh token is single-use (no new one is issued)")
            }
        }
    }
}

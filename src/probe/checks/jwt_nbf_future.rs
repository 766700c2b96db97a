use super::claim_rejected;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::mint::now;
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-NBF-FUTURE",
        title: "Tokens not yet valid are rejected",
        control: "TOK-CLAIMS",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V9.2.1; RFC 7519 §4.1.5",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Needs** validly signed tokens: `[jwt] signing-key-env`, or the test issuer (`--issuer-bind`) trusted by the service.\n\n\
**Sends** the captured claims with `nbf` (and `iat`) an hour in the future, validly signed (the service's key or the test issuer's), to `protected-read`.\n\n\
**Passes when** it is rejected. Acceptance means pre-issued tokens work before their time, which breaks scheduled access and lets a token minted for later be used now.\n\n\
**Fix** let the library check `nbf` (it is often optional: turn it on) with a small leeway.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let t = now();
    claim_rejected(cx, "validly signed, nbf an hour ahead", |c| {
        c.insert("nbf".into(), Value::from(t + 3600));
        c.insert("iat".into(), Value::from(t + 3600));
        if c.contains_key("exp") {
            c.insert("exp".into(), Value::from(t + 7200));
        }
    })
}

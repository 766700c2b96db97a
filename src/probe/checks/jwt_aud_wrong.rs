use super::claim_rejected;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-AUD-WRONG",
        title: "Tokens for another audience are rejected",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V9.2.3; RFC 7519 §4.1.3; RFC 8725 §3.9; RFC 9068 §4",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Needs** validly signed tokens: `[jwt] signing-key-env`, or the test issuer (`--issuer-bind`) trusted by the service.\n\n\
**Sends** the captured claims with `aud` set to an audience no service has, validly signed (the service's key or the test issuer's), to `protected-read`.\n\n\
**Passes when** it is rejected. Acceptance means a token issued for any other service of the same issuer works here too.\n\n\
**Fix** configure the expected audience in the verifier (`audience=`, `withAudience`, `WithAudience`), and make `aud` required.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let wrong = format!("https://{}.invalid/", super::random_marker());
    claim_rejected(cx, "validly signed, aud of another service", move |c| {
        c.insert("aud".into(), Value::String(wrong));
    })
}

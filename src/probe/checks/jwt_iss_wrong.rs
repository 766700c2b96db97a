use super::claim_rejected;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-ISS-WRONG",
        title: "Tokens from another issuer are rejected",
        control: "TOK-CLAIMS",
        severity: Severity::High,
        clause: "ASVS 5.0 V9.1.3; RFC 7519 §4.1.1; RFC 8725 §3.8; RFC 9068 §4",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Needs** validly signed tokens: `[jwt] signing-key-env`, or the test issuer (`--issuer-bind`) trusted by the service.\n\n\
**Sends** the captured claims with `iss` set to an issuer that does not exist, validly signed (the service's key or the test issuer's), to `protected-read`.\n\n\
**Passes when** it is rejected. Acceptance means the service does not check who issued the token; with shared or multi-tenant keys, another issuer's tokens get in.\n\n\
**Fix** configure the expected issuer (`issuer=`, `withIssuer`, `WithIssuer`) and make `iss` required.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let wrong = format!("https://{}.invalid/", super::random_marker());
    claim_rejected(cx, "validly signed, iss of another issuer", move |c| {
        c.insert("iss".into(), Value::String(wrong));
    })
}

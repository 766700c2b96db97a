use super::{need_jwt, random_marker, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-SIG-TAMPER",
        title: "A token with a wrong signature or edited claims is rejected",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.1; RFC 7515 §5.2; RFC 8725 §3.3",
        anchor: "endpoints.protected-read",
        slow: false,
        destructive: false,
        docs: "**Sends** two variants of the captured token to `protected-read`: one bit of the signature flipped; and a claim added to the payload under the original signature.\n\n\
**Passes when** both are rejected. Acceptance means the signature is not checked (or only its presence is), so claims can be edited at will.\n\n\
**Fix** verify the signature with the expected key and algorithm before reading any claim.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let edited = jwt
        .with_claims(|c| {
            c.insert("authgate".into(), Value::String(random_marker()));
        })
        .encode();
    tokens_rejected(
        cx,
        vec![
            ("one bit of the signature flipped".into(), jwt.tampered()),
            ("claim added under the original signature".into(), edited),
        ],
    )
}

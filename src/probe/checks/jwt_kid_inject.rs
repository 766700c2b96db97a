use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-KID-INJECT",
        title: "The `kid` header cannot choose the key",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.3, V5.3.2, V1.2.4; RFC 7515 §4.1.4; RFC 8725 §3.10",
        anchor: "endpoints.protected-read",
        slow: false,
        destructive: false,
        docs: "**Sends** HS256 tokens whose `kid` would make a naive key lookup return a value the probe knows: a path traversal to `/dev/null` (an empty file, so an empty key) signed with an empty key, and an SQL injection (`' UNION SELECT '<marker>' --`) signed with the marker, to `protected-read`.\n\n\
**Passes when** both are rejected. Acceptance means `kid` reaches a file path or a query unsanitised and the attacker picks the key.\n\n\
**Fix** treat `kid` as an opaque lookup key into a fixed in-memory key set; never build a path or a query from it.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let marker = super::random_marker();
    let with_kid = |kid: String| {
        let mut forged = jwt.clone();
        forged.header.insert("kid".into(), Value::String(kid));
        forged
    };
    tokens_rejected(
        cx,
        vec![
            (
                "kid path traversal to /dev/null, empty key".into(),
                with_kid("../../../../../../../../../../../dev/null".into()).signed_hs256(b""),
            ),
            (
                "kid SQL injection selecting a known key".into(),
                with_kid(format!("x' UNION SELECT '{marker}' -- ")).signed_hs256(marker.as_bytes()),
            ),
        ],
    )
}

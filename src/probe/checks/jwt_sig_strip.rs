use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-SIG-STRIP",
        title: "A token with its signature removed is rejected",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.1; RFC 7515 §5.2; RFC 8725 §3.3",
        anchor: "endpoints.protected-read",
        slow: false,
        destructive: false,
        docs: "**Sends** the captured token with its third segment emptied (`header.payload.`), header and claims unchanged, to `protected-read`.\n\n\
**Passes when** it is rejected. A service that accepts it decodes tokens without verifying them, so anyone can write their own claims.\n\n\
**Fix** verify every token with the library's verifying call (`jwt.decode(token, key, algorithms=[...])`, `jwt.verify`, `ParseWithClaims` with a key function) and never a decode-only call; treat a missing signature as invalid.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    tokens_rejected(cx, vec![("signature removed".into(), jwt.stripped())])
}

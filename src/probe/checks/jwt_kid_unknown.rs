use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-KID-UNKNOWN",
        title: "A token naming an unknown key is rejected",
        control: "TOK-VERIFY",
        severity: Severity::Low,
        clause: "ASVS 5.0 V9.1.3; RFC 7515 §4.1.4",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Needs** validly signed tokens (`[jwt] signing-key-env`, or the test issuer trusted by the service) and a captured token that carries a `kid`.\n\n\
**Sends** the captured claims, validly signed (the service's key or the test issuer's), but with a `kid` no key has, to `protected-read`.\n\n\
**Passes when** it is rejected. Acceptance means key lookup falls back to a default key when the named one is missing; with several keys (tenants, rotation, other purposes) that lets a key verify tokens it was never meant for. Severity is low because with a single key the fallback is the right key.\n\n\
**Fix** reject tokens whose `kid` is not in the key set, instead of falling back.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    if !jwt.header.contains_key("kid") {
        return Outcome::skip(
            "the captured token carries no `kid`: there is no key lookup to probe",
        );
    }
    let minter = match cx.minter(&jwt) {
        Ok(m) => m,
        Err(skip) => return skip,
    };
    let kid = super::random_marker();
    match minter.mint(&jwt, Some(&kid), None, |_| {}) {
        Ok(token) => tokens_rejected(cx, vec![("validly signed, unknown kid".into(), token)]),
        Err(e) => Outcome::error(e),
    }
}

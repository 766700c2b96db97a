use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-ALG-NONE",
        title: "Unsigned tokens (`alg: none`) are rejected",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V9.1.2; RFC 8725 §2.1, §3.1",
        anchor: "endpoints.protected-read",
        slow: false,
        destructive: false,
        docs: "**Sends** the captured claims with `alg` set to `none`, `None`, `NONE` and `nOnE` and no signature, plus one `none` variant that keeps the original signature, to `protected-read`.\n\n\
**Passes when** every variant is rejected. Acceptance means the service lets the token choose its own (absent) algorithm.\n\n\
**Fix** pass an explicit allow-list of algorithms to the verifier (`algorithms=[\"RS256\"]`) and never include `none`.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let mut variants: Vec<(String, String)> = ["none", "None", "NONE", "nOnE"]
        .iter()
        .map(|v| (format!("alg \"{v}\", no signature"), jwt.alg_none(v)))
        .collect();
    variants.push((
        "alg \"none\", original signature kept".into(),
        format!("{}{}", jwt.alg_none("none"), jwt.signature),
    ));
    tokens_rejected(cx, variants)
}

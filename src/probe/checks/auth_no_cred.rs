use crate::finding::Severity;
use crate::probe::calibrate::{Calibration, Fingerprint, Verdict};
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "AUTH-NO-CRED",
        title: "Protected endpoints refuse requests without a credential",
        control: "TOK-SCOPE",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V8.2.1; RFC 6750 §3; RFC 9110 §15.5.2",
        anchor: "endpoints",
        slow: false,
        destructive: false,
        docs: "**Sends** `protected-read`, `protected-write` and `privileged-read` (those the profile names) first with the valid credential, then with none (no header, no cookie).\n\n\
**Passes when** every credential-less request is refused like `protected-read` refuses one. An endpoint that answers it like the valid request is open to anyone; a route added without the auth middleware is the usual cause.\n\n\
**Fix** apply authentication to the router or controller as a whole and opt public routes out explicitly, rather than opting protected routes in one by one.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let reference = match cx.calibration("protected-read") {
        Ok(c) => c.rejected,
        Err(e) => return Outcome::error(e),
    };
    let mut evidence = vec![];
    let mut open = vec![];
    let mut errors = vec![];
    let main = cx.main.clone();
    for name in ["protected-read", "protected-write", "privileged-read"] {
        let Some(request) = cx.endpoint(name, &[]) else {
            continue;
        };
        let valid = cx.send(&cx.authed(request.clone(), &main));
        let none = cx.send(&request);
        let item = cx.evidence(&format!("{name} without a credential"), &request, &none);
        let (valid, none) = match (valid, none) {
            (Ok(v), Ok(n)) => (v, n),
            (Err(e), _) | (_, Err(e)) => {
                errors.push(format!("{name}: {e}"));
                evidence.push(item);
                continue;
            }
        };
        if !(200..300).contains(&valid.status) {
            errors.push(format!(
                "{name} answered {} to the valid credential",
                valid.status
            ));
            evidence.push(item);
            continue;
        }
        let judge = Calibration {
            accepted: Fingerprint::of(&valid),
            rejected: reference.clone(),
        };
        match judge.judge(&none) {
            Verdict::Accepted => open.push(name),
            Verdict::Rejected => {}
            Verdict::ServerError => errors.push(format!("{name} answered {}", none.status)),
            Verdict::Unclear if (400..500).contains(&none.status) => {}
            Verdict::Unclear => errors.push(format!(
                "{name}: the answer without a credential resembles neither reference"
            )),
        }
        evidence.push(item);
    }
    if !open.is_empty() {
        return Outcome::fail(format!(
            "answered without a credential: {}",
            open.join(", ")
        ))
        .with(evidence);
    }
    if !errors.is_empty() {
        return Outcome::error(errors.join("; ")).with(evidence);
    }
    Outcome::pass(format!(
        "{} endpoint(s) refused a request without a credential",
        evidence.len()
    ))
    .with(evidence.into_iter().take(1))
}

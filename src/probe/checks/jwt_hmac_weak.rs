use super::{need_jwt, tokens_rejected};
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-HMAC-WEAK",
        title: "HMAC signing keys are neither empty nor guessable",
        control: "TOK-VERIFY",
        severity: Severity::Critical,
        clause: "ASVS 5.0 V11.2.3, V9.1.1; RFC 8725 §2.2, §3.5",
        anchor: "jwt",
        slow: false,
        destructive: false,
        docs: "**Sends** the captured claims signed with HS256 under an empty key to `protected-read`. If the captured token is itself HMAC-signed (HS256/384/512), it also tries, offline and without sending anything, every entry of authgate's built-in list of common secrets (framework defaults, tutorial values, placeholder strings) as its key.\n\n\
**Passes when** the empty-key token is rejected and no listed secret produces the captured signature. A guessable key lets anyone mint any token. The report never shows the key it found, only its position in the list and its length.\n\n\
**Fix** generate the HMAC key from a CSPRNG (at least 32 random bytes), keep it in a secret store, and fail start-up when it is missing rather than falling back to an empty or default value; prefer asymmetric signing when several services verify.",
    },
    run,
};

/// Secrets seen as JWT keys in tutorials, framework defaults and placeholder config.
const COMMON_SECRETS: &str = include_str!("common_secrets.txt");

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    if jwt.alg().is_some_and(|a| a.starts_with("HS")) {
        let token = cx.main.credential.clone();
        let found = COMMON_SECRETS
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.starts_with('#'))
            .enumerate()
            .find(|(_, key)| jwt.hmac_key_is(&token, key.as_bytes()));
        if let Some((index, key)) = found {
            let what = if key.is_empty() {
                "the empty key".to_string()
            } else {
                format!(
                    "entry {} of the built-in common-secrets list ({} chars)",
                    index + 1,
                    key.chars().count()
                )
            };
            return Outcome::fail(format!(
                "the captured token's {} key is {what}: anyone can mint tokens",
                jwt.alg().unwrap_or("HMAC")
            ));
        }
    }
    let mut outcome = tokens_rejected(
        cx,
        vec![("HS256 under an empty key".into(), jwt.signed_hs256(b""))],
    );
    if outcome.status == crate::probe::check::Status::Pass
        && jwt.alg().is_some_and(|a| a.starts_with("HS"))
    {
        outcome.summary = format!(
            "{}; the captured key is none of the {} common secrets",
            outcome.summary,
            COMMON_SECRETS
                .lines()
                .filter(|l| !l.starts_with('#'))
                .count()
        );
    }
    outcome
}

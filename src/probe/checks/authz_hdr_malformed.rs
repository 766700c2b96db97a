use super::random_marker;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::forge::Jwt;
use crate::probe::http::Request;
use crate::probe::profile::CredentialPlace;
use base64::Engine;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "AUTHZ-HDR-MALFORMED",
        title: "Malformed credentials are refused cleanly",
        control: "INPUT",
        severity: Severity::High,
        clause: "ASVS 5.0 V16.5.3, V15.3.7; RFC 6750 §2.1; RFC 9110 §11.6.2",
        anchor: "credential",
        slow: false,
        destructive: false,
        docs: "**Sends** `protected-read` with malformed credentials: the valid token under another scheme (`Basic`, `Token`) and with no scheme; two `Authorization` headers (valid and garbage, in both orders); a token cut to two segments and one with a fourth; one with characters outside base64url; and a payload of `null` or with `sub` and `exp` set to null under the original signature. For a cookie credential, only the token-shape variants are sent.\n\n\
**Passes when** every variant is refused (a 4xx or the service's usual refusal) and none gets a 5xx (an error outcome). Accepting the wrong scheme or a duplicate header means two components can disagree about which credential a request carries; a 5xx means the parser fails open or crashes.\n\n\
**Fix** parse the header strictly: exactly one `Authorization` header, the expected scheme, one token of the expected shape; refuse everything else with 400 or 401.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    let token = cx.main.credential.clone();
    let mut variants: Vec<(String, Request)> = vec![];
    if let CredentialPlace::Header { name, scheme } = cx.profile.credential.clone() {
        let base = cx
            .endpoint("protected-read", &[])
            .expect("the profile validates protected-read");
        if !scheme.is_empty() {
            for other in ["Basic", "Token"] {
                if !other.eq_ignore_ascii_case(&scheme) {
                    variants.push((
                        format!("scheme `{other}` instead of `{scheme}`"),
                        base.clone().header(&name, &format!("{other} {token}")),
                    ));
                }
            }
            variants.push(("no scheme".into(), base.clone().header(&name, &token)));
        }
        let garbage = format!("{scheme} {}", random_marker()).trim().to_string();
        let valid = format!("{scheme} {token}").trim().to_string();
        variants.push((
            format!("two {name} headers: valid, then garbage"),
            base.clone().header(&name, &valid).header(&name, &garbage),
        ));
        variants.push((
            format!("two {name} headers: garbage, then valid"),
            base.clone().header(&name, &garbage).header(&name, &valid),
        ));
    }
    let mut shapes: Vec<(String, String)> = vec![];
    match Jwt::parse(&token) {
        Ok(jwt) => {
            let (input, _) = token.rsplit_once('.').unwrap_or((&token, ""));
            shapes.push(("two segments".into(), input.to_string()));
            shapes.push(("four segments".into(), format!("{token}.{}", jwt.signature)));
            shapes.push((
                "characters outside base64url".into(),
                format!("{input}*!.{}", jwt.signature).replacen('.', "$.", 1),
            ));
            let b64 = base64::engine::general_purpose::URL_SAFE_NO_PAD;
            let header = input.split('.').next().unwrap_or_default();
            shapes.push((
                "payload `null`, original signature".into(),
                format!("{header}.{}.{}", b64.encode("null"), jwt.signature),
            ));
            let nulls = jwt.with_claims(|c| {
                c.insert("sub".into(), serde_json::Value::Null);
                c.insert("exp".into(), serde_json::Value::Null);
            });
            shapes.push((
                "`sub` and `exp` null, original signature".into(),
                nulls.encode(),
            ));
        }
        Err(_) => {
            shapes.push((
                "a truncated credential".into(),
                token[..token.len() / 2].to_string(),
            ));
            shapes.push((
                "characters outside the token's alphabet".into(),
                format!("{token}%00<>"),
            ));
        }
    }
    for (label, shaped) in shapes {
        let request = cx.read_with(&shaped);
        variants.push((label, request));
    }
    cx.expect_rejected("protected-read", variants)
}

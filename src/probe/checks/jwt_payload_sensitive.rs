use super::need_jwt;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use serde_json::Value;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "JWT-PAYLOAD-SENSITIVE",
        title: "Token payloads carry no secrets or password material",
        control: "EXPOSURE",
        severity: Severity::High,
        clause: "ASVS 5.0 V14.1.1, V14.2.4; RFC 7519 §12; RFC 9068 §6",
        anchor: "login",
        slow: false,
        destructive: false,
        docs: "**Sends** nothing: it decodes the captured token's payload (readable by anyone who holds the token) and looks for claims named like secrets (password, password_hash, secret, api_key, private_key, client_secret, ssn, card numbers) and for values shaped like password hashes (`$argon2`, `$2b$`, `pbkdf2_sha256$`, `$6$`).\n\n\
**Passes when** there are none. The report names the claims, never their values.\n\n\
**Fix** put only identifiers and authorization data in tokens; look anything else up server-side.",
    },
    run,
};

const NAMES: &[&str] = &[
    "password",
    "passwd",
    "pwd",
    "pass",
    "password_hash",
    "passwordhash",
    "hash",
    "secret",
    "client_secret",
    "api_key",
    "apikey",
    "private_key",
    "privatekey",
    "ssn",
    "social_security",
    "credit_card",
    "card_number",
    "cardnumber",
    "cvv",
    "pin",
];
const HASH_PREFIXES: &[&str] = &[
    "$argon2", "$2a$", "$2b$", "$2y$", "pbkdf2_", "$6$", "$5$", "$scrypt", "scrypt:", "sha1$",
    "md5$",
];

fn run(cx: &mut Cx) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let mut found = vec![];
    walk(&Value::Object(jwt.payload.clone()), "", &mut found);
    if found.is_empty() {
        Outcome::pass(format!("{} claim(s), none sensitive", jwt.payload.len()))
    } else {
        Outcome::fail(format!("the payload carries {}", found.join(", ")))
    }
}

fn walk(value: &Value, path: &str, found: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                let lower = k.to_ascii_lowercase().replace('-', "_");
                if NAMES.contains(&lower.as_str()) && !matches!(v, Value::Null | Value::Bool(_)) {
                    found.push(format!("`{p}` (a secret's name)"));
                    continue;
                }
                walk(v, &p, found);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| walk(v, path, found)),
        Value::String(s) if HASH_PREFIXES.iter().any(|h| s.starts_with(h)) => {
            found.push(format!("`{path}` (a password hash)"))
        }
        _ => {}
    }
}

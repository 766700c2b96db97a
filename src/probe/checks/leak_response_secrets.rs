use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::session::Account;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "LEAK-RESPONSE-SECRETS",
        title: "Responses never carry passwords or password hashes",
        control: "EXPOSURE",
        severity: Severity::High,
        clause: "ASVS 5.0 V15.3.1, V14.2.6",
        anchor: "login",
        slow: false,
        destructive: false,
        docs: "**Sends** one failed login for the primary user with a unique marker as the password, a successful login, and `protected-read`.\n\n\
**Passes when** no answer (body or headers) contains the submitted password or marker, and none contains a value shaped like a password hash (`$argon2`, `$2b$`, `pbkdf2_sha256$`, ...) or a `password` field with a value. The report names what leaked, never the value.\n\n\
**Fix** never echo submitted credentials in errors; serialise users through an explicit allow-list of fields so hashes cannot slip into responses.",
    },
    run,
};

const HASH_MARKERS: &[&str] = &[
    "$argon2",
    "$2a$",
    "$2b$",
    "$2y$",
    "pbkdf2_sha256$",
    "pbkdf2:sha256",
    "$6$rounds",
    "$scrypt$",
];

fn run(cx: &mut Cx) -> Outcome {
    let account = match cx.account("primary") {
        Ok(a) => a,
        Err(e) => return Outcome::error(e),
    };
    let mut leaks = vec![];
    let mut evidence = vec![];
    if let Some(account) = &account {
        let marker = super::random_marker();
        let wrong = Account {
            username: account.username.clone(),
            password: marker.clone(),
        };
        if let Some(answer) = cx.attempt_login(&wrong) {
            match answer {
                Ok(r) => {
                    if contains(&r, &marker) {
                        leaks.push("the failed login echoes the submitted password".to_string());
                        evidence.push(cx.evidence(
                            "a failed login",
                            &crate::probe::http::Request::new("POST", login_path(cx)),
                            &Ok(r),
                        ));
                    }
                }
                Err(e) => return Outcome::error(format!("the failed login: {e}")),
            }
        }
        if let Some(Ok(r)) = cx.attempt_login(account) {
            if contains(&r, &account.password) {
                leaks.push("the login answer contains the password".to_string());
            }
            inspect(&r, "the login answer", &mut leaks);
        }
    }
    let read = cx.endpoint("protected-read", &[]).expect("validated");
    let main = cx.main.clone();
    let read = cx.authed(read, &main);
    match cx.send(&read) {
        Ok(r) => {
            if let Some(a) = &account {
                if contains(&r, &a.password) {
                    leaks.push("protected-read contains the password".into());
                }
            }
            let before = leaks.len();
            inspect(&r, "protected-read", &mut leaks);
            if leaks.len() > before {
                evidence.push(cx.evidence("protected-read", &read, &Ok(r)));
            }
        }
        Err(e) => return Outcome::error(format!("protected-read: {e}")),
    }
    if leaks.is_empty() {
        Outcome::pass("no password, marker or hash in the answers")
    } else {
        Outcome::fail(leaks.join("; ")).with(evidence)
    }
}

fn login_path<'a>(cx: &'a Cx) -> &'a str {
    match &cx.profile.login {
        crate::probe::profile::Login::Json { path, .. }
        | crate::probe::profile::Login::Form { path, .. } => path,
        crate::probe::profile::Login::Command { .. }
        | crate::probe::profile::Login::Oauth
        | crate::probe::profile::Login::Rp => "",
    }
}

fn contains(r: &crate::probe::http::Response, needle: &str) -> bool {
    if needle.len() < 4 {
        return false;
    }
    let body = String::from_utf8_lossy(&r.body);
    body.contains(needle) || r.headers.iter().any(|(_, v)| v.contains(needle))
}

fn inspect(r: &crate::probe::http::Response, what: &str, leaks: &mut Vec<String>) {
    let body = String::from_utf8_lossy(&r.body);
    if let Some(m) = HASH_MARKERS.iter().find(|m| body.contains(*m)) {
        leaks.push(format!("{what} contains a password hash (`{m}…`)"));
    }
    if let Ok(v) = serde_json::from_slice::<serde_json::Value>(&r.body) {
        if let Some(key) = password_key(&v) {
            leaks.push(format!("{what} has a `{key}` field"));
        }
    }
}

fn password_key(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::Object(map) => map.iter().find_map(|(k, v)| {
            let lower = k.to_ascii_lowercase();
            if (lower.contains("password") || lower == "passwd" || lower == "pwd")
                && matches!(v, serde_json::Value::String(s) if !s.is_empty())
            {
                Some(k.clone())
            } else {
                password_key(v)
            }
        }),
        serde_json::Value::Array(items) => items.iter().find_map(password_key),
        _ => None,
    }
}

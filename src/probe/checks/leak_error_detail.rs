use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::http::Request;
use crate::probe::profile::Login;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "LEAK-ERROR-DETAIL",
        title: "Errors carry no stack traces or internal detail",
        control: "EXPOSURE",
        severity: Severity::Medium,
        clause: "ASVS 5.0 V16.5.1, V13.4.2",
        anchor: "endpoints.protected-read",
        slow: false,
        destructive: false,
        docs: "**Sends** inputs that trip parsers: a garbage credential and an 8 KiB credential to `protected-read`, and a truncated body to the login endpoint.\n\n\
**Passes when** no answer contains a stack trace or internal detail (Python tracebacks, Java and .NET exception traces, Go goroutine dumps, Rust panics, source file paths with line numbers, SQL errors, framework debug pages). A 5xx without such detail is an error outcome.\n\n\
**Fix** return a generic error body in production and log the detail server-side; turn off debug modes (`DEBUG`, `app.debug`, development error pages).",
    },
    run,
};

const MARKERS: &[(&str, &str)] = &[
    ("Traceback (most recent call last)", "a Python traceback"),
    ("panicked at", "a Rust panic"),
    ("goroutine ", "a Go goroutine dump"),
    ("Exception in thread", "a Java exception"),
    ("\tat java.", "a Java stack trace"),
    ("at java.", "a Java stack trace"),
    ("at org.springframework", "a Spring stack trace"),
    ("System.NullReferenceException", "a .NET exception"),
    ("   at System.", "a .NET stack trace"),
    ("node_modules/", "a Node.js module path"),
    ("at Object.<anonymous>", "a Node.js stack trace"),
    ("SQLSTATE", "an SQL error"),
    ("syntax error at or near", "a PostgreSQL error"),
    ("You have an error in your SQL syntax", "a MySQL error"),
    ("ORA-0", "an Oracle error"),
    ("Werkzeug Debugger", "the Werkzeug debugger"),
    ("Whitelabel Error Page", "Spring's default error page"),
    ("DEBUG = True", "Django's debug page"),
    ("called `Result::unwrap()`", "a Rust unwrap message"),
];

fn run(cx: &mut Cx) -> Outcome {
    let mut requests: Vec<(String, Request)> = vec![
        (
            "a garbage credential".into(),
            cx.read_with("authgate.probe.%%%{}"),
        ),
        (
            "an 8 KiB credential".into(),
            cx.read_with(&"A".repeat(8192)),
        ),
    ];
    match &cx.profile.login {
        Login::Json { path, .. } => requests.push((
            "a truncated JSON login body".into(),
            Request::new("POST", path).body("application/json", "{\"username\": "),
        )),
        Login::Form { path, .. } => requests.push((
            "a malformed form login body".into(),
            Request::new("POST", path).body("application/x-www-form-urlencoded", "%%%=&&=%"),
        )),
        Login::Command { .. } | Login::Oauth | Login::Rp => {}
    }
    let mut leaks = vec![];
    let mut errors = vec![];
    let mut evidence = vec![];
    for (label, request) in requests {
        let answer = cx.send(&request);
        match &answer {
            Err(e) => errors.push(format!("{label}: {e}")),
            Ok(r) => {
                let body = String::from_utf8_lossy(&r.body);
                if let Some((_, what)) = MARKERS.iter().find(|(m, _)| body.contains(m)) {
                    leaks.push(format!("{label} gets {what}"));
                    evidence.push(cx.evidence(&label, &request, &answer));
                } else if r.status >= 500 {
                    errors.push(format!("{label} gets {}", r.status));
                    evidence.push(cx.evidence(&label, &request, &answer));
                }
            }
        }
    }
    if !leaks.is_empty() {
        Outcome::fail(leaks.join("; ")).with(evidence)
    } else if !errors.is_empty() {
        Outcome::error(errors.join("; ")).with(evidence)
    } else {
        Outcome::pass("malformed input got answers without internal detail")
    }
}

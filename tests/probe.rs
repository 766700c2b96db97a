//! `authgate probe` against the testbed on loopback: every check passes against the
//! hardened server in every rejection style and against the vulnerable server with
//! all flaws off; switching one flaw on makes exactly that flaw's checks fail.

mod common;

use authgate::probe::check::{Options, Status};
use authgate::probe::expect::Expectations;
use authgate::probe::profile::Profile;
use authgate::probe::run::{self, ProbeReport};
use authgate_testbed::{start, Config, Flaw, Mode, Rejection, Running, UserSpec};
use common::{probe_describe, probe_ids};
use std::collections::{BTreeMap, BTreeSet};

struct Bed {
    running: Running,
    secrets: BTreeMap<String, String>,
    reset_dir: tempfile::TempDir,
}

fn password(tag: &str) -> String {
    format!("{tag}-{}-Pw9", std::process::id())
}

fn bed(mode: Mode, flaws: &[Flaw], rejection: Rejection) -> Bed {
    let reset_dir = tempfile::tempdir().unwrap();
    let users = vec![
        UserSpec {
            username: "alice".into(),
            password: password("alice"),
            scope: "read write admin".into(),
        },
        UserSpec {
            username: "bob".into(),
            password: password("bob"),
            scope: "read".into(),
        },
        UserSpec {
            username: "carol".into(),
            password: password("carol"),
            scope: "read write".into(),
        },
    ];
    let mut config = Config::new(mode, users);
    config.flaws = flaws.iter().copied().collect();
    config.rejection = rejection;
    config.reset_token_dir = Some(reset_dir.path().to_path_buf());
    let running = start(config).expect("the testbed starts");
    let mut secrets = BTreeMap::new();
    for (env, user) in [("ALICE", "alice"), ("BOB", "bob"), ("CAROL", "carol")] {
        secrets.insert(format!("TB_{env}_USER"), user.to_string());
        secrets.insert(format!("TB_{env}_PASSWORD"), password(user));
    }
    secrets.insert("TB_SIGNING_KEY".into(), running.signing_key());
    Bed {
        running,
        secrets,
        reset_dir,
    }
}

fn api_profile(bed: &Bed) -> String {
    format!(
        r#"[target]
base-url = "{base}"
request-budget = 5000
rate = 2000

[credential]
in = "header"

[login]
kind = "json"
path = "/api/login"
token-field = "access_token"
refresh-token-field = "refresh_token"

[users.primary]
username-env = "TB_ALICE_USER"
password-env = "TB_ALICE_PASSWORD"

[users.low]
username-env = "TB_BOB_USER"
password-env = "TB_BOB_PASSWORD"

[users.throwaway]
username-env = "TB_CAROL_USER"
password-env = "TB_CAROL_PASSWORD"

[endpoints.protected-read]
path = "/api/me"

[endpoints.protected-write]
method = "POST"
path = "/api/notes"
body = '{{"text": "written by authgate probe"}}'

[endpoints.privileged-read]
path = "/api/admin"

[endpoints.logout]
method = "POST"
path = "/api/logout"

[endpoints.refresh]
method = "POST"
path = "/api/refresh"
body = '{{"refresh_token": "{{refresh_token}}"}}'

[endpoints.password-change]
method = "POST"
path = "/api/password"
body = '{{"old_password": "{{password}}", "new_password": "{{new_password}}"}}'

[jwt]
jwks-url = "/.well-known/jwks.json"
signing-key-env = "TB_SIGNING_KEY"

[reset]
request = "/api/reset/request"
confirm = "/api/reset/confirm"
token-command = ["cat", "{dir}/{{username}}.token"]
"#,
        base = bed.running.base_url(),
        dir = bed.reset_dir.path().display()
    )
}

fn web_profile(bed: &Bed, cookie: &str) -> String {
    format!(
        r#"[target]
base-url = "{base}"
request-budget = 5000
rate = 2000

[credential]
in = "cookie"
cookie = "{cookie}"

[login]
kind = "form"
page = "/login"
path = "/login"
csrf-field = "csrf"

[csrf]
page = "/account"
field = "csrf_token"
header = "X-CSRF-Token"

[users.primary]
username-env = "TB_ALICE_USER"
password-env = "TB_ALICE_PASSWORD"

[users.throwaway]
username-env = "TB_CAROL_USER"
password-env = "TB_CAROL_PASSWORD"

[endpoints.protected-read]
path = "/account"

[endpoints.protected-write]
method = "POST"
path = "/account/email"
body = '{{"email": "probe@example.test"}}'

[endpoints.logout]
method = "POST"
path = "/logout"
"#,
        base = bed.running.base_url()
    )
}

fn probe(bed: &Bed, profile_text: &str) -> ProbeReport {
    let profile = Profile::parse(profile_text, "probe.toml").expect("the profile is valid");
    let options = Options::default();
    let selected = run::select(&options, &[], &[]).unwrap();
    let secrets = bed.secrets.clone();
    let lookup = move |name: &str| secrets.get(name).cloned();
    run::run(
        &profile,
        &options,
        &lookup,
        &selected,
        &Expectations::default(),
        None,
    )
    .expect("the run starts")
}

/// Runs both profiles against a fresh testbed each and returns the failing ids,
/// asserting that nothing errored.
fn failing(mode: Mode, flaws: &[Flaw], rejection: Rejection) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let cookie = if flaws.contains(&Flaw::CookieNoHostPrefix) {
        "sid"
    } else {
        "__Host-sid"
    };
    for web in [false, true] {
        let bed = bed(mode, flaws, rejection);
        let text = if web {
            web_profile(&bed, cookie)
        } else {
            api_profile(&bed)
        };
        let report = probe(&bed, &text);
        let errors = probe_ids(&report, Status::Error);
        assert!(
            errors.is_empty(),
            "{mode:?} {flaws:?} {rejection:?} ({}): errors\n{}",
            if web { "web" } else { "api" },
            probe_describe(&report)
        );
        out.extend(probe_ids(&report, Status::Fail));
    }
    out
}

/// The checks each flaw must fail, over both profiles.
fn expected(flaw: Flaw) -> &'static [&'static str] {
    match flaw {
        Flaw::WriteUnauthenticated => &["AUTH-NO-CRED"],
        Flaw::LaxAuthHeader => &["AUTHZ-HDR-MALFORMED"],
        Flaw::TokenInQuery => &["TOK-IN-QUERY"],
        Flaw::AlgNone => &["JWT-ALG-NONE"],
        Flaw::SigStrip => &["JWT-SIG-STRIP"],
        // Signatures are not verified, but alg and kid still are: tokens under the
        // server's algorithm and a known (or no) kid get in.
        Flaw::SigUnchecked => &["JWT-SIG-TAMPER", "JWT-JWK-EMBED"],
        Flaw::HmacWeak => &["JWT-HMAC-WEAK"],
        Flaw::AlgConfusion => &["JWT-ALG-CONFUSION"],
        Flaw::JwkEmbed => &["JWT-JWK-EMBED"],
        Flaw::Jku => &["JWT-JKU-X5U"],
        Flaw::KidPath => &["JWT-KID-INJECT"],
        Flaw::KidFallback => &["JWT-KID-UNKNOWN"],
        Flaw::ExpIgnored => &["JWT-EXPIRED"],
        Flaw::NbfIgnored => &["JWT-NBF-FUTURE"],
        Flaw::AudIgnored => &["JWT-AUD-WRONG"],
        Flaw::IssIgnored => &["JWT-ISS-WRONG"],
        Flaw::TypUnchecked => &["JWT-TYP-CONFUSION"],
        Flaw::LongTtl => &["JWT-TTL-LONG"],
        Flaw::SensitiveClaims => &["JWT-PAYLOAD-SENSITIVE"],
        Flaw::NoAuthz => &["AUTHZ-SCOPE-ESCALATION"],
        // The API's logout and the web logout share the switch.
        Flaw::LogoutNoop => &["TOK-LOGOUT-REVOKE", "SES-LOGOUT"],
        Flaw::PasswordChangeKeepsSessions => &["SES-CRED-CHANGE-REVOKE"],
        Flaw::RtNoRotation => &["RT-ROTATION"],
        // An old token that stays valid can also be redeemed in parallel.
        Flaw::RtReuse => &["RT-REUSE-FAMILY", "RT-RACE"],
        Flaw::RtNoFamilyRevoke => &["RT-REUSE-FAMILY"],
        Flaw::RtRace => &["RT-RACE"],
        Flaw::ResetReusable => &["AUTH-RESET-REUSE"],
        Flaw::UserEnumeration => &["AUTH-ENUM-RESPONSE"],
        Flaw::NoThrottling => &["AUTH-BRUTEFORCE"],
        Flaw::PasswordEcho => &["LEAK-RESPONSE-SECRETS"],
        Flaw::VerboseErrors => &["LEAK-ERROR-DETAIL"],
        Flaw::SessionFixation => &["SES-FIXATION"],
        Flaw::CookieNoHttponly => &["COOKIE-HTTPONLY"],
        // A __Host- cookie without Secure is not a valid __Host- cookie either.
        Flaw::CookieNoSecure => &["COOKIE-SECURE", "COOKIE-HOST-PREFIX"],
        Flaw::CookieNoSamesite => &["COOKIE-SAMESITE"],
        Flaw::CookieNoHostPrefix => &["COOKIE-HOST-PREFIX"],
        Flaw::NoCsrf => &["CSRF-STATE-CHANGE"],
    }
}

const STYLES: [Rejection; 5] = [
    Rejection::Unauthorized401,
    Rejection::Forbidden403,
    Rejection::Unprocessable422,
    Rejection::Ok200Error,
    Rejection::RedirectLogin,
];

#[test]
fn every_check_passes_against_the_hardened_server_in_every_rejection_style() {
    for rejection in STYLES {
        let failed = failing(Mode::Hardened, &[], rejection);
        assert!(failed.is_empty(), "{rejection:?}: {failed:?}");
    }
}

#[test]
fn every_check_passes_against_the_vulnerable_server_with_all_flaws_off() {
    for rejection in STYLES {
        let failed = failing(Mode::Vulnerable, &[], rejection);
        assert!(failed.is_empty(), "{rejection:?}: {failed:?}");
    }
}

fn grid(part: usize, of: usize) {
    let mut wrong = vec![];
    for (i, flaw) in Flaw::ALL.iter().enumerate() {
        if i % of != part {
            continue;
        }
        // Each flaw meets another rejection style, so judging is exercised with holes
        // open in every style.
        let rejection = STYLES[i % STYLES.len()];
        let failed = failing(Mode::Vulnerable, &[*flaw], rejection);
        let want: BTreeSet<String> = expected(*flaw).iter().map(|s| s.to_string()).collect();
        if failed != want {
            wrong.push(format!(
                "{} ({rejection:?}): failed {failed:?}, expected {want:?}",
                flaw.name()
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}
#[test]
fn one_flaw_fails_exactly_its_checks_part_1() {
    grid(0, 3);
}

#[test]
fn one_flaw_fails_exactly_its_checks_part_2() {
    grid(1, 3);
}

#[test]
fn one_flaw_fails_exactly_its_checks_part_3() {
    grid(2, 3);
}

fn authgate(args: &[&str], env: &BTreeMap<String, String>) -> (i32, String, String) {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_authgate"))
        .args(args)
        .envs(env)
        .output()
        .expect("authgate runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn the_cli_gates_reports_and_honours_expectations() {
    let bed = bed(Mode::Vulnerable, &[Flaw::LongTtl], Rejection::Forbidden403);
    let dir = tempfile::tempdir().unwrap();
    let profile = dir.path().join("probe.toml");
    std::fs::write(&profile, api_profile(&bed)).unwrap();
    let p = profile.to_str().unwrap();
    // Brute force locks the throwaway account, and this test probes the same server
    // again.
    let (code, out, err) = authgate(
        &[
            "probe",
            "-p",
            p,
            "--format",
            "json",
            "--skip",
            "AUTH-BRUTEFORCE",
        ],
        &bed.secrets,
    );
    assert_eq!(code, 1, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    let checks = json["checks"].as_array().unwrap();
    let ttl = checks.iter().find(|c| c["id"] == "JWT-TTL-LONG").unwrap();
    assert_eq!(ttl["outcome"], "fail");
    assert_eq!(ttl["control"], "CRED-SHORT");
    assert!(ttl["clause"].as_str().unwrap().contains("ASVS 5.0"));
    // Nothing the service or the profile's environment holds appears in any output.
    for secret in [password("alice"), password("bob"), password("carol")] {
        assert!(
            !out.contains(&secret),
            "a password leaked into the JSON report"
        );
    }
    assert!(!out.contains("eyJ"), "a token leaked into the JSON report");

    let expect = dir.path().join("expect.toml");
    std::fs::write(
        &expect,
        "[[expect]]\ncheck = \"JWT-TTL-LONG\"\nowner = \"team-iam\"\nreason = \"8h tokens until the gateway moves\"\nuntil = \"2999-01-01\"\n",
    )
    .unwrap();
    let e = expect.to_str().unwrap();
    let (code, out, err) = authgate(
        &[
            "probe",
            "-p",
            p,
            "--expect",
            e,
            "--format",
            "junit",
            "--skip",
            "AUTH-BRUTEFORCE",
        ],
        &bed.secrets,
    );
    assert_eq!(code, 0, "an expected failure does not gate: {err}{out}");
    assert!(
        out.contains("<skipped message=\"expected fail: 8h tokens"),
        "{out}"
    );

    let (code, out, _) = authgate(
        &[
            "probe",
            "-p",
            p,
            "--only",
            "JWT-TTL-LONG",
            "--format",
            "sarif",
        ],
        &bed.secrets,
    );
    assert_eq!(code, 1);
    let sarif: serde_json::Value = serde_json::from_str(&out).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "JWT-TTL-LONG");
    let uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        .as_str()
        .unwrap();
    assert!(uri.ends_with("probe.toml"), "{uri}");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["region"]["startLine"], 52,
        "anchored to [jwt]"
    );
    let validator = jsonschema::validator_for(&common::sarif_schema()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| e.to_string())
        .collect();
    assert!(
        errors.is_empty(),
        "the probe's SARIF is valid 2.1.0: {errors:?}"
    );

    let (code, out, _) = authgate(
        &[
            "probe",
            "-p",
            p,
            "--only",
            "LEAK-RESPONSE-SECRETS",
            "--format",
            "html",
        ],
        &bed.secrets,
    );
    assert_eq!(code, 0);
    assert!(out.starts_with("<!DOCTYPE html>") && out.contains("LEAK-RESPONSE-SECRETS"));
    assert!(
        !out.contains("<script"),
        "the HTML report is self-contained and inert"
    );
}

#[test]
fn bad_profiles_and_unreachable_targets_name_the_key_or_step() {
    let bed = bed(Mode::Hardened, &[], Rejection::Unauthorized401);
    let dir = tempfile::tempdir().unwrap();
    let good = api_profile(&bed);
    let closed = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let cases: Vec<(String, BTreeMap<String, String>, &str)> = vec![
        (
            good.replace("[endpoints.protected-read]\npath = \"/api/me\"\n", ""),
            bed.secrets.clone(),
            "needs `[endpoints.protected-read]`",
        ),
        (
            good.replace("rate = 2000", "rate = 2000\ncolour = \"red\""),
            bed.secrets.clone(),
            "probe.toml:5:1: unknown field `colour`",
        ),
        (
            good.replace("kind = \"json\"\n", ""),
            bed.secrets.clone(),
            "missing field `kind`",
        ),
        (
            good.replace(
                &bed.running.base_url(),
                &format!("http://127.0.0.1:{closed}"),
            ),
            bed.secrets.clone(),
            "login failed at POST /api/login",
        ),
        (
            good.clone(),
            {
                let mut s = bed.secrets.clone();
                s.insert("TB_ALICE_PASSWORD".into(), "not-the-password".into());
                s
            },
            "answered 401: check the username and password",
        ),
        (
            good.clone(),
            {
                let mut s = bed.secrets.clone();
                s.remove("TB_ALICE_PASSWORD");
                s
            },
            "environment variable `TB_ALICE_PASSWORD` ([users.primary]) is not set",
        ),
        (
            good.replace("path = \"/api/me\"", "path = \"/.well-known/jwks.json\""),
            bed.secrets.clone(),
            "does not need authentication",
        ),
    ];
    for (text, env, expected) in cases {
        let profile = dir.path().join("probe.toml");
        std::fs::write(&profile, &text).unwrap();
        let (code, out, err) = authgate(&["probe", "-p", profile.to_str().unwrap()], &env);
        assert_eq!(code, 2, "{expected}: {out}{err}");
        assert!(err.contains(expected), "expected `{expected}` in: {err}");
        assert!(
            !err.contains("not-the-password"),
            "the error shows no secret"
        );
    }
}

#[test]
fn hostile_targets_end_the_run_with_an_error_not_a_hang() {
    use std::io::{Read, Write};
    // Each server: accepts, reads the request, then misbehaves.
    type Behaviour = fn(std::net::TcpStream);
    let behaviours: [(&str, Behaviour); 5] = [
        ("slow headers", |mut s| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\n");
            for _ in 0..20 {
                std::thread::sleep(std::time::Duration::from_millis(300));
                if s.write_all(b"X").is_err() {
                    return;
                }
            }
        }),
        ("a 100 MB body", |mut s| {
            let _ = s.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\n\r\n");
            let chunk = vec![b'a'; 1 << 16];
            for _ in 0..1600 {
                if s.write_all(&chunk).is_err() {
                    return;
                }
            }
        }),
        ("silent", |s| {
            std::thread::sleep(std::time::Duration::from_secs(5));
            drop(s);
        }),
        ("not http", |mut s| {
            let _ = s.write_all(b"\x00\x01garbage\r\n\r\n");
        }),
        ("redirect loop off-host", |mut s| {
            let _ = s.write_all(b"HTTP/1.1 302 Found\r\nLocation: http://evil.example/login\r\nContent-Length: 0\r\n\r\n");
        }),
    ];
    for (name, behave) in behaviours {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        std::thread::spawn(move || {
            for stream in listener.incoming().take(8).flatten() {
                let mut buf = [0u8; 4096];
                let mut s = stream;
                let _ = s.set_read_timeout(Some(std::time::Duration::from_millis(500)));
                let _ = s.read(&mut buf);
                std::thread::spawn(move || behave(s));
            }
        });
        let dir = tempfile::tempdir().unwrap();
        let profile = dir.path().join("probe.toml");
        let text = format!(
            "[target]\nbase-url = \"http://127.0.0.1:{port}\"\ntimeout = \"1s\"\n\n[credential]\nin = \"header\"\n\n[login]\nkind = \"json\"\npath = \"/login\"\ntoken-field = \"t\"\n\n[users.primary]\nusername-env = \"U\"\npassword-env = \"P\"\n\n[endpoints.protected-read]\npath = \"/me\"\n"
        );
        std::fs::write(&profile, text).unwrap();
        let env: BTreeMap<String, String> = [
            ("U".to_string(), "u".to_string()),
            ("P".to_string(), "p".to_string()),
        ]
        .into();
        let started = std::time::Instant::now();
        let (code, _, err) = authgate(&["probe", "-p", profile.to_str().unwrap()], &env);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(err.contains("login failed at POST /login"), "{name}: {err}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{name}: took {:?}",
            started.elapsed()
        );
    }
}

/// The claim checks without the service's key: the probe's test issuer, which the
/// testbed is configured to trust.
fn issuer_run(flaws: &[Flaw], trust: bool) -> ProbeReport {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let url = format!("http://127.0.0.1:{port}");
    let mode = if flaws.is_empty() {
        Mode::Hardened
    } else {
        Mode::Vulnerable
    };
    let mut config = Config::new(
        mode,
        vec![UserSpec {
            username: "alice".into(),
            password: password("alice"),
            scope: "read write admin".into(),
        }],
    );
    config.flaws = flaws.iter().copied().collect();
    config.trusted_issuer = trust.then(|| url.clone());
    let running = start(config).unwrap();
    let text = format!(
        "[target]\nbase-url = \"{}\"\nrate = 2000\n\n[credential]\nin = \"header\"\n\n[login]\nkind = \"json\"\npath = \"/api/login\"\ntoken-field = \"access_token\"\n\n[users.primary]\nusername-env = \"U\"\npassword-env = \"P\"\n\n[endpoints.protected-read]\npath = \"/api/me\"\n",
        running.base_url()
    );
    let profile = Profile::parse(&text, "probe.toml").unwrap();
    let options = Options {
        issuer_bind: Some(([127, 0, 0, 1], port).into()),
        ..Options::default()
    };
    let only: Vec<String> = [
        "JWT-EXPIRED",
        "JWT-NBF-FUTURE",
        "JWT-AUD-WRONG",
        "JWT-ISS-WRONG",
        "JWT-KID-UNKNOWN",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let selected = run::select(&options, &only, &[]).unwrap();
    let secrets: BTreeMap<String, String> = [
        ("U".to_string(), "alice".to_string()),
        ("P".to_string(), password("alice")),
    ]
    .into();
    let lookup = move |name: &str| secrets.get(name).cloned();
    run::run(
        &profile,
        &options,
        &lookup,
        &selected,
        &Expectations::default(),
        None,
    )
    .unwrap()
}

#[test]
fn the_test_issuer_mints_bad_claims_for_a_service_that_trusts_it() {
    let report = issuer_run(&[], true);
    assert_eq!(
        probe_ids(&report, Status::Pass).len(),
        5,
        "{}",
        probe_describe(&report)
    );

    let report = issuer_run(&[Flaw::ExpIgnored], true);
    assert_eq!(
        probe_ids(&report, Status::Fail),
        BTreeSet::from(["JWT-EXPIRED".to_string()]),
        "{}",
        probe_describe(&report)
    );
    let report = issuer_run(&[Flaw::KidFallback], true);
    assert_eq!(
        probe_ids(&report, Status::Fail),
        BTreeSet::from(["JWT-KID-UNKNOWN".to_string()]),
        "{}",
        probe_describe(&report)
    );

    // A service that does not trust the issuer: the positive control fails, so the
    // checks are skipped with the reason instead of passing on refusals that prove
    // nothing.
    let report = issuer_run(&[], false);
    assert_eq!(
        probe_ids(&report, Status::Skip).len(),
        5,
        "{}",
        probe_describe(&report)
    );
    let skip = &report.checks[0];
    assert!(
        skip.summary
            .contains("configure the service to trust that issuer"),
        "{}",
        skip.summary
    );
}

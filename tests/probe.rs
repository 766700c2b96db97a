//! `authgate probe` against the testbed on loopback: every check passes against the
//! hardened server in every rejection style and against the vulnerable server with
//! all flaws off; switching one flaw on makes exactly that flaw's checks fail.

use authgate::probe::check::{Options, Status};
use authgate::probe::expect::Expectations;
use authgate::probe::profile::Profile;
use authgate::probe::run::{self, ProbeReport};
use authgate_testbed::{start, Config, Flaw, Mode, Rejection, Running, UserSpec};
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

fn ids(report: &ProbeReport, status: Status) -> BTreeSet<String> {
    report
        .checks
        .iter()
        .filter(|c| c.outcome == status)
        .map(|c| c.id.to_string())
        .collect()
}

fn describe(report: &ProbeReport) -> String {
    report
        .checks
        .iter()
        .filter(|c| c.outcome != Status::Pass)
        .map(|c| {
            format!(
                "  {} {}: {} {:?}",
                c.outcome.as_str(),
                c.id,
                c.summary,
                c.evidence.first()
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
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
        let errors = ids(&report, Status::Error);
        assert!(
            errors.is_empty(),
            "{mode:?} {flaws:?} {rejection:?} ({}): errors\n{}",
            if web { "web" } else { "api" },
            describe(&report)
        );
        out.extend(ids(&report, Status::Fail));
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

#[test]
fn every_check_passes_against_the_hardened_server_in_every_rejection_style() {
    for rejection in [
        Rejection::Unauthorized401,
        Rejection::Forbidden403,
        Rejection::Unprocessable422,
        Rejection::Ok200Error,
        Rejection::RedirectLogin,
    ] {
        let failed = failing(Mode::Hardened, &[], rejection);
        assert!(failed.is_empty(), "{rejection:?}: {failed:?}");
    }
}

#[test]
fn every_check_passes_against_the_vulnerable_server_with_all_flaws_off() {
    let failed = failing(Mode::Vulnerable, &[], Rejection::Unauthorized401);
    assert!(failed.is_empty(), "{failed:?}");
}

fn grid(part: usize, of: usize) {
    let mut wrong = vec![];
    for (i, flaw) in Flaw::ALL.iter().enumerate() {
        if i % of != part {
            continue;
        }
        let failed = failing(Mode::Vulnerable, &[*flaw], Rejection::Unauthorized401);
        let want: BTreeSet<String> = expected(*flaw).iter().map(|s| s.to_string()).collect();
        if failed != want {
            wrong.push(format!(
                "{}: failed {failed:?}, expected {want:?}",
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

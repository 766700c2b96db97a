//! `authgate probe` against the testbed's OAuth authorization server: with all flaws
//! off every check passes or is skipped; switching one flaw on makes exactly that
//! flaw's checks fail.

mod common;

use authgate::probe::check::{Options, Status};
use authgate::probe::expect::Expectations;
use authgate::probe::profile::Profile;
use authgate::probe::run::{self, ProbeReport};
use authgate_testbed::{
    start_as, start_rp, AsConfig, AsFlaw, OauthClient, RpConfig, RpFlaw, UserSpec,
};
use common::{probe_describe, probe_ids};
use std::collections::{BTreeMap, BTreeSet};

const REDIRECT: &str = "http://127.0.0.1:9/callback";

fn secret(tag: &str) -> String {
    format!("{tag}-{}-Sc7", std::process::id())
}

fn probe_as(flaws: &[AsFlaw]) -> ProbeReport {
    probe_as_with(flaws, |t| t).expect("the run starts")
}

fn probe_as_with(flaws: &[AsFlaw], edit: impl Fn(String) -> String) -> Result<ProbeReport, String> {
    let client = |id: &str, secret: Option<String>, path: &str| OauthClient {
        client_id: id.into(),
        secret,
        redirect_uris: vec![format!("http://127.0.0.1:9/{path}")],
        post_logout_redirect_uris: vec!["http://127.0.0.1:9/".into()],
    };
    let mut config = AsConfig::new(
        vec![UserSpec {
            username: "alice".into(),
            password: secret("alice"),
            scope: "read write".into(),
        }],
        vec![
            client("app", Some(secret("app")), "callback"),
            client("spa", None, "spa"),
            client("other", Some(secret("other")), "other"),
        ],
    );
    config.flaws = flaws.iter().copied().collect();
    let running = start_as(config).expect("the authorization server starts");
    let text = format!(
        r#"[target]
base-url = "{base}"
request-budget = 5000
rate = 2000

[credential]
in = "header"

[login]
kind = "oauth"

[users.primary]
username-env = "U"
password-env = "P"

[endpoints.protected-read]
path = "/userinfo"

[jwt]
jwks-url = "/jwks.json"
signing-key-env = "K"

[oauth]
discovery-url = "/.well-known/openid-configuration"
scope = "openid profile read"
post-logout-redirect-uri = "http://127.0.0.1:9/"

[oauth.clients.main]
client-id = "app"
client-secret-env = "APP"
redirect-uri = "{REDIRECT}"

[oauth.clients.public]
client-id = "spa"
redirect-uri = "http://127.0.0.1:9/spa"

[oauth.clients.other]
client-id = "other"
client-secret-env = "OTHER"
redirect-uri = "http://127.0.0.1:9/other"

[oauth.login]
submit = "action=login"

[oauth.consent]
submit = "decision=approve"
"#,
        base = running.base_url()
    );
    let profile = Profile::parse(&edit(text), "oauth.toml").expect("the profile is valid");
    let secrets: BTreeMap<String, String> = [
        ("U", "alice".to_string()),
        ("P", secret("alice")),
        ("APP", secret("app")),
        ("OTHER", secret("other")),
        ("K", running.signing_key()),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let lookup = move |name: &str| secrets.get(name).cloned();
    let options = Options::default();
    let selected = run::select(&options, &[], &[]).unwrap();
    run::run(
        &profile,
        &options,
        &lookup,
        &selected,
        &Expectations::default(),
        None,
    )
    .map_err(|e| e.to_string())
}

#[test]
fn a_login_page_the_profile_does_not_describe_names_the_step() {
    let err = probe_as_with(&[], |t| {
        t.replace("submit = \"decision=approve\"", "submit = \"decision=yes\"")
    })
    .unwrap_err();
    assert!(
        err.contains("/consent")
            && err.contains("[oauth.consent] submit")
            && err.contains("decision=approve"),
        "{err}"
    );
    let err = probe_as_with(&[], |t| {
        t.replace(
            "[oauth.login]\n",
            "[oauth.login]\npassword-field = \"pass\"\n",
        )
    })
    .unwrap_err();
    assert!(
        err.contains("/login") && err.contains("password fields password"),
        "{err}"
    );
}

fn expected(flaw: AsFlaw) -> &'static [&'static str] {
    match flaw {
        AsFlaw::RedirectPrefix | AsFlaw::RedirectAnyPath | AsFlaw::TokenRedirectUnchecked => {
            &["OAUTH-REDIRECT-EXACT"]
        }
        AsFlaw::ErrorOpenRedirect | AsFlaw::LogoutOpenRedirect => &["OAUTH-OPEN-REDIRECT"],
        AsFlaw::PkceOptional => &["OAUTH-PKCE-REQUIRED"],
        AsFlaw::PkcePlain => &["OAUTH-PKCE-PLAIN"],
        AsFlaw::PkceDowngrade | AsFlaw::PkceVerifierUnchecked => &["OAUTH-PKCE-DOWNGRADE"],
        AsFlaw::CodeReusable | AsFlaw::CodeReplayNoRevoke => &["OAUTH-CODE-REPLAY"],
        AsFlaw::CodeClientUnbound => &["OAUTH-CODE-BINDING"],
        AsFlaw::StateDropped => &["OAUTH-STATE"],
        AsFlaw::IssParamMissing => &["OAUTH-AUTHZ-ISS"],
        AsFlaw::RtClientUnbound => &["RT-CLIENT-BINDING"],
        AsFlaw::RtScopeUpscale => &["RT-SCOPE-UPSCALE"],
        AsFlaw::IdTokenAsAccess => &["OAUTH-ID-TOKEN-AS-ACCESS"],
        // The captured access token is the OAuth server's.
        AsFlaw::LongLivedTokens => &["JWT-TTL-LONG"],
    }
}

#[test]
fn every_check_passes_against_a_correct_authorization_server() {
    let report = probe_as(&[]);
    assert!(
        probe_ids(&report, Status::Fail).is_empty() && probe_ids(&report, Status::Error).is_empty(),
        "\n{}",
        probe_describe(&report)
    );
    // The OAuth checks and the token checks on the issued access token all ran.
    let passed = probe_ids(&report, Status::Pass);
    for id in [
        "OAUTH-REDIRECT-EXACT",
        "OAUTH-PKCE-DOWNGRADE",
        "OAUTH-CODE-BINDING",
        "RT-CLIENT-BINDING",
        "JWT-ALG-NONE",
        "JWT-EXPIRED",
    ] {
        assert!(passed.contains(id), "{id} did not pass: {passed:?}");
    }
}

#[test]
fn one_authorization_server_flaw_fails_exactly_its_checks() {
    let mut wrong = vec![];
    for flaw in AsFlaw::ALL {
        let report = probe_as(&[*flaw]);
        let errors = probe_ids(&report, Status::Error);
        let failed = probe_ids(&report, Status::Fail);
        let want: BTreeSet<String> = expected(*flaw).iter().map(|s| s.to_string()).collect();
        if failed != want || !errors.is_empty() {
            wrong.push(format!(
                "{}: failed {failed:?}, errors {errors:?}, expected {want:?}\n{}",
                flaw.name(),
                probe_describe(&report)
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

/// An application signing users in through the probe's test provider.
fn probe_rp(flaws: &[RpFlaw], all_checks: bool) -> ProbeReport {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let provider = format!("http://127.0.0.1:{port}");
    let mut config = RpConfig::new(&provider, "app", &secret("rp"));
    config.flaws = flaws.iter().copied().collect();
    let running = start_rp(config).expect("the relying party starts");
    let text = format!(
        "[target]\nbase-url = \"{}\"\nrate = 2000\n\n[credential]\nin = \"cookie\"\ncookie = \"__Host-rp_session\"\n\n[login]\nkind = \"rp\"\n\n[rp]\nlogin = \"/login\"\nclient-id = \"app\"\nclient-secret-env = \"RPSECRET\"\n\n[endpoints.protected-read]\npath = \"/me\"\n",
        running.base_url()
    );
    let profile = Profile::parse(&text, "rp.toml").expect("the profile is valid");
    let secrets: BTreeMap<String, String> = [("RPSECRET".to_string(), secret("rp"))].into();
    let lookup = move |name: &str| secrets.get(name).cloned();
    let options = Options {
        provider_bind: Some(([127, 0, 0, 1], port).into()),
        ..Options::default()
    };
    let only: Vec<String> = authgate::probe::checks::all()
        .iter()
        .filter(|c| {
            c.info.id.starts_with("RP-I")
                || c.info.id.starts_with("RP-A")
                || c.info.id == "RP-STATE"
        })
        .map(|c| c.info.id.to_string())
        .collect();
    assert_eq!(only.len(), 8);
    let only = if all_checks { vec![] } else { only };
    let selected = run::select(&options, &only, &[]).unwrap();
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

#[test]
fn a_relying_party_refuses_every_bad_login_and_each_flaw_opens_one() {
    // With no flaw, the whole catalogue: the cookie, fixation and logout checks
    // apply to the application's session too.
    let report = probe_rp(&[], true);
    assert!(
        probe_ids(&report, Status::Fail).is_empty() && probe_ids(&report, Status::Error).is_empty(),
        "\n{}",
        probe_describe(&report)
    );
    let passed = probe_ids(&report, Status::Pass);
    assert!(
        passed.iter().filter(|id| id.starts_with("RP-")).count() == 8
            && passed.contains("COOKIE-HOST-PREFIX"),
        "{passed:?}"
    );
    let mut wrong = vec![];
    for (flaw, id) in [
        (RpFlaw::StateUnchecked, "RP-STATE"),
        (RpFlaw::IssParamUnchecked, "RP-AUTHZ-ISS"),
        (RpFlaw::AlgNone, "RP-IDTOKEN-ALG-NONE"),
        (RpFlaw::SigUnchecked, "RP-IDTOKEN-SIG"),
        (RpFlaw::AudUnchecked, "RP-IDTOKEN-AUD"),
        (RpFlaw::IssUnchecked, "RP-IDTOKEN-ISS"),
        (RpFlaw::NonceUnchecked, "RP-IDTOKEN-NONCE"),
        (RpFlaw::ExpUnchecked, "RP-IDTOKEN-EXP"),
    ] {
        let report = probe_rp(&[flaw], false);
        let failed = probe_ids(&report, Status::Fail);
        if failed != BTreeSet::from([id.to_string()])
            || !probe_ids(&report, Status::Error).is_empty()
        {
            wrong.push(format!(
                "{}: failed {failed:?}, expected {id}\n{}",
                flaw.name(),
                probe_describe(&report)
            ));
        }
    }
    assert_eq!(
        RpFlaw::ALL.len(),
        8,
        "every relying-party flaw is in the grid"
    );
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
}

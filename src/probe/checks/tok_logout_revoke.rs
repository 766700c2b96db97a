use super::ses_logout::logout_then_replay;
use crate::finding::Severity;
use crate::probe::check::{Check, CheckInfo, Cx, Outcome};
use crate::probe::profile::CredentialPlace;

pub const CHECK: Check = Check {
    info: CheckInfo {
        id: "TOK-LOGOUT-REVOKE",
        title: "Logout revokes the access and refresh tokens",
        control: "CRED-REVOKE",
        severity: Severity::High,
        clause: "ASVS 5.0 V7.4.1",
        anchor: "endpoints.logout",
        slow: false,
        destructive: false,
        docs: "**Needs** a header credential and `[endpoints.logout]`.\n\n\
**Sends** a fresh login's token to `protected-read` (accepted), to `logout`, then to `protected-read` again; with `[endpoints.refresh]`, it also redeems that login's refresh token after logout.\n\n\
**Passes when** both are refused. Self-contained tokens stay valid until `exp` unless the service keeps a denylist (by `jti`), a per-user cut-off time, or short lifetimes with revocable refresh tokens.\n\n\
**Fix** record the token's `jti` (or the user's logout time) at logout and check it when verifying; revoke the refresh token family.",
    },
    run,
};

fn run(cx: &mut Cx) -> Outcome {
    if !matches!(cx.profile.credential, CredentialPlace::Header { .. }) {
        return Outcome::skip("the credential is a cookie: SES-LOGOUT covers sessions");
    }
    logout_then_replay(cx, "access token")
}

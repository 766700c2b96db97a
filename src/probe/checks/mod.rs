//! The check catalogue: one file per check, each with its entry (id, control,
//! severity, clause, docs) and its code. The order here is the run order: reading
//! checks first, then the ones that spend sessions, brute force last (it may lock the
//! throwaway account).

use super::check::{Check, Cx, Outcome};
use super::forge::Jwt;
use super::http::Request;

mod auth_bruteforce;
mod auth_enum_response;
mod auth_enum_timing;
mod auth_no_cred;
mod auth_reset_reuse;
mod authz_hdr_malformed;
mod authz_scope_escalation;
mod cookie_host_prefix;
mod cookie_httponly;
mod cookie_samesite;
mod cookie_secure;
mod csrf_state_change;
mod jwt_alg_confusion;
mod jwt_alg_none;
mod jwt_aud_wrong;
mod jwt_expired;
mod jwt_hmac_weak;
mod jwt_iss_wrong;
mod jwt_jku_x5u;
mod jwt_jwk_embed;
mod jwt_kid_inject;
mod jwt_kid_unknown;
mod jwt_nbf_future;
mod jwt_payload_sensitive;
mod jwt_sig_strip;
mod jwt_sig_tamper;
mod jwt_ttl_long;
mod jwt_typ_confusion;
mod leak_error_detail;
mod leak_response_secrets;
mod oauth_authz_iss;
mod oauth_code_binding;
mod oauth_code_replay;
mod oauth_id_token_as_access;
mod oauth_open_redirect;
mod oauth_pkce_downgrade;
mod oauth_pkce_plain;
mod oauth_pkce_required;
mod oauth_redirect_exact;
mod oauth_state;
mod rp_authz_iss;
mod rp_idtoken_alg_none;
mod rp_idtoken_aud;
mod rp_idtoken_exp;
mod rp_idtoken_iss;
mod rp_idtoken_nonce;
mod rp_idtoken_sig;
mod rp_state;
mod rt_client_binding;
mod rt_race;
mod rt_reuse_family;
mod rt_rotation;
mod rt_scope_upscale;
mod ses_cred_change_revoke;
mod ses_fixation;
mod ses_logout;
mod tok_in_query;
mod tok_logout_revoke;

/// Every check, in run order.
pub fn all() -> Vec<&'static Check> {
    vec![
        &auth_no_cred::CHECK,
        &authz_hdr_malformed::CHECK,
        &tok_in_query::CHECK,
        &jwt_sig_strip::CHECK,
        &jwt_sig_tamper::CHECK,
        &jwt_alg_none::CHECK,
        &jwt_hmac_weak::CHECK,
        &jwt_alg_confusion::CHECK,
        &jwt_jwk_embed::CHECK,
        &jwt_jku_x5u::CHECK,
        &jwt_kid_inject::CHECK,
        &jwt_kid_unknown::CHECK,
        &jwt_expired::CHECK,
        &jwt_nbf_future::CHECK,
        &jwt_aud_wrong::CHECK,
        &jwt_iss_wrong::CHECK,
        &jwt_typ_confusion::CHECK,
        &jwt_ttl_long::CHECK,
        &jwt_payload_sensitive::CHECK,
        &authz_scope_escalation::CHECK,
        &cookie_httponly::CHECK,
        &cookie_secure::CHECK,
        &cookie_samesite::CHECK,
        &cookie_host_prefix::CHECK,
        &ses_fixation::CHECK,
        &csrf_state_change::CHECK,
        &leak_response_secrets::CHECK,
        &leak_error_detail::CHECK,
        &rt_rotation::CHECK,
        &rt_reuse_family::CHECK,
        &rt_race::CHECK,
        &ses_logout::CHECK,
        &tok_logout_revoke::CHECK,
        &ses_cred_change_revoke::CHECK,
        &oauth_redirect_exact::CHECK,
        &oauth_open_redirect::CHECK,
        &oauth_pkce_required::CHECK,
        &oauth_pkce_plain::CHECK,
        &oauth_pkce_downgrade::CHECK,
        &oauth_code_replay::CHECK,
        &oauth_code_binding::CHECK,
        &oauth_state::CHECK,
        &oauth_authz_iss::CHECK,
        &rt_client_binding::CHECK,
        &rt_scope_upscale::CHECK,
        &oauth_id_token_as_access::CHECK,
        &rp_idtoken_alg_none::CHECK,
        &rp_idtoken_sig::CHECK,
        &rp_idtoken_aud::CHECK,
        &rp_idtoken_iss::CHECK,
        &rp_idtoken_nonce::CHECK,
        &rp_idtoken_exp::CHECK,
        &rp_authz_iss::CHECK,
        &rp_state::CHECK,
        &auth_reset_reuse::CHECK,
        &auth_enum_response::CHECK,
        &auth_enum_timing::CHECK,
        &auth_bruteforce::CHECK,
    ]
}

/// The primary credential as a JWT, or the skip that says it is not one.
fn need_jwt(cx: &Cx) -> Result<Jwt, Outcome> {
    cx.main_jwt().ok_or_else(|| {
        Outcome::skip(
            "the credential is not a JWT (three base64url segments with JSON header and payload)",
        )
    })
}

/// Sends each token variant to protected-read as the credential; all must be rejected.
fn tokens_rejected(cx: &mut Cx, variants: Vec<(String, String)>) -> Outcome {
    let requests: Vec<(String, Request)> = variants
        .into_iter()
        .map(|(label, token)| {
            let request = cx.read_with(&token);
            (label, request)
        })
        .collect();
    cx.expect_rejected("protected-read", requests)
}

/// A string no service issued: `authgate-probe-<16 hex>`.
fn random_marker() -> String {
    let mut bytes = [0u8; 8];
    rand_core::RngCore::fill_bytes(&mut rand_core::OsRng, &mut bytes);
    format!(
        "authgate-probe-{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

/// A claim check: the captured claims edited by `edit`, validly signed with the
/// service's key, must be rejected.
fn claim_rejected(
    cx: &mut Cx,
    label: &str,
    edit: impl FnOnce(&mut serde_json::Map<String, serde_json::Value>),
) -> Outcome {
    let jwt = match need_jwt(cx) {
        Ok(j) => j,
        Err(skip) => return skip,
    };
    let minter = match cx.minter(&jwt) {
        Ok(m) => m,
        Err(skip) => return skip,
    };
    match minter.mint(&jwt, None, None, edit) {
        Ok(token) => tokens_rejected(cx, vec![(label.to_string(), token)]),
        Err(e) => Outcome::error(e),
    }
}

/// A cookie check: `judge` reads the credential cookie as the login set it; skipped
/// when the credential is not a cookie or the login set none.
fn cookie_check(cx: &mut Cx, judge: fn(&crate::probe::session::SetCookie) -> Outcome) -> Outcome {
    let crate::probe::profile::CredentialPlace::Cookie { name } = &cx.profile.credential else {
        return Outcome::skip("the credential is a header, not a cookie");
    };
    match cx.main.login_cookies.iter().rev().find(|c| &c.name == name) {
        Some(cookie) => judge(cookie),
        None => Outcome::skip(format!(
            "the login answer set no `{name}` cookie to inspect (a command login, or the cookie comes from elsewhere)"
        )),
    }
}

/// The user the enumeration checks log in as (throwaway, else low, else primary).
fn enumeration_user(cx: &mut Cx) -> Result<crate::probe::session::Account, Outcome> {
    let Some(role) = ["throwaway", "low", "primary"]
        .into_iter()
        .find(|r| cx.profile.users.contains_key(*r))
    else {
        return Err(Outcome::skip("needs a user in [users]"));
    };
    match cx.account(role) {
        Ok(Some(a)) => Ok(a),
        Ok(None) => Err(Outcome::skip("needs a user with a password")),
        Err(e) => Err(Outcome::error(e)),
    }
}

/// A refresh redemption: the answer and the access and refresh tokens it carries.
struct Redeemed {
    answer: Result<crate::probe::http::Response, crate::probe::http::HttpError>,
    request: Request,
    access: Option<String>,
    refresh: Option<String>,
}

impl Redeemed {
    /// A redemption worked when the answer carries a new access token.
    fn accepted(&self) -> bool {
        self.access.is_some()
    }
}

/// The refresh endpoint and the token fields, or the skip that says what is missing.
fn need_refresh(cx: &Cx) -> Result<(), Outcome> {
    if !cx.profile.endpoints.contains_key("refresh") {
        return Err(Outcome::skip("needs [endpoints.refresh]"));
    }
    match &cx.profile.login {
        crate::probe::profile::Login::Json {
            token_field: Some(_),
            refresh_token_field: Some(_),
            ..
        } => Ok(()),
        _ => Err(Outcome::skip(
            "needs a JSON login with `token-field` and `refresh-token-field`, so refresh answers can be read",
        )),
    }
}

/// Redeems `refresh` at the refresh endpoint (`{refresh_token}` in its body).
fn redeem(cx: &mut Cx, refresh: &str) -> Redeemed {
    let request = redeem_request(cx, refresh);
    let answer = cx.send(&request);
    read_redemption(cx, request, answer)
}

fn redeem_request(cx: &mut Cx, refresh: &str) -> Request {
    cx.endpoint("refresh", &[("refresh_token", refresh)])
        .expect("need_refresh checked the endpoint")
}

fn read_redemption(
    cx: &mut Cx,
    request: Request,
    answer: Result<crate::probe::http::Response, crate::probe::http::HttpError>,
) -> Redeemed {
    let (access, refresh) = match (&answer, &cx.profile.login) {
        (
            Ok(r),
            crate::probe::profile::Login::Json {
                token_field,
                refresh_token_field,
                ..
            },
        ) if (200..300).contains(&r.status) => (
            token_field
                .as_deref()
                .and_then(|f| crate::probe::session::json_field(&r.body, f)),
            refresh_token_field
                .as_deref()
                .and_then(|f| crate::probe::session::json_field(&r.body, f)),
        ),
        _ => (None, None),
    };
    for t in access.iter().chain(refresh.iter()) {
        cx.remember_secret(t);
    }
    Redeemed {
        answer,
        request,
        access,
        refresh,
    }
}

/// The start of every refresh check: the endpoint and token fields are configured,
/// and a fresh primary login's refresh token; or the outcome that stops the check.
fn fresh_refresh_token(cx: &mut Cx) -> Result<String, Outcome> {
    need_refresh(cx)?;
    let session = cx.fresh().map_err(|e| Outcome::error(e.to_string()))?;
    session.refresh_token.ok_or_else(|| {
        Outcome::skip("the login answer carries no refresh token (login.refresh-token-field)")
    })
}

/// Whether `session` is accepted on protected-read, as a check step.
fn still_accepted(
    cx: &mut Cx,
    session: &crate::probe::session::Session,
    label: &str,
) -> Result<(bool, super::check::Evidence), Outcome> {
    let read = cx.endpoint("protected-read", &[]).expect("validated");
    let read = cx.authed(read, session);
    let answer = cx.send(&read);
    let evidence = cx.evidence(label, &read, &answer);
    let response = answer.map_err(|e| Outcome::error(format!("{label}: {e}")))?;
    match cx.judge("protected-read", &response) {
        Ok(super::calibrate::Verdict::Accepted) => Ok((true, evidence)),
        Ok(super::calibrate::Verdict::Rejected) => Ok((false, evidence)),
        Ok(v) => Err(
            Outcome::error(format!("{label}: cannot judge the answer ({v:?})")).with([evidence]),
        ),
        Err(e) => Err(Outcome::error(e)),
    }
}

/// Sends `request` (already carrying its credential) and requires the service to
/// accept it: a lifecycle step (logout, password change) that must work first.
fn step_accepted(cx: &mut Cx, request: &Request, label: &str) -> Result<(), Outcome> {
    let answer = cx.send(request);
    let evidence = cx.evidence(label, request, &answer);
    match &answer {
        Ok(r) if r.status < 400 && cx.judge_plain(r) != super::calibrate::Verdict::Rejected => {
            Ok(())
        }
        Ok(r) => Err(Outcome::error(format!(
            "{label} was refused ({}): check its [endpoints] entry and body template",
            r.status
        ))
        .with([evidence])),
        Err(e) => Err(Outcome::error(format!("{label}: {e}")).with([evidence])),
    }
}

/// A code the authorization server issued, with what redeeming it needs.
struct Issued {
    code: String,
    verifier: Option<String>,
    redirect_uri: String,
    end: crate::probe::oauth::flow::FlowEnd,
}

/// The standard authorization request of a client role: its registered redirect
/// URI, the profile's scope, a fresh state and nonce, and S256 PKCE when `pkce`.
fn auth_request(
    cx: &Cx,
    role: &str,
    pkce: bool,
) -> Result<(crate::probe::oauth::flow::AuthRequest, Option<String>), Outcome> {
    use crate::probe::oauth::{flow::AuthRequest, pkce_pair, random_token};
    let client = cx.oauth_client(role)?;
    let scope = cx
        .profile
        .oauth
        .as_ref()
        .map_or("openid".to_string(), |o| o.scope.clone());
    let mut request = AuthRequest::code(
        &client.client_id,
        &client.redirect_uri,
        &scope,
        &random_token(16),
    )
    .with("nonce", &random_token(16));
    let mut verifier = None;
    if pkce {
        let (v, challenge) = pkce_pair();
        request = request
            .with("code_challenge", &challenge)
            .with("code_challenge_method", "S256");
        verifier = Some(v);
    }
    Ok((request, verifier))
}

/// Runs the standard flow of a client role and returns its code, or the outcome that
/// stops the check (an error naming how the flow ended).
fn issue_code(cx: &mut Cx, role: &str, pkce: bool) -> Result<Issued, Outcome> {
    let (request, verifier) = auth_request(cx, role, pkce)?;
    let end = cx.oauth_flow(&request)?;
    match end.code_at(&request.redirect_uri) {
        Some(code) => Ok(Issued {
            code: code.to_string(),
            verifier,
            redirect_uri: request.redirect_uri.clone(),
            end: end.clone(),
        }),
        None => Err(Outcome::error(format!(
            "the authorization flow of [oauth.clients.{role}] ended without a code: {}",
            end.describe()
        ))),
    }
}

/// The main client's tokens from a fresh flow: the token endpoint's answer, or the
/// outcome that stops the check.
fn fresh_tokens(cx: &mut Cx) -> Result<crate::probe::http::Response, Outcome> {
    let issued = issue_code(cx, "main", true)?;
    let (ok, evidence, answer) = redeem_code(
        cx,
        "main",
        &issued.code,
        &issued.redirect_uri,
        issued.verifier.as_deref(),
        "the main client's code",
    )?;
    match answer {
        Some(answer) if ok => Ok(answer),
        _ => Err(Outcome::error("the main client could not redeem its own code").with([evidence])),
    }
}

/// A token answer that issued tokens.
fn issued_tokens(
    answer: &Result<crate::probe::http::Response, crate::probe::http::HttpError>,
) -> bool {
    matches!(answer, Ok(r) if (200..300).contains(&r.status)
        && crate::probe::session::json_field(&r.body, "access_token").is_some())
}

/// Redeems a code as `role` with `redirect_uri` and `verifier` (None: no
/// `code_verifier` parameter); the evidence names `label`.
fn redeem_code(
    cx: &mut Cx,
    role: &str,
    code: &str,
    redirect_uri: &str,
    verifier: Option<&str>,
    label: &str,
) -> Result<
    (
        bool,
        super::check::Evidence,
        Option<crate::probe::http::Response>,
    ),
    Outcome,
> {
    let mut params = vec![
        ("grant_type", "authorization_code"),
        ("code", code),
        ("redirect_uri", redirect_uri),
    ];
    if let Some(v) = verifier {
        params.push(("code_verifier", v));
    }
    let answer = cx.oauth_token(role, &params)?;
    let token_endpoint = cx.oauth_metadata()?.token_endpoint;
    let evidence = cx.evidence(label, &Request::new("POST", &token_endpoint), &answer);
    if let Ok(r) = &answer {
        if r.status >= 500 {
            return Err(Outcome::error(format!(
                "{label}: the token endpoint answered {}",
                r.status
            ))
            .with([evidence]));
        }
    }
    Ok((issued_tokens(&answer), evidence, answer.ok()))
}

/// Collects variants: each `(label, accepted, evidence)`; any acceptance fails.
fn verdicts(total_label: &str, results: Vec<(String, bool, super::check::Evidence)>) -> Outcome {
    let total = results.len();
    let accepted: Vec<_> = results.iter().filter(|(_, a, _)| *a).collect();
    if accepted.is_empty() {
        let first = results.into_iter().next().map(|(_, _, e)| e);
        return Outcome::pass(format!("all {total} {total_label} refused")).with(first);
    }
    let labels: Vec<&str> = accepted.iter().map(|(l, _, _)| l.as_str()).collect();
    let summary = format!(
        "{} of {total} accepted: {}",
        accepted.len(),
        labels.join("; ")
    );
    Outcome::fail(summary).with(accepted.into_iter().map(|(_, _, e)| e.clone()))
}

/// An application login through the test provider carrying an attack (`kind`, and
/// `callback` editing the authorization response); the session it yields must be
/// refused on protected-read.
fn rp_refused(
    cx: &mut Cx,
    label: &str,
    kind: crate::probe::provider::IdToken,
    callback: &dyn Fn(&mut std::collections::BTreeMap<String, String>),
) -> Outcome {
    if !matches!(cx.profile.login, crate::probe::profile::Login::Rp) {
        return Outcome::skip("needs `login.kind = \"rp\"`: an application that signs users in through the probe's test provider");
    }
    let session = match cx.rp_login(kind, callback, crate::probe::session::Session::default()) {
        Ok(s) => s,
        Err(e) => return Outcome::error(e.to_string()),
    };
    let mut read = cx.endpoint("protected-read", &[]).expect("validated");
    if let Some(cookies) = session.cookie_header() {
        read = read.header("Cookie", &cookies);
    }
    let answer = cx.send(&read);
    let evidence = cx.evidence(
        &format!("the application's session after {label}"),
        &read,
        &answer,
    );
    let response = match answer {
        Ok(r) => r,
        Err(e) => return Outcome::error(e.to_string()).with([evidence]),
    };
    match cx.judge("protected-read", &response) {
        Ok(super::calibrate::Verdict::Accepted) => {
            Outcome::fail(format!("the application signed the user in after {label}"))
                .with([evidence])
        }
        Ok(super::calibrate::Verdict::Rejected) => {
            Outcome::pass(format!("the application refused the login after {label}"))
                .with([evidence])
        }
        Ok(v) => Outcome::error(format!("cannot judge the session ({v:?})")).with([evidence]),
        Err(e) => Outcome::error(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_is_complete_and_well_formed() {
        let checks = all();
        let mut ids: Vec<&str> = checks.iter().map(|c| c.info.id).collect();
        assert_eq!(checks.len(), 58);
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), checks.len(), "ids are unique");
        for c in &checks {
            let i = &c.info;
            assert!(
                crate::finding::CONTROLS
                    .iter()
                    .any(|(id, _)| *id == i.control),
                "{}: control {}",
                i.id,
                i.control
            );
            assert!(i.clause.contains("ASVS 5.0"), "{}: clause", i.id);
            assert!(
                i.docs.contains("**Sends**") && i.docs.contains("**Fix**"),
                "{}: docs",
                i.id
            );
            assert!(
                i.id.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-'),
                "{}",
                i.id
            );
        }
        assert_eq!(
            checks.last().unwrap().info.id,
            "AUTH-BRUTEFORCE",
            "brute force runs last"
        );
    }
}

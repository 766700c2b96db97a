//! Identity areas and review tiers: the vocabulary the policy, the classifier and the
//! reports share.

use serde::Serialize;
use std::fmt;

/// The identity area a changed hunk touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum Area {
    #[serde(rename = "PASSWORD")]
    Password,
    #[serde(rename = "SESSION")]
    Session,
    #[serde(rename = "TOKEN")]
    Token,
    #[serde(rename = "OAUTH")]
    Oauth,
    #[serde(rename = "MFA")]
    Mfa,
    #[serde(rename = "RECOVERY")]
    Recovery,
    #[serde(rename = "SECRETS")]
    Secrets,
    #[serde(rename = "CRYPTO")]
    Crypto,
    #[serde(rename = "AUTHZ")]
    Authz,
    #[serde(rename = "IDENTITY-MIGRATION")]
    IdentityMigration,
    #[serde(rename = "AUTH-CONFIG")]
    AuthConfig,
    #[serde(rename = "CI-CREDENTIALS")]
    CiCredentials,
    #[serde(rename = "GOVERNANCE")]
    Governance,
}

impl Area {
    pub const ALL: [Area; 13] = [
        Area::Password,
        Area::Session,
        Area::Token,
        Area::Oauth,
        Area::Mfa,
        Area::Recovery,
        Area::Secrets,
        Area::Crypto,
        Area::Authz,
        Area::IdentityMigration,
        Area::AuthConfig,
        Area::CiCredentials,
        Area::Governance,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Area::Password => "PASSWORD",
            Area::Session => "SESSION",
            Area::Token => "TOKEN",
            Area::Oauth => "OAUTH",
            Area::Mfa => "MFA",
            Area::Recovery => "RECOVERY",
            Area::Secrets => "SECRETS",
            Area::Crypto => "CRYPTO",
            Area::Authz => "AUTHZ",
            Area::IdentityMigration => "IDENTITY-MIGRATION",
            Area::AuthConfig => "AUTH-CONFIG",
            Area::CiCredentials => "CI-CREDENTIALS",
            Area::Governance => "GOVERNANCE",
        }
    }

    pub fn parse(text: &str) -> Option<Area> {
        Area::ALL
            .into_iter()
            .find(|a| a.as_str().eq_ignore_ascii_case(text.trim()))
    }

    /// The default tier (issue #7): critical for the areas where one mistake hands
    /// out accounts, high for the rest.
    pub fn default_tier(self) -> Tier {
        match self {
            Area::Authz
            | Area::Crypto
            | Area::IdentityMigration
            | Area::AuthConfig
            | Area::CiCredentials => Tier::High,
            _ => Tier::Critical,
        }
    }

    /// The area a finding of `control` belongs to, so a change that adds, fixes or
    /// removes a control's code is classified even when no signal named it.
    pub fn of_control(control: &str) -> Option<Area> {
        Some(match control {
            "TOK-VERIFY" | "TOK-CLAIMS" | "CRED-SHORT" | "CRED-ROTATE" | "INPUT" => Area::Token,
            "TOK-SCOPE" => Area::Authz,
            "CRED-REVOKE" | "SES-FIX" | "COOKIE" | "CSRF" => Area::Session,
            "OAUTH" | "REDIRECT" => Area::Oauth,
            "PW-HASH" => Area::Password,
            "SECRETS" | "EXPOSURE" => Area::Secrets,
            "CRYPTO" => Area::Crypto,
            "LIBS" => Area::AuthConfig,
            "REPLAY" => Area::Recovery,
            _ => return None,
        })
    }

    /// What a reviewer should check when a change touches this area (the PR comment's
    /// checklist).
    pub fn checklist(self) -> &'static [&'static str] {
        match self {
            Area::Password => &[
                "Passwords are hashed with argon2id, scrypt, bcrypt or PBKDF2 at the policy's cost; no fast hash, no plaintext, no reversible encryption.",
                "Wrong passwords and unknown users get the same response and timing (no enumeration).",
                "Passwords and hashes never reach responses, logs, traces or error messages.",
            ],
            Area::Session => &[
                "The session id is regenerated at login and privilege change (no fixation).",
                "Logout and password change invalidate the session server-side, not just the cookie.",
                "Session cookies are HttpOnly, Secure and SameSite; state-changing routes keep CSRF protection.",
            ],
            Area::Token => &[
                "Token scope, audience, issuer and expiry are all checked; the algorithm list is explicit.",
                "Access-token lifetime stays within policy; refresh tokens rotate and reuse revokes the family.",
                "Revocation paths (logout, password change, account disable) reach these tokens.",
                "Tokens never reach URLs, responses, logs, traces or error messages.",
            ],
            Area::Oauth => &[
                "`state` (and the OIDC `nonce`) are generated per request and checked on the callback.",
                "PKCE with S256 is required; redirect URIs are matched exactly, never by prefix.",
                "Client secrets stay server-side; redirects after login stay on allowed hosts.",
            ],
            Area::Mfa => &[
                "One-time codes are single-use and expire; verification is rate-limited.",
                "MFA cannot be skipped by calling a later step directly; recovery codes are hashed.",
            ],
            Area::Recovery => &[
                "Reset and verification tokens are random, single-use, short-lived and stored hashed.",
                "A completed reset revokes existing sessions and tokens; responses do not reveal whether the account exists.",
            ],
            Area::Secrets => &[
                "No secret is committed: keys come from the environment or a secret manager.",
                "A secret that was committed is rotated, not only deleted (history keeps it).",
            ],
            Area::Crypto => &[
                "No hand-rolled crypto: vetted library calls, CSPRNG for tokens, constant-time comparison of secrets.",
                "Ciphers and modes are authenticated (AES-GCM, ChaCha20-Poly1305); keys are not hard-coded.",
            ],
            Area::Authz => &[
                "Every route the change adds or touches keeps its login and permission guard.",
                "Authorization is decided from verified claims or server-side state, never from client input.",
                "Field exposure: responses, logs, traces and errors reveal no more than the caller may see.",
            ],
            Area::IdentityMigration => &[
                "Migration safety: no column shrink or type change that truncates hashes; no plaintext backfill.",
                "Existing credentials keep working or are re-hashed at next login; the migration is reversible.",
            ],
            Area::AuthConfig => &[
                "Configuration keeps verification, expiry and cookie flags on in every environment, not just production.",
                "Issuer, audience and JWKS URLs point at the right environment.",
            ],
            Area::CiCredentials => &[
                "CI credentials are scoped to the job and short-lived (OIDC federation over long-lived keys).",
                "Secrets are not echoed to logs or exposed to pull requests from forks.",
            ],
            Area::Governance => &[
                "Policy, CODEOWNERS, baseline and scanner-ignore edits are reviewed by the policy owners: this change cannot relax its own gate.",
                "Every new suppression or waiver has an owner, a reason and an expiry date.",
            ],
        }
    }
}

impl fmt::Display for Area {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How much review a change needs. `None`: not an identity change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Tier {
    None,
    Low,
    High,
    Critical,
}

impl Tier {
    pub fn as_str(self) -> &'static str {
        match self {
            Tier::None => "none",
            Tier::Low => "low",
            Tier::High => "high",
            Tier::Critical => "critical",
        }
    }

    pub fn parse(text: &str) -> Option<Tier> {
        match text {
            "low" => Some(Tier::Low),
            "high" => Some(Tier::High),
            "critical" => Some(Tier::Critical),
            _ => None,
        }
    }

    /// `steps` tiers higher, at most critical; `None` stays `None`.
    pub fn raised(self, steps: u8) -> Tier {
        let mut tier = self;
        for _ in 0..steps {
            tier = match tier {
                Tier::None => return Tier::None,
                Tier::Low => Tier::High,
                Tier::High | Tier::Critical => Tier::Critical,
            };
        }
        tier
    }
}

impl fmt::Display for Tier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

//! Calibration: before any attack, the probe records what the endpoint answers to a
//! valid credential and to none, and judges every attack response by which of the two
//! it resembles. Status alone is not enough: services reject with 401, 403, 422, a 200
//! with an error body, or a 302 to a login page.

use super::http::Response;
use serde::Serialize;
use std::collections::BTreeSet;

/// The shape of a response, without its data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fingerprint {
    pub status: u16,
    /// The redirect target's path (no host, no query).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<String>,
    /// Top-level keys of a JSON object body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub json_keys: Option<BTreeSet<String>>,
    /// Whether the body speaks of an error, a denial or a login.
    pub error_words: bool,
    /// log2 of the body length, so 1,200 and 1,300 bytes count as alike.
    pub size_class: u32,
}

const ERROR_WORDS: &[&str] = &[
    "error",
    "unauthori",
    "forbidden",
    "denied",
    "invalid",
    "expired",
    "not allowed",
    "login required",
    "please log in",
    "sign in",
];

impl Fingerprint {
    pub fn of(response: &Response) -> Fingerprint {
        let location = response.header("location").map(|l| {
            let without_origin = match l.split_once("://") {
                Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
                None => l,
            };
            without_origin
                .split(['?', '#'])
                .next()
                .unwrap_or("/")
                .to_string()
        });
        let content_type = response.header("content-type").map(|c| {
            c.split(';')
                .next()
                .unwrap_or_default()
                .trim()
                .to_ascii_lowercase()
        });
        let json_keys = serde_json::from_slice::<serde_json::Value>(&response.body)
            .ok()
            .and_then(|v| v.as_object().map(|o| o.keys().cloned().collect()));
        let lower = String::from_utf8_lossy(&response.body).to_ascii_lowercase();
        Fingerprint {
            status: response.status,
            location,
            content_type,
            json_keys,
            error_words: ERROR_WORDS.iter().any(|w| lower.contains(w)),
            size_class: usize::BITS - response.body.len().leading_zeros(),
        }
    }

    /// How alike two fingerprints are (higher is closer).
    fn likeness(&self, other: &Fingerprint) -> u32 {
        let mut score = 0;
        if self.status == other.status {
            score += 4;
        } else if self.status / 100 == other.status / 100 {
            score += 1;
        }
        if self.location == other.location {
            score += 2;
        }
        if self.content_type == other.content_type {
            score += 1;
        }
        if self.json_keys == other.json_keys {
            score += 3;
        }
        if self.error_words == other.error_words {
            score += 2;
        }
        if self.size_class.abs_diff(other.size_class) <= 1 {
            score += 1;
        }
        score
    }
}

/// How an attack response reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Like the answer to a valid credential: the attack worked.
    Accepted,
    /// Like the answer to no credential.
    Rejected,
    /// A 5xx: neither; the outcome is an error.
    ServerError,
    /// As close to one as to the other.
    Unclear,
}

/// The two reference answers of one endpoint.
#[derive(Debug, Clone, Serialize)]
pub struct Calibration {
    pub accepted: Fingerprint,
    pub rejected: Fingerprint,
}

fn is_login_redirect(f: &Fingerprint) -> bool {
    (300..400).contains(&f.status)
        && f.location.as_deref().is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            ["login", "signin", "sign-in", "sign_in", "auth"]
                .iter()
                .any(|w| l.contains(w))
        })
}

impl Calibration {
    /// Records the references, or says why the endpoint cannot serve as one.
    pub fn new(valid: &Response, none: &Response) -> Result<Calibration, String> {
        let accepted = Fingerprint::of(valid);
        let rejected = Fingerprint::of(none);
        if accepted.status >= 500 || rejected.status >= 500 {
            return Err(format!(
                "the endpoint answered {} to a valid credential and {} to none; a 5xx cannot be a reference",
                accepted.status, rejected.status
            ));
        }
        if !(200..300).contains(&accepted.status) {
            return Err(format!(
                "a valid credential got {} instead of a 2xx: check the login settings and the user's credentials",
                accepted.status
            ));
        }
        if accepted.likeness(&rejected) >= Fingerprint::likeness(&accepted, &accepted) - 1 {
            return Err(format!(
                "the endpoint answers a valid credential and no credential alike (status {}): it does not need authentication, so it cannot judge attacks; point `protected-read` at one that does",
                accepted.status
            ));
        }
        Ok(Calibration { accepted, rejected })
    }

    /// Which reference `response` resembles.
    pub fn judge(&self, response: &Response) -> Verdict {
        let f = Fingerprint::of(response);
        if f.status >= 500 {
            return Verdict::ServerError;
        }
        // Plain refusals are refusals whatever the reference looked like.
        if matches!(f.status, 401 | 403) || is_login_redirect(&f) {
            return Verdict::Rejected;
        }
        let (yes, no) = (f.likeness(&self.accepted), f.likeness(&self.rejected));
        match yes.cmp(&no) {
            std::cmp::Ordering::Greater => Verdict::Accepted,
            std::cmp::Ordering::Less => Verdict::Rejected,
            std::cmp::Ordering::Equal => Verdict::Unclear,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn response(status: u16, headers: &[(&str, &str)], body: &str) -> Response {
        Response {
            status,
            headers: headers
                .iter()
                .map(|(n, v)| (n.to_string(), v.to_string()))
                .collect(),
            body: body.as_bytes().to_vec(),
            truncated: false,
            elapsed: Duration::ZERO,
        }
    }

    const JSON: (&str, &str) = ("Content-Type", "application/json");

    #[test]
    fn every_rejection_style_is_told_apart_from_acceptance() {
        let ok = response(
            200,
            &[JSON],
            r#"{"id": 7, "name": "alice", "email": "a@example.com"}"#,
        );
        let styles = [
            response(401, &[JSON], r#"{"detail": "missing token"}"#),
            response(403, &[], "Forbidden"),
            response(422, &[JSON], r#"{"detail": [{"msg": "field required"}]}"#),
            response(200, &[JSON], r#"{"error": "unauthorized"}"#),
            response(
                302,
                &[("Location", "https://app.example/login?next=/me")],
                "",
            ),
        ];
        for rejected in &styles {
            let calibration = Calibration::new(&ok, rejected).unwrap();
            // Another user's profile is an acceptance; the same refusal is a rejection.
            let other = response(
                200,
                &[JSON],
                r#"{"id": 9, "name": "mallory", "email": "m@example.com"}"#,
            );
            assert_eq!(calibration.judge(&other), Verdict::Accepted, "{rejected:?}");
            assert_eq!(
                calibration.judge(rejected),
                Verdict::Rejected,
                "{rejected:?}"
            );
            assert_eq!(
                calibration.judge(&response(502, &[], "bad gateway")),
                Verdict::ServerError
            );
        }
    }

    #[test]
    fn an_endpoint_that_needs_no_credential_cannot_calibrate() {
        let page = response(200, &[("Content-Type", "text/html")], "<h1>Welcome</h1>");
        let err = Calibration::new(&page, &page).unwrap_err();
        assert!(err.contains("does not need authentication"), "{err}");
        let err = Calibration::new(&response(401, &[], ""), &response(401, &[], "")).unwrap_err();
        assert!(err.contains("instead of a 2xx"), "{err}");
    }
}

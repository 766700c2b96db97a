//! `--expect FILE`: known failures, each with an owner, a reason and an until-date,
//! like the policy's waivers. An expired entry stops covering its check; an entry
//! whose check passed is reported so it can be removed.

use crate::policy::line_col;
use serde::{Deserialize, Serialize};
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    expect: Vec<Spanned<RawExpectation>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpectation {
    check: Spanned<String>,
    owner: Spanned<String>,
    reason: Spanned<String>,
    until: Spanned<String>,
}

/// A known failure.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Expectation {
    pub check: String,
    pub owner: String,
    pub reason: String,
    pub until: String,
    #[serde(skip)]
    pub line: usize,
}

/// The live expectations, and warnings about the rest.
#[derive(Debug, Clone, Default)]
pub struct Expectations {
    live: Vec<Expectation>,
    pub warnings: Vec<String>,
    path: String,
}

impl Expectations {
    /// Parses the file; `today` decides which entries have expired.
    pub fn parse(text: &str, path: &str, today: time::Date) -> Result<Expectations, String> {
        let at = |span: std::ops::Range<usize>, message: String| {
            let (line, column) = line_col(text, span.start);
            format!("{path}:{line}:{column}: {message}")
        };
        let raw: RawFile = toml::from_str(text)
            .map_err(|e| at(e.span().unwrap_or(0..0), e.message().trim().to_string()))?;
        let ids: Vec<&str> = super::checks::all().iter().map(|c| c.info.id).collect();
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let mut out = Expectations {
            path: path.to_string(),
            ..Expectations::default()
        };
        for entry in &raw.expect {
            let e = entry.get_ref();
            let id = e.check.get_ref().to_ascii_uppercase();
            if !ids.contains(&id.as_str()) {
                return Err(at(
                    e.check.span(),
                    format!("`{}` is not a check id", e.check.get_ref()),
                ));
            }
            for (value, key) in [(&e.owner, "owner"), (&e.reason, "reason")] {
                if value.get_ref().trim().is_empty() {
                    return Err(at(
                        value.span(),
                        format!(
                            "`{key}` is empty: every known failure needs an owner and a reason"
                        ),
                    ));
                }
            }
            let until = time::Date::parse(e.until.get_ref(), &format).map_err(|_| {
                at(
                    e.until.span(),
                    format!(
                        "`until = \"{}\"` is not a date (YYYY-MM-DD)",
                        e.until.get_ref()
                    ),
                )
            })?;
            let line = line_col(text, entry.span().start).0;
            if until < today {
                out.warnings.push(format!(
                    "{path}:{line}: the expectation for {id} expired on {} and no longer covers it",
                    e.until.get_ref()
                ));
                continue;
            }
            out.live.push(Expectation {
                check: id,
                owner: e.owner.get_ref().clone(),
                reason: e.reason.get_ref().clone(),
                until: e.until.get_ref().clone(),
                line,
            });
        }
        Ok(out)
    }

    /// The live expectation for a check.
    pub fn covering(&self, id: &str) -> Option<Expectation> {
        self.live.iter().find(|e| e.check == id).cloned()
    }

    /// Warnings for live expectations whose check ran and did not fail.
    pub fn unused(&self, results: &[super::run::CheckResult]) -> Vec<String> {
        self.live
            .iter()
            .filter(|e| {
                results
                    .iter()
                    .any(|r| r.id == e.check && r.outcome == super::check::Status::Pass)
            })
            .map(|e| {
                format!(
                    "{}:{}: {} is expected to fail but passed: remove the entry",
                    self.path, e.line, e.check
                )
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_are_validated_and_expire() {
        let today = time::macros::date!(2026 - 11 - 22);
        let text = r#"
[[expect]]
check = "JWT-TTL-LONG"
owner = "team-iam"
reason = "tokens live 8h until the gateway migration"
until = "2027-01-31"

[[expect]]
check = "cookie-samesite"
owner = "web"
reason = "legacy SSO"
until = "2026-01-01"
"#;
        let e = Expectations::parse(text, "expect.toml", today).unwrap();
        assert_eq!(e.covering("JWT-TTL-LONG").unwrap().owner, "team-iam");
        assert!(e.covering("COOKIE-SAMESITE").is_none(), "expired");
        assert!(
            e.warnings[0].contains("expect.toml:8: the expectation for COOKIE-SAMESITE expired")
        );

        let err = Expectations::parse(
            &text.replace("JWT-TTL-LONG", "JWT-NOPE"),
            "expect.toml",
            today,
        )
        .unwrap_err();
        assert!(
            err.starts_with("expect.toml:3:9: `JWT-NOPE` is not a check id"),
            "{err}"
        );
        let err =
            Expectations::parse(&text.replace("team-iam", " "), "expect.toml", today).unwrap_err();
        assert!(err.contains("`owner` is empty"), "{err}");
        let err = Expectations::parse(&text.replace("2027-01-31", "soon"), "expect.toml", today)
            .unwrap_err();
        assert!(err.contains("is not a date"), "{err}");
    }
}

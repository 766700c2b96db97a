//! Required approvers (GOV-APPROVE): per tier from the policy, plus the code owners of
//! the touched paths (GitHub CODEOWNERS syntax), checked against the approvals given
//! (`--approvals FILE`).

use super::short;
use crate::policy::Approvers;
use globset::{GlobBuilder, GlobMatcher};
use serde::{Deserialize, Serialize};

/// Where GitHub looks for CODEOWNERS, in its order.
pub const CODEOWNERS_PATHS: &[&str] = &[".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"];

/// One CODEOWNERS rule.
#[derive(Debug, Clone)]
struct OwnerRule {
    matcher: Vec<GlobMatcher>,
    owners: Vec<String>,
    line: usize,
}

/// A parsed CODEOWNERS file.
#[derive(Debug, Clone, Default)]
pub struct CodeOwners {
    pub path: String,
    rules: Vec<OwnerRule>,
}

/// A CODEOWNERS line that was skipped, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOwnersProblem {
    pub line: usize,
    pub message: String,
}

/// `@user`, `@org/team` or an email address, as CODEOWNERS writes owners.
pub fn valid_owner(owner: &str) -> bool {
    if let Some(name) = owner.strip_prefix('@') {
        let parts: Vec<&str> = name.split('/').collect();
        parts.len() <= 2
            && parts.iter().all(|p| {
                !p.is_empty()
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
            })
    } else {
        let mut parts = owner.split('@');
        matches!((parts.next(), parts.next(), parts.next()), (Some(u), Some(d), None) if !u.is_empty() && d.contains('.'))
    }
}

/// A gitignore-style CODEOWNERS pattern as globs matching a file path.
fn pattern_globs(pattern: &str) -> Result<Vec<GlobMatcher>, String> {
    if pattern.starts_with('!') {
        return Err("negated patterns (`!`) are not supported by CODEOWNERS".to_string());
    }
    if pattern.contains('[') || pattern.contains(']') {
        return Err("character ranges (`[ ]`) are not supported by CODEOWNERS".to_string());
    }
    let dir_only = pattern.ends_with('/');
    let trimmed = pattern.trim_end_matches('/');
    let anchored = trimmed.starts_with('/') || trimmed.contains('/');
    let body = trimmed.trim_start_matches('/');
    if body.is_empty() {
        // `/` or `*`-less root: everything.
        return Ok(vec![glob("**")?]);
    }
    let base = if anchored {
        body.to_string()
    } else {
        format!("**/{body}")
    };
    // `docs/*` owns the files directly in docs/, not deeper ones (GitHub's rule).
    let mut globs = if body.ends_with("/*") {
        vec![]
    } else {
        vec![glob(&format!("{base}/**"))?]
    };
    if !dir_only {
        globs.push(glob(&base)?);
    }
    Ok(globs)
}

fn glob(text: &str) -> Result<GlobMatcher, String> {
    GlobBuilder::new(text)
        .literal_separator(true)
        .backslash_escape(true)
        .build()
        .map(|g| g.compile_matcher())
        .map_err(|e| e.to_string())
}

impl CodeOwners {
    /// Parses CODEOWNERS text; lines that do not parse are skipped and reported, as
    /// GitHub skips them.
    pub fn parse(path: &str, text: &str) -> (CodeOwners, Vec<CodeOwnersProblem>) {
        let mut owners = CodeOwners {
            path: path.to_string(),
            rules: vec![],
        };
        let mut problems = Vec::new();
        for (idx, raw) in text.lines().enumerate() {
            let line = idx + 1;
            // `#` starts a comment unless escaped.
            let mut content = String::new();
            let mut escaped = false;
            for c in raw.chars() {
                if c == '#' && !escaped {
                    break;
                }
                escaped = c == '\\' && !escaped;
                content.push(c);
            }
            let mut fields = content.split_whitespace();
            let Some(pattern) = fields.next() else {
                continue;
            };
            let list: Vec<String> = fields.map(|o| o.to_ascii_lowercase()).collect();
            if let Some(bad) = list.iter().find(|o| !valid_owner(o)) {
                problems.push(CodeOwnersProblem {
                    line,
                    message: format!("`{bad}` is not an owner (`@user`, `@org/team` or an email address); line skipped"),
                });
                continue;
            }
            match pattern_globs(&pattern.replace("\\#", "#")) {
                Ok(matcher) => owners.rules.push(OwnerRule {
                    matcher,
                    owners: list,
                    line,
                }),
                Err(e) => problems.push(CodeOwnersProblem {
                    line,
                    message: format!("pattern `{pattern}`: {e}; line skipped"),
                }),
            }
        }
        (owners, problems)
    }

    /// The owners of a path (the last matching rule wins; it may list nobody) and the
    /// rule's line.
    pub fn owners_of(&self, path: &str) -> Option<(&[String], usize)> {
        self.rules
            .iter()
            .rev()
            .find(|r| r.matcher.iter().any(|m| m.is_match(path)))
            .map(|r| (r.owners.as_slice(), r.line))
    }
}

/// `--approvals FILE`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ApprovalsFile {
    /// The change author's login.
    pub author: String,
    #[serde(default)]
    pub approvals: Vec<Approval>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    pub user: String,
    #[serde(default)]
    pub teams: Vec<String>,
    /// The commit the approval was given on.
    pub sha: String,
}

impl ApprovalsFile {
    pub fn load(path: &std::path::Path) -> Result<ApprovalsFile, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read approvals file: {e}", path.display()))?;
        let de = &mut serde_json::Deserializer::from_str(&text);
        let file: ApprovalsFile = serde_path_to_error::deserialize(de).map_err(|e| {
            let inner = e.inner();
            format!(
                "{}:{}:{}: {} (at `{}`); expected {{\"author\": \"login\", \"approvals\": [{{\"user\": \"login\", \"teams\": [\"org/team\"], \"sha\": \"<40-hex commit>\"}}]}}",
                path.display(),
                inner.line(),
                inner.column(),
                inner,
                e.path()
            )
        })?;
        if file.author.trim().is_empty() {
            return Err(format!("{}: `author` is empty", path.display()));
        }
        Ok(file)
    }
}

/// An approval and whether it counts.
#[derive(Debug, Clone, Serialize)]
pub struct JudgedApproval {
    pub user: String,
    pub sha: String,
    pub counted: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why_not: Option<String>,
}

/// One requirement and whether it is met.
#[derive(Debug, Clone, Serialize)]
pub struct Requirement {
    /// What is required, in words.
    pub what: String,
    pub met: bool,
    /// Who can satisfy it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub who: Vec<String>,
    /// Where the requirement comes from (policy line, CODEOWNERS line).
    pub source: String,
}

fn normalize(name: &str) -> String {
    format!(
        "@{}",
        name.trim().trim_start_matches('@').to_ascii_lowercase()
    )
}

/// Judges the approvals given and the requirements of `approvers` and the code owners
/// of `paths`. `head_sha` is `None` when head is the working tree: then no approval
/// counts.
pub fn evaluate(
    approvers: &Approvers,
    policy_path: &str,
    code_owners: Option<&CodeOwners>,
    paths: &[String],
    given: Option<&ApprovalsFile>,
    head_sha: Option<&str>,
) -> (Vec<Requirement>, Vec<JudgedApproval>) {
    let author = given.map(|g| normalize(&g.author));
    let judged: Vec<JudgedApproval> = given
        .map(|g| g.approvals.as_slice())
        .unwrap_or_default()
        .iter()
        .map(|a| {
            let user = normalize(&a.user);
            let why_not = if Some(&user) == author.as_ref() {
                Some("the author cannot approve their own change".to_string())
            } else if head_sha.is_none() {
                Some("head is the working tree, not a commit: approvals are checked only against a commit (`--head`)".to_string())
            } else if Some(a.sha.trim()) != head_sha {
                Some(format!(
                    "approves {}, not head {}",
                    short(&a.sha),
                    short(head_sha.unwrap_or_default())
                ))
            } else {
                None
            };
            JudgedApproval {
                user,
                sha: a.sha.clone(),
                counted: why_not.is_none(),
                why_not,
            }
        })
        .collect();
    let valid: Vec<(&JudgedApproval, Vec<String>)> = judged
        .iter()
        .zip(given.map(|g| g.approvals.as_slice()).unwrap_or_default())
        .filter(|(j, _)| j.counted)
        .map(|(j, a)| (j, a.teams.iter().map(|t| normalize(t)).collect()))
        .collect();
    let satisfies = |owner: &str| {
        valid
            .iter()
            .any(|(j, teams)| j.user == owner || teams.iter().any(|t| t == owner))
    };
    let source = match approvers.line {
        Some(line) => format!("{policy_path}:{line}"),
        None => "default policy".to_string(),
    };
    let mut requirements = Vec::new();
    let mut distinct: Vec<&str> = valid.iter().map(|(j, _)| j.user.as_str()).collect();
    distinct.sort();
    distinct.dedup();
    if approvers.min > 0 {
        requirements.push(Requirement {
            what: format!(
                "{} approval{} by someone other than the author ({} given)",
                approvers.min,
                if approvers.min == 1 { "" } else { "s" },
                distinct.len()
            ),
            met: distinct.len() >= approvers.min,
            who: vec![],
            source: source.clone(),
        });
    }
    for owner in &approvers.require {
        requirements.push(Requirement {
            what: format!("approval by {owner}"),
            met: satisfies(owner),
            who: vec![owner.clone()],
            source: source.clone(),
        });
    }
    if approvers.code_owners {
        if let Some(co) = code_owners {
            // One requirement per distinct owner set, naming the paths it covers.
            let mut groups: Vec<(Vec<String>, usize, Vec<String>)> = Vec::new();
            for path in paths {
                if let Some((owners, line)) = co.owners_of(path) {
                    if owners.is_empty() {
                        continue;
                    }
                    match groups.iter_mut().find(|g| g.0 == owners) {
                        Some(g) => g.2.push(path.clone()),
                        None => groups.push((owners.to_vec(), line, vec![path.clone()])),
                    }
                }
            }
            for (owners, line, paths) in groups {
                let shown: Vec<&str> = paths.iter().take(3).map(String::as_str).collect();
                requirements.push(Requirement {
                    what: format!(
                        "a code owner of {}{}",
                        shown.join(", "),
                        if paths.len() > 3 {
                            format!(" and {} more", paths.len() - 3)
                        } else {
                            String::new()
                        }
                    ),
                    met: owners.iter().any(|o| satisfies(o)),
                    who: owners,
                    source: format!("{}:{line}", co.path),
                });
            }
        }
    }
    (requirements, judged)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codeowners_last_match_wins_and_patterns_follow_gitignore() {
        let text = "# owners\n* @org/everyone\n/src/auth/ @org/iam\n*.sql @dba\ndocs/*  @writers\nsrc/auth/legacy.py\n";
        let (co, problems) = CodeOwners::parse("CODEOWNERS", text);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(co.owners_of("src/auth/login.py").unwrap().0, ["@org/iam"]);
        assert_eq!(co.owners_of("src/auth/deep/x.py").unwrap().0, ["@org/iam"]);
        assert_eq!(co.owners_of("db/m/1.sql").unwrap().0, ["@dba"]);
        assert_eq!(co.owners_of("docs/a.md").unwrap().0, ["@writers"]);
        assert_eq!(co.owners_of("docs/sub/a.md").unwrap().0, ["@org/everyone"]);
        assert!(co.owners_of("src/auth/legacy.py").unwrap().0.is_empty());
        assert_eq!(co.owners_of("README.md").unwrap().1, 2);
    }

    #[test]
    fn malformed_codeowners_lines_are_reported_and_skipped() {
        let (co, problems) = CodeOwners::parse(
            "CODEOWNERS",
            "src/ owner-without-at\n!x @a\n[ab].py @b\nok.py @c\n",
        );
        assert_eq!(
            problems.iter().map(|p| p.line).collect::<Vec<_>>(),
            vec![1, 2, 3]
        );
        assert!(co.owners_of("ok.py").is_some());
    }

    #[test]
    fn self_approval_and_stale_sha_do_not_count() {
        let head = "a".repeat(40);
        let given = ApprovalsFile {
            author: "alice".into(),
            approvals: vec![
                Approval {
                    user: "alice".into(),
                    teams: vec!["org/iam".into()],
                    sha: head.clone(),
                },
                Approval {
                    user: "bob".into(),
                    teams: vec!["org/iam".into()],
                    sha: "b".repeat(40),
                },
                Approval {
                    user: "carol".into(),
                    teams: vec![],
                    sha: head.clone(),
                },
            ],
        };
        let approvers = Approvers {
            min: 1,
            require: vec!["@org/iam".into()],
            code_owners: false,
            line: Some(3),
        };
        let (reqs, judged) = evaluate(
            &approvers,
            "authgate.toml",
            None,
            &[],
            Some(&given),
            Some(&head),
        );
        assert_eq!(
            judged.iter().map(|j| j.counted).collect::<Vec<_>>(),
            vec![false, false, true]
        );
        assert!(reqs[0].met, "carol counts for the minimum");
        assert!(!reqs[1].met, "no valid approval from @org/iam");
    }
}

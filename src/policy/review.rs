//! `authgate.toml`, second part: `[review]` — areas and signals, tiers, approvers,
//! provenance markers and negative-test requirements for `authgate review`.

use crate::review::area::{Area, Tier};
use crate::review::negtest::{self, TestCase};
use crate::review::signals::{RawSignal, Signal};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct RawReview {
    fail_on: Option<Spanned<String>>,
    on_missing_tests: Option<Spanned<String>>,
    on_removed_control: Option<Spanned<String>>,
    ai_raises_tier: Option<Spanned<i64>>,
    #[serde(default)]
    tiers: BTreeMap<Spanned<String>, Spanned<String>>,
    #[serde(default)]
    approvers: BTreeMap<Spanned<String>, Spanned<RawApprovers>>,
    #[serde(default)]
    signals: Vec<Spanned<RawSignal>>,
    #[serde(default)]
    provenance: RawProvenance,
    #[serde(default)]
    negative_tests: BTreeMap<Spanned<String>, Spanned<Vec<Spanned<String>>>>,
    #[serde(default)]
    test_cases: Vec<Spanned<RawTestCase>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawApprovers {
    min: Option<usize>,
    #[serde(default)]
    require: Vec<Spanned<String>>,
    code_owners: Option<bool>,
}

#[derive(Debug, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawProvenance {
    #[serde(default)]
    assistants: Vec<String>,
    #[serde(default)]
    branch_prefixes: Vec<String>,
    #[serde(default)]
    labels: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTestCase {
    id: Spanned<String>,
    description: Option<String>,
    exercise: Spanned<String>,
    asserts: Option<Spanned<String>>,
}

/// What a review does about a missing negative test or a removed control.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Action {
    Block,
    NeedsApproval,
    Warn,
}

/// Which decisions make `authgate review` exit 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    /// Block and needs-approval (default).
    NeedsApproval,
    Block,
    Never,
}

/// Approvals a tier needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Approvers {
    /// Distinct approvers other than the author.
    pub min: usize,
    /// Each entry (`@user` or `@org/team`) must be covered by one valid approval.
    pub require: Vec<String>,
    /// Every touched path with code owners needs one of them.
    pub code_owners: bool,
    /// Line in the policy, `None` for the defaults.
    pub line: Option<usize>,
}

/// A setting and the policy line it came from (`None`: the default).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting<T> {
    pub value: T,
    pub line: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct ReviewPolicy {
    pub fail_on: FailOn,
    pub on_missing_tests: Setting<Action>,
    pub on_removed_control: Setting<Action>,
    /// How many tiers AI provenance raises a change (0 turns it off).
    pub ai_raises_tier: u8,
    pub tiers: BTreeMap<Area, Setting<Tier>>,
    pub approvers: BTreeMap<Tier, Approvers>,
    /// Signals the policy adds to the built-in ones.
    pub signals: Vec<Signal>,
    /// Assistant names added to the built-in list.
    pub assistants: Vec<String>,
    pub branch_prefixes: Vec<String>,
    pub labels: Vec<String>,
    /// Required negative cases per area.
    pub negative_tests: BTreeMap<Area, Setting<Vec<String>>>,
    /// Test cases the policy defines beyond the built-in catalogue.
    pub test_cases: Vec<TestCase>,
}

/// Branch prefixes that mark assistant-made branches by default.
pub const DEFAULT_BRANCH_PREFIXES: &[&str] = &[
    "copilot/",
    "claude/",
    "codex/",
    "cursor/",
    "devin/",
    "jules/",
    "aider/",
    "openhands/",
    "ai/",
];

/// Pull-request labels that mark AI assistance by default.
pub const DEFAULT_LABELS: &[&str] = &["ai-assisted", "ai-generated", "generated-by-ai"];

impl Default for ReviewPolicy {
    fn default() -> Self {
        let approvers = [
            (Tier::Low, 1, false),
            (Tier::High, 1, true),
            (Tier::Critical, 2, true),
        ]
        .into_iter()
        .map(|(tier, min, code_owners)| {
            (
                tier,
                Approvers {
                    min,
                    require: vec![],
                    code_owners,
                    line: None,
                },
            )
        })
        .collect();
        ReviewPolicy {
            fail_on: FailOn::NeedsApproval,
            on_missing_tests: Setting {
                value: Action::Block,
                line: None,
            },
            on_removed_control: Setting {
                value: Action::Block,
                line: None,
            },
            ai_raises_tier: 1,
            tiers: Area::ALL
                .into_iter()
                .map(|a| {
                    (
                        a,
                        Setting {
                            value: a.default_tier(),
                            line: None,
                        },
                    )
                })
                .collect(),
            approvers,
            signals: vec![],
            assistants: vec![],
            branch_prefixes: DEFAULT_BRANCH_PREFIXES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            labels: DEFAULT_LABELS.iter().map(|s| s.to_string()).collect(),
            negative_tests: negtest::default_requirements()
                .into_iter()
                .map(|(area, cases)| {
                    (
                        area,
                        Setting {
                            value: cases.iter().map(|c| c.to_string()).collect(),
                            line: None,
                        },
                    )
                })
                .collect(),
            test_cases: vec![],
        }
    }
}

type At<'a> = &'a dyn Fn(std::ops::Range<usize>, String) -> super::PolicyError;

fn action(value: &Spanned<String>, key: &str, at: At) -> Result<Action, super::PolicyError> {
    match value.get_ref().as_str() {
        "block" => Ok(Action::Block),
        "needs-approval" => Ok(Action::NeedsApproval),
        "warn" => Ok(Action::Warn),
        other => Err(at(
            value.span(),
            format!("`review.{key}`: `{other}` is not one of block, needs-approval, warn"),
        )),
    }
}

fn area(key: &Spanned<String>, table: &str, at: At) -> Result<Area, super::PolicyError> {
    Area::parse(key.get_ref()).ok_or_else(|| {
        at(
            key.span(),
            format!(
                "`review.{table}`: `{}` is not an area (one of {})",
                key.get_ref(),
                Area::ALL.map(Area::as_str).join(", ")
            ),
        )
    })
}

fn owner_ref(text: &Spanned<String>, at: At) -> Result<String, super::PolicyError> {
    let t = text.get_ref().trim();
    let name = t.strip_prefix('@').unwrap_or(t);
    if !crate::review::approvals::valid_owner(&format!("@{name}")) {
        return Err(at(
            text.span(),
            format!("`review.approvers.require`: `{t}` is not `@user` or `@org/team`"),
        ));
    }
    Ok(format!("@{}", name.to_ascii_lowercase()))
}

pub(super) fn build(
    raw: RawReview,
    text: &str,
    at: At,
) -> Result<ReviewPolicy, super::PolicyError> {
    let line = |span: std::ops::Range<usize>| Some(super::line_col(text, span.start).0);
    let mut review = ReviewPolicy::default();
    if let Some(v) = &raw.fail_on {
        review.fail_on = match v.get_ref().as_str() {
            "needs-approval" => FailOn::NeedsApproval,
            "block" => FailOn::Block,
            "never" => FailOn::Never,
            other => {
                return Err(at(
                    v.span(),
                    format!(
                        "`review.fail-on`: `{other}` is not one of needs-approval, block, never"
                    ),
                ))
            }
        };
    }
    if let Some(v) = &raw.on_missing_tests {
        review.on_missing_tests = Setting {
            value: action(v, "on-missing-tests", at)?,
            line: line(v.span()),
        };
    }
    if let Some(v) = &raw.on_removed_control {
        review.on_removed_control = Setting {
            value: action(v, "on-removed-control", at)?,
            line: line(v.span()),
        };
    }
    if let Some(v) = &raw.ai_raises_tier {
        review.ai_raises_tier = u8::try_from(*v.get_ref())
            .ok()
            .filter(|n| *n <= 3)
            .ok_or_else(|| {
                at(
                    v.span(),
                    "`review.ai-raises-tier`: a number of tiers from 0 to 3".to_string(),
                )
            })?;
    }
    for (key, value) in &raw.tiers {
        let area = area(key, "tiers", at)?;
        let tier = Tier::parse(value.get_ref()).ok_or_else(|| {
            at(
                value.span(),
                format!(
                    "`review.tiers.{area}`: `{}` is not one of low, high, critical",
                    value.get_ref()
                ),
            )
        })?;
        review.tiers.insert(
            area,
            Setting {
                value: tier,
                line: line(key.span()),
            },
        );
    }
    for (key, value) in &raw.approvers {
        let tier = Tier::parse(key.get_ref()).ok_or_else(|| {
            at(
                key.span(),
                format!(
                    "`review.approvers`: `{}` is not one of low, high, critical",
                    key.get_ref()
                ),
            )
        })?;
        let raw_approvers = value.get_ref();
        let default = &review.approvers[&tier];
        let require = raw_approvers
            .require
            .iter()
            .map(|r| owner_ref(r, at))
            .collect::<Result<Vec<_>, _>>()?;
        let approvers = Approvers {
            min: raw_approvers.min.unwrap_or(default.min),
            require,
            code_owners: raw_approvers.code_owners.unwrap_or(default.code_owners),
            line: line(key.span()),
        };
        review.approvers.insert(tier, approvers);
    }
    for spanned in &raw.signals {
        let signal = Signal::compile(spanned.get_ref(), line(spanned.span()))
            .map_err(|e| at(e.span, format!("`review.signals`: {}", e.message)))?;
        review.signals.push(signal);
    }
    review.assistants = raw.provenance.assistants.clone();
    review
        .branch_prefixes
        .extend(raw.provenance.branch_prefixes.iter().cloned());
    review.labels.extend(raw.provenance.labels.iter().cloned());
    for spanned in &raw.test_cases {
        let case = spanned.get_ref();
        let compile = |s: &Spanned<String>, what: &str| {
            negtest::compile(s.get_ref()).map_err(|e| {
                at(
                    s.span(),
                    format!("`review.test-cases.{what}`: invalid regex: {e}"),
                )
            })
        };
        let id = case.id.get_ref().trim().to_string();
        if id.is_empty() || negtest::catalogue().iter().any(|c| c.id == id) {
            return Err(at(
                case.id.span(),
                format!("`review.test-cases.id`: `{id}` is empty or already a built-in case"),
            ));
        }
        review.test_cases.push(TestCase {
            id,
            description: case
                .description
                .clone()
                .unwrap_or_else(|| case.id.get_ref().clone()),
            exercise: compile(&case.exercise, "exercise")?,
            asserts: case
                .asserts
                .as_ref()
                .map(|a| compile(a, "asserts"))
                .transpose()?,
        });
    }
    for (key, cases) in &raw.negative_tests {
        let area = area(key, "negative-tests", at)?;
        for case in cases.get_ref() {
            let known = negtest::catalogue().iter().any(|c| c.id == *case.get_ref())
                || review.test_cases.iter().any(|c| c.id == *case.get_ref());
            if !known {
                return Err(at(
                    case.span(),
                    format!(
                        "`review.negative-tests.{area}`: unknown case `{}` (built-in: {}; or define it under [[review.test-cases]])",
                        case.get_ref(),
                        negtest::catalogue().iter().map(|c| c.id.as_str()).collect::<Vec<_>>().join(", ")
                    ),
                ));
            }
        }
        review.negative_tests.insert(
            area,
            Setting {
                value: cases
                    .get_ref()
                    .iter()
                    .map(|c| c.get_ref().clone())
                    .collect(),
                line: line(key.span()),
            },
        );
    }
    Ok(review)
}

//! Version ordering per ecosystem, and the version ranges rules and advisories write.
//!
//! Ranges use one syntax for every ecosystem: comparisons joined by `,` (and) and
//! `||` (or), e.g. `<0.6.0` or `>=2.0.0, <2.4.1 || >=3.0.0, <3.0.2`. Each comparison is
//! decided with the ecosystem's own ordering: SemVer 2.0 for npm and Cargo (prereleases
//! before their release), Go module versions (`v` prefix, pseudo-versions as
//! prereleases, `+incompatible` ignored), PEP 440 for Python (epochs, pre/post/dev
//! releases, local versions), and Maven's ComparableVersion rules.

use serde::Serialize;
use std::cmp::Ordering;
use std::fmt;
use std::str::FromStr;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Ecosystem {
    Npm,
    #[serde(rename = "pypi")]
    PyPI,
    Go,
    Cargo,
    Maven,
}

impl fmt::Display for Ecosystem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Ecosystem::Npm => "npm",
            Ecosystem::PyPI => "pypi",
            Ecosystem::Go => "go",
            Ecosystem::Cargo => "cargo",
            Ecosystem::Maven => "maven",
        })
    }
}

impl Ecosystem {
    /// The name as the ecosystem compares it (PyPI names are case- and separator-insensitive).
    pub fn normalize_name(self, name: &str) -> String {
        match self {
            Ecosystem::PyPI => name
                .to_ascii_lowercase()
                .chars()
                .map(|c| if c == '_' || c == '.' { '-' } else { c })
                .collect(),
            _ => name.to_string(),
        }
    }

    /// Orders two versions; `None` when either is not a version of this ecosystem.
    pub fn compare(self, a: &str, b: &str) -> Option<Ordering> {
        match self {
            Ecosystem::Npm | Ecosystem::Cargo => Some(semver_of(a)?.cmp(&semver_of(b)?)),
            Ecosystem::Go => Some(go_version(a)?.cmp(&go_version(b)?)),
            Ecosystem::PyPI => {
                let a = pep440_rs::Version::from_str(a.trim()).ok()?;
                let b = pep440_rs::Version::from_str(b.trim()).ok()?;
                Some(a.cmp(&b))
            }
            Ecosystem::Maven => Some(maven_compare(a, b)),
        }
    }
}

fn semver_of(text: &str) -> Option<semver::Version> {
    let text = text.trim().trim_start_matches(['v', '=']);
    semver::Version::parse(text).ok().or_else(|| {
        // Loose forms such as `1.2` or `1`: pad to three numbers.
        let parts: Vec<&str> = text.split('.').collect();
        if parts.len() < 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let padded = parts
                .iter()
                .copied()
                .chain(std::iter::repeat("0"))
                .take(3)
                .collect::<Vec<_>>()
                .join(".");
            semver::Version::parse(&padded).ok()
        } else {
            None
        }
    })
}

fn go_version(text: &str) -> Option<semver::Version> {
    let text = text.trim();
    let text = text.strip_suffix("+incompatible").unwrap_or(text);
    let mut version = semver_of(text)?;
    version.build = semver::BuildMetadata::EMPTY;
    Some(version)
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum MavenItem {
    Number(u64),
    Qualifier(String),
}

/// Rank of a Maven qualifier: alpha < beta < milestone < rc < snapshot < release < sp < others.
fn qualifier_rank(q: &str) -> (u8, String) {
    let q = q.to_ascii_lowercase();
    let rank = match q.as_str() {
        "alpha" | "a" => 0,
        "beta" | "b" => 1,
        "milestone" | "m" => 2,
        "rc" | "cr" => 3,
        "snapshot" => 4,
        "" | "ga" | "final" | "release" => 5,
        "sp" => 6,
        _ => 7,
    };
    (rank, if rank == 7 { q } else { String::new() })
}

fn maven_items(text: &str) -> Vec<MavenItem> {
    let mut items = Vec::new();
    let mut current = String::new();
    // Start of the current `-` sublist: ComparableVersion normalises each one.
    let mut sublist_start = 0;
    let flush = |current: &mut String, items: &mut Vec<MavenItem>| {
        if !current.is_empty() {
            items.push(match current.parse::<u64>() {
                Ok(n) => MavenItem::Number(n),
                Err(_) => MavenItem::Qualifier(current.clone()),
            });
            current.clear();
        }
    };
    for c in text.trim().chars() {
        if c == '.' || c == '-' || c == '_' {
            flush(&mut current, &mut items);
            if c == '-' {
                trim_null_items(&mut items, sublist_start);
                sublist_start = items.len();
            }
        } else {
            let switches = current
                .chars()
                .last()
                .is_some_and(|last| last.is_ascii_digit() != c.is_ascii_digit());
            if switches {
                flush(&mut current, &mut items);
            }
            current.push(c);
        }
    }
    flush(&mut current, &mut items);
    trim_null_items(&mut items, 0);
    items
}

/// Trailing zeros and release qualifiers do not change a version: 1.0 == 1 == 1.0.0-ga,
/// and 2.0-beta == 2.0.0-beta (trimmed before each `-` too).
fn trim_null_items(items: &mut Vec<MavenItem>, floor: usize) {
    while items.len() > floor
        && (matches!(items.last(), Some(MavenItem::Number(0)))
            || matches!(items.last(), Some(MavenItem::Qualifier(q)) if qualifier_rank(q).0 == 5))
    {
        items.pop();
    }
}

fn maven_compare(a: &str, b: &str) -> Ordering {
    let (a, b) = (maven_items(a), maven_items(b));
    for i in 0..a.len().max(b.len()) {
        let ordering = match (a.get(i), b.get(i)) {
            (Some(MavenItem::Number(x)), Some(MavenItem::Number(y))) => x.cmp(y),
            (Some(MavenItem::Number(_)), Some(MavenItem::Qualifier(_))) => Ordering::Greater,
            (Some(MavenItem::Qualifier(_)), Some(MavenItem::Number(_))) => Ordering::Less,
            (Some(MavenItem::Qualifier(x)), Some(MavenItem::Qualifier(y))) => {
                qualifier_rank(x).cmp(&qualifier_rank(y))
            }
            (Some(MavenItem::Number(x)), None) => x.cmp(&0),
            (None, Some(MavenItem::Number(y))) => 0.cmp(y),
            (Some(MavenItem::Qualifier(x)), None) => qualifier_rank(x).cmp(&qualifier_rank("")),
            (None, Some(MavenItem::Qualifier(y))) => qualifier_rank("").cmp(&qualifier_rank(y)),
            (None, None) => Ordering::Equal,
        };
        if ordering != Ordering::Equal {
            return ordering;
        }
    }
    Ordering::Equal
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Lt,
    Le,
    Gt,
    Ge,
    Eq,
}

/// A version range: alternatives (`||`) of conjunctions (`,`) of comparisons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionRange {
    text: String,
    alternatives: Vec<Vec<(Op, String)>>,
}

impl fmt::Display for VersionRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for VersionRange {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let mut alternatives = Vec::new();
        for alternative in text.split("||") {
            let mut all = Vec::new();
            for comparison in alternative.split(',') {
                let comparison = comparison.trim();
                let (op, version) = [
                    ("<=", Op::Le),
                    (">=", Op::Ge),
                    ("<", Op::Lt),
                    (">", Op::Gt),
                    ("==", Op::Eq),
                    ("=", Op::Eq),
                ]
                .iter()
                .find_map(|(prefix, op)| {
                    comparison
                        .strip_prefix(prefix)
                        .map(|rest| (*op, rest.trim()))
                })
                .ok_or_else(|| {
                    format!("`{comparison}` in `{text}` must start with <, <=, >, >= or =")
                })?;
                if version.is_empty() {
                    return Err(format!("`{comparison}` in `{text}` names no version"));
                }
                all.push((op, version.to_string()));
            }
            alternatives.push(all);
        }
        Ok(VersionRange {
            text: text.trim().to_string(),
            alternatives,
        })
    }
}

impl VersionRange {
    /// Whether `version` is in the range; `None` when the ecosystem cannot order it.
    pub fn contains(&self, ecosystem: Ecosystem, version: &str) -> Option<bool> {
        let mut any = false;
        for all in &self.alternatives {
            let mut holds = true;
            for (op, bound) in all {
                let ordering = ecosystem.compare(version, bound)?;
                holds &= match op {
                    Op::Lt => ordering == Ordering::Less,
                    Op::Le => ordering != Ordering::Greater,
                    Op::Gt => ordering == Ordering::Greater,
                    Op::Ge => ordering != Ordering::Less,
                    Op::Eq => ordering == Ordering::Equal,
                };
            }
            any |= holds;
        }
        Some(any)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt(eco: Ecosystem, a: &str, b: &str) -> bool {
        eco.compare(a, b) == Some(Ordering::Less)
    }

    #[test]
    fn npm_semver_with_prereleases() {
        assert!(lt(Ecosystem::Npm, "1.2.3-beta.2", "1.2.3"));
        assert!(lt(Ecosystem::Npm, "1.2.3-alpha.10", "1.2.3-beta.1"));
        assert!(lt(Ecosystem::Npm, "1.2.3-beta.2", "1.2.3-beta.10"));
        assert!(lt(Ecosystem::Npm, "0.5.9", "0.6.0"));
        assert!(lt(Ecosystem::Npm, "1.2", "1.2.1"));
        assert_eq!(Ecosystem::Npm.compare("not-a-version", "1.0.0"), None);
    }

    #[test]
    fn go_pseudo_versions_and_incompatible() {
        assert!(lt(
            Ecosystem::Go,
            "v0.0.0-20210101000000-abcdef123456",
            "v0.0.1"
        ));
        assert!(lt(
            Ecosystem::Go,
            "v1.2.0-20210101000000-abcdef123456",
            "v1.2.0"
        ));
        assert_eq!(
            Ecosystem::Go.compare("v3.2.0+incompatible", "v3.2.0"),
            Some(Ordering::Equal)
        );
        assert!(lt(Ecosystem::Go, "v4.4.3", "v4.5.1"));
    }

    #[test]
    fn pep440_ordering() {
        assert!(lt(Ecosystem::PyPI, "2.0.0rc1", "2.0.0"));
        assert!(lt(Ecosystem::PyPI, "2.0.0.dev1", "2.0.0a1"));
        assert!(lt(Ecosystem::PyPI, "2.0.0", "2.0.0.post1"));
        assert!(lt(Ecosystem::PyPI, "2.9", "2.10"));
        assert!(lt(Ecosystem::PyPI, "1!0.1", "1!0.2"));
        assert!(lt(Ecosystem::PyPI, "9.0", "1!0.1"));
        assert_eq!(
            Ecosystem::PyPI.normalize_name("Flask_JWT.Extended"),
            "flask-jwt-extended"
        );
    }

    #[test]
    fn maven_comparable_versions() {
        assert!(lt(Ecosystem::Maven, "5.7.0-M1", "5.7.0-RC1"));
        assert!(lt(Ecosystem::Maven, "5.7.0-RC1", "5.7.0"));
        assert!(lt(Ecosystem::Maven, "5.7.0-SNAPSHOT", "5.7.0"));
        assert!(lt(Ecosystem::Maven, "5.7.0", "5.7.0-sp1"));
        assert!(lt(Ecosystem::Maven, "1.9", "1.10"));
        assert_eq!(
            Ecosystem::Maven.compare("1.0", "1.0.0.RELEASE"),
            Some(Ordering::Equal)
        );
        assert!(lt(Ecosystem::Maven, "0.11.5", "0.12.0"));
        assert_eq!(
            Ecosystem::Maven.compare("2.0-beta", "2.0.0-beta"),
            Some(Ordering::Equal)
        );
        assert!(lt(Ecosystem::Maven, "2.0.0-beta", "2.0-rc1"));
    }

    #[test]
    fn ranges() {
        let range: VersionRange = ">=2.0.0, <2.4.1 || =3.0.0".parse().unwrap();
        assert_eq!(range.contains(Ecosystem::Npm, "2.3.9"), Some(true));
        assert_eq!(range.contains(Ecosystem::Npm, "2.4.1"), Some(false));
        assert_eq!(range.contains(Ecosystem::Npm, "3.0.0"), Some(true));
        assert_eq!(range.contains(Ecosystem::Npm, "garbage"), None);
        assert!("~1.2".parse::<VersionRange>().is_err());
        assert!("<".parse::<VersionRange>().is_err());
    }
}

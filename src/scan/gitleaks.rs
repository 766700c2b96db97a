//! `--secrets-config`: gitleaks configurations (TOML) as authgate secret detectors.
//!
//! Supported: `[[rules]]` with `id`, `description`, `regex`, `secretGroup`, `entropy`,
//! `keywords`, `path`, `tags`, and allowlists (`[rules.allowlist]`, `[[rules.allowlists]]`
//! and the global `[allowlist]`/`[[allowlists]]`) with `regexes` (targets `secret`,
//! `match` and `line`), `paths` and `stopwords`. What cannot be honoured is refused with
//! an error that names it, rather than scanning with a silently weaker configuration:
//! `[extend]` (gitleaks' built-in rules are not shipped with authgate), `condition =
//! "AND"`, path-only rules and patterns Rust's regex engine does not accept.

use crate::scan::rules::{RuleOrigin, RuleSet};
use crate::scan::secrets::DetectorSpec;
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Config {
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    extend: Option<Extend>,
    #[serde(default)]
    rules: Vec<Rule>,
    #[serde(default)]
    allowlist: Option<Allowlist>,
    #[serde(default)]
    allowlists: Vec<Allowlist>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Extend {
    #[serde(default)]
    use_default: bool,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    url: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    id: String,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    regex: Option<String>,
    #[serde(default)]
    secret_group: Option<usize>,
    #[serde(default)]
    entropy: Option<f64>,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default)]
    path: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    allowlist: Option<Allowlist>,
    #[serde(default)]
    allowlists: Vec<Allowlist>,
}

#[derive(Debug, Default, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Allowlist {
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    condition: Option<String>,
    #[serde(default)]
    regex_target: Option<String>,
    #[serde(default)]
    regexes: Vec<String>,
    #[serde(default)]
    paths: Vec<String>,
    #[serde(default)]
    stopwords: Vec<String>,
    #[serde(default)]
    commits: Vec<String>,
}

/// Adds the configuration's rules to `rules` as secret detectors.
pub fn load(rules: &mut RuleSet, path: &Path) -> Result<usize, String> {
    let display = path.display().to_string();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("{display}: cannot read gitleaks configuration: {e}"))?;
    let config: Config = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start].matches('\n').count() + 1)
            .unwrap_or(1);
        format!(
            "{display}:{line}: not a gitleaks configuration: {}",
            e.message().trim()
        )
    })?;
    let _ = &config.title;
    if let Some(extend) = &config.extend {
        let what = if extend.use_default {
            "`[extend] useDefault = true` asks for gitleaks' built-in rules".to_string()
        } else if let Some(base) = extend.path.as_ref().or(extend.url.as_ref()) {
            format!("`[extend]` asks for the rules of `{base}`")
        } else {
            "`[extend]`".to_string()
        };
        return Err(format!(
            "{display}: {what}, which authgate cannot honour: it does not ship gitleaks' rules \
             (its own detectors cover the common formats). Remove `[extend]` and list the extra \
             rules you need, or run gitleaks itself for its default set."
        ));
    }
    let global: Vec<Allowlist> = config
        .allowlist
        .clone()
        .into_iter()
        .chain(config.allowlists.clone())
        .collect();
    let mut added = 0;
    for rule in &config.rules {
        let Some(regex) = &rule.regex else {
            return Err(format!(
                "{display}: rule `{}` has no `regex` (path-only rules report files, not secrets); authgate cannot honour it",
                rule.id
            ));
        };
        let mut spec = DetectorSpec {
            id: authgate_id(&rule.id),
            language: "secret".to_string(),
            message: rule
                .description
                .clone()
                .filter(|d| !d.trim().is_empty())
                .unwrap_or_else(|| format!("Secret matched by gitleaks rule `{}`.", rule.id)),
            note: Some(format!(
                "From the gitleaks configuration {display} (rule `{}`{}).",
                rule.id,
                if rule.tags.is_empty() {
                    String::new()
                } else {
                    format!(", tags: {}", rule.tags.join(", "))
                }
            )),
            regex: regex.clone(),
            secret_group: rule.secret_group.filter(|g| *g > 0),
            entropy: rule.entropy.unwrap_or(0.0),
            path: rule.path.clone(),
            metadata: Some(serde_json::json!({
                "severity": "high",
                "control": "SECRETS",
                "kind": "flaw",
                "cwe": ["CWE-798"],
                "keywords": rule.keywords,
                "fix_text": "Rotate the credential and load it at run time from a secret store.",
            })),
            ..DetectorSpec::default()
        };
        let lists = rule.allowlist.iter().chain(&rule.allowlists).chain(&global);
        for list in lists {
            apply_allowlist(&mut spec, list, &display, &rule.id)?;
        }
        rules
            .add_detector_spec(spec, RuleOrigin::User(display.clone()))
            .map_err(|e| format!("{e} (gitleaks rule `{}`)", rule.id))?;
        added += 1;
    }
    Ok(added)
}

fn apply_allowlist(
    spec: &mut DetectorSpec,
    list: &Allowlist,
    display: &str,
    rule: &str,
) -> Result<(), String> {
    let _ = &list.description;
    if list
        .condition
        .as_deref()
        .is_some_and(|c| c.eq_ignore_ascii_case("AND"))
    {
        return Err(format!(
            "{display}: an allowlist of rule `{rule}` uses `condition = \"AND\"`, which authgate cannot honour (its allow lists are each sufficient on their own); split it or drop the condition"
        ));
    }
    if !list.commits.is_empty() {
        return Err(format!(
            "{display}: an allowlist of rule `{rule}` lists `commits`, which authgate cannot honour; use an authgate baseline (`--write-baseline`) for known findings instead"
        ));
    }
    let target = match list.regex_target.as_deref().unwrap_or("secret") {
        "secret" => &mut spec.allow,
        "match" => &mut spec.allow_match,
        "line" => &mut spec.allow_line,
        other => {
            return Err(format!(
                "{display}: an allowlist of rule `{rule}` has regexTarget `{other}` (expected secret, match or line)"
            ))
        }
    };
    target.extend(list.regexes.iter().cloned());
    spec.allow_paths.extend(list.paths.iter().cloned());
    spec.stopwords.extend(list.stopwords.iter().cloned());
    Ok(())
}

/// gitleaks ids are kebab-case already; anything else is folded into kebab-case and
/// prefixed so it never collides with a built-in detector.
fn authgate_id(id: &str) -> String {
    let folded: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let parts: Vec<&str> = folded.split('-').filter(|p| !p.is_empty()).collect();
    format!("gitleaks-{}", parts.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_text(text: &str) -> Result<RuleSet, String> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("gitleaks.toml");
        std::fs::write(&path, text).unwrap();
        let mut rules = RuleSet::default();
        load(&mut rules, &path).map(|_| rules)
    }

    #[test]
    fn rules_become_detectors() {
        let rules = load_text(
            "[[rules]]\nid = \"acme_api_key\"\ndescription = \"Acme API key\"\nregex = '''acme_(?:live|test)_([a-z0-9]{24})'''\nsecretGroup = 1\nentropy = 3.0\nkeywords = [\"acme_\"]\n[[rules.allowlists]]\nregexes = ['''^0+$''']\nstopwords = [\"example\"]\n",
        )
        .unwrap();
        assert_eq!(rules.secrets.len(), 1);
        assert_eq!(rules.secrets[0].meta.id, "gitleaks-acme-api-key");
        assert_eq!(rules.secrets[0].meta.keywords, vec!["acme_"]);
    }

    #[test]
    fn extending_the_default_rules_is_refused_by_name() {
        let Err(err) = load_text("[extend]\nuseDefault = true\n") else {
            panic!("expected an error")
        };
        assert!(err.contains("useDefault"), "{err}");
        assert!(err.contains("cannot honour"), "{err}");
    }

    #[test]
    fn and_conditions_and_path_only_rules_are_refused() {
        let Err(err) = load_text("[[rules]]\nid = \"x\"\nregex = 'x'\n[[rules.allowlists]]\ncondition = \"AND\"\nregexes = ['y']\n") else {
            panic!("expected an error")
        };
        assert!(err.contains("AND"), "{err}");
        let Err(err) = load_text("[[rules]]\nid = \"pkcs12\"\npath = '''\\.p12$'''\n") else {
            panic!("expected an error")
        };
        assert!(err.contains("path-only"), "{err}");
    }

    #[test]
    fn bad_toml_names_the_line() {
        let Err(err) = load_text("[[rules]]\nid = \"x\"\nregex = \n") else {
            panic!("expected an error")
        };
        assert!(err.contains("gitleaks.toml:3"), "{err}");
    }
}

//! Classification of changed hunks into identity areas (GOV-CLASSIFY). Every
//! assignment carries the signal that triggered it and where.

use super::area::Area;
use super::git::Change;
use super::signals::{FileClass, Signal, SignalKind};
use serde::Serialize;
use std::collections::BTreeMap;

/// Why a change was put in an area.
#[derive(Debug, Clone, Serialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct AreaEvidence {
    pub path: String,
    /// 1-based line (in head for added lines, base for removed ones); `None` for path
    /// signals.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// `added`, `removed` or `path`.
    pub side: &'static str,
    /// The kind of trigger: path, import, call, identifier, config key...
    pub trigger: &'static str,
    /// What matched: the glob, or the matched text (at most 60 characters).
    pub matched: String,
    /// Line of the policy signal, for signals the policy added.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy_line: Option<usize>,
}

/// Areas and their evidence, in area order.
pub type Areas = BTreeMap<Area, Vec<AreaEvidence>>;

/// How many pieces of evidence an area keeps (the rest are counted, not listed).
pub const MAX_EVIDENCE: usize = 20;

/// Files whose text never feeds a pattern: prose, translations, styles, images.
pub fn is_lookalike_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = lower.rsplit('/').next().unwrap_or(&lower);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    const PROSE: &[&str] = &[
        "md", "markdown", "rst", "txt", "adoc", "css", "scss", "sass", "less", "styl", "svg",
        "png", "jpg", "jpeg", "gif", "ico", "webp", "po", "pot", "mo", "xliff", "xlf", "resx",
        "strings", "arb", "lock", "snap", "map", "html", "htm",
    ];
    PROSE.contains(&ext)
        || lower.split('/').any(|seg| {
            matches!(
                seg,
                "locale"
                    | "locales"
                    | "i18n"
                    | "l10n"
                    | "translations"
                    | "translation"
                    | "lang"
                    | "langs"
            )
        })
        || (name.starts_with("messages") && ext == "properties")
        || name.ends_with(".min.js")
        || name == "package-lock.json"
        || name == "yarn.lock"
}

fn ext_of(path: &str) -> String {
    let name = path.rsplit('/').next().unwrap_or(path);
    name.rsplit_once('.')
        .map_or(String::new(), |(_, e)| e.to_ascii_lowercase())
}

/// A CI pipeline definition.
pub fn is_ci_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    lower.starts_with(".github/workflows/")
        || lower.starts_with(".github/actions/")
        || lower == ".gitlab-ci.yml"
        || lower.starts_with(".gitlab/ci/")
        || lower.starts_with(".circleci/")
        || lower.starts_with(".buildkite/")
        || lower == "jenkinsfile"
        || lower.ends_with("/jenkinsfile")
        || lower == "azure-pipelines.yml"
        || lower == "bitbucket-pipelines.yml"
        || lower == ".travis.yml"
        || lower.starts_with(".ci/")
        || lower == "cloudbuild.yaml"
        || lower.starts_with(".woodpecker")
        || lower.starts_with(".drone")
}

fn is_migration_file(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let ext = ext_of(&lower);
    ext == "sql"
        || lower.ends_with("schema.prisma")
        || lower.split('/').any(|seg| {
            matches!(
                seg,
                "migrations"
                    | "migration"
                    | "migrate"
                    | "alembic"
                    | "flyway"
                    | "liquibase"
                    | "changelog"
                    | "changelogs"
            )
        })
}

fn is_code_file(path: &str) -> bool {
    const CODE: &[&str] = &[
        "py", "pyi", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "go", "java", "kt",
        "kts", "scala", "groovy", "rb", "php", "cs", "rs", "swift", "c", "cc", "cpp", "h", "hpp",
        "ex", "exs", "erl", "clj", "dart", "lua", "sh", "bash", "vue", "svelte",
    ];
    CODE.contains(&ext_of(path).as_str())
}

fn is_config_file(path: &str) -> bool {
    const CONFIG: &[&str] = &[
        "yml",
        "yaml",
        "toml",
        "json",
        "ini",
        "cfg",
        "conf",
        "properties",
        "env",
        "xml",
        "hcl",
        "tf",
        "tfvars",
    ];
    let name = path.rsplit('/').next().unwrap_or(path).to_ascii_lowercase();
    CONFIG.contains(&ext_of(path).as_str()) || name.starts_with(".env") || name == "dockerfile"
}

fn reads(files: FileClass, path: &str) -> bool {
    match files {
        FileClass::Any => true,
        FileClass::Code => is_code_file(path),
        FileClass::Config => is_config_file(path) && !is_ci_file(path),
        FileClass::Migration => is_migration_file(path),
        FileClass::Ci => is_ci_file(path),
    }
}

/// A line that is only a comment: code signals skip it.
fn is_comment(line: &str) -> bool {
    let t = line.trim_start();
    ["#", "//", "/*", "*", "--", "<!--"]
        .iter()
        .any(|c| t.starts_with(c))
        && !t.starts_with("#[")
        && !t.starts_with("#!")
}

/// `text` trimmed to at most 60 characters, for evidence.
pub fn short(text: &str) -> String {
    let t = text.trim();
    if t.chars().count() <= 60 {
        t.to_string()
    } else {
        format!("{}…", t.chars().take(59).collect::<String>())
    }
}

/// Classifies one changed file. `extra_paths` are GOVERNANCE paths the run knows
/// (the policy file, the baseline, the CI jobs that run authgate).
pub fn classify(
    change: &Change,
    signals: &[&Signal],
    governance_paths: &[String],
    areas: &mut Areas,
) {
    let mut push = |area: Area, evidence: AreaEvidence| {
        let list = areas.entry(area).or_default();
        if !list.iter().any(|e| {
            e.path == evidence.path
                && e.matched == evidence.matched
                && e.trigger == evidence.trigger
        }) {
            list.push(evidence);
        }
    };
    let paths: Vec<&str> = change
        .new_path
        .iter()
        .chain(change.old_path.iter())
        .map(String::as_str)
        .collect();
    for path in &paths {
        if governance_paths.iter().any(|g| g == path) {
            push(
                Area::Governance,
                AreaEvidence {
                    path: path.to_string(),
                    line: None,
                    side: "path",
                    trigger: "path",
                    matched: format!("{path} (governs this gate)"),
                    policy_line: None,
                },
            );
        }
    }
    for signal in signals {
        if signal.kind == SignalKind::Path {
            if let (Some(glob), Some(text)) = (&signal.path, &signal.path_text) {
                if let Some(path) = paths.iter().find(|p| glob.is_match(p)) {
                    push(
                        signal.area,
                        AreaEvidence {
                            path: path.to_string(),
                            line: None,
                            side: "path",
                            trigger: SignalKind::Path.as_str(),
                            matched: short(text),
                            policy_line: signal.policy_line,
                        },
                    );
                }
            }
            continue;
        }
        let Some(pattern) = &signal.pattern else {
            continue;
        };
        let sides = [
            ("added", change.new_path.as_deref(), &change.added),
            ("removed", change.old_path.as_deref(), &change.removed),
        ];
        for (side, path, lines) in sides {
            let Some(path) = path else { continue };
            if is_lookalike_file(path) || !reads(signal.files, path) {
                continue;
            }
            if signal.path.as_ref().is_some_and(|g| !g.is_match(path)) {
                continue;
            }
            // Suppression markers count where they are added: removing one tightens the gate.
            if signal.kind == SignalKind::Marker && side == "removed" {
                continue;
            }
            let code = matches!(
                signal.kind,
                SignalKind::Import | SignalKind::Call | SignalKind::Identifier
            );
            // Tests do not ship: their code does not make a change an identity change
            // (the negative-test check reads them instead).
            if code && crate::scan::is_test_path(path) {
                continue;
            }
            for line in lines.iter() {
                if code && is_comment(&line.text) {
                    continue;
                }
                if let Some(m) = pattern.find(&line.text) {
                    push(
                        signal.area,
                        AreaEvidence {
                            path: path.to_string(),
                            line: Some(line.number),
                            side,
                            trigger: signal.kind.as_str(),
                            matched: short(m.as_str()),
                            policy_line: signal.policy_line,
                        },
                    );
                }
            }
        }
    }
}

/// Keeps at most [`MAX_EVIDENCE`] pieces per area, ordered by path and line.
pub fn trim(areas: &mut Areas) -> BTreeMap<Area, usize> {
    let mut omitted = BTreeMap::new();
    for (area, list) in areas.iter_mut() {
        list.sort();
        if list.len() > MAX_EVIDENCE {
            omitted.insert(*area, list.len() - MAX_EVIDENCE);
            list.truncate(MAX_EVIDENCE);
        }
    }
    omitted
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::review::git::{Line, Status};

    fn change(path: &str, added: &[&str]) -> Change {
        Change {
            status: Status::Modified,
            old_path: Some(path.to_string()),
            new_path: Some(path.to_string()),
            removed: vec![],
            added: added
                .iter()
                .enumerate()
                .map(|(i, t)| Line {
                    number: i + 1,
                    text: t.to_string(),
                })
                .collect(),
            hunks: vec![(1, added.len())],
            not_read: None,
        }
    }

    fn areas_of(path: &str, added: &[&str]) -> Vec<Area> {
        let signals: Vec<&Signal> = crate::review::signals::builtin().iter().collect();
        let mut areas = Areas::new();
        classify(&change(path, added), &signals, &[], &mut areas);
        areas.into_keys().collect()
    }

    #[test]
    fn identity_code_is_classified_with_evidence() {
        assert_eq!(
            areas_of(
                "app/auth.py",
                &[
                    "import jwt",
                    "claims = jwt.decode(t, key, algorithms=['RS256'])"
                ]
            ),
            vec![Area::Token]
        );
        assert_eq!(
            areas_of(
                "src/login.ts",
                &["const ok = await bcrypt.compare(pw, user.hash);"]
            ),
            vec![Area::Password]
        );
        assert_eq!(
            areas_of(
                "db/migrations/0042_users.sql",
                &["ALTER TABLE users ADD COLUMN mfa_secret text;"]
            ),
            vec![Area::IdentityMigration]
        );
        assert_eq!(
            areas_of(
                ".github/workflows/deploy.yml",
                &["      AWS_SECRET: ${{ secrets.AWS_KEY }}"]
            ),
            vec![Area::CiCredentials]
        );
    }

    #[test]
    fn look_alikes_stay_unclassified() {
        assert!(areas_of(
            "src/api/list.ts",
            &["const { items, nextPageToken } = await fetchPage(pageToken);"]
        )
        .is_empty());
        assert!(areas_of("src/locales/en.json", &["\"password\": \"Password\","]).is_empty());
        assert!(areas_of("web/styles/login.css", &[".password-field { color: red; }"]).is_empty());
        assert!(areas_of("src/app.py", &["# the session cookie is set elsewhere"]).is_empty());
        assert!(areas_of(
            "src/db.py",
            &["db.session.add(item)", "db.session.commit()"]
        )
        .is_empty());
    }
}

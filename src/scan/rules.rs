//! Rules are data: one ast-grep YAML file per rule, authgate's own fields under
//! `metadata`. This module loads the embedded pack and user directories into a
//! [`RuleSet`] that the engine matches in parallel.

use crate::finding::{is_control, RuleKind, Severity};
use crate::scan::conditions::{parse_conditions, Condition};
use crate::scan::lang::{supported_names, Lang};
use crate::scan::secrets::{Detector, DetectorSpec};
use ast_grep_config::{GlobalRules, RuleConfig, SerializableRuleConfig, Severity as AgSeverity};
use ast_grep_language::SupportLang;
use include_dir::{include_dir, Dir};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The rule pack shipped inside the binary.
static BUILTIN_RULES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// Rule fixtures shipped inside the binary, for `rules explain` examples.
static RULE_FIXTURES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/tests/fixtures/rules");

#[derive(Debug, thiserror::Error)]
pub enum RuleLoadError {
    #[error("{path}: cannot read rule file: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: String, message: String },
}

fn invalid(path: &str, message: impl Into<String>) -> RuleLoadError {
    RuleLoadError::Invalid {
        path: path.to_string(),
        message: message.into(),
    }
}

/// authgate's fields of a rule, read from its `metadata` mapping.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetadataFields {
    severity: Severity,
    control: String,
    kind: RuleKind,
    #[serde(default)]
    cwe: Vec<String>,
    #[serde(default)]
    asvs: Vec<String>,
    #[serde(default)]
    references: Vec<String>,
    #[serde(default)]
    keywords: Vec<String>,
    /// A second prefilter group: the rule runs only on files that also contain one of
    /// these (a logging rule needs a log call *and* a secret's name).
    #[serde(default)]
    context_keywords: Vec<String>,
    fix_text: Option<String>,
    /// Metavariables whose matched text is a secret, redacted in every output.
    #[serde(default)]
    redact: Vec<String>,
    /// Conditions decided after the walk (see `conditions.rs`).
    #[serde(rename = "where")]
    where_: Option<serde_json::Value>,
}

/// Where a rule came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "type", content = "path")]
pub enum RuleOrigin {
    Builtin(String),
    User(String),
}

impl RuleOrigin {
    pub fn path(&self) -> &str {
        match self {
            RuleOrigin::Builtin(p) | RuleOrigin::User(p) => p,
        }
    }
}

/// What a rule matches: a grammar (ast-grep), or lines of text (regex).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RuleLanguage {
    Code(Lang),
    /// Files without a grammar here (SQL, Prisma schemas, CI YAML): a regex per file.
    Text,
    /// Secret detectors: a regex over every text file.
    Secret,
}

impl RuleLanguage {
    pub fn name(self) -> &'static str {
        match self {
            RuleLanguage::Code(lang) => lang.name(),
            RuleLanguage::Text => "text",
            RuleLanguage::Secret => "secret",
        }
    }

    /// The folder under `rules/` and the column of the docs matrix.
    pub fn family(self) -> &'static str {
        match self {
            RuleLanguage::Code(lang) => lang.family().name(),
            RuleLanguage::Text => "text",
            RuleLanguage::Secret => "secrets",
        }
    }
}

impl Serialize for RuleLanguage {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// A text rule: a regex over the files its globs select.
pub struct TextRule {
    pub meta: Arc<RuleMeta>,
    pub files: globset::GlobSet,
    pub file_globs: Vec<String>,
    pub regex: regex::Regex,
    /// Case-insensitive keyword check before the regex runs.
    pub keywords: Option<aho_corasick::AhoCorasick>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TextRuleSpec {
    id: String,
    #[allow(dead_code)]
    language: String,
    /// Globs (relative paths) of the files the rule reads.
    files: Vec<String>,
    /// A regular expression; `(?i)` and friends allowed. Matches may span lines.
    regex: String,
    message: String,
    note: Option<String>,
    /// ast-grep's severity, kept for symmetry; `off` disables the rule.
    severity: Option<String>,
    metadata: Option<serde_json::Value>,
}

/// Everything a report or a doc page needs to know about a rule.
#[derive(Debug, Clone, Serialize)]
pub struct RuleMeta {
    pub id: String,
    pub language: RuleLanguage,
    pub message: String,
    pub note: String,
    pub severity: Severity,
    pub control: String,
    pub kind: RuleKind,
    pub cwe: Vec<String>,
    pub asvs: Vec<String>,
    pub references: Vec<String>,
    pub keywords: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub context_keywords: Vec<String>,
    pub fix_text: Option<String>,
    #[serde(skip)]
    pub redact: Vec<String>,
    pub origin: RuleOrigin,
    /// Whether the rule carries a real ast-grep `fix`.
    pub has_autofix: bool,
    /// The regex of a text rule or secret detector, for its documentation.
    pub pattern: Option<String>,
    /// `metadata.where`: conditions on resolved values, facts and the whole project.
    #[serde(skip)]
    pub conditions: Vec<Condition>,
}

impl RuleMeta {
    /// A rule implemented in Rust rather than YAML (e.g. governance of suppressions).
    pub fn internal(
        id: &str,
        control: &str,
        severity: Severity,
        message: &str,
        note: &str,
        fix_text: &str,
    ) -> RuleMeta {
        RuleMeta {
            id: id.to_string(),
            language: RuleLanguage::Text,
            message: message.to_string(),
            note: note.to_string(),
            severity,
            control: control.to_string(),
            kind: RuleKind::Flaw,
            cwe: vec![],
            asvs: vec![],
            references: vec![],
            keywords: vec![],
            context_keywords: vec![],
            fix_text: Some(fix_text.to_string()),
            redact: vec![],
            origin: RuleOrigin::Builtin(String::new()),
            has_autofix: false,
            pattern: None,
            conditions: vec![],
        }
    }

    /// Fixture files for this rule (`bad.*`, `good.*`), for documentation.
    pub fn fixtures(&self) -> Vec<(String, String)> {
        let Some(dir) = RULE_FIXTURES.get_dir(&self.id) else {
            return vec![];
        };
        let mut files: Vec<(String, String)> = dir
            .files()
            .filter_map(|f| {
                let name = f.path().file_name()?.to_str()?.to_string();
                Some((name, f.contents_utf8()?.to_string()))
            })
            .collect();
        files.sort();
        files
    }
}

/// One compiled matcher: a rule for one grammar (a JavaScript rule yields three).
pub struct CompiledRule {
    pub meta: Arc<RuleMeta>,
    pub lang: Lang,
    pub config: RuleConfig<SupportLang>,
}

/// All loaded rules, indexed for matching.
#[derive(Default)]
pub struct RuleSet {
    pub compiled: Vec<CompiledRule>,
    pub text_rules: Vec<TextRule>,
    pub secrets: Vec<Detector>,
    /// One entry per rule id, in id order.
    pub metas: BTreeMap<String, Arc<RuleMeta>>,
    /// When set, code rules are compiled only for these grammars (their metadata is
    /// still loaded): `authgate review` knows the languages of the change.
    only_langs: Option<Vec<Lang>>,
}

impl RuleSet {
    /// The embedded pack.
    pub fn builtin() -> Result<RuleSet, RuleLoadError> {
        RuleSet::builtin_for(None)
    }

    /// The embedded pack, with code rules compiled only for `langs` when given.
    /// Files are parsed and compiled on up to four threads (regex and pattern
    /// compilation is most of authgate's start-up); the result is the same as a
    /// sequential load, in the same order.
    pub fn builtin_for(langs: Option<&[Lang]>) -> Result<RuleSet, RuleLoadError> {
        let mut files: Vec<_> = Vec::new();
        collect_embedded(&BUILTIN_RULES, &mut files);
        // The library catalogue and advisories are data of the LIBS check, not rules.
        files.retain(|(path, _)| !is_library_data(path));
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let threads = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .clamp(1, 4);
        let chunk = files.len().div_ceil(threads).max(1);
        let only = langs.map(<[Lang]>::to_vec);
        let parts: Vec<Result<RuleSet, RuleLoadError>> = std::thread::scope(|scope| {
            let handles: Vec<_> = files
                .chunks(chunk)
                .map(|part| {
                    let only = only.clone();
                    scope.spawn(move || {
                        let mut set = RuleSet {
                            only_langs: only,
                            ..RuleSet::default()
                        };
                        for (path, text) in part {
                            let display = format!("rules/{path}");
                            set.add_yaml(text, RuleOrigin::Builtin(display))?;
                        }
                        Ok(set)
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| h.join().expect("rule loading does not panic"))
                .collect()
        });
        let mut set = RuleSet {
            only_langs: only,
            ..RuleSet::default()
        };
        for part in parts {
            set.merge(part?)?;
        }
        set.check_references()?;
        Ok(set)
    }

    /// Appends the rules of `other`, loaded separately.
    fn merge(&mut self, other: RuleSet) -> Result<(), RuleLoadError> {
        for (id, meta) in other.metas {
            if self.metas.contains_key(&id) {
                return Err(invalid(
                    meta.origin.path(),
                    format!("rule id `{id}` is defined twice"),
                ));
            }
            self.metas.insert(id, meta);
        }
        self.compiled.extend(other.compiled);
        self.text_rules.extend(other.text_rules);
        self.secrets.extend(other.secrets);
        Ok(())
    }

    /// Adds every `*.yml`/`*.yaml` file below `dir` (sorted, recursively).
    pub fn add_dir(&mut self, dir: &Path) -> Result<(), RuleLoadError> {
        let mut paths = Vec::new();
        collect_yaml_files(dir, &mut paths).map_err(|source| RuleLoadError::Io {
            path: dir.display().to_string(),
            source,
        })?;
        if paths.is_empty() {
            return Err(invalid(
                &dir.display().to_string(),
                "rule directory contains no .yml or .yaml files",
            ));
        }
        paths.sort();
        for path in paths {
            let display = path.display().to_string();
            let text = std::fs::read_to_string(&path).map_err(|source| RuleLoadError::Io {
                path: display.clone(),
                source,
            })?;
            self.add_yaml(&text, RuleOrigin::User(display))?;
        }
        Ok(())
    }

    /// Parses one rule file and compiles it for every grammar it targets.
    pub fn add_yaml(&mut self, text: &str, origin: RuleOrigin) -> Result<(), RuleLoadError> {
        let path = origin.path().to_string();
        let generic: Vec<serde_json::Value> = ast_grep_config::from_multiple(text)
            .map_err(|e| invalid(&path, format!("not valid YAML: {e}")))?;
        match (
            generic.len(),
            generic
                .first()
                .and_then(|d| d.get("language"))
                .and_then(|l| l.as_str()),
        ) {
            (1, Some("text")) => {
                return self
                    .add_text_rule(generic.into_iter().next().expect("one document"), origin)
            }
            (1, Some("secret")) => {
                return self.add_detector(generic.into_iter().next().expect("one document"), origin)
            }
            _ => {}
        }
        let mut docs: Vec<SerializableRuleConfig<SupportLang>> =
            ast_grep_config::from_multiple(text)
                .map_err(|e| invalid(&path, format!("not a valid ast-grep rule: {e}")))?;
        let serializable = match docs.len() {
            1 => docs.remove(0),
            0 => return Err(invalid(&path, "the file contains no rule")),
            n => {
                return Err(invalid(
                    &path,
                    format!("holds {n} rules; authgate expects one rule per file"),
                ))
            }
        };
        if serializable.severity == AgSeverity::Off {
            return Ok(());
        }
        let meta = read_meta(&serializable, &path, origin.clone())?;
        if self.metas.contains_key(&meta.id) {
            return Err(invalid(
                &path,
                format!("rule id `{}` is defined twice", meta.id),
            ));
        }
        let meta = Arc::new(meta);
        let RuleLanguage::Code(language) = meta.language else {
            unreachable!("ast-grep rules have a grammar");
        };
        for &target in language.rule_targets() {
            if self
                .only_langs
                .as_ref()
                .is_some_and(|only| !only.contains(&target))
            {
                continue;
            }
            let mut per_lang = serializable.clone();
            per_lang.language = target.support_lang();
            let config = RuleConfig::try_from(per_lang, &GlobalRules::default()).map_err(|e| {
                let mut message = format!("rule `{}` does not compile for {target}: {e}", meta.id);
                let mut source = std::error::Error::source(&e);
                while let Some(inner) = source {
                    message.push_str(&format!(": {inner}"));
                    source = inner.source();
                }
                if matches!(e, ast_grep_config::RuleConfigError::MissingPotentialKinds) {
                    message.push_str(" (a pattern with a syntax error also causes this; check the pattern parses as code)");
                }
                invalid(&path, message)
            })?;
            let defined = config.matcher.defined_vars();
            if let Some(var) = meta
                .conditions
                .iter()
                .filter_map(Condition::var)
                .find(|v| !defined.contains(v))
            {
                return Err(invalid(
                    &path,
                    format!("field `metadata.where`: `{var}` is not a metavariable of the rule (write it without `$`)"),
                ));
            }
            self.compiled.push(CompiledRule {
                meta: meta.clone(),
                lang: target,
                config,
            });
        }
        self.metas.insert(meta.id.clone(), meta);
        Ok(())
    }

    fn add_text_rule(
        &mut self,
        value: serde_json::Value,
        origin: RuleOrigin,
    ) -> Result<(), RuleLoadError> {
        let path = origin.path().to_string();
        let spec: TextRuleSpec = serde_path_to_error::deserialize(value).map_err(|e| {
            let field = e.path().to_string();
            invalid(&path, format!("field `{field}`: {}", e.inner()))
        })?;
        if spec.severity.as_deref() == Some("off") {
            return Ok(());
        }
        let common = CommonFields {
            id: &spec.id,
            message: &spec.message,
            note: spec.note.as_deref(),
            metadata: spec.metadata,
            has_autofix: false,
        };
        let mut meta = build_meta(common, RuleLanguage::Text, &path, origin)?;
        meta.pattern = Some(spec.regex.clone());
        // Conditions read the regex's named groups; request data means nothing here.
        if meta
            .conditions
            .iter()
            .any(|c| matches!(c, Condition::From { .. } | Condition::Literal { .. }))
        {
            return Err(invalid(
                &path,
                "field `metadata.where`: text rules take `matches`, `not-matches`, `policy`, `project` and `dependency` conditions only",
            ));
        }
        if self.metas.contains_key(&meta.id) {
            return Err(invalid(
                &path,
                format!("rule id `{}` is defined twice", meta.id),
            ));
        }
        if spec.files.is_empty() {
            return Err(invalid(
                &path,
                "field `files`: a text rule needs at least one glob",
            ));
        }
        let mut globs = globset::GlobSetBuilder::new();
        for glob in &spec.files {
            globs.add(
                globset::Glob::new(glob)
                    .map_err(|e| invalid(&path, format!("field `files`: {e}")))?,
            );
        }
        let files = globs
            .build()
            .map_err(|e| invalid(&path, format!("field `files`: {e}")))?;
        let regex = regex::RegexBuilder::new(&spec.regex)
            .multi_line(true)
            .size_limit(1 << 22)
            .build()
            .map_err(|e| invalid(&path, format!("field `regex`: {e}")))?;
        let groups: Vec<&str> = regex.capture_names().flatten().collect();
        if let Some(var) = meta
            .conditions
            .iter()
            .filter_map(Condition::var)
            .find(|v| !groups.contains(v))
        {
            return Err(invalid(
                &path,
                format!("field `metadata.where`: `{var}` is not a named group `(?P<{var}>…)` of the regex"),
            ));
        }
        let keywords = (!meta.keywords.is_empty()).then(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(&meta.keywords)
                .expect("keywords are plain strings")
        });
        let meta = Arc::new(meta);
        self.metas.insert(meta.id.clone(), meta.clone());
        self.text_rules.push(TextRule {
            meta,
            files,
            file_globs: spec.files,
            regex,
            keywords,
        });
        Ok(())
    }

    fn add_detector(
        &mut self,
        value: serde_json::Value,
        origin: RuleOrigin,
    ) -> Result<(), RuleLoadError> {
        let path = origin.path().to_string();
        let spec: DetectorSpec = serde_path_to_error::deserialize(value).map_err(|e| {
            let field = e.path().to_string();
            invalid(&path, format!("field `{field}`: {}", e.inner()))
        })?;
        self.add_detector_spec(spec, origin)
    }

    /// Adds a detector built elsewhere (a gitleaks rule).
    pub(crate) fn add_detector_spec(
        &mut self,
        spec: DetectorSpec,
        origin: RuleOrigin,
    ) -> Result<(), RuleLoadError> {
        let path = origin.path().to_string();
        if spec.severity.as_deref() == Some("off") {
            return Ok(());
        }
        let common = CommonFields {
            id: &spec.id,
            message: &spec.message,
            note: spec.note.as_deref(),
            metadata: spec.metadata.clone(),
            has_autofix: false,
        };
        let mut meta = build_meta(common, RuleLanguage::Secret, &path, origin)?;
        meta.pattern = Some(spec.regex.clone());
        if !meta.conditions.is_empty() {
            return Err(invalid(
                &path,
                "field `metadata.where`: secret detectors take no conditions",
            ));
        }
        if self.metas.contains_key(&meta.id) {
            return Err(invalid(
                &path,
                format!("rule id `{}` is defined twice", meta.id),
            ));
        }
        let meta = Arc::new(meta);
        let detector = Detector::compile(&spec, meta.clone()).map_err(|e| invalid(&path, e))?;
        self.metas.insert(meta.id.clone(), meta);
        self.secrets.push(detector);
        Ok(())
    }

    /// Checks that `project` conditions name rules that exist.
    pub fn check_references(&self) -> Result<(), RuleLoadError> {
        for meta in self.metas.values() {
            for condition in &meta.conditions {
                if let Condition::Project { rule, .. } = condition {
                    if !self.metas.contains_key(rule) {
                        return Err(invalid(
                            meta.origin.path(),
                            format!(
                                "field `metadata.where`: `project` names unknown rule `{rule}`"
                            ),
                        ));
                    }
                }
            }
        }
        Ok(())
    }

    /// The rule behind a match index: compiled ast-grep rules first, then text rules,
    /// then secret detectors.
    pub fn meta_of(&self, index: usize) -> &Arc<RuleMeta> {
        let text = self.compiled.len();
        let secrets = text + self.text_rules.len();
        if index < text {
            &self.compiled[index].meta
        } else if index < secrets {
            &self.text_rules[index - text].meta
        } else {
            &self.secrets[index - secrets].meta
        }
    }

    /// Keeps only the secret detectors (`scan --secrets-only`).
    pub fn retain_secrets(&mut self) {
        self.compiled.clear();
        self.text_rules.clear();
        let keep: HashSet<String> = self.secrets.iter().map(|d| d.meta.id.clone()).collect();
        self.metas.retain(|id, _| keep.contains(id));
    }

    /// The match index of secret detector `detector` (see [`RuleSet::meta_of`]).
    pub fn secret_index(&self, detector: usize) -> usize {
        self.compiled.len() + self.text_rules.len() + detector
    }

    /// The secret detector behind a match index, if it is one.
    pub fn detector_of(&self, index: usize) -> Option<&Detector> {
        index
            .checked_sub(self.compiled.len() + self.text_rules.len())
            .and_then(|i| self.secrets.get(i))
    }

    pub fn get(&self, id: &str) -> Option<&Arc<RuleMeta>> {
        self.metas.get(id)
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }
}

/// The fields every rule has, whatever its engine.
struct CommonFields<'a> {
    id: &'a str,
    message: &'a str,
    note: Option<&'a str>,
    metadata: Option<serde_json::Value>,
    has_autofix: bool,
}

fn read_meta(
    rule: &SerializableRuleConfig<SupportLang>,
    path: &str,
    origin: RuleOrigin,
) -> Result<RuleMeta, RuleLoadError> {
    let language = Lang::ALL
        .into_iter()
        .find(|l| l.support_lang() == rule.language)
        .ok_or_else(|| {
            invalid(
                path,
                format!(
                    "field `language`: `{}` is not a language authgate parses (supported: {}, text)",
                    rule.language,
                    supported_names()
                ),
            )
        })?;
    let metadata = rule
        .metadata
        .as_ref()
        .map(serde_json::to_value)
        .transpose()
        .map_err(|e| invalid(path, format!("field `metadata`: {e}")))?;
    let common = CommonFields {
        id: &rule.id,
        message: &rule.message,
        note: rule.note.as_deref(),
        metadata,
        has_autofix: rule.fix.is_some(),
    };
    build_meta(common, RuleLanguage::Code(language), path, origin)
}

fn build_meta(
    rule: CommonFields<'_>,
    language: RuleLanguage,
    path: &str,
    origin: RuleOrigin,
) -> Result<RuleMeta, RuleLoadError> {
    let id = rule.id.to_string();
    if !is_kebab_case(&id) {
        return Err(invalid(
            path,
            format!("field `id`: `{id}` must be kebab-case (lowercase words joined by `-`)"),
        ));
    }
    if rule.message.trim().is_empty() {
        return Err(invalid(
            path,
            "field `message` is required: one line saying what is wrong",
        ));
    }
    let note = rule
        .note
        .filter(|n| !n.trim().is_empty())
        .ok_or_else(|| invalid(path, "field `note` is required: why this matters"))?;
    let value = rule.metadata.ok_or_else(|| {
        invalid(
            path,
            "field `metadata` is required (severity, control, kind)",
        )
    })?;
    let fields: MetadataFields = serde_path_to_error::deserialize(value).map_err(|e| {
        let field = e.path().to_string();
        let name = if field == "." {
            "metadata".to_string()
        } else {
            format!("metadata.{field}")
        };
        invalid(path, format!("field `{name}`: {}", e.inner()))
    })?;
    let conditions = match fields.where_ {
        Some(value) => parse_conditions(value).map_err(|e| invalid(path, e))?,
        None => vec![],
    };
    if !is_control(&fields.control) {
        return Err(invalid(
            path,
            format!("field `metadata.control`: `{}` is not a control id (see `authgate rules controls`)", fields.control),
        ));
    }
    for cwe in &fields.cwe {
        let ok = cwe
            .strip_prefix("CWE-")
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if !ok {
            return Err(invalid(
                path,
                format!("field `metadata.cwe`: `{cwe}` must look like `CWE-347`"),
            ));
        }
    }
    if !fields.context_keywords.is_empty() && fields.keywords.is_empty() {
        return Err(invalid(
            path,
            "field `metadata.context_keywords` narrows `keywords`, which is empty".to_string(),
        ));
    }
    if let Some(empty) = fields
        .keywords
        .iter()
        .chain(&fields.context_keywords)
        .find(|k| k.trim().is_empty())
    {
        return Err(invalid(
            path,
            format!("field `metadata.keywords`: empty keyword `{empty}`"),
        ));
    }
    Ok(RuleMeta {
        id,
        language,
        message: rule.message.trim().to_string(),
        note: note.trim().to_string(),
        severity: fields.severity,
        control: fields.control,
        kind: fields.kind,
        cwe: fields.cwe,
        asvs: fields.asvs,
        references: fields.references,
        keywords: fields.keywords,
        context_keywords: fields.context_keywords,
        fix_text: fields.fix_text.map(|t| t.trim().to_string()),
        redact: fields
            .redact
            .iter()
            .map(|v| v.trim_start_matches('$').to_string())
            .collect(),
        origin,
        has_autofix: rule.has_autofix,
        pattern: None,
        conditions,
    })
}

pub fn is_kebab_case(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|w| {
            !w.is_empty()
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The embedded `rules/libraries.yml` and `rules/advisories/*.yml`: (path, text).
pub fn library_data_files() -> Vec<(String, String)> {
    let mut files = Vec::new();
    collect_embedded(&BUILTIN_RULES, &mut files);
    files.retain(|(path, _)| is_library_data(path));
    files.sort();
    files
}

/// `rules/libraries.yml` and `rules/advisories/`: read by the library check.
pub fn is_library_data(path: &str) -> bool {
    path == "libraries.yml" || path.starts_with("advisories/")
}

fn collect_embedded(dir: &'static Dir<'static>, out: &mut Vec<(String, String)>) {
    for file in dir.files() {
        let path = file.path();
        if is_yaml(path) {
            if let Some(text) = file.contents_utf8() {
                out.push((
                    path.display().to_string().replace('\\', "/"),
                    text.to_string(),
                ));
            }
        }
    }
    for sub in dir.dirs() {
        collect_embedded(sub, out);
    }
}

fn collect_yaml_files(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    let mut seen = HashSet::new();
    collect_yaml_files_inner(dir, out, &mut seen)
}

fn collect_yaml_files_inner(
    dir: &Path,
    out: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
) -> std::io::Result<()> {
    // Canonical paths guard against symlink loops in user rule directories.
    if !seen.insert(dir.canonicalize()?) {
        return Ok(());
    }
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let file_type = std::fs::metadata(&path)?.file_type();
        if file_type.is_dir() {
            collect_yaml_files_inner(&path, out, seen)?;
        } else if file_type.is_file() && is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yml" | "yaml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(yaml: &str) -> Result<RuleSet, RuleLoadError> {
        let mut set = RuleSet::default();
        set.add_yaml(yaml, RuleOrigin::User("test.yml".into()))?;
        Ok(set)
    }

    const GOOD: &str = r#"
id: demo-rule
language: javascript
rule:
  pattern: eval($X)
message: eval is bad
note: because
metadata:
  severity: high
  control: CRYPTO
  kind: flaw
  cwe: [CWE-95]
  keywords: [eval]
"#;

    #[test]
    fn javascript_rules_are_cloned_for_typescript_and_tsx() {
        let set = load(GOOD).unwrap();
        let langs: Vec<Lang> = set.compiled.iter().map(|c| c.lang).collect();
        assert_eq!(langs, vec![Lang::JavaScript, Lang::TypeScript, Lang::Tsx]);
        assert_eq!(set.metas.len(), 1);
    }

    #[test]
    fn errors_name_the_file_and_field() {
        let cases = [
            (
                GOOD.replace("control: CRYPTO", "control: NOPE"),
                "metadata.control",
            ),
            (
                GOOD.replace("severity: high", "severity: severe"),
                "metadata",
            ),
            (
                GOOD.replace("language: javascript", "language: rust"),
                "field `language`",
            ),
            (GOOD.replace("id: demo-rule", "id: Demo_Rule"), "field `id`"),
            (GOOD.replace("note: because\n", ""), "field `note`"),
            (GOOD.replace("cwe: [CWE-95]", "cwe: [95]"), "metadata.cwe"),
            (
                GOOD.replace("keywords: [eval]", "keywords: [eval]\n  where: {}"),
                "metadata.where",
            ),
            (
                GOOD.replace("  kind: flaw\n", "  kind: flaw\n  colour: red\n"),
                "unknown field `colour`",
            ),
            (GOOD.replace("message:", "mesage:"), "mesage"),
            (
                GOOD.replace("pattern: eval($X)", "pattern: 'eval($X'"),
                "does not compile",
            ),
        ];
        for (yaml, expected) in cases {
            let err = load(&yaml).err().expect(expected).to_string();
            assert!(err.starts_with("test.yml: "), "{err}");
            assert!(err.contains(expected), "expected `{expected}` in: {err}");
        }
    }

    #[test]
    fn text_rules_load_and_report_their_errors() {
        const TEXT: &str = "id: sql-thing\nlanguage: text\nfiles: ['**/*.sql']\nregex: '(?i)drop table'\nmessage: m\nnote: n\nmetadata:\n  severity: low\n  control: CRED-REVOKE\n  kind: flaw\n  keywords: [drop]\n";
        let set = load(TEXT).unwrap();
        assert_eq!(set.text_rules.len(), 1);
        assert_eq!(set.metas["sql-thing"].language, RuleLanguage::Text);
        let cases = [
            (
                TEXT.replace("files: ['**/*.sql']", "files: []"),
                "field `files`",
            ),
            (
                TEXT.replace("'(?i)drop table'", "'(unclosed'"),
                "field `regex`",
            ),
            (
                TEXT.replace("regex:", "pattern:"),
                "unknown field `pattern`",
            ),
            (
                TEXT.replace(
                    "  keywords: [drop]\n",
                    "  keywords: [drop]\n  where: [{value: X, matches: y}]\n",
                ),
                "`X` is not a named group",
            ),
            (
                TEXT.replace(
                    "  keywords: [drop]\n",
                    "  keywords: [drop]\n  where: [{value: X, from-request: true}]\n",
                ),
                "text rules take `matches`",
            ),
        ];
        for (yaml, expected) in cases {
            let err = load(&yaml).err().expect(expected).to_string();
            assert!(err.contains(expected), "expected `{expected}` in: {err}");
        }
    }

    #[test]
    fn severity_off_disables_a_rule() {
        let set = load(&GOOD.replace("note: because", "note: because\nseverity: off")).unwrap();
        assert!(set.is_empty());
    }

    #[test]
    fn builtin_pack_loads() {
        let set = RuleSet::builtin().unwrap();
        assert!(!set.is_empty());
    }
}

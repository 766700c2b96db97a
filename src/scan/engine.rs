//! Matching one file's source against the rules for its language.
//!
//! authgate does its own traversal instead of ast-grep's `CombinedScan`: that type
//! honours `ast-grep-ignore` comments, which would let anyone silence a finding
//! without the owner, reason and expiry that authgate's suppressions require.

use crate::finding::{RuleKind, Severity};
use crate::scan::lang::Lang;
use crate::scan::resolve::{resolve, Resolved};
use crate::scan::rules::{CompiledRule, RuleSet};
use crate::scan::secrets::{SecretMatch, SecretScanner};
use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use ast_grep_config::RuleConfig;
use ast_grep_core::matcher::{Matcher, MatcherExt};
use ast_grep_core::tree_sitter::LanguageExt;
use ast_grep_language::SupportLang;
use std::collections::HashMap;

/// A rule match before policy, suppressions and fingerprints are applied.
#[derive(Debug, Clone)]
pub struct RawMatch {
    /// Index of the rule, see [`RuleSet::meta_of`].
    pub rule: usize,
    pub start_line: usize,
    pub start_column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub text: String,
    pub message: String,
    /// Texts of metavariables the rule marks as secret.
    pub secrets: Vec<String>,
    /// Resolved values of the metavariables the rule's conditions read.
    pub bindings: Vec<(String, Resolved)>,
    /// Overrides the rule's severity (documented test keys are low).
    pub severity: Option<Severity>,
    /// For `kind: fact` rules: the text bound to `$NAME`.
    pub declared: Option<String>,
    /// Redact secrets without any prefix (generic `password = "…"` findings).
    pub hide_prefix: bool,
}

/// Per-language dispatch from a node kind to the rules that can match it, plus
/// the keyword prefilter.
pub struct Engine<'r> {
    rules: &'r RuleSet,
    /// For each language: kind id -> indexes of compiled rules.
    kind_index: HashMap<Lang, Vec<Vec<usize>>>,
    prefilter: Prefilter,
    pub secrets: SecretScanner<'r>,
}

impl<'r> Engine<'r> {
    pub fn new(rules: &'r RuleSet) -> Engine<'r> {
        let mut kind_index: HashMap<Lang, Vec<Vec<usize>>> = HashMap::new();
        for (idx, rule) in rules.compiled.iter().enumerate() {
            let mapping = kind_index.entry(rule.lang).or_default();
            // `RuleSet` refuses rules without potential kinds, so this is always Some.
            let kinds = rule.config.matcher.potential_kinds().unwrap_or_default();
            for kind in kinds.iter() {
                if mapping.len() <= kind {
                    mapping.resize(kind + 1, Vec::new());
                }
                mapping[kind].push(idx);
            }
        }
        Engine {
            rules,
            kind_index,
            prefilter: Prefilter::new(&rules.compiled),
            secrets: SecretScanner::new(&rules.secrets),
        }
    }

    /// Which compiled rules may match this file. With the prefilter on, a rule whose
    /// keywords do not occur in the text is left out; a file left with no rule is
    /// never parsed.
    pub fn candidates(&self, lang: Lang, text: &[u8], use_prefilter: bool) -> Vec<bool> {
        let mut wanted = vec![false; self.rules.compiled.len()];
        if use_prefilter {
            self.prefilter.mark(lang, text, &mut wanted);
        } else {
            for (idx, rule) in self.rules.compiled.iter().enumerate() {
                wanted[idx] = rule.lang == lang;
            }
        }
        wanted
    }

    /// Parses `text` and matches every wanted rule. Output is in document order.
    pub fn match_source(&self, lang: Lang, text: &str, wanted: &[bool]) -> Vec<RawMatch> {
        let Some(mapping) = self.kind_index.get(&lang) else {
            return vec![];
        };
        let root = lang.support_lang().ast_grep(text);
        let mut out = Vec::new();
        for node in root.root().dfs() {
            let Some(rule_ids) = mapping.get(node.kind_id() as usize) else {
                continue;
            };
            for &idx in rule_ids {
                if !wanted[idx] {
                    continue;
                }
                let compiled = &self.rules.compiled[idx];
                if let Some(matched) = compiled.config.matcher.match_node(node.clone()) {
                    out.push(raw_match(idx, compiled, &compiled.config, &matched));
                }
            }
        }
        out
    }
}

fn raw_match(
    idx: usize,
    compiled: &CompiledRule,
    config: &RuleConfig<SupportLang>,
    matched: &ast_grep_core::NodeMatch<'_, ast_grep_core::tree_sitter::StrDoc<SupportLang>>,
) -> RawMatch {
    // A rule that binds `$FOCUS` is reported at that node: the `csrf(...)` call of a
    // builder chain, not the chain's first line.
    let node = matched
        .get_env()
        .get_match("FOCUS")
        .unwrap_or_else(|| matched.get_node());
    let start = node.start_pos();
    let end = node.end_pos();
    let secrets = compiled
        .meta
        .redact
        .iter()
        .flat_map(|var| {
            let env = matched.get_env();
            // Only literals hold a secret's value; an identifier bound to the variable
            // (`jwt.sign(p, key)`) is a name, and masking it would mangle the output.
            fn literal(
                n: &ast_grep_core::Node<'_, ast_grep_core::tree_sitter::StrDoc<SupportLang>>,
            ) -> bool {
                n.kind().contains("string")
            }
            let single = env
                .get_match(var)
                .filter(|n| literal(n))
                .map(|n| n.text().to_string());
            let multi = env
                .get_multiple_matches(var)
                .into_iter()
                .filter(|n| literal(n))
                .map(|n| n.text().to_string());
            single.into_iter().chain(multi)
        })
        .map(|s| strip_quotes(&s).to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let mut bindings: Vec<(String, Resolved)> = Vec::new();
    for var in compiled.meta.conditions.iter().filter_map(|c| c.var()) {
        if bindings.iter().any(|(name, _)| name == var) {
            continue;
        }
        if let Some(bound) = matched.get_env().get_match(var) {
            bindings.push((var.to_string(), resolve(bound, compiled.lang)));
        }
    }
    RawMatch {
        rule: idx,
        bindings,
        start_line: start.line() + 1,
        start_column: start.column(node) + 1,
        end_line: end.line() + 1,
        end_column: end.column(node) + 1,
        text: node.text().to_string(),
        message: config.get_message(matched),
        secrets,
        severity: None,
        declared: (compiled.meta.kind == RuleKind::Fact)
            .then(|| {
                matched
                    .get_env()
                    .get_match("NAME")
                    .map(|n| n.text().to_string())
            })
            .flatten(),
        hide_prefix: false,
    }
}

/// The value inside a string literal's quotes, so redaction keeps the quotes and
/// shows a prefix of the secret itself.
fn strip_quotes(text: &str) -> &str {
    for quote in ["\"\"\"", "'''", "\"", "'", "`"] {
        if text.len() >= 2 * quote.len() && text.starts_with(quote) && text.ends_with(quote) {
            return &text[quote.len()..text.len() - quote.len()];
        }
    }
    text
}

/// Aho-Corasick automata over every rule's `metadata.keywords`.
struct Prefilter {
    /// Leftmost-first, so it can use a SIMD (Teddy) search: answers "any keyword?".
    any: Option<AhoCorasick>,
    /// Standard semantics with overlapping search: which keywords occur.
    automaton: Option<AhoCorasick>,
    /// Pattern index -> compiled rules that list the keyword.
    keyword_rules: Vec<Vec<usize>>,
    /// Pattern index -> compiled rules that list it as a context keyword.
    context_rules: Vec<Vec<usize>>,
    /// Compiled rules that need a context keyword as well.
    needs_context: Vec<usize>,
    /// Compiled rules with no keywords: they run on every file of their language.
    always: Vec<usize>,
    langs: Vec<Lang>,
}

impl Prefilter {
    fn new(compiled: &[CompiledRule]) -> Prefilter {
        let mut keywords: Vec<String> = Vec::new();
        let mut keyword_rules: Vec<Vec<usize>> = Vec::new();
        let mut context_rules: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        let mut needs_context = Vec::new();
        let mut position = |keyword: &String, keywords: &mut Vec<String>| match keywords
            .iter()
            .position(|k| k == keyword)
        {
            Some(pos) => pos,
            None => {
                keywords.push(keyword.clone());
                keyword_rules.push(vec![]);
                context_rules.push(vec![]);
                keywords.len() - 1
            }
        };
        let mut by_keyword: Vec<(usize, usize)> = Vec::new();
        let mut by_context: Vec<(usize, usize)> = Vec::new();
        for (idx, rule) in compiled.iter().enumerate() {
            if rule.meta.keywords.is_empty() {
                always.push(idx);
            }
            if !rule.meta.context_keywords.is_empty() {
                needs_context.push(idx);
            }
            for keyword in &rule.meta.keywords {
                by_keyword.push((position(keyword, &mut keywords), idx));
            }
            for keyword in &rule.meta.context_keywords {
                by_context.push((position(keyword, &mut keywords), idx));
            }
        }
        for (pos, idx) in by_keyword {
            keyword_rules[pos].push(idx);
        }
        for (pos, idx) in by_context {
            context_rules[pos].push(idx);
        }
        let any = (!keywords.is_empty()).then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                // Past a few dozen keywords no SIMD searcher applies, and the default
                // NFA walks every byte several times slower than a DFA does.
                .kind(Some(AhoCorasickKind::DFA))
                .build(&keywords)
                .expect("keywords are plain strings")
        });
        let automaton = (!keywords.is_empty()).then(|| {
            AhoCorasick::builder()
                .kind(Some(AhoCorasickKind::DFA))
                .build(&keywords)
                .expect("keywords are plain strings")
        });
        Prefilter {
            any,
            automaton,
            keyword_rules,
            context_rules,
            needs_context,
            always,
            langs: compiled.iter().map(|c| c.lang).collect(),
        }
    }

    fn mark(&self, lang: Lang, text: &[u8], wanted: &mut [bool]) {
        for &idx in &self.always {
            wanted[idx] = self.langs[idx] == lang;
        }
        let (Some(any), Some(automaton)) = (&self.any, &self.automaton) else {
            return;
        };
        // Most files contain no keyword at all: answer that with one fast search.
        if !any.is_match(text) {
            return;
        }
        let mut seen = vec![false; self.keyword_rules.len()];
        let mut remaining = seen.len();
        let mut context = vec![false; wanted.len()];
        // Overlapping search: one keyword may be a prefix of another.
        for hit in automaton.find_overlapping_iter(text) {
            let pattern = hit.pattern().as_usize();
            if seen[pattern] {
                continue;
            }
            seen[pattern] = true;
            remaining -= 1;
            for &idx in &self.keyword_rules[pattern] {
                if self.langs[idx] == lang {
                    wanted[idx] = true;
                }
            }
            for &idx in &self.context_rules[pattern] {
                context[idx] = true;
            }
            if remaining == 0 {
                break;
            }
        }
        // A rule with context keywords needs one of each group.
        for &idx in &self.needs_context {
            wanted[idx] &= context[idx];
        }
    }
}

/// Runs the text rules that select `rel` over `text`. Indexes continue after the
/// compiled ast-grep rules (see [`RuleSet::meta_of`]).
pub fn match_text_rules(
    rules: &RuleSet,
    rel: &str,
    text: &str,
    use_prefilter: bool,
) -> Vec<RawMatch> {
    let lines = LineIndex::new(text);
    let position = |offset: usize| lines.position(text, offset);
    let mut out = Vec::new();
    for (i, rule) in rules.text_rules.iter().enumerate() {
        if !rule.files.is_match(rel) {
            continue;
        }
        if use_prefilter && rule.keywords.as_ref().is_some_and(|k| !k.is_match(text)) {
            continue;
        }
        for found in rule.regex.captures_iter(text) {
            let whole = found.get(0).expect("group 0 always matches");
            if whole.as_str().is_empty() {
                continue;
            }
            // A `(?P<FOCUS>...)` group (or `FOCUS2`..., one per alternative) names the part
            // to report (the `secure: false` line of a `cookie:` block), as `$FOCUS` does
            // for grammar rules.
            let shown = rule
                .regex
                .capture_names()
                .flatten()
                .filter(|name| name.starts_with("FOCUS"))
                .find_map(|name| found.name(name).filter(|m| !m.as_str().is_empty()))
                .unwrap_or(whole);
            let (start_line, start_column) = position(shown.start());
            let (end_line, end_column) = position(shown.end());
            let secrets = rule
                .meta
                .redact
                .iter()
                .filter_map(|group| found.name(group).map(|m| m.as_str().to_string()))
                .filter(|s| !s.is_empty())
                .collect();
            // Named groups the rule's conditions read, as literal values.
            let bindings = rule
                .meta
                .conditions
                .iter()
                .filter_map(|c| c.var())
                .filter_map(|var| {
                    let text = found.name(var)?.as_str().to_string();
                    Some((var.to_string(), Resolved::literal(&text)))
                })
                .collect();
            out.push(RawMatch {
                rule: rules.compiled.len() + i,
                bindings,
                start_line,
                start_column,
                end_line,
                end_column,
                text: shown.as_str().to_string(),
                message: rule.meta.message.clone(),
                secrets,
                severity: None,
                declared: None,
                hide_prefix: false,
            });
        }
    }
    out
}

/// Line starts of a text, to turn byte offsets into 1-based lines and columns.
struct LineIndex(Vec<usize>);

impl LineIndex {
    fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex(starts)
    }

    fn position(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.0.partition_point(|start| *start <= offset) - 1;
        let column = text
            .get(self.0[line]..offset)
            .map_or(offset - self.0[line], |s| s.chars().count());
        (line + 1, column + 1)
    }
}

/// Runs the candidate secret detectors over `text`. Indexes continue after the text
/// rules (see [`RuleSet::meta_of`]).
pub fn match_secrets(
    engine: &Engine<'_>,
    rules: &RuleSet,
    text: &str,
    candidates: &[usize],
) -> Vec<RawMatch> {
    let found = engine.secrets.find(text.as_bytes(), candidates);
    secret_raw_matches(rules, text, found)
}

/// Secret matches already found in `text` as raw matches with lines and columns.
pub fn secret_raw_matches(rules: &RuleSet, text: &str, found: Vec<SecretMatch>) -> Vec<RawMatch> {
    let lines = LineIndex::new(text);
    found
        .into_iter()
        .map(|found| {
            let detector = &rules.secrets[found.detector];
            // A one-line secret inside a multi-line match (a Terraform variable block) is
            // reported where the value is; a multi-line secret (a PEM key) where it begins.
            let secret_line = lines.position(text, found.secret_start).0
                == lines.position(text, found.secret_end).0;
            let (from, to) = if secret_line {
                (found.secret_start, found.secret_end)
            } else {
                (found.start, found.end)
            };
            let (start_line, start_column) = lines.position(text, from);
            let (end_line, end_column) = lines.position(text, to);
            let lossy = |range: std::ops::Range<usize>| {
                String::from_utf8_lossy(&text.as_bytes()[range]).into_owned()
            };
            RawMatch {
                rule: rules.secret_index(found.detector),
                start_line,
                start_column,
                end_line,
                end_column,
                text: lossy(found.start..found.end),
                message: detector.meta.message.clone(),
                secrets: vec![lossy(found.secret_start..found.secret_end)],
                bindings: vec![],
                severity: found.severity,
                declared: None,
                hide_prefix: detector.generic,
            }
        })
        .collect()
}

//! Secret detectors: regexes kept as data under `rules/secrets/`, run over every text
//! file the walk reads (and over blobs of git history).
//!
//! A detector is a regex with a `secret` group, prefilter keywords, a minimum entropy,
//! allow patterns and stop-words. Matches that are structurally placeholders
//! (`${VAR}`, `{{ secrets.X }}`, `<your-key>`, `xxxx`) are never secrets. Documented
//! test keys are reported at low severity. Generic detectors (`password = "…"`) yield
//! to format-specific ones on the same line and show no prefix of what they found.

use crate::finding::Severity;
use crate::scan::rules::RuleMeta;
use aho_corasick::{AhoCorasick, MatchKind};
use base64::Engine as _;
use regex::bytes::{Regex, RegexBuilder};
use serde::Deserialize;
use std::sync::Arc;

/// The YAML form of a detector (`language: secret`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct DetectorSpec {
    pub id: String,
    #[allow(dead_code)]
    pub language: String,
    pub message: String,
    pub note: Option<String>,
    /// ast-grep's severity field, kept for symmetry; `off` disables the detector.
    pub severity: Option<String>,
    /// The pattern; the named group `secret` is the credential (else the whole match).
    pub regex: String,
    /// A numbered group holding the credential, for patterns without a `secret` group.
    pub secret_group: Option<usize>,
    /// A regex the file's relative path must match.
    pub path: Option<String>,
    /// Matches whose whole line matches any of these are not reported.
    #[serde(default)]
    pub allow_line: Vec<String>,
    /// Files whose relative path matches any of these are not read.
    #[serde(default)]
    pub allow_paths: Vec<String>,
    /// Minimum Shannon entropy (bits per byte) of the secret.
    #[serde(default)]
    pub entropy: f64,
    /// Secrets matching any of these are not reported.
    #[serde(default)]
    pub allow: Vec<String>,
    /// Whole matches (name and value) matching any of these are not reported.
    #[serde(default)]
    pub allow_match: Vec<String>,
    /// Secrets containing any of these words (case-insensitive) are not reported.
    #[serde(default)]
    pub stopwords: Vec<String>,
    /// Documented test keys (regexes over the secret): reported at low severity.
    #[serde(default)]
    pub test_keys: Vec<String>,
    /// Globs of the files the detector reads; every text file when empty.
    #[serde(default)]
    pub files: Vec<String>,
    /// A keyword-and-entropy detector: shows no prefix, yields to specific detectors.
    #[serde(default)]
    pub generic: bool,
    /// A structural check of the secret: `jwt` (header and payload decode to JSON).
    pub validate: Option<Validation>,
    pub metadata: Option<serde_json::Value>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validation {
    Jwt,
}

/// A compiled detector.
pub struct Detector {
    pub meta: Arc<RuleMeta>,
    pub regex: Regex,
    pub entropy: f64,
    allow: Vec<Regex>,
    allow_match: Vec<Regex>,
    allow_line: Vec<Regex>,
    stopwords: Vec<String>,
    test_keys: Vec<Regex>,
    files: Option<globset::GlobSet>,
    path: Option<Regex>,
    allow_paths: Vec<Regex>,
    secret_group: Option<usize>,
    pub generic: bool,
    validate: Option<Validation>,
}

impl Detector {
    /// Compiles a spec; errors name the field.
    pub(crate) fn compile(spec: &DetectorSpec, meta: Arc<RuleMeta>) -> Result<Detector, String> {
        let regex = compile_regex(&spec.regex).map_err(|e| format!("field `regex`: {e}"))?;
        let list = |field: &str, patterns: &[String]| -> Result<Vec<Regex>, String> {
            patterns
                .iter()
                .map(|p| compile_regex(p).map_err(|e| format!("field `{field}`: {e}")))
                .collect()
        };
        let files = if spec.files.is_empty() {
            None
        } else {
            let mut globs = globset::GlobSetBuilder::new();
            for glob in &spec.files {
                globs.add(globset::Glob::new(glob).map_err(|e| format!("field `files`: {e}"))?);
            }
            Some(globs.build().map_err(|e| format!("field `files`: {e}"))?)
        };
        if !(0.0..=8.0).contains(&spec.entropy) {
            return Err("field `entropy`: bits per byte lie between 0 and 8".to_string());
        }
        Ok(Detector {
            meta,
            regex,
            entropy: spec.entropy,
            allow: list("allow", &spec.allow)?,
            allow_match: list("allow-match", &spec.allow_match)?,
            allow_line: list("allow-line", &spec.allow_line)?,
            path: spec
                .path
                .as_deref()
                .map(compile_regex)
                .transpose()
                .map_err(|e| format!("field `path`: {e}"))?,
            allow_paths: list("allow-paths", &spec.allow_paths)?,
            secret_group: spec.secret_group,
            stopwords: spec.stopwords.iter().map(|s| s.to_lowercase()).collect(),
            test_keys: list("test-keys", &spec.test_keys)?,
            files,
            generic: spec.generic,
            validate: spec.validate,
        })
    }

    fn reads(&self, rel: &str) -> bool {
        self.files.as_ref().is_none_or(|f| f.is_match(rel))
            && self
                .path
                .as_ref()
                .is_none_or(|p| p.is_match(rel.as_bytes()))
            && !self.allow_paths.iter().any(|p| p.is_match(rel.as_bytes()))
    }

    /// Why a candidate is not a secret, if it is not.
    fn rejects(&self, whole: &[u8], secret: &[u8]) -> bool {
        // `sk_l…(40 chars, redacted)`: authgate's own output, quoted in docs or reports.
        if memchr::memmem::find(secret, "…".as_bytes()).is_some() {
            return true;
        }
        if secret.is_empty() || is_placeholder(secret) || shannon_entropy(secret) < self.entropy {
            return true;
        }
        if self.allow.iter().any(|r| r.is_match(secret))
            || self.allow_match.iter().any(|r| r.is_match(whole))
        {
            return true;
        }
        if !self.stopwords.is_empty() {
            let lower = secret.to_ascii_lowercase();
            let lower = String::from_utf8_lossy(&lower);
            if self.stopwords.iter().any(|w| lower.contains(w.as_str())) {
                return true;
            }
        }
        match self.validate {
            Some(Validation::Jwt) => !is_jwt(secret),
            None => false,
        }
    }
}

fn compile_regex(pattern: &str) -> Result<Regex, regex::Error> {
    // ASCII mode: `\b`, `\w` and classes over bytes are an order of magnitude faster
    // than their Unicode forms, and every credential format is ASCII.
    RegexBuilder::new(pattern)
        .unicode(false)
        .multi_line(true)
        .size_limit(1 << 23)
        .build()
}

/// One secret found in a text: byte offsets of the whole match and of the secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecretMatch {
    pub detector: usize,
    pub start: usize,
    pub end: usize,
    pub secret_start: usize,
    pub secret_end: usize,
    /// Set for documented test keys.
    pub severity: Option<Severity>,
}

/// All detectors with one keyword prefilter.
pub struct SecretScanner<'d> {
    detectors: &'d [Detector],
    /// Leftmost-longest automaton over every keyword, ASCII case-insensitive.
    any: Option<AhoCorasick>,
    /// Per keyword: the detectors of every keyword it contains, itself included.
    keyword_closure: Vec<Vec<usize>>,
    always: Vec<usize>,
}

impl<'d> SecretScanner<'d> {
    pub fn new(detectors: &'d [Detector]) -> SecretScanner<'d> {
        let mut keywords: Vec<String> = Vec::new();
        let mut keyword_detectors: Vec<Vec<usize>> = Vec::new();
        let mut always = Vec::new();
        for (idx, detector) in detectors.iter().enumerate() {
            if detector.meta.keywords.is_empty() {
                always.push(idx);
            }
            for keyword in &detector.meta.keywords {
                let keyword = keyword.to_ascii_lowercase();
                match keywords.iter().position(|k| *k == keyword) {
                    Some(pos) => keyword_detectors[pos].push(idx),
                    None => {
                        keywords.push(keyword);
                        keyword_detectors.push(vec![idx]);
                    }
                }
            }
        }
        let build = |kind: MatchKind| {
            (!keywords.is_empty()).then(|| {
                AhoCorasick::builder()
                    .ascii_case_insensitive(true)
                    .match_kind(kind)
                    // A full DFA: one table lookup per byte. The default picks a slower
                    // NFA for this many case-insensitive patterns.
                    .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                    .build(&keywords)
                    .expect("keywords are plain strings")
            })
        };
        SecretScanner {
            detectors,
            any: build(MatchKind::LeftmostLongest),
            keyword_closure: keywords
                .iter()
                .map(|outer| {
                    let mut closure: Vec<usize> = keywords
                        .iter()
                        .zip(&keyword_detectors)
                        .filter(|(inner, _)| outer.contains(inner.as_str()))
                        .flat_map(|(_, detectors)| detectors.iter().copied())
                        .collect();
                    closure.sort_unstable();
                    closure.dedup();
                    closure
                })
                .collect(),
            always,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.detectors.is_empty()
    }

    /// The detectors that may match `text` at `rel`: those whose keywords occur (all
    /// of them without the prefilter).
    pub fn candidates(&self, rel: &str, text: &[u8], use_prefilter: bool) -> Vec<usize> {
        let mut wanted = vec![false; self.detectors.len()];
        if use_prefilter {
            for &idx in &self.always {
                wanted[idx] = true;
            }
            if let Some(any) = &self.any {
                // One leftmost-longest pass. A keyword found also stands for every keyword
                // it contains (`secret_access_key` holds `secret`), so the file is never
                // walked by a slower overlapping automaton.
                let mut remaining = self.detectors.len() - self.always.len();
                for hit in any.find_iter(text) {
                    for &idx in &self.keyword_closure[hit.pattern().as_usize()] {
                        if !std::mem::replace(&mut wanted[idx], true) {
                            remaining -= 1;
                        }
                    }
                    if remaining == 0 {
                        break;
                    }
                }
            }
        } else {
            wanted.iter_mut().for_each(|w| *w = true);
        }
        (0..self.detectors.len())
            .filter(|&idx| wanted[idx] && self.detectors[idx].reads(rel))
            .collect()
    }

    /// Runs the candidate detectors over `text`. Overlapping matches keep the most
    /// specific: a format detector over a generic one, then the longer match.
    pub fn find(&self, text: &[u8], candidates: &[usize]) -> Vec<SecretMatch> {
        let mut found = Vec::new();
        for &idx in candidates {
            let detector = &self.detectors[idx];
            let group = detector
                .regex
                .capture_names()
                .position(|n| n == Some("secret"))
                .or(detector.secret_group);
            for caps in detector.regex.captures_iter(text) {
                let whole = caps.get(0).expect("group 0 always matches");
                let secret = group.and_then(|g| caps.get(g)).unwrap_or(whole);
                // The secret without surrounding whitespace (a PEM body's line breaks).
                let lead = secret.as_bytes().len() - secret.as_bytes().trim_ascii_start().len();
                let trail = secret.as_bytes().len() - secret.as_bytes().trim_ascii_end().len();
                let (secret_start, secret_end) = if lead == secret.len() {
                    (secret.start(), secret.end())
                } else {
                    (secret.start() + lead, secret.end() - trail)
                };
                let value = &text[secret_start..secret_end];
                if detector.rejects(whole.as_bytes(), value) {
                    continue;
                }
                if !detector.allow_line.is_empty() {
                    let line_start =
                        memchr::memrchr(b'\n', &text[..whole.start()]).map_or(0, |i| i + 1);
                    let line_end = memchr::memchr(b'\n', &text[whole.end()..])
                        .map_or(text.len(), |i| whole.end() + i);
                    let line = &text[line_start..line_end];
                    if detector.allow_line.iter().any(|r| r.is_match(line)) {
                        continue;
                    }
                }
                let test_key = detector.test_keys.iter().any(|r| r.is_match(value));
                found.push(SecretMatch {
                    detector: idx,
                    start: whole.start(),
                    end: whole.end(),
                    secret_start,
                    secret_end,
                    severity: test_key.then_some(Severity::Low),
                });
            }
        }
        let rank = |m: &SecretMatch| {
            (
                self.detectors[m.detector].generic,
                std::cmp::Reverse(m.secret_end - m.secret_start),
                std::cmp::Reverse(m.end - m.start),
                m.detector,
            )
        };
        found.sort_by_key(|m| rank(m));
        let mut kept: Vec<SecretMatch> = Vec::new();
        for candidate in found {
            let overlaps = kept.iter().any(|k| {
                candidate.secret_start < k.secret_end && k.secret_start < candidate.secret_end
            });
            if !overlaps {
                kept.push(candidate);
            }
        }
        kept.sort_by_key(|m| (m.start, m.detector));
        kept
    }
}

/// Shannon entropy in bits per byte.
pub fn shannon_entropy(data: &[u8]) -> f64 {
    if data.is_empty() {
        return 0.0;
    }
    let mut counts = [0usize; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let len = data.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / len;
            -p * p.log2()
        })
        .sum()
}

/// Values that stand for a secret rather than being one: template and environment
/// references, angle-bracket slots, masks and runs of one character.
pub fn is_placeholder(secret: &[u8]) -> bool {
    let s = secret.trim_ascii();
    let starts = |p: &[u8]| s.starts_with(p);
    if starts(b"${")
        || starts(b"$(")
        || starts(b"{{")
        || starts(b"%(")
        || starts(b"#{")
        || starts(b"%{")
        || starts(b"@{")
        || (starts(b"<") && s.ends_with(b">"))
        || (starts(b"[") && s.ends_with(b"]"))
        || (starts(b"{") && s.ends_with(b"}"))
        || (starts(b"$")
            && s.get(1)
                .is_some_and(|c| c.is_ascii_alphabetic() || *c == b'_'))
    {
        return true;
    }
    // A mask: one character repeated (`xxxxxxxx`, `********`, `00000000`), allowing
    // a short fixed prefix (`sk_live_XXXXXXXX`).
    let tail = &s[s.len().saturating_sub(12)..];
    if tail.len() >= 8
        && tail.iter().all(|c| {
            c.eq_ignore_ascii_case(&tail[0])
                && matches!(c, b'x' | b'X' | b'*' | b'0' | b'.' | b'#' | b'-' | b'_')
        })
    {
        return true;
    }
    false
}

/// A JWT: three dot-separated base64url segments whose first two decode to JSON
/// objects, the first naming an `alg`.
pub fn is_jwt(token: &[u8]) -> bool {
    let mut parts = token.split(|b| *b == b'.');
    let (Some(header), Some(payload), Some(_signature)) =
        (parts.next(), parts.next(), parts.next())
    else {
        return false;
    };
    let decode = |segment: &[u8]| {
        base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(segment.strip_suffix(b"=").unwrap_or(segment))
            .ok()
            .and_then(|raw| serde_json::from_slice::<serde_json::Value>(&raw).ok())
    };
    let header_ok = decode(header).is_some_and(|h| h.get("alg").is_some_and(|a| a.is_string()));
    header_ok && decode(payload).is_some_and(|p| p.is_object())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entropy_separates_words_from_keys() {
        assert!(shannon_entropy(b"aaaaaaaa") < 0.01);
        assert!(shannon_entropy(b"password") < 3.0);
        assert!(shannon_entropy(b"q8Zr3KfT0xWv7LmN2pYs") > 4.0);
    }

    #[test]
    fn placeholders_are_recognised() {
        for p in [
            "${AWS_SECRET}",
            "{{ secrets.NPM_TOKEN }}",
            "<your-api-key>",
            "xxxxxxxxxxxxxxxx",
            "sk_live_XXXXXXXXXXXXXXXX",
            "********",
            "$DB_PASSWORD",
            "%(password)s",
        ] {
            assert!(is_placeholder(p.as_bytes()), "{p}");
        }
        // Built at run time so the source holds no credential-shaped literal.
        let stripe = ["sk_live", "_4eC39HqLyjWDarjtT1zdp7dc"].concat();
        for s in ["q8Zr3KfT0xWv7LmN2pYs", stripe.as_str(), "$2b$12$abc"] {
            assert!(!is_placeholder(s.as_bytes()), "{s}");
        }
    }

    #[test]
    fn jwts_are_validated_structurally() {
        // {"alg":"HS256","typ":"JWT"} . {"sub":"42"} . signature
        let token = [
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9",
            "eyJzdWIiOiI0MiJ9",
            "c2lnbmF0dXJlLXNpZ25hdHVyZQ",
        ]
        .join(".");
        assert!(is_jwt(token.as_bytes()));
        assert!(!is_jwt(b"eyJub3QiOiJqc29uIn0.eyJzdWIiOiI0MiJ9.c2ln"));
        assert!(!is_jwt(b"eyJhbGciOiJIUzI1NiJ9.bm90LWpzb24.c2ln"));
    }
}

//! Classification signals: data, not code. The built-in list is `signals.toml`; the
//! policy adds its own under `[[review.signals]]` with the same fields.

use super::area::Area;
use regex::Regex;
use serde::{Deserialize, Serialize};
use std::sync::OnceLock;

/// What triggered an assignment, as the evidence names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SignalKind {
    Path,
    Import,
    Call,
    Identifier,
    ConfigKey,
    Migration,
    Ci,
    Marker,
}

impl SignalKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SignalKind::Path => "path",
            SignalKind::Import => "import",
            SignalKind::Call => "call",
            SignalKind::Identifier => "identifier",
            SignalKind::ConfigKey => "config key",
            SignalKind::Migration => "migration statement",
            SignalKind::Ci => "CI credential",
            SignalKind::Marker => "suppression marker",
        }
    }

    fn default_files(self) -> FileClass {
        match self {
            SignalKind::Path | SignalKind::Marker => FileClass::Any,
            SignalKind::Import | SignalKind::Call | SignalKind::Identifier => FileClass::Code,
            SignalKind::ConfigKey => FileClass::Config,
            SignalKind::Migration => FileClass::Migration,
            SignalKind::Ci => FileClass::Ci,
        }
    }
}

/// Which files a signal's pattern reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FileClass {
    Code,
    Config,
    Migration,
    Ci,
    Any,
}

/// A signal as written in TOML.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSignal {
    pub area: toml::Spanned<String>,
    pub kind: toml::Spanned<SignalKind>,
    pub pattern: Option<toml::Spanned<String>>,
    pub path: Option<toml::Spanned<String>>,
    pub files: Option<FileClass>,
}

/// A compiled signal.
#[derive(Debug, Clone)]
pub struct Signal {
    pub area: Area,
    pub kind: SignalKind,
    pub files: FileClass,
    pub pattern: Option<Regex>,
    pub path: Option<globset::GlobMatcher>,
    /// The glob as written, for evidence.
    pub path_text: Option<String>,
    /// Line in the policy file, `None` for built-in signals.
    pub policy_line: Option<usize>,
}

/// Why a raw signal does not compile, with the span of the offending value.
pub struct SignalError {
    pub span: std::ops::Range<usize>,
    pub message: String,
}

impl Signal {
    pub fn compile(raw: &RawSignal, policy_line: Option<usize>) -> Result<Signal, SignalError> {
        let area = Area::parse(raw.area.get_ref()).ok_or_else(|| SignalError {
            span: raw.area.span(),
            message: format!(
                "`{}` is not an area (one of {})",
                raw.area.get_ref(),
                Area::ALL.map(Area::as_str).join(", ")
            ),
        })?;
        let kind = *raw.kind.get_ref();
        let pattern = match &raw.pattern {
            Some(p) => Some(
                regex::RegexBuilder::new(p.get_ref())
                    .size_limit(1 << 22)
                    .build()
                    .map_err(|e| SignalError {
                        span: p.span(),
                        message: format!("invalid regex: {e}"),
                    })?,
            ),
            None => None,
        };
        let path = match &raw.path {
            Some(p) => Some(
                crate::policy::path_glob(p.get_ref())
                    .map_err(|e| SignalError {
                        span: p.span(),
                        message: format!("invalid glob: {e}"),
                    })?
                    .compile_matcher(),
            ),
            None => None,
        };
        if kind == SignalKind::Path && path.is_none() {
            return Err(SignalError {
                span: raw.kind.span(),
                message: "a `path` signal needs `path = \"<glob>\"`".to_string(),
            });
        }
        if kind != SignalKind::Path && pattern.is_none() {
            return Err(SignalError {
                span: raw.kind.span(),
                message: format!("a `{}` signal needs `pattern = \"<regex>\"`", kind.as_str()),
            });
        }
        Ok(Signal {
            area,
            kind,
            files: raw.files.unwrap_or_else(|| kind.default_files()),
            pattern,
            path,
            path_text: raw.path.as_ref().map(|p| p.get_ref().clone()),
            policy_line,
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BuiltinFile {
    signal: Vec<RawSignal>,
}

/// The built-in signals (`src/review/signals.toml`).
pub fn builtin() -> &'static [Signal] {
    static SIGNALS: OnceLock<Vec<Signal>> = OnceLock::new();
    SIGNALS.get_or_init(|| {
        let file: BuiltinFile =
            toml::from_str(include_str!("signals.toml")).expect("built-in signals parse");
        file.signal
            .iter()
            .map(|raw| {
                Signal::compile(raw, None)
                    .unwrap_or_else(|e| panic!("built-in signal: {}", e.message))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn builtin_signals_compile() {
        assert!(super::builtin().len() > 20);
    }
}

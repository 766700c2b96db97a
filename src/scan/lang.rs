//! The languages authgate parses. ast-grep's `SupportLang` lists every language it
//! knows, compiled in or not, and panics on one whose grammar is missing; every path
//! from a file or a rule to a grammar goes through this list instead.

use ast_grep_language::SupportLang;
use serde::Serialize;
use std::fmt;
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Python,
    JavaScript,
    TypeScript,
    Tsx,
    Go,
    Java,
}

impl Lang {
    pub const ALL: [Lang; 6] = [
        Lang::Python,
        Lang::JavaScript,
        Lang::TypeScript,
        Lang::Tsx,
        Lang::Go,
        Lang::Java,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Lang::Python => "python",
            Lang::JavaScript => "javascript",
            Lang::TypeScript => "typescript",
            Lang::Tsx => "tsx",
            Lang::Go => "go",
            Lang::Java => "java",
        }
    }

    /// The names a rule's `language:` field may use for this language.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Lang::Python => &["python", "py"],
            Lang::JavaScript => &["javascript", "js", "jsx"],
            Lang::TypeScript => &["typescript", "ts"],
            Lang::Tsx => &["tsx"],
            Lang::Go => &["go", "golang"],
            Lang::Java => &["java"],
        }
    }

    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Lang::Python => &["py", "pyi"],
            Lang::JavaScript => &["js", "jsx", "mjs", "cjs"],
            Lang::TypeScript => &["ts", "mts", "cts"],
            Lang::Tsx => &["tsx"],
            Lang::Go => &["go"],
            Lang::Java => &["java"],
        }
    }

    pub fn from_name(name: &str) -> Option<Lang> {
        let lower = name.to_ascii_lowercase();
        Lang::ALL
            .into_iter()
            .find(|l| l.aliases().contains(&lower.as_str()))
    }

    pub fn from_path(path: &Path) -> Option<Lang> {
        let ext = path.extension()?.to_str()?;
        Lang::ALL
            .into_iter()
            .find(|l| l.extensions().contains(&ext))
    }

    pub fn support_lang(self) -> SupportLang {
        match self {
            Lang::Python => SupportLang::Python,
            Lang::JavaScript => SupportLang::JavaScript,
            Lang::TypeScript => SupportLang::TypeScript,
            Lang::Tsx => SupportLang::Tsx,
            Lang::Go => SupportLang::Go,
            Lang::Java => SupportLang::Java,
        }
    }

    /// The languages a rule written for `self` also runs on: a JavaScript rule is
    /// cloned for TypeScript and TSX, since ast-grep treats them as separate grammars.
    pub fn rule_targets(self) -> &'static [Lang] {
        match self {
            Lang::JavaScript => &[Lang::JavaScript, Lang::TypeScript, Lang::Tsx],
            Lang::TypeScript => &[Lang::TypeScript, Lang::Tsx],
            Lang::Python => &[Lang::Python],
            Lang::Tsx => &[Lang::Tsx],
            Lang::Go => &[Lang::Go],
            Lang::Java => &[Lang::Java],
        }
    }

    /// The language family a rule is documented under (`rules/<family>/`).
    pub fn family(self) -> Lang {
        match self {
            Lang::TypeScript | Lang::Tsx => Lang::JavaScript,
            other => other,
        }
    }

    /// The comment leaders that can carry a suppression in this language.
    pub fn line_comment(self) -> &'static str {
        match self {
            Lang::Python => "#",
            _ => "//",
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

pub fn supported_names() -> String {
    Lang::ALL
        .iter()
        .map(|l| l.name())
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_extension_maps_back_to_its_language() {
        for lang in Lang::ALL {
            for ext in lang.extensions() {
                let path = format!("x.{ext}");
                assert_eq!(Lang::from_path(Path::new(&path)), Some(lang), "{ext}");
            }
        }
        assert_eq!(Lang::from_path(Path::new("x.rs")), None);
    }

    #[test]
    fn every_enabled_grammar_parses() {
        use ast_grep_language::LanguageExt;
        for lang in Lang::ALL {
            let root = lang.support_lang().ast_grep("x");
            assert!(!root.root().kind().is_empty(), "{lang}");
        }
    }

    #[test]
    fn names_resolve_case_insensitively() {
        assert_eq!(Lang::from_name("JavaScript"), Some(Lang::JavaScript));
        assert_eq!(Lang::from_name("rust"), None);
    }
}

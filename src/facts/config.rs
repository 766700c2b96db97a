//! Configuration files into key -> value facts, each with its file and line.
//! YAML and JSON go through a real YAML parser (granit-parser, the one serde-saphyr
//! uses); Python settings modules and JavaScript config modules through tree-sitter.

use super::ConfigValue;
use crate::finding::{Diagnostic, DiagnosticLevel};
use crate::scan::lang::Lang;
use ast_grep_core::tree_sitter::LanguageExt;
use granit_parser::{Event, Parser};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConfigKind {
    Properties,
    Env,
    Ini,
    /// YAML, and JSON (a subset of YAML 1.2).
    Yaml,
    PythonSettings,
    JsConfig,
}

/// Which configuration format a path holds, if it is a configuration file.
pub fn config_kind(rel: &str) -> Option<ConfigKind> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    let ext = name.rsplit_once('.').map(|(_, e)| e).unwrap_or("");
    let in_config_dir = rel
        .split('/')
        .rev()
        .skip(1)
        .any(|dir| dir == "config" || dir == "conf" || dir == "settings");
    let stem_is = |prefixes: &[&str]| prefixes.iter().any(|p| name.starts_with(p));
    match ext {
        "properties" => Some(ConfigKind::Properties),
        _ if name == ".env" || name.starts_with(".env.") || name.ends_with(".env") => {
            Some(ConfigKind::Env)
        }
        "ini" | "cfg" => Some(ConfigKind::Ini),
        "yml" | "yaml"
            if in_config_dir || stem_is(&["application", "bootstrap", "settings", "config"]) =>
        {
            Some(ConfigKind::Yaml)
        }
        "json" if in_config_dir || stem_is(&["appsettings", "config", "settings"]) => {
            Some(ConfigKind::Yaml)
        }
        "py" if name == "config.py"
            || name.starts_with("settings")
            || name.ends_with("_settings.py")
            || rel.split('/').rev().nth(1) == Some("settings") =>
        {
            Some(ConfigKind::PythonSettings)
        }
        "js" | "cjs" | "mjs" | "ts" if in_config_dir => Some(ConfigKind::JsConfig),
        _ => None,
    }
}

/// Parses a configuration file. A malformed file yields what could be read and a
/// warning naming the file and line; it never aborts the scan.
pub fn parse_config(
    kind: ConfigKind,
    rel: &str,
    text: &str,
) -> (Vec<ConfigValue>, Vec<Diagnostic>) {
    let mut out = Values {
        rel,
        values: Vec::new(),
    };
    let mut diagnostics = Vec::new();
    match kind {
        ConfigKind::Properties => parse_properties(text, &mut out),
        ConfigKind::Env => parse_env(text, &mut out),
        ConfigKind::Ini => parse_ini(text, &mut out),
        ConfigKind::Yaml => {
            if let Err((line, message)) = parse_yaml(text, &mut out) {
                diagnostics.push(
                    Diagnostic::new(
                        DiagnosticLevel::Warning,
                        Some(rel.to_string()),
                        format!("configuration not read past this line: {message}"),
                    )
                    .at_line(line),
                );
            }
        }
        ConfigKind::PythonSettings => parse_python_settings(text, &mut out),
        ConfigKind::JsConfig => parse_js_config(text, &mut out),
    }
    (out.values, diagnostics)
}

struct Values<'a> {
    rel: &'a str,
    values: Vec<ConfigValue>,
}

impl Values<'_> {
    fn push(&mut self, key: impl Into<String>, value: impl Into<String>, line: usize) {
        let key = key.into();
        if !key.is_empty() {
            self.values.push(ConfigValue {
                key,
                value: value.into(),
                path: self.rel.to_string(),
                line,
            });
        }
    }
}

/// Java `.properties`: `key=value`, `key: value` or `key value`; `#`/`!` comments;
/// a trailing backslash continues the value on the next line.
fn parse_properties(text: &str, out: &mut Values<'_>) {
    let mut lines = text.lines().enumerate();
    while let Some((idx, line)) = lines.next() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('!') {
            continue;
        }
        let mut logical = trimmed.to_string();
        while logical.ends_with('\\') {
            logical.pop();
            match lines.next() {
                Some((_, next)) => logical.push_str(next.trim_start()),
                None => break,
            }
        }
        let split = logical
            .find(['=', ':'])
            .or_else(|| logical.find(char::is_whitespace));
        let (key, value) = match split {
            Some(at) => (&logical[..at], &logical[at + 1..]),
            None => (logical.as_str(), ""),
        };
        out.push(key.trim(), value.trim(), idx + 1);
    }
}

/// `.env`: `KEY=value`, optional `export`, quotes removed, `#` comments.
fn parse_env(text: &str, out: &mut Values<'_>) {
    for (idx, line) in text.lines().enumerate() {
        let line = line.trim();
        let line = line.strip_prefix("export ").unwrap_or(line);
        if line.starts_with('#') {
            continue;
        }
        let Some((key, value)) = line.split_once('=') else {
            continue;
        };
        let value = value.trim();
        let value = if value.starts_with(['"', '\'']) {
            unquote(value)
        } else {
            value.split(" #").next().unwrap_or(value).trim()
        };
        out.push(key.trim(), value, idx + 1);
    }
}

/// INI / `setup.cfg`: `[section]` then `key = value`; keys become `section.key`.
fn parse_ini(text: &str, out: &mut Values<'_>) {
    let mut section = String::new();
    for (idx, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with(';') || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            section = name.trim().to_string();
            continue;
        }
        let Some(at) = line.find(['=', ':']) else {
            continue;
        };
        let key = line[..at].trim();
        let full = if section.is_empty() {
            key.to_string()
        } else {
            format!("{section}.{key}")
        };
        out.push(full, unquote(line[at + 1..].trim()), idx + 1);
    }
}

enum Frame {
    Map { prefix: String, key: Option<String> },
    Seq { prefix: String, index: usize },
}

/// YAML and JSON, flattened to dotted keys (`a.b.c`, `list[0]`), one value per scalar.
fn parse_yaml(text: &str, out: &mut Values<'_>) -> Result<(), (usize, String)> {
    let mut stack: Vec<Frame> = Vec::new();
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| (e.marker().line(), e.info().to_string()))?;
        let line = span.start.line();
        // The dotted path a value at this point gets; `None` when a key is expected.
        let value_path = match stack.last_mut() {
            Some(Frame::Map {
                prefix,
                key: Some(key),
            }) => Some(join(prefix, key)),
            Some(Frame::Map { key: None, .. }) => None,
            Some(Frame::Seq { prefix, index }) => Some(format!("{prefix}[{index}]")),
            None => Some(String::new()),
        };
        match event {
            Event::Scalar(value, ..) => match (stack.last_mut(), value_path) {
                (Some(Frame::Map { key, .. }), None) => *key = Some(value.into_owned()),
                (_, Some(path)) => {
                    out.push(path, value.into_owned(), line);
                    advance(&mut stack);
                }
                (_, None) => {}
            },
            Event::MappingStart(..) => stack.push(Frame::Map {
                prefix: value_path.unwrap_or_default(),
                key: None,
            }),
            Event::SequenceStart(..) => stack.push(Frame::Seq {
                prefix: value_path.unwrap_or_default(),
                index: 0,
            }),
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                advance(&mut stack);
            }
            Event::Alias(..) => advance(&mut stack),
            _ => {}
        }
    }
    Ok(())
}

/// After a value: a map expects its next key, a sequence moves to its next index.
fn advance(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Map { key, .. }) => *key = None,
        Some(Frame::Seq { index, .. }) => *index += 1,
        None => {}
    }
}

fn join(prefix: &str, key: &str) -> String {
    if prefix.is_empty() {
        key.to_string()
    } else {
        format!("{prefix}.{key}")
    }
}

/// Top-level `NAME = literal` assignments of a Python settings module.
fn parse_python_settings(text: &str, out: &mut Values<'_>) {
    let root = Lang::Python.support_lang().ast_grep(text);
    for statement in root.root().children() {
        if statement.kind() != "expression_statement" {
            continue;
        }
        for assignment in statement.children().filter(|c| c.kind() == "assignment") {
            let (Some(left), Some(right)) = (assignment.field("left"), assignment.field("right"))
            else {
                continue;
            };
            if left.kind() == "identifier" {
                let value = literal_text(&right.text(), &right.kind());
                out.push(left.text().to_string(), value, left.start_pos().line() + 1);
            }
        }
    }
}

/// `module.exports = { ... }` / `export default { ... }` in a JavaScript config module,
/// flattened to dotted keys.
fn parse_js_config(text: &str, out: &mut Values<'_>) {
    let root = Lang::JavaScript.support_lang().ast_grep(text);
    for node in root.root().dfs() {
        if node.kind() != "object" {
            continue;
        }
        let exported = node.parent().is_some_and(|p| {
            (p.kind() == "assignment_expression"
                && p.field("left")
                    .is_some_and(|l| l.text() == "module.exports"))
                || p.kind() == "export_statement"
        });
        if exported {
            flatten_object(&node, "", out);
            return;
        }
    }
}

fn flatten_object<D: ast_grep_core::Doc>(
    object: &ast_grep_core::Node<'_, D>,
    prefix: &str,
    out: &mut Values<'_>,
) {
    for pair in object.children().filter(|c| c.kind() == "pair") {
        let (Some(key), Some(value)) = (pair.field("key"), pair.field("value")) else {
            continue;
        };
        let path = join(prefix, unquote(&key.text()));
        if value.kind() == "object" {
            flatten_object(&value, &path, out);
        } else {
            let text = literal_text(&value.text(), &value.kind());
            out.push(path, text, value.start_pos().line() + 1);
        }
    }
}

/// The text of a literal without its quotes; other expressions as written.
fn literal_text(text: &str, kind: &str) -> String {
    if kind == "string" || kind.ends_with("string_literal") || kind == "template_string" {
        unquote(text).to_string()
    } else {
        text.to_string()
    }
}

/// Removes string prefixes (`r`, `b`, `f`, `u`) and matching quotes.
pub fn unquote(text: &str) -> &str {
    let body = text.trim_start_matches(['r', 'R', 'b', 'B', 'u', 'U', 'f', 'F']);
    for quote in ["\"\"\"", "'''", "\"", "'", "`"] {
        if body.len() >= 2 * quote.len() && body.starts_with(quote) && body.ends_with(quote) {
            return &body[quote.len()..body.len() - quote.len()];
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(kind: ConfigKind, text: &str) -> Vec<(String, String, usize)> {
        let (values, diagnostics) = parse_config(kind, "f", text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        values
            .into_iter()
            .map(|v| (v.key, v.value, v.line))
            .collect()
    }

    fn kv(key: &str, value: &str, line: usize) -> (String, String, usize) {
        (key.to_string(), value.to_string(), line)
    }

    #[test]
    fn kinds_from_paths() {
        assert_eq!(
            config_kind("src/main/resources/application.properties"),
            Some(ConfigKind::Properties)
        );
        assert_eq!(
            config_kind("src/main/resources/application-prod.yml"),
            Some(ConfigKind::Yaml)
        );
        assert_eq!(config_kind(".env.production"), Some(ConfigKind::Env));
        assert_eq!(config_kind("setup.cfg"), Some(ConfigKind::Ini));
        assert_eq!(config_kind("config/default.json"), Some(ConfigKind::Yaml));
        assert_eq!(
            config_kind("mysite/settings.py"),
            Some(ConfigKind::PythonSettings)
        );
        assert_eq!(
            config_kind("mysite/settings/prod.py"),
            Some(ConfigKind::PythonSettings)
        );
        assert_eq!(config_kind("config/index.js"), Some(ConfigKind::JsConfig));
        assert_eq!(config_kind("package.json"), None);
        assert_eq!(config_kind(".github/workflows/ci.yml"), None);
        assert_eq!(config_kind("src/app.py"), None);
    }

    #[test]
    fn properties() {
        let text = "# comment\nsecurity.hash.algorithm=MD5\n! also comment\nlong.value = a\\\n   b\nspaced value\n";
        assert_eq!(
            parse(ConfigKind::Properties, text),
            vec![
                kv("security.hash.algorithm", "MD5", 2),
                kv("long.value", "ab", 4),
                kv("spaced", "value", 6)
            ]
        );
    }

    #[test]
    fn env_files() {
        let text = "export JWT_TTL=3600\nSECRET='dev secret'\nEMPTY=\nNOTE=x # trailing\n#X=1\n";
        assert_eq!(
            parse(ConfigKind::Env, text),
            vec![
                kv("JWT_TTL", "3600", 1),
                kv("SECRET", "dev secret", 2),
                kv("EMPTY", "", 3),
                kv("NOTE", "x", 4)
            ]
        );
    }

    #[test]
    fn ini_sections() {
        let text = "; c\n[auth]\nhash = sha1\n[tool:pytest]\naddopts: -q\n";
        assert_eq!(
            parse(ConfigKind::Ini, text),
            vec![
                kv("auth.hash", "sha1", 3),
                kv("tool:pytest.addopts", "-q", 5)
            ]
        );
    }

    #[test]
    fn yaml_and_json_flatten_with_lines() {
        let yaml = "spring:\n  security:\n    hash: MD5\n    roles: [admin, user]\nserver:\n  port: 8080\n---\nspring:\n  security:\n    hash: bcrypt\n";
        assert_eq!(
            parse(ConfigKind::Yaml, yaml),
            vec![
                kv("spring.security.hash", "MD5", 3),
                kv("spring.security.roles[0]", "admin", 4),
                kv("spring.security.roles[1]", "user", 4),
                kv("server.port", "8080", 6),
                kv("spring.security.hash", "bcrypt", 10),
            ]
        );
        let json = "{\n  \"jwt\": {\n    \"expiresIn\": \"30d\"\n  }\n}\n";
        assert_eq!(
            parse(ConfigKind::Yaml, json),
            vec![kv("jwt.expiresIn", "30d", 3)]
        );
    }

    #[test]
    fn malformed_yaml_is_a_warning_with_a_line() {
        let (values, diagnostics) =
            parse_config(ConfigKind::Yaml, "conf.yml", "a: 1\nb: [unclosed\nc: 2\n");
        assert_eq!(values.first().map(|v| v.key.as_str()), Some("a"));
        assert_eq!(diagnostics.len(), 1);
        assert!(diagnostics[0].line.is_some());
        assert_eq!(diagnostics[0].path.as_deref(), Some("conf.yml"));
    }

    #[test]
    fn python_settings_module() {
        let text = "import os\nDEBUG = False\nPASSWORD_HASHERS = ['django.contrib.auth.hashers.MD5PasswordHasher']\nSECRET_KEY = os.environ['K']\ndef f():\n    X = 1\n";
        assert_eq!(
            parse(ConfigKind::PythonSettings, text),
            vec![
                kv("DEBUG", "False", 2),
                kv(
                    "PASSWORD_HASHERS",
                    "['django.contrib.auth.hashers.MD5PasswordHasher']",
                    3
                ),
                kv("SECRET_KEY", "os.environ['K']", 4),
            ]
        );
    }

    #[test]
    fn js_config_module() {
        let text = "module.exports = {\n  jwt: {\n    expiresIn: '30d',\n    'algorithm': \"HS256\",\n  },\n  port: 3000,\n};\n";
        assert_eq!(
            parse(ConfigKind::JsConfig, text),
            vec![
                kv("jwt.expiresIn", "30d", 3),
                kv("jwt.algorithm", "HS256", 4),
                kv("port", "3000", 6)
            ]
        );
    }
}

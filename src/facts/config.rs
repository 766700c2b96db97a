//! Configuration files into key -> value facts, each with its file and line.
//! YAML and JSON go through a real YAML parser (granit-parser, the one serde-saphyr
//! uses); Python settings modules, JavaScript/TypeScript config modules, Go config
//! packages and Java properties/constants classes through tree-sitter (their literal
//! constants, keyed by the dotted name code uses to read them).

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
    /// A Go config package: `const X = 8` and `var P = Policy{Iterations: 1000}` as
    /// `pkg.X` and `pkg.P.Iterations`.
    GoConstants,
    /// A Java properties or constants class: field initialisers as `field` and
    /// `Class.field`.
    JavaConstants,
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
        "js" | "cjs" | "mjs" | "ts"
            if in_config_dir || stem_is(&["config.", "settings.", "constants."]) =>
        {
            Some(ConfigKind::JsConfig)
        }
        "go" if (in_config_dir || stem_is(&["config", "settings", "constants"]))
            && !name.ends_with("_test.go") =>
        {
            Some(ConfigKind::GoConstants)
        }
        "java"
            if [
                "Properties.java",
                "Config.java",
                "Settings.java",
                "Constants.java",
                "Consts.java",
                "Specs.java",
                "Defaults.java",
            ]
            .iter()
            .any(|suffix| name.ends_with(suffix)) =>
        {
            Some(ConfigKind::JavaConstants)
        }
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
        ConfigKind::JsConfig => parse_js_config(text, rel.ends_with(".ts"), &mut out),
        ConfigKind::GoConstants => parse_go_constants(text, &mut out),
        ConfigKind::JavaConstants => parse_java_constants(text, &mut out),
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

/// A JavaScript/TypeScript config module flattened to dotted keys:
/// `module.exports = { ... }` and `export default { ... }` without a prefix,
/// `export const settings = { ... }` (exported or not) under its name.
fn parse_js_config(text: &str, typescript: bool, out: &mut Values<'_>) {
    let lang = if typescript {
        Lang::TypeScript
    } else {
        Lang::JavaScript
    };
    let root = lang.support_lang().ast_grep(text);
    // `const config = {...}; module.exports = config;`: the names exported whole.
    let mut exported_names = Vec::new();
    for statement in root.root().children() {
        let statement = match &*statement.kind() {
            "export_statement" => {
                if let Some(value) = statement.field("value") {
                    match object_value(&value) {
                        Some(object) => flatten_object(&object, "", out),
                        None if value.kind() == "identifier" => {
                            exported_names.push(value.text().to_string())
                        }
                        None => {}
                    }
                    continue;
                }
                match statement.field("declaration") {
                    Some(declaration) => declaration,
                    None => continue,
                }
            }
            _ => statement,
        };
        match &*statement.kind() {
            "expression_statement" => {
                let Some(assignment) = statement
                    .child(0)
                    .filter(|a| a.kind() == "assignment_expression")
                else {
                    continue;
                };
                let is_exports = assignment
                    .field("left")
                    .is_some_and(|l| l.text() == "module.exports");
                let Some(right) = assignment.field("right").filter(|_| is_exports) else {
                    continue;
                };
                match object_value(&right) {
                    Some(object) => flatten_object(&object, "", out),
                    None if right.kind() == "identifier" => {
                        exported_names.push(right.text().to_string())
                    }
                    None => {}
                }
            }
            "lexical_declaration" | "variable_declaration" => {
                for declarator in statement
                    .children()
                    .filter(|c| c.kind() == "variable_declarator")
                {
                    let (Some(name), Some(value)) =
                        (declarator.field("name"), declarator.field("value"))
                    else {
                        continue;
                    };
                    if name.kind() != "identifier" {
                        continue;
                    }
                    match object_value(&value) {
                        Some(object) => flatten_object(&object, &name.text(), out),
                        None => out.push(
                            name.text().to_string(),
                            literal_text(&value.text(), &value.kind()),
                            value.start_pos().line() + 1,
                        ),
                    }
                }
            }
            _ => {}
        }
    }
    // Keys of a whole-exported object are also readable without its local name.
    let prefixed: Vec<(String, String, usize)> = out
        .values
        .iter()
        .filter_map(|v| {
            exported_names.iter().find_map(|name| {
                v.key
                    .strip_prefix(&format!("{name}."))
                    .map(|rest| (rest.to_string(), v.value.clone(), v.line))
            })
        })
        .collect();
    for (key, value, line) in prefixed {
        out.push(key, value, line);
    }
}

/// The object literal an initialiser holds: `{...}`, `Object.freeze({...})`,
/// `{...} as const`, `{...} satisfies T`.
fn object_value<'r, D: ast_grep_core::Doc>(
    value: &ast_grep_core::Node<'r, D>,
) -> Option<ast_grep_core::Node<'r, D>> {
    match &*value.kind() {
        "object" => Some(value.clone()),
        "as_expression" | "satisfies_expression" | "parenthesized_expression" => {
            value.child(0).and_then(|inner| object_value(&inner))
        }
        "call_expression"
            if value
                .field("function")
                .is_some_and(|f| f.text() == "Object.freeze") =>
        {
            value
                .field("arguments")
                .and_then(|args| args.children().find(|c| c.is_named()))
                .and_then(|inner| object_value(&inner))
        }
        _ => None,
    }
}

/// Top-level constants of a Go package, under `pkg.Name`; struct literals are
/// flattened (`pkg.Var.Field.Sub`).
fn parse_go_constants(text: &str, out: &mut Values<'_>) {
    let root = Lang::Go.support_lang().ast_grep(text);
    let package = root
        .root()
        .children()
        .find(|c| c.kind() == "package_clause")
        .and_then(|c| c.children().find(|n| n.kind() == "package_identifier"))
        .map(|n| n.text().to_string());
    let Some(package) = package else {
        return;
    };
    for declaration in root.root().children() {
        if !matches!(
            &*declaration.kind(),
            "const_declaration" | "var_declaration"
        ) {
            continue;
        }
        for spec in declaration
            .dfs()
            .filter(|n| matches!(&*n.kind(), "const_spec" | "var_spec"))
        {
            let names: Vec<String> = spec
                .field_children("name")
                .map(|n| n.text().to_string())
                .collect();
            let Some(values) = spec.field("value") else {
                continue;
            };
            let values: Vec<_> = values.children().filter(|c| c.is_named()).collect();
            for (name, value) in names.iter().zip(values) {
                flatten_go_value(&value, &format!("{package}.{name}"), out);
            }
        }
    }
}

fn flatten_go_value<D: ast_grep_core::Doc>(
    value: &ast_grep_core::Node<'_, D>,
    path: &str,
    out: &mut Values<'_>,
) {
    let value = if value.kind() == "unary_expression" && value.text().starts_with('&') {
        match value.field("operand") {
            Some(operand) => operand,
            None => return,
        }
    } else {
        value.clone()
    };
    if value.kind() != "composite_literal" {
        out.push(
            path.to_string(),
            literal_text(&value.text(), &value.kind()),
            value.start_pos().line() + 1,
        );
        return;
    }
    let Some(body) = value.field("body") else {
        return;
    };
    for element in body.children().filter(|c| c.kind() == "keyed_element") {
        let parts: Vec<_> = element.children().filter(|c| c.is_named()).collect();
        let [key, item] = parts.as_slice() else {
            continue;
        };
        let (key, item) = (unwrap_literal_element(key), unwrap_literal_element(item));
        if key.kind() == "field_identifier" || key.kind() == "identifier" {
            flatten_go_value(&item, &join(path, &key.text()), out);
        }
    }
}

fn unwrap_literal_element<'r, D: ast_grep_core::Doc>(
    n: &ast_grep_core::Node<'r, D>,
) -> ast_grep_core::Node<'r, D> {
    if n.kind() == "literal_element" {
        n.child(0).unwrap_or_else(|| n.clone())
    } else {
        n.clone()
    }
}

/// Field initialisers of Java properties/constants classes, as `field` and `Class.field`
/// (getters are read as their field: `props.getIterations()` is `iterations`).
fn parse_java_constants(text: &str, out: &mut Values<'_>) {
    let root = Lang::Java.support_lang().ast_grep(text);
    for class in root
        .root()
        .dfs()
        .filter(|n| n.kind() == "class_declaration")
    {
        let Some(class_name) = class.field("name").map(|n| n.text().to_string()) else {
            continue;
        };
        let Some(body) = class.field("body") else {
            continue;
        };
        for field in body.children().filter(|c| c.kind() == "field_declaration") {
            for declarator in field
                .children()
                .filter(|c| c.kind() == "variable_declarator")
            {
                let (Some(name), Some(value)) =
                    (declarator.field("name"), declarator.field("value"))
                else {
                    continue;
                };
                let text = literal_text(&value.text(), &value.kind());
                let line = value.start_pos().line() + 1;
                out.push(name.text().to_string(), text.clone(), line);
                out.push(format!("{class_name}.{}", name.text()), text, line);
            }
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
    fn code_constants() {
        assert_eq!(
            config_kind("internal/config/config.go"),
            Some(ConfigKind::GoConstants)
        );
        assert_eq!(config_kind("src/settings.js"), Some(ConfigKind::JsConfig));
        assert_eq!(
            config_kind("src/main/java/a/SecurityProperties.java"),
            Some(ConfigKind::JavaConstants)
        );
        assert_eq!(config_kind("internal/config/config_test.go"), None);
        let go = "package config\n\nconst LegacyCost = 8\n\nvar Legacy = Policy{\n\tIterations: 10_000,\n\tNested: &Inner{Name: \"x\"},\n}\n";
        assert_eq!(
            parse(ConfigKind::GoConstants, go),
            vec![
                kv("config.LegacyCost", "8", 3),
                kv("config.Legacy.Iterations", "10_000", 6),
                kv("config.Legacy.Nested.Name", "x", 7)
            ]
        );
        let java = "class SecurityProperties {\n    private int pbkdf2Iterations = 210_000;\n    private String issuer;\n}\n";
        assert_eq!(
            parse(ConfigKind::JavaConstants, java),
            vec![
                kv("pbkdf2Iterations", "210_000", 2),
                kv("SecurityProperties.pbkdf2Iterations", "210_000", 2)
            ]
        );
        let js = "export const settings = Object.freeze({ kdf: { iterations: 100_000 } });\nconst config = { rounds: 9 };\nmodule.exports = config;\n";
        assert_eq!(
            parse(ConfigKind::JsConfig, js),
            vec![
                kv("settings.kdf.iterations", "100_000", 1),
                kv("config.rounds", "9", 2),
                kv("rounds", "9", 2)
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

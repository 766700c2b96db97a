//! Dependency versions from lockfiles and manifests. A version that cannot be
//! resolved here (a range in requirements.txt, a Maven version managed by a parent or
//! BOM, a Gradle version catalog) is recorded as unknown with the reason, never as safe.

use super::version::Ecosystem;
use crate::finding::{Diagnostic, DiagnosticLevel};
use regex::Regex;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dependency {
    pub ecosystem: Ecosystem,
    /// Normalized for the ecosystem (PyPI lower-case with `-`; Maven `group:artifact`).
    pub name: String,
    /// `None` when unknown; `unknown_reason` says why.
    pub version: Option<String>,
    pub unknown_reason: Option<String>,
    pub path: String,
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ManifestKind {
    PackageLock,
    /// package.json: declared ranges, used only where no lockfile names the package.
    PackageJson,
    YarnLock,
    PnpmLock,
    Requirements,
    TomlLock(Ecosystem),
    PipfileLock,
    GoMod,
    Pom,
    Gradle,
}

pub fn manifest_kind(rel: &str) -> Option<ManifestKind> {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    Some(match name {
        "package-lock.json" | "npm-shrinkwrap.json" => ManifestKind::PackageLock,
        "package.json" => ManifestKind::PackageJson,
        "yarn.lock" => ManifestKind::YarnLock,
        "pnpm-lock.yaml" => ManifestKind::PnpmLock,
        "poetry.lock" | "uv.lock" => ManifestKind::TomlLock(Ecosystem::PyPI),
        "Cargo.lock" => ManifestKind::TomlLock(Ecosystem::Cargo),
        "Pipfile.lock" => ManifestKind::PipfileLock,
        "go.mod" => ManifestKind::GoMod,
        "pom.xml" => ManifestKind::Pom,
        "build.gradle" | "build.gradle.kts" => ManifestKind::Gradle,
        _ if name.starts_with("requirements") && name.ends_with(".txt") => {
            ManifestKind::Requirements
        }
        _ => return None,
    })
}

struct Out<'a> {
    rel: &'a str,
    deps: Vec<Dependency>,
}

impl Out<'_> {
    fn known(&mut self, ecosystem: Ecosystem, name: &str, version: &str, line: usize) {
        self.push(
            ecosystem,
            name,
            Some(version.trim().to_string()),
            None,
            line,
        );
    }

    fn unknown(&mut self, ecosystem: Ecosystem, name: &str, reason: String, line: usize) {
        self.push(ecosystem, name, None, Some(reason), line);
    }

    fn push(
        &mut self,
        ecosystem: Ecosystem,
        name: &str,
        version: Option<String>,
        reason: Option<String>,
        line: usize,
    ) {
        let name = ecosystem.normalize_name(name.trim());
        if !name.is_empty() {
            self.deps.push(Dependency {
                ecosystem,
                name,
                version,
                unknown_reason: reason,
                path: self.rel.to_string(),
                line,
            });
        }
    }
}

/// Parses a lockfile or manifest; a malformed one gives a warning naming the file and
/// line, and whatever could be read.
pub fn parse_manifest(
    kind: ManifestKind,
    rel: &str,
    text: &str,
) -> (Vec<Dependency>, Vec<Diagnostic>) {
    let mut out = Out {
        rel,
        deps: Vec::new(),
    };
    let result = match kind {
        ManifestKind::PackageLock => package_lock(text, &mut out),
        ManifestKind::PackageJson => package_json(text, &mut out),
        ManifestKind::YarnLock => {
            yarn_lock(text, &mut out);
            Ok(())
        }
        ManifestKind::PnpmLock => {
            pnpm_lock(text, &mut out);
            Ok(())
        }
        ManifestKind::Requirements => {
            requirements(text, &mut out);
            Ok(())
        }
        ManifestKind::TomlLock(ecosystem) => toml_lock(text, ecosystem, &mut out),
        ManifestKind::PipfileLock => pipfile_lock(text, &mut out),
        ManifestKind::GoMod => {
            go_mod(text, &mut out);
            Ok(())
        }
        ManifestKind::Pom => pom(text, &mut out),
        ManifestKind::Gradle => {
            gradle(text, &mut out);
            Ok(())
        }
    };
    let diagnostics = match result {
        Ok(()) => vec![],
        Err((line, message)) => vec![Diagnostic::new(
            DiagnosticLevel::Warning,
            Some(rel.to_string()),
            format!("dependency versions not read: {message}"),
        )
        .at_line(line)],
    };
    (out.deps, diagnostics)
}

type ParseResult = Result<(), (usize, String)>;

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// Line of the first occurrence of `needle`, or 1.
fn line_of_text(text: &str, needle: &str) -> usize {
    text.find(needle).map_or(1, |at| line_of(text, at))
}

fn json_error(e: serde_json::Error) -> (usize, String) {
    (e.line(), e.to_string())
}

/// package.json `dependencies` (and dev, peer, optional). An exact version, or a caret
/// or tilde range, gives the lowest version it admits (`^8.5.1` is 8.5.1 up to 9): the
/// major version, which is what version conditions on auth libraries mostly turn on,
/// is then right. Other ranges (`>=`, `*`, tags, URLs) give an unknown version.
fn package_json(text: &str, out: &mut Out<'_>) -> ParseResult {
    static LOWER: OnceLock<Regex> = OnceLock::new();
    let lower = LOWER.get_or_init(|| {
        Regex::new(r"^[\^~]?v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)$").expect("valid pattern")
    });
    let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
    for section in [
        "dependencies",
        "devDependencies",
        "peerDependencies",
        "optionalDependencies",
    ] {
        let Some(deps) = value.get(section).and_then(|d| d.as_object()) else {
            continue;
        };
        for (name, spec) in deps {
            let spec = spec.as_str().unwrap_or("").trim();
            let line = line_of_text(text, &format!("\"{name}\""));
            match lower.captures(spec) {
                Some(c) => out.known(Ecosystem::Npm, name, &c[1], line),
                None => out.unknown(
                    Ecosystem::Npm,
                    name,
                    format!("declared as `{spec}` in package.json, and no lockfile"),
                    line,
                ),
            }
        }
    }
    Ok(())
}

/// package-lock.json v1 (`dependencies` tree) and v2/v3 (`packages` by path).
fn package_lock(text: &str, out: &mut Out<'_>) -> ParseResult {
    let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
    if let Some(packages) = value.get("packages").and_then(|p| p.as_object()) {
        for (path, entry) in packages {
            let Some(name) = path.rsplit_once("node_modules/").map(|(_, n)| n) else {
                continue;
            };
            if let Some(version) = entry.get("version").and_then(|v| v.as_str()) {
                out.known(
                    Ecosystem::Npm,
                    name,
                    version,
                    line_of_text(text, &format!("\"{path}\"")),
                );
            }
        }
        return Ok(());
    }
    fn walk(deps: &serde_json::Map<String, serde_json::Value>, text: &str, out: &mut Out<'_>) {
        for (name, entry) in deps {
            if let Some(version) = entry.get("version").and_then(|v| v.as_str()) {
                out.known(
                    Ecosystem::Npm,
                    name,
                    version,
                    line_of_text(text, &format!("\"{name}\": {{")),
                );
            }
            if let Some(nested) = entry.get("dependencies").and_then(|d| d.as_object()) {
                walk(nested, text, out);
            }
        }
    }
    if let Some(deps) = value.get("dependencies").and_then(|d| d.as_object()) {
        walk(deps, text, out);
    }
    Ok(())
}

/// yarn.lock, classic (`version "1.2.3"`) and berry (`version: 1.2.3`).
fn yarn_lock(text: &str, out: &mut Out<'_>) {
    let mut names: Vec<String> = Vec::new();
    let mut header_line = 0;
    for (idx, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if !line.starts_with(' ') && line.trim_end().ends_with(':') {
            header_line = idx + 1;
            names = line
                .trim_end()
                .trim_end_matches(':')
                .split(", ")
                .filter_map(|spec| {
                    let spec = spec.trim().trim_matches('"');
                    let at = spec[1..].find('@')? + 1;
                    Some(spec[..at].to_string())
                })
                .collect();
            names.dedup();
            continue;
        }
        let trimmed = line.trim();
        if let Some(version) = trimmed
            .strip_prefix("version ")
            .or_else(|| trimmed.strip_prefix("version: "))
        {
            for name in names.drain(..) {
                out.known(
                    Ecosystem::Npm,
                    &name,
                    version.trim().trim_matches('"'),
                    header_line,
                );
            }
        }
    }
}

/// pnpm-lock.yaml package keys: `/name@1.2.3:` (v6+), `name@1.2.3:` (v9), `/name/1.2.3:` (v5).
fn pnpm_lock(text: &str, out: &mut Out<'_>) {
    static KEY: OnceLock<Regex> = OnceLock::new();
    let key = KEY.get_or_init(|| {
        Regex::new(r#"^  '?/?((?:@[^/@\s]+/)?[^/@\s(]+)[@/](\d[^:()'\s_]*)"#)
            .expect("valid pattern")
    });
    let mut in_packages = false;
    for (idx, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if !line.starts_with(' ') {
            in_packages = line.starts_with("packages:");
            continue;
        }
        if in_packages {
            if let Some(c) = key.captures(line) {
                out.known(Ecosystem::Npm, &c[1], &c[2], idx + 1);
            }
        }
    }
}

/// requirements*.txt: `name==1.2.3` is known; any other specifier is a range, unknown.
fn requirements(text: &str, out: &mut Out<'_>) {
    static REQ: OnceLock<Regex> = OnceLock::new();
    let req = REQ.get_or_init(|| {
        Regex::new(r"^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(===|==|~=|!=|>=|<=|>|<)?\s*([^\s;,#]*)").expect("valid pattern")
    });
    for (idx, line) in text.lines().enumerate() {
        let line = line.split(" #").next().unwrap_or(line).trim();
        if line.is_empty() || line.starts_with('#') || line.starts_with('-') || line.contains("://")
        {
            continue;
        }
        let Some(c) = req.captures(line) else {
            continue;
        };
        let name = &c[1];
        match (c.get(3).map(|m| m.as_str()), c.get(4).map(|m| m.as_str())) {
            (Some("==" | "==="), Some(version))
                if !version.is_empty() && !version.contains('*') && !line.contains(',') =>
            {
                out.known(Ecosystem::PyPI, name, version, idx + 1)
            }
            (None, _) => out.unknown(
                Ecosystem::PyPI,
                name,
                "not pinned in requirements".to_string(),
                idx + 1,
            ),
            _ => out.unknown(
                Ecosystem::PyPI,
                name,
                format!("a range (`{}`), not a pinned version", line.trim()),
                idx + 1,
            ),
        }
    }
}

#[derive(Deserialize)]
struct TomlLock {
    #[serde(default)]
    package: Vec<toml::Spanned<TomlPackage>>,
}

#[derive(Deserialize)]
struct TomlPackage {
    name: String,
    version: Option<String>,
}

/// poetry.lock, uv.lock and Cargo.lock: `[[package]]` tables with name and version.
fn toml_lock(text: &str, ecosystem: Ecosystem, out: &mut Out<'_>) -> ParseResult {
    let lock: TomlLock = toml::from_str(text).map_err(|e| {
        let line = e.span().map_or(1, |s| line_of(text, s.start));
        (line, e.message().trim().to_string())
    })?;
    for package in lock.package {
        let line = line_of(text, package.span().start);
        let package = package.into_inner();
        match package.version {
            Some(version) => out.known(ecosystem, &package.name, &version, line),
            None => out.unknown(
                ecosystem,
                &package.name,
                "no version in the lockfile".to_string(),
                line,
            ),
        }
    }
    Ok(())
}

/// Pipfile.lock: `default` and `develop` sections, versions written `==1.2.3`.
fn pipfile_lock(text: &str, out: &mut Out<'_>) -> ParseResult {
    let value: serde_json::Value = serde_json::from_str(text).map_err(json_error)?;
    for section in ["default", "develop"] {
        let Some(packages) = value.get(section).and_then(|s| s.as_object()) else {
            continue;
        };
        for (name, entry) in packages {
            let line = line_of_text(text, &format!("\"{name}\": {{"));
            match entry
                .get("version")
                .and_then(|v| v.as_str())
                .and_then(|v| v.strip_prefix("=="))
            {
                Some(version) => out.known(Ecosystem::PyPI, name, version, line),
                None => out.unknown(
                    Ecosystem::PyPI,
                    name,
                    "no pinned version (VCS or path dependency)".to_string(),
                    line,
                ),
            }
        }
    }
    Ok(())
}

/// go.mod `require` lines, single and in blocks.
fn go_mod(text: &str, out: &mut Out<'_>) {
    let mut in_block = false;
    for (idx, line) in text.lines().enumerate() {
        let line = line.split("//").next().unwrap_or("").trim();
        let spec = if in_block {
            if line == ")" {
                in_block = false;
                continue;
            }
            line
        } else if let Some(rest) = line.strip_prefix("require") {
            let rest = rest.trim();
            if rest == "(" {
                in_block = true;
                continue;
            }
            rest
        } else {
            continue;
        };
        let mut parts = spec.split_whitespace();
        if let (Some(module), Some(version)) = (parts.next(), parts.next()) {
            out.known(Ecosystem::Go, module, version, idx + 1);
        }
    }
}

/// pom.xml direct dependencies; `${property}` resolved from the same pom's
/// `<properties>` (and `${project.version}`); anything else is unknown.
fn pom(text: &str, out: &mut Out<'_>) -> ParseResult {
    let doc =
        roxmltree::Document::parse(text).map_err(|e| (e.pos().row as usize, e.to_string()))?;
    let root = doc.root_element();
    let child = |node: roxmltree::Node<'_, '_>, name: &str| {
        node.children()
            .find(|c| c.has_tag_name(name))
            .and_then(|c| c.text())
            .map(|t| t.trim().to_string())
    };
    let properties = root.children().find(|c| c.has_tag_name("properties"));
    let property = |name: &str| -> Option<String> {
        if name == "project.version" {
            return child(root, "version");
        }
        properties.and_then(|p| child(p, name))
    };
    for dependencies in root
        .descendants()
        .filter(|n| n.has_tag_name("dependencies"))
    {
        let managed = dependencies
            .parent()
            .is_some_and(|p| p.has_tag_name("dependencyManagement"));
        if managed {
            continue;
        }
        for dependency in dependencies
            .children()
            .filter(|n| n.has_tag_name("dependency"))
        {
            let (Some(group), Some(artifact)) = (
                child(dependency, "groupId"),
                child(dependency, "artifactId"),
            ) else {
                continue;
            };
            let name = format!("{group}:{artifact}");
            let line = doc.text_pos_at(dependency.range().start).row as usize;
            match child(dependency, "version") {
                None => out.unknown(
                    Ecosystem::Maven,
                    &name,
                    "version managed by a parent POM or BOM".to_string(),
                    line,
                ),
                Some(version) => match version.strip_prefix("${").and_then(|v| v.strip_suffix('}'))
                {
                    Some(prop) => match property(prop) {
                        Some(resolved) if !resolved.contains("${") => {
                            out.known(Ecosystem::Maven, &name, &resolved, line)
                        }
                        _ => out.unknown(
                            Ecosystem::Maven,
                            &name,
                            format!("property `{prop}` is not defined in this pom"),
                            line,
                        ),
                    },
                    None => out.known(Ecosystem::Maven, &name, &version, line),
                },
            }
        }
    }
    Ok(())
}

/// build.gradle(.kts) string notation `group:artifact:version`; variables and version
/// catalogs are unknown.
fn gradle(text: &str, out: &mut Out<'_>) {
    static DEP: OnceLock<Regex> = OnceLock::new();
    static CATALOG: OnceLock<Regex> = OnceLock::new();
    let dep = DEP.get_or_init(|| {
        Regex::new(r#"\b(?:implementation|api|compile|runtimeOnly|compileOnly|testImplementation|annotationProcessor)\s*\(?\s*["']([^:"'\s]+):([^:"'\s]+)(?::([^"'@\s]+))?"#).expect("valid pattern")
    });
    let catalog = CATALOG.get_or_init(|| {
        Regex::new(r"\b(?:implementation|api|runtimeOnly|compileOnly)\s*\(?\s*(libs\.[\w.]+)")
            .expect("valid pattern")
    });
    for (idx, line) in text.lines().enumerate() {
        if let Some(c) = dep.captures(line) {
            let name = format!("{}:{}", &c[1], &c[2]);
            match c.get(3).map(|m| m.as_str()) {
                Some(version) if !version.contains('$') => {
                    out.known(Ecosystem::Maven, &name, version, idx + 1)
                }
                Some(version) => out.unknown(
                    Ecosystem::Maven,
                    &name,
                    format!("version from a variable (`{version}`)"),
                    idx + 1,
                ),
                None => out.unknown(
                    Ecosystem::Maven,
                    &name,
                    "no version (platform or BOM)".to_string(),
                    idx + 1,
                ),
            }
        } else if let Some(c) = catalog.captures(line) {
            out.unknown(
                Ecosystem::Maven,
                &c[1],
                "version from a version catalog".to_string(),
                idx + 1,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(rel: &str, text: &str) -> Vec<(String, Option<String>, usize)> {
        let kind = manifest_kind(rel).expect("a manifest");
        let (deps, diagnostics) = parse_manifest(kind, rel, text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        deps.into_iter()
            .map(|d| (d.name, d.version, d.line))
            .collect()
    }

    fn dep(name: &str, version: Option<&str>, line: usize) -> (String, Option<String>, usize) {
        (name.to_string(), version.map(str::to_string), line)
    }

    #[test]
    fn package_lock_v1_and_v3() {
        let v3 = "{\n  \"lockfileVersion\": 3,\n  \"packages\": {\n    \"\": {\"name\": \"app\"},\n    \"node_modules/passport\": {\n      \"version\": \"0.5.3\"\n    },\n    \"node_modules/a/node_modules/@scope/b\": {\"version\": \"1.0.0-rc.1\"}\n  }\n}\n";
        assert_eq!(
            parse("package-lock.json", v3),
            vec![
                dep("@scope/b", Some("1.0.0-rc.1"), 8),
                dep("passport", Some("0.5.3"), 5)
            ]
        );
        let v1 = "{\n  \"lockfileVersion\": 1,\n  \"dependencies\": {\n    \"jsonwebtoken\": {\n      \"version\": \"8.5.1\"\n    }\n  }\n}\n";
        assert_eq!(
            parse("package-lock.json", v1),
            vec![dep("jsonwebtoken", Some("8.5.1"), 4)]
        );
    }

    #[test]
    fn yarn_classic_and_berry() {
        let classic = "# yarn lockfile v1\n\n\"@types/node@^18\", \"@types/node@^18.1\":\n  version \"18.2.0\"\n\npassport@^0.5.0:\n  version \"0.5.3\"\n";
        assert_eq!(
            parse("yarn.lock", classic),
            vec![
                dep("@types/node", Some("18.2.0"), 3),
                dep("passport", Some("0.5.3"), 6)
            ]
        );
        let berry =
            "\"passport@npm:^0.6.0\":\n  version: 0.6.0\n  resolution: \"passport@npm:0.6.0\"\n";
        assert_eq!(
            parse("yarn.lock", berry),
            vec![dep("passport", Some("0.6.0"), 1)]
        );
    }

    #[test]
    fn pnpm_lock_keys() {
        let text = "lockfileVersion: '6.0'\npackages:\n  /passport@0.5.3:\n    resolution: {integrity: x}\n  /@scope/pkg@1.2.0(react@18.0.0):\n    dev: false\n";
        assert_eq!(
            parse("pnpm-lock.yaml", text),
            vec![
                dep("passport", Some("0.5.3"), 3),
                dep("@scope/pkg", Some("1.2.0"), 5)
            ]
        );
    }

    #[test]
    fn package_json_declarations_give_the_lowest_admitted_version() {
        let text = "{\n  \"dependencies\": {\n    \"jsonwebtoken\": \"^8.5.1\",\n    \"jose\": \"5.2.0\",\n    \"passport\": \">=0.4\"\n  },\n  \"devDependencies\": { \"express-jwt\": \"~6.1.2\" }\n}\n";
        assert_eq!(
            parse("package.json", text),
            vec![
                dep("jose", Some("5.2.0"), 4),
                dep("jsonwebtoken", Some("8.5.1"), 3),
                dep("passport", None, 5),
                dep("express-jwt", Some("6.1.2"), 7),
            ]
        );
    }

    #[test]
    fn requirements_pinned_and_ranges() {
        let text = "# deps\nPyJWT==2.3.0\nDjango[argon2]>=4.2,<5\nflask\n-r base.txt\nrequests==2.31.0 ; python_version > '3.8'\n";
        assert_eq!(
            parse("requirements-prod.txt", text),
            vec![
                dep("pyjwt", Some("2.3.0"), 2),
                dep("django", None, 3),
                dep("flask", None, 4),
                dep("requests", Some("2.31.0"), 6)
            ]
        );
    }

    #[test]
    fn toml_lockfiles() {
        let text = "[[package]]\nname = \"PyJWT\"\nversion = \"1.7.1\"\n\n[[package]]\nname = \"authlib\"\nversion = \"1.2.0\"\n";
        assert_eq!(
            parse("poetry.lock", text),
            vec![
                dep("pyjwt", Some("1.7.1"), 1),
                dep("authlib", Some("1.2.0"), 5)
            ]
        );
        assert_eq!(
            parse(
                "Cargo.lock",
                "version = 3\n[[package]]\nname = \"jsonwebtoken\"\nversion = \"8.0.0\"\n"
            ),
            vec![dep("jsonwebtoken", Some("8.0.0"), 2)]
        );
    }

    #[test]
    fn pipfile_lock() {
        let text = "{\n  \"default\": {\n    \"pyjwt\": {\n      \"version\": \"==2.4.0\"\n    },\n    \"local\": {\n      \"path\": \".\"\n    }\n  }\n}\n";
        assert_eq!(
            parse("Pipfile.lock", text),
            vec![dep("local", None, 6), dep("pyjwt", Some("2.4.0"), 3)]
        );
    }

    #[test]
    fn go_mod_requires() {
        let text = "module x\n\ngo 1.22\n\nrequire github.com/dgrijalva/jwt-go v3.2.0+incompatible\nrequire (\n\tgithub.com/golang-jwt/jwt/v5 v5.2.0\n\tgolang.org/x/crypto v0.0.0-20210921155107-089bfa567519 // indirect\n)\n";
        assert_eq!(
            parse("go.mod", text),
            vec![
                dep(
                    "github.com/dgrijalva/jwt-go",
                    Some("v3.2.0+incompatible"),
                    5
                ),
                dep("github.com/golang-jwt/jwt/v5", Some("v5.2.0"), 7),
                dep(
                    "golang.org/x/crypto",
                    Some("v0.0.0-20210921155107-089bfa567519"),
                    8
                ),
            ]
        );
    }

    #[test]
    fn pom_properties_and_managed_versions() {
        let text = "<project>\n  <version>1.0</version>\n  <properties>\n    <jjwt.version>0.11.5</jjwt.version>\n  </properties>\n  <dependencies>\n    <dependency>\n      <groupId>io.jsonwebtoken</groupId>\n      <artifactId>jjwt-api</artifactId>\n      <version>${jjwt.version}</version>\n    </dependency>\n    <dependency>\n      <groupId>org.springframework.security</groupId>\n      <artifactId>spring-security-core</artifactId>\n    </dependency>\n  </dependencies>\n</project>\n";
        assert_eq!(
            parse("pom.xml", text),
            vec![
                dep("io.jsonwebtoken:jjwt-api", Some("0.11.5"), 7),
                dep(
                    "org.springframework.security:spring-security-core",
                    None,
                    12
                )
            ]
        );
    }

    #[test]
    fn gradle_notation() {
        let text = "dependencies {\n    implementation 'com.auth0:java-jwt:3.19.0'\n    implementation(\"io.jsonwebtoken:jjwt-api:$jjwtVersion\")\n    implementation(libs.spring.security)\n}\n";
        assert_eq!(
            parse("build.gradle.kts", text),
            vec![
                dep("com.auth0:java-jwt", Some("3.19.0"), 2),
                dep("io.jsonwebtoken:jjwt-api", None, 3),
                dep("libs.spring.security", None, 4)
            ]
        );
    }

    #[test]
    fn malformed_lockfiles_warn_with_a_line() {
        let (deps, diagnostics) = parse_manifest(
            ManifestKind::PackageLock,
            "package-lock.json",
            "{\n  \"packages\": {\n    oops\n",
        );
        assert!(deps.is_empty());
        assert_eq!(diagnostics[0].line, Some(3));
        let (_, diagnostics) = parse_manifest(
            ManifestKind::Pom,
            "pom.xml",
            "<project>\n<dependencies>\n</project>\n",
        );
        assert_eq!(diagnostics.len(), 1);
        let (_, diagnostics) = parse_manifest(
            ManifestKind::TomlLock(Ecosystem::PyPI),
            "poetry.lock",
            "[[package]]\nname = \n",
        );
        assert_eq!(diagnostics[0].line, Some(2));
    }
}

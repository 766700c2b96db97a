//! Project facts, collected in the same walk as the scan: configuration values
//! (properties, YAML, `.env`, INI, JSON, settings modules) and dependency versions
//! (lockfiles and manifests), each with the file and line they came from. Rules reach them through `metadata.where` conditions, and a
//! finding decided by a fact names it as evidence.

mod config;
mod deps;
pub mod version;

pub use config::{config_kind, parse_config, unquote as unquote_literal, ConfigKind};
pub use deps::{manifest_kind, parse_manifest, Dependency, ManifestKind};
pub use version::{Ecosystem, VersionRange};

use std::collections::BTreeMap;

/// One configuration value and where it was set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigValue {
    /// Dotted key for nested formats (`spring.security.hash`), the plain name otherwise.
    pub key: String,
    pub value: String,
    pub path: String,
    pub line: usize,
}

/// Everything known about the project before conditions are decided.
#[derive(Debug, Default)]
pub struct Facts {
    config: BTreeMap<String, Vec<ConfigValue>>,
    deps: Vec<Dependency>,
    apps: Apps,
}

/// The apps of the scanned tree: every directory holding a manifest (package.json,
/// go.mod, pom.xml, requirements.txt, ...) is the root of one app (a package, module or
/// service of a monorepo). App-wide questions (which version of a library, is there CSRF
/// middleware) are answered within the app of the file being judged.
#[derive(Debug, Default)]
pub struct Apps {
    /// Directories relative to the scan root; `""` is the root itself.
    roots: std::collections::BTreeSet<String>,
}

impl Apps {
    pub fn add_manifest(&mut self, path: &str) {
        self.roots.insert(dir_of(path).to_string());
    }

    /// The nearest directory at or above `path` that holds a manifest; `""` (the scan
    /// root) when there is none.
    pub fn root_of<'a>(&'a self, path: &str) -> &'a str {
        let mut dir = dir_of(path);
        loop {
            if let Some(root) = self.roots.get(dir) {
                return root;
            }
            if dir.is_empty() {
                return "";
            }
            dir = dir_of(dir);
        }
    }
}

/// The directory part of a relative path (`""` at the root).
pub(crate) fn dir_of(path: &str) -> &str {
    path.rsplit_once('/').map(|(dir, _)| dir).unwrap_or("")
}

/// Whether directory `dir` is `path`'s directory or one above it.
fn is_within(path: &str, dir: &str) -> bool {
    dir.is_empty()
        || path
            .strip_prefix(dir)
            .is_some_and(|rest| rest.starts_with('/'))
}

impl Facts {
    pub fn add_config(&mut self, values: Vec<ConfigValue>) {
        for value in values {
            self.config
                .entry(value.key.clone())
                .or_default()
                .push(value);
        }
    }

    pub fn add_deps(&mut self, deps: Vec<Dependency>) {
        self.deps.extend(deps);
    }

    /// Records a manifest or lockfile: its directory is the root of an app.
    pub fn add_manifest(&mut self, path: &str) {
        self.apps.add_manifest(path);
    }

    pub fn apps(&self) -> &Apps {
        &self.apps
    }

    /// Sorts the values of every key by path and line, so that lookups are
    /// deterministic whatever order the parallel walk found the files in.
    ///
    /// A package.json declaration is dropped where a lockfile in its directory or above
    /// (a workspace root) names the same package: the lockfile says what is installed.
    pub fn finish(&mut self) {
        let is_declaration =
            |d: &Dependency| manifest_kind(&d.path) == Some(ManifestKind::PackageJson);
        let mut locked: std::collections::HashMap<String, Vec<String>> = Default::default();
        for d in self
            .deps
            .iter()
            .filter(|d| d.ecosystem == Ecosystem::Npm && !is_declaration(d))
        {
            locked
                .entry(d.name.clone())
                .or_default()
                .push(dir_of(&d.path).to_string());
        }
        self.deps.retain(|d| {
            !(d.ecosystem == Ecosystem::Npm
                && is_declaration(d)
                && locked
                    .get(&d.name)
                    .is_some_and(|dirs| dirs.iter().any(|dir| is_within(&d.path, dir))))
        });
        for values in self.config.values_mut() {
            values.sort_by(|a, b| (&a.path, a.line).cmp(&(&b.path, b.line)));
        }
        self.deps.sort_by(|a, b| {
            (a.ecosystem, &a.name, &a.path, a.line).cmp(&(b.ecosystem, &b.name, &b.path, b.line))
        });
    }

    /// Every record of a dependency (a lockfile and a manifest may both name it).
    pub fn dependency(
        &self,
        ecosystem: Ecosystem,
        name: &str,
    ) -> impl Iterator<Item = &Dependency> {
        let name = ecosystem.normalize_name(name);
        self.deps
            .iter()
            .filter(move |d| d.ecosystem == ecosystem && d.name == name)
    }

    /// The records of a dependency that apply to the file at `near`: those of the
    /// nearest manifest or lockfile at or above it that names the package; when none
    /// above it does (a shared module outside any app that names it), every record.
    pub fn dependency_near<'a>(
        &'a self,
        ecosystem: Ecosystem,
        name: &str,
        near: &str,
    ) -> Vec<&'a Dependency> {
        let all: Vec<&Dependency> = self.dependency(ecosystem, name).collect();
        let nearest = all
            .iter()
            .map(|d| dir_of(&d.path))
            .filter(|dir| is_within(near, dir))
            .max_by_key(|dir| dir.len());
        match nearest {
            Some(dir) => all
                .iter()
                .copied()
                .filter(|d| dir_of(&d.path) == dir)
                .collect(),
            None => all,
        }
    }

    pub fn dependencies(&self) -> &[Dependency] {
        &self.deps
    }

    /// Every value set for `key` (several files may set it, e.g. per profile).
    pub fn config(&self, key: &str) -> &[ConfigValue] {
        self.config.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn config_len(&self) -> usize {
        self.config.values().map(Vec::len).sum()
    }
}

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

    /// Sorts the values of every key by path and line, so that lookups are
    /// deterministic whatever order the parallel walk found the files in.
    ///
    /// A package.json declaration is dropped where a lockfile names the same package:
    /// the lockfile says what is installed.
    pub fn finish(&mut self) {
        let is_declaration =
            |d: &Dependency| manifest_kind(&d.path) == Some(ManifestKind::PackageJson);
        let locked: std::collections::HashSet<String> = self
            .deps
            .iter()
            .filter(|d| d.ecosystem == Ecosystem::Npm && !is_declaration(d))
            .map(|d| d.name.clone())
            .collect();
        self.deps.retain(|d| {
            !(d.ecosystem == Ecosystem::Npm && is_declaration(d) && locked.contains(&d.name))
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

//! One trusted external issuer: OIDC-style discovery, its JWKS, and a cache
//! that lives as long as the server.
//!
//! `GET <issuer>/.well-known/openid-configuration` must name the issuer
//! itself and an `http://` `jwks_uri` on the issuer's host. The fetched
//! key set is cached and fetched again (once per lookup) when a token names
//! a kid the cache does not hold, so a rotated key is picked up. Any failed
//! fetch makes the lookup fail, which the verifiers turn into a rejection.

use std::sync::{Arc, Mutex};

use anyhow::{bail, Context};
use reqwest::Url;
use serde_json::Value;

use crate::tokens::fetch;

/// The issuer's keys as fetched: the `keys` array of its JWKS.
type KeySet = Arc<Vec<Value>>;

/// The outcome of looking a kid up in the issuer's key set.
pub(crate) enum KidLookup {
    /// The JWK with that kid.
    Found(Value),
    /// No JWK has that kid, even after fetching the set again; `first` is
    /// the set's first JWK (for `kid-fallback`).
    Unknown { first: Option<Value> },
}

/// The issuer named by [`crate::Config::trusted_issuer`].
pub(crate) struct TrustedIssuer {
    url: String,
    origin: Url,
    keys: Mutex<Option<KeySet>>,
}

impl TrustedIssuer {
    /// `url` must be an absolute `http://` URL with a host.
    pub(crate) fn new(url: &str) -> anyhow::Result<TrustedIssuer> {
        let origin =
            Url::parse(url).with_context(|| format!("the trusted issuer {url:?} is no URL"))?;
        if origin.scheme() != "http" || origin.host_str().is_none() {
            bail!("the trusted issuer {url:?} must be an http:// URL with a host");
        }
        Ok(TrustedIssuer {
            url: url.to_string(),
            origin,
            keys: Mutex::new(None),
        })
    }

    /// The issuer URL, exactly as configured: the `iss` its tokens carry.
    pub(crate) fn url(&self) -> &str {
        &self.url
    }

    fn cached(&self) -> Option<KeySet> {
        self.keys.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Is `url` an `http://` URL on the issuer's host (any port)?
    fn same_host(&self, url: &str) -> bool {
        url.starts_with("http://")
            && Url::parse(url)
                .is_ok_and(|u| u.scheme() == "http" && u.host_str() == self.origin.host_str())
    }

    /// Discovery, then the JWKS; None on any failure. A success replaces the cache.
    async fn fetch_keys(&self, http: &reqwest::Client) -> Option<KeySet> {
        let discovery_url = format!(
            "{}/.well-known/openid-configuration",
            self.url.trim_end_matches('/')
        );
        let body = fetch(http, &discovery_url).await?;
        let discovery: Value = serde_json::from_slice(&body).ok()?;
        if discovery.get("issuer")?.as_str()? != self.url {
            return None;
        }
        let jwks_uri = discovery.get("jwks_uri")?.as_str()?;
        if !self.same_host(jwks_uri) {
            return None;
        }
        let body = fetch(http, jwks_uri).await?;
        let jwks: Value = serde_json::from_slice(&body).ok()?;
        let keys: KeySet = Arc::new(jwks.get("keys")?.as_array()?.clone());
        *self.keys.lock().unwrap_or_else(|e| e.into_inner()) = Some(keys.clone());
        Some(keys)
    }

    /// The JWK named `kid`, from the cache or, when the cache lacks it (or is
    /// empty), from a fresh fetch. None when a needed fetch failed.
    pub(crate) async fn lookup(&self, http: &reqwest::Client, kid: &str) -> Option<KidLookup> {
        let find = |keys: &[Value]| {
            keys.iter()
                .find(|k| k.get("kid").and_then(Value::as_str) == Some(kid))
                .cloned()
        };
        let keys = match self.cached() {
            Some(keys) => {
                if let Some(jwk) = find(&keys) {
                    return Some(KidLookup::Found(jwk));
                }
                // Perhaps rotated: fetch once more.
                self.fetch_keys(http).await?
            }
            None => self.fetch_keys(http).await?,
        };
        Some(match find(&keys) {
            Some(jwk) => KidLookup::Found(jwk),
            None => KidLookup::Unknown {
                first: keys.first().cloned(),
            },
        })
    }
}

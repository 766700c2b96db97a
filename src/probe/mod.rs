//! `authgate probe`: adversarial negative-case tests against a running service.

pub mod calibrate;
pub mod canary;
pub mod check;
pub mod checks;
pub mod expect;
pub mod forge;
pub mod http;
pub mod mint;
pub mod oauth;
pub mod profile;
pub mod provider;
pub mod report;
pub mod run;
pub mod session;

//! `authgate probe`: adversarial negative-case tests against a running service
//! (issue #8, in progress on this branch: the target profile first).

pub mod calibrate;
pub mod forge;
pub mod http;
pub mod profile;

//! authgate: treats authentication code as untrusted until it proves itself.
//!
//! The library holds the engine, policy and report model; `main.rs` and `cli/`
//! turn command lines into calls and results into exit codes.

pub mod cli;
pub mod docs;
pub mod facts;
pub mod finding;
pub mod policy;
pub mod probe;
pub mod report;
pub mod review;
pub mod scan;

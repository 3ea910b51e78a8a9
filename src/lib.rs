//! ThreatLens: reads cyber-security news and says what threat an article
//! reports and who it blames, and how firmly.
//!
//! The request path, one module per step:
//!
//! ```text
//! server (gRPC) ─► validate ─► tokenize (windows, sentences)
//!   ─► batching (bounded queue, dynamic batches) ─► inference (tract workers)
//!   ─► postprocess (scores, attribution, actors) ─► response
//! ```
//!
//! The server, the CLI and the tests all go through [`engine::Engine`], so
//! there is exactly one code path from an article to its labels.

pub mod adapter;
pub mod batching;
pub mod config;
pub mod engine;
pub mod error;
pub mod inference;
pub mod lexicon;
pub mod metrics;
pub mod model;
pub mod postprocess;
pub mod proto;
pub mod score;
pub mod server;
pub mod text;
pub mod tokenize;
pub mod validate;

//! Shared pieces of the attio-rs benchmarks: a seeded response generator, the models decoded
//! and encoded, the baselines they are compared with, and a counting allocator.
//! See `BENCHMARKS.md` at the repository root for how to run them and what the figures mean.

pub mod alloc;
pub mod mirror;
pub mod models;
pub mod paired;
pub mod report;
pub mod throughput;
pub mod visitor;
pub mod workload;

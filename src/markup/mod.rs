//! Phase 11, markup: what the author wrote kept as written (footnotes, code, math, callouts).

// Wired into the pipeline by the markup phase.
#[allow(dead_code)]
pub mod math;

//! Clean-up of the winner, one module per job, in pipeline order:
//!
//! - [`conditional`]: Readability.js's `_prepArticle` and `_cleanConditionally`, run on every
//!   scoring attempt (the cleaned length decides whether to retry with relaxed rules);
//! - [`post_process`]: absolute URLs, script links, empty containers, nested wrappers;
//! - [`precision`]: our pass against the boilerplate the Readability rules keep;
//! - [`declared_body`]: the page's own JSON-LD `articleBody` as the last word.

pub mod conditional;
pub mod declared_body;
pub mod post_process;
pub mod precision;

//! The workbench core: everything the window does that is not drawing, as plain Rust with unit
//! tests and no egui. The shell (`ui`, behind the `gui` feature) keeps the state these functions
//! read, draws it, and turns clicks and keys into commands that call them.
//!
//! - [`source`]: where a corpus comes from, the loaded corpus, the load on its own thread;
//! - [`corpus_index`]: per-corpus lookups built once on the loading thread;
//! - [`decided`]: decisions taken in the window, saved and replayed on the machine's extraction;
//! - [`search`]: corpus-wide search hits per article;
//! - [`filter`] and [`view`]: the entity filter, the list order, and what they leave visible;
//! - [`navigation`]: next/previous article, next search hit, the passage to show first;
//! - [`links`]: an incident back to its amount and article;
//! - [`path_completion`]: completing a typed path (opening a corpus without a file dialog);
//! - [`session`]: the recent list and what a restored session keeps;
//! - [`jobs`] and [`wake`]: background jobs, panics turned into messages, waking the window;
//! - [`format`]: how figures, dates and counts read on screen.

pub mod corpus_index;
pub mod decided;
pub mod filter;
pub mod format;
pub mod jobs;
pub mod links;
pub mod navigation;
pub mod path_completion;
pub mod search;
pub mod session;
pub mod source;
pub mod view;
pub mod wake;

#[cfg(test)]
mod fixture;

pub use filter::{EntityFilter, SortBy};
pub use source::{CorpusSource, Loaded, Loading, Outcome};
pub use view::View;
pub use wake::Wake;

//! Decisions: the analyst's corrections to figures, incidents and names, kept in a file beside
//! the corpus and replayed on top of every extraction, so that the machine never has the last
//! word.
//!
//! - [`model`]: the record and the file format (`dossier-decisions`, version 1);
//! - [`replay`]: applying decisions to an analysis, reporting orphans and the machine's originals;
//! - [`store`]: reading and writing the file with the annotation file's guarantees.

pub mod model;
pub mod replay;
pub mod store;
pub mod training;

pub use model::{Change, Decision, DecisionFile, FigureAnchor, FigureEdit};
pub use replay::{ReplayReport, replay};
pub use store::{DecisionStore, DecisionsError};

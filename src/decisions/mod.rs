//! Decisions: the analyst's corrections to figures, incidents and names, kept in a file beside
//! the corpus and replayed on top of every extraction, so that the machine never has the last
//! word.
//!
//! - [`model`]: the record and the file format (`dossier-decisions`, version 1);
//! - [`replay`]: applying decisions to an analysis, reporting orphans and the machine's originals;
//! - [`store`]: reading and writing the file with the annotation file's guarantees;
//! - [`history`]: undo and redo of the decisions taken in a window;
//! - [`review`]: the review queue, where the machine is least sure.

pub mod history;
pub mod model;
pub mod replay;
pub mod review;
pub mod store;
pub mod training;

pub use model::{Change, Decision, DecisionFile, FigureAnchor, FigureEdit};
pub use replay::{ReplayReport, replay};
pub use store::{DecisionStore, DecisionsError};

use std::path::PathBuf;

use crate::analysis::Analysis;

/// Replays the decisions file beside `roots` (if any) on `analysis`: what the window does after
/// every load, as `dossier extract` does. A file that cannot be read is an error naming it; the
/// analysis is then the machine's alone.
pub fn replay_beside(
    roots: &[PathBuf],
    analysis: &mut Analysis,
) -> Result<ReplayReport, DecisionsError> {
    let Some(path) = store::default_path(roots) else {
        return Ok(ReplayReport::default());
    };
    let decisions = store::load(&path)?;
    Ok(replay(analysis, &decisions))
}

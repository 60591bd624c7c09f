//! The egui shell: view state and drawing over the core. TODO(gui helper).

pub mod annotations;
pub mod clipboard;

use std::path::PathBuf;

/// Opens the workbench window on `paths` (or the last corpus, or the sample corpus).
pub fn run(paths: Vec<PathBuf>) -> eframe::Result<()> {
    let _ = paths;
    Ok(())
}

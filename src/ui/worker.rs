//! The shell's own background work: the native file dialog, driven to completion on a worker
//! thread. Loading, search and the other jobs are in [`crate::workbench`].

use std::path::PathBuf;

use crate::ui::commands::DialogKind;

/// A dialog that closes faster than this did not show: no human cancels that quickly.
const NOT_SHOWN: std::time::Duration = std::time::Duration::from_millis(250);

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    Paths(Vec<PathBuf>),
    Cancelled,
    /// No dialog could open here, and why.
    Unavailable(String),
}

/// Shows a native file dialog. Runs on a worker thread: the async dialog is driven to completion
/// there, which every platform rfd supports. `missing` says why no dialog can open, when known in
/// advance (tests pass one to stand for such a desktop); else [`crate::desktop`] is asked.
pub fn pick_paths(kind: DialogKind, missing: Option<String>) -> Picked {
    if let Some(why) = missing.or_else(crate::desktop::file_dialog_missing) {
        return Picked::Unavailable(why);
    }
    let started = std::time::Instant::now();
    let dialog = rfd::AsyncFileDialog::new().set_title(match kind {
        DialogKind::Folder => "Open a corpus folder",
        DialogKind::Files => "Open corpus files",
    });
    let picked = match kind {
        DialogKind::Folder => pollster::block_on(dialog.pick_folder()).map(|h| vec![h]),
        DialogKind::Files => pollster::block_on(
            dialog
                .add_filter(
                    "Articles",
                    &[
                        "txt", "md", "markdown", "csv", "json", "jsonl", "ndjson", "html", "htm",
                    ],
                )
                .add_filter("All files", &["*"])
                .pick_files(),
        ),
    };
    let paths: Vec<PathBuf> = picked
        .unwrap_or_default()
        .into_iter()
        .map(|h| h.path().to_path_buf())
        .collect();
    if !paths.is_empty() {
        Picked::Paths(paths)
    } else if started.elapsed() < NOT_SHOWN {
        Picked::Unavailable(
            "The file dialog closed at once (no desktop portal or zenity answered)".to_owned(),
        )
    } else {
        Picked::Cancelled
    }
}

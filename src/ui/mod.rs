//! The egui shell: the workbench window over the GUI-free core.
//!
//! [`app::DossierApp`] owns the state; the panels (`*_ui` functions in the modules below) draw it
//! and return [`commands::Command`]s, which the app applies in one place. Loading, extraction and
//! corpus-wide search run on worker threads ([`crate::workbench`]), file dialogs too
//! ([`file_dialog`]); the UI thread never touches the disk.

pub mod annotations;
pub mod app;
pub mod article_list;
pub mod chart_export;
pub mod clipboard;
pub mod commands;
pub mod decision_form;
pub mod decisions_panel;
pub mod empty_state;
pub mod file_dialog;
pub mod kind_filter;
pub mod links;
pub mod menu;
pub mod open_path;
pub mod reader;
pub mod review_panel;
pub mod search_bar;
pub mod settings;
pub mod shortcuts;
pub mod sidebar;
pub mod state;
pub mod status_bar;
pub mod theme;
pub mod timeline;
pub mod ui_command;
pub mod watchlist;

use std::path::PathBuf;

use eframe::egui;

/// Display formats live in the core; panels keep naming them `ui::format`.
pub use crate::workbench::format;
pub use app::{DossierApp, Startup};

/// The window icon, drawn for the app (PNG, 256 px).
const ICON_PNG: &[u8] = include_bytes!("../../assets/icons/dossier-256.png");

/// When [`run`] was entered: start-up times in the frame log are measured from here.
static LAUNCHED: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Time since [`run`] started (zero when the app was built another way, as in tests).
fn since_launch() -> std::time::Duration {
    LAUNCHED.get().map(|t| t.elapsed()).unwrap_or_default()
}

/// Opens the workbench window on `paths` (or the last corpus, or the sample corpus).
pub fn run(paths: Vec<PathBuf>) -> eframe::Result<()> {
    LAUNCHED.get_or_init(std::time::Instant::now);
    let mut viewport = egui::ViewportBuilder::default()
        .with_app_id("dossier")
        .with_title("Dossier")
        .with_inner_size([1400.0, 900.0])
        .with_min_inner_size([640.0, 400.0])
        .with_drag_and_drop(true);
    match eframe::icon_data::from_png_bytes(ICON_PNG) {
        Ok(icon) => viewport = viewport.with_icon(icon),
        Err(e) => eprintln!("dossier: cannot decode the window icon: {e}"),
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "dossier",
        options,
        Box::new(move |cc| {
            let startup =
                Startup::new(paths).with_clipboard(Box::new(clipboard::SystemClipboard::new()));
            Ok(Box::new(DossierApp::new(cc, startup)))
        }),
    )
}

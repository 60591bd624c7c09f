//! The watchlist window: each name of a loaded list with the number of articles naming it. A
//! name's button filters the articles to it (a quoted search); Copy puts the table on the
//! clipboard as TSV. It only sends commands.

use std::path::PathBuf;

use eframe::egui::{self, Context};

use crate::query::WatchRow;
use crate::ui::commands::Command;

/// What the window shows: the list's file and its rows, or that they are being counted.
#[derive(Debug, Default)]
pub struct WatchlistView {
    pub path: PathBuf,
    /// `None` while the names are counted on the worker.
    pub rows: Option<Vec<WatchRow>>,
}

pub fn watchlist_ui(ctx: &Context, view: &WatchlistView) -> Vec<Command> {
    let mut out = Vec::new();
    let mut open = true;
    let name = view.path.file_name().map_or_else(
        || view.path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    egui::Window::new(format!("Watchlist: {name}"))
        .id(egui::Id::unique("dossier_watchlist"))
        .open(&mut open)
        .default_width(320.0)
        .show(ctx, |ui| {
            let Some(rows) = &view.rows else {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label("Counting the articles naming each name…");
                });
                return;
            };
            if ui
                .button("Copy table")
                .on_hover_text("Copy the names and their article counts (TSV)")
                .clicked()
            {
                out.push(Command::CopyWatchlist);
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    egui::Grid::new("dossier_watchlist_rows")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong("Name");
                            ui.strong("Articles");
                            ui.end_row();
                            for row in rows {
                                let button = ui
                                    .add_enabled(
                                        !row.articles.is_empty(),
                                        egui::Button::new(row.name.as_str()),
                                    )
                                    .on_hover_text("Show only the articles naming it");
                                if button.clicked() {
                                    out.push(Command::Search(
                                        crate::query::watchlist::name_search(&row.name),
                                    ));
                                }
                                ui.label(row.articles.len().to_string());
                                ui.end_row();
                            }
                        });
                });
        });
    if !open {
        out.push(Command::CloseWatchlist);
    }
    out
}

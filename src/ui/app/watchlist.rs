//! The watchlist commands: read a list of names, count the articles naming each (on a worker,
//! through the search index when it is built), copy the table.

use std::path::PathBuf;

use eframe::egui::Context;

use super::DossierApp;
use crate::query::{self, Fields, WatchRow, watchlist};
use crate::ui::commands::Command;
use crate::ui::file_dialog::Target;
use crate::ui::watchlist::WatchlistView;
use crate::workbench::jobs::Task;

impl DossierApp {
    /// `SearchWatchlist`, `CopyWatchlist` and `CloseWatchlist`.
    pub(super) fn watchlist_command(&mut self, ctx: &Context, command: Command) {
        match command {
            Command::SearchWatchlist(None) => self.ask_path(Target::Watchlist),
            Command::SearchWatchlist(Some(path)) => self.search_watchlist(ctx, path),
            Command::CopyWatchlist => {
                let Some(rows) = self.watchlist.as_ref().and_then(|w| w.rows.as_ref()) else {
                    return;
                };
                let tsv = watchlist::tsv(rows);
                let n = rows.len();
                self.clipboard.set_text(&tsv);
                self.copied(
                    ctx,
                    format!("Copied {} as TSV", crate::ui::format::count(n, "name")),
                );
            }
            Command::CloseWatchlist => {
                self.watchlist = None;
                self.watchlist_task = None;
            }
            _ => {}
        }
    }

    fn search_watchlist(&mut self, ctx: &Context, path: PathBuf) {
        let names = match watchlist::load(&path) {
            Ok(names) => names,
            Err(e) => {
                self.note(ctx, format!("Watchlist not searched: {e}"));
                return;
            }
        };
        let analysis = self.loaded.analysis.clone();
        let fields = self.loaded.fields.clone();
        let index = self.search_index.clone();
        self.watchlist = Some(WatchlistView { path, rows: None });
        self.watchlist_task = Task::spawn(
            &self.wake,
            "dossier-watchlist",
            "the watchlist",
            move || {
                let fields = fields.get_or_init(|| Fields::of(&analysis));
                query::watch(&analysis, fields, index.as_deref(), &names)
            },
        );
    }

    /// Takes the counted rows once the worker is done.
    pub(super) fn poll_watchlist(&mut self, ctx: &Context) {
        let Some(result) = self.watchlist_task.as_ref().and_then(Task::poll) else {
            return;
        };
        self.watchlist_task = None;
        let rows: Result<Vec<WatchRow>, String> = result.map_err(|f| f.message()).and_then(|r| r);
        match rows {
            Ok(rows) => {
                if let Some(view) = &mut self.watchlist {
                    view.rows = Some(rows);
                }
            }
            Err(e) => {
                self.watchlist = None;
                self.note(ctx, format!("Watchlist not searched: {e}"));
            }
        }
    }
}

//! Opening the real `DossierApp` headless for the window tests: a fresh session, a temporary data
//! folder, waiting for background work, and what the article list shows.

use std::path::{Path, PathBuf};

use dossier::cache::ResultCache;
use dossier::ui::app::State;
use dossier::ui::clipboard::RecordingClipboard;
use dossier::ui::{DossierApp, Startup};
use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};

use super::ui_support;

/// A fresh session (no saved state) with a recording clipboard.
pub fn fresh(paths: Vec<PathBuf>, clipboard: &RecordingClipboard) -> Startup {
    Startup::new(paths)
        .with_clipboard(Box::new(clipboard.clone()))
        .with_state(State::default())
}

/// A running app and the temporary folder that stands in for the user's data folder (where the
/// sample corpus's annotations go), removed after the app.
pub struct Opened {
    pub harness: Harness<'static, DossierApp>,
    pub data_home: tempfile::TempDir,
}

impl std::ops::Deref for Opened {
    type Target = Harness<'static, DossierApp>;
    fn deref(&self) -> &Self::Target {
        &self.harness
    }
}

impl std::ops::DerefMut for Opened {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.harness
    }
}

impl Opened {
    /// Closes the window (which saves pending annotations) and hands back the data folder.
    pub fn close(self) -> tempfile::TempDir {
        drop(self.harness);
        self.data_home
    }
}

/// Starts the app with its data folder in a new temporary folder, so that no test reads or writes
/// the real `$XDG_DATA_HOME/dossier`.
pub fn open(startup: Startup) -> Opened {
    let data_home = tempfile::tempdir().unwrap();
    let startup = startup.with_data_home(data_home.path().to_owned());
    // Nor the real result cache, unless the test brings its own.
    let startup = match startup.cache {
        Some(_) => startup,
        None => startup.with_cache(ResultCache::at(data_home.path().join("cache"))),
    };
    let mut harness = Harness::builder()
        .with_size([1500.0, 950.0])
        // Small steps, so that status notes (shown for 6 s) outlast the frames a load takes.
        .with_step_dt(1.0 / 60.0)
        .build_eframe(move |cc| DossierApp::new(cc, startup));
    wait_idle(&mut harness);
    Opened { harness, data_home }
}

/// A result cache outside the user's, shared by the tests that keep their corpus folder (entries
/// are keyed by content, so sharing is sound; the cache tests bring their own).
pub fn shared_test_cache() -> ResultCache {
    ResultCache::at(std::env::temp_dir().join("dossier-ui-tests-cache"))
}

/// Runs frames until the background work (load, search, reading the annotations of an opened
/// corpus) is over, then lets the UI settle.
pub fn wait_idle(harness: &mut Harness<'static, DossierApp>) {
    ui_support::run_until(harness, "the background work", |h| {
        let app = h.state();
        app.is_idle()
            && (app.loaded().analysis.corpus.articles.is_empty()
                || app.annotations().session().is_loaded())
    });
    harness.run();
}

/// Opens the article whose list row starts with `date` ("2017-12-19") and returns where the
/// reader's text is.
pub fn open_article(harness: &mut Harness<'static, DossierApp>, date: &str) -> egui::Rect {
    let row = format!("{date} · ");
    harness
        .get_by(|n| n.label().is_some_and(|l| l.starts_with(&row)))
        .click();
    harness.run();
    harness
        .get_by(|n| n.role() == egui::accesskit::Role::MultilineTextInput)
        .rect()
}

/// Labels of the article rows, in list order ("2017-12-19 · Title").
pub fn article_rows(harness: &Harness<'static, DossierApp>) -> Vec<String> {
    harness
        .query_all_by(|n| n.role() == egui::accesskit::Role::ListItem)
        .filter_map(|n| n.accesskit_node().label())
        .filter(|l| {
            l.split_once(" · ").is_some_and(|(date, _)| {
                date == "undated" || (date.len() == 10 && date.as_bytes()[4] == b'-')
            })
        })
        .collect()
}

pub fn seed_text(name: &str) -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("seeds")
            .join(name),
    )
    .unwrap()
}

/// A line of the article body long enough to be unambiguous.
pub fn body_line(seed: &str) -> String {
    seed.lines()
        .skip(1)
        .map(str::trim)
        .find(|l| l.len() > 60 && !l.contains('"'))
        .map(|l| l.chars().take(50).collect())
        .unwrap()
}

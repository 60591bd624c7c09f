//! What tests and other headless drivers call: queue a command, wait for background work, read
//! what is on screen.

use std::time::Duration;

use super::{DossierApp, State};
use crate::ui::annotations::AnnotationsUi;
use crate::ui::commands::Command;
use crate::workbench::Loaded;

impl DossierApp {
    /// Queues a command for the next frame (what the widgets do; tests may too).
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// True when no background work (load, search, dialog) is running.
    pub fn is_idle(&self) -> bool {
        self.loading.is_none()
            && self.search_task.is_none()
            && self.clearing.is_none()
            && self.index_task.is_none()
            && self.watchlist_task.is_none()
            && self.dialog.is_none()
            && self.pending.is_empty()
            && !self.exports.is_busy()
            && self.deciding.task.is_none()
    }

    /// True once the search index of the loaded corpus is built (searches scan until then).
    pub fn has_search_index(&self) -> bool {
        self.search_index.is_some()
    }

    /// Wakes from background jobs so far: with [`Self::wait_for_work`], lets a test block until
    /// the next report instead of sleeping.
    pub fn wakes(&self) -> u64 {
        self.wake.count()
    }

    /// Blocks until a background job reports after `seen` wakes (at most `timeout`); returns at
    /// once when commands are queued for the next frame. For tests and other headless drivers.
    pub fn wait_for_work(&self, seen: u64, timeout: Duration) {
        if self.pending.is_empty() {
            self.wake.wait_after(seen, timeout);
        }
    }

    /// The session as it would be saved now.
    pub fn save_state(&self) -> State {
        let mut state = self.state.clone();
        state.article = self.selected_article().map(|a| a.id.clone());
        state.reader_offset = self.reader.offset;
        state
    }

    /// Where the reader drew character `at` of its article in the last frame (the middle of the
    /// character's left edge), if it is on screen: for pointing at text.
    pub fn reader_char_pos(&self, at: usize) -> Option<eframe::egui::Pos2> {
        self.reader.char_pos(at)
    }

    /// The corpus on screen.
    pub fn loaded(&self) -> &Loaded {
        &self.loaded
    }

    /// Article indices in the list, in display order.
    pub fn visible_articles(&self) -> &[usize] {
        &self.view.rows
    }

    pub fn selected_article(&self) -> Option<&crate::corpus::Article> {
        self.selected
            .and_then(|i| self.loaded.analysis.corpus.articles.get(i))
    }

    /// The annotations panel and its session.
    pub fn annotations(&self) -> &AnnotationsUi {
        &self.annotations
    }

    /// The commands the last frame applied, in order.
    pub fn applied(&self) -> &[Command] {
        &self.applied
    }

    /// The status-bar note on screen, if any.
    pub fn note_text(&self) -> Option<&str> {
        self.note.as_ref().map(|(n, _)| n.text.as_str())
    }

    /// The decisions of the open corpus, as the window keeps them (saved or being saved).
    pub fn decision_items(&self) -> &[crate::decisions::Decision] {
        self.deciding.history.items()
    }

    /// How long the last frame's `App::ui` took on the UI thread.
    pub fn last_frame_time(&self) -> Duration {
        self.last_frame
    }
}

//! The session that is saved on exit and restored on the next start, and how the app starts.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::cache::ResultCache;
use crate::ui::clipboard::Clipboard;
use crate::ui::links::LinkPositions;
use crate::ui::settings::Settings;
use crate::ui::timeline::TimelineOptions;
use crate::workbench::{CorpusSource, EntityFilter, SortBy};

/// The tab of the right-hand panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RightTab {
    #[default]
    Entities,
    Annotations,
    /// The analyst's decisions (issue 26).
    Decisions,
    /// The review queue (issue 26).
    Review,
}

/// What the bottom panel shows: the timeline or the link chart.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum BottomTab {
    #[default]
    Timeline,
    Links,
}

/// The session, saved on exit and restored on the next start (issue 6). Window geometry and panel
/// sizes are persisted by eframe and egui themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct State {
    /// The corpus that was open.
    pub corpus: CorpusSource,
    /// Recently opened corpora, newest first (at most [`crate::workbench::session::MAX_RECENT`]).
    pub recent: Vec<Vec<PathBuf>>,
    /// Id of the article in the reader.
    pub article: Option<String>,
    /// Reader scroll offset, in points.
    pub reader_offset: f32,
    pub entity_filter: Option<EntityFilter>,
    pub search: String,
    pub sort: SortBy,
    pub timeline: TimelineOptions,
    pub show_timeline: bool,
    pub right_tab: RightTab,
    pub settings: Settings,
    pub bottom_tab: BottomTab,
    /// The link chart's hand-placed nodes, per corpus.
    pub link_positions: LinkPositions,
}

impl Default for State {
    fn default() -> Self {
        Self {
            corpus: CorpusSource::Sample,
            recent: Vec::new(),
            article: None,
            reader_offset: 0.0,
            entity_filter: None,
            search: String::new(),
            sort: SortBy::Date,
            timeline: TimelineOptions::default(),
            show_timeline: true,
            right_tab: RightTab::Entities,
            settings: Settings::default(),
            bottom_tab: BottomTab::Timeline,
            link_positions: LinkPositions::default(),
        }
    }
}

/// How the app starts: what to open, where copies go, which session to restore.
pub struct Startup {
    /// Paths given on the command line; empty means "the last corpus, or the sample".
    pub paths: Vec<PathBuf>,
    /// `None`: copy through egui (plain text only).
    pub clipboard: Option<Box<dyn Clipboard>>,
    /// The session to restore; `None`: read it from eframe's storage, if any.
    pub state: Option<State>,
    /// Where the sample corpus's annotations are kept; `None`: `$XDG_DATA_HOME` (or
    /// `~/.local/share`). Tests point it at a temporary folder.
    pub data_home: Option<PathBuf>,
    /// Why no native file dialog can open, to stand for such a desktop (tests); `None`: find out.
    pub no_file_dialog: Option<String>,
    /// The result cache; `None`: the user's ([`ResultCache::from_env`]). Tests give one in a
    /// temporary folder.
    pub cache: Option<ResultCache>,
}

impl Startup {
    pub fn new(paths: Vec<PathBuf>) -> Self {
        Self {
            paths,
            clipboard: None,
            state: None,
            data_home: None,
            no_file_dialog: None,
            cache: None,
        }
    }

    pub fn with_clipboard(mut self, clipboard: Box<dyn Clipboard>) -> Self {
        self.clipboard = Some(clipboard);
        self
    }

    pub fn with_state(mut self, state: State) -> Self {
        self.state = Some(state);
        self
    }

    pub fn with_data_home(mut self, dir: PathBuf) -> Self {
        self.data_home = Some(dir);
        self
    }

    pub fn with_cache(mut self, cache: ResultCache) -> Self {
        self.cache = Some(cache);
        self
    }

    /// Starts as on a desktop where no file dialog can open, for `reason`.
    pub fn without_file_dialog(mut self, reason: &str) -> Self {
        self.no_file_dialog = Some(reason.to_owned());
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn state_round_trips_through_ron_like_serde() {
        let state = State {
            corpus: CorpusSource::Paths(vec![PathBuf::from("/tmp/corpus")]),
            article: Some("004_b52b360fd082bb0b".to_owned()),
            reader_offset: 120.0,
            search: "Bangladesh".to_owned(),
            ..State::default()
        };
        let json = serde_json::to_string(&state).unwrap();
        let back: State = serde_json::from_str(&json).unwrap();
        assert_eq!(back, state);
        // Fields added later must not make an old session unreadable.
        let old: State = serde_json::from_str(r#"{"search":"x"}"#).unwrap();
        assert_eq!(old.search, "x");
        assert!(old.show_timeline);
    }
}

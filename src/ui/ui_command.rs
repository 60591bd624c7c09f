//! Every action the menus, the keyboard and the "?" sheet offer, with its label, tooltip and
//! shortcuts in one table (the rerun viewer's `UICommand` pattern): the menu, the key handling
//! and the shortcut sheet read this table, so they cannot disagree.

use eframe::egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};

use crate::ui::commands::{Command, DialogKind};

/// When a shortcut applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// Always, even while typing (Ctrl shortcuts are not text).
    Always,
    /// Not while a text field or the annotation editor has the keyboard.
    NotTyping,
    /// Not while typing, and not in the reader (whose arrow keys move the cursor).
    OutsideReader,
    /// In the search field only; that field handles it (listed for the sheet).
    InSearchField,
}

/// One key combination for a command.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shortcut {
    pub modifiers: Modifiers,
    pub key: Key,
    pub when: When,
}

const fn key(modifiers: Modifiers, key: Key, when: When) -> Shortcut {
    Shortcut {
        modifiers,
        key,
        when,
    }
}

const CTRL: Modifiers = Modifiers::COMMAND;
const CTRL_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};
const NONE: Modifiers = Modifiers::NONE;

/// What the user can ask for from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UICommand {
    OpenFolder,
    OpenFiles,
    OpenSample,
    OpenPath,
    Settings,
    Quit,
    FocusSearch,
    NextHit,
    NextArticle,
    PreviousArticle,
    ClearFilters,
    Annotate,
    Redo,
    Undo,
    ZoomIn,
    ZoomOut,
    CopyChart,
    SaveChart,
    ExportReport,
    ExportStix,
    ShowLinks,
    ClearCache,
    ShortcutSheet,
    SearchWatchlist,
    // Decisions (issue 26).
    Decide,
    ShowDecisions,
    ShowReview,
}

impl UICommand {
    /// Every command, in the order keys are matched: a combination with Shift comes before the
    /// same one without (egui matches Ctrl+O while Shift is held too).
    pub const ALL: [Self; 27] = [
        Self::OpenFolder,
        Self::OpenFiles,
        Self::OpenSample,
        Self::OpenPath,
        Self::Settings,
        Self::Quit,
        Self::FocusSearch,
        Self::NextHit,
        Self::NextArticle,
        Self::PreviousArticle,
        Self::ClearFilters,
        Self::Annotate,
        Self::Redo,
        Self::Undo,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::CopyChart,
        Self::SaveChart,
        Self::ExportReport,
        Self::ExportStix,
        Self::ShowLinks,
        Self::ClearCache,
        Self::ShortcutSheet,
        Self::SearchWatchlist,
        Self::Decide,
        Self::ShowDecisions,
        Self::ShowReview,
    ];

    /// (label, tooltip): the menu entry and the sheet's description.
    pub fn text(self) -> (&'static str, &'static str) {
        match self {
            Self::OpenFolder => ("Open folder…", "Open a folder of articles as the corpus"),
            Self::OpenFiles => ("Open files…", "Open article files as the corpus"),
            Self::OpenSample => (
                "Open the sample corpus",
                "The two articles built into Dossier",
            ),
            Self::OpenPath => (
                "Open a path…",
                "Type the path of a folder or file (when no file dialog can open)",
            ),
            Self::Settings => ("Settings…", "Theme, reader text size, author name"),
            Self::Quit => ("Quit", "Close Dossier (annotations are saved first)"),
            Self::FocusSearch => ("Search the corpus", "Put the cursor in the search field"),
            Self::NextHit => (
                "Next search hit",
                "Go to the next search hit, across articles",
            ),
            Self::NextArticle => ("Next article", "Select the next article of the list"),
            Self::PreviousArticle => ("Previous article", "Select the previous article"),
            Self::ClearFilters => (
                "Clear the entity filter and the search",
                "Show every article again",
            ),
            Self::Annotate => (
                "Annotate the selected passage",
                "Tag and note the passage selected in the reader",
            ),
            Self::Redo => (
                "Redo",
                "Redo the last change undone (annotations and decisions, one history)",
            ),
            Self::Undo => (
                "Undo",
                "Undo the last annotation or decision, in the order they were made",
            ),
            Self::ZoomIn => ("Larger reader text", "Make the reader's text larger"),
            Self::ZoomOut => ("Smaller reader text", "Make the reader's text smaller"),
            Self::CopyChart => (
                "Copy the chart",
                "Copy the timeline, as shown, to the clipboard as an image",
            ),
            Self::SaveChart => ("Save chart…", "Write the timeline as PNG and SVG"),
            Self::ExportReport => (
                "Export report…",
                "Write a Markdown or HTML report with every source cited",
            ),
            Self::ClearCache => (
                "Clear cache",
                "Forget every kept extraction result: the next open of any corpus extracts \
                 it again",
            ),
            Self::ExportStix => (
                "Export STIX bundle…",
                "Write the incidents, actors, victims, sources and notes the filters select as \
                 STIX 2.1, for MISP or OpenCTI",
            ),
            Self::ShowLinks => (
                "Link chart",
                "Who stole from whom: threat actors, incidents and victims, beside the timeline",
            ),
            Self::ShortcutSheet => ("Show all keyboard shortcuts", "The sheet of every key"),
            Self::SearchWatchlist => (
                "Search a watchlist…",
                "Count the articles naming each name of a list (text, one per line, or CSV)",
            ),
            Self::Decide => (
                "Correct a figure, incident or name…",
                "Decide on the figure or name selected in the reader, else on the selected \
                 incident: not a theft, kind, value, date, victim, actor, confirm, merge…",
            ),
            Self::ShowDecisions => (
                "Decisions",
                "Every decision taken on this corpus, with its note; orphans apart",
            ),
            Self::ShowReview => (
                "To review",
                "Figures and incidents the machine is least sure of",
            ),
        }
    }

    /// What the app does for this command: every menu entry, key and button from the table
    /// reaches [`crate::ui::app::DossierApp::apply`] as this [`Command`].
    pub fn command(self) -> Command {
        match self {
            Self::OpenFolder => Command::OpenDialog(DialogKind::Folder),
            Self::OpenFiles => Command::OpenDialog(DialogKind::Files),
            Self::OpenSample => Command::OpenSample,
            Self::OpenPath => Command::OpenPathField,
            Self::Settings => Command::ShowSettings(true),
            Self::Quit => Command::Quit,
            Self::FocusSearch => Command::FocusSearch,
            Self::NextHit => Command::NextHit,
            Self::NextArticle => Command::StepArticle(1),
            Self::PreviousArticle => Command::StepArticle(-1),
            Self::ClearFilters => Command::ClearFilters,
            Self::Annotate => Command::Annotate,
            Self::Redo => Command::Redo,
            Self::Undo => Command::Undo,
            Self::ZoomIn => Command::ZoomReader(1.0),
            Self::ZoomOut => Command::ZoomReader(-1.0),
            Self::CopyChart => Command::CopyChart,
            Self::SaveChart => Command::SaveChart(None),
            Self::ExportReport => Command::ExportReport(None),
            Self::ExportStix => Command::ExportStix(None),
            Self::ShowLinks => Command::Links(crate::ui::links::LinksCommand::Show),
            Self::ClearCache => Command::ClearCache,
            Self::ShortcutSheet => Command::ToggleShortcutSheet,
            Self::SearchWatchlist => Command::SearchWatchlist(None),
            Self::Decide => Command::DecideSelection,
            Self::ShowDecisions => Command::SetRightTab(crate::ui::state::RightTab::Decisions),
            Self::ShowReview => Command::SetRightTab(crate::ui::state::RightTab::Review),
        }
    }

    /// A hover text naming this command's keys from the table: "`text` (Ctrl+Shift+C)".
    pub fn hover_text(self, text: &str) -> String {
        match self.keys_text() {
            Some(keys) => format!("{text} ({keys})"),
            None => text.to_owned(),
        }
    }

    pub fn label(self) -> &'static str {
        self.text().0
    }

    pub fn tooltip(self) -> &'static str {
        self.text().1
    }

    /// The keys for this command, the main one first.
    pub fn shortcuts(self) -> &'static [Shortcut] {
        use When::*;
        match self {
            Self::OpenFolder => const { &[key(CTRL_SHIFT, Key::O, Always)] },
            Self::OpenFiles => const { &[key(CTRL, Key::O, Always)] },
            Self::OpenSample | Self::OpenPath | Self::Settings | Self::Quit => &[],
            Self::FocusSearch => {
                const { &[key(CTRL, Key::F, Always), key(NONE, Key::Slash, NotTyping)] }
            }
            Self::NextHit => {
                const {
                    &[
                        key(NONE, Key::Enter, InSearchField),
                        key(NONE, Key::F3, Always),
                    ]
                }
            }
            Self::NextArticle => {
                const {
                    &[
                        key(NONE, Key::J, NotTyping),
                        key(NONE, Key::ArrowDown, OutsideReader),
                    ]
                }
            }
            Self::PreviousArticle => {
                const {
                    &[
                        key(NONE, Key::K, NotTyping),
                        key(NONE, Key::ArrowUp, OutsideReader),
                    ]
                }
            }
            Self::ClearFilters => const { &[key(NONE, Key::Escape, NotTyping)] },
            Self::Annotate => const { &[key(NONE, Key::A, NotTyping)] },
            Self::Redo => const { &[key(CTRL_SHIFT, Key::Z, NotTyping)] },
            Self::Undo => const { &[key(CTRL, Key::Z, NotTyping)] },
            Self::ZoomIn => {
                const { &[key(CTRL, Key::Plus, Always), key(CTRL, Key::Equals, Always)] }
            }
            Self::ZoomOut => const { &[key(CTRL, Key::Minus, Always)] },
            Self::CopyChart => const { &[key(CTRL_SHIFT, Key::C, Always)] },
            Self::SaveChart
            | Self::ExportReport
            | Self::ExportStix
            | Self::SearchWatchlist
            | Self::ClearCache => &[],
            Self::ShowLinks => const { &[key(CTRL, Key::L, Always)] },
            Self::ShortcutSheet => const { &[key(NONE, Key::Questionmark, NotTyping)] },
            Self::Decide => const { &[key(NONE, Key::D, NotTyping)] },
            Self::ShowDecisions | Self::ShowReview => &[],
        }
    }

    /// "Ctrl+O", "J or Down": the keys as the menu and the sheet show them (`None`: no key).
    pub fn keys_text(self) -> Option<String> {
        let mut seen: Vec<String> = Vec::new();
        for s in self.shortcuts() {
            let text = shortcut_text(s);
            if !seen.contains(&text) {
                seen.push(text);
            }
        }
        // Ctrl+= is Ctrl++ without Shift on most layouts: one name is enough.
        if self == Self::ZoomIn {
            seen.truncate(1);
        }
        (!seen.is_empty()).then(|| seen.join(" or "))
    }

    /// The main key, as a menu shows it beside the label.
    pub fn menu_shortcut(self) -> Option<String> {
        self.shortcuts()
            .iter()
            .find(|s| s.when != When::InSearchField)
            .map(shortcut_text)
    }
}

fn shortcut_text(s: &Shortcut) -> String {
    let text = KeyboardShortcut::new(s.modifiers, s.key).format(&ModifierNames::NAMES, false);
    // "Ctrl++" reads badly.
    text.replace("++", " +")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_key_in_the_same_situation() {
        let mut seen = Vec::new();
        for c in UICommand::ALL {
            for s in c.shortcuts() {
                let k = (s.modifiers, s.key);
                assert!(!seen.contains(&k), "{c:?} reuses {k:?}");
                seen.push(k);
            }
        }
    }

    #[test]
    fn shift_combinations_are_matched_before_the_plain_ones() {
        let at = |c| UICommand::ALL.iter().position(|x| *x == c).unwrap();
        assert!(at(UICommand::OpenFolder) < at(UICommand::OpenFiles));
        assert!(at(UICommand::Redo) < at(UICommand::Undo));
    }

    #[test]
    fn keys_read_as_the_sheet_shows_them() {
        assert_eq!(UICommand::OpenFiles.keys_text().as_deref(), Some("Ctrl+O"));
        assert_eq!(
            UICommand::OpenFolder.keys_text().as_deref(),
            Some("Ctrl+Shift+O")
        );
        assert_eq!(
            UICommand::NextArticle.keys_text().as_deref(),
            Some("J or Down")
        );
        assert_eq!(UICommand::NextHit.menu_shortcut().as_deref(), Some("F3"));
        assert_eq!(UICommand::Quit.keys_text(), None);
    }

    #[test]
    fn hover_texts_name_the_keys_of_the_table() {
        assert_eq!(
            UICommand::CopyChart.hover_text("Copy the timeline as an image"),
            "Copy the timeline as an image (Ctrl+Shift+C)"
        );
        assert_eq!(
            UICommand::NextHit.hover_text("Next search hit"),
            "Next search hit (Enter or F3)"
        );
        assert_eq!(UICommand::Quit.hover_text("Close"), "Close");
        assert_eq!(
            [UICommand::ZoomIn, UICommand::ZoomOut].map(|c| c.menu_shortcut()),
            [Some("Ctrl+Plus".to_owned()), Some("Ctrl+Minus".to_owned())]
        );
    }
}

//! Every open and save dialog of the window, in one helper: what each is for ([`Target`]: its
//! title, file types and the [`Command`] the chosen path becomes) and the native dialog, driven
//! to completion on a worker thread. Where no native dialog can open, the app shows the typed-path
//! field ([`crate::ui::open_path`]) for the same target instead.

use std::path::PathBuf;

use crate::ui::commands::{AnnotationFileAction, Command, DialogKind};

/// A dialog that closes faster than this did not show: no human cancels that quickly.
const NOT_SHOWN: std::time::Duration = std::time::Duration::from_millis(250);

const ARTICLE_TYPES: &[(&str, &[&str])] = &[
    (
        "Articles",
        &[
            "txt", "md", "markdown", "csv", "json", "jsonl", "ndjson", "html", "htm",
        ],
    ),
    ("All files", &["*"]),
];
const CHART_TYPES: &[(&str, &[&str])] = &[("PNG image (an SVG is written beside it)", &["png"])];
const REPORT_TYPES: &[(&str, &[&str])] = &[("HTML", &["html", "htm"]), ("Markdown", &["md"])];
const ANNOTATION_TYPES: &[(&str, &[&str])] = &[("JSON", &["json", "jsonld"])];
const STIX_TYPES: &[(&str, &[&str])] = &[("STIX 2.1 bundle (JSON)", &["json"])];
const WATCHLIST_TYPES: &[(&str, &[&str])] = &[
    ("Names (text or CSV)", &["txt", "csv", "tsv"]),
    ("All files", &["*"]),
];

/// What a dialog asks a path for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The corpus: a folder, or article files.
    Corpus(DialogKind),
    /// Where "Save chart…" writes the PNG (and the SVG beside it).
    Chart,
    /// Where the Links view's "Save links…" writes the PNG (and the SVG beside it).
    LinkChart,
    /// Where File → Export report… writes.
    Report,
    /// Where File → Export STIX bundle… writes.
    Stix,
    /// The annotation file to open, save as or export to.
    Annotations(AnnotationFileAction),
    /// A watchlist (names, one per line, or a CSV) to search.
    Watchlist,
}

impl Target {
    /// The dialog's title (and the typed-path window's).
    pub fn title(self) -> &'static str {
        match self {
            Self::Corpus(DialogKind::Folder) => "Open a corpus folder",
            Self::Corpus(DialogKind::Files) => "Open corpus files",
            Self::Chart => "Save the chart",
            Self::LinkChart => "Save the link chart",
            Self::Report => "Export a report",
            Self::Stix => "Export a STIX bundle",
            Self::Annotations(AnnotationFileAction::Open) => "Open annotations",
            Self::Annotations(AnnotationFileAction::SaveAs) => "Save annotations as",
            Self::Annotations(AnnotationFileAction::Export) => "Export W3C JSON-LD",
            Self::Watchlist => "Search a watchlist",
        }
    }

    /// The suggested file name of a save dialog; `None` for the dialogs that open.
    pub fn file_name(self) -> Option<&'static str> {
        match self {
            Self::Corpus(_) | Self::Annotations(AnnotationFileAction::Open) | Self::Watchlist => {
                None
            }
            Self::Chart => Some("timeline.png"),
            Self::LinkChart => Some("links.png"),
            Self::Report => Some("report.html"),
            Self::Stix => Some("dossier-stix.json"),
            Self::Annotations(AnnotationFileAction::SaveAs) => {
                Some(crate::annotations::store::FILE_NAME)
            }
            Self::Annotations(AnnotationFileAction::Export) => Some("annotations.jsonld"),
        }
    }

    /// True when the path is written (a save dialog): one path, which need not exist yet.
    pub fn saves(self) -> bool {
        self.file_name().is_some()
    }

    fn types(self) -> &'static [(&'static str, &'static [&'static str])] {
        match self {
            Self::Corpus(DialogKind::Folder) => &[],
            Self::Corpus(DialogKind::Files) => ARTICLE_TYPES,
            Self::Chart | Self::LinkChart => CHART_TYPES,
            Self::Report => REPORT_TYPES,
            Self::Stix => STIX_TYPES,
            Self::Annotations(_) => ANNOTATION_TYPES,
            Self::Watchlist => WATCHLIST_TYPES,
        }
    }

    /// The typed-path field's label.
    pub fn field_label(self) -> &'static str {
        match self {
            Self::Corpus(_) => "Path of a corpus folder or file (Tab completes)",
            Self::Chart | Self::LinkChart => "Path of the PNG to write (Tab completes)",
            Self::Report => "Path of the HTML or Markdown report to write (Tab completes)",
            Self::Stix => "Path of the STIX bundle to write (Tab completes)",
            Self::Annotations(AnnotationFileAction::Open) => {
                "Path of the annotation file to open (Tab completes)"
            }
            Self::Annotations(_) => "Path of the annotation file to write (Tab completes)",
            Self::Watchlist => "Path of the watchlist (names, text or CSV) (Tab completes)",
        }
    }

    /// What is done with the chosen paths (`None`: nothing was chosen).
    pub fn command(self, paths: Vec<PathBuf>) -> Option<Command> {
        if let Self::Corpus(_) = self {
            return (!paths.is_empty()).then_some(Command::OpenPaths(paths));
        }
        let path = paths.into_iter().next()?;
        Some(match self {
            Self::Corpus(_) => Command::OpenPaths(vec![path]),
            Self::Chart => Command::SaveChart(Some(path)),
            Self::LinkChart => Command::Links(crate::ui::links::LinksCommand::Save(Some(path))),
            Self::Report => Command::ExportReport(Some(path)),
            Self::Stix => Command::ExportStix(Some(path)),
            Self::Annotations(action) => Command::AnnotationFile(action, Some(path)),
            Self::Watchlist => Command::SearchWatchlist(Some(path)),
        })
    }

    /// The note when the user cancelled the dialog (`None`: nothing to say).
    pub fn cancelled(self) -> Option<&'static str> {
        match self {
            Self::Chart => Some("Chart not saved"),
            Self::LinkChart => Some("Link chart not saved"),
            Self::Report => Some("Report not exported"),
            Self::Stix => Some("STIX bundle not exported"),
            Self::Corpus(_) | Self::Annotations(_) | Self::Watchlist => None,
        }
    }
}

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Chosen {
    Paths(Vec<PathBuf>),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could open here, and why.
    Unavailable(String),
}

/// Shows the native dialog for `target`, starting in `directory` if given. Blocks until the user
/// answers: run it on a worker thread (the async dialog is driven to completion there, which every
/// platform rfd supports). `missing` says why no dialog can open, when known in advance (tests
/// pass one to stand for such a desktop); else [`crate::desktop`] is asked.
pub fn ask(target: Target, directory: Option<PathBuf>, missing: Option<String>) -> Chosen {
    if let Some(why) = missing.or_else(crate::desktop::file_dialog_missing) {
        return Chosen::Unavailable(why);
    }
    let started = std::time::Instant::now();
    let mut dialog = rfd::AsyncFileDialog::new().set_title(target.title());
    for (label, extensions) in target.types() {
        dialog = dialog.add_filter(*label, extensions);
    }
    if let Some(dir) = directory {
        dialog = dialog.set_directory(dir);
    }
    let picked = match (target, target.file_name()) {
        (_, Some(name)) => pollster::block_on(dialog.set_file_name(name).save_file())
            .into_iter()
            .collect(),
        (Target::Corpus(DialogKind::Folder), None) => pollster::block_on(dialog.pick_folder())
            .into_iter()
            .collect(),
        (Target::Corpus(DialogKind::Files), None) => {
            pollster::block_on(dialog.pick_files()).unwrap_or_default()
        }
        (_, None) => pollster::block_on(dialog.pick_file()).into_iter().collect(),
    };
    let paths: Vec<PathBuf> = picked.iter().map(|h| h.path().to_path_buf()).collect();
    if !paths.is_empty() {
        Chosen::Paths(paths)
    } else if started.elapsed() < NOT_SHOWN {
        Chosen::Unavailable(
            "The file dialog closed at once (no desktop portal or zenity answered)".to_owned(),
        )
    } else {
        Chosen::Cancelled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_dialog_is_told_apart_from_a_cancelled_one() {
        let chosen = ask(Target::Chart, None, Some("no dialog (test)".to_owned()));
        assert_eq!(chosen, Chosen::Unavailable("no dialog (test)".to_owned()));
    }

    #[test]
    fn save_targets_take_one_path_and_become_their_command() {
        let paths = vec![PathBuf::from("/tmp/a.png"), PathBuf::from("/tmp/b.png")];
        assert_eq!(
            Target::Chart.command(paths.clone()),
            Some(Command::SaveChart(Some(PathBuf::from("/tmp/a.png"))))
        );
        assert_eq!(
            Target::Corpus(DialogKind::Files).command(paths.clone()),
            Some(Command::OpenPaths(paths))
        );
        assert_eq!(Target::Report.command(Vec::new()), None);
        assert!(Target::Annotations(AnnotationFileAction::SaveAs).saves());
        assert!(!Target::Annotations(AnnotationFileAction::Open).saves());
    }
}

//! The annotations panel and the annotation editor: they draw an
//! [`AnnotationSession`](crate::annotations::autosave::AnnotationSession) (the autosave service
//! and its state, in the core) and ask the app for everything else through [`Command`]s.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use eframe::egui::{self, Color32, Context, Key, Modifiers, RichText, Ui};

use crate::analysis::Analysis;
use crate::annotations::autosave::{self, AnnotationSession};
use crate::annotations::{AnchorStatus, Annotation, AnnotationId};
use crate::ui::commands::{AnnotationFileAction, Command};
use crate::ui::format;
use crate::ui::theme::tag_color;
use crate::workbench::Wake;

pub use crate::annotations::autosave::DEFAULT_TAGS;

/// A span the reader paints for an annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Highlight {
    pub start: usize,
    pub end: usize,
    pub color: Color32,
    pub tooltip: String,
}

/// The annotation being created or edited.
struct Editor {
    target: EditTarget,
    quote: String,
    tag: String,
    note: String,
    focus: bool,
}

enum EditTarget {
    New {
        article: String,
        start: usize,
        end: usize,
    },
    Existing(AnnotationId),
}

/// The panel's and editor's state around the session.
pub struct AnnotationsUi {
    session: AnnotationSession,
    editor: Option<Editor>,
    whole_corpus: bool,
    tag_filter: Option<String>,
}

impl Default for AnnotationsUi {
    fn default() -> Self {
        Self::new(&Wake::default())
    }
}

impl AnnotationsUi {
    /// `wake` tells the window that the autosave worker reported.
    pub fn new(wake: &Wake) -> Self {
        Self {
            session: AnnotationSession::new(wake.callback()),
            editor: None,
            whole_corpus: false,
            tag_filter: None,
        }
    }

    /// The annotations and their autosave service.
    pub fn session(&self) -> &AnnotationSession {
        &self.session
    }

    pub fn session_mut(&mut self) -> &mut AnnotationSession {
        &mut self.session
    }

    /// A new corpus was analysed: its annotation file is read in the background; an open
    /// editor belonged to the previous corpus.
    pub fn corpus_opened(&mut self, analysis: Arc<Analysis>) {
        self.editor = None;
        self.session.corpus_opened(analysis);
    }

    /// Takes the worker's reports; called once per frame.
    pub fn poll(&mut self) {
        self.session.poll();
    }

    /// Opens, saves as or exports to `path`, chosen in a dialog or typed.
    pub fn file_chosen(&mut self, action: AnnotationFileAction, path: &Path) {
        match action {
            AnnotationFileAction::Open => {
                self.editor = None;
                self.session.open_file(path);
            }
            AnnotationFileAction::SaveAs => self.session.save_as(path),
            AnnotationFileAction::Export => self.session.export_w3c(path),
        }
    }

    /// Highlights for one article, in character offsets. Orphans have no place to paint.
    pub fn highlights(&self, article: &str) -> Vec<Highlight> {
        self.session
            .placed_in(article)
            .map(|a| Highlight {
                start: a.position.start,
                end: a.position.end,
                color: tag_color(&a.tag),
                tooltip: if a.note.is_empty() {
                    a.tag.clone()
                } else {
                    format!("{}: {}", a.tag, a.note)
                },
            })
            .collect()
    }

    /// Opens the editor for a selection (reader's `a` key, Annotate button or context menu).
    /// `text` is the selected text; the quote's context comes from the article itself. An
    /// existing annotation on exactly this span is edited instead of duplicated.
    pub fn begin(&mut self, article: &str, start: usize, end: usize, text: &str) {
        if let Some(id) = self.session.at(article, start, end).map(|a| a.id.clone()) {
            self.edit(id);
            return;
        }
        self.editor = Some(Editor {
            target: EditTarget::New {
                article: article.to_owned(),
                start,
                end,
            },
            quote: text.to_owned(),
            tag: String::new(),
            note: String::new(),
            focus: true,
        });
    }

    /// Opens the editor on an existing annotation.
    pub fn edit(&mut self, id: AnnotationId) {
        if let Some(a) = self.session.get(id.clone()) {
            self.editor = Some(Editor {
                target: EditTarget::Existing(id),
                quote: a.quote.exact.clone(),
                tag: a.tag.clone(),
                note: a.note.clone(),
                focus: true,
            });
        }
    }

    /// Closes the editor; returns the command that saves what it holds.
    fn commit_editor(&mut self) -> Option<Command> {
        let editor = self.editor.take()?;
        Some(match editor.target {
            EditTarget::New {
                article,
                start,
                end,
            } => Command::CreateAnnotation {
                article,
                start,
                end,
                quote: editor.quote,
                tag: editor.tag,
                note: editor.note,
            },
            EditTarget::Existing(id) => Command::UpdateAnnotation {
                id,
                tag: editor.tag,
                note: editor.note,
            },
        })
    }

    /// Where the annotation dialogs start: the folder of the current annotation file.
    pub fn dialog_dir(&self) -> Option<PathBuf> {
        self.session
            .file()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// The annotations panel: this article or the whole corpus, filterable by tag.
    pub fn panel_ui(&mut self, ui: &mut Ui, current_article: Option<&str>) -> Vec<Command> {
        let mut commands = Vec::new();
        let session = &self.session;
        if let Some(problem) = session.problem() {
            ui.colored_label(ui.visuals().warn_fg_color, problem);
            // The annotations are still in memory: offer another place for them.
            if ui
                .button("Save annotations as…")
                .on_hover_text("Keep the annotations in another file")
                .clicked()
            {
                commands.push(Command::AnnotationFile(AnnotationFileAction::SaveAs, None));
            }
        }
        for note in session.notes() {
            ui.label(RichText::new(note).weak());
        }
        if !session.is_loaded() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label("Reading annotations…");
            });
            return commands;
        }
        ui.horizontal(|ui| {
            ui.selectable_value(&mut self.whole_corpus, false, "This article");
            ui.selectable_value(&mut self.whole_corpus, true, "Whole corpus");
        });
        let tags = session.known_tags();
        egui::ComboBox::from_label("Filter by tag")
            .selected_text(self.tag_filter.as_deref().unwrap_or("All tags"))
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut self.tag_filter, None, "All tags");
                for t in &tags {
                    ui.selectable_value(&mut self.tag_filter, Some(t.clone()), t);
                }
            });
        let mut shown: Vec<&Annotation> = session
            .annotations()
            .iter()
            .filter(|a| self.whole_corpus || Some(a.article.as_str()) == current_article)
            .filter(|a| self.tag_filter.as_ref().is_none_or(|t| &a.tag == t))
            .collect();
        shown.sort_by(|a, b| (&a.article, a.position.start).cmp(&(&b.article, b.position.start)));
        let (orphans, placed): (Vec<&Annotation>, Vec<&Annotation>) = shown
            .into_iter()
            .partition(|a| session.anchor_status(a.id.clone()) == AnchorStatus::Orphan);
        ui.label(format!(
            "{}{}",
            autosave::count(placed.len() + orphans.len()),
            if orphans.is_empty() {
                String::new()
            } else {
                format!(", {} orphaned", orphans.len())
            }
        ));
        if !self.whole_corpus && current_article.is_none() {
            ui.label(RichText::new("Open an article, or show the whole corpus.").weak());
        }
        egui::ScrollArea::vertical()
            .id_salt("annotations_list")
            .max_height(ui.available_height() - 60.0)
            .show(ui, |ui| {
                if !orphans.is_empty() {
                    ui.separator();
                    ui.label(
                        RichText::new(format!(
                            "Orphaned ({}): the passage is no longer in the text",
                            orphans.len()
                        ))
                        .color(ui.visuals().warn_fg_color),
                    );
                }
                for a in orphans.iter().chain(placed.iter()) {
                    ui.separator();
                    let status = session.anchor_status(a.id.clone());
                    ui.horizontal_wrapped(|ui| {
                        let chip =
                            RichText::new(if a.tag.is_empty() { "untagged" } else { &a.tag })
                                .background_color(tag_color(&a.tag).gamma_multiply(0.6))
                                .color(Color32::BLACK);
                        ui.label(chip);
                        match status {
                            AnchorStatus::Orphan => {
                                ui.label(RichText::new("orphan").color(ui.visuals().warn_fg_color));
                            }
                            AnchorStatus::Moved { from, .. } => {
                                ui.label(RichText::new("moved").weak())
                                    .on_hover_text(format!(
                                        "Found again after the text changed (was at {}–{})",
                                        from.start, from.end
                                    ));
                            }
                            AnchorStatus::Anchored => {}
                        }
                        if self.whole_corpus {
                            let title = session
                                .article_title(&a.article)
                                .unwrap_or(a.article.as_str());
                            ui.label(RichText::new(format::short(title, 40)).weak());
                        }
                    });
                    let quote = format!("“{}”", format::short(&a.quote.exact, 160));
                    if ui
                        .link(quote)
                        .on_hover_text("Show this passage in the reader")
                        .clicked()
                    {
                        commands.push(Command::ShowPassage {
                            article: a.article.clone(),
                            start: a.position.start,
                            end: a.position.end,
                        });
                    }
                    if !a.note.is_empty() {
                        ui.label(&a.note);
                    }
                    ui.horizontal(|ui| {
                        if ui.small_button("Edit").clicked() {
                            commands.push(Command::EditAnnotation(a.id.clone()));
                        }
                        if ui.small_button("Delete").clicked() {
                            commands.push(Command::DeleteAnnotation(a.id.clone()));
                        }
                    });
                }
            });
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            for (label, action) in [
                ("Open annotations…", AnnotationFileAction::Open),
                ("Save annotations as…", AnnotationFileAction::SaveAs),
                ("Export W3C JSON-LD…", AnnotationFileAction::Export),
            ] {
                if ui.button(label).clicked() {
                    commands.push(Command::AnnotationFile(action, None));
                }
            }
        });
        if let Some(file) = session.file() {
            ui.label(RichText::new(file.display().to_string()).small().weak());
        }
        commands
    }

    /// The editor window, when one is open. Enter saves (Shift+Enter: new line in the note), Esc
    /// cancels. Saving and deleting are returned as commands for the app to apply.
    pub fn editor_ui(&mut self, ctx: &Context) -> Vec<Command> {
        if self.editor.is_none() {
            return Vec::new();
        }
        let (enter, escape) = ctx.input_mut(|i| {
            let enter = !i.modifiers.shift && i.consume_key(Modifiers::NONE, Key::Enter);
            (enter, i.consume_key(Modifiers::NONE, Key::Escape))
        });
        if escape {
            self.editor = None;
            return Vec::new();
        }
        if enter {
            return self.commit_editor().into_iter().collect();
        }
        let tags = self.session.known_tags();
        let mut save = false;
        let mut cancel = false;
        let mut delete = None;
        let Some(editor) = self.editor.as_mut() else {
            return Vec::new();
        };
        let title = match editor.target {
            EditTarget::New { .. } => "New annotation",
            EditTarget::Existing(_) => "Edit annotation",
        };
        egui::Window::new(title)
            .id(egui::Id::unique("annotation_editor"))
            .collapsible(false)
            .resizable(false)
            .default_width(380.0)
            .show(ctx, |ui| {
                ui.label(
                    RichText::new(format!("“{}”", format::short(&editor.quote, 300))).italics(),
                );
                ui.add_space(4.0);
                let tag_label = ui.label("Tag");
                let tag = ui.add(
                    egui::TextEdit::singleline(&mut editor.tag)
                        .id(egui::Id::unique("annotation_tag"))
                        .hint_text("amount, victim, … or a new tag")
                        .desired_width(f32::INFINITY),
                );
                let tag = tag.labelled_by(tag_label.id);
                if editor.focus {
                    tag.request_focus();
                    editor.focus = false;
                }
                ui.horizontal_wrapped(|ui| {
                    for t in &tags {
                        let chip = RichText::new(t.as_str())
                            .background_color(tag_color(t).gamma_multiply(0.45));
                        if ui
                            .selectable_label(editor.tag == *t, chip)
                            .on_hover_text(format!("Tag as {t}"))
                            .clicked()
                        {
                            editor.tag.clone_from(t);
                        }
                    }
                });
                let note_label = ui.label("Note");
                ui.add(
                    egui::TextEdit::multiline(&mut editor.note)
                        .id(egui::Id::unique("annotation_note"))
                        .hint_text("Why this passage matters (Shift+Enter: new line)")
                        .desired_rows(3)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(note_label.id);
                ui.horizontal(|ui| {
                    save = ui.button("Save").on_hover_text("Enter").clicked();
                    cancel = ui.button("Cancel").on_hover_text("Esc").clicked();
                    if let EditTarget::Existing(id) = &editor.target
                        && ui.button("Delete annotation").clicked()
                    {
                        delete = Some(id.clone());
                    }
                });
            });
        if save {
            return self.commit_editor().into_iter().collect();
        }
        if cancel || delete.is_some() {
            self.editor = None;
        }
        delete.map(Command::DeleteAnnotation).into_iter().collect()
    }

    /// True while the editor has the keyboard: the app must not treat keys as shortcuts then.
    pub fn wants_keyboard(&self) -> bool {
        self.editor.is_some()
    }
}

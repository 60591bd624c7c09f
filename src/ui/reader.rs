//! The reader (centre): one article of any length, selectable across paragraphs, with entities
//! coloured by kind, theft amounts emphasised (hover for what was extracted), search hits,
//! annotations and the filtered entity's mentions highlighted.

mod blocks;
mod layout;
mod selection;
mod styling;
mod view;

use eframe::egui::{self, Id, Ui};

use crate::corpus::Article;
use crate::export;
use crate::extract::Amount;
use crate::ui::annotations::Highlight;
use crate::ui::commands::Command;
use crate::ui::format;
use crate::ui::ui_command::UICommand;
use crate::workbench::Loaded;

pub fn reader_id() -> Id {
    Id::unique("dossier_reader_text")
}

/// A selection in the reader, in character offsets of the article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub article: usize,
    pub start: usize,
    pub end: usize,
}

/// Reader state kept between frames (not persisted, except `offset` through the app state).
#[derive(Default)]
pub struct Reader {
    /// The last non-empty selection: what the buttons and keys act on, even after a click in the
    /// text collapsed the selection or focus went elsewhere.
    pub last_selection: Option<Selection>,
    /// Current vertical scroll offset, saved with the session.
    pub offset: f32,
    /// Scroll offset to apply on the next frame (article change, session restore).
    restore_offset: Option<f32>,
    /// A restored session's offset and the frames left to reach it: the first frames may lay the
    /// text out at a passing width, too short to scroll that far.
    restoring: Option<(f32, u8)>,
    /// A passage to scroll to on the next frame.
    pending_scroll: Option<(usize, usize)>,
    /// A passage shown briefly with a strong background: (start, end, until time).
    flash: Option<(usize, usize, f64)>,
    /// The search hit the reader is on.
    pub hit_cursor: Option<usize>,
    /// The selection still holds the previous article's offsets: clear it before showing.
    clear_selection: bool,
    /// The article in blocks, laid out only where it is seen (a 2 MB article at once takes far
    /// longer than a frame).
    layout: layout::BlockLayout,
    /// Where the last frame drew the text.
    placement: Option<view::Placement>,
}

impl Reader {
    /// A new article is shown: start at the top unless a passage is pending.
    pub fn article_changed(&mut self) {
        self.restore_offset = Some(0.0);
        self.restoring = None;
        self.offset = 0.0;
        self.hit_cursor = None;
        self.flash = None;
        self.clear_selection = true;
        self.last_selection = None;
    }

    pub fn restore_offset(&mut self, offset: f32) {
        self.restore_offset = Some(offset);
        self.restoring = Some((offset, 4));
        self.offset = offset;
    }

    /// Scrolls to a passage and flashes it.
    pub fn show_passage(&mut self, now: f64, start: usize, end: usize) {
        self.restoring = None;
        self.pending_scroll = Some((start, end));
        self.flash = Some((start, end, now + 1.6));
    }
}

pub struct ReaderInput<'a> {
    pub loaded: &'a Loaded,
    pub article: usize,
    pub hits: &'a [(usize, usize)],
    pub highlights: &'a [Highlight],
    /// Entities whose mentions the sidebar filter highlights.
    pub filter_entities: &'a [usize],
    pub font_size: f32,
}

pub fn reader_ui(ui: &mut Ui, reader: &mut Reader, input: ReaderInput<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let analysis = &input.loaded.analysis;
    let Some(article) = analysis.corpus.articles.get(input.article) else {
        return commands;
    };
    let amounts: Vec<&Amount> = input
        .loaded
        .index
        .amounts
        .get(input.article)
        .into_iter()
        .flatten()
        .filter_map(|&i| analysis.extraction.amounts.get(i))
        .collect();
    header_ui(ui, article);
    if let Some(main) = amounts.iter().find(|a| a.main) {
        commands.extend(main_theft_ui(ui, article, main));
    }
    ui.horizontal(|ui| {
        let has_selection = reader
            .last_selection
            .as_ref()
            .is_some_and(|s| s.article == input.article && s.end > s.start);
        let annotate = ui
            .add_enabled(has_selection, egui::Button::new("Annotate"))
            .on_hover_text(UICommand::Annotate.hover_text("Annotate the selected passage"))
            .on_disabled_hover_text("Select a passage first");
        if annotate.clicked() {
            commands.push(Command::Annotate);
        }
        let copy = ui
            .add_enabled(
                has_selection,
                egui::Button::new("Copy passage with citation"),
            )
            .on_disabled_hover_text("Select a passage first");
        if copy.clicked() {
            commands.push(Command::CopyPassage);
        }
        let decide = ui
            .add_enabled(has_selection, egui::Button::new("Correct…"))
            .on_hover_text(
                UICommand::Decide.hover_text("Correct the figure or name selected in the passage"),
            )
            .on_disabled_hover_text("Select a figure or a name first");
        if decide.clicked() {
            commands.push(Command::DecideSelection);
        }
        if !input.hits.is_empty() {
            ui.separator();
            let at = reader.hit_cursor.map(|h| h + 1).unwrap_or(0);
            ui.label(format!("Hit {at}/{}", input.hits.len()));
            if ui
                .button("Next hit")
                .on_hover_text(UICommand::NextHit.hover_text("Next search hit"))
                .clicked()
            {
                commands.push(Command::NextHit);
            }
        }
    });
    ui.separator();

    let now = ui.input(|i| i.time);
    if let Some((_, _, until)) = reader.flash {
        if now > until {
            reader.flash = None;
        } else {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs_f64(until - now));
        }
    }
    let out = view::text_view(ui, reader, &input, &article.text);
    if let Some(at) = out.hovered {
        let amount = amounts.iter().find(|a| a.range().contains(&at));
        let notes: Vec<&Highlight> = input
            .highlights
            .iter()
            .filter(|h| h.start <= at && at < h.end && !h.tooltip.is_empty())
            .collect();
        let entity = entity_at(&input, at);
        if amount.is_some() || !notes.is_empty() || entity.is_some() {
            out.response.on_hover_ui_at_pointer(|ui| {
                if let Some(e) = entity.filter(|_| amount.is_none()) {
                    ui.strong(&e.name);
                    ui.label(format::entity_tooltip(e));
                }
                if let Some(amount) = amount {
                    amount_tooltip_ui(ui, amount);
                    let decided = input
                        .loaded
                        .decisions
                        .figure(&amount.article, amount.start as usize);
                    if let Some(d) = decided {
                        ui.label(crate::ui::decision_form::machine_note(d));
                    }
                }
                for note in &notes {
                    if amount.is_some() {
                        ui.separator();
                    }
                    ui.label(&note.tooltip);
                }
            });
        }
    }
    commands
}

fn header_ui(ui: &mut Ui, article: &Article) {
    ui.add(egui::Label::new(egui::RichText::new(&article.title).heading()).wrap());
    ui.horizontal_wrapped(|ui| {
        ui.label(match article.published {
            Some(d) => format!("Published {d}"),
            None => "No publication date".to_owned(),
        });
        if let Some(source) = &article.source {
            ui.weak("·");
            ui.label(source);
        }
        ui.weak("·");
        ui.weak(article.path.display().to_string())
            .on_hover_text(format!("Article id {}", article.id));
    });
}

/// The theft the article is about, first, as a link to its sentence.
fn main_theft_ui(ui: &mut Ui, article: &Article, main: &Amount) -> Option<Command> {
    let mut label = format!(
        "{} {}",
        export::format_money(main.value, &main.currency),
        main.kind.as_str()
    );
    if let Some(victim) = &main.victim {
        label.push_str(&format!(" · {victim}"));
    }
    if let Some(date) = &main.event_date {
        label.push_str(&format!(" · {date}"));
    }
    let mut command = None;
    ui.horizontal_wrapped(|ui| {
        ui.weak("Main theft:");
        let link = ui
            .link(label)
            .on_hover_text("The theft this article is about: show its sentence");
        if link.clicked() {
            command = Some(Command::ShowPassage {
                article: article.id.clone(),
                start: main.start as usize,
                end: main.end as usize,
            });
        }
    });
    command
}

/// What Dossier extracted about an amount.
fn amount_tooltip_ui(ui: &mut Ui, amount: &Amount) {
    ui.strong(&*amount.text);
    egui::Grid::new("amount_tip").num_columns(2).show(ui, |ui| {
        let mut row = |k: &str, v: String| {
            ui.weak(k);
            ui.label(v);
            ui.end_row();
        };
        row(
            "Value",
            match amount.usd {
                Some(usd) if &*amount.currency != "USD" => format!(
                    "{} ≈ {}",
                    export::format_money(amount.value, &amount.currency),
                    format::usd(usd)
                ),
                _ => export::format_money(amount.value, &amount.currency),
            },
        );
        row("Kind", amount.kind.as_str().to_owned());
        let mut date = amount
            .event_date
            .map_or_else(|| "unknown".to_owned(), |d| d.to_string());
        if amount.event_date_inferred {
            date.push_str(" (publication date)");
        }
        if amount.event_date_suspicious {
            date.push_str(" (after the publication date!)");
        }
        row("Event date", date);
        if let Some(cue) = &amount.cue {
            row("Cue", format!("“{cue}”"));
        }
        if let Some(v) = &amount.victim {
            row("Victim", v.to_string());
        }
        if let Some(a) = &amount.actor {
            row("Actor", a.to_string());
        }
    });
}

/// The entity (person, organisation, place, actor) mentioned at character `at`, if any.
fn entity_at<'a>(input: &ReaderInput<'a>, at: usize) -> Option<&'a crate::extract::Entity> {
    let mentions = input.loaded.index.mentions.get(input.article)?;
    let k = mentions.partition_point(|m| m.start <= at);
    // Mentions never overlap: only the last one starting at or before `at` can hold it.
    let m = mentions[..k].last().filter(|m| at < m.end)?;
    input.loaded.analysis.extraction.entities.get(m.entity)
}

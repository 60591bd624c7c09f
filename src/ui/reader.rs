//! The reader (centre): one article, selectable, with entities coloured by kind, theft amounts
//! emphasised (hover for what was extracted), search hits, annotations and the filtered entity's
//! mentions highlighted.

use std::hash::{Hash, Hasher};
use std::sync::Arc;

use eframe::egui::{
    self, Align, Color32, FontId, Id, Stroke, TextFormat, Ui, text::CCursor, text::LayoutJob,
};

use crate::corpus::Article;
use crate::export;
use crate::extract::{Amount, EntityKind};
use crate::text::char_to_byte_table;
use crate::ui::annotations::Highlight;
use crate::ui::commands::Command;
use crate::ui::format;
use crate::ui::theme::{self, kind_color};
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

/// The reader's laid-out article and what it was laid out for.
struct CachedGalley {
    key: u64,
    wrap_width: f32,
    pixels_per_point: f32,
    atlas_fill: f32,
    galley: Arc<egui::Galley>,
}

/// Reader state kept between frames (not persisted, except `offset` through the app state).
#[derive(Default)]
pub struct Reader {
    /// The last non-empty selection: clicking a button clears egui's, so keep it.
    pub last_selection: Option<Selection>,
    /// Current vertical scroll offset, saved with the session.
    pub offset: f32,
    /// Scroll offset to apply on the next frame (article change, session restore).
    restore_offset: Option<f32>,
    /// A passage to scroll to on the next frame.
    pending_scroll: Option<(usize, usize)>,
    /// A passage shown briefly with a strong background: (start, end, until time).
    flash: Option<(usize, usize, f64)>,
    /// The search hit the reader is on.
    pub hit_cursor: Option<usize>,
    /// The text widget still holds the previous article's selection: clear it before showing.
    clear_selection: bool,
    cache: Option<(u64, Arc<LayoutJob>)>,
    /// The laid-out text for (job key, wrap width, pixels per point): laying out a 2 MB article
    /// (or even cloning and hashing its job to find egui's cached galley) takes far longer than
    /// a frame, so an unchanged article is never laid out again. Kept while the font atlas only
    /// grows: egui empties a full atlas, and galleys point into it.
    galley: Option<CachedGalley>,
}

impl Reader {
    /// A new article is shown: start at the top unless a passage is pending.
    pub fn article_changed(&mut self) {
        self.restore_offset = Some(0.0);
        self.offset = 0.0;
        self.hit_cursor = None;
        self.flash = None;
        self.clear_selection = true;
        self.last_selection = None;
    }

    pub fn restore_offset(&mut self, offset: f32) {
        self.restore_offset = Some(offset);
        self.offset = offset;
    }

    /// Scrolls to a passage and flashes it.
    pub fn show_passage(&mut self, now: f64, start: usize, end: usize) {
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
    let dark = ui.visuals().dark_mode;
    let key = job_key(&input, reader.flash, dark, ui.visuals().text_color());
    let job = match &reader.cache {
        Some((k, job)) if *k == key => job.clone(),
        _ => {
            let job = Arc::new(build_job(&input, article, reader.flash, ui));
            reader.cache = Some((key, job.clone()));
            job
        }
    };
    let galley_cache = &mut reader.galley;
    let mut layouter = |ui: &Ui, _text: &dyn egui::TextBuffer, wrap_width: f32| {
        let pixels_per_point = ui.ctx().pixels_per_point();
        let atlas_fill = ui.ctx().fonts(|f| f.font_atlas_fill_ratio());
        if let Some(c) = galley_cache.as_ref()
            && c.key == key
            && c.wrap_width == wrap_width
            && c.pixels_per_point == pixels_per_point
            && c.atlas_fill <= atlas_fill
        {
            return c.galley.clone();
        }
        let mut job = (*job).clone();
        job.wrap.max_width = wrap_width;
        let galley = ui.fonts_mut(|f| f.layout_job(job));
        *galley_cache = Some(CachedGalley {
            key,
            wrap_width,
            pixels_per_point,
            atlas_fill: ui.ctx().fonts(|f| f.font_atlas_fill_ratio()),
            galley: galley.clone(),
        });
        galley
    };

    let mut area = egui::ScrollArea::vertical()
        .id_salt("reader_scroll")
        .auto_shrink([false, false]);
    if let Some(offset) = reader.restore_offset.take() {
        area = area.vertical_scroll_offset(offset);
    }
    let pending = reader.pending_scroll.take();
    if std::mem::take(&mut reader.clear_selection)
        && let Some(mut state) = egui::TextEdit::load_state(ui.ctx(), reader_id())
    {
        // Otherwise the old offsets would be read as a selection in the new article.
        state.cursor.set_char_range(None);
        state.store(ui.ctx(), reader_id());
    }
    let scrolled = area.show(ui, |ui| {
        let mut text: &str = &article.text;
        let out = egui::TextEdit::multiline(&mut text)
            .id(reader_id())
            .hint_text("Article text")
            .frame(egui::Frame::NONE)
            .desired_width(f32::INFINITY)
            .layouter(&mut layouter)
            .show(ui);
        if let Some(range) = &out.cursor_range {
            let r = range.as_sorted_char_range();
            if r.end.0 > r.start.0 {
                reader.last_selection = Some(Selection {
                    article: input.article,
                    start: r.start.0,
                    end: r.end.0,
                });
            }
        }
        if let Some((start, _)) = pending {
            let rect = out
                .galley
                .pos_from_cursor(CCursor::new(start))
                .translate(out.galley_pos.to_vec2())
                .expand2(egui::vec2(0.0, 40.0));
            ui.scroll_to_rect(rect, Some(Align::Center));
        }
        if out.response.hovered()
            && let Some(pos) = ui.input(|i| i.pointer.hover_pos())
        {
            let cursor = out.galley.cursor_from_pos(pos - out.galley_pos);
            let at = cursor.index.0;
            let amount = amounts.iter().find(|a| a.start <= at && at < a.end);
            let notes: Vec<&Highlight> = input
                .highlights
                .iter()
                .filter(|h| h.start <= at && at < h.end && !h.tooltip.is_empty())
                .collect();
            let entity = entity_at(&input, at);
            if amount.is_some() || !notes.is_empty() || entity.is_some() {
                out.response.response.clone().on_hover_ui_at_pointer(|ui| {
                    if let Some(e) = entity.filter(|_| amount.is_none()) {
                        ui.strong(&e.name);
                        ui.label(format::entity_tooltip(e));
                    }
                    if let Some(amount) = amount {
                        amount_tooltip_ui(ui, amount);
                        let decided = input.loaded.decisions.figure(&amount.article, amount.start);
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
    });
    reader.offset = scrolled.state.clamped_offset().y;
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
                start: main.start,
                end: main.end,
            });
        }
    });
    command
}

/// What Dossier extracted about an amount.
fn amount_tooltip_ui(ui: &mut Ui, amount: &Amount) {
    ui.strong(&amount.text);
    egui::Grid::new("amount_tip").num_columns(2).show(ui, |ui| {
        let mut row = |k: &str, v: String| {
            ui.weak(k);
            ui.label(v);
            ui.end_row();
        };
        row(
            "Value",
            match amount.usd {
                Some(usd) if amount.currency != "USD" => format!(
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
            row("Victim", v.clone());
        }
        if let Some(a) = &amount.actor {
            row("Actor", a.clone());
        }
    });
}

fn job_key(
    input: &ReaderInput<'_>,
    flash: Option<(usize, usize, f64)>,
    dark: bool,
    text: Color32,
) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    input.article.hash(&mut h);
    Arc::as_ptr(&input.loaded.analysis).hash(&mut h);
    input.hits.hash(&mut h);
    for hl in input.highlights {
        (hl.start, hl.end, hl.color, &hl.tooltip).hash(&mut h);
    }
    input.filter_entities.hash(&mut h);
    input.font_size.to_bits().hash(&mut h);
    flash.map(|(s, e, _)| (s, e)).hash(&mut h);
    dark.hash(&mut h);
    text.hash(&mut h);
    h.finish()
}

/// Per-character styling, merged into runs of equal style.
#[derive(Clone, Copy, PartialEq)]
struct Style {
    kind: Option<EntityKind>,
    theft: bool,
    other_amount: bool,
    filtered: bool,
    hit: bool,
    annotation: Option<Color32>,
    flash: bool,
    /// An analyst confirmed or corrected the figure here (drawn in italics).
    decided: bool,
}

/// `start..end` cut to a text of `n` characters; empty (not a panic) when reversed.
fn clamped(start: usize, end: usize, n: usize) -> std::ops::Range<usize> {
    let from = start.min(n);
    from..end.min(n).max(from)
}

/// The entity (person, organisation, place, actor) mentioned at character `at`, if any.
fn entity_at<'a>(input: &ReaderInput<'a>, at: usize) -> Option<&'a crate::extract::Entity> {
    let mentions = input.loaded.index.mentions.get(input.article)?;
    let k = mentions.partition_point(|m| m.start <= at);
    // Mentions never overlap: only the last one starting at or before `at` can hold it.
    let m = mentions[..k].last().filter(|m| at < m.end)?;
    input.loaded.analysis.extraction.entities.get(m.entity)
}

fn build_job(
    input: &ReaderInput<'_>,
    article: &Article,
    flash: Option<(usize, usize, f64)>,
    ui: &Ui,
) -> LayoutJob {
    let text = &article.text;
    let bytes = char_to_byte_table(text);
    let n = bytes.len() - 1;
    let plain = Style {
        kind: None,
        theft: false,
        other_amount: false,
        filtered: false,
        hit: false,
        annotation: None,
        flash: false,
        decided: false,
    };
    let mut styles = vec![plain; n];
    // Spans come from files too (annotations): clamp, so a reversed or overlong one paints nothing.
    let mut paint = |start: usize, end: usize, f: &mut dyn FnMut(&mut Style)| {
        for s in &mut styles[clamped(start, end, n)] {
            f(s);
        }
    };
    let index = &input.loaded.index;
    let analysis = &input.loaded.analysis;
    if let Some(mentions) = index.mentions.get(input.article) {
        for m in mentions {
            let filtered = input.filter_entities.contains(&m.entity);
            paint(m.start, m.end, &mut |s| {
                s.kind = Some(m.kind);
                s.filtered |= filtered;
            });
        }
    }
    if let Some(amounts) = index.amounts.get(input.article) {
        for a in amounts
            .iter()
            .filter_map(|&i| analysis.extraction.amounts.get(i))
        {
            let theft = a.kind.is_theft();
            let decided = input.loaded.decisions.figure(&a.article, a.start).is_some();
            paint(a.start, a.end, &mut |s| {
                s.theft |= theft;
                s.other_amount |= !theft;
                s.decided |= decided;
            });
        }
    }
    for h in input.highlights {
        paint(h.start, h.end, &mut |s| s.annotation = Some(h.color));
    }
    for &(start, end) in input.hits {
        paint(start, end, &mut |s| s.hit = true);
    }
    if let Some((start, end, _)) = flash {
        paint(start, end, &mut |s| s.flash = true);
    }

    let visuals = ui.visuals();
    let dark = visuals.dark_mode;
    let font = FontId::proportional(input.font_size);
    let base = visuals.text_color();
    let format_of = |s: &Style| -> TextFormat {
        let mut f = TextFormat::simple(font.clone(), base);
        if let Some(kind) = s.kind {
            f.color = kind_color(kind, dark);
        }
        if s.other_amount {
            f.color = kind_color(EntityKind::Money, dark);
        }
        if s.theft {
            let red = theme::theft_text(dark);
            f.color = red;
            f.underline = Stroke::new(2.0, red);
        }
        if s.decided {
            f.italics = true;
        }
        if s.filtered {
            f.background = visuals.selection.bg_fill.gamma_multiply(0.6);
        }
        if let Some(c) = s.annotation {
            f.background = c.gamma_multiply(if dark { 0.5 } else { 0.35 });
        }
        if s.hit {
            f.background = theme::HIT_BACKGROUND;
            f.color = Color32::BLACK;
        }
        if s.flash {
            f.background = theme::FLASH_BACKGROUND;
            f.color = Color32::BLACK;
        }
        f
    };
    let mut job = LayoutJob::default();
    let mut start = 0;
    while start < n {
        let style = styles[start];
        let mut end = start + 1;
        while end < n && styles[end] == style {
            end += 1;
        }
        job.append(&text[bytes[start]..bytes[end]], 0.0, format_of(&style));
        start = end;
    }
    if n == 0 {
        job.append("", 0.0, format_of(&plain));
    }
    job
}

#[cfg(test)]
mod tests {
    use super::clamped;

    #[test]
    fn spans_from_files_are_cut_to_the_text_and_reversed_ones_are_empty() {
        assert_eq!(clamped(2, 5, 10), 2..5);
        assert_eq!(clamped(8, 15, 10), 8..10);
        assert_eq!(clamped(12, 15, 10), 10..10);
        assert!(clamped(7, 3, 10).is_empty());
        assert!(clamped(15, 3, 10).is_empty());
    }
}

//! The article list (left panel): date, title, source and badges, one equal-height row per
//! article so that only the visible rows are laid out (100,000 rows scroll smoothly).

use eframe::egui::{self, Color32, FontId, Role, Sense, Ui, WidgetInfo, text::LayoutJob};

use crate::ui::annotations::AnnotationsUi;
use crate::ui::commands::Command;
use crate::ui::format;
use crate::ui::theme;
use crate::workbench::Loaded;
use crate::workbench::filter::SortBy;
use crate::workbench::search::SearchResult;
use crate::workbench::view::View;

pub struct ListInput<'a> {
    pub loaded: &'a Loaded,
    pub view: &'a View,
    pub selected: Option<usize>,
    pub search: Option<&'a SearchResult>,
    pub annotations: &'a AnnotationsUi,
    pub sort: SortBy,
    /// Scroll the selected row into view this frame (after keyboard navigation).
    pub reveal_selected: bool,
}

pub fn article_list_ui(ui: &mut Ui, input: ListInput<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let articles = &input.loaded.analysis.corpus.articles;
    ui.horizontal(|ui| {
        ui.strong(format!("Articles ({})", input.view.rows.len()));
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            for (sort, name) in [(SortBy::Title, "Title"), (SortBy::Date, "Date")] {
                if ui
                    .selectable_label(input.sort == sort, name)
                    .on_hover_text(format!("Sort by {}", name.to_lowercase()))
                    .clicked()
                {
                    commands.push(Command::SetSort(sort));
                }
            }
            ui.weak("Sort:");
        });
    });
    ui.separator();
    if input.view.rows.is_empty() {
        ui.weak(if articles.is_empty() {
            "No articles."
        } else {
            "No article matches the filters. Press Esc to clear them."
        });
        return commands;
    }

    let body = FontId::proportional(13.5);
    let small = FontId::proportional(11.5);
    let row_height = ui.fonts_mut(|f| f.row_height(&body) + f.row_height(&small)) + 10.0;
    let selected_row = input
        .selected
        .and_then(|sel| input.view.rows.iter().position(|&r| r == sel));
    let mut area = egui::ScrollArea::vertical()
        .id_salt("article_list")
        .auto_shrink([false, false]);
    if input.reveal_selected
        && let Some(row) = selected_row
    {
        // Keep the selected row in view: aim for it to sit a few rows from the top.
        let spacing = ui.spacing().item_spacing.y;
        let target = (row as f32 * (row_height + spacing) - 3.0 * row_height).max(0.0);
        let visible = ui.available_height();
        let current =
            egui::scroll_area::State::load(ui.ctx(), ui.make_persistent_id("article_list"))
                .map(|s| s.clamped_offset().y);
        let row_top = row as f32 * (row_height + spacing);
        let outside = current.is_none_or(|c| row_top < c || row_top + row_height > c + visible);
        if outside {
            area = area.vertical_scroll_offset(target);
        }
    }
    area.show_rows(ui, row_height, input.view.rows.len(), |ui, range| {
        let width = ui.available_width();
        for row in range {
            let index = input.view.rows[row];
            // The view is rebuilt for each corpus; a stale row is skipped rather than a panic.
            let Some(article) = articles.get(index) else {
                continue;
            };
            let selected = input.selected == Some(index);
            let (rect, response) =
                ui.allocate_exact_size(egui::vec2(width, row_height), Sense::click());
            let label = format::row_label(article.published, &article.title);
            response.widget_info(|| WidgetInfo::selected(Role::ListItem, true, selected, &label));
            if response.clicked() {
                commands.push(Command::SelectArticle(index));
            }
            if !ui.is_rect_visible(rect) {
                continue;
            }
            let row_color = theme::paint_row(ui, rect, &response, selected, 4.0);
            let visuals = ui.visuals();
            let strong = if selected {
                row_color
            } else {
                visuals.strong_text_color()
            };
            let weak = visuals.weak_text_color();
            let inner = rect.shrink2(egui::vec2(6.0, 4.0));

            // Badges on the right of the second line.
            let mut badges: Vec<(String, Color32, String)> = Vec::new();
            if let Some(hits) = input
                .search
                .filter(|s| s.matches(index))
                .map(|s| s.hits_in(index))
            {
                badges.push((
                    format::count(hits.len(), "hit"),
                    theme::HIT_BADGE,
                    format::count(hits.len(), "search hit"),
                ));
            }
            let thefts = input.loaded.index.thefts.get(index).copied().unwrap_or(0);
            if thefts > 0 {
                badges.push((
                    format!("$ {thefts}"),
                    theme::THEFT_RED,
                    format::count(thefts, "theft amount"),
                ));
            }
            let notes = input.annotations.highlights(&article.id).len();
            if notes > 0 {
                badges.push((
                    format::count(notes, "note"),
                    theme::NOTE_BADGE,
                    format::count(notes, "annotation"),
                ));
            }
            let mut x = inner.right();
            let badge_y = inner.bottom();
            for (text, color, _) in badges.iter().rev() {
                let galley =
                    ui.fonts_mut(|f| f.layout_no_wrap(text.clone(), small.clone(), Color32::WHITE));
                let size = galley.size() + egui::vec2(8.0, 0.0);
                let badge =
                    egui::Rect::from_min_size(egui::pos2(x - size.x, badge_y - size.y), size);
                ui.painter().rect_filled(badge, 6.0, *color);
                ui.painter()
                    .galley(badge.min + egui::vec2(4.0, 0.0), galley, Color32::WHITE);
                x -= size.x + 4.0;
            }
            if response.hovered() && !badges.is_empty() {
                let tip = badges
                    .iter()
                    .map(|b| b.2.clone())
                    .collect::<Vec<_>>()
                    .join(", ");
                response.clone().on_hover_text(tip);
            }

            let date = article
                .published
                .map(|d| d.to_string())
                .unwrap_or_else(|| "undated".to_owned());
            let title_job = one_line(
                &[
                    (date, small.clone(), weak),
                    ("  ".to_owned(), small.clone(), weak),
                    (article.title.clone(), body.clone(), strong),
                ],
                inner.width(),
            );
            let title = ui.fonts_mut(|f| f.layout_job(title_job));
            ui.painter().galley(inner.min, title, strong);
            let source = article.source.clone().unwrap_or_else(|| {
                article
                    .path
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            });
            let source_job = one_line(
                &[(source, small.clone(), weak)],
                (x - inner.left() - 6.0).max(10.0),
            );
            let source = ui.fonts_mut(|f| f.layout_job(source_job));
            ui.painter().galley(
                egui::pos2(inner.left(), inner.bottom() - source.size().y),
                source,
                weak,
            );
        }
    });
    commands
}

/// One line of differently styled pieces, cut with "…" at `width`.
fn one_line(pieces: &[(String, FontId, Color32)], width: f32) -> LayoutJob {
    let mut job = LayoutJob::default();
    for (text, font, color) in pieces {
        job.append(text, 0.0, egui::TextFormat::simple(font.clone(), *color));
    }
    job.wrap.max_width = width;
    job.wrap.max_rows = 1;
    job.wrap.break_anywhere = true;
    job.wrap.overflow_character = Some('…');
    job
}

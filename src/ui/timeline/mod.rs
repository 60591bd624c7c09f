//! The timeline (bottom panel): every stolen or attempted incident at its event date, with USD on
//! the y axis, cumulative totals in their own series, and the incidents table beside the plot.
//! The plot draws the marks, series and running total the core computes ([`crate::chart`]), so
//! it shows what a copy or an export draws.

pub mod period_fields;

use std::collections::BTreeMap;

use eframe::egui::{self, Color32, Id, Ui};
use egui_plot::{
    Corner, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, Points, Span,
};

use crate::chart::{self, ChartOptions, Mark, Period, marker_radius};
use crate::extract::AmountKind;
use crate::incidents::Incident;
use crate::ui::commands::Command;
use crate::ui::format;
use crate::ui::theme;
use crate::ui::ui_command::UICommand;
use crate::workbench::Loaded;

/// "$81 million — Bangladesh Bank — 2016-02": how an incident is named in the table (and found
/// by screen readers and tests), the same as in an exported report.
pub use crate::report_doc::incident_label;

fn color((r, g, b): (u8, u8, u8)) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// How the plot draws the incidents of a kind: the core's series (legend name, colour, filled)
/// and the marker shape, which only the window has.
fn series_style(kind: AmountKind) -> (&'static str, Color32, bool, MarkerShape) {
    let (name, rgb, filled) = chart::series_of(kind);
    let shape = match kind {
        AmountKind::Cumulative => MarkerShape::Diamond,
        _ => MarkerShape::Circle,
    };
    (name, color(rgb), filled, shape)
}

/// Timeline options persisted with the session.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TimelineOptions {
    pub log_scale: bool,
    pub running_total: bool,
    /// The period the view, the incidents table, the copies and the report are restricted to.
    pub period: Period,
    /// The kinds shown, here and in the link chart, the copies and the report.
    pub kinds: chart::Kinds,
}

impl TimelineOptions {
    /// How the exported chart is drawn: as on screen, at `size`.
    pub fn chart_options(&self, selected: Option<&Incident>, size: (u32, u32)) -> ChartOptions {
        ChartOptions {
            log_scale: self.log_scale,
            running_total: self.running_total,
            selected: selected.map(|i| i.id.clone()),
            period: self.period,
            size,
            title: None,
        }
    }
}

fn points_id() -> Id {
    Id::unique("timeline_points")
}

/// Where the last frame drew each incident's point (incident index, screen position).
pub fn point_positions(ctx: &egui::Context) -> Vec<(usize, egui::Pos2)> {
    ctx.data(|d| d.get_temp(points_id())).unwrap_or_default()
}

fn plot_rect_id() -> Id {
    Id::unique("dossier_timeline_plot_rect")
}

/// Where the plot was last drawn (axes included), in points.
pub fn plot_rect(ctx: &egui::Context) -> Option<egui::Rect> {
    ctx.data(|d| d.get_temp::<egui::Rect>(plot_rect_id()))
}

/// The size of the plot as last drawn, in points: what "Copy chart" copies.
pub fn plot_size(ctx: &egui::Context) -> Option<(u32, u32)> {
    plot_rect(ctx).map(|r| {
        (
            r.width().round().max(1.0) as u32,
            r.height().round().max(1.0) as u32,
        )
    })
}

pub struct TimelineInput<'a> {
    pub loaded: &'a Loaded,
    /// Visible incident indices (after the filters), by date.
    pub incidents: &'a [usize],
    pub selected: Option<usize>,
}

/// Draws the timeline over `options` (persisted with the session); a changed scale, running
/// total or period comes back as [`Command::SetTimeline`].
pub fn timeline_ui(
    ui: &mut Ui,
    options: &TimelineOptions,
    input: TimelineInput<'_>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = *options;
    let all = &input.loaded.analysis.incidents;
    let rows = chart::kinds::shown(all, input.incidents, &options.period, &options.kinds);
    let input = TimelineInput {
        incidents: &rows,
        ..input
    };
    ui.horizontal_wrapped(|ui| {
        ui.strong("Timeline");
        ui.weak(format!("{} of {} incidents", rows.len(), all.len()));
        ui.separator();
        ui.checkbox(&mut edited.log_scale, "Log scale");
        ui.checkbox(&mut edited.running_total, "Running total");
        ui.separator();
        crate::ui::kind_filter::shared_filters_ui(ui, options, &mut edited);
        ui.separator();
        if ui
            .button("Copy chart")
            .on_hover_text(UICommand::CopyChart.hover_text("Copy the timeline as an image"))
            .clicked()
        {
            commands.push(UICommand::CopyChart.command());
        }
        if ui
            .button("Save chart…")
            .on_hover_text(UICommand::SaveChart.hover_text(UICommand::SaveChart.tooltip()))
            .clicked()
        {
            commands.push(UICommand::SaveChart.command());
        }
    });
    egui::Panel::right("incidents_table")
        .resizable(true)
        .default_size(520.0)
        .min_size(260.0)
        .show(ui, |ui| {
            commands.extend(table_ui(ui, input.loaded, input.incidents, input.selected));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        let (picked, period) = plot_ui(ui, options, &input);
        commands.extend(picked);
        if let Some(period) = period {
            edited.period = period;
        }
    });
    if edited != *options {
        commands.push(Command::SetTimeline(edited));
    }
    commands
}

/// A point of the plot, as egui_plot takes it.
type PlotXy = [f64; 2];

/// The index in `all` of the incident a mark plots (marks borrow their incident).
fn index_of(all: &[Incident], rows: &[usize], mark: &Mark<'_>) -> Option<usize> {
    rows.iter().copied().find(|&i| {
        all.get(i)
            .is_some_and(|inc| std::ptr::eq(inc, mark.incident))
    })
}

/// Draws the plot; returns the incident clicked and the period dragged, if any.
fn plot_ui(
    ui: &mut Ui,
    options: &TimelineOptions,
    input: &TimelineInput<'_>,
) -> (Option<Command>, Option<Period>) {
    let all = &input.loaded.analysis.incidents;
    let log = options.log_scale;
    let shown: Vec<&Incident> = input.incidents.iter().filter_map(|&i| all.get(i)).collect();
    // The options' size is an export's; the marks do not depend on it.
    let markers = chart::marks(&shown, &options.chart_options(None, (0, 0)));
    if markers.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.weak(if all.is_empty() {
                "No thefts found in this corpus."
            } else if input.incidents.is_empty() {
                "No theft among the visible articles."
            } else {
                "None of these thefts has an event date to plot: see the table."
            });
        });
        return (None, None);
    }
    let lookup = |pos: &PlotPoint| -> Option<&Incident> {
        markers
            .iter()
            .find(|m| (m.x - pos.x).abs() < 1e-6 && (m.y - pos.y).abs() < 1e-9 * m.y.abs().max(1.0))
            .map(|m| m.incident)
    };
    let label = move |pos: &HoverPosition<'_>| -> Option<String> {
        match pos {
            HoverPosition::NearDataPoint { position, .. } => match lookup(position) {
                Some(inc) => {
                    let mut text = format::incident_summary(inc);
                    if let Some((_, why)) = analyst_mark(input.loaded, inc) {
                        text.push('\n');
                        text.push_str(&why);
                    }
                    Some(text)
                }
                // The running-total line.
                None => Some(format!(
                    "{}\nrunning total {}",
                    format::axis_date(position.x, 1.0),
                    format::usd(if log {
                        10f64.powf(position.y)
                    } else {
                        position.y
                    })
                )),
            },
            HoverPosition::Elsewhere { .. } => None,
        }
    };
    let plot = Plot::new("incident_timeline")
        .legend(Legend::default().position(Corner::LeftTop))
        .set_margin_fraction(egui::vec2(0.05, 0.12))
        .allow_scroll(false)
        // A drag selects a period (below) instead of panning.
        .allow_drag(false)
        .x_grid_spacer(|input: GridInput| {
            format::date_marks(input.bounds.0, input.bounds.1)
                .into_iter()
                .map(|(value, step_size)| GridMark { value, step_size })
                .collect()
        })
        .x_axis_formatter(|mark, _| format::axis_date(mark.value, mark.step_size))
        .y_axis_formatter(move |mark, _| {
            if log {
                if (mark.value - mark.value.round()).abs() < 1e-6 {
                    format::usd(10f64.powf(mark.value))
                } else {
                    String::new()
                }
            } else if mark.value >= 0.0 {
                format::usd(mark.value)
            } else {
                String::new()
            }
        })
        .y_axis_min_width(70.0)
        .label_formatter(label);
    let plot = if log {
        plot.y_grid_spacer(|input: GridInput| {
            let (lo, hi) = (input.bounds.0.floor() as i64, input.bounds.1.ceil() as i64);
            (lo..=hi)
                .map(|v| GridMark {
                    value: v as f64,
                    step_size: 1.0,
                })
                .collect()
        })
    } else {
        plot.include_y(0.0)
    };
    let plot = match (options.period.from, options.period.to) {
        (Some(from), Some(to)) => plot
            .include_x(format::days_since_epoch(from) as f64)
            .include_x(format::days_since_epoch(to) as f64 + 1.0),
        _ => plot,
    };
    // Fit the view again when the period changes.
    let shown_period = Id::unique("dossier_timeline_shown_period");
    let plot = if ui.data(|d| d.get_temp::<Period>(shown_period)) != Some(options.period) {
        ui.data_mut(|d| d.insert_temp(shown_period, options.period));
        plot.reset()
    } else {
        plot
    };
    let drag_from = Id::unique("dossier_timeline_drag_from");
    let selected = input.selected.and_then(|s| all.get(s));
    let ui_selection = ui.visuals().selection.stroke.color;
    let response = plot.show(ui, |plot_ui| {
        // One item per core series (`chart::series_of`) and marker size: thousands of incidents
        // stay a handful of items. Stolen is drawn first, under the others, as in the export.
        let mut series: BTreeMap<(u8, u32), (AmountKind, Vec<PlotXy>)> = BTreeMap::new();
        for m in &markers {
            let inc = m.incident;
            let order = match inc.kind {
                AmountKind::Attempted => 1,
                AmountKind::Cumulative => 2,
                _ => 0,
            };
            series
                .entry((order, marker_radius(inc.sources.len()).to_bits()))
                .or_insert_with(|| (inc.kind, Vec::new()))
                .1
                .push([m.x, m.y]);
        }
        for ((order, radius), (kind, points)) in series {
            let (name, color, filled, shape) = series_style(kind);
            plot_ui.points(
                Points::new(name, points)
                    .id(("incidents", order, radius))
                    .color(color)
                    .filled(filled)
                    .shape(shape)
                    .radius(f32::from_bits(radius)),
            );
        }
        if let Some(m) = selected.and_then(|s| markers.iter().find(|m| std::ptr::eq(m.incident, s)))
        {
            plot_ui.points(
                Points::new("Selected", vec![[m.x, m.y]])
                    .id("selected_incident")
                    .color(ui_selection)
                    .filled(false)
                    .radius(marker_radius(m.incident.sources.len()) + 4.0)
                    .allow_hover(false),
            );
        }
        if options.running_total {
            let line: Vec<[f64; 2]> = chart::running_total(&markers, log)
                .into_iter()
                .map(|(x, y)| [x, y])
                .collect();
            plot_ui.line(
                Line::new("Running total (stolen)", line)
                    .color(color(chart::RUNNING_TOTAL))
                    .style(LineStyle::dashed_loose()),
            );
        }
        // Dragging across the plot selects a period; the span shows while dragging.
        let pointer_x = plot_ui.pointer_coordinate().map(|p| p.x);
        let dragging = plot_ui.response().dragged_by(egui::PointerButton::Primary);
        if plot_ui
            .response()
            .drag_started_by(egui::PointerButton::Primary)
            && let Some(x) = pointer_x
        {
            plot_ui.ctx().data_mut(|d| d.insert_temp(drag_from, x));
        }
        let from = plot_ui.ctx().data(|d| d.get_temp::<f64>(drag_from));
        if let (Some(a), Some(b), true) = (from, pointer_x, dragging) {
            plot_ui.span(Span::new("Period", a.min(b)..=a.max(b)));
        }
        if plot_ui.response().drag_stopped() {
            plot_ui.ctx().data_mut(|d| d.remove::<f64>(drag_from));
            if let (Some(a), Some(b)) = (from, pointer_x)
                && (a - b).abs() >= 1.0
            {
                return Some(Err(Period::between_days(a, b)));
            }
        }
        // Where each point is drawn, for tests and screen readers to find a point by its incident.
        let index: std::collections::HashMap<*const Incident, usize> = input
            .incidents
            .iter()
            .filter_map(|&i| all.get(i).map(|inc| (inc as *const Incident, i)))
            .collect();
        let points: Vec<(usize, egui::Pos2)> = markers
            .iter()
            .filter_map(|m| {
                let i = *index.get(&(m.incident as *const Incident))?;
                Some((i, plot_ui.screen_from_plot(PlotPoint::new(m.x, m.y))))
            })
            .collect();
        plot_ui
            .ctx()
            .data_mut(|d| d.insert_temp(points_id(), points));
        // A right-click on a point opens the decision form on its incident.
        let secondary = plot_ui.response().secondary_clicked();
        if (plot_ui.response().clicked() || secondary)
            && let Some(pointer) = plot_ui.pointer_coordinate()
        {
            let at = plot_ui.screen_from_plot(pointer);
            let nearest = markers
                .iter()
                .map(|m| {
                    let p = plot_ui.screen_from_plot(PlotPoint::new(m.x, m.y));
                    (p.distance(at), m)
                })
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((distance, mark)) = nearest
                && distance < 16.0
            {
                return Some(Ok((mark, secondary)));
            }
        }
        None
    });
    let rect = response.response.rect;
    ui.ctx().data_mut(|d| d.insert_temp(plot_rect_id(), rect));
    match response.inner {
        Some(Ok((mark, secondary))) => (
            index_of(all, input.incidents, mark).map(if secondary {
                Command::DecideIncident
            } else {
                Command::SelectIncident
            }),
            None,
        ),
        Some(Err(period)) => (None, Some(period)),
        None => (None, None),
    }
}

fn table_ui(ui: &mut Ui, loaded: &Loaded, rows: &[usize], selected: Option<usize>) -> Vec<Command> {
    let mut commands = Vec::new();
    ui.horizontal(|ui| {
        ui.strong(format!("Incidents ({})", rows.len()));
        if ui
            .button("Copy incidents table")
            .on_hover_text("Copy the incidents as a table (HTML and tab-separated text)")
            .clicked()
        {
            commands.push(Command::CopyIncidentsTable);
        }
        let decide = UICommand::Decide;
        if ui
            .add_enabled(selected.is_some(), egui::Button::new("Decide…"))
            .on_hover_text(decide.hover_text(
                "Correct the selected incident: not a theft, kind, value, date, victim, actor, \
                 confirm, merge with another, split a source off",
            ))
            .on_disabled_hover_text("Select an incident first (or right-click a point)")
            .clicked()
            && let Some(i) = selected
        {
            commands.push(Command::DecideIncident(i));
        }
    });
    ui.separator();
    let all = &loaded.analysis.incidents;
    let row_height = ui.spacing().interact_size.y + 2.0;
    egui::ScrollArea::vertical()
        .id_salt("incidents_table_rows")
        .auto_shrink([false, false])
        .show_rows(ui, row_height, rows.len(), |ui, range| {
            for &i in &rows[range] {
                let Some(inc) = all.get(i) else { continue };
                ui.horizontal(|ui| {
                    ui.set_height(row_height);
                    let copy = ui
                        .small_button("Copy figure")
                        .on_hover_text(format!("Copy {} with its citation", incident_label(inc)));
                    if copy.clicked() {
                        commands.push(Command::CopyFigure(i));
                    }
                    ui.colored_label(theme::amount_color(inc.kind), inc.kind.as_str());
                    let mut label = egui::RichText::new(incident_label(inc));
                    let mut hover = format::incident_summary(inc);
                    if let Some((_, why)) = analyst_mark(loaded, inc) {
                        hover.push('\n');
                        hover.push_str(&why);
                    }
                    if inc.is_main() {
                        // Headline thefts come first (see `View`) and stand out from figures
                        // mentioned in passing.
                        label = label.strong();
                        hover.push_str("\nThe theft an article is about");
                    }
                    let row = ui
                        .selectable_label(selected == Some(i), label)
                        .on_hover_text(hover);
                    if row.clicked() {
                        commands.push(Command::SelectIncident(i));
                    }
                    if let Some(actor) = &inc.actor {
                        ui.weak(actor);
                    }
                    if let Some((mark, why)) = analyst_mark(loaded, inc) {
                        ui.weak(mark).on_hover_text(why);
                    }
                });
            }
        });
    commands
}

/// "corrected" or "confirmed" when an analyst decided on the incident or one of its figures,
/// with the machine's original for the hover.
fn analyst_mark(loaded: &Loaded, inc: &Incident) -> Option<(&'static str, String)> {
    let report = &loaded.decisions;
    let decided: Vec<_> = inc
        .sources
        .iter()
        .filter_map(|s| report.figure(&s.mention.article, s.mention.start as usize))
        .collect();
    if let Some(d) = decided.iter().find(|d| d.corrected) {
        return Some(("corrected", crate::ui::decision_form::machine_note(d)));
    }
    let confirmed = report.confirmed_incidents.contains(&inc.id) || !decided.is_empty();
    confirmed.then(|| ("confirmed", "Confirmed by the analyst".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plot_draws_stolen_incidents_in_the_one_theft_red_of_the_exported_chart() {
        let (name, color, filled, _) = series_style(AmountKind::Stolen);
        assert_eq!((name, filled), ("Stolen", true));
        assert_eq!(color, theme::THEFT_RED);
        assert_eq!(color, color_of(chart::STOLEN));
        assert_eq!(
            series_style(AmountKind::Attempted).1,
            color_of(chart::ATTEMPTED)
        );
        assert_eq!(
            series_style(AmountKind::Cumulative).1,
            color_of(chart::CUMULATIVE)
        );
    }

    fn color_of((r, g, b): (u8, u8, u8)) -> Color32 {
        Color32::from_rgb(r, g, b)
    }
}

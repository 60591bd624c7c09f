//! The timeline (bottom panel): every stolen or attempted incident at its event date, with USD on
//! the y axis, cumulative totals in their own series, and the incidents table beside the plot.

use std::collections::BTreeMap;

use eframe::egui::{self, Color32, Ui};
use egui_plot::{
    Corner, GridInput, GridMark, HoverPosition, Legend, Line, LineStyle, MarkerShape, Plot,
    PlotPoint, Points,
};

use crate::extract::AmountKind;
use crate::incidents::Incident;
use crate::ui::commands::Command;
use crate::ui::format;
use crate::ui::theme;
use crate::ui::worker::Loaded;

const STOLEN: Color32 = theme::amount_color(AmountKind::Stolen);
const ATTEMPTED: Color32 = theme::amount_color(AmountKind::Attempted);
const CUMULATIVE: Color32 = theme::amount_color(AmountKind::Cumulative);

/// Timeline options persisted with the session.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TimelineOptions {
    pub log_scale: bool,
    pub running_total: bool,
}

/// "$81 million — Bangladesh Bank — 2016-02": how an incident is named in the table (and found
/// by screen readers and tests).
pub fn incident_label(incident: &Incident) -> String {
    format!(
        "{} — {} — {}",
        format::usd(incident.usd),
        incident.victim.as_deref().unwrap_or("unknown victim"),
        incident.event_date.as_deref().unwrap_or("undated")
    )
}

pub struct TimelineInput<'a> {
    pub loaded: &'a Loaded,
    /// Visible incident indices (after the filters), by date.
    pub incidents: &'a [usize],
    pub selected: Option<usize>,
}

pub fn timeline_ui(
    ui: &mut Ui,
    options: &mut TimelineOptions,
    input: TimelineInput<'_>,
) -> Vec<Command> {
    let mut commands = Vec::new();
    let all = &input.loaded.analysis.incidents;
    ui.horizontal(|ui| {
        ui.strong("Timeline");
        ui.weak(format!(
            "{} of {} incidents",
            input.incidents.len(),
            all.len()
        ));
        ui.separator();
        ui.checkbox(&mut options.log_scale, "Log scale");
        ui.checkbox(&mut options.running_total, "Running total");
    });
    egui::Panel::right("incidents_table")
        .resizable(true)
        .default_size(520.0)
        .min_size(260.0)
        .show(ui, |ui| {
            commands.extend(table_ui(ui, input.loaded, input.incidents, input.selected));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        commands.extend(plot_ui(ui, options, &input));
    });
    commands
}

struct Marker {
    incident: usize,
    x: f64,
    y: f64,
}

/// Marker size grows with the number of sources, slowly, so that a much-reported theft does
/// not hide its neighbours.
fn marker_radius(sources: usize) -> f32 {
    (4.0 + 3.0 * (sources.max(1) as f32).ln()).min(14.0)
}

fn y_of(usd: f64, log: bool) -> f64 {
    if log { usd.max(1.0).log10() } else { usd }
}

fn plot_ui(ui: &mut Ui, options: &TimelineOptions, input: &TimelineInput<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let all = &input.loaded.analysis.incidents;
    let days = &input.loaded.index.incident_days;
    let log = options.log_scale;
    let markers: Vec<Marker> = input
        .incidents
        .iter()
        .filter_map(|&i| {
            let inc = all.get(i)?;
            if !inc.kind.is_theft() {
                return None;
            }
            Some(Marker {
                incident: i,
                x: days.get(i).copied().flatten()?,
                y: y_of(inc.usd, log),
            })
        })
        .collect();
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
        return commands;
    }
    let lookup = |pos: &PlotPoint| -> Option<&Incident> {
        markers
            .iter()
            .find(|m| (m.x - pos.x).abs() < 1e-6 && (m.y - pos.y).abs() < 1e-9 * m.y.abs().max(1.0))
            .and_then(|m| all.get(m.incident))
    };
    let label = move |pos: &HoverPosition<'_>| -> Option<String> {
        match pos {
            HoverPosition::NearDataPoint { position, .. } => match lookup(position) {
                Some(inc) => Some(hover_text(inc)),
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
    let selected = input.selected;
    let ui_selection = ui.visuals().selection.stroke.color;
    let response = plot.show(ui, |plot_ui| {
        // One series per kind and marker size: thousands of incidents stay a handful of items.
        let mut series: BTreeMap<(u8, u32), Vec<[f64; 2]>> = BTreeMap::new();
        for m in &markers {
            let inc = &all[m.incident];
            let kind = match inc.kind {
                AmountKind::Attempted => 1,
                AmountKind::Cumulative => 2,
                _ => 0,
            };
            series
                .entry((kind, marker_radius(inc.sources.len()).to_bits()))
                .or_default()
                .push([m.x, m.y]);
        }
        for ((kind, radius), points) in series {
            let (name, color, filled, shape) = match kind {
                1 => ("Attempted", ATTEMPTED, false, MarkerShape::Circle),
                2 => ("Cumulative totals", CUMULATIVE, true, MarkerShape::Diamond),
                _ => ("Stolen", STOLEN, true, MarkerShape::Circle),
            };
            plot_ui.points(
                Points::new(name, points)
                    .id(("incidents", kind, radius))
                    .color(color)
                    .filled(filled)
                    .shape(shape)
                    .radius(f32::from_bits(radius)),
            );
        }
        if let Some(m) = selected.and_then(|s| markers.iter().find(|m| m.incident == s)) {
            plot_ui.points(
                Points::new("Selected", vec![[m.x, m.y]])
                    .id("selected_incident")
                    .color(ui_selection)
                    .filled(false)
                    .radius(marker_radius(all[m.incident].sources.len()) + 4.0)
                    .allow_hover(false),
            );
        }
        if options.running_total {
            let mut total = 0.0;
            let mut line: Vec<[f64; 2]> = Vec::new();
            for m in markers
                .iter()
                .filter(|m| all[m.incident].kind == AmountKind::Stolen)
            {
                if let Some(&[_, y]) = line.last() {
                    line.push([m.x, y]);
                }
                total += all[m.incident].usd;
                line.push([m.x, y_of(total, log)]);
            }
            plot_ui.line(
                Line::new("Running total (stolen)", line)
                    .color(Color32::from_gray(140))
                    .style(LineStyle::dashed_loose()),
            );
        }
        if plot_ui.response().clicked()
            && let Some(pointer) = plot_ui.pointer_coordinate()
        {
            let at = plot_ui.screen_from_plot(pointer);
            let nearest = markers
                .iter()
                .map(|m| {
                    let p = plot_ui.screen_from_plot(PlotPoint::new(m.x, m.y));
                    (p.distance(at), m.incident)
                })
                .min_by(|a, b| a.0.total_cmp(&b.0));
            if let Some((distance, incident)) = nearest
                && distance < 16.0
            {
                return Some(incident);
            }
        }
        None
    });
    if let Some(incident) = response.inner {
        commands.push(Command::SelectIncident(incident));
    }
    commands
}

fn hover_text(inc: &Incident) -> String {
    let mut s = format!(
        "{}\n{} ({})\n{}",
        inc.victim.as_deref().unwrap_or("unknown victim"),
        format::usd_spread(inc.usd, inc.usd_min, inc.usd_max),
        inc.kind.as_str(),
        inc.event_date.as_deref().unwrap_or("undated"),
    );
    if let Some(actor) = &inc.actor {
        s.push_str(&format!("\nattributed to {actor}"));
    }
    s.push_str(&format!(
        "\n{} source{}",
        inc.sources.len(),
        if inc.sources.len() == 1 { "" } else { "s" }
    ));
    for src in inc.sources.iter().take(4) {
        s.push_str(&format!("\n• {} — “{}”", src.mention.article, src.text));
    }
    s
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
                    let (kind_color, kind) = match inc.kind {
                        AmountKind::Attempted => (ATTEMPTED, "attempted"),
                        AmountKind::Cumulative => (CUMULATIVE, "cumulative"),
                        AmountKind::Stolen => (STOLEN, "stolen"),
                        other => (Color32::GRAY, other.as_str()),
                    };
                    ui.colored_label(kind_color, kind);
                    let row = ui
                        .selectable_label(selected == Some(i), incident_label(inc))
                        .on_hover_text(hover_text(inc));
                    if row.clicked() {
                        commands.push(Command::SelectIncident(i));
                    }
                    if let Some(actor) = &inc.actor {
                        ui.weak(actor);
                    }
                });
            }
        });
    commands
}

//! The Links view: who stole from whom, as a link chart in the bottom panel beside the timeline.
//! It draws the core's graph and layout ([`crate::link_chart`]) with egui's painter, over the
//! incidents the timeline shows (same entity filter, period and kinds). Nodes can be dragged;
//! where the analyst put them is kept per corpus in the session, by node identity.

pub mod export;

use std::collections::BTreeMap;
use std::path::PathBuf;

use eframe::egui::{
    self, Align2, Color32, FontId, Id, Rect, Sense, Stroke, Ui, WidgetInfo, pos2, vec2,
};
use serde::{Deserialize, Serialize};

use crate::extract::EntityKind;
use crate::link_chart::{self, Graph, Layout, Moved, NodeKind};
use crate::ui::commands::Command;
use crate::ui::timeline::TimelineOptions;
use crate::workbench::filter::EntityFilter;
use crate::workbench::{CorpusSource, Loaded};

/// What the Links view asks the app to do (one [`Command::Links`] variant for all of them).
#[derive(Clone, Debug, PartialEq)]
pub enum LinksCommand {
    /// Show the link chart: the bottom panel, on its Links tab.
    Show,
    /// Back to the timeline tab.
    ShowTimeline,
    /// The analyst dragged a node (by its key) to this place, in layout units.
    MoveNode { key: String, to: [f32; 2] },
    /// Forget this corpus's hand-placed nodes: the automatic layout again.
    Relayout,
    /// Copy the link chart to the clipboard as an image.
    Copy,
    /// Save it as PNG and SVG to this path, or ask where (file dialog).
    Save(Option<PathBuf>),
}

/// Hand-placed nodes of each corpus, saved with the session.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct LinkPositions {
    /// By corpus ([`corpus_key`]).
    pub corpora: BTreeMap<String, Moved>,
}

impl LinkPositions {
    pub fn of(&self, corpus: &CorpusSource) -> Option<&Moved> {
        self.corpora.get(&corpus_key(corpus))
    }

    pub fn set(&mut self, corpus: &CorpusSource, key: String, to: [f32; 2]) {
        self.corpora
            .entry(corpus_key(corpus))
            .or_default()
            .insert(key, to);
    }

    pub fn clear(&mut self, corpus: &CorpusSource) {
        self.corpora.remove(&corpus_key(corpus));
    }
}

/// No hand-placed node (a corpus never arranged).
static NONE_MOVED: Moved = Moved::new();

/// The hand-placed nodes of `corpus` (none yet: empty).
pub fn moved_of<'a>(positions: &'a LinkPositions, corpus: &CorpusSource) -> &'a Moved {
    positions.of(corpus).unwrap_or(&NONE_MOVED)
}

/// A corpus's name in the saved positions: "sample", or its paths one per line.
pub fn corpus_key(corpus: &CorpusSource) -> String {
    match corpus {
        CorpusSource::Sample => "sample".to_owned(),
        CorpusSource::Paths(paths) => paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

pub struct LinksInput<'a> {
    pub loaded: &'a Loaded,
    /// Incident indices the entity filter and the search leave (the timeline's input).
    pub incidents: &'a [usize],
    pub selected: Option<usize>,
    /// This corpus's hand-placed nodes.
    pub moved: Option<&'a Moved>,
}

/// The incidents the chart draws from: the timeline's (entity filter, period, kinds).
pub fn shown(loaded: &Loaded, incidents: &[usize], options: &TimelineOptions) -> Vec<usize> {
    crate::chart::kinds::shown(
        &loaded.analysis.incidents,
        incidents,
        &options.period,
        &options.kinds,
    )
}

/// The graph and layout the view, the copies and the saves draw.
pub fn chart(loaded: &Loaded, rows: &[usize], moved: Option<&Moved>) -> (Graph, Layout) {
    let graph = link_chart::build(&loaded.analysis.incidents, rows, link_chart::MAX_INCIDENTS);
    let layout = match moved {
        Some(moved) => link_chart::arranged(&graph, moved),
        None => link_chart::layered(&graph),
    };
    (graph, layout)
}

fn color((r, g, b): (u8, u8, u8)) -> Color32 {
    Color32::from_rgb(r, g, b)
}

/// "Threat actor Lazarus Group": how a node is named to screen readers (and tests).
pub fn node_name(kind: NodeKind, label: &str) -> String {
    let what = match kind {
        NodeKind::Actor => "Threat actor",
        NodeKind::SubGroup => "Sub-group",
        NodeKind::Incident => "Incident",
        NodeKind::Victim => "Victim",
    };
    format!("{what} {label}")
}

/// Draws the view over the timeline's `options` (a changed period or kind comes back as
/// [`Command::SetTimeline`]).
pub fn links_ui(ui: &mut Ui, options: &TimelineOptions, input: LinksInput<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let mut edited = *options;
    let rows = shown(input.loaded, input.incidents, options);
    let (graph, layout) = chart(input.loaded, &rows, input.moved);
    ui.horizontal_wrapped(|ui| {
        let drawn = rows.len() - graph.more;
        ui.weak(format!("{drawn} of {} incidents", rows.len()));
        ui.separator();
        crate::ui::kind_filter::shared_filters_ui(ui, options, &mut edited);
        ui.separator();
        if ui
            .button("Re-layout")
            .on_hover_text("Put every node back where the automatic layout puts it")
            .clicked()
        {
            commands.push(Command::Links(LinksCommand::Relayout));
        }
        if ui
            .button("Copy links")
            .on_hover_text("Copy the link chart, as arranged, to the clipboard as an image")
            .clicked()
        {
            commands.push(Command::Links(LinksCommand::Copy));
        }
        if ui
            .button("Save links…")
            .on_hover_text("Write the link chart as PNG and SVG")
            .clicked()
        {
            commands.push(Command::Links(LinksCommand::Save(None)));
        }
    });
    if edited != *options {
        commands.push(Command::SetTimeline(edited));
    }
    if graph.nodes.is_empty() {
        ui.centered_and_justified(|ui| {
            ui.weak(if input.loaded.analysis.incidents.is_empty() {
                "No thefts found in this corpus."
            } else {
                "No theft among the visible articles, kinds and period."
            });
        });
        return commands;
    }
    egui::ScrollArea::both()
        .id_salt("links_canvas")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            commands.extend(canvas_ui(ui, &graph, &layout, &input));
        });
    commands
}

/// Where the chart was last drawn, in points (the frame-time bench hovers across it).
pub fn canvas_rect(ctx: &egui::Context) -> Option<Rect> {
    ctx.data(|d| d.get_temp::<Rect>(canvas_id()))
}

fn canvas_id() -> Id {
    Id::unique("dossier_links_canvas")
}

fn canvas_ui(ui: &mut Ui, graph: &Graph, layout: &Layout, input: &LinksInput<'_>) -> Vec<Command> {
    let mut commands = Vec::new();
    let (rect, _) = ui.allocate_exact_size(vec2(layout.size[0], layout.size[1]), Sense::hover());
    ui.ctx().data_mut(|d| d.insert_temp(canvas_id(), rect));
    let at = |k: usize| rect.min + vec2(layout.pos[k][0], layout.pos[k][1]);
    let painter = ui.painter_at(rect);
    let visuals = ui.visuals();
    let text_color = visuals.text_color();
    let weak = visuals.weak_text_color();
    let edge = Stroke::new(1.0, weak.gamma_multiply(0.6));
    let small = FontId::proportional(10.0);
    let font = FontId::proportional(12.0);
    let headings = [
        (NodeKind::Actor, "Threat actors"),
        (NodeKind::Incident, "Incidents, by event date"),
        (NodeKind::Victim, "Victims"),
    ];
    for (kind, text) in headings {
        painter.text(
            pos2(
                rect.min.x + link_chart::layout::column_x(kind),
                rect.min.y + 16.0,
            ),
            Align2::CENTER_CENTER,
            text,
            FontId::proportional(13.0),
            text_color,
        );
    }
    let clip = ui.clip_rect();
    for e in &graph.edges {
        let (a, b) = (at(e.from), at(e.to));
        if !clip.intersects(Rect::from_two_pos(a, b)) {
            continue;
        }
        painter.line_segment([a, b], edge);
        if let Some(label) = &e.label {
            painter.text(
                pos2((a.x + b.x) / 2.0, (a.y + b.y) / 2.0 - 6.0),
                Align2::CENTER_CENTER,
                label,
                small.clone(),
                weak,
            );
        }
    }
    let selection = visuals.selection.stroke.color;
    for (k, node) in graph.nodes.iter().enumerate() {
        let c = at(k);
        let r = layout.radius[k];
        let hit = Rect::from_center_size(c, vec2(2.0 * r + 6.0, 2.0 * r + 6.0));
        let response = ui.interact(
            hit,
            ui.scope_id().with(("link_node", &node.key)),
            Sense::click_and_drag(),
        );
        let name = node_name(node.kind, &node.label);
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Button, true, &name));
        if !clip.intersects(hit.expand(200.0)) {
            continue;
        }
        let fill = color(link_chart::node_color(node));
        painter.circle_filled(c, r, fill);
        let selected = node.kind == NodeKind::Incident
            && input.selected.is_some_and(|s| node.incidents.contains(&s));
        if selected || response.hovered() {
            painter.circle_stroke(c, r + 3.0, Stroke::new(2.0, selection));
        }
        // As in the SVG: incidents labelled above, leaving their links' amounts clear.
        let (anchor, at_label) = match node.kind {
            NodeKind::Actor | NodeKind::SubGroup => {
                (Align2::RIGHT_CENTER, pos2(c.x - r - 4.0, c.y))
            }
            NodeKind::Incident => (Align2::CENTER_BOTTOM, pos2(c.x, c.y - r - 1.0)),
            NodeKind::Victim => (Align2::LEFT_CENTER, pos2(c.x + r + 4.0, c.y)),
        };
        painter.text(at_label, anchor, &node.label, font.clone(), text_color);
        if response.dragged() {
            let delta = response.drag_delta();
            let p = layout.pos[k];
            commands.push(Command::Links(LinksCommand::MoveNode {
                key: node.key.clone(),
                to: [p[0] + delta.x, p[1] + delta.y],
            }));
        }
        if response.clicked() {
            commands.extend(clicked(input.loaded, node));
        }
        let all = &input.loaded.analysis.incidents;
        response.on_hover_ui(|ui| {
            let index = &input.loaded.index.by_id;
            let articles = &input.loaded.analysis.corpus.articles;
            let title = |id: &str| {
                index
                    .get(id)
                    .and_then(|&i| articles.get(i))
                    .map(|a| a.title.as_str())
            };
            ui.label(link_chart::describe(graph, k, all, title));
        });
    }
    if graph.more > 0 {
        painter.text(
            pos2(
                rect.min.x + link_chart::layout::column_x(NodeKind::Incident),
                rect.max.y - 14.0,
            ),
            Align2::CENTER_CENTER,
            link_chart::more_label(graph.more),
            font,
            text_color,
        );
    }
    commands
}

/// A click: an incident opens its source passage; an actor or a victim filters the reader and
/// the timeline, as the sidebar does.
fn clicked(loaded: &Loaded, node: &link_chart::Node) -> Option<Command> {
    match node.kind {
        NodeKind::Incident => node.incidents.first().map(|&i| Command::SelectIncident(i)),
        NodeKind::Actor | NodeKind::SubGroup => Some(Command::FilterEntity(EntityFilter {
            kind: EntityKind::ThreatActor,
            name: node.label.clone(),
            // An umbrella stands for its whole family, as the sidebar's "(all)" row.
            family: node.kind == NodeKind::Actor,
        })),
        NodeKind::Victim => {
            // The victim as the entity table knows it (an organisation, most often).
            let entities = &loaded.analysis.extraction.entities;
            let wanted = link_chart::graph::victim_key(&node.label);
            let entity = entities
                .iter()
                .filter(|e| e.kind != EntityKind::Money && e.kind != EntityKind::Date)
                .find(|e| e.name == node.label)
                .or_else(|| {
                    entities
                        .iter()
                        .filter(|e| e.kind == EntityKind::Organization)
                        .find(|e| link_chart::graph::victim_key(&e.name) == wanted)
                });
            Some(Command::FilterEntity(EntityFilter {
                kind: entity.map_or(EntityKind::Organization, |e| e.kind),
                name: entity.map_or_else(|| node.label.clone(), |e| e.name.clone()),
                family: false,
            }))
        }
    }
}

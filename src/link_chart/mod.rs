//! Who stole from whom: the link chart analysts draw by hand from the same articles. Threat
//! actors (sub-groups under their umbrella), incidents and victims, joined actor → incident →
//! victim with the amounts on the links ([`graph`]), laid out in three layers read left to
//! right ([`layout`]) and written as SVG ([`svg`]). The window's Links view, its copies and the
//! report all draw from these, like the timeline from [`crate::chart`].

pub mod graph;
pub mod layout;
mod svg;

#[cfg(test)]
mod tests;

use std::fmt::Write as _;

pub use graph::{Edge, Graph, Node, NodeKind, build};
pub use layout::{Layout, Moved, arranged, layered};
pub use svg::svg;

use crate::chart;
use crate::export::format_money;
use crate::incidents::Incident;

/// How many incidents the chart shows at most (the largest); the rest are counted as "+ N more".
/// More than this many rows no longer read as a chart.
pub const MAX_INCIDENTS: usize = 60;

/// Node colours (RGB), shared by the window and the SVG. Incidents take their timeline series'.
pub const ACTOR: (u8, u8, u8) = (120, 60, 160);
pub const SUB_GROUP: (u8, u8, u8) = (170, 110, 205);
pub const VICTIM: (u8, u8, u8) = (40, 110, 180);

/// The colour a node is drawn in.
pub fn node_color(node: &Node) -> (u8, u8, u8) {
    match node.kind {
        NodeKind::Actor => ACTOR,
        NodeKind::SubGroup => SUB_GROUP,
        NodeKind::Victim => VICTIM,
        NodeKind::Incident => node
            .incident_kind
            .map_or(chart::STOLEN, |k| chart::series_of(k).1),
    }
}

/// "+ 12 more incidents (the smallest)".
pub fn more_label(more: usize) -> String {
    format!(
        "+ {more} more incident{} (the smallest)",
        if more == 1 { "" } else { "s" }
    )
}

/// Sources named per incident when a node is hovered (a much-reported theft has hundreds).
const SOURCES_SHOWN: usize = 3;

/// What hovering a node shows: its stolen total, its figures and their sources (`title` names
/// an article by its id).
pub fn describe<'a>(
    g: &Graph,
    node: usize,
    all: &[Incident],
    title: impl Fn(&str) -> Option<&'a str>,
) -> String {
    let Some(n) = g.nodes.get(node) else {
        return String::new();
    };
    let mut s = n.label.clone();
    if n.kind != NodeKind::Incident {
        let _ = write!(
            s,
            "\n{} stolen in {} incident{}",
            format_money(n.usd, "USD"),
            n.incidents.len(),
            if n.incidents.len() == 1 { "" } else { "s" }
        );
    }
    for inc in n.incidents.iter().filter_map(|&i| all.get(i)) {
        let _ = write!(s, "\n• {}", crate::report_doc::incident_label(inc));
        if let Some(actor) = &inc.actor {
            let _ = write!(s, " — {actor}");
            if let Some(sub) = &inc.sub_group {
                let _ = write!(s, " ({sub})");
            }
        }
        for src in inc.sources.iter().take(SOURCES_SHOWN) {
            let article = &*src.mention.article;
            let _ = write!(
                s,
                "\n    {}: “{}”",
                title(article).unwrap_or(article),
                src.text
            );
        }
        if inc.sources.len() > SOURCES_SHOWN {
            let _ = write!(
                s,
                "\n    and {} more sources",
                inc.sources.len() - SOURCES_SHOWN
            );
        }
    }
    s
}

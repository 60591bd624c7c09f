//! The link chart as SVG, hand-written from the graph and its layout: for the PNG copy and file
//! (rasterised by [`crate::chart::png`]) and the HTML report.

use std::fmt::Write as _;

use super::graph::{Graph, NodeKind};
use super::layout::{Layout, column_x};
use super::node_color;

const TEXT: &str = "#333333";
const EDGE: &str = "#a0a0a0";

/// Text as SVG content or attribute value.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// The chart of `g` as laid out in `layout`, with `title` above it, if any.
pub fn svg(g: &Graph, layout: &Layout, title: Option<&str>) -> String {
    let [w, h] = layout.size;
    let mut s = String::new();
    let _ = writeln!(
        s,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" \
         width=\"{w:.0}\" height=\"{h:.0}\" viewBox=\"0 0 {w:.0} {h:.0}\" \
         font-family=\"sans-serif\" font-size=\"12\">"
    );
    let _ = writeln!(s, "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>");
    let headings = [
        (NodeKind::Actor, "Threat actors"),
        (NodeKind::Incident, "Incidents, by event date"),
        (NodeKind::Victim, "Victims"),
    ];
    for (kind, text) in headings {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"20\" text-anchor=\"middle\" font-size=\"14\" \
             font-weight=\"bold\" fill=\"{TEXT}\">{text}</text>",
            column_x(kind)
        );
    }
    if let Some(title) = title {
        let _ = writeln!(
            s,
            "<text x=\"10\" y=\"40\" font-size=\"12\" fill=\"{TEXT}\">{}</text>",
            esc(title)
        );
    }
    for e in &g.edges {
        let ([x1, y1], [x2, y2]) = (layout.pos[e.from], layout.pos[e.to]);
        let _ = writeln!(
            s,
            "<line x1=\"{x1:.1}\" y1=\"{y1:.1}\" x2=\"{x2:.1}\" y2=\"{y2:.1}\" stroke=\"{EDGE}\" \
             stroke-width=\"1.2\"/>"
        );
    }
    for e in &g.edges {
        let Some(label) = &e.label else { continue };
        let ([x1, y1], [x2, y2]) = (layout.pos[e.from], layout.pos[e.to]);
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" font-size=\"10\" \
             fill=\"#777777\">{}</text>",
            (x1 + x2) / 2.0,
            (y1 + y2) / 2.0 - 3.0,
            esc(label)
        );
    }
    for (k, node) in g.nodes.iter().enumerate() {
        let [x, y] = layout.pos[k];
        let r = layout.radius[k];
        let _ = writeln!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{}\" stroke=\"#ffffff\" \
             stroke-width=\"1\"/>",
            hex(node_color(node))
        );
        // Incidents are labelled above, leaving their links' amounts clear on both sides.
        let (lx, ly, anchor) = match node.kind {
            NodeKind::Actor | NodeKind::SubGroup => (x - r - 4.0, y + 4.0, "end"),
            NodeKind::Incident => (x, y - r - 4.0, "middle"),
            NodeKind::Victim => (x + r + 4.0, y + 4.0, "start"),
        };
        let _ = writeln!(
            s,
            "<text x=\"{lx:.1}\" y=\"{ly:.1}\" text-anchor=\"{anchor}\" fill=\"{TEXT}\">{}</text>",
            esc(&node.label)
        );
    }
    if g.nodes.is_empty() {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{TEXT}\">No incident to \
             link.</text>",
            w / 2.0,
            h / 2.0
        );
    }
    if g.more > 0 {
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{TEXT}\">{}</text>",
            column_x(NodeKind::Incident),
            h - 14.0,
            esc(&super::more_label(g.more))
        );
    }
    s.push_str("</svg>\n");
    s
}

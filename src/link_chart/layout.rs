//! Where the link chart's nodes sit: three layers read left to right (threat actors, incidents by
//! event date, victims), each node at the mean height of its incidents' rows so that links cross
//! little; nodes the analyst moved by hand keep their place. The window and the SVG export both
//! draw from this, so a copy is what the analyst arranged.

use std::collections::{BTreeMap, HashMap};

use super::graph::{Graph, NodeKind};

/// The chart's width in layout units (points on screen, CSS pixels in the SVG).
pub const WIDTH: f32 = 1000.0;
/// Height of one row of the tallest column.
pub const ROW: f32 = 40.0;
/// Room above the rows for the column headings, and below them for the "+ N more" line.
pub const TOP: f32 = 50.0;
pub const BOTTOM: f32 = 40.0;

/// The x of a column: actors leave room on their left for their names, victims on their right.
pub fn column_x(kind: NodeKind) -> f32 {
    match kind {
        NodeKind::Actor => 220.0,
        NodeKind::SubGroup => 260.0,
        NodeKind::Incident => 540.0,
        NodeKind::Victim => 800.0,
    }
}

/// A node's radius by the dollars through it: slowly growing (log), so that a billion-dollar
/// heist does not hide its neighbours.
pub fn radius(usd: f64) -> f32 {
    let decades = (usd.max(1e4) / 1e4).log10() as f32;
    (4.0 + 2.2 * decades).min(18.0)
}

/// Node positions (centres) and radii, by node index, and the chart's size.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub pos: Vec<[f32; 2]>,
    pub radius: Vec<f32>,
    pub size: [f32; 2],
}

/// Hand-placed positions by node key (see [`super::Node::key`]).
pub type Moved = BTreeMap<String, [f32; 2]>;

/// The automatic layered layout.
pub fn layered(g: &Graph) -> Layout {
    let n = g.nodes.len();
    // Incident nodes come in date order; their row is their rank.
    let mut incident_row: HashMap<usize, f32> = HashMap::new();
    let incidents: Vec<usize> = (0..n)
        .filter(|&k| g.nodes[k].kind == NodeKind::Incident)
        .collect();
    for (row, &k) in incidents.iter().enumerate() {
        for &i in &g.nodes[k].incidents {
            incident_row.insert(i, row as f32);
        }
    }
    let barycentre = |k: usize| -> f32 {
        let rows: Vec<f32> = g.nodes[k]
            .incidents
            .iter()
            .filter_map(|i| incident_row.get(i).copied())
            .collect();
        if rows.is_empty() {
            0.0
        } else {
            rows.iter().sum::<f32>() / rows.len() as f32
        }
    };
    let by_barycentre = |mut nodes: Vec<usize>| {
        nodes.sort_by(|&a, &b| barycentre(a).total_cmp(&barycentre(b)).then(a.cmp(&b)));
        nodes
    };
    // Actors: each umbrella followed by its sub-groups.
    let umbrellas = by_barycentre(
        (0..n)
            .filter(|&k| g.nodes[k].kind == NodeKind::Actor)
            .collect(),
    );
    let mut actors = Vec::new();
    for u in umbrellas {
        actors.push(u);
        actors.extend(by_barycentre(
            (0..n)
                .filter(|&k| g.nodes[k].kind == NodeKind::SubGroup && g.nodes[k].parent == Some(u))
                .collect(),
        ));
    }
    let victims = by_barycentre(
        (0..n)
            .filter(|&k| g.nodes[k].kind == NodeKind::Victim)
            .collect(),
    );
    let tallest = actors.len().max(incidents.len()).max(victims.len()).max(1);
    let height = tallest as f32 * ROW;
    let mut pos = vec![[0.0, 0.0]; n];
    for column in [&actors, &incidents, &victims] {
        let step = height / column.len().max(1) as f32;
        for (row, &k) in column.iter().enumerate() {
            pos[k] = [column_x(g.nodes[k].kind), TOP + (row as f32 + 0.5) * step];
        }
    }
    Layout {
        pos,
        radius: g.nodes.iter().map(|node| radius(node.usd)).collect(),
        size: [WIDTH, TOP + height + BOTTOM],
    }
}

/// The automatic layout with the nodes in `moved` where the analyst put them (kept inside the
/// chart); keys of nodes not shown are ignored.
pub fn arranged(g: &Graph, moved: &Moved) -> Layout {
    let mut layout = layered(g);
    for (k, node) in g.nodes.iter().enumerate() {
        if let Some(&[x, y]) = moved.get(&node.key) {
            layout.pos[k] = [x.clamp(0.0, layout.size[0]), y.clamp(0.0, layout.size[1])];
        }
    }
    layout
}

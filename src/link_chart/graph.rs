//! The link chart's graph: threat actors (sub-groups under their umbrella), incidents and
//! victims as nodes, joined actor → incident → victim. Built from the incidents the filters
//! leave, so the chart shows what the timeline shows.

use std::collections::HashMap;

use crate::export::format_money;
use crate::extract::AmountKind;
use crate::extract::money::normalized_victim;
use crate::incidents::Incident;

/// What a node stands for; also its column (actors, sub-groups beside them, incidents, victims).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NodeKind {
    /// A threat actor, or the umbrella of sub-groups.
    Actor,
    /// A sub-group of an umbrella actor ("APT38" under "Lazarus Group").
    SubGroup,
    Incident,
    Victim,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    /// The node's identity across loads and restarts ("actor:Lazarus Group", "victim:quillon",
    /// "incident:quillon@10"): what hand-placed positions are kept by. Names are the analysis'
    /// (after the analyst's renames and merges), so positions follow them.
    pub key: String,
    pub kind: NodeKind,
    pub label: String,
    /// Dollars stolen through this node (an incident: its own value, any kind): its size.
    pub usd: f64,
    /// The incidents it takes part in, as indices into the analysis' incidents, by date.
    pub incidents: Vec<usize>,
    /// A sub-group's umbrella node.
    pub parent: Option<usize>,
    /// An incident node's kind (its colour is its timeline series').
    pub incident_kind: Option<AmountKind>,
}

/// A link; `label` is the amount it carries (none from an umbrella to its sub-group).
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: usize,
    pub to: usize,
    pub label: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Graph {
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Incidents the filters selected but the chart leaves out (the smallest): "+ N more".
    pub more: usize,
}

impl Graph {
    /// The index of the node with this key.
    pub fn find(&self, key: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.key == key)
    }
}

/// An incident's identity: its first source's place (article and offset), which stays the same
/// when other incidents come and go, unlike its number.
pub fn incident_key(incident: &Incident) -> String {
    match incident.sources.first() {
        Some(s) => format!("incident:{}@{}", s.mention.article, s.mention.start),
        None => format!("incident:{}", incident.id),
    }
}

/// A victim's identity: its name compared as incidents compare victims ("Quillon Bank" and
/// "Quillon bank" are one).
pub fn victim_key(name: &str) -> String {
    format!("victim:{}", normalized_victim(name))
}

/// "$45 million · 2019-03-12": an incident node's label.
pub fn incident_node_label(incident: &Incident) -> String {
    format!(
        "{} · {}",
        format_money(incident.usd, "USD"),
        incident
            .event_date
            .map_or_else(|| "undated".to_owned(), |d| d.to_string())
    )
}

/// The graph of `rows` (indices into `all`, already filtered): the `limit` largest incidents,
/// ordered by event date (undated last), with their actors and victims.
pub fn build(all: &[Incident], rows: &[usize], limit: usize) -> Graph {
    let mut chosen: Vec<usize> = rows.iter().copied().filter(|&i| i < all.len()).collect();
    let more = chosen.len().saturating_sub(limit);
    if more > 0 {
        // The largest first; a selection, not a sort of every row.
        chosen.select_nth_unstable_by(limit - 1, |&a, &b| all[b].usd.total_cmp(&all[a].usd));
        chosen.truncate(limit);
    }
    chosen.sort_by(|&a, &b| {
        let (x, y) = (&all[a], &all[b]);
        (x.event_date.is_none(), x.event_date)
            .cmp(&(y.event_date.is_none(), y.event_date))
            .then(y.usd.total_cmp(&x.usd))
            .then(a.cmp(&b))
    });
    let mut g = Graph {
        more,
        ..Graph::default()
    };
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // The node of `key`, made on first sight (then `true`).
    let mut node = |g: &mut Graph, key: String, kind: NodeKind, label: &str| -> (usize, bool) {
        if let Some(&n) = by_key.get(&key) {
            return (n, false);
        }
        g.nodes.push(Node {
            key: key.clone(),
            kind,
            label: label.to_owned(),
            usd: 0.0,
            incidents: Vec::new(),
            parent: None,
            incident_kind: None,
        });
        by_key.insert(key, g.nodes.len() - 1);
        (g.nodes.len() - 1, true)
    };
    for &i in &chosen {
        let inc = &all[i];
        let amount = format_money(inc.usd, "USD");
        let stolen = if inc.kind == AmountKind::Stolen {
            inc.usd
        } else {
            0.0
        };
        let (me, _) = node(
            &mut g,
            incident_key(inc),
            NodeKind::Incident,
            &incident_node_label(inc),
        );
        g.nodes[me].usd = inc.usd;
        g.nodes[me].incident_kind = Some(inc.kind);
        g.nodes[me].incidents.push(i);
        if let Some(actor) = &inc.actor {
            let (umbrella, _) = node(&mut g, format!("actor:{actor}"), NodeKind::Actor, actor);
            let mut from = umbrella;
            if let Some(sub) = inc.sub_group.as_ref().filter(|s| *s != actor) {
                let (group, fresh) = node(&mut g, format!("group:{sub}"), NodeKind::SubGroup, sub);
                if fresh {
                    g.nodes[group].parent = Some(umbrella);
                    g.edges.push(Edge {
                        from: umbrella,
                        to: group,
                        label: None,
                    });
                }
                g.nodes[group].usd += stolen;
                g.nodes[group].incidents.push(i);
                from = group;
            }
            g.nodes[umbrella].usd += stolen;
            g.nodes[umbrella].incidents.push(i);
            g.edges.push(Edge {
                from,
                to: me,
                label: Some(amount.clone()),
            });
        }
        if let Some(victim) = &inc.victim {
            let (v, _) = node(&mut g, victim_key(victim), NodeKind::Victim, victim);
            g.nodes[v].usd += stolen;
            g.nodes[v].incidents.push(i);
            g.edges.push(Edge {
                from: me,
                to: v,
                label: Some(amount),
            });
        }
    }
    g
}

use super::*;
use crate::extract::{AmountKind, Mention};
use crate::incidents::Source;

fn incident(
    article: &str,
    usd: f64,
    date: &str,
    victim: Option<&str>,
    actor: Option<(&str, Option<&str>)>,
) -> Incident {
    Incident {
        id: format!("inc-{article}"),
        kind: AmountKind::Stolen,
        event_date: date.parse().ok(),
        usd,
        usd_min: usd,
        usd_max: usd,
        victim: victim.map(str::to_owned),
        victim_id: None,
        actor: actor.map(|(a, _)| a.to_owned()),
        sub_group: actor.and_then(|(_, s)| s.map(str::to_owned)),
        sources: vec![Source {
            mention: Mention {
                article: article.into(),
                start: 10,
                end: 20,
            },
            usd,
            text: format_money(usd, "USD").into(),
            main: true,
        }],
    }
}

fn node<'g>(g: &'g Graph, key: &str) -> &'g Node {
    g.nodes
        .iter()
        .find(|n| n.key == key)
        .unwrap_or_else(|| panic!("no node {key} in {:#?}", g.nodes))
}

fn linked(g: &Graph, from: &str, to: &str) -> Option<Option<String>> {
    let (a, b) = (g.find(from)?, g.find(to)?);
    g.edges
        .iter()
        .find(|e| e.from == a && e.to == b)
        .map(|e| e.label.clone())
}

#[test]
fn a_sub_group_sits_under_its_umbrella_and_carries_the_theft() {
    let all = vec![
        incident(
            "a",
            81e6,
            "2016-02-05",
            Some("Bangladesh Bank"),
            Some(("Lazarus Group", Some("APT38"))),
        ),
        incident(
            "b",
            620e6,
            "2022-03-23",
            Some("Ronin Network"),
            Some(("Lazarus Group", Some("TraderTraitor"))),
        ),
        incident(
            "c",
            5e6,
            "2020-01-01",
            Some("Other Bank"),
            Some(("Lazarus Group", None)),
        ),
    ];
    let g = build(&all, &[0, 1, 2], MAX_INCIDENTS);
    let umbrella = g.find("actor:Lazarus Group").unwrap();
    let apt38 = node(&g, "group:APT38");
    assert_eq!(
        (apt38.kind, apt38.parent),
        (NodeKind::SubGroup, Some(umbrella))
    );
    assert_eq!(linked(&g, "actor:Lazarus Group", "group:APT38"), Some(None));
    // The theft hangs from the sub-group, labelled with its amount; the umbrella's total holds
    // every one of its groups' thefts.
    assert_eq!(
        linked(&g, "group:APT38", "incident:a@10"),
        Some(Some("$81 million".to_owned()))
    );
    assert_eq!(linked(&g, "actor:Lazarus Group", "incident:a@10"), None);
    assert_eq!(
        linked(&g, "actor:Lazarus Group", "incident:c@10").map(|_| ()),
        Some(())
    );
    assert_eq!(node(&g, "actor:Lazarus Group").usd, 706e6);
    assert_eq!(apt38.usd, 81e6);
    // Laid out left to right, the sub-groups just right of and below their umbrella.
    let layout = layered(&g);
    let at = |key: &str| layout.pos[g.find(key).unwrap()];
    assert!(at("actor:Lazarus Group")[0] < at("group:APT38")[0]);
    assert!(at("group:APT38")[0] < at("incident:a@10")[0]);
    assert!(at("incident:a@10")[0] < at("victim:bangladesh")[0]);
    assert!(at("actor:Lazarus Group")[1] < at("group:APT38")[1]);
    // Incidents read down by event date.
    assert!(at("incident:a@10")[1] < at("incident:c@10")[1]);
    assert!(at("incident:c@10")[1] < at("incident:b@10")[1]);
    // Bigger thefts are bigger nodes.
    assert!(
        layout.radius[g.find("incident:b@10").unwrap()]
            > layout.radius[g.find("incident:c@10").unwrap()]
    );
}

#[test]
fn an_incident_without_victim_or_actor_stands_alone() {
    let all = vec![incident("a", 3e6, "2019", None, None)];
    let g = build(&all, &[0], MAX_INCIDENTS);
    assert_eq!(g.nodes.len(), 1);
    assert!(g.edges.is_empty());
    assert_eq!(g.nodes[0].kind, NodeKind::Incident);
    assert_eq!(g.nodes[0].label, "$3 million · 2019");
    let svg = svg(&g, &layered(&g), None);
    assert!(svg.contains("$3 million · 2019"), "{svg}");
}

#[test]
fn one_victim_hit_twice_is_one_node_with_two_links() {
    let all = vec![
        incident("a", 45e6, "2019-03-12", Some("Quillon Bank"), None),
        incident(
            "b",
            9e6,
            "2021-05-30",
            Some("Quillon bank"),
            Some(("Lazarus Group", None)),
        ),
    ];
    let g = build(&all, &[0, 1], MAX_INCIDENTS);
    let victims: Vec<&Node> = g
        .nodes
        .iter()
        .filter(|n| n.kind == NodeKind::Victim)
        .collect();
    assert_eq!(victims.len(), 1, "{victims:#?}");
    assert_eq!(victims[0].usd, 54e6);
    assert_eq!(victims[0].incidents, [0, 1]);
    let into_victim = g
        .edges
        .iter()
        .filter(|e| g.nodes[e.to].kind == NodeKind::Victim)
        .count();
    assert_eq!(into_victim, 2);
    let text = describe(&g, g.find("victim:quillon").unwrap(), &all, |id| {
        (id == "a").then_some("Quillon Bank loses $45 million")
    });
    assert!(text.contains("$54 million stolen in 2 incidents"), "{text}");
    assert!(
        text.contains("Quillon Bank loses $45 million: “$45 million”"),
        "{text}"
    );
}

#[test]
fn beyond_the_limit_the_largest_show_and_the_rest_are_counted() {
    let all: Vec<Incident> = (1..=10)
        .map(|k| {
            incident(
                &format!("a{k}"),
                k as f64 * 1e6,
                &format!("20{:02}", 10 + k),
                None,
                None,
            )
        })
        .collect();
    let rows: Vec<usize> = (0..10).collect();
    let g = build(&all, &rows, 4);
    assert_eq!(g.more, 6);
    let shown: Vec<f64> = g.nodes.iter().map(|n| n.usd).collect();
    // The four largest, by event date.
    assert_eq!(shown, [7e6, 8e6, 9e6, 10e6]);
    assert!(svg(&g, &layered(&g), None).contains("+ 6 more incidents"));
}

#[test]
fn a_node_moved_by_hand_keeps_its_place_by_key() {
    let all = vec![
        incident("a", 45e6, "2019-03-12", Some("Quillon Bank"), None),
        incident("b", 9e6, "2021-05-30", Some("Marlow"), None),
    ];
    let g = build(&all, &[0, 1], MAX_INCIDENTS);
    let mut moved = Moved::new();
    moved.insert("victim:marlow".to_owned(), [600.0, 70.0]);
    moved.insert("victim:gone".to_owned(), [1.0, 1.0]);
    let auto = layered(&g);
    let hand = arranged(&g, &moved);
    let m = g.find("victim:marlow").unwrap();
    assert_eq!(hand.pos[m], [600.0, 70.0]);
    for k in (0..g.nodes.len()).filter(|&k| k != m) {
        assert_eq!(hand.pos[k], auto.pos[k]);
    }
}

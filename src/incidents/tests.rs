use super::*;

fn amount(article: &str, usd: f64, kind: AmountKind, date: &str, victim: Option<&str>) -> Amount {
    Amount {
        article: article.into(),
        start: 0,
        end: 3,
        text: format!("${usd}").into(),
        value: usd,
        min: None,
        max: None,
        currency: "USD".into(),
        usd: Some(usd),
        kind,
        event_date: date.parse().ok(),
        event_date_inferred: false,
        event_date_suspicious: false,
        victim: victim.map(Into::into),
        victim_id: victim.map(|v| identity(v).into()),
        actor: None,
        sub_group: None,
        cue: None,
        main: false,
        probability: None,
    }
}

#[test]
fn same_theft_in_many_articles_is_one_incident() {
    let s = AmountKind::Stolen;
    let amounts = vec![
        amount("a", 81e6, s, "2016-02", Some("Bangladesh Bank")),
        amount("b", 81e6, s, "2016", Some("Bangladesh Bank")),
        amount("c", 80e6, s, "2016-02-05", Some("Bangladesh bank")),
        amount("d", 60e6, s, "2017", Some("Far Eastern International Bank")),
        amount(
            "e",
            81e6,
            AmountKind::Attempted,
            "2016-02",
            Some("Bangladesh Bank"),
        ),
        amount("f", 81e6, s, "2018-05", Some("Bangladesh Bank")),
        amount(
            "g",
            81e6,
            AmountKind::Other,
            "2016-02",
            Some("Bangladesh Bank"),
        ),
    ];
    let inc = merge(&amounts);
    assert_eq!(inc.len(), 4, "{inc:#?}");
    let bb = inc
        .iter()
        .find(|i| i.kind == s && i.sources.len() == 3)
        .unwrap();
    assert_eq!(bb.usd, 81e6);
    assert_eq!((bb.usd_min, bb.usd_max), (80e6, 81e6));
    assert_eq!(
        bb.event_date.map(|d| d.to_string()).as_deref(),
        Some("2016-02-05")
    );
    assert_eq!(inc[0].id, "inc-0001");
    assert_eq!(
        inc[0].event_date.map(|d| d.to_string()).as_deref(),
        Some("2016-02")
    );
}

#[test]
fn unnamed_figures_join_only_close_matches_and_totals_stay_apart() {
    let s = AmountKind::Stolen;
    let amounts = vec![
        amount("a", 100e6, s, "2022-06", Some("Harmony")),
        amount("b", 100.5e6, s, "2022-06-24", None),
        amount("c", 95e6, s, "2022-06", None),
        amount("d", 100e6, AmountKind::Cumulative, "2022-06", None),
    ];
    let inc = merge(&amounts);
    assert_eq!(inc.len(), 3, "{inc:#?}");
    assert!(
        inc.iter()
            .any(|i| i.sources.len() == 2 && i.victim.as_deref() == Some("Harmony"))
    );
    assert!(inc.iter().any(|i| i.kind == AmountKind::Cumulative));
}

#[test]
fn longer_names_and_next_day_reports_join_the_same_theft() {
    let s = AmountKind::Stolen;
    let amounts = vec![
        amount("a", 12e6, s, "2019-04", Some("Quillon Bank")),
        amount("b", 12e6, s, "2019-04", Some("Quillon Bank Malware")),
        amount("c", 12e6, s, "2019-04", Some("Quill")),
        amount("d", 70e6, s, "2021-03-14", Some("Vesper Bridge")),
        amount("e", 70.5e6, s, "2021-03-15", Some("Tidal Vesper")),
        amount("f", 70e6, s, "2021-03-17", Some("Other Swap")),
    ];
    let inc = merge(&amounts);
    let sizes: Vec<(Option<&str>, usize)> = inc
        .iter()
        .map(|i| (i.victim.as_deref(), i.sources.len()))
        .collect();
    assert_eq!(inc.len(), 4, "{sizes:?}");
    assert!(sizes.contains(&(Some("Quill"), 1)), "{sizes:?}");
    assert!(sizes.iter().any(|(_, n)| *n == 2), "{sizes:?}");
    assert!(sizes.contains(&(Some("Other Swap"), 1)), "{sizes:?}");
}

#[test]
fn merge_is_deterministic() {
    let s = AmountKind::Stolen;
    let mut amounts = vec![
        amount("a", 10e6, s, "2020", Some("X")),
        amount("b", 20e6, s, "2019", Some("Y")),
        amount("c", 30e6, s, "2021", Some("Z")),
    ];
    let first = merge(&amounts);
    amounts.reverse();
    assert_eq!(first, merge(&amounts));
    assert_eq!(first[0].victim.as_deref(), Some("Y"));
}

#[test]
fn a_later_article_recalling_a_theft_rounds_it() {
    let s = AmountKind::Stolen;
    let theft = || amount("a", 21.4e6, s, "2021-04-12", Some("Quillon Finance"));
    let mut recalled = amount("b", 20e6, s, "2021-11-02", None);
    recalled.event_date_inferred = true;
    let merged = merge(&[theft(), recalled.clone()]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    // Not a round figure, not a recall (its own date), or years later: two thefts.
    let mut precise = recalled.clone();
    precise.value = 20.3e6;
    precise.usd = Some(20.3e6);
    let dated = amount("b", 20e6, s, "2021-11-02", None);
    let mut late = recalled.clone();
    late.event_date = "2023-11-02".parse().ok();
    for other in [precise, dated, late] {
        let merged = merge(&[theft(), other]);
        assert_eq!(merged.len(), 2, "{merged:#?}");
    }
}

#[test]
fn a_later_article_naming_the_victim_recalls_its_theft() {
    let s = AmountKind::Stolen;
    let theft = amount("a", 624e6, s, "2022-03", Some("Ronin Network"));
    let mut recalled = amount("b", 624e6, s, "2024-12-24", Some("Ronin"));
    recalled.event_date_inferred = true;
    let merged = merge(&[theft.clone(), recalled.clone()]);
    assert_eq!(merged.len(), 1, "{merged:#?}");
    assert_eq!(merged[0].victim_id.as_deref(), Some("ronin network"));
    // Dated by its own text two years later: another theft of the same victim.
    recalled.event_date_inferred = false;
    assert_eq!(merge(&[theft, recalled]).len(), 2);
}

#[test]
fn victims_are_compared_by_identity_without_kind_words() {
    let s = AmountKind::Stolen;
    let mut a = amount("a", 81.5e6, s, "2023-12-31", Some("Orbit Chain"));
    a.victim_id = Some("orbit chain".into());
    let mut b = amount("b", 80e6, s, "2023-12", Some("Orbit Bridge"));
    b.victim_id = Some("orbit bridge".into());
    let mut c = amount("c", 80e6, s, "2023-12", Some("Orbiter Finance"));
    c.victim_id = Some("orbiter finance".into());
    let merged = merge(&[a, b, c]);
    assert_eq!(merged.len(), 2, "{merged:#?}");
    assert!(
        merged
            .iter()
            .any(|i| i.sources.len() == 2 && i.victim_id.is_some())
    );
}

//! The seed articles the product was specified from: what the extraction must find in them.

use dossier::analysis::Analysis;
use dossier::corpus;
use dossier::extract::{Amount, AmountKind};

fn seed_amounts(analysis: &Analysis, prefix: &str) -> Vec<Amount> {
    let article = analysis
        .corpus
        .articles
        .iter()
        .find(|a| a.id.starts_with(prefix))
        .unwrap_or_else(|| panic!("seed {prefix} is not in the sample corpus"));
    analysis
        .extraction
        .amounts
        .iter()
        .filter(|a| *a.article == *article.id)
        .cloned()
        .collect()
}

fn usd_near(a: &Amount, usd: f64) -> bool {
    a.usd.is_some_and(|u| (u - usd).abs() <= 0.01 * usd)
}

#[test]
fn seed_000_has_no_theft_amounts() {
    let analysis = Analysis::of(corpus::sample());
    let amounts = seed_amounts(&analysis, "000_");
    assert!(
        amounts.iter().all(|a| !a.kind.is_theft()),
        "unexpected thefts: {amounts:#?}"
    );
}

#[test]
fn seed_004_thefts_totals_and_damage() {
    let analysis = Analysis::of(corpus::sample());
    let amounts = seed_amounts(&analysis, "004_");
    let thefts: Vec<&Amount> = amounts.iter().filter(|a| a.kind.is_theft()).collect();
    assert_eq!(thefts.len(), 3, "{thefts:#?}");

    // "netted the rogue state over $2 billion (€1.7 billion)": one amount, a total, as of 2017.
    let total = thefts
        .iter()
        .find(|a| usd_near(a, 2e9))
        .expect("$2 billion");
    assert_eq!(total.kind, AmountKind::Cumulative);
    assert!(total.text.contains("€1.7 billion"), "{}", total.text);
    assert_eq!(total.min, Some(2e9), "'over' is a lower bound");
    assert!(
        total
            .event_date
            .map(|d| d.to_string())
            .as_deref()
            .is_some_and(|d| d.starts_with("2017"))
    );
    assert_eq!(total.cue.as_deref(), Some("netted"));
    assert!(!amounts.iter().any(|a| &*a.text == "€1.7 billion"));

    let bangladesh = thefts
        .iter()
        .find(|a| usd_near(a, 81e6))
        .expect("$81 million");
    assert_eq!(bangladesh.kind, AmountKind::Stolen);
    assert_eq!(
        bangladesh.event_date.map(|d| d.to_string()).as_deref(),
        Some("2016-02")
    );
    assert!(!bangladesh.event_date_inferred);
    // "from the account of the Bangladesh central bankat the Federal Reserve Bank of New York":
    // the place's central bank is an organisation of the entity layer (the run-together typo
    // mended), and the robbed one; the bank that held the account is not the victim.
    assert_eq!(
        bangladesh.victim.as_deref(),
        Some("Bangladesh central bank"),
        "{bangladesh:#?}"
    );
    assert_eq!(bangladesh.actor.as_deref(), Some("Lazarus Group"));
    assert!(bangladesh.text.contains("€72 million"));

    let taiwan = thefts
        .iter()
        .find(|a| usd_near(a, 60e6))
        .expect("$60 million");
    assert_eq!(taiwan.kind, AmountKind::Stolen);
    assert_eq!(
        taiwan.event_date.map(|d| d.to_string()).as_deref(),
        Some("2017")
    );
    // "Taiwan's Far Eastern bank": the organisation the entity layer found, under its name
    // (the known bank, whose "Far Eastern Bank" the text writes with a lower-case "bank").
    assert_eq!(
        taiwan.victim.as_deref(),
        Some("Far Eastern International Bank")
    );
    assert_eq!(
        taiwan.victim_id.as_deref(),
        Some("far eastern international bank")
    );

    // "cost it at least $15 million": damage, not theft.
    let sony = amounts
        .iter()
        .find(|a| usd_near(a, 15e6))
        .expect("$15 million");
    assert_eq!(sony.kind, AmountKind::Damage);
    assert_eq!(sony.min, Some(15e6));

    // Character offsets point at the figure in the article text.
    let article = analysis
        .corpus
        .articles
        .iter()
        .find(|a| *a.id == *bangladesh.article)
        .unwrap();
    let chars: Vec<char> = article.text.chars().collect();
    let written: String = chars[bangladesh.range()].iter().collect();
    assert_eq!(written, *bangladesh.text);
}

#[test]
fn seed_incidents_are_one_per_theft() {
    let analysis = Analysis::of(corpus::sample());
    let stolen: Vec<_> = analysis
        .incidents
        .iter()
        .filter(|i| i.kind == AmountKind::Stolen)
        .collect();
    assert_eq!(stolen.len(), 2, "{stolen:#?}");
    // The $81 million of February 2016 and the Taiwan theft, each one incident.
    assert!(
        stolen.iter().any(|i| i.usd == 81e6
            && i.victim.as_deref() == Some("Bangladesh central bank")
            && i.event_date.map(|d| d.to_string()).as_deref() == Some("2016-02")),
        "{stolen:#?}"
    );
    assert!(
        stolen
            .iter()
            .any(|i| i.victim.as_deref() == Some("Far Eastern International Bank")),
        "{stolen:#?}"
    );
    assert_eq!(analysis.incidents[0].id, "inc-0001");
}

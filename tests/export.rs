//! Citations and tables as pasted into a report, checked on the seed article's real figures.

use std::path::Path;

use chrono::NaiveDate;
use dossier::corpus::Article;
use dossier::export::{entities_table, figure_citation, incidents_table, passage_citation};
use dossier::extract::{Amount, AmountKind, Entity, EntityKind, Mention};
use dossier::incidents::{Incident, Source};

/// The seed article as the corpus loader presents it: the ` date YYYY-MM-DD ` header is not text.
fn seed() -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds/004_b52b360fd082bb0b.txt");
    let raw = std::fs::read_to_string(&path).unwrap();
    let text = raw
        .trim_start()
        .strip_prefix("date 2017-12-19 ")
        .unwrap()
        .to_owned();
    Article {
        id: "004_b52b360fd082bb0b".into(),
        path,
        published: NaiveDate::from_ymd_opt(2017, 12, 19),
        title: String::new(),
        source: None,
        text,
    }
}

/// An amount at the first occurrence of `surface` in the article (character offsets).
fn amount(
    article: &Article,
    surface: &str,
    value: f64,
    currency: &str,
    kind: AmountKind,
) -> Amount {
    let byte = article.text.find(surface).unwrap();
    let start = article.text[..byte].chars().count();
    Amount {
        article: article.id.as_str().into(),
        start: start as u32,
        end: (start + surface.chars().count()) as u32,
        text: surface.into(),
        value,
        min: None,
        max: None,
        currency: currency.into(),
        usd: Some(value),
        kind,
        event_date: None,
        event_date_inferred: false,
        event_date_suspicious: false,
        victim: None,
        victim_id: None,
        actor: None,
        sub_group: None,
        cue: None,
        main: false,
        probability: None,
    }
}

#[test]
fn bangladesh_bank_figure_citation() {
    let article = seed();
    let mut a = amount(
        &article,
        "$81 million (€72 million)",
        81e6,
        "USD",
        AmountKind::Stolen,
    );
    a.event_date = Some("2016-02".parse().unwrap());
    a.victim = Some("Bangladesh Bank".into());
    a.actor = Some("Lazarus Group".into());
    assert_eq!(
        figure_citation(&a, &article),
        "$81 million stolen from Bangladesh Bank (2016-02), attributed to Lazarus Group — \
         \"…high-profile cyber heist linked to Lazarus was the theft of $81 million (€72 million) \
         from the account of the Bangladesh central bankat the Federal Reserve Bank of…\" \
         (004_b52b360fd082bb0b, 2017-12-19)"
    );
}

#[test]
fn far_eastern_bank_figure_citation_keeps_a_short_sentence_start() {
    let article = seed();
    let mut a = amount(&article, "$60 million", 60e6, "USD", AmountKind::Stolen);
    a.event_date = Some("2017".parse().unwrap());
    a.victim = Some("Far Eastern International Bank".into());
    assert_eq!(
        figure_citation(&a, &article),
        "$60 million stolen from Far Eastern International Bank (2017) — \"In 2017, $60 million \
         was stolen from Taiwan's Far Eastern bank after the bank's computer systems…\" \
         (004_b52b360fd082bb0b, 2017-12-19)"
    );
}

#[test]
fn cumulative_billions_with_inferred_date_and_no_victim() {
    let article = seed();
    let mut a = amount(
        &article,
        "$2 billion (€1.7 billion)",
        2e9,
        "USD",
        AmountKind::Cumulative,
    );
    a.event_date = Some("2017-12-19".parse().unwrap());
    a.event_date_inferred = true;
    assert_eq!(
        figure_citation(&a, &article),
        "$2 billion stolen in total (reported 2017-12-19) — \"…say these measures have so far \
         netted the rogue state over $2 billion (€1.7 billion).\" (004_b52b360fd082bb0b, 2017-12-19)"
    );
}

#[test]
fn damage_figure_and_a_range_in_euros() {
    let article = seed();
    let mut a = amount(&article, "$15 million", 15e6, "USD", AmountKind::Damage);
    a.victim = Some("Sony".into());
    a.event_date = Some("2014".parse().unwrap());
    let citation = figure_citation(&a, &article);
    assert!(
        citation.starts_with("$15 million in damage to Sony (2014) — \"…"),
        "{citation}"
    );
    assert!(!citation.contains('\n'));
    let mut r = amount(&article, "€72 million", 72e6, "EUR", AmountKind::Stolen);
    (r.min, r.max) = (Some(1.2e9), Some(1.5e9));
    assert!(figure_citation(&r, &article).starts_with("€1.2 billion–€1.5 billion stolen — "));
}

#[test]
fn passage_citation_is_one_line_with_its_source() {
    let mut article = seed();
    let byte = article.text.find("In 2017, $60 million").unwrap();
    let start = article.text[..byte].chars().count();
    assert_eq!(
        passage_citation(&article, start, start + 20),
        "\"In 2017, $60 million\" (004_b52b360fd082bb0b, 2017-12-19)"
    );
    // Across a paragraph break: newlines become spaces. Without a date: id only.
    article.published = None;
    let text = "First line\n\nsecond line";
    article.text = text.into();
    assert_eq!(
        passage_citation(&article, 6, 18),
        "\"line second\" (004_b52b360fd082bb0b)"
    );
}

fn incident(date: &str, usd: f64, victim: &str, sources: &[(&str, &str)]) -> Incident {
    Incident {
        id: format!("i-{date}"),
        kind: AmountKind::Stolen,
        event_date: date.parse().ok(),
        usd,
        usd_min: usd,
        usd_max: usd,
        victim: Some(victim.into()),
        victim_id: None,
        actor: Some("Lazarus Group".into()),
        sub_group: None,
        sources: sources
            .iter()
            .map(|(article, text)| Source {
                mention: Mention {
                    article: (*article).into(),
                    start: 0,
                    end: 1,
                },
                usd,
                text: (*text).into(),
                main: false,
            })
            .collect(),
    }
}

#[test]
fn incidents_table_pastes_as_rows_and_columns() {
    let incidents = vec![
        incident(
            "2016-02",
            81e6,
            "Bangladesh Bank",
            &[("004_b52b360fd082bb0b", "$81 million"), ("x", "$81m")],
        ),
        incident(
            "2017-10",
            60e6,
            "Far Eastern\tInternational <Bank>",
            &[("004_b52b360fd082bb0b", "$60 million")],
        ),
    ];
    let (tsv, html) = incidents_table(&incidents);
    assert_eq!(
        tsv,
        "Event date\tKind\tVictim\tAttributed to\tAmount\tUSD\tUSD min\tUSD max\tSources\tArticles\n\
         2016-02\tstolen\tBangladesh Bank\tLazarus Group\t$81 million\t81000000\t81000000\t81000000\t2\t004_b52b360fd082bb0b, x\n\
         2017-10\tstolen\tFar Eastern International <Bank>\tLazarus Group\t$60 million\t60000000\t60000000\t60000000\t1\t004_b52b360fd082bb0b\n"
    );
    assert!(html.starts_with("<table>\n<thead>\n<tr><th>Event date</th><th>Kind</th>"));
    assert!(html.contains("<td>Far Eastern\tInternational &lt;Bank&gt;</td>"));
    assert_eq!(html.matches("<tr>").count(), 3);
    assert!(html.trim_end().ends_with("</table>"));
}

#[test]
fn entities_table_lists_aliases_and_counts() {
    let entities = vec![Entity {
        name: "Lazarus Group".into(),
        kind: EntityKind::ThreatActor,
        aliases: vec!["APT38".into(), "Hidden\nCobra".into()],
        parent: None,
        mention_count: 7,
        article_count: 2,
        mentions: vec![],
        roles: vec![],
    }];
    let (tsv, html) = entities_table(&entities);
    assert_eq!(
        tsv,
        "Name\tKind\tAliases\tPart of\tMentions\tArticles\tRoles\nLazarus Group\tthreat actor\tAPT38; Hidden Cobra\t\t7\t2\t\n"
    );
    assert!(html.contains("<tr><td>Lazarus Group</td><td>threat actor</td><td>APT38; Hidden\nCobra</td><td></td><td>7</td><td>2</td><td></td></tr>"));
}

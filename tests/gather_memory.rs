//! The gathered results of a corpus share what repeats (article ids, currency codes, the words of
//! its amounts) instead of holding a copy per amount: what keeps 100,000 articles within the
//! memory target.

use std::path::PathBuf;

use dossier::corpus::Article;
use dossier::extract::{self, EntityKind, ThinStr};

fn article(id: &str, text: &str) -> Article {
    Article {
        id: id.into(),
        path: PathBuf::from(format!("{id}.txt")),
        published: chrono::NaiveDate::from_ymd_opt(2020, 5, 1),
        title: format!("Report {id}"),
        source: None,
        text: text.into(),
    }
}

fn corpus() -> Vec<Article> {
    vec![
        article(
            "first",
            "Hackers stole $81 million from the Northwind Bank in March. \
             A further $20 million was blocked.",
        ),
        article(
            "second",
            "Thieves took $3 million from an exchange in Lisbon last year, then $5 million more.",
        ),
    ]
}

#[test]
fn amounts_share_their_article_id_and_currency() {
    let articles = corpus();
    let ex = extract::extract_corpus(&articles);
    let usd: Vec<_> = ex
        .amounts
        .iter()
        .filter(|a| &*a.currency == "USD")
        .collect();
    assert!(
        usd.len() >= 4,
        "the four dollar figures are found: {:?}",
        ex.amounts
    );
    assert!(
        usd.windows(2)
            .all(|w| ThinStr::ptr_eq(&w[0].currency, &w[1].currency)),
        "one allocation per currency code"
    );
    let money = ex
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Money)
        .flat_map(|e| &e.mentions);
    for m in money {
        let amount = ex
            .amounts
            .iter()
            .find(|a| *a.article == *m.article && a.range() == m.range())
            .expect("each money mention is an amount");
        assert!(
            ThinStr::ptr_eq(&amount.article, &m.article),
            "an amount's article id is its mentions' one allocation"
        );
    }
}

#[test]
fn gathering_keeps_every_span_and_id_as_found() {
    let articles = corpus();
    let per_article: Vec<_> = articles.iter().map(extract::extract_article).collect();
    let expected_amounts: Vec<_> = per_article
        .iter()
        .flat_map(|ex| {
            ex.amounts
                .iter()
                .map(|a| (a.article.to_string(), a.start, a.end))
        })
        .collect();
    let ex = extract::extract_corpus(&articles);
    let gathered: Vec<_> = ex
        .amounts
        .iter()
        .map(|a| (a.article.to_string(), a.start, a.end))
        .collect();
    assert_eq!(gathered, expected_amounts);
    // Every entity mention found in an article is in the corpus entities, at the same span.
    for (a, found) in articles.iter().zip(&per_article) {
        for m in &found.entities {
            assert!(
                ex.entities.iter().any(|e| e
                    .mentions
                    .iter()
                    .any(|x| { *x.article == *a.id && x.range() == (m.start..m.end) })),
                "{} at {}..{} in {}",
                m.surface,
                m.start,
                m.end,
                a.id
            );
        }
    }
}

#[test]
fn amounts_naming_the_same_words_share_them() {
    let mut articles = corpus();
    articles.push(article(
        "third",
        "Thieves took $3 million from an exchange in Porto last year.",
    ));
    let ex = extract::extract_corpus(&articles);
    let three: Vec<_> = ex
        .amounts
        .iter()
        .filter(|a| &*a.text == "$3 million")
        .collect();
    assert_eq!(
        three.len(),
        2,
        "both articles' $3 million: {:?}",
        ex.amounts
    );
    assert!(
        ThinStr::ptr_eq(&three[0].text, &three[1].text),
        "one allocation for the figure as written"
    );
    assert_ne!(three[0].article, three[1].article);
    // Every word two amounts name alike (victim, actor, cue) is one allocation.
    let words = |a: &extract::Amount| {
        [&a.victim, &a.victim_id, &a.actor, &a.sub_group, &a.cue]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
    };
    let all: Vec<ThinStr> = ex.amounts.iter().flat_map(words).collect();
    assert!(
        all.iter()
            .any(|w| all.iter().filter(|x| x == &w).count() > 1),
        "the corpus repeats a cue: {all:?}"
    );
    for w in &all {
        for x in all.iter().filter(|x| x == &w) {
            assert!(ThinStr::ptr_eq(w, x), "{w} is held twice");
        }
    }
}

#[test]
fn the_gathered_results_read_as_before() {
    // Shared ids and words are an in-memory matter: the report is the same text.
    let articles = corpus();
    let ex = extract::extract_corpus(&articles);
    let json = serde_json::to_value(&ex).expect("serialisable");
    let amount = &json["amounts"][0];
    assert_eq!(amount["article"], "first");
    assert_eq!(amount["text"], "$81 million");
    assert!(amount["start"].is_u64() && amount["currency"] == "USD");
    let mention = &json["entities"][0]["mentions"][0];
    assert!(mention["article"].is_string() && mention["end"].is_u64());
}

use super::*;
use crate::corpus::Article;
use crate::extract::document::Document;
use crate::extract::money::rule_figures;

/// Every figure's features of `article`, as built now and as built before (`reference.rs`).
fn both_paths(article: &Article) -> Vec<(Figure, Figure)> {
    let lex = Lexicon::builtin();
    let dates = crate::extract::dates::find(article);
    let entities = crate::extract::entities::find(article);
    let doc = Document::new(&article.text);
    let Some(story) = Story::read(lex, article, &doc, &dates, &entities) else {
        return Vec::new();
    };
    let (work, _, _, signals) = rule_figures(&story);
    let now = of_figures(lex, &story, &work, &signals);
    assert_eq!(now.len(), work.len());
    now.into_iter()
        .enumerate()
        .map(|(i, f)| (f, reference::of_figure(lex, &story, &work, &signals, i)))
        .collect()
}

fn article(id: &str, title: &str, text: String) -> Article {
    Article {
        id: id.into(),
        path: format!("{id}.txt").into(),
        published: chrono::NaiveDate::from_ymd_opt(2022, 3, 4),
        title: title.into(),
        source: None,
        text,
    }
}

#[test]
fn features_read_once_per_word_are_the_features_built_before_one_for_one() {
    let mut articles: Vec<Article> = (0..400)
        .map(|i| {
            let a = crate::synthetic::article(29, i);
            let text = format!("{}\n\n{}", a.title, a.text);
            article(&a.id, &a.title, text)
        })
        .collect();
    // Capitals, accents, a capital sigma, title case, clause words and cue words in capitals,
    // figures with no sentence end and words of time in both the clause and the sentence.
    for (i, text) in [
        "HACKERS DRAINED $40 MILLION FROM ACME BANK\n\nHackers did NOT steal the $3 million \
         Bounty; they COULD have Drained €12m In Total, the Latest of EARLIER Thefts.",
        "Café İstanbul lost ΣΟΦΙΑΣ 5,000 ETH\n\nΣΟΦΙΑΣ and ǅemals said the Crédit Agricole \
         Exchange lost 5,000 ETH (about $9.2 million) — the exchange's STOLEN funds, \
         previously $1.5 billion overall; however, 14.5% of the $195M were moved",
        "Bridge exploit\n\nThe attacker, who stole $600 million, returned $3 mln; the company \
         paid a ransom of £2.5bn and was fined ¥700 million in 2021, while two billion \
         dollars had been raised earlier and a further $5-7 million was drained again",
        // Several figures in one sentence (their words read once for all of them), and figures
        // with words run up against them.
        "Profits\n\nAcme reported a profit of $5 million, against $3 million a year earlier and \
         $2m in total; x20 BTC and about5 million dollarsworth, 300ETH, 4,000ETHs were not \
         stolen, however the latest $7.5bn loss and £3mn fine could follow $1m$2m US$9m.",
    ]
    .into_iter()
    .enumerate()
    {
        let title = text.lines().next().unwrap_or_default();
        articles.push(article(&format!("t{i}"), title, text.to_string()));
    }
    let (mut figures, mut hashes) = (0, 0);
    for a in &articles {
        for (now, before) in both_paths(a) {
            assert_eq!(now.all, before.all, "{}", a.text);
            assert_eq!(now.structure, before.structure, "{}", a.text);
            figures += 1;
            hashes += now.all.len();
        }
    }
    // Hundreds of figures, each with dozens of features.
    assert!(
        figures > 300 && hashes > 20_000,
        "{figures} figures, {hashes} features"
    );
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]

    /// Figures in any company in a sentence (alone, several, run up against words, with clause
    /// breaks and clause words between) get the features built before, one for one.
    #[test]
    fn figures_sharing_a_sentence_get_the_features_built_before(
        picks in proptest::collection::vec(0usize..24, 1..40)
    ) {
        const PIECES: [&str; 24] = [
            "$5 million", "stole", " ", ", ", "; ", "x", "20BTC", "not", "total", "earlier",
            "\n\n", "€3m", "ΣΟΦΙΑΣ", "Acme Bank", "drained", " and ", "US$1.2bn", ". ", "5,000 ETH",
            "however", "lost", "could", "(", "ab",
        ];
        let body: String = picks.iter().map(|&i| PIECES[i]).collect();
        let text = format!("Hack\n\n{body}");
        let a = article("p", "Hack", text);
        for (now, before) in both_paths(&a) {
            proptest::prop_assert_eq!(&now.all, &before.all, "{}", a.text);
            proptest::prop_assert_eq!(&now.structure, &before.structure, "{}", a.text);
        }
    }
}

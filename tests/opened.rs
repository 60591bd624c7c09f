//! The person patterns that open on a fixed word, searched only where their words stand
//! (`entities::opened`), find exactly what their regexes find: the same matches and `name`
//! groups, in the same order, on sentences people write, on generated articles and on texts
//! built from the words, cases and marks the regexes read (a Kelvin sign and a long s, which
//! `(?i)` folds to "k" and "s", among them).

use dossier::extract::document::Document;
use dossier::extract::entities::marked::Found;
use dossier::extract::entities::people;
use proptest::prelude::*;

/// Each opened pattern's index with the regex that defines it.
fn pairs() -> Vec<(usize, &'static regex::Regex)> {
    assert_eq!(
        people::SEARCHED.len(),
        people::SPECS.len(),
        "every pattern compiles"
    );
    assert_eq!(
        people::PATTERNS.len(),
        people::SPECS.len(),
        "every pattern compiles"
    );
    let pairs: Vec<(usize, &regex::Regex)> = people::SEARCHED
        .iter()
        .zip(people::PATTERNS.iter())
        .filter_map(|((searched, _), (re, _))| match searched {
            people::Searched::Opened(i) => Some((*i, re)),
            _ => None,
        })
        .collect();
    assert_eq!(pairs.len(), 5, "five person patterns open on a fixed word");
    pairs
}

fn found(caps: &regex::Captures<'_>) -> Found {
    let span = |m: regex::Match<'_>| (m.start(), m.end());
    Found {
        whole: span(caps.get(0).expect("group 0 is the match")),
        name: caps.name("name").map(span),
        place: caps.name("place").map(span),
    }
}

/// Each pattern's walk over `text` is its regex's `captures_iter`; the matches found.
fn agree(text: &str) -> usize {
    let openers = people::OPENERS.as_ref().expect("the openers build");
    let starts = openers.starts(text);
    let mut matches = 0;
    for (i, re) in pairs() {
        let want: Vec<Found> = re.captures_iter(text).map(|c| found(&c)).collect();
        let mut got = Vec::new();
        openers.for_each(i, text, &starts, |f| got.push(f));
        assert_eq!(got, want, "{re} in {text:?}");
        matches += got.len();
    }
    matches
}

#[test]
fn the_opened_patterns_find_the_regex_matches_on_sentences_people_write() {
    let texts = [
        "President Trump met Sen. Warren and Mr Ana Ruiz; Secretary of State Bo Lee said.",
        "analyst Jane Doe, co-founder - Ana Ruiz and chief executive: Bo Lee. lawyer—Cy Park",
        "founder Alon's defence; Helius CEO Mert did; the cto Bo, then FOUNDER Ana (x)",
        "Multichain's CEO, Zhaojun, has; its Spokesperson ,  Ana , said; CTO, bo,",
        "said Ana Ruiz; says Bo Lee. according to Cy Park, xsaid Ana Ruiz, _says Bo Lee",
        "the Kelvin-signed \u{212a}ISO, Ana, and ſpokesperson Bo said; CI\u{212a}O Ana did",
        "co-founder Ana Ruiz; cofounder Bo Lee; Co-Founder Cy, Prof. José Núñez said",
        "the director of research Łukasz Żółć; chairman Ana O'Brien said McDonald Bo",
        "Dr.Ana Ruiz Dr  Ana Ruiz Professor\tAna Ruiz spokeswoman – Ana Ruiz",
        "",
        "said",
        "CEO",
        "CEO ",
        "said A",
    ];
    let mut matches = 0;
    for text in texts {
        matches += agree(text);
    }
    assert!(matches > 20, "the texts hold matches: {matches}");
    // Every pattern matches somewhere above, so the comparison is not between two nothings.
    for (_, re) in pairs() {
        assert!(
            texts.iter().any(|t| re.is_match(t)),
            "{re} matches a sentence"
        );
    }
}

#[test]
fn the_opened_patterns_find_the_regex_matches_on_generated_articles() {
    let mut matches = 0;
    for index in 0..300 {
        let article = dossier::synthetic::article(7, index);
        let doc = Document::new(&article.text);
        matches += agree(doc.unwrapped());
    }
    assert!(matches > 100, "the articles hold matches: {matches}");
}

/// The patterns' words in several cases, names, and words that look like them.
const WORDS: &[&str] = &[
    "President",
    "president",
    "PRESIDENT",
    "Secretary of State",
    "Secretary",
    "Sen.",
    "Sen",
    "Mr",
    "Mr.",
    "Dr",
    "Prof",
    "Professor",
    "analyst",
    "Analyst",
    "chief",
    "chief executive",
    "executive",
    "co-founder",
    "Co-Founder",
    "cofounder",
    "founder",
    "FOUNDER",
    "CEO",
    "ceo",
    "CTO",
    "\u{212a}",
    "ſpokesperson",
    "spokesperson",
    "CI\u{212a}O",
    "CISO",
    "said",
    "says",
    "Said",
    "according to",
    "according",
    "to",
    "Ana",
    "Ruiz",
    "McDonald",
    "O'Brien",
    "J.",
    "José",
    "Łukasz",
    "É",
    "xsaid",
    "_CEO",
    "a",
    "the",
    "2",
    "'s",
    "’s",
];

/// What stands between words: most often blanks, then marks, stops and newlines.
fn mark() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", " ", "  ", "\t", " \t", ", ", ",", " ,", ".", ". ", ";", "\n", "-", " - ",
        "–", " — ", ":", ": ", "(", ")", "'", "", "",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_opened_patterns_find_the_regex_matches_on_generated_texts(
        pieces in prop::collection::vec((prop::sample::select(WORDS), mark()), 0..12)
    ) {
        let text: String = pieces.iter().flat_map(|(w, m)| [*w, *m]).collect();
        agree(&text);
    }

    #[test]
    fn the_opened_patterns_find_the_regex_matches_on_any_text(
        text in "([A-ZÀ-ſ][a-zß-ÿ]{0,3}|said|says|CEO|ceo|Mr|founder|analyst|[ ,.:;!?()@&'’\\-\\t\n/|–—]{1,2}|[a-z]{1,3}|[0-9]{1,2}|[À-ſ\\x{212A}]){0,16}"
    ) {
        agree(&text);
    }
}

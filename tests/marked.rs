//! The person patterns read around their marks find exactly what their regexes find: the
//! same matches, the same `name` and `place` groups, in the same order, from every char
//! boundary, on texts built from the words and marks the regexes read.

use dossier::extract::entities::marked::{Found, Marked};
use dossier::extract::entities::people;
use proptest::prelude::*;

/// Each marked pattern with the regex that defines it.
fn pairs() -> Vec<(&'static Marked, &'static regex::Regex)> {
    let mut pairs = Vec::new();
    let named_with = [
        people::AFTER_POSSESSIVE.as_ref(),
        people::OF_COUNTRY.as_ref(),
    ];
    assert_eq!(people::NAMED_WITH.len(), 2, "both patterns compile");
    for (marked, re) in people::NAMED_WITH.iter().zip(named_with) {
        pairs.push((marked, re.expect("the regex compiles")));
    }
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
    for ((searched, _), (re, _)) in people::SEARCHED.iter().zip(people::PATTERNS.iter()) {
        if let people::Searched::Marked(marked) = searched {
            pairs.push((marked, re));
        }
    }
    assert_eq!(
        pairs.len(),
        7,
        "two named-with patterns and five marked person patterns"
    );
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

/// From every start a caller may resume at, and the whole walk as the extraction reads it.
fn agree_everywhere(text: &str) {
    for (marked, re) in pairs() {
        let want: Vec<Found> = re.captures_iter(text).map(|c| found(&c)).collect();
        let mut got = Vec::new();
        marked.for_each(text, |f| got.push(f));
        assert_eq!(got, want, "{re} in {text:?}");
        let mut caps = marked.create_captures();
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let want = re.captures_at(text, at).map(|c| found(&c));
            let got = marked.find_at(text, at, &mut caps);
            assert_eq!(got, want, "{re} from {at} in {text:?}");
        }
    }
}

#[test]
fn the_marked_patterns_find_the_regex_matches_on_sentences_people_write() {
    let texts = [
        "BlockSec’s Yajin Zhou said. Japan's Ai Sugiyama, and Acme's Bo Lee (who)",
        "Kenenisa Bekele of Ethiopia won; Ana Ruiz of Madrid Spain. Ana Ruiz of  Costa Rica",
        "Rox (our CTO) and Anatol (our security expert) met Bo (the lead Founder).",
        "Ana (CEO) Bo Lee (a co-founder) Cy (ſpokesperson) Dd (their Expert)",
        "— Kiyo (@IslandKiyo) September 28, 2020 &mdash; Ana Ruiz Bo (@ab_1) Sept. 3",
        "Alp and I looked; Ana and me. Ana and Iris; Ana\tand\tI, Ana and meat",
        "By Ana Ruiz\nBy Ana Ruiz / Reuters\nxBy Ana Ruiz\n By Ana Ruiz,\nBy Ana Ruiz | AP",
        "The pledge. Author: Ana Ruiz\nWritten by: Bo Lee, Reporting by: Cy Park / X! Authors: Ana Ruiz|",
        "Acme2's Ana Ruiz. A's Bo Lee. ACME's McDonald O'Brien) Acme's J. Ruiz; Acme's Ana Ruiz$",
        "José Núñez of Spain; Łukasz Żółć of Poland. Ana Ruiz of spain Ana Ruiz of Sp",
        "",
        "of",
        " of A",
        "(",
        ":",
        "'s ",
    ];
    for text in texts {
        agree_everywhere(text);
    }
    // Every pattern matches somewhere above, so the comparison is not between two nothings.
    for (_, re) in pairs() {
        assert!(
            texts.iter().any(|t| re.is_match(t)),
            "{re} matches a sentence"
        );
    }
}

/// Name words and words that look like them to the regexes and do not quite match.
const WORDS: &[&str] = &[
    "Ana",
    "Ruiz",
    "McDonald",
    "Mac",
    "O'Brien",
    "Jae-in",
    "J.",
    "K",
    "José",
    "Núñez",
    "Łukasz",
    "É",
    "FBI",
    "Ab",
    "xAna",
    "iPhone",
    "Acme",
    "Acme2",
    "Spain",
    "Costa",
    "Rica",
    "Madrid",
    "of",
    "and",
    "I",
    "me",
    "By",
    "Author:",
    "Written by:",
    "Reporting by",
    "'s",
    "’s",
    "Acme's",
    "Acme’s",
    "(our CTO)",
    "(the security expert)",
    "(ſpokesperson)",
    "(CEO",
    "(@x_1)",
    "(@",
    "—",
    "&mdash;",
    "September",
    "Sept.",
    "28",
    "2020",
    "a",
    "the",
    "x",
    "2",
    "ß",
    "é",
    "_",
    "(",
    ")",
    ":",
    "Kenenisa",
    "Ethiopia",
];

/// What stands between words: most often blanks, then marks, stops and newlines.
fn mark() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", " ", "  ", "\t", " \t", ", ", ",", ".", ". ", ";", "\n", "\n", "-", "’",
        "'", "/", "|", "!", "?", "$", "", "",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_marked_patterns_find_the_regex_matches_on_generated_texts(
        pieces in prop::collection::vec((prop::sample::select(WORDS), mark()), 0..12)
    ) {
        let text: String = pieces.iter().flat_map(|(w, m)| [*w, *m]).collect();
        agree_everywhere(&text);
    }

    #[test]
    fn the_marked_patterns_find_the_regex_matches_on_any_text(
        text in "([A-ZÀ-ſ][a-zß-ÿ]{0,3}|of|and|I|me|By|'s|’s|[ ,.:;!?()@&'’\\-\\t\n/|]{1,2}|[a-z]{1,3}|[0-9]{1,2}|[À-ſ—\\x{212A}]){0,16}"
    ) {
        agree_everywhere(&text);
    }
}

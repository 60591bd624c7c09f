//! The scan for runs of capitalised name words finds exactly what the regex it replaced finds:
//! the same runs, in the same order, on texts built from the words and marks the regex reads.

use dossier::extract::entities::{name_runs, people};
use proptest::prelude::*;

#[path = "common/regex_agreement.rs"]
mod regex_agreement;

/// Every run the scan finds, each search starting where the last one ended.
fn scan_runs(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some((s, e)) = name_runs::find_at(text, at) {
        assert!(e > s, "an empty run at {s} in {text:?}");
        out.push((s, e));
        at = e;
    }
    out
}

/// The runs from every start a caller may resume at (each char boundary), not only after the
/// last run: the extraction resumes after a skipped run's first word.
fn agree_everywhere(text: &str) {
    let re = people::NAME_RUN
        .as_ref()
        .expect("the name-run regex compiles");
    regex_agreement::agrees_with_regex(re, text, scan_runs(text), |at| {
        name_runs::find_at(text, at)
    });
}

#[test]
fn the_scan_finds_the_regex_runs_on_names_people_write() {
    for text in [
        "Peter van Valkenbergh said so.",
        "Robert De Niro and George W. Bush met Ana Ruiz.",
        "McDonald-Smith Jones, MacPherson Lee, Mc Donald, Mac Donald",
        "McDonald'Smith Jones and McDo-nald Lee",
        "O'Brien Kelly met Jae-in Moon and D’Arcy Ó Súilleabháin.",
        "José Núñez, Łukasz Żółć and Ängel Ølberg",
        "The FBI's Ana\tRuiz;  van Dam",
        "iPhone Maker and xAna Ruiz",
        "J. Edgar Hoover, J. K. Rowling, A. B",
        "de Ana, Ana de, Ana de Bo, Ana de  Bo, Ana della  Rocca, Ana dela Rocca",
        "Ana vandal Bo, Ana vanity Bo, Ana bintx Bo, Ana bint\tBo, Ana von\t\tBo, Ana de",
        "Ana van, Ana bin- Bo, Ana ibn.Bo, Ana dé Bo, Ana d Bo, Ana 'de Bo, Ana van\nBo",
        "Ana\nRuiz and Ana  Ruiz- Bo Ana-Bo Cy'D Ed",
        "Ana ĀĀ Bo ōx ŁŁ Cy ſa Da",
        "Ana ×Ruiz ÷ Öx Ø Þa ßa Ab Ca",
        "",
        "A",
        "Ab",
        "Ab C.",
        "Ab Mac",
        "Ab Maca",
        "Ab MacA",
        "Ab MacAb-",
        "Ab MacAb-Cd-Ef Gh",
    ] {
        agree_everywhere(text);
    }
}

/// Words the generated texts are made of: the regex's anchors (capitals, "Mc"/"Mac",
/// particles, initials), ordinary and non-ASCII words, and words that hold no name.
fn word() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Ana",
        "Ruiz",
        "McDonald",
        "MacPherson",
        "Mc",
        "Mac",
        "Macdonald",
        "MacA",
        "O",
        "Brien",
        "in",
        "van",
        "de",
        "della",
        "Van",
        "De",
        "J.",
        "K",
        "the",
        "said",
        "x",
        "2",
        "José",
        "Núñez",
        "Łukasz",
        "Żółć",
        "ß",
        "Ø",
        "Þa",
        "×",
        "÷",
        "ō",
        "ſ",
        "É",
        "é",
        "FBI",
        "Ab",
    ])
}

/// What stands between words: blanks, joining marks, punctuation, newlines.
fn mark() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", "  ", "\t", "-", "'", "’", ".", ",", "\n", "(", "—", "",
    ])
}
proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_scan_finds_the_regex_runs_on_generated_texts(
        pieces in prop::collection::vec((word(), mark()), 0..12)
    ) {
        let text: String = pieces.iter().flat_map(|(w, m)| [*w, *m]).collect();
        agree_everywhere(&text);
    }

    #[test]
    fn the_scan_finds_the_regex_runs_on_any_text(text in "((Mc|Mac|[A-ZÀ-ſ])[a-zß-ÿ]{0,3}|van|de|[ .,'’\\-\\t\n]{1,2}|[À-ſ]){0,14}") {
        agree_everywhere(&text);
    }
}

//! The scan for capitalised words (the words a person's short name may be) finds exactly what
//! the regex it replaced finds: the same words, in the same order, from every start.

use dossier::extract::entities::capitalised_words::{CAPITALISED, find_at, find_iter};
use proptest::prelude::*;

#[path = "common/regex_agreement.rs"]
mod regex_agreement;

/// The words from every start a search may resume at, and the whole text's words as the
/// extraction reads them.
fn agree_everywhere(text: &str) {
    let re = CAPITALISED
        .as_ref()
        .expect("the capitalised-word regex compiles");
    regex_agreement::agrees_with_regex(re, text, find_iter(text).collect(), |at| find_at(text, at));
}

#[test]
fn the_scan_finds_the_regex_words_in_names_people_write() {
    for text in [
        "John Demers said Demers would go.",
        "Kim Jong Un met Moon Jae-in in Seoul-Based talks.",
        "iPhone McDonald O'Brien D’Arcy Jean-Luc Jean- Luc Jean-luc-x Ab-",
        "José Núñez, Łukasz Żółć and Ängel Ølberg; ÉTAT Éa",
        "Ana ĀĀ Bo ōx ŁŁ Cy ſa Da ×a Øa Þa ßa ÷ ÿa Ÿa",
        "FBI A B. Ab-Cd-Ef-G Ab--Cd Ab-Ā Ab-ĀĀ Ab-2x 3Ab aB",
        "",
        "A",
        "Ab",
        "Ab-",
        "Ab-C",
        "Ab-Cd",
    ] {
        agree_everywhere(text);
    }
}

/// Pieces the generated texts are made of: capitals and letters of each class the regex
/// reads, hyphens and other marks.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Ana", "Ruiz", "A", "a", "b", "-", "-", " ", " ", ".", "'", "\n", "É", "é", "ß", "×", "÷",
        "Ø", "ø", "Þ", "ÿ", "Ÿ", "Ā", "ā", "ž", "ſ", "Ł", "2", "FBI", "Jae-in",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn the_scan_finds_the_regex_words_in_generated_texts(
        pieces in prop::collection::vec(piece(), 0..16)
    ) {
        agree_everywhere(&pieces.concat());
    }

    #[test]
    fn the_scan_finds_the_regex_words_in_any_text(text in "([A-Za-zÀ-ſ]{1,3}|[ \\-.'’\n]|[Ÿ-ɏ]){0,16}") {
        agree_everywhere(&text);
    }
}

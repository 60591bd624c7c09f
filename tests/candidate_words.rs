//! The scan for the words names are proposed from finds exactly what the regex it replaced
//! finds: the same words, in the same order, from every start.

use dossier::extract::entities::candidates::word_scan::{WORD, find_at, find_iter};
use proptest::prelude::*;

#[path = "common/regex_agreement.rs"]
mod regex_agreement;

/// The words from every start a search may resume at, and the whole text's words as the
/// extraction reads them.
fn agree_everywhere(text: &str) {
    let re = WORD.as_ref().expect("the word regex compiles");
    regex_agreement::agrees_with_regex(re, text, find_iter(text).collect(), |at| find_at(text, at));
}

#[test]
fn the_scan_finds_the_regex_words_in_what_articles_write() {
    for text in [
        "The Lazarus Group stole $600 million from Ronin Network, said Do Kwon's lawyer.",
        "iPhone eBay McDonald O'Brien D’Arcy Jean-Luc AT&T Yahoo! U.S. e.g. Jean- Luc",
        "José Núñez, Łukasz Żółć and Ängel Ølberg; ÉTAT Éa ßa ÿb ×a ÷b Ÿa ſa",
        "āb aāb aĀ caféĀx café caféB naïveÉ éclair ēa ßĀ aßĀb",
        "1inch 0x4f3a 2FA 10x 3abc 123ab4 12abcdef9 1a2b3c",
        "nick.eth vitalik.eth a.b.eth x-y.eth foo.ethx foo.eth.bar a..eth .eth -a.eth 9.eth",
        "officer_cia _ab_cd_ a_b_c _a_ __a_b a__b ab_ _ab a_1 1_a",
        "jiecut42 abc1 ab1 abcd12ef abc1_x @ab @a @abcdefghijklmnopqrstuvwxyz0123456789_x",
        "email@example.com @Acme_Corp ab@cd @@ab",
        "",
        "a",
        "A",
        "Ā",
        "ab.",
        "abc",
    ] {
        agree_everywhere(text);
    }
}

/// Pieces the generated texts are made of: letters of each class the regex reads, digits,
/// underscores, the marks it joins parts by, and blanks.
fn piece() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "Ana",
        "iPhone",
        "A",
        "a",
        "abc",
        "x",
        "e",
        "eth",
        ".eth",
        "1",
        "42",
        "0x",
        "_",
        "@",
        "-",
        ".",
        "'",
        "’",
        "&",
        " ",
        " ",
        "\n",
        "É",
        "é",
        "ß",
        "×",
        "÷",
        "Ø",
        "ø",
        "Þ",
        "ÿ",
        "Ÿ",
        "Ā",
        "ā",
        "ž",
        "ſ",
        "Ł",
        "α",
        "abcdefghijklmnopqrstuvwxyz0123",
        "FBI",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_scan_finds_the_regex_words_in_generated_texts(
        pieces in prop::collection::vec(piece(), 0..20)
    ) {
        agree_everywhere(&pieces.concat());
    }

    #[test]
    fn the_scan_finds_the_regex_words_in_any_text(
        text in "([A-Za-z0-9_@]{1,4}|[ \\-.'’&\n]|[À-ƀ]|\\.eth|\\PC){0,20}"
    ) {
        agree_everywhere(&text);
    }
}

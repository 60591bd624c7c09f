//! The organisation matcher finds exactly what the organisation pattern finds: the same
//! matches in the same order, from every char boundary, on texts built from the words and marks
//! the pattern reads (its anchor words from the `assets/` lists, capitalised words, initials,
//! possessives, "of", "and", "for", blanks, commas, line breaks).

use dossier::extract::entities::{org_matches, organizations};
use proptest::prelude::*;

fn regex() -> &'static regex::Regex {
    organizations::PATTERN
        .as_ref()
        .expect("the organisation pattern compiles")
}

/// From every start a caller may resume at, and the whole walk as the extraction reads it.
fn agree_everywhere(text: &str) {
    let re = regex();
    let want: Vec<(usize, usize)> = re.find_iter(text).map(|m| (m.start(), m.end())).collect();
    let got: Vec<(usize, usize)> = org_matches::find_iter(text).collect();
    assert_eq!(got, want, "{text:?}");
    for (at, _) in text.char_indices() {
        let want = re.find_at(text, at).map(|m| (m.start(), m.end()));
        assert_eq!(
            org_matches::find_at(text, at),
            want,
            "from {at} in {text:?}"
        );
    }
}

#[test]
fn the_matcher_finds_the_pattern_matches_on_names_people_write() {
    for text in [
        "FTI Consulting said the Bangladesh Bank and the Bank of England met.",
        "The Securities and Exchange Commission and the Finance and Economy Ministry",
        "Standard and Poor's Corp, Moody's Investors Service Inc and E.F. Hutton Group Inc",
        "Carolina Power and Light Co, Acme, Zorb and Qux Ltd. and Ozaki Trading Co Ltd of Osaka",
        "the Department for Work and Pensions and the Transport and General Workers' Union",
        "Writers Guild of America, European Court of Human Rights, Banco do Brasil, Banque de France",
        "Nationwide Building Society; the Reserve Bank of India; Central Bank of Nigeria",
        "Aa Bb Cc Dd Ee Ff Gg Hh Ii Jj Securities Finance and Economy Ministry of the Aa Bb Cc Dd",
        "Aa, Bb, Cc, Dd and Ee's Ff's Corp Plc Gg Hh Ii Jj Kk",
        "House for Aa and Bb and Cc and Dd and Ee Ff Gg",
        "x(FTI Consulting) Bankers Banks BankX Bank1 McBank MINISTRY Inc.Ltd N.V. L.P. S.A.",
        "Acme\nBank of\nEngland Acme\tBank\t\tof  the Aa Bb Cc Dd Ee",
        "Ünal Bank, José Núñez Finance, Łódź Ministry of Żółć, ßBank",
        "",
        "Bank",
        "Acme Bank",
    ] {
        agree_everywhere(text);
    }
}

/// The pattern's anchor words (every list word), capitalised words and look-alikes.
fn word() -> impl Strategy<Value = String> {
    let anchors: Vec<String> = org_matches::anchor_words().map(String::from).collect();
    let owned = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let capitalised = owned(&[
        "Acme",
        "Acme",
        "Zorb",
        "Qux",
        "FTI",
        "E.F.",
        "U.S.",
        "Poor's",
        "Writers'",
        "Workers’",
        "&",
        "The",
        "Aa-Bb",
        "A.B.C.",
        "Z",
        "Ünal",
        "McBank",
        "Banks",
        "BANK",
    ]);
    let small = owned(&[
        "of", "the", "and", "for", "de", "do", "'s", "x", "2", "ß", "(Acme", "said",
    ]);
    prop_oneof![
        4 => prop::sample::select(anchors),
        4 => prop::sample::select(capitalised),
        3 => prop::sample::select(small),
    ]
}

/// Most often a capitalised word that is no anchor.
fn name_word() -> impl Strategy<Value = String> {
    let names = [
        "Acme", "Zorb", "Qux", "FTI", "E.F.", "Writers'", "&", "Aa-Bb", "The",
    ];
    prop_oneof![
        6 => prop::sample::select(names.to_vec()).prop_map(String::from),
        1 => word(),
    ]
}

/// What stands between words: most often blanks.
fn mark() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        8 => prop::sample::select(vec![" ", "  ", "\t", " \t"]),
        2 => prop::sample::select(vec![", ", ",", "\n", ".", ";", "", "-", "’s ", "'s ", " ,"]),
    ]
}

/// A stretch shaped like a long name: capitalised words (some joined by "and"), an anchor
/// word, then "of" or "for" and more words, so that the longest readings are reached.
fn name_shaped() -> impl Strategy<Value = String> {
    let anchors: Vec<String> = org_matches::anchor_words().map(String::from).collect();
    let joiner = prop::sample::select(vec![" ", " ", " ", " and ", ", ", "'s ", "\t"]);
    let tail = prop::sample::select(vec!["", " of ", " of the ", " for ", " and ", " de "]);
    (
        prop::collection::vec((name_word(), joiner.clone()), 0..10),
        prop::sample::select(anchors),
        tail,
        prop::collection::vec((name_word(), joiner), 0..10),
    )
        .prop_map(|(before, anchor, tail, after)| {
            let mut s: String = before.iter().flat_map(|(w, m)| [w.as_str(), *m]).collect();
            s.push_str(&anchor);
            s.push_str(tail);
            s.extend(after.iter().flat_map(|(w, m)| [w.as_str(), *m]));
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn the_matcher_finds_the_pattern_matches_on_generated_texts(
        pieces in prop::collection::vec((word(), mark()), 0..40)
    ) {
        let text: String = pieces.iter().flat_map(|(w, m)| [w.as_str(), *m]).collect();
        agree_everywhere(&text);
    }

    #[test]
    fn the_matcher_finds_the_pattern_matches_on_generated_names(
        pieces in prop::collection::vec((name_shaped(), mark()), 1..4)
    ) {
        let text: String = pieces.iter().flat_map(|(a, m)| [a.as_str(), *m]).collect();
        agree_everywhere(&text);
    }
}

//! The apposition matcher finds exactly what its regex finds: the same matches, the same
//! `name` groups, in the same order, from every char boundary, on texts built from the words
//! and marks the regex reads.

use dossier::extract::entities::{appositions, people};
use proptest::prelude::*;

fn regex() -> &'static regex::Regex {
    people::APPOSITION
        .as_ref()
        .expect("the apposition regex compiles")
}

/// A match as (whole span, name span).
type Found = ((usize, usize), (usize, usize));

fn found(caps: &regex::Captures<'_>) -> Found {
    let whole = caps.get(0).expect("group 0 is the match");
    let name = caps.name("name").expect("every match has a name");
    ((whole.start(), whole.end()), (name.start(), name.end()))
}

fn matched(a: appositions::Apposition) -> Found {
    (a.whole, a.name)
}

/// From every start a caller may resume at, and the whole walk as the extraction reads it.
fn agree_everywhere(text: &str) {
    let re = regex();
    let want: Vec<Found> = re.captures_iter(text).map(|c| found(&c)).collect();
    let got: Vec<Found> = appositions::find_iter(text).map(matched).collect();
    assert_eq!(got, want, "{text:?}");
    for (at, _) in text.char_indices() {
        let want = re.captures_at(text, at).map(|c| found(&c));
        let got = appositions::find_at(text, at).map(matched);
        assert_eq!(got, want, "from {at} in {text:?}");
    }
}

/// A role of the list the regex is built from, as written there.
fn a_role() -> &'static str {
    people::ROLES
        .first()
        .copied()
        .expect("the role list has roles")
}

#[test]
fn the_matcher_finds_the_regex_matches_on_sentences_people_write() {
    let role = a_role();
    let upper = role.to_uppercase();
    let folded = people::ROLES
        .iter()
        .find(|r| r.contains('k') && r.contains('s'))
        .expect("a role with a k and an s");
    for text in [
        format!("Ana Ruiz, a {role} at Acme, said so."),
        format!("Ana Ruiz, the {role}, and Bo Lee, who is {role}; Cy Park, {role}"),
        format!("said Ana Ruiz,  whose  {upper} team left. Ana Ruiz,\t{role}"),
        format!("xAna Ruiz, {role}. José Núñez, {role}. Łukasz Żółć, our {role}x, {role}"),
        format!("J. K. Rowling Lee, {role}, and McDonald O'Brien, {role}-like"),
        format!("Ana Bo Cy Dd Ee, {role} and Ana,Bo Cy, {role}"),
        format!("Ana Ruiz, {} {role}", "word ".repeat(30)),
        // The gap before the role holds at most 80 chars.
        format!("Ana Ruiz, {} {role}", "x".repeat(78)),
        format!("Ana Ruiz, {} {role}", "x".repeat(79)),
        format!("Ana Ruiz, {} {role}", "x".repeat(80)),
        format!("Ana Ruiz, a {} {role}", "é".repeat(79)),
        format!("Ana Ruiz, a {} {role}", "é".repeat(80)),
        format!("Ana Ruiz, a{role}, Ana Ruiz, an\n{role}, Ana Ruiz ,{role}"),
        format!("Ana\nRuiz, {role}; Ana Ruiz,{role}; Ana Ruiz, ,{role}"),
        // In any case: "k" is also the Kelvin sign and "s" the long s to `(?i)`.
        format!("Ana Ruiz, {}", folded.replace('k', "\u{212A}")),
        format!("Ana Ruiz, {}", folded.replace('s', "\u{17F}")),
        format!(
            "Ana Ruiz, {}",
            folded.replace('k', "\u{212A}").to_uppercase()
        ),
        String::new(),
        ",".to_string(),
        format!(", {role}"),
        format!("A, {role}"),
        format!("Ab Cd, {role}"),
    ] {
        agree_everywhere(&text);
    }
}

/// Name words and words that look like them to the regex and do not quite match.
const NAMES: &[&str] = &[
    "Ana", "Ruiz", "McDonald", "Mac", "O'Brien", "Jae-in", "J.", "K", "José", "Núñez", "Łukasz",
    "É", "FBI", "Ab", "Żółć",
];

/// Words the generated texts are made of: the regex's anchors (capitalised words, initials,
/// determiners, roles from its list, in any case) and ordinary and non-ASCII words, weighted
/// so that most texts hold a match.
fn word() -> impl Strategy<Value = String> {
    let pick = |words: Vec<String>| prop::sample::select(words);
    let roles: Vec<String> = people::ROLES.iter().map(|r| r.to_string()).collect();
    let upper: Vec<String> = roles.iter().map(|r| r.to_uppercase()).collect();
    let owned = |ws: &[&str]| ws.iter().map(|w| w.to_string()).collect::<Vec<_>>();
    let names = owned(NAMES);
    let others = owned(&[
        "a", "an", "the", "who", "whose", "our", "said", "x", "2", "ß",
    ]);
    prop_oneof![4 => pick(names.clone()), 3 => pick(roles.clone()), 1 => pick(upper.clone()), 2 => pick(others)]
}

/// A word of a name, most often one the regex reads as a name word.
fn name_word() -> impl Strategy<Value = String> {
    prop_oneof![8 => prop::sample::select(NAMES.to_vec()).prop_map(String::from), 1 => word()]
}

/// A role of the list, as written or in capitals, or another word.
fn role() -> impl Strategy<Value = String> {
    let roles: Vec<String> = people::ROLES.iter().map(|r| r.to_string()).collect();
    let upper: Vec<String> = roles.iter().map(|r| r.to_uppercase()).collect();
    prop_oneof![6 => prop::sample::select(roles), 2 => prop::sample::select(upper), 1 => word()]
}

/// Between the words of a name: most often blanks.
fn name_mark() -> impl Strategy<Value = &'static str> {
    prop_oneof![8 => prop::sample::select(vec![" ", "  ", "\t", " \t"]), 1 => mark()]
}
/// What stands between words: blanks, commas, stops, newlines.
fn mark() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", "  ", "\t", ", ", ",", " , ", ".", ";", "\n", "-", "’", "",
    ])
}

/// A stretch shaped like the regex's match, each part perhaps broken: name words with blanks
/// (or other marks) between them, a comma, a determiner, words of a gap, a role.
fn apposition() -> impl Strategy<Value = String> {
    (
        prop::collection::vec((name_word(), name_mark()), 1..6),
        prop::sample::select(vec![", ", ",\t", ",", " , ", ",  ", "; "]),
        prop::sample::select(vec!["", "a ", "an ", "the ", "whose ", "who\t", "our "]),
        prop::collection::vec((word(), mark()), 0..4),
        role(),
    )
        .prop_map(|(name, comma, det, gap, role)| {
            let mut s: String = name.iter().flat_map(|(w, m)| [w.as_str(), *m]).collect();
            s = s.trim_end_matches([' ', '\t']).to_string();
            s.push_str(comma);
            s.push_str(det);
            s.extend(gap.iter().flat_map(|(w, m)| [w.as_str(), *m]));
            s.push_str(&role);
            s
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, ..ProptestConfig::default() })]

    #[test]
    fn the_matcher_finds_the_regex_matches_on_generated_texts(
        pieces in prop::collection::vec((word(), mark()), 0..16)
    ) {
        let text: String = pieces.iter().flat_map(|(w, m)| [w.as_str(), *m]).collect();
        agree_everywhere(&text);
    }

    #[test]
    fn the_matcher_finds_the_regex_matches_on_generated_appositions(
        pieces in prop::collection::vec((apposition(), mark()), 1..5)
    ) {
        let text: String = pieces.iter().flat_map(|(a, m)| [a.as_str(), *m]).collect();
        agree_everywhere(&text);
    }
}

//! The matcher for a name then a verb of saying finds exactly what its two regexes find: the
//! same matches, the same `name` groups, in the same order, from every char boundary, on texts
//! built from the words and marks the regexes read, and on generated articles.

use dossier::extract::document::Document;
use dossier::extract::entities::people;
use dossier::extract::entities::speech_names::{self, Joint};
use proptest::prelude::*;

/// A match as (whole span, name span).
type Found = ((usize, usize), (usize, usize));

fn found(caps: &regex::Captures<'_>) -> Found {
    let whole = caps.get(0).expect("group 0 is the match");
    let name = caps.name("name").expect("every match has a name");
    ((whole.start(), whole.end()), (name.start(), name.end()))
}

fn matched(s: speech_names::Speaker) -> Found {
    (s.whole, s.name)
}

/// From every start a caller may resume at, and the whole walk as the extraction reads it,
/// for both joints.
fn agree_everywhere(text: &str) {
    for joint in [Joint::Blanks, Joint::Comma] {
        let re = joint.regex().expect("the regex compiles");
        let want: Vec<Found> = re.captures_iter(text).map(|c| found(&c)).collect();
        let got: Vec<Found> = speech_names::find_iter(text, joint).map(matched).collect();
        assert_eq!(got, want, "{joint:?} {text:?}");
        for (at, _) in text.char_indices() {
            let want = re.captures_at(text, at).map(|c| found(&c));
            let got = speech_names::find_at(text, at, joint).map(matched);
            assert_eq!(got, want, "{joint:?} from {at} in {text:?}");
        }
    }
}

#[test]
fn the_matcher_finds_the_regex_matches_on_sentences_people_write() {
    let verbs: Vec<&str> = people::SAYS.to_vec();
    assert!(verbs.len() >= 2, "the verb list has verbs");
    let (v, w) = (verbs[0], verbs[1]);
    for text in [
        format!("Ana Ruiz {v} so, and Bo Lee, {w} that. Cy Park ,\t{v}"),
        format!("\"No,\" Ana Ruiz {v}. Ana Ruiz {v}x. Ana Ruiz {v}é, Ana Ruiz {v}_"),
        format!("xAna Ruiz {v}; José Núñez {w}. Łukasz Żółć  {v}"),
        format!("J. K. Rowling Lee {v}, McDonald O'Brien {w}, Jae-in Moon {v}"),
        format!("Ana Bo Cy Dd Ee {v}. Ana Bo Cy Dd, {v}. Ana,Bo Cy {v}"),
        format!("Ana\nRuiz {v}; Ana Ruiz,{v}; Ana Ruiz, ,{v}; Ana Ruiz {v} {w}"),
        format!("Ana Ruiz, {v}, {w}. Ana Ruiz {v}{w} Ana Ruiz a{v} Ana Ruiz J. {v}"),
        format!("FBI Ana {v}. Ab C. {v}. Ab Cd.{v} Ab Cd {v}{v}"),
        String::new(),
        v.to_string(),
        format!(" {v}"),
        format!(", {v}"),
        format!("Ab {v}"),
        format!("Ab Cd {v}"),
    ] {
        agree_everywhere(&text);
    }
}

#[test]
fn the_matcher_finds_the_regex_matches_on_generated_articles() {
    let mut matches = 0;
    for index in 0..300 {
        let article = dossier::synthetic::article(7, index);
        let text = Document::new(&article.text).unwrapped().to_string();
        for joint in [Joint::Blanks, Joint::Comma] {
            let re = joint.regex().expect("the regex compiles");
            let want: Vec<Found> = re.captures_iter(&text).map(|c| found(&c)).collect();
            let got: Vec<Found> = speech_names::find_iter(&text, joint).map(matched).collect();
            assert_eq!(got, want, "{joint:?} in article {index}");
            matches += got.len();
        }
        // From every char boundary, on a few of them (each start runs the regex again).
        if index < 20 {
            agree_everywhere(&text);
        }
    }
    assert!(matches > 100, "the articles hold matches: {matches}");
}

/// Name words and words that look like them to the regex and do not quite match.
const NAMES: &[&str] = &[
    "Ana", "Ruiz", "McDonald", "Mac", "O'Brien", "Jae-in", "J.", "K", "José", "Núñez", "Łukasz",
    "É", "FBI", "Ab", "Żółć", "xAna", "iPhone",
];

/// Words: name words, verbs of the list (also run on into a word), and other words.
fn word() -> impl Strategy<Value = String> {
    let verbs: Vec<String> = people::SAYS.iter().map(|v| v.to_string()).collect();
    let run_on: Vec<String> = verbs.iter().map(|v| format!("{v}s")).collect();
    let names: Vec<String> = NAMES.iter().map(|w| w.to_string()).collect();
    let others: Vec<String> = ["a", "the", "x", "2", "ß", "é", "_"]
        .iter()
        .map(|w| w.to_string())
        .collect();
    prop_oneof![
        5 => prop::sample::select(names),
        4 => prop::sample::select(verbs),
        1 => prop::sample::select(run_on),
        2 => prop::sample::select(others),
    ]
}

/// What stands between words: most often blanks, then commas, stops, newlines.
fn mark() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        " ", " ", " ", " ", "  ", "\t", " \t", ", ", ",", " , ", ",\t", ".", ";", "\n", "-", "’",
        "",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    #[test]
    fn the_matcher_finds_the_regex_matches_on_generated_texts(
        pieces in prop::collection::vec((word(), mark()), 0..12)
    ) {
        let text: String = pieces.iter().flat_map(|(w, m)| [w.as_str(), *m]).collect();
        agree_everywhere(&text);
    }

    #[test]
    fn the_matcher_finds_the_regex_matches_on_any_text(
        text in "([A-ZÀ-ſ][a-zß-ÿ]{0,3}|said|says|told|[ ,.'’\\-\\t\n]{1,2}|[a-z]{1,3}|[À-ſ]){0,14}"
    ) {
        agree_everywhere(&text);
    }
}

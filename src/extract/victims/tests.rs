//! The victim and actor of figures in invented articles, through the whole extractor.

use crate::corpus::Article;
use crate::extract::{Amount, extract_article};

fn amounts(title: &str, body: &str) -> Vec<Amount> {
    let article = Article {
        id: "v".into(),
        path: "v.txt".into(),
        published: chrono::NaiveDate::from_ymd_opt(2023, 5, 2),
        title: title.into(),
        source: None,
        text: format!("{title}\n\n{body}"),
    };
    extract_article(&article).amounts
}

fn figure<'a>(a: &'a [Amount], text: &str) -> &'a Amount {
    a.iter()
        .find(|a| &*a.text == text)
        .unwrap_or_else(|| panic!("no {text} in {a:#?}"))
}

#[test]
fn the_organisation_robbed_is_the_victim_with_its_identity() {
    let a = amounts(
        "Exchange hacked",
        "Hackers stole $41 million from Quillon Exchange on Monday, the company said. \
         Quillon Exchange said customer funds were safe.",
    );
    let f = figure(&a, "$41 million");
    assert_eq!(f.victim.as_deref(), Some("Quillon Exchange"), "{a:#?}");
    assert_eq!(f.victim_id.as_deref(), Some("quillon exchange"));
}

#[test]
fn a_person_is_never_a_victim() {
    let a = amounts(
        "Investor loses savings",
        "Retired teacher Margaret Holloway lost $2 million to scammers who stole her savings \
         last year, police said.",
    );
    let f = figure(&a, "$2 million");
    assert!(f.kind.is_theft(), "{a:#?}");
    assert_eq!(f.victim, None, "{a:#?}");
    assert_eq!(f.victim_id, None);
}

#[test]
fn a_figure_that_is_no_theft_has_no_victim() {
    let a = amounts(
        "Acme profits rise",
        "Acme Bank said on Tuesday that revenue rose 4% to $3.1 billion in the first quarter.",
    );
    let f = figure(&a, "$3.1 billion");
    assert!(!f.kind.is_theft(), "{a:#?}");
    assert_eq!(f.victim, None, "{a:#?}");
}

#[test]
fn the_actor_is_the_umbrella_group_with_its_sub_group() {
    let a = amounts(
        "Bank heist",
        "APT38 hackers stole $10 million from Quillon Bank in March, investigators said.",
    );
    let f = figure(&a, "$10 million");
    assert_eq!(f.actor.as_deref(), Some("Lazarus Group"), "{a:#?}");
    assert_eq!(f.sub_group.as_deref(), Some("APT38"));
}

#[test]
fn words_between_two_offsets_are_counted_as_the_text_splits_them() {
    let lex = crate::extract::lexicon::Lexicon::builtin();
    for text in [
        "  Hackers\u{a0}stole  $41 million,\tfrom\n Quillon — Exchange ",
        "a\u{b}b\u{c}c\rd\u{1c}e\u{85}f\u{2028}g\u{3000}h é\u{200b}x",
        "",
        " ",
    ] {
        words_between_agree(lex, text);
    }
}

fn words_between_agree(lex: &crate::extract::lexicon::Lexicon, text: &str) {
    let doc = crate::extract::document::Document::new(text);
    let scene = super::Scene::new(lex, super::SceneText::of(&doc), false, &[], Vec::new(), &[]);
    let ends: Vec<usize> = (0..=text.len())
        .filter(|&i| text.is_char_boundary(i))
        .collect();
    for &a in &ends {
        for &b in ends.iter().filter(|&&b| b >= a) {
            assert_eq!(
                scene.words_between(a, b),
                text[a..b].split_whitespace().count(),
                "{a}..{b}"
            );
        }
    }
}

/// The word starts as the chars read them: a non-space char after a space or at the start.
fn word_starts_by_chars(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if !c.is_whitespace() && !in_word {
            out.push(i);
        }
        in_word = !c.is_whitespace();
    }
    out
}

#[test]
fn word_starts_read_eight_bytes_at_once_are_those_of_the_chars() {
    let mut texts: Vec<String> = [
        "  Hackers\u{a0}stole  $41 million,\tfrom\n Quillon — Exchange ",
        "a\u{b}b\u{c}c\rd\u{1c}e\u{85}f\u{2028}g\u{3000}h é\u{200b}x",
        "\0\u{8}\u{9}\u{d}\u{e}\u{1f} \u{7f}!~ abcdefgh ijklmnop  qrstuvwx\n\n\nyz",
        "",
        " ",
    ]
    .map(String::from)
    .to_vec();
    // Every byte below 0x80 at every place in a chunk, between words and blanks.
    for b in 0u8..0x80 {
        for at in 0..9 {
            let mut t = "abc def gh ij".repeat(2).into_bytes();
            t.insert(at, b);
            texts.push(String::from_utf8(t).unwrap());
            let mut t = " \t  \n    \r ".repeat(2).into_bytes();
            t.insert(at, b);
            texts.push(String::from_utf8(t).unwrap());
        }
    }
    for t in &texts {
        assert_eq!(super::word_starts(t), word_starts_by_chars(t), "{t:?}");
    }
}

proptest::proptest! {
    #[test]
    fn word_starts_agree_with_the_chars_on_random_texts(
        t in "([ \\t\\n\\r\\u{b}\\u{c}\\u{1c}\\u{85}\\u{a0}\\u{2028}\\u{3000}]|[a-z]{1,9}|[\\x00-\\x7f]|é|—|\\u{212A}){0,60}"
    ) {
        proptest::prop_assert_eq!(super::word_starts(&t), word_starts_by_chars(&t));
    }
}

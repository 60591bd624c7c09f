//! People whose names put the family name first: Korean and Chinese names ("Park Sang Hak",
//! "Jang Song Thaek", "Moon Jae-in", "Xi Jinping"), which no given-name list opens and whose
//! syllables are often English words ("Song", "Sang").

use std::collections::HashSet;
use std::sync::LazyLock;

use super::{Candidate, words};

/// Korean and Chinese family names (`assets/entity-words/surnames-east-asian.txt`).
static FAMILY_NAMES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/surnames-east-asian.txt"
    ))
    .collect()
});

/// Whether a word has a family name's shape: a capital and one to five lower-case letters
/// (every [`FAMILY_NAMES`] entry has it). A byte test before the set's hash, which most words
/// of a text never reach.
fn family_name_shaped(w: &str) -> bool {
    let b = w.as_bytes();
    (2..=6).contains(&b.len())
        && b[0].is_ascii_uppercase()
        && b[1..].iter().all(u8::is_ascii_lowercase)
}

/// A syllable of a given name: a capital and one to five lower-case letters ("Sang", "Thaek").
fn syllable(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(|c| c.is_ascii_uppercase())
        && (1..=5).contains(&cs.clone().count())
        && cs.all(|c| c.is_ascii_lowercase())
}

/// A hyphened given name ("Jae-in", "Song-thaek") or a one-word pinyin one ("Jinping").
fn joined_given_name(w: &str) -> bool {
    match w.split_once('-') {
        Some((a, b)) => syllable(a) && b.len() <= 6 && b.chars().all(|c| c.is_ascii_lowercase()),
        None => {
            let mut cs = w.chars();
            cs.next().is_some_and(|c| c.is_ascii_uppercase())
                && (3..=8).contains(&cs.clone().count())
                && cs.all(|c| c.is_ascii_lowercase())
        }
    }
}

/// Family name first: a family name, then two syllables or a joined given name, of which at
/// least one word is no ordinary English word ("Park Lane", "Song Dynasty" are not people) and
/// none a word that is never a name's. The next word must not be capitalised (a longer name).
pub(super) fn family_name_first(text: &str, not_name: &HashSet<String>, out: &mut Vec<Candidate>) {
    let mut ws: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in text.split([' ', '\n', '\t']) {
        ws.push((pos, w));
        pos += w.len() + 1;
    }
    let bare = |w: &str| {
        w.trim_end_matches(['.', ',', ';', ':', '"', ')', '\'', '’'])
            .to_string()
    };
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    for i in 0..ws.len() {
        let (start, first) = ws[i];
        if !family_name_shaped(first)
            || !FAMILY_NAMES.contains(first)
            || text[..start].ends_with(|c: char| c.is_alphanumeric())
        {
            continue;
        }
        let next = |k: usize| ws.get(i + k).map(|&(_, w)| w);
        let Some(g1) = next(1) else { continue };
        let g1b = bare(g1);
        let given: Vec<String> = if g1b.len() == g1.len() && !possessive(g1) && syllable(g1) {
            match next(2).map(|w| (w, bare(w))) {
                Some((w, b)) if syllable(&b) && !possessive(w) => vec![g1b, b],
                _ => continue,
            }
        } else if joined_given_name(&g1b) && !possessive(g1) {
            vec![g1b]
        } else {
            continue;
        };
        let ordinary = |w: &String| words::COMMON.contains(w.to_lowercase().as_str());
        // "Hong Kong-based": a place's word, or a describing word after the hyphen.
        let parts = || given.iter().flat_map(|w| w.split('-'));
        if given.iter().all(ordinary)
            || parts().any(|w| not_name.contains(w) || words::COMPOUND_SUFFIXES.contains(w))
        {
            continue;
        }
        let last = i + given.len();
        let (last_start, last_word) = ws[last];
        let end = last_start + bare(last_word).len();
        let ends_there = bare(last_word).len() < last_word.len();
        if !ends_there && next(given.len() + 1).is_some_and(|w| w.starts_with(char::is_uppercase)) {
            continue;
        }
        out.push(Candidate::person(text, start, end));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_name_has_the_shape_the_fast_test_asks_for() {
        // The shape test only skips words the set cannot hold: it agrees with the set.
        for name in FAMILY_NAMES.iter() {
            assert!(family_name_shaped(name), "{name}");
        }
        let words = [
            "Park",
            "Kim",
            "Xi",
            "Moon",
            "Jang",
            "park",
            "PARK",
            "Park's",
            "Parkinson",
            "K",
            "Kim,",
            "Über",
            "Lee-",
            "",
            "Ri",
            "O",
        ];
        for w in words {
            if FAMILY_NAMES.contains(w) {
                assert!(family_name_shaped(w), "{w}");
            }
        }
        for w in [
            "park",
            "PARK",
            "Park's",
            "Parkinson",
            "K",
            "Kim,",
            "Über",
            "",
        ] {
            assert!(!family_name_shaped(w), "{w}");
        }
    }
}

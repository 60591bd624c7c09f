//! People whose names put the family name first: Korean and Chinese names ("Park Sang Hak",
//! "Jang Song Thaek", "Moon Jae-in", "Xi Jinping"), which no given-name list opens and whose
//! syllables are often English words ("Song", "Sang").

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::letter_runs;
use super::word_starts::WordStarts;
use super::{Candidate, words};

/// Korean and Chinese family names (`assets/entity-words/surnames-east-asian.txt`).
static FAMILY_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
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
/// Only the words of two to six ASCII letters, a capital first, are read, told by the keys of
/// their runs of letters in the text's shared [`WordStarts`].
#[inline(never)] // named in profiles (README, "The entity rules, instruction counts")
pub(super) fn family_name_first(
    text: &str,
    starts: &WordStarts,
    not_name: &FxHashSet<String>,
    out: &mut Vec<Candidate>,
) {
    let b = text.as_bytes();
    for (start, key) in starts.ascii_words() {
        // A family name is a whole word of the shape [`family_name_shaped`] asks for, so it
        // is the start's whole run of letters, and a blank or the end follows it. Its key
        // tells the capital and the length without a load from the text.
        if !letter_runs::first(key).is_ascii_uppercase() {
            continue;
        }
        let Some(len) = letter_runs::len(key).filter(|l| (2..=6).contains(l)) else {
            continue;
        };
        let first_end = start + len;
        let opens_word = start == 0 || matches!(b[start - 1], b' ' | b'\n' | b'\t');
        if !opens_word
            || !b
                .get(first_end)
                .is_none_or(|c| matches!(c, b' ' | b'\n' | b'\t'))
        {
            continue;
        }
        let first = &text[start..first_end];
        if !family_name_shaped(first) || !FAMILY_NAMES.contains(first) {
            continue;
        }
        // This word and the three after it, split as the whole text is split.
        let mut words = text[start..]
            .split([' ', '\n', '\t'])
            .scan(start, |pos, w| {
                let at = *pos;
                *pos += w.len() + 1;
                Some((at, w))
            });
        let ws: [Option<(usize, &str)>; 4] = std::array::from_fn(|_| words.next());
        if let Some(end) = family_name_at(text, &ws, not_name) {
            out.push(Candidate::person(text, start, end));
        }
    }
}

/// The end of the person whose family name is the first of `ws` (a word and the words after
/// it, with their byte offsets), if it opens one.
fn family_name_at(
    text: &str,
    ws: &[Option<(usize, &str)>],
    not_name: &FxHashSet<String>,
) -> Option<usize> {
    let (start, first) = ws.first().copied().flatten()?;
    if !family_name_shaped(first)
        || !FAMILY_NAMES.contains(first)
        || text[..start].ends_with(|c: char| c.is_alphanumeric())
    {
        return None;
    }
    let bare = |w: &str| {
        w.trim_end_matches(['.', ',', ';', ':', '"', ')', '\'', '’'])
            .to_string()
    };
    let possessive = |w: &str| w.ends_with("'s") || w.ends_with("’s");
    let next = |k: usize| ws.get(k).copied().flatten().map(|(_, w)| w);
    let g1 = next(1)?;
    let g1b = bare(g1);
    let given: Vec<String> = if g1b.len() == g1.len() && !possessive(g1) && syllable(g1) {
        match next(2).map(|w| (w, bare(w))) {
            Some((w, b)) if syllable(&b) && !possessive(w) => vec![g1b, b],
            _ => return None,
        }
    } else if joined_given_name(&g1b) && !possessive(g1) {
        vec![g1b]
    } else {
        return None;
    };
    let ordinary = |w: &String| words::COMMON.contains(w.to_lowercase().as_str());
    // "Hong Kong-based": a place's word, or a describing word after the hyphen.
    let parts = || given.iter().flat_map(|w| w.split('-'));
    if given.iter().all(ordinary)
        || parts().any(|w| not_name.contains(w) || words::COMPOUND_SUFFIXES.contains(w))
    {
        return None;
    }
    let (last_start, last_word) = ws.get(given.len()).copied().flatten()?;
    let end = last_start + bare(last_word).len();
    let ends_there = bare(last_word).len() < last_word.len();
    if !ends_there && next(given.len() + 1).is_some_and(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    Some(end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The rule as it was written first, over every word of the text: the definition the scan
    /// is tested against.
    fn by_every_word(text: &str, not_name: &FxHashSet<String>, out: &mut Vec<Candidate>) {
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
            if !ends_there
                && next(given.len() + 1).is_some_and(|w| w.starts_with(char::is_uppercase))
            {
                continue;
            }
            out.push(Candidate::person(text, start, end));
        }
    }

    type Spans = Vec<(usize, usize)>;
    type NotName = FxHashSet<String>;

    /// The people both readings find in `text`, as byte ranges: the scan's, then the rule's
    /// over every word.
    fn both(text: &str) -> (Spans, Spans) {
        let not_name: FxHashSet<String> =
            ["Lane", "Dynasty"].map(String::from).into_iter().collect();
        let spans = |f: &dyn Fn(&str, &NotName, &mut Vec<Candidate>)| {
            let mut out = Vec::new();
            f(text, &not_name, &mut out);
            out.iter().map(|c| (c.start, c.end)).collect::<Vec<_>>()
        };
        let scan = |text: &str, not_name: &NotName, out: &mut Vec<Candidate>| {
            family_name_first(text, &WordStarts::of(text), not_name, out)
        };
        (spans(&scan), spans(&by_every_word))
    }

    /// Words of the generated texts: family names from the list, syllables, joined given
    /// names, ordinary and never-a-name words, capitals, non-ASCII and marked words.
    fn word() -> impl Strategy<Value = String> {
        let mut families: Vec<String> = FAMILY_NAMES.iter().map(|w| w.to_string()).collect();
        families.sort();
        let others: Vec<String> = [
            "Sang",
            "Hak",
            "Jae-in",
            "Song-thaek",
            "Jinping",
            "Un",
            "Lane",
            "Dynasty",
            "Park's",
            "Hak.",
            "Sang,",
            "Jong)",
            "Un’s",
            "Kong-based",
            "the",
            "Über",
            "É",
            "Ab",
            "x",
            "",
        ]
        .map(String::from)
        .to_vec();
        prop_oneof![3 => prop::sample::select(families), 4 => prop::sample::select(others)]
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

        #[test]
        fn the_scan_finds_what_every_word_finds(
            pieces in prop::collection::vec((word(), prop::sample::select(vec![" ", " ", "\n", "\t", "  ", "-", ","])), 0..12)
        ) {
            let text: String = pieces.iter().flat_map(|(w, m)| [w.as_str(), *m]).collect();
            let (scan, every) = both(&text);
            prop_assert_eq!(scan, every, "{:?}", text);
        }
    }

    #[test]
    fn the_scan_finds_what_every_word_finds_on_names_people_write() {
        for text in [
            "Park Sang Hak met Jang Song Thaek and Moon Jae-in; Xi Jinping left.",
            "Park Lane, Song Dynasty, Kim Jong Un's aide, Park's Sang Hak",
            "xKim Jong Un, Kim  Jong Un, Kim\nJong\tUn, Kim Jong Un Lee",
            "Kim",
            "Kim ",
            "Kim Jong",
            "Kim Jong ",
            "Moon Jae-in.",
            "Lee Hong Kong-based",
            "Über Kim Jong Un",
        ] {
            let (scan, every) = both(text);
            assert_eq!(scan, every, "{text:?}");
        }
        assert!(!both("Park Sang Hak met Jang Song Thaek").0.is_empty());
    }

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

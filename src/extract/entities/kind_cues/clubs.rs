//! Sports clubs the model may take for people: a name after a score and a result ("a 3-0 win
//! at Acme", "a 2-1 defeat to Zorb"), after "at home to" or "signed from", and one before a player's position and the player ("Acme
//! back Ana Ruiz"; `player-positions.txt`). Sports news writes a club by its town's name.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// Players' positions (`assets/entity-words/player-positions.txt`).
static POSITIONS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/entity-words/player-positions.txt"
    ))
    .collect()
});

/// A score, the competition's name, and a result with the preposition of its opponent or
/// ground, at the end of the text before a name ("3-0 win at ", "2-1 Uefa Cup win over "), or
/// "at home to", "signed from". Not "in" (a city: "a 28-17 victory in Rome"). A set score after
/// another is tennis ("6-3 6-4 win over Ana"), whose opponents are people. The definition
/// [`ends_with_score_and_result`] is tested against (its compile cost 8.6 M instructions a
/// process, its `\d` and `\w` being Unicode classes).
#[cfg(test)]
const SCORE_AND_RESULT: &str = r"(?:(?:^|[A-Za-z] )\d{1,3}[-–]\d{1,3} (?:[A-Z][\w']* ){0,3}(?:home |away )?(?:win|victory|defeat|loss|draw|success|triumph|thrashing) (?:at|over|against|to|with)|\bat home to|\bsigned from) $";

/// The results and prepositions of [`SCORE_AND_RESULT`].
const RESULTS: [&str; 8] = [
    "win",
    "victory",
    "defeat",
    "loss",
    "draw",
    "success",
    "triumph",
    "thrashing",
];
const PREPOSITIONS: [&str; 5] = ["at", "over", "against", "to", "with"];

/// The decimal digits `\d` matches (Unicode's `Nd`), as the regex syntax reads them.
static DIGITS: LazyLock<Vec<(char, char)>> = LazyLock::new(|| {
    let class = regex_syntax::ParserBuilder::new().build().parse(r"\d");
    match class.as_ref().map(regex_syntax::hir::Hir::kind) {
        Ok(regex_syntax::hir::HirKind::Class(regex_syntax::hir::Class::Unicode(c))) => {
            c.iter().map(|r| (r.start(), r.end())).collect()
        }
        // `\d` is always a Unicode class; were it not, only ASCII digits would count.
        _ => vec![('0', '9')],
    }
});

fn is_digit(c: char) -> bool {
    c.is_ascii_digit()
        || !c.is_ascii()
            && DIGITS
                .binary_search_by(|&(lo, hi)| {
                    if hi < c {
                        std::cmp::Ordering::Less
                    } else if lo > c {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .is_ok()
}

/// Whether `s` holds one to three digits and nothing else.
fn one_to_three_digits(s: &str) -> bool {
    (1..=3).contains(&s.chars().count()) && s.chars().all(is_digit)
}

/// Whether `s` ends with a score and its blank, `\d{1,3}[-–]\d{1,3} `, at the start of `s` or
/// after an ASCII letter and a blank.
fn ends_with_score(s: &str) -> bool {
    let Some(body) = s.strip_suffix(' ') else {
        return false;
    };
    // Neither number holds a blank or a dash: each is all that stands between its marks.
    let Some(dash) = body.rfind(['-', '–']) else {
        return false;
    };
    let dash_len = if body[dash..].starts_with('-') {
        1
    } else {
        '–'.len_utf8()
    };
    if !one_to_three_digits(&body[dash + dash_len..]) {
        return false;
    }
    let before = &body[..dash];
    let (lead, first) = match before.rfind(' ') {
        Some(i) => (Some(&before[..i]), &before[i + 1..]),
        None => (None, before),
    };
    one_to_three_digits(first)
        && lead.is_none_or(|l| l.as_bytes().last().is_some_and(u8::is_ascii_alphabetic))
}

/// Whether `s` ends with "score (capitalised word ){0,3}", the words written
/// `[A-Z][\w']*` and each followed by one blank.
fn ends_with_score_and_words(mut s: &str) -> bool {
    for words in 0..=3 {
        if ends_with_score(s) {
            return true;
        }
        if words == 3 {
            break;
        }
        let Some(body) = s.strip_suffix(' ') else {
            return false;
        };
        // A word holds no blank, and a blank stands before it: it is all after the last one.
        let start = body.rfind(' ').map_or(0, |i| i + 1);
        let word = &body[start..];
        let mut chars = word.chars();
        if !chars.next().is_some_and(|c| c.is_ascii_uppercase())
            || !chars.all(|c| c == '\'' || regex_syntax::is_word_character(c))
        {
            return false;
        }
        s = &body[..start];
    }
    false
}

/// Whether `text` (all before a name) matches [`SCORE_AND_RESULT`]: read backwards from its
/// end, which the pattern is anchored at.
fn ends_with_score_and_result(text: &str) -> bool {
    let Some(s) = text.strip_suffix(' ') else {
        return false;
    };
    let word_boundary_at = |i: usize| {
        !s[..i]
            .chars()
            .next_back()
            .is_some_and(regex_syntax::is_word_character)
    };
    for phrase in ["at home to", "signed from"] {
        if s.ends_with(phrase) && word_boundary_at(s.len() - phrase.len()) {
            return true;
        }
    }
    PREPOSITIONS.iter().any(|p| {
        s.strip_suffix(p)
            .and_then(|r| r.strip_suffix(' '))
            .is_some_and(|r| {
                RESULTS.iter().any(|w| {
                    r.strip_suffix(w).is_some_and(|r| {
                        ["home ", "away "]
                            .iter()
                            .any(|h| r.strip_suffix(h).is_some_and(ends_with_score_and_words))
                            || ends_with_score_and_words(r)
                    })
                })
            })
    })
}

/// Whether a score and a result come right before the name at `start` ("a 3-0 win at Acme").
pub(super) fn opponent_after_a_score(text: &str, start: usize) -> bool {
    // Only the last few words matter: a line break is looked for among them alone.
    let window = start.saturating_sub(80);
    let mut from =
        memchr::memrchr(b'\n', &text.as_bytes()[window..start]).map_or(window, |i| window + i + 1);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    ends_with_score_and_result(&text[from..start])
}

/// Whether the name `start..end` is followed by a player's position and a capitalised name
/// ("Acme back Ana Ruiz"). A sentence's ordinary first word is no part of a club's name
/// ("Injured Acme winger Ana Ruiz").
pub(super) fn club_of_a_player(text: &str, start: usize, end: usize) -> bool {
    // The position first: most names have none after them, and the name's own first word
    // costs a lower-cased copy.
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let position = super::first_word(rest);
    if !(POSITIONS.contains(position)
        && rest[position.len()..]
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase)))
    {
        return false;
    }
    let first = super::first_word(&text[start..end]);
    !(first.len() < end - start
        && super::super::candidates::sentence_start(text, start)
        && super::super::words::COMMON.contains(first.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    static DEFINITION: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(SCORE_AND_RESULT).expect("the pattern compiles"));

    /// The matcher and the regex agree on every stretch of `text` between char boundaries.
    fn agree_on_every_stretch(text: &str) {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for (k, &from) in bounds.iter().enumerate() {
            for &to in &bounds[k..] {
                let s = &text[from..to];
                assert_eq!(
                    ends_with_score_and_result(s),
                    DEFINITION.is_match(s),
                    "{s:?}"
                );
            }
        }
    }

    #[test]
    fn the_matcher_agrees_with_its_pattern_on_what_sports_news_writes() {
        for text in [
            "a 3-0 win at ",
            "Acme's 2-1 Uefa Cup win over ",
            "a 28-17 victory in ",
            "6-3 6-4 win over ",
            "they 1–1 draw with ",
            "beat them 3-0 Premier League home win against ",
            "x 10-100 away defeat to ",
            "1000-1 win at ",
            "a 1-2 O'Neill Cup Final Replay loss to ",
            "a ١-٢ win at ",
            "a ³-1 win at ",
            "lost at home to ",
            "who signed from ",
            "xat home to ",
            "éat home to ",
            "-at home to ",
            " 3-0 win at ",
            "3-0 win at  ",
            "a 3-0 Ünited Ça_b win with ",
            "a 3-0 A-B win at ",
            "a 3-0 A B C D win at ",
            "a 3-0 A B C win at ",
            "9 3-0 win at ",
            "ab3-0 win at ",
            "a 3-0 home win at ",
            "a 3-0 Home win at ",
            "a 3-0 win at home to ",
            "",
            " ",
        ] {
            agree_on_every_stretch(text);
        }
    }

    /// Pieces the generated texts are made of: the pattern's words, digits of several scripts,
    /// capitalised words with `\w` chars and apostrophes, dashes and blanks.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "win",
            "victory",
            "thrashing",
            "draw",
            "at",
            "over",
            "to",
            "with",
            "against",
            "home",
            "away",
            "signed",
            "from",
            "in",
            "3",
            "12",
            "100",
            "1000",
            "٣",
            "³",
            "-",
            "–",
            " ",
            " ",
            " ",
            "a",
            "A",
            "Cup",
            "O'Neil",
            "Ünited",
            "x_y",
            "é",
            "'",
            "\n",
            ".",
        ])
    }

    /// A text shaped like the pattern, each part sometimes a near miss.
    fn shaped() -> impl Strategy<Value = String> {
        let pick = |v: Vec<&'static str>| prop::sample::select(v);
        (
            pick(vec!["", "a ", "9 ", "é ", " ", "a", "x  "]),
            pick(vec!["3", "12", "100", "1000", "", "٣", "³", "a"]),
            pick(vec!["-", "–", "—", " "]),
            pick(vec!["0", "17", "100", "1000", "", "٢"]),
            prop::collection::vec(
                pick(vec![
                    " Cup", " O'Neil", " a", " Ünited", " Ça_b", " A-B", " ", " Home",
                ]),
                0..5,
            ),
            pick(vec![" ", " home ", " away ", "  ", " home"]),
            pick(vec!["win", "victory", "thrashing", "wins", "x"]),
            pick(vec![
                " at ",
                " over ",
                " to",
                " in ",
                " with  ",
                " against ",
            ]),
        )
            .prop_map(|(lead, a, dash, b, words, home, result, prep)| {
                format!("{lead}{a}{dash}{b}{}{home}{result}{prep}", words.concat())
            })
    }

    proptest! {
        #[test]
        fn the_matcher_agrees_with_its_pattern_on_texts_shaped_like_it(text in shaped()) {
            for (from, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let s = &text[from..];
                prop_assert_eq!(ends_with_score_and_result(s), DEFINITION.is_match(s), "{:?}", s);
            }
        }

        #[test]
        fn the_matcher_agrees_with_its_pattern_on_generated_texts(
            pieces in prop::collection::vec(piece(), 0..14)
        ) {
            let text: String = pieces.concat();
            for (from, _) in text.char_indices().chain([(text.len(), ' ')]) {
                let s = &text[from..];
                prop_assert_eq!(ends_with_score_and_result(s), DEFINITION.is_match(s), "{:?}", s);
            }
        }
    }
}

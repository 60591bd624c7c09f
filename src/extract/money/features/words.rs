//! The words around a figure as the amount model reads them: split (apostrophes kept), told as
//! clause words (negation, modal, boundary, sum, time) and stemmed, each once per figure and
//! with no string built for an ASCII word.

use crate::extract::lexicon::{ClauseWord, Lexicon};
use crate::learn::FeatureHash;

/// A character of a feature word: letters, digits and apostrophes ("didn't" stays one word,
/// where [`crate::text::is_word_char`] would split it).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Whether the character starting at byte `i` of `text` is a word character, and its length:
/// an ASCII byte is told without decoding (most of a sentence). Inlined: it runs once a byte.
#[inline]
pub(super) fn char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric() || b == b'\'', 1);
    }
    text[i..]
        .chars()
        .next()
        .map_or((false, 1), |c| (word_char(c), c.len_utf8()))
}

/// Whether the character ending at byte `i` of `text` is a word character, and its length.
#[inline]
pub(super) fn char_before(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i - 1];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric() || b == b'\'', 1);
    }
    text[..i]
        .chars()
        .next_back()
        .map_or((false, 1), |c| (word_char(c), c.len_utf8()))
}

/// [`WORD_BYTES`]' classes: an ASCII byte of a word, another ASCII byte, a byte of a character
/// past ASCII (decoded to be told).
const OTHER: u8 = 0;
const ASCII_WORD: u8 = 1;
const NON_ASCII: u8 = 2;

/// Each byte's class, for the word splits: one load a byte where the text is ASCII.
static WORD_BYTES: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() || b as u8 == b'\'' {
            ASCII_WORD
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Where the run of characters that are (`word`) or are not word characters starting at byte
/// `at` of `text` ends.
#[inline]
fn run_end(text: &str, mut at: usize, word: bool) -> usize {
    let bytes = text.as_bytes();
    let same = if word { ASCII_WORD } else { OTHER };
    while let Some(&b) = bytes.get(at) {
        let class = WORD_BYTES[usize::from(b)];
        if class == same {
            at += 1;
            continue;
        }
        if class != NON_ASCII {
            break;
        }
        let (w, len) = char_at(text, at);
        if w != word {
            break;
        }
        at += len;
    }
    at
}

/// Where the run of characters that are (`word`) or are not word characters ending at byte
/// `at` of `text` starts.
#[inline]
fn run_start(text: &str, mut at: usize, word: bool) -> usize {
    let bytes = text.as_bytes();
    let same = if word { ASCII_WORD } else { OTHER };
    while at > 0 {
        let class = WORD_BYTES[usize::from(bytes[at - 1])];
        if class == same {
            at -= 1;
            continue;
        }
        if class != NON_ASCII {
            break;
        }
        let (w, len) = char_before(text, at);
        if w != word {
            break;
        }
        at -= len;
    }
    at
}

/// The words of `text`: its longest runs of word characters, read a byte at a time where the
/// text is ASCII.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = run_end(text, at, false);
        at = run_end(text, start, true);
        (at > start).then(|| &text[start..at])
    })
}

/// The words of `text` from its end backwards, read lazily (a figure looks at its nearest words
/// only, however long its sentence).
pub(super) fn words_rev(text: &str) -> impl Iterator<Item = &str> {
    let mut at = text.len();
    std::iter::from_fn(move || {
        let end = run_start(text, at, false);
        at = run_start(text, end, true);
        (at < end).then(|| &text[at..end])
    })
}

/// Words lower-cased on the stack up to this length before a look-up (longer ones are copied).
const STACK_WORD: usize = 32;

/// What a word says about its clause (negation, modal, boundary), if anything.
pub(super) fn clause_word(lex: &Lexicon, word: &str) -> Option<ClauseWord> {
    // An ASCII word (most) is told lower-case byte by byte, with no character decoded.
    let lower_case = if word.is_ascii() {
        !word.bytes().any(|b| b.is_ascii_uppercase())
    } else {
        !word.chars().any(char::is_uppercase)
    };
    if lower_case {
        return lex.clause_words.get(word).copied();
    }
    if word.is_ascii() && word.len() <= STACK_WORD {
        let mut buf = [0u8; STACK_WORD];
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).ok()?;
        return lex.clause_words.get(lower).copied();
    }
    lex.clause_words.get(&word.to_lowercase()).copied()
}

/// Punctuation that ends a clause: the definition [`first_break`] and [`last_break_end`] read
/// by bytes.
#[cfg(test)]
pub(super) fn clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '.' | '!' | '?' | '\n'
    )
}

/// The kinds of words of sum and of time, as features name them.
pub(super) const TIME_WORDS: [&str; 3] = ["total", "earlier", "latest"];

/// Which of [`TIME_WORDS`] a word told as `clause` is, if any.
pub(super) fn time_word(clause: Option<ClauseWord>) -> Option<usize> {
    match clause? {
        ClauseWord::Total => Some(0),
        ClauseWord::Earlier => Some(1),
        ClauseWord::Latest => Some(2),
        _ => None,
    }
}

/// Byte offset just after the last clause break of `s` (0 when there is none), by characters:
/// the definition of [`last_break_end`].
#[cfg(test)]
pub(super) fn after_last_break(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| clause_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// [`BREAK_BYTES`]' classes: an ASCII clause break, the lead byte of '—' and '–' (E2 80 94,
/// E2 80 93), their last byte.
const ASCII_BREAK: u8 = 1;
const DASH_LEAD: u8 = 2;
const DASH_LAST: u8 = 3;

/// Each byte's part in a clause break, if any ([`clause_break`]'s characters): the breaks are
/// found a byte at a time, with no character decoded.
static BREAK_BYTES: [u8; 256] = {
    let mut t = [0; 256];
    let ascii = b",;:()!?.\n";
    let mut i = 0;
    while i < ascii.len() {
        t[ascii[i] as usize] = ASCII_BREAK;
        i += 1;
    }
    t[0xE2] = DASH_LEAD;
    t[0x93] = DASH_LAST;
    t[0x94] = DASH_LAST;
    t
};

/// The byte offset of the first clause break of `s`, if any: `s.find(clause_break)`.
pub(super) fn first_break(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match BREAK_BYTES[usize::from(b[i])] {
            ASCII_BREAK => return Some(i),
            // In UTF-8, E2 80 93 and E2 80 94 are only ever the two dashes.
            DASH_LEAD
                if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) =>
            {
                return Some(i);
            }
            _ => i += 1,
        }
    }
    None
}

/// Byte offset just after the last clause break of `s` (0 when there is none):
/// [`after_last_break`] read backwards a byte at a time.
pub(super) fn last_break_end(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 {
        match BREAK_BYTES[usize::from(b[i - 1])] {
            ASCII_BREAK => return i,
            DASH_LAST if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x80 => return i,
            _ => i -= 1,
        }
    }
    0
}

/// Endings taken off a word, with the least length (in characters) the word needs for each.
const SUFFIXES: [(&str, usize); 4] = [("ing", 6), ("ed", 5), ("es", 5), ("s", 4)];

/// A word lower-cased and lightly stemmed (plural and past-tense endings off, so "drained",
/// "drains" and "drain" share their weight), as it is hashed: an ASCII word is a slice of the
/// text lower-cased as it is hashed (made only from an ASCII word); any other (rare) is
/// lower-cased into a copy.
pub(super) enum Stem<'a> {
    Ascii(&'a str),
    Other(String),
}

impl<'a> Stem<'a> {
    pub fn of(word: &'a str) -> Self {
        if word.is_ascii() {
            return Self::of_ascii(word);
        }
        // Not only capitals lower-case to something else (a title-case "ǅ" does too).
        let mut w = word.to_lowercase();
        let n = w.chars().count();
        for (suffix, min) in SUFFIXES {
            if n >= min && w.ends_with(suffix) && !w.ends_with("ss") {
                w.truncate(w.len() - suffix.len());
                break;
            }
        }
        Self::Other(w)
    }

    /// [`Stem::of`] an ASCII `word`: lower-casing ASCII keeps every byte in its place, so the
    /// endings are compared ignoring case and the stem is lower-cased as it is hashed.
    fn of_ascii(word: &'a str) -> Self {
        let b = word.as_bytes();
        let ends = |s: &str| {
            b.len() >= s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
        };
        for (suffix, min) in SUFFIXES {
            if b.len() >= min && ends(suffix) && !ends("ss") {
                return Self::Ascii(&word[..b.len() - suffix.len()]);
            }
        }
        Self::Ascii(word)
    }

    /// `h` followed by the stem's bytes.
    pub fn hash(&self, h: FeatureHash) -> FeatureHash {
        match self {
            Self::Ascii(s) => h.ascii_lower(s.as_bytes()),
            Self::Other(s) => h.str(s),
        }
    }
}

/// One word of a figure's sentence: where it starts in the text it was read from, its stem
/// and what it says about its clause.
pub(super) struct Word<'a> {
    pub start: usize,
    pub end: usize,
    pub stem: Stem<'a>,
    pub clause: Option<ClauseWord>,
}

impl<'a> Word<'a> {
    /// `word`, a slice of `text`. A word is looked up as a clause word only when the list has
    /// one of its first letter and length (an ASCII word's look-up is most of its cost).
    pub fn read(lex: &Lexicon, text: &str, word: &'a str) -> Self {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        // The word's bytes are tested for ASCII once, for its stem and its look-up alike.
        let (stem, clause) = if word.is_ascii() {
            let listed = lex.ascii_may_be_clause_word(word.as_bytes());
            (
                Stem::of_ascii(word),
                listed.then(|| clause_word(lex, word)).flatten(),
            )
        } else {
            (Stem::of(word), clause_word(lex, word))
        };
        Self {
            start,
            end: start + word.len(),
            stem,
            clause,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stemmed(word: &str) -> String {
        let mut lowered = Vec::new();
        match Stem::of(word) {
            Stem::Ascii(s) => lowered.extend(s.bytes().map(|b| b.to_ascii_lowercase())),
            Stem::Other(s) => lowered.extend(s.bytes()),
        }
        String::from_utf8(lowered).unwrap_or_default()
    }

    #[test]
    fn stems_share_inflections() {
        assert_eq!(stemmed("Drained"), "drain");
        assert_eq!(stemmed("drains"), "drain");
        assert_eq!(stemmed("DRAINING"), "drain");
        assert_eq!(stemmed("loss"), "loss");
        assert_eq!(stemmed("LOSSES"), "loss");
        assert_eq!(stemmed("was"), "was");
    }

    #[test]
    fn a_stem_read_in_place_is_the_stem_of_the_lower_cased_copy() {
        fn copied(word: &str) -> String {
            let w = word.to_lowercase();
            let n = w.chars().count();
            for (suffix, min) in SUFFIXES {
                if n >= min && w.ends_with(suffix) && !w.ends_with("ss") {
                    return w[..w.len() - suffix.len()].to_string();
                }
            }
            w
        }
        let text = "Hackers DRAINED the bridge's reserves, stealing 1,200 ETH; losses grew. \
                    Café owners İstanbul ÉTÉS naïve ﬁles Straße STRASSE was it’s hopes uses \
                    ΣΟΦΙΑΣ ΣΟΦΙΑΣes KSS Ss sS BUSES ǅemals ǅs";
        for word in words(text) {
            assert_eq!(stemmed(word), copied(word), "{word}");
            let hashed = Stem::of(word)
                .hash(FeatureHash::default().str("l="))
                .finish();
            assert_eq!(
                hashed,
                crate::learn::hash(&format!("l={}", copied(word))),
                "{word}"
            );
        }
    }

    #[test]
    fn a_word_read_is_its_stem_and_clause_word_read_apart() {
        let lex = Lexicon::builtin();
        let long = format!("{}ING", "A".repeat(STACK_WORD - 3));
        let longer = format!("{}s", "b".repeat(STACK_WORD));
        // Every clause word as listed, in capitals and in title case, and each with a letter
        // more or less (a shape the list has, or one it has not).
        let mut listed = String::new();
        for w in lex.clause_words.keys() {
            let mut title = w.clone();
            title[..1].make_ascii_uppercase();
            for v in [
                w.clone(),
                w.to_uppercase(),
                title,
                format!("{w}x"),
                w[1..].to_string(),
            ] {
                listed.push_str(&v);
                listed.push(' ');
            }
        }
        let text = format!(
            "NOT not Could HOWEVER however Total EARLIER latest Drained drains LOSSES loss was \
             it's didn't KSS Ss sS BUSES Café ΣΟΦΙΑΣes İstanbul ǅs 5 X2 {long} {longer} \
             bac\u{212A} NO\u{212A} \u{17F}ince {listed}"
        );
        let mut clause_words = 0;
        for word in words(&text) {
            let read = Word::read(lex, &text, word);
            let mut apart = Vec::new();
            let mut together = Vec::new();
            for (stem, out) in [(&read.stem, &mut together), (&Stem::of(word), &mut apart)] {
                match stem {
                    Stem::Ascii(s) => out.extend(s.bytes().map(|b| b.to_ascii_lowercase())),
                    Stem::Other(s) => out.extend(s.bytes()),
                }
            }
            assert_eq!(together, apart, "{word}");
            assert_eq!(read.clause, clause_word(lex, word), "{word}");
            assert_eq!(&text[read.start..read.end], word);
            clause_words += usize::from(read.clause.is_some());
        }
        assert!(clause_words >= 3 * lex.clause_words.len(), "{clause_words}");
    }

    #[test]
    fn clause_words_are_told_in_any_case() {
        let lex = Lexicon::builtin();
        assert_eq!(clause_word(lex, "NOT"), Some(ClauseWord::Negation));
        assert_eq!(clause_word(lex, "Could"), Some(ClauseWord::Modal));
        for (word, lower) in [("NOT", "not"), ("Could", "could"), ("However", "however")] {
            assert_eq!(clause_word(lex, word), clause_word(lex, lower), "{word}");
        }
        let long = "A".repeat(STACK_WORD + 5);
        assert_eq!(clause_word(lex, &long), None);
    }

    #[test]
    fn words_are_the_runs_a_split_on_other_characters_gives() {
        let split = |t: &str| -> Vec<String> {
            t.split(|c: char| !word_char(c))
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect()
        };
        for t in [
            "",
            " ",
            "$81 million was stolen, it’s said; didn't",
            "Café owners İstanbul naïve ﬁles Straße — ΣΟΦΙΑΣ 5€ «quoted» ٣٤ x²",
            "ends in é",
            "é starts",
            "a—b–c’d'e\u{a0}f\n\ng",
        ] {
            let forward: Vec<&str> = words(t).collect();
            let mut backward: Vec<&str> = words_rev(t).collect();
            backward.reverse();
            assert_eq!(forward, split(t), "{t:?}");
            assert_eq!(backward, split(t), "{t:?}");
        }
    }

    #[test]
    fn clause_breaks_read_by_bytes_are_those_read_by_characters() {
        for t in [
            "",
            "a",
            "so, 5 dlrs: it’s",
            "a—b–c‒d―e(f)g.h!i?j;k\nl",
            "—",
            "–x",
            "\u{2093}\u{2094}\u{e2}\u{80}é€ \u{1013} \u{3013}\u{3014} \u{10013}",
            "no break here at all ΣΟΦΙΑΣ",
        ] {
            assert_eq!(first_break(t), t.find(clause_break), "{t:?}");
            assert_eq!(last_break_end(t), after_last_break(t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// Any text of breaks, dashes and the characters whose bytes look like a dash's.
        #[test]
        fn any_text_breaks_where_its_characters_break(
            t in "[a-z ,;:()!?.\n—–‒―\u{2093}\u{2094}\u{e2}\u{80}\u{2013}\u{2014}\u{1013}\u{3013}\u{10013}€é]{0,30}"
        ) {
            proptest::prop_assert_eq!(first_break(&t), t.find(clause_break));
            proptest::prop_assert_eq!(last_break_end(&t), after_last_break(&t));
        }

        /// Any text, with letters, apostrophes, blanks and characters past ASCII run together.
        #[test]
        fn any_text_splits_as_a_split_on_other_characters_gives(
            t in "[a-zA-Z0-9' ,.’é—\u{a0}ΣΟ٣²ﬁ\u{212A}\n-]{0,40}"
        ) {
            let split: Vec<&str> = t.split(|c: char| !word_char(c)).filter(|w| !w.is_empty()).collect();
            let forward: Vec<&str> = words(&t).collect();
            let mut backward: Vec<&str> = words_rev(&t).collect();
            backward.reverse();
            proptest::prop_assert_eq!(&forward, &split);
            proptest::prop_assert_eq!(&backward, &split);
        }
    }

    #[test]
    fn words_read_forwards_and_backwards_alike() {
        let t = "so, 5 dlrs: it’s";
        assert_eq!(words(t).collect::<Vec<_>>(), ["so", "5", "dlrs", "it’s"]);
        assert_eq!(
            words_rev(t).collect::<Vec<_>>(),
            ["it’s", "dlrs", "5", "so"]
        );
    }
}

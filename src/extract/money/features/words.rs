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

/// The words of `text`: its longest runs of word characters, read byte by byte where the text
/// is ASCII.
pub(super) fn words(text: &str) -> impl Iterator<Item = &str> {
    let mut at = 0;
    std::iter::from_fn(move || {
        while at < text.len() {
            let (word, len) = char_at(text, at);
            if word {
                break;
            }
            at += len;
        }
        let start = at;
        while at < text.len() {
            let (word, len) = char_at(text, at);
            if !word {
                break;
            }
            at += len;
        }
        (at > start).then(|| &text[start..at])
    })
}

/// The words of `text` from its end backwards, read lazily (a figure looks at its nearest words
/// only, however long its sentence).
pub(super) fn words_rev(text: &str) -> impl Iterator<Item = &str> {
    let mut at = text.len();
    std::iter::from_fn(move || {
        while at > 0 {
            let (word, len) = char_before(text, at);
            if word {
                break;
            }
            at -= len;
        }
        let end = at;
        while at > 0 {
            let (word, len) = char_before(text, at);
            if !word {
                break;
            }
            at -= len;
        }
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

/// Punctuation that ends a clause.
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

/// Byte offset just after the last clause break of `s` (0 when there is none).
pub(super) fn after_last_break(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| clause_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// Endings taken off a word, with the least length (in characters) the word needs for each.
const SUFFIXES: [(&str, usize); 4] = [("ing", 6), ("ed", 5), ("es", 5), ("s", 4)];

/// A word lower-cased and lightly stemmed (plural and past-tense endings off, so "drained",
/// "drains" and "drain" share their weight), as it is hashed: an ASCII word is a slice of the
/// text lower-cased as it is hashed; any other (rare) is lower-cased into a copy.
pub(super) enum Stem<'a> {
    Ascii(&'a str),
    Other(String),
}

impl<'a> Stem<'a> {
    pub fn of(word: &'a str) -> Self {
        if word.is_ascii() {
            // Lower-casing ASCII keeps every byte in its place: the endings are compared
            // ignoring case and the stem is lower-cased as it is hashed.
            let b = word.as_bytes();
            let ends = |s: &str| {
                b.len() >= s.len() && b[b.len() - s.len()..].eq_ignore_ascii_case(s.as_bytes())
            };
            for (suffix, min) in SUFFIXES {
                if b.len() >= min && ends(suffix) && !ends("ss") {
                    return Self::Ascii(&word[..b.len() - suffix.len()]);
                }
            }
            return Self::Ascii(word);
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

    /// `h` followed by the stem's bytes.
    pub fn hash(&self, h: FeatureHash) -> FeatureHash {
        match self {
            Self::Ascii(s) => h.lower(s),
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
    /// `word`, a slice of `text`. An ASCII word (nearly all) is lower-cased once, on the stack,
    /// for its stem's ending and its clause-word look-up alike.
    pub fn read(lex: &Lexicon, text: &str, word: &'a str) -> Self {
        let start = word.as_ptr() as usize - text.as_ptr() as usize;
        let (stem, clause) = match Lowered::of(word) {
            Some(lower) => (
                Stem::Ascii(&word[..lower.stem_len()]),
                lower.clause_word(lex, word),
            ),
            None => (Stem::of(word), clause_word(lex, word)),
        };
        Self {
            start,
            end: start + word.len(),
            stem,
            clause,
        }
    }
}

/// An ASCII word of at most [`STACK_WORD`] bytes, lower-cased on the stack in one pass.
struct Lowered {
    buf: [u8; STACK_WORD],
    len: usize,
    /// The word had capitals.
    upper: bool,
}

impl Lowered {
    fn of(word: &str) -> Option<Self> {
        let bytes = word.as_bytes();
        if bytes.len() > STACK_WORD {
            return None;
        }
        let mut buf = [0u8; STACK_WORD];
        let mut upper = false;
        for (d, &b) in buf.iter_mut().zip(bytes) {
            if !b.is_ascii() {
                return None;
            }
            upper |= b.is_ascii_uppercase();
            *d = b.to_ascii_lowercase();
        }
        Some(Self {
            buf,
            len: bytes.len(),
            upper,
        })
    }

    fn bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }

    /// The length of the word's stem: [`Stem::of`]'s ending taken off.
    fn stem_len(&self) -> usize {
        let b = self.bytes();
        for (suffix, min) in SUFFIXES {
            if b.len() >= min && b.ends_with(suffix.as_bytes()) && !b.ends_with(b"ss") {
                return b.len() - suffix.len();
            }
        }
        b.len()
    }

    /// [`clause_word`] of `word`, the word lowered.
    fn clause_word(&self, lex: &Lexicon, word: &str) -> Option<ClauseWord> {
        if !self.upper {
            return lex.clause_words.get(word).copied();
        }
        let lower = std::str::from_utf8(self.bytes()).ok()?;
        lex.clause_words.get(lower).copied()
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
    fn a_word_read_lowered_once_is_its_stem_and_clause_word_read_apart() {
        let lex = Lexicon::builtin();
        let long = format!("{}ING", "A".repeat(STACK_WORD - 3));
        let longer = format!("{}s", "b".repeat(STACK_WORD));
        let text = format!(
            "NOT not Could HOWEVER however Total EARLIER latest Drained drains LOSSES loss was \
             it's didn't KSS Ss sS BUSES Café ΣΟΦΙΑΣes İstanbul ǅs 5 X2 {long} {longer}"
        );
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
        }
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
    fn words_read_forwards_and_backwards_alike() {
        let t = "so, 5 dlrs: it’s";
        assert_eq!(words(t).collect::<Vec<_>>(), ["so", "5", "dlrs", "it’s"]);
        assert_eq!(
            words_rev(t).collect::<Vec<_>>(),
            ["it’s", "dlrs", "5", "so"]
        );
    }
}

//! The text's word starts, found in one pass per text and shared by the word scans of the
//! entity rules that used to read every byte each on its own: the gazetteer's walk (from
//! every token) and the person patterns' opening words (from every word of ASCII letters).
//! Read on the fly rather than from the Document's tokens, whose shapes nothing here reads
//! and which cost more than the scans save (callgrind, README "At scale").

use super::letter_runs;
use crate::text::{is_ascii_word_byte, is_word_char};

/// One start: its byte, the end of the run of ASCII letters from it (the start itself when
/// it opens with no ASCII letter) and that run's [`letter_runs::key`], and whether a token of
/// [`crate::extract::document::tokenize`] starts there (else it is an ASCII letter right
/// after a non-ASCII word character, a word start only to `(?-u:\b)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Start {
    at: usize,
    run_end: usize,
    key: u64,
    token: bool,
}

/// A text's word starts, in order.
pub(super) struct WordStarts(Vec<Start>);

impl WordStarts {
    /// The starts of `text`: where a token starts (a word character after none, or a mark)
    /// and where an ASCII letter follows a non-ASCII word character.
    pub(super) fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        // About one token per five bytes of prose: one allocation, rarely a second.
        let mut out = Vec::with_capacity(bytes.len() / 5 + 1);
        let mut at = 0;
        let mut after_word = false;
        loop {
            // The rest of a word's ASCII letters and digits start nothing: skipped in a tight
            // loop.
            if after_word {
                while at < bytes.len() && is_ascii_word_byte(bytes[at]) {
                    at += 1;
                }
            }
            let Some(&b) = bytes.get(at) else { break };
            let i = at;
            // ASCII a byte at a time (most of any text); other characters decoded.
            let (word, space) = if b.is_ascii() {
                at += 1;
                (is_ascii_word_byte(b), matches!(b, b' ' | 0x09..=0x0d))
            } else {
                let c = text[i..].chars().next().unwrap_or(' ');
                at += c.len_utf8();
                (is_word_char(c), c.is_whitespace())
            };
            if !(space || word && after_word) {
                let (run_end, key) = if b.is_ascii_alphabetic() {
                    at = letter_runs::end(bytes, at);
                    (at, letter_runs::key(bytes, i, at))
                } else {
                    (i, 0)
                };
                out.push(Start {
                    at: i,
                    run_end,
                    key,
                    token: true,
                });
            }
            after_word = word;
            // "Zürich": `(?-u:\b)` sees a word start at "rich", inside the token.
            if word && !b.is_ascii() && bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
                let run_end = letter_runs::end(bytes, at);
                out.push(Start {
                    at,
                    run_end,
                    key: letter_runs::key(bytes, at, run_end),
                    token: false,
                });
                at = run_end;
            }
        }
        Self(out)
    }

    /// Where the tokens start, each with its run of ASCII letters' key (`None` for a token
    /// that opens with no ASCII letter).
    pub(super) fn tokens(&self) -> impl Iterator<Item = (usize, Option<u64>)> + '_ {
        self.0
            .iter()
            .filter(|s| s.token)
            .map(|s| (s.at, (s.run_end > s.at).then_some(s.key)))
    }

    /// Where the tokens start, each with the end of its run of ASCII letters (the start itself
    /// for a token that opens with no ASCII letter).
    pub(super) fn token_runs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.0.iter().filter(|s| s.token).map(|s| (s.at, s.run_end))
    }

    /// Where an ASCII letter follows no ASCII letter, digit or `_` (a word start to
    /// `(?-u:\b)`), each with the key of its run of ASCII letters.
    pub(super) fn ascii_words(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.0
            .iter()
            .filter(|s| s.run_end > s.at)
            .map(|s| (s.at, s.key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::document::tokenize;

    /// Token starts with their runs' keys, and word starts of ASCII letters with theirs.
    type Tokens = Vec<(usize, Option<u64>)>;
    type Words = Vec<(usize, u64)>;

    /// The starts as the tokenizer and a byte scan define them.
    fn expected(text: &str) -> (Tokens, Words) {
        let b = text.as_bytes();
        let tokens = tokenize(text)
            .iter()
            .map(|t| {
                let s = t.span.start();
                let key = b[s]
                    .is_ascii_alphabetic()
                    .then(|| letter_runs::key(b, s, letter_runs::end(b, s)));
                (s, key)
            })
            .collect();
        let words = (0..b.len())
            .filter(|&p| b[p].is_ascii_alphabetic() && (p == 0 || !is_ascii_word_byte(b[p - 1])))
            .map(|p| (p, letter_runs::key(b, p, letter_runs::end(b, p))))
            .collect();
        (tokens, words)
    }

    fn agree(text: &str) {
        let starts = WordStarts::of(text);
        let (tokens, words) = expected(text);
        assert_eq!(starts.tokens().collect::<Vec<_>>(), tokens, "{text:?}");
        let b = text.as_bytes();
        let runs: Vec<(usize, usize)> = tokens
            .iter()
            .map(|&(s, _)| (s, letter_runs::end(b, s)))
            .collect();
        assert_eq!(starts.token_runs().collect::<Vec<_>>(), runs, "{text:?}");
        assert_eq!(starts.ascii_words().collect::<Vec<_>>(), words, "{text:?}");
    }

    #[test]
    fn starts_are_where_the_tokenizer_and_the_ascii_boundary_put_them() {
        for text in [
            "",
            " ",
            "The FBI said €81m was stolen.",
            "  Bangladesh’s bank lost $81 million – “a heist” (2016)…\n\tnext_word __x 4th",
            "Côte d'Ivoire; São\nPaulo—Zürich x2y 名字 名 字 ٣٤ a-b a_b",
            "éanalyst Zürich aébéc ü é2a _a 2a a٣b",
        ] {
            agree(text);
        }
    }

    proptest::proptest! {
        #[test]
        fn starts_agree_with_their_definitions_on_any_text(
            text in "[a-zA-Z0-9_ \t\n.,'’éü名٣€\u{a0}-]{0,30}"
        ) {
            agree(&text);
        }
    }
}

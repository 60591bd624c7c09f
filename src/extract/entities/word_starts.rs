//! The text's word starts, found in one pass per text and shared by the word scans of the
//! entity rules that used to read every byte each on its own: the gazetteer's walk (from
//! every token), the person patterns' opening words (from every word of ASCII letters), the
//! folded names (from every token, with its run of letters) and the proposals' share-bar lines
//! (from every token, by its run's key).
//! Read on the fly rather than from the Document's tokens, whose shapes nothing here reads
//! and which cost more than the scans save (callgrind, README "At scale").

use super::letter_runs;
use crate::text::{is_ascii_word_byte, is_word_char};
use std::num::NonZeroU64;

/// One start: its byte, its run of ASCII letters' [`letter_runs::key`] (`None` when it opens
/// with no ASCII letter; a key is never zero, its top byte holding the run's length), and
/// whether a token of [`crate::extract::document::tokenize`] starts there (else it is an ASCII
/// letter right after a non-ASCII word character, a word start only to `(?-u:\b)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Start {
    at: usize,
    key: Option<NonZeroU64>,
    token: bool,
}

/// A text's word starts, in order.
pub(super) struct WordStarts(Vec<Start>);

impl WordStarts {
    /// The starts of `text`: where a token starts (a word character after none, or a mark)
    /// and where an ASCII letter follows a non-ASCII word character. Each byte is read once:
    /// a token's first byte picks what it is, and the rest of a word is skipped in a tight
    /// loop that stops only for a character beyond ASCII.
    pub(super) fn of(text: &str) -> Self {
        let bytes = text.as_bytes();
        // About one token per five bytes of prose (4.8 in generated articles): room for one
        // in four, so one allocation (one in five grew 1,057 times in 1,500 articles).
        let mut out = Vec::with_capacity(bytes.len() / 4 + 1);
        let mut at = 0;
        while let Some(&b) = bytes.get(at) {
            if b.is_ascii() {
                if crate::text::is_ascii_space(b) {
                    at += 1;
                } else if b.is_ascii_alphabetic() {
                    let (run_end, key) = letter_runs::run(bytes, at);
                    out.push(Start {
                        at,
                        key: NonZeroU64::new(key),
                        token: true,
                    });
                    at = word_end(text, run_end, &mut out);
                } else if is_ascii_word_byte(b) {
                    out.push(unkeyed(at));
                    at = word_end(text, at + 1, &mut out);
                } else {
                    out.push(unkeyed(at));
                    at += 1;
                }
            } else {
                let c = text[at..].chars().next().unwrap_or(' ');
                let next = at + c.len_utf8();
                if c.is_whitespace() {
                    at = next;
                } else if is_word_char(c) {
                    out.push(unkeyed(at));
                    let after = letters_after_high(bytes, next, &mut out);
                    at = word_end(text, after, &mut out);
                } else {
                    out.push(unkeyed(at));
                    at = next;
                }
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
            .map(|s| (s.at, s.key.map(NonZeroU64::get)))
    }

    /// Where the tokens start, each with the end of its run of ASCII letters (the start itself
    /// for a token that opens with no ASCII letter).
    ///
    /// The run's length is read from its key, which holds it up to 254 letters; only a longer
    /// run is read again from `text`.
    pub(super) fn token_runs<'t>(
        &'t self,
        text: &'t str,
    ) -> impl Iterator<Item = (usize, usize)> + 't {
        self.0.iter().filter(|s| s.token).map(|s| {
            let end = match s.key.and_then(|k| letter_runs::len(k.get())) {
                Some(len) => s.at + len,
                None if s.key.is_some() => letter_runs::end(text.as_bytes(), s.at),
                None => s.at,
            };
            (s.at, end)
        })
    }

    /// Where an ASCII letter follows no ASCII letter, digit or `_` (a word start to
    /// `(?-u:\b)`), each with the key of its run of ASCII letters.
    pub(super) fn ascii_words(&self) -> impl Iterator<Item = (usize, u64)> + '_ {
        self.0.iter().filter_map(|s| Some((s.at, s.key?.get())))
    }
}

/// A token's start with no run of ASCII letters (a mark, a digit, a letter beyond ASCII).
fn unkeyed(at: usize) -> Start {
    Start {
        at,
        key: None,
        token: true,
    }
}

/// The end of the token whose word characters go on at `at`: ASCII word bytes skipped in a
/// tight loop, non-ASCII word characters decoded, and each run of ASCII letters right after
/// one of them ("Zürich": "rich") pushed as a start of its own.
fn word_end(text: &str, mut at: usize, out: &mut Vec<Start>) -> usize {
    let bytes = text.as_bytes();
    loop {
        while bytes.get(at).is_some_and(|&b| is_ascii_word_byte(b)) {
            at += 1;
        }
        if bytes.get(at).is_none_or(u8::is_ascii) {
            return at;
        }
        let c = text[at..].chars().next().unwrap_or(' ');
        if !is_word_char(c) {
            return at;
        }
        at = letters_after_high(bytes, at + c.len_utf8(), out);
    }
}

/// After a non-ASCII word character ending at `at`, the run of ASCII letters there, if any,
/// pushed as a `(?-u:\b)` word start; where the reading goes on.
fn letters_after_high(bytes: &[u8], at: usize, out: &mut Vec<Start>) -> usize {
    if !bytes.get(at).is_some_and(u8::is_ascii_alphabetic) {
        return at;
    }
    let (run_end, key) = letter_runs::run(bytes, at);
    out.push(Start {
        at,
        key: NonZeroU64::new(key),
        token: false,
    });
    run_end
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
        assert_eq!(
            starts.token_runs(text).collect::<Vec<_>>(),
            runs,
            "{text:?}"
        );
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

    #[test]
    fn runs_longer_than_a_key_holds_end_where_their_letters_do() {
        for len in [7, 8, 9, 254, 255, 256, 600] {
            let run = "a".repeat(len);
            agree(&format!("{run} Zürich{run}. x{run}_ {run}"));
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

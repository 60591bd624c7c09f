//! The text layer every stage shares: sentences and paragraphs (one splitter, so a citation
//! quotes the sentence that decided a figure's kind), and conversions between the character
//! offsets Dossier stores and the byte offsets Rust slices use.

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

/// The entries of a list or table file of `assets/`, with their line numbers (from 1): lines
/// trimmed, blank lines and `#` comments (each file's header) left out. The one reader of
/// Dossier's word lists, tables and model files.
///
/// The lines are cut at `\n` by a byte loop and trimmed only when an end is not a printable
/// ASCII byte: `str::lines` with `str::trim` (the same entries, see the test) searched and
/// decoded each of the lists' hundred thousand short lines at several times the cost.
pub fn numbered_entries(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let line = match rest.bytes().position(|b| b == b'\n') {
            Some(end) => {
                let line = &rest[..end];
                rest = &rest[end + 1..];
                line
            }
            None => std::mem::take(&mut rest),
        };
        Some(line)
    })
    .enumerate()
    .map(|(i, l)| (i + 1, trimmed(l)))
    .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// `line.trim()`, skipped when both ends are printable ASCII (never white space).
fn trimmed(line: &str) -> &str {
    match (line.as_bytes().first(), line.as_bytes().last()) {
        (Some(a), Some(z)) if a.is_ascii_graphic() && z.is_ascii_graphic() => line,
        _ => line.trim(),
    }
}

/// [`numbered_entries`] without the line numbers.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    numbered_entries(text).map(|(_, l)| l)
}

/// A character of a word for whole-word matching (letters, digits, `_`): the one convention of
/// the cue, gazetteer and candidate readers.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// A byte of a word as `(?-u:\b)` reads words (ASCII letters, digits, `_`; a byte beyond
/// ASCII is none): the byte readers that stand in for such a pattern. One load a byte, as the
/// word-start scan reads every byte of every text with it.
#[inline]
pub fn is_ascii_word_byte(b: u8) -> bool {
    ASCII_WORD_BYTES[usize::from(b)]
}

/// [`is_ascii_word_byte`] of every byte.
static ASCII_WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'_';
        b += 1;
    }
    t
};

/// Whether `(?-u:\b)` matches at byte `at` of `bytes`: an [`is_ascii_word_byte`] on one side
/// and none (or the text's end) on the other. The one word boundary of the byte readers that
/// stand in for such a pattern.
#[inline]
pub fn is_ascii_boundary(bytes: &[u8], at: usize) -> bool {
    let before = at
        .checked_sub(1)
        .and_then(|k| bytes.get(k))
        .is_some_and(|&c| is_ascii_word_byte(c));
    let after = bytes.get(at).is_some_and(|&c| is_ascii_word_byte(c));
    before != after
}

/// An ASCII byte `char::is_whitespace` holds for, the ASCII part of `\s` (tab to carriage
/// return, the vertical tab too, which `u8::is_ascii_whitespace` leaves out, and the space):
/// the byte readers that stand in for `\s` or `split_whitespace`.
#[inline]
pub const fn is_ascii_space(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ')
}

/// The end of the run of white space (`\s*`, Unicode's, as `char::is_whitespace` tells it)
/// from byte `at` (`at` itself for none): ASCII is read a byte at a time, only a byte beyond
/// it decoded. The one reader of `\s+` forward for the hand matchers.
#[inline]
pub fn white_space_end(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut j = at;
    while let Some(&c) = b.get(j) {
        if c.is_ascii() {
            if !is_ascii_space(c) {
                break;
            }
            j += 1;
        } else {
            match text.get(j..).and_then(|r| r.chars().next()) {
                Some(ch) if ch.is_whitespace() => j += ch.len_utf8(),
                _ => break,
            }
        }
    }
    j
}

/// The start of the line holding byte `at` (just after the line break before it): found by
/// `memchr`'s vector search, which the cues read around every proposed name.
pub fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |i| i + 1)
}

/// The end of the line holding byte `at` (its line break, or the text's end).
pub fn line_end(text: &str, at: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[at..]).map_or(text.len(), |i| at + i)
}

/// `s`'s words joined by single spaces, with no list of them built: the one way names, quotes and
/// table cells lose line breaks and runs of blanks.
pub fn single_spaced(s: &str) -> String {
    // Most names are single-spaced already: copied whole, with no char decoded.
    if single_spaced_already(s.as_bytes()) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Whether `s` holds no white space but single spaces between other chars, read by bytes: the
/// ASCII white space is `\t`..=`\r` and the space, and every other white-space char opens
/// with the byte 0xC2, 0xE1, 0xE2 or 0xE3 (U+0085, U+00A0, U+1680, U+2000..U+205F, U+3000),
/// so such a byte sends the text the slow way.
pub fn single_spaced_already(s: &[u8]) -> bool {
    let mut after_space = true;
    for &b in s {
        match b {
            b' ' if after_space => return false,
            b' ' => after_space = true,
            b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3 => return false,
            _ => after_space = false,
        }
    }
    !after_space || s.is_empty()
}

/// Every match of a hand matcher, each search starting where the last match ended (as a regex's
/// `find_iter` goes): `find_at(at)` finds the next match from byte `at`, `end` says where it ends.
pub fn successive<T>(
    mut find_at: impl FnMut(usize) -> Option<T>,
    end: impl Fn(&T) -> usize,
) -> impl Iterator<Item = T> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let found = find_at(at)?;
        at = end(&found);
        Some(found)
    })
}

/// Lower-case abbreviations after which a full stop does not end a sentence
/// (`assets/lexicon/abbreviations.txt`). Looked up at every full stop: a cheap hash.
static ABBREVIATIONS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| entries(include_str!("../assets/lexicon/abbreviations.txt")).collect());

/// Whether a full stop after `word` leaves the sentence open: an abbreviation or an initial.
/// An ASCII word is lower-cased on the stack (this runs at every full stop of every text).
fn abbreviation(word: &str) -> bool {
    let mut buf = [0u8; 32];
    if word.is_ascii() && word.len() <= buf.len() {
        let lower = &mut buf[..word.len()];
        lower.copy_from_slice(word.as_bytes());
        lower.make_ascii_lowercase();
        let lower = std::str::from_utf8(lower).unwrap_or(word);
        return ABBREVIATIONS.contains(lower)
            || lower.len() == 1 && word.as_bytes()[0].is_ascii_alphabetic();
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(lower.as_str())
        || (lower.chars().count() == 1 && lower.chars().all(char::is_alphabetic))
}

/// The bytes that may end a sentence: a newline, `.`, `!`, `?`, and the first byte of `…`
/// (a lead byte, so it starts a character). The definition of what [`MayEnd`] finds.
#[cfg(test)]
static MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    t[b'\n' as usize] = true;
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[0xE2] = true;
    t
};

/// The bytes that may end a sentence (`\n . ! ?` and the lead byte of `…`), found by `memchr`
/// rather than a byte loop: the three common ones by one search, `?` and the lead byte by
/// another. Each search's last find is kept until the scan passes it, so no byte is searched
/// twice.
struct MayEnd<'t> {
    bytes: &'t [u8],
    /// The next `\n . !` at or after the last position asked for (`bytes.len()` for none).
    common: usize,
    /// The next `?` or lead byte of `…` likewise.
    rare: usize,
}

impl<'t> MayEnd<'t> {
    fn new(bytes: &'t [u8]) -> Self {
        Self {
            bytes,
            common: Self::common_from(bytes, 0),
            rare: Self::rare_from(bytes, 0),
        }
    }

    fn common_from(bytes: &[u8], at: usize) -> usize {
        memchr::memchr3(b'\n', b'.', b'!', &bytes[at..]).map_or(bytes.len(), |k| at + k)
    }

    fn rare_from(bytes: &[u8], at: usize) -> usize {
        memchr::memchr2(b'?', 0xE2, &bytes[at..]).map_or(bytes.len(), |k| at + k)
    }

    /// The first byte at or after `at` that may end a sentence; `at` never goes back.
    fn next_from(&mut self, at: usize) -> Option<usize> {
        if self.common < at {
            self.common = Self::common_from(self.bytes, at);
        }
        if self.rare < at {
            self.rare = Self::rare_from(self.bytes, at);
        }
        let i = self.common.min(self.rare);
        (i < self.bytes.len()).then_some(i)
    }
}

/// Sentence spans (byte offsets): a newline always ends one; `.`, `!`, `?` or `…` end one when
/// a capital, digit, quote or currency sign follows after a space, unless an abbreviation or an
/// initial precedes. Only the characters that may end one are decoded: the bytes between are
/// skipped by `memchr` ([`MayEnd`]).
pub fn sentences(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut ends = MayEnd::new(bytes);
    let mut at = 0;
    while let Some(i) = ends.next_from(at) {
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        at = i + c.len_utf8();
        let end_here = match c {
            '\n' => true,
            '.' | '!' | '?' | '…' => {
                let after = &text[i + c.len_utf8()..];
                let trimmed = after.trim_start_matches(['"', '”', '’', '\'', ')']);
                let ws = trimmed.len() < after.len() || after.starts_with([' ', '\t', '\n']);
                let rest = trimmed.trim_start_matches([' ', '\t']);
                let spaced = rest.len() < trimmed.len() || ws;
                let next_ok = rest.is_empty()
                    || rest.starts_with('\n')
                    || rest.chars().next().is_some_and(|n| {
                        n.is_uppercase()
                            || n.is_ascii_digit()
                            || matches!(n, '"' | '“' | '‘' | '\'' | '$' | '€' | '£' | '(' | '-')
                    });
                spaced
                    && next_ok
                    && !(c == '.'
                        && abbreviation(
                            text[start..i]
                                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                                .next()
                                .unwrap_or(""),
                        ))
            }
            _ => false,
        };
        if end_here {
            let end = i + c.len_utf8();
            if !text[start..end].trim().is_empty() {
                out.push((start, end));
            }
            start = end;
            while start < bytes.len() && matches!(bytes[start], b' ' | b'\t') {
                start += 1;
            }
            // The blanks skipped end no sentence.
            at = start;
        }
    }
    if start < text.len() && !text[start..].trim().is_empty() {
        out.push((start, text.len()));
    }
    out
}

/// Paragraph number of each sentence: a blank line (two newlines, counting the one that may
/// end the previous sentence) starts a new paragraph.
pub fn paragraphs(text: &str, sents: &[(usize, usize)]) -> Vec<usize> {
    let mut para = 0;
    let mut out = Vec::with_capacity(sents.len());
    for (k, &(s, _)) in sents.iter().enumerate() {
        if k > 0 {
            let prev_end = sents[k - 1].1;
            let newlines = text[prev_end..s].matches('\n').count()
                + usize::from(text[..prev_end].ends_with('\n'));
            if newlines >= 2 {
                para += 1;
            }
        }
        out.push(para);
    }
    out
}

/// Byte bounds of the sentence holding `start..end` (byte offsets): the sentence of `start`,
/// extended to the one holding `end` when the span crosses a boundary; without the trailing
/// line break or spaces.
pub fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let sents = sentences(text);
    let first = sents.partition_point(|s| s.1 <= start);
    let last = sents.partition_point(|s| s.1 < end.max(start + 1));
    let s = sents.get(first).map_or(start, |s| s.0.min(start));
    let e = sents
        .get(last.min(sents.len().saturating_sub(1)))
        .map_or(end, |s| s.1.max(end));
    let e = s + text[s..e].trim_end().len();
    (s, e.max(end.min(text.len())))
}

/// Byte offset of every character boundary of `text`, plus `text.len()` at the end, so that
/// `table[char_index]` is the byte offset of that character.
pub fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    table.push(text.len());
    table
}

/// Character offset of byte offset `byte` (which must be a char boundary, or `text.len()`).
pub fn byte_to_char(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// Maps byte offsets of one text to char offsets in increasing order without rescanning.
pub struct ByteToChar<'a> {
    text: &'a str,
    last_byte: usize,
    last_char: usize,
}

impl<'a> ByteToChar<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            last_byte: 0,
            last_char: 0,
        }
    }

    /// Char offset of `byte`; cheapest when called with non-decreasing offsets.
    pub fn get(&mut self, byte: usize) -> usize {
        let byte = byte.min(self.text.len());
        if byte < self.last_byte {
            self.last_byte = 0;
            self.last_char = 0;
        }
        self.last_char += self.text[self.last_byte..byte].chars().count();
        self.last_byte = byte;
        self.last_char
    }
}

/// The substring between two char offsets (clamped to the text).
pub fn slice_chars(text: &str, start: usize, end: usize) -> &str {
    let mut it = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()));
    let s = it.clone().nth(start).unwrap_or(text.len());
    let e = if end <= start {
        s
    } else {
        it.nth(end).unwrap_or(text.len())
    };
    &text[s..e.max(s)]
}

#[cfg(test)]
mod tests {

    #[test]
    fn entries_are_the_trimmed_lines() {
        let by_lines = |t: &str| -> Vec<(usize, String)> {
            t.lines()
                .enumerate()
                .map(|(i, l)| (i + 1, l.trim().to_string()))
                .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
                .collect()
        };
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "\n\n  x \n# c\n\ty\t\nz\r",
            " \u{a0}Zoë\u{2003}\n\u{b}v\u{b}\nlast\r",
            "one\r\r\ntwo\n\u{85}three\u{85}",
        ] {
            let ours: Vec<(usize, String)> = numbered_entries(t)
                .map(|(i, l)| (i, l.to_string()))
                .collect();
            assert_eq!(ours, by_lines(t), "{t:?}");
        }
    }
    use super::*;

    /// [`single_spaced`] without its shortcut: the definition.
    fn joined_words(s: &str) -> String {
        s.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn single_spaced_is_the_words_joined_by_single_spaces() {
        for s in [
            "",
            " ",
            "Ana",
            "Ana Ruiz",
            " Ana Ruiz",
            "Ana Ruiz ",
            "Ana  Ruiz",
            "Ana\tRuiz",
            "Ana\nRuiz",
            "Ana\u{b}Ruiz",
            "Ana\u{a0}Ruiz",
            "Ana\u{2003}Ruiz",
            "Ana\u{3000}Ruiz",
            "Ana\u{85}Ruiz",
            "José Núñez",
            "Zoë \u{2019}s x",
            "Ana\u{1c}Ruiz",
        ] {
            assert_eq!(single_spaced(s), joined_words(s), "{s:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn single_spaced_is_the_words_joined_by_single_spaces_in_any_text(
            s in "[a-zA-Z .é名\u{a0}\u{85}\u{2003}\u{2028}\u{3000}\u{1680}\u{202f}\u{205f}\t\n\r\u{b}\u{c}\u{1c}]{0,12}"
        ) {
            proptest::prop_assert_eq!(single_spaced(&s), joined_words(&s));
        }
    }

    proptest::proptest! {
        #[test]
        fn line_bounds_are_the_line_breaks_around_a_byte(s in "[a-z\n é名]{0,16}", at in 0usize..40) {
            let at = at.min(s.len());
            proptest::prop_assume!(s.is_char_boundary(at));
            proptest::prop_assert_eq!(line_start(&s, at), s[..at].rfind('\n').map_or(0, |i| i + 1));
            proptest::prop_assert_eq!(line_end(&s, at), s[at..].find('\n').map_or(s.len(), |i| at + i));
        }
    }

    /// The splitter as it was, reading every character: the definition.
    fn sentences_char_by_char(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut start = 0;
        let bytes = text.as_bytes();
        let mut iter = text.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let end_here = match c {
                '\n' => true,
                '.' | '!' | '?' | '…' => {
                    let after = &text[i + c.len_utf8()..];
                    let trimmed = after.trim_start_matches(['"', '”', '’', '\'', ')']);
                    let ws = trimmed.len() < after.len() || after.starts_with([' ', '\t', '\n']);
                    let rest = trimmed.trim_start_matches([' ', '\t']);
                    let spaced = rest.len() < trimmed.len() || ws;
                    let next_ok = rest.is_empty()
                        || rest.starts_with('\n')
                        || rest.chars().next().is_some_and(|n| {
                            n.is_uppercase()
                                || n.is_ascii_digit()
                                || matches!(n, '"' | '“' | '‘' | '\'' | '$' | '€' | '£' | '(' | '-')
                        });
                    spaced
                        && next_ok
                        && !(c == '.'
                            && abbreviation(
                                text[start..i]
                                    .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                                    .next()
                                    .unwrap_or(""),
                            ))
                }
                _ => false,
            };
            if end_here {
                let end = i + c.len_utf8();
                if !text[start..end].trim().is_empty() {
                    out.push((start, end));
                }
                start = end;
                while start < bytes.len() && matches!(bytes[start], b' ' | b'\t') {
                    start += 1;
                }
                while let Some(&(j, _)) = iter.peek() {
                    if j < start {
                        iter.next();
                    } else {
                        break;
                    }
                }
            }
        }
        if start < text.len() && !text[start..].trim().is_empty() {
            out.push((start, text.len()));
        }
        out
    }

    #[test]
    fn skipping_to_the_bytes_that_may_end_a_sentence_splits_as_reading_every_character() {
        let mut texts: Vec<String> = (0..300)
            .map(|i| crate::synthetic::article(7, i).text)
            .collect();
        texts.extend(
            [
                "Hi. There! Yes? No… “Quoted.” Said Dr. Ruiz. (J. K. Rowling.) $5. 3. -x",
                "é… Ωmega. 日本。 a.\tB\n\n  c .  D.\u{a0}E ?\n…",
                ". . .\n\n\t \n",
                "",
                "a",
                "end.",
                "’Tis. ‘x’. \u{2028}x. Ü.",
                "U.S. Treasury. The S.E.C. said. e.g. Foo. Mr.Bar.",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(sentences(t), sentences_char_by_char(t), "{t:?}");
        }
    }

    /// Every position [`MayEnd`] gives, asked from each byte on, is the next byte [`MAY_END`]
    /// marks.
    fn may_end_finds_what_the_table_marks(t: &str) {
        let bytes = t.as_bytes();
        let marked = |at: usize| (at..bytes.len()).find(|&i| MAY_END[usize::from(bytes[i])]);
        // Asked at every byte in order, and asked in the jumps the splitter makes.
        let mut ends = MayEnd::new(bytes);
        for at in 0..=bytes.len() {
            assert_eq!(ends.next_from(at), marked(at), "{t:?} at {at}");
        }
        let mut ends = MayEnd::new(bytes);
        let mut at = 0;
        while let Some(i) = ends.next_from(at) {
            assert_eq!(Some(i), marked(at), "{t:?} at {at}");
            at = (i + 1 + i % 3).min(bytes.len());
        }
    }

    #[test]
    fn the_bytes_that_may_end_a_sentence_are_found_as_the_table_marks_them() {
        let mut texts: Vec<String> = (0..100)
            .map(|i| crate::synthetic::article(11, i).text)
            .collect();
        texts.extend(
            [
                "",
                ".",
                "?",
                "…",
                "a?b.c!d\ne…f",
                "é… Ωmega. 日本。 a.\tB\n\n  c ?",
            ]
            .map(String::from),
        );
        // Past the searches' 32-byte blocks: each byte at every offset of a long stretch.
        for c in ["\n", ".", "!", "?", "…", "é", "’"] {
            for at in 0..70 {
                let mut t = "x".repeat(70);
                t.insert_str(at, c);
                texts.push(t);
            }
        }
        for t in &texts {
            may_end_finds_what_the_table_marks(t);
        }
    }

    proptest::proptest! {
        #[test]
        fn skipping_by_memchr_splits_any_text_as_reading_every_character(
            s in "[a-zA-Z0-9 .!?…\"“”’'()$€£é日Ü\t\n\u{a0}\u{2028}-]{0,80}"
        ) {
            may_end_finds_what_the_table_marks(&s);
            proptest::prop_assert_eq!(sentences(&s), sentences_char_by_char(&s));
        }
    }

    #[test]
    fn an_ascii_word_byte_is_a_byte_the_ascii_word_class_matches() {
        let class = regex::bytes::Regex::new(r"^(?-u:\w)$").unwrap();
        for b in 0..=u8::MAX {
            assert_eq!(is_ascii_word_byte(b), class.is_match(&[b]), "{b:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_ascii_boundary_is_where_the_pattern_finds_one(
            s in "[aZ09_ .,\t\n-é名\u{a0}\u{212a}ſ]{0,12}"
        ) {
            let pattern = regex::bytes::Regex::new(r"(?-u:\b)").unwrap();
            let b = s.as_bytes();
            let found: Vec<usize> = pattern.find_iter(b).map(|m| m.start()).collect();
            let ours: Vec<usize> = (0..=b.len()).filter(|&at| is_ascii_boundary(b, at)).collect();
            proptest::prop_assert_eq!(ours, found);
            proptest::prop_assert!(!is_ascii_boundary(b, b.len() + 1));
        }
    }

    #[test]
    fn an_ascii_space_is_an_ascii_char_is_whitespace_holds_for() {
        for b in 0..0x80u8 {
            assert_eq!(is_ascii_space(b), char::from(b).is_whitespace(), "{b:#x}");
        }
    }

    proptest::proptest! {
        #[test]
        fn white_space_ends_where_the_white_space_run_ends(
            s in "[a \t\n\r\u{b}\u{c}\u{1c}é\u{85}\u{a0}\u{2003}\u{2028}\u{3000}]{0,12}",
            at in 0usize..40,
        ) {
            let at = at.min(s.len());
            proptest::prop_assume!(s.is_char_boundary(at));
            let run: usize = s[at..]
                .chars()
                .take_while(|c| c.is_whitespace())
                .map(char::len_utf8)
                .sum();
            proptest::prop_assert_eq!(white_space_end(&s, at), at + run);
        }
    }

    #[test]
    fn initials_and_abbreviations_keep_the_sentence_open_in_any_script() {
        let t = "Dr. Smith met J. Doe and É. Zola. Then they left.";
        let parts: Vec<&str> = sentences(t).iter().map(|&(a, b)| t[a..b].trim()).collect();
        assert_eq!(
            parts,
            ["Dr. Smith met J. Doe and É. Zola.", "Then they left."]
        );
    }

    #[test]
    fn char_offsets_survive_multibyte_text() {
        let t = "€72 – Bangladesh’s bank";
        let b = t.find("Bangladesh").unwrap();
        let c = byte_to_char(t, b);
        assert_eq!(c, 6);
        assert_eq!(slice_chars(t, c, c + 10), "Bangladesh");
        assert_eq!(char_to_byte_table(t)[c], b);
        let mut m = ByteToChar::new(t);
        assert_eq!(m.get(b), c);
        assert_eq!(m.get(t.len()), t.chars().count());
    }
}

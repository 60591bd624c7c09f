//! A web page's share bar copied along with its story ("Share Send Permalink"): a line on
//! which three words are its buttons, whose capitals name no one.

use std::sync::LazyLock;

use crate::extract::entities::letter_runs::{self, RunSet};
use crate::extract::entities::word_starts::WordStarts;

/// Share-bar words ("Share", "Permalink", "Whatsapp"), lower case.
static PAGE_CHROME: LazyLock<crate::extract::entities::words::WordSet> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/entity-words/page-chrome.txt"
    ))
    .collect()
});

/// The share-bar words' lengths by first letter: bit `n` of entry `b` is set when a word of
/// `n` bytes starting with the ASCII letter `b` is in the list (`n` capped at 63). A word the
/// table rules out is not lower-cased or hashed; most of a paragraph's words are.
static PAGE_CHROME_SHAPES: LazyLock<[u64; 128]> = LazyLock::new(|| {
    let mut t = [0u64; 128];
    for w in PAGE_CHROME.iter() {
        match w.bytes().next() {
            Some(b) if b.is_ascii() => t[usize::from(b)] |= 1 << w.len().min(63),
            // A word of another script: every word may be it.
            _ => t = [u64::MAX; 128],
        }
    }
    t
});

/// The share-bar words keyed by their leading runs of ASCII letters, when that can stand in
/// for the line test: every word lower-case ASCII with no blank and opening with a letter, so
/// that a word of the text lowers to one of them exactly when it matches it in any ASCII case
/// between blanks (no other character lowers to ASCII but the Kelvin sign, which
/// [`page_chrome_lines`] looks for), and such a word opens a token whose run's folded key the
/// set holds.
struct ChromeKeys {
    /// The runs' lengths by first letter: bit `n` (at most 63) of entry `b` is set when a
    /// word's run is `n` letters long and opens with `b` (lower case). Most tokens fail this
    /// test of a few instructions before their key is hashed.
    shapes: [u64; 256],
    /// The words' runs' folded keys ([`letter_runs::folded`]).
    keys: RunSet,
    words: Vec<&'static str>,
}

impl ChromeKeys {
    /// Whether a token whose run has this key may open a list word.
    fn may_open(&self, key: u64) -> bool {
        let first = usize::from(key as u8 | 0x20);
        let len = (key >> 56).min(63);
        self.shapes[first] >> len & 1 == 1 && self.keys.may_hold(letter_runs::folded(key))
    }
}

static PAGE_CHROME_KEYS: LazyLock<Option<ChromeKeys>> = LazyLock::new(|| {
    let words: Vec<&'static str> = PAGE_CHROME.iter().copied().collect();
    let plain = |w: &&str| {
        w.starts_with(|c: char| c.is_ascii_alphabetic())
            && w.chars()
                .all(|c| c.is_ascii() && !c.is_ascii_uppercase() && !c.is_whitespace())
    };
    if !words.iter().all(plain) {
        return None;
    }
    let mut shapes = [0u64; 256];
    let mut keys = RunSet::new(10);
    for w in &words {
        let b = w.as_bytes();
        let run = letter_runs::end(b, 0);
        shapes[usize::from(b[0])] |= 1 << run.min(63);
        keys.insert(letter_runs::folded(letter_runs::key(b, 0, run)));
    }
    Some(ChromeKeys {
        shapes,
        keys,
        words,
    })
});

/// The lines of `text` (byte ranges, newline excluded) that are share bars, in order: what
/// [`page_chrome_line`] says of every line, read from the text's word starts (found once for
/// the entity rules) rather than every word of every line lowered and looked up: a token is
/// compared with the list only when its run of letters may open a list word. `None` when the
/// starts cannot tell (a Kelvin sign in the text, a list word they cannot key): ask each
/// line then.
pub(in crate::extract::entities) fn page_chrome_lines(
    text: &str,
    starts: &WordStarts,
) -> Option<Vec<(usize, usize)>> {
    let list = PAGE_CHROME_KEYS.as_ref()?;
    if text.contains('\u{212a}') {
        return None;
    }
    let bytes = text.as_bytes();
    let mut lines = Vec::new();
    // The line being counted (its start) and its share-bar words so far.
    let (mut line, mut words) = (usize::MAX, 0);
    for (s, key) in starts.tokens() {
        if !key.is_some_and(|k| list.may_open(k)) {
            continue;
        }
        // A whole word: one of the list's, blanks (or the text's ends) either side.
        let whole = |w: &&str| {
            let e = s + w.len();
            bytes
                .get(s..e)
                .is_some_and(|t| t.eq_ignore_ascii_case(w.as_bytes()))
                && text[e..].chars().next().is_none_or(char::is_whitespace)
        };
        let Some(w) = list.words.iter().copied().find(whole) else {
            continue;
        };
        if !text[..s]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
        {
            continue;
        }
        let e = s + w.len();
        let start = text[..s].rfind('\n').map_or(0, |i| i + 1);
        if start != line {
            (line, words) = (start, 0);
        }
        words += 1;
        if words == 3 {
            let end = text[e..].find('\n').map_or(text.len(), |i| e + i);
            lines.push((start, end));
        }
    }
    Some(lines)
}

/// The ASCII bytes that are no white space (`char::is_whitespace`), as a table.
static ASCII_NOT_BLANK: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = !crate::text::is_ascii_space(b as u8);
        b += 1;
    }
    t
};

/// Whether the line holding `at` is a page's share bar: at least three of its words are
/// buttons.
pub(in crate::extract::entities) fn page_chrome_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // This runs once per line that holds a candidate, over every word of the line: words are
    // split a byte at a time, and only an ASCII word whose first letter and length a list word
    // has is lower-cased (on the stack) and looked up; no further than the third one.
    let shapes = &*PAGE_CHROME_SHAPES;
    let line = &text[start..end];
    let bytes = line.as_bytes();
    let mut found = 0;
    let mut i = 0;
    let mut buf = [0u8; 32];
    while i < bytes.len() {
        // One word: from `i` to the next white space, `ascii` while no other byte came.
        let from = i;
        let mut ascii = true;
        let (to, next) = loop {
            while i < bytes.len() && ASCII_NOT_BLANK[usize::from(bytes[i])] {
                i += 1;
            }
            let Some(&b) = bytes.get(i) else {
                break (i, i);
            };
            if b.is_ascii() {
                break (i, i + 1);
            }
            let c = line[i..].chars().next().unwrap_or(' ');
            if c.is_whitespace() {
                break (i, i + c.len_utf8());
            }
            ascii = false;
            i += c.len_utf8();
        };
        i = next;
        let w = &line[from..to];
        let chrome = if w.is_empty() {
            false
        } else if ascii {
            let first = usize::from(w.as_bytes()[0].to_ascii_lowercase());
            shapes[first] >> w.len().min(63) & 1 == 1
                && if w.len() <= buf.len() {
                    let lower = &mut buf[..w.len()];
                    lower.copy_from_slice(w.as_bytes());
                    lower.make_ascii_lowercase();
                    std::str::from_utf8(lower).is_ok_and(|l| PAGE_CHROME.contains(l))
                } else {
                    PAGE_CHROME.contains(w.to_ascii_lowercase().as_str())
                }
        } else {
            PAGE_CHROME.contains(w.to_lowercase().as_str())
        };
        if chrome {
            found += 1;
            if found >= 3 {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition the stack lower-casing must keep: three share-bar words on the line.
    fn chrome_by_lowercased_copies(text: &str, at: usize) -> bool {
        let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
        text[start..end]
            .split_whitespace()
            .filter(|w| PAGE_CHROME.contains(w.to_lowercase().as_str()))
            .count()
            >= 3
    }

    #[test]
    fn a_share_bar_line_is_told_as_before_in_any_case_and_script() {
        let texts = [
            "Share Send Permalink\nThe Lazarus Group stole funds.",
            "SHARE   send\tPERMALINK Anna Ruiz",
            "Share this story with Ana Ruiz\nSend Permalink",
            "Share Send Ｐermalink Ruiz",
            "Share Send Permalinkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
            "Ελλάδα Σ ΣΑΣ Share Send Permalink",
            "",
            "one line only",
        ];
        for text in texts {
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    page_chrome_line(text, at),
                    chrome_by_lowercased_copies(text, at),
                    "{text:?} at {at}"
                );
            }
        }
        assert!(page_chrome_line(texts[0], 0));
        assert!(page_chrome_line(texts[1], 3));
        assert!(!page_chrome_line(texts[2], 0));
    }

    /// Every line's share-bar test, as the text's word starts tell it and line by line.
    fn lines_told_both_ways(text: &str) {
        let Some(lines) = page_chrome_lines(text, &WordStarts::of(text)) else {
            assert!(text.contains('\u{212a}'), "{text:?}");
            return;
        };
        let mut start = 0;
        for line in text.split('\n') {
            let end = start + line.len();
            let scanned = lines.contains(&(start, end));
            assert_eq!(
                scanned,
                page_chrome_line(text, start),
                "{text:?} at {start}"
            );
            start = end + 1;
        }
    }

    #[test]
    fn the_share_bar_lines_of_a_text_are_those_each_line_test_tells() {
        for text in [
            "Share Send Permalink\nThe Lazarus Group stole funds.\nshare  SEND\tprint",
            "Share this story with Ana Ruiz\nSend Permalink\nEmail Print Watch video",
            "Share Send Permalink Sharesend Print",
            "xShare Send Permalink\nShare\u{a0}Send\u{2003}Permalink\n\nShare,Send Permalink",
            "LIN\u{212a}EDIN Share Send",
            "",
        ] {
            lines_told_both_ways(text);
        }
        assert_eq!(
            page_chrome_lines(
                "Ana\nShare Send Permalink\nBo",
                &WordStarts::of("Ana\nShare Send Permalink\nBo")
            ),
            Some(vec![(4, 24)])
        );
    }

    #[test]
    fn the_share_bar_lines_of_generated_articles_are_those_each_line_test_tells() {
        for i in 0..200 {
            let text = crate::synthetic::article(3, i).text;
            lines_told_both_ways(&text);
            // With a share bar inside and around it, in any case.
            let barred = format!("SHARE email Print\n{text}\nsend  Permalink\tWATCH video");
            lines_told_both_ways(&barred);
        }
    }

    #[test]
    fn no_character_but_the_kelvin_sign_lowers_to_ascii() {
        // What lets the scan of the share-bar words stand for lowering every word.
        let lowering_to_ascii: Vec<char> = ('\u{80}'..=char::MAX)
            .filter(|c| c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(lowering_to_ascii, ['\u{212a}']);
    }

    proptest::proptest! {
        /// Share-bar words and others, in any case, between every kind of white space (vertical
        /// tab, no-break and em spaces among them), told as the definition tells them.
        #[test]
        fn a_share_bar_line_is_told_as_the_definition_tells_it(
            words in proptest::collection::vec(proptest::sample::select(vec![
                "Share", "SEND", "permalink", "Google+", "e-mail", "Email", "Print", "prints",
                "Ｐermalink", "Wátch", "video.", "s", "", "Ana", "SHARESHARESHARESHARESHARESHARESHARE",
            ]), 0..9),
            gaps in proptest::collection::vec(proptest::sample::select(vec![
                " ", "  ", "\t", "\u{b}", "\u{c}", "\r", "\n", "\u{a0}", "\u{2003}", "\u{3000}", "·",
            ]), 9),
        ) {
            let text: String = words.iter().zip(&gaps).flat_map(|(w, g)| [*w, *g]).collect();
            lines_told_both_ways(&text);
            for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(
                    page_chrome_line(&text, at),
                    chrome_by_lowercased_copies(&text, at),
                    "{:?} at {}", text, at
                );
            }
        }
    }
}

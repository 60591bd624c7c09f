//! The words next to a mention: the token before and after, the list or example it stands in,
//! the employer of a role, the window of words around it, and whether it opens a sentence.

use super::*;

/// The word (or punctuation mark) right before `at` on the same line, lower-cased, and where
/// it starts ("^" at a line start).
pub(super) fn token_before(text: &str, at: usize) -> (String, usize) {
    let (w, from) = raw_token_before(text, at);
    (w.to_lowercase(), from)
}

/// [`token_before`] as written (the features lower-case it as they hash it).
pub(super) fn raw_token_before(text: &str, at: usize) -> (&str, usize) {
    // Back over blanks and tabs (single bytes, never inside a character).
    let bytes = text.as_bytes();
    let mut end = at;
    while end > 0 && matches!(bytes[end - 1], b' ' | b'\t') {
        end -= 1;
    }
    let before = &text[..end];
    match before.chars().next_back() {
        None | Some('\n') | Some('\r') => ("^", before.len()),
        Some(c) if is_word_char(c) => {
            // Back over word characters and hyphens, a byte at a time past ASCII ones.
            let bytes = before.as_bytes();
            let mut start = before.len();
            while start > 0 {
                let len = match bytes[start - 1] {
                    b if b.is_ascii() => usize::from(token_byte(b)),
                    _ => before[..start]
                        .chars()
                        .next_back()
                        .filter(|&c| is_word_char(c))
                        .map_or(0, char::len_utf8),
                };
                if len == 0 {
                    break;
                }
                start -= len;
            }
            (&before[start..], start)
        }
        Some(c) => {
            let from = before.len() - c.len_utf8();
            (&before[from..], from)
        }
    }
}

/// The word (or punctuation mark) right after `at` on the same line, lower-cased, and where it
/// ends ("$" at a line end).
#[cfg(test)]
pub(super) fn token_after(text: &str, at: usize) -> (String, usize) {
    let (w, to) = raw_token_after(text, at);
    (w.to_lowercase(), to)
}

/// [`token_after`] as written.
pub(super) fn raw_token_after(text: &str, at: usize) -> (&str, usize) {
    let bytes = text.as_bytes();
    let mut from = at;
    while from < bytes.len() && matches!(bytes[from], b' ' | b'\t') {
        from += 1;
    }
    let after = &text[from..];
    match after.chars().next() {
        None | Some('\n') | Some('\r') => ("$", from),
        Some(c) if is_word_char(c) => {
            // On over word characters and hyphens, a byte at a time past ASCII ones.
            let bytes = after.as_bytes();
            let mut len = 0;
            while len < bytes.len() {
                let step = match bytes[len] {
                    b if b.is_ascii() => usize::from(token_byte(b)),
                    _ => after[len..]
                        .chars()
                        .next()
                        .filter(|&c| is_word_char(c))
                        .map_or(0, char::len_utf8),
                };
                if step == 0 {
                    break;
                }
                len += step;
            }
            (&after[..len], from + len)
        }
        Some(c) => (&after[..c.len_utf8()], from + c.len_utf8()),
    }
}

/// Whether an ASCII byte goes on a token: a word character ([`is_word_char`]) or a hyphen.
fn token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Whether a word as written lower-cases to `lower` (ASCII `lower`), without building it.
pub(super) fn lowers_to(word: &str, lower: &str) -> bool {
    if word.is_ascii() {
        word.eq_ignore_ascii_case(lower)
    } else {
        word.to_lowercase() == lower
    }
}

#[cfg(test)]
pub(super) fn word_before(text: &str, at: usize) -> String {
    token_before(text, at).0
}

/// The word that governs a list the name stands in ("credit" for each of "Credit: A, B and C"):
/// the first lower-case word or sentence mark to the left, skipping names, commas and "and".
pub(in crate::extract::entities) fn list_anchor(text: &str, start: usize) -> String {
    list_anchor_at(text, start).0
}

/// [`list_anchor`] and where it starts (`usize::MAX` when the walk found none).
pub(super) fn list_anchor_at(text: &str, start: usize) -> (String, usize) {
    let (w, from) = raw_list_anchor_at(text, start);
    (w.to_lowercase(), from)
}

/// [`list_anchor_at`] as written ("" when the walk found none).
pub(super) fn raw_list_anchor_at(text: &str, start: usize) -> (&str, usize) {
    list_anchor_from(text, start, &[])
}

/// [`raw_list_anchor_at`] given the walk's first steps as read already (the features read
/// the two tokens before a name): `read[0]` the [`raw_token_before`] `start`, each next one
/// the token before the last.
pub(super) fn list_anchor_from<'a>(
    text: &'a str,
    start: usize,
    read: &[(&'a str, usize)],
) -> (&'a str, usize) {
    let mut at = start;
    for i in 0..24 {
        let (w, from) = match read.get(i) {
            Some(&token) => token,
            None => raw_token_before(text, at),
        };
        let name_word = text[from..at]
            .trim_start()
            .starts_with(|c: char| c.is_uppercase() || c == '@');
        let skip = w == "," || lowers_to(w, "and") || w == "&" || name_word;
        if !skip || from >= at || from == 0 {
            return (w, from);
        }
        at = from;
    }
    ("", usize::MAX)
}

/// The noun a list of examples hangs from ("firms such as A, B and C", "platforms like A"):
/// the word before "such as", "like" or "including", lower-cased; empty when there is none.
pub(in crate::extract::entities) fn exemplified_noun(text: &str, start: usize) -> String {
    let (anchor, from) = list_anchor_at(text, start);
    if !matches!(anchor.as_str(), "like" | "including" | "as") {
        return String::new();
    }
    let (noun, noun_at) = token_before(text, from);
    match anchor.as_str() {
        // "studios such as A", "studios, such as A".
        "as" if noun == "such" => match token_before(text, noun_at) {
            (comma, at) if comma == "," => token_before(text, at).0,
            (noun, _) => noun,
        },
        "as" => String::new(),
        _ => noun,
    }
}

/// Whether a role and "of" or "at" come right before the name ("the community manager of
/// Acme", "an analyst at Zorb", "CEO of the Quindar Foundation"): the name is the employer.
pub(in crate::extract::entities) fn employer_of_a_role(text: &str, start: usize) -> bool {
    let (mut word, mut at) = token_before(text, start);
    if word == "the" {
        (word, at) = token_before(text, at);
    }
    if !matches!(word.as_str(), "of" | "at" | "from") {
        return false;
    }
    // "an analyst at Zorb", "analysts from Zorb": one role or several.
    let role = token_before(text, at).0;
    let titles = &super::super::words::JOB_TITLES_LOWER;
    titles.contains(&role)
        || role.strip_suffix('s').is_some_and(|r| titles.contains(r))
        || matches!(role.as_str(), "member" | "members")
}

/// Bytes either side of a name within which its context words are read.
pub(super) const WINDOW_REACH: usize = 160;

/// Lower-case words within a few words of the name, on the same line.
#[cfg(test)]
pub(super) fn window_words(text: &str, start: usize, end: usize) -> Vec<String> {
    raw_window_words(text, start, end)
        .map(str::to_lowercase)
        .collect()
}

/// [`window_words`] as written, nearest first on the left, then the right: the definition
/// [`each_window_word`] reads by bytes (the tests compare the two).
#[cfg(test)]
pub(super) fn raw_window_words(text: &str, start: usize, end: usize) -> impl Iterator<Item = &str> {
    let (line_start, line_end) = window_line(text, start, end);
    let left = text[line_start..start]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .rev()
        .take(4);
    let right = text[end..line_end]
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
        .take(4);
    left.chain(right)
}

/// How far either side of `start..end` its context words may lie: [`WINDOW_REACH`] bytes,
/// at char boundaries.
fn window_reach(text: &str, start: usize, end: usize) -> (usize, usize) {
    // Four words either side lie within a short reach: looking no further keeps a long line
    // (a table, a dump) from costing a scan per name.
    let mut from = start.saturating_sub(WINDOW_REACH);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = (end + WINDOW_REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    (from, to)
}

/// Where the context words of `start..end` are read: from the line's start or the reach
/// before, to its end or the reach after.
#[cfg(test)]
fn window_line(text: &str, start: usize, end: usize) -> (usize, usize) {
    let (from, to) = window_reach(text, start, end);
    let line_start = text[from..start].rfind('\n').map_or(from, |i| from + i + 1);
    let line_end = text[end..to].find('\n').map_or(to, |i| end + i);
    (line_start, line_end)
}

/// Each of [`raw_window_words`]'s words, in its order, given to `f`. Words (runs of letters
/// and digits) are read a byte at a time from the name outwards, a character decoded only
/// past ASCII, and no further than the fourth word or the line's end: this runs for every
/// mention, where splitting the window by characters cost a tenth of its features.
pub(super) fn each_window_word<'a>(
    text: &'a str,
    start: usize,
    end: usize,
    mut f: impl FnMut(&'a str),
) {
    let (from, to) = window_reach(text, start, end);
    let bytes = text.as_bytes();
    // Whether the character ending at `j` (not an ASCII byte) is a letter or digit, and its
    // length.
    let before = |j: usize| {
        text[..j]
            .chars()
            .next_back()
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
    };
    let (mut j, mut taken) = (start, 0);
    'left: while taken < 4 {
        // Back over what is no letter or digit, to the line's start.
        loop {
            if j <= from {
                break 'left;
            }
            let b = bytes[j - 1];
            match WORD_BYTES[usize::from(b)] {
                ASCII_WORD => break,
                OTHER if b == b'\n' => break 'left,
                OTHER => j -= 1,
                _ => match before(j) {
                    (true, _) => break,
                    (false, len) => j -= len,
                },
            }
        }
        let e = j;
        while j > from {
            match WORD_BYTES[usize::from(bytes[j - 1])] {
                ASCII_WORD => j -= 1,
                OTHER => break,
                _ => match before(j) {
                    (true, len) => j -= len,
                    (false, _) => break,
                },
            }
        }
        let w = &text[j..e];
        if starts_lower(w) {
            f(w);
            taken += 1;
        }
    }
    // Whether the character at `j` (not an ASCII byte) is a letter or digit, and its length.
    let at = |j: usize| {
        text[j..]
            .chars()
            .next()
            .map_or((false, 1), |c| (c.is_alphanumeric(), c.len_utf8()))
    };
    let (mut j, mut taken) = (end, 0);
    'right: while taken < 4 {
        loop {
            if j >= to {
                break 'right;
            }
            let b = bytes[j];
            match WORD_BYTES[usize::from(b)] {
                ASCII_WORD => break,
                OTHER if b == b'\n' => break 'right,
                OTHER => j += 1,
                _ => match at(j) {
                    (true, _) => break,
                    (false, len) => j += len,
                },
            }
        }
        let s = j;
        while j < to {
            match WORD_BYTES[usize::from(bytes[j])] {
                ASCII_WORD => j += 1,
                OTHER => break,
                _ => match at(j) {
                    (true, len) => j += len,
                    (false, _) => break,
                },
            }
        }
        let w = &text[s..j];
        if starts_lower(w) {
            f(w);
            taken += 1;
        }
    }
}

/// [`WORD_BYTES`]' classes: an ASCII letter or digit, another ASCII byte, a byte of a
/// character past ASCII (decoded to be told).
const ASCII_WORD: u8 = 1;
const OTHER: u8 = 0;
const NON_ASCII: u8 = 2;

/// Each byte's class, for the context words' byte scan: one load a byte.
static WORD_BYTES: [u8; 256] = {
    let mut t = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = if (b as u8).is_ascii_alphanumeric() {
            ASCII_WORD
        } else {
            OTHER
        };
        b += 1;
    }
    t
};

/// Whether a word opens with a lower-case character.
fn starts_lower(w: &str) -> bool {
    match w.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_lowercase(),
        _ => w.starts_with(char::is_lowercase),
    }
}

/// Whether `at` opens a sentence, a line or a caption.
pub(in crate::extract::entities) fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(', '[', '*', '•']);
    matches!(
        before.chars().next_back(),
        None | Some('\n' | '\r' | '.' | '!' | '?' | ':' | '…' | '-' | '–' | '—')
    )
}

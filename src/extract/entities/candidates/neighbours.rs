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
    let before = text[..at].trim_end_matches([' ', '\t']);
    match before.chars().next_back() {
        None | Some('\n') | Some('\r') => ("^", before.len()),
        Some(c) if is_word_char(c) => {
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_word_char(c) || c == '-')
                .last()
                .map_or(before.len(), |(i, _)| i);
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
    let skipped = text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len();
    let from = at + skipped;
    let after = &text[from..];
    match after.chars().next() {
        None | Some('\n') | Some('\r') => ("$", from),
        Some(c) if is_word_char(c) => {
            let len = after
                .char_indices()
                .take_while(|&(_, c)| is_word_char(c) || c == '-')
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            (&after[..len], from + len)
        }
        Some(c) => (&after[..c.len_utf8()], from + c.len_utf8()),
    }
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
    let mut at = start;
    for _ in 0..24 {
        let (w, from) = raw_token_before(text, at);
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

/// [`window_words`] as written, nearest first on the left, then the right.
pub(super) fn raw_window_words(text: &str, start: usize, end: usize) -> impl Iterator<Item = &str> {
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
    let line_start = text[from..start].rfind('\n').map_or(from, |i| from + i + 1);
    let line_end = text[end..to].find('\n').map_or(to, |i| end + i);
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

/// Whether `at` opens a sentence, a line or a caption.
pub(in crate::extract::entities) fn sentence_start(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches([' ', '\t', '"', '“', '‘', '\'', '(', '[', '*', '•']);
    matches!(
        before.chars().next_back(),
        None | Some('\n' | '\r' | '.' | '!' | '?' | ':' | '…' | '-' | '–' | '—')
    )
}

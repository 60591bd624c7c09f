//! The words names are proposed from, found by a scan instead of the regex [`WORD`]: that regex
//! of seven alternatives and Unicode classes ran its automaton over every byte of every article
//! (and was compiled once per run). This finds exactly the regex's matches, in the same order
//! (tests/candidate_words.rs compares them from every char boundary).

use std::sync::LazyLock;

use regex::Regex;

use crate::text::is_ascii_word_byte;

/// One name word (Latin letters, accents included), or a lower-case handle of a shape no
/// ordinary word has: an ENS name (`nick.eth`), with an underscore (`officer_cia`) or ending in
/// digits (`jiecut42`). Leading boundaries are checked by the caller (accented capitals have no
/// ASCII word boundary before them). The definition [`find_at`] is tested against.
pub static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::compile(
        r"@[A-Za-z0-9_]{2,30}|[A-ZÀ-ÖØ-ÞĀ-ž][A-Za-z0-9_À-ÖØ-öø-ÿĀ-ž]*(?:[-.'’&][A-Za-z0-9À-ÖØ-öø-ÿĀ-ž]+)*|[a-zß-öø-ÿĀ-ž]+[A-ZÀ-ÖØ-ÞĀ-ž][A-Za-z0-9À-ÖØ-öø-ÿĀ-ž]*|[0-9]+[A-Za-z]{3,}[A-Za-z0-9]*|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.eth|_?[a-z][a-z0-9]*(?:_[a-z0-9]+)+_?|[a-z]{3,}[0-9]+[a-z0-9]*",
    )
});

/// A capital of the regex: `[A-ZÀ-ÖØ-ÞĀ-ž]` (Latin Extended-A's small letters included).
fn upper(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Ā'..='ž')
}

/// A small letter of the regex: `[a-zß-öø-ÿĀ-ž]`.
fn lower(c: char) -> bool {
    matches!(c, 'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ' | 'Ā'..='ž')
}

/// A letter or digit after a capital, or of a part after a mark: `[A-Za-z0-9À-ÖØ-öø-ÿĀ-ž]`.
fn part(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | '0'..='9' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | 'Ā'..='ž')
}

/// What follows a capital before any mark: [`part`] or an underscore.
fn body(c: char) -> bool {
    c == '_' || part(c)
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..)?.chars().next()
}

/// The end of the run of bytes from `i` that `f` accepts.
fn run(bytes: &[u8], mut i: usize, f: impl Fn(u8) -> bool) -> usize {
    while i < bytes.len() && f(bytes[i]) {
        i += 1;
    }
    i
}

/// The end of the run of characters from `i` that `f` accepts.
fn run_chars(text: &str, mut i: usize, f: impl Fn(char) -> bool) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(i) {
        let c = if b.is_ascii() {
            char::from(b)
        } else {
            match char_at(text, i) {
                Some(c) => c,
                None => break,
            }
        };
        if !f(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

fn lower_or_digit(b: u8) -> bool {
    b.is_ascii_lowercase() || b.is_ascii_digit()
}

/// `@[A-Za-z0-9_]{2,30}` at `i` (an `@`).
fn handle_end(bytes: &[u8], i: usize) -> Option<usize> {
    let k = (run(bytes, i + 1, is_ascii_word_byte) - (i + 1)).min(30);
    (k >= 2).then_some(i + 1 + k)
}

/// A capital's word at `i` (a capital of `len` bytes), which always matches: the capital, its
/// letters, then parts after marks. Each run goes as far as it can: what stops it is never a
/// mark it could give back.
fn capital_end(text: &str, i: usize, len: usize) -> usize {
    let bytes = text.as_bytes();
    // ASCII letters, digits and underscores (nearly every byte of a name) in a tight loop.
    let mut end = run(bytes, i + len, is_ascii_word_byte);
    if bytes.get(end).is_some_and(|b| !b.is_ascii()) {
        end = run_chars(text, end, body);
    }
    loop {
        // The marks are ASCII but for the right quote, whose three bytes open with 0xE2.
        let from = match bytes.get(end) {
            Some(b'-' | b'.' | b'\'' | b'&') => end + 1,
            Some(0xE2) if bytes[end..].starts_with("’".as_bytes()) => end + 3,
            _ => break,
        };
        let mut to = run(bytes, from, |b| b.is_ascii_alphanumeric());
        if bytes.get(to).is_some_and(|b| !b.is_ascii()) {
            to = run_chars(text, to, part);
        }
        if to == from {
            break;
        }
        end = to;
    }
    end
}

/// `[a-zß-öø-ÿĀ-ž]+[A-ZÀ-ÖØ-ÞĀ-ž][…]*` at `i` (a small letter): the capital is the one right
/// after the run of small letters, or else the run's last one that is also a capital (Ā-ž,
/// which the greedy run gives back), never its first.
fn camel_end(text: &str, i: usize) -> Option<usize> {
    let first = char_at(text, i)?;
    let mut j = i + first.len_utf8();
    let mut last_capital = None;
    while let Some(c) = char_at(text, j).filter(|&c| lower(c)) {
        if upper(c) {
            last_capital = Some((j, c));
        }
        j += c.len_utf8();
    }
    let (p, c) = char_at(text, j)
        .filter(|&c| upper(c))
        .map(|c| (j, c))
        .or(last_capital)?;
    Some(run_chars(text, p + c.len_utf8(), part))
}

/// `[0-9]+[A-Za-z]{3,}[A-Za-z0-9]*` at `i` (a digit).
fn digits_then_letters_end(bytes: &[u8], i: usize) -> Option<usize> {
    let d = run(bytes, i, |b| b.is_ascii_digit());
    let l = run(bytes, d, |b| b.is_ascii_alphabetic());
    (l - d >= 3).then(|| run(bytes, l, |b| b.is_ascii_alphanumeric()))
}

/// `[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.eth` at `i` (a small letter or a digit): the dotted
/// parts go as far as they can, then give back whole parts until `.eth` follows.
fn ens_end(bytes: &[u8], i: usize) -> Option<usize> {
    let piece = |b: u8| lower_or_digit(b) || b == b'-';
    let mut end = run(bytes, i + 1, piece);
    let mut found = None;
    loop {
        if bytes[end..].starts_with(b".eth") {
            found = Some(end + 4);
        }
        if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(|&b| piece(b)) {
            end = run(bytes, end + 1, piece);
        } else {
            return found;
        }
    }
}

/// `_?[a-z][a-z0-9]*(?:_[a-z0-9]+)+_?` at `i` (an underscore or a small letter).
fn snake_end(bytes: &[u8], i: usize) -> Option<usize> {
    let j = i + usize::from(bytes[i] == b'_');
    if !bytes.get(j).is_some_and(u8::is_ascii_lowercase) {
        return None;
    }
    let mut end = run(bytes, j + 1, lower_or_digit);
    let mut parts = 0;
    while bytes.get(end) == Some(&b'_') && bytes.get(end + 1).is_some_and(|&b| lower_or_digit(b)) {
        end = run(bytes, end + 1, lower_or_digit);
        parts += 1;
    }
    if parts == 0 {
        return None;
    }
    Some(end + usize::from(bytes.get(end) == Some(&b'_')))
}

/// `[a-z]{3,}[0-9]+[a-z0-9]*` at `i` (a small letter).
fn letters_then_digits_end(bytes: &[u8], i: usize) -> Option<usize> {
    let r = run(bytes, i, |b| b.is_ascii_lowercase());
    (r - i >= 3 && bytes.get(r).is_some_and(u8::is_ascii_digit))
        .then(|| run(bytes, r, lower_or_digit))
}

/// The first word at or after byte `at` (a char boundary): the byte range `WORD.find_at` gives.
/// At each start the alternatives are tried in the regex's order. Where all fail at a letter
/// `a-z`, they fail at the next one too (every run they read from there ends where it ended,
/// and a shorter one is no help), so the rest of the run is skipped; likewise a digit's run,
/// and a run of accented small letters.
pub fn find_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    loop {
        // Past blanks and marks, which open no word, in a tight loop.
        i += bytes[i.min(bytes.len())..]
            .iter()
            .position(|&b| OPENS[usize::from(b)])
            .unwrap_or(bytes.len().saturating_sub(i));
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'@' => {
                if let Some(e) = handle_end(bytes, i) {
                    return Some((i, e));
                }
                i += 1;
            }
            b'A'..=b'Z' => return Some((i, capital_end(text, i, 1))),
            b'a'..=b'z' => {
                let r = run(bytes, i, |b| b.is_ascii_lowercase());
                // Followed by a blank or a mark none of the alternatives reads on: no word
                // starts in the run.
                let plain = bytes.get(r).is_none_or(|&n| PLAIN_AFTER[usize::from(n)]);
                if !plain
                    && let Some(e) = camel_end(text, i)
                        .or_else(|| ens_end(bytes, i))
                        .or_else(|| snake_end(bytes, i))
                        .or_else(|| letters_then_digits_end(bytes, i))
                {
                    return Some((i, e));
                }
                i = r;
            }
            b'0'..=b'9' => {
                if let Some(e) = digits_then_letters_end(bytes, i).or_else(|| ens_end(bytes, i)) {
                    return Some((i, e));
                }
                i = run(bytes, i, |b| b.is_ascii_digit());
            }
            b'_' => {
                if let Some(e) = snake_end(bytes, i) {
                    return Some((i, e));
                }
                i += 1;
            }
            _ if b.is_ascii() => i += 1,
            _ => {
                let c = char_at(text, i)?;
                if upper(c) {
                    return Some((i, capital_end(text, i, c.len_utf8())));
                }
                if lower(c) {
                    if let Some(e) = camel_end(text, i) {
                        return Some((i, e));
                    }
                    i = run_chars(text, i, |c| !c.is_ascii() && lower(c) && !upper(c));
                } else {
                    i += c.len_utf8();
                }
            }
        }
    }
    None
}

/// The bytes a word of [`find_at`] may start at: `@`, ASCII letters, digits and `_`, and any
/// byte past ASCII (decoded to be told).
static OPENS: [bool; 256] = {
    let mut t = [true; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'@' || c == b'_';
        b += 1;
    }
    t
};

/// The ASCII bytes after a run of small letters that none of [`find_at`]'s alternatives reads
/// on: all but capitals, digits, `_`, `.` and `-` (and the small letters, which the run took).
static PLAIN_AFTER: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = !(c.is_ascii_uppercase() || c.is_ascii_digit() || matches!(c, b'_' | b'.' | b'-'));
        b += 1;
    }
    t
};

/// Every word of `text`, each search starting where the last one ended.
pub fn find_iter(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    crate::text::successive(|at| find_at(text, at), |&(_, e)| e)
}

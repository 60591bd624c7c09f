//! Capitalised words ("Demers", "Jae-in", "Núñez"), the words a person's short name may be,
//! found by a scan instead of the regex [`CAPITALISED`]: that regex may start at any capital,
//! so it ran its automaton forwards and back over every word of every article that names a
//! person. This finds exactly the regex's matches, in the same order (a test compares them).

use std::sync::LazyLock;

use regex::Regex;

use super::name_runs::{capitalised, char_at, joined, lowers, next_open};

/// A capitalised word, accented letters included (boundaries are checked by the caller). The
/// definition [`find_at`] is tested against.
pub static CAPITALISED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::compile(r"[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+(?:-[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][a-zß-öø-ÿĀ-ž]+)*")
});

/// The end of the word at `i`, if one starts there: a capital and lower-case letters, then
/// hyphened parts. Each run of letters goes as far as it can: what follows it (a hyphen, or
/// nothing) is never a letter it could give back.
fn word_at(text: &str, i: usize) -> Option<usize> {
    let mut end = capitalised(text, i)?;
    while text.as_bytes().get(end) == Some(&b'-') {
        let part = char_at(text, end + 1)
            .filter(|&c| joined(c))
            .and_then(|c| lowers(text, end + 1 + c.len_utf8()));
        match part {
            Some(e) => end = e,
            None => break,
        }
    }
    Some(end)
}

/// The first capitalised word at or after byte `at` (a char boundary): the byte range
/// `CAPITALISED.find_at` gives.
pub fn find_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        i = next_open(bytes, i)?;
        if let Some(end) = word_at(text, i) {
            return Some((i, end));
        }
        i += 1;
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    None
}

/// Every capitalised word of `text`, each search starting where the last one ended.
pub fn find_iter(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    crate::text::successive(|at| find_at(text, at), |&(_, e)| e)
}

//! A full name then a verb of saying ("Ana Ruiz said", "Ana Ruiz, said"), read back from the
//! verbs instead of by the regexes [`super::people::NAME_SAYS`] and
//! [`super::people::NAME_COMMA_SAYS`]: those may start at any capital, so their automata ran
//! over every byte of every article. Here the verbs are found first, once per text, among the
//! text's word starts by their runs of letters; then what stands before each (blanks after a
//! capital's token, or a comma), and only then are the name's words read back. The matches are
//! the regexes' own, in the same order (a test compares them from every char boundary).

use std::sync::LazyLock;

use regex::Regex;

use super::appositions::{blank, name_start};
use super::letter_runs::{self, RunSet};
use super::name_runs::may_open;
use super::word_starts::WordStarts;
use crate::text::is_ascii_boundary as boundary;

/// What stands between the name and the verb.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joint {
    /// Blanks: "Ana Ruiz said" (`{two}[ \t]+(?:{says})\b`).
    Blanks,
    /// A comma, blanks around it or not: "Ana Ruiz, said" (`{two}[ \t]*,[ \t]*(?:{says})\b`).
    Comma,
}

impl Joint {
    /// The regex this matcher replaces: the definition it is tested against.
    pub fn regex(self) -> Option<&'static Regex> {
        match self {
            Self::Blanks => super::people::NAME_SAYS.as_ref(),
            Self::Comma => super::people::NAME_COMMA_SAYS.as_ref(),
        }
    }
}

/// The verbs, for the two ways they are looked for.
struct Verbs {
    /// By their first byte, each list in the order the regex's alternation tries them.
    by_first: Vec<Vec<&'static [u8]>>,
    /// Their [`letter_runs::key`]s: a verb the regex reads ends at a word boundary, so it is a
    /// word start's whole run of ASCII letters, whose key this set may hold.
    runs: RunSet,
}

/// The verbs; `None` when a verb is not all lower-case ASCII letters (the regexes are run
/// then).
static VERBS: LazyLock<Option<Verbs>> = LazyLock::new(|| {
    let says = &*super::people::SAYS;
    let plain = |w: &&str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    if !says.iter().all(plain) {
        return None;
    }
    let mut by_first = vec![Vec::new(); 128];
    let mut runs = RunSet::new(12);
    for w in says.iter() {
        let b = w.as_bytes();
        by_first[usize::from(b[0])].push(b);
        runs.insert(letter_runs::key(b, 0, b.len()));
    }
    Some(Verbs { by_first, runs })
});

/// The end of the verb the alternation reads at byte `p`: the first in the list's order that
/// a word boundary ends.
fn verb_end(b: &[u8], p: usize, verbs: &[Vec<&'static [u8]>]) -> Option<usize> {
    let first = usize::from(*b.get(p)?);
    verbs.get(first)?.iter().find_map(|w| {
        let end = p + w.len();
        (b[p..].starts_with(w) && boundary(b, end)).then_some(end)
    })
}

/// The start of the run of blanks that ends at byte `i`.
fn blanks_back(b: &[u8], mut i: usize) -> usize {
    while i > 0 && blank(b[i - 1]) {
        i -= 1;
    }
    i
}

/// Whether a name may end at byte `end`: after a word's last letter or an initial's stop.
fn name_may_end(b: &[u8], end: usize, at: usize) -> bool {
    end > at && (b[end - 1].is_ascii_lowercase() || b[end - 1] >= 0x80 || b[end - 1] == b'.')
}

/// A match: the whole match and its `name` group, as byte ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Speaker {
    pub whole: (usize, usize),
    pub name: (usize, usize),
}

/// Where a word may be a verb of saying: the word starts whose run of ASCII letters the verbs'
/// set may hold. Found once per text and shared by both joints' searches (a matching verb is
/// such a word: it follows a blank or a comma and ends at a word boundary).
pub(super) fn verb_starts(words: &WordStarts) -> Vec<usize> {
    let Some(verbs) = VERBS.as_ref() else {
        return Vec::new();
    };
    words
        .ascii_words()
        .filter(|&(_, key)| verbs.runs.may_hold(key))
        .map(|(at, _)| at)
        .collect()
}

/// The first match of the joint's regex starting at or after byte `at` (a char boundary):
/// what its `captures_at(text, at)` gives. It finds the text's word starts on every call, so it
/// is for tests and a single look; the extraction finds them once and calls [`find_at_in`].
pub fn find_at(text: &str, at: usize, joint: Joint) -> Option<Speaker> {
    find_at_in(text, &verb_starts(&WordStarts::of(text)), at, joint)
}

/// [`find_at`] with the text's [`verb_starts`].
#[inline(never)] // named in profiles
fn find_at_in(text: &str, verb_starts: &[usize], at: usize, joint: Joint) -> Option<Speaker> {
    let Some(verbs) = VERBS.as_ref() else {
        let caps = joint.regex()?.captures_at(text, at)?;
        let (whole, name) = (caps.get(0)?, caps.name("name")?);
        return Some(Speaker {
            whole: (whole.start(), whole.end()),
            name: (name.start(), name.end()),
        });
    };
    let b = text.as_bytes();
    // A match holds no verb before its own (its words are capitalised and only blanks join
    // them), so matches end in the order they start: the first verb with a name before it
    // ends the leftmost match.
    let first = verb_starts.partition_point(|&v| v < at);
    verb_starts[first..].iter().find_map(|&verb| {
        let joint_start = blanks_back(b, verb);
        let name_end = match joint {
            // The name's last word is the token before the blanks, holding a capital (or a
            // letter beyond ASCII) from `at` on.
            Joint::Blanks => {
                let from = at.min(joint_start);
                let token = b[from..joint_start]
                    .iter()
                    .rposition(|&c| blank(c))
                    .map_or(from, |n| from + n + 1);
                if joint_start == verb || !b[token..joint_start].iter().copied().any(may_open) {
                    return None;
                }
                joint_start
            }
            // A comma from `at` on, then blanks or none.
            Joint::Comma => {
                let comma = joint_start.checked_sub(1)?;
                if comma < at || b[comma] != b',' {
                    return None;
                }
                blanks_back(b, comma)
            }
        };
        let end = verb_end(b, verb, &verbs.by_first)?;
        if !name_may_end(b, name_end, at) {
            return None;
        }
        let start = name_start(text, name_end, at)?;
        Some(Speaker {
            whole: (start, end),
            name: (start, name_end),
        })
    })
}

/// Every match, each search starting where the last match ended, as `captures_iter` finds them.
pub fn find_iter(text: &str, joint: Joint) -> impl Iterator<Item = Speaker> + '_ {
    let verb_starts = verb_starts(&WordStarts::of(text));
    crate::text::successive(
        move |at| find_at_in(text, &verb_starts, at, joint),
        |s| s.whole.1,
    )
}

/// [`find_iter`] with the text's [`verb_starts`].
pub(super) fn find_iter_in<'t>(
    text: &'t str,
    verb_starts: &'t [usize],
    joint: Joint,
) -> impl Iterator<Item = Speaker> + 't {
    crate::text::successive(
        move |at| find_at_in(text, verb_starts, at, joint),
        |s| s.whole.1,
    )
}

//! A full name then a verb of saying ("Ana Ruiz said", "Ana Ruiz, said"), read back from the
//! verbs instead of by the regexes [`super::people::NAME_SAYS`] and
//! [`super::people::NAME_COMMA_SAYS`]: those may start at any capital, so their automata ran
//! over every byte of every article. Here the name's last word is found first (a capital's
//! token before blanks, or the token before a comma found by `memchr`), then the verb after
//! it, and only then are the name's words read back. The matches are the regexes' own, in the
//! same order (a test compares them from every char boundary).

use std::sync::LazyLock;

use regex::Regex;

use super::appositions::{blank, boundary, name_start};
use super::name_runs::next_open;

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

/// The verbs by their first byte, each list in the order the regex's alternation tries them;
/// `None` when a verb is not all lower-case ASCII letters (the regexes are run then).
static VERBS: LazyLock<Option<Vec<Vec<&'static [u8]>>>> = LazyLock::new(|| {
    let says = &*super::people::SAYS;
    let plain = |w: &&str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_lowercase());
    if !says.iter().all(plain) {
        return None;
    }
    let mut by_first = vec![Vec::new(); 128];
    for w in says.iter() {
        by_first[usize::from(w.as_bytes()[0])].push(w.as_bytes());
    }
    Some(by_first)
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

/// The first byte at or after `i` that is not a blank.
fn blanks_from(b: &[u8], mut i: usize) -> usize {
    while b.get(i).copied().is_some_and(blank) {
        i += 1;
    }
    i
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

/// The first match of the joint's regex starting at or after byte `at` (a char boundary):
/// what its `captures_at(text, at)` gives.
#[inline(never)] // named in profiles
pub fn find_at(text: &str, at: usize, joint: Joint) -> Option<Speaker> {
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
    // them), so matches end in the order they start: the first name end with a verb after it
    // and a name before it ends the leftmost match.
    let found = |name_end: usize, verb: usize| {
        let end = verb_end(b, verb, verbs)?;
        if !name_may_end(b, name_end, at) {
            return None;
        }
        let start = name_start(text, name_end, at)?;
        Some(Speaker {
            whole: (start, end),
            name: (start, name_end),
        })
    };
    match joint {
        // The name's last word is a whole token that opens with a capital: each token holding
        // one is tried once, up to the blanks that end it.
        Joint::Blanks => {
            let mut i = at;
            while let Some(capital) = next_open(b, i) {
                let token_end = b[capital..]
                    .iter()
                    .position(|&c| blank(c))
                    .map_or(b.len(), |n| capital + n);
                let verb = blanks_from(b, token_end);
                if verb > token_end
                    && let Some(m) = found(token_end, verb)
                {
                    return Some(m);
                }
                i = token_end;
            }
            None
        }
        Joint::Comma => {
            let mut from = at;
            while let Some(n) = memchr::memchr(b',', b.get(from..)?) {
                let comma = from + n;
                from = comma + 1;
                if let Some(m) = found(blanks_back(b, comma), blanks_from(b, comma + 1)) {
                    return Some(m);
                }
            }
            None
        }
    }
}

/// Every match, each search starting where the last match ended, as `captures_iter` finds them.
pub fn find_iter(text: &str, joint: Joint) -> impl Iterator<Item = Speaker> + '_ {
    crate::text::successive(move |at| find_at(text, at, joint), |s| s.whole.1)
}

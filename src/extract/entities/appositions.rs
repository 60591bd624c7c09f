//! A full name in apposition with a role ("Ana Ruiz, a senior analyst at Acme, said"), read
//! around the commas instead of by the regex [`super::people::APPOSITION`]. Over the whole
//! text that regex went back from every comma and, after a name, read the clause with a lazy
//! DFA whose states (a gap of up to 80 chars times the case-insensitive roles) it kept
//! building. Here a comma is found by `memchr`, the name's words are read back from it, and
//! only after a name is the clause read for a role. The matches are the regex's own, in the
//! same order (a test compares the two from every char boundary).

use std::sync::LazyLock;

use super::name_runs::{joined, lower, upper};
/// `(?-u:\b)` at a byte.
use crate::text::is_ascii_boundary as boundary;

/// Whether `b` separates the words of a name (`[ \t]`).
pub(super) fn blank(b: u8) -> bool {
    matches!(b, b' ' | b'\t')
}

/// Whether all of `w` is one capital then one or more lower-case letters (`[U][L]+`).
fn capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    cs.next().is_some_and(upper) && cs.clone().next().is_some() && cs.all(lower)
}

/// Whether all of `w` is one name word (the regex's `WORD`, any of its three readings):
/// "Mc"/"Mac" and a capitalised word, with one hyphened part; a capitalised word with parts
/// joined by `-`, `'` or `’`, each a letter then lower-case letters; an initial "J.".
fn is_word(w: &str) -> bool {
    // Every reading opens with a capital ("M" of "Mc" too): most tokens before a comma are
    // turned down by their first char, and the likeliest reading is tried first.
    let mut cs = w.chars();
    if !cs.next().is_some_and(upper) {
        return false;
    }
    let plain = || {
        let mut parts = w.split(['-', '\'', '’']);
        parts.next().is_some_and(capitalised)
            && parts.all(|p| {
                let mut cs = p.chars();
                cs.next().is_some_and(joined) && cs.clone().next().is_some() && cs.all(lower)
            })
    };
    let mc = || {
        ["Mac", "Mc"].iter().any(|p| {
            w.strip_prefix(p).is_some_and(|rest| {
                let mut parts = rest.split('-');
                let n = rest.split('-').count();
                n <= 2 && parts.all(capitalised)
            })
        })
    };
    let initial = || cs.as_str() == ".";
    plain() || mc() || initial()
}

/// The start of the blank-separated token that ends at byte `end`.
fn token_start(b: &[u8], end: usize) -> usize {
    b[..end]
        .iter()
        .rposition(|&c| blank(c))
        .map_or(0, |i| i + 1)
}

/// The earliest start at or after `at` of a name of two to four words (`WORD([ \t]+WORD){1,3}`)
/// that ends at byte `comma`, if any. The words after the first are whole tokens; the first is
/// the end of its token ("xAna Ruiz" names "Ana Ruiz").
pub(super) fn name_start(text: &str, comma: usize, at: usize) -> Option<usize> {
    let b = text.as_bytes();
    // Tokens back from the comma: (start, end), the last word first, and how many of them
    // from the comma back are whole words (at most three). Read back only while they are:
    // the token before the last whole word is the furthest a name may start in, so most
    // commas (after a lower-case word) cost one token.
    let mut tokens = [(0, 0); 4];
    let mut found = 0;
    let mut whole = 0;
    let mut end = comma;
    while found < 4 {
        let start = token_start(b, end);
        if start == end {
            break;
        }
        tokens[found] = (start, end);
        found += 1;
        if whole == 3 || start < at || !is_word(&text[start..end]) {
            break;
        }
        whole += 1;
        // The blanks before this token, then the token before them.
        let mut i = start;
        while i > 0 && blank(b[i - 1]) {
            i -= 1;
        }
        if i == start || i == 0 {
            break;
        }
        end = i;
    }
    let tokens = &tokens[..found];
    // The earliest start: the first word in the token furthest back that can hold it.
    (2..=(whole + 1).min(tokens.len())).rev().find_map(|words| {
        let (s, e) = tokens[words - 1];
        let from = s.max(at);
        text.get(from..e)?
            .char_indices()
            .filter(|&(_, c)| upper(c))
            .map(|(i, _)| from + i)
            .find(|&i| is_word(&text[i..e]))
    })
}

/// The roles by the lower-case first byte they open with, each list in the order the
/// regex's alternation tries them, and what each byte of the gap may be.
struct Roles {
    by_first: Vec<Vec<&'static [u8]>>,
    /// Per byte: [`STOPS`] ends the gap (`,;.\n`), [`OPENS`] may open a role.
    class: [u8; 256],
}

const STOPS: u8 = 1;
const OPENS: u8 = 2;

/// The roles, or `None` when one is not ASCII or opens with a blank, and the regex itself is
/// run.
static ROLES: LazyLock<Option<Roles>> = LazyLock::new(|| {
    let roles = &*super::people::ROLES;
    let plain = |r: &&str| r.is_ascii() && !r.is_empty() && !r.starts_with([' ', '\t']);
    if !roles.iter().all(plain) {
        return None;
    }
    let mut by_first = vec![Vec::new(); 128];
    let mut class = [0u8; 256];
    for r in roles.iter() {
        let first = r.as_bytes()[0];
        by_first[usize::from(first.to_ascii_lowercase())].push(r.as_bytes());
        class[usize::from(first.to_ascii_lowercase())] |= OPENS;
        class[usize::from(first.to_ascii_uppercase())] |= OPENS;
    }
    // The lead bytes of the Kelvin sign and the long s, which `(?i)` reads as "k" and "s".
    class[0xE2] |= OPENS;
    class[0xC5] |= OPENS;
    for stop in [b',', b';', b'.', b'\n'] {
        class[usize::from(stop)] |= STOPS;
    }
    Some(Roles { by_first, class })
});

/// The end of `role` read at byte `i` in any case, as `(?i)` reads it: an ASCII letter also
/// matches its other case, "k" the Kelvin sign and "s" the long s.
fn role_at(text: &str, i: usize, role: &[u8]) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i;
    for &r in role {
        let c = *b.get(j)?;
        if c < 0x80 {
            if !c.eq_ignore_ascii_case(&r) {
                return None;
            }
            j += 1;
        } else {
            let ch = text[j..].chars().next()?;
            let folds = match r.to_ascii_lowercase() {
                b'k' => ch == '\u{212A}',
                b's' => ch == '\u{17F}',
                _ => false,
            };
            if !folds {
                return None;
            }
            j += ch.len_utf8();
        }
    }
    Some(j)
}

/// The end of the first role (in the list's order) read at byte `q` between word boundaries.
fn role_here(text: &str, q: usize, roles: &Roles) -> Option<usize> {
    let b = text.as_bytes();
    if !boundary(b, q) {
        return None;
    }
    let first = *b.get(q)?;
    let key = if first < 0x80 {
        first.to_ascii_lowercase()
    } else if text[q..].starts_with('\u{212A}') {
        b'k'
    } else if text[q..].starts_with('\u{17F}') {
        b's'
    } else {
        return None;
    };
    roles.by_first[usize::from(key)]
        .iter()
        .filter_map(|r| role_at(text, q, r))
        .find(|&end| boundary(b, end))
}

/// The end of the first role the lazy gap `[^,;.\n]{0,80}?` reaches from byte `from`, read no
/// further than byte `until`.
fn role_after(text: &str, from: usize, until: usize, roles: &Roles) -> Option<usize> {
    let b = text.as_bytes();
    let mut q = from;
    let mut chars = 0;
    while q < until {
        let c = *b.get(q)?;
        let class = roles.class[usize::from(c)];
        if class & OPENS != 0
            && let Some(end) = role_here(text, q, roles)
        {
            return Some(end);
        }
        if chars == 80 || class & STOPS != 0 {
            return None;
        }
        // The next char: its lead byte says how long it is.
        q += match c {
            0..0x80 => 1,
            0x80..0xE0 => 2,
            0xE0..0xF0 => 3,
            _ => 4,
        };
        chars += 1;
    }
    None
}

/// The end of a match whose name ends at the comma at byte `comma`: blanks, perhaps a
/// determiner and blanks, then a role within the gap (the determiner is tried first, as the
/// regex's greedy `?` does).
fn rest_end(text: &str, comma: usize, roles: &Roles) -> Option<usize> {
    let b = text.as_bytes();
    let blanks_from = |i: usize| i + b[i..].iter().take_while(|&&c| blank(c)).count();
    let p = blanks_from(comma + 1);
    if p == comma + 1 {
        return None;
    }
    let determiner = ["a", "an", "the", "who", "whose"].iter().find_map(|d| {
        let after = p + d.len();
        (b[p..].starts_with(d.as_bytes()) && b.get(after).copied().is_some_and(blank))
            .then(|| blanks_from(after))
    });
    match determiner {
        // Without the determiner the gap reads the same chars from `p` on, so only a role
        // inside the determiner and its blanks is new.
        Some(d) => role_after(text, d, usize::MAX, roles).or_else(|| role_after(text, p, d, roles)),
        None => role_after(text, p, usize::MAX, roles),
    }
}

/// A match of the apposition regex: the whole match and its `name` group, as byte ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Apposition {
    pub whole: (usize, usize),
    pub name: (usize, usize),
}

/// The first match of the apposition regex starting at or after byte `at` (a char boundary):
/// what `APPOSITION.captures_at(text, at)` gives.
#[inline(never)] // named in profiles (README, "The entity rules, instruction counts")
pub fn find_at(text: &str, at: usize) -> Option<Apposition> {
    let Some(roles) = ROLES.as_ref() else {
        let caps = super::people::APPOSITION.as_ref()?.captures_at(text, at)?;
        let (whole, name) = (caps.get(0)?, caps.name("name")?);
        return Some(Apposition {
            whole: (whole.start(), whole.end()),
            name: (name.start(), name.end()),
        });
    };
    let b = text.as_bytes();
    let mut from = at;
    // A match's name ends at the first comma after its start, so the first comma with a name
    // before it and a role after it holds the leftmost match.
    while let Some(n) = memchr::memchr(b',', b.get(from..)?) {
        let comma = from + n;
        from = comma + 1;
        if comma == 0
            || !b.get(comma + 1).copied().is_some_and(blank)
            || !(b[comma - 1].is_ascii_lowercase() || b[comma - 1] == b'.' || b[comma - 1] >= 0x80)
        {
            continue;
        }
        let Some(start) = name_start(text, comma, at) else {
            continue;
        };
        if let Some(end) = rest_end(text, comma, roles) {
            return Some(Apposition {
                whole: (start, end),
                name: (start, comma),
            });
        }
    }
    None
}

/// Every match, each search starting where the last match ended, as `captures_iter` finds them.
pub fn find_iter(text: &str) -> impl Iterator<Item = Apposition> + '_ {
    crate::text::successive(|at| find_at(text, at), |a| a.whole.1)
}

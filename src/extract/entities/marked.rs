//! The person patterns that may start at any name word ("Ana Ruiz of Spain", "Acme's Ana Ruiz",
//! "Alp and I", "Rox (our CTO)"), searched only around a mark every match holds: with no
//! literal to start from, their automata read every byte of every article. A mark (" of " then
//! a capital, a possessive "'s", " and ", a bracket, a colon) is found by `memchr`; the regex
//! then reads only the stretch of bytes a match can hold around it. The matches are the
//! regex's own, in the same order (a test compares the two from every char boundary).

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex_automata::util::captures::Captures;
use regex_automata::{Input, meta};

use super::appositions::blank;

/// The mark every match of a pattern holds, at a byte that the match holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// "(": "Rox (our CTO)".
    Bracket,
    /// "and" between blanks: "Alp and I".
    And,
    /// ":": "Author: Ana Ruiz".
    Colon,
    /// "'s" or "’s" then a blank: "Acme's Ana Ruiz".
    Possessive,
    /// "of" between blanks, then a capital: "Ana Ruiz of Spain".
    OfCapital,
    /// "(@": "— Kiyo (@IslandKiyo) September 28".
    Handle,
    /// "By" opening a line: "By Ana Ruiz".
    ByLine,
}

impl Mark {
    /// The first mark at or after byte `at`: the byte it starts at.
    fn find(self, b: &[u8], at: usize) -> Option<usize> {
        let rest = b.get(at..)?;
        match self {
            Self::Bracket => memchr::memchr(b'(', rest).map(|i| at + i),
            Self::Colon => memchr::memchr(b':', rest).map(|i| at + i),
            Self::Handle => HANDLE.find(rest).map(|i| at + i),
            Self::ByLine => BY
                .find_iter(rest)
                .map(|i| at + i)
                .find(|&p| p == 0 || b[p - 1] == b'\n'),
            Self::And => AND
                .find_iter(rest)
                .map(|i| at + i)
                .find(|&p| p > 0 && blank(b[p - 1]) && b.get(p + 3).copied().is_some_and(blank)),
            Self::Possessive => memchr::memchr2_iter(b'\'', 0xE2, rest)
                .map(|i| at + i)
                .find(|&p| {
                    let s = if b[p] == b'\'' {
                        p + 1
                    } else if b.get(p + 1..p + 3) == Some(&[0x80, 0x99][..]) {
                        p + 3
                    } else {
                        return false;
                    };
                    b.get(s) == Some(&b's') && b.get(s + 1).copied().is_some_and(blank)
                }),
            Self::OfCapital => OF.find_iter(rest).map(|i| at + i).find(|&p| {
                if p == 0 || !blank(b[p - 1]) || !b.get(p + 2).copied().is_some_and(blank) {
                    return false;
                }
                let mut q = p + 3;
                while b.get(q).copied().is_some_and(blank) {
                    q += 1;
                }
                b.get(q).is_some_and(u8::is_ascii_uppercase)
            }),
        }
    }
}

/// The marks of more than one byte, their searchers built once.
static AND: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"and"));
static OF: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"of"));
static HANDLE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"(@"));
static BY: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new(b"By"));

/// A pattern searched around its marks.
pub struct Marked {
    re: meta::Regex,
    mark: Mark,
    /// The bytes a match may hold anywhere but at its last byte, which may be any.
    inside: [bool; 256],
    /// The indices of the `name` and `place` groups.
    name: Option<usize>,
    place: Option<usize>,
}

/// A match: byte ranges of the whole, of its `name` group and of its `place` group.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Found {
    pub whole: (usize, usize),
    pub name: Option<(usize, usize)>,
    pub place: Option<(usize, usize)>,
}

impl Marked {
    /// `pattern` (compiled by [`super::compile_unfiltered`]: the marks are the prefilter),
    /// `mark`, and the bytes a match may hold besides a name's and blanks: every byte of a
    /// match but its last must be a letter, `-`, `'`, `.`, a blank, a byte of a non-ASCII
    /// char, or in `extra`.
    pub fn new(pattern: &str, mark: Mark, extra: &[u8]) -> Option<Self> {
        let re = super::compile_unfiltered(pattern)?;
        // The mark's own byte, which is never a match's last, is inside.
        let own: &[u8] = match mark {
            Mark::Bracket => b"(",
            Mark::Colon => b":",
            _ => b"",
        };
        let mut inside = [false; 256];
        for (i, inside) in inside.iter_mut().enumerate() {
            let b = i as u8;
            *inside = b.is_ascii_alphabetic()
                || b >= 0x80
                || b"-'. \t".contains(&b)
                || extra.contains(&b)
                || own.contains(&b);
        }
        let group = |g| re.group_info().to_index(regex_automata::PatternID::ZERO, g);
        let (name, place) = (group("name"), group("place"));
        Some(Self {
            re,
            mark,
            inside,
            name,
            place,
        })
    }

    /// A fresh set of capture slots for [`Self::find_at`].
    pub fn create_captures(&self) -> Captures {
        self.re.create_captures()
    }

    /// The first match starting at or after byte `at`, as `regex::Regex::captures_at` finds
    /// it: every match holds a mark and, but for its last byte, only inside bytes, so it lies
    /// in the run of inside bytes around a mark, with one byte more; the regex reads only that.
    pub fn find_at(&self, text: &str, at: usize, caps: &mut Captures) -> Option<Found> {
        let b = text.as_bytes();
        let mut from = at;
        while let Some(m) = self.mark.find(b, from) {
            let mut start = m;
            while start > at && self.inside[usize::from(b[start - 1])] {
                start -= 1;
            }
            let mut end = m;
            while end < b.len() && self.inside[usize::from(b[end])] {
                end += 1;
            }
            // The byte that ends the run is ASCII (every non-ASCII byte is inside).
            let stop = (end + 1).min(b.len());
            self.re
                .search_captures(&Input::new(text).span(start..stop), caps);
            if let Some(whole) = caps.get_match() {
                let group = |i: Option<usize>| {
                    let s = caps.get_group(i?)?;
                    Some((s.start, s.end))
                };
                return Some(Found {
                    whole: (whole.start(), whole.end()),
                    name: group(self.name),
                    place: group(self.place),
                });
            }
            from = end.max(m + 1);
        }
        None
    }

    /// Every match, as `regex::Regex::captures_iter` finds them.
    pub fn for_each(&self, text: &str, mut f: impl FnMut(Found)) {
        let mut caps = self.create_captures();
        let mut at = 0;
        while let Some(found) = self.find_at(text, at, &mut caps) {
            f(found);
            // No pattern here matches the empty string; were one to, the walk would end.
            if found.whole.1 <= at {
                break;
            }
            at = found.whole.1;
        }
    }
}

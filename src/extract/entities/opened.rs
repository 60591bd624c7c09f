//! The person patterns that open on a fixed word ("President Trump", "analyst Jane Doe",
//! "founder Alon's", "said Ana Ruiz"), searched only where one of their words stands. Each
//! regex alone scans the whole text with its own prefilter and lazy DFA; here one pass over
//! the text's word starts finds every pattern's words at once (by the word's run of letters,
//! then its first two letters in any ASCII case, then the words themselves), a cheap test of
//! the bytes after the word turns most of them down, and the regex runs anchored at the rest.
//! (An overlapping Aho-Corasick scan of the words cost about 46 instructions a byte, five
//! times this pass.) The matches are the regex's own, in the same order (`tests/opened.rs`
//! compares them).

use std::sync::LazyLock;

use memchr::memmem::Finder;
use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, meta};

use super::appositions::blank;
use super::letter_runs::{self, RunSet};
use super::marked::Found;
use super::word_starts::WordStarts;

/// What must follow a pattern's opening word, after any blanks: a test that every match
/// passes, so a word it fails opens no match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum After {
    /// At least one blank, then a name word's first byte (an ASCII capital or a non-ASCII byte).
    Name,
    /// As [`After::Name`], or a dash or colon after any blanks ("analyst - Jane Doe").
    NameOrDash,
    /// A comma after any blanks ("CEO, Zhaojun,").
    Comma,
}

impl After {
    /// Whether the bytes from `at` (just after the word) may go on to a match.
    fn holds(self, b: &[u8], at: usize) -> bool {
        let mut q = at;
        while b.get(q).copied().is_some_and(blank) {
            q += 1;
        }
        let Some(&next) = b.get(q) else {
            return false;
        };
        let name = q > at && (next.is_ascii_uppercase() || next >= 0x80);
        match self {
            Self::Name => name,
            // "–" and "—" open with 0xE2.
            Self::NameOrDash => name || matches!(next, b'-' | b':' | 0xE2),
            Self::Comma => next == b',',
        }
    }
}

/// One pattern: `(?-u:\b)(?:word|…)` then the rest.
struct Opened {
    re: meta::Regex,
    /// The index of the `name` group.
    name: Option<usize>,
    /// Whether its words match in any case (`(?i:…)`).
    fold: bool,
    after: After,
}

/// The patterns that open on a fixed word, and the one scan for all their words.
pub struct Openers {
    patterns: Vec<Opened>,
    /// The words by their first two bytes lower-cased (ASCII letters only): an index into
    /// `words`, 0 for none.
    pairs: Vec<u16>,
    /// Per pair: its words lower-cased, each with the patterns it opens (the pattern's index
    /// and, unless the pattern folds case, the word as the pattern writes it).
    words: Vec<Vec<Word>>,
    /// The [`letter_runs::key`] of every word's leading run of ASCII letters in any case. A
    /// word at a word start is read there only when the text's run of letters may be one of
    /// them: most words of a text open no pattern, yet share their first two letters with one
    /// that does. A word that opens a match is followed by a blank, a comma, a dash or a colon
    /// ([`After`]), never a letter, so its run of letters is the text's whole run there.
    runs: RunSet,
}

/// An opening word, lower-cased, and the patterns it opens.
struct Word {
    lower: Vec<u8>,
    owners: Vec<(usize, Option<String>)>,
}

/// The two chars that `(?i)` matches to ASCII letters ("k", "s"), their searchers built once.
static KELVIN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("\u{212a}"));
static LONG_S: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("ſ"));

/// The slot of a word's first two bytes in [`Openers::pairs`].
fn pair(first: u8, second: u8) -> usize {
    usize::from(first.to_ascii_lowercase() - b'a') * 256 + usize::from(second.to_ascii_lowercase())
}

/// What a text needs searched: per pattern, the bytes a match may start at (ascending), or
/// `None` when the whole text must be searched (a folding pattern in a text with a Kelvin
/// sign or a long s, which `(?i)` matches to "k" and "s" and the scan does not).
pub struct Starts(Vec<Option<Vec<usize>>>);

impl Openers {
    /// The patterns, each with its opening words, whether they fold case, and what follows
    /// them. `None` when a pattern does not compile, a word does not open with an ASCII
    /// letter (the boundary test before it would not hold), or a word that folds case is not
    /// ASCII (it is compared by ASCII case, `(?i)` folds by Unicode's).
    pub fn new<'a>(
        specs: impl IntoIterator<Item = (&'a str, &'a [&'a str], bool, After)>,
    ) -> Option<Self> {
        let mut patterns = Vec::new();
        let mut pairs = vec![0u16; 26 * 256];
        let mut words: Vec<Vec<Word>> = vec![Vec::new()];
        let mut runs = RunSet::new(16);
        for (i, (pattern, opening, fold, after)) in specs.into_iter().enumerate() {
            let re = super::compile_unfiltered(pattern)?;
            let name = re
                .group_info()
                .to_index(regex_automata::PatternID::ZERO, "name");
            for w in opening {
                let b = w.as_bytes();
                if b.len() < 2 || !b[0].is_ascii_alphabetic() || fold && !w.is_ascii() {
                    return None;
                }
                runs.insert(letter_runs::folded(letter_runs::key(
                    b,
                    0,
                    letter_runs::end(b, 0),
                )));
                let slot = &mut pairs[pair(b[0], b[1])];
                if *slot == 0 {
                    *slot = u16::try_from(words.len()).ok()?;
                    words.push(Vec::new());
                }
                let bucket = &mut words[usize::from(*slot)];
                let lower = w.to_ascii_lowercase().into_bytes();
                let exact = (!fold).then(|| w.to_string());
                match bucket.iter_mut().find(|k| k.lower == lower) {
                    Some(k) => k.owners.push((i, exact)),
                    None => bucket.push(Word {
                        lower,
                        owners: vec![(i, exact)],
                    }),
                }
            }
            patterns.push(Opened {
                re,
                name,
                fold,
                after,
            });
        }
        Some(Self {
            patterns,
            pairs,
            words,
            runs,
        })
    }

    /// Where each pattern may start in `text`: its words at the text's word starts (an ASCII
    /// word boundary before them, as the patterns' `(?-u:\b)`) with the right bytes after.
    pub fn starts(&self, text: &str) -> Starts {
        self.starts_from(text, &WordStarts::of(text))
    }

    /// [`Self::starts`] from the text's word starts found already: a word is read only where
    /// its run of letters may be some opening word's run.
    pub(super) fn starts_from(&self, text: &str, words: &WordStarts) -> Starts {
        let b = text.as_bytes();
        let folded_away = self.patterns.iter().any(|p| p.fold)
            && (KELVIN.find(b).is_some() || LONG_S.find(b).is_some());
        let mut starts: Vec<Option<Vec<usize>>> = self
            .patterns
            .iter()
            .map(|p| (!(p.fold && folded_away)).then(Vec::new))
            .collect();
        for (start, key) in words.ascii_words() {
            if self.runs.may_hold(letter_runs::folded(key)) {
                self.word_at(b, start, &mut starts);
            }
        }
        Starts(starts)
    }

    /// Marks the patterns that the words standing at word start `p` may open.
    #[inline(never)]
    fn word_at(&self, b: &[u8], p: usize, starts: &mut [Option<Vec<usize>>]) {
        let Some(&second) = b.get(p + 1) else {
            return;
        };
        let slot = self.pairs[pair(b[p], second)];
        if slot == 0 {
            return;
        }
        let third = b.get(p + 2).map_or(0, u8::to_ascii_lowercase);
        for w in &self.words[usize::from(slot)] {
            if w.lower.get(2).is_some_and(|&t| t != third) {
                continue;
            }
            let Some(here) = b.get(p..p + w.lower.len()) else {
                continue;
            };
            if !here.eq_ignore_ascii_case(&w.lower) {
                continue;
            }
            for (i, exact) in &w.owners {
                let written = exact.as_ref().is_none_or(|e| here == e.as_bytes());
                if written
                    && self.patterns[*i].after.holds(b, p + w.lower.len())
                    && let Some(Some(s)) = starts.get_mut(*i)
                {
                    s.push(p);
                }
            }
        }
    }

    /// Every match of pattern `i`, as `regex::Regex::captures_iter` finds them: from each
    /// start in turn, past the last match, the regex anchored there.
    pub fn for_each(&self, i: usize, text: &str, starts: &Starts, mut f: impl FnMut(Found)) {
        let (Some(p), Some(at_words)) = (self.patterns.get(i), starts.0.get(i)) else {
            return;
        };
        if at_words.as_ref().is_some_and(Vec::is_empty) {
            return;
        }
        let mut caps = p.re.create_captures();
        let found = |caps: &Captures| {
            let whole = caps.get_match()?;
            let name = p
                .name
                .and_then(|g| caps.get_group(g))
                .map(|s| (s.start, s.end));
            Some(Found {
                whole: (whole.start(), whole.end()),
                name,
                place: None,
            })
        };
        let mut at = 0;
        match at_words {
            Some(at_words) => {
                for &s in at_words {
                    if s < at {
                        continue;
                    }
                    let input = Input::new(text).span(s..text.len()).anchored(Anchored::Yes);
                    p.re.search_captures(&input, &mut caps);
                    if let Some(m) = found(&caps) {
                        at = m.whole.1;
                        f(m);
                    }
                }
            }
            None => {
                while at <= text.len() {
                    p.re.search_captures(&Input::new(text).span(at..text.len()), &mut caps);
                    let Some(m) = found(&caps) else { break };
                    // No pattern here matches the empty string; were one to, the walk ends.
                    if m.whole.1 <= at {
                        break;
                    }
                    at = m.whole.1;
                    f(m);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{After, Openers};

    #[test]
    fn a_folding_word_beyond_ascii_is_refused_and_an_exact_one_taken() {
        let pattern = r"(?i:(?-u:\b)président)\s+(?P<name>[A-Z][a-z]+)";
        let folding = [(pattern, &["président"][..], true, After::Name)];
        assert!(Openers::new(folding).is_none());
        let exact = [(pattern, &["président"][..], false, After::Name)];
        assert!(Openers::new(exact).is_some());
    }
}

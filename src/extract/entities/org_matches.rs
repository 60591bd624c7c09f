//! Where the organisation pattern matches, read only around the words that end or open an
//! organisation's name ("Bank", "Inc", "Ministry" ... from the `assets/` lists the pattern is
//! built from): the pattern has no literal to skip to, so over the whole text its lazy DFA
//! reads every byte, while those words open with a capital, found eight bytes at a time.
//!
//! Every match holds one of those words (each branch of the pattern names one), never a line
//! break, and a bounded number of blank-separated tokens before and after it; so the pattern
//! run on the stretch of a line those tokens span, stretches that touch merged, finds what it
//! finds over the whole text. `organizations::PATTERN` stays the definition
//! (`tests/org_matches.rs` compares the two from every char boundary).

use std::sync::LazyLock;

use super::organizations::{self, FOREIGN_BANKS, LEGAL_SUFFIXES, OF_HEADS, PUBLIC_SUFFIXES};
use super::{Candidate, EntityKind, Source, words};

/// The anchor words by first capital (each word's leading ASCII letters: "Inc" for "Inc.",
/// "Central" for "Central Bank"), and how many tokens a match may hold before and after the
/// token an anchor opens. `None` when a list word opens with no ASCII capital or holds a
/// line break: then the pattern runs over the whole text.
struct Anchors {
    by_capital: [Vec<Key>; 26],
    before: usize,
    after: usize,
}

/// An anchor's leading letters and what a match needs around it, by the lists holding it.
#[derive(Default)]
struct Key {
    letters: &'static [u8],
    /// Ends a name (a suffix, public body's word or legal form): a word and blanks before it.
    ends: bool,
    /// Opens a name "of ..." or "for ...": blanks and one of those after it.
    opens: bool,
    /// A foreign bank's first word: blanks after it.
    foreign: bool,
    /// A word of several tokens: no test around it.
    always: bool,
}

static ANCHORS: LazyLock<Option<Anchors>> = LazyLock::new(|| {
    let lists: [(&[&'static str], u8); 5] = [
        (&organizations::SUFFIXES, 0),
        (&LEGAL_SUFFIXES, 0),
        (&PUBLIC_SUFFIXES, 0),
        (&OF_HEADS, 1),
        (&FOREIGN_BANKS, 2),
    ];
    let mut by_capital: [Vec<Key>; 26] = Default::default();
    let mut widest = 1;
    for (list, role) in lists {
        for word in list {
            let b = word.as_bytes();
            let first = *b.first()?;
            if !first.is_ascii_uppercase() || b.iter().any(|&c| c == b'\n' || c == b'\r') {
                return None;
            }
            let letters = &b[..b.iter().take_while(|c| c.is_ascii_alphabetic()).count()];
            let bucket = &mut by_capital[usize::from(first - b'A')];
            let at = match bucket.iter().position(|k| k.letters == letters) {
                Some(at) => at,
                None => {
                    bucket.push(Key {
                        letters,
                        ..Key::default()
                    });
                    bucket.len() - 1
                }
            };
            let key = &mut bucket[at];
            match role {
                0 => key.ends = true,
                1 => key.opens = true,
                _ => key.foreign = true,
            }
            // Past a word that is more than its letters, what follows is not tested.
            key.always |= letters.len() != b.len() && role != 0;
            key.always |= b.iter().any(|&c| c == b' ' || c == b'\t');
            widest = widest.max(1 + b.iter().filter(|&&c| c == b' ' || c == b'\t').count());
        }
    }
    // Before the anchor: at most three words, a word and "and", a word and the plural
    // possessive before a public body's word (seven); after the anchor's own tokens: "for",
    // a word and three times "and" and a word (eight), or a second legal form. One spare each.
    Some(Anchors {
        by_capital,
        before: 7,
        after: widest + 8.max(widest),
    })
});

/// The leftmost match of `organizations::PATTERN` starting at or after `at` (a char boundary),
/// as `PATTERN.find_at(text, at)` gives it.
pub fn find_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let re = organizations::PATTERN.as_ref()?;
    let Some(anchors) = ANCHORS.as_ref() else {
        return re.find_at(text, at).map(|m| (m.start(), m.end()));
    };
    let b = text.as_bytes();
    let mut from = at;
    let mut next = next_anchor(b, anchors, at);
    while let Some(first) = next {
        let start = from.max(back(b, first, anchors.before));
        let mut end = forward(b, first, anchors.after);
        // Take in every anchor whose stretch touches this one.
        next = next_anchor(b, anchors, first + 1);
        while let Some(p) = next.filter(|&p| back(b, p, anchors.before) <= end) {
            end = end.max(forward(b, p, anchors.after));
            next = next_anchor(b, anchors, p + 1);
        }
        if let Some(m) = re.find_at(&text[..end], start) {
            return Some((m.start(), m.end()));
        }
        from = end;
    }
    None
}

/// Every match, in order, as `PATTERN.find_iter(text)` gives them (no match is empty).
pub fn find_iter(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let (s, e) = find_at(text, at)?;
        at = e;
        Some((s, e))
    })
}

/// The next byte at or after `i` where a match's anchor word may begin: an ASCII capital after
/// no ASCII word byte (every branch has a `\b` or blanks there), opening a run of letters that
/// is some anchor's leading letters, with around it what one of the branches needs.
fn next_anchor(b: &[u8], anchors: &Anchors, mut i: usize) -> Option<usize> {
    while let Some(p) = next_capital(b, i) {
        i = p + 1;
        let c = b[p];
        if p > 0 && (b[p - 1].is_ascii_alphanumeric() || b[p - 1] == b'_') {
            continue;
        }
        let len = b[p..]
            .iter()
            .take_while(|c| c.is_ascii_alphabetic())
            .count();
        let run = &b[p..p + len];
        let Some(key) = anchors.by_capital[usize::from(c - b'A')]
            .iter()
            .find(|k| k.letters == run)
        else {
            continue;
        };
        if key.always
            || (key.ends && ends_a_word(b, p))
            || (key.opens && opens_of_or_for(&b[p + len..]))
            || (key.foreign && b.get(p + len).is_some_and(|&c| blank(c)))
        {
            return Some(p);
        }
    }
    None
}

/// Blanks before `p`, and before them the end of a word, "and" or a possessive: a letter, a
/// digit, "&", a full stop or an apostrophe (straight or the last byte of "’").
fn ends_a_word(b: &[u8], p: usize) -> bool {
    let mut i = p;
    while i > 0 && blank(b[i - 1]) {
        i -= 1;
    }
    i < p
        && i > 0
        && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'&' | b'.' | b'\'' | 0x99))
}

/// Blanks, then "of" or "for", then a blank.
fn opens_of_or_for(rest: &[u8]) -> bool {
    let blanks = rest.iter().take_while(|&&c| blank(c)).count();
    if blanks == 0 {
        return false;
    }
    let rest = &rest[blanks..];
    [&b"of"[..], b"for"]
        .iter()
        .any(|w| rest.starts_with(w) && rest.get(w.len()).is_some_and(|&c| blank(c)))
}

/// The first ASCII capital at or after `i`, eight bytes at a time: with each byte's top bit
/// cleared, adding 0x3F sets it from 'A' up and adding 0x25 from '[' up, with no carry between
/// bytes; bytes whose own top bit was set are no capital.
fn next_capital(b: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        let y = x & !TOPS;
        let capitals = y.wrapping_add(0x3F * ONES) & !y.wrapping_add(0x25 * ONES) & !x & TOPS;
        if capitals != 0 {
            return Some(i + capitals.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    b.get(i..)?
        .iter()
        .position(u8::is_ascii_uppercase)
        .map(|n| i + n)
}

fn blank(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

/// The start of the token holding `p` moved back over `n` more tokens of its line.
fn back(b: &[u8], p: usize, n: usize) -> usize {
    let mut i = p;
    while i > 0 && !blank(b[i - 1]) && b[i - 1] != b'\n' {
        i -= 1;
    }
    for _ in 0..n {
        let mut j = i;
        while j > 0 && blank(b[j - 1]) {
            j -= 1;
        }
        if j == 0 || b[j - 1] == b'\n' || j == i {
            break;
        }
        while j > 0 && !blank(b[j - 1]) && b[j - 1] != b'\n' {
            j -= 1;
        }
        i = j;
    }
    i
}

/// The end of the `n`th token of the line from the token holding `p`: a blank, a line break
/// or the text's end, where cutting the text changes no `\b`.
fn forward(b: &[u8], p: usize, n: usize) -> usize {
    let mut i = p;
    for _ in 0..n {
        while i < b.len() && blank(b[i]) {
            i += 1;
        }
        if i == b.len() || b[i] == b'\n' {
            break;
        }
        while i < b.len() && !blank(b[i]) && b[i] != b'\n' {
            i += 1;
        }
    }
    // Back onto the blanks after the last token read, so the stretch ends on a token's end.
    while i > p && blank(b[i - 1]) {
        i -= 1;
    }
    i
}

/// Organisation names from the pattern, with sentence words and a place's initials trimmed
/// from their front and a legal form's town from their end.
pub(super) fn org_candidates(text: &str, out: &mut Vec<Candidate>) {
    if organizations::PATTERN.is_none() {
        return;
    }
    for (m_start, m_end) in find_iter(text) {
        let mut rest = &text[m_start..m_end];
        while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
            if !words::ORG_LEADERS.contains(first) && !words::OPENERS.contains(first) {
                break;
            }
            rest = tail.trim_start();
        }
        // "U.S. Agriculture Department": a place's initials before the body stay the place.
        if let Some((first, tail)) = rest.split_once(' ')
            && organizations::place_initials(first)
        {
            rest = tail.trim_start();
        }
        // A "The" inside cuts a headline fragment off ("Rekt II The Ronin Network").
        if let Some(i) = rest.rfind(" The ") {
            rest = &rest[i + 5..];
        }
        let start = m_end - rest.len();
        // "Ozaki Trading Co Ltd of Osaka": after a legal form, "of" names the firm's town.
        if let Some(i) = rest.find(" of ").filter(|&i| {
            rest[..i]
                .rsplit(' ')
                .next()
                .is_some_and(|w| LEGAL_SUFFIXES.contains(&w))
        }) {
            rest = &rest[..i];
        }
        let end = start + rest.len();
        let words: Vec<&str> = rest.split_whitespace().collect();
        if organizations::pool_token(&words) {
            continue;
        }
        if words.len() < 2
            || words[..words.len() - 1]
                .iter()
                .all(|w| words::ORG_GENERIC.contains(w))
        {
            continue; // only the organisation word, or generic words before it
        }
        out.push(Candidate {
            start,
            end,
            kind: EntityKind::Organization,
            canonical: rest.split_whitespace().collect::<Vec<_>>().join(" "),
            parent: None,
            source: Source::OrgPattern,
        });
    }
}

/// The words the matcher anchors on, as the lists write them (for tests that build texts from
/// them).
pub fn anchor_words() -> impl Iterator<Item = &'static str> {
    [
        &organizations::SUFFIXES[..],
        &LEGAL_SUFFIXES[..],
        &PUBLIC_SUFFIXES[..],
        &OF_HEADS[..],
        &FOREIGN_BANKS[..],
    ]
    .into_iter()
    .flatten()
    .copied()
}

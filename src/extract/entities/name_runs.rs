//! Runs of capitalised name words ("Peter van Valkenbergh", "José Núñez"), found by a scan
//! over the words instead of the regex [`super::people::NAME_RUN`]: that regex may start at any
//! capital, so it ran its automaton over every byte of every article. This finds exactly the
//! regex's matches, in the same order (a test compares the two over generated texts).

use rustc_hash::FxHashSet;
use std::sync::LazyLock;

/// A capital of a name word: `[A-ZÀ-ÖØ-ÞĀ-ž]`.
pub(super) fn upper(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'À'..='Ö' | 'Ø'..='Þ' | 'Ā'..='ž')
}

/// A letter after a name word's capital: `[a-zß-öø-ÿĀ-ž]`.
pub(super) fn lower(c: char) -> bool {
    matches!(c, 'a'..='z' | 'ß'..='ö' | 'ø'..='ÿ' | 'Ā'..='ž')
}

/// A letter after a joining mark ("O'Brien", "Jae-in"): `[A-Za-zÀ-ÖØ-öø-ÿĀ-ž]`.
pub(super) fn joined(c: char) -> bool {
    matches!(c, 'A'..='Z' | 'a'..='z' | 'À'..='Ö' | 'Ø'..='ö' | 'ø'..='ÿ' | 'Ā'..='ž')
}

/// The char at byte `i` of `text`, if any (ASCII read as a byte).
pub(super) fn char_at(text: &str, i: usize) -> Option<char> {
    match text.as_bytes().get(i) {
        Some(&b) if b < 0x80 => Some(char::from(b)),
        Some(_) => text.get(i..)?.chars().next(),
        None => None,
    }
}

/// The end of a run of `lower` letters from `i` holding at least one, if any.
pub(super) fn lowers(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i;
    loop {
        match b.get(j) {
            Some(c) if c.is_ascii_lowercase() => j += 1,
            Some(c) if *c >= 0x80 => match char_at(text, j) {
                Some(ch) if lower(ch) => j += ch.len_utf8(),
                _ => break,
            },
            _ => break,
        }
    }
    (j > i).then_some(j)
}

/// The end of `[U][L]+` at `i`, if it matches there.
pub(super) fn capitalised(text: &str, i: usize) -> Option<usize> {
    let c = char_at(text, i).filter(|&c| upper(c))?;
    lowers(text, i + c.len_utf8())
}

/// The end of one name word at `i` read the `n`th way the regex's `WORD` reads it, in the
/// order the regex tries them: 0, "Mc"/"Mac" + capitalised word (and one hyphened part); 1, a
/// capitalised word with joined parts; 2, an initial "J.". Each way reads as far as it can:
/// no shorter reading of it is followed by what may follow a word.
fn word_end(text: &str, i: usize, n: usize) -> Option<usize> {
    let b = text.as_bytes();
    match n {
        0 => {
            let rest = &b[i.min(b.len())..];
            let e = if rest.starts_with(b"Mac") {
                capitalised(text, i + 3)
            } else if rest.starts_with(b"Mc") {
                capitalised(text, i + 2)
            } else {
                None
            }?;
            Some(if b.get(e) == Some(&b'-') {
                capitalised(text, e + 1).unwrap_or(e)
            } else {
                e
            })
        }
        1 => {
            let mut e = capitalised(text, i)?;
            loop {
                let Some(mark) = char_at(text, e).filter(|c| matches!(c, '-' | '\'' | '’'))
                else {
                    return Some(e);
                };
                let after = e + mark.len_utf8();
                let next = char_at(text, after)
                    .filter(|&c| joined(c))
                    .and_then(|c| lowers(text, after + c.len_utf8()));
                match next {
                    Some(n) => e = n,
                    None => return Some(e),
                }
            }
        }
        _ => {
            let c = char_at(text, i).filter(|&c| upper(c))?;
            let e = i + c.len_utf8();
            (b.get(e) == Some(&b'.')).then_some(e + 1)
        }
    }
}

/// The end of the first way `WORD` reads at `i`.
fn word(text: &str, i: usize) -> Option<usize> {
    (0..3).find_map(|n| word_end(text, i, n))
}

/// The end of a run of spaces and tabs from `i` holding at least one, if any.
fn blanks(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut j = i;
    while matches!(b.get(j), Some(b' ' | b'\t')) {
        j += 1;
    }
    (j > i).then_some(j)
}

/// One more word of the run after byte `i`: blanks, perhaps a lower-case particle and blanks
/// ("van"), then a word. The end of that word.
/// A particle opens with an ASCII small letter and a word never does, so the byte after the
/// blanks picks the one reading that may match; a particle's blank is looked for only as far
/// as the longest particle reaches.
fn next_word(text: &str, i: usize) -> Option<usize> {
    let after = blanks(text, i)?;
    let b = text.as_bytes();
    if !b.get(after).is_some_and(u8::is_ascii_lowercase) {
        return word(text, after);
    }
    let n = b[after..]
        .iter()
        .take(PARTICLES.longest + 1)
        .position(|b| matches!(b, b' ' | b'\t'))?;
    let p = after + n;
    PARTICLES
        .words
        .contains(&b[after..p])
        .then(|| blanks(text, p).and_then(|w| word(text, w)))?
}

/// The lower-case particles as bytes, and the length of the longest (no longer word is one).
struct Particles {
    words: FxHashSet<&'static [u8]>,
    longest: usize,
}

static PARTICLES: LazyLock<Particles> = LazyLock::new(|| {
    let words: FxHashSet<&'static [u8]> = super::people::LOWER_PARTICLES
        .iter()
        .map(|p| p.as_bytes())
        .collect();
    let longest = words.iter().map(|w| w.len()).max().unwrap_or(0);
    Particles { words, longest }
});

/// Whether byte `b` may open a name word: an ASCII capital or the lead byte of a letter in
/// U+00C0–U+017F.
pub(super) fn may_open(b: u8) -> bool {
    b.is_ascii_uppercase() || (0xC3..=0xC5).contains(&b)
}

/// The first byte at or after `i` that [`may_open`] a word. Eight ASCII bytes at a time: in a
/// word of ASCII bytes, adding 0x3F sets a byte's top bit from 'A' up and adding 0x25 from
/// '[' up, with no carry between bytes; a word holding other bytes is read a byte at a time.
pub(super) fn next_open(bytes: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const TOPS: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut eight = [0u8; 8];
        eight.copy_from_slice(chunk);
        let x = u64::from_le_bytes(eight);
        if x & TOPS == 0 {
            let capitals = x.wrapping_add(0x3F * ONES) & !x.wrapping_add(0x25 * ONES) & TOPS;
            if capitals == 0 {
                i += 8;
                continue;
            }
            return Some(i + capitals.trailing_zeros() as usize / 8);
        }
        if let Some(n) = chunk.iter().position(|&b| may_open(b)) {
            return Some(i + n);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| may_open(b))
        .map(|n| i + n)
}

/// The first run at or after byte `at` (a char boundary): the byte range `NAME_RUN.find_at`
/// gives.
pub fn find_at(text: &str, at: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = at;
    while i < bytes.len() {
        i = next_open(bytes, i)?;
        // The first word is read every way the regex may read it, until one has a second
        // word after it; later words are read the first way that matches.
        let first = (0..3).find_map(|n| word_end(text, i, n).and_then(|e| next_word(text, e)));
        if let Some(mut end) = first {
            while let Some(e) = next_word(text, end) {
                end = e;
            }
            return Some((i, end));
        }
        i += 1;
        while i < bytes.len() && !text.is_char_boundary(i) {
            i += 1;
        }
    }
    None
}

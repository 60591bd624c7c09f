//! The title pattern ("X - REKT", "X suffers …", "X loses …") read by hand: the regex cost
//! about 4,000 instructions a title with its lazy DFA and captures, two titles an article.
//! Its definition stays the regex built by [`pattern`], which the tests compare it with.

use std::sync::LazyLock;

use crate::text::is_ascii_word_byte;
use crate::text::{is_ascii_space, white_space_end};

/// The words after a name that say it was robbed (`assets/lexicon/victim-title-verbs.txt`,
/// lower-case ASCII); a blank stands for `\s+`.
pub(super) static VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/lexicon/victim-title-verbs.txt"
    ))
    .collect()
});

/// The ASCII letters [`VERBS`] open with, a bit each (`a` the lowest): after a blank, another
/// letter is passed over with no verb tried.
static VERB_FIRSTS: LazyLock<u32> = LazyLock::new(|| {
    VERBS
        .iter()
        .filter_map(|v| v.bytes().next())
        .filter(u8::is_ascii_lowercase)
        .fold(0, |m, b| m | 1 << (b - b'a'))
});

/// The words after a dash: "X - REKT" (`assets/lexicon/victim-title-dashed.txt`).
pub(super) static DASHED: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/lexicon/victim-title-dashed.txt"
    ))
    .collect()
});

/// The most characters a name takes.
const NAME_CHARS: usize = 60;

/// The title pattern the reader implements: group `n` is the name.
#[cfg(test)]
pub(super) fn pattern() -> String {
    let verbs: Vec<String> = VERBS.iter().map(|v| v.replace(' ', r"\s+")).collect();
    format!(
        r"^(?P<n>[^\n]{{1,{NAME_CHARS}}}?)\s+(?:[-–]\s+(?i:{})(?-u:\b)|(?i:{})(?-u:\b))",
        DASHED.join("|"),
        verbs.join("|")
    )
}

/// The name [`pattern`] captures at the start of `title`: the fewest characters (1 to 60, no
/// line break) followed by blanks and a dashed word ("rekt") or one of the verbs. Only a blank can
/// end the name, so the words are looked for only after one.
pub(super) fn name(title: &str) -> Option<&str> {
    let bytes = title.as_bytes();
    let (mut at, mut taken) = (0, 0);
    while let Some(&b) = bytes.get(at) {
        if taken > 0 && (is_ascii_space(b) || !b.is_ascii()) && said_robbed(&title[at..]) {
            return Some(&title[..at]);
        }
        if b == b'\n' || taken == NAME_CHARS {
            return None;
        }
        taken += 1;
        at += if b.is_ascii() {
            1
        } else {
            title[at..].chars().next().map_or(1, char::len_utf8)
        };
    }
    None
}

/// Whether `rest` opens with blanks and then a dashed word ("rekt") or a verb, each ending at an
/// ASCII word boundary.
fn said_robbed(rest: &str) -> bool {
    let after = white_space_end(rest, 0);
    if after == 0 {
        return false;
    }
    let rest = &rest[after..];
    if let Some(dashed) = rest.strip_prefix(['-', '–']) {
        let gap = white_space_end(dashed, 0);
        return gap > 0 && DASHED.iter().any(|d| word(&dashed[gap..], d));
    }
    // An ASCII byte opens only the verbs with its letter (in either case); beyond ASCII, the
    // Kelvin sign and the long s are letters of ASCII words, so every verb is tried.
    let first = rest.as_bytes().first().map(u8::to_ascii_lowercase);
    if let Some(b) = first
        && b.is_ascii()
        && !(b.is_ascii_lowercase() && *VERB_FIRSTS & 1 << (b - b'a') != 0)
    {
        return false;
    }
    VERBS
        .iter()
        .any(|v| first.is_none_or(|b| !b.is_ascii() || v.as_bytes()[0] == b) && word(rest, v))
}

/// Whether `text` opens with `word` (lower-case ASCII, a blank standing for `\s+`) in any case
/// as `(?i)` reads it, followed by an ASCII word boundary. Under Unicode case folding only the
/// Kelvin sign and the long s beyond ASCII are letters of ASCII words (a `k` and an `s`).
fn word(text: &str, word: &str) -> bool {
    let mut at = 0;
    for w in word.bytes() {
        if w == b' ' {
            let gap = white_space_end(&text[at..], 0);
            if gap == 0 {
                return false;
            }
            at += gap;
            continue;
        }
        let Some(c) = text[at..].chars().next() else {
            return false;
        };
        let same = c.to_ascii_lowercase() == char::from(w)
            || (w == b'k' && c == '\u{212A}')
            || (w == b's' && c == '\u{17F}');
        if !same {
            return false;
        }
        at += c.len_utf8();
    }
    let bytes = text.as_bytes();
    let before = at > 0 && is_ascii_word_byte(bytes[at - 1]);
    let after = bytes.get(at).is_some_and(|&b| is_ascii_word_byte(b));
    before != after
}

//! The words the rule's patterns before a figure need ("lost", "hack", "theft"), found in one
//! pass so that a pattern whose words are absent from the text before the figure is not run
//! (most figures' sentences hold none). A necessary test, never the pattern itself.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::text::is_ascii_word_byte;

/// The verbs of `VERB_BEFORE` ("Nimbus lost $5M").
pub(super) const VERBS: &str =
    "lost|loses|lose|losing|suffered|suffers|suffer|experienced|hacked|drained|exploited|robbed";
/// The nouns of `NOUN_BEFORE` ("the Bybit hack … $1.4 billion").
pub(super) const NOUNS: &str = "hack|exploit|heist|breach|attack|robbery|theft";
/// The nouns of `AGAINST_BEFORE` ("an attack against the bank that cost $850 million").
pub(super) const AGAINST_NOUNS: &str = "attack|hack|heist|breach|theft|exploit";

/// Which of the patterns before a figure may match.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct May {
    pub verb: bool,
    pub noun: bool,
    pub against: bool,
}

impl May {
    /// Every pattern runs.
    pub const ALL: Self = Self {
        verb: true,
        noun: true,
        against: true,
    };
    /// None does.
    const NONE: Self = Self {
        verb: false,
        noun: false,
        against: false,
    };
}

/// Each word of the three lists, in any ASCII case, with the lists it is on.
static WORDS: LazyLock<Option<(AhoCorasick, Vec<May>)>> = LazyLock::new(|| {
    let mut words: Vec<(&str, May)> = Vec::new();
    for (k, list) in [VERBS, NOUNS, AGAINST_NOUNS].into_iter().enumerate() {
        for w in list.split('|') {
            let at = match words.iter().position(|(x, _)| *x == w) {
                Some(at) => at,
                None => {
                    words.push((w, May::NONE));
                    words.len() - 1
                }
            };
            let may = &mut words[at].1;
            match k {
                0 => may.verb = true,
                1 => may.noun = true,
                _ => may.against = true,
            }
        }
    }
    let ac = AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .build(words.iter().map(|(w, _)| w))
        .ok()?;
    Some((ac, words.into_iter().map(|(_, m)| m).collect()))
});

/// Which patterns may match in `pre`, the sentence before a figure. Each needs one of its words
/// with no word byte before it (a boundary or blanks) and, for the verbs and nouns, none after
/// it (a boundary); the nouns after "against" may take an "s". Under Unicode case folding the
/// Kelvin sign and the long s are a `k` and an `s`, so a text with either runs every pattern.
pub(super) fn before(pre: &str) -> May {
    let Some((ac, lists)) = WORDS.as_ref() else {
        return May::ALL;
    };
    if !pre.is_ascii() && pre.contains(['\u{212A}', '\u{17F}']) {
        return May::ALL;
    }
    let bytes = pre.as_bytes();
    let mut may = May::NONE;
    for m in ac.find_overlapping_iter(pre) {
        let open = m.start() == 0 || !is_ascii_word_byte(bytes[m.start() - 1]);
        if !open {
            continue;
        }
        let next = bytes.get(m.end()).copied();
        let closed = next.is_none_or(|b| !is_ascii_word_byte(b));
        let list = lists[m.pattern().as_usize()];
        may.verb |= list.verb && closed;
        may.noun |= list.noun && closed;
        may.against |=
            list.against && (closed || next.is_some_and(|b| b.eq_ignore_ascii_case(&b's')));
        if may == May::ALL {
            break;
        }
    }
    may
}

//! The words the rule's patterns around a figure need ("lost", "hack", "theft" before it;
//! "hack on", "from" after it), looked for first so that a pattern whose words are absent is
//! not run (most figures' sentences hold none). A necessary test, never the pattern itself.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::text::is_ascii_space;
use crate::text::is_ascii_word_byte;

/// A word list of `assets/lexicon/` (lower-case ASCII, see `word_lists_are_lower_case_words`).
type List = LazyLock<Vec<&'static str>>;

/// The verbs of `VERB_BEFORE` ("Nimbus lost $5M"; `assets/lexicon/victim-loss-verbs.txt`).
pub(super) static VERBS: List = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/lexicon/victim-loss-verbs.txt"
    ))
    .collect()
});
/// The nouns of `NOUN_BEFORE` ("the Bybit hack … $1.4 billion";
/// `assets/lexicon/victim-incident-nouns.txt`).
pub(super) static NOUNS: List = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/lexicon/victim-incident-nouns.txt"
    ))
    .collect()
});
/// The nouns of `AGAINST_BEFORE` and `NOUN_ON_AFTER` ("an attack against the bank that cost
/// $850 million", "a $2.1 billion hack on Vesta"; `assets/lexicon/victim-attack-nouns.txt`).
pub(super) static ATTACK_NOUNS: List = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/lexicon/victim-attack-nouns.txt"
    ))
    .collect()
});
/// How many words may stand between a figure and a noun of `NOUN_ON_AFTER`.
pub(super) const ON_NOUN_REACH: usize = 2;
/// The words of `FROM_AFTER` ("stolen from Banco del Sur"), in this case only
/// (`assets/lexicon/victim-from-words.txt`).
pub(super) static FROM_WORDS: List = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/lexicon/victim-from-words.txt"
    ))
    .collect()
});
/// How many characters (none a full stop or a semicolon) `FROM_AFTER` reads before its word.
pub(super) const FROM_REACH: usize = 120;

/// Which of the patterns after a figure may match.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct After {
    pub noun_on: bool,
    pub from: bool,
}

/// Which patterns may match in `post`, the sentence after a figure: `NOUN_ON_AFTER` needs one
/// of its nouns opening one of the first three words, `FROM_AFTER` one of its words with no
/// ASCII word byte before it, a blank after it, and only characters other than a full stop or
/// a semicolon, at most [`FROM_REACH`], before it. Text beyond ASCII where either looks lets
/// the pattern run: its blanks and case folding are Unicode's.
pub(super) fn after(post: &str) -> After {
    After {
        noun_on: noun_may_open_a_word(post),
        from: from_word_may_follow(post),
    }
}

/// Whether one of the first `ON_NOUN_REACH + 1` words of `post` may be an [`ATTACK_NOUNS`] word
/// (the pattern reads blanks right after it).
fn noun_may_open_a_word(post: &str) -> bool {
    let bytes = post.as_bytes();
    let mut at = 0;
    for _ in 0..=ON_NOUN_REACH {
        while at < bytes.len() && is_ascii_space(bytes[at]) {
            at += 1;
        }
        let word = at;
        while at < bytes.len() && !is_ascii_space(bytes[at]) {
            if !bytes[at].is_ascii() {
                return true;
            }
            at += 1;
        }
        if word == at {
            return false;
        }
        let w = &bytes[word..at];
        if ATTACK_NOUNS
            .iter()
            .any(|n| w.eq_ignore_ascii_case(n.as_bytes()))
        {
            return true;
        }
    }
    false
}

/// Whether a [`FROM_WORDS`] word may stand where `FROM_AFTER` reads it: before any full stop
/// or semicolon, within [`FROM_REACH`] characters (at most four bytes each), where its first
/// letter stands.
fn from_word_may_follow(post: &str) -> bool {
    let bytes = post.as_bytes();
    let reach = &bytes[..bytes.len().min(4 * FROM_REACH + 4)];
    let zone = &reach[..memchr::memchr2(b'.', b';', reach).unwrap_or(reach.len())];
    FROM_WORDS.iter().any(|w| {
        let w = w.as_bytes();
        w.first().is_some_and(|&first| {
            memchr::memchr_iter(first, zone).any(|at| {
                (at == 0 || !is_ascii_word_byte(bytes[at - 1]))
                    && bytes[at..].starts_with(w)
                    && bytes
                        .get(at + w.len())
                        .is_some_and(|&n| !n.is_ascii() || is_ascii_space(n))
            })
        })
    })
}

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
    for (k, list) in [&*VERBS, &*NOUNS, &*ATTACK_NOUNS].into_iter().enumerate() {
        for &w in list {
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

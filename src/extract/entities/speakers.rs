//! Speakers of an interview ("Camila: The short answer is, yes…"). A transcript labels each
//! answer with its speaker's name at the start of a line; a pseudonym there ("Pranksy") has no
//! shape a name rule knows, yet the layout says it is someone speaking. Every other mention of
//! the name in the article is that person too.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashMap;

use super::automaton::Source;
use super::words::{COMMON, CRYPTO};
use super::{Candidate, bounded};
use crate::extract::EntityKind;

/// A label opening a line: one or two capitalised words and a colon, then the answer (or the
/// answer on the next lines).
static LABEL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::compile(
        r"(?m)^[ \t*_]*(?P<name>[A-Z][A-Za-z0-9]+(?: [A-Z][a-z]+)?)[ \t*_]*:[ \t*_]*(?P<rest>[^\n]*)$",
    )
});

/// Words an answer has at least: a field list ("ETH: 0x12…", "Amount: $3M") has fewer.
const ANSWER_WORDS: usize = 6;

/// Whether a label is a word of the language or of crypto writing ("Amount", "Update",
/// "Ethereum") or an acronym ("BSC", "FTX Support"), not a speaker.
fn field_name(name: &str) -> bool {
    name.split(' ').any(|w| {
        let lower = w.to_lowercase();
        COMMON.contains(lower.as_str())
            || CRYPTO.contains(lower.as_str())
            || w.len() >= 2
                && w.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    })
}

/// The first non-empty line at or after byte `at`.
fn next_line(text: &str, at: usize) -> &str {
    text[at..]
        .split('\n')
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

/// The names that label at least two answers of the article.
fn speaker_names(text: &str) -> Vec<&str> {
    let Some(re) = LABEL.as_ref() else {
        return Vec::new();
    };
    let mut answers: FxHashMap<&str, usize> = FxHashMap::default();
    let mut order = Vec::new();
    for caps in re.captures_iter(text) {
        let (Some(name), Some(rest)) = (caps.name("name"), caps.name("rest")) else {
            continue;
        };
        let answer = match rest.as_str().trim() {
            "" => next_line(text, rest.end()),
            r => r,
        };
        if answer.split_whitespace().count() < ANSWER_WORDS || field_name(name.as_str()) {
            continue;
        }
        let n = answers.entry(name.as_str()).or_default();
        *n += 1;
        if *n == 2 {
            order.push(name.as_str());
        }
    }
    order
}

/// Every mention of the article's interview speakers, as people.
pub(super) fn speaker_candidates(text: &str, out: &mut Vec<Candidate>) {
    for name in speaker_names(text) {
        for (start, _) in text.match_indices(name) {
            let end = start + name.len();
            if !bounded(text, start, end) {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind: EntityKind::Person,
                canonical: name.to_string(),
                parent: None,
                source: Source::PersonPattern,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_labelling_two_answers_are_speakers_and_field_lists_are_not() {
        let text = "rekt:\n\nHow did you find it?\n\nZorbly:\n\nSomeone dropped it in my chat \
                    last week.\n\nrekt: And then?\n\nZorbly: I bought it before anyone else \
                    could look.\n\nAmount: about three million dollars lost in the attack \
                    overall\nAmount: the same again from the second pool that day\n\
                    ETH: 0xabc\nETH: 0xdef\nQuindar: yes\nQuindar: no\n";
        assert_eq!(speaker_names(text), vec!["Zorbly"]);
        let mut out = Vec::new();
        speaker_candidates(
            &format!("{text}As Zorbly put it, the floor fell."),
            &mut out,
        );
        assert_eq!(out.len(), 3);
        assert!(out.iter().all(|c| c.kind == EntityKind::Person));
    }
}

//! Money amounts: parsing, classification, dating, victim and actor.
//!
//! One pass finds the figures ([`parse`]), one finds the cue words ([`classify`]); each figure
//! then looks only at its own sentence (and paragraph, for dates and actors), so the work grows
//! with the text, not with figures × text.

mod classify;
mod fx;
mod parse;
mod parts;
mod story;
mod victim;

use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::Article;
use crate::partial_date::PartialDate;

use super::lexicon::Lexicon;
use super::{Amount, AmountKind, EntityMention, dates::DateMention};
use parts::mark_components;
use story::Story;

pub use victim::normalized as normalized_victim;

/// Sentences of the lede in which a dated theft statement dates the whole story.
const LEDE_SENTENCES: usize = 5;

/// Sentences (the title line counts as one) in which an article states the theft it is about.
const MAIN_LEDE_SENTENCES: usize = 8;

/// Compiles one of this module's fixed patterns. They are constants of the program, not input:
/// a bad one is a programming error, caught by `every_static_pattern_compiles` before it ships.
fn pattern(s: &str) -> Regex {
    Regex::new(s).unwrap_or_else(|e| panic!("money extractor pattern {s:?}: {e}"))
}

static CRYPTO_ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)crypto|bitcoin|ethereum|blockchain|stablecoin|(?-u:\b)defi(?-u:\b)|(?-u:\b)tokens?(?-u:\b)|(?-u:\b)wallets?(?-u:\b)",
    )
});

/// "14.5% of the …": a share of something named after it.
static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)[0-9](?:\.[0-9]+)?\s?(?:%|per\s?cent)\s+of\s+(?:the|its|their)(?-u:\b)")
});

/// Bytes before a figure within which a "N% of the" makes it a share.
const SHARE_REACH: usize = 60;

/// Words that blame a theft on someone.
static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(?:attribut\w*|behind|blam\w*|linked|responsib\w*|tied|suspected|carried\s+out|perpetrat\w*|orchestrat\w*|culprits?)(?-u:\b)",
    )
});

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(?:date|incident\s+date|date\s+of\s+(?:the\s+)?(?:attack|incident|hack|exploit))\s*:\s*$",
    )
});

/// A date mention in byte offsets.
struct ByteDate<'a> {
    start: usize,
    end: usize,
    mention: &'a DateMention,
}

/// A figure on its way to becoming an [`Amount`].
struct Work {
    parsed: parse::Parsed,
    sentence: usize,
    kind: AmountKind,
    cue: Option<String>,
    victim: Option<String>,
    event_date: Option<PartialDate>,
    inferred: bool,
    usd: Option<f64>,
    /// "another $4M", "a second $2M": a theft of its own, never a part of a larger figure.
    separate: bool,
    /// The role of the cue that decided the kind.
    role: Option<classify::Cue>,
    /// The theft the article is about.
    main: bool,
}

/// Finds every money amount of an article, classified and dated, with the built-in lexicon.
pub fn find(article: &Article, dates: &[DateMention], entities: &[EntityMention]) -> Vec<Amount> {
    find_with(Lexicon::builtin(), article, dates, entities)
}

/// Finds every money amount of an article, classified and dated, reading the word lists of
/// `lex`.
pub fn find_with(
    lex: &Lexicon,
    article: &Article,
    dates: &[DateMention],
    entities: &[EntityMention],
) -> Vec<Amount> {
    let Some(story) = Story::read(lex, article, dates, entities) else {
        return Vec::new();
    };
    let lede_date = story.lede_date();
    let mut work: Vec<Work> = (0..story.figures.len())
        .map(|i| story.figure(i, lede_date))
        .collect();
    let main_victim = story.main_victim(&work);
    story.choose_main(&mut work);
    mark_components(&mut work, main_victim.as_deref(), story.text);
    story.amounts(work, main_victim)
}

/// Bytes of its sentence read on each side of a figure.
const SENTENCE_REACH: usize = 600;

/// `sentence` cut to at most [`SENTENCE_REACH`] bytes either side of `figure`, on char
/// boundaries.
fn clamp_window(text: &str, sentence: (usize, usize), figure: (usize, usize)) -> (usize, usize) {
    let mut s = sentence.0.max(figure.0.saturating_sub(SENTENCE_REACH));
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let mut e = sentence.1.min(figure.1 + SENTENCE_REACH).min(text.len());
    while !text.is_char_boundary(e) {
        e -= 1;
    }
    (s.min(figure.0), e.max(figure.1))
}

/// "since 2017" starts a period; it dates no event.
fn starts_period(text: &str, d: &ByteDate) -> bool {
    let (word, _) = word_before(text, d.start);
    word.eq_ignore_ascii_case("since") || starts_with_word(&d.mention.text, "since")
}

/// The word right before byte `at` (after any spaces), and where it starts.
fn word_before(text: &str, at: usize) -> (&str, usize) {
    let head = text[..at].trim_end();
    let start = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric())
        .last()
        .map_or(head.len(), |(i, _)| i);
    (&head[start..], start)
}

/// Whether `text` starts with `word` followed by a space ("In 2017", "on Monday").
fn starts_with_word(text: &str, word: &str) -> bool {
    text.get(..word.len())
        .is_some_and(|h| h.eq_ignore_ascii_case(word))
        && text[word.len()..].starts_with(char::is_whitespace)
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod general_english;

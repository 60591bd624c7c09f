//! Money amounts: parsing, classification, dating, victim and actor.
//!
//! One pass finds the figures ([`parse`]), one finds the cue words ([`classify`]); each figure
//! then looks only at its own sentence (and paragraph, for dates and actors), so the work grows
//! with the text, not with figures × text.

mod classify;
pub mod features;
pub(crate) mod fx;
pub mod model;
pub(crate) mod parse;
mod parts;
mod story;
mod victim_examples;

use std::sync::LazyLock;

use regex_automata::meta::Regex;

use crate::corpus::Article;
use crate::partial_date::PartialDate;

use super::document::{Document, Span};
use super::lexicon::Lexicon;
use super::{Amount, AmountKind, EntityMention, dates::DateMention};
use crate::learn::Features;
use model::{AmountModel, ROLES};
use parts::mark_components;
use story::Story;

pub use crate::extract::victims::normalized as normalized_victim;
pub use victim_examples::{FigureVictims, victim_examples};

/// The theft probability (role model) a figure needs to be the headline; the headline is then a
/// theft whatever its role. Chosen on the cross-validated reports (README): 0.5 lost headlines
/// stated in unusual words.
const HEADLINE_MIN_THEFT: f32 = 0.25;

/// Sentences of the lede in which a dated theft statement dates the whole story.
const LEDE_SENTENCES: usize = 5;

/// Sentences (the title line counts as one) in which an article states the theft it is about.
const MAIN_LEDE_SENTENCES: usize = 8;

/// Compiles one of this module's fixed patterns, with no prefilter: each runs anchored where a
/// figure starts or over a few dozen bytes around one, where a prefilter finds nothing faster,
/// and building one cost more than the searches (`extract::unfiltered`). They are constants of
/// the program, not input: a bad one is a programming error, caught by
/// `every_static_pattern_compiles`.
fn pattern(s: &str) -> Regex {
    super::unfiltered::regex(s)
}

/// "14.5% of the …": a share of something named after it.
static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    pattern(r"(?i)[0-9](?:\.[0-9]+)?\s?(?:%|per\s?cent)\s+of\s+(?:the|its|their)(?-u:\b)")
});

/// Bytes before a figure within which a "N% of the" makes it a share.
const SHARE_REACH: usize = 60;

/// Whether `before` holds a [`SHARE_OF`]: the pattern runs only where its `%` or its "per"
/// stands (ASCII letters in any case; no other character folds to them), which most figures'
/// words lack.
fn is_share(before: &str) -> bool {
    let b = before.as_bytes();
    let per = || {
        memchr::memchr2_iter(b'p', b'P', b).any(|i| {
            b.get(i + 1..i + 3)
                .is_some_and(|w| w.eq_ignore_ascii_case(b"er"))
        })
    };
    (memchr::memchr(b'%', b).is_some() || per()) && SHARE_OF.is_match(before)
}

static DATE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    pattern(
        r"(?i)(?-u:\b)(?:date|incident\s+date|date\s+of\s+(?:the\s+)?(?:attack|incident|hack|exploit))\s*:\s*$",
    )
});

/// Whether the text before a date (up to it) may end in a [`DATE_LABEL`]: the label's colon and
/// blanks (`\s`, which is `char::is_whitespace`) end its line, so the line is looked for and the
/// pattern run only after one, not before every date of an article with no lede date.
fn may_end_in_date_label(head: &str) -> bool {
    head.trim_end().ends_with(':')
}

/// A date mention in byte offsets.
struct ByteDate<'a> {
    start: usize,
    end: usize,
    mention: &'a DateMention,
}

/// A figure on its way to becoming an [`Amount`].
#[derive(Clone)]
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
    /// The role model's probability for `kind`; none when the rules alone decided.
    probability: Option<f32>,
}

/// Finds every money amount of an article, classified and dated, with the built-in lexicon.
pub fn find(article: &Article, dates: &[DateMention], entities: &[EntityMention]) -> Vec<Amount> {
    find_with(Lexicon::builtin(), article, dates, entities)
}

/// Finds every money amount of an article, classified and dated, reading the word lists of
/// `lex`, with the shipped amount model.
pub fn find_with(
    lex: &Lexicon,
    article: &Article,
    dates: &[DateMention],
    entities: &[EntityMention],
) -> Vec<Amount> {
    find_with_model(lex, &model::SHIPPED, article, dates, entities)
}

/// [`find_with`] deciding roles and the headline theft with `model` (an empty model leaves the
/// hand rules' decisions).
pub fn find_with_model(
    lex: &Lexicon,
    model: &AmountModel,
    article: &Article,
    dates: &[DateMention],
    entities: &[EntityMention],
) -> Vec<Amount> {
    let doc = Document::new(&article.text);
    find_in_document(lex, model, article, &doc, dates, entities)
}

/// [`find_with_model`] on the article's [`Document`] (its text read once), as extraction
/// calls it.
pub fn find_in_document(
    lex: &Lexicon,
    model: &AmountModel,
    article: &Article,
    doc: &Document,
    dates: &[DateMention],
    entities: &[EntityMention],
) -> Vec<Amount> {
    let Some(story) = Story::read(lex, article, doc, dates, entities) else {
        return Vec::new();
    };
    let mut read = read_figures(lex, &story);
    if !model.is_empty() {
        decide(model, &mut read);
    }
    mark_components(&mut read.work, read.main_victim.as_deref(), story.text);
    story.amounts(read.work, read.main_victim)
}

/// What the amount model sees of an article, for the training command: each figure's text as
/// written (the amount's `text`), its dollar value (only figures with one can be the
/// headline), and its features, in text order; and the headline ranking's "none" candidate.
pub struct ArticleFigures {
    pub figures: Vec<FigureFeatures>,
    pub none: Features,
}

/// One figure of [`ArticleFigures`].
pub struct FigureFeatures {
    pub text: String,
    pub usd: Option<f64>,
    pub features: features::Figure,
}

/// The [`ArticleFigures`] of an article.
pub fn figure_features(
    article: &Article,
    dates: &[DateMention],
    entities: &[EntityMention],
) -> ArticleFigures {
    let lex = Lexicon::builtin();
    let doc = Document::new(&article.text);
    let Some(story) = Story::read(lex, article, &doc, dates, entities) else {
        return ArticleFigures {
            figures: Vec::new(),
            none: Features::new(),
        };
    };
    let read = read_figures(lex, &story);
    let figures = read
        .work
        .iter()
        .zip(read.features)
        .map(|(w, features)| FigureFeatures {
            text: story.text[w.parsed.start..w.parsed.end].to_string(),
            usd: w.usd,
            features,
        })
        .collect();
    ArticleFigures {
        figures,
        none: read.none,
    }
}

/// The headline ranking's candidates, "none" first, as the extractor builds them: `none` and
/// each dollar figure's structural features (its dollar value, features, theft probability),
/// with where it stands among the article's likely thefts; and the figure index of each
/// candidate after "none".
pub fn headline_candidates(
    none: &Features,
    figures: &[(Option<f64>, &Features, f32)],
) -> (Vec<Features>, Vec<usize>) {
    let max_p = figures.iter().map(|f| f.2).fold(0.0, f32::max);
    // The likely thefts' values, sorted, so that each candidate's relations are two binary
    // searches (a dense article stays near-linear).
    let mut likely: Vec<f64> = figures
        .iter()
        .filter(|f| f.2 >= 0.5)
        .filter_map(|f| f.0)
        .collect();
    likely.sort_by(f64::total_cmp);
    let mut candidates = Vec::with_capacity(figures.len() + 1);
    candidates.push(features::for_none(none, max_p));
    let mut index = Vec::with_capacity(figures.len());
    let mut earlier = 0;
    for (i, (usd, f, p)) in figures.iter().enumerate() {
        let likely_here = *p >= 0.5;
        if let Some(v) = usd {
            let upto = likely.partition_point(|x| *x <= v * 1.05);
            let from = likely.partition_point(|x| *x < v * 0.95);
            let larger = likely.len() - upto;
            let within = upto.saturating_sub(from);
            let same = within.saturating_sub(usize::from(likely_here));
            candidates.push(features::for_headline(f, *p, larger, same, earlier));
            index.push(i);
        }
        if likely_here && usd.is_some() {
            earlier += 1;
        }
    }
    (candidates, index)
}

/// An article's figures as the hand rules decided them (the main theft chosen, parts not yet
/// marked), with what the model needs.
struct Read {
    work: Vec<Work>,
    main_victim: Option<String>,
    features: Vec<features::Figure>,
    none: Features,
    /// Each figure's `separate` before the rules chose their main theft: the model's headline,
    /// not the rules', is the figure never taken for a part.
    separate: Vec<bool>,
}

fn read_figures(lex: &Lexicon, story: &Story) -> Read {
    let (work, main_victim, separate, signals) = rule_figures(story);
    let features = features::of_figures(lex, story, &work, &signals);
    let none = features::none_candidate(story, &signals);
    Read {
        work,
        main_victim,
        features,
        none,
        separate,
    }
}

/// The figures as the hand rules decide them (with the story's victim and each figure's
/// `separate` before the main theft was chosen), and what the article says of them as a whole.
fn rule_figures(
    story: &Story,
) -> (
    Vec<Work>,
    Option<String>,
    Vec<bool>,
    features::ArticleSignals,
) {
    let lede_date = story.lede_date();
    let mut work: Vec<Work> = (0..story.figures.len())
        .map(|i| story.figure(i, lede_date))
        .collect();
    let main_victim = story.main_victim(&work);
    let separate: Vec<bool> = work.iter().map(|w| w.separate).collect();
    story.choose_main(&mut work);
    // Which figures the rules would make parts of a total (marking one changes its kind).
    let mut parts = vec![false; work.len()];
    for (i, _) in parts::components(&work, main_victim.as_deref()) {
        parts[i] = true;
    }
    let signals = features::ArticleSignals::of(story, &work, parts);
    (work, main_victim, separate, signals)
}

/// The model's roles and headline theft in place of the rules'.
fn decide(model: &AmountModel, read: &mut Read) {
    let mut theft = Vec::with_capacity(read.work.len());
    for (w, f) in read.work.iter_mut().zip(&read.features) {
        let p = model.roles(&f.all);
        let best = (0..ROLES.len())
            .max_by(|&a, &b| p[a].total_cmp(&p[b]))
            .unwrap_or(4);
        if ROLES[best] != w.kind {
            w.cue = None;
        }
        w.kind = ROLES[best];
        w.probability = Some(p[best]);
        w.main = false;
        theft.push(p[0] + p[1]);
    }
    // The rules' main theft is a feature, not a decision, once the model decides.
    for (w, s) in read.work.iter_mut().zip(&read.separate) {
        w.separate = *s;
    }
    let figures: Vec<(Option<f64>, &Features, f32)> = read
        .work
        .iter()
        .zip(&read.features)
        .zip(&theft)
        .map(|((w, f), t)| (w.usd, &f.structure, *t))
        .collect();
    let (candidates, index) = headline_candidates(&read.none, &figures);
    let p = model.headline(&candidates);
    // The ranking is trained to put its mass on every statement of the headline value. Only a
    // figure the role model gives a fair chance of being a theft can be the headline (the
    // ranking picks among thefts, it does not make one out of a price), and those figures
    // together must outweigh "none".
    let eligible: Vec<usize> = (1..p.len())
        .filter(|&c| theft[index[c - 1]] >= HEADLINE_MIN_THEFT)
        .collect();
    let mass: f32 = eligible.iter().map(|&c| p[c]).sum();
    let best = eligible
        .iter()
        .copied()
        .max_by(|&a, &b| p[a].total_cmp(&p[b]));
    if let Some(c) = best
        && mass > p[0]
    {
        let i = index[c - 1];
        let w = &mut read.work[i];
        if !matches!(w.kind, AmountKind::Stolen | AmountKind::Attempted) {
            w.kind = AmountKind::Stolen;
            w.cue = None;
            w.probability = Some(theft[i]);
        }
        w.main = true;
        w.separate = true;
    }
}

/// Bytes of its sentence read on each side of a figure.
const SENTENCE_REACH: usize = 600;

/// `sentence` cut to at most [`SENTENCE_REACH`] bytes either side of `figure`, on char
/// boundaries.
fn clamp_window(text: &str, sentence: Span, figure: (usize, usize)) -> (usize, usize) {
    let mut s = sentence
        .start()
        .max(figure.0.saturating_sub(SENTENCE_REACH));
    while !text.is_char_boundary(s) {
        s += 1;
    }
    let mut e = sentence
        .end()
        .min(figure.1 + SENTENCE_REACH)
        .min(text.len());
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

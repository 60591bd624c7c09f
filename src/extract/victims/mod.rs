//! Who was robbed, and by whom: a figure's victim chosen among the article's organisation
//! mentions by a learned scorer, and its actor among the threat-actor mentions.
//!
//! The victim is never a person and may be none. Each organisation of the article (its
//! mentions gathered under one identity, [`identity`]) is a candidate beside "none"; a listwise
//! ranker ([`crate::learn::Ranker`], a conditional logistic regression) weighs what lies between
//! the figure and the name (clause, distance, direction, attribution words), how the article
//! treats the name (title, how often, rank) and what the old hand rule ([`rule`]) would have
//! named. Weights: `assets/victim-model.tsv`, trained on `tests/data/victim-labels.json` by the
//! command in its header.

mod actor;
mod candidates;
mod features;
pub mod model;
pub(crate) mod rule;

use std::borrow::Cow;
use std::cell::OnceCell;

use crate::extract::EntityMention;
use crate::extract::document::{Document, Span};
use crate::extract::lexicon::Lexicon;
use crate::learn::Features;
use crate::text::is_ascii_space;

pub use actor::Actor;
pub use rule::normalized;

/// The identity key of an organisation: the key the corpus gathering merges its spellings by
/// (`entities::variant_key` of the canonical name). Amounts and incidents carry it beside the
/// display name, and incidents compare it.
pub fn identity(name: &str) -> String {
    crate::extract::entities::variant_key(name)
}

/// A figure's victim: the organisation's display name and identity.
#[derive(Clone, Debug, PartialEq)]
pub struct Victim {
    pub name: String,
    pub id: String,
}

/// An article's text with its ASCII lower case, both taken from its [`Document`], so that a
/// scene cannot be given a lower case of another text.
#[derive(Clone, Copy)]
pub struct SceneText<'a> {
    text: &'a str,
    /// `text` with its ASCII letters lower-cased (`Document::lower`, the same offsets).
    lower: &'a str,
}

impl<'a> SceneText<'a> {
    pub fn of(doc: &'a Document) -> Self {
        Self {
            text: doc.text(),
            lower: doc.lower(),
        }
    }
}

/// One article as the victim scorer reads it (byte offsets): its sentences, its organisation
/// candidates and its threat-actor mentions. What it reads off the whole text is read when a
/// theft figure first asks for it: most articles' figures are not thefts.
pub struct Scene<'a> {
    lex: &'a Lexicon,
    text: &'a str,
    /// `text` with its ASCII letters lower-cased (`Document::lower`, the same offsets): the
    /// rug words are searched there with the automaton's prefilter.
    lower: &'a str,
    /// Where the title line ends, when the text opens with one.
    title_end: Option<usize>,
    sents: &'a [Span],
    /// The article's money figures (byte offsets).
    figures: Vec<(usize, usize)>,
    /// Entity mentions by start.
    entities: &'a [(usize, usize, &'a EntityMention)],
    /// Where each word (a run of non-space characters) starts: word distances are counted on
    /// it, not by re-reading the text between every figure and every mention (quadratic in a
    /// long filing).
    word_starts: OnceCell<Vec<usize>>,
    candidates: OnceCell<Vec<candidates::Candidate>>,
    /// The article tells of a rug pull or an exit scam: its project is the thief, not a victim.
    rug: OnceCell<bool>,
    /// The actor named in a sentence of attribution, for the article's main theft.
    attributed: OnceCell<Option<Actor>>,
}

/// What the scorer knows of one figure.
pub struct FigureView<'f> {
    /// The figure (byte offsets).
    pub span: (usize, usize),
    /// Its sentence, as far as the money stages read it.
    pub window: (usize, usize),
    /// Index of its sentence.
    pub sentence: usize,
    /// The victim the old rule names in the figure's sentence.
    pub rule_sentence: Option<&'f str>,
    /// The story's victim by the old rule (the title, else the lede's theft).
    pub rule_story: Option<&'f str>,
    /// Its kind as the amount stages decided it.
    pub kind: crate::extract::AmountKind,
    /// The theft the article is about.
    pub main: bool,
}

/// A figure's candidates: "none" first, then each organisation, with their features.
pub struct Candidates {
    /// Display names and identities, one per candidate after "none".
    pub victims: Vec<Victim>,
    pub features: Vec<Features>,
}

/// Byte offsets where a run of non-space characters starts. Eight ASCII bytes are read at
/// once as a word ([`ascii_spaces`]); only a byte beyond ASCII is decoded.
fn word_starts(text: &str) -> Vec<usize> {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len() / 6);
    let mut in_word = false;
    let mut at = 0;
    while at < bytes.len() {
        if let Some(eight) = bytes
            .get(at..at + 8)
            .and_then(|b| <[u8; 8]>::try_from(b).ok())
        {
            let w = u64::from_le_bytes(eight);
            if w & HIGH == 0 {
                // A byte's high bit: it is in a word; the one before it was (the previous
                // byte's bit moved up one byte, the last chunk's state for the first).
                let word = !ascii_spaces(w) & HIGH;
                let before = (word << 8) | (u64::from(in_word) << 7);
                let mut starts = word & !before;
                while starts != 0 {
                    out.push(at + (starts.trailing_zeros() / 8) as usize);
                    starts &= starts - 1;
                }
                in_word = word >> 63 != 0;
                at += 8;
                continue;
            }
        }
        let b = bytes[at];
        let (space, len) = if b.is_ascii() {
            (is_ascii_space(b), 1)
        } else {
            let c = text[at..].chars().next().unwrap_or(' ');
            (c.is_whitespace(), c.len_utf8())
        };
        if !space && !in_word {
            out.push(at);
        }
        in_word = !space;
        at += len;
    }
    out
}

/// The high bit of each byte of `w` (eight ASCII bytes) that is [`is_ascii_space`]: a space, or
/// a byte from tab to carriage return. No sum carries into the next byte, as every byte is
/// under 0x80.
const fn ascii_spaces(w: u64) -> u64 {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let x = w ^ 0x2020_2020_2020_2020;
    let blank = !(((x & LOW7) + LOW7) | x) & HIGH;
    let from_tab = w + 0x7777_7777_7777_7777;
    let past_return = w + 0x7272_7272_7272_7272;
    blank | (from_tab & !past_return & HIGH)
}

impl<'a> Scene<'a> {
    /// How many words `text[a..b]` holds (`split_whitespace().count()`, from the index).
    fn words_between(&self, a: usize, b: usize) -> usize {
        if a >= b {
            return 0;
        }
        let first = self.text[a..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace());
        let starts = self.word_starts.get_or_init(|| word_starts(self.text));
        let inner = starts.partition_point(|&p| p < b) - starts.partition_point(|&p| p <= a);
        inner + usize::from(first)
    }

    /// `w`'s ASCII lower case: for a slice of the text, the bytes of `lower` at the same place,
    /// with no copy; for any other string (which no caller passes today), a lower-cased copy
    /// rather than a wrong slice or a panic.
    fn lower_of(&self, w: &str) -> Cow<'a, str> {
        let at = (w.as_ptr() as usize).wrapping_sub(self.text.as_ptr() as usize);
        match self.lower.get(at..at.saturating_add(w.len())) {
            Some(lower) if at.saturating_add(w.len()) <= self.text.len() => Cow::Borrowed(lower),
            _ => Cow::Owned(w.to_ascii_lowercase()),
        }
    }

    /// The article's organisations, read on first use.
    fn organisations(&self) -> &[candidates::Candidate] {
        self.candidates
            .get_or_init(|| candidates::of(self.text, self.entities, self.title_end, self.lex))
    }

    /// Whether the article tells of a rug pull, read on first use.
    fn rug(&self) -> bool {
        *self
            .rug
            .get_or_init(|| features::tells_of_a_rug(self.text, self.lower))
    }

    pub fn new(
        lex: &'a Lexicon,
        text: SceneText<'a>,
        title_line: bool,
        sents: &'a [Span],
        figures: Vec<(usize, usize)>,
        entities: &'a [(usize, usize, &'a EntityMention)],
    ) -> Self {
        let SceneText { text, lower } = text;
        let title_end = title_line.then(|| text.find('\n').unwrap_or(text.len()));
        Self {
            lex,
            text,
            lower,
            title_end,
            sents,
            figures,
            entities,
            word_starts: OnceCell::new(),
            candidates: OnceCell::new(),
            attributed: OnceCell::new(),
            rug: OnceCell::new(),
        }
    }

    /// The figure's candidates and their features.
    pub fn candidates(&self, f: &FigureView) -> Candidates {
        let victims = self
            .organisations()
            .iter()
            .map(|c| Victim {
                name: c.name.clone(),
                id: c.id.clone(),
            })
            .collect();
        Candidates {
            victims,
            features: self.features(f),
        }
    }

    /// The features of "none" and of each candidate for figure `f`.
    fn features(&self, f: &FigureView) -> Vec<Features> {
        let candidates = self.organisations();
        let mut features = Vec::with_capacity(candidates.len() + 1);
        let rule = features::Rule::new(f);
        features.push(features::none(self, f, &rule));
        let near: Vec<features::Near> = candidates
            .iter()
            .map(|c| features::nearest(self, f, c))
            .collect();
        // A candidate's order is how many are strictly nearer: counted on the sorted distances,
        // not by comparing every pair (a long filing has thousands of organisations).
        let mut sorted: Vec<usize> = near.iter().map(|n| n.distance).collect();
        sorted.sort_unstable();
        for (c, n) in candidates.iter().zip(&near) {
            let order = sorted.partition_point(|&d| d < n.distance);
            features.push(features::of(self, f, &rule, c, *n, order));
        }
        features
    }

    /// The figure's victim by `model`; with no model, the organisation the old rule names
    /// (its sentence's victim, else the story's).
    pub fn victim(&self, model: &model::VictimModel, f: &FigureView) -> Option<Victim> {
        let candidates = self.organisations();
        if candidates.is_empty() {
            return None;
        }
        if model.is_empty() {
            let named = |name: Option<&str>| {
                let name = candidates::RuleName::new(name?);
                candidates.iter().find(|c| candidates::names(c, &name))
            };
            return named(f.rule_sentence)
                .or_else(|| named(f.rule_story))
                .map(|c| Victim {
                    name: c.name.clone(),
                    id: c.id.clone(),
                });
        }
        let p = model.probabilities(&self.features(f));
        let best = (0..p.len()).max_by(|&a, &b| p[a].total_cmp(&p[b]))?;
        (best > 0).then(|| {
            let c = &candidates[best - 1];
            Victim {
                name: c.name.clone(),
                id: c.id.clone(),
            }
        })
    }

    /// The threat actor the text blames for a theft figure: one named in its sentence; for
    /// the article's main theft, also one named in a sentence of attribution ("attributed to",
    /// "behind"). An actor named elsewhere about something else is not this theft's.
    pub fn actor(&self, window: (usize, usize), main: bool) -> Option<Actor> {
        actor::in_span(window, self.entities).or_else(|| {
            if main {
                self.attributed
                    .get_or_init(|| actor::attributed(self.text, self.sents, self.entities))
                    .clone()
            } else {
                None
            }
        })
    }
}

#[cfg(test)]
mod tests;

//! Money amounts: parsing, classification, dating, victim and actor.
//!
//! One pass finds the figures ([`parse`]), one finds the cue words ([`classify`]); each figure
//! then looks only at its own sentence (and paragraph, for dates and actors), so the work grows
//! with the text, not with figures × text.

mod classify;
mod fx;
mod parse;
mod parts;
mod victim;

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use crate::corpus::Article;
use crate::partial_date::{PartialDate, Precision};
use crate::text::{ByteToChar, char_to_byte_table, paragraphs, sentences};

use super::lexicon::Lexicon;
use super::{Amount, AmountKind, EntityMention, dates::DateMention};
use parts::{announces_another, mark_components, states_a_total};

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
    let text = article.text.as_str();
    let victims = victim::Victims::new(lex);
    let crypto = CRYPTO_ARTICLE.is_match(text);
    let parsed = parse::parse(text, crypto);
    if parsed.is_empty() {
        return Vec::new();
    }
    let sents = sentences(text);
    let paras = paragraphs(text, &sents);
    let hits = classify::cues(text, lex);
    let theft_article = classify::theft_context(text, &hits);
    let table = char_to_byte_table(text);
    let byte = |c: usize| table.get(c).copied().unwrap_or(text.len());
    let bdates: Vec<ByteDate> = dates
        .iter()
        .map(|d| ByteDate {
            start: byte(d.start),
            end: byte(d.end),
            mention: d,
        })
        .collect();
    let mut bentities: Vec<(usize, usize, &EntityMention)> = entities
        .iter()
        .map(|e| (byte(e.start), byte(e.end), e))
        .collect();
    bentities.sort_by_key(|e| e.0);
    let sentence_of = |pos: usize| sents.partition_point(|s| s.1 <= pos).min(sents.len() - 1);
    let cues_in = |(s, e): (usize, usize)| {
        let a = hits.partition_point(|h| h.start < s);
        let b = hits.partition_point(|h| h.start < e);
        &hits[a..b]
    };
    let dates_in = |(s, e): (usize, usize)| {
        let a = bdates.partition_point(|d| d.start < s);
        let b = bdates.partition_point(|d| d.start < e);
        &bdates[a..b]
    };
    let theft_sentence = |k: usize| {
        cues_in(sents[k]).iter().any(|h| match h.cue {
            classify::Cue::Stolen | classify::Cue::Context | classify::Cue::Attempted => true,
            classify::Cue::WeakStolen => theft_article,
            _ => false,
        })
    };
    // The story's own date: the first dated theft statement of the lede, or a "Date:" field.
    let lede_date: Option<&DateMention> = (0..sents.len().min(LEDE_SENTENCES))
        .filter(|&k| theft_sentence(k))
        .find_map(|k| {
            dates_in(sents[k])
                .iter()
                .find(|d| !starts_period(text, d))
                .map(|d| d.mention)
        })
        .or_else(|| {
            bdates
                .iter()
                .find(|d| {
                    let line_start = text[..d.start].rfind('\n').map_or(0, |p| p + 1);
                    DATE_LABEL.is_match(&text[line_start..d.start])
                })
                .map(|d| d.mention)
        });

    let mut work: Vec<Work> = Vec::with_capacity(parsed.len());
    for (idx, p) in parsed.iter().enumerate() {
        let k = sentence_of(p.start);
        let (ss, se) = sents[k];
        let (ss, se) = (ss.min(p.start), se.max(p.end));
        // A "sentence" with no full stop for pages (a table, a dump) is read only around the
        // figure, so each figure's work stays bounded and the article's linear.
        let (ss, se) = clamp_window(text, (ss, se), (p.start, p.end));
        let sentence = &text[ss..se];
        let victim = victims.in_sentence(sentence, (p.start - ss, p.end - ss));
        // Dates of this sentence that no other figure stands between.
        // Figures are in text order, so the sentence's other figures are one slice of them.
        let from = parsed.partition_point(|q| q.start < ss);
        let to = parsed.partition_point(|q| q.start < se);
        let others: Vec<(usize, usize)> = parsed[from..to]
            .iter()
            .enumerate()
            .filter(|(j, q)| from + j != idx && q.end <= se)
            .map(|(_, q)| (q.start, q.end))
            .collect();
        let own = dates_in((ss, se))
            .iter()
            // A date before the figure governs it even across other figures (an opening
            // "In 2017," or a list after "a year ago,"); a date after it belongs to the figures
            // in between when there are any.
            .filter(|d| d.end <= p.start || !others.iter().any(|o| o.0 >= p.end && o.1 <= d.start))
            // "since 2017" starts a period; it does not date the figure.
            .filter(|d| !starts_period(text, d))
            // "more than last year" compares with another period.
            .filter(|d| !word_before(text, d.start).0.eq_ignore_ascii_case("than"))
            .min_by_key(|d| {
                let dist = if d.end <= p.start {
                    p.start - d.end
                } else {
                    d.start.saturating_sub(p.end)
                };
                let (word, _) = word_before(text, d.start);
                let governed = ["in", "on", "during", "of"]
                    .iter()
                    .any(|w| word.eq_ignore_ascii_case(w) || starts_with_word(&d.mention.text, w));
                dist.saturating_sub(if governed { 30 } else { 0 })
            });
        let year_scope = own.is_some_and(|d| d.mention.value.precision() == Precision::Year);
        let decide = |cues: &[classify::CueHit]| {
            classify::decide(
                text,
                (p.start, p.end),
                cues,
                theft_article,
                year_scope,
                victim.is_some(),
                p.usd.unwrap_or(p.value) >= 1e9,
            )
        };
        let mut decision = decide(cues_in((ss, se)));
        // A short fragment ("To the tune of $100M.") continues the sentence before it.
        if decision.cue.is_none() && k > 0 && sentence.split_whitespace().count() <= 8 {
            let (ps, _) = sents[k - 1];
            let previous = decide(cues_in((ps, se)));
            if previous.kind != AmountKind::Other {
                decision = previous;
            }
        }
        // "14.5% of the stolen assets (now worth $195M) were moved": a share of a theft told
        // later (moved, laundered, frozen) is not a theft of its own.
        let share_start = ss.max(p.start.saturating_sub(SHARE_REACH));
        let share_start = (share_start..p.start)
            .find(|&b| text.is_char_boundary(b))
            .unwrap_or(p.start);
        if decision.kind.is_theft() && SHARE_OF.is_match(&text[share_start..p.start]) {
            decision.kind = AmountKind::Other;
        }
        let (event_date, inferred) = if let Some(d) = own {
            (Some(d.mention.value), false)
        } else if let Some(d) = (0..k)
            .rev()
            .take_while(|&j| paras[j] == paras[k])
            .find_map(|j| {
                dates_in(sents[j])
                    .iter()
                    .rev()
                    .find(|d| !starts_period(text, d))
            })
        {
            (Some(d.mention.value), false)
        } else if let Some(d) = lede_date {
            (Some(d.value), false)
        } else if let Some(d) = (k + 1..sents.len())
            .take_while(|&j| paras[j] == paras[k])
            .find_map(|j| dates_in(sents[j]).iter().find(|d| !starts_period(text, d)))
        {
            (Some(d.mention.value), false)
        } else {
            (article.published.and_then(PartialDate::from_day), true)
        };
        let year = event_date
            .map(|d| d.year())
            .or_else(|| article.published.map(|d| d.year()));
        let usd = p.usd.or_else(|| {
            let y = year?;
            fx::to_usd(p.value, &p.currency, y)
        });
        work.push(Work {
            parsed: p.clone(),
            sentence: k,
            kind: decision.kind,
            cue: decision.cue.map(|(s, e)| text[s..e].to_string()),
            victim,
            event_date,
            inferred,
            usd,
            separate: announces_another(&text[..p.start])
                || states_a_total(&text[..p.start], &text[p.end..]),
            role: decision.role,
            main: false,
        });
    }

    let first_line = text.lines().next().unwrap_or("");
    let main_victim = victims
        .in_title(&article.title, text)
        .or_else(|| victims.in_title(first_line, text))
        .or_else(|| {
            // Else the platform robbed in the lede.
            work.iter()
                .find(|w| {
                    w.kind == AmountKind::Stolen
                        && w.victim.is_some()
                        && w.sentence < LEDE_SENTENCES
                })
                .and_then(|w| w.victim.clone())
        });
    // The theft the article is about: a lede figure stated in theft words, in a story about theft.
    let signal = |k: usize| {
        cues_in(sents[k])
            .iter()
            .map(|h| match h.cue {
                classify::Cue::Stolen => 3,
                classify::Cue::WeakStolen | classify::Cue::Context | classify::Cue::Gain => 2,
                _ => 0,
            })
            .max()
            .unwrap_or(0)
    };
    let lede = sents.len().min(MAIN_LEDE_SENTENCES);
    let theft_lede = theft_article
        && (0..lede).any(|k| {
            cues_in(sents[k])
                .iter()
                .any(|h| matches!(h.cue, classify::Cue::Stolen | classify::Cue::Context))
        });
    let eligible = |w: &Work| {
        w.usd.is_some()
            && match w.kind {
                AmountKind::Stolen => true,
                // Not one a theft word was vetoed for (a hypothetical, a "tried to").
                AmountKind::Other => matches!(
                    w.role,
                    None | Some(
                        classify::Cue::Other | classify::Cue::Conversion | classify::Cue::Gain
                    )
                ),
                _ => false,
            }
    };
    let main = if theft_lede {
        work.iter()
            .position(|w| w.sentence < lede && eligible(w) && signal(w.sentence) >= 2)
            .or_else(|| work.iter().position(|w| w.kind == AmountKind::Stolen))
    } else {
        work.iter().position(|w| w.kind == AmountKind::Stolen)
    };
    if let Some(m) = main
        && work[m].kind != AmountKind::Stolen
    {
        let (s, e) = sents[work[m].sentence];
        let cue = cues_in((s, e))
            .iter()
            .filter(|h| {
                matches!(
                    h.cue,
                    classify::Cue::Stolen
                        | classify::Cue::WeakStolen
                        | classify::Cue::Context
                        | classify::Cue::Gain
                )
            })
            .max_by_key(|h| (h.cue == classify::Cue::Stolen, std::cmp::Reverse(h.start)))
            .map(|h| text[h.start..h.end].to_string());
        work[m].kind = AmountKind::Stolen;
        work[m].cue = cue;
    }
    if let Some(m) = main {
        work[m].main = true;
        work[m].separate = true;
    }
    mark_components(&mut work, main_victim.as_deref(), text);

    let published = article.published.and_then(PartialDate::from_day);
    let mut conv = ByteToChar::new(text);
    let people: std::collections::HashSet<&str> = bentities
        .iter()
        .filter(|(_, _, m)| m.kind == crate::extract::EntityKind::Person)
        .flat_map(|(_, _, m)| [m.canonical.as_str(), m.surface.as_str()])
        .collect();
    let is_person = |name: &str| people.contains(name);
    let attributed_actor = sents
        .iter()
        .filter(|&&(s, e)| ATTRIBUTION.is_match(&text[s..e]))
        .find_map(|&span| victim::actor(span, &bentities));
    let mut out = Vec::with_capacity(work.len());
    for w in work {
        let p = &w.parsed;
        let start = conv.get(p.start);
        let end = conv.get(p.end);
        let victim = match w.kind {
            AmountKind::Stolen | AmountKind::Attempted | AmountKind::Damage => {
                w.victim.or_else(|| main_victim.clone())
            }
            _ => w.victim,
        }
        // A victim is an organisation or a platform: a person robbed is left unnamed here.
        .filter(|v| !is_person(v));
        // The actor the text blames for this theft: one named in the figure's sentence; for the
        // article's main theft, also one named in a sentence of attribution ("attributed to",
        // "behind"). An actor named elsewhere about something else is not this theft's.
        let actor = if w.kind.is_theft() {
            let window = clamp_window(text, sents[w.sentence], (p.start, p.end));
            victim::actor(window, &bentities).or_else(|| {
                if w.main {
                    attributed_actor.clone()
                } else {
                    None
                }
            })
        } else {
            None
        };
        let suspicious = match (w.event_date, published) {
            (Some(d), Some(p)) => d > p.truncated(d.precision()),
            _ => false,
        };
        out.push(Amount {
            article: article.id.clone(),
            start,
            end,
            text: text[p.start..p.end].to_string(),
            value: p.value,
            min: p.min,
            max: p.max,
            currency: p.currency.clone(),
            usd: w.usd,
            kind: w.kind,
            event_date: w.event_date,
            event_date_inferred: w.inferred,
            event_date_suspicious: suspicious,
            victim,
            actor,
            cue: w.cue,
            main: w.main,
        });
    }
    out
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

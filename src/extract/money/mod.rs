//! Money amounts: parsing, classification, dating, victim and actor.
//!
//! One pass finds the figures ([`parse`]), one finds the cue words ([`classify`]); each figure
//! then looks only at its own sentence (and paragraph, for dates and actors), so the work grows
//! with the text, not with figures × text.

mod classify;
mod fx;
mod parse;
mod victim;

use std::sync::LazyLock;

use chrono::Datelike;
use regex::Regex;

use crate::corpus::Article;
use crate::text::{ByteToChar, char_to_byte_table, paragraphs, sentences};

use super::lexicon::Lexicon;
use super::{Amount, AmountKind, EntityMention, dates::DateMention};

pub use victim::normalized as normalized_victim;

/// Sentences of the lede in which a dated theft statement dates the whole story.
const LEDE_SENTENCES: usize = 5;

/// Sentences (the title line counts as one) in which an article states the theft it is about.
const MAIN_LEDE_SENTENCES: usize = 8;

/// How many of an article's largest stolen figures a smaller one is compared with when deciding
/// whether it is a part of a total.
const MAX_TOTALS_TRIED: usize = 32;

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
    event_date: Option<String>,
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
        let victim = victim::in_sentence(sentence, (p.start - ss, p.end - ss));
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
        let year_scope = own.is_some_and(|d| d.mention.value.len() == 4);
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
            (Some(d.mention.value.clone()), false)
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
            (Some(d.mention.value.clone()), false)
        } else if let Some(d) = lede_date {
            (Some(d.value.clone()), false)
        } else if let Some(d) = (k + 1..sents.len())
            .take_while(|&j| paras[j] == paras[k])
            .find_map(|j| dates_in(sents[j]).iter().find(|d| !starts_period(text, d)))
        {
            (Some(d.mention.value.clone()), false)
        } else {
            (
                article.published.map(|d| d.format("%Y-%m-%d").to_string()),
                true,
            )
        };
        let year = event_date
            .as_deref()
            .and_then(|d| d.get(..4))
            .and_then(|y| y.parse::<i32>().ok())
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
    let main_victim = victim::in_title(&article.title, text)
        .or_else(|| victim::in_title(first_line, text))
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

    let published = article.published.map(|d| d.format("%Y-%m-%d").to_string());
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
            victim::actor(sents[w.sentence], &bentities).or_else(|| {
                if w.main {
                    attributed_actor.clone()
                } else {
                    None
                }
            })
        } else {
            None
        };
        let suspicious = match (&w.event_date, &published) {
            (Some(d), Some(p)) => d.as_str() > &p[..d.len().min(p.len())],
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

/// Whether the words right before a figure announce a further theft ("another $4M", "a
/// second $2M"); not "a further $1M", which is as often the next wave of the same theft.
fn announces_another(before: &str) -> bool {
    before
        .split_whitespace()
        .rev()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .any(|w| matches!(w.as_str(), "another" | "second" | "separate" | "third"))
}

/// Whether the words around a figure call it a total ("losses totalled $5M", "$5M lost
/// overall", "$5M in total"): a total is never a part of another figure.
fn states_a_total(before: &str, after: &str) -> bool {
    let before_total = before
        .split_whitespace()
        .rev()
        .take(2)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        // Not "totalling": breakdowns use it for their sub-sums ("6k ETH, totalling $14M").
        .any(|w| matches!(w.as_str(), "totalled" | "totaled" | "overall"));
    let after: Vec<String> = after
        .split_whitespace()
        .take(3)
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_ascii_lowercase()
        })
        .collect();
    let after_total = after.iter().any(|w| w == "overall")
        || after.windows(2).any(|p| p[0] == "in" && p[1] == "total");
    before_total || after_total
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

/// Whether two event dates can be the same event: equal at the shorter precision.
fn dates_agree(a: &Option<String>, b: &Option<String>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let n = a.len().min(b.len());
            a[..n] == b[..n]
        }
        _ => true,
    }
}

/// Parts of a theft already stated as a total (per-asset figures, waves, an initial estimate)
/// are not thefts of their own: a stolen figure smaller than another stolen figure of the same
/// victim and event, or a crypto figure with no dollar value beside a dollar total, becomes
/// `other` with the total named as its cue.
fn mark_components(work: &mut [Work], main_victim: Option<&str>, text: &str) {
    let main = main_victim.map(victim::normalized);
    let same_victim = |part: &Work, total: &Work| match (&part.victim, &total.victim) {
        (Some(a), Some(b)) => victim::normalized(a) == victim::normalized(b),
        (None, None) => true,
        (None, Some(b)) => main.as_deref() == Some(victim::normalized(b).as_str()),
        (Some(_), None) => false,
    };
    let mut parts: Vec<(usize, usize)> = Vec::new();
    // Stolen figures by falling dollar value: the totals a part can belong to are a prefix.
    let mut by_value: Vec<usize> = (0..work.len())
        .filter(|&j| work[j].kind == AmountKind::Stolen && work[j].usd.is_some())
        .collect();
    by_value.sort_by(|&a, &b| {
        let (a, b) = (work[a].usd.unwrap_or(0.0), work[b].usd.unwrap_or(0.0));
        b.total_cmp(&a)
    });
    let largest = by_value.first().copied();
    for (i, part) in work.iter().enumerate() {
        // A "total" smaller than one theft of the same article sums that theft's parts.
        if part.kind == AmountKind::Cumulative {
            if let Some(j) = largest
                && matches!((part.usd, work[j].usd), (Some(p), Some(t)) if p * 1.05 < t)
            {
                parts.push((i, j));
            }
            continue;
        }
        if part.kind != AmountKind::Stolen || part.separate {
            continue;
        }
        // Only the largest few totals are tried, so a table of thousands of figures stays linear.
        let total = by_value
            .iter()
            .take(MAX_TOTALS_TRIED)
            .copied()
            .take_while(|&j| match (part.usd, work[j].usd) {
                (Some(p), Some(t)) => p * 1.05 < t,
                _ => true,
            })
            .find(|&j| {
                let total = &work[j];
                j != i
                    && same_victim(part, total)
                    && (part.inferred
                        || total.inferred
                        || dates_agree(&part.event_date, &total.event_date))
            });
        if let Some(j) = total {
            parts.push((i, j));
        }
    }
    // A theft figure in a crypto unit with no dollar value, beside dollar theft figures, is a
    // part or a restatement of them in another unit.
    let dollar_total = work
        .iter()
        .enumerate()
        .filter(|(_, w)| w.kind.is_theft() && w.usd.is_some())
        .max_by(|a, b| a.1.usd.unwrap_or(0.0).total_cmp(&b.1.usd.unwrap_or(0.0)))
        .map(|(j, _)| j);
    if let Some(j) = dollar_total {
        for (i, w) in work.iter().enumerate() {
            if w.usd.is_none() && w.kind.is_theft() && !parts.iter().any(|(p, _)| *p == i) {
                parts.push((i, j));
            }
        }
    }
    for (i, j) in parts {
        let total = &work[j].parsed;
        work[i].kind = AmountKind::Other;
        work[i].cue = Some(format!("part of {}", &text[total.start..total.end]));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use std::path::PathBuf;

    fn article(text: &str, published: Option<NaiveDate>) -> Article {
        Article {
            id: "t".into(),
            path: PathBuf::from("t.txt"),
            published,
            title: text.lines().next().unwrap_or("").to_string(),
            source: None,
            text: text.to_string(),
        }
    }

    fn run(text: &str, published: Option<NaiveDate>) -> Vec<Amount> {
        let a = article(text, published);
        let dates = crate::extract::dates::find(&a);
        find(&a, &dates, &[])
    }

    #[test]
    fn sentence_split_respects_abbreviations_and_decimals() {
        let t = "Mr. Smith paid $1.5 million. The U.S. bank lost it.\nNext line";
        let s = sentences(t);
        let parts: Vec<&str> = s.iter().map(|&(a, b)| t[a..b].trim()).collect();
        assert_eq!(
            parts,
            [
                "Mr. Smith paid $1.5 million.",
                "The U.S. bank lost it.",
                "Next line"
            ]
        );
    }

    #[test]
    fn every_static_pattern_compiles() {
        LazyLock::force(&CRYPTO_ARTICLE);
        LazyLock::force(&DATE_LABEL);
        LazyLock::force(&ATTRIBUTION);
        LazyLock::force(&SHARE_OF);
        parse::force_patterns();
        victim::force_patterns();
    }

    #[test]
    fn kinds_follow_their_cues() {
        let d = NaiveDate::from_ymd_opt(2019, 5, 1);
        let t = "Bank hack\n\nHackers stole $10 million from Acme Bank in March. They tried to steal $50 million more. The hack cost it at least $2 million. A bounty of $1 million was offered. Since 2017 hackers have netted $2 billion so far.";
        let a = run(t, d);
        let kinds: Vec<(&str, AmountKind)> = a.iter().map(|a| (a.text.as_str(), a.kind)).collect();
        assert_eq!(
            kinds,
            [
                ("$10 million", AmountKind::Stolen),
                ("$50 million", AmountKind::Attempted),
                ("$2 million", AmountKind::Damage),
                ("$1 million", AmountKind::Other),
                ("$2 billion", AmountKind::Cumulative),
            ]
        );
        assert_eq!(a[0].victim.as_deref(), Some("Acme Bank"));
        assert_eq!(a[0].event_date.as_deref(), Some("2019-03"));
        assert!(!a[0].event_date_inferred);
        assert_eq!(a[0].cue.as_deref(), Some("stole"));
    }

    #[test]
    fn business_figures_are_not_thefts() {
        let t = "Earnings rise\n\nQuarterly earnings at the group rose 41% to $2.27bn (£1.2bn) for the three months to June, from $1.61bn a year earlier. The company lost $35m on its currency trades.";
        let a = run(t, None);
        assert!(a.iter().all(|a| !a.kind.is_theft()), "{a:?}");
        assert_eq!(a.len(), 3);
    }

    #[test]
    fn parts_of_a_total_are_not_thefts() {
        let t = "Nimbus - REKT\n\nOnline sportsbook Nimbus lost over $52M from its hot wallets yesterday. Hackers drained $20M on mainnet, then a further $32.4M was stolen on Polygon. The attacker drained 8k ETH and 4M USDT.";
        let a = run(t, NaiveDate::from_ymd_opt(2023, 9, 4));
        let thefts: Vec<&str> = a
            .iter()
            .filter(|a| a.kind.is_theft())
            .map(|a| a.text.as_str())
            .collect();
        assert_eq!(thefts, ["$52M"]);
        assert_eq!(a[0].event_date.as_deref(), Some("2023-09-03"));
        assert_eq!(a[0].victim.as_deref(), Some("Nimbus"));
    }

    #[test]
    fn non_dollar_amounts_convert_at_the_event_year() {
        let t = "Bank robbed\n\nIn 2016, hackers stole €72 million from Example Bank.";
        let a = run(t, NaiveDate::from_ymd_opt(2020, 1, 1));
        assert_eq!(a[0].currency, "EUR");
        let usd = a[0].usd.unwrap();
        assert!((usd / 1e6 - 79.6).abs() < 2.0, "{usd}");
    }

    #[test]
    fn future_event_dates_are_suspicious_and_missing_ones_inferred() {
        let published = NaiveDate::from_ymd_opt(2020, 6, 1);
        let a = run(
            "News\n\nHackers stole $5 million from Foo Exchange in March 2021.",
            published,
        );
        assert!(a[0].event_date_suspicious);
        assert!(!a[0].event_date_inferred);
        let a = run(
            "News\n\nThieves stole $7 million from Bar Exchange.",
            published,
        );
        assert!(a[0].event_date_inferred);
        assert!(!a[0].event_date_suspicious);
        assert_eq!(a[0].event_date.as_deref(), Some("2020-06-01"));
    }

    #[test]
    fn offsets_are_characters() {
        let t = "“Heist” – €5 news\n\nHackers stole ₩10 billion from Korea Exchange.";
        let a = run(t, NaiveDate::from_ymd_opt(2020, 6, 1));
        let won = a.iter().find(|a| a.currency == "KRW").unwrap();
        let chars: Vec<char> = t.chars().collect();
        let s: String = chars[won.start..won.end].iter().collect();
        assert_eq!(s, "₩10 billion");
    }
}

#[cfg(test)]
mod general_english {
    use super::*;
    use chrono::NaiveDate;
    use std::path::PathBuf;

    fn run(text: &str) -> Vec<Amount> {
        let a = Article {
            id: "g".into(),
            path: PathBuf::from("g.txt"),
            published: NaiveDate::from_ymd_opt(2023, 2, 1),
            title: "News".into(),
            source: None,
            text: format!("News\n\n{text}"),
        };
        let dates = crate::extract::dates::find(&a);
        let entities = crate::extract::entities::find(&a);
        find(&a, &dates, &entities)
    }

    fn only(text: &str) -> Amount {
        let a = run(text);
        assert_eq!(a.len(), 1, "{text}: {a:#?}");
        a.into_iter().next().unwrap()
    }

    #[test]
    fn common_theft_sentences() {
        let a = only("State-backed hackers stole $2.9 billion in 2021, a record year.");
        assert_eq!(
            (a.kind, a.event_date.as_deref()),
            (AmountKind::Cumulative, Some("2021"))
        );
        let a = only("Poly Network was hacked for $611 million in August 2021.");
        assert_eq!(a.kind, AmountKind::Stolen);
        assert_eq!(a.victim.as_deref(), Some("Poly Network"));
        assert_eq!(a.event_date.as_deref(), Some("2021-08"));
        let a = only("Coincheck lost 58 billion yen ($530 million) in January 2018 to hackers.");
        assert_eq!((a.kind, a.usd), (AmountKind::Stolen, Some(530e6)));
        assert_eq!(a.victim.as_deref(), Some("Coincheck"));
        let a =
            only("Hackers attempted to steal $1bn from the central bank's account in New York.");
        assert_eq!(a.kind, AmountKind::Attempted);
        let a = only("Intruders tried to quietly drain $3 million from the pool.");
        assert_eq!(a.kind, AmountKind::Attempted);
        let a = only("Hackers made off with ₩35 billion from Bithumb in 2018.");
        assert_eq!((a.kind, a.currency.as_str()), (AmountKind::Stolen, "KRW"));
        assert!(
            a.usd.is_some_and(|u| (u / 1e6 - 31.8).abs() < 2.0),
            "{:?}",
            a.usd
        );
        let a = only("Investigators linked the $600 million hack of Axie Infinity to Lazarus.");
        assert_eq!(
            (a.kind, a.actor.as_deref()),
            (AmountKind::Stolen, Some("Lazarus Group"))
        );
    }

    #[test]
    fn one_unnamed_theft_in_a_year_is_not_a_total() {
        let a = only("In 2019, hackers stole $10 million from a Japanese exchange.");
        assert_eq!(a.kind, AmountKind::Stolen);
        let a = only("Thieves stole $3 billion in crypto hacks in 2022.");
        assert_eq!(a.kind, AmountKind::Cumulative, "{a:?}");
    }

    #[test]
    fn fragments_continue_the_sentence_before() {
        let a = run("Harmony has been hacked. To the tune of $100M.");
        assert_eq!(a[0].kind, AmountKind::Stolen);
        let a = run("Profits rose sharply. To the tune of $100M.");
        assert_eq!(a[0].kind, AmountKind::Other);
    }

    #[test]
    fn a_bank_heist_story() {
        let a = run(
            "Hackers tried to steal $951 million from Bangladesh Bank's account at the New York Fed in February 2016. Most transfers were blocked, but $81 million was sent to accounts in the Philippines and vanished. The central bank said it had recovered $15 million.",
        );
        let got: Vec<(&str, AmountKind, Option<&str>)> = a
            .iter()
            .map(|a| (a.text.as_str(), a.kind, a.event_date.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("$951 million", AmountKind::Attempted, Some("2016-02")),
                ("$81 million", AmountKind::Stolen, Some("2016-02")),
                ("$15 million", AmountKind::Other, Some("2016-02")),
            ]
        );
        assert_eq!(a[0].victim.as_deref(), Some("Bangladesh Bank"));
        let a = only(
            "Mt. Gox lost 850,000 bitcoins, then worth about $450 million, to hackers in 2014.",
        );
        assert_eq!(
            (a.kind, a.currency.as_str(), a.usd),
            (AmountKind::Stolen, "BTC", Some(450e6))
        );
        assert_eq!(a.victim.as_deref(), Some("Mt. Gox"), "{a:?}");
    }

    #[test]
    fn totals_of_many_thefts() {
        let a =
            only("North Korean groups have stolen a total of $2 billion from banks and exchanges.");
        assert_eq!(a.kind, AmountKind::Cumulative);
        let a = only("Foo Exchange lost $81.54 million in total to the attackers.");
        assert_eq!(a.kind, AmountKind::Stolen);
    }

    #[test]
    fn figures_that_are_not_thefts() {
        for (text, kind) in [
            (
                "A $45M exploit would have topped the leaderboard before the Vesta Protocol hack.",
                AmountKind::Other,
            ),
            (
                "The State Department offered a $5 million reward for information on the hackers.",
                AmountKind::Other,
            ),
            (
                "The ransomware gang demanded a $10 million ransom from the hospital after the hack.",
                AmountKind::Damage,
            ),
            (
                "The exchange was fined $5 million by regulators after the breach.",
                AmountKind::Damage,
            ),
            (
                "The hacked exchange raised $100 million in a funding round led by investors.",
                AmountKind::Other,
            ),
            (
                "Bitcoin traded at $23,000 after the hack was disclosed.",
                AmountKind::Other,
            ),
            (
                "After hackers struck, the founder tried to calm users by pledging $2 million of his own money.",
                AmountKind::Other,
            ),
        ] {
            assert_eq!(only(text).kind, kind, "{text}");
        }
    }

    fn story(title: &str, body: &str) -> Vec<Amount> {
        let a = Article {
            id: "s".into(),
            path: PathBuf::from("s.txt"),
            published: NaiveDate::from_ymd_opt(2024, 6, 3),
            title: title.into(),
            source: None,
            text: format!("{title}\n\n{body}"),
        };
        let dates = crate::extract::dates::find(&a);
        let entities = crate::extract::entities::find(&a);
        find(&a, &dates, &entities)
    }

    fn main_of(amounts: &[Amount]) -> Option<&Amount> {
        let mains: Vec<&Amount> = amounts.iter().filter(|a| a.main).collect();
        assert!(mains.len() <= 1, "one main theft at most: {mains:#?}");
        mains.first().copied()
    }

    #[test]
    fn the_lede_figure_of_a_theft_story_is_its_main_theft() {
        // Theft language a cue list alone misses: the lede states the theft the story is about.
        for (body, figure) in [
            (
                "Quillfox is in the red again.\n\nQuillfox lost 40% of its reserve fund ($9M) in a targeted attack.\n\nThe hackers used a price oracle.",
                "$9M",
            ),
            (
                "Another rug.\n\nThis time, Nimbex Finance took off with approximately $4M, deleting its website.\n\nThe attacker was funded through a mixer.",
                "$4M",
            ),
            (
                "Nimbex Swap pulled the rug for $3M on Thursday.\n\nThe exploiter then bridged the funds.",
                "$3M",
            ),
            (
                "An unexpected twist saw users liquidated via a flash loan attack, with the attacker making ~$3M profit.\n\nThe exploiter bridged the funds.",
                "~$3M",
            ),
        ] {
            let amounts = story("Quillfox - Hacked", body);
            let main = main_of(&amounts).unwrap_or_else(|| panic!("no main theft: {body}"));
            assert_eq!(main.text, figure, "{body}");
            assert_eq!(main.kind, AmountKind::Stolen, "{body}");
        }
    }

    #[test]
    fn the_main_theft_is_not_a_part_of_an_earlier_theft_recalled_later() {
        let amounts = story(
            "Orrin Protocol - Hacked Again",
            "Flipped again.\n\n$5.8M lost overall after the exploit.\n\nThis is the second time for Orrin Protocol, which also lost $15M to a hacker last year.",
        );
        let main = main_of(&amounts).expect("main theft");
        assert_eq!(main.text, "$5.8M");
        let fifteen = amounts.iter().find(|a| a.text == "$15M").expect("$15M");
        assert_eq!(fifteen.kind, AmountKind::Stolen);
        // "another $4M" is a theft of its own, not a part of the earlier $7M.
        let amounts = story(
            "Velmora - Hacked",
            "Less than a month ago hackers stole $7M from Velmora.\n\nNow they have stolen another $4M.",
        );
        let four = amounts.iter().find(|a| a.text == "$4M").expect("$4M");
        assert_eq!(four.kind, AmountKind::Stolen, "{four:#?}");
    }

    #[test]
    fn business_stories_have_no_main_theft() {
        let amounts = story(
            "Tarnwell results",
            "Tarnwell lost $40M in the third quarter as sales fell.\n\nIts shares lost 5% and the company raised $10M from investors.",
        );
        assert!(main_of(&amounts).is_none(), "{amounts:#?}");
        assert!(amounts.iter().all(|a| !a.kind.is_theft()), "{amounts:#?}");
    }

    #[test]
    fn a_figure_a_price_reached_is_not_a_loss() {
        let amounts = story(
            "Scam calls",
            "Scammers stole from callers. One caller was scammed of $139. I don't want to be told when my bill has hit $750.",
        );
        let bill = amounts.iter().find(|a| a.text == "$750").expect("$750");
        assert_eq!(bill.kind, AmountKind::Other, "{bill:#?}");
    }

    #[test]
    fn an_actor_named_elsewhere_is_not_the_thief_of_every_figure() {
        let amounts = story(
            "Exchange hacked",
            "Hackers stole $50M from Orvex exchange on Monday. Investigators attributed the theft to the Lazarus Group.\n\nThe record is still held by a dictator who stole $1 billion from a central bank in 2003.",
        );
        let main = main_of(&amounts).expect("main theft");
        assert_eq!(main.text, "$50M");
        assert_eq!(main.actor.as_deref(), Some("Lazarus Group"));
        let old = amounts
            .iter()
            .find(|a| a.text == "$1 billion")
            .expect("$1 billion");
        assert_eq!(old.actor, None, "{old:#?}");
    }

    #[test]
    fn hackers_taking_billions_with_no_victim_is_a_total() {
        let amounts = story(
            "Year in review",
            "State hackers spent the year perfecting their craft, siphoning $1.3 billion through many attacks.",
        );
        let total = amounts
            .iter()
            .find(|a| a.text == "$1.3 billion")
            .expect("figure");
        assert_eq!(total.kind, AmountKind::Cumulative, "{total:#?}");
    }

    #[test]
    fn a_dense_table_of_figures_takes_time_in_proportion_to_its_size() {
        // Thousands of figures in one article: each is compared with a bounded number of
        // totals, so this finishes at once instead of in minutes.
        let body = " $1 million stolen in 2016 by Lazarus.".repeat(5_000);
        let amounts = story("Ledger", &body);
        assert_eq!(amounts.len(), 5_000);
    }

    #[test]
    fn a_share_of_a_theft_moved_later_is_not_a_new_theft() {
        let amounts = story(
            "Exchange drained",
            "Hackers stole $1.4 billion from Orvex on Friday. By Monday 14.5% of the stolen assets (now worth $195 million) had been moved.",
        );
        let share = amounts
            .iter()
            .find(|a| a.text.contains("195"))
            .expect("share");
        assert_eq!(share.kind, AmountKind::Other, "{share:#?}");
    }

    #[test]
    fn fraud_and_extortion_are_told_apart() {
        // Money wired to fraudsters is stolen; a ransom is extortion, a damage figure.
        let amounts = story(
            "Firm hit by invoice fraud",
            "Fraudsters impersonating a supplier tricked the firm, which lost $12 million to a fake-invoice scam.\n\nThe scammers moved the money abroad.",
        );
        let lost = amounts
            .iter()
            .find(|a| a.text == "$12 million")
            .expect("figure");
        assert_eq!(lost.kind, AmountKind::Stolen, "{lost:#?}");
        let amounts = story(
            "Hospital hacked",
            "Hackers who broke into the hospital demanded a $4 million ransom.\n\nThe attackers leaked files.",
        );
        let ransom = amounts
            .iter()
            .find(|a| a.text == "$4 million")
            .expect("figure");
        assert_eq!(ransom.kind, AmountKind::Damage, "{ransom:#?}");
    }
}

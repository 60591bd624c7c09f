//! Deciding what a figure is for from the cue words around it: stolen, attempted, cumulative,
//! damage or other. Cues are found in one pass over the text (aho-corasick); each amount then
//! looks only at the cues of its own sentence, nearest first.

use crate::extract::AmountKind;
use crate::extract::lexicon::Lexicon;
use crate::text::is_word_char;

pub use crate::extract::lexicon::Cue;

/// One cue occurrence (byte offsets).
#[derive(Clone, Debug)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}

/// Every cue in `text`, in order, whole words only.
pub fn cues(text: &str, lex: &Lexicon) -> Vec<CueHit> {
    lex.matcher()
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
        })
        .map(|m| CueHit {
            start: m.start(),
            end: m.end(),
            cue: lex.cue(m.pattern().as_usize()),
        })
        .collect()
}

/// True when the article is about hacking or theft (weak cues count there).
pub fn theft_context(text: &str, hits: &[CueHit]) -> bool {
    hits.iter()
        .filter(|h| match h.cue {
            Cue::Stolen | Cue::Context => true,
            // "tried to steal", "attempted heist"; not "attempt" or "failed" alone.
            Cue::Attempted => {
                let w = text[h.start..h.end].to_ascii_lowercase();
                w.contains("steal") || w.contains("theft") || w.contains("heist")
            }
            _ => false,
        })
        .count()
        >= 2
}

/// Bytes after a "tried to" within which its theft word must start.
const TRY_REACH: usize = 40;

/// "tried to", "attempted to": an attempt cue that needs a theft word after it.
fn is_try_form(text: &str, cue: &CueHit) -> bool {
    text[cue.start..cue.end]
        .to_ascii_lowercase()
        .ends_with(" to")
}

/// A theft word starts within [`TRY_REACH`] bytes after `cue`, in the same clause.
fn theft_word_follows(text: &str, cue: &CueHit, sentence_cues: &[CueHit]) -> bool {
    sentence_cues.iter().any(|h| {
        matches!(h.cue, Cue::Stolen | Cue::WeakStolen)
            && h.start >= cue.end
            && h.start - cue.end <= TRY_REACH
            && !text[cue.end..h.start].contains([',', ';'])
    })
}

/// "hit $5M", "hit £750": a verb followed directly by a figure says something reached it.
fn reaches_figure(text: &str, cue: &CueHit) -> bool {
    text[cue.start..cue.end].eq_ignore_ascii_case("hit")
        && text[cue.end..]
            .trim_start_matches([' ', '~'])
            .starts_with(|c: char| c.is_ascii_digit() || matches!(c, '$' | '€' | '£' | '¥'))
}

/// Whether `w` is one of the lower-case `words` in any ASCII case: what lower-casing an ASCII
/// copy and comparing tells, with no copy.
fn is_one_of(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// The kind decided for one amount, and the cue text that decided it.
pub struct Decision {
    pub kind: AmountKind,
    pub cue: Option<(usize, usize)>,
    /// The role of the cue that decided.
    pub role: Option<Cue>,
}

/// The bytes between the amount and a cue, if they do not overlap.
fn gap(amount: (usize, usize), cue: &CueHit) -> Option<(usize, usize)> {
    if cue.end <= amount.0 {
        Some((cue.end, amount.0))
    } else if cue.start >= amount.1 {
        Some((amount.1, cue.start))
    } else {
        None
    }
}

/// Distance from the amount to a cue, lengthened by each clause boundary in between so that a
/// cue of the same clause beats a nearer one across a comma.
fn distance(text: &str, amount: (usize, usize), cue: &CueHit) -> usize {
    let Some((gap_start, gap_end)) = gap(amount, cue) else {
        return 0;
    };
    let gap = &text.as_bytes()[gap_start..gap_end];
    // Counted over bytes: a character is a byte that does not continue one, and a dash
    // (U+2013, U+2014) is looked for only where a byte beyond ASCII stands.
    let chars = gap.iter().filter(|&&b| b & 0xC0 != 0x80).count();
    let mut breaks = gap
        .iter()
        .filter(|&&b| matches!(b, b',' | b';' | b':'))
        .count();
    if chars != gap.len() {
        breaks += gap
            .windows(3)
            .filter(|w| matches!(w, [0xE2, 0x80, 0x93 | 0x94]))
            .count();
    }
    chars + 20 * breaks
}

/// Decides the kind of the amount at `amount` from the cues of its sentence.
/// `year_scope` says the sentence dates the figure only to a year or a period
/// (which, with plural thefts and no named victim, makes it a total); `billions` that the figure
/// is at least a billion dollars.
pub fn decide(
    text: &str,
    amount: (usize, usize),
    sentence_cues: &[CueHit],
    theft_article: bool,
    year_scope: bool,
    has_victim: bool,
    billions: bool,
) -> Decision {
    let theft_sentence = sentence_cues
        .iter()
        .any(|h| matches!(h.cue, Cue::Stolen | Cue::Context));
    // "the attacker made a profit of $3M": the attacker's gain is the theft.
    let attacker_sentence = sentence_cues.iter().any(|h| h.cue == Cue::Context);
    let usable = |h: &&CueHit| match h.cue {
        Cue::Context | Cue::Superlative | Cue::Total | Cue::Hypothetical | Cue::Conversion => false,
        // "prices hit $5": a loss word right before a figure says it reached that figure.
        Cue::WeakStolen if reaches_figure(text, h) => false,
        Cue::WeakStolen => theft_article || theft_sentence,
        _ => true,
    };
    // A figure that is the subject of its clause ("$81 million was sent … and vanished") is
    // governed by the verb after it.
    let after = text[amount.1..].trim_start();
    let subject = ["was ", "were ", "has been ", "had been ", "went ", "is "]
        .iter()
        .any(|w| after.starts_with(w));
    let best = sentence_cues
        .iter()
        .filter(usable)
        .filter(|h| !subject || h.start >= amount.1)
        .min_by_key(|h| distance(text, amount, h))
        .or_else(|| {
            sentence_cues
                .iter()
                .filter(usable)
                .min_by_key(|h| distance(text, amount, h))
        });
    let Some(best) = best else {
        return Decision {
            kind: AmountKind::Other,
            cue: None,
            role: None,
        };
    };
    let span = Some((best.start, best.end));
    let theft_cue = match best.cue {
        Cue::Stolen | Cue::WeakStolen => true,
        Cue::Gain => attacker_sentence && theft_article,
        _ => false,
    };
    let kind = match best.cue {
        _ if theft_cue => {
            // An attempt word shortly before the theft word governs it ("tried to quietly
            // steal", "attempted to drain").
            let attempted = sentence_cues.iter().any(|h| {
                h.cue == Cue::Attempted
                    && h.end <= best.start
                    && best.start - h.end <= 30
                    && !text[h.end..best.start].contains([',', ';', '$', '€', '£'])
            });
            // A total word in a sentence naming no victim; "the biggest hack so far" ranks one
            // theft rather than adding many.
            let superlative = sentence_cues.iter().any(|h| h.cue == Cue::Superlative);
            let total = !has_victim
                && sentence_cues.iter().any(|h| {
                    h.cue == Cue::Cumulative
                        && !(superlative
                            && is_one_of(&text[h.start..h.end], &["so far", "to date", "since"]))
                });
            // Many thefts in a year: plural theft nouns, or hackers as a class taking billions
            // ("in 2022 hackers stole $3.8 billion"); "in 2019 hackers stole $10 million" may be
            // one theft.
            // Hackers as a class taking billions with no victim named sum many thefts.
            let class_subject = sentence_cues
                .iter()
                .any(|h| is_one_of(&text[h.start..h.end], &["hackers", "attackers"]));
            let plural = sentence_cues.iter().any(|h| {
                let w = &text[h.start..h.end];
                is_one_of(w, &["hacks", "thefts", "heists", "exploits"])
                    || (billions && is_one_of(w, &["hackers", "attackers"]))
            });
            // "have stolen a total of": a perfect-tense theft summed up.
            let perfect = {
                let head = text[..best.start].trim_end();
                head.ends_with(" have") || head.ends_with(" has")
            };
            let summed = !has_victim
                && (plural || perfect)
                && sentence_cues.iter().any(|h| h.cue == Cue::Total);
            // "would have" governs its own clause: "stopped after draining $25m, although they
            // could have taken more" reports the $25m.
            let hypothetical = sentence_cues.iter().any(|h| {
                h.cue == Cue::Hypothetical
                    && (h.end <= amount.0 || !text[amount.1..h.start].contains([',', ';']))
            });
            if attempted {
                AmountKind::Attempted
            } else if hypothetical {
                AmountKind::Other
            } else if total
                || summed
                || (year_scope && plural && !has_victim)
                || (billions && class_subject && !has_victim)
            {
                AmountKind::Cumulative
            } else {
                AmountKind::Stolen
            }
        }
        Cue::Attempted | Cue::Cumulative if !theft_article && !theft_sentence => AmountKind::Other,
        // "tried to …" alone is not an attempted theft; "tried to steal", "attempted to drain"
        // is (the theft word then usually decides, through the rule above).
        Cue::Attempted
            if is_try_form(text, best) && !theft_word_follows(text, best, sentence_cues) =>
        {
            AmountKind::Other
        }
        Cue::Attempted => AmountKind::Attempted,
        Cue::Cumulative => AmountKind::Cumulative,
        Cue::Damage => AmountKind::Damage,
        Cue::Stolen
        | Cue::WeakStolen
        | Cue::Gain
        | Cue::Other
        | Cue::Measure
        | Cue::Conversion
        | Cue::Context
        | Cue::Superlative
        | Cue::Total
        | Cue::Hypothetical => AmountKind::Other,
    };
    Decision {
        kind,
        cue: span,
        role: Some(best.cue),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The distance as it was defined, over characters.
    fn char_distance(text: &str, amount: (usize, usize), cue: &CueHit) -> usize {
        let Some((gap_start, gap_end)) = gap(amount, cue) else {
            return 0;
        };
        let gap = &text[gap_start..gap_end];
        let breaks = gap
            .chars()
            .filter(|c| matches!(c, ',' | ';' | ':' | '—' | '–'))
            .count();
        gap.chars().count() + 20 * breaks
    }

    /// Every pair of character boundaries of `text` as a cue and an amount, both ways round.
    fn check(text: &str) -> usize {
        let cuts: Vec<usize> = (0..=text.len())
            .filter(|&k| text.is_char_boundary(k))
            .collect();
        let mut cases = 0;
        for (a, &s) in cuts.iter().enumerate() {
            for &e in &cuts[a..] {
                let cue = CueHit {
                    start: s,
                    end: e,
                    cue: Cue::Stolen,
                };
                for amount in [(0, s), (e, text.len())] {
                    assert_eq!(
                        distance(text, amount, &cue),
                        char_distance(text, amount, &cue),
                        "{text:?} {amount:?} {s}..{e}"
                    );
                    cases += 1;
                }
            }
        }
        cases
    }

    #[test]
    fn distance_over_bytes_is_the_distance_over_characters() {
        let mut cases = 0;
        for t in [
            "hackers stole $5M, then; moved: it — all – of it",
            "\u{2093}\u{2094}\u{e2}\u{80}é€ \u{1013} \u{3013}\u{3014} \u{10013}—–‒―",
            "ΣΟΦΙΑΣ, lost: ٣ million",
        ] {
            cases += check(t);
        }
        // Sentences of generated articles, the figure and its cue at every pair of places.
        for i in 0..20 {
            let text = crate::synthetic::article(34, i).text;
            for line in text.lines().filter(|l| l.len() < 160).take(4) {
                cases += check(line);
            }
        }
        assert!(cases > 100_000, "{cases} cases");
    }

    proptest::proptest! {
        /// Any text of breaks, dashes and the characters whose bytes look like a dash's.
        #[test]
        fn any_gap_counts_as_its_characters_do(
            t in "[a-z ,;:—–‒―\u{2093}\u{2094}\u{e2}\u{80}\u{1013}\u{3013}\u{10013}€é]{0,24}"
        ) {
            check(&t);
        }
    }
}

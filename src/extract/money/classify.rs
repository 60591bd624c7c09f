//! Deciding what a figure is for from the cue words around it: stolen, attempted, cumulative,
//! damage or other. Cues are found in one pass over the text (aho-corasick); each amount then
//! looks only at the cues of its own sentence, nearest first.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use crate::extract::AmountKind;

/// What a cue word says about a nearby figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    Stolen,
    /// A theft word that is also ordinary business English ("lost", "losses"): counts only in an
    /// article about hacking or theft.
    WeakStolen,
    Attempted,
    Cumulative,
    Damage,
    Other,
    /// Not a cue for a figure, only a sign that the article is about hacking or theft.
    Context,
    /// "biggest", "largest": ranks one figure among others.
    Superlative,
    /// "would have", "could have": a figure in a hypothetical, not a reported theft.
    Hypothetical,
    /// "a total of": a sum, of many thefts only when the sentence says so ("have stolen a total
    /// of"), else of one theft's parts.
    Total,
}

const CUES: &[(&str, Cue)] = &[
    // stolen
    ("stole", Cue::Stolen),
    ("stolen", Cue::Stolen),
    ("steal", Cue::Stolen),
    ("steals", Cue::Stolen),
    ("stealing", Cue::Stolen),
    ("theft", Cue::Stolen),
    ("thefts", Cue::Stolen),
    ("heist", Cue::Stolen),
    ("heists", Cue::Stolen),
    ("cyberheist", Cue::Stolen),
    ("drained", Cue::Stolen),
    ("drain", Cue::Stolen),
    ("drains", Cue::Stolen),
    ("draining", Cue::Stolen),
    ("siphoned", Cue::Stolen),
    ("siphoning", Cue::Stolen),
    ("syphoned", Cue::Stolen),
    ("hacked for", Cue::Stolen),
    ("exploited for", Cue::Stolen),
    ("made off with", Cue::Stolen),
    ("looted", Cue::Stolen),
    ("robbed", Cue::Stolen),
    ("robbery", Cue::Stolen),
    ("hack", Cue::Stolen),
    ("hacks", Cue::Stolen),
    ("hacked", Cue::Stolen),
    ("exploit", Cue::Stolen),
    ("exploits", Cue::Stolen),
    ("exploited", Cue::Stolen),
    ("went missing", Cue::Stolen),
    ("gone missing", Cue::Stolen),
    ("not been recovered", Cue::Stolen),
    ("never recovered", Cue::Stolen),
    ("amount lost", Cue::Stolen),
    ("funds lost", Cue::Stolen),
    ("swiped", Cue::Stolen),
    ("pilfered", Cue::Stolen),
    ("embezzled", Cue::Stolen),
    ("fraudulently transferred", Cue::Stolen),
    ("managed to transfer", Cue::Stolen),
    ("managed to steal", Cue::Stolen),
    ("managed to withdraw", Cue::Stolen),
    ("walk away with", Cue::Stolen),
    ("walked away with", Cue::Stolen),
    ("got away with", Cue::Stolen),
    ("made away with", Cue::Stolen),
    ("lost", Cue::WeakStolen),
    ("gone", Cue::WeakStolen),
    ("vanished", Cue::WeakStolen),
    ("vaporized", Cue::WeakStolen),
    ("vaporised", Cue::WeakStolen),
    ("hit", Cue::WeakStolen),
    ("lose", Cue::WeakStolen),
    ("loses", Cue::WeakStolen),
    ("losing", Cue::WeakStolen),
    ("loss", Cue::WeakStolen),
    ("losses", Cue::WeakStolen),
    ("breach", Cue::WeakStolen),
    ("compromised", Cue::WeakStolen),
    ("suffered", Cue::WeakStolen),
    ("suffers", Cue::WeakStolen),
    // attempted
    ("attempted", Cue::Attempted),
    ("attempt", Cue::Attempted),
    ("attempts", Cue::Attempted),
    ("attempting", Cue::Attempted),
    // "tried", "trying" alone are ordinary English ("tried in court"); only "tried to …" with a
    // theft word after it is an attempted theft (see `decide`).
    ("tried to", Cue::Attempted),
    ("tries to", Cue::Attempted),
    ("trying to", Cue::Attempted),
    ("attempted to", Cue::Attempted),
    ("attempts to", Cue::Attempted),
    ("attempt to", Cue::Attempted),
    ("attempting to", Cue::Attempted),
    ("sought to", Cue::Attempted),
    ("fraudulent", Cue::Attempted),
    ("thwarted", Cue::Attempted),
    ("foiled", Cue::Attempted),
    ("blocked", Cue::Attempted),
    ("failed", Cue::Attempted),
    ("attempted to steal", Cue::Attempted),
    ("attempt to steal", Cue::Attempted),
    ("tried to steal", Cue::Attempted),
    ("trying to steal", Cue::Attempted),
    ("sought to steal", Cue::Attempted),
    ("attempted theft", Cue::Attempted),
    ("attempted heist", Cue::Attempted),
    ("failed to steal", Cue::Attempted),
    // cumulative
    ("netted", Cue::Cumulative),
    ("amassed", Cue::Cumulative),
    ("raked in", Cue::Cumulative),
    ("so far", Cue::Cumulative),
    ("to date", Cue::Cumulative),
    ("leaderboard", Cue::Cumulative),
    ("alone", Cue::Cumulative),
    ("cumulative", Cue::Cumulative),
    ("cumulatively", Cue::Cumulative),
    ("combined", Cue::Cumulative),
    ("collectively", Cue::Cumulative),
    ("altogether", Cue::Cumulative),
    ("in aggregate", Cue::Cumulative),
    ("over the years", Cue::Cumulative),
    ("all-time", Cue::Cumulative),
    ("per year", Cue::Cumulative),
    ("each year", Cue::Cumulative),
    ("every year", Cue::Cumulative),
    ("annually", Cue::Cumulative),
    ("since", Cue::Cumulative),
    ("would have", Cue::Hypothetical),
    ("could have", Cue::Hypothetical),
    ("might have", Cue::Hypothetical),
    ("would be", Cue::Hypothetical),
    ("would make", Cue::Hypothetical),
    ("a total of", Cue::Total),
    ("total of", Cue::Total),
    ("biggest", Cue::Superlative),
    ("largest", Cue::Superlative),
    ("worst", Cue::Superlative),
    ("record", Cue::Superlative),
    // damage
    ("cost it", Cue::Damage),
    ("cost them", Cue::Damage),
    ("cost", Cue::Damage),
    ("costs", Cue::Damage),
    ("costing", Cue::Damage),
    ("damage", Cue::Damage),
    ("damages", Cue::Damage),
    ("ransom", Cue::Damage),
    ("ransoms", Cue::Damage),
    ("ransomware", Cue::Damage),
    ("extorted", Cue::Damage),
    ("extortion", Cue::Damage),
    ("fine", Cue::Damage),
    ("fined", Cue::Damage),
    ("fines", Cue::Damage),
    ("penalty", Cue::Damage),
    ("penalties", Cue::Damage),
    ("remediation", Cue::Damage),
    ("clean-up", Cue::Damage),
    ("compensation", Cue::Damage),
    ("settlement", Cue::Damage),
    // other
    ("price", Cue::Other),
    ("prices", Cue::Other),
    ("priced", Cue::Other),
    ("bounty", Cue::Other),
    ("bounties", Cue::Other),
    ("reward", Cue::Other),
    ("rewards", Cue::Other),
    ("loan", Cue::Other),
    ("loans", Cue::Other),
    ("budget", Cue::Other),
    ("market cap", Cue::Other),
    ("market capitalisation", Cue::Other),
    ("market capitalization", Cue::Other),
    ("market value", Cue::Other),
    ("valuation", Cue::Other),
    ("valued", Cue::Other),
    ("funding", Cue::Other),
    ("raised", Cue::Other),
    ("raise", Cue::Other),
    ("tvl", Cue::Other),
    ("total value locked", Cue::Other),
    ("salary", Cue::Other),
    ("salaries", Cue::Other),
    ("is worth", Cue::Other),
    ("was worth", Cue::Other),
    ("are worth", Cue::Other),
    ("net worth", Cue::Other),
    ("volume", Cue::Other),
    ("revenue", Cue::Other),
    ("revenues", Cue::Other),
    ("profit", Cue::Other),
    ("profits", Cue::Other),
    ("sales", Cue::Other),
    ("turnover", Cue::Other),
    ("earnings", Cue::Other),
    ("deposits", Cue::Other),
    ("withdrawals", Cue::Other),
    ("buy", Cue::Other),
    ("bought", Cue::Other),
    ("purchase", Cue::Other),
    ("paid", Cue::Other),
    ("pay", Cue::Other),
    ("spent", Cue::Other),
    ("invest", Cue::Other),
    ("invested", Cue::Other),
    ("investment", Cue::Other),
    ("insurance", Cue::Other),
    ("reimburse", Cue::Other),
    ("reimbursed", Cue::Other),
    ("seized", Cue::Other),
    ("recovered", Cue::Other),
    ("returned", Cue::Other),
    ("frozen", Cue::Other),
    ("froze", Cue::Other),
    ("laundered", Cue::Other),
    ("laundering", Cue::Other),
    ("mansion", Cue::Other),
    ("prize", Cue::Other),
    ("prizes", Cue::Other),
    ("winnings", Cue::Other),
    ("award", Cue::Other),
    ("hold", Cue::Other),
    ("holds", Cue::Other),
    ("holding", Cue::Other),
    ("holdings", Cue::Other),
    ("held", Cue::Other),
    ("reserves", Cue::Other),
    ("balance", Cue::Other),
    ("acquisition", Cue::Other),
    ("shares", Cue::Other),
    ("dividend", Cue::Other),
    ("debt", Cue::Other),
    ("debts", Cue::Other),
    ("bail out", Cue::Other),
    ("bailing out", Cue::Other),
    ("bailout", Cue::Other),
    ("tax", Cue::Other),
    ("grant", Cue::Other),
    ("donation", Cue::Other),
    ("trading", Cue::Other),
    ("traded", Cue::Other),
    ("trades", Cue::Other),
    ("fee", Cue::Other),
    ("fees", Cue::Other),
    ("deal", Cue::Other),
    ("bid", Cue::Other),
    ("fund", Cue::Other),
    ("capital", Cue::Other),
    ("assets under", Cue::Other),
    // context only
    ("hacker", Cue::Context),
    ("hackers", Cue::Context),
    ("hacking", Cue::Context),
    ("cyberattack", Cue::Context),
    ("cyberattacks", Cue::Context),
    ("cyber-attack", Cue::Context),
    ("attacker", Cue::Context),
    ("attackers", Cue::Context),
    ("malware", Cue::Context),
    ("exploiter", Cue::Context),
    ("rekt", Cue::Context),
];

static MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasickBuilder::new()
        .ascii_case_insensitive(true)
        .match_kind(MatchKind::LeftmostLongest)
        .build(CUES.iter().map(|(p, _)| p))
        .unwrap_or_else(|e| panic!("cue list: {e}"))
});

/// Builds the cue matcher (see `every_static_pattern_compiles` in the parent module).
#[cfg(test)]
pub(super) fn force_patterns() {
    LazyLock::force(&MATCHER);
}

/// One cue occurrence (byte offsets).
#[derive(Clone, Debug)]
pub struct CueHit {
    pub start: usize,
    pub end: usize,
    pub cue: Cue,
}

fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every cue in `text`, in order, whole words only.
pub fn cues(text: &str) -> Vec<CueHit> {
    MATCHER
        .find_iter(text)
        .filter(|m| {
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            !before.is_some_and(word_char) && !after.is_some_and(word_char)
        })
        .map(|m| CueHit {
            start: m.start(),
            end: m.end(),
            cue: CUES[m.pattern().as_usize()].1,
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

/// The kind decided for one amount, and the cue text that decided it.
pub struct Decision {
    pub kind: AmountKind,
    pub cue: Option<(usize, usize)>,
}

/// Distance from the amount to a cue, lengthened by each clause boundary in between so that a
/// cue of the same clause beats a nearer one across a comma.
fn distance(text: &str, amount: (usize, usize), cue: &CueHit) -> usize {
    let (gap_start, gap_end) = if cue.end <= amount.0 {
        (cue.end, amount.0)
    } else if cue.start >= amount.1 {
        (amount.1, cue.start)
    } else {
        return 0;
    };
    let gap = &text[gap_start..gap_end];
    let breaks = gap
        .chars()
        .filter(|c| matches!(c, ',' | ';' | ':' | '—' | '–'))
        .count();
    gap.chars().count() + 20 * breaks
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
    let usable = |h: &&CueHit| match h.cue {
        Cue::Context | Cue::Superlative | Cue::Total | Cue::Hypothetical => false,
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
        };
    };
    let span = Some((best.start, best.end));
    let kind = match best.cue {
        Cue::Stolen | Cue::WeakStolen => {
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
                            && matches!(
                                text[h.start..h.end].to_ascii_lowercase().as_str(),
                                "so far" | "to date" | "since"
                            ))
                });
            // Many thefts in a year: plural theft nouns, or hackers as a class taking billions
            // ("in 2022 hackers stole $3.8 billion"); "in 2019 hackers stole $10 million" may be
            // one theft.
            let plural = sentence_cues.iter().any(|h| {
                let w = text[h.start..h.end].to_ascii_lowercase();
                matches!(w.as_str(), "hacks" | "thefts" | "heists" | "exploits")
                    || (billions && matches!(w.as_str(), "hackers" | "attackers"))
            });
            // "have stolen a total of": a perfect-tense theft summed up.
            let perfect = matches!(best.cue, Cue::Stolen | Cue::WeakStolen) && {
                let head = text[..best.start].trim_end();
                head.ends_with(" have") || head.ends_with(" has")
            };
            let summed = !has_victim
                && (plural || perfect)
                && sentence_cues.iter().any(|h| h.cue == Cue::Total);
            let hypothetical = sentence_cues.iter().any(|h| h.cue == Cue::Hypothetical);
            if attempted {
                AmountKind::Attempted
            } else if hypothetical {
                AmountKind::Other
            } else if total || summed || (year_scope && plural && !has_victim) {
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
        Cue::Other | Cue::Context | Cue::Superlative | Cue::Total | Cue::Hypothetical => {
            AmountKind::Other
        }
    };
    Decision { kind, cue: span }
}

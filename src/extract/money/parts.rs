//! Parts and totals: a figure that restates part of another figure of the same theft
//! (per-asset amounts, waves, an early estimate) is not a theft of its own.

use super::{AmountKind, Work};
use crate::extract::victims as victim;
use crate::partial_date::PartialDate;
use crate::text::is_ascii_space;

/// How many of an article's largest stolen figures a smaller one is compared with when deciding
/// whether it is a part of a total.
const MAX_TOTALS_TRIED: usize = 32;

/// Whether the words right before a figure announce a further theft ("another $4M", "a
/// second $2M"); not "a further $1M", which is as often the next wave of the same theft.
pub(super) fn announces_another(before: &str) -> bool {
    let another = |w: &str| is_one_of(w, &["another", "second", "separate", "third"]);
    match ascii_words_back::<3>(before) {
        Some(words) => words.into_iter().map(bare_ascii).any(another),
        None => before
            .split_whitespace()
            .rev()
            .take(3)
            .map(bare)
            .any(another),
    }
}

/// The last `N` words of `text`, nearest first, as `split_whitespace().rev().take(N)` gives
/// them ("" once the text runs out), read a byte at a time; `None` when a byte of another
/// script stands among them, whose spaces only Unicode tells.
fn ascii_words_back<const N: usize>(text: &str) -> Option<[&str; N]> {
    let b = text.as_bytes();
    let mut out = [""; N];
    let mut end = b.len();
    for slot in &mut out {
        while end > 0 && is_ascii_space(b[end - 1]) {
            end -= 1;
        }
        let mut start = end;
        while start > 0 && !is_ascii_space(b[start - 1]) {
            if !b[start - 1].is_ascii() {
                return None;
            }
            start -= 1;
        }
        *slot = &text[start..end];
        end = start;
    }
    Some(out)
}

/// The first `N` words of `text`, as `split_whitespace().take(N)` gives them ("" once the
/// text runs out), read a byte at a time; `None` when a byte of another script stands among
/// them.
fn ascii_words_ahead<const N: usize>(text: &str) -> Option<[&str; N]> {
    let b = text.as_bytes();
    let mut out = [""; N];
    let mut start = 0;
    for slot in &mut out {
        while start < b.len() && is_ascii_space(b[start]) {
            start += 1;
        }
        let mut end = start;
        while end < b.len() && !is_ascii_space(b[end]) {
            if !b[end].is_ascii() {
                return None;
            }
            end += 1;
        }
        *slot = &text[start..end];
        start = end;
    }
    Some(out)
}

/// A word without the punctuation around it.
fn bare(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric())
}

/// [`bare`] for an ASCII word (as [`ascii_words_back`] and [`ascii_words_ahead`] give them),
/// trimmed a byte at a time: no character to decode.
fn bare_ascii(w: &str) -> &str {
    let b = w.as_bytes();
    let start = b
        .iter()
        .position(u8::is_ascii_alphanumeric)
        .unwrap_or(b.len());
    let end = b
        .iter()
        .rposition(u8::is_ascii_alphanumeric)
        .map_or(start, |e| e + 1);
    &w[start..end]
}

/// Whether `w` is one of the lower-case `words` in any ASCII case (no lower-cased copy).
fn is_one_of(w: &str, words: &[&str]) -> bool {
    words.iter().any(|x| w.eq_ignore_ascii_case(x))
}

/// Whether the words around a figure call it a total ("losses totalled $5M", "$5M lost
/// overall", "$5M in total"): a total is never a part of another figure.
pub(super) fn states_a_total(before: &str, after: &str) -> bool {
    // Not "totalling": breakdowns use it for their sub-sums ("6k ETH, totalling $14M").
    let total = |w: &str| is_one_of(w, &["totalled", "totaled", "overall"]);
    let before_total = match ascii_words_back::<2>(before) {
        Some(words) => words.into_iter().map(bare_ascii).any(total),
        None => before.split_whitespace().rev().take(2).map(bare).any(total),
    };
    let after = match ascii_words_ahead::<3>(after) {
        Some(words) => words.map(bare_ascii),
        None => {
            let mut words = after.split_whitespace();
            std::array::from_fn(|_| bare(words.next().unwrap_or("")))
        }
    };
    let after_total = after.iter().any(|w| w.eq_ignore_ascii_case("overall"))
        || after
            .windows(2)
            .any(|p| p[0].eq_ignore_ascii_case("in") && p[1].eq_ignore_ascii_case("total"));
    before_total || after_total
}

/// Whether two event dates can be the same event: equal at the shorter precision.
fn dates_agree(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.agrees_with(&b),
        _ => true,
    }
}

/// Parts of a theft already stated as a total (per-asset figures, waves, an initial estimate)
/// are not thefts of their own: a stolen figure smaller than another stolen figure of the same
/// victim and event, or a crypto figure with no dollar value beside a dollar total, becomes
/// `other` with the total named as its cue.
pub(super) fn mark_components(work: &mut [Work], main_victim: Option<&str>, text: &str) {
    for (i, j) in components(work, main_victim) {
        let total = &work[j].parsed;
        work[i].kind = AmountKind::Other;
        work[i].cue = Some(format!("part of {}", &text[total.start..total.end]));
        // The rule decided this kind, not the model: no probability to show for it.
        work[i].probability = None;
    }
}

/// The figures [`mark_components`] makes parts, each with its total, `(part, total)`: each
/// part once, and every part a theft kind, so marking it changes its kind.
pub(super) fn components(work: &[Work], main_victim: Option<&str>) -> Vec<(usize, usize)> {
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
                        || dates_agree(part.event_date, total.event_date))
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
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words lower-cased into Strings, as these were read before.
    fn lowered(words: impl Iterator<Item = String>) -> Vec<String> {
        words.collect()
    }

    fn reference_another(before: &str) -> bool {
        lowered(
            before
                .split_whitespace()
                .rev()
                .take(3)
                .map(|w| bare(w).to_ascii_lowercase()),
        )
        .iter()
        .any(|w| matches!(w.as_str(), "another" | "second" | "separate" | "third"))
    }

    fn reference_total(before: &str, after: &str) -> bool {
        let before_total = lowered(
            before
                .split_whitespace()
                .rev()
                .take(2)
                .map(|w| bare(w).to_ascii_lowercase()),
        )
        .iter()
        .any(|w| matches!(w.as_str(), "totalled" | "totaled" | "overall"));
        let after = lowered(
            after
                .split_whitespace()
                .take(3)
                .map(|w| bare(w).to_ascii_lowercase()),
        );
        before_total
            || after.iter().any(|w| w == "overall")
            || after.windows(2).any(|p| p[0] == "in" && p[1] == "total")
    }

    #[test]
    fn totals_and_another_told_without_copies_are_told_as_before() {
        let mut texts: Vec<String> = (0..300)
            .map(|i| crate::synthetic::article(29, i).text)
            .collect();
        texts.extend(
            [
                "Losses TOTALLED $5M. Another $4M went, $3M Overall, $2m in Total; a Second $1M",
                "$5M in\ntotal; $6M, in total. $7M (overall) — a separate $8M; \"Third\" $9M",
                "$1M in",
                "in total $2M",
                "$3M",
                "ANOTHER  $4M",
                "another\u{a0}$4M, a sécond $5M; in\u{2003}total $6M overall\u{85}",
                "Ünterseite another\x0b$7M totalled\x0b$8M in\x0btotal",
                "totaled: $5M overall.",
            ]
            .map(String::from),
        );
        let (mut cases, mut yes) = (0, 0);
        for text in &texts {
            // Every word boundary of the text as a figure's place, and each figure's own.
            let cuts = text
                .char_indices()
                .filter(|(_, c)| c.is_whitespace() || *c == '$')
                .map(|(k, _)| k);
            for k in cuts {
                let (before, after) = text.split_at(k);
                let now = (announces_another(before), states_a_total(before, after));
                let then = (reference_another(before), reference_total(before, after));
                assert_eq!(now, then, "{before:?} | {after:?}");
                cases += 1;
                yes += usize::from(now.0) + usize::from(now.1);
            }
        }
        assert!(cases > 10_000 && yes > 20, "{cases} cases, {yes} told");
    }
}

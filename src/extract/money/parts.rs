//! Parts and totals: a figure that restates part of another figure of the same theft
//! (per-asset amounts, waves, an early estimate) is not a theft of its own.

use super::{AmountKind, Work};
use crate::extract::victims as victim;
use crate::partial_date::PartialDate;

/// How many of an article's largest stolen figures a smaller one is compared with when deciding
/// whether it is a part of a total.
const MAX_TOTALS_TRIED: usize = 32;

/// Whether the words right before a figure announce a further theft ("another $4M", "a
/// second $2M"); not "a further $1M", which is as often the next wave of the same theft.
pub(super) fn announces_another(before: &str) -> bool {
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
pub(super) fn states_a_total(before: &str, after: &str) -> bool {
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
    for (i, j) in parts {
        let total = &work[j].parsed;
        work[i].kind = AmountKind::Other;
        work[i].cue = Some(format!("part of {}", &text[total.start..total.end]));
        // The rule decided this kind, not the model: no probability to show for it.
        work[i].probability = None;
    }
}

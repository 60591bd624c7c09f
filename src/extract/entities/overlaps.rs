//! Candidates resolved so that no two mentions overlap.

use std::cmp::Reverse;

use super::Candidate;
use super::automaton::Source;
use super::organizations;

/// Keeps non-overlapping candidates: longest first, then the more specific source. A pattern's
/// span that swallows a known name ("North Korea's Lazarus Group") gives way to it.
/// The candidates are ranked by index and the spans taken kept in one vector by start: no
/// candidate is moved until the kept ones leave in text order.
pub(super) fn resolve(c: Vec<Candidate>) -> Vec<Candidate> {
    let known = |x: &Candidate| x.source >= Source::KnownPerson;
    // Known names by start: those inside a candidate are one slice of them, so a text dense
    // with names costs n log n, not n². Each span says whether a known organisation named with
    // a lower-case letter has it: one opening a body's name ending in an organisation word is
    // its part, named as written ("Senate Banking Committee", "Daily Mail & General Trust"); an
    // acronym's parts are named by `extend_acronym_organisations` ("BBC News Online").
    let mut known_spans: Vec<(usize, usize, bool)> = c
        .iter()
        .filter(|k| known(k))
        .map(|k| {
            let org =
                k.source == Source::Organization && k.canonical.chars().any(char::is_lowercase);
            (k.start, k.end, org)
        })
        .collect();
    known_spans.sort_unstable();
    known_spans.dedup_by(|later, kept| {
        let same = (later.0, later.1) == (kept.0, kept.1);
        kept.2 |= same && later.2;
        same
    });
    let holds_known = |x: &Candidate| {
        let from = known_spans.partition_point(|&(s, ..)| s < x.start);
        known_spans[from..]
            .iter()
            .take_while(|&&(s, ..)| s < x.end)
            .any(|&(s, e, org)| {
                let part_of = x.source == Source::OrgPattern
                    && s == x.start
                    && org
                    && x.canonical
                        .rsplit(' ')
                        .next()
                        .is_some_and(organizations::names_a_part);
                e <= x.end && e - s < x.end - x.start && !part_of
            })
    };
    // The order candidates are tried in: longest, more specific source, earlier start; equal
    // ones as given.
    let mut order: Vec<(Reverse<usize>, Reverse<Source>, usize, usize)> =
        Vec::with_capacity(c.len());
    order.extend(
        c.iter()
            .enumerate()
            .filter(|(_, x)| known(x) || !holds_known(x))
            .map(|(i, x)| (Reverse(x.end - x.start), Reverse(x.source), x.start, i)),
    );
    order.sort_unstable();
    // Spans taken so far (with their candidate), by start, of equal starts in the order taken;
    // they never overlap, so only the last one starting before a candidate's end can overlap it.
    let mut taken: Vec<(usize, usize, usize)> = Vec::with_capacity(order.len());
    for &(.., i) in &order {
        let x = &c[i];
        let before = taken.partition_point(|&(s, ..)| s < x.end);
        if before > 0 && x.start < taken[before - 1].1 {
            continue;
        }
        let at = taken.partition_point(|&(s, ..)| s <= x.start);
        taken.insert(at, (x.start, x.end, i));
    }
    let mut slots: Vec<Option<Candidate>> = c.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(taken.len());
    out.extend(taken.iter().filter_map(|&(.., i)| slots[i].take()));
    out
}

#[cfg(test)]
mod tests;

//! Candidates resolved so that no two mentions overlap.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use super::Candidate;
use super::automaton::Source;
use super::organizations;

/// Keeps non-overlapping candidates: longest first, then the more specific source. A pattern's
/// span that swallows a known name ("North Korea's Lazarus Group") gives way to it.
/// The candidates are ranked by index and the spans taken kept in one vector by start: no
/// candidate is moved until the kept ones leave in text order.
pub(super) fn resolve(c: Vec<Candidate>) -> Vec<Candidate> {
    resolve_with(c, SHORT_MAX)
}

/// How many spans [`Taken`] keeps in a vector before it moves them to an ordered map.
const SHORT_MAX: usize = 1024;

/// [`resolve`] with the spans taken moved to a map past `short_max` of them (tests run both).
fn resolve_with(c: Vec<Candidate>, short_max: usize) -> Vec<Candidate> {
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
    let mut taken = Taken::Short(Vec::with_capacity(order.len().min(short_max + 1)));
    for &(.., i) in &order {
        let x = &c[i];
        if !taken.overlaps(x.start, x.end) {
            taken.insert(x.start, x.end, i, short_max);
        }
    }
    let kept = taken.in_text_order();
    let mut slots: Vec<Option<Candidate>> = c.into_iter().map(Some).collect();
    let mut out = Vec::with_capacity(kept.len());
    out.extend(kept.into_iter().filter_map(|i| slots[i].take()));
    out
}

/// Spans taken so far with their candidate, by start, of equal starts in the order taken. They
/// never overlap, so only the last one starting before a candidate's end can overlap it. A
/// short list is a vector (an insert moves its tail, cheaper than a map's nodes for the few
/// hundred names of an article); a long one (a 2 MB text's tens of thousands) an ordered map,
/// so that inserts cost log n, not n, each.
enum Taken {
    /// `(start, end, candidate)`.
    Short(Vec<(usize, usize, usize)>),
    /// `(start, order taken) → (end, candidate)`.
    Long(BTreeMap<(usize, usize), (usize, usize)>),
}

impl Taken {
    fn overlaps(&self, start: usize, end: usize) -> bool {
        match self {
            Self::Short(v) => {
                let before = v.partition_point(|&(s, ..)| s < end);
                before > 0 && start < v[before - 1].1
            }
            Self::Long(m) => m
                .range(..(end, 0))
                .next_back()
                .is_some_and(|(_, &(e, _))| start < e),
        }
    }

    fn insert(&mut self, start: usize, end: usize, i: usize, short_max: usize) {
        match self {
            Self::Short(v) if v.len() < short_max => {
                let at = v.partition_point(|&(s, ..)| s <= start);
                v.insert(at, (start, end, i));
            }
            Self::Short(v) => {
                let mut m: BTreeMap<_, _> = v
                    .iter()
                    .enumerate()
                    .map(|(n, &(s, e, i))| ((s, n), (e, i)))
                    .collect();
                m.insert((start, v.len()), (end, i));
                *self = Self::Long(m);
            }
            // Each insert's order is the map's size: later than every span taken before it.
            Self::Long(m) => {
                let n = m.len();
                m.insert((start, n), (end, i));
            }
        }
    }

    /// The candidates taken, in text order.
    fn in_text_order(self) -> Vec<usize> {
        match self {
            Self::Short(v) => v.into_iter().map(|(.., i)| i).collect(),
            Self::Long(m) => m.into_values().map(|(_, i)| i).collect(),
        }
    }
}

#[cfg(test)]
mod tests;

//! Incidents: the same theft reported by many articles, merged into one.
//!
//! Two theft figures are one incident when they have the same kind, the same victim (the same
//! identity, `Amount::victim_id`, without the words that say what kind of organisation it is;
//! an identity whose words extend another's word by word, "ronin network" beside "ronin", is the
//! same victim), dollar values within 10% and event dates in the same year. Figures
//! stated for the same day (give or take one) and within 2% are one theft even when the victims
//! are named differently (a platform and its product). A figure with no victim joins an incident
//! when its value is within 3% and its event date agrees at the shorter precision, or when it is
//! a later article's recollection (dated only by its publication, after the incident). Cumulative totals are
//! incidents of their own kind and never merge with single thefts. Ids and order follow the event
//! date, so they are stable.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::extract::victims::{identity, normalized};
use crate::extract::{Amount, AmountKind, Mention};
use crate::partial_date::{PartialDate, Precision};

/// One theft (or attempt, or cumulative total) with every source that reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Incident {
    pub id: String,
    pub kind: AmountKind,
    pub event_date: Option<PartialDate>,
    pub usd: f64,
    pub usd_min: f64,
    pub usd_max: f64,
    pub victim: Option<String>,
    /// The victim's identity (see [`Amount::victim_id`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub victim_id: Option<String>,
    pub actor: Option<String>,
    /// The sub-group of `actor` its sources name most ("APT38" under "Lazarus Group").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_group: Option<String>,
    pub sources: Vec<Source>,
}

/// One article's report of an incident and the figure it gave.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    #[serde(flatten)]
    pub mention: Mention,
    pub usd: f64,
    /// The figure as written: the amount's own shared string, not a copy.
    pub text: crate::extract::Word,
    /// The figure is the theft its article is about ([`crate::extract::Amount::main`]).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub main: bool,
}

impl Incident {
    /// Some source reports it as the theft its article is about: a headline incident, listed
    /// before figures mentioned only in passing.
    pub fn is_main(&self) -> bool {
        self.sources.iter().any(|s| s.main)
    }
}

/// How many of a group's first (and of its latest) members a new figure is compared with.
const MEMBERS_COMPARED: usize = 32;

/// An incident under construction.
struct Group<'a> {
    kind: AmountKind,
    /// The victim's identity as incidents compare it (`victim_key_of`).
    victim: Option<String>,
    members: Vec<&'a Amount>,
}

/// A figure's victim identity: the one extraction gave it, else (a victim an analyst's decision
/// set, or a report of an older version) its name's.
fn victim_id(a: &Amount) -> Option<String> {
    a.victim_id
        .as_deref()
        .map(String::from)
        .or_else(|| a.victim.as_deref().map(identity))
}

/// The identity incidents compare, made once per figure: without the words that say what kind
/// of organisation it is ("orbit bridge" and "orbit chain" are one platform, "central bank of
/// bangladesh" and "bangladesh central" one bank).
fn victim_key_of(a: &Amount) -> Option<String> {
    victim_id(a).map(|id| normalized(&id))
}

fn usd_of(a: &Amount) -> Option<f64> {
    a.usd.filter(|u| u.is_finite() && *u > 0.0)
}

fn within(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance * a.abs().max(b.abs())
}

/// Whether `a` (worth `usd`) can be a report of a figure worth `other`: within `tolerance`, or,
/// for a dollar lower bound ("more than $600M"), at or up to 10% above the bound.
fn value_matches(a: &Amount, usd: f64, other: f64, tolerance: f64) -> bool {
    within(usd, other, tolerance)
        || (&*a.currency == "USD"
            && a.max.is_none()
            && a.min.is_some_and(|lo| other >= lo && other <= lo * 1.10))
}

/// The dollar values a figure without a victim can match ([`value_matches`] at 3%): around its
/// own value, and for a dollar lower bound up to 10% above the bound. A little wider than the
/// test itself, which decides.
fn value_ranges(a: &Amount, usd: f64) -> Vec<(f64, f64)> {
    let mut ranges = vec![(usd * 0.969, usd / 0.969)];
    if recalls_rounded(a) {
        ranges.push((usd * 0.899, usd / 0.899));
    }
    if &*a.currency == "USD"
        && a.max.is_none()
        && let Some(lo) = a.min.filter(|lo| lo.is_finite() && *lo > 0.0)
    {
        ranges.push((lo * 0.999, lo * 1.101));
    }
    ranges
}

/// A later article recalling a theft in passing rounds it ("the $20 million heist last spring"
/// for a theft of $21.4M): a figure stated with no victim, dated only by its publication, whose
/// leading two digits are a multiple of five, matches a theft within 10% of the year before.
fn recalls_rounded(a: &Amount) -> bool {
    a.victim.is_none() && a.event_date_inferred && round_figure(a.value)
}

/// `theft` at most a year before `recall` (both known).
fn within_a_year_before(recall: Option<PartialDate>, theft: Option<PartialDate>) -> bool {
    match (recall.and_then(|d| d.as_day()), theft) {
        (Some(r), Some(t)) => {
            let t = t.as_day().unwrap_or_else(|| t.first_day());
            (r - t).num_days() <= 366
        }
        _ => false,
    }
}

/// The figure's two leading digits are a multiple of five (50, 15, 600 …).
fn round_figure(v: f64) -> bool {
    if !(v.is_finite() && v >= 10.0) {
        return false;
    }
    let scale = 10f64.powf(v.log10().floor() - 1.0);
    let lead = v / scale;
    (lead - lead.round()).abs() < 1e-6 && (lead.round() as u64).is_multiple_of(5)
}

/// Event dates of one theft: the same year (reports of one theft differ by a day or a month,
/// and a bare year agrees with any month of it).
fn dates_compatible(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.year() == b.year(),
        _ => true,
    }
}

/// Both dates give a day, at most one day apart (reports in different time zones).
fn same_day(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a.and_then(|d| d.as_day()), b.and_then(|d| d.as_day())) {
        (Some(a), Some(b)) => (a - b).num_days().abs() <= 1,
        _ => false,
    }
}

/// Identities of one victim: equal, or one is the other's leading words.
fn same_victim(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut long_words = long.split_whitespace();
    short
        .split_whitespace()
        .all(|w| long_words.next() == Some(w))
}

/// The key victims are indexed by: the first word of the identity, which every identity that
/// [`same_victim`] accepts shares.
fn victim_key(id: &str) -> String {
    id.split_whitespace().next().unwrap_or("").to_string()
}

/// Both dates are known and equal at the shorter precision ("2018" agrees with "2018-06-19").
fn dates_agree(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.agrees_with(&b),
        _ => false,
    }
}

impl Group<'_> {
    fn accepts(&self, a: &Amount, victim: Option<&String>, usd: f64) -> bool {
        if a.kind != self.kind {
            return false;
        }
        // The first and the latest members stand for the group: a group of thousands of equal
        // figures (a ledger) is not compared member by member.
        let n = self.members.len();
        let sample = self.members.iter().take(MEMBERS_COMPARED).chain(
            self.members
                .iter()
                .skip(n.saturating_sub(MEMBERS_COMPARED).max(MEMBERS_COMPARED)),
        );
        sample.into_iter().any(|m| {
            let Some(mu) = usd_of(m) else { return false };
            match (victim, &self.victim) {
                (Some(v), Some(g)) => {
                    // A later article recalling the same victim's theft is dated only by its
                    // publication, after the theft.
                    let recalled = a.event_date_inferred
                        && matches!((a.event_date, m.event_date), (Some(ad), Some(md)) if md < ad);
                    (same_victim(v, g)
                        && within(usd, mu, 0.10)
                        && (dates_compatible(a.event_date, m.event_date) || recalled))
                        || (within(usd, mu, 0.02) && same_day(a.event_date, m.event_date))
                }
                // A figure with no victim is the theft of the same value and time: dates that
                // agree at the shorter precision, or a later article recalling it (its date is
                // only the publication date, after the theft's).
                _ => {
                    let (ad, md) = (a.event_date, m.event_date);
                    let recalled = |tolerance| {
                        value_matches(a, usd, mu, tolerance)
                            && a.event_date_inferred
                            && matches!((ad, md), (Some(ad), Some(md))
                                if md < ad || (md == ad && !m.event_date_inferred))
                    };
                    (value_matches(a, usd, mu, 0.03) && dates_agree(ad, md))
                        || recalled(0.03)
                        || (recalls_rounded(a) && recalled(0.10) && within_a_year_before(ad, md))
                }
            }
        })
    }
}

/// The most common figure among the sources (within 1%), ties broken by the median. A sliding
/// window over the sorted values counts each figure's neighbours, so a thousand sources cost
/// no more than a sort.
fn typical(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let median = sorted[sorted.len() / 2];
    let mut best = (0usize, median);
    let (mut lo, mut hi) = (0usize, 0usize);
    for &v in &sorted {
        while lo < sorted.len() && !within(v, sorted[lo], 0.01) && sorted[lo] < v {
            lo += 1;
        }
        while hi < sorted.len() && (within(v, sorted[hi], 0.01) || sorted[hi] <= v) {
            hi += 1;
        }
        let n = hi - lo;
        if n > best.0 || (n == best.0 && (v - median).abs() < (best.1 - median).abs()) {
            best = (n, v);
        }
    }
    best.1
}

/// The event date of an incident: the most precise stated (non-inferred) date, the earliest
/// among equals; inferred dates only when no source states one.
fn best_date(members: &[&Amount]) -> Option<PartialDate> {
    let pick = |inferred: bool| {
        members
            .iter()
            .filter(|m| m.event_date_inferred == inferred)
            .filter_map(|m| m.event_date)
            .max_by(|a, b| a.precision().cmp(&b.precision()).then(b.cmp(a)))
    };
    pick(false).or_else(|| pick(true))
}

/// The most frequent value of `values` (first seen among equals).
fn most_common<S: AsRef<str>>(values: impl Iterator<Item = S>) -> Option<String> {
    let mut counts: Vec<(S, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| k.as_ref() == v.as_ref()) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let max = counts.iter().map(|(_, n)| *n).max()?;
    counts
        .into_iter()
        .find(|(_, n)| *n == max)
        .map(|(k, _)| k.as_ref().to_owned())
}

/// Merges theft-kind amounts across the corpus into incidents.
pub fn merge(amounts: &[Amount]) -> Vec<Incident> {
    // Largest figures first with a victim first, so that groups form around named thefts.
    let mut thefts: Vec<(&Amount, f64)> = amounts
        .iter()
        .filter(|a| a.kind.is_theft())
        .filter_map(|a| usd_of(a).map(|u| (a, u)))
        .collect();
    thefts.sort_by(|(a, ua), (b, ub)| {
        b.victim
            .is_some()
            .cmp(&a.victim.is_some())
            .then(ub.total_cmp(ua))
            .then(a.article.cmp(&b.article))
            .then(a.start.cmp(&b.start))
    });
    let mut groups: Vec<Group> = Vec::new();
    // Groups by (kind, first victim word) and by (kind, stated day) for victims; by (kind, a
    // member's dollar value) for the others, which can only join a group holding a figure of
    // nearly their value (see `Group::accepts`): a range lookup, not a scan of every group.
    let mut by_victim: BTreeMap<(AmountKind, String), Vec<usize>> = BTreeMap::new();
    let mut by_day: BTreeMap<(AmountKind, PartialDate), Vec<usize>> = BTreeMap::new();
    // (kind, dollar value as bits, group): positive finite floats order as their bits.
    let mut by_value: BTreeSet<(AmountKind, u64, usize)> = BTreeSet::new();
    // A day is indexed under its month, so that neighbouring days meet (a day and the next
    // across a month's end do not; they are rare enough).
    let day_of = |a: &Amount| {
        a.event_date
            .filter(|d| d.precision() == Precision::Day)
            .map(|d| d.truncated(Precision::Month))
    };
    for (a, usd) in thefts {
        let victim = if a.kind == AmountKind::Cumulative {
            None
        } else {
            victim_key_of(a)
        };
        let candidates: Vec<usize> = match &victim {
            Some(v) => {
                let mut c: Vec<usize> = by_victim
                    .get(&(a.kind, victim_key(v)))
                    .into_iter()
                    .chain(day_of(a).and_then(|d| by_day.get(&(a.kind, d))))
                    .flatten()
                    .copied()
                    .collect();
                c.sort_unstable();
                c.dedup();
                c
            }
            None => {
                let mut c: Vec<usize> = value_ranges(a, usd)
                    .into_iter()
                    .flat_map(|(lo, hi)| {
                        by_value
                            .range((a.kind, lo.to_bits(), 0)..=(a.kind, hi.to_bits(), usize::MAX))
                            .map(|&(_, _, g)| g)
                    })
                    .collect();
                c.sort_unstable();
                c.dedup();
                c
            }
        };
        match candidates
            .into_iter()
            .find(|&g| groups[g].accepts(a, victim.as_ref(), usd))
        {
            Some(g) => {
                groups[g].members.push(a);
                by_value.insert((a.kind, usd.to_bits(), g));
                if victim.is_some()
                    && let Some(d) = day_of(a)
                {
                    let list = by_day.entry((a.kind, d)).or_default();
                    if !list.contains(&g) {
                        list.push(g);
                    }
                }
            }
            None => {
                if let Some(v) = &victim {
                    by_victim
                        .entry((a.kind, victim_key(v)))
                        .or_default()
                        .push(groups.len());
                    if let Some(d) = day_of(a) {
                        by_day.entry((a.kind, d)).or_default().push(groups.len());
                    }
                }
                by_value.insert((a.kind, usd.to_bits(), groups.len()));
                groups.push(Group {
                    kind: a.kind,
                    victim,
                    members: vec![a],
                });
            }
        }
    }
    let mut incidents: Vec<Incident> = groups
        .into_iter()
        .map(|g| {
            let mut members = g.members;
            members.sort_by(|a, b| a.article.cmp(&b.article).then(a.start.cmp(&b.start)));
            let values: Vec<f64> = members.iter().filter_map(|m| usd_of(m)).collect();
            let usd = typical(&values);
            let usd_min = values.iter().copied().fold(f64::INFINITY, f64::min);
            let usd_max = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
            // The identity most sources give, shown by the name most of those sources use.
            let (victim, victim_id) = if g.kind == AmountKind::Cumulative {
                (None, None)
            } else {
                let id = most_common(members.iter().filter_map(|m| victim_id(m)));
                let name = most_common(
                    members
                        .iter()
                        .filter(|m| id.is_some() && victim_id(m) == id)
                        .filter_map(|m| m.victim.as_deref()),
                );
                (name, id)
            };
            let actor = most_common(members.iter().filter_map(|m| m.actor.as_deref()));
            // Only a sub-group of the chosen umbrella: two groups' figures may have merged.
            let sub_group = most_common(
                members
                    .iter()
                    .filter(|m| m.actor.is_some() && m.actor.as_deref() == actor.as_deref())
                    .filter_map(|m| m.sub_group.as_deref()),
            );
            Incident {
                id: String::new(),
                kind: g.kind,
                event_date: best_date(&members),
                usd,
                usd_min,
                usd_max,
                victim,
                victim_id,
                actor,
                sub_group,
                sources: members
                    .iter()
                    .map(|m| Source {
                        mention: m.mention(),
                        usd: usd_of(m).unwrap_or(0.0),
                        text: m.text.clone(),
                        main: m.main,
                    })
                    .collect(),
            }
        })
        .collect();
    incidents.sort_by(|a, b| {
        a.event_date
            .cmp(&b.event_date)
            .then(b.usd.total_cmp(&a.usd))
            .then(a.kind.cmp(&b.kind))
            .then(a.victim.cmp(&b.victim))
            .then(a.sources[0].mention.cmp(&b.sources[0].mention))
    });
    for (k, i) in incidents.iter_mut().enumerate() {
        i.id = format!("inc-{:04}", k + 1);
    }
    incidents
}

#[cfg(test)]
mod tests;

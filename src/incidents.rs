//! Incidents: the same theft reported by many articles, merged into one.
//!
//! Two theft figures are one incident when they have the same kind, the same victim (compared
//! without case, punctuation or words such as "bank" or "network"), dollar values within 10% and
//! event dates in the same year; a victim name that extends another word by word ("Banco de Chile
//! Wiper" beside "Banco de Chile", a headline's capitalised words) is the same victim. Figures
//! stated for the same day (give or take one) and within 2% are one theft even when the victims
//! are named differently (a platform and its product). A figure with no victim joins an incident
//! when its value is within 3% and its event date agrees at the shorter precision, or when it is
//! a later article's recollection (dated only by its publication, after the incident). Cumulative totals are
//! incidents of their own kind and never merge with single thefts. Ids and order follow the event
//! date, so they are stable.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::extract::money::normalized_victim;
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
    pub text: String,
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
    victim: Option<String>,
    members: Vec<&'a Amount>,
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

/// Normalised victim names of one victim: equal, or one is the other's leading words.
fn same_victim(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let mut long_words = long.split_whitespace();
    short
        .split_whitespace()
        .all(|w| long_words.next() == Some(w))
}

/// The key victims are indexed by: the first word of the normalised name, which every name that
/// [`same_victim`] accepts shares.
fn victim_key(normalized: &str) -> String {
    normalized
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_string()
}

/// Both dates are known and equal at the shorter precision ("2018" agrees with "2018-06-19").
fn dates_agree(a: Option<PartialDate>, b: Option<PartialDate>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => a.agrees_with(&b),
        _ => false,
    }
}

impl Group<'_> {
    fn accepts(&self, a: &Amount, usd: f64) -> bool {
        if a.kind != self.kind {
            return false;
        }
        let victim = a.victim.as_deref().map(normalized_victim);
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
            match (&victim, &self.victim) {
                (Some(v), Some(g)) => {
                    (same_victim(v, g)
                        && within(usd, mu, 0.10)
                        && dates_compatible(a.event_date, m.event_date))
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
fn most_common(values: impl Iterator<Item = String>) -> Option<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(k, _)| *k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let max = counts.iter().map(|(_, n)| *n).max()?;
    counts.into_iter().find(|(_, n)| *n == max).map(|(k, _)| k)
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
            a.victim.as_deref().map(normalized_victim)
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
        let mut a_for_match = a.clone();
        if a.kind == AmountKind::Cumulative {
            a_for_match.victim = None;
        }
        match candidates
            .into_iter()
            .find(|&g| groups[g].accepts(&a_for_match, usd))
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
            let victim = if g.kind == AmountKind::Cumulative {
                None
            } else {
                most_common(members.iter().filter_map(|m| m.victim.clone()))
            };
            let actor = most_common(members.iter().filter_map(|m| m.actor.clone()));
            // Only a sub-group of the chosen umbrella: two groups' figures may have merged.
            let sub_group = most_common(
                members
                    .iter()
                    .filter(|m| m.actor.is_some() && m.actor == actor)
                    .filter_map(|m| m.sub_group.clone()),
            );
            Incident {
                id: String::new(),
                kind: g.kind,
                event_date: best_date(&members),
                usd,
                usd_min,
                usd_max,
                victim,
                actor,
                sub_group,
                sources: members
                    .iter()
                    .map(|m| Source {
                        mention: Mention::new(m.article.clone(), m.start, m.end),
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
mod tests {
    use super::*;

    fn amount(
        article: &str,
        usd: f64,
        kind: AmountKind,
        date: &str,
        victim: Option<&str>,
    ) -> Amount {
        Amount {
            article: article.into(),
            start: 0,
            end: 3,
            text: format!("${usd}"),
            value: usd,
            min: None,
            max: None,
            currency: "USD".into(),
            usd: Some(usd),
            kind,
            event_date: date.parse().ok(),
            event_date_inferred: false,
            event_date_suspicious: false,
            victim: victim.map(String::from),
            actor: None,
            sub_group: None,
            cue: None,
            main: false,
            probability: None,
        }
    }

    #[test]
    fn same_theft_in_many_articles_is_one_incident() {
        let s = AmountKind::Stolen;
        let amounts = vec![
            amount("a", 81e6, s, "2016-02", Some("Bangladesh Bank")),
            amount("b", 81e6, s, "2016", Some("Bangladesh Bank")),
            amount("c", 80e6, s, "2016-02-05", Some("Bangladesh bank")),
            amount("d", 60e6, s, "2017", Some("Far Eastern International Bank")),
            amount(
                "e",
                81e6,
                AmountKind::Attempted,
                "2016-02",
                Some("Bangladesh Bank"),
            ),
            amount("f", 81e6, s, "2018-05", Some("Bangladesh Bank")),
            amount(
                "g",
                81e6,
                AmountKind::Other,
                "2016-02",
                Some("Bangladesh Bank"),
            ),
        ];
        let inc = merge(&amounts);
        assert_eq!(inc.len(), 4, "{inc:#?}");
        let bb = inc
            .iter()
            .find(|i| i.kind == s && i.sources.len() == 3)
            .unwrap();
        assert_eq!(bb.usd, 81e6);
        assert_eq!((bb.usd_min, bb.usd_max), (80e6, 81e6));
        assert_eq!(
            bb.event_date.map(|d| d.to_string()).as_deref(),
            Some("2016-02-05")
        );
        assert_eq!(inc[0].id, "inc-0001");
        assert_eq!(
            inc[0].event_date.map(|d| d.to_string()).as_deref(),
            Some("2016-02")
        );
    }

    #[test]
    fn unnamed_figures_join_only_close_matches_and_totals_stay_apart() {
        let s = AmountKind::Stolen;
        let amounts = vec![
            amount("a", 100e6, s, "2022-06", Some("Harmony")),
            amount("b", 100.5e6, s, "2022-06-24", None),
            amount("c", 95e6, s, "2022-06", None),
            amount("d", 100e6, AmountKind::Cumulative, "2022-06", None),
        ];
        let inc = merge(&amounts);
        assert_eq!(inc.len(), 3, "{inc:#?}");
        assert!(
            inc.iter()
                .any(|i| i.sources.len() == 2 && i.victim.as_deref() == Some("Harmony"))
        );
        assert!(inc.iter().any(|i| i.kind == AmountKind::Cumulative));
    }

    #[test]
    fn longer_names_and_next_day_reports_join_the_same_theft() {
        let s = AmountKind::Stolen;
        let amounts = vec![
            amount("a", 12e6, s, "2019-04", Some("Quillon Bank")),
            amount("b", 12e6, s, "2019-04", Some("Quillon Bank Malware")),
            amount("c", 12e6, s, "2019-04", Some("Quill")),
            amount("d", 70e6, s, "2021-03-14", Some("Vesper Bridge")),
            amount("e", 70.5e6, s, "2021-03-15", Some("Tidal Vesper")),
            amount("f", 70e6, s, "2021-03-17", Some("Other Swap")),
        ];
        let inc = merge(&amounts);
        let sizes: Vec<(Option<&str>, usize)> = inc
            .iter()
            .map(|i| (i.victim.as_deref(), i.sources.len()))
            .collect();
        assert_eq!(inc.len(), 4, "{sizes:?}");
        assert!(sizes.contains(&(Some("Quill"), 1)), "{sizes:?}");
        assert!(sizes.iter().any(|(_, n)| *n == 2), "{sizes:?}");
        assert!(sizes.contains(&(Some("Other Swap"), 1)), "{sizes:?}");
    }

    #[test]
    fn merge_is_deterministic() {
        let s = AmountKind::Stolen;
        let mut amounts = vec![
            amount("a", 10e6, s, "2020", Some("X")),
            amount("b", 20e6, s, "2019", Some("Y")),
            amount("c", 30e6, s, "2021", Some("Z")),
        ];
        let first = merge(&amounts);
        amounts.reverse();
        assert_eq!(first, merge(&amounts));
        assert_eq!(first[0].victim.as_deref(), Some("Y"));
    }

    #[test]
    fn a_later_article_recalling_a_theft_rounds_it() {
        let s = AmountKind::Stolen;
        let theft = || amount("a", 21.4e6, s, "2021-04-12", Some("Quillon Finance"));
        let mut recalled = amount("b", 20e6, s, "2021-11-02", None);
        recalled.event_date_inferred = true;
        let merged = merge(&[theft(), recalled.clone()]);
        assert_eq!(merged.len(), 1, "{merged:#?}");
        // Not a round figure, not a recall (its own date), or years later: two thefts.
        let mut precise = recalled.clone();
        precise.value = 20.3e6;
        precise.usd = Some(20.3e6);
        let dated = amount("b", 20e6, s, "2021-11-02", None);
        let mut late = recalled.clone();
        late.event_date = "2023-11-02".parse().ok();
        for other in [precise, dated, late] {
            let merged = merge(&[theft(), other]);
            assert_eq!(merged.len(), 2, "{merged:#?}");
        }
    }
}

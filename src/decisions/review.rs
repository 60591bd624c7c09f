//! The review queue ("To review"): where the machine is least sure, so the analyst's time goes
//! there first. Three kinds of entry, in this order:
//!
//! - incidents that look like one heist counted twice: the same kind, values within 10 %, dates
//!   within a month, and different victims (the merge rules keep such incidents apart);
//! - thefts with no victim or no date;
//! - figures whose kind the amount model gave the lowest probability.
//!
//! What an analyst already decided leaves the queue: a confirmed or corrected figure, a confirmed
//! incident (its pairs and gaps are accepted as they are).

use std::collections::HashSet;

use crate::extract::{Amount, AmountKind};
use crate::incidents::Incident;

use super::replay::ReplayReport;

/// Figures whose role the model gave less than this probability are worth a second look.
pub const UNSURE_BELOW: f32 = 0.6;
/// At most this many unsure figures are listed (the least sure first).
pub const MAX_UNSURE: usize = 50;
/// Values this close (relative to the larger) may be one theft.
const SAME_VALUE: f64 = 0.10;
/// Dates this close (in days, between the periods they name) may be one theft.
const SAME_TIME_DAYS: i64 = 31;

/// Why an entry is in the queue.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Incidents `incident` and `other` may be one heist.
    CountedTwice {
        other: usize,
    },
    NoVictim,
    NoDate,
    /// The model's probability for the figure's kind.
    Unsure {
        probability: f32,
    },
}

/// One entry: the figure whose passage it opens, and the incident it concerns, if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub reason: Reason,
    pub article: String,
    pub start: usize,
    pub end: usize,
    pub incident: Option<usize>,
}

impl Entry {
    /// What the list shows: why the entry is there.
    pub fn why(&self) -> String {
        match &self.reason {
            Reason::CountedTwice { .. } => "counted twice?".to_owned(),
            Reason::NoVictim => "no victim".to_owned(),
            Reason::NoDate => "no date".to_owned(),
            Reason::Unsure { probability } => {
                format!("kind {:.0} % sure", f64::from(*probability) * 100.0)
            }
        }
    }
}

/// The queue for `amounts` and `incidents` as replayed (`report`: what the decisions did).
pub fn queue(amounts: &[Amount], incidents: &[Incident], report: &ReplayReport) -> Vec<Entry> {
    let confirmed: HashSet<&str> = report
        .confirmed_incidents
        .iter()
        .map(String::as_str)
        .collect();
    let open = |i: usize| !confirmed.contains(incidents[i].id.as_str());
    let mut entries = Vec::new();
    // By value, so each incident is compared only with those within 10 % above it; what the
    // comparison reads is made once per incident (a corpus of 100,000 articles has runs of
    // thousands of incidents of one round value).
    let keys: Vec<Option<PairKey>> = incidents.iter().map(PairKey::of).collect();
    let mut by_value: Vec<usize> = (0..incidents.len())
        .filter(|&i| open(i) && keys[i].is_some())
        .collect();
    by_value.sort_by(|&a, &b| incidents[a].usd.total_cmp(&incidents[b].usd));
    // Each incident is listed with the one it is likeliest counted twice with (the nearest in
    // value above it): a run of look-alikes is a chain of pairs, not every pair of the run, which
    // at 100,000 articles made a million entries no analyst could work through.
    let mut pairs = Vec::new();
    for (k, &a) in by_value.iter().enumerate() {
        let ceiling = incidents[a].usd / (1.0 - SAME_VALUE);
        let Some(ka) = &keys[a] else { continue };
        let nearest = by_value[k + 1..]
            .iter()
            .take_while(|&&b| incidents[b].usd <= ceiling)
            .find(|&&b| {
                keys[b]
                    .as_ref()
                    .is_some_and(|kb| ka.counted_twice(kb, incidents[a].usd, incidents[b].usd))
            });
        if let Some(&b) = nearest {
            pairs.push((a.min(b), a.max(b)));
        }
    }
    pairs.sort_unstable();
    for (i, j) in pairs {
        entries.extend(entry_of(incidents, i, Reason::CountedTwice { other: j }));
    }
    for (i, inc) in incidents.iter().enumerate() {
        if inc.kind != AmountKind::Stolen || !open(i) {
            continue;
        }
        if inc.victim.is_none() {
            entries.extend(entry_of(incidents, i, Reason::NoVictim));
        }
        if inc.event_date.is_none() {
            entries.extend(entry_of(incidents, i, Reason::NoDate));
        }
    }
    let mut unsure: Vec<(f32, &Amount)> = amounts
        .iter()
        .filter(|a| report.figure(&a.article, a.start as usize).is_none())
        .filter_map(|a| a.probability.map(|p| (p, a)))
        .filter(|(p, _)| *p < UNSURE_BELOW)
        .collect();
    unsure.sort_by(|a, b| a.0.total_cmp(&b.0));
    entries.extend(unsure.into_iter().take(MAX_UNSURE).map(|(p, a)| Entry {
        reason: Reason::Unsure { probability: p },
        article: a.article.to_string(),
        start: a.start as usize,
        end: a.end as usize,
        incident: None,
    }));
    entries
}

/// The entry for incident `i`, at its first source.
fn entry_of(incidents: &[Incident], i: usize, reason: Reason) -> Option<Entry> {
    let m = &incidents[i].sources.first()?.mention;
    Some(Entry {
        reason,
        article: m.article.to_string(),
        start: m.start as usize,
        end: m.end as usize,
        incident: Some(i),
    })
}

/// What two incidents are compared by, made once per incident: only dated incidents with a
/// victim can be one heist counted twice.
struct PairKey {
    kind: AmountKind,
    victim: String,
    /// The period the event date names, as days since the common era.
    first: i32,
    last: i32,
}

impl PairKey {
    fn of(i: &Incident) -> Option<Self> {
        use chrono::Datelike as _;
        let (victim, date) = (i.victim.as_ref()?, i.event_date?);
        Some(Self {
            kind: i.kind,
            victim: victim.trim().to_ascii_lowercase(),
            first: date.first_day().num_days_from_ce(),
            last: date.last_day().num_days_from_ce(),
        })
    }

    /// Same kind, values within 10 %, periods at most a month apart, different victims.
    fn counted_twice(&self, other: &Self, usd: f64, other_usd: f64) -> bool {
        let larger = usd.max(other_usd);
        let gap_days = (other.first - self.last)
            .max(self.first - other.last)
            .max(0);
        self.kind == other.kind
            && larger > 0.0
            && (usd - other_usd).abs() <= SAME_VALUE * larger
            && i64::from(gap_days) <= SAME_TIME_DAYS
            && self.victim != other.victim
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Mention;
    use crate::incidents::Source;
    use crate::partial_date::PartialDate;

    fn incident(id: &str, usd: f64, date: Option<PartialDate>, victim: Option<&str>) -> Incident {
        Incident {
            id: id.into(),
            kind: AmountKind::Stolen,
            event_date: date,
            usd,
            usd_min: usd,
            usd_max: usd,
            victim: victim.map(Into::into),
            victim_id: None,
            actor: None,
            sub_group: None,
            sources: vec![Source {
                mention: Mention {
                    article: id.into(),
                    start: 10,
                    end: 20,
                },
                usd,
                text: "$x".into(),
                main: true,
            }],
        }
    }

    fn amount(article: &str, start: usize, probability: Option<f32>) -> Amount {
        Amount {
            article: article.into(),
            start: start as u32,
            end: start as u32 + 5,
            text: "$1m".into(),
            value: 1e6,
            min: None,
            max: None,
            currency: "USD".into(),
            usd: Some(1e6),
            kind: AmountKind::Stolen,
            event_date: None,
            event_date_inferred: false,
            event_date_suspicious: false,
            victim: None,
            victim_id: None,
            actor: None,
            sub_group: None,
            cue: None,
            main: false,
            probability,
        }
    }

    #[test]
    fn close_values_and_dates_at_different_victims_are_one_heist_counted_twice() {
        let march = PartialDate::of_month(2019, 3);
        let incidents = vec![
            incident("a", 45e6, march, Some("Quillon Bank")),
            incident("b", 47e6, PartialDate::of_day(2019, 4, 20), Some("Quillon")),
            // Too far in value, in time, or the same victim: not pairs.
            incident("c", 60e6, march, Some("Marlow")),
            incident("d", 45e6, PartialDate::of_month(2019, 6), Some("Vesper")),
            incident("e", 45e6, march, Some("quillon bank")),
        ];
        let q = queue(&[], &incidents, &ReplayReport::default());
        let pairs: Vec<(Option<usize>, &Reason)> =
            q.iter().map(|e| (e.incident, &e.reason)).collect();
        assert_eq!(
            pairs,
            [
                (Some(0), &Reason::CountedTwice { other: 1 }),
                (Some(1), &Reason::CountedTwice { other: 4 }),
            ]
        );
    }

    #[test]
    fn a_run_of_look_alikes_is_a_chain_of_pairs_not_every_pair() {
        let march = PartialDate::of_month(2019, 3);
        let incidents: Vec<Incident> = ["Acme", "Bitfront", "Corva", "Dunmore"]
            .iter()
            .enumerate()
            .map(|(i, v)| incident(&i.to_string(), 10e6, march, Some(v)))
            .collect();
        let q = queue(&[], &incidents, &ReplayReport::default());
        let pairs: Vec<(Option<usize>, &Reason)> =
            q.iter().map(|e| (e.incident, &e.reason)).collect();
        assert_eq!(
            pairs,
            [
                (Some(0), &Reason::CountedTwice { other: 1 }),
                (Some(1), &Reason::CountedTwice { other: 2 }),
                (Some(2), &Reason::CountedTwice { other: 3 }),
            ],
            "each incident beside its nearest look-alike: 3 entries for 4 incidents, not 6"
        );
    }

    #[test]
    fn thefts_without_victim_or_date_are_listed_until_the_incident_is_confirmed() {
        let incidents = vec![
            incident("a", 1e6, None, Some("Acme")),
            incident("b", 2e6, PartialDate::of_year(2020), None),
            incident("c", 3e6, PartialDate::of_year(2020), Some("Bitfront")),
        ];
        let q = queue(&[], &incidents, &ReplayReport::default());
        let reasons: Vec<_> = q.iter().map(|e| (e.incident, e.reason.clone())).collect();
        assert_eq!(
            reasons,
            [(Some(0), Reason::NoDate), (Some(1), Reason::NoVictim)]
        );
        assert_eq!((q[0].article.as_str(), q[0].start), ("a", 10));
        let report = ReplayReport {
            confirmed_incidents: vec!["a".into()],
            ..ReplayReport::default()
        };
        assert_eq!(queue(&[], &incidents, &report).len(), 1);
    }

    #[test]
    fn unsure_figures_come_least_sure_first_and_leave_once_decided() {
        let amounts = vec![
            amount("x", 0, Some(0.55)),
            amount("x", 10, Some(0.95)),
            amount("x", 20, Some(0.31)),
            amount("x", 30, None),
        ];
        let q = queue(&amounts, &[], &ReplayReport::default());
        let starts: Vec<usize> = q.iter().map(|e| e.start).collect();
        assert_eq!(starts, [20, 0]);
        assert_eq!(q[0].why(), "kind 31 % sure");
        let report = ReplayReport {
            figures: vec![crate::decisions::replay::DecidedFigure {
                article: "x".into(),
                start: 20,
                end: 25,
                original: amounts[2].clone(),
                confirmed: true,
                corrected: false,
                decisions: vec!["d".into()],
            }],
            ..ReplayReport::default()
        };
        let starts: Vec<usize> = queue(&amounts, &[], &report)
            .iter()
            .map(|e| e.start)
            .collect();
        assert_eq!(starts, [0]);
    }
}

//! The period the analyst restricts the timeline to. It filters the plot, the incidents table,
//! the copies and the report alike, by an incident's event date.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::axis;
use crate::incidents::Incident;
use crate::partial_date::PartialDate;

/// Event dates from `from` to `to`, both included; an open end is unbounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Period {
    /// Both ends open: every incident, dated or not.
    pub fn is_all(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// From the two ends as typed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, empty for an open end. A
    /// coarse start means the start of its period, a coarse end its end ("2019" to "2019" is the
    /// whole year).
    pub fn parse(from: &str, to: &str) -> Result<Self, String> {
        let bound = |s: &str, end: bool| -> Result<Option<NaiveDate>, String> {
            let s = s.trim();
            if s.is_empty() {
                return Ok(None);
            }
            parse_bound(s, end)
                .map(Some)
                .ok_or_else(|| format!("“{s}” is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"))
        };
        let period = Self {
            from: bound(from, false)?,
            to: bound(to, true)?,
        };
        match (period.from, period.to) {
            (Some(f), Some(t)) if f > t => {
                Err(format!("the period ends ({t}) before it starts ({f})"))
            }
            _ => Ok(period),
        }
    }

    /// The period between two plot x coordinates (days since the epoch), in either order.
    pub fn between_days(a: f64, b: f64) -> Self {
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        Self {
            from: axis::date_of_day(lo),
            to: axis::date_of_day(hi),
        }
    }

    /// Whether a plot x coordinate (days since the epoch) is inside.
    pub fn contains_day(&self, day: f64) -> bool {
        let day_of = |d: NaiveDate| axis::days_since_epoch(d) as f64;
        self.from.is_none_or(|f| day >= day_of(f)) && self.to.is_none_or(|t| day < day_of(t) + 1.0)
    }

    /// Whether an incident's event date is inside; an undated incident is inside only when the
    /// period is unbounded.
    pub fn contains(&self, event_date: Option<PartialDate>) -> bool {
        if self.is_all() {
            return true;
        }
        event_date
            .map(|d| d.plot_day())
            .is_some_and(|d| self.contains_day(d))
    }

    /// "2016-01-01 – 2017-12-31", "from 2016-01-01", "until 2017-12-31" or "all dates".
    pub fn label(&self) -> String {
        match (self.from, self.to) {
            (Some(f), Some(t)) => format!("{f} – {t}"),
            (Some(f), None) => format!("from {f}"),
            (None, Some(t)) => format!("until {t}"),
            (None, None) => "all dates".to_owned(),
        }
    }
}

/// The first (or, for `end`, last) day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
fn parse_bound(s: &str, end: bool) -> Option<NaiveDate> {
    let date: PartialDate = s.parse().ok()?;
    Some(if end {
        date.last_day()
    } else {
        date.first_day()
    })
}

/// The incidents of `rows` inside `period` (all of them when it is open), in the same order.
pub fn in_period(all: &[Incident], rows: &[usize], period: &Period) -> Vec<usize> {
    rows.iter()
        .copied()
        .filter(|&i| {
            all.get(i)
                .is_some_and(|inc| period.contains(inc.event_date))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Option<PartialDate> {
        Some(s.parse().unwrap())
    }

    #[test]
    fn coarse_ends_cover_their_whole_period() {
        let p = Period::parse("2019-02", "2019").unwrap();
        assert_eq!(p.label(), "2019-02-01 – 2019-12-31");
        assert!(p.contains(date("2019-02")));
        assert!(p.contains(date("2019-12-31")));
        assert!(!p.contains(date("2019-01-31")));
        assert!(!p.contains(date("2020")));
        assert!(
            !p.contains(None),
            "undated incidents are outside a bounded period"
        );
        assert!(Period::default().contains(None));
        assert_eq!(
            Period::parse("", "2016-02")
                .unwrap()
                .to
                .unwrap()
                .to_string(),
            "2016-02-29"
        );
    }

    #[test]
    fn bad_dates_and_reversed_periods_are_refused() {
        assert!(Period::parse("2019-13", "").is_err());
        assert!(Period::parse("last year", "").is_err());
        assert!(Period::parse("2020", "2019").is_err());
    }

    #[test]
    fn a_dragged_span_becomes_a_period_either_way() {
        let a = date("2016-02-01").unwrap().plot_day();
        let b = date("2016-03-10").unwrap().plot_day();
        let p = Period::between_days(b, a);
        assert_eq!(p.label(), "2016-02-01 – 2016-03-10");
    }

    #[test]
    fn in_period_keeps_the_rows_order_and_drops_the_rest() {
        let at = |d: &str| {
            crate::chart::tests::incident(d, 1e6, crate::extract::AmountKind::Stolen, Some(d))
        };
        let all = [at("2016-02"), at("2019-05-01"), at("2017")];
        let p = Period::parse("2016", "2017").unwrap();
        assert_eq!(in_period(&all, &[2, 1, 0], &p), [2, 0]);
        assert_eq!(in_period(&all, &[2, 1, 0], &Period::default()), [2, 1, 0]);
    }
}

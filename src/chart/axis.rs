//! The timeline's date axis: event dates as days since the epoch, and month/year marks. Shared by
//! the window's plot and the exported chart, so both place and label dates the same way.

use chrono::{Datelike, NaiveDate};

pub fn days_since_epoch(date: NaiveDate) -> i64 {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
    (date - epoch).num_days()
}

/// The date at `days` since the epoch.
pub fn date_of_day(days: f64) -> Option<NaiveDate> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    epoch.checked_add_signed(chrono::Duration::days(days.floor() as i64))
}

/// Axis label for a day: "2016" on year marks, "Mar 2016" on month marks.
pub fn axis_date(days: f64, step_days: f64) -> String {
    let Some(d) = date_of_day(days + 0.5) else {
        return String::new();
    };
    if step_days >= 360.0 {
        format!("{}", d.year())
    } else {
        d.format("%b %Y").to_string()
    }
}

/// Month or year grid marks covering `range` (days since the epoch), dense enough to read.
pub fn date_marks(min: f64, max: f64) -> Vec<(f64, f64)> {
    let span = (max - min).max(1.0);
    let (Some(start), Some(end)) = (date_of_day(min), date_of_day(max)) else {
        return Vec::new();
    };
    // Months per mark: 1, 3, 6, 12, 24, 60 … so that about 4–10 marks are visible.
    let months_span = span / 30.4;
    let step_months = [1, 3, 6, 12, 24, 60, 120, 240]
        .into_iter()
        .find(|s| months_span / (*s as f64) <= 8.0)
        .unwrap_or(600);
    let mut marks = Vec::new();
    let mut y = start.year();
    let mut m = 1;
    if step_months < 12 {
        m = start.month();
    }
    let step_days = step_months as f64 * 30.4;
    while let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
        if d > end {
            break;
        }
        let on_step = if step_months >= 12 {
            m == 1 && y.rem_euclid(step_months / 12) == 0
        } else {
            (m - 1) % (step_months as u32) == 0
        };
        if on_step && d >= start {
            marks.push((days_since_epoch(d) as f64, step_days));
        }
        m += 1;
        if m > 12 {
            m = 1;
            y += 1;
        }
        if marks.len() > 200 {
            break;
        }
    }
    marks
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event_day(s: &str) -> Option<f64> {
        s.parse::<crate::partial_date::PartialDate>()
            .ok()
            .map(|d| d.plot_day())
    }

    #[test]
    fn coarse_dates_sit_mid_period_and_axis_labels_round_trip() {
        let feb = event_day("2016-02").unwrap();
        assert_eq!(date_of_day(feb).unwrap().to_string(), "2016-02-15");
        assert_eq!(
            axis_date(event_day("2016-02-01").unwrap(), 30.0),
            "Feb 2016"
        );
        assert_eq!(axis_date(event_day("2017-01-01").unwrap(), 365.0), "2017");
        let marks = date_marks(
            event_day("2015-06-10").unwrap(),
            event_day("2018-01-01").unwrap(),
        );
        assert!(marks.len() >= 3 && marks.len() <= 12, "{marks:?}");
    }
}

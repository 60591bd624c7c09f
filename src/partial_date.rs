//! A date known to the year, the month or the day ("2016", "2016-02", "2016-02-05"): what an
//! article says of when something happened. Typed once where dates are found, so that money,
//! incidents, the timeline and exports compare and place dates without re-parsing strings. In
//! JSON and on screen it is that same ISO text, its length giving its precision.

use std::fmt;
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// How much of a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// A year, a month of a year, or a day. Orders as its ISO text does: "2016" < "2016-01" <
/// "2016-01-05" < "2016-02".
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PartialDate {
    year: i32,
    /// 1–12, when known.
    month: Option<u8>,
    /// 1–31 (a valid day of `month`), only with a month.
    day: Option<u8>,
}

/// Text that is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or names no real date.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("not a date written YYYY, YYYY-MM or YYYY-MM-DD: {0:?}")]
pub struct ParseError(String);

impl PartialDate {
    /// A year written with four digits (0–9999).
    pub fn of_year(year: i32) -> Option<Self> {
        (0..=9999).contains(&year).then_some(Self {
            year,
            month: None,
            day: None,
        })
    }

    pub fn of_month(year: i32, month: u32) -> Option<Self> {
        let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
        Some(Self {
            month: Some(month),
            ..Self::of_year(year)?
        })
    }

    pub fn of_day(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day)?;
        Some(Self {
            day: Some(u8::try_from(day).ok()?),
            ..Self::of_month(year, month)?
        })
    }

    /// The day `date` (None outside years 0–9999).
    pub fn from_day(date: NaiveDate) -> Option<Self> {
        Self::of_day(date.year(), date.month(), date.day())
    }

    /// The month `date` falls in.
    pub fn month_of(date: NaiveDate) -> Option<Self> {
        Self::of_month(date.year(), date.month())
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> Option<u32> {
        self.month.map(u32::from)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The day, when the date is known to the day.
    pub fn as_day(&self) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(self.year, u32::from(self.month?), u32::from(self.day?))
    }

    /// The first day of the period the date names.
    pub fn first_day(&self) -> NaiveDate {
        let month = self.month.map_or(1, u32::from);
        let day = self.day.map_or(1, u32::from);
        NaiveDate::from_ymd_opt(self.year, month, day).unwrap_or(NaiveDate::MIN)
    }

    /// The last day of the period the date names.
    pub fn last_day(&self) -> NaiveDate {
        if let Some(day) = self.as_day() {
            return day;
        }
        let (year, month) = match self.month {
            Some(12) | None => (self.year + 1, 1),
            Some(m) => (self.year, u32::from(m) + 1),
        };
        NaiveDate::from_ymd_opt(year, month, 1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(NaiveDate::MAX)
    }

    /// Days since 1970-01-01, placed in the middle of the period the date names (mid-year,
    /// mid-month) so that coarse dates do not pile up on January 1st.
    pub fn plot_day(&self) -> f64 {
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or_default();
        let offset = match self.precision() {
            Precision::Day => 0.0,
            Precision::Month => 14.0,
            Precision::Year => 182.0,
        };
        (self.first_day() - epoch).num_days() as f64 + offset
    }

    /// The same date known only to `precision` (or as it is, when it is coarser already).
    pub fn truncated(&self, precision: Precision) -> Self {
        Self {
            year: self.year,
            month: self.month.filter(|_| precision >= Precision::Month),
            day: self.day.filter(|_| precision >= Precision::Day),
        }
    }

    /// Whether both can name the same event: equal at the coarser of the two precisions
    /// ("2016" agrees with "2016-02-05"; "2016-02" does not agree with "2016-03").
    pub fn agrees_with(&self, other: &Self) -> bool {
        let p = self.precision().min(other.precision());
        self.truncated(p) == other.truncated(p)
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

/// As its text: assertion failures then read `2016-02`, not a struct.
impl fmt::Debug for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl FromStr for PartialDate {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || ParseError(s.to_owned());
        let digits = |part: &str, n: usize| {
            (part.len() == n && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse::<u32>().ok())
                .flatten()
        };
        let parts: Vec<&str> = s.split('-').collect();
        let year = digits(parts[0], 4).and_then(|y| i32::try_from(y).ok());
        let date = match (year, parts.as_slice()) {
            (Some(y), [_]) => Self::of_year(y),
            (Some(y), [_, m]) => Self::of_month(y, digits(m, 2).ok_or_else(bad)?),
            (Some(y), [_, m, d]) => Self::of_day(
                y,
                digits(m, 2).ok_or_else(bad)?,
                digits(d, 2).ok_or_else(bad)?,
            ),
            _ => None,
        };
        date.ok_or_else(bad)
    }
}

impl PartialEq<&str> for PartialDate {
    fn eq(&self, other: &&str) -> bool {
        other.parse::<PartialDate>().is_ok_and(|d| d == *self)
    }
}

impl Serialize for PartialDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        s.parse().unwrap()
    }

    #[test]
    fn reads_and_writes_the_three_precisions_and_refuses_the_rest() {
        for s in ["2016", "2016-02", "2016-02-29", "0999"] {
            assert_eq!(d(s).to_string(), s);
        }
        assert_eq!(d("2016").precision(), Precision::Year);
        assert_eq!(d("2016-02").precision(), Precision::Month);
        assert_eq!(d("2016-02-05").precision(), Precision::Day);
        for bad in [
            "",
            "16",
            "2016-2",
            "2016-13",
            "2015-02-29",
            "2016-02-5",
            "2016-02-05-01",
            "201x",
            "-2016",
            "2016-",
            "+201",
        ] {
            assert!(bad.parse::<PartialDate>().is_err(), "{bad}");
        }
    }

    #[test]
    fn orders_as_its_text_and_agrees_at_the_coarser_precision() {
        let mut v = [d("2016-02"), d("2016"), d("2016-01-05"), d("2015-12-31")];
        v.sort();
        let texts: Vec<String> = v.iter().map(ToString::to_string).collect();
        assert_eq!(texts, ["2015-12-31", "2016", "2016-01-05", "2016-02"]);
        assert!(d("2016").agrees_with(&d("2016-02-05")));
        assert!(d("2016-02-05").agrees_with(&d("2016-02")));
        assert!(!d("2016-02").agrees_with(&d("2016-03-01")));
        assert!(!d("2016").agrees_with(&d("2017")));
    }

    #[test]
    fn periods_have_first_last_and_middle_days() {
        assert_eq!(d("2016").first_day().to_string(), "2016-01-01");
        assert_eq!(d("2016").last_day().to_string(), "2016-12-31");
        assert_eq!(d("2016-02").last_day().to_string(), "2016-02-29");
        assert_eq!(d("2016-12").last_day().to_string(), "2016-12-31");
        assert_eq!(d("1970-01-02").plot_day(), 1.0);
        assert_eq!(d("1970-01").plot_day(), 14.0);
        assert_eq!(d("1970").plot_day(), 182.0);
    }

    #[test]
    fn json_is_the_iso_text() {
        let v = serde_json::to_string(&Some(d("2016-02"))).unwrap();
        assert_eq!(v, "\"2016-02\"");
        let back: Option<PartialDate> = serde_json::from_str(&v).unwrap();
        assert_eq!(back, Some(d("2016-02")));
        assert!(serde_json::from_str::<PartialDate>("\"Feb 2016\"").is_err());
    }
}

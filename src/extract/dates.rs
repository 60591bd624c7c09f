//! Date expressions, resolved against the publication date.
//!
//! Absolute dates ("June 30, 2019", "2019-06-30", "30 June 2019", "February 2016", "in 2017")
//! resolve on their own; relative ones ("last year", "on Monday", "in March", "June 30",
//! "two years ago") need [`Article::published`] and are skipped without it. Every value keeps the
//! precision of the text: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! Choices where English is vague: quarters and halves ("Q1 2022", "first half of 2021") resolve
//! to the year, since naming their first month would claim a precision the text lacks; "last
//! week" resolves to the month of the day a week before publication; "over the weekend" to the
//! last Saturday before publication; "N years ago" to a year, "a year ago" to a month.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use regex_automata::{Input, meta};
use serde::{Deserialize, Serialize};

use super::calendar::{self, MONTH_PATTERN, WEEKDAY_PATTERN, month_number};
use super::date_stretches::{self, Stretch};
use super::unfiltered;
use crate::corpus::Article;
use crate::extract::document::Document;
use crate::partial_date::PartialDate;
use crate::text::is_ascii_space;
use groups::Groups;

mod anchor_scan;
mod groups;

/// A date expression in an article, resolved to a calendar date at the precision the text gives.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: PartialDate,
    /// True for expressions that needed the publication date ("last year", "on Monday").
    pub relative: bool,
}

const YEAR: &str = r"(199\d|20[0-3]\d)";
/// The words before "year" and "month" in the relative patterns (`last year`, `next month`),
/// each with how many years or months it moves from publication, in the file's order
/// (`assets/lexicon/relative-dates.tsv`).
static RELATIVE: LazyLock<Vec<(&'static str, i32)>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../assets/lexicon/relative-dates.tsv"))
        .filter_map(|l| {
            let (word, by) = l.split_once('\t')?;
            Some((word.trim(), by.trim().parse().ok()?))
        })
        .collect()
});

/// The relative words as a pattern's alternatives (`last|this|…`).
fn relative_words() -> String {
    let words: Vec<&str> = RELATIVE.iter().map(|&(w, _)| w).collect();
    crate::extract::entities::words::alternation(&words)
}

/// How many years or months the relative word `lower` (lower-cased) moves from publication:
/// one back for a word the patterns read through another script's case folding ("laſt").
fn relative_offset(lower: &str) -> i32 {
    RELATIVE
        .iter()
        .find(|&&(w, _)| w == lower)
        .map_or(-1, |&(_, by)| by)
}
const SMALL: &str =
    r"(a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})";

/// How a pattern's captures become a date.
#[derive(Clone, Copy)]
enum Form {
    Iso,
    MonthDayYear,
    DayMonthYear,
    MonthYear,
    EndOfYear,
    QuarterYear,
    Year,
    MonthDay,
    DayMonth,
    PrepMonth,
    RelYear,
    RelMonth,
    Ago,
    Weekday,
    Weekend,
    DayWord,
    LastWeek,
}

/// The patterns, with no prefilter ([`unfiltered`]): each runs only over the short stretches
/// its words allow, and building their prefilters was two thirds of compiling them.
static PATTERNS: LazyLock<Vec<(meta::Regex, Form)>> = LazyLock::new(|| {
    let p = |s: String, f: Form| (unfiltered::regex(&s), f);
    let (month, weekday) = (&*MONTH_PATTERN, &*WEEKDAY_PATTERN);
    vec![
        p(format!(r"(?-u:\b){YEAR}-(\d{{1,2}})-(\d{{1,2}})(?-u:\b)"), Form::Iso),
        p(
            format!(r"(?-u:\b){month}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+{YEAR}(?-u:\b)"),
            Form::MonthDayYear,
        ),
        p(
            format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+{YEAR}(?-u:\b)"),
            Form::DayMonthYear,
        ),
        p(
            format!(r"(?-u:\b){month},?\s+(?:of\s+)?{YEAR}(?-u:\b)"),
            Form::MonthYear,
        ),
        p(
            format!(
                r"(?i:(?-u:\b)(?:the\s+)?(?:final|last|closing|dying)\s+(?:hours?|days?|minutes?|moments?|weeks?)\s+of\s+){YEAR}(?-u:\b)"
            ),
            Form::EndOfYear,
        ),
        p(
            format!(
                r"(?-u:\b)(?:Q[1-4]|H[12]|(?i:(?:the\s+)?(?:first|second|third|fourth|last|1st|2nd|3rd|4th)\s+(?:quarter|half)\s+of))\s+{YEAR}(?-u:\b)"
            ),
            Form::QuarterYear,
        ),
        p(
            format!(
                r"(?-u:\b)(?i:in|of|since|during|by|from|until|till|through|throughout|before|after|early|late|mid-?|around|circa|the|year|summer|winter|spring|autumn|fall)\s+{YEAR}(?-u:\b)"
            ),
            Form::Year,
        ),
        p(
            format!(r"(?-u:\b){month}\s+(\d{{1,2}})(?:st|nd|rd|th)?(?-u:\b)"),
            Form::MonthDay,
        ),
        p(
            format!(r"(?-u:\b)(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}"),
            Form::DayMonth,
        ),
        p(
            format!(
                r"(?-u:\b)((?i:in|since|during|by|until|early|late|mid-?|last|this|throughout|from|of|through))\s+{month}"
            ),
            Form::PrepMonth,
        ),
        p(
            format!(
                r"(?i)(?-u:\b)(?:(?:earlier|later|late|early)\s+)?({})\s+year(?-u:\b)",
                relative_words()
            ),
            Form::RelYear,
        ),
        p(
            format!(
                r"(?i)(?-u:\b)(?:(?:earlier|later|late|early)\s+)?({})\s+month(?-u:\b)",
                relative_words()
            ),
            Form::RelMonth,
        ),
        p(
            format!(
                r"(?i)(?-u:\b)(?:(?:just|nearly|almost|about|around|over|more\s+than|less\s+than|just\s+under|just\s+over|roughly)\s+)?{SMALL}\s+(years?|months?|weeks?|days?)\s+ago(?-u:\b)"
            ),
            Form::Ago,
        ),
        p(
            format!(r"(?-u:\b)(?:(?i:on|last|this|since|by|until|late|early|past)\s+)?{weekday}(?-u:\b)"),
            Form::Weekday,
        ),
        p(
            r"(?i)(?-u:\b)(?:over|during|on)\s+the\s+weekend(?-u:\b)|(?-u:\b)(?i:last|this)\s+weekend(?-u:\b)".to_string(),
            Form::Weekend,
        ),
        p(
            r"(?-u:\b)(?:(?i:earlier|later)\s+)?((?i:yesterday|today))(?-u:\b)".to_string(),
            Form::DayWord,
        ),
        p(
            r"(?i)(?-u:\b)(?:last|past|previous)\s+week(?-u:\b)".to_string(),
            Form::LastWeek,
        ),
    ]
});

/// Words one of which each pattern needs, found in one ASCII case-insensitive pass so that a
/// pattern whose words are all absent is not run at all (most articles lack most of them).
/// The bit of each word group, in the order of [`ANCHOR_WORDS`].
/// The months are anchored by their first three letters, which every spelling starts with.
static ANCHOR_WORDS: LazyLock<Vec<(String, u16)>> = LazyLock::new(|| {
    let years = ["199", "200", "201", "202", "203"].map(|y| (y.to_string(), HAS_YEAR));
    let months = calendar::month_names().map(|m| (m[..3].to_ascii_lowercase(), HAS_MONTH));
    let words = [
        ("year", HAS_YEAR_WORD),
        ("month", HAS_MONTH_WORD),
        ("ago", HAS_AGO),
        ("day", HAS_DAY),
        ("week", HAS_WEEK),
        // The end of a year: its "hours", "minutes" and "moments" ("days" and "weeks" above).
        ("hour", HAS_UNIT),
        ("minute", HAS_UNIT),
        ("moment", HAS_UNIT),
        // A quarter or a half of a year.
        ("quarter", HAS_QUARTER),
        ("half", HAS_QUARTER),
        ("q1", HAS_QUARTER),
        ("q2", HAS_QUARTER),
        ("q3", HAS_QUARTER),
        ("q4", HAS_QUARTER),
        ("h1", HAS_QUARTER),
        ("h2", HAS_QUARTER),
        ("yesterday", HAS_DAY_WORD),
        ("today", HAS_DAY_WORD),
    ]
    .map(|(w, b)| (w.to_string(), b));
    years.into_iter().chain(months).chain(words).collect()
});
const HAS_YEAR: u16 = 1;
const HAS_MONTH: u16 = 2;
const HAS_YEAR_WORD: u16 = 4;
const HAS_MONTH_WORD: u16 = 8;
const HAS_AGO: u16 = 16;
const HAS_DAY: u16 = 32;
const HAS_WEEK: u16 = 64;
const HAS_UNIT: u16 = 128;
const HAS_QUARTER: u16 = 256;
const HAS_DAY_WORD: u16 = 512;
/// A month word with what may be a day before it (see [`day_before`]).
const HAS_DAY_MONTH: u16 = 1024;
/// A month word with what may be a day after it (see [`day_after`]).
const HAS_MONTH_DAY: u16 = 2048;
const HAS_ALL: u16 = 4095;

/// The anchor words are lower case and matched in the document's lower-case form, which is
/// the text's ASCII case folding.
static ANCHORS: LazyLock<Option<anchor_scan::Words>> =
    LazyLock::new(|| anchor_scan::Words::new(ANCHOR_WORDS.iter().map(|(w, _)| w.as_str())));

/// Whether a day may be written before the month word at byte `at` of the lower-cased text:
/// the day-first forms need `(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?` there. A necessary test,
/// not the pattern: ASCII blanks, then a digit or the last two letters of "of", "1st", "2nd",
/// "3rd", "4th"; a byte beyond ASCII in either place (a Unicode blank or digit) passes.
fn day_before(lower: &[u8], at: usize) -> bool {
    word_before(lower, at, |head| {
        head.last().is_some_and(u8::is_ascii_digit)
            || [b"of", b"st", b"nd", b"rd", b"th"]
                .iter()
                .any(|e| head.ends_with(*e))
    })
}

/// Whether the relative patterns' `({RELATIVE})\s+` may stand before the "year" or "month" at
/// byte `at` of the lower-cased text: a necessary test, as [`day_before`].
fn relative_before(lower: &[u8], at: usize) -> bool {
    word_before(lower, at, |head| {
        RELATIVE.iter().any(|(w, _)| head.ends_with(w.as_bytes()))
    })
}

/// Whether white space then a word `ends` accepts may stand before byte `at`: ASCII blanks,
/// then text whose end `ends` accepts (given the text up to the blanks); a byte beyond ASCII
/// right before `at` or before the blanks (a Unicode blank) passes.
fn word_before(lower: &[u8], at: usize, ends: impl Fn(&[u8]) -> bool) -> bool {
    let mut k = at;
    while k > 0 && is_ascii_space(lower[k - 1]) {
        k -= 1;
    }
    if k == at {
        return at > 0 && !lower[at - 1].is_ascii();
    }
    let Some(&b) = k.checked_sub(1).and_then(|i| lower.get(i)) else {
        return false;
    };
    !b.is_ascii() || ends(&lower[..k])
}

/// Whether a day may follow the month word at byte `at`: the month-first forms need
/// `{month}\s+(\d{1,2})` then no third digit. A necessary test: the month's ASCII letters,
/// an optional full stop, ASCII blanks, then one or two ASCII digits not followed by a third;
/// a byte beyond ASCII where a blank or the day stands (a Unicode blank or digit) passes.
fn day_after(lower: &[u8], at: usize) -> bool {
    let letters = lower[at..]
        .iter()
        .take_while(|b| b.is_ascii_alphabetic())
        .count();
    let mut k = at + letters;
    if lower.get(k) == Some(&b'.') {
        k += 1;
    }
    let blanks = lower[k..]
        .iter()
        .take_while(|&&b| is_ascii_space(b))
        .count();
    match lower.get(k + blanks) {
        Some(b) if !b.is_ascii() => true,
        Some(b) if blanks > 0 && b.is_ascii_digit() => {
            lower[k + blanks..]
                .iter()
                .take_while(|b| b.is_ascii_digit())
                .count()
                <= 2
        }
        _ => false,
    }
}

/// Which anchor words the document holds on each of its stretches where a date can be. Under
/// Unicode case folding the Kelvin sign and the long s match `k` and `s` of the
/// case-insensitive patterns, so a text with either runs them all, everywhere.
fn anchored_stretches(doc: &Document) -> Vec<Stretch> {
    let text = doc.text();
    let mut stretches = date_stretches::stretches(text);
    // Each `contains` of one char is a `memchr` of its last byte, not a decode of every char.
    let folded = !text.is_ascii() && (text.contains('\u{212A}') || text.contains('\u{17F}'));
    let Some(words) = ANCHORS.as_ref().filter(|_| !folded) else {
        for s in &mut stretches {
            s.mark_everywhere(HAS_ALL);
        }
        return stretches;
    };
    let bytes = doc.lower().as_bytes();
    // Each word's mark hangs on that word alone, so the order they come in does not matter.
    words.for_each(bytes, |start, end, word| {
        let mut bit = ANCHOR_WORDS[word].1;
        if bit == HAS_MONTH {
            if day_before(bytes, start) {
                bit |= HAS_DAY_MONTH;
            }
            if day_after(bytes, start) {
                bit |= HAS_MONTH_DAY;
            }
        } else if matches!(bit, HAS_YEAR_WORD | HAS_MONTH_WORD) && !relative_before(bytes, start) {
            return;
        }
        date_stretches::mark(&mut stretches, start, end, bit);
    });
    // Every pattern needs some anchor word: a stretch with none is never searched.
    stretches.retain(|s| s.anchors != 0);
    stretches
}

impl Form {
    /// Whether a stretch of text with `anchors`, holding a dash or not, can hold a match of
    /// this form's pattern.
    fn possible(self, anchors: u16, dash: bool) -> bool {
        let has = |bits: u16| anchors & bits == bits;
        match self {
            Self::Iso => has(HAS_YEAR) && dash,
            Self::MonthDayYear => has(HAS_YEAR | HAS_MONTH_DAY),
            Self::MonthYear => has(HAS_YEAR | HAS_MONTH),
            Self::DayMonthYear => has(HAS_YEAR | HAS_DAY_MONTH),
            Self::EndOfYear => has(HAS_YEAR) && anchors & (HAS_UNIT | HAS_DAY | HAS_WEEK) != 0,
            Self::QuarterYear => has(HAS_YEAR | HAS_QUARTER),
            Self::Year => has(HAS_YEAR),
            Self::MonthDay => has(HAS_MONTH_DAY),
            Self::PrepMonth => has(HAS_MONTH),
            Self::DayMonth => has(HAS_DAY_MONTH),
            Self::RelYear => has(HAS_YEAR_WORD),
            Self::RelMonth => has(HAS_MONTH_WORD),
            Self::Ago => has(HAS_AGO),
            // Weekday names all end in "day".
            Self::Weekday => has(HAS_DAY),
            Self::DayWord => has(HAS_DAY_WORD),
            Self::Weekend | Self::LastWeek => has(HAS_WEEK),
        }
    }
}

/// Finds and resolves every date expression of an article.
pub fn find(article: &Article) -> Vec<DateMention> {
    find_in(&article.text, article.published)
}

/// [`find`] on a bare text: the resolver behind it, usable without an [`Article`].
pub fn find_in(text: &str, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_in_document(&Document::new(text), published)
}

/// [`find`] on the article's [`Document`], as extraction calls it.
pub fn find_in_document(doc: &Document, published: Option<NaiveDate>) -> Vec<DateMention> {
    find_in_stretches(doc, published, &anchored_stretches(doc))
}

/// [`find_in_document`], running each pattern only over the stretches whose anchor words
/// allow it.
fn find_in_stretches(
    doc: &Document,
    published: Option<NaiveDate>,
    stretches: &[Stretch],
) -> Vec<DateMention> {
    let text = doc.text();
    // (byte start, byte end, value, relative); earlier patterns win overlaps of equal length.
    let mut found: Vec<(usize, usize, PartialDate, bool, usize)> = Vec::new();
    for (rank, (re, form)) in PATTERNS.iter().enumerate() {
        for s in stretches
            .iter()
            .filter(|s| form.possible(s.anchors, s.dash))
        {
            // The stretch's end is the haystack's (no match goes past it); what comes before
            // its start still counts for a word boundary.
            let haystack = &text[..s.span.end()];
            let mut at = s.span.start();
            while at < haystack.len() {
                let Some(m) = re.search(&Input::new(haystack).range(at..)) else {
                    break;
                };
                let caps = groups::read(*form, &haystack[m.range()]);
                if let Some((value, relative)) = resolve(*form, &caps, published) {
                    found.push((m.start(), m.end(), value, relative, rank));
                }
                // No pattern matches the empty string; should one, step past it.
                at = m.end().max(m.start() + 1);
                while !haystack.is_char_boundary(at) {
                    at += 1;
                }
                // A later match starts at `at` or after, and holds its anchor words.
                if !form.possible(s.anchors_from(at), s.dash) {
                    break;
                }
            }
        }
    }
    // Absolute before relative ("since Dec 2022" is December 2022, not the last December),
    // then longest, then pattern order; then drop anything overlapping a kept match.
    found.sort_by(|a, b| {
        a.3.cmp(&b.3)
            .then((b.1 - b.0).cmp(&(a.1 - a.0)))
            .then(a.4.cmp(&b.4))
    });
    // Kept matches by start. They never overlap, so their ends rise with their starts, and a
    // match overlaps some kept one exactly when it overlaps the last kept one starting before
    // its end: one look-up per match, not a scan (a table of dates has thousands).
    let mut kept: BTreeMap<usize, (usize, PartialDate, bool)> = BTreeMap::new();
    for (start, end, value, relative, _) in found {
        let overlaps = kept
            .range(..end)
            .next_back()
            .is_some_and(|(_, k)| k.0 > start);
        if !overlaps {
            kept.insert(start, (end, value, relative));
        }
    }
    kept.into_iter()
        .map(|(s, (e, value, relative))| DateMention {
            start: doc.char_of(s),
            end: doc.char_of(e),
            text: text[s..e].to_string(),
            value,
            relative,
        })
        .collect()
}

fn small_number(word: &str) -> Option<i64> {
    let n = match word.to_ascii_lowercase().as_str() {
        "a" | "an" | "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        other => other.parse().ok()?,
    };
    Some(n)
}

fn ymd(y: i32, m: u32, d: u32) -> Option<PartialDate> {
    PartialDate::of_day(y, m, d)
}

fn ym(y: i32, m: u32) -> Option<PartialDate> {
    PartialDate::of_month(y, m)
}

fn num<T: std::str::FromStr>(caps: &Groups, i: usize) -> Option<T> {
    caps.get(i)?.parse().ok()
}

fn day_value(d: NaiveDate) -> Option<PartialDate> {
    PartialDate::from_day(d)
}

fn month_value(d: NaiveDate) -> Option<PartialDate> {
    PartialDate::month_of(d)
}

/// The most recent `weekday` on or before `pub_date`.
fn last_weekday(pub_date: NaiveDate, weekday: Weekday) -> NaiveDate {
    let back = (pub_date.weekday().num_days_from_monday() + 7 - weekday.num_days_from_monday()) % 7;
    pub_date - Duration::days(i64::from(back))
}

fn resolve(form: Form, caps: &Groups, published: Option<NaiveDate>) -> Option<(PartialDate, bool)> {
    let abs = |v: Option<PartialDate>| v.map(|v| (v, false));
    match form {
        Form::Iso => abs(ymd(num(caps, 1)?, num(caps, 2)?, num(caps, 3)?)),
        Form::MonthDayYear => abs(ymd(
            num(caps, 3)?,
            month_number(caps.get(1)?)?,
            num(caps, 2)?,
        )),
        Form::DayMonthYear => abs(ymd(
            num(caps, 3)?,
            month_number(caps.get(2)?)?,
            num(caps, 1)?,
        )),
        Form::MonthYear => abs(ym(num(caps, 2)?, month_number(caps.get(1)?)?)),
        Form::EndOfYear => abs(ym(num(caps, 1)?, 12)),
        Form::QuarterYear | Form::Year => abs(PartialDate::of_year(num::<i32>(caps, 1)?)),
        Form::MonthDay | Form::DayMonth => {
            let p = published?;
            let (m, d) = if matches!(form, Form::MonthDay) {
                (month_number(caps.get(1)?)?, num(caps, 2)?)
            } else {
                (month_number(caps.get(2)?)?, num(caps, 1)?)
            };
            let mut date = NaiveDate::from_ymd_opt(p.year(), m, d)?;
            if date > p {
                date = NaiveDate::from_ymd_opt(p.year() - 1, m, d)?;
            }
            Some((day_value(date)?, true))
        }
        Form::PrepMonth => {
            let p = published?;
            let prep = caps.get(1)?.to_ascii_lowercase();
            let m = month_number(caps.get(2)?)?;
            // "in March": the latest March on or before publication; "last March": before it.
            let this_year = match prep.as_str() {
                "this" => true,
                "last" => m < p.month(),
                _ => m <= p.month(),
            };
            let year = if this_year { p.year() } else { p.year() - 1 };
            Some((ym(year, m)?, true))
        }
        Form::RelYear => {
            let p = published?;
            let y = p.year() + relative_offset(&caps.get(1)?.to_ascii_lowercase());
            Some((PartialDate::of_year(y)?, true))
        }
        Form::RelMonth => {
            let p = published?;
            let by = relative_offset(&caps.get(1)?.to_ascii_lowercase());
            let d = match u32::try_from(by) {
                Ok(0) => p,
                Ok(n) => p.checked_add_months(Months::new(n))?,
                Err(_) => p.checked_sub_months(Months::new(by.unsigned_abs()))?,
            };
            Some((month_value(d)?, true))
        }
        Form::Ago => {
            let p = published?;
            let n = small_number(caps.get(1)?)?;
            let unit = caps.get(2)?.to_ascii_lowercase();
            let n32 = u32::try_from(n).ok()?;
            let value = if unit.starts_with("year") {
                if n == 1 {
                    month_value(p.checked_sub_months(Months::new(12))?)?
                } else {
                    PartialDate::of_year(p.year() - i32::try_from(n).ok()?)?
                }
            } else if unit.starts_with("month") {
                month_value(p.checked_sub_months(Months::new(n32))?)?
            } else if unit.starts_with("week") {
                day_value(p - Duration::weeks(n))?
            } else {
                day_value(p - Duration::days(n))?
            };
            Some((value, true))
        }
        Form::Weekday => {
            let p = published?;
            let wd: Weekday = caps.get(1)?.parse().ok()?;
            Some((day_value(last_weekday(p, wd))?, true))
        }
        Form::Weekend => {
            let p = published?;
            let sat = last_weekday(p - Duration::days(1), Weekday::Sat);
            Some((day_value(sat)?, true))
        }
        Form::DayWord => {
            let p = published?;
            let d = if caps.get(1)?.eq_ignore_ascii_case("yesterday") {
                p - Duration::days(1)
            } else {
                p
            };
            Some((day_value(d)?, true))
        }
        Form::LastWeek => {
            let p = published?;
            Some((month_value(p - Duration::days(7))?, true))
        }
    }
}

#[cfg(test)]
mod tests;

//! The capture groups of a date pattern's match, read from the match's text instead of
//! searched for again with captures (which cost twice the search that found the match).
//!
//! Every group the resolver reads is a whole word of the match, or a day's digits at a word's
//! start, and the patterns put `\s+` between words: so the words split at white space (`\s`
//! and `char::is_whitespace` are both Unicode's `White_Space`) tell the groups apart. The
//! patterns in `dates::PATTERNS` stay the definition; the tests compare the two.

use super::Form;

/// A match's groups, by the patterns' group numbers (0 unused).
pub(super) struct Groups<'t> {
    groups: [Option<&'t str>; 4],
}

impl<'t> Groups<'t> {
    /// The text of group `i`, if it took part in the match.
    pub(super) fn get(&self, i: usize) -> Option<&'t str> {
        self.groups.get(i).copied().flatten()
    }
}

/// The groups of `form`'s pattern in its match `m`.
pub(super) fn read(form: Form, m: &str) -> Groups<'_> {
    let mut words = m.split(char::is_whitespace).filter(|w| !w.is_empty());
    let first = words.clone().next();
    let last = words.next_back();
    let before_last = words.next_back();
    let second_before_last = words.next_back();
    let groups = match form {
        Form::Iso => {
            let mut parts = m.split('-');
            [None, parts.next(), parts.next(), parts.next()]
        }
        // `{month}\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+{YEAR}`: the day starts the second word.
        Form::MonthDayYear => [None, first.map(month), second_word(m).map(day), last],
        // `(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?{month},?\s+{YEAR}`
        Form::DayMonthYear => [None, first.map(day), before_last.map(month), last],
        // `{month},?\s+(?:of\s+)?{YEAR}`
        Form::MonthYear => [None, first.map(month), last, None],
        // `… of\s+{YEAR}`, `…\s+{YEAR}`
        Form::EndOfYear | Form::QuarterYear | Form::Year => [None, last, None, None],
        // `{month}\s+(\d{1,2})(?:st|nd|rd|th)?`
        Form::MonthDay => [None, first.map(month), last.map(day), None],
        // `(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?{month}`: the match ends with the month.
        Form::DayMonth => [None, first.map(day), last, None],
        // `(prep)\s+{month}`
        Form::PrepMonth => [None, first, last, None],
        // `…(last|this|past|previous|next)\s+(?:year|month)`, `…(yesterday|today)`,
        // `…{weekday}`
        Form::RelYear | Form::RelMonth => [None, before_last, None, None],
        Form::DayWord | Form::Weekday => [None, last, None, None],
        // `…{SMALL}\s+(years?|months?|weeks?|days?)\s+ago`
        Form::Ago => [None, second_before_last, before_last, None],
        Form::Weekend | Form::LastWeek => [None; 4],
    };
    Groups { groups }
}

/// The second word of `m`.
fn second_word(m: &str) -> Option<&str> {
    m.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .nth(1)
}

/// A month word without the comma a pattern allows after it (`{month},?`).
fn month(word: &str) -> &str {
    word.strip_suffix(',').unwrap_or(word)
}

/// The day at the start of a word, before its ordinal ending or comma
/// (`(\d{1,2})(?:st|nd|rd|th)?,?`): no `\d` is an ASCII letter or a comma.
fn day(word: &str) -> &str {
    let end = word
        .find(|c: char| c.is_ascii_alphabetic() || c == ',')
        .unwrap_or(word.len());
    &word[..end]
}

//! Month and weekday names, read once from `assets/lexicon/months.tsv` and `weekdays.txt`: the
//! one copy that the date patterns, the person and victim rules and the synthetic articles share.

use std::sync::LazyLock;

/// Each month in calendar order: its name, then its abbreviations ("September", "Sept", "Sep").
pub static MONTHS: LazyLock<Vec<Vec<&'static str>>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../assets/lexicon/months.tsv"))
        .map(|l| l.split('\t').map(str::trim).collect())
        .collect()
});

/// The weekday names, Monday first.
pub static WEEKDAYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../assets/lexicon/weekdays.txt")).collect()
});

/// The months' full names ("January").
pub fn month_names() -> impl Iterator<Item = &'static str> {
    MONTHS.iter().map(|m| m[0])
}

/// Every way a month is written: the full names, then the abbreviations ("Jan", "Sept").
pub fn month_words() -> impl Iterator<Item = &'static str> {
    month_names().chain(MONTHS.iter().flat_map(|m| m[1..].iter().copied()))
}

/// A regex group matching a month written out or abbreviated, with an optional full stop after
/// an abbreviation: `(January|…|December|Jan\.?|…|Sept\.?|Sep\.?|…)`.
pub static MONTH_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let abbreviations = MONTHS
        .iter()
        .flat_map(|m| &m[1..])
        .map(|a| format!(r"{}\.?", regex::escape(a)));
    let all: Vec<String> = month_names()
        .map(regex::escape)
        .chain(abbreviations)
        .collect();
    format!("({})", all.join("|"))
});

/// A regex group matching a weekday name: `(Monday|…|Sunday)`.
pub static WEEKDAY_PATTERN: LazyLock<String> = LazyLock::new(|| {
    let all: Vec<String> = WEEKDAYS.iter().map(|w| regex::escape(w)).collect();
    format!("({})", all.join("|"))
});

/// The number (1–12) of a month written out or abbreviated, in any case, with or without a
/// full stop: the month whose name starts with the word's first three letters.
pub fn month_number(word: &str) -> Option<u32> {
    let n = word.trim_end_matches('.');
    let head = n.get(..3)?;
    let i = month_names().position(|m| m.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(head)))?;
    u32::try_from(i + 1).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_patterns_are_the_ones_written_before_the_lists() {
        assert_eq!(
            *MONTH_PATTERN,
            r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)"
        );
        assert_eq!(
            *WEEKDAY_PATTERN,
            "(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
        );
    }

    #[test]
    fn months_are_numbered_from_any_spelling() {
        assert_eq!(month_number("Sept."), Some(9));
        assert_eq!(month_number("december"), Some(12));
        assert_eq!(month_number("MAY"), Some(5));
        assert_eq!(month_number("Ma"), None);
        assert_eq!(month_number("Foo"), None);
    }
}

//! Plain text articles, with or without the seed header.
//!
//! The seed format is a `.txt` whose first line starts with ` date YYYY-MM-DD ` and continues
//! with the article text on the same line; the header is metadata, not text. Small variants are
//! tolerated: no leading space, a byte-order mark, a tab or colon after `date`, the text starting
//! on the next line. Without the header the file is plain text: the first non-empty line is the
//! title and stays in the text, so offsets are into exactly what the analyst reads.

use chrono::NaiveDate;

use super::Parsed;
use super::meta::{dateline_source, derive_title};

/// Parses a seed-format or plain text file.
pub fn parse(text: &str) -> Parsed {
    let (published, body) = match split_header(text) {
        Some((date, body)) => (Some(date), body),
        None => (None, text),
    };
    Parsed {
        title: Some(derive_title(body)).filter(|t| !t.is_empty()),
        published,
        source: dateline_source(body),
        text: body.to_owned(),
    }
}

/// The header's date and the text after it, when `text` opens with a seed header.
fn split_header(text: &str) -> Option<(NaiveDate, &str)> {
    let start = text.trim_start_matches([' ', '\t', '\u{feff}']);
    let keyword = start.get(..4)?;
    if !keyword.eq_ignore_ascii_case("date") {
        return None;
    }
    let rest = &start[4..];
    let after_sep = rest.trim_start_matches([' ', '\t', ':']);
    if after_sep.len() == rest.len() {
        return None;
    }
    let date = NaiveDate::parse_from_str(after_sep.get(..10)?, "%Y-%m-%d").ok()?;
    let body = &after_sep[10..];
    if body.chars().next().is_some_and(|c| !c.is_whitespace()) {
        return None;
    }
    Some((date, body.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn seed_header_is_metadata_not_text() {
        let p = parse(" date 2019-03-02 MOSCOW (Sputnik) – Hackers struck.\n\nMore text.");
        assert_eq!(p.published, date(2019, 3, 2));
        assert_eq!(p.text, "MOSCOW (Sputnik) – Hackers struck.\n\nMore text.");
        assert_eq!(p.source.as_deref(), Some("Sputnik"));
        assert_eq!(p.title.as_deref(), Some("Hackers struck."));
    }

    #[test]
    fn header_variants_are_tolerated() {
        for raw in [
            "date 2020-01-31 Text here",
            "\u{feff} date 2020-01-31 Text here",
            "Date: 2020-01-31 Text here",
            " date 2020-01-31\nText here",
        ] {
            let p = parse(raw);
            assert_eq!(p.published, date(2020, 1, 31), "{raw:?}");
            assert_eq!(p.text, "Text here", "{raw:?}");
        }
    }

    #[test]
    fn not_a_header() {
        for raw in [
            "dated 2020-01-31 letter",
            "date 2020-01-31x",
            "date 2020-13-31 x",
            "Dates are hard",
        ] {
            let p = parse(raw);
            assert_eq!(p.published, None, "{raw:?}");
            assert_eq!(p.text, raw);
        }
    }

    #[test]
    fn plain_text_keeps_its_title_line() {
        let raw = "Ad sales boost profit\n\nQuarterly profits jumped 76%.\n";
        let p = parse(raw);
        assert_eq!(p.title.as_deref(), Some("Ad sales boost profit"));
        assert_eq!(p.text, raw);
        assert_eq!(p.published, None);
        assert_eq!(p.source, None);
    }
}

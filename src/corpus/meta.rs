//! Article metadata every format needs: dates written in the common ways, a readable title
//! derived from the text when the file has none, and the outlet named in a dateline.

use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;

/// Longest derived title, in characters, before it is cut at a word boundary.
pub const TITLE_MAX_CHARS: usize = 90;

/// Parses a publication date: ISO date or datetime (`2019-03-02`, `2019-03-02T10:00:00Z`,
/// `2019-03-02 10:00`), US `M/D/YYYY` (optionally followed by a time), `YYYY/MM/DD`,
/// RFC 2822 (`Sat, 2 Mar 2019 10:00:00 +0000`) and written-out months (`March 2, 2019`,
/// `2 March 2019`).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let s = raw.trim().trim_matches(|c| c == '"' || c == '\'').trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    // The date part of a datetime: up to the first 'T' or space after a numeric date.
    let head = s
        .split(|c: char| c == 'T' || c.is_whitespace())
        .next()
        .unwrap_or(s);
    for format in ["%Y-%m-%d", "%m/%d/%Y", "%Y/%m/%d"] {
        if let Ok(date) = NaiveDate::parse_from_str(head, format) {
            return Some(date);
        }
    }
    for format in ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"] {
        if let Ok(date) = NaiveDate::parse_from_str(s, format) {
            return Some(date);
        }
    }
    None
}

/// A readable, non-empty title for a text without one: its first non-empty line when short
/// enough, else that line's first sentence, else its first words with an ellipsis. A leading
/// dateline (`MOSCOW (Sputnik) – `) is left out. Empty only when the text is blank.
pub fn derive_title(text: &str) -> String {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty());
    let Some(line) = line else {
        return String::new();
    };
    let line = match DATELINE.as_ref().and_then(|re| re.find(line)) {
        Some(m) if m.end() < line.len() => line[m.end()..].trim_start(),
        _ => line,
    };
    if line.chars().count() <= TITLE_MAX_CHARS {
        return line.to_owned();
    }
    if let Some(sentence) = first_sentence(line)
        && sentence.chars().count() <= TITLE_MAX_CHARS
    {
        return sentence.to_owned();
    }
    shorten(line, TITLE_MAX_CHARS)
}

/// Cuts `s` to at most `max` characters at a word boundary and adds an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(b, _)| b);
    let head = &s[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(space) if space > cut / 2 => &head[..space],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:–—-".contains(c));
    format!("{head}…")
}

/// The first sentence of `line`: up to a `.`, `!` or `?` followed by a space, skipping
/// initials and short abbreviations such as "U.S." or "Mr.".
fn first_sentence(line: &str) -> Option<&str> {
    // The splitter the extractor uses; a line that is one sentence has no shorter first one.
    crate::text::sentences(line)
        .first()
        .filter(|&&(_, e)| e < line.trim_end().len())
        .map(|&(s, e)| line[s..e].trim_end())
}

/// A news dateline at the start of a text: a capitalised place, optionally a region after a
/// comma, the outlet in parentheses, then a dash.
/// (`None` only if the pattern failed to compile, which a unit test rules out.)
static DATELINE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"^\p{Lu}[\p{Lu} .'’-]*(?:,[^()\n]{1,40}?)?\s*\(([^()\n]{1,40})\)\s*[–—-]+\s*").ok()
});

/// The outlet named in a dateline at the very start of `text`, e.g. "Sputnik" for
/// `MOSCOW (Sputnik) – …`.
pub fn dateline_source(text: &str) -> Option<String> {
    let caps = DATELINE.as_ref()?.captures(text.trim_start())?;
    let outlet = caps.get(1)?.as_str().trim();
    (!outlet.is_empty()).then(|| outlet.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_common_forms() {
        let d = NaiveDate::from_ymd_opt(2019, 3, 2);
        for s in [
            "2019-03-02",
            "2019-03-02T10:15:00Z",
            "2019-03-02 10:15",
            "3/2/2019",
            "03/02/2019",
            "3/2/2019 10:15 AM",
            "2019/03/02",
            "Sat, 2 Mar 2019 10:15:00 +0000",
            "March 2, 2019",
            "2 March 2019",
            "\"2019-03-02\"",
        ] {
            assert_eq!(parse_date(s), d, "{s}");
        }
        assert_eq!(parse_date("yesterday"), None);
        assert_eq!(parse_date("2019-13-45"), None);
        assert_eq!(parse_date(""), None);
    }

    #[test]
    fn short_first_line_is_the_title() {
        assert_eq!(derive_title("\n\nBig Phish\n\nThe text."), "Big Phish");
    }

    #[test]
    fn long_line_gives_first_sentence_or_cut_words() {
        let text = "North Korea is using cyberattacks on banks, the U.S. said. It has stolen more \
                    than anyone knows and will keep doing so for years to come, experts said.";
        assert_eq!(
            derive_title(text),
            "North Korea is using cyberattacks on banks, the U.S. said."
        );
        let long = "word ".repeat(40);
        let title = derive_title(&long);
        assert!(title.ends_with('…'), "{title}");
        assert!(title.chars().count() <= TITLE_MAX_CHARS + 1);
        assert!(!title.contains("wor…"), "cut inside a word: {title}");
    }

    #[test]
    fn dateline_pattern_compiles() {
        assert!(DATELINE.is_some());
    }

    #[test]
    fn dateline_gives_source_and_is_left_out_of_the_title() {
        let text = "MOSCOW (Sputnik) – North Korea’s hackers struck again.";
        assert_eq!(dateline_source(text).as_deref(), Some("Sputnik"));
        assert_eq!(derive_title(text), "North Korea’s hackers struck again.");
        assert_eq!(
            dateline_source("SEOUL, South Korea (AP) — Hackers stole").as_deref(),
            Some("AP")
        );
        assert_eq!(dateline_source("North Korea (DPRK) - said"), None);
    }
}

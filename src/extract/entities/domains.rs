//! Services written as their domain in running text ("revoke.cash", "bscscan.com",
//! "Kuna.io"): the organisation behind the site. A domain inside a URL, an e-mail address or a
//! longer host name is no mention; names the gazetteers know are found there first.

use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;
use super::automaton::Source;
use crate::extract::EntityKind;
use crate::text::is_word_char;

static DOMAIN: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::compile(r"[A-Za-z0-9][A-Za-z0-9-]*(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,8}"));

/// A byte [`DOMAIN`] matches: an ASCII letter or digit, `-` or `.`.
fn domain_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.')
}

/// The runs of domain bytes that hold a full stop before a lower-case letter: every match of
/// [`DOMAIN`] is inside one (it holds only domain bytes and ends in such a stop), so the
/// regex reads these runs, found from the text's full stops, and not every word of the text.
fn domain_runs(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (i, _) in text.match_indices('.') {
        let taken = out.last().is_some_and(|&(_, end)| i < end);
        if taken || !bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) {
            continue;
        }
        let start = bytes[..i]
            .iter()
            .rposition(|&b| !domain_byte(b))
            .map_or(0, |k| k + 1);
        let end = bytes[i..]
            .iter()
            .position(|&b| !domain_byte(b))
            .map_or(text.len(), |k| i + k);
        out.push((start, end));
    }
    out
}

/// The matches of [`DOMAIN`], as `find_iter` over the whole text gives them.
fn domain_matches<'t>(re: &Regex, text: &'t str) -> Vec<regex::Match<'t>> {
    let mut out = Vec::new();
    for (start, end) in domain_runs(text) {
        // The run ends before a byte no match holds, and the regex looks at no neighbour.
        let hay = &text[..end];
        let mut at = start;
        while let Some(m) = re.find_at(hay, at).filter(|m| m.end() > m.start()) {
            at = m.end();
            out.push(m);
        }
    }
    out
}

/// Every standalone domain of a known ending.
pub(super) fn domain_candidates(text: &str, out: &mut Vec<Candidate>) {
    let Some(re) = DOMAIN.as_ref() else { return };
    // `find_iter`, not captures: the ending is what follows the last dot.
    for m in domain_matches(re, text) {
        let ending = m.as_str().rsplit('.').next().unwrap_or("");
        if !super::words::DOMAIN_ENDINGS.contains(ending) {
            continue;
        }
        let before = text[..m.start()].chars().next_back();
        let mut after = text[m.end()..].chars();
        let glued_after = match after.next() {
            Some(c) if is_word_char(c) || matches!(c, '/' | '@' | '-') => true,
            // A dot that goes on into a word is a longer host name, not a sentence end.
            Some('.') => after.next().is_some_and(char::is_alphanumeric),
            _ => false,
        };
        let glued_before =
            before.is_some_and(|c| is_word_char(c) || matches!(c, '/' | '@' | '.' | ':' | '-'));
        if glued_before || glued_after || m.as_str().starts_with("www.") {
            continue;
        }
        out.push(Candidate {
            start: m.start(),
            end: m.end(),
            kind: EntityKind::Organization,
            canonical: m.as_str().to_string(),
            parent: None,
            source: Source::OrgPattern,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        domain_candidates(text, &mut out);
        out.iter().map(|c| &text[c.start..c.end]).collect()
    }

    fn whole_text(text: &str) -> Vec<(usize, usize)> {
        let re = DOMAIN.as_ref().expect("the domain pattern compiles");
        re.find_iter(text).map(|m| (m.start(), m.end())).collect()
    }

    fn in_runs(text: &str) -> Vec<(usize, usize)> {
        let re = DOMAIN.as_ref().expect("the domain pattern compiles");
        domain_matches(re, text)
            .iter()
            .map(|m| (m.start(), m.end()))
            .collect()
    }

    #[test]
    fn reading_only_the_runs_finds_what_the_regex_finds_over_the_whole_text() {
        for text in [
            "",
            "revoke.cash",
            "Kuna.io paid. Then bscscan.com/tx and a@b.com.",
            "e.g. U.S. a.b.c.de -x.io .io x. .a a.b-c.de.fg",
            "https://sub.example.com/page?x=1 and www.foo.org, (see.it)",
            "é.co ß.de naïve.io x.Io X.IO 1.2.3 v2.1.x café.com",
            "line one.\nnext.line .\n.\n..a..b",
        ] {
            assert_eq!(in_runs(text), whole_text(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn the_runs_agree_with_the_regex_on_any_text(text in "[a-cA-C0-9.\\-/@ é\n,]{0,40}") {
            proptest::prop_assert_eq!(in_runs(&text), whole_text(&text));
        }
    }

    #[test]
    fn a_domain_in_running_text_is_the_service() {
        assert_eq!(
            found(
                "Revoke approvals via revoke.cash. Even bscscan.com went down, and Kuna.io paid."
            ),
            ["revoke.cash", "bscscan.com", "Kuna.io"]
        );
    }

    #[test]
    fn urls_addresses_files_and_other_endings_are_not() {
        assert!(
            found(
                "See https://rekt.news/abc or mail a@b.com, open report.pdf, \
                 read sub.example.com/page and e.g. note."
            )
            .is_empty()
        );
    }
}

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

/// Every standalone domain of a known ending.
pub(super) fn domain_candidates(text: &str, out: &mut Vec<Candidate>) {
    let Some(re) = DOMAIN.as_ref() else { return };
    // `find_iter`, not captures: the ending is what follows the last dot.
    for m in re.find_iter(text) {
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

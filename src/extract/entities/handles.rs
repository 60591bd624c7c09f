//! Handles that spell a known organisation ("@TornadoCash", "@BlockSecTeam", "@peckshield"):
//! the organisation, under its own name, whatever the handle's case or suffix; a handle ending
//! as only an organisation's does ("@acme_finance") is one, under the handle. Other handles
//! are left to the model, which types them from their context.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::Candidate;
use super::automaton::Source;
use crate::extract::EntityKind;
use crate::text::is_word_char;

static HANDLE: LazyLock<Option<Regex>> = LazyLock::new(|| super::compile(r"@[A-Za-z0-9_]{3,30}"));

/// Endings that make a handle an organisation's (`assets/entity-words/org-handle-endings.txt`).
static ORG_HANDLE_ENDINGS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/org-handle-endings.txt"
    ))
    .collect()
});

/// A name in lower case with only its letters and digits: "Tornado Cash" and "@tornado_cash"
/// both give "tornadocash".
pub(super) fn compact(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The known organisation a handle spells, as is or without one suffix word.
fn organisation_of<'a>(handle: &str, orgs: &'a HashMap<String, String>) -> Option<&'a String> {
    let key = compact(handle);
    orgs.get(&key).or_else(|| {
        super::words::HANDLE_SUFFIXES.iter().find_map(|s| {
            key.strip_suffix(s)
                .filter(|k| k.len() >= 4)
                .and_then(|k| orgs.get(k))
        })
    })
}

/// Every `@handle` of the text that spells a known organisation.
pub(super) fn organisation_handles(
    text: &str,
    orgs: &HashMap<String, String>,
    out: &mut Vec<Candidate>,
) {
    let Some(re) = HANDLE.as_ref() else { return };
    for m in re.find_iter(text) {
        let glued = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(is_word_char)
            || text[m.end()..].chars().next().is_some_and(is_word_char);
        if glued {
            continue;
        }
        let handle = &m.as_str()[1..];
        // A handle ending in "Team", "Protocol", "hq"… is an organisation's, known or not.
        let org = organisation_of(handle, orgs).cloned().or_else(|| {
            let key = compact(handle);
            ORG_HANDLE_ENDINGS
                .iter()
                .any(|e| key.strip_suffix(e).is_some_and(|k| k.len() >= 3))
                .then(|| handle.to_string())
        });
        if let Some(org) = org {
            out.push(Candidate {
                start: m.start(),
                end: m.end(),
                kind: EntityKind::Organization,
                canonical: org,
                parent: None,
                source: Source::Organization,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn orgs() -> HashMap<String, String> {
        ["Tornado Cash", "BlockSec", "PeckShield", "Uniswap"]
            .iter()
            .map(|n| (compact(n), n.to_string()))
            .collect()
    }

    #[test]
    fn a_handle_that_spells_a_known_organisation_is_that_organisation() {
        let text = "Sent to @TornadoCash, flagged by @BlockSecTeam and @peckshield; \
                    loan from @UniswapProtocol, thanks @alice_und_bob.";
        let mut out = Vec::new();
        organisation_handles(text, &orgs(), &mut out);
        let found: Vec<(&str, &str)> = out
            .iter()
            .map(|c| (&text[c.start..c.end], c.canonical.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                ("@TornadoCash", "Tornado Cash"),
                ("@BlockSecTeam", "BlockSec"),
                ("@peckshield", "PeckShield"),
                ("@UniswapProtocol", "Uniswap"),
            ]
        );
    }

    #[test]
    fn a_handle_ending_as_only_an_organisations_does_is_one_known_or_not() {
        let text = "Thanks to @QuorbixTeam, @zell_finance and @pellhq; and to @alice_und_bob.";
        let mut out = Vec::new();
        organisation_handles(text, &orgs(), &mut out);
        let found: Vec<&str> = out.iter().map(|c| c.canonical.as_str()).collect();
        assert_eq!(found, ["QuorbixTeam", "zell_finance", "pellhq"]);
    }

    #[test]
    fn an_e_mail_address_is_no_handle() {
        let mut out = Vec::new();
        organisation_handles("write to press@peckshield.com", &orgs(), &mut out);
        assert!(out.is_empty());
    }
}

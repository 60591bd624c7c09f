//! How general news's phrasing types a name the model is unsure of: a quoted person's employer
//! ("said Ana Ruiz at Acme"), a band before a musician's role ("former Acme singer Ana Ruiz"),
//! a town paired with a known place ("from Acme to Leeds"). Each is a name of one kind that
//! looks like another: a firm named after its founders, a band named like a person, a town
//! whose name is also a surname.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::Candidate;
use super::automaton::Source;
use crate::extract::EntityKind;

mod firms_by_initials;
pub(super) use firms_by_initials::firms_named_by_initials;

/// A musician's role in a band (`assets/entity-words/band-roles.txt`).
static BAND_ROLES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/band-roles.txt")).collect()
});

/// The word at the start of `text` (letters, digits, hyphens).
fn first_word(text: &str) -> &str {
    let end = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    &text[..end]
}

/// The word at the end of `text`.
fn last_word(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .find(|&(_, c)| !(c.is_alphanumeric() || c == '-'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &text[start..]
}

/// Whether the name at `start` follows a person the rules found and "at" or "of" ("said Ana
/// Ruiz at Acme", "Ana Ruiz of Zorb Capital"): the person's employer. A place there ("Ana Ruiz
/// of Leeds") is left to the model, which the caller asks first.
pub(super) fn employer_of_a_person(text: &str, start: usize, found: &[Candidate]) -> bool {
    let before = text[..start].trim_end();
    let Some(rest) = before
        .strip_suffix(" at")
        .or_else(|| before.strip_suffix(" of"))
    else {
        return false;
    };
    if before.len() + 1 > start {
        return false; // "at" glued to the name
    }
    let person_end = rest.trim_end().len();
    found
        .iter()
        .any(|c| c.kind == EntityKind::Person && c.end == person_end && c.end > c.start)
}

/// Whether the name `start..end` is followed by a musician's role and then a person's name
/// ("former Acme singer Ana Ruiz"), or has "the" before it ("the Acme singer told…").
pub(super) fn band_of_a_musician(text: &str, start: usize, end: usize) -> bool {
    let rest = text[end..]
        .strip_prefix("'s ")
        .or_else(|| text[end..].strip_prefix("’s "))
        .or_else(|| text[end..].strip_prefix(' '));
    let Some(rest) = rest else {
        return false;
    };
    let role = first_word(rest);
    if !BAND_ROLES.contains(role) {
        return false;
    }
    let after = &rest[role.len()..];
    let names_a_person = after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(char::is_uppercase));
    let the_before = last_word(text[..start].trim_end()).eq_ignore_ascii_case("the")
        && text[..start].ends_with(' ');
    names_a_person || the_before
}

/// Whether the name `start..end` is paired with a place the rules found: "from X to Leeds",
/// "from Leeds to X", "between X and Leeds", "between Leeds and X". A town whose name is
/// also a surname ("Ashby") is a place there.
pub(super) fn paired_with_a_place(
    text: &str,
    start: usize,
    end: usize,
    found: &[Candidate],
) -> bool {
    let place_at = |s: usize| {
        found
            .iter()
            .any(|c| c.kind == EntityKind::Location && c.start == s)
    };
    let place_ending = |e: usize| {
        found
            .iter()
            .find(|c| c.kind == EntityKind::Location && c.end == e)
            .map(|c| c.start)
    };
    let opener = last_word(text[..start].trim_end());
    let pairs = [("from", " to "), ("between", " and ")];
    // The name first: "from X to Leeds".
    for (lead, join) in pairs {
        if opener == lead
            && text[..start].ends_with(' ')
            && text[end..].starts_with(join)
            && place_at(end + join.len())
        {
            return true;
        }
    }
    // The place first: "from Leeds to X".
    for (lead, join) in pairs {
        let Some(head) = text[..start].strip_suffix(join) else {
            continue;
        };
        if let Some(place_start) = place_ending(head.len())
            && last_word(text[..place_start].trim_end()) == lead
            && text[..place_start].ends_with(' ')
        {
            return true;
        }
    }
    false
}

/// A person the patterns found right after another person and "at" or "of" is that person's
/// employer ("said Ana Ruiz at Howard Quell": a firm named after its founders reads as a given
/// name and a surname); one before a musician's role is the band ("former Howard Quell singer
/// Ana Ruiz").
pub(super) fn organisations_named_as_people(text: &str, found: &mut [Candidate]) {
    let employers: Vec<usize> = (0..found.len())
        .filter(|&i| {
            let c = &found[i];
            c.kind == EntityKind::Person
                && c.source == Source::PersonPattern
                && (employer_of_a_person(text, c.start, found)
                    || band_of_a_musician(text, c.start, c.end))
        })
        .collect();
    for i in employers {
        found[i].kind = EntityKind::Organization;
        found[i].source = Source::OrgPattern;
    }
}

/// Whether general news's phrasing makes the proposed name at `start..end` an
/// organisation: a band before a musician's role, an item of a list ending "and other clubs".
pub(super) fn organisation_by_phrasing(text: &str, start: usize, end: usize) -> bool {
    band_of_a_musician(text, start, end) || one_of_other_organisations(text, end)
}

/// Whether the name ending at `end` is an item of a list ending "and other" and an
/// organisation noun ("Acme, Zorb City and other clubs").
fn one_of_other_organisations(text: &str, end: usize) -> bool {
    let mut rest = &text[end..];
    for _ in 0..8 {
        if let Some(r) = rest
            .strip_prefix(" and other ")
            .or_else(|| rest.strip_prefix(", and other "))
        {
            return super::words::ORG_NOUNS.contains(first_word(r));
        }
        let Some(mut r) = rest.strip_prefix(", ") else {
            return false;
        };
        // The next item: capitalised words.
        let mut words = 0;
        while r.starts_with(char::is_uppercase) {
            r = &r[first_word(r).len()..];
            words += 1;
            match r.strip_prefix(' ') {
                Some(after) if after.starts_with(char::is_uppercase) => r = after,
                _ => break,
            }
        }
        if words == 0 || !first_word(r).is_empty() {
            return false;
        }
        rest = r;
    }
    false
}

/// A one-word name the person patterns found by its context ("R&B singer Usher won") is that
/// person at its other mentions too, where the model, without the context, may have typed it a
/// firm. (Not a longer name: the patterns take some firms' two words for a given name and a
/// surname, which the model's other mentions then correct.)
pub(super) fn people_the_rules_found(found: &mut [Candidate]) {
    let people: HashSet<String> = found
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.source == Source::PersonPattern)
        .filter(|c| !c.canonical.contains(' '))
        .map(|c| c.canonical.clone())
        .collect();
    for c in found.iter_mut() {
        if c.source == Source::Model
            && c.kind != EntityKind::Person
            && people.contains(&c.canonical)
        {
            c.kind = EntityKind::Person;
        }
    }
}

//! How general news's phrasing types a name the model is unsure of: a quoted person's employer
//! ("said Ana Ruiz at Acme"), a band before a musician's role ("former Acme singer Ana Ruiz"),
//! a town paired with a known place ("from Acme to Leeds"). Each is a name of one kind that
//! looks like another: a firm named after its founders, a band named like a person, a town
//! whose name is also a surname.

mod awards;
mod clubs;

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::Candidate;
use super::automaton::Source;
use crate::extract::EntityKind;

mod firms_by_initials;
pub(super) use firms_by_initials::firms_named_by_initials;

/// A musician's role in a band (`assets/entity-words/band-roles.txt`).
static BAND_ROLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/band-roles.txt")).collect()
});

/// The word at the start of `text` (letters, digits, hyphens): ASCII read a byte at a time,
/// a character beyond it decoded.
fn first_word(text: &str) -> &str {
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'-') {
        i += 1;
    }
    if b.get(i).is_some_and(|c| !c.is_ascii()) {
        i += text[i..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(text.len() - i);
    }
    &text[..i]
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
/// name and a surname); one before a musician's role or winning a group's award is the band
/// ("former Howard Quell singer Ana Ruiz", "Howard Quell won best British group"). A town the
/// gazetteer found in a list ending "and other clubs" is its club on every mention.
pub(super) fn organisations_named_as_people(text: &str, found: &mut [Candidate]) {
    let employers: Vec<usize> = (0..found.len())
        .filter(|&i| {
            let c = &found[i];
            c.kind == EntityKind::Person
                && c.source == Source::PersonPattern
                && (employer_of_a_person(text, c.start, found)
                    || band_of_a_musician(text, c.start, c.end)
                    || awards::winner_kind(text, c.start, c.end) == Some(EntityKind::Organization))
        })
        .collect();
    for i in employers {
        found[i].kind = EntityKind::Organization;
        found[i].source = Source::OrgPattern;
    }
    let clubs: FxHashSet<String> = found
        .iter()
        .filter(|c| c.kind == EntityKind::Location && c.parent.is_some())
        .filter(|c| one_of_other_organisations(text, c.end))
        .map(|c| text[c.start..c.end].to_string())
        .collect();
    for c in found.iter_mut() {
        if c.kind == EntityKind::Location && clubs.contains(&text[c.start..c.end]) {
            c.kind = EntityKind::Organization;
            c.canonical = text[c.start..c.end].to_string();
            c.parent = None;
        }
    }
}

/// The model's names typed by the company they keep: a nominee for a person's award ("Ana, Bel
/// Cruz and Dee to take the best male crown") and a moniker in a list of people only, found by
/// the rules ("Dee, Ana Ruiz and Bel Cruz") are people, whatever the model took them for; a name the
/// model took for a person among organisations the rules found ("Acme Films, Zorb Pictures and
/// Dee Vale") is one of them. On every mention of the article.
pub(super) fn kinds_from_company(text: &str, found: &mut [Candidate]) {
    let mut people = FxHashSet::default();
    let mut firms = FxHashSet::default();
    // A credit line's list mixes people and firms ("Credit: Ana Ruiz, Bel Cruz, Acme").
    let credited = super::credits::credit_items(text);
    for (i, c) in found.iter().enumerate() {
        if c.source != Source::Model {
            continue;
        }
        let in_credits = super::credits::whole_item(&credited, text, c.start, c.end).is_some();
        let items = || {
            if in_credits {
                Vec::new()
            } else {
                list_items(text, found, i)
            }
        };
        if c.kind == EntityKind::Organization
            && (awards::winner_kind(text, c.start, c.end) == Some(EntityKind::Person)
                || !c.canonical.contains(' ') && among_people(&items()))
        {
            people.insert(c.canonical.clone());
        }
        if c.kind == EntityKind::Person && among_organisations(&items()) {
            firms.insert(c.canonical.clone());
        }
    }
    for c in found.iter_mut().filter(|c| c.source == Source::Model) {
        if c.kind == EntityKind::Organization && people.contains(&c.canonical) {
            c.kind = EntityKind::Person;
        } else if c.kind == EntityKind::Person && firms.contains(&c.canonical) {
            c.kind = EntityKind::Organization;
        }
    }
}

/// The other items of the list ("A, B and C") `found[i]` stands in, by the glue between
/// neighbouring names. `found` is in text order.
fn list_items<'a>(text: &str, found: &'a [Candidate], i: usize) -> Vec<&'a Candidate> {
    const GLUE: [&str; 4] = [", and ", ", ", " and ", " & "];
    let mut items = Vec::new();
    let mut j = i;
    while let Some(next) = found.get(j + 1) {
        let gap = &text[found[j].end..next.start.max(found[j].end)];
        if !GLUE.contains(&gap) {
            break;
        }
        items.push(next);
        j += 1;
    }
    let mut j = i;
    while j > 0 {
        let prev = &found[j - 1];
        let gap = &text[prev.end.min(found[j].start)..found[j].start];
        if !GLUE.contains(&gap) {
            break;
        }
        items.push(prev);
        j -= 1;
    }
    items
}

/// At least two organisations the rules found, and no person.
fn among_organisations(items: &[&Candidate]) -> bool {
    let firms = items
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.source != Source::Model)
        .count();
    firms >= 2 && items.iter().all(|c| c.kind != EntityKind::Person)
}

/// People only, at least two of them found by the rules.
fn among_people(items: &[&Candidate]) -> bool {
    let people = items
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.source != Source::Model)
        .count();
    people >= 2 && items.iter().all(|c| c.kind == EntityKind::Person)
}

/// Whether general news's phrasing makes the proposed name at `start..end` an
/// organisation: a band before a musician's role or winning a group's award, an item of a list
/// ending "and other clubs", a club after a score or before a player's position, an
/// organisation's noun in apposition ("Zorb, one of Acme's auditors, …"), a firm's phrase
/// before it ("audited by Zorb").
pub(super) fn organisation_by_phrasing(text: &str, start: usize, end: usize) -> bool {
    band_of_a_musician(text, start, end)
        || one_of_other_organisations(text, end)
        || awards::winner_kind(text, start, end) == Some(EntityKind::Organization)
        || clubs::opponent_after_a_score(text, start)
        || clubs::club_of_a_player(text, start, end)
        || super::accounts_and_firms::apposed_organisation(text, end)
        || super::accounts_and_firms::firm_phrase_before(text, start)
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
    let people: FxHashSet<String> = found
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

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// [`first_word`] as it was, reading every character, is its definition.
        #[test]
        fn the_first_word_is_the_run_of_letters_digits_and_hyphens(
            s in "[a-zA-Z0-9 ,'’é名٣\u{212A}\u{300}-]{0,12}"
        ) {
            let end = s
                .find(|c: char| !(c.is_alphanumeric() || c == '-'))
                .unwrap_or(s.len());
            proptest::prop_assert_eq!(first_word(&s), &s[..end]);
        }
    }
}

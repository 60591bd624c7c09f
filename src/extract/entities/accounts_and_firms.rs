//! Crypto write-ups name people by their accounts and firms by names shaped like people's; the
//! phrasing around a name tells which. A handle in brackets after a person is that person's
//! ("Ana Ruiz (@anaruiz)"); a handle the model took for a firm that no firm's rule claims is
//! someone's account (in the labels, the handles no organisation rule claims are people's ten
//! to one); a firm word ending a "person's" name makes it a firm's ("Acme Security",
//! `firm-words.txt`); a noun or a role in apposition says the kind ("Zorb, one of Acme's
//! auditors, …", "Zorbo Pell, CEO of Acme, …"); so does a phrase before the name ("a thread by
//! Zorbo", `account-phrases.txt`; "as Zorbo pointed out", `account-phrases-after.txt`; "audited
//! by Acme", `firm-phrases.txt`); and a name of several
//! words the article also writes, in another case, as a firm it found is that firm ("Acme
//! Screener" after "ACME Screener").

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

use super::Candidate;
use super::automaton::Source;
use super::handles::compact;
use crate::extract::EntityKind;

/// Last words of firms' names that end no person's (`assets/entity-words/firm-words.txt`).
static FIRM_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/firm-words.txt")).collect()
});

/// Roles only a person holds (`person-only-roles.txt`), lower-cased.
static PERSON_ROLES: LazyLock<FxHashSet<String>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/person-only-roles.txt"
    ))
    .map(str::to_lowercase)
    .collect()
});

/// Phrases before a name that make it an account (`account-phrases.txt`) or a firm
/// (`firm-phrases.txt`), each with the space after it.
static ACCOUNT_PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    phrases(include_str!(
        "../../../assets/entity-words/account-phrases.txt"
    ))
});

/// Words right after a name that make it someone's account ("as Zorbo pointed out";
/// `account-phrases-after.txt`), each with the space before it.
static ACCOUNT_PHRASES_AFTER: LazyLock<Vec<String>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/account-phrases-after.txt"
    ))
    .map(|p| format!(" {p}"))
    .collect()
});

static FIRM_PHRASES: LazyLock<Phrases> = LazyLock::new(|| {
    phrases(include_str!(
        "../../../assets/entity-words/firm-phrases.txt"
    ))
});

/// Phrases that come right before a name, each with the space after it.
struct Phrases {
    list: Vec<String>,
    /// The bytes (in ASCII lower case) that stand before a phrase's space: a name with none of
    /// them and a space right before it has no phrase there, and its line is never read.
    before_space: [bool; 256],
}

fn phrases(list: &'static str) -> Phrases {
    let list: Vec<String> = crate::text::entries(list)
        .map(|p| format!("{p} "))
        .collect();
    let mut before_space = [false; 256];
    for p in &list {
        if let Some(&b) = p.as_bytes().iter().rev().nth(1) {
            before_space[usize::from(b.to_ascii_lowercase())] = true;
        }
    }
    Phrases { list, before_space }
}

/// Words that end an apposition's noun phrase before its head ("a member of …", "the firm
/// that …"): after them the last word is no longer what the name is.
const NOT_IN_A_NOUN_PHRASE: [&str; 18] = [
    "of", "for", "at", "in", "on", "from", "with", "by", "to", "and", "or", "who", "which", "that",
    "whose", "was", "is", "has",
];

/// Retypes the article's names by the cues above; the patterns' and the model's only, never a
/// gazetteer's.
pub(super) fn retype(text: &str, found: &mut [Candidate]) {
    handles_of_people(text, found);
    firms_named_as_people(found);
    apposed_nouns(text, found);
    named_by_phrase(text, found);
    other_case_of_a_firm(found);
}

/// The surface of a candidate as written.
fn surface<'t>(text: &'t str, c: &Candidate) -> &'t str {
    text.get(c.start..c.end).unwrap_or("")
}

/// "Ana Ruiz (@anaruiz)": the person's own account, named as the person. Any other handle the
/// model took for a firm is a person's, unless it opens with a firm's name or first word the
/// article found ("@AcmeAcme" beside "Acme", "@acme_fin" beside "Acme Finance"); the handles of firms' own shapes ("@acme_finance", a known
/// firm's) are the rules' organisations already.
fn handles_of_people(text: &str, found: &mut [Candidate]) {
    let handle = |c: &Candidate| c.source == Source::Model && surface(text, c).starts_with('@');
    if !found.iter().any(handle) {
        return;
    }
    // Each firm's name and first word, compact ("hopefinance", "hope" for "@hope_fin").
    let firms: Vec<String> = found
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && !surface(text, c).starts_with('@'))
        .flat_map(|c| {
            let first = c.canonical.split(' ').next().unwrap_or("");
            [compact(&c.canonical), compact(first)]
        })
        .filter(|k| k.len() >= 4)
        .collect();
    for i in 0..found.len() {
        let c = &found[i];
        if !handle(c) {
            continue;
        }
        let before = text[..c.start].trim_end_matches([' ', '\t']);
        let owner = before.strip_suffix('(').and_then(|b| {
            let end = b.trim_end_matches([' ', '\t']).len();
            found
                .iter()
                .find(|p| p.kind == EntityKind::Person && p.end == end && p.end > p.start)
                .map(|p| p.canonical.clone())
        });
        if let Some(person) = owner {
            found[i].kind = EntityKind::Person;
            found[i].canonical = person;
        } else if c.kind == EntityKind::Organization {
            let key = compact(&c.canonical);
            if !firms.iter().any(|f| key.starts_with(f.as_str())) {
                found[i].kind = EntityKind::Person;
            }
        }
    }
}

/// "Acme Security", "Zorb Law": a firm word ends the name, unless a given name opens it and the
/// word is also a surname ("Ana Law").
fn firms_named_as_people(found: &mut [Candidate]) {
    for c in found.iter_mut() {
        if c.kind != EntityKind::Person
            || !matches!(c.source, Source::Model | Source::PersonPattern)
        {
            continue;
        }
        let Some((head, last)) = c.canonical.rsplit_once(' ') else {
            continue;
        };
        let first = head.split(' ').next().unwrap_or(head);
        let surname =
            super::people::GIVEN_NAMES.contains(first) && super::words::SURNAMES.contains(last);
        if FIRM_WORDS.contains(last) && !surname {
            c.kind = EntityKind::Organization;
            if c.source == Source::PersonPattern {
                c.source = Source::OrgPattern;
            }
        }
    }
}

/// The head noun of an apposition right after a name ("Zorb, one of Acme's six auditors, …",
/// "Zorb, a token analytics platform, …", "Zorbo, the founder, …"), lower-cased.
fn apposed_noun(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.strip_prefix(", ")?;
    let close = rest.find([',', '.', ';', ':', '(', ')', '\n', '"', '“', '”', '!', '?'])?;
    if close > 80 || !rest[close..].starts_with([',', '.']) {
        return None;
    }
    let mut words = rest[..close].split(' ');
    match words.next()? {
        "a" | "an" | "the" | "another" => {}
        "one" if words.next()? == "of" => {}
        _ => return None,
    }
    let words: Vec<&str> = words.collect();
    if words.is_empty()
        || words.len() > 6
        || words
            .iter()
            .any(|w| w.is_empty() || NOT_IN_A_NOUN_PHRASE.contains(w))
    {
        return None;
    }
    let head = words[words.len() - 1];
    head.chars()
        .all(|c| c.is_ascii_lowercase() || c == '-')
        .then(|| head.to_string())
}

/// Whether a person's role opens an apposition right after the name ending at `end`, with no
/// article ("Zorbo Pell, CEO of Acme, said", "Zorbo, co-founder at Acme, …").
fn apposed_role(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(", ")) else {
        return false;
    };
    let role_end = rest
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(rest.len());
    PERSON_ROLES.contains(&rest[..role_end].to_lowercase())
        && [" of ", " at ", ",", "."]
            .iter()
            .any(|w| rest[role_end..].starts_with(w))
}

/// Whether an organisation's noun is in apposition right after the name ending at `end`
/// ("Zorb, a token analytics platform, …"): the model's path asks this before it may drop the
/// name as no name at all.
pub(super) fn apposed_organisation(text: &str, end: usize) -> bool {
    apposed_noun(text, end).is_some_and(|n| super::words::ORG_NOUNS.contains(n.as_str()))
}

/// Whether a firm's phrase comes right before the name at `start` ("audited by Zorb").
pub(super) fn firm_phrase_before(text: &str, start: usize) -> bool {
    ends_with_phrase(text, start, &FIRM_PHRASES)
}

/// A name the model typed, with an organisation's noun or a person's role in apposition after
/// one of its mentions, is that kind at every mention.
fn apposed_nouns(text: &str, found: &mut [Candidate]) {
    let mut kinds: FxHashMap<String, EntityKind> = FxHashMap::default();
    for c in found.iter() {
        if c.source != Source::Model || c.kind == EntityKind::Location {
            continue;
        }
        if apposed_role(text, c.end) {
            kinds.insert(c.canonical.clone(), EntityKind::Person);
            continue;
        }
        let Some(noun) = apposed_noun(text, c.end) else {
            continue;
        };
        if super::words::ORG_NOUNS.contains(noun.as_str()) {
            kinds.insert(c.canonical.clone(), EntityKind::Organization);
        } else if PERSON_ROLES.contains(&noun) {
            kinds.insert(c.canonical.clone(), EntityKind::Person);
        }
    }
    if kinds.is_empty() {
        return;
    }
    for c in found.iter_mut() {
        if c.source == Source::Model
            && let Some(&kind) = kinds.get(&c.canonical)
        {
            c.kind = kind;
        }
    }
}

/// "Acme Screener" in a credit line, "ACME Screener" as a firm in the text: one firm. Not a
/// name of one word: a token in capitals is often named after a person ("ANA" and "Ana").
fn other_case_of_a_firm(found: &mut [Candidate]) {
    let firms: FxHashSet<String> = found
        .iter()
        .filter(|c| c.kind == EntityKind::Organization && c.canonical.contains(' '))
        .map(|c| c.canonical.to_lowercase())
        .collect();
    for c in found.iter_mut() {
        if c.source == Source::Model
            && c.kind == EntityKind::Person
            && firms.contains(&c.canonical.to_lowercase())
        {
            c.kind = EntityKind::Organization;
        }
    }
}

/// Whether the text before `start` ends, on its line and after a word boundary, with one of
/// `phrases` (each ending in a space), in any case.
fn ends_with_phrase(text: &str, start: usize, phrases: &Phrases) -> bool {
    let b = text.as_bytes();
    if start < 2
        || b[start - 1] != b' '
        || !phrases.before_space[usize::from(b[start - 2].to_ascii_lowercase())]
    {
        return false;
    }
    let line = &text[crate::text::line_start(text, start)..start];
    phrases.list.iter().any(|p| {
        line.len() >= p.len()
            && line.is_char_boundary(line.len() - p.len())
            && line[line.len() - p.len()..].eq_ignore_ascii_case(p)
            && !line[..line.len() - p.len()]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    })
}

/// Whether one of `phrases` comes right before the name at `start`, or before a list it ends
/// ("reports by Acme and Zorb Labs": the list's earlier names are candidates too).
fn phrase_before(text: &str, start: usize, found: &[Candidate], phrases: &Phrases) -> bool {
    let mut at = start;
    for _ in 0..4 {
        if ends_with_phrase(text, at, phrases) {
            return true;
        }
        let before = &text[..at];
        let Some(rest) = before
            .strip_suffix(" and ")
            .or_else(|| before.strip_suffix(", "))
            .or_else(|| before.strip_suffix(", and "))
        else {
            return false;
        };
        let Some(item) = found
            .iter()
            .find(|c| c.end == rest.len() && c.end > c.start)
        else {
            return false;
        };
        at = item.start;
    }
    false
}

/// Whether an account's words come right after the name ending at `end`, then a word's end.
fn phrase_after(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    ACCOUNT_PHRASES_AFTER.iter().any(|p| {
        rest.len() >= p.len()
            && rest.is_char_boundary(p.len())
            && rest[..p.len()].eq_ignore_ascii_case(p)
            && !rest[p.len()..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
    })
}

/// "a thread by Zorbo", "pointed out by Zorbo", "as Zorbo pointed out": someone's account; "audited by Acme",
/// "reports by Acme and Zorb Labs", "researchers at Acme": a firm. A name the model typed is
/// that kind at every mention, unless its mentions say both.
fn named_by_phrase(text: &str, found: &mut [Candidate]) {
    let mut kinds: FxHashMap<String, Option<EntityKind>> = FxHashMap::default();
    for c in found.iter() {
        if c.source != Source::Model || c.kind == EntityKind::Location {
            continue;
        }
        let kind =
            if phrase_before(text, c.start, found, &ACCOUNT_PHRASES) || phrase_after(text, c.end) {
                EntityKind::Person
            } else if phrase_before(text, c.start, found, &FIRM_PHRASES) {
                EntityKind::Organization
            } else {
                continue;
            };
        kinds
            .entry(c.canonical.clone())
            .and_modify(|k| {
                if *k != Some(kind) {
                    *k = None;
                }
            })
            .or_insert(Some(kind));
    }
    for c in found.iter_mut() {
        if c.source == Source::Model
            && let Some(&Some(kind)) = kinds.get(&c.canonical)
        {
            c.kind = kind;
        }
    }
}

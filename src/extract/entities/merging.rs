//! Mentions of one name made one: generational suffixes kept, given names tied to the full
//! name, abbreviations defined in the text, and spelling variants merged.

use super::*;

/// A full name followed by a generational suffix ("John J. Ray III", "Ana Ruiz, Jr.") keeps
/// it: the suffix tells father from son.
pub(super) fn generational_suffixes(text: &str, found: &mut [Candidate]) {
    for c in found.iter_mut() {
        if c.kind != EntityKind::Person || !c.canonical.contains(' ') {
            continue;
        }
        let rest = &text[c.end..];
        let gap = if rest.starts_with(", ") { 2 } else { 1 };
        if !rest.starts_with([' ', ',']) {
            continue;
        }
        let Some(suffix) = words::NAME_SUFFIXES.iter().find(|s| {
            rest[gap..].starts_with(**s)
                && !rest[gap + s.len()..].starts_with(|ch: char| ch.is_alphanumeric())
        }) else {
            continue;
        };
        c.end += gap + suffix.len();
        c.canonical = format!("{} {suffix}", c.canonical);
    }
}

/// A person written by the given name alone ("Steve said") after the full name ("Steve
/// Weinstein") is that person: the nearest full name before it that starts with the word.
/// Only mentions already typed as people change; a given name is never proposed on its own.
pub(super) fn given_names_to_full_names(found: &mut [Candidate]) {
    // Given name -> the latest full name starting with it (mentions are in text order), so
    // each mention is one look-up, however many people the article names.
    // A first name the model typed otherwise is that person too ("Sandeep Nailwal …
    // Sandeep's vision"): the article has said who it is.
    // Unless the word also opens a firm's name there ("Huione International Payments").
    let opens_other: FxHashSet<String> = found
        .iter()
        .filter(|c| c.kind != EntityKind::Person)
        .filter_map(|c| {
            c.canonical
                .split_once(' ')
                .map(|(first, _)| first.to_string())
        })
        .collect();
    let mut latest: FxHashMap<String, String> = FxHashMap::default();
    for c in found.iter_mut() {
        if c.kind != EntityKind::Person && c.source != Source::Model {
            continue;
        }
        if let Some((first, _)) = c.canonical.split_once(' ') {
            if c.kind == EntityKind::Person {
                latest.insert(first.to_string(), c.canonical.clone());
            }
        } else if let Some(full) = latest.get(&c.canonical)
            && (c.kind == EntityKind::Person || !opens_other.contains(&c.canonical))
        {
            c.canonical = full.clone();
            c.kind = EntityKind::Person;
        }
    }
}

/// A firm written by its first word alone ("Oakwood Homes Corp … Oakwood said") is that firm,
/// though the word alone reads like a surname: the article has said what it is. Only a word
/// the model typed as a firm, or as a person when it is no given name, changes.
pub(super) fn short_forms_of_organisations(found: &mut [Candidate]) {
    let firms: FxHashMap<String, String> = found
        .iter()
        .filter(|c| c.kind == EntityKind::Organization)
        .filter_map(|c| {
            let (first, _) = c.canonical.split_once(' ')?;
            Some((first.to_string(), c.canonical.clone()))
        })
        .collect();
    if firms.is_empty() {
        return;
    }
    for c in found.iter_mut() {
        if c.source == Source::Model
            && !c.canonical.contains(' ')
            && (c.kind == EntityKind::Organization
                || c.kind == EntityKind::Person
                    && !people::GIVEN_NAMES.contains(c.canonical.as_str()))
            && let Some(firm) = firms.get(&c.canonical)
        {
            c.kind = EntityKind::Organization;
            c.canonical = firm.clone();
        }
    }
}

pub(super) static ABBREVIATION: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"[ \t]\(([A-Z][A-Za-z0-9&]{1,9})\)"));

/// Whether `abbr`'s capitals are, in order, among the capitals of `name` ("ARV" for "Ana
/// Ruiz-Vega", "KISA" for "Korea Internet & Security Agency").
pub(super) fn abbreviates(abbr: &str, name: &str) -> bool {
    let mut caps = name.chars().filter(|c| c.is_uppercase());
    let wanted: Vec<char> = abbr.chars().filter(|c| c.is_uppercase()).collect();
    wanted.len() >= 2 && wanted.iter().all(|w| caps.any(|c| c == *w))
}

/// Whether each word of a place's name gives, in order, letters of `abbr` starting with its
/// initial ("DMZ" for "Demilitarized Zone").
fn abbreviates_letters(abbr: &str, name: &str) -> bool {
    let mut wanted = abbr.chars().map(|c| c.to_ascii_lowercase()).peekable();
    for word in name.split(' ') {
        let mut letters = word.chars().map(|c| c.to_ascii_lowercase());
        if letters.next() != wanted.next() {
            return false;
        }
        for l in letters {
            if wanted.peek() == Some(&l) && wanted.clone().count() > 1 {
                wanted.next();
            }
        }
    }
    abbr.len() >= 2 && wanted.next().is_none()
}

/// "Ana Ruiz-Vega (ARV)": the abbreviation the text defines stands for the name everywhere in
/// the article.
pub(super) fn defined_abbreviations(text: &str, found: &mut Vec<Candidate>) {
    let Some(re) = ABBREVIATION.as_ref() else {
        return;
    };
    let mut defined: Vec<(&str, Candidate)> = Vec::new();
    for caps in re.captures_iter(text) {
        let (Some(all), Some(abbr)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let owner = found.iter().find(|c| {
            c.end == all.start()
                // A place of several words defines its abbreviation too ("the Demilitarized
                // Zone (DMZ)"); a one-word one before brackets is another name's ("Singapore
                // (MAS)").
                && (c.kind != EntityKind::Location || c.canonical.contains(' '))
                && (abbreviates(abbr.as_str(), &c.canonical)
                    || c.kind == EntityKind::Location
                        && abbreviates_letters(abbr.as_str(), &c.canonical))
        });
        if let Some(o) = owner {
            defined.push((abbr.as_str(), o.clone()));
        }
    }
    for (abbr, owner) in defined {
        for (i, _) in text.match_indices(abbr) {
            let end = i + abbr.len();
            if !bounded(text, i, end) {
                continue;
            }
            if let Some(c) = found.iter_mut().find(|c| c.start == i && c.end == end) {
                if c.source < Source::KnownPerson {
                    c.kind = owner.kind;
                    c.canonical = owner.canonical.clone();
                    c.parent = owner.parent.clone();
                }
            } else if !found.iter().any(|c| i < c.end && c.start < end) {
                found.push(Candidate {
                    start: i,
                    end,
                    source: Source::Model,
                    ..owner.clone()
                });
            }
        }
    }
    found.sort_by_key(|c| c.start);
}

/// How a person's or organisation's name is compared when merging variants: case, hyphens
/// and dots aside ("Ana Ruiz-Vega", "Ana Ruiz Vega", "ANA RUIZ-VEGA").
/// Built straight into one string (this runs for every mention), through [`variant_key_into`]:
/// any name that is not ASCII is lower-cased whole first (a final sigma depends on its place).
pub fn variant_key(name: &str) -> String {
    let mut key = String::new();
    variant_key_into(name, &mut key);
    key
}

/// [`variant_key`] written into `key` (cleared first): the corpus gathering keys every mention
/// and reuses one buffer. An ASCII name is read a byte at a time, with no lower-cased copy.
pub fn variant_key_into(name: &str, key: &mut String) {
    key.clear();
    if !name.is_ascii() {
        let lower = name.to_lowercase();
        let words = lower
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '.'))
            .filter(|w| !w.is_empty());
        for w in words {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(w);
        }
        return;
    }
    key.reserve(name.len());
    let mut gap = false;
    for b in name.bytes() {
        // The ASCII characters `char::is_whitespace` holds, and the hyphen and the dot.
        if matches!(b, b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | b' ' | b'-' | b'.') {
            gap = true;
        } else {
            if gap && !key.is_empty() {
                key.push(' ');
            }
            gap = false;
            key.push(char::from(b.to_ascii_lowercase()));
        }
    }
}

/// Variants of one name in an article take the first spelling's canonical name.
pub(super) fn merge_variants(found: &mut [Candidate]) {
    let mut first: FxHashMap<(EntityKind, String), String> = FxHashMap::default();
    for c in found.iter_mut() {
        if !matches!(c.kind, EntityKind::Person | EntityKind::Organization) {
            continue;
        }
        let canon = first
            .entry((c.kind, variant_key(&c.canonical)))
            .or_insert_with(|| c.canonical.clone());
        c.canonical = canon.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::variant_key;

    /// The definition the one-string build must keep.
    fn key_by_words(name: &str) -> String {
        name.to_lowercase()
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '.'))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn spellings_of_one_name_share_a_key() {
        for name in [
            "Ana Ruiz-Vega",
            "Ana Ruiz Vega",
            "ANA RUIZ-VEGA",
            " ana  ruiz.vega. ",
        ] {
            assert_eq!(variant_key(name), "ana ruiz vega", "{name:?}");
        }
        assert_eq!(variant_key("ΟΔΥΣΣΕΑΣ Ruiz"), "οδυσσεας ruiz");
        assert_ne!(variant_key("Ana Ruiz"), variant_key("Ana Ruizvega"));
    }

    proptest::proptest! {
        #[test]
        fn the_key_is_the_definition_on_any_name(name in "[aZ \t\u{b}\r\n.‐–ΣσÉé\u{a0}\u{2003}0_-]{0,16}") {
            proptest::prop_assert_eq!(variant_key(&name), key_by_words(&name));
        }
    }
}

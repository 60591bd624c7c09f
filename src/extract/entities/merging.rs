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
    fn first_word(c: &Candidate) -> Option<&str> {
        c.canonical.split_once(' ').map(|(first, _)| first)
    }
    // Given name -> the latest full name starting with it (mentions are in text order), so
    // each mention is one look-up, however many people the article names. The names are
    // borrowed, and read back by index once the mentions to rename are known (a full name is
    // never one of them).
    // A first name the model typed otherwise is that person too ("Sandeep Nailwal …
    // Sandeep's vision"): the article has said who it is.
    // Unless the word also opens a firm's name there ("Huione International Payments").
    let opens_other: FxHashSet<&str> = found
        .iter()
        .filter(|c| c.kind != EntityKind::Person)
        .filter_map(first_word)
        .collect();
    let mut latest: FxHashMap<&str, usize> = FxHashMap::default();
    let mut named: Vec<(usize, usize)> = Vec::new();
    for (i, c) in found.iter().enumerate() {
        if c.kind != EntityKind::Person && c.source != Source::Model {
            continue;
        }
        if let Some(first) = first_word(c) {
            if c.kind == EntityKind::Person {
                latest.insert(first, i);
            }
        } else if let Some(&full) = latest.get(c.canonical.as_str())
            && (c.kind == EntityKind::Person || !opens_other.contains(c.canonical.as_str()))
        {
            named.push((i, full));
        }
    }
    for (i, full) in named {
        let canonical = found[full].canonical.clone();
        let c = &mut found[i];
        c.canonical = canonical;
        c.kind = EntityKind::Person;
    }
}

/// A firm written by its first word alone ("Oakwood Homes Corp … Oakwood said") is that firm,
/// though the word alone reads like a surname: the article has said what it is. Only a word
/// the model typed as a firm, or as a person when it is no given name, changes.
pub(super) fn short_forms_of_organisations(found: &mut [Candidate]) {
    // First word -> the last firm's name it opens, borrowed and read back by index (a firm's
    // name is never one of the words renamed).
    let firms: FxHashMap<&str, usize> = found
        .iter()
        .enumerate()
        .filter(|(_, c)| c.kind == EntityKind::Organization)
        .filter_map(|(i, c)| {
            let (first, _) = c.canonical.split_once(' ')?;
            Some((first, i))
        })
        .collect();
    if firms.is_empty() {
        return;
    }
    let named: Vec<(usize, usize)> = found
        .iter()
        .enumerate()
        .filter(|(_, c)| {
            c.source == Source::Model
                && !c.canonical.contains(' ')
                && (c.kind == EntityKind::Organization
                    || c.kind == EntityKind::Person
                        && !people::GIVEN_NAMES.contains(c.canonical.as_str()))
        })
        .filter_map(|(i, c)| firms.get(c.canonical.as_str()).map(|&firm| (i, firm)))
        .collect();
    for (i, firm) in named {
        let canonical = found[firm].canonical.clone();
        let c = &mut found[i];
        c.kind = EntityKind::Organization;
        c.canonical = canonical;
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
/// and reuses one buffer.
pub fn variant_key_into(name: &str, key: &mut String) {
    key.clear();
    push_variant_key(name, key);
}

/// [`variant_key`] appended to `key`. An ASCII name is copied a word at a time and lower-cased
/// in place, with no lower-cased copy.
fn push_variant_key(name: &str, key: &mut String) {
    let from = key.len();
    if !name.is_ascii() {
        let lower = name.to_lowercase();
        let words = lower
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '.'))
            .filter(|w| !w.is_empty());
        for w in words {
            if key.len() > from {
                key.push(' ');
            }
            key.push_str(w);
        }
        return;
    }
    key.reserve(name.len());
    let mut word = 0;
    for (i, b) in name.bytes().enumerate().chain([(name.len(), b' ')]) {
        if key_break(b) {
            if word < i {
                if key.len() > from {
                    key.push(' ');
                }
                key.push_str(&name[word..i]);
            }
            word = i + 1;
        }
    }
    key[from..].make_ascii_lowercase();
}

/// The bytes that part a name's words in its key, as bits (all are below 64): the ASCII white
/// space ([`crate::text::is_ascii_space`]), the hyphen and the dot.
const KEY_BREAKS: u64 = {
    let mut bits = 0u64;
    let mut b = 0;
    while b < 64 {
        if crate::text::is_ascii_space(b) || b == b'-' || b == b'.' {
            bits |= 1 << b;
        }
        b += 1;
    }
    bits
};

/// Whether `b` parts a name's words in its key ([`KEY_BREAKS`]): one bit test a byte, as the
/// one pattern it stands for compiled to (two tests joined cost the keys a fifth more).
#[inline]
fn key_break(b: u8) -> bool {
    b < 64 && KEY_BREAKS >> b & 1 == 1
}

/// Variants of one name in an article take the first spelling's canonical name.
/// The keys are written into one string first, so that the map borrows them and the first
/// spelling is read back by index.
pub(super) fn merge_variants(found: &mut [Candidate]) {
    let merged = |c: &Candidate| matches!(c.kind, EntityKind::Person | EntityKind::Organization);
    let mut keys = String::with_capacity(found.iter().map(|c| c.canonical.len()).sum());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(found.len());
    for c in found.iter() {
        let from = keys.len();
        if merged(c) {
            push_variant_key(&c.canonical, &mut keys);
        }
        spans.push((from, keys.len()));
    }
    let mut first: FxHashMap<(EntityKind, &str), usize> = FxHashMap::default();
    for (i, &(from, to)) in spans.iter().enumerate() {
        if !merged(&found[i]) {
            continue;
        }
        let at = *first.entry((found[i].kind, &keys[from..to])).or_insert(i);
        if found[at].canonical != found[i].canonical {
            let canonical = found[at].canonical.clone();
            found[i].canonical = canonical;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{
        Candidate, EntityKind, FxHashMap, Source, key_break, merge_variants, push_variant_key,
        variant_key,
    };

    /// The definition the one-string build must keep.
    fn key_by_words(name: &str) -> String {
        name.to_lowercase()
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '.'))
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn a_key_break_is_an_ascii_white_space_a_hyphen_or_a_dot() {
        for b in 0..=u8::MAX {
            let parts = b.is_ascii() && char::from(b).is_whitespace() || matches!(b, b'-' | b'.');
            assert_eq!(key_break(b), parts, "{b:#x}");
        }
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

    /// [`merge_variants`] as it was before the keys were borrowed: each name's key an owned
    /// string mapped to the first spelling, copied into every mention. The definition.
    fn merge_variants_owned(found: &mut [Candidate]) {
        let mut first: FxHashMap<(EntityKind, String), String> = FxHashMap::default();
        for c in found.iter_mut() {
            if !matches!(c.kind, EntityKind::Person | EntityKind::Organization) {
                continue;
            }
            let canon = first
                .entry((c.kind, key_by_words(&c.canonical)))
                .or_insert_with(|| c.canonical.clone());
            c.canonical = canon.clone();
        }
    }

    proptest::proptest! {
        #[test]
        fn merging_over_borrowed_keys_is_the_definition(
            names in proptest::collection::vec(
                (0usize..3, "(Ana|ANA|ana|Ruiz|RUIZ|Vega|Zoë|ZOË|Σίσυφος|ΣΊΣΥΦΟΣ)([ .\t-]{1,2}(Ruiz|ruiz|Vega|VEGA|J\\.|Ö|ö|Σ))?[ .-]?"),
                0..12,
            )
        ) {
            let kinds = [EntityKind::Person, EntityKind::Organization, EntityKind::Location];
            let found: Vec<Candidate> = names
                .iter()
                .enumerate()
                .map(|(i, (k, name))| Candidate {
                    start: i,
                    end: i + 1,
                    kind: kinds[*k],
                    canonical: name.clone(),
                    parent: None,
                    source: Source::Model,
                })
                .collect();
            let (mut ours, mut owned) = (found.clone(), found);
            merge_variants(&mut ours);
            merge_variants_owned(&mut owned);
            let canonical = |f: &[Candidate]| f.iter().map(|c| c.canonical.clone()).collect::<Vec<_>>();
            proptest::prop_assert_eq!(canonical(&ours), canonical(&owned));
        }

        #[test]
        fn the_key_is_the_definition_on_any_name(name in "[aZ \t\u{b}\r\n.‐–ΣσÉé\u{a0}\u{2003}0_-]{0,16}") {
            proptest::prop_assert_eq!(variant_key(&name), key_by_words(&name));
        }

        #[test]
        fn keys_appended_are_each_name_s_key(
            a in "[aZ \t.ΣÉ\u{a0}-]{0,12}",
            b in "[aZ \t.ΣÉ\u{a0}-]{0,12}",
        ) {
            let mut keys = String::new();
            push_variant_key(&a, &mut keys);
            push_variant_key(&b, &mut keys);
            proptest::prop_assert_eq!(keys, key_by_words(&a) + &key_by_words(&b));
        }
    }
}

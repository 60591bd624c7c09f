//! People, organisations, places and threat actors.
//!
//! Every gazetteer name (threat actors, organisations, known people, places) goes into ONE
//! case-sensitive Aho-Corasick automaton, run once per article; a few regexes add people and
//! organisations from their context. Candidates are then resolved so that mentions never overlap
//! (longest wins, then the more specific gazetteer), and surnames are tied to the full name the
//! article gives ("Demers" → "John Demers").

pub mod gazetteer;
pub mod organizations;
pub mod people;
pub mod places;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex::Regex;

use crate::corpus::Article;
use crate::text::ByteToChar;

use super::{EntityKind, EntityMention};

pub use gazetteer::{ThreatActor, derive_gazetteer};

/// What a gazetteer name resolves to.
#[derive(Clone, Debug)]
struct Target {
    kind: EntityKind,
    canonical: String,
    parent: Option<String>,
    /// A capital that may stand for its state: (country) when not used as a place.
    metonym_of: Option<String>,
    /// A place name that is also a first or last name ("Jordan", "Chad"): skipped next to
    /// another capitalised word.
    name_like: bool,
}

/// Ranks overlapping candidates of the same length: the more specific source wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Source {
    Surname = 0,
    PersonPattern = 1,
    OrgPattern = 2,
    Place = 3,
    KnownPerson = 4,
    Organization = 5,
    ThreatActor = 6,
}

struct Gazetteer {
    automaton: Option<AhoCorasick>,
    /// Per automaton pattern: target index and source.
    patterns: Vec<(usize, Source)>,
    targets: Vec<Target>,
    not_name: HashSet<String>,
}

/// Place names that are also common given names or surnames.
const NAME_LIKE_PLACES: &[&str] = &[
    "Jordan",
    "Chad",
    "Georgia",
    "Israel",
    "Victoria",
    "Washington",
    "Lincoln",
    "Kent",
    "Austin",
    "Charlotte",
    "Sydney",
    "Florence",
    "Paris",
    "Chelsea",
    "Jersey",
    "Virginia",
    "Lima",
];

static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build_gazetteer);

fn build_gazetteer() -> Gazetteer {
    let mut targets: Vec<Target> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut patterns: Vec<(usize, Source)> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    let mut add = |names: &mut Vec<String>, name: &str, target: usize, source: Source| {
        if name.is_empty() || !seen.insert(name.to_string()) {
            return;
        }
        names.push(name.to_string());
        patterns.push((target, source));
    };

    // A threat-actor name that is also a place ("Beijing") is the place.
    let place_names: HashSet<&str> = places::PLACES
        .iter()
        .flat_map(|p| {
            std::iter::once(&p.canonical)
                .chain(&p.aliases)
                .chain(&p.demonyms)
        })
        .map(String::as_str)
        .collect();
    for a in gazetteer::THREAT_ACTORS.iter() {
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::ThreatActor,
            canonical: a.name.clone(),
            parent: a.parent.clone(),
            metonym_of: None,
            name_like: false,
        });
        for n in std::iter::once(&a.name).chain(&a.synonyms) {
            if !gazetteer::is_matchable(n) || place_names.contains(n.as_str()) {
                continue;
            }
            for v in case_variants(n) {
                add(&mut names, &v, t, Source::ThreatActor);
            }
        }
    }
    for (canon, aliases) in organizations::KNOWN {
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::Organization,
            canonical: canon.to_string(),
            parent: None,
            metonym_of: None,
            name_like: false,
        });
        for n in std::iter::once(canon).chain(aliases.iter()) {
            add(&mut names, n, t, Source::Organization);
            if let Some(rest) = n.strip_prefix("The ") {
                add(&mut names, rest, t, Source::Organization);
            }
        }
    }
    for (canon, aliases) in people::KNOWN {
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::Person,
            canonical: canon.to_string(),
            parent: None,
            metonym_of: None,
            name_like: false,
        });
        for n in std::iter::once(canon).chain(aliases.iter()) {
            add(&mut names, n, t, Source::KnownPerson);
        }
    }
    let mut place_words: Vec<String> = Vec::new();
    for p in places::PLACES.iter() {
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::Location,
            canonical: p.canonical.clone(),
            parent: None,
            metonym_of: p.metonym_of.clone(),
            name_like: NAME_LIKE_PLACES.contains(&p.canonical.as_str()),
        });
        for n in std::iter::once(&p.canonical)
            .chain(&p.aliases)
            .chain(&p.demonyms)
        {
            add(&mut names, n, t, Source::Place);
            place_words.extend(n.split(' ').map(String::from));
        }
        // The country behind a capital's metonym needs its own target.
        if let Some(country) = &p.metonym_of {
            targets[t].metonym_of = Some(country.clone());
        }
    }

    let mut extra: Vec<String> = place_words
        .into_iter()
        .filter(|w| {
            !people::KNOWN
                .iter()
                .any(|(k, _)| k.split(' ').any(|x| x == w))
        })
        .collect();
    for (canon, aliases) in organizations::KNOWN {
        for n in std::iter::once(canon).chain(aliases.iter()) {
            if !n.contains(' ') {
                extra.push(n.to_string());
            }
        }
    }
    extra.extend(organizations::suffix_words().map(String::from));
    extra.extend(people::title_words().map(String::from));
    let automaton = AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::DFA))
        .build(&names)
        .ok();
    Gazetteer {
        automaton,
        patterns,
        targets,
        not_name: people::not_name_set(extra),
    }
}

/// The spellings a threat-actor name is written in: as given, and for multi-word names also
/// in capitals ("HIDDEN COBRA") and title case ("Hidden Cobra").
fn case_variants(name: &str) -> Vec<String> {
    let mut v = vec![name.to_string()];
    if name.contains(' ') {
        let upper = name.to_uppercase();
        let title: String = name
            .split(' ')
            .map(|w| {
                let mut c = w.chars();
                match c.next() {
                    Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                    None => String::new(),
                }
            })
            .collect::<Vec<_>>()
            .join(" ");
        for x in [upper, title] {
            if !v.contains(&x) {
                v.push(x);
            }
        }
    } else if name.chars().count() > 5 && name.chars().any(|c| c.is_lowercase()) {
        v.push(name.to_uppercase());
    }
    v
}

/// A resolved candidate, in byte offsets.
#[derive(Clone, Debug)]
struct Candidate {
    start: usize,
    end: usize,
    kind: EntityKind,
    canonical: String,
    parent: Option<String>,
    source: Source,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Whether `text[start..end]` stands as whole words (and is not part of a URL or handle).
fn bounded(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..].chars().next();
    let last = text[..end].chars().next_back();
    if before.is_some_and(is_word_char) && first.is_some_and(is_word_char) {
        return false;
    }
    // "U.S." ends on a dot: the next character may be anything but a word character.
    if after.is_some_and(is_word_char) && last.is_some_and(is_word_char) {
        return false;
    }
    if matches!(before, Some('@' | '/' | '#')) {
        return false;
    }
    // "p.dw.com", "Crypto.com": a dot glued to a word before is a domain, not a sentence end.
    let glued_dot = before == Some('.') && text[..start - 1].ends_with(char::is_alphanumeric);
    !glued_dot
}

/// The word right before and right after the span, when separated by one space only.
fn neighbours(text: &str, start: usize, end: usize) -> (&str, &str) {
    let prev = text[..start]
        .strip_suffix(' ')
        .map(|b| {
            b.rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("")
        })
        .unwrap_or("");
    let next = text[end..]
        .strip_prefix(' ')
        .map(|a| a.split(|c: char| !c.is_alphanumeric()).next().unwrap_or(""))
        .unwrap_or("");
    (prev, next)
}

/// Whether a capitalised word touches the span (then "Jordan" is someone's name).
fn next_to_capitalised(text: &str, start: usize, end: usize) -> bool {
    let (prev, next) = neighbours(text, start, end);
    prev.starts_with(char::is_uppercase) || next.starts_with(char::is_uppercase)
}

fn gazetteer_candidates(text: &str, g: &Gazetteer, out: &mut Vec<Candidate>) {
    let Some(ac) = &g.automaton else { return };
    for m in ac.find_overlapping_iter(text) {
        let (start, end) = (m.start(), m.end());
        if !bounded(text, start, end) {
            continue;
        }
        let (ti, source) = g.patterns[m.pattern().as_usize()];
        let t = &g.targets[ti];
        if t.name_like && next_to_capitalised(text, start, end) {
            continue;
        }
        let canonical = match &t.metonym_of {
            Some(country) if !places::used_as_place(text, start, end) => country.clone(),
            _ => t.canonical.clone(),
        };
        out.push(Candidate {
            start,
            end,
            kind: t.kind,
            canonical,
            parent: t.parent.clone(),
            source,
        });
    }
}

fn person_candidates(text: &str, g: &Gazetteer, out: &mut Vec<Candidate>) {
    if let Some(re) = people::NAME_RUN.as_ref() {
        for m in re.find_iter(text) {
            if let Some((s, e)) = people::given_name_person(m.as_str(), &g.not_name) {
                let (start, end) = (m.start() + s, m.start() + e);
                out.push(Candidate {
                    start,
                    end,
                    kind: EntityKind::Person,
                    canonical: text[start..end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" "),
                    parent: None,
                    source: Source::PersonPattern,
                });
            }
        }
    }
    for (re, single) in people::PATTERNS.iter() {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.name("name") else { continue };
            let Some((s, e)) = people::clean_name(m.as_str(), &g.not_name) else {
                continue;
            };
            let (start, end) = (m.start() + s, m.start() + e);
            let name = &text[start..end];
            if !*single && !name.contains(' ') {
                continue;
            }
            out.push(Candidate {
                start,
                end,
                kind: EntityKind::Person,
                canonical: name.split_whitespace().collect::<Vec<_>>().join(" "),
                parent: None,
                source: Source::PersonPattern,
            });
        }
    }
}

/// Words that open a sentence or a caption rather than a name.
const ORG_LEADERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "Read",
    "Watch",
    "More",
    "Share",
    "Both",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "This",
    "That",
    "When",
    "While",
    "As",
    "By",
    "With",
    "From",
    "To",
    "Of",
    "After",
    "Before",
    "Meanwhile",
    "However",
    "Former",
];

/// Words that alone do not make an organisation's name specific ("National Association").
const ORG_GENERIC: &[&str] = &[
    "US",
    "UK",
    "EU",
    "International",
    "National",
    "Internet",
    "European",
    "American",
    "British",
    "Global",
    "World",
    "General",
    "Central",
    "Federal",
    "State",
    "Hour",
    "New",
    "Bad",
    "Good",
    "Big",
    "Great",
    "Old",
    "First",
    "Other",
    "Local",
    "Private",
    "Public",
    "Some",
];

fn org_candidates(text: &str, out: &mut Vec<Candidate>) {
    let Some(re) = organizations::PATTERN.as_ref() else {
        return;
    };
    for m in re.find_iter(text) {
        let mut rest = m.as_str();
        while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
            if !ORG_LEADERS.contains(&first) {
                break;
            }
            rest = tail.trim_start();
        }
        // A "The" inside cuts a headline fragment off ("Rekt II The Ronin Network").
        if let Some(i) = rest.rfind(" The ") {
            rest = &rest[i + 5..];
        }
        let start = m.end() - rest.len();
        let words: Vec<&str> = rest.split_whitespace().collect();
        if words.len() < 2
            || words[..words.len() - 1]
                .iter()
                .all(|w| ORG_GENERIC.contains(w))
        {
            continue; // only the organisation word, or generic words before it
        }
        out.push(Candidate {
            start,
            end: m.end(),
            kind: EntityKind::Organization,
            canonical: rest.split_whitespace().collect::<Vec<_>>().join(" "),
            parent: None,
            source: Source::OrgPattern,
        });
    }
}

static CAPITALISED: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"(?-u:\b)[A-Z][a-z]+(?:-[a-z]+)?(?-u:\b)"));

/// Compiles a pattern with a lazy-DFA cache large enough for the long alternations used here
/// (the default one thrashes on them and costs half the throughput).
pub(crate) fn compile(pattern: &str) -> Option<Regex> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(32 << 20)
        .build()
        .ok()
}

/// Short forms of the article's full person names: last word ("Demers"), and for names in
/// East Asian order the family name first ("Kim" for "Kim Jong Un", "Moon" for "Moon Jae-in").
fn surname_candidates(text: &str, people_found: &[Candidate], out: &mut Vec<Candidate>) {
    let mut short: HashMap<&str, Vec<(usize, &str)>> = HashMap::new();
    for p in people_found {
        let words: Vec<&str> = p.canonical.split(' ').collect();
        if words.len() < 2 {
            continue;
        }
        let mut forms = vec![words[words.len() - 1]];
        if words.len() >= 3 || words[1].contains('-') {
            forms.push(words[0]);
        }
        for f in forms {
            if f.chars().count() >= 2 && !f.ends_with('.') {
                short.entry(f).or_default().push((p.start, &p.canonical));
            }
        }
    }
    if short.is_empty() {
        return;
    }
    let Some(re) = CAPITALISED.as_ref() else {
        return;
    };
    for m in re.find_iter(text) {
        let Some(owners) = short.get(m.as_str()) else {
            continue;
        };
        // The nearest full name before the mention, else the first one after it.
        let before = owners
            .iter()
            .filter(|(s, _)| *s <= m.start())
            .max_by_key(|(s, _)| *s);
        let chosen = before.or_else(|| owners.iter().min_by_key(|(s, _)| *s));
        let Some((_, canonical)) = chosen else {
            continue;
        };
        out.push(Candidate {
            start: m.start(),
            end: m.end(),
            kind: EntityKind::Person,
            canonical: canonical.to_string(),
            parent: None,
            source: Source::Surname,
        });
    }
}

/// Keeps non-overlapping candidates: longest first, then the more specific source. A pattern's
/// span that swallows a known name ("North Korea's Lazarus Group") gives way to it.
fn resolve(c: Vec<Candidate>) -> Vec<Candidate> {
    let known = |x: &Candidate| x.source >= Source::KnownPerson;
    let mut c: Vec<Candidate> = c
        .iter()
        .filter(|x| {
            known(x)
                || !c.iter().any(|k| {
                    known(k)
                        && x.start <= k.start
                        && k.end <= x.end
                        && k.end - k.start < x.end - x.start
                })
        })
        .cloned()
        .collect();
    c.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.source.cmp(&a.source))
            .then(a.start.cmp(&b.start))
    });
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let mut out = Vec::new();
    for x in c {
        if taken.iter().any(|&(s, e)| x.start < e && s < x.end) {
            continue;
        }
        taken.push((x.start, x.end));
        out.push(x);
    }
    out.sort_by_key(|x| x.start);
    out
}

/// Finds every entity mention of an article, resolved to canonical names.
pub fn find(article: &Article) -> Vec<EntityMention> {
    let text = article.text.as_str();
    let g = &*GAZETTEER;
    let mut cands = Vec::new();
    gazetteer_candidates(text, g, &mut cands);
    person_candidates(text, g, &mut cands);
    org_candidates(text, &mut cands);
    let mut found = resolve(cands);

    // Single-word people ("President Trump") take the article's full name when there is one.
    let full: Vec<Candidate> = found
        .iter()
        .filter(|c| c.kind == EntityKind::Person && c.canonical.contains(' '))
        .cloned()
        .collect();
    let mut shorts = Vec::new();
    surname_candidates(text, &full, &mut shorts);
    if !shorts.is_empty() {
        for c in found.iter_mut() {
            if c.kind == EntityKind::Person
                && !c.canonical.contains(' ')
                && let Some(s) = shorts.iter().find(|s| s.start == c.start && s.end == c.end)
            {
                c.canonical = s.canonical.clone();
            }
        }
        found.extend(shorts);
        found = resolve(found);
    }

    let mut to_char = ByteToChar::new(text);
    found
        .into_iter()
        .map(|c| EntityMention {
            kind: c.kind,
            canonical: c.canonical,
            parent: c.parent,
            surface: text[c.start..c.end].to_string(),
            start: to_char.get(c.start),
            end: to_char.get(c.end),
        })
        .collect()
}

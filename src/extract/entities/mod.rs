//! People, organisations, places and threat actors.
//!
//! Every gazetteer name (threat actors, organisations, known people, places) goes into ONE
//! case-sensitive Aho-Corasick automaton, run once per article; a few regexes add people and
//! organisations from their context. Candidates are then resolved so that mentions never overlap
//! (longest wins, then the more specific gazetteer), and surnames are tied to the full name the
//! article gives ("Demers" → "John Demers").

mod automaton;
pub mod candidates;
mod credits;
mod domains;
pub mod gazetteer;
mod handles;
pub mod model;
pub mod organizations;
pub mod people;
pub mod places;
pub mod roles;
mod speakers;
pub mod words;

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use crate::corpus::Article;
use crate::text::ByteToChar;

use super::{EntityKind, EntityMention};

use automaton::{GAZETTEER, Gazetteer, Source};
pub use gazetteer::{ThreatActor, derive_gazetteer};

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

/// Whether a capitalised word touches the span (then "Jordan" is someone's name); a sentence
/// opener before it does not count ("As Washington dismantles…").
fn next_to_capitalised(text: &str, start: usize, end: usize) -> bool {
    let (prev, next) = neighbours(text, start, end);
    prev.starts_with(char::is_uppercase) && !words::OPENERS.contains(prev)
        || next.starts_with(char::is_uppercase)
}

/// Whether a capitalised word that is no opener, title, organisation word or version follows:
/// the name goes on ("Google Drive"), where "Binance CEO", "Coinbase Exchange" and "Uniswap V3"
/// do not. Not on the title line, where every word is capitalised ("Google Unveils…").
fn names_a_product(text: &str, end: usize) -> bool {
    let (_, next) = neighbours(text, end, end);
    let title_line = !text[..end].contains('\n');
    !title_line
        && next.starts_with(char::is_uppercase)
        && !words::is_job_title(next)
        && !words::OPENERS.contains(next)
        && !words::ORG_GENERIC.contains(next)
        && !ORG_SUFFIX_WORDS.contains(next)
        && !is_version(next)
}

/// Whether a capitalised word that is no opener or title touches the span, or the span goes
/// on as a domain ("Amazon.com"): the span is then a piece of a longer name.
fn part_of_longer_name(text: &str, start: usize, end: usize) -> bool {
    let (prev, next) = neighbours(text, start, end);
    let name_word = |w: &str| w.starts_with(char::is_uppercase) && !words::is_job_title(w);
    let dotted = text[end..]
        .strip_prefix('.')
        .is_some_and(|r| r.starts_with(char::is_alphanumeric));
    dotted || name_word(next) || name_word(prev) && !words::OPENERS.contains(prev) && prev != "The"
}

/// Whether the next word is an acronym that ends the run there ("US TV network"), not a
/// name's part; a crypto word is ("Ukraine DAO").
fn before_acronym(text: &str, end: usize) -> bool {
    let (_, next) = neighbours(text, end, end);
    if next.len() < 2
        || !next.chars().all(|c| c.is_ascii_uppercase())
        || words::CRYPTO.contains(next.to_lowercase().as_str())
    {
        return false;
    }
    let rest = &text[end + 1 + next.len()..];
    !rest
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(char::is_uppercase))
}

fn gazetteer_candidates(text: &str, g: &Gazetteer, out: &mut Vec<Candidate>) {
    let Some(ac) = &g.automaton else { return };
    let first = out.len();
    let mut clubs: HashSet<&str> = HashSet::new();
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
        if t.listed && part_of_longer_name(text, start, end) {
            continue;
        }
        // "Google Drive", "Binance Smart Chain": a product named after a known firm is not
        // the firm. (A known acronym is kept: the words after it name a part of the firm,
        // "BBC Radio 4", see `extend_acronym_organisations`.)
        if t.kind == EntityKind::Organization
            && source == Source::Organization
            && !text[start..end].contains(' ')
            && text[start..end].chars().any(char::is_lowercase)
            && names_a_product(text, end)
        {
            continue;
        }
        // "Real Madrid", "Inner Mongolia Yili", "MTV Europe Awards": a one-word place inside a
        // longer name is no mention of the place ("Spanish Rafael Nadal" still is, and so is
        // a place before an acronym: "US TV network", "the Brussels IAAF race").
        if t.kind == EntityKind::Location
            && !text[start..end].contains(' ')
            && !g.demonyms.contains(&text[start..end])
            && part_of_longer_name(text, start, end)
            && !before_acronym(text, end)
        {
            continue;
        }
        // "Cairo contracts": a programming language or product named after a place.
        if t.kind == EntityKind::Location
            && !text[start..end].contains(' ')
            && not_place_here(text, start, end)
        {
            continue;
        }
        // A capital standing for its state is the country; used as a place, it is the city
        // under its country.
        let (canonical, parent) = match &t.metonym_of {
            Some(country) if !places::used_as_place(text, start, end) => (country.clone(), None),
            _ => (t.canonical.clone(), t.parent.clone()),
        };
        // "Newcastle have joined the race", "Chelsea winger": the town's club.
        let (before, after) = neighbours(text, start, end);
        let club = t.kind == EntityKind::Location
            && t.parent.is_some()
            && t.metonym_of.is_none()
            && (words::CLUB_CUES.contains(after) || words::CLUB_OPPONENT_CUES.contains(before));
        if club {
            clubs.insert(&text[start..end]);
        }
        out.push(Candidate {
            start,
            end,
            kind: t.kind,
            canonical,
            parent,
            source,
        });
    }
    // A town the article writes as its club once is the club on every mention there.
    if !clubs.is_empty() {
        for c in out.iter_mut().skip(first) {
            if c.kind == EntityKind::Location && clubs.contains(&text[c.start..c.end]) {
                c.kind = EntityKind::Organization;
                c.canonical = text[c.start..c.end].to_string();
                c.parent = None;
            }
        }
    }
    actors_need_context(text, out);
}

/// Whether the word after a place name makes it a language or product ("Cairo code").
fn not_place_here(text: &str, start: usize, end: usize) -> bool {
    let (_, next) = neighbours(text, start, end);
    words::NOT_PLACE_AFTER.contains(next.to_lowercase().as_str())
}

/// Whether an actor alias is one that ordinary text also uses: one word without a digit
/// ("Lazarus", or an alias that is also a protocol's or product's name), unlike "APT38".
fn ordinary_alias(surface: &str) -> bool {
    !surface.contains(char::is_whitespace) && !surface.chars().any(|c| c.is_ascii_digit())
}

/// Whether the words around `start..end` (about a sentence either side) speak of attackers,
/// hackers, a group or attribution.
fn actor_cue_near(text: &str, start: usize, end: usize) -> bool {
    const REACH: usize = 160;
    let mut from = start.saturating_sub(REACH);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    [&text[from..start], &text[end..to]].iter().any(|side| {
        side.split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| !w.is_empty() && words::is_actor_cue(&w.to_lowercase()))
    })
}

/// The word a text opens with, hyphens kept ("co-founder").
fn leading_word(text: &str) -> &str {
    let len = text
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .unwrap_or(text.len());
    &text[..len]
}

/// Whether a job title and a capitalised name follow the span, possibly after a possessive
/// ("Acme CEO Ana Ruiz", "Acme’s co-founder, Ana"): the span is who employs them.
fn heads_a_titled_person(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let rest = ["'s ", "’s ", " "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or("");
    let title_len = leading_word(rest).len();
    let title = rest[..title_len].to_lowercase();
    if title.is_empty() || !(words::JOB_TITLES_LOWER.contains(&title) || title == "leader") {
        return false;
    }
    let after = rest[title_len..].trim_start_matches(',');
    after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(char::is_uppercase))
}

/// Whether the word after a name makes it an incident's victim ("Slerf - Rekt", "the Zorb
/// exploit", "Quindar was drained"): in a crypto story, a protocol, exchange or firm.
fn names_a_victim(text: &str, end: usize) -> bool {
    let rest = text[end..]
        .trim_start_matches(['\'', '’'])
        .trim_start_matches('s')
        .trim_start_matches([' ', '-', '–', '—']);
    let mut word = leading_word(rest).to_lowercase();
    if matches!(word.as_str(), "was" | "has" | "got" | "is" | "been" | "had") {
        let after = rest[word.len()..].trim_start_matches(' ');
        word = leading_word(after).to_lowercase();
        if word == "been" {
            word = leading_word(after[4..].trim_start_matches(' ')).to_lowercase();
        }
    }
    words::VICTIM_CUES.contains(word.as_str())
}

/// Whether a name heads a line item with an amount ("- Velo ~$76 million", "Ternoa: 13.5M CAPS
/// for…", "Balancer ($11.9M of bbeUSD)"): in a crypto story, the projects a list of losses names.
fn heads_an_amount_line(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let lead = text[line_start..start].trim_matches([' ', '\t']);
    let bullet = lead.is_empty()
        || matches!(lead, "-" | "*" | "•" | "–")
        || lead
            .strip_suffix('.')
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()));
    if !bullet {
        return false;
    }
    let rest = text[end..]
        .trim_start_matches([' ', '\t'])
        .trim_start_matches([':', '-', '–', '—', '('])
        .trim_start_matches([' ', '\t', '~', '≈']);
    rest.starts_with(|c: char| c == '$' || c.is_ascii_digit())
}

/// Whether a line item's head can name a project: no digits, no ordinary or crypto word but
/// an organisation word ("Attacker Address", "USDC Vault", "Tx1" are fields, not projects;
/// "Ocean Protocol" is one).
fn project_shaped(name: &str, not_name: &HashSet<String>) -> bool {
    !name.contains(|c: char| c.is_ascii_digit())
        && name.split(' ').all(|w| {
            let lower = w.to_lowercase();
            not_name.contains(w)
                || !words::COMMON.contains(lower.as_str())
                    && !words::CRYPTO.contains(lower.as_str())
        })
        && name.split(' ').any(|w| !not_name.contains(w))
}

/// A name the rules took for a person or a city, right after a noun saying what kind of
/// organisation follows, is that organisation: "accountancy firm Grant Thornton", "brokerage
/// Merrill Lynch", "milk firm Yili". Only the word right before counts: through a title
/// ("bank CEO Ana Ruiz") the noun speaks of someone's employer.
fn organisations_named_by_their_noun(text: &str, found: &mut [Candidate]) {
    for c in found.iter_mut() {
        let retype = match c.kind {
            EntityKind::Person => true,
            EntityKind::Location => c.parent.is_some(),
            _ => false,
        };
        // Written in lower case: "Child Support Agency Doug Smith" ends a name, not a noun.
        let noun = text[..c.start]
            .strip_suffix(' ')
            .and_then(|b| b.rsplit(' ').next())
            .unwrap_or("");
        if retype && noun.starts_with(char::is_lowercase) && words::ORG_NOUNS.contains(noun) {
            c.kind = EntityKind::Organization;
            c.canonical = text[c.start..c.end].to_string();
            c.parent = None;
        }
    }
}

/// Whether a lower-case organisation noun follows the name on its line ("the TV Guide
/// magazine", "his F4 label", "the Acme exchange").
fn followed_by_org_noun(text: &str, end: usize) -> bool {
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let noun = leading_word(rest);
    noun.starts_with(char::is_lowercase) && words::ORG_NOUNS.contains(noun)
}

/// Whether a name is specific enough for the noun after it to type it: not an ordinary or
/// crypto word at all ("Decentralised platform", "NFT marketplace"), not a short acronym ("IT
/// firm"), not a compound ("Cross-chain bridge"), not a demonym ("Asian bank").
fn specific_name(name: &str, demonyms: &HashSet<String>) -> bool {
    victim_shaped(name)
        && name.starts_with(char::is_uppercase)
        && !demonyms.contains(name)
        && !name.contains('-')
        && name.split(' ').any(|w| {
            let lower = w.to_lowercase();
            !words::COMMON.contains(lower.as_str()) && !words::CRYPTO.contains(lower.as_str())
        })
}

/// Whether a name can be a victim firm's: not a short acronym ("DEX", "PC"), a contraction
/// ("We’ve") or a thing named by a crypto word ("Banksy NFT", "Bancor LP").
fn victim_shaped(name: &str) -> bool {
    let last = name.rsplit(' ').next().unwrap_or(name).to_lowercase();
    let short_acronym = name.len() <= 3 && name.chars().all(|c| c.is_ascii_uppercase());
    let contraction = name.contains(['\'', '’']);
    let crypto_thing = name.contains(' ') && words::CRYPTO.contains(last.as_str());
    !(short_acronym || contraction || crypto_thing)
}

/// Whether a capitalised word that is not all capitals follows right after `end` ("Morpho
/// MEVCapital"; not "Lazarus APT").
fn opens_longer_name(text: &str, end: usize) -> bool {
    let (_, next) = neighbours(text, end, end);
    next.starts_with(char::is_uppercase) && next.chars().any(char::is_lowercase)
}

/// Drops an ordinary-looking actor alias unless, somewhere in the article, the text around one
/// of its mentions speaks of attackers (then every mention of it is the actor).
fn actors_need_context(text: &str, cands: &mut Vec<Candidate>) {
    let ordinary =
        |c: &Candidate| c.kind == EntityKind::ThreatActor && ordinary_alias(&text[c.start..c.end]);
    let confirmed: HashSet<String> = cands
        .iter()
        // "Morpho MEVCapital Vault": an alias that opens a longer name confirms nothing.
        .filter(|c| {
            ordinary(c) && actor_cue_near(text, c.start, c.end) && !opens_longer_name(text, c.end)
        })
        .map(|c| text[c.start..c.end].to_string())
        .collect();
    cands.retain(|c| !ordinary(c) || confirmed.contains(&text[c.start..c.end]));
}

fn person_candidates(text: &str, g: &Gazetteer, out: &mut Vec<Candidate>) {
    if let Some(re) = people::NAME_RUN.as_ref() {
        let mut at = 0;
        while let Some(m) = re.find_at(text, at) {
            // The run must start a word (the regex has no boundary before accented capitals).
            if text[..m.start()]
                .chars()
                .next_back()
                .is_some_and(is_word_char)
            {
                at = text[m.start()..]
                    .find([' ', '\t'])
                    .map_or(text.len(), |i| m.start() + i);
                continue;
            }
            at = m.end();
            let person = people::given_name_person(m.as_str(), &g.not_name, &g.demonyms)
                .or_else(|| people::after_demonym(m.as_str(), &g.not_name, &g.demonyms));
            if let Some((s, e)) = person {
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
    let named_with = [
        people::AFTER_POSSESSIVE.as_ref(),
        people::OF_COUNTRY.as_ref(),
    ];
    for re in named_with.into_iter().flatten() {
        for caps in re.captures_iter(text) {
            let Some(m) = caps.name("name") else { continue };
            let country = caps
                .name("place")
                .is_none_or(|p| people::is_country(p.as_str()));
            if country && people::possessed_name(m.as_str(), &g.not_name) {
                out.push(Candidate {
                    start: m.start(),
                    end: m.end(),
                    kind: EntityKind::Person,
                    canonical: m.as_str().split_whitespace().collect::<Vec<_>>().join(" "),
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

fn org_candidates(text: &str, out: &mut Vec<Candidate>) {
    let Some(re) = organizations::PATTERN.as_ref() else {
        return;
    };
    for m in re.find_iter(text) {
        let mut rest = m.as_str();
        while let Some((first, tail)) = rest.split_once(char::is_whitespace) {
            if !words::ORG_LEADERS.contains(first) && !words::OPENERS.contains(first) {
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
                .all(|w| words::ORG_GENERIC.contains(w))
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

/// A capitalised word, accented letters included (boundaries are checked in code).
static CAPITALISED: LazyLock<Option<Regex>> = LazyLock::new(|| {
    compile(r"[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+(?:-[A-Za-zÀ-ÖØ-öø-ÿĀ-ž][a-zß-öø-ÿĀ-ž]+)*")
});

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
    for owners in short.values_mut() {
        owners.sort_by_key(|(s, _)| *s);
    }
    let Some(re) = CAPITALISED.as_ref() else {
        return;
    };
    for m in re.find_iter(text) {
        let Some(owners) = short.get(m.as_str()) else {
            continue;
        };
        if !bounded(text, m.start(), m.end()) {
            continue;
        }
        // The nearest full name before the mention, else the first one after it.
        // (Owners are by start: a binary search, not a scan per mention.)
        let after = owners.partition_point(|(s, _)| *s <= m.start());
        let before = after.checked_sub(1).and_then(|i| owners.get(i));
        let chosen = before.or_else(|| owners.first());
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
    // Known names by start: those inside a candidate are one slice of them, so a text dense
    // with names costs n log n, not n².
    let mut known_spans: Vec<(usize, usize)> = c
        .iter()
        .filter(|k| known(k))
        .map(|k| (k.start, k.end))
        .collect();
    known_spans.sort_unstable();
    let holds_known = |x: &Candidate| {
        let from = known_spans.partition_point(|&(s, _)| s < x.start);
        known_spans[from..]
            .iter()
            .take_while(|&&(s, _)| s < x.end)
            .any(|&(s, e)| e <= x.end && e - s < x.end - x.start)
    };
    let mut c: Vec<Candidate> = c
        .into_iter()
        .filter(|x| known(x) || !holds_known(x))
        .collect();
    c.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(b.source.cmp(&a.source))
            .then(a.start.cmp(&b.start))
    });
    // Spans taken so far, by start; they never overlap, so only the last one starting before a
    // candidate's end can overlap it.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut out = Vec::new();
    for x in c {
        if taken
            .range(..x.end)
            .next_back()
            .is_some_and(|(_, &e)| x.start < e)
        {
            continue;
        }
        taken.insert(x.start, x.end);
        out.push(x);
    }
    out.sort_by_key(|x| x.start);
    out
}

/// The gazetteers' and patterns' mentions, resolved so that none overlap.
fn rule_mentions(text: &str, g: &Gazetteer) -> Vec<Candidate> {
    let mut cands = Vec::new();
    gazetteer_candidates(text, g, &mut cands);
    person_candidates(text, g, &mut cands);
    org_candidates(text, &mut cands);
    credits::handle_candidates(text, &g.folded_organisations, &mut cands);
    handles::organisation_handles(text, &g.folded_organisations, &mut cands);
    domains::domain_candidates(text, &mut cands);
    speakers::speaker_candidates(text, &mut cands);
    let mut found = resolve(cands);
    extend_acronym_organisations(text, &mut found);
    found
}

/// A known organisation written as an acronym and followed by capitalised words names a part
/// of it ("BBC World Service", "BBC Radio 4", "FTX Ventures"): the whole is the name. Job
/// titles ("FBI Director"), openers and names already found end it.
fn extend_acronym_organisations(text: &str, found: &mut [Candidate]) {
    for i in 0..found.len() {
        let c = &found[i];
        let surface = &text[c.start..c.end];
        let acronym = c.kind == EntityKind::Organization
            && c.source == Source::Organization
            && surface.len() >= 2
            && surface.chars().all(|ch| ch.is_ascii_uppercase());
        if !acronym {
            continue;
        }
        let limit = found.get(i + 1).map_or(text.len(), |n| n.start);
        let mut end = c.end;
        for _ in 0..3 {
            let Some(rest) = text[end..limit].strip_prefix(' ') else {
                break;
            };
            let word = leading_word(rest);
            let word_len = word.len();
            let name_word = word.starts_with(|ch: char| ch.is_uppercase())
                || !word.is_empty() && word.chars().all(|ch| ch.is_ascii_digit()) && end > c.end;
            if !name_word || words::is_job_title(word) || words::OPENERS.contains(word) {
                break;
            }
            end += 1 + word_len;
        }
        if end > c.end {
            let c = &mut found[i];
            c.end = end;
            c.canonical = text[c.start..end].to_string();
        }
    }
}

/// The names proposed from word shape with the features the model types them by, for training
/// the model (see `tests/entity_eval.rs`). Training sees every name, also those the rules find
/// (they teach the contexts of people and places); at run time only the rest is proposed.
pub fn proposals(article: &Article) -> Vec<candidates::Proposal> {
    candidates::propose(&article.text, &[], &GAZETTEER.not_name)
}

/// A name without its trailing version ("Uniswap" of "Uniswap V3").
fn without_version(name: &str) -> Option<&str> {
    let (base, last) = name.rsplit_once(' ')?;
    is_version(last).then_some(base)
}

/// "V3", "v2.1", "V2/V3".
fn is_version(word: &str) -> bool {
    word.split('/').all(|v| {
        v.strip_prefix(['V', 'v']).is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit())
                && n.chars().all(|c| c.is_ascii_digit() || c == '.')
        })
    })
}

/// The words that end organisations' names ("Bank", "Protocol", "Exchange").
static ORG_SUFFIX_WORDS: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| organizations::suffix_words().collect());

/// The words that end organisations' names ("Bank", "Protocol", "Films"), titles and the
/// words that are never a name's ("Chain", "Wallet").
static LONE_ORG_WORDS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    ORG_SUFFIX_WORDS
        .iter()
        .copied()
        .chain(people::title_words())
        .chain(people::NOT_NAME.iter().copied())
        .collect()
});

/// Finds every entity mention of an article, resolved to canonical names.
pub fn find(article: &Article) -> Vec<EntityMention> {
    find_with(article, &model::SHIPPED)
}

/// [`find`] with a given model for the names the rules leave unfound.
pub fn find_with(article: &Article, model: &model::Model) -> Vec<EntityMention> {
    let text = article.text.as_str();
    let g = &*GAZETTEER;
    let mut found = rule_mentions(text, g);
    organisations_named_by_their_noun(text, &mut found);
    if !model.is_empty() {
        let covered: Vec<(usize, usize)> = found.iter().map(|c| (c.start, c.end)).collect();
        let credited = credits::credit_items(text);
        let crypto = candidates::is_crypto_story(text);
        for mut p in candidates::propose(text, &covered, &g.not_name) {
            // An item of a credit line is a name by construction: the model only types it.
            let items: Vec<Option<(usize, usize)>> = p
                .spans
                .iter()
                .map(|&(s, e)| credits::whole_item(&credited, text, s, e))
                .collect();
            // "oil company Rosneft", "technology companies Dell, Samsung": the noun says it.
            // "Helius CEO Mert", "Osmosis co-founder Sunny Aggarwal": the title's employer.
            let named_org = p.spans.iter().any(|&(s, e)| {
                words::ORG_NOUNS.contains(candidates::list_anchor(text, s).as_str())
                    || words::ORG_NOUNS.contains(candidates::exemplified_noun(text, s).as_str())
                    || followed_by_org_noun(text, e) && specific_name(&p.name, &g.demonyms)
                    || heads_a_titled_person(text, e)
                        && !words::COMMON.contains(p.name.to_lowercase().as_str())
                        && !g.demonyms.contains(&p.name)
                    || crypto
                        && (names_a_victim(text, e)
                            || heads_an_amount_line(text, s, e)
                                && project_shaped(&p.name, &g.not_name))
                        && victim_shaped(&p.name)
                        && !g.demonyms.contains(&p.name)
                        // An ordinary word ("Cover") must be capitalised inside a sentence too.
                        && (!words::COMMON.contains(p.name.to_lowercase().as_str())
                            || p.spans.iter().any(|&(s, _)| !candidates::sentence_start(text, s)))
            });
            // "the community manager of Decentraland": the employer, unless the model takes it
            // for a place ("the mayor of Bucha").
            let employer = p
                .spans
                .iter()
                .any(|&(s, _)| candidates::employer_of_a_role(text, s))
                && specific_name(&p.name, &g.demonyms);
            // A lone organisation word ("Bank", "Protocol", "Films") names no one firm.
            // Nor does a word of a place's name that is also an ordinary word ("Beach", "Bay")
            // (one that is not, "Rio", may be a firm), nor a version ("V3").
            if !p.name.contains(' ')
                && (LONE_ORG_WORDS.contains(p.name.as_str())
                    || words::ORG_GENERIC.contains(p.name.as_str())
                    || g.not_name.contains(&p.name)
                        && words::COMMON.contains(p.name.to_lowercase().as_str())
                    || is_version(&p.name))
                && items.iter().all(Option::is_none)
            {
                continue;
            }
            let kind = match model.predict(&p.features) {
                _ if named_org => EntityKind::Organization,
                Some(EntityKind::Location) => EntityKind::Location,
                _ if employer => EntityKind::Organization,
                Some(kind) => kind,
                None if items.iter().any(Option::is_some) => {
                    credits::item_kind(&p.name, || model.person_or_organisation(&p.features))
                }
                None => continue,
            };
            for (span, item) in p.spans.iter_mut().zip(&items) {
                if let Some(item) = item {
                    *span = *item;
                }
            }
            if items
                .iter()
                .flatten()
                .any(|&(s, e)| text[s..e].starts_with("The "))
            {
                p.name = format!("The {}", p.name);
            }
            // "Uniswap V3", "Aave v2": a version of a firm's product is the firm in the sidebar.
            if kind == EntityKind::Organization
                && let Some(base) = without_version(&p.name)
            {
                p.name = base.to_string();
            }
            // A name the article also writes as a language or product ("Cairo code") is no place.
            if kind == EntityKind::Location
                && p.spans.iter().any(|&(s, e)| not_place_here(text, s, e))
            {
                continue;
            }
            found.extend(p.spans.iter().map(|&(start, end)| Candidate {
                start,
                end,
                kind,
                canonical: p.name.clone(),
                parent: None,
                source: Source::Model,
            }));
        }
        found.sort_by_key(|c| c.start);
    }

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
    generational_suffixes(text, &mut found);
    given_names_to_full_names(&mut found);
    defined_abbreviations(text, &mut found);
    merge_variants(&mut found);

    let mut to_char = ByteToChar::new(text);
    found
        .into_iter()
        .map(|c| EntityMention {
            role: (c.kind == EntityKind::Person)
                .then(|| roles::role_at(text, c.start, c.end))
                .flatten(),
            kind: c.kind,
            canonical: c.canonical,
            parent: c.parent,
            surface: text[c.start..c.end].to_string(),
            start: to_char.get(c.start),
            end: to_char.get(c.end),
        })
        .collect()
}

/// A full name followed by a generational suffix ("John J. Ray III", "Ana Ruiz, Jr.") keeps
/// it: the suffix tells father from son.
fn generational_suffixes(text: &str, found: &mut [Candidate]) {
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
fn given_names_to_full_names(found: &mut [Candidate]) {
    // Given name -> the latest full name starting with it (mentions are in text order), so
    // each mention is one look-up, however many people the article names.
    // A first name the model typed otherwise is that person too ("Sandeep Nailwal …
    // Sandeep's vision"): the article has said who it is.
    // Unless the word also opens a firm's name there ("Huione International Payments").
    let opens_other: HashSet<String> = found
        .iter()
        .filter(|c| c.kind != EntityKind::Person)
        .filter_map(|c| {
            c.canonical
                .split_once(' ')
                .map(|(first, _)| first.to_string())
        })
        .collect();
    let mut latest: HashMap<String, String> = HashMap::new();
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

static ABBREVIATION: LazyLock<Option<Regex>> =
    LazyLock::new(|| compile(r"[ \t]\(([A-Z][A-Za-z0-9&]{1,9})\)"));

/// Whether `abbr`'s capitals are, in order, among the capitals of `name` ("ARV" for "Ana
/// Ruiz-Vega", "KISA" for "Korea Internet & Security Agency").
fn abbreviates(abbr: &str, name: &str) -> bool {
    let mut caps = name.chars().filter(|c| c.is_uppercase());
    let wanted: Vec<char> = abbr.chars().filter(|c| c.is_uppercase()).collect();
    wanted.len() >= 2 && wanted.iter().all(|w| caps.any(|c| c == *w))
}

/// "Ana Ruiz-Vega (ARV)": the abbreviation the text defines stands for the name everywhere in
/// the article.
fn defined_abbreviations(text: &str, found: &mut Vec<Candidate>) {
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
                && c.kind != EntityKind::Location
                && abbreviates(abbr.as_str(), &c.canonical)
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
pub fn variant_key(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '.'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Variants of one name in an article take the first spelling's canonical name.
fn merge_variants(found: &mut [Candidate]) {
    let mut first: HashMap<(EntityKind, String), String> = HashMap::new();
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

//! The one case-sensitive trie over every gazetteer name (threat actors, organisations, known
//! people, places), built once and walked from each token of an article.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::letter_runs::{self, RunSet};
use super::word_starts::WordStarts;
use super::{organizations, people, places, words};
use crate::extract::EntityKind;

mod trie;
pub(super) use trie::NameTrie;

/// What a gazetteer name resolves to.
#[derive(Clone, Debug)]
pub(super) struct Target {
    pub(super) kind: EntityKind,
    pub(super) canonical: String,
    pub(super) parent: Option<String>,
    /// A capital that may stand for its state: (country) when not used as a place.
    pub(super) metonym_of: Option<String>,
    /// A place name that is also a first or last name ("Jordan", "Chad"): skipped next to
    /// another capitalised word.
    pub(super) name_like: bool,
    /// An organisation from a listed data file ("Vinci SA" as "Vinci", "Sumitomo"): skipped
    /// when it is one word of a longer name ("Roberta Vinci", "Sumitomo Mitsui").
    pub(super) listed: bool,
}

/// Ranks overlapping candidates of the same length: the more specific source wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Source {
    /// Proposed from word shape and typed by the model: gives way to everything else.
    Model = 0,
    Surname = 1,
    PersonPattern = 2,
    OrgPattern = 3,
    Place = 4,
    KnownPerson = 5,
    Organization = 6,
    ThreatActor = 7,
}

pub(super) struct Gazetteer {
    /// Every name, identified by its index in `patterns`.
    pub(super) names: NameTrie,
    /// Per name: target index and source.
    pub(super) patterns: Vec<(usize, Source)>,
    pub(super) targets: Vec<Target>,
    pub(super) not_name: FxHashSet<String>,
    /// "Cuban", "Italian": place words that may still be a surname right after a given name.
    pub(super) demonyms: FxHashSet<String>,
    /// Organisation names in compact form (lower case, letters and digits), to their canonical
    /// name: a firm credited in lower case ("slowmist") or by its handle is still the firm.
    pub(super) folded_organisations: HashMap<String, String>,
    /// The known organisations a writer's other case can name (`folded_names`).
    pub(super) folded_names: super::folded_names::Index,
    /// No name starts with white space, so every name the gazetteer keeps starts a token.
    pub(super) names_start_tokens: bool,
    /// The [`letter_runs::key`] (as written) of every name's run of ASCII letters from its
    /// first byte: a token opening with a letter is walked only when its run may be one.
    runs: RunSet,
}

pub(super) static GAZETTEER: LazyLock<Gazetteer> = LazyLock::new(build_gazetteer);

/// One gazetteer name found in a text: its byte span and its automaton pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Found {
    pub end: usize,
    pub start: usize,
    pub pattern: usize,
}

impl Gazetteer {
    /// Every name that starts where a token starts, in the order an overlapping scan of the
    /// whole text gives them (by end, then start, then pattern), but for names the gazetteer
    /// never takes ([`super::context::bounded`]). A name no token starts is inside a word, so
    /// the trie is walked from each token's first byte instead of from every byte. Nor is a
    /// name taken that a letter goes on from ("Lazarusx"), so a name that opens with an ASCII
    /// letter is taken only where its run of letters is the token's whole run: a token whose
    /// run no name has is not walked at all (most words of a text; "the" of "the Economist"
    /// is walked).
    pub(super) fn found_at_tokens(&self, text: &str, starts: &WordStarts) -> Vec<Found> {
        if !self.names_start_tokens {
            return self
                .names
                .find_overlapping(text)
                .into_iter()
                .map(|m| Found {
                    end: m.end,
                    start: m.start,
                    pattern: m.pattern,
                })
                .collect();
        }
        let bytes = text.as_bytes();
        let mut out = Vec::new();
        for (start, run) in starts.tokens() {
            if run.is_some_and(|key| !self.runs.may_hold(key)) {
                continue;
            }
            self.names
                .for_each_at(bytes, start, bytes.len(), |end, pattern| {
                    out.push(Found {
                        end,
                        start,
                        pattern,
                    });
                    true
                });
        }
        out.sort_unstable();
        out
    }
}

pub(super) fn build_gazetteer() -> Gazetteer {
    // The lists live as long as the process: their names are borrowed, not copied, since the
    // trie keeps none of them.
    let all_places: &'static [places::Place] = &places::PLACES;
    let actors: &'static [super::gazetteer::ThreatActor] = &super::gazetteer::THREAT_ACTORS;
    let listed: &'static [Vec<String>] = &organizations::GAZETTEERS;
    let mut targets: Vec<Target> = Vec::new();
    let mut names: Vec<Cow<'static, str>> = Vec::new();
    let mut patterns: Vec<(usize, Source)> = Vec::new();
    let mut seen: HashSet<Cow<'static, str>, crate::learn::WordHasher> = HashSet::default();
    let mut add = |names: &mut Vec<Cow<'static, str>>,
                   name: Cow<'static, str>,
                   target: usize,
                   source: Source| {
        if name.is_empty() || seen.contains(name.as_ref()) {
            return;
        }
        seen.insert(name.clone());
        names.push(name);
        patterns.push((target, source));
    };

    // A threat-actor name that is also a place ("Beijing") is the place.
    let place_names: HashSet<&str, crate::learn::WordHasher> = all_places
        .iter()
        .flat_map(|p| {
            std::iter::once(&p.canonical)
                .chain(&p.aliases)
                .chain(&p.demonyms)
        })
        .map(String::as_str)
        .collect();
    for a in actors {
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::ThreatActor,
            canonical: a.name.clone(),
            parent: a.parent.clone(),
            metonym_of: None,
            name_like: false,
            listed: false,
        });
        for n in std::iter::once(&a.name).chain(&a.synonyms) {
            if !super::gazetteer::is_matchable(n) || place_names.contains(n.as_str()) {
                continue;
            }
            for v in case_variants(n) {
                add(&mut names, v, t, Source::ThreatActor);
            }
        }
    }
    for (canon, aliases) in organizations::KNOWN.iter() {
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::Organization,
            canonical: canon.to_string(),
            parent: None,
            metonym_of: None,
            name_like: false,
            listed: false,
        });
        for &n in std::iter::once(canon).chain(aliases.iter()) {
            add(&mut names, Cow::Borrowed(n), t, Source::Organization);
            if let Some(rest) = n.strip_prefix("The ") {
                add(&mut names, Cow::Borrowed(rest), t, Source::Organization);
            }
        }
    }
    for names_of in listed {
        let Some(canon) = names_of.first() else {
            continue;
        };
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::Organization,
            canonical: canon.clone(),
            parent: None,
            metonym_of: None,
            name_like: false,
            listed: true,
        });
        for n in names_of {
            add(&mut names, Cow::Borrowed(n), t, Source::Organization);
        }
    }
    for (canon, aliases) in people::KNOWN.iter() {
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::Person,
            canonical: canon.to_string(),
            parent: None,
            metonym_of: None,
            name_like: false,
            listed: false,
        });
        for &n in std::iter::once(canon).chain(aliases.iter()) {
            add(&mut names, Cow::Borrowed(n), t, Source::KnownPerson);
        }
    }
    let mut place_words: Vec<&str> = Vec::new();
    let mut demonyms: FxHashSet<String> = FxHashSet::default();
    for p in all_places {
        demonyms.extend(p.demonyms.iter().filter(|d| !d.contains(' ')).cloned());
        let t = targets.len();
        targets.push(Target {
            kind: EntityKind::Location,
            canonical: p.canonical.clone(),
            parent: p.country.clone(),
            metonym_of: p.metonym_of.clone(),
            name_like: words::NAME_LIKE_PLACES.contains(p.canonical.as_str()),
            listed: false,
        });
        for n in std::iter::once(&p.canonical)
            .chain(&p.aliases)
            .chain(&p.demonyms)
        {
            add(&mut names, Cow::Borrowed(n), t, Source::Place);
            // A given name inside a longer place's name ("Saint Paul", "San Jose") still opens
            // people's names ("Paul J. Richards"), and a surname there that is no ordinary
            // word still ends them ("Sadiq Khan", "Juan Lopez", "Conrad English").
            let several = n.contains(' ');
            place_words.extend(n.split(' ').filter(|w| {
                !(several
                    && (people::GIVEN_NAMES.contains(w)
                        || words::SURNAMES.contains(w)
                            && !words::COMMON.contains(w.to_lowercase().as_str())))
            }));
        }
        // The country behind a capital's metonym needs its own target.
        if let Some(country) = &p.metonym_of {
            targets[t].metonym_of = Some(country.clone());
        }
    }

    // The known people's words in one set: a place's word is looked up once, not compared
    // with every word of every known name.
    let known_people_words: FxHashSet<&str> = people::KNOWN
        .iter()
        .flat_map(|(k, _)| k.split(' '))
        .collect();
    let mut extra: Vec<String> = place_words
        .into_iter()
        .filter(|w| !known_people_words.contains(w))
        .map(String::from)
        .collect();
    for (canon, aliases) in organizations::KNOWN.iter() {
        for n in std::iter::once(canon).chain(aliases.iter()) {
            if !n.contains(' ') {
                extra.push(n.to_string());
            }
        }
    }
    extra.extend(organizations::suffix_words().map(String::from));
    extra.extend(people::title_words().map(String::from));
    let mut folded_organisations = HashMap::new();
    for (name, &(t, source)) in names.iter().zip(&patterns) {
        let key = match source {
            Source::Organization => super::handles::compact(name),
            _ => continue,
        };
        if key.len() >= 4 {
            folded_organisations
                .entry(key)
                .or_insert_with(|| targets[t].canonical.clone());
        }
    }
    let names_start_tokens = !names.iter().any(|n| n.starts_with(char::is_whitespace));
    let mut runs = RunSet::new(17);
    for n in &names {
        let b = n.as_bytes();
        let run = letter_runs::end(b, 0);
        if run > 0 {
            runs.insert(letter_runs::key(b, 0, run));
        }
    }
    Gazetteer {
        names_start_tokens,
        runs,
        names: NameTrie::new(&names),
        patterns,
        targets,
        not_name: people::not_name_set(extra),
        demonyms,
        folded_names: super::folded_names::Index::new(&folded_organisations),
        folded_organisations,
    }
}

/// The spellings a threat-actor name is written in: as given, and for multi-word names also
/// in capitals ("HIDDEN COBRA") and title case ("Hidden Cobra").
pub(super) fn case_variants(name: &'static str) -> Vec<Cow<'static, str>> {
    let mut v = vec![Cow::Borrowed(name)];
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
            if !v.iter().any(|w| *w == x) {
                v.push(Cow::Owned(x));
            }
        }
    } else if name.chars().count() > 5 && name.chars().any(|c| c.is_lowercase()) {
        v.push(Cow::Owned(name.to_uppercase()));
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names the overlapping scan of the whole text finds and the gazetteer keeps.
    fn scanned(text: &str) -> Vec<Found> {
        GAZETTEER
            .names
            .find_overlapping(text)
            .into_iter()
            .map(|m| Found {
                end: m.end,
                start: m.start,
                pattern: m.pattern,
            })
            .filter(|f| super::super::context::bounded(text, f.start, f.end))
            .collect()
    }

    #[test]
    fn names_found_at_token_starts_are_those_the_whole_scan_keeps_in_its_order() {
        for text in [
            "",
            "Lazarus Group hit Bangladesh Bank; the FBI and North Korea's hackers.",
            "New York, New York Jets, York. Washington DC and Washington's Kim Jong Un",
            "PyongyangLazarus xLazarus Lazarus_ @Lazarus #Binance Binance.com U.S. U.S.A.",
            "Côte d'Ivoire, São Paulo, Zürich; São\nPaulo — Coinbase’s CEO (Coinbase) [FBI]",
            "HIDDEN COBRA, Hidden Cobra, hidden cobra, APT38 and APT 38 in the UK/US.",
            "Lazarusx Lazarus2 Lazarus_ Lazarusé theEconomist the Economist's NorthKorea U.S.A",
        ] {
            let kept: Vec<Found> = GAZETTEER
                .found_at_tokens(text, &WordStarts::of(text))
                .into_iter()
                .filter(|f| super::super::context::bounded(text, f.start, f.end))
                .collect();
            assert_eq!(kept, scanned(text), "{text:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn names_found_at_token_starts_agree_with_the_whole_scan_on_any_text(
            text in "(Lazarus|Group|North|Korea|the|Economist|U\\.S\\.|New|York|São|Paulo|x|é|2|_|-|'|\\.| |\n){0,12}"
        ) {
            let kept: Vec<Found> = GAZETTEER
                .found_at_tokens(&text, &WordStarts::of(&text))
                .into_iter()
                .filter(|f| super::super::context::bounded(&text, f.start, f.end))
                .collect();
            proptest::prop_assert_eq!(kept, scanned(&text));
        }
    }

    #[test]
    fn the_shipped_names_all_start_a_token_so_the_token_walk_is_used() {
        assert!(GAZETTEER.names_start_tokens);
    }
}

//! People, organisations, places and threat actors.
//!
//! Every gazetteer name (threat actors, organisations, known people, places) goes into ONE
//! case-sensitive Aho-Corasick automaton, run once per article; a few regexes add people and
//! organisations from their context. Candidates are then resolved so that mentions never overlap
//! (longest wins, then the more specific gazetteer), and surnames are tied to the full name the
//! article gives ("Demers" → "John Demers").

mod accounts_and_firms;
pub mod appositions;
mod automaton;
pub mod candidates;
pub mod capitalised_words;
mod context;
mod credits;
mod domains;
mod folded_names;
pub mod gazetteer;
mod handles;
pub(crate) mod institutions;
mod kind_cues;
mod letter_runs;
pub mod marked;
mod merging;
pub mod model;
mod name_orders;
pub mod name_runs;
mod names_of_no_body;
pub mod opened;
pub mod organizations;
mod overlaps;
pub mod people;
mod person_cues;
pub mod places;
pub mod roles;
mod speakers;
pub mod speech_names;
mod text_shape;
mod word_starts;
pub mod words;

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::Article;
use crate::extract::document::Document;
use crate::text::is_word_char;

use super::{EntityKind, EntityMention};

use automaton::{GAZETTEER, Gazetteer, Source};
use context::*;
pub use gazetteer::{ThreatActor, derive_gazetteer};
use merging::*;
pub use merging::{variant_key, variant_key_into};
use overlaps::resolve;
pub(crate) use text_shape::unwrapped;
use word_starts::WordStarts;

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

impl Candidate {
    /// A person a pattern found at `start..end`, named as written with its spaces made single.
    fn person(text: &str, start: usize, end: usize) -> Self {
        Self {
            start,
            end,
            kind: EntityKind::Person,
            canonical: crate::text::single_spaced(&text[start..end]),
            parent: None,
            source: Source::PersonPattern,
        }
    }
}

fn person_candidates(text: &str, g: &Gazetteer, words: &WordStarts, out: &mut Vec<Candidate>) {
    let mut at = 0;
    while let Some((start, end)) = name_runs::find_at(text, at) {
        // The run must start a word (the regex has no boundary before accented capitals).
        if text[..start].chars().next_back().is_some_and(is_word_char) {
            at = text[start..]
                .find([' ', '\t'])
                .map_or(text.len(), |i| start + i);
            continue;
        }
        at = end;
        let run = &text[start..end];
        let person = people::given_name_person(run, &g.not_name, &g.demonyms)
            .or_else(|| people::after_demonym(run, &g.not_name, &g.demonyms));
        if let Some((s, e)) = person {
            out.push(Candidate::person(text, start + s, start + e));
        }
    }
    for marked in people::NAMED_WITH.iter() {
        marked.for_each(text, |found| {
            let Some((s, e)) = found.name else { return };
            let country = found
                .place
                .is_none_or(|(ps, pe)| people::is_country(&text[ps..pe]));
            if country && people::possessed_name(&text[s..e], &g.not_name) {
                out.push(Candidate::person(text, s, e));
            }
        });
    }
    // A pattern's name (byte range) trimmed to the person.
    let mut named = |(from, to): (usize, usize), single: bool| {
        let Some((s, e)) = people::clean_name(&text[from..to], &g.not_name) else {
            return;
        };
        let (start, end) = (from + s, from + e);
        if single || text[start..end].contains(' ') {
            out.push(Candidate::person(text, start, end));
        }
    };
    let starts = people::OPENERS
        .as_ref()
        .map(|o| (o, o.starts_from(text, words)));
    for (searched, single) in people::SEARCHED.iter() {
        match searched {
            people::Searched::Opened(i) => {
                if let Some((openers, starts)) = &starts {
                    openers.for_each(*i, text, starts, |found| {
                        if let Some(name) = found.name {
                            named(name, *single);
                        }
                    });
                }
            }
            people::Searched::Regex(re) => {
                for caps in re.captures_iter(text) {
                    if let Some(m) = caps.name("name") {
                        named((m.start(), m.end()), *single);
                    }
                }
            }
            people::Searched::Marked(marked) => marked.for_each(text, |found| {
                if let Some(name) = found.name {
                    named(name, *single);
                }
            }),
        }
    }
    let verbs = speech_names::verb_starts(words);
    for joint in [speech_names::Joint::Blanks, speech_names::Joint::Comma] {
        for found in speech_names::find_iter_in(text, &verbs, joint) {
            named(found.name, false);
        }
    }
    for found in appositions::find_iter(text) {
        named(found.name, false);
    }
}

/// Compiles a pattern with a lazy-DFA cache large enough for the long alternations used here
/// (the default one thrashes on them and costs half the throughput).
pub(crate) fn compile(pattern: &str) -> Option<Regex> {
    regex::RegexBuilder::new(pattern)
        .dfa_size_limit(32 << 20)
        .build()
        .ok()
}

/// `pattern` with [`compile`]'s lazy-DFA cache but no prefilter, for the patterns run only
/// where a scan of their own has found their words or marks (`opened`, `marked`, `credits`):
/// a prefilter would find nothing faster there, and building one costs most of a compile.
pub(crate) fn compile_unfiltered(pattern: &str) -> Option<regex_automata::meta::Regex> {
    let config = regex_automata::meta::Config::new()
        .hybrid_cache_capacity(32 << 20)
        .auto_prefilter(false);
    regex_automata::meta::Builder::new()
        .configure(config)
        .build(pattern)
        .ok()
}

/// Short forms of the article's full person names: last word ("Demers"), and for names in
/// East Asian order the family name first ("Kim" for "Kim Jong Un", "Moon" for "Moon Jae-in").
fn surname_candidates(text: &str, people_found: &[Candidate], out: &mut Vec<Candidate>) {
    let mut short: FxHashMap<&str, Vec<(usize, &str)>> = FxHashMap::default();
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
    for (start, end) in capitalised_words::find_iter(text) {
        let Some(owners) = short.get(&text[start..end]) else {
            continue;
        };
        if !bounded(text, start, end) {
            continue;
        }
        // The nearest full name before the mention, else the first one after it.
        // (Owners are by start: a binary search, not a scan per mention.)
        let after = owners.partition_point(|(s, _)| *s <= start);
        let before = after.checked_sub(1).and_then(|i| owners.get(i));
        let chosen = before.or_else(|| owners.first());
        let Some((_, canonical)) = chosen else {
            continue;
        };
        out.push(Candidate {
            start,
            end,
            kind: EntityKind::Person,
            canonical: canonical.to_string(),
            parent: None,
            source: Source::Surname,
        });
    }
}

/// The gazetteers' and patterns' mentions, resolved so that none overlap. `words`: the text's
/// word starts, found once for the gazetteer's walk, the person patterns' opening words, the
/// folded names, the verbs of saying, the family-name-first orders and the proposals' share-bar
/// lines.
fn rule_mentions(text: &str, g: &Gazetteer, words: &WordStarts) -> Vec<Candidate> {
    let mut cands = Vec::new();
    gazetteer_candidates(text, g, words, &mut cands);
    person_candidates(text, g, words, &mut cands);
    organizations::org_candidates(text, &mut cands);
    credits::handle_candidates(text, &g.folded_organisations, &mut cands);
    handles::organisation_handles(text, &g.folded_organisations, &mut cands);
    folded_names::folded_organisations(text, words, &g.folded_names, &mut cands);
    domains::domain_candidates(text, &mut cands);
    speakers::speaker_candidates(text, &mut cands);
    text_shape::dateline_places(text, g, &mut cands);
    text_shape::headline_names(text, g, &mut cands);
    text_shape::symbol_organisations(text, &mut cands);
    name_orders::family_name_first(text, words, &g.not_name, &mut cands);
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
    let doc = Document::new(&article.text);
    let text = doc.unwrapped();
    candidates::propose(
        text,
        &WordStarts::of(text),
        &[],
        &GAZETTEER.not_name,
        doc.crypto_story(),
    )
}

/// "Taiwan's Far Eastern bank": ordinary words, but several of them capitalised inside a
/// sentence, make a name that the noun after it types.
fn several_capitalised_words_in_prose(text: &str, name: &str, start: usize) -> bool {
    name.contains(' ')
        && name.split(' ').all(|w| w.starts_with(char::is_uppercase))
        && !candidates::sentence_start(text, start)
        && !text_shape::title_case_line(text, start)
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
static ORG_SUFFIX_WORDS: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| organizations::suffix_words().collect());

/// The words that end organisations' names ("Bank", "Protocol", "Films"), titles and the
/// words that are never a name's ("Chain", "Wallet").
static LONE_ORG_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
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
    find_in(&Document::new(&article.text), model)
}

/// [`find_with`] on the article's [`Document`], as extraction calls it.
pub fn find_in(doc: &Document, model: &model::Model) -> Vec<EntityMention> {
    // A hard-wrapped story's names run on over its line breaks; offsets stay the text's.
    let text = doc.unwrapped();
    let g = &*GAZETTEER;
    let words = WordStarts::of(text);
    let mut found = rule_mentions(text, g, &words);
    organisations_named_by_their_noun(text, &mut found);
    kind_cues::organisations_named_as_people(text, &mut found);
    if !model.is_empty() {
        let covered: Vec<(usize, usize)> = found.iter().map(|c| (c.start, c.end)).collect();
        let credited = credits::credit_items(text);
        let crypto = doc.crypto_story();
        for mut p in candidates::propose(text, &words, &covered, &g.not_name, crypto) {
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
                    || kind_cues::organisation_by_phrasing(text, s, e)
                        && specific_name(&p.name, &g.demonyms)
                    || words::ORG_NOUNS.contains(candidates::exemplified_noun(text, s).as_str())
                    || followed_by_org_noun(text, e)
                        && (specific_name(&p.name, &g.demonyms)
                            || several_capitalised_words_in_prose(text, &p.name, s))
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
            let employer = p.spans.iter().any(|&(s, _)| {
                candidates::employer_of_a_role(text, s)
                    || kind_cues::employer_of_a_person(text, s, &found)
            }) && specific_name(&p.name, &g.demonyms);
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
            // "Korean Peninsula", "Demilitarized Zone": a place's last word.
            // "from Ashby to Leeds": paired with a place (`kind_cues`).
            let place_word = p.name.contains(' ')
                && p.name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| text_shape::PLACE_SUFFIXES.contains(w))
                || p.spans
                    .iter()
                    .any(|&(s, e)| kind_cues::paired_with_a_place(text, s, e, &found));
            // "the first Trump-Kim summit": two names the article has found, joined; "in
            // Feruary": a misspelt month.
            if text_shape::joins_found_names(&p.name, text, &found)
                || text_shape::misspelt_month(&p.name)
            {
                continue;
            }
            let kind = match model.predict(&p.features) {
                _ if named_org => EntityKind::Organization,
                _ if place_word => EntityKind::Location,
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

    names_of_no_body::drop_names_of_no_body(text, &mut found);
    accounts_and_firms::retype(text, &mut found);
    kind_cues::kinds_from_company(text, &mut found);
    kind_cues::firms_named_by_initials(text, &mut found);
    kind_cues::people_the_rules_found(&mut found);
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
    short_forms_of_organisations(&mut found);
    defined_abbreviations(text, &mut found);
    merge_variants(&mut found);

    found
        .into_iter()
        .map(|c| EntityMention {
            role: (c.kind == EntityKind::Person)
                .then(|| roles::role_at(text, c.start, c.end))
                .flatten(),
            kind: c.kind,
            canonical: c.canonical,
            parent: c.parent,
            // As written: a name run on over a line break keeps its break (the same bytes).
            surface: doc.text()[c.start..c.end].to_string(),
            start: doc.char_of(c.start),
            end: doc.char_of(c.end),
        })
        .collect()
}

//! People: a short gazetteer of people who recur in this news, and patterns that only fire in a
//! context that says "this is a person" (a title, a speech verb, an appositive role), because a
//! wrong person in the sidebar costs the analyst more than a missed one.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::{FxHashMap, FxHashSet};

use super::marked::{Mark, Marked};
use super::opened::{After, Openers};
use super::words::{alternation, is_modifier};
use crate::extract::calendar;

/// People who recur in this news (`assets/people.tsv`): canonical name, then other spellings.
pub static KNOWN: LazyLock<Vec<(&'static str, Vec<&'static str>)>> =
    LazyLock::new(|| super::words::name_table(include_str!("../../../assets/people.tsv")));

/// Given names, for "<given name> <Surname>": the US Census 1990 lists and, since analysts
/// read about people of every country, other countries' lists (see each asset's header).
pub static GIVEN_NAMES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    super::words::sized_set(&[
        include_str!("../../../assets/given-names.txt"),
        include_str!("../../../assets/given-names-world.txt"),
    ])
});

/// Runs of capitalised name words; a run holding a given name followed by a surname is a
/// person wherever it stands.
/// No boundary before the run: accented capitals have no ASCII one; the caller checks it.
/// Lower-case particles may sit between the words ("Peter van Valkenbergh").
/// The extraction reads the runs with [`super::name_runs::find_at`], which finds the same
/// matches at a fraction of the cost; this is the definition it is tested against.
pub static NAME_RUN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let mut particles: Vec<&str> = LOWER_PARTICLES.iter().copied().collect();
    particles.sort_unstable();
    super::compile(&format!(
        r"{WORD}(?:[ \t]+(?:(?:{})[ \t]+)?{WORD})+",
        particles.join("|")
    ))
});

/// The lower-case particles that may sit between the words of a run ("van", "de").
pub static LOWER_PARTICLES: LazyLock<std::collections::HashSet<&'static str>> =
    LazyLock::new(|| {
        super::words::NAME_PARTICLES
            .iter()
            .copied()
            .filter(|p| p.starts_with(char::is_lowercase))
            .collect()
    });

/// Two adjacent words of a place's name ("New York", "Santa Barbara", "Saint Paul"): the
/// first word, then the words that follow it in a name (looked up with no string built).
static PLACE_PAIRS: LazyLock<FxHashMap<&str, FxHashSet<&str>>> = LazyLock::new(|| {
    let mut pairs: FxHashMap<&'static str, FxHashSet<&'static str>> = FxHashMap::default();
    for n in super::places::PLACES
        .iter()
        .flat_map(|p| std::iter::once(&p.canonical).chain(&p.aliases))
    {
        let w: Vec<&'static str> = n.split(' ').collect();
        for p in w.windows(2) {
            pairs.entry(p[0]).or_default().insert(p[1]);
        }
    }
    pairs
});

/// The words of a run between spaces and tabs, each with its byte offset: on the stack when
/// there are a dozen or fewer, as in nearly every run, so reading a run allocates nothing.
struct Words<'a> {
    stack: [(usize, &'a str); 12],
    len: usize,
    more: Vec<(usize, &'a str)>,
}

impl<'a> Words<'a> {
    fn of(run: &'a str) -> Self {
        let mut words = Words {
            stack: [(0, ""); 12],
            len: 0,
            more: Vec::new(),
        };
        // Split by bytes: a space or tab byte is always that char in UTF-8.
        let mut start = 0;
        for (i, &b) in run.as_bytes().iter().enumerate() {
            if matches!(b, b' ' | b'\t') {
                words.push(run, start, i);
                start = i + 1;
            }
        }
        words.push(run, start, run.len());
        words
    }

    /// Adds the word at `run[start..end]`, when it is not empty.
    fn push(&mut self, run: &'a str, start: usize, end: usize) {
        let Some(w) = run.get(start..end).filter(|w| !w.is_empty()) else {
            return;
        };
        if let Some(slot) = self.stack.get_mut(self.len) {
            *slot = (start, w);
        } else {
            if self.more.is_empty() {
                self.more.extend_from_slice(&self.stack);
            }
            self.more.push((start, w));
        }
        self.len += 1;
    }

    fn as_slice(&self) -> &[(usize, &'a str)] {
        self.stack.get(..self.len).unwrap_or(&self.more)
    }
}

/// Whether `first second` are two adjacent words of a place's name.
fn place_pair(first: &str, second: &str) -> bool {
    PLACE_PAIRS.get(first).is_some_and(|s| s.contains(second))
}

/// The person inside a run of capitalised words: from its first given name up to the first
/// word that cannot be a name, when at least a surname follows. Byte range within `run`.
/// A demonym ends the name when it directly follows the given name ("Mark Cuban").
pub fn given_name_person(
    run: &str,
    not_name: &FxHashSet<String>,
    demonyms: &FxHashSet<String>,
) -> Option<(usize, usize)> {
    let words = Words::of(run);
    let words = words.as_slice();
    // "New York Attorney General", "Santa Barbara police": a given name that ends a place's
    // two words with the word before it opens no one's name.
    let first = words.iter().enumerate().position(|(i, (_, w))| {
        GIVEN_NAMES.contains(w)
            && !not_name.contains(*w)
            && !(i > 0 && place_pair(words[i - 1].1, w))
    })?;
    if words.iter().any(|(_, w)| is_modifier(w)) {
        return None;
    }
    let mut last = first;
    for (i, (_, w)) in words.iter().enumerate().skip(first + 1) {
        // A particle goes on to the surname after it ("Robert De Niro").
        if super::words::NAME_PARTICLES.contains(w) && i + 1 < words.len() {
            continue;
        }
        let surname_demonym = i == first + 1 && i + 1 == words.len() && demonyms.contains(*w);
        if not_name.contains(*w) && !surname_demonym || w.len() <= 2 && !w.ends_with('.') {
            break;
        }
        last = i;
    }
    // Initials and particles may sit inside ("George W. Bush") but not at the end.
    while last > first
        && (words[last].1.ends_with('.') || super::words::NAME_PARTICLES.contains(&words[last].1))
    {
        last -= 1;
    }
    (last > first).then(|| (words[first].0, words[last].0 + words[last].1.len()))
}

/// Someone named with their firm or country before them: "BlockSec’s Yajin Zhou", "Japan's Ai
/// Sugiyama". The `name` group is two name words that end the run. The extraction reads it
/// with [`NAMED_WITH`]; this is the definition it is tested against.
pub static AFTER_POSSESSIVE: LazyLock<Option<Regex>> =
    LazyLock::new(|| super::compile(&after_possessive()));

fn after_possessive() -> String {
    format!(
        r"(?-u:\b)[A-Z][A-Za-z0-9]+['’]s[ \t]+(?P<name>{WORD}[ \t]+{WORD})(?:[ \t]+[a-z(]|[ \t]*[,.;:!?)]|$)"
    )
}

/// Someone named with their country after them: "Kenenisa Bekele of Ethiopia". The `name`
/// group is two name words, `place` what follows "of" (a country, checked by the caller).
/// Read like [`AFTER_POSSESSIVE`].
pub static OF_COUNTRY: LazyLock<Option<Regex>> = LazyLock::new(|| super::compile(&of_country()));

fn of_country() -> String {
    format!(
        r"(?P<name>{WORD}[ \t]+{WORD})[ \t]+of[ \t]+(?P<place>[A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)(?-u:\b)"
    )
}

/// [`AFTER_POSSESSIVE`] and [`OF_COUNTRY`] as the extraction reads them, around their marks
/// (digits may stand in a firm's name before "'s").
pub static NAMED_WITH: LazyLock<Vec<Marked>> = LazyLock::new(|| {
    [
        Marked::new(&after_possessive(), Mark::Possessive, b"0123456789"),
        Marked::new(&of_country(), Mark::OfCapital, b""),
    ]
    .into_iter()
    .flatten()
    .collect()
});

/// Whether a name is a country's (not a city's: "Ana Ruiz of Madrid" may be a club's).
pub fn is_country(name: &str) -> bool {
    static COUNTRIES: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
        super::places::PLACES
            .iter()
            .filter(|p| p.kind == super::places::PlaceKind::Country)
            .flat_map(|p| {
                std::iter::once(p.canonical.as_str()).chain(p.aliases.iter().map(String::as_str))
            })
            .collect()
    });
    COUNTRIES.contains(name)
}

/// Whether two words after a possessive are a name: no ordinary word ("Apple's App Store"),
/// no title, no word a name never has.
pub fn possessed_name(name: &str, not_name: &FxHashSet<String>) -> bool {
    name.split_whitespace()
        .all(|w| plain_name_word(w, not_name))
}

/// A word that can only be part of a name: no initial, no ordinary word, no title or modifier,
/// no word a name never has.
fn plain_name_word(w: &str, not_name: &FxHashSet<String>) -> bool {
    w.len() >= 2
        && !w.ends_with('.')
        && !not_name.contains(w)
        && !super::words::COMMON.contains(w.to_lowercase().as_str())
        && !super::words::is_job_title(w)
        && !is_modifier(w)
}

/// The person a demonym introduces: "Tunisian Selima Sfar", "Spanish Rafael Nadal". Two or
/// three name words must follow it and end the run; none may be an ordinary word, a title or
/// a word no name has ("Chinese Communist Party" is no one). Byte range within `run`.
pub fn after_demonym(
    run: &str,
    not_name: &FxHashSet<String>,
    demonyms: &FxHashSet<String>,
) -> Option<(usize, usize)> {
    let (first, rest) = run.split_once([' ', '\t'])?;
    // Most runs open with no demonym: said before their words are listed.
    if !demonyms.contains(first) {
        return None;
    }
    let rest_at = first.len() + 1;
    let rest = rest.trim_start();
    let rest_at = rest_at + (run.len() - rest_at - rest.len());
    let words: Vec<&str> = rest.split_whitespace().collect();
    let name_word = |w: &&str| !demonyms.contains(*w) && plain_name_word(w, not_name);
    ((2..=3).contains(&words.len()) && words.iter().all(name_word)).then_some((rest_at, run.len()))
}

/// One capitalised name word: "Ferrante", "Jae-in", "O'Brien", "McDonald", "MacPherson", or
/// an initial "J.". Accented letters belong to the word ("José", "Núñez", "Łukasz"): Latin-1
/// and Latin Extended-A, spelled as ranges (the Unicode classes make the lazy DFA thrash).
/// "Mc"/"Mac" come first: the first alternative that matches wins, and the plain one would
/// stop at "Mac".
const WORD: &str = r"(?:Ma?c[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+(?:-[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+)?|[A-ZÀ-ÖØ-ÞĀ-ž][a-zß-öø-ÿĀ-ž]+(?:[-'’][A-Za-zÀ-ÖØ-öø-ÿĀ-ž][a-zß-öø-ÿĀ-ž]+)*|[A-ZÀ-ÖØ-ÞĀ-ž]\.)";

fn name(min_words: usize) -> String {
    format!(r"(?P<name>{WORD}(?:[ \t]+{WORD}){{{},3}})", min_words - 1)
}

/// Titles written capitalised before a name; one word after them is enough ("President Trump").
static TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/person-titles.txt"
    ))
    .collect()
});

/// Roles written in lower case before a name; these need a full name ("analyst Jane Doe").
pub static ROLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/name-roles.txt")).collect()
});

/// Roles only a person holds: one name word after them is enough ("Helius CEO Mert did…").
static PERSON_ROLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/person-only-roles.txt"
    ))
    .collect()
});

/// Verbs of saying that follow or precede a speaker.
pub static SAYS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/speech-verbs.txt"
    ))
    .collect()
});

/// A full name then a verb of saying: "Ana Ruiz said". The extraction reads it with
/// [`super::speech_names::find_at`], which finds the verbs first among the text's word starts
/// and reads the name back from each; this is the definition it is tested against.
pub static NAME_SAYS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let says = alternation(&SAYS);
    super::compile(&format!(r"{}[ \t]+(?:{says})(?-u:\b)", name(2)))
});

/// A full name, a comma, then a verb of saying: "Ana Ruiz, said". Read like [`NAME_SAYS`].
pub static NAME_COMMA_SAYS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let says = alternation(&SAYS);
    super::compile(&format!(r"{}[ \t]*,[ \t]*(?:{says})(?-u:\b)", name(2)))
});

/// A person pattern that remains a regex: its text, whether a single word is enough, and for
/// one that may start at any name word, the mark its matches hold and the bytes besides a
/// name's they may hold (see [`Marked::new`]).
pub struct Spec {
    pub pattern: String,
    pub single: bool,
    pub marked: Option<(Mark, Vec<u8>)>,
    /// For one that opens on a fixed word (`(?-u:\b)(?:word|…)`): its words, whether they
    /// match in any case, and what follows them (see [`Openers::new`]).
    pub opening: Option<(Vec<&'static str>, bool, After)>,
}

impl Spec {
    /// Its opening words, if [`OPENERS`] scans for them: a marked pattern is searched around
    /// its marks instead. [`OPENERS`] and [`SEARCHED`] both ask this, so pattern `i` of the
    /// one is the `i`-th opened pattern of the other.
    fn opener(&self) -> Option<(&str, &[&'static str], bool, After)> {
        if self.marked.is_some() {
            return None;
        }
        let (words, fold, after) = self.opening.as_ref()?;
        Some((self.pattern.as_str(), words.as_slice(), *fold, *after))
    }
}

/// The words that open the "said Ana Ruiz" pattern.
const SAID: [&str; 3] = ["said", "says", "according to"];

/// The person patterns that remain regexes; each has a `name` group.
pub static SPECS: LazyLock<Vec<Spec>> = LazyLock::new(|| {
    let month = &*calendar::MONTH_PATTERN;
    let titles = alternation(&TITLES);
    let roles = alternation(&ROLES);
    let person_roles = alternation(&PERSON_ROLES);
    let role_bytes: Vec<u8> = PERSON_ROLES.iter().flat_map(|r| r.bytes()).collect();
    let one = name(1);
    let two = name(2);
    let said = alternation(&SAID);
    let specs = [
        (
            format!(r"(?-u:\b)(?:{titles})[ \t]+{one}"),
            true,
            None,
            Some((TITLES.clone(), false, After::Name)),
        ),
        (
            format!(r"(?-u:\b)(?:{roles})(?:[ \t]+|[ \t]*[-–—:][ \t]*){two}"),
            false,
            None,
            Some((ROLES.clone(), false, After::NameOrDash)),
        ),
        // One word that a lower-case word or a mark follows: "founder Alon's defence".
        (
            format!(
                r"(?-u:\b)(?i:{person_roles})[ \t]+(?P<name>{WORD})(?:['’]s)?(?:[ \t]+[a-z(]|[ \t]*[,.;:!?)]|$)"
            ),
            true,
            None,
            Some((PERSON_ROLES.clone(), true, After::Name)),
        ),
        // The same role in apposition before one word: "Multichain's CEO, Zhaojun, has…".
        (
            format!(r"(?-u:\b)(?i:{person_roles})[ \t]*,[ \t]+(?P<name>{WORD})[ \t]*,"),
            true,
            None,
            Some((PERSON_ROLES.clone(), true, After::Comma)),
        ),
        // …or in brackets after it: "Rox (our CTO) and Anatol (our security expert)".
        (
            format!(
                r"(?-u:\b)(?P<name>{WORD})[ \t]+\((?:our|the|their|its|his|her|a|an)?[ \t]*(?:[a-z-]+[ \t]+)?(?i:{person_roles}|expert)\)"
            ),
            true,
            Some((Mark::Bracket, role_bytes)),
            None,
        ),
        // The signature of an embedded post: "— Kiyo (@IslandKiyo) September 28, 2020".
        (
            format!(
                r"(?:&mdash;|—)[ \t]*(?P<name>{WORD}(?:[ \t]+{WORD}){{0,2}})[ \t]+\(@\w+\)[ \t]+{month}[ \t]+\d"
            ),
            true,
            Some((Mark::Handle, b"&;()@_0123456789".to_vec())),
            None,
        ),
        // Someone the writer pairs with themself: "Alp and I looked at each other".
        (
            format!(r"(?P<name>{WORD})[ \t]+and[ \t]+(?:I|me)(?-u:\b)"),
            true,
            Some((Mark::And, Vec::new())),
            None,
        ),
        (
            format!(r"(?-u:\b)(?:{said})[ \t]+{two}"),
            false,
            None,
            Some((SAID.to_vec(), false, After::Name)),
        ),
        // A byline: "By Ana Ruiz" alone on its line, or before "/", "|" or a comma.
        (
            format!(r"(?m)^By[ \t]+{two}[ \t]*(?:$|[/|,])"),
            false,
            Some((Mark::ByLine, Vec::new())),
            None,
        ),
        // An author's line, also run on after the last sentence: "… pledge. Author: Ana Ruiz".
        (
            format!(
                r"(?m)(?:^|[.!?][ \t]+)(?:Author|Authors|Written by|Reporting by):[ \t]+{two}[ \t]*(?:$|[/|,])"
            ),
            false,
            Some((Mark::Colon, b"!?".to_vec())),
            None,
        ),
    ];
    specs
        .into_iter()
        .map(|(pattern, single, marked, opening)| Spec {
            pattern,
            single,
            marked,
            opening,
        })
        .collect()
});

/// The person patterns compiled as regexes: the definition the extraction's [`SEARCHED`] is
/// tested against.
pub static PATTERNS: LazyLock<Vec<(Regex, bool)>> = LazyLock::new(|| {
    SPECS
        .iter()
        .filter_map(|s| super::compile(&s.pattern).map(|r| (r, s.single)))
        .collect()
});

/// How the extraction runs a person pattern.
pub enum Searched {
    /// Over the whole text: it starts at a fixed word, which the regex's prefilter finds
    /// (should [`OPENERS`] not build).
    Regex(Regex),
    /// Anchored where its opening words stand: pattern `i` of [`OPENERS`].
    Opened(usize),
    /// Around its marks (boxed: its byte table is large beside a regex).
    Marked(Box<Marked>),
}

/// The person patterns that open on a fixed word, in [`SPECS`]' order, with one scan for all
/// their words.
pub static OPENERS: LazyLock<Option<Openers>> =
    LazyLock::new(|| Openers::new(SPECS.iter().filter_map(Spec::opener)));

/// The person patterns as the extraction runs them, in [`SPECS`]' order, with whether a
/// single word is enough.
pub static SEARCHED: LazyLock<Vec<(Searched, bool)>> = LazyLock::new(|| {
    let opened = OPENERS.is_some();
    let mut next_opened = 0;
    SPECS
        .iter()
        .filter_map(|s| {
            let searched = match &s.marked {
                Some((mark, extra)) => {
                    Searched::Marked(Box::new(Marked::new(&s.pattern, *mark, extra)?))
                }
                None if opened && s.opener().is_some() => {
                    next_opened += 1;
                    Searched::Opened(next_opened - 1)
                }
                None => Searched::Regex(super::compile(&s.pattern)?),
            };
            Some((searched, s.single))
        })
        .collect()
});

/// A full name in apposition with a role: "Ana Ruiz, a senior analyst at Acme, said". Its
/// `name` group needs two words. The extraction reads it with [`super::appositions::find_at`],
/// which finds the same matches reading only around the commas; this is the definition it is
/// tested against.
pub static APPOSITION: LazyLock<Option<Regex>> = LazyLock::new(|| {
    let roles = alternation(&ROLES);
    let two = name(2);
    super::compile(&format!(
        r"{two},[ \t]+(?:a[ \t]+|an[ \t]+|the[ \t]+|who[ \t]+|whose[ \t]+)?[^,;.\n]{{0,80}}?(?-u:\b)(?i:{roles})(?-u:\b)"
    ))
});

/// Capitalised words that are never part of a person's name in news text
/// (`assets/entity-words/not-name.txt`), with every month and weekday name.
pub(super) static NOT_NAME: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/not-name.txt"))
        .chain(calendar::month_words())
        .chain(calendar::WEEKDAYS.iter().copied())
        .collect()
});

/// Every word that is never a person's name word: [`NOT_NAME`] plus place, demonym and
/// organisation words, filled by the entity module.
pub fn not_name_set(extra: impl IntoIterator<Item = String>) -> FxHashSet<String> {
    NOT_NAME
        .iter()
        .map(|s| s.to_string())
        .chain(extra)
        .collect()
}

/// Trims a pattern's name to the person: drops initial "not a name" words and rejects names
/// that still hold one. Returns the byte range within `name`.
pub fn clean_name(name: &str, not_name: &FxHashSet<String>) -> Option<(usize, usize)> {
    let mut start = 0;
    let words = Words::of(name);
    let words = words.as_slice();
    let mut i = 0;
    while i < words.len()
        && (not_name.contains(words[i].1.trim_end_matches('.'))
            || super::words::is_job_title(words[i].1)
            || super::words::OPENERS.contains(words[i].1))
    {
        i += 1;
        start = words.get(i).map_or(name.len(), |w| w.0);
    }
    let rest = &words[i..];
    if rest.is_empty()
        || rest
            .iter()
            .any(|(_, w)| not_name.contains(*w) || is_modifier(w))
    {
        return None;
    }
    // A name ends on a full word, not an initial.
    let last = rest.last()?;
    if last.1.len() <= 2 || last.1.matches('.').count() >= 2 {
        return None;
    }
    Some((start, last.0 + last.1.len()))
}

/// Capitalised title and role words ("Chancellor", "Conductor"), never part of the name itself.
pub fn title_words() -> impl Iterator<Item = &'static str> {
    // Single words only, and no abbreviation, with or without its full stop ("Sen.", "Prof."
    // and "Prof"): the words a name may hold elsewhere.
    let abbreviation =
        |w: &str| w.ends_with('.') || TITLES.iter().any(|t| t.strip_suffix('.') == Some(w));
    TITLES
        .iter()
        .chain(ROLES.iter())
        .copied()
        .filter(move |w| !w.contains(' ') && !abbreviation(w))
        .chain(super::words::CAPTION_TITLES.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn place_pairs_are_the_adjacent_words_of_place_names_and_nothing_else() {
        // The pairs as the joined strings the lookup replaced, each tested both ways.
        let mut joined = HashSet::new();
        for p in super::super::places::PLACES.iter() {
            for n in std::iter::once(&p.canonical).chain(&p.aliases) {
                let w: Vec<&str> = n.split(' ').collect();
                for pair in w.windows(2) {
                    joined.insert(format!("{} {}", pair[0], pair[1]));
                    assert!(place_pair(pair[0], pair[1]), "{n}");
                }
            }
        }
        for (a, b) in [
            ("New", "York"),
            ("York", "New"),
            ("Santa", "Barbara"),
            ("Mark", "Cuban"),
        ] {
            assert_eq!(
                place_pair(a, b),
                joined.contains(&format!("{a} {b}")),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn abbreviated_titles_are_not_title_words() {
        let words: HashSet<&str> = title_words().collect();
        assert!(words.contains("Chancellor") && words.contains("analyst"));
        for abbreviation in ["Prof", "Prof.", "Gen", "Sen.", "Sen", "Mr"] {
            assert!(!words.contains(abbreviation), "{abbreviation}");
        }
    }

    #[test]
    fn the_title_pattern_takes_an_abbreviation_with_or_without_its_stop() {
        let re = Regex::new(&format!("^(?:{})$", alternation(&TITLES))).expect("titles");
        assert!(re.is_match("Prof") && re.is_match("Prof.") && re.is_match("Sen."));
        assert!(!re.is_match("Sen") && !re.is_match("Pro"));
    }
}

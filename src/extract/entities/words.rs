//! The word lists that decide names' boundaries and kinds, shipped as data in
//! `assets/entity-words/` and read once.

use std::collections::HashSet;
use std::hash::BuildHasher;
use std::sync::LazyLock;

/// A word list as a set. Its keys are fixed data, not input, so it hashes with the cheap FNV of
/// [`crate::learn::KeyHasher`] rather than SipHash, which was a tenth of the word-shape
/// candidates' instructions (a look-up per word of every text).
pub type WordSet = HashSet<&'static str, crate::learn::WordHasher>;

fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    crate::text::entries(text)
}

/// The entries of the long name lists (tens of thousands of lines) as a set sized once for
/// them: grown from empty, its rehashes were half of building it.
pub fn sized_set<S: BuildHasher + Default>(texts: &[&'static str]) -> HashSet<&'static str, S> {
    let rows: usize = texts
        .iter()
        .map(|t| memchr::memchr_iter(b'\n', t.as_bytes()).count() + 1)
        .sum();
    let mut set = HashSet::with_capacity_and_hasher(rows, S::default());
    set.extend(texts.iter().flat_map(|t| lines(t)));
    set
}

/// Words capitalised before a name only in captions (`assets/entity-words/caption-titles.txt`).
pub static CAPTION_TITLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/caption-titles.txt"
    ))
    .collect()
});

/// Capitalised words that open a sentence and never start a name ("So", "Meet", "Today"), with
/// every month and weekday name.
pub static OPENERS: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!("../../../assets/entity-words/openers.txt"))
        .chain(crate::extract::calendar::month_words())
        .chain(crate::extract::calendar::WEEKDAYS.iter().copied())
        .collect()
});

/// Nouns that say a name right after them is an organisation ("oil company Rosneft").
pub static ORG_NOUNS: LazyLock<WordSet> =
    LazyLock::new(|| lines(include_str!("../../../assets/entity-words/org-nouns.txt")).collect());

/// Particles inside a surname ("van", "De"), kept when a name word follows them.
pub static NAME_PARTICLES: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/name-particles.txt"
    ))
    .collect()
});

/// Common nouns that end a run of name words without being part of the name ("Gitcoin Grant").
pub static TRAILING_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/trailing-nouns.txt"
    ))
    .collect()
});

/// Words after a name that make it an incident's victim ("Acme - Rekt", "the Zorb exploit").
pub static VICTIM_CUES: LazyLock<WordSet> =
    LazyLock::new(|| lines(include_str!("../../../assets/entity-words/victim-cues.txt")).collect());

/// Words a hyphen joins to a name to say something of it ("Alameda-backed", "UK-based").
pub static COMPOUND_SUFFIXES: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/compound-suffixes.txt"
    ))
    .collect()
});

/// Generational suffixes that belong to the name before them ("John J. Ray III").
pub static NAME_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/name-suffixes.txt"
    ))
    .collect()
});

/// Words after a city's name that make it the town's sports club ("Newcastle have").
pub static CLUB_CUES: LazyLock<WordSet> =
    LazyLock::new(|| lines(include_str!("../../../assets/entity-words/club-cues.txt")).collect());

/// Words before a city's name that make it the club its opponent plays ("face Barcelona").
pub static CLUB_OPPONENT_CUES: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/club-opponent-cues.txt"
    ))
    .collect()
});

/// What a social-media handle adds to an organisation's name ("@BlockSecTeam").
pub static HANDLE_SUFFIXES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/handle-suffixes.txt"
    ))
    .collect()
});

/// Endings of a domain that names a service ("revoke.cash").
pub static DOMAIN_ENDINGS: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/domain-endings.txt"
    ))
    .collect()
});

/// Words that open a credit line ("Credit:", "Sources:", "h/t").
pub static CREDIT_LEADS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/credit-leads.txt"
    ))
    .collect()
});

/// Job titles and honorifics before a name ("CEO", "Co-founder", "Congresswoman"): a role.
pub static JOB_TITLES: LazyLock<WordSet> =
    LazyLock::new(|| lines(include_str!("../../../assets/entity-words/job-titles.txt")).collect());

/// Honorifics ("Mr", "Dame"): trimmed off names like job titles, but no role.
pub static HONORIFICS: LazyLock<WordSet> =
    LazyLock::new(|| lines(include_str!("../../../assets/entity-words/honorifics.txt")).collect());

/// Lower-case words that stand in a title without being one ("former", "acting", "senior").
pub static TITLE_MODIFIERS: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/title-modifiers.txt"
    ))
    .collect()
});

/// Job titles in lower case, for roles written in running text ("chief executive of Acme").
pub static JOB_TITLES_LOWER: LazyLock<rustc_hash::FxHashSet<String>> = LazyLock::new(|| {
    JOB_TITLES
        .iter()
        .filter(|t| !HONORIFICS.contains(*t))
        .map(|t| t.trim_end_matches('.').to_lowercase())
        .collect()
});

/// Words that, near an actor alias that is also an ordinary name, speak of attackers.
static ACTOR_CUES: LazyLock<(WordSet, Vec<&'static str>)> = LazyLock::new(|| {
    let mut exact = WordSet::default();
    let mut prefixes = Vec::new();
    for l in lines(include_str!("../../../assets/entity-words/actor-cues.txt")) {
        match l.strip_suffix('*') {
            Some(p) => prefixes.push(p),
            None => {
                exact.insert(l);
            }
        }
    }
    (exact, prefixes)
});

/// Words after a place name that make it a programming language or a product ("Cairo code").
pub static NOT_PLACE_AFTER: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/not-place-cues.txt"
    ))
    .collect()
});

/// Words of crypto-asset writing: an article with several of them is a crypto story.
pub static CRYPTO: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/crypto-words.txt"
    ))
    .collect()
});

/// Lower-case words of ordinary running text (from the corpora, see `tests/entity_eval.rs`):
/// a capitalised one at a sentence start is more likely the word than a name.
pub static COMMON: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/common-words.txt"
    ))
    .collect()
});

/// Capitalised words that open a sentence or caption rather than an organisation ("The", "Read").
pub static ORG_LEADERS: LazyLock<WordSet> =
    LazyLock::new(|| lines(include_str!("../../../assets/entity-words/org-leaders.txt")).collect());

/// Words that alone do not make an organisation's name specific ("National", "Global").
pub static ORG_GENERIC: LazyLock<WordSet> =
    LazyLock::new(|| lines(include_str!("../../../assets/entity-words/org-generic.txt")).collect());

/// Place names that are also given names or surnames ("Jordan", "Chad").
pub static NAME_LIKE_PLACES: LazyLock<WordSet> = LazyLock::new(|| {
    lines(include_str!(
        "../../../assets/entity-words/name-like-places.txt"
    ))
    .collect()
});

/// Surnames (US Census 1990, and other countries' lists): a hint for the model, never a rule
/// ("Brown", "Young").
pub static SURNAMES: LazyLock<WordSet> = LazyLock::new(|| {
    sized_set(&[
        include_str!("../../../assets/surnames.txt"),
        include_str!("../../../assets/surnames-world.txt"),
    ])
});

/// Towns of GeoNames the rules do not match (often also a surname or a word: "Carlisle"): a
/// hint the model weighs with the words around the name.
pub static TOWNS: LazyLock<WordSet> =
    LazyLock::new(|| sized_set(&[include_str!("../../../assets/places-towns.txt")]));

/// Whether a lower-cased word speaks of attackers, a group or attribution.
pub fn is_actor_cue(lower: &str) -> bool {
    let (exact, prefixes) = &*ACTOR_CUES;
    exact.contains(lower) || prefixes.iter().any(|p| lower.starts_with(p))
}

/// Whether a capitalised word is a title or honorific rather than a name word.
pub fn is_job_title(word: &str) -> bool {
    JOB_TITLES.contains(word) || JOB_TITLES.contains(word.trim_end_matches('.'))
}

/// "Hong Kong-based", "Pyongyang-linked": a compound adjective, not a name word (the words
/// after the hyphen: `assets/entity-words/compound-suffixes.txt`).
pub fn is_modifier(word: &str) -> bool {
    // The last hyphen by a byte loop (a word is short): `rsplit_once` decoded it char by char.
    word.bytes()
        .rposition(|b| b == b'-')
        .is_some_and(|i| i > 0 && COMPOUND_SUFFIXES.contains(&word[i + 1..]))
}

/// A list's entries joined as a regex alternation, each matched literally: the patterns' word
/// groups are data, and a list entry never carries regex syntax.
pub fn alternation(words: &[&str]) -> String {
    words
        .iter()
        .map(|w| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// A table of names (`assets/people.tsv`, `assets/organisations/recurring.tsv`): each row the
/// canonical name, then the other spellings, tab-separated.
pub fn name_table(text: &'static str) -> Vec<(&'static str, Vec<&'static str>)> {
    crate::text::entries(text)
        .filter_map(|l| {
            let mut names = l.split('\t').map(str::trim);
            Some((names.next()?, names.collect()))
        })
        .collect()
}

//! Names proposed from word shape (capitalised, CamelCase, all-caps, `@handles`, `1inch`),
//! where the gazetteers and patterns found nothing, with the features the model types them by:
//! the words around each mention ("exchange", "CEO of", "said", "in"), the name's shape and
//! suffix, and how the article writes it elsewhere. A name's mentions in one article are typed
//! together, so one clear context ("Acme exchange") types every "Acme".

use crate::text::is_word_char;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

use crate::learn::WordHasher;
use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::model::{Features, hash};
use super::people::GIVEN_NAMES;
use super::word_starts::WordStarts;
use super::words::{
    COMMON, COMPOUND_SUFFIXES, CRYPTO, OPENERS, SURNAMES, TOWNS, TRAILING_NOUNS, is_job_title,
};
use super::words::{WordSet, is_modifier};

mod features;
mod lower_words;
mod neighbours;
#[cfg(test)]
mod string_features;
pub mod word_scan;

use neighbours::*;
pub(super) use neighbours::{employer_of_a_role, exemplified_noun, list_anchor, sentence_start};

/// Small words that may join two name words ("Bank of Korea", "Department for Education").
static CONNECTORS: LazyLock<WordSet> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/name-connectors.txt"
    ))
    .collect()
});

/// What follows the apostrophe of a contraction ("I'm", "We’ve").
static CONTRACTIONS: LazyLock<WordSet> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/contraction-endings.txt"
    ))
    .collect()
});

/// An ordinary adverb or gerund opening a sentence ("Curiously, …", "Contacting the team…"),
/// which the capital makes look like a name.
fn opening_adverb_or_gerund(word: &str) -> bool {
    let lower = word.to_lowercase();
    (lower.ends_with("ly") || lower.ends_with("ing")) && COMMON.contains(lower.as_str())
}

/// A proposed name: its mentions (byte ranges) and their pooled features.
#[derive(Clone, Debug)]
pub struct Proposal {
    /// The name as written, spaces normalised.
    pub name: String,
    pub spans: Vec<(usize, usize)>,
    pub features: Features,
}

/// Whether a matched word stands alone (not inside a word, a URL, a ticker or an address).
fn standalone(text: &str, start: usize, end: usize, word: &str) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    // "MEW/MyCrypto", "Voltage/Ola": a slash between two capitalised words in prose parts two
    // names; in a path or a URL ("github.com/Acme", "/Users") it does not.
    let named_pair = |other: &str| {
        let token = other.split(char::is_whitespace).next().unwrap_or("");
        let dotted = token
            .char_indices()
            .any(|(i, c)| c == '.' && token[i + 1..].starts_with(char::is_alphanumeric));
        other.starts_with(char::is_uppercase)
            && word.starts_with(char::is_uppercase)
            && !dotted
            && !token.contains('/')
    };
    let slash_before = before == Some('/')
        && text[..start - 1]
            .rsplit(char::is_whitespace)
            .next()
            .is_some_and(named_pair);
    let slash_after = after == Some('/') && named_pair(&text[end + 1..]);
    if before.is_some_and(|c| is_word_char(c) || matches!(c, '@' | '/' | '$' | '#' | '.' | '-'))
        && !slash_before
        || after.is_some_and(|c| is_word_char(c) || matches!(c, '/' | '@')) && !slash_after
    {
        return false;
    }
    let hexish = word.starts_with("0x") && word[2..].chars().all(|c| c.is_ascii_hexdigit());
    !hexish && word.len() <= 25
}

/// The word without a possessive ("Acme’s" → "Acme"), and whether it had one.
fn strip_possessive(word: &str) -> (&str, bool) {
    for s in ["'s", "’s"] {
        if let Some(w) = word.strip_suffix(s).filter(|w| !w.is_empty()) {
            return (w, true);
        }
    }
    (word, false)
}

/// Runs of name words, one after another in one vector: no vector per run.
struct Runs {
    words: Vec<(usize, usize)>,
    /// Each run's range in `words`, never empty.
    bounds: Vec<(usize, usize)>,
}

impl Runs {
    fn is_empty(&self) -> bool {
        self.bounds.is_empty()
    }

    /// Each run's words (byte ranges), in order.
    fn iter(&self) -> impl Iterator<Item = &[(usize, usize)]> {
        self.bounds.iter().map(|&(a, b)| &self.words[a..b])
    }
}

/// The spans the rules found, asked about words in the text's order.
struct Covered {
    /// The spans by start.
    spans: Vec<(usize, usize)>,
    /// The furthest end among each span and those before it.
    reach: Vec<usize>,
    /// How many spans start before the last word asked about ends.
    passed: usize,
}

impl Covered {
    fn new(covered: &[(usize, usize)]) -> Self {
        let mut spans = covered.to_vec();
        spans.sort_unstable();
        // Filled in place (a `scan` collected grew from empty).
        let mut reach: Vec<usize> = Vec::with_capacity(spans.len());
        let mut far = 0;
        for &(_, e) in &spans {
            far = e.max(far);
            reach.push(far);
        }
        Covered {
            spans,
            reach,
            passed: 0,
        }
    }

    /// Whether a span overlaps `start..end`. The words asked about come in order and never
    /// overlap, so their ends only grow: the spans starting before one are counted on from
    /// the last word's, a text dense with names costing one pass rather than a search a word.
    fn holds(&mut self, start: usize, end: usize) -> bool {
        while self.spans.get(self.passed).is_some_and(|&(s, _)| s < end) {
            self.passed += 1;
        }
        self.passed > 0 && self.reach[self.passed - 1] > start
    }
}

/// Runs of name words on one line, outside `covered`, sentence openers and titles trimmed.
/// `starts`: the text's word starts, which the share-bar lines are read from.
fn runs(text: &str, covered: &[(usize, usize)], starts: &WordStarts) -> Runs {
    let mut covered = Covered::new(covered);
    // About a name word per 64 bytes and a run per 128 of generated news: one allocation
    // each, not a few doublings.
    let mut words: Vec<(usize, usize)> = Vec::with_capacity(text.len() / 64);
    let mut bounds: Vec<(usize, usize)> = Vec::with_capacity(text.len() / 128);
    // Where the run being read starts in `words`.
    let mut run = 0;
    let mut closed = true;
    // An all-caps headline's capitals mark no name; a share bar's buttons are no names.
    let caps_title = super::text_shape::all_caps_title_end(text).unwrap_or(0);
    // The line's end, and whether it is a share bar once a word there needs to know: a line
    // whose words are all covered or inside longer tokens is never read for share buttons.
    let mut line: (usize, Option<bool>) = (0, None);
    let chrome_lines = super::text_shape::page_chrome_lines(text, starts);
    let mut first_line = true;
    for (start, word_end) in word_scan::find_iter(text) {
        let word = &text[start..word_end];
        // The line's end holds for every word before it: found once per line, not per word.
        if first_line || start > line.0 {
            let end =
                memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |i| start + i);
            line = (end, None);
            first_line = false;
        }
        // Whether the word is covered first: a name the rules found is most often why a
        // word is passed over, and the cheaper test.
        if covered.holds(start, word_end)
            || !standalone(text, start, word_end, word)
            || start < caps_title
            || *line.1.get_or_insert_with(|| match &chrome_lines {
                Some(lines) => lines.iter().any(|&(s, e)| s <= start && start <= e),
                None => super::text_shape::page_chrome_line(text, start),
            })
            || super::text_shape::WIRE_ABBREVIATIONS.contains(word)
        {
            closed = true;
            continue;
        }
        // "I", "I'm", "We’ve": pronouns name no one the sidebar lists.
        if word == "I"
            || word.contains(['\'', '’'])
                && !word.ends_with("'s")
                && !word.ends_with("’s")
                && word
                    .split(['\'', '’'])
                    .nth(1)
                    .is_some_and(|t| CONTRACTIONS.contains(t))
        {
            closed = true;
            continue;
        }
        let (word, possessive) = strip_possessive(word);
        // "Alameda-backed", "a Curve-clone": the name is the part before the hyphen.
        let word = match memchr::memrchr(b'-', word.as_bytes()) {
            Some(h) if h > 0 && COMPOUND_SUFFIXES.contains(&word[h + 1..]) => &word[..h],
            _ => word,
        };
        let end = start + word.len();
        // A lower-case handle is a name on its own: it never joins its neighbours.
        let handle = is_lower_handle(word);
        let joins = !closed
            && !handle
            && words[run..].last().is_some_and(|&(s, e)| {
                let gap = &text[e..start];
                gap == " "
                    || gap == ". " && dotted_initials(&text[s..e]) && continues_name(word)
                    || gap
                        .strip_prefix(' ')
                        .and_then(|g| g.strip_suffix(' '))
                        .is_some_and(|g| CONNECTORS.contains(g))
                        && !OPENERS.contains(word)
            });
        if !joins && words.len() > run {
            bounds.push((run, words.len()));
            run = words.len();
        }
        words.push((start, end));
        closed = possessive || handle;
    }
    if words.len() > run {
        bounds.push((run, words.len()));
    }
    for b in bounds.iter_mut() {
        let r = &words[b.0..b.1];
        // An opener right after a lower-case word is inside a sentence, where a capital marks a
        // name ("made Do Kwon rich"); a title's capitals mark nothing.
        // (The word lower-cased opens with a lower-case letter: its first character's
        // lower case does, with no string built.)
        let in_prose = r.first().is_some_and(|&(s, _)| {
            let (w, _) = raw_token_before(text, s);
            w.chars()
                .next()
                .and_then(|c| c.to_lowercase().next())
                .is_some_and(char::is_lowercase)
        });
        let drop = r
            .iter()
            .enumerate()
            .take_while(|&(i, &(s, e))| {
                let w = &text[s..e];
                OPENERS.contains(w) && !(i == 0 && in_prose)
                    || i == 0 && sentence_start(text, s) && opening_adverb_or_gerund(w)
                    || is_job_title(w)
                    || is_modifier(w)
            })
            .count();
        b.0 += drop;
        // "Wintermute CEO", "our Gitcoin Grant": a firm's officer or a thing owned ends no
        // name. Other titles keep their portfolio ("Pensions Secretary" is no firm's).
        let ends_no_name = |(s, e): (usize, usize)| {
            let w = &text[s..e];
            is_job_title(w) && w.chars().all(|c| c.is_ascii_uppercase())
                || TRAILING_NOUNS.contains(w)
        };
        while b.1 - b.0 > 1 && ends_no_name(words[b.1 - 1]) {
            b.1 -= 1;
        }
        let r = &words[b.0..b.1];
        // "Users of Acme" at a sentence start: an ordinary word, then the name.
        if r.len() > 1
            && text[r[0].1..r[1].0] != *" "
            && sentence_start(text, r[0].0)
            && COMMON.contains(text[r[0].0..r[0].1].to_lowercase().as_str())
        {
            b.0 += 1;
        }
        b.1 = b.1.min(b.0 + 6);
    }
    bounds.retain(|b| b.1 > b.0);
    Runs { words, bounds }
}

/// Whether a run so far is a firm's or a person's dotted initials ("E.F" of "E.F. Hutton",
/// "C.J" of "C.J. Lawrence"): two capitals or more, each but the last followed by a period,
/// whose closing period does not end the sentence.
fn dotted_initials(run: &str) -> bool {
    let letters: Vec<&str> = run.split('.').collect();
    letters.len() >= 2
        && letters
            .iter()
            .all(|l| l.len() == 1 && l.chars().all(|c| c.is_ascii_uppercase()))
}

/// Whether a word after dotted initials goes on with the name rather than opening a sentence.
fn continues_name(word: &str) -> bool {
    !OPENERS.contains(word) && !COMMON.contains(word.to_lowercase().as_str())
}

/// Whether a proposed word is a lower-case handle (no capital letter).
fn is_lower_handle(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_lowercase() || c == '_')
        && !word.chars().any(char::is_uppercase)
}

/// Article-wide facts the features read.
struct Doc<'a> {
    /// The names' first words, lower-cased, that the text also writes as a lower-case word
    /// (the `doc_lower` feature asks for no other word).
    lower_words: HashSet<&'a str, WordHasher>,
    title_end: usize,
    /// A crypto story: the same name shape means a protocol there more often than a person.
    crypto: bool,
}

impl<'a> Doc<'a> {
    /// `runs`: the proposed names' words, whose first words the features ask about.
    fn of(text: &'a str, crypto: bool, runs: &Runs) -> Self {
        Doc {
            lower_words: lower_words::among(text, runs),
            title_end: text.find('\n').unwrap_or(text.len()),
            crypto,
        }
    }
}

/// A name, its mentions so far and the hashes of their features.
type Pooled = (String, Vec<(usize, usize)>, Vec<u32>);

/// Whether the text uses at least three different words of crypto writing. Words (runs of ASCII
/// letters, digits and `-`) are read a byte at a time and compared, in any case, only with the
/// list's words of their length and first letter: no hash and no copy per word, since this reads
/// every word of every text.
pub(crate) fn is_crypto_story(text: &str) -> bool {
    let list = &*CRYPTO_WORDS;
    let mut seen: Vec<usize> = Vec::with_capacity(3);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        i += bytes[i..]
            .iter()
            .position(|&b| is_crypto_word_byte(b))
            .unwrap_or(bytes.len() - i);
        let start = i;
        i += bytes[i..]
            .iter()
            .position(|&b| !is_crypto_word_byte(b))
            .unwrap_or(bytes.len() - i);
        let word = &bytes[start..i];
        let Some(&first) = word.first() else { continue };
        if word.len() > 16
            || list.lengths[usize::from(first.to_ascii_lowercase())] >> word.len() & 1 == 0
        {
            continue;
        }
        if let Some(k) = list
            .words
            .iter()
            .position(|w| w.as_bytes().eq_ignore_ascii_case(word))
            && !seen.contains(&k)
        {
            seen.push(k);
            if seen.len() >= 3 {
                return true;
            }
        }
    }
    false
}

/// A byte of a word [`is_crypto_story`] reads.
fn is_crypto_word_byte(b: u8) -> bool {
    CRYPTO_WORD_BYTES[usize::from(b)]
}

/// [`is_crypto_word_byte`] as a table: one load a byte, where the range tests took a dozen
/// instructions.
static CRYPTO_WORD_BYTES: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'-';
        b += 1;
    }
    t
};

/// The crypto words a text's word can match: lower-case ASCII words of 3 to 16 bytes (the words
/// the old stack buffer could hold), with, for each first byte, the lengths that occur.
struct CryptoWords {
    words: Vec<&'static str>,
    lengths: [u32; 128],
}

static CRYPTO_WORDS: LazyLock<CryptoWords> = LazyLock::new(|| {
    let words: Vec<&'static str> = CRYPTO
        .iter()
        .copied()
        .filter(|w| {
            (3..=16).contains(&w.len())
                && w.bytes()
                    .all(|b| is_crypto_word_byte(b) && !b.is_ascii_uppercase())
        })
        .collect();
    let mut lengths = [0u32; 128];
    for w in &words {
        lengths[usize::from(w.as_bytes()[0])] |= 1 << w.len();
    }
    CryptoWords { words, lengths }
});

/// The person's and firm's cues (`person_cues`), each with its "at any mention" feature.
static ANY_MENTION_CUES: LazyLock<[(u32, u32); ANY_MENTION_CUE_NAMES.len()]> =
    LazyLock::new(|| ANY_MENTION_CUE_NAMES.map(|c| (hash(c), hash(&format!("any&{c}")))));

/// The cues [`ANY_MENTION_CUES`] hashes.
const ANY_MENTION_CUE_NAMES: [&str; 4] = ["pron_after", "its_after", "person_verb", "person_poss"];

/// The features of how many times a name is written: once, twice, three times or more.
static MENTION_COUNTS: LazyLock<[u32; 3]> =
    LazyLock::new(|| ["mentions=1", "mentions=2", "mentions=3+"].map(hash));

/// Proposes the article's unfound names and pools each name's features over its mentions.
/// `crypto`: the article is a crypto story ([`crate::extract::document::Signals::crypto_story`]);
/// `starts`: the text's word starts, found once for the rules and the proposals.
pub(super) fn propose(
    text: &str,
    starts: &WordStarts,
    covered: &[(usize, usize)],
    not_name: &FxHashSet<String>,
    crypto: bool,
) -> Vec<Proposal> {
    let found = runs(text, covered, starts);
    if found.is_empty() {
        return Vec::new();
    }
    let doc = Doc::of(text, crypto, &found);
    // Each name's mentions and the hashes of their features, in the order names first appear.
    // No more names than runs.
    let mut pooled: Vec<Pooled> = Vec::with_capacity(found.bounds.len());
    // Keyed by the text's own slice when the name is written with single spaces (nearly
    // always): no copy of the name but the proposal's.
    let mut index: HashMap<Cow<str>, usize, WordHasher> =
        HashMap::with_capacity_and_hasher(found.bounds.len(), WordHasher::default());
    let mut scratch = features::Scratch::default();
    for words in found.iter() {
        let (start, end) = (words[0].0, words[words.len() - 1].1);
        let written = &text[start..end];
        // The name with single spaces: nearly always as written, keyed with no copy.
        let key = if crate::text::single_spaced_already(written.as_bytes()) {
            Cow::Borrowed(written)
        } else {
            Cow::Owned(crate::text::single_spaced(written))
        };
        let next = pooled.len();
        let at = *index.entry(key).or_insert_with_key(|name| {
            // A mention has some fifty features: room for one, not a dozen doublings.
            pooled.push((
                String::from(&**name),
                Vec::with_capacity(1),
                Vec::with_capacity(64),
            ));
            next
        });
        let (_, spans, hashes) = &mut pooled[at];
        spans.push((start, end));
        features::mention_features(text, words, &doc, not_name, &mut scratch, hashes);
    }
    pooled
        .into_iter()
        .map(|(name, spans, mut hashes)| {
            hashes.sort_unstable();
            let features = pooled_features(&hashes, spans.len());
            Proposal {
                name,
                spans,
                features,
            }
        })
        .collect()
}

/// A name's features from its mentions' sorted feature hashes: each feature's mean over the
/// `mentions` (how many times it came, over how many), then the person's and firm's cues at
/// any one mention ("his", "its") counted whole and the mention count, sorted by hash with
/// those few after the pooled ones of an equal hash. The few are merged in as the hashes are
/// counted, where inserting each at its place moved the vector's tail.
fn pooled_features(hashes: &[u32], mentions: usize) -> Features {
    let k = mentions as f32;
    // The cues' and the count's features, in the order they are pushed, then stably sorted
    // by hash. A cue counts when a mention had it, or (a collision of hashes) when it is the
    // "any" feature of a cue pushed before it. Each holds `k`, which the division by `k`
    // makes exactly 1.
    let mut extra = [(0u32, 0f32); ANY_MENTION_CUE_NAMES.len() + 1];
    let mut n = 0;
    for &(cue, any) in ANY_MENTION_CUES.iter() {
        if hashes.binary_search(&cue).is_ok() || extra[..n].iter().any(|f| f.0 == cue) {
            extra[n] = (any, k);
            n += 1;
        }
    }
    extra[n] = (MENTION_COUNTS[mentions.min(3) - 1], k);
    let extra = &mut extra[..=n];
    extra.sort_by_key(|f| f.0);
    let mut features: Features = Vec::with_capacity(hashes.len() + extra.len());
    let mut e = 0;
    for &h in hashes {
        if let Some((last, v)) = features.last_mut()
            && *last == h
        {
            *v += 1.0;
            continue;
        }
        while let Some(&f) = extra.get(e)
            && f.0 < h
        {
            features.push(f);
            e += 1;
        }
        features.push((h, 1.0));
    }
    features.extend_from_slice(&extra[e..]);
    // A count over one mention is its mean already.
    if mentions > 1 {
        for f in &mut features {
            f.1 /= k;
        }
    }
    features
}

#[cfg(test)]
mod tests;

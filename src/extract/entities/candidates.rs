//! Names proposed from word shape (capitalised, CamelCase, all-caps, `@handles`, `1inch`),
//! where the gazetteers and patterns found nothing, with the features the model types them by:
//! the words around each mention ("exchange", "CEO of", "said", "in"), the name's shape and
//! suffix, and how the article writes it elsewhere. A name's mentions in one article are typed
//! together, so one clear context ("Acme exchange") types every "Acme".

use crate::text::is_word_char;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use regex::Regex;

use super::model::{Features, hash};
use super::people::GIVEN_NAMES;
use super::words::is_modifier;
use super::words::{
    COMMON, COMPOUND_SUFFIXES, CRYPTO, OPENERS, SURNAMES, TOWNS, TRAILING_NOUNS, is_job_title,
};

/// One name word (Latin letters, accents included), or a lower-case handle of a shape no
/// ordinary word has: an ENS name (`nick.eth`), with an underscore (`officer_cia`) or ending in
/// digits (`jiecut42`). Leading boundaries are checked in code
/// (accented capitals have no ASCII word boundary before them).
mod neighbours;

use neighbours::*;
pub(super) use neighbours::{
    employer_of_a_role, exemplified_noun, list_anchor, sentence_start, word_before,
};

static WORD: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::compile(
        r"@[A-Za-z0-9_]{2,30}|[A-ZÀ-ÖØ-ÞĀ-ž][A-Za-z0-9_À-ÖØ-öø-ÿĀ-ž]*(?:[-.'’&][A-Za-z0-9À-ÖØ-öø-ÿĀ-ž]+)*|[a-zß-öø-ÿĀ-ž]+[A-ZÀ-ÖØ-ÞĀ-ž][A-Za-z0-9À-ÖØ-öø-ÿĀ-ž]*|[0-9]+[A-Za-z]{3,}[A-Za-z0-9]*|[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.eth|_?[a-z][a-z0-9]*(?:_[a-z0-9]+)+_?|[a-z]{3,}[0-9]+[a-z0-9]*",
    )
});

/// Small words that may join two name words ("Bank of Korea", "Department for Education").
static CONNECTORS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/name-connectors.txt"
    ))
    .collect()
});

/// What follows the apostrophe of a contraction ("I'm", "We’ve").
static CONTRACTIONS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
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

/// Runs of name words on one line, outside `covered`, sentence openers and titles trimmed.
fn runs(text: &str, covered: &[(usize, usize)]) -> Vec<Vec<(usize, usize)>> {
    let Some(re) = WORD.as_ref() else {
        return Vec::new();
    };
    // Covered spans by start, with the furthest end reached so far: whether a word overlaps
    // one is a binary search, so a text dense with names stays n log n.
    let mut spans = covered.to_vec();
    spans.sort_unstable();
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |far, &(_, e)| {
            *far = e.max(*far);
            Some(*far)
        })
        .collect();
    let is_covered = |start: usize, end: usize| {
        let k = spans.partition_point(|&(s, _)| s < end);
        k > 0 && reach[k - 1] > start
    };
    let mut out: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut run: Vec<(usize, usize)> = Vec::new();
    let mut closed = true;
    // An all-caps headline's capitals mark no name; a share bar's buttons are no names.
    let caps_title = super::text_shape::all_caps_title_end(text).unwrap_or(0);
    let mut chrome: Option<(usize, bool)> = None;
    for m in re.find_iter(text) {
        let (start, word) = (m.start(), m.as_str());
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        if chrome.is_none_or(|(end, _)| end != line_end) {
            chrome = Some((line_end, super::text_shape::page_chrome_line(text, start)));
        }
        if !standalone(text, start, m.end(), word)
            || is_covered(start, m.end())
            || start < caps_title
            || chrome.is_some_and(|(_, c)| c)
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
        let word = match word.rsplit_once('-') {
            Some((head, tail)) if !head.is_empty() && COMPOUND_SUFFIXES.contains(tail) => head,
            _ => word,
        };
        let end = start + word.len();
        // A lower-case handle is a name on its own: it never joins its neighbours.
        let handle = is_lower_handle(word);
        let joins = !closed
            && !handle
            && run.last().is_some_and(|&(s, e)| {
                let gap = &text[e..start];
                gap == " "
                    || gap == ". " && dotted_initials(&text[s..e]) && continues_name(word)
                    || gap
                        .strip_prefix(' ')
                        .and_then(|g| g.strip_suffix(' '))
                        .is_some_and(|g| CONNECTORS.contains(g))
                        && !OPENERS.contains(word)
            });
        if !joins && !run.is_empty() {
            out.push(std::mem::take(&mut run));
        }
        run.push((start, end));
        closed = possessive || handle;
    }
    if !run.is_empty() {
        out.push(run);
    }
    for r in out.iter_mut() {
        // An opener right after a lower-case word is inside a sentence, where a capital marks a
        // name ("made Do Kwon rich"); a title's capitals mark nothing.
        let in_prose = r.first().is_some_and(|&(s, _)| {
            let (w, _) = token_before(text, s);
            w.starts_with(|c: char| c.is_lowercase())
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
        r.drain(..drop);
        // "Wintermute CEO", "our Gitcoin Grant": a firm's officer or a thing owned ends no
        // name. Other titles keep their portfolio ("Pensions Secretary" is no firm's).
        while r.len() > 1
            && r.last().is_some_and(|&(s, e)| {
                let w = &text[s..e];
                is_job_title(w) && w.chars().all(|c| c.is_ascii_uppercase())
                    || TRAILING_NOUNS.contains(w)
            })
        {
            r.pop();
        }
        // "Users of Acme" at a sentence start: an ordinary word, then the name.
        if r.len() > 1
            && text[r[0].1..r[1].0] != *" "
            && sentence_start(text, r[0].0)
            && COMMON.contains(text[r[0].0..r[0].1].to_lowercase().as_str())
        {
            r.remove(0);
        }
        r.truncate(6);
    }
    out.retain(|r| !r.is_empty());
    out
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

/// Word shape: "Xx", "X", "xXx", "d"…, repeats collapsed.
fn shape(word: &str) -> String {
    let mut s = String::new();
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !s.ends_with(k) {
            s.push(k);
        }
    }
    s
}

/// Article-wide facts the features read.
struct Doc<'a> {
    lower_words: HashSet<&'a str>,
    title_end: usize,
    /// A crypto story: the same name shape means a protocol there more often than a person.
    crypto: bool,
}

fn mention_features(
    text: &str,
    words: &[(usize, usize)],
    doc: &Doc,
    not_name: &HashSet<String>,
    out: &mut Vec<String>,
) {
    let (start, end) = (words[0].0, words[words.len() - 1].1);
    let ws: Vec<&str> = words.iter().map(|&(s, e)| &text[s..e]).collect();
    let lower: Vec<String> = ws.iter().map(|w| w.to_lowercase()).collect();
    let n = ws.len().min(4);
    out.push("b".into());
    out.push(format!("n={n}"));
    out.push(format!("span={}", lower.join(" ")));
    out.push(format!("first={}", lower[0]));
    out.push(format!("last={}", lower[lower.len() - 1]));
    let last = &lower[lower.len() - 1];
    let suffix: String = last
        .chars()
        .rev()
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    out.push(format!("suf={suffix}"));
    for (w, l) in ws.iter().zip(&lower) {
        out.push(format!("shape={}", shape(w)));
        out.push(format!("w={l}"));
        if w.chars().skip(1).any(char::is_uppercase) && w.chars().any(char::is_lowercase) {
            out.push("camel".into());
        }
        if w.chars().any(|c| c.is_ascii_digit()) {
            out.push("digit".into());
        }
        if not_name.contains(*w) {
            out.push("notname".into());
        }
    }
    out.push(format!("shape1={}", shape(ws[0])));
    let common_first = COMMON.contains(lower[0].as_str());
    if common_first {
        out.push("common_first".into());
    }
    if lower.iter().all(|l| COMMON.contains(l.as_str())) {
        out.push(format!("common_all&n={n}"));
    }
    if GIVEN_NAMES.contains(ws[0]) {
        out.push(format!("given_first&n={n}"));
    }
    if SURNAMES.contains(ws[ws.len() - 1]) {
        out.push(format!("surname_last&n={n}"));
    }
    if ws.len() == 1 && ws[0].chars().all(|c| !c.is_lowercase()) {
        out.push(format!("allcaps_len={}", ws[0].chars().count().min(6)));
    }
    if ws[0].starts_with('@') {
        out.push("handle".into());
    }
    if ws.len() == 1 && is_lower_handle(ws[0]) {
        // A lower-case handle's place in the sentence says nothing of its capital letter.
        out.push("lower_handle".into());
    } else if sentence_start(text, start) {
        out.push("sent_start".into());
        out.push(format!("sent_start&n={n}"));
        if common_first {
            out.push("sent_start&common_first".into());
        }
    }
    if start < doc.title_end {
        out.push("title_line".into());
    }
    if doc.crypto {
        // The story's domain, crossed with the name's shape: a linear model needs the pairs.
        let base = out.len();
        for i in 0..base {
            let f = &out[i];
            if f == "b"
                || f.starts_with("n=")
                || f.starts_with("shape")
                || f.starts_with("given_first")
                || f.starts_with("surname_last")
                || f.starts_with("common")
                || matches!(f.as_str(), "camel" | "digit" | "handle" | "sent_start")
            {
                out.push(format!("crypto&{f}"));
            }
        }
    }
    if doc.lower_words.contains(lower[0].as_str()) {
        out.push(format!("doc_lower&n={n}"));
    }
    let (prev, prev_at) = token_before(text, start);
    let (next, next_at) = token_after(text, end);
    let prev2 = word_before(text, prev_at);
    let next2 = token_after(text, next_at).0;
    out.push(format!("anchor={}", list_anchor(text, start)));
    for w in window_words(text, start, end) {
        out.push(format!("ctx={w}"));
    }
    out.push(format!(
        "pre3={}",
        lower[0].chars().take(3).collect::<String>()
    ));
    out.push(format!("prev={prev}"));
    out.push(format!("next={next}"));
    out.push(format!("prev2={prev2} {prev}"));
    out.push(format!("next2={next} {next2}"));
    out.push(format!("prev&n={prev}&{n}"));
    // "in Carlisle", "Sarasota, Fla.": a town of GeoNames the rules leave to the model.
    if TOWNS.contains(ws.join(" ").as_str()) {
        out.push(format!("town&n={n}"));
        out.push(format!("town&prev={prev}"));
        out.push(format!("town&next={next}"));
    }
    // "David Anders at Merrill Lynch", "James Murren of C.J. Lawrence": a name right after
    // another name and a preposition is often where that person works.
    if matches!(prev.as_str(), "at" | "of" | "from")
        && text[..prev_at]
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
    {
        out.push(format!("after_name&{prev}"));
    }
    if text[end..].starts_with("'s") || text[end..].starts_with("’s") {
        out.push("poss".into());
    }
}

/// A name's mentions so far and the sums of their features.
type Pooled = (Vec<(usize, usize)>, HashMap<u32, f32>);

/// Whether the text uses at least three different words of crypto writing. Words are
/// lower-cased in a stack buffer (no allocation per word: this reads every word of every text).
pub(crate) fn is_crypto_story(text: &str) -> bool {
    let mut seen: Vec<&str> = Vec::with_capacity(3);
    let mut buf = [0u8; 16];
    for w in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
        if w.len() < 3 || w.len() > buf.len() {
            continue;
        }
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else {
            continue;
        };
        if let Some(k) = CRYPTO.get(lower)
            && !seen.contains(k)
        {
            seen.push(k);
            if seen.len() >= 3 {
                return true;
            }
        }
    }
    false
}

/// Proposes the article's unfound names and pools each name's features over its mentions.
/// `crypto`: the article is a crypto story ([`crate::extract::document::Signals::crypto_story`]).
pub fn propose(
    text: &str,
    covered: &[(usize, usize)],
    not_name: &HashSet<String>,
    crypto: bool,
) -> Vec<Proposal> {
    let found = runs(text, covered);
    if found.is_empty() {
        return Vec::new();
    }
    let doc = Doc {
        lower_words: text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .collect(),
        title_end: text.find('\n').unwrap_or(text.len()),
        crypto,
    };
    let mut by_name: HashMap<String, Pooled> = HashMap::new();
    let mut order: Vec<String> = Vec::new();
    let mut feats = Vec::new();
    for words in &found {
        let (start, end) = (words[0].0, words[words.len() - 1].1);
        let name = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        feats.clear();
        mention_features(text, words, &doc, not_name, &mut feats);
        let entry = by_name.entry(name.clone()).or_insert_with(|| {
            order.push(name.clone());
            (Vec::new(), HashMap::new())
        });
        entry.0.push((start, end));
        for f in &feats {
            *entry.1.entry(hash(f)).or_default() += 1.0;
        }
    }
    order
        .into_iter()
        .filter_map(|name| {
            let (spans, sums) = by_name.remove(&name)?;
            let k = spans.len() as f32;
            let mut features: Features = sums.into_iter().map(|(h, v)| (h, v / k)).collect();
            let count = ["mentions=1", "mentions=2", "mentions=3+"][spans.len().min(3) - 1];
            features.push((hash(count), 1.0));
            features.sort_by_key(|f| f.0);
            Some(Proposal {
                name,
                spans,
                features,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;

//! Finding money figures in text: currency, number, magnitude, qualifier, range and conversion,
//! without any judgement of what the figure is for.

use std::sync::LazyLock;

use regex_automata::meta::Regex;
use rustc_hash::FxHashSet;

/// A figure as written, with byte offsets into the text it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Parsed {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// ISO 4217 code or crypto ticker.
    pub currency: String,
    /// US dollars when the text gives them (a dollar figure, a stablecoin, a conversion).
    pub usd: Option<f64>,
}

/// Dollar stablecoins: US dollars at par.
static STABLECOINS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/lexicon/stablecoins.txt")).collect()
});

/// Well-known crypto tickers, accepted anywhere; other all-caps tickers need a crypto article.
static CRYPTO: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/lexicon/crypto-tickers.txt")).collect()
});

/// All-caps words that follow numbers without being currencies.
static NOT_TICKERS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/lexicon/not-tickers.txt")).collect()
});

/// Fiat written before the number.
const PREFIX: &str = r"(?P<pre>US\$|U\.S\.\s?\$|AU?\$|CA?\$|HK\$|NT\$|S\$|NZ\$|R\$|\$|€|£|¥|₩|₹|(?:USD|EUR|GBP|JPY|KRW|CNY|RMB|INR|AUD|CAD|CHF|HKD|SGD|TWD|RUB)(?-u:\b)|Rs\.?)";
const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";
/// Headlines capitalise the word ("$308 Million Hack"), so the words match in any case.
const MAG: &str = r"(?P<mag>(?i:thousand|trillion|billion|million)|mln|bln|mn|bn|tn|k|K|m|M|b|B)";
const WORDNUM: &str = r"(?i:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|a\s+hundred|one\s+hundred|half\s+a)";
const SUFFIX_WORD: &str = r"(?P<word>(?i:(?:US|U\.S\.|American|Hong\s+Kong|Australian|Canadian|Singapore|Taiwan)\s+dollars?|dollars?|dlrs|bitcoins?|ether|euros?|pounds?(?:\s+sterling)?|sterling|yen|won|yuan|renminbi|rupees?)|USD|EUR|GBP|JPY|KRW|CNY|RMB|INR|AUD|CAD|CHF|HKD|SGD|TWD|RUB)";

/// A pattern with the numbers of its named groups, in the order asked (a group read by number
/// skips a name look-up), tried anchored where a figure can start ([`starts`]).
type Anchorable<const N: usize> = (regex_automata::meta::Regex, [usize; N]);

/// Compiled with no prefilter: a search anchored where it starts uses none, and building one
/// (with the reverse-suffix and reverse-inner engines it brings) was most of the compile.
fn anchorable<const N: usize>(pattern: &str, names: [&str; N]) -> Anchorable<N> {
    let regex = re(pattern);
    let info = regex.group_info();
    // A name the pattern lacks gets a number no group has, so it reads as absent.
    let groups = names.map(|name| {
        info.to_index(regex_automata::PatternID::ZERO, name)
            .unwrap_or(usize::MAX)
    });
    (regex, groups)
}

/// `$81 million`, `€1.7bn`, `US$ 5m`, `$60-80 million`, optionally with a trailing `USD`.
/// Groups: pre, num, num2, mag, tail.
static PREFIXED: LazyLock<Anchorable<5>> =
    LazyLock::new(|| anchorable(&prefixed(), ["pre", "num", "num2", "mag", "tail"]));

fn prefixed() -> String {
    format!(
        r"{PREFIX}[ \u00a0]?(?P<num>{NUM})(?:[ \u00a0]?(?:-|–|to)[ \u00a0]?(?:\$|€|£)?(?P<num2>{NUM}))?(?:[ \u00a0]?{MAG})?(?P<tail>[ \u00a0](?:USD|US\s+dollars|dollars)(?-u:\b))?"
    )
}

/// `81 million dollars`, `15 mln dlrs`, `6.7 billion yen`, `25.5M USDC`, `4,502.9 BTC`.
/// Groups: num, num2, mag, word, tick.
static SUFFIXED: LazyLock<Anchorable<5>> =
    LazyLock::new(|| anchorable(&suffixed(), ["num", "num2", "mag", "word", "tick"]));

fn suffixed() -> String {
    format!(
        r"(?P<num>{NUM})(?:[ \u00a0]?(?:-|–|to)[ \u00a0]?(?P<num2>{NUM}))?(?:[ \u00a0]?{MAG})?[ \u00a0](?:{SUFFIX_WORD}(?-u:\b)|(?P<tick>[a-z]{{0,2}}[A-Z][A-Z0-9]{{1,6}})(?-u:\b))"
    )
}

/// `two billion dollars`, `half a billion dollars`, `a million pounds`.
/// Groups: wnum, mag, word.
static WORDED: LazyLock<Anchorable<3>> =
    LazyLock::new(|| anchorable(&worded(), ["wnum", "mag", "word"]));

fn worded() -> String {
    format!(r"(?-u:\b)(?P<wnum>{WORDNUM})\s+(?P<mag>{WORDED_MAG})\s+{SUFFIX_WORD}")
}

const WORDED_MAG: &str = "(?i:thousand|million|billion|trillion)";

/// A worded figure's magnitude and currency, which every worded figure ends with: few places
/// hold one, and only there is the figure's start looked for.
static MAG_CURRENCY: LazyLock<Anchorable<0>> =
    LazyLock::new(|| anchorable(&format!(r"{WORDED_MAG}\s+{SUFFIX_WORD}"), []));

/// What lies between a figure and its conversion: `(`, `(~`, `worth approximately`.
static CONVERSION_GAP: LazyLock<Regex> = LazyLock::new(|| {
    re(
        r"^(?:\s*\(\s*(?i:~|≈|about|approx\.?|approximately|around|roughly|some|or|c\.|nearly|almost|over|more than)?\s*|\s*,?\s+(?i:then\s+|at\s+the\s+time\s+)?(?i:worth|valued\s+at|equivalent\s+to|equal\s+to|or)\s+(?i:~|about|approximately|around|roughly|some|nearly|almost|over|more\s+than|an\s+estimated)?\s*~?)$",
    )
});

static RANGE_GAP: LazyLock<Regex> = LazyLock::new(|| re(r"^\s*(?:-|–|—|to|and)\s*$"));

/// What a qualifier says of the figure after it.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Bound {
    /// A lower bound ("at least").
    Min,
    /// An upper bound ("up to").
    Max,
    /// A band of 10 % either side ("about").
    About,
}

/// A qualifier of `assets/lexicon/money-qualifiers.tsv`.
struct Qualifier {
    /// Its words, blanks (`\s+`) apart in the text.
    words: Vec<&'static str>,
    /// Its words joined by single spaces, as a qualifier found is looked up.
    key: String,
    bound: Bound,
    /// A sign written onto the figure ("~$5M"): the figure's span starts at it.
    joined: bool,
}

/// The qualifiers a figure may follow, in any case, in the file's (the pattern's) order: the
/// one list [`QUALIFIER`] (read beyond ASCII), [`ascii_qualifier`] (the rest) and
/// [`may_qualify`] are made of.
static QUALIFIERS: LazyLock<Vec<Qualifier>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/lexicon/money-qualifiers.tsv"))
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let words: Vec<&str> = cols.next()?.split(' ').collect();
            let bound = match cols.next()? {
                "min" => Bound::Min,
                "max" => Bound::Max,
                "about" => Bound::About,
                _ => return None,
            };
            let joined = cols.next() == Some("joined");
            Some(Qualifier {
                key: words.join(" "),
                words,
                bound,
                joined,
            })
        })
        .collect()
});

/// What [`may_qualify`] looks for at the end of the text before a figure, from [`QUALIFIERS`].
struct QualifierEnds {
    /// The last words made of ASCII letters ("least", "of", "approx").
    words: Vec<&'static [u8]>,
    /// The ASCII last bytes of the others ("approx.", "~"); a byte beyond ASCII always passes.
    marks: Vec<u8>,
}

static QUALIFIER_ENDS: LazyLock<QualifierEnds> = LazyLock::new(|| {
    let mut ends = QualifierEnds {
        words: Vec::new(),
        marks: Vec::new(),
    };
    for q in QUALIFIERS.iter() {
        let Some(last) = q.words.last().map(|w| w.as_bytes()) else {
            continue;
        };
        if last.iter().all(u8::is_ascii_alphabetic) {
            if !ends.words.contains(&last) {
                ends.words.push(last);
            }
        } else if let Some(&b) = last.last().filter(|b| b.is_ascii())
            && !ends.marks.contains(&b)
        {
            ends.marks.push(b);
        }
    }
    ends
});

/// A qualifier right before a figure (no boundary before it), blanks after it; read with its
/// Unicode case folding and blanks only where the text is not all ASCII.
static QUALIFIER: LazyLock<Regex> = LazyLock::new(|| {
    let words = |q: &[&str]| {
        q.iter()
            .map(|w| regex::escape(w))
            .collect::<Vec<_>>()
            .join(r"\s+")
    };
    let alternatives: Vec<String> = QUALIFIERS.iter().map(|q| words(&q.words)).collect();
    re(&format!(r"(?i)(?P<q>{})\s*$", alternatives.join("|")))
});

/// Whether `before` can end with a [`QUALIFIER`] (which has no boundary before it): after its
/// blanks it ends with one of their last words ("moreover" ends with "over"), in any ASCII case,
/// or with a sign, a full stop, or a letter of another script (the long s is an "s"). Most
/// figures follow another word, and are turned down here without the pattern.
fn may_qualify(before: &str) -> bool {
    let ends = &*QUALIFIER_ENDS;
    let b = before.trim_end().as_bytes();
    let letters = b
        .iter()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .count();
    if letters == 0 {
        return b
            .last()
            .is_some_and(|c| !c.is_ascii() || ends.marks.contains(c));
    }
    // A letter of another script just before the ASCII ones may be part of the word.
    let word = &b[b.len() - letters..];
    (letters < b.len() && !b[b.len() - letters - 1].is_ascii())
        || ends
            .words
            .iter()
            .any(|w| word.len() >= w.len() && word[word.len() - w.len()..].eq_ignore_ascii_case(w))
}

/// The span in `before` of the [`QUALIFIER`] it ends with, if any.
fn qualifier(before: &str) -> Option<(usize, usize)> {
    if before.is_ascii() {
        return ascii_qualifier(before.as_bytes());
    }
    let mut caps = QUALIFIER.create_captures();
    QUALIFIER.captures(before, &mut caps);
    caps.get_group_by_name("q").map(|q| (q.start, q.end))
}

/// [`qualifier`] for ASCII text, with no pattern: the qualifier ends where the blanks at the end
/// begin (none of [`QUALIFIERS`] ends with a blank), and the pattern's leftmost match is the one
/// of them that starts first. ASCII text holds neither of the two characters beyond ASCII that
/// fold to an ASCII letter (the long s, the Kelvin sign), nor a blank beyond ASCII.
fn ascii_qualifier(before: &[u8]) -> Option<(usize, usize)> {
    let blanks_before = |e: usize| {
        before[..e]
            .iter()
            .rev()
            .take_while(|&&b| crate::text::is_ascii_space(b))
            .count()
    };
    let end = before.len() - blanks_before(before.len());
    let last = before[..end].last()?.to_ascii_lowercase();
    // Where `q` starts, when it ends at `end`: its words read back from the last.
    let start_of = |q: &[&str]| {
        let mut e = end;
        for (k, word) in q.iter().rev().enumerate() {
            if k > 0 {
                let gap = blanks_before(e);
                if gap == 0 {
                    return None;
                }
                e -= gap;
            }
            let word = word.as_bytes();
            let s = e.checked_sub(word.len())?;
            if !before[s..e].eq_ignore_ascii_case(word) {
                return None;
            }
            e = s;
        }
        Some(e)
    };
    QUALIFIERS
        .iter()
        .filter(|q| q.words.last().and_then(|w| w.as_bytes().last()) == Some(&last))
        .filter_map(|q| start_of(&q.words))
        .min()
        .map(|s| (s, end))
}

static FROM_BEFORE: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)from\s*$"));

static BETWEEN: LazyLock<Regex> = LazyLock::new(|| re(r"(?i)(?-u:\b)between\s*$"));

use super::pattern as re;

mod currencies;
mod read;
mod starts;
use currencies::{prefix_currency, word_currency, word_number};
use starts::Group;

/// The upper bound of a range ("$60-80 million"): the second number (group `num2`) when it is
/// larger, else `lo`.
fn range_high(num2: Option<Group>, lo: f64) -> f64 {
    num2.and_then(|m| number(m.as_str()))
        .filter(|h| *h > lo)
        .unwrap_or(lo)
}

/// Compiles every static pattern of this module (see `every_static_pattern_compiles`).
#[cfg(test)]
pub(super) fn force_patterns() {
    LazyLock::force(&PREFIXED);
    LazyLock::force(&SUFFIXED);
    LazyLock::force(&WORDED);
    LazyLock::force(&MAG_CURRENCY);
    for p in [
        &CONVERSION_GAP,
        &RANGE_GAP,
        &QUALIFIER,
        &FROM_BEFORE,
        &BETWEEN,
    ] {
        LazyLock::force(p);
    }
}

fn number(s: &str) -> Option<f64> {
    // Most numbers have no thousands separator: read them with no copy.
    if s.contains(',') {
        s.replace(',', "").parse().ok()
    } else {
        s.parse().ok()
    }
}

fn magnitude(m: &str) -> f64 {
    match m {
        "thousand" | "k" | "K" => 1e3,
        "million" | "mln" | "mn" | "m" | "M" => 1e6,
        "billion" | "bln" | "bn" | "b" | "B" => 1e9,
        "trillion" | "tn" => 1e12,
        other => match other.to_ascii_lowercase().as_str() {
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            "trillion" => 1e12,
            _ => 1.0,
        },
    }
}

/// Whether `word` is a stablecoin or well-known crypto ticker.
pub fn is_known_ticker(word: &str) -> bool {
    STABLECOINS.contains(word) || CRYPTO.contains(word)
}

/// Whether `tick` is a currency ticker here; `crypto_article` admits unknown all-caps tickers.
fn ticker(tick: &str, crypto_article: bool) -> Option<String> {
    if STABLECOINS.contains(tick) || CRYPTO.contains(tick) {
        return Some(tick.to_string());
    }
    // "cmETH", "stETH": a wrapped or staked form of a ticker.
    let body = tick.trim_start_matches(|c: char| c.is_ascii_lowercase());
    let upper = tick.len() - body.len() <= 2
        && body.len() >= 2
        && body
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    let letters = tick.chars().filter(char::is_ascii_alphabetic).count();
    (crypto_article
        && upper
        && (2..=6).contains(&letters)
        && !NOT_TICKERS.contains(&tick.to_ascii_uppercase().as_str()))
    .then(|| tick.to_string())
}

/// True when the character before `at` would make a number there part of a larger token.
fn glued_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | ':' | '/' | '_' | '#'))
}

fn glued_after(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// One currency-and-number unit before ranges and conversions are joined.
#[derive(Clone, Debug)]
struct Atom {
    start: usize,
    end: usize,
    lo: f64,
    hi: f64,
    currency: String,
}

impl Atom {
    fn usd(&self) -> Option<f64> {
        (self.currency == "USD" || STABLECOINS.contains(self.currency.as_str()))
            .then_some((self.lo + self.hi) / 2.0)
    }
}

/// Reads the magnitude capture, dropping a one-letter one glued to a following word
/// ("$5 bonus"). Returns (multiplier, end of the figure).
fn read_mag(text: &str, m: Option<Group>, fallback_end: usize) -> (f64, usize) {
    match m {
        Some(m) if m.as_str().len() <= 2 && glued_after(text, m.end()) => (1.0, fallback_end),
        Some(m) => (magnitude(m.as_str()), m.end()),
        None => (1.0, fallback_end),
    }
}

/// Whether `start..end` overlaps one of `spans`, which are in text order and apart from one
/// another: only the last starting before `end` can, so a long filing's figures are not each
/// compared with all the others.
fn overlaps(spans: &[(usize, usize)], start: usize, end: usize) -> bool {
    let k = spans.partition_point(|s| s.0 < end);
    k > 0 && spans[k - 1].1 > start
}

fn atoms(text: &str, crypto_article: bool) -> Vec<Atom> {
    let mut out = Vec::new();
    // Both patterns hold a number: they are tried only where one can start (or its prefix).
    let numbers = starts::number_starts(text);
    starts::each_match(
        &PREFIXED,
        read::prefixed,
        text,
        &starts::prefix_starts(text, &numbers),
        |all, [pre, n, num2, mag, tail]| {
            let (Some(pre), Some(n)) = (pre, n) else {
                return;
            };
            let letters_prefix = pre.as_str().chars().next().is_some_and(char::is_alphabetic);
            if letters_prefix && glued_before(text, all.start()) {
                return;
            }
            let num_end = num2.map_or(n.end(), |m| m.end());
            let (mult, mut end) = read_mag(text, mag, num_end);
            if mult == 1.0 && glued_after(text, end) {
                return;
            }
            if let Some(t) = tail
                && t.start() == end
            {
                end = t.end();
            }
            let Some(lo) = number(n.as_str()) else {
                return;
            };
            let hi = range_high(num2, lo);
            out.push(Atom {
                start: all.start(),
                end,
                lo: lo * mult,
                hi: hi * mult,
                currency: prefix_currency(pre.as_str()).to_string(),
            });
        },
    );
    // The prefixed figures, in text order and apart (one pattern's matches do not overlap).
    let mut taken: Vec<(usize, usize)> = out.iter().map(|a| (a.start, a.end)).collect();
    let suffix_starts = starts::suffix_starts(text, &numbers);
    starts::each_match(
        &SUFFIXED,
        read::suffixed,
        text,
        &suffix_starts,
        |all, [n, num2, mag, word, tick]| {
            let Some(n) = n else {
                return;
            };
            if glued_before(text, all.start()) {
                return;
            }
            // A number already read as a prefixed figure ("$5 million dollars") is not read twice.
            // (Suffixed matches do not overlap one another, so only the prefixed are looked at.)
            if overlaps(&taken, all.start(), all.end()) {
                return;
            }
            let currency = if let Some(w) = word {
                word_currency(w.as_str()).to_string()
            } else if let Some(t) = tick {
                match ticker(t.as_str(), crypto_article) {
                    Some(t) => t,
                    None => return,
                }
            } else {
                return;
            };
            if mag.is_some_and(|m| m.as_str().len() <= 2 && glued_after(text, m.end())) {
                return;
            }
            let mult = mag.map_or(1.0, |m| magnitude(m.as_str()));
            let Some(lo) = number(n.as_str()) else {
                return;
            };
            // "the 2014 bitcoin crash": a year before a coin's name.
            let year_like =
                mult == 1.0 && !n.as_str().contains([',', '.']) && (1990.0..=2035.0).contains(&lo);
            if year_like && matches!(currency.as_str(), "BTC" | "ETH") {
                return;
            }
            // "won"/"yen"/"pounds" after a small bare number is more often a verb or a weight.
            if mult == 1.0 && lo < 1000.0 && matches!(currency.as_str(), "KRW" | "JPY" | "GBP") {
                return;
            }
            let hi = range_high(num2, lo);
            out.push(Atom {
                start: all.start(),
                end: all.end(),
                lo: lo * mult,
                hi: hi * mult,
                currency,
            });
        },
    );
    // Prefixed and suffixed figures, still apart from one another, in text order.
    taken = out.iter().map(|a| (a.start, a.end)).collect();
    taken.sort_unstable();
    let worded_starts = starts::worded_starts(text, &MAG_CURRENCY.0);
    starts::each_match(
        &WORDED,
        starts::by_pattern,
        text,
        &worded_starts,
        |all, [w, mag, word]| {
            let (Some(w), Some(mag), Some(word)) = (w, mag, word) else {
                return;
            };
            if overlaps(&taken, all.start(), all.end()) {
                return;
            }
            let Some(v) = word_number(w.as_str()) else {
                return;
            };
            let v = v * magnitude(mag.as_str());
            out.push(Atom {
                start: all.start(),
                end: all.end(),
                lo: v,
                hi: v,
                currency: word_currency(word.as_str()).to_string(),
            });
        },
    );
    out.sort_by_key(|a| a.start);
    out
}

/// Every money figure of `text`, ranges and conversions joined, qualifiers read into min/max:
/// "at least/more than/over" set `min`, "nearly/up to/as much as" set `max`, and "about/around/
/// approximately/~" set a ±10% band around the value.
/// `crypto_article` lets unknown all-caps tickers after a number count as currencies.
pub fn parse(text: &str, crypto_article: bool) -> Vec<Parsed> {
    let atoms = atoms(text, crypto_article);
    let mut out: Vec<Parsed> = Vec::new();
    let mut i = 0;
    while i < atoms.len() {
        let a = &atoms[i];
        let mut end = a.end;
        let (mut lo, mut hi) = (a.lo, a.hi);
        let mut usd = a.usd().map(|_| (a.lo, a.hi));
        let mut next = i + 1;
        if let Some(b) = atoms.get(i + 1) {
            let gap = &text[a.end..b.start];
            // Two figures both already in dollars are a conversion only when they agree
            // ("$2 billion ($2bn)"); "3M USDT, valued at about $15M" names a larger total.
            let both_dollars = match (a.usd(), b.usd()) {
                (Some(x), Some(y)) => (x - y).abs() > 0.05 * x.max(y),
                _ => false,
            };
            if CONVERSION_GAP.is_match(gap)
                && (a.currency != b.currency || gap.contains('('))
                && !both_dollars
            {
                let close = text[b.end..]
                    .char_indices()
                    .take_while(|(_, c)| c.is_whitespace() || *c == ')')
                    .find(|(_, c)| *c == ')')
                    .map(|(k, _)| b.end + k + 1);
                let paren_ok = !gap.contains('(') || close.is_some();
                if paren_ok {
                    end = close.unwrap_or(b.end);
                    if usd.is_none() {
                        usd = b.usd().map(|_| (b.lo, b.hi));
                    }
                    next = i + 2;
                }
            } else if a.currency == b.currency && RANGE_GAP.is_match(gap) {
                let is_and = gap.trim() == "and";
                let from = text[..a.start]
                    .char_indices()
                    .rev()
                    .nth(12)
                    .map_or(0, |(k, _)| k);
                let before = &text[from..a.start];
                // "from $300M to $135M" is a change, not a range; so is a falling pair.
                let change = FROM_BEFORE.is_match(before) || b.hi < a.lo;
                if !change && (!is_and || BETWEEN.is_match(before)) {
                    end = b.end;
                    hi = b.hi.max(a.hi);
                    lo = a.lo.min(b.lo);
                    if usd.is_some() {
                        usd = Some((lo, hi));
                    }
                    next = i + 2;
                }
            }
        }
        let value = (lo + hi) / 2.0;
        if value > 0.0 {
            let (mut min, mut max) = if hi > lo {
                (Some(lo), Some(hi))
            } else {
                (None, None)
            };
            let mut start = a.start;
            let before_start = text[..a.start]
                .char_indices()
                .rev()
                .nth(24)
                .map_or(0, |(k, _)| k);
            if min.is_none()
                && may_qualify(&text[before_start..a.start])
                && let Some((q_start, q_end)) = qualifier(&text[before_start..a.start])
            {
                let q_start = before_start + q_start;
                let word = text[q_start..before_start + q_end].to_ascii_lowercase();
                let word = crate::text::single_spaced(&word);
                // A qualifier read beyond ASCII ("ſome") is none of the list's: a band.
                let q = QUALIFIERS.iter().find(|q| q.key == word);
                // A sign (no letter opens it) needs no word boundary before it.
                let sign = !word.starts_with(char::is_alphanumeric);
                let boundary_ok =
                    sign || !glued_before(text, q_start) && !text[..q_start].ends_with('-');
                if boundary_ok {
                    match q.map_or(Bound::About, |q| q.bound) {
                        Bound::Min => min = Some(value),
                        Bound::Max => max = Some(value),
                        Bound::About => {
                            min = Some(value * 0.9);
                            max = Some(value * 1.1);
                        }
                    }
                    if q.is_some_and(|q| q.joined) {
                        start = q_start;
                    }
                }
            }
            let usd_value = usd.map(|(l, h)| (l + h) / 2.0);
            out.push(Parsed {
                start,
                end,
                value,
                min,
                max,
                currency: a.currency.clone(),
                usd: usd_value,
            });
        }
        i = next;
    }
    out
}

#[cfg(test)]
mod tests;

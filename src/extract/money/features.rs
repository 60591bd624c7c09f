//! What the amount model sees of a figure: the words of its clause (lightly stemmed), the
//! cue words around it and their roles, negation and modal words, the names near it, where it
//! stands in the article, how its value compares with the article's other figures, whether the
//! article reads as an incident report, and what the hand rules decided. The rules are features
//! here, not decisions: the model learns how far to trust each of them.
//!
//! Each feature's name (a prefix and a value, "l=drain") is hashed as it is read, with no
//! string built (`learn::FeatureHash`; the fixed prefixes when the program is compiled), so
//! `assets/amount-model.tsv` keeps its keys; each word of a sentence is split, stemmed, told as
//! a clause word and hashed as a sentence word once for all the sentence's figures.
//! `reference.rs` (test-only) keeps the way they were built before, and a test compares the two.

mod headline;
#[cfg(test)]
mod reference;
#[cfg(test)]
mod tests;
mod words;

use super::story::Story;
use super::{SHARE_REACH, Work};
use crate::extract::document::Span;
use crate::extract::lexicon::{ClauseWord, Cue, Lexicon};
use crate::extract::{AmountKind, EntityKind};
use crate::learn::{FeatureHash, Features};
pub(super) use headline::{for_headline, for_none, none_candidate};
use words::{Stem, TIME_WORDS, Word, first_break, last_break_end, time_word, words, words_rev};

/// Words read on each side of a figure within its clause.
const CLAUSE_WORDS: usize = 10;

/// Words of the figure's sentence read on each side for its bag of words.
const SENTENCE_WORDS: usize = 30;

// The clause's words are read among the sentence's.
const _: () = assert!(CLAUSE_WORDS <= SENTENCE_WORDS);

/// Values within this share of each other are the same figure stated again.
const SAME_VALUE: f64 = 0.05;

/// Prefixes of the features also given conjoined with the article's kind.
const SCOPED: [&str; 17] = [
    "bias",
    "rule",
    "sent=",
    "para=",
    "rank=",
    "recur=",
    "first_of_value",
    "restated",
    "value_in_",
    "mag=",
    "cur=",
    "title_has_figure",
    "crypto_article",
    "no_cue",
    "victim_named",
    "dated",
    "vs_main=",
];

/// Prefixes of the features left out of the headline ranking's: the words (the ranking sees
/// them through the role model's theft probability) and the absolute size (which figure of an
/// article is the headline depends on the others, not on how large thefts usually are).
const NOT_RANKED: [&str; 9] = ["l=", "r=", "l0=", "l1=", "r0=", "r1=", "s=", "cue=", "mag="];

/// What the article as a whole says, computed once for all its figures.
pub(super) struct ArticleSignals {
    /// Distinct US-dollar values, largest first.
    values: Vec<f64>,
    /// Each figure's index in `values` (none without a dollar value).
    group: Vec<Option<usize>>,
    groups: Vec<ValueGroup>,
    /// Theft-word cues in the whole article.
    theft_cues: usize,
    /// Damage cues (ransom, fine, cost) in the whole article.
    damage_cues: usize,
    /// Figures the rules took for parts of a larger theft.
    rule_parts: Vec<bool>,
    /// The figure the rules took for the article's main theft.
    rule_main: Option<usize>,
    /// The title line states a figure.
    title_figure: bool,
}

impl ArticleSignals {
    pub(super) fn of(story: &Story, rule_work: &[Work], rule_parts: Vec<bool>) -> Self {
        // Figures grouped by value (largest first; a group holds the values within
        // `SAME_VALUE` of its largest), in one sort: a dense article stays near-linear.
        let mut by_value: Vec<(usize, f64)> = rule_work
            .iter()
            .enumerate()
            .filter_map(|(i, w)| Some((i, w.usd?)))
            .collect();
        by_value.sort_by(|a, b| b.1.total_cmp(&a.1));
        let mut values: Vec<f64> = Vec::new();
        let mut group = vec![None; rule_work.len()];
        let mut groups: Vec<ValueGroup> = Vec::new();
        for (i, v) in by_value {
            if values.last().is_none_or(|l| !same_value(*l, v)) {
                values.push(v);
                groups.push(ValueGroup {
                    count: 0,
                    first: i,
                    in_title: false,
                    in_lede: false,
                });
            }
            let g = groups.len() - 1;
            group[i] = Some(g);
            let w = &rule_work[i];
            let entry = &mut groups[g];
            entry.count += 1;
            entry.first = entry.first.min(i);
            entry.in_title |= in_title(story, w);
            entry.in_lede |= lede_index(story, w).is_none_or(|k| k <= 2);
        }
        let count = |f: &dyn Fn(Cue) -> bool| story.hits.iter().filter(|h| f(h.cue)).count();
        Self {
            values,
            group,
            groups,
            theft_cues: count(&|c| c == Cue::Stolen),
            damage_cues: count(&|c| c == Cue::Damage),
            rule_parts,
            rule_main: rule_work.iter().position(|w| w.main),
            title_figure: rule_work.iter().any(|w| in_title(story, w)),
        }
    }
}

/// The figures of an article that state one value.
struct ValueGroup {
    count: usize,
    /// The first figure (text order) stating it.
    first: usize,
    in_title: bool,
    /// Stated in the title or the first three sentences of the lede.
    in_lede: bool,
}

/// The figure is on the article's title line.
fn in_title(story: &Story, w: &Work) -> bool {
    story.title_line && w.sentence == 0
}

/// The figure's sentence counted from the lede's first (the title line, when the text has one,
/// is the title, not the lede).
fn lede_index(story: &Story, w: &Work) -> Option<usize> {
    if story.title_line {
        w.sentence.checked_sub(1)
    } else {
        Some(w.sentence)
    }
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= SAME_VALUE * a.abs().max(b.abs())
}

/// Bucket of a count: 0, 1, 2, 3-5, 6+.
fn bucket(n: usize) -> &'static str {
    match n {
        0 => "0",
        1 => "1",
        2 => "2",
        3..=5 => "3-5",
        _ => "6+",
    }
}

/// A structural feature's prefix, told once when the program is compiled: ranked unless it
/// starts with one of [`NOT_RANKED`], also conjoined with the article's kind when it starts
/// with one of [`SCOPED`], and hashed (alone, and after each kind) so that a figure hashes only
/// the values.
#[derive(Clone, Copy)]
struct Prefix {
    hash: FeatureHash,
    ranked: bool,
    /// The hashes of "T:" and "N:" before the name, when it is scoped.
    scoped: Option<[FeatureHash; 2]>,
}

impl Prefix {
    const fn new(name: &'static str) -> Self {
        Self {
            hash: FeatureHash::of_parts(&[name]),
            ranked: !starts_with_any(name, &NOT_RANKED),
            scoped: if starts_with_any(name, &SCOPED) {
                Some([
                    FeatureHash::of_parts(&[SCOPES[0], name]),
                    FeatureHash::of_parts(&[SCOPES[1], name]),
                ])
            } else {
                None
            },
        }
    }
}

/// The article kinds structural features are conjoined with: an incident report, other news.
const SCOPES: [&str; 2] = ["T:", "N:"];

/// The word features' prefixes, hashed when the program is compiled.
const SENTENCE_WORD: FeatureHash = FeatureHash::of_parts(&["s="]);
const LEFT: FeatureHash = FeatureHash::of_parts(&["l="]);
const RIGHT: FeatureHash = FeatureHash::of_parts(&["r="]);
const LEFT_AT: [FeatureHash; 2] = [
    FeatureHash::of_parts(&["l0="]),
    FeatureHash::of_parts(&["l1="]),
];
const RIGHT_AT: [FeatureHash; 2] = [
    FeatureHash::of_parts(&["r0="]),
    FeatureHash::of_parts(&["r1="]),
];

/// `name.starts_with(p)` for some `p` of `prefixes`, at compile time.
const fn starts_with_any(name: &str, prefixes: &[&str]) -> bool {
    let name = name.as_bytes();
    let mut k = 0;
    while k < prefixes.len() {
        let p = prefixes[k].as_bytes();
        let mut i = 0;
        while i < p.len() && i < name.len() && p[i] == name[i] {
            i += 1;
        }
        if i == p.len() {
            return true;
        }
        k += 1;
    }
    false
}

/// The [`Prefix`] named by a literal, told at compile time.
macro_rules! p {
    ($name:literal) => {
        const { Prefix::new($name) }
    };
}

/// A figure's features as they are added: all of them, and its structure (the ranked ones).
struct Sink {
    all: Features,
    structure: Features,
    /// The article's kind (an index of [`SCOPES`]), which structural features are also
    /// conjoined with.
    scope: usize,
}

impl Sink {
    /// A word feature ("l=", "r0=" …): neither ranked nor scoped.
    fn word(&mut self, prefix: FeatureHash, stem: &Stem, v: f32) {
        self.all.push((stem.hash(prefix).finish(), v));
    }

    fn add(&mut self, prefix: Prefix, value: &str, v: f32) {
        self.add_with(prefix, |h| h.str(value), v);
    }

    /// A feature named `prefix` and the bytes `value` writes.
    fn add_with(&mut self, prefix: Prefix, value: impl Fn(FeatureHash) -> FeatureHash, v: f32) {
        self.push(value(prefix.hash).finish(), v, prefix.ranked);
        if let Some(scoped) = prefix.scoped {
            self.push(value(scoped[self.scope]).finish(), v, prefix.ranked);
        }
    }

    fn push(&mut self, h: u32, v: f32, ranked: bool) {
        self.all.push((h, v));
        if ranked {
            self.structure.push((h, v));
        }
    }
}

/// A word of a figure's sentence with its sentence-word feature ("s=") hashed, once for all the
/// sentence's figures.
struct SentenceWord<'a> {
    word: Word<'a>,
    hash: u32,
}

impl<'a> SentenceWord<'a> {
    /// `word`, a slice of `text`; its offsets are in `text`.
    fn read(lex: &Lexicon, text: &str, word: &'a str) -> Self {
        let word = Word::read(lex, text, word);
        let hash = word.stem.hash(SENTENCE_WORD).finish();
        Self { word, hash }
    }
}

/// The words of a window of the text around a run of figures that share it: the
/// [`SENTENCE_WORDS`] before the first, all between the first and the last (their own words
/// too), the [`SENTENCE_WORDS`] after the last; each figure takes its own from them.
struct SharedWords<'a> {
    words: Vec<SentenceWord<'a>>,
    /// Where the words between the figures start and end in `words`.
    between: (usize, usize),
}

impl<'a> SharedWords<'a> {
    /// The words of `text[ss..se]` around figures spanning `lo..hi`, each edge of a figure a
    /// word's edge (so a word read here is a word each figure would read itself), or around
    /// one figure alone (whose words between are its own).
    fn read(
        lex: &Lexicon,
        text: &'a str,
        (ss, se): (usize, usize),
        (lo, hi): (usize, usize),
    ) -> Self {
        let mut read: Vec<SentenceWord> = Vec::with_capacity(2 * SENTENCE_WORDS + 8);
        let before = &text[ss..lo];
        read.extend(
            words_rev(before)
                .take(SENTENCE_WORDS)
                .map(|w| SentenceWord::read(lex, text, w)),
        );
        read.reverse();
        let first = read.len();
        read.extend(words(&text[lo..hi]).map(|w| SentenceWord::read(lex, text, w)));
        let last = read.len();
        read.extend(
            words(&text[hi..se])
                .take(SENTENCE_WORDS)
                .map(|w| SentenceWord::read(lex, text, w)),
        );
        Self {
            words: read,
            between: (first, last),
        }
    }

    /// The words before a figure starting at `start`, in text order (read nearest first), and
    /// those after one ending at `end`, at most [`SENTENCE_WORDS`] each.
    fn around(&self, (start, end): (usize, usize)) -> (&[SentenceWord<'a>], &[SentenceWord<'a>]) {
        let (first, last) = self.between;
        let between = &self.words[first..last];
        let b = first + between.partition_point(|w| w.word.end <= start);
        let a = first + between.partition_point(|w| w.word.start < end);
        let before = &self.words[b.saturating_sub(SENTENCE_WORDS)..b];
        let after = &self.words[a..self.words.len().min(a + SENTENCE_WORDS)];
        (before, after)
    }
}

/// The window of its sentence a figure's words are read in.
fn window(story: &Story, w: &Work) -> (usize, usize) {
    let p = &w.parsed;
    let (ss, se) = super::clamp_window(story.text, story.sents[w.sentence], (p.start, p.end));
    (ss.min(p.start), se.max(p.end))
}

/// No word runs across byte `at` of the window `(ss, se)`: the words read up to `at` or from it
/// are whole words of the window.
fn splits_no_word(text: &str, (ss, se): (usize, usize), at: usize) -> bool {
    at <= ss || at >= se || !(words::char_before(text, at).0 && words::char_at(text, at).0)
}

/// The feature vectors of an article's figures, in order. Figures that share their sentence's
/// window (each edge a word's edge) read its words once.
pub(super) fn of_figures(
    lex: &Lexicon,
    story: &Story,
    work: &[Work],
    signals: &ArticleSignals,
) -> Vec<Figure> {
    let text = story.text;
    let windows: Vec<(usize, usize)> = work.iter().map(|w| window(story, w)).collect();
    let clean = |i: usize| {
        let p = &work[i].parsed;
        splits_no_word(text, windows[i], p.start) && splits_no_word(text, windows[i], p.end)
    };
    let mut out = Vec::with_capacity(work.len());
    let mut i = 0;
    while i < work.len() {
        let mut j = i + 1;
        if clean(i) {
            while j < work.len() && windows[j] == windows[i] && clean(j) {
                j += 1;
            }
        }
        let figures = work[i..j].iter().map(|w| (w.parsed.start, w.parsed.end));
        let lo = figures.clone().map(|f| f.0).min().unwrap_or(0);
        let hi = figures.map(|f| f.1).max().unwrap_or(lo);
        let shared = SharedWords::read(lex, text, windows[i], (lo, hi));
        for (idx, &window) in (i..j).zip(&windows[i..j]) {
            out.push(of_figure(story, work, signals, idx, window, &shared));
        }
        i = j;
    }
    out
}

/// The feature vector of figure `idx`, whose words are read in `(ss, se)` and are among
/// `shared`.
fn of_figure(
    story: &Story,
    work: &[Work],
    signals: &ArticleSignals,
    idx: usize,
    (ss, se): (usize, usize),
    shared: &SharedWords,
) -> Figure {
    // Structural features (position, size, what the rules said) mean different things in an
    // incident report and in general news: each is also given conjoined with the article's kind.
    let mut out = Sink {
        all: Features::with_capacity(128),
        structure: Features::with_capacity(48),
        scope: if story.theft_article { 0 } else { 1 },
    };
    let text = story.text;
    let w = &work[idx];
    let p = &w.parsed;
    out.add(p!("bias"), "", 1.0);

    // What the hand rules decided.
    out.add(p!("rule="), w.kind.as_str(), 1.0);
    if let Some(role) = w.role {
        out.add(p!("rule_cue="), role.name(), 1.0);
    }
    if let Some(cue) = &w.cue {
        out.add_with(p!("cue="), |h| h.lower(cue), 1.0);
    }
    if signals.rule_main == Some(idx) {
        out.add(p!("rule_main"), "", 1.0);
    }
    if signals.rule_parts.get(idx).copied().unwrap_or(false) {
        out.add(p!("rule_part"), "", 1.0);
    }

    // The sentence's words on each side (at most `SENTENCE_WORDS`: a text with no full stop has
    // sentences of pages), each stemmed and told once for the sentence's figures; those before
    // are in text order, read nearest first.
    let before = &text[ss..p.start];
    let after = &text[p.end..se];
    let (before_words, after_words) = shared.around((p.start, p.end));
    // The clause: words back to the nearest break or conjunction, and forward likewise.
    // Backwards from the figure, the nearest words first, up to and with the clause word that
    // opens the clause.
    let cut = ss + last_break_end(before);
    let mut left = 0;
    for x in before_words
        .iter()
        .rev()
        .take_while(|x| x.word.start >= cut)
    {
        left += 1;
        if left == CLAUSE_WORDS || x.word.clause == Some(ClauseWord::Boundary) {
            break;
        }
    }
    let right_cut = p.end + first_break(after).unwrap_or(after.len());
    let mut right = 0;
    for x in after_words.iter().take_while(|x| x.word.end <= right_cut) {
        if right > 0 && x.word.clause == Some(ClauseWord::Boundary) {
            break;
        }
        right += 1;
        if right == CLAUSE_WORDS {
            break;
        }
    }
    let left = before_words[before_words.len() - left..].iter().rev();
    let right = &after_words[..right];
    for (i, x) in left.clone().enumerate() {
        out.word(LEFT, &x.word.stem, 1.0);
        if i < 2 {
            out.word(LEFT_AT[i], &x.word.stem, 1.0);
        }
    }
    for (i, x) in right.iter().enumerate() {
        out.word(RIGHT, &x.word.stem, 1.0);
        if i < 2 {
            out.word(RIGHT_AT[i], &x.word.stem, 1.0);
        }
    }
    let clause = || left.clone().chain(right);
    for x in clause() {
        match x.word.clause {
            Some(ClauseWord::Negation) => out.add(p!("neg"), "", 1.0),
            Some(ClauseWord::Modal) => out.add(p!("modal"), "", 1.0),
            _ => {}
        }
    }
    // Words of sum and of time, in the clause and in the sentence: the headline is the loss
    // overall, of the event reported now, not one of an earlier event.
    let mut in_clause = [false; 3];
    for x in clause() {
        if let Some(i) = time_word(x.word.clause) {
            in_clause[i] = true;
        }
    }
    // The sentence's other words, lighter.
    let sentence = || before_words.iter().rev().chain(after_words);
    out.all.extend(sentence().map(|x| (x.hash, 0.3)));
    let mut in_sentence = [false; 3];
    for x in sentence() {
        if let Some(i) = time_word(x.word.clause) {
            in_sentence[i] = true;
        }
    }
    for (prefix, seen) in [(p!("time_c="), in_clause), (p!("time_s="), in_sentence)] {
        for (i, name) in TIME_WORDS.iter().enumerate() {
            if seen[i] {
                out.add(prefix, name, 1.0);
            }
        }
    }

    // Cue words of the sentence, by role, side and whether they share the figure's clause.
    let (clause_start, clause_end) = (cut, right_cut);
    for h in story.cues_in(Span::new(ss, se)) {
        let side = usize::from(h.end > p.start);
        out.add(p!("sc="), h.cue.name(), 1.0);
        if h.start >= clause_start && h.end <= clause_end {
            out.add([p!("ccl="), p!("ccr=")][side], h.cue.name(), 1.0);
        }
    }
    let theft_sentence = story
        .cues_in(Span::new(ss, se))
        .iter()
        .any(|h| matches!(h.cue, Cue::Stolen | Cue::Context));

    // Names near the figure.
    for (s, e, m) in story.entities_in(Span::new(ss, se)) {
        let side = usize::from(e > p.start);
        let kind = match m.kind {
            EntityKind::Person => "person",
            EntityKind::Organization => "org",
            EntityKind::Location => "place",
            EntityKind::ThreatActor => "actor",
            _ => continue,
        };
        out.add([p!("entl="), p!("entr=")][side], kind, 1.0);
        if s >= clause_start && e <= clause_end {
            out.add(p!("entc="), kind, 1.0);
        }
    }

    // Where it stands.
    out.add(
        match lede_index(story, w) {
            None => p!("sent=title"),
            Some(0..=1) => p!("sent=lede"),
            Some(2..=6) => p!("sent=early"),
            Some(7..=19) => p!("sent=middle"),
            _ => p!("sent=late"),
        },
        "",
        1.0,
    );
    out.add(p!("para="), bucket(story.paras[w.sentence]), 1.0);
    if story.sents.len() <= 3 {
        out.add(p!("short_article"), "", 1.0);
    }

    // Its value among the article's figures.
    match (w.usd, signals.group[idx]) {
        (Some(v), Some(rank)) => {
            let g = &signals.groups[rank];
            out.add(p!("rank="), bucket(rank), 1.0);
            out.add(p!("recur="), bucket(g.count - 1), 1.0);
            out.add(
                if g.first == idx {
                    p!("first_of_value")
                } else {
                    p!("restated")
                },
                "",
                1.0,
            );
            if g.in_title {
                out.add(p!("value_in_title"), "", 1.0);
            }
            if g.in_lede {
                out.add(p!("value_in_lede"), "", 1.0);
            }
            // Against the theft the rules take for the article's own: a restatement, a part,
            // or a larger sum (deposits, a market value) beside it.
            let main = signals.rule_main.and_then(|m| work[m].usd.map(|u| (m, u)));
            out.add(
                match main {
                    None => p!("vs_main=none"),
                    Some((m, _)) if m == idx => p!("vs_main=self"),
                    Some((_, u)) if same_value(u, v) => p!("vs_main=same"),
                    Some((_, u)) if v > u => p!("vs_main=larger"),
                    Some(_) => p!("vs_main=smaller"),
                },
                "",
                1.0,
            );
            let mag = v.max(1.0).log10().floor() as i32;
            out.add_with(p!("mag="), |h| h.num(mag.clamp(2, 10) as usize), 1.0);
        }
        _ => out.add(p!("no_usd"), "", 1.0),
    }
    if signals.title_figure {
        out.add(p!("title_has_figure"), "", 1.0);
    }
    // Dollars, another fiat currency (one the exchange-rate table knows), or a crypto asset.
    let currency = match p.currency.as_str() {
        "USD" => "usd",
        c if super::fx::to_usd(1.0, c, 2020).is_some() => "fiat",
        _ => "crypto",
    };
    out.add(p!("cur="), currency, 1.0);
    if p.min.is_some() || p.max.is_some() {
        out.add(p!("range"), "", 1.0);
    }

    // The article.
    if story.theft_article {
        out.add(p!("theft_article"), "", 1.0);
        out.add(p!("theft_article&rule="), w.kind.as_str(), 1.0);
    }
    if story.crypto {
        out.add(p!("crypto_article"), "", 1.0);
    }
    out.add(p!("theft_cues="), bucket(signals.theft_cues), 1.0);
    out.add(p!("damage_cues="), bucket(signals.damage_cues), 1.0);
    if theft_sentence {
        out.add(p!("theft_sentence"), "", 1.0);
    }

    // What the figure's work already knows.
    if w.victim.is_some() {
        out.add(p!("victim_named"), "", 1.0);
    }
    if w.separate {
        out.add(p!("separate"), "", 1.0);
    }
    if !w.inferred {
        out.add(p!("dated"), "", 1.0);
    }
    let share_start = ss.max(p.start.saturating_sub(SHARE_REACH));
    if let Some(from) = (share_start..p.start).find(|&b| text.is_char_boundary(b))
        && super::is_share(&text[from..p.start])
    {
        out.add(p!("share_of"), "", 1.0);
    }
    if w.kind == AmountKind::Other && w.role.is_none() {
        out.add(p!("no_cue"), "", 1.0);
    }
    Figure {
        all: out.all,
        structure: out.structure,
    }
}

/// A figure's features: all of them for its role; its structure alone (no words) for the
/// headline ranking, which sees the words through the role model's theft probability.
pub struct Figure {
    pub all: Features,
    pub structure: Features,
}

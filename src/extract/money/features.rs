//! What the amount-role model sees of a figure: the words of its clause (lightly stemmed), the
//! cue words around it and their roles, negation and modal words, the names near it, where it
//! stands in the article, how its value compares with the article's other figures, whether the
//! article reads as an incident report, and what the hand rules decided. The rules are features
//! here, not decisions: the model learns how far to trust each of them.

use std::borrow::Cow;

use super::story::Story;
use super::{SHARE_OF, SHARE_REACH, Work};
use crate::extract::document::Span;
use crate::extract::lexicon::{ClauseWord, Cue, Lexicon};
use crate::extract::{AmountKind, EntityKind};
use crate::learn::{Features, hash, hash_parts};

/// Words read on each side of a figure within its clause.
const CLAUSE_WORDS: usize = 10;

/// Words of the figure's sentence read on each side for its bag of words.
const SENTENCE_WORDS: usize = 30;

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

/// A word lower-cased and lightly stemmed: plural and past-tense endings off, so "drained",
/// "drains" and "drain" share their weight.
/// A word already in lower-case ASCII (most of them) is stemmed in place, with no string built.
fn stem(word: &str) -> Cow<'_, str> {
    let w: Cow<str> = if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    };
    let n = w.chars().count();
    for (suffix, min) in [("ing", 6), ("ed", 5), ("es", 5), ("s", 4)] {
        if n >= min && w.ends_with(suffix) && !w.ends_with("ss") {
            return match w {
                Cow::Borrowed(b) => Cow::Borrowed(&b[..b.len() - suffix.len()]),
                Cow::Owned(mut o) => {
                    o.truncate(o.len() - suffix.len());
                    Cow::Owned(o)
                }
            };
        }
    }
    w
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

/// A character of a feature word: letters, digits and apostrophes ("didn't" stays one word,
/// where [`crate::text::is_word_char`] would split it).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// The words of `text`.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !word_char(c))
        .filter(|w| !w.is_empty())
}

/// The words of `text` from its end backwards, read lazily (a figure looks at its nearest words
/// only, however long its sentence).
fn words_rev(text: &str) -> impl Iterator<Item = &str> {
    text.rsplit(|c: char| !word_char(c))
        .filter(|w| !w.is_empty())
}

/// What a word says about its clause (negation, modal, boundary), if anything.
fn clause_word(lex: &Lexicon, word: &str) -> Option<ClauseWord> {
    if word.chars().any(char::is_uppercase) {
        lex.clause_words.get(&word.to_lowercase()).copied()
    } else {
        lex.clause_words.get(word).copied()
    }
}

/// Punctuation that ends a clause.
fn clause_break(c: char) -> bool {
    matches!(
        c,
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '.' | '!' | '?' | '\n'
    )
}

/// The kinds of words of sum and of time, as features name them.
const TIME_WORDS: [&str; 3] = ["total", "earlier", "latest"];

/// Which of [`TIME_WORDS`] `word` is, if any.
fn time_word(lex: &Lexicon, word: &str) -> Option<usize> {
    match clause_word(lex, word)? {
        ClauseWord::Total => Some(0),
        ClauseWord::Earlier => Some(1),
        ClauseWord::Latest => Some(2),
        _ => None,
    }
}

/// Byte offset just after the last clause break of `s` (0 when there is none).
fn after_last_break(s: &str) -> usize {
    s.char_indices()
        .rev()
        .find(|(_, c)| clause_break(*c))
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The feature vector of figure `idx`.
pub(super) fn of_figure(
    lex: &Lexicon,
    story: &Story,
    work: &[Work],
    signals: &ArticleSignals,
    idx: usize,
) -> Figure {
    let mut f = Features::new();
    let mut structure = Features::new();
    // Structural features (position, size, what the rules said) mean different things in an
    // incident report and in general news: each is also given conjoined with the article's kind.
    let scope = if story.theft_article { "T:" } else { "N:" };
    // A feature is a prefix and a value ("l=" and a word), hashed without building its name.
    let mut add_parts = |prefix: &str, value: &str, v: f32| {
        // Word features (most of them) are neither ranked nor scoped: no prefix scan for them.
        let word = matches!(prefix, "s=" | "l=" | "r=");
        let ranked = !word && !NOT_RANKED.iter().any(|p| prefix.starts_with(p));
        let mut put = |h: u32| {
            f.push((h, v));
            if ranked {
                structure.push((h, v));
            }
        };
        put(hash_parts(&[prefix, value]));
        if !word && SCOPED.iter().any(|p| prefix.starts_with(p)) {
            put(hash_parts(&[scope, prefix, value]));
        }
    };
    let text = story.text;
    let w = &work[idx];
    let p = &w.parsed;
    let (ss, se) = super::clamp_window(text, story.sents[w.sentence], (p.start, p.end));
    let (ss, se) = (ss.min(p.start), se.max(p.end));
    add_parts("bias", "", 1.0);

    // What the hand rules decided.
    add_parts("rule=", w.kind.as_str(), 1.0);
    if let Some(role) = w.role {
        add_parts("rule_cue=", role.name(), 1.0);
    }
    if let Some(cue) = &w.cue {
        add_parts("cue=", &cue.to_lowercase(), 1.0);
    }
    if signals.rule_main == Some(idx) {
        add_parts("rule_main", "", 1.0);
    }
    if signals.rule_parts.get(idx).copied().unwrap_or(false) {
        add_parts("rule_part", "", 1.0);
    }

    // The clause: words back to the nearest break or conjunction, and forward likewise.
    let before = &text[ss..p.start];
    let after = &text[p.end..se];
    // Read backwards from the figure: the nearest words first, up to and with the clause word
    // that opens the clause.
    let cut = after_last_break(before);
    let left: Vec<&str> = {
        let mut ws: Vec<&str> = Vec::new();
        for w in words_rev(&before[cut..]) {
            ws.push(w);
            if ws.len() == CLAUSE_WORDS || clause_word(lex, w) == Some(ClauseWord::Boundary) {
                break;
            }
        }
        ws
    };
    let right: Vec<&str> = {
        let cut = after.find(clause_break).unwrap_or(after.len());
        let mut ws: Vec<&str> = Vec::new();
        for w in words(&after[..cut]) {
            if !ws.is_empty() && clause_word(lex, w) == Some(ClauseWord::Boundary) {
                break;
            }
            ws.push(w);
            if ws.len() == CLAUSE_WORDS {
                break;
            }
        }
        ws
    };
    for (i, word) in left.iter().enumerate() {
        let s = stem(word);
        add_parts("l=", &s, 1.0);
        if i < 2 {
            add_parts(["l0=", "l1="][i], &s, 1.0);
        }
    }
    for (i, word) in right.iter().enumerate() {
        let s = stem(word);
        add_parts("r=", &s, 1.0);
        if i < 2 {
            add_parts(["r0=", "r1="][i], &s, 1.0);
        }
    }
    let clause: Vec<&&str> = left.iter().chain(right.iter()).collect();
    for word in &clause {
        match clause_word(lex, word) {
            Some(ClauseWord::Negation) => add_parts("neg", "", 1.0),
            Some(ClauseWord::Modal) => add_parts("modal", "", 1.0),
            _ => {}
        }
    }
    // Words of sum and of time, in the clause and in the sentence: the headline is the loss
    // overall, of the event reported now, not one of an earlier event.
    let mut in_clause = [false; 3];
    for word in &clause {
        if let Some(i) = time_word(lex, word) {
            in_clause[i] = true;
        }
    }
    // The sentence's other words, lighter (at most `SENTENCE_WORDS` on each side: a text with
    // no full stop has sentences of pages), read once for their stems and their words of time.
    let mut in_sentence = [false; 3];
    for word in words_rev(before)
        .take(SENTENCE_WORDS)
        .chain(words(after).take(SENTENCE_WORDS))
    {
        add_parts("s=", &stem(word), 0.3);
        if let Some(i) = time_word(lex, word) {
            in_sentence[i] = true;
        }
    }
    for (prefix, seen) in [("time_c=", in_clause), ("time_s=", in_sentence)] {
        for (i, name) in TIME_WORDS.iter().enumerate() {
            if seen[i] {
                add_parts(prefix, name, 1.0);
            }
        }
    }

    // Cue words of the sentence, by role, side and whether they share the figure's clause.
    let clause_start = ss + cut;
    let clause_end = p.end + after.find(clause_break).unwrap_or(after.len());
    for h in story.cues_in(Span::new(ss, se)) {
        let side = usize::from(h.end > p.start);
        add_parts("sc=", h.cue.name(), 1.0);
        if h.start >= clause_start && h.end <= clause_end {
            add_parts(["ccl=", "ccr="][side], h.cue.name(), 1.0);
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
        add_parts(["entl=", "entr="][side], kind, 1.0);
        if s >= clause_start && e <= clause_end {
            add_parts("entc=", kind, 1.0);
        }
    }

    // Where it stands.
    add_parts(
        match lede_index(story, w) {
            None => "sent=title",
            Some(0..=1) => "sent=lede",
            Some(2..=6) => "sent=early",
            Some(7..=19) => "sent=middle",
            _ => "sent=late",
        },
        "",
        1.0,
    );
    add_parts("para=", bucket(story.paras[w.sentence]), 1.0);
    if story.sents.len() <= 3 {
        add_parts("short_article", "", 1.0);
    }

    // Its value among the article's figures.
    match (w.usd, signals.group[idx]) {
        (Some(v), Some(rank)) => {
            let g = &signals.groups[rank];
            add_parts("rank=", bucket(rank), 1.0);
            add_parts("recur=", bucket(g.count - 1), 1.0);
            add_parts(
                if g.first == idx {
                    "first_of_value"
                } else {
                    "restated"
                },
                "",
                1.0,
            );
            if g.in_title {
                add_parts("value_in_title", "", 1.0);
            }
            if g.in_lede {
                add_parts("value_in_lede", "", 1.0);
            }
            // Against the theft the rules take for the article's own: a restatement, a part,
            // or a larger sum (deposits, a market value) beside it.
            let main = signals.rule_main.and_then(|m| work[m].usd.map(|u| (m, u)));
            add_parts(
                match main {
                    None => "vs_main=none",
                    Some((m, _)) if m == idx => "vs_main=self",
                    Some((_, u)) if same_value(u, v) => "vs_main=same",
                    Some((_, u)) if v > u => "vs_main=larger",
                    Some(_) => "vs_main=smaller",
                },
                "",
                1.0,
            );
            let mag = v.max(1.0).log10().floor() as i32;
            add_parts("mag=", &mag.clamp(2, 10).to_string(), 1.0);
        }
        _ => add_parts("no_usd", "", 1.0),
    }
    if signals.title_figure {
        add_parts("title_has_figure", "", 1.0);
    }
    // Dollars, another fiat currency (one the exchange-rate table knows), or a crypto asset.
    let currency = match p.currency.as_str() {
        "USD" => "usd",
        c if super::fx::to_usd(1.0, c, 2020).is_some() => "fiat",
        _ => "crypto",
    };
    add_parts("cur=", currency, 1.0);
    if p.min.is_some() || p.max.is_some() {
        add_parts("range", "", 1.0);
    }

    // The article.
    if story.theft_article {
        add_parts("theft_article", "", 1.0);
        add_parts("theft_article&rule=", w.kind.as_str(), 1.0);
    }
    if story.crypto {
        add_parts("crypto_article", "", 1.0);
    }
    add_parts("theft_cues=", bucket(signals.theft_cues), 1.0);
    add_parts("damage_cues=", bucket(signals.damage_cues), 1.0);
    if theft_sentence {
        add_parts("theft_sentence", "", 1.0);
    }

    // What the figure's work already knows.
    if w.victim.is_some() {
        add_parts("victim_named", "", 1.0);
    }
    if w.separate {
        add_parts("separate", "", 1.0);
    }
    if !w.inferred {
        add_parts("dated", "", 1.0);
    }
    let share_start = ss.max(p.start.saturating_sub(SHARE_REACH));
    if let Some(from) = (share_start..p.start).find(|&b| text.is_char_boundary(b))
        && SHARE_OF.is_match(&text[from..p.start])
    {
        add_parts("share_of", "", 1.0);
    }
    if w.kind == AmountKind::Other && w.role.is_none() {
        add_parts("no_cue", "", 1.0);
    }
    Figure { all: f, structure }
}

/// A figure's features: all of them for its role; its structure alone (no words) for the
/// headline ranking, which sees the words through the role model's theft probability.
pub struct Figure {
    pub all: Features,
    pub structure: Features,
}

/// The headline ranking's features of a figure: its own, with its theft probability (from the
/// role model) so that the ranking sees how sure that model is, and where it stands among the
/// article's likely thefts: how many are larger, restate its value, come before it.
pub(super) fn for_headline(
    base: &Features,
    theft_probability: f32,
    larger: usize,
    same: usize,
    earlier: usize,
) -> Features {
    let mut f = base.clone();
    let mut add = |name: String, v: f32| f.push((hash(&name), v));
    add(format!("p_theft={}", fifth(theft_probability)), 1.0);
    add("p_theft".into(), theft_probability);
    add(format!("larger_thefts={}", bucket(larger)), 1.0);
    add(format!("same_thefts={}", bucket(same)), 1.0);
    add(format!("earlier_thefts={}", bucket(earlier)), 1.0);
    if larger == 0 && theft_probability >= 0.5 {
        add("largest_theft".into(), 1.0);
    }
    if earlier == 0 && theft_probability >= 0.5 {
        add("first_theft".into(), 1.0);
    }
    f
}

/// The "none" candidate of the headline ranking: what the article as a whole says, and the
/// highest theft probability of its figures.
pub(super) fn none_candidate(story: &Story, signals: &ArticleSignals) -> Features {
    let mut f = Features::new();
    let mut add = |name: &str| f.push((hash(&format!("none:{name}")), 1.0));
    add("bias");
    if story.theft_article {
        add("theft_article");
    }
    if story.crypto {
        add("crypto_article");
    }
    add(&format!("theft_cues={}", bucket(signals.theft_cues)));
    add(&format!("damage_cues={}", bucket(signals.damage_cues)));
    if signals.title_figure {
        add("title_has_figure");
    }
    add(&format!("figures={}", bucket(signals.values.len())));
    f
}

/// [`none_candidate`] with the article's highest theft probability.
pub(super) fn for_none(base: &Features, max_theft_probability: f32) -> Features {
    let mut f = base.clone();
    f.push((
        hash(&format!(
            "none:max_p_theft={}",
            fifth(max_theft_probability)
        )),
        1.0,
    ));
    f.push((hash("none:max_p_theft"), max_theft_probability));
    f
}

/// A probability's fifth: 0 to 4.
fn fifth(p: f32) -> u32 {
    (p * 5.0).floor().clamp(0.0, 4.0) as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_share_inflections() {
        assert_eq!(stem("Drained"), "drain");
        assert_eq!(stem("drains"), "drain");
        assert_eq!(stem("draining"), "drain");
        assert_eq!(stem("loss"), "loss");
        assert_eq!(stem("was"), "was");
    }

    #[test]
    fn stemming_in_place_gives_what_lower_casing_a_copy_gives() {
        fn copied(word: &str) -> String {
            let w = word.to_lowercase();
            let n = w.chars().count();
            for (suffix, min) in [("ing", 6), ("ed", 5), ("es", 5), ("s", 4)] {
                if n >= min && w.ends_with(suffix) && !w.ends_with("ss") {
                    return w[..w.len() - suffix.len()].to_string();
                }
            }
            w
        }
        let text = "Hackers DRAINED the bridge's reserves, stealing 1,200 ETH; losses grew. \
                    Café owners İstanbul ÉTÉS naïve ﬁles Straße STRASSE was it’s hopes uses";
        for word in words(text) {
            assert_eq!(stem(word), copied(word), "{word}");
        }
    }

    #[test]
    fn words_read_forwards_and_backwards_alike() {
        let t = "so, 5 dlrs: it’s";
        assert_eq!(words(t).collect::<Vec<_>>(), ["so", "5", "dlrs", "it’s"]);
        assert_eq!(
            words_rev(t).collect::<Vec<_>>(),
            ["it’s", "dlrs", "5", "so"]
        );
    }
}

//! The amount model's features as they were built before words were read once per figure
//! (test-only): the test compares them with [`super::of_figure`], hash for hash, in order.

use std::borrow::Cow;

use super::words::{TIME_WORDS, after_last_break, clause_break, words, words_rev};
use super::{
    ArticleSignals, CLAUSE_WORDS, Figure, NOT_RANKED, SCOPED, SENTENCE_WORDS, bucket, lede_index,
    same_value,
};
use crate::extract::document::Span;
use crate::extract::lexicon::{ClauseWord, Cue, Lexicon};
use crate::extract::money::story::Story;
use crate::extract::money::{SHARE_OF, SHARE_REACH, Work};
use crate::extract::{AmountKind, EntityKind};
use crate::learn::{Features, hash_parts};

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

/// What a word says about its clause (negation, modal, boundary), if anything.
fn clause_word(lex: &Lexicon, word: &str) -> Option<ClauseWord> {
    if word.chars().any(char::is_uppercase) {
        lex.clause_words.get(&word.to_lowercase()).copied()
    } else {
        lex.clause_words.get(word).copied()
    }
}

/// Which of [`TIME_WORDS`] `word` is, if any.
fn time_word(lex: &Lexicon, word: &str) -> Option<usize> {
    match clause_word(lex, word)? {
        ClauseWord::Total => Some(0),
        ClauseWord::Earlier => Some(1),
        ClauseWord::Latest => Some(2),
        _ => None,
    }
}

/// The feature vector of figure `idx`.
pub(in crate::extract::money) fn of_figure(
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
    let (ss, se) =
        crate::extract::money::clamp_window(text, story.sents[w.sentence], (p.start, p.end));
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
        c if crate::extract::money::fx::to_usd(1.0, c, 2020).is_some() => "fiat",
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

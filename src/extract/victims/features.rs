//! What the victim scorer sees of one organisation for one figure: where its nearest mention
//! stands (sentence, clause, distance, direction), the words between, how the article treats
//! the name, and whether the old rule named it.

use std::collections::HashSet;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::extract::EntityKind;
use crate::learn::{Features, WordHasher, hash, hash_parts};

use super::candidates::{Candidate, RuleName, names};
use super::{FigureView, Scene};

/// Words that tie a name to a figure (`assets/lexicon/victim-links.txt`) and the victim cues
/// the entity layer reads after a name (`assets/entity-words/victim-cues.txt`).
static LINKS: LazyLock<HashSet<&'static str, WordHasher>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/lexicon/victim-links.txt"))
        .chain(crate::text::entries(include_str!(
            "../../../assets/entity-words/victim-cues.txt"
        )))
        .collect()
});

/// Words between a name and its figure read for links; beyond, only the distance counts.
const LINK_REACH: usize = 25;

/// Room made for the features of "none" and of a candidate, so that the lists are not
/// regrown a few features at a time (most hold 8 to 20).
const NONE_FEATURES: usize = 16;
const CANDIDATE_FEATURES: usize = 24;

/// A bucket's number as a feature name writes it.
const DIGITS: [&str; 6] = ["0", "1", "2", "3", "4", "5"];

fn bucket(n: usize, edges: &[usize]) -> usize {
    edges.iter().position(|&e| n <= e).unwrap_or(edges.len())
}

/// A word as the links list writes it: lower case, outer punctuation off, "’s" as "'s".
fn link_word(w: &str) -> String {
    let w = w.replace('’', "'");
    if w.ends_with("'s") && w.len() > 2 {
        return "'s".to_string();
    }
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
        .to_lowercase()
}

/// [`link_word`] of `w`, given `lower`, its ASCII lower case (the same bytes of
/// `Document::lower`): an ASCII word (most) is trimmed there, with no copy; only a word beyond
/// ASCII is written into `buf`.
fn link_word_into<'b>(w: &str, lower: &'b str, buf: &'b mut String) -> &'b str {
    if !w.is_ascii() {
        *buf = link_word(w);
        buf
    } else if w.ends_with("'s") && w.len() > 2 {
        "'s"
    } else {
        lower.trim_matches(|c: char| !c.is_ascii_alphanumeric() && c != '\'')
    }
}

/// The names the old rule gave a figure, keyed once for all its candidates.
pub(super) struct Rule {
    sentence: Option<RuleName>,
    story: Option<RuleName>,
}

impl Rule {
    pub fn new(f: &FigureView) -> Self {
        Self {
            sentence: f.rule_sentence.map(RuleName::new),
            story: f.rule_story.map(RuleName::new),
        }
    }
}

/// The "none" candidate: what the rule named and how many names there are to choose from.
pub(super) fn none(scene: &Scene, f: &FigureView, rule: &Rule) -> Features {
    let mut out: Features = Vec::with_capacity(NONE_FEATURES);
    out.push((hash("none"), 1.0));
    let add = |out: &mut Features, name: &str| out.push((hash(name), 1.0));
    out.push((hash_parts(&["none:kind=", f.kind.as_str()]), 1.0));
    if f.main {
        add(&mut out, "none:main");
    }
    match &rule.sentence {
        Some(n) if scene.organisations().iter().any(|c| names(c, n)) => {
            add(&mut out, "none:rule_sentence")
        }
        Some(_) => add(&mut out, "none:rule_sentence_unmatched"),
        None => add(&mut out, "none:no_rule_sentence"),
    }
    if rule.story.is_none() {
        add(&mut out, "none:no_rule_story");
    }
    // The words of the figure's sentence that tie it to someone (or to no one named), each
    // once: the list's own entries are kept, so nothing is copied.
    let mut seen: Vec<&str> = Vec::new();
    let mut buf = String::new();
    for w in scene.text[f.window.0..f.window.1].split_whitespace() {
        let lower = scene.lower_of(w);
        let w = link_word_into(w, &lower, &mut buf);
        if let Some(&link) = LINKS.get(w)
            && !seen.contains(&link)
        {
            seen.push(link);
            out.push((hash_parts(&["none:sent=", link]), 1.0));
        }
    }
    if scene.rug() {
        out.push((hash("none:rug"), 1.0));
    }
    let in_sentence = scene
        .organisations()
        .iter()
        .filter(|c| has_mention_in(c, f.window))
        .count();
    out.push((
        hash_parts(&["none:in_sentence=", DIGITS[bucket(in_sentence, &[0, 1, 2])]]),
        1.0,
    ));
    out.push((
        hash_parts(&[
            "none:orgs=",
            DIGITS[bucket(scene.organisations().len(), &[0, 1, 3, 8])],
        ]),
        1.0,
    ));
    out
}

/// Whether one of `c`'s mentions lies within `window`. Its spans are in text order, so only
/// those starting inside are looked at, not all of a long filing's.
fn has_mention_in(c: &Candidate, window: (usize, usize)) -> bool {
    let from = c.spans.partition_point(|s| s.0 < window.0);
    c.spans[from..]
        .iter()
        .take_while(|s| s.0 <= window.1)
        .any(|s| s.1 <= window.1)
}

/// Whether `span` is one of `c`'s mentions (its spans are in text order).
fn is_mention(c: &Candidate, span: (usize, usize)) -> bool {
    let from = c.spans.partition_point(|s| s.0 < span.0);
    c.spans[from..]
        .iter()
        .take_while(|s| s.0 == span.0)
        .any(|s| *s == span)
}

/// Where a candidate's mention nearest to a figure stands.
#[derive(Clone, Copy)]
pub(super) struct Near {
    pub span: (usize, usize),
    /// The mention is before the figure.
    pub before: bool,
    /// Words between them.
    pub distance: usize,
}

/// Candidate `c`'s mention nearest to figure `f` (in words; before it on a tie).
pub(super) fn nearest(scene: &Scene, f: &FigureView, c: &Candidate) -> Near {
    // The spans are in text order and each holds a word, so the nearest is one of those next to
    // the figure: looking only there keeps a long filing linear.
    let at = c.spans.partition_point(|s| s.0 < f.span.0);
    let near = &c.spans[at.saturating_sub(3)..(at + 3).min(c.spans.len())];
    near.iter()
        .map(|&s| {
            let before = s.1 <= f.span.0;
            let gap = if before {
                (s.1, f.span.0)
            } else {
                (f.span.1.min(s.0), s.0)
            };
            Near {
                span: s,
                before,
                distance: scene.words_between(gap.0, gap.1),
            }
        })
        .min_by_key(|n| (n.distance, !n.before, n.span.0))
        .unwrap_or(Near {
            span: (0, 0),
            before: true,
            distance: usize::MAX,
        })
}

/// Candidate `c` for the figure `f`; `near` its nearest mention, `order` its place among the
/// candidates by that distance (0: the nearest).
pub(super) fn of(
    scene: &Scene,
    f: &FigureView,
    rule: &Rule,
    c: &Candidate,
    near: Near,
    order: usize,
) -> Features {
    let text = scene.text;
    let mut out: Features = Vec::with_capacity(CANDIDATE_FEATURES);
    out.push((hash("cand"), 1.0));
    // Names hashed from their parts: no string is built per candidate and figure.
    let mut add = |parts: &[&str], v: f32| out.push((hash_parts(parts), v));
    let (span, before) = (near.span, near.before);
    add(&["order=", DIGITS[bucket(order, &[0, 1, 2])]], 1.0);
    if order == 0 && near.distance <= LINK_REACH {
        add(&["nearest&close"], 1.0);
    }
    let dir = if before { "before" } else { "after" };
    let (gap_s, gap_e) = if before {
        (span.1, f.span.0)
    } else {
        (f.span.1.min(span.0), span.0)
    };
    let between = &text[gap_s..gap_e];
    let distance = near.distance;
    let sentence = scene.sents.partition_point(|s| s.end() <= span.0);
    let sentence_gap = sentence.abs_diff(f.sentence);
    let same_sentence = span.0 >= f.window.0 && span.1 <= f.window.1;
    add(
        &["sent_gap=", DIGITS[bucket(sentence_gap, &[0, 1, 3])]],
        1.0,
    );
    if same_sentence {
        add(&["same_sentence"], 1.0);
        add(
            &[
                "dist=",
                dir,
                ":",
                DIGITS[bucket(distance, &[0, 2, 5, 10, 20])],
            ],
            1.0,
        );
        add(&["closeness"], 1.0 / (1.0 + distance as f32 / 4.0));
        let commas = between.matches(',').count();
        add(&["commas=", DIGITS[bucket(commas, &[0, 1])]], 1.0);
        if between.contains([';', ':']) || between.contains(" — ") || between.contains(" – ") {
            add(&["clause_break"], 1.0);
        } else if commas == 0 {
            add(&["same_clause"], 1.0);
        }
        if between.contains('(') {
            add(&["bracket=", dir], 1.0);
        }
        if distance <= LINK_REACH {
            let mut buf = String::new();
            for w in between.split_whitespace() {
                let lower = scene.lower_of(w);
                let w = link_word_into(w, &lower, &mut buf);
                if LINKS.contains(w) {
                    add(&["link=", dir, ":", w], 1.0);
                }
            }
        }
        // Another figure or another organisation between them: the name is theirs.
        if scene
            .figures
            .iter()
            .any(|g| g.0 >= gap_s && g.1 <= gap_e && *g != f.span)
        {
            add(&["figure_between"], 1.0);
        }
        let from = scene.entities.partition_point(|e| e.0 < gap_s);
        if scene.entities[from..]
            .iter()
            .take_while(|e| e.0 < gap_e)
            .any(|e| e.2.kind == EntityKind::Organization && !is_mention(c, (e.0, e.1)))
        {
            add(&["org_between"], 1.0);
        }
    }
    // The words right around the mention.
    if text[span.1..].starts_with(['\'', '’']) {
        add(&["possessive"], 1.0);
    }
    let mut buf = String::new();
    if let Some(w) = text[..span.0].split_whitespace().next_back() {
        let lower = scene.lower_of(w);
        let w = link_word_into(w, &lower, &mut buf);
        if LINKS.contains(w) {
            add(&["prev=", w], 1.0);
        }
    }
    if let Some(w) = text[span.1..].split_whitespace().next() {
        let lower = scene.lower_of(w);
        let w = link_word_into(w, &lower, &mut buf);
        if LINKS.contains(w) {
            add(&["next=", w], 1.0);
        }
    }
    if c.in_title {
        add(&["title"], 1.0);
        add(
            &[if same_sentence {
                "title&sentence"
            } else {
                "title&elsewhere"
            }],
            1.0,
        );
    }
    let ss = scene.sents[sentence.min(scene.sents.len().saturating_sub(1))].start();
    // At most two words before it: a third is not looked for.
    if text[ss..span.0].split_whitespace().nth(2).is_none() {
        add(&["starts_sentence"], 1.0);
    }
    add(&["count=", DIGITS[bucket(c.spans.len(), &[1, 2, 5])]], 1.0);
    add(&["rank=", DIGITS[bucket(c.rank, &[0, 1, 2])]], 1.0);
    if c.asset {
        add(&["asset"], 1.0);
    }
    match &c.type_word {
        Some(w) => add(&["type=", w], 1.0),
        None => add(&["type=none"], 1.0),
    }
    if rule.sentence.as_ref().is_some_and(|n| names(c, n)) {
        add(&["rule_sentence"], 1.0);
        // The sentence names an organisation the title does not: another theft told in passing.
        add(
            &[if c.in_title {
                "rule_sentence&title"
            } else {
                "rule_sentence&not_title"
            }],
            1.0,
        );
    } else if rule.sentence.is_some() {
        add(&["rule_sentence_names_another"], 1.0);
    }
    if rule.story.as_ref().is_some_and(|n| names(c, n)) {
        add(&["rule_story"], 1.0);
        if !same_sentence {
            add(&["rule_story&elsewhere"], 1.0);
        }
    }
    out
}

/// Words of a story whose project robbed its own users (`assets/lexicon/rug-words.txt`).
static RUG_WORDS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/lexicon/rug-words.txt")).collect()
});

/// The only characters beyond ASCII whose lower case holds ASCII letters (KELVIN SIGN is
/// "k", a dotted capital I is "i" and a dot).
const LOWER_TO_ASCII: [char; 2] = ['\u{130}', '\u{212A}'];

/// [`RUG_WORDS`], then [`LOWER_TO_ASCII`], found in one pass over the text's ASCII lower case.
/// Case-sensitive and leftmost-first, so the automaton searches with its packed prefilter
/// (which match comes first does not change the answer, see [`tells_of_a_rug`]); `None` when
/// a word is not lower-case ASCII (then only the copy reads it as before).
static RUG_MATCHER: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
    let odd = LOWER_TO_ASCII.map(String::from);
    RUG_WORDS
        .iter()
        .all(|w| w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()))
        .then(|| {
            AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(
                    RUG_WORDS
                        .iter()
                        .copied()
                        .chain(odd.iter().map(String::as_str)),
                )
                .ok()
        })
        .flatten()
});

/// Whether the text tells of a rug pull or an exit scam: a rug word in `text.to_lowercase()`.
/// `lower` is `text` with its ASCII letters lower-cased (`Document::lower`): a rug word there
/// is one in the copy, and with neither of [`LOWER_TO_ASCII`] the copy has no other; the copy
/// is made only when one of those is found first, since it could make one.
pub(super) fn tells_of_a_rug(text: &str, lower: &str) -> bool {
    if let Some(m) = RUG_MATCHER.as_ref() {
        match m.find(lower) {
            None => return false,
            Some(hit) if hit.pattern().as_usize() < RUG_WORDS.len() => return true,
            Some(_) => {}
        }
    }
    let lower = text.to_lowercase();
    RUG_WORDS.iter().any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(spans: Vec<(usize, usize)>) -> Candidate {
        Candidate {
            name: String::new(),
            id: String::new(),
            spans,
            rank: 0,
            in_title: false,
            type_word: None,
            normalized: String::new(),
            asset: false,
        }
    }

    #[test]
    fn mention_lookups_on_sorted_spans_agree_with_a_scan_of_all() {
        // Mentions in text order, some sharing a start (a place grown into its institution).
        let spans = vec![
            (0, 4),
            (3, 9),
            (10, 14),
            (10, 20),
            (25, 30),
            (31, 33),
            (40, 52),
        ];
        let c = candidate(spans.clone());
        for a in 0..55 {
            for b in a..55 {
                let scan = spans.iter().any(|s| s.0 >= a && s.1 <= b);
                assert_eq!(has_mention_in(&c, (a, b)), scan, "window {a}..{b}");
                assert_eq!(is_mention(&c, (a, b)), spans.contains(&(a, b)), "{a}..{b}");
            }
        }
    }

    #[test]
    fn feature_names_hashed_from_parts_are_the_names_written_out() {
        assert_eq!(
            hash_parts(&[
                "dist=",
                "before",
                ":",
                DIGITS[bucket(7, &[0, 2, 5, 10, 20])]
            ]),
            hash("dist=before:3")
        );
        assert_eq!(
            hash_parts(&["link=", "after", ":", "from"]),
            hash("link=after:from")
        );
    }

    #[test]
    fn words_read_for_links_in_place_are_the_words_of_the_copy() {
        let mut buf = String::new();
        for w in [
            "From",
            "(from",
            "Zephyr's",
            "Zephyr’s",
            "'s",
            "s's",
            "users'",
            "”Against,",
            "—",
            "",
            "Café",
            "BEHIND.",
            "x'",
            "'Tis",
            "3rd",
            "_x_",
            "\u{212A}",
        ] {
            let lower = w.to_ascii_lowercase();
            assert_eq!(link_word_into(w, &lower, &mut buf), link_word(w), "{w:?}");
        }
    }

    #[test]
    fn rug_words_are_found_in_any_case_as_in_a_lower_cased_copy() {
        let rug = |t: &str| tells_of_a_rug(t, &t.to_ascii_lowercase());
        let copy = |t: &str| {
            let lower = t.to_lowercase();
            RUG_WORDS.iter().any(|w| lower.contains(w))
        };
        for t in [
            "The team pulled the RUG PULL off",
            "an Exit Scam, said police",
            "a Pump-And-Dump scheme",
            "RUGGED by its founders",
            "rug  pull",
            "a rug, pull",
            "no such story here",
            "Café owners say rugpulL",
            "the \u{212A}elvin sign: RUG\u{212A}",
            "exit scam by the \u{212A}elvin sign",
            "ex\u{130}t scam, \u{130}stanbul",
            "İstanbul exit scam",
            "",
        ] {
            assert_eq!(rug(t), copy(t), "{t:?}");
        }
        assert!(rug("A textbook Rug Pull."));
        assert!(!rug("A textbook rug."));
    }

    #[test]
    fn only_the_listed_characters_beyond_ascii_lower_case_to_ascii() {
        let odd: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(odd, LOWER_TO_ASCII);
    }
}

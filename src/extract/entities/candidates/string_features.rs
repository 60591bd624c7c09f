//! The features as strings, the way they were built before they were hashed as read: kept for
//! the test that the hashed features are the same, feature for feature.

use super::*;
use crate::extract::entities::person_cues;

pub(super) fn mention_features(
    text: &str,
    words: &[(usize, usize)],
    doc: &Doc,
    not_name: &FxHashSet<String>,
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
    if person_cues::pronoun_after(text, end) {
        out.push("pron_after".into());
    }
    if person_cues::its_after(text, end) {
        out.push("its_after".into());
    }
    if person_cues::person_verb_after(text, end) {
        out.push("person_verb".into());
    }
    if person_cues::possession_after(text, end) {
        out.push("person_poss".into());
    }
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

//! Re-anchoring: finding an annotation's passage again after the article text changed.
//!
//! The stored position is tried first; then the exact quote is searched anywhere (several hits
//! are told apart by how well their surroundings match the stored prefix and suffix, then by
//! nearness to the old position); then an approximate match of the quote (edit distance, Sellers'
//! algorithm) scored by quote, prefix and suffix similarity against a threshold. What still cannot
//! be placed is an orphan: the caller keeps it untouched. Everything is in characters.

use serde::{Deserialize, Serialize};

use super::model::{Annotation, Position, Quote, quote_at};

/// Where an annotation stands against the current text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum AnchorStatus {
    /// The text at the stored position is the quote.
    Anchored,
    /// Found elsewhere (or found changed): the old and the new position.
    Moved { from: Position, to: Position },
    /// Not found: the annotation is kept as it was.
    Orphan,
}

impl AnchorStatus {
    pub fn label(&self) -> &'static str {
        match self {
            Self::Anchored => "anchored",
            Self::Moved { .. } => "moved",
            Self::Orphan => "orphan",
        }
    }
}

/// Largest share of the quote's characters an approximate match may get wrong.
const MAX_ERROR_RATE: f64 = 0.3;
/// Smallest combined score (quote ½, prefix ¼, suffix ¼) an approximate match needs.
const MIN_FUZZY_SCORE: f64 = 0.6;
/// Quotes shorter than this are only matched exactly: approximate hits would be noise.
const MIN_FUZZY_LEN: usize = 5;
/// Above this many DP cells (text × quote characters) the approximate search is skipped.
const MAX_FUZZY_CELLS: usize = 40_000_000;

/// Locates `quote` in `text`, starting from the stored `position`.
pub fn locate(text: &str, quote: &Quote, position: Position) -> AnchorStatus {
    let t: Vec<char> = text.chars().collect();
    let q: Vec<char> = quote.exact.chars().collect();
    if q.is_empty() {
        return AnchorStatus::Orphan;
    }
    if position.end <= t.len()
        && position.start <= position.end
        && t[position.start..position.end] == q[..]
    {
        return AnchorStatus::Anchored;
    }
    let prefix: Vec<char> = quote.prefix.chars().collect();
    let suffix: Vec<char> = quote.suffix.chars().collect();
    let moved = |start: usize, end: usize| AnchorStatus::Moved {
        from: position,
        to: Position { start, end },
    };
    if let Some(start) = best_exact(&t, &q, &prefix, &suffix, position.start) {
        return moved(start, start + q.len());
    }
    match best_fuzzy(&t, &q, &prefix, &suffix, position.start) {
        Some((start, end)) => moved(start, end),
        None => AnchorStatus::Orphan,
    }
}

/// Re-anchors one annotation against its article's text (`None`: the article is gone). On a move
/// the position and quote are updated to the new place; an orphan is left untouched.
pub fn reanchor(annotation: &mut Annotation, text: Option<&str>) -> AnchorStatus {
    let Some(text) = text else {
        return AnchorStatus::Orphan;
    };
    let status = locate(text, &annotation.quote, annotation.position);
    if let AnchorStatus::Moved { to, .. } = status {
        let (quote, position) = quote_at(text, to.start, to.end);
        annotation.quote = quote;
        annotation.position = position;
    }
    status
}

/// The exact occurrence whose context matches best, then the nearest to `old`.
fn best_exact(
    t: &[char],
    q: &[char],
    prefix: &[char],
    suffix: &[char],
    old: usize,
) -> Option<usize> {
    if q.len() > t.len() {
        return None;
    }
    (0..=t.len() - q.len())
        .filter(|&s| t[s..s + q.len()] == *q)
        .max_by_key(|&s| {
            let before = common_suffix(&t[..s], prefix);
            let after = common_prefix(&t[s + q.len()..], suffix);
            (before + after, std::cmp::Reverse(s.abs_diff(old)))
        })
}

/// The best approximate match `(start, end)` above the thresholds.
fn best_fuzzy(
    t: &[char],
    q: &[char],
    prefix: &[char],
    suffix: &[char],
    old: usize,
) -> Option<(usize, usize)> {
    let m = q.len();
    if m < MIN_FUZZY_LEN || t.is_empty() || t.len().saturating_mul(m) > MAX_FUZZY_CELLS {
        return None;
    }
    let k = (m as f64 * MAX_ERROR_RATE).floor() as usize;
    let last = sellers_last_row(t, q);
    // Ends of candidate matches: local minima of the distance within the error budget.
    let mut ends: Vec<(usize, usize)> = (1..=t.len())
        .filter(|&j| {
            last[j] <= k && last[j] < last[j - 1] && last.get(j + 1).is_none_or(|&n| last[j] <= n)
        })
        .map(|j| (last[j], j))
        .collect();
    ends.sort();
    ends.truncate(16);
    let mut best: Option<(f64, usize, usize, usize)> = None;
    for (_, end) in ends {
        let (start, dist) = best_start(t, q, end, k);
        let quote_sim = 1.0 - dist as f64 / m.max(end - start) as f64;
        let before = &t[start.saturating_sub(prefix.len())..start];
        let after = &t[end..(end + suffix.len()).min(t.len())];
        let score =
            0.5 * quote_sim + 0.25 * similarity(before, prefix) + 0.25 * similarity(after, suffix);
        if quote_sim < 1.0 - MAX_ERROR_RATE || score < MIN_FUZZY_SCORE {
            continue;
        }
        let distance = start.abs_diff(old);
        let better = match best {
            None => true,
            Some((s, _, _, d)) => score > s + 1e-9 || ((score - s).abs() <= 1e-9 && distance < d),
        };
        if better {
            best = Some((score, start, end, distance));
        }
    }
    best.map(|(_, s, e, _)| (s, e))
}

/// Last row of Sellers' DP: `row[j]` is the least edit distance between `q` and any substring of
/// `t` ending at `j`.
fn sellers_last_row(t: &[char], q: &[char]) -> Vec<usize> {
    let mut prev = vec![0usize; t.len() + 1];
    let mut cur = vec![0usize; t.len() + 1];
    for (i, &qc) in q.iter().enumerate() {
        cur[0] = i + 1;
        for j in 1..=t.len() {
            let sub = prev[j - 1] + usize::from(qc != t[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev
}

/// For a match ending at `end`, the start giving the least distance (and that distance): the same
/// DP run backwards from `end` with the end anchored.
fn best_start(t: &[char], q: &[char], end: usize, k: usize) -> (usize, usize) {
    let lo = end.saturating_sub(q.len() + k);
    let window: Vec<char> = t[lo..end].iter().rev().copied().collect();
    let pattern: Vec<char> = q.iter().rev().copied().collect();
    let mut prev: Vec<usize> = (0..=window.len()).collect();
    let mut cur = vec![0usize; window.len() + 1];
    for (i, &qc) in pattern.iter().enumerate() {
        cur[0] = i + 1;
        for j in 1..=window.len() {
            let sub = prev[j - 1] + usize::from(qc != window[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    // Ties go to the longer span, so that a changed character at an edge stays inside the match.
    let (len, dist) = prev
        .iter()
        .enumerate()
        .min_by_key(|&(j, &d)| (d, std::cmp::Reverse(j)))
        .map(|(j, &d)| (j, d))
        .unwrap_or((0, q.len()));
    (end - len, dist)
}

/// 1 − normalised edit distance; two empty strings are identical.
fn similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - levenshtein(a, b) as f64 / longest as f64
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0usize; b.len() + 1];
    for (i, &ac) in a.iter().enumerate() {
        cur[0] = i + 1;
        for j in 1..=b.len() {
            let sub = prev[j - 1] + usize::from(ac != b[j - 1]);
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()]
}

fn common_suffix(a: &[char], b: &[char]) -> usize {
    a.iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &[char], b: &[char]) -> usize {
    a.iter().zip(b).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "North Korea’s hackers stole $81 million (€72 million) from the \
        Bangladesh central bank in February 2016 🙂. Investigators blamed the Lazarus Group. \
        Later, another bank lost $60 million to the same group.";

    fn char_find(text: &str, needle: &str) -> usize {
        text[..text.find(needle).unwrap()].chars().count()
    }

    fn annotate(text: &str, needle: &str) -> Annotation {
        let s = char_find(text, needle);
        Annotation::new("a", text, s, s + needle.chars().count(), "amount", "")
    }

    #[test]
    fn unchanged_text_is_anchored() {
        let a = annotate(TEXT, "$81 million (€72 million)");
        assert_eq!(locate(TEXT, &a.quote, a.position), AnchorStatus::Anchored);
    }

    #[test]
    fn insertion_before_moves_by_its_length_in_characters() {
        let mut a = annotate(TEXT, "Lazarus Group");
        let from = a.position;
        let edited = format!("Breaking – “update” 🚨 {TEXT}");
        let status = reanchor(&mut a, Some(&edited));
        let shift = "Breaking – “update” 🚨 ".chars().count();
        let to = Position {
            start: from.start + shift,
            end: from.end + shift,
        };
        assert_eq!(status, AnchorStatus::Moved { from, to });
        assert_eq!(a.position, to);
        assert_eq!(
            crate::text::slice_chars(&edited, to.start, to.end),
            "Lazarus Group"
        );
    }

    #[test]
    fn edited_context_still_finds_the_intact_quote() {
        let a = annotate(TEXT, "€72 million");
        let edited = TEXT.replace("stole $81 million (", "took about $81 million (roughly ");
        let status = locate(&edited, &a.quote, a.position);
        let start = char_find(&edited, "€72 million");
        let to = Position {
            start,
            end: start + 11,
        };
        assert_eq!(
            status,
            AnchorStatus::Moved {
                from: a.position,
                to
            }
        );
    }

    #[test]
    fn slightly_edited_quote_is_found_approximately() {
        let a = annotate(TEXT, "Investigators blamed the Lazarus Group");
        let edited = TEXT.replace(
            "Investigators blamed the Lazarus Group",
            "Investigators have blamed the Lazarus group",
        );
        let AnchorStatus::Moved { to, .. } = locate(&edited, &a.quote, a.position) else {
            panic!("not found")
        };
        assert_eq!(
            crate::text::slice_chars(&edited, to.start, to.end),
            "Investigators have blamed the Lazarus group"
        );
    }

    #[test]
    fn removed_quote_is_an_orphan_and_left_untouched() {
        let mut a = annotate(TEXT, "Investigators blamed the Lazarus Group.");
        let before = a.clone();
        let edited = TEXT.replace("Investigators blamed the Lazarus Group.", "");
        assert_eq!(reanchor(&mut a, Some(&edited)), AnchorStatus::Orphan);
        assert_eq!(a, before);
        assert_eq!(reanchor(&mut a, None), AnchorStatus::Orphan);
    }

    #[test]
    fn repeated_quote_is_told_apart_by_its_context() {
        let text = "The first bank lost money. Filler one. The second bank lost money. Filler two.";
        // Annotate the second "bank lost money".
        let s = char_find(text, "second bank") + "second ".chars().count();
        let a = Annotation::new("a", text, s, s + 15, "victim", "");
        // Insert text so that the old offset now lands right on the first occurrence's area.
        let edited = format!("Prefix text that shifts everything. {text}");
        let AnchorStatus::Moved { to, .. } = locate(&edited, &a.quote, a.position) else {
            panic!("not moved")
        };
        assert_eq!(to.start, char_find(&edited, "second bank") + 7);
        // With equal context, the nearest occurrence wins.
        let q = Quote {
            exact: "bank".into(),
            prefix: String::new(),
            suffix: String::new(),
        };
        let near_second = Position {
            start: char_find(text, "second") + 5,
            end: 0,
        };
        let AnchorStatus::Moved { to, .. } = locate(text, &q, near_second) else {
            panic!()
        };
        assert_eq!(to.start, char_find(text, "second bank") + 7);
    }

    #[test]
    fn unicode_offsets_are_characters() {
        let text = "€1 – ’quoted’ 🙂🙂 €72 million stolen";
        let a = annotate(text, "€72 million");
        assert_eq!(a.position.start, 17);
        let edited = text.replace("🙂🙂", "🙂");
        let AnchorStatus::Moved { to, .. } = locate(&edited, &a.quote, a.position) else {
            panic!()
        };
        assert_eq!(to, Position { start: 16, end: 27 });
    }

    #[test]
    fn a_random_other_text_does_not_attract_a_fuzzy_match() {
        let a = annotate(TEXT, "$81 million (€72 million)");
        let other =
            "Completely unrelated text about gardening, tomatoes and the weather in spring.";
        assert_eq!(locate(other, &a.quote, a.position), AnchorStatus::Orphan);
    }
}

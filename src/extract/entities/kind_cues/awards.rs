//! An award's winners and nominees typed by its category: the names that win "best group" or
//! are up for it are bands, those that take "the best male crown" are people ("Acme won best
//! British group", "Ana, Bel Cruz and Dee to take the best male crown", "for best group had
//! been Acme and Zorb"). Singers' one-word monikers and bands named like people need it: their
//! shape says the other kind.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

use crate::extract::EntityKind;

/// Category words and the kind of winner they name (`award-categories.tsv`).
static CATEGORIES: LazyLock<FxHashMap<&'static str, EntityKind>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/entity-words/award-categories.tsv"
    ))
    .filter_map(|l| {
        let (word, kind) = l.split_once('\t')?;
        let kind = match kind.trim() {
            "organisation" => EntityKind::Organization,
            "person" => EntityKind::Person,
            _ => return None,
        };
        Some((word.trim(), kind))
    })
    .collect()
});

/// The word every category opens with, its searcher built once.
static BEST: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("best"));

/// Words between a winner and its category ("won", "were named", "to take the").
const BEFORE_CATEGORY: &[&str] = &[
    "won",
    "wins",
    "win",
    "winning",
    "took",
    "takes",
    "take",
    "taking",
    "to",
    "the",
    "was",
    "were",
    "is",
    "are",
    "named",
    "voted",
    "crowned",
    "scooped",
    "picked",
    "up",
    "been",
    "has",
    "have",
    "had",
    "also",
    "nominated",
    "for",
    "tipped",
    "shortlisted",
    "as",
    "a",
    "landed",
    "collected",
];

/// Words between a category and its nominees ("for best group had been the …").
const AFTER_CATEGORY: &[&str] = &[
    "award",
    "awards",
    "prize",
    "crown",
    "title",
    "category",
    "had",
    "been",
    "have",
    "has",
    "were",
    "was",
    "are",
    "is",
    "the",
    "included",
    "include",
    "includes",
    "went",
    "to",
    "nominees",
    "contenders",
];

/// Filler words of a category allowed between "best" and its word ("best British group").
const FILLERS: usize = 3;

/// Words (letters, digits, hyphens, apostrophes) and single punctuation marks.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == ' ' || c == '\t' {
            rest = &rest[c.len_utf8()..];
            continue;
        }
        let word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
        let len = if c.is_alphanumeric() {
            rest.find(|c: char| !word(c)).unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        out.push(&rest[..len]);
        rest = &rest[len..];
    }
    out
}

/// Glue between a list's items.
fn list_glue(t: &str) -> bool {
    matches!(t, "," | "and" | "&")
}

/// An item's word: capitalised or a number ("D12", "Maroon 5").
fn item_word(t: &str) -> bool {
    t.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
}

/// The category named by "best" at `toks[0]`, and how many tokens it took.
fn category_at(toks: &[&str]) -> (Option<EntityKind>, usize) {
    for (i, t) in toks.iter().enumerate().skip(1).take(FILLERS + 1) {
        if let Some(kind) = CATEGORIES.get(t) {
            return (Some(*kind), i + 1);
        }
        if list_glue(t) || *t == "best" || !t.starts_with(char::is_alphanumeric) {
            return (None, i);
        }
    }
    (None, toks.len().min(FILLERS + 1))
}

/// The category a name ending at `end` wins or is up for, read to the right ("Acme won best
/// group", "Ana, Bel and Dee to take the best male crown").
fn category_after(text: &str, end: usize) -> Option<EntityKind> {
    let line = &text[end..crate::text::line_end(text, end)];
    let toks = tokens(line);
    let (mut i, mut bridged, mut words) = (0, false, 0);
    while i < toks.len() && i < 24 {
        let t = toks[i];
        if t == "best" {
            let (kind, used) = category_at(&toks[i..]);
            if kind.is_some() {
                return kind;
            }
            i += used.max(1);
            continue;
        }
        // List glue and, before the verb, the list's other items pass; "for" right after the
        // names is no verb's ("the Acme Awards for best male").
        let item = list_glue(t) || item_word(t) && !bridged;
        if !item {
            if !BEFORE_CATEGORY.contains(&t) || t == "for" && !bridged {
                return None;
            }
            bridged = true;
            words += 1;
            if words > 6 {
                return None;
            }
        }
        i += 1;
    }
    None
}

/// The category whose nominees a name starting at `start` ends the list of, read to the left
/// ("for best group had been the Acme, Zorb and Dee").
fn category_before(text: &str, start: usize) -> Option<EntityKind> {
    let line = &text[crate::text::line_start(text, start)..start];
    let toks = tokens(line);
    let mut words = 0;
    for (i, t) in toks.iter().enumerate().rev().take(24) {
        if let Some(kind) = CATEGORIES.get(t) {
            // "best" and at most a few fillers before it.
            let from = i.saturating_sub(FILLERS + 1);
            let best = toks[from..i].iter().rposition(|w| *w == "best")?;
            let fillers = &toks[from + best + 1..i];
            let clean = fillers
                .iter()
                .all(|w| !list_glue(w) && w.starts_with(char::is_alphanumeric));
            return clean.then_some(*kind);
        }
        if list_glue(t) || item_word(t) {
            continue;
        }
        if !AFTER_CATEGORY.contains(t) {
            return None;
        }
        words += 1;
        if words > 6 {
            return None;
        }
    }
    None
}

/// The kind of winner the award category next to the name `start..end` names, when the two
/// sides do not disagree. Not for a name a number goes on from ("Acme 5"): the name is longer.
pub(super) fn winner_kind(text: &str, start: usize, end: usize) -> Option<EntityKind> {
    if text[end..]
        .strip_prefix(' ')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // Both sides read a category from its "best": a line without one names none (most lines;
    // this runs for every proposed name, and the sides split the whole line into tokens).
    let from = crate::text::line_start(text, start);
    let to = crate::text::line_end(text, end);
    BEST.find(&text.as_bytes()[from..to])?;
    match (category_before(text, start), category_after(text, end)) {
        (Some(a), Some(b)) if a != b => None,
        (a, b) => a.or(b),
    }
}

//! Runs of capitals the model took for a firm that name no body: a person's office ("Tory
//! Leader", "Prime Minister"; `office-titles.txt`), a plural common noun ("APIs", "ID cards",
//! "T-shirts"), an event ("Acme Electronics Show"; `event-words.txt`) and a work after its
//! noun ("the film Acme Nights", "a version of Zorb"; `work-nouns.txt`). A plural acronym after
//! a name is a thing of that name ("Twitter DMs", "Acme LPs"): the name before it is the firm;
//! so is the maker before a product word ("Acme Windows"; `product-words.txt`) and a known
//! acronym before an event word ("BBC Sports Personality").

use std::sync::LazyLock;

use rustc_hash::FxHashSet;

use super::Candidate;
use super::automaton::Source;
use crate::extract::EntityKind;

/// Offices that end no body's name (`assets/entity-words/office-titles.txt`).
static OFFICE_TITLES: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/office-titles.txt"
    ))
    .collect()
});

/// The last words of events' names (`assets/entity-words/event-words.txt`).
static EVENT_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/event-words.txt")).collect()
});

/// The last words of products' names after their maker (`assets/entity-words/product-words.txt`).
static PRODUCT_WORDS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../assets/entity-words/product-words.txt"
    ))
    .collect()
});

/// Nouns before a work's title (`assets/entity-words/work-nouns.txt`).
static WORK_NOUNS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!("../../../assets/entity-words/work-nouns.txt")).collect()
});

/// The word right before `at` on its line, skipping spaces.
fn word_before(text: &str, at: usize) -> (&str, usize) {
    let before = text[..at].trim_end_matches([' ', '\t']);
    let from = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '-')
        .last()
        .map_or(before.len(), |(i, _)| i);
    (&before[from..], from)
}

/// "the film Acme", "a new version of Zorb": a work's noun right before the name.
fn after_a_work_noun(text: &str, start: usize) -> bool {
    let (w, at) = word_before(text, start);
    WORK_NOUNS.contains(w) || w == "of" && WORK_NOUNS.contains(word_before(text, at).0)
}

/// "Acme and Zorb Secretary", "Acme, Zorb and Quell Minister": the name is the first field of
/// an office's portfolio, which ends in the office's title a few capitalised words on.
fn portfolio_of_an_office(text: &str, end: usize) -> bool {
    let mut rest = &text[end..];
    for _ in 0..4 {
        let Some(r) = [", and ", " and ", ", "]
            .iter()
            .find_map(|j| rest.strip_prefix(j))
        else {
            return false;
        };
        rest = r;
        // The next field's capitalised words; an office's title among them ends the portfolio.
        while rest.starts_with(char::is_uppercase) {
            let len = rest
                .find(|c: char| !c.is_alphanumeric() && c != '-')
                .unwrap_or(rest.len());
            if OFFICE_TITLES.contains(rest[..len].to_lowercase().as_str()) {
                return true;
            }
            rest = &rest[len..];
            match rest.strip_prefix(' ') {
                Some(after) if after.starts_with(char::is_uppercase) => rest = after,
                _ => break,
            }
        }
    }
    false
}

/// "APIs", "DMs", "LPs": an acronym written as a plural.
fn plural_acronym(word: &str) -> bool {
    word.strip_suffix('s').is_some_and(|stem| {
        stem.chars().count() >= 2 && stem.chars().all(|c| c.is_ascii_uppercase())
    })
}

/// "cards", "T-shirts": a plural written in lower case (its last hyphened part).
fn lower_plural(word: &str) -> bool {
    let part = word.rsplit('-').next().unwrap_or(word);
    part.len() > 2
        && part.ends_with('s')
        && !part.ends_with("ss")
        && part.chars().all(|c| c.is_ascii_lowercase())
}

/// What a model-typed organisation named `text[start..end]` becomes: `None` when it names no
/// body, the span of the firm before a plural acronym, or the span unchanged.
fn body_span(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let name = &text[start..end];
    let (head, last) = match name.rfind(char::is_whitespace) {
        Some(i) => (Some(name[..i].trim_end()), &name[i + 1..]),
        None => (None, name),
    };
    if OFFICE_TITLES.contains(last.to_lowercase().as_str())
        || lower_plural(last)
        || head.is_some() && EVENT_WORDS.contains(last)
        || after_a_work_noun(text, start)
        || portfolio_of_an_office(text, end)
    {
        return None;
    }
    if plural_acronym(last) {
        return head
            .filter(|h| !h.is_empty())
            .map(|h| (start, start + h.len()));
    }
    Some((start, end))
}

/// "BBC Sports Personality", "ACME Heist": a known body's acronym the rules ran on into an
/// event's name organises it or suffers it; the acronym alone is the body. Where it ends.
fn organiser_of_an_event(text: &str, start: usize, end: usize) -> Option<usize> {
    let name = &text[start..end];
    let first_end = name.find(char::is_whitespace)?;
    let first = &name[..first_end];
    let last = name.rsplit(char::is_whitespace).next()?;
    (first.chars().count() >= 2
        && first.chars().all(|c| c.is_ascii_uppercase())
        && EVENT_WORDS.contains(last))
    .then_some(start + first_end)
}

/// "Acme Windows", "Zorb iOS": a product after its maker's name; the maker is the body. Where
/// the maker's name ends.
fn maker_of_a_product(text: &str, start: usize, end: usize) -> Option<usize> {
    let name = &text[start..end];
    let i = name.rfind(char::is_whitespace)?;
    PRODUCT_WORDS
        .contains(&name[i + 1..])
        .then_some(start + name[..i].trim_end().len())
}

/// Drops the model's organisations that name an office, a plural thing, an event or a work,
/// and cuts a plural acronym off the firm it follows and an event off its organiser.
pub(super) fn drop_names_of_no_body(text: &str, found: &mut Vec<Candidate>) {
    found.retain_mut(|c| {
        if c.kind != EntityKind::Organization {
            return true;
        }
        if let Some(e) = organiser_of_an_event(text, c.start, c.end)
            .or_else(|| maker_of_a_product(text, c.start, c.end))
        {
            c.end = e;
            c.canonical = text[c.start..e].to_string();
            return true;
        }
        if c.source != Source::Model {
            return true;
        }
        match body_span(text, c.start, c.end) {
            None => false,
            Some((s, e)) => {
                if e != c.end {
                    c.end = e;
                    c.canonical = text[s..e].to_string();
                }
                true
            }
        }
    });
}

//! Sports clubs the model may take for people: a name after a score and a result ("a 3-0 win
//! at Acme", "a 2-1 defeat to Zorb"), after "at home to" or "signed from", and one before a player's position and the player ("Acme
//! back Ana Ruiz"; `player-positions.txt`). Sports news writes a club by its town's name.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;

/// Players' positions (`assets/entity-words/player-positions.txt`).
static POSITIONS: LazyLock<FxHashSet<&'static str>> = LazyLock::new(|| {
    crate::text::entries(include_str!(
        "../../../../assets/entity-words/player-positions.txt"
    ))
    .collect()
});

/// A score, the competition's name, and a result with the preposition of its opponent or
/// ground, at the end of the text before a name ("3-0 win at ", "2-1 Uefa Cup win over "), or
/// "at home to", "signed from". Not "in" (a city: "a 28-17 victory in Rome"). A set score after
/// another is tennis ("6-3 6-4 win over Ana"), whose opponents are people.
static SCORE_AND_RESULT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    super::super::compile(
        r"(?:(?:^|[A-Za-z] )\d{1,3}[-–]\d{1,3} (?:[A-Z][\w']* ){0,3}(?:home |away )?(?:win|victory|defeat|loss|draw|success|triumph|thrashing) (?:at|over|against|to|with)|\bat home to|\bsigned from) $",
    )
});

/// Whether a score and a result come right before the name at `start` ("a 3-0 win at Acme").
pub(super) fn opponent_after_a_score(text: &str, start: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    // Only the last few words matter.
    let mut from = start.saturating_sub(80).max(line_start);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    SCORE_AND_RESULT
        .as_ref()
        .is_some_and(|re| re.is_match(&text[from..start]))
}

/// Whether the name `start..end` is followed by a player's position and a capitalised name
/// ("Acme back Ana Ruiz"). A sentence's ordinary first word is no part of a club's name
/// ("Injured Acme winger Ana Ruiz").
pub(super) fn club_of_a_player(text: &str, start: usize, end: usize) -> bool {
    let first = super::first_word(&text[start..end]);
    if first.len() < end - start
        && super::super::candidates::sentence_start(text, start)
        && super::super::words::COMMON.contains(first.to_lowercase().as_str())
    {
        return false;
    }
    let Some(rest) = text[end..].strip_prefix(' ') else {
        return false;
    };
    let position = super::first_word(rest);
    POSITIONS.contains(position)
        && rest[position.len()..]
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase))
}

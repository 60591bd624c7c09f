//! Cues in the words after a name that it is a person's, for the model: a person's pronoun
//! later in its sentence ("Rarma, as he poured one out"), a verb people use more than firms
//! right after it ("as Kazuya puts it"), a thing people have after its possessive ("Ana's
//! vision"). One-word pseudonyms ("Humpy", "Pentoshi") have no shape of a person's name; the
//! words around them are what tells them from a protocol. Word lists are data in
//! `assets/entity-words/` (`person-pronouns.txt`, `person-verbs.txt`,
//! `person-possessions.txt`).

use std::sync::LazyLock;

use super::words::WordSet;

fn list(text: &'static str) -> WordSet {
    crate::text::entries(text).collect()
}

static PRONOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    list(include_str!(
        "../../../assets/entity-words/person-pronouns.txt"
    ))
});

static VERBS: LazyLock<WordSet> = LazyLock::new(|| {
    list(include_str!(
        "../../../assets/entity-words/person-verbs.txt"
    ))
});

static POSSESSIONS: LazyLock<WordSet> = LazyLock::new(|| {
    list(include_str!(
        "../../../assets/entity-words/person-possessions.txt"
    ))
});

/// How far after a name its sentence is read for a pronoun: a long line costs no more.
const REACH: usize = 160;

/// Whether `lower` (ASCII lower case) is the word `w` in any case.
fn is(w: &str, set: &WordSet) -> bool {
    if w.len() > 16 || !w.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| set.contains(l))
}

/// The words of the rest of the sentence after `end` (to a full stop, `!`, `?`, a line break,
/// a quotation mark, or the reach), split on what is not a letter, digit or apostrophe.
fn sentence_words(text: &str, end: usize) -> impl Iterator<Item = &str> {
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let rest = &text[end..to];
    // A quotation speaks of other things ("Kamluk said, \"we know little of its aims\"").
    let stop = rest
        .find(['.', '!', '?', '\n', '"', '“', '”'])
        .unwrap_or(rest.len());
    rest[..stop]
        .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
}

/// The pronoun later in a name's sentence ([`pronoun_after`], [`its_after`]), read once for
/// both.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Pronoun {
    /// A person's ("he", "her").
    Person,
    /// "its": a firm's.
    Its,
}

/// [`pronoun_after`] and [`its_after`] in one reading of the sentence.
pub(super) fn pronoun_kind_after(text: &str, end: usize) -> Option<Pronoun> {
    let w = first_pronoun_after(text, end)?;
    if is(w, &PRONOUNS) {
        Some(Pronoun::Person)
    } else if w.eq_ignore_ascii_case("its") {
        Some(Pronoun::Its)
    } else {
        None
    }
}

/// A person's pronoun later in the name's sentence, with no capitalised word between (another
/// name, whose pronoun it would rather be).
#[cfg(test)]
pub(super) fn pronoun_after(text: &str, end: usize) -> bool {
    first_pronoun_after(text, end).is_some_and(|w| is(w, &PRONOUNS))
}

/// "its" later in the name's sentence, with no capitalised word or person's pronoun before it
/// ("Sky began burning its own token"): a firm's, as "his" is a person's.
#[cfg(test)]
pub(super) fn its_after(text: &str, end: usize) -> bool {
    first_pronoun_after(text, end).is_some_and(|w| w.eq_ignore_ascii_case("its"))
}

/// The first person's pronoun or "its" later in the name's sentence, before any capitalised
/// word.
fn first_pronoun_after(text: &str, end: usize) -> Option<&str> {
    // The name's own possessive ("Humpy's first dance … his last") is no other word.
    let end = ["'s", "’s"]
        .iter()
        .find(|s| text[end..].starts_with(**s))
        .map_or(end, |s| end + s.len());
    for w in sentence_words(text, end) {
        // "he'd", "she’s": the pronoun before its contraction.
        let head = w.split(['\'', '’']).next().unwrap_or(w);
        if is(head, &PRONOUNS) || w.eq_ignore_ascii_case("its") {
            return Some(head);
        }
        if w.starts_with(char::is_uppercase) {
            return None;
        }
    }
    None
}

/// A verb people use more than firms right after the name ("pointed out", "puts it").
pub(super) fn person_verb_after(text: &str, end: usize) -> bool {
    let rest = text[end..].strip_prefix(' ').unwrap_or("");
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    is(word, &VERBS)
}

/// A thing people have in the two words after the name's possessive ("Ana's vision", "Ana's
/// public statement").
pub(super) fn possession_after(text: &str, end: usize) -> bool {
    let Some(rest) = ["'s ", "’s "]
        .iter()
        .find_map(|s| text[end..].strip_prefix(*s))
    else {
        return false;
    };
    rest.split(|c: char| !c.is_alphabetic())
        .take(2)
        .any(|w| is(w, &POSSESSIONS))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str, name: &str) -> usize {
        text.find(name).map_or(0, |i| i + name.len())
    }

    #[test]
    fn a_pronoun_later_in_the_sentence_with_no_other_name_between() {
        let t = "First spotted by Zorbo, as he poured one out. His friends laughed.";
        assert!(pronoun_after(t, after(t, "Zorbo")));
        let t = "Zorbo is not done, and this won't be his last.";
        assert!(pronoun_after(t, after(t, "Zorbo")));
        let t = "Zorbo’s first dance won't be his last.";
        assert!(pronoun_after(t, after(t, "Zorbo")));
    }

    #[test]
    fn no_pronoun_across_a_sentence_or_another_name() {
        let t = "Zorbo paid out. He left.";
        assert!(!pronoun_after(t, after(t, "Zorbo")));
        let t = "Zorbo hired Ana, and she left.";
        assert!(!pronoun_after(t, after(t, "Zorbo")));
        let t = "Zorbo said there was a hero in the code.";
        assert!(!pronoun_after(t, after(t, "Zorbo")));
    }

    #[test]
    fn its_is_a_firms_pronoun_as_his_is_a_persons() {
        let t = "Zorbo began burning its own token.";
        assert!(its_after(t, after(t, "Zorbo")) && !pronoun_after(t, after(t, "Zorbo")));
        let t = "Zorbo sold his stake and its price fell.";
        assert!(!its_after(t, after(t, "Zorbo")));
        let t = "Zorbo said it's fine.";
        assert!(!its_after(t, after(t, "Zorbo")));
        let t = "Zorbo said, \"we know little of its aims\", and “his” too.";
        assert!(!its_after(t, after(t, "Zorbo")) && !pronoun_after(t, after(t, "Zorbo")));
    }

    #[test]
    fn verbs_and_possessions_of_people() {
        let t = "As Zorbo pointed out, and as Zorbo puts it, Zorbo's public statement and Zorbo's vision.";
        let ends: Vec<usize> = t.match_indices("Zorbo").map(|(i, n)| i + n.len()).collect();
        assert!(person_verb_after(t, ends[0]) && person_verb_after(t, ends[1]));
        assert!(possession_after(t, ends[2]) && possession_after(t, ends[3]));
        let t = "Zorbo launched Zorbo's token.";
        let ends: Vec<usize> = t.match_indices("Zorbo").map(|(i, n)| i + n.len()).collect();
        assert!(!person_verb_after(t, ends[0]) && !possession_after(t, ends[1]));
    }

    #[test]
    fn one_reading_gives_both_pronoun_cues_as_two_readings_do() {
        let text = "Zorbo, as he said. Quandle burned its token. Ana’s dog and Bo's her. \
                    Vell, it's his: Mira \"its\" hers. Zed's HIS call; Kip ITS. Nox's";
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let kind = pronoun_kind_after(text, end);
            assert_eq!(
                kind == Some(Pronoun::Person),
                pronoun_after(text, end),
                "{end}"
            );
            assert_eq!(kind == Some(Pronoun::Its), its_after(text, end), "{end}");
        }
    }
}

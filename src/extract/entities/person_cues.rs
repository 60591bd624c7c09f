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
/// a quotation mark, or the reach), split on what is not a letter, digit or apostrophe: the
/// definition [`first_pronoun_after`] reads by bytes (the tests compare the two).
#[cfg(test)]
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
    let end = past_possessive(text, end);
    let mut to = (end + REACH).min(text.len());
    while !text.is_char_boundary(to) {
        to -= 1;
    }
    let bytes = &text.as_bytes()[..to];
    let short = &*SHORT_PRONOUNS;
    // This runs for every proposed mention over up to `REACH` bytes: the words of
    // [`sentence_words`] are read a byte at a time (a character decoded only past ASCII), and a
    // word whose head no pronoun has the length and first letter of is not looked up.
    let mut i = end;
    loop {
        // Between words: to the next word byte, or the sentence's end.
        let start = loop {
            let &b = bytes.get(i)?;
            if b.is_ascii() {
                if ASCII_WORD[usize::from(b)] {
                    break i;
                }
                if ASCII_STOP[usize::from(b)] {
                    return None;
                }
                i += 1;
            } else {
                let c = text[i..].chars().next()?;
                if matches!(c, '“' | '”') {
                    return None;
                }
                if c == '’' || c.is_alphanumeric() {
                    break i;
                }
                i += c.len_utf8();
            }
        };
        // The word, and its head: what comes before its first apostrophe.
        let mut head_end = None;
        while let Some(&b) = bytes.get(i) {
            if b.is_ascii() {
                if !ASCII_WORD[usize::from(b)] {
                    break;
                }
                if b == b'\'' {
                    head_end.get_or_insert(i);
                }
                i += 1;
            } else {
                let Some(c) = text[i..].chars().next() else {
                    break;
                };
                if c == '’' {
                    head_end.get_or_insert(i);
                } else if !c.is_alphanumeric() {
                    break;
                }
                i += c.len_utf8();
            }
        }
        let w = &text[start..i];
        let head = &text[start..head_end.unwrap_or(i)];
        if short.may_be(head) && is(head, &PRONOUNS) || w.eq_ignore_ascii_case("its") {
            return Some(head);
        }
        if w.starts_with(char::is_uppercase) {
            return None;
        }
    }
}

/// The name's own possessive ("Humpy's first dance … his last") is no other word.
fn past_possessive(text: &str, end: usize) -> usize {
    ["'s", "’s"]
        .iter()
        .find(|s| text[end..].starts_with(**s))
        .map_or(end, |s| end + s.len())
}

/// The ASCII bytes of a word of [`sentence_words`]: letters, digits and the apostrophe.
static ASCII_WORD: [bool; 128] = {
    let mut t = [false; 128];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric() || b as u8 == b'\'';
        b += 1;
    }
    t
};

/// The ASCII bytes that end the sentence [`sentence_words`] reads.
static ASCII_STOP: [bool; 128] = {
    let mut t = [false; 128];
    t[b'.' as usize] = true;
    t[b'!' as usize] = true;
    t[b'?' as usize] = true;
    t[b'\n' as usize] = true;
    t[b'"' as usize] = true;
    t
};

/// A word list's lengths by first letter (the person's pronouns, the verbs after a name): bit
/// `n` of entry `b` is set when a word of `n` bytes (ASCII, at most 16) opens with the ASCII
/// letter `b` in either case. A word the table rules out is not lower-cased or hashed.
struct Shapes([u32; 128]);

impl Shapes {
    fn may_be(&self, w: &str) -> bool {
        match w.as_bytes().first() {
            Some(&b) if b.is_ascii() && w.len() <= 16 => self.0[usize::from(b)] >> w.len() & 1 != 0,
            _ => false,
        }
    }

    /// The shapes of a list's ASCII words of at most 16 bytes, the only ones [`is`] finds.
    fn of(list: &WordSet) -> Self {
        let mut t = [0u32; 128];
        for w in list.iter() {
            if let Some(&b) = w.as_bytes().first()
                && b.is_ascii()
                && w.is_ascii()
                && w.len() <= 16
            {
                t[usize::from(b.to_ascii_lowercase())] |= 1 << w.len();
                t[usize::from(b.to_ascii_uppercase())] |= 1 << w.len();
            }
        }
        Shapes(t)
    }
}

static SHORT_PRONOUNS: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(&PRONOUNS));

/// A verb people use more than firms right after the name ("pointed out", "puts it").
pub(super) fn person_verb_after(text: &str, end: usize) -> bool {
    let rest = text[end..].strip_prefix(' ').unwrap_or("");
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    SHORT_VERBS.may_be(word) && is(word, &VERBS)
}

/// The verbs' lengths by first letter, as [`SHORT_PRONOUNS`] has the pronouns'.
static SHORT_VERBS: LazyLock<Shapes> = LazyLock::new(|| Shapes::of(&VERBS));

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
    use proptest::prelude::*;

    /// [`first_pronoun_after`] as the words of [`sentence_words`] define it.
    fn first_pronoun_by_words(text: &str, end: usize) -> Option<&str> {
        for w in sentence_words(text, past_possessive(text, end)) {
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

    fn agree_everywhere(text: &str) {
        for end in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(
                first_pronoun_after(text, end),
                first_pronoun_by_words(text, end),
                "at {end} in {text:?}"
            );
        }
    }

    #[test]
    fn the_byte_reading_finds_the_pronoun_the_words_find() {
        for text in [
            "Zorbo, as he poured one out. His friends laughed.",
            "Zorbo’s first dance won't be his last; she’d say HER hers himself.",
            "Ana said \"he\" and “she” and ”his” left! Or? its ITS Its it's its’",
            "Émile, as ÉLÈVE he 'he he' ’his’ he’s x’her h3 he1 1he",
            "Ωmega ω his. Łódź her; straße him ſhe K\u{212a}its",
            "Mira\tthen\u{a0}his\u{2009}her\nhe — she–her …his",
            "",
            "h",
            "'s",
            "’s he",
        ] {
            agree_everywhere(text);
        }
        // Past the reach: a pronoun 160 bytes on is not read, one before is.
        let long = format!("Zorbo {} his", "x".repeat(150));
        agree_everywhere(&long);
        let long = format!("Zorbo {}é his", "x".repeat(150));
        agree_everywhere(&long);
        assert_eq!(first_pronoun_after("Zorbo and his", 5), Some("his"));
    }

    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "he",
            "He",
            "HE",
            "she",
            "his",
            "her",
            "hers",
            "him",
            "himself",
            "its",
            "Its",
            "it's",
            "he's",
            "she’d",
            "’s",
            "'s",
            "'",
            "’",
            "Ana",
            "Éa",
            "ω",
            "Ω",
            "é",
            "x",
            "the",
            "hx",
            "h",
            "3",
            ".",
            "!",
            "?",
            "\n",
            "\"",
            "“",
            "”",
            ",",
            " ",
            " ",
            " ",
            "\t",
            "\u{a0}",
            "—",
            "K\u{212a}",
            "ſ",
            "_",
            "-",
        ])
    }

    proptest! {
        #[test]
        fn the_byte_reading_agrees_from_every_boundary(
            pieces in prop::collection::vec(piece(), 0..40)
        ) {
            agree_everywhere(&pieces.concat());
        }
    }

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

//! Which of the proposed names' first words the text also writes in lower case ("the bank" by
//! "Bank Rakyat"): the `doc_lower` feature. The words of the text are the runs of alphanumeric
//! characters, and a lower-case one is one whose first character is; only the names' first
//! words are ever asked about, so the text's words are compared with those few instead of all
//! being hashed into a set (that set was an eighth of the candidates' instructions).

use super::*;

/// The lower-cased first words of `runs` that are lower-case words of `text`, as slices of it.
pub(super) fn among<'a>(
    text: &'a str,
    runs: &[Vec<(usize, usize)>],
) -> HashSet<&'a str, BuildHasherDefault<KeyHasher>> {
    let mut found = HashSet::default();
    let mut wanted: HashSet<String, BuildHasherDefault<KeyHasher>> = HashSet::default();
    // Lengths (in bytes, up to 63; longer ones all in the top bit) and ASCII first bytes (any
    // other first byte in the top bit) of the wanted words: most words of the text fail these.
    let (mut lengths, mut firsts) = (0u64, 0u128);
    for r in runs {
        let Some(&(s, e)) = r.first() else { continue };
        let lower = text[s..e].to_lowercase();
        // A word of the text is alphanumeric and opens with a lower-case character.
        if !lower.starts_with(char::is_lowercase) || !lower.chars().all(char::is_alphanumeric) {
            continue;
        }
        lengths |= length_bit(lower.len());
        firsts |= first_bit(lower.as_bytes()[0]);
        wanted.insert(lower);
    }
    if wanted.is_empty() {
        return found;
    }
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut start: Option<usize> = None;
    while i <= bytes.len() {
        let (alphanumeric, len) = match bytes.get(i) {
            None => (false, 1),
            Some(&b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            Some(_) => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (c.is_alphanumeric(), c.len_utf8())
            }
        };
        match (alphanumeric, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let word = &text[s..i];
                if lengths & length_bit(word.len()) != 0
                    && firsts & first_bit(bytes[s]) != 0
                    && word.starts_with(char::is_lowercase)
                    && wanted.contains(word)
                {
                    found.insert(word);
                }
                start = None;
            }
            _ => {}
        }
        i += len;
    }
    found
}

fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

fn first_bit(b: u8) -> u128 {
    1 << b.min(127)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The definition it replaces: every lower-case word of the text in a set.
    fn every_lower_word(text: &str) -> HashSet<&str> {
        text.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.starts_with(|c: char| c.is_lowercase()))
            .collect()
    }

    #[test]
    fn the_first_words_found_are_those_of_the_set_of_every_lower_case_word() {
        let mut texts: Vec<String> = (0..200)
            .map(|i| crate::synthetic::article(3, i).text)
            .collect();
        texts.extend(
            [
                "Bank of Korea said the bank lost; BANK bank-run banks. Acme acme",
                "Łódź łódź ŁÓDŹ, Émile émile; Σοφία σοφία ΣΟΦΊΑ Ωmega ωmega",
                "iPhone iphone Iphone; 1inch 1INCH; _x x_ Ab ab",
                "Straße strasse STRASSE İstanbul i̇stanbul ﬁnance Finance finance",
                "Zorb\u{a0}zorb\u{2009}zorb—Zorb zorb’s Zorb’s dYdX dydx",
            ]
            .map(String::from),
        );
        let mut written_lower = 0;
        for text in &texts {
            let found = runs(text, &[]);
            let all = every_lower_word(text);
            let got = among(text, &found);
            for r in &found {
                let (s, e) = r[0];
                let first = text[s..e].to_lowercase();
                assert_eq!(
                    got.contains(first.as_str()),
                    all.contains(first.as_str()),
                    "{first:?} in {text:?}"
                );
                written_lower += usize::from(got.contains(first.as_str()));
            }
            // Nothing is found that the text does not write as a lower-case word.
            assert!(got.iter().all(|w| all.contains(w)), "{text:?}");
        }
        // Both answers are compared: many names' first words are also lower-case words.
        assert!(written_lower > 5, "{written_lower}");
    }
}

//! Which of the proposed names' first words the text also writes in lower case ("the bank" by
//! "Bank Rakyat"): the `doc_lower` feature. The words of the text are the runs of alphanumeric
//! characters, and a lower-case one is one whose first character is; only the names' first
//! words are ever asked about, so the text's words are compared with those few instead of all
//! being hashed into a set (that set was an eighth of the candidates' instructions).

use super::*;

/// The lower-cased first words of `runs` that are lower-case words of `text`, as slices of it.
pub(super) fn among<'a>(text: &'a str, runs: &Runs) -> HashSet<&'a str, WordHasher> {
    among_searching(text, runs, SEARCHED)
}

/// [`among`], each word searched for when there are at most `searched` of them.
fn among_searching<'a>(
    text: &'a str,
    runs: &Runs,
    searched: usize,
) -> HashSet<&'a str, WordHasher> {
    let mut found = HashSet::default();
    // The wanted words lower-cased, one after another in one buffer (an ASCII word lowered in
    // place, no string of its own), each once while few enough to be searched for.
    // Sized for the first words as written (lower-casing rarely changes a length): no
    // doublings.
    let first_words = runs
        .iter()
        .map(|r| r.first().map_or(0, |&(s, e)| e - s))
        .sum();
    let mut lowered = String::with_capacity(first_words);
    let mut wanted: Vec<(usize, usize)> = Vec::with_capacity(runs.bounds.len());
    // Lengths (in bytes, up to 63; longer ones all in the top bit) and ASCII first bytes (any
    // other first byte in the top bit) of the wanted words: most words of the text fail these.
    let (mut lengths, mut firsts) = (0u64, 0u128);
    for r in runs.iter() {
        let Some(&(s, e)) = r.first() else { continue };
        let from = lowered.len();
        let word = &text[s..e];
        if word.is_ascii() {
            lowered.push_str(word);
            lowered[from..].make_ascii_lowercase();
        } else {
            lowered.push_str(&word.to_lowercase());
        }
        let lower = &lowered[from..];
        // A word of the text is alphanumeric and opens with a lower-case character.
        if !lower.starts_with(char::is_lowercase)
            || !lower.chars().all(char::is_alphanumeric)
            || wanted.len() <= searched && wanted.iter().any(|&(a, b)| lowered[a..b] == *lower)
        {
            lowered.truncate(from);
            continue;
        }
        lengths |= length_bit(lower.len());
        firsts |= first_bit(lower.as_bytes()[0]);
        wanted.push((from, lowered.len()));
    }
    if wanted.is_empty() {
        return found;
    }
    // A few words are looked for (SIMD substring search, a fraction of an instruction per
    // byte); many, as in a long filing, by reading the text's words once.
    if wanted.len() <= searched {
        for &(a, b) in &wanted {
            let w = &lowered[a..b];
            if let Some(at) = memchr::memmem::find_iter(text.as_bytes(), w.as_bytes())
                .find(|&at| whole_word(text, at, at + w.len()))
            {
                found.insert(&text[at..at + w.len()]);
            }
        }
        return found;
    }
    let wanted: HashSet<&str, WordHasher> = wanted.iter().map(|&(a, b)| &lowered[a..b]).collect();
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Past the characters between words: ASCII ones in a tight loop, others decoded.
        i += bytes[i..]
            .iter()
            .position(|&b| !b.is_ascii() || b.is_ascii_alphanumeric())
            .unwrap_or(bytes.len() - i);
        if i < bytes.len() && !bytes[i].is_ascii() {
            let c = text[i..].chars().next().unwrap_or(' ');
            if !c.is_alphanumeric() {
                i += c.len_utf8();
                continue;
            }
        }
        let start = i;
        // To the word's end: runs of ASCII letters and digits, and any alphanumeric character.
        while i < bytes.len() {
            i += bytes[i..]
                .iter()
                .position(|&b| !b.is_ascii_alphanumeric())
                .unwrap_or(bytes.len() - i);
            match text[i..].chars().next() {
                Some(c) if !c.is_ascii() && c.is_alphanumeric() => i += c.len_utf8(),
                _ => break,
            }
        }
        let word = &text[start..i];
        if !word.is_empty()
            && lengths & length_bit(word.len()) != 0
            && firsts & first_bit(bytes[start]) != 0
            && word.starts_with(char::is_lowercase)
            && wanted.contains(word)
        {
            found.insert(word);
        }
    }
    found
}

/// Up to how many words are each searched for rather than the text's words read.
const SEARCHED: usize = 16;

/// Whether `start..end` (an alphanumeric run) is a whole word: no alphanumeric character
/// touches it.
fn whole_word(text: &str, start: usize, end: usize) -> bool {
    !text[..start]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
        && !text[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
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
            let found = runs(text, &[], &WordStarts::of(text));
            let all = every_lower_word(text);
            let got = among(text, &found);
            // Both readings (every word of the text, each wanted word searched) find the same.
            assert_eq!(among_searching(text, &found, 0), got, "{text:?}");
            assert_eq!(among_searching(text, &found, usize::MAX), got, "{text:?}");
            for r in found.iter() {
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

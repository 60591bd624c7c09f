//! Every place the date patterns' anchor words stand in the lower-cased text, overlapping ones
//! included ("day" inside "yesterday"), found through each position's pair of bytes: a pair
//! that opens no word (about 94 positions in 100 of news) costs one table load, seven of them
//! from one load of eight bytes, and only the words opening with the pair are compared. The same matches as an overlapping Aho-Corasick
//! search of the words (the tests compare them) for about a third of its instructions; they
//! come by start, not by end, an order the anchors' marks do not depend on.

/// The anchor words, by the pair of bytes each opens with.
pub(super) struct Words {
    words: Vec<Vec<u8>>,
    /// For each pair of bytes (read as a little-endian `u16`), 1 + its place in `by_pair`;
    /// 0 when no word opens with it.
    pairs: Box<[u8; 1 << 16]>,
    /// The indices of the words opening with each pair.
    by_pair: Vec<Vec<usize>>,
}

/// A pair of bytes as the index of [`Words::pairs`].
fn pair(a: u8, b: u8) -> usize {
    usize::from(u16::from_le_bytes([a, b]))
}

impl Words {
    /// The finder of `words` (each found by its index here); none if a word is shorter than a
    /// pair of bytes, or the words open with more than 255 pairs, which this table cannot
    /// read (the caller then counts every anchor as present).
    pub(super) fn new<'w>(words: impl IntoIterator<Item = &'w str>) -> Option<Self> {
        let words: Vec<Vec<u8>> = words.into_iter().map(|w| w.as_bytes().to_vec()).collect();
        let mut pairs: Box<[u8; 1 << 16]> =
            vec![0u8; 1 << 16].into_boxed_slice().try_into().ok()?;
        let mut by_pair: Vec<Vec<usize>> = Vec::new();
        for (i, w) in words.iter().enumerate() {
            let (&a, &b) = (w.first()?, w.get(1)?);
            let slot = &mut pairs[pair(a, b)];
            if *slot == 0 {
                by_pair.push(Vec::new());
                *slot = u8::try_from(by_pair.len()).ok()?;
            }
            by_pair[usize::from(*slot - 1)].push(i);
        }
        Some(Words {
            words,
            pairs,
            by_pair,
        })
    }

    /// Calls `f(start, end, word)` for every place a word stands in `text`, by start.
    pub(super) fn for_each(&self, text: &[u8], mut f: impl FnMut(usize, usize, usize)) {
        let mut from = 0;
        while let Some((i, slot)) = self.next_pair(text, from) {
            for &w in &self.by_pair[usize::from(slot - 1)] {
                let word = &self.words[w];
                if opens(&text[i..], word) {
                    f(i, i + word.len(), w);
                }
            }
            from = i + 1;
        }
    }

    /// The first place at or after `from` whose pair of bytes opens a word, with its slot: a
    /// loop of its own, so that nothing of the caller's is kept beside it (most bytes end
    /// here). Eight bytes are loaded at once and their seven pairs looked up from them.
    #[inline(never)]
    fn next_pair(&self, text: &[u8], from: usize) -> Option<(usize, u8)> {
        let pairs = &*self.pairs;
        let mut i = from;
        while let Some(eight) = text.get(i..i + 8).and_then(|c| <[u8; 8]>::try_from(c).ok()) {
            let w = u64::from_le_bytes(eight);
            // The slot of the pair at `i + k` in byte `k`.
            let slots = (0..7).fold(0u64, |acc, k| {
                acc | u64::from(pairs[((w >> (8 * k)) & 0xffff) as usize]) << (8 * k)
            });
            if slots != 0 {
                let k = slots.trailing_zeros() / 8;
                return Some((i + k as usize, (slots >> (8 * k)) as u8));
            }
            i += 7;
        }
        while i + 1 < text.len() {
            let slot = pairs[pair(text[i], text[i + 1])];
            if slot != 0 {
                return Some((i, slot));
            }
            i += 1;
        }
        None
    }
}

/// Whether `text` opens with `word`, compared a byte at a time (most words differ by their
/// third byte, before a call to `memcmp` would have returned).
fn opens(text: &[u8], word: &[u8]) -> bool {
    text.len() >= word.len() && word.iter().zip(text).all(|(a, b)| a == b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aho_corasick::AhoCorasick;

    /// The definition: an overlapping Aho-Corasick search of the same words, sorted.
    fn by_automaton(words: &[&str], text: &str) -> Vec<(usize, usize, usize)> {
        let Ok(ac) = AhoCorasick::new(words) else {
            panic!("automaton of {words:?}")
        };
        let mut out: Vec<(usize, usize, usize)> = ac
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect();
        out.sort_unstable();
        out
    }

    fn by_pairs(words: &Words, text: &str) -> Vec<(usize, usize, usize)> {
        let mut out = Vec::new();
        words.for_each(text.as_bytes(), |s, e, w| out.push((s, e, w)));
        out.sort_unstable();
        out
    }

    fn anchor_words() -> Vec<&'static str> {
        super::super::ANCHOR_WORDS
            .iter()
            .map(|(w, _)| w.as_str())
            .collect()
    }

    #[test]
    fn the_pairs_find_what_the_automaton_finds_in_news() {
        let words = anchor_words();
        let Some(finder) = Words::new(words.iter().copied()) else {
            panic!("the anchor words fit the table")
        };
        let mut texts: Vec<String> = (0..300)
            .map(|i| crate::synthetic::article(11, i).text.to_ascii_lowercase())
            .collect();
        texts.extend(
            [
                "yesterday today monday mid-2019 q1 2022, h2 2023; the final moments of 2019",
                "2020202 1999 mar.may jun jul aug sept oct nov dec jan feb apr",
                "a month ago, two weeks, hours, minutes, a quarter, half",
                "é2019 ٣ dé day\u{a0}days d a y 19 20 2 h q",
                "",
                "d",
                "da",
                "day",
            ]
            .map(String::from),
        );
        for t in &texts {
            assert_eq!(by_pairs(&finder, t), by_automaton(&words, t), "{t:?}");
        }
    }

    #[test]
    fn a_word_shorter_than_a_pair_leaves_no_finder() {
        assert!(Words::new(["ab", "c"]).is_none());
        assert!(Words::new(["ab", ""]).is_none());
        assert!(Words::new(["ab", "abc", "abd", "xy"]).is_some());
    }

    proptest::proptest! {
        /// Random texts of pieces of the words, ASCII or not, against the automaton.
        #[test]
        fn random_texts_have_the_matches_of_the_automaton(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "yester", "day", "to", "d", "a", "y", "mar", "ma", "mo", "nth", "ment",
                    "20", "2", "19", "9", "0", "q", "1", "h", "ago", "wee", "k", " ", "é",
                    "\u{a0}", "٣", "quarter", "half", "hour", "minute", "sep", "t",
                ]),
                0..40,
            )
        ) {
            let t: String = parts.concat();
            let words = anchor_words();
            let finder = Words::new(words.iter().copied());
            proptest::prop_assert!(finder.is_some());
            if let Some(finder) = finder {
                proptest::prop_assert_eq!(by_pairs(&finder, &t), by_automaton(&words, &t));
            }
        }
    }
}

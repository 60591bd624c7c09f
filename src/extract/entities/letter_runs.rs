//! A word's run of ASCII letters as a key, and sets of such keys as bits: a test of a few
//! instructions that a word of the text may be one a list of words or names opens with, made
//! at each word start before the list itself is read. Used by the person patterns' opening
//! words (`opened`, in any ASCII case) and the gazetteer's walk (`automaton`, as written).

/// The key of the run of ASCII letters `b[start..end]` (not empty), as written: its length
/// (at most 255) and its first seven bytes.
pub(super) fn key(b: &[u8], start: usize, end: usize) -> u64 {
    let len = end - start;
    let eight = match b.get(start..start + 8) {
        Some(eight) => <[u8; 8]>::try_from(eight).map_or(0, u64::from_le_bytes),
        None => b[start..end]
            .iter()
            .take(7)
            .enumerate()
            .fold(0, |k, (i, &c)| k | u64::from(c) << (8 * i)),
    };
    (eight & kept_bytes(len)) | u64::try_from(len.min(255)).unwrap_or(255) << 56
}

/// The mask of the bytes a key keeps of a run of `len` letters (one to seven).
fn kept_bytes(len: usize) -> u64 {
    u64::MAX >> (64 - 8 * len.clamp(1, 7))
}

/// A [`key`] lower-cased: runs equal in any ASCII case have one folded key.
pub(super) fn folded(key: u64) -> u64 {
    const LOWER: u64 = 0x0020_2020_2020_2020;
    let len = usize::from((key >> 56) as u8);
    key | LOWER & kept_bytes(len)
}

/// The length of the run a [`key`] was made of, unless it is 255 letters or more (the key
/// holds no more).
pub(super) fn len(key: u64) -> Option<usize> {
    let len = usize::from((key >> 56) as u8);
    (len < 255).then_some(len)
}

/// The first letter of the run a [`key`] was made of.
pub(super) fn first(key: u64) -> u8 {
    key.to_le_bytes()[0]
}

/// The end of the run of ASCII letters from byte `start`.
pub(super) fn end(b: &[u8], start: usize) -> usize {
    let mut at = start.min(b.len());
    while at < b.len() && b[at].is_ascii_alphabetic() {
        at += 1;
    }
    at
}

/// The [`end`] and [`key`] of the run of ASCII letters from byte `start`, which must be a
/// letter. Word starts read a run at every word of every text: its first eight bytes are
/// loaded once for both, its end found in them as a whole (most words are shorter), and only
/// a longer run read on a byte at a time.
pub(super) fn run(b: &[u8], start: usize) -> (usize, u64) {
    let eight = b
        .get(start..start + 8)
        .and_then(|e| <[u8; 8]>::try_from(e).ok())
        .map(u64::from_le_bytes);
    let len = eight.map_or(0, |x| (not_letters(x).trailing_zeros() / 8) as usize);
    let end = match eight {
        Some(x) if (1..8).contains(&len) => {
            return (start + len, (x & kept_bytes(len)) | (len as u64) << 56);
        }
        Some(_) if len == 8 => end(b, start + 8),
        _ => end(b, start),
    };
    (end, key(b, start, end))
}

/// The top bit of each byte of `x` that is no ASCII letter (eight bytes in one word: with the
/// top bits cleared and `0x20` set, adding `0x1F` carries into a byte's top bit from 'a' up and
/// adding `0x05` from '{' up, with no carry between bytes).
fn not_letters(x: u64) -> u64 {
    const TOPS: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let y = (x | (0x20 * ONES)) & !TOPS;
    let letters = y.wrapping_add(0x1F * ONES) & !y.wrapping_add(0x05 * ONES) & !x;
    !letters & TOPS
}

/// A set of [`key`]s as one bit per key's hash. Another key may share a bit, so a key the set
/// may hold still needs its word compared; one it does not hold is surely not there. (A hash
/// set's look-up cost more than the word reading it spared.)
pub(super) struct RunSet {
    bits: Vec<u64>,
    /// How far the hash is shifted: 64 less the bits of a bit's index.
    shift: u32,
}

impl RunSet {
    /// An empty set of `1 << log2` bits.
    pub(super) fn new(log2: u32) -> Self {
        Self {
            bits: vec![0; 1 << log2.saturating_sub(6)],
            shift: 64 - log2,
        }
    }

    /// The key's bit: the top bits of a multiplicative hash.
    fn bit(&self, key: u64) -> usize {
        (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> self.shift) as usize
    }

    pub(super) fn insert(&mut self, key: u64) {
        let bit = self.bit(key);
        if let Some(word) = self.bits.get_mut(bit >> 6) {
            *word |= 1 << (bit & 63);
        }
    }

    /// Whether `key` may be in the set.
    pub(super) fn may_hold(&self, key: u64) -> bool {
        let bit = self.bit(key);
        self.bits
            .get(bit >> 6)
            .is_some_and(|w| w >> (bit & 63) & 1 == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_equal_for_equal_runs_and_fold_only_when_asked() {
        let t = b"Analyst ANALYST analyst analysts CEO ceo x";
        let k = |s: usize, fold: bool| {
            let k = key(t, s, end(t, s));
            if fold { folded(k) } else { k }
        };
        assert_eq!(k(0, true), k(8, true));
        assert_eq!(k(0, true), k(16, true));
        assert_ne!(k(0, false), k(8, false));
        assert_ne!(k(16, true), k(24, true));
        assert_eq!(k(33, true), k(37, true));
        // Near the end of the text the bytes are read one by one, to the same key.
        let short = b"ceo";
        assert_eq!(folded(key(short, 0, 3)), k(37, true));
        assert_eq!(end(t, 41), t.len());
    }

    proptest::proptest! {
        #[test]
        fn a_run_read_eight_bytes_at_a_time_is_the_run_read_byte_by_byte(
            text in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            letters in "[a-zA-Z@\\[`{ _0-9é]{0,24}",
        ) {
            for t in [text, letters.into_bytes()] {
                for s in (0..t.len()).filter(|&s| t[s].is_ascii_alphabetic()) {
                    let e = end(&t, s);
                    proptest::prop_assert_eq!(run(&t, s), (e, key(&t, s, e)));
                }
            }
        }
    }

    #[test]
    fn every_byte_after_a_letter_ends_its_run_or_not_as_is_ascii_alphabetic_says() {
        for c in 0..=255u8 {
            let mut t = *b"ab______cd";
            t[2] = c;
            let e = if c.is_ascii_alphabetic() { 3 } else { 2 };
            assert_eq!(run(&t, 0), (e, key(&t, 0, e)), "{c:#x}");
        }
    }

    #[test]
    fn a_set_holds_what_was_put_in() {
        let mut set = RunSet::new(16);
        let words: [&[u8]; 4] = [b"said", b"According", b"the", b"Lazarus"];
        for w in words {
            set.insert(key(w, 0, w.len()));
        }
        for w in words {
            assert!(set.may_hold(key(w, 0, w.len())));
        }
        assert!(!set.bits.iter().all(|&w| w == u64::MAX));
    }
}

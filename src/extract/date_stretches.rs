//! Where in a text a date can be: the stretches between characters that no date pattern holds
//! (quotes, brackets, colons, a full stop not closing a month's abbreviation…), each with the
//! anchor words it holds. A pattern then runs only over the stretches holding its words, not
//! over the whole text: no match can cross a character none of them holds, so the matches
//! are the same.

use std::sync::LazyLock;

use super::calendar::MONTHS;
use super::document::Span;

/// A stretch of text that may hold dates.
pub(super) struct Stretch {
    pub span: Span,
    /// The anchor-word bits of the words wholly inside it (see `dates::ANCHOR_WORDS`).
    pub anchors: u16,
    /// Where the last word of each anchor bit starts (bit `i` at `i`): a match starting past
    /// it cannot hold that word, so a pattern's search after its last possible match is skipped.
    last: [usize; 16],
    /// It holds a `-` (an ISO date needs one).
    pub dash: bool,
}

impl Stretch {
    /// The stretch `span` with every anchor in `bits` counted as present everywhere in it.
    #[cfg(test)]
    pub fn everywhere(span: Span, bits: u16, dash: bool) -> Self {
        let mut s = Self {
            span,
            anchors: 0,
            last: [0; 16],
            dash,
        };
        s.mark_everywhere(bits);
        s
    }

    /// Counts every anchor in `bits` as present everywhere in the stretch.
    pub fn mark_everywhere(&mut self, bits: u16) {
        self.anchors |= bits;
        self.last = [usize::MAX; 16];
    }

    /// The anchor bits of the words starting at or after byte `at`.
    pub fn anchors_from(&self, at: usize) -> u16 {
        let mut bits = self.anchors;
        let mut left = bits;
        while left != 0 {
            let i = left.trailing_zeros();
            if self.last[i as usize] < at {
                bits &= !(1 << i);
            }
            left &= left - 1;
        }
        bits
    }
}

/// Whether a date pattern can hold `c`: letters and digits of any script (case folding and
/// `\d` reach beyond ASCII), white space (`\s`), commas and dashes. A full stop is decided
/// apart ([`closes_abbreviation`]). `_` holds none, but it is a word character: a stretch
/// ending before it would make a word boundary there that the text does not have.
fn holds(c: char) -> bool {
    c.is_alphanumeric() || c.is_whitespace() || matches!(c, ',' | '-' | '_')
}

/// The months' abbreviations (an empty field of the list is none), and which bytes end one: a
/// full stop after any other byte ("said.") closes none, with no comparison.
struct Abbreviations {
    words: Vec<&'static str>,
    last: [bool; 256],
}

static ABBREVIATIONS: LazyLock<Abbreviations> = LazyLock::new(|| {
    let words: Vec<&'static str> = MONTHS
        .iter()
        .flat_map(|m| m[1..].iter().copied())
        .filter(|w| !w.is_empty())
        .collect();
    let mut last = [false; 256];
    for w in &words {
        if let Some(&b) = w.as_bytes().last() {
            last[usize::from(b)] = true;
        }
    }
    Abbreviations { words, last }
});

/// A full stop at byte `at` that may close a month's abbreviation ("Sept."), the only full stop
/// a date holds.
fn closes_abbreviation(text: &str, at: usize) -> bool {
    let head = &text[..at];
    let a = &*ABBREVIATIONS;
    // The last byte tells most words apart before any comparison ("said." is none).
    head.as_bytes()
        .last()
        .is_some_and(|&b| a.last[usize::from(b)])
        && a.words.iter().any(|w| head.ends_with(w))
}

/// A byte's class for the stretch reader: [`BREAKS`] for an ASCII byte no date holds (see
/// [`holds`]), a full stop, and every byte beyond ASCII (each decided apart); [`DASH`] for `-`.
const BREAKS: u8 = 1;
const DASH: u8 = 2;

/// Whether an ASCII byte is one a date holds, full stops aside (see [`holds`]).
const fn holds_ascii(b: u8) -> bool {
    b.is_ascii_alphanumeric() || crate::text::is_ascii_space(b) || matches!(b, b',' | b'-' | b'_')
}

/// [`BREAKS`] and [`DASH`] for every byte.
static CLASS: [u8; 256] = {
    let mut t = [BREAKS; 256];
    let mut b = 0;
    while b < 128 {
        if holds_ascii(b as u8) {
            t[b] = if b as u8 == b'-' { DASH } else { 0 };
        }
        b += 1;
    }
    t
};

/// The end of the run of ASCII a date holds from byte `i`, eight bytes at a time, and whether
/// it holds a `-`.
fn held_run(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut seen = 0;
    while let Some(chunk) = bytes
        .get(i..i + 8)
        .and_then(|c| <&[u8; 8]>::try_from(c).ok())
    {
        let class = chunk.iter().fold(0, |acc, &b| acc | CLASS[usize::from(b)]);
        if class & BREAKS != 0 {
            break;
        }
        seen |= class;
        i += 8;
    }
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[usize::from(b)];
        if class & BREAKS != 0 {
            break;
        }
        seen |= class;
        i += 1;
    }
    (i, seen & DASH != 0)
}

/// The text's stretches, in order, with no anchors marked yet. Runs of ASCII a date holds are
/// skipped eight bytes at a time (this reads every byte of every text), noting a `-` on the
/// way; full stops and other characters are decided one by one.
pub(super) fn stretches(text: &str) -> Vec<Stretch> {
    let bytes = text.as_bytes();
    // About one stretch in 60 bytes of news: most texts fill this without growing it.
    let mut out = Vec::with_capacity(bytes.len() / 48 + 4);
    let mut start: Option<usize> = None;
    let mut dash = false;
    let mut i = 0;
    while i < bytes.len() {
        let (end, held_dash) = held_run(bytes, i);
        if end > i {
            start.get_or_insert(i);
            dash |= held_dash;
            i = end;
            continue;
        }
        let b = bytes[i];
        let (inside, len) = if b.is_ascii() {
            (b == b'.' && closes_abbreviation(text, i), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (holds(c), c.len_utf8())
        };
        if inside {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            out.push(stretch(s, i, dash));
            dash = false;
        }
        i += len;
    }
    if let Some(s) = start {
        out.push(stretch(s, text.len(), dash));
    }
    out
}

/// The stretch `s..e`, no anchors marked.
fn stretch(s: usize, e: usize, dash: bool) -> Stretch {
    Stretch {
        span: Span::new(s, e),
        anchors: 0,
        last: [0; 16],
        dash,
    }
}

/// Marks anchor word `bit` found at `start..end` on the stretch that wholly holds it, if any.
pub(super) fn mark(stretches: &mut [Stretch], start: usize, end: usize, bit: u16) {
    let k = stretches.partition_point(|s| s.span.end() <= start);
    if let Some(s) = stretches.get_mut(k)
        && s.span.start() <= start
        && end <= s.span.end()
    {
        s.anchors |= bit;
        let mut left = bit;
        while left != 0 {
            let i = left.trailing_zeros() as usize;
            s.last[i] = s.last[i].max(start);
            left &= left - 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An empty abbreviation would close at every full stop in the definition below and at none
    /// in the reader's table: the calendar has none.
    #[test]
    fn no_month_abbreviation_is_empty() {
        assert!(MONTHS.iter().flat_map(|m| &m[1..]).all(|a| !a.is_empty()));
    }

    #[test]
    fn stretches_end_where_no_date_can_go_on() {
        let t = "Hackers (on Sept. 5, 2019) stole it. Then: “last week”";
        let parts: Vec<&str> = stretches(t).iter().map(|s| s.span.of(t)).collect();
        assert_eq!(
            parts,
            [
                "Hackers ",
                "on Sept. 5, 2019",
                " stole it",
                " Then",
                " ",
                "last week"
            ]
        );
    }

    #[test]
    fn the_byte_reader_agrees_with_the_character_rule() {
        for b in 0u8..0x80 {
            let c = char::from(b);
            let t = format!("a{c}b");
            let whole = stretches(&t).len() == 1;
            assert_eq!(whole, holds(c), "{c:?}");
        }
    }

    /// The definition the skipping reader replaced: every character decided on its own.
    fn stretches_char_by_char(text: &str) -> Vec<(usize, usize, bool)> {
        let mut out = Vec::new();
        let mut start: Option<(usize, bool)> = None;
        for (i, c) in text.char_indices() {
            let inside = if c == '.' {
                // The month abbreviations read straight from the calendar, as before the
                // table of their last bytes.
                MONTHS
                    .iter()
                    .flat_map(|m| &m[1..])
                    .any(|a| text[..i].ends_with(a))
            } else {
                holds(c)
            };
            match (inside, start) {
                (true, None) => start = Some((i, c == '-')),
                (true, Some((s, d))) => start = Some((s, d || c == '-')),
                (false, Some((s, d))) => {
                    out.push((s, i, d));
                    start = None;
                }
                (false, None) => {}
            }
        }
        if let Some((s, d)) = start {
            out.push((s, text.len(), d));
        }
        out
    }

    #[test]
    fn the_skipping_reader_finds_the_stretches_of_the_character_rule() {
        let mut texts: Vec<String> = (0..300)
            .map(|i| crate::synthetic::article(11, i).text)
            .collect();
        texts.extend(
            [
                "on Sept. 5, 2019 (or Jan.\n5) – “last week”: 2019-06-30; x.y",
                "é2019 in\u{a0}2018 – on\nMonday; 3rd of Sept., 2021? Dec.. Feb.-Mar.",
                "\u{212A}elvin \u{17F}ince 1999—2000 ①② ½ ٣ Ωmega, _x_ \t\r\u{b}\u{c}",
                ".Jan. .Sept -Oct. 2020-",
            ]
            .map(String::from),
        );
        for t in &texts {
            let got: Vec<(usize, usize, bool)> = stretches(t)
                .iter()
                .map(|s| (s.span.start(), s.span.end(), s.dash))
                .collect();
            assert_eq!(got, stretches_char_by_char(t), "{t:?}");
        }
    }

    proptest::proptest! {
        /// Random texts of the characters that end or go on a stretch, ASCII or not, against
        /// the character rule.
        #[test]
        fn random_texts_have_the_stretches_of_the_character_rule(
            parts in proptest::collection::vec(
                proptest::sample::select(vec![
                    "a", "Z", "7", " ", "\t", "\n", ",", "-", "_", ".", "Sept", "Jan", "said",
                    "\"", "$", "%", "(", "é", "\u{a0}", "\u{2014}", "\u{212A}", "٣", "’",
                ]),
                0..60,
            )
        ) {
            let t: String = parts.concat();
            let got: Vec<(usize, usize, bool)> = stretches(&t)
                .iter()
                .map(|s| (s.span.start(), s.span.end(), s.dash))
                .collect();
            proptest::prop_assert_eq!(got, stretches_char_by_char(&t));
        }
    }

    #[test]
    fn an_anchor_counts_only_on_the_stretch_that_holds_it() {
        let t = "in 2019 (x)";
        let mut s = stretches(t);
        mark(&mut s, 3, 7, 1);
        mark(&mut s, 8, 10, 2); // crosses the bracket: no stretch holds it
        assert_eq!(s[0].anchors, 1);
        assert!(s.iter().skip(1).all(|s| s.anchors == 0));
    }

    #[test]
    fn anchors_from_a_byte_are_those_of_the_words_starting_there_or_later() {
        let t = "in 2019 and 2020 by May";
        let mut s = stretches(t);
        mark(&mut s, 3, 7, 1);
        mark(&mut s, 12, 16, 1);
        mark(&mut s, 20, 23, 2 | 4);
        assert_eq!(s[0].anchors_from(0), 7);
        assert_eq!(s[0].anchors_from(12), 7);
        assert_eq!(s[0].anchors_from(13), 6);
        assert_eq!(s[0].anchors_from(21), 0);
        let all = Stretch::everywhere(Span::new(0, t.len()), 7, false);
        assert_eq!(all.anchors_from(t.len()), 7);
    }
}

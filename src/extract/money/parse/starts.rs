//! Where a money figure can start, so that the figure patterns are tried anchored at those few
//! places instead of being scanned over the whole text (the scan was most of parsing). A
//! pattern tried at every place a match can start, in order, gives the matches a scan gives:
//! the leftmost, then the leftmost after its end.

use regex_automata::util::captures::Captures;
use regex_automata::{Anchored, Input, meta::Regex};

use super::Anchorable;
use super::read::{Read, Unsure};

/// Bytes from the first byte of a prefix (`U.S. $`, a space or two in it) to its number.
const PREFIX_REACH: usize = 10;

/// Positions where a number (`\d` in the patterns, any script's decimal digits) can start: the
/// first digit of each run of ASCII digits, every other numeric character, and the last three
/// digits of a run of more than three before a comma (`1234,567` reads `234,567`: the only way
/// a number starts inside a run). A number starting later in a run would also start at its
/// first digit, which is tried before.
pub(super) fn number_starts(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    // Room for a number every 64 bytes, so most texts' starts never regrow it.
    let mut out = Vec::with_capacity(b.len() / 64 + 4);
    let mut i = 0;
    while i < b.len() {
        // Eight bytes at a time over ASCII with no digit (most of a text).
        while let Some(chunk) = b.get(i..i + 8)
            && let Ok(chunk) = <[u8; 8]>::try_from(chunk)
            && !digit_or_wide(u64::from_le_bytes(chunk))
        {
            i += 8;
        }
        let Some(&c) = b.get(i) else {
            break;
        };
        if c.is_ascii_digit() {
            let run = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            out.push(run);
            // A digit (of any script) after the comma: a group of thousands may follow.
            if i - run > 3
                && b.get(i) == Some(&b',')
                && b.get(i + 1)
                    .is_some_and(|&n| n.is_ascii_digit() || !n.is_ascii())
            {
                out.extend(i - 3..i);
            }
        } else if c >= 0xC0 {
            // A character's first byte: `is_numeric` holds for every decimal digit, and more.
            let ch = text[i..].chars().next();
            if ch.is_some_and(char::is_numeric) {
                out.push(i);
            }
            i += ch.map_or(1, char::len_utf8);
        } else {
            i += 1;
        }
    }
    out
}

/// Whether one of the eight bytes of `w` is an ASCII digit or not ASCII.
fn digit_or_wide(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    if w & HIGH != 0 {
        return true;
    }
    // Each byte is below 0x80, so adding less than 0x80 to it carries into no other byte: the
    // high bit then says the byte is at least '0', and at least ':' (one past '9').
    let from_zero = w.wrapping_add(ONES * (0x80 - u64::from(b'0')));
    let past_nine = w.wrapping_add(ONES * (0x80 - u64::from(b':')));
    from_zero & !past_nine & HIGH != 0
}

/// Whether byte `b` can end a currency prefix (`$`, the last byte of `€ £ ¥ ₩ ₹`, a code's last
/// letter, `Rs.`).
fn ends_prefix(b: u8) -> bool {
    matches!(
        b,
        b'$' | 0xAC
            | 0xA3
            | 0xA5
            | 0xA9
            | 0xB9
            | b'D'
            | b'R'
            | b'P'
            | b'Y'
            | b'W'
            | b'B'
            | b'F'
            | b's'
            | b'.'
    )
}

/// Whether byte `b` can start a currency prefix (`$`, a code's or a `US$`'s first letter, the
/// first byte of `€ £ ¥ ₩ ₹`).
fn starts_prefix(b: u8) -> bool {
    matches!(
        b,
        b'$' | b'U'
            | b'A'
            | b'C'
            | b'H'
            | b'N'
            | b'S'
            | b'R'
            | b'E'
            | b'G'
            | b'J'
            | b'K'
            | b'I'
            | b'T'
            | 0xE2
            | 0xC2
    )
}

/// Positions where a currency prefix and its number can start: before a number (`numbers`, as
/// [`number_starts`] gives them), within [`PREFIX_REACH`] bytes, on a byte that can start a
/// prefix, when the number follows a byte that can end one (a space or no-break space
/// between them). In text order.
pub(super) fn prefix_starts(text: &str, numbers: &[usize]) -> Vec<usize> {
    let b = text.as_bytes();
    let mut out: Vec<usize> = Vec::new();
    for &d in numbers {
        let head = &text[..d];
        let gap = if head.ends_with(' ') {
            1
        } else if head.ends_with('\u{a0}') {
            2
        } else {
            0
        };
        let after_prefix = |g: usize| d > g && ends_prefix(b[d - g - 1]);
        if !(after_prefix(0) || gap > 0 && after_prefix(gap)) {
            continue;
        }
        let from = d.saturating_sub(PREFIX_REACH);
        // Positions already listed for an earlier number are not listed again.
        let from = out.last().map_or(from, |&l| from.max(l + 1));
        out.extend((from..d).filter(|&s| starts_prefix(b[s]) && text.is_char_boundary(s)));
    }
    out
}

/// Where each magnitude word of a worded figure ("million", "billion", "trillion",
/// "thousand") may start: its letters in any ASCII case, found from their "l" or "u" (no
/// character but the long s and the Kelvin sign folds to an ASCII letter, and these words
/// hold neither an "s" before "thou" ends nor a "k"; a test checks).
fn magnitude_words(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    let at = |from: usize, word: &[u8]| {
        b.get(from..from + word.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(word))
    };
    let lower = |i: usize| b.get(i).map_or(0, |c| c | 0x20);
    let mut out = Vec::new();
    for p in memchr::memchr3_iter(b'l', b'L', b'u', b).chain(memchr::memchr_iter(b'U', b)) {
        // The first "l" of "illion": "m" or "b" one byte before its "i", "tr" two.
        if b[p] | 0x20 == b'l' {
            if p >= 2 && lower(p + 1) == b'l' && lower(p - 1) == b'i' && at(p - 1, b"illion") {
                out.push(p - 2);
                out.extend(p.checked_sub(3));
            }
        } else if p >= 3 && lower(p - 1) == b'o' && at(p - 3, b"thou") {
            out.push(p - 3);
        }
    }
    out.sort_unstable();
    out
}

/// Positions where a worded figure ("two million dollars") can start: within the two words
/// before a magnitude word that blanks and a currency follow (`mag_currency`, tried anchored
/// at each magnitude word), the blanks before the magnitude word left out. In text order.
pub(super) fn worded_starts(text: &str, mag_currency: &Regex) -> Vec<usize> {
    let mags = magnitude_words(text);
    let mut out: Vec<usize> = Vec::new();
    for mag in mags {
        if !text.is_char_boundary(mag) {
            continue;
        }
        let blanks = text[..mag].trim_end().len();
        if blanks == mag
            || !mag_currency.is_match(Input::new(text).range(mag..).anchored(Anchored::Yes))
        {
            continue;
        }
        // The number is one word or two ("a hundred", "half a"), blanks between them.
        let word_start = |end: usize| {
            text[..end].rfind(char::is_whitespace).map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            })
        };
        let last = word_start(blanks);
        let from = word_start(text[..last].trim_end().len());
        let from = out.last().map_or(from, |&l| from.max(l + 1));
        out.extend((from..blanks).filter(|&s| may_open_number_word(text, s)));
    }
    out
}

/// Whether a number word ("two", "half a", any case) can start at byte `s`: an ASCII word
/// boundary there (the pattern's `(?-u:\b)`), and a first letter one of them has (the long s,
/// "ſix", begins with a byte that is no ASCII word byte).
fn may_open_number_word(text: &str, s: usize) -> bool {
    if !text.is_char_boundary(s) {
        return false;
    }
    let b = text.as_bytes();
    let first = b[s];
    let opens = matches!(
        first.to_ascii_lowercase(),
        b'a' | b'o' | b't' | b'f' | b's' | b'e' | b'n' | b'h'
    ) || text[s..].starts_with('ſ');
    opens && crate::text::is_ascii_boundary(b, s)
}

/// The positions of `numbers` a suffixed figure can start at: after the number (digits,
/// separators and decimals), a range, a magnitude and a blank, a currency word or a ticker
/// must be able to follow ("2017," and "5 people" end there, "5 million from" too). Most
/// numbers are years and counts, which the pattern would read only to turn them down.
pub(super) fn suffix_starts(text: &str, numbers: &[usize]) -> Vec<usize> {
    let b = text.as_bytes();
    numbers
        .iter()
        .copied()
        .filter(|&r| after_number(b, run_end(b, r), true))
        .collect()
}

/// The end of the digits, separators and decimals from `i`: a number ends there, as nothing
/// that may follow one starts with them.
fn run_end(b: &[u8], i: usize) -> usize {
    i + b[i..]
        .iter()
        .position(|&c| !(c.is_ascii_digit() || c == b',' || c == b'.'))
        .unwrap_or(b.len() - i)
}

/// Whether a suffixed figure may go on at `j`, right after a number: with a range (when
/// `range` allows one), a magnitude, or a blank and its currency. A byte of another script
/// (a digit, a no-break space, a dash, a folded letter) is let through unread.
fn after_number(b: &[u8], j: usize, range: bool) -> bool {
    match b.get(j) {
        None => false,
        Some(&c) if !c.is_ascii() => true,
        Some(b' ') => {
            currency_after_blank(b, j + 1)
                || (range && range_at(b, j + 1))
                || magnitude_at(b, j + 1)
        }
        Some(_) => (range && range_at(b, j)) || magnitude_at(b, j),
    }
}

/// Whether the second number of a range ("-80", "to 80", a blank or none before it) may
/// start at `k`, and the figure go on after it.
fn range_at(b: &[u8], k: usize) -> bool {
    let k = match b.get(k) {
        Some(&c) if !c.is_ascii() => return true,
        Some(b'-') => k + 1,
        Some(b't') if b.get(k + 1) == Some(&b'o') => k + 2,
        _ => return false,
    };
    let k = if b.get(k) == Some(&b' ') { k + 1 } else { k };
    match b.get(k) {
        Some(&c) if !c.is_ascii() => true,
        Some(c) if c.is_ascii_digit() => after_number(b, run_end(b, k), false),
        _ => false,
    }
}

/// Whether a magnitude may start at `k`, a blank and a currency after it: its words in any
/// case, its short forms as written, looked up by the first letter.
fn magnitude_at(b: &[u8], k: usize) -> bool {
    let Some(&first) = b.get(k) else {
        return false;
    };
    let (words, short): (&[&[u8]], &[&[u8]]) = match first {
        b't' => (&[b"thousand", b"trillion"], &[b"tn"]),
        b'T' => (&[b"thousand", b"trillion"], &[]),
        b'b' => (&[b"billion"], &[b"bln", b"bn", b"b"]),
        b'B' => (&[b"billion"], &[b"B"]),
        b'm' => (&[b"million"], &[b"mln", b"mn", b"m"]),
        b'M' => (&[b"million"], &[b"M"]),
        b'k' => (&[], &[b"k"]),
        b'K' => (&[], &[b"K"]),
        c => return !c.is_ascii(),
    };
    let after = |e: usize| match b.get(e) {
        Some(b' ') => currency_after_blank(b, e + 1),
        Some(&c) => !c.is_ascii(),
        None => false,
    };
    words.iter().any(|w| match word_at(b, k, w) {
        Some(Some(e)) => after(e),
        Some(None) => true,
        None => false,
    }) || short
        .iter()
        .any(|w| b[k..].starts_with(w) && after(k + w.len()))
}

/// Whether a currency word or a ticker (a capital among its first three letters, as a code's
/// first) may start at `t`, after the figure's blank. The currency words are looked up by
/// their first letter (in any case), each by its first word.
fn currency_after_blank(b: &[u8], t: usize) -> bool {
    let head = &b[t.min(b.len())..(t + 3).min(b.len())];
    let Some(&first) = head.first() else {
        return false;
    };
    if !first.is_ascii() || head.iter().any(u8::is_ascii_uppercase) {
        return true;
    }
    let words: &[&[u8]] = match first {
        b'u' => &[b"us", b"u.s."],
        b'a' => &[b"american", b"australian"],
        b'h' => &[b"hong"],
        b'c' => &[b"canadian"],
        b's' => &[b"singapore", b"sterling"],
        b't' => &[b"taiwan"],
        b'd' => &[b"dollar", b"dlrs"],
        b'b' => &[b"bitcoin"],
        b'e' => &[b"ether", b"euro"],
        b'p' => &[b"pound"],
        b'y' => &[b"yen", b"yuan"],
        b'w' => &[b"won"],
        b'r' => &[b"renminbi", b"rupee"],
        _ => return false,
    };
    words.iter().any(|w| word_at(b, t, w).is_some())
}

/// Whether `word` (lower case) starts at `k` in any ASCII case: `Some(Some(end))` when it
/// does, `Some(None)` when a byte of another script stands in the way (it may fold to one of
/// the word's letters, as the long s does to "s"), `None` when it does not.
fn word_at(b: &[u8], k: usize, word: &[u8]) -> Option<Option<usize>> {
    for (i, &w) in word.iter().enumerate() {
        match b.get(k + i) {
            Some(&c) if !c.is_ascii() => return Some(None),
            Some(&c) if c.to_ascii_lowercase() == w => {}
            _ => return None,
        }
    }
    Some(Some(k + word.len()))
}

/// Calls `each` with the matches of a pattern in `text` that a scan finds (leftmost first, none
/// overlapping another), each with its groups in the pattern's order, trying it anchored at
/// `starts` only: they are in text order and hold every position a match can start at. `read`
/// reads a match by hand; where it cannot tell, the pattern's capture engine reads it.
pub(super) fn each_match<'t, const N: usize>(
    (regex, groups): &Anchorable<N>,
    read: impl Fn(&str, usize) -> Read<N>,
    text: &'t str,
    starts: &[usize],
    mut each: impl FnMut(Group<'t>, [Option<Group<'t>>; N]),
) {
    let mut caps: Option<Captures> = None;
    let mut next = 0;
    for &s in starts {
        if s < next {
            continue;
        }
        let found = match read(text, s) {
            Ok(found) => found,
            Err(Unsure) => {
                let caps = caps.get_or_insert_with(|| regex.create_captures());
                regex.search_captures(&Input::new(text).range(s..).anchored(Anchored::Yes), caps);
                caps.get_match().map(|m| {
                    let span = |i: usize| caps.get_group(i).map(|g| (g.start, g.end));
                    ((m.start(), m.end()), groups.map(span))
                })
            }
        };
        if let Some(((start, end), spans)) = found {
            next = end.max(s + 1);
            let group = |(start, end)| Group { text, start, end };
            each(group((start, end)), spans.map(|g| g.map(group)));
        }
    }
}

/// A pattern no hand reader reads: its capture engine reads every match.
pub(super) fn by_pattern<const N: usize>(_: &str, _: usize) -> Read<N> {
    Err(Unsure)
}

/// One group of a match, read as `regex::Match` reads it.
#[derive(Clone, Copy)]
pub(super) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }
}

#[cfg(test)]
mod tests {
    use super::super::{
        MAG_CURRENCY, PREFIXED, SUFFIXED, WORDED, prefixed, read, suffixed, worded,
    };
    use super::*;

    #[derive(Clone, Copy)]
    enum Kind {
        Prefixed,
        Suffixed,
        Worded,
    }

    /// The spans of every match a scan finds, and those the anchored tries find.
    /// (The prefixed and suffixed figures are tried with their hand readers.)
    fn both(pattern: &str, text: &str, kind: Kind) -> [Vec<(usize, usize)>; 2] {
        let scan = regex::Regex::new(pattern)
            .map(|r| r.find_iter(text).map(|m| (m.start(), m.end())).collect())
            .unwrap_or_default();
        let numbers = number_starts(text);
        let mut tried = Vec::new();
        let mut push = |all: Group, _| tried.push((all.start(), all.end()));
        match kind {
            Kind::Prefixed => {
                let starts = prefix_starts(text, &numbers);
                each_match(&PREFIXED, read::prefixed, text, &starts, &mut push);
            }
            Kind::Suffixed => {
                let starts = suffix_starts(text, &numbers);
                each_match(&SUFFIXED, read::suffixed, text, &starts, &mut push);
            }
            Kind::Worded => {
                let starts = worded_starts(text, &MAG_CURRENCY.0);
                each_match(&WORDED, by_pattern, text, &starts, |all, _| {
                    tried.push((all.start(), all.end()))
                });
            }
        }
        [scan, tried]
    }

    /// Pieces that figures, and near misses, are made of.
    const PIECES: [&str; 68] = [
        "two",
        "a",
        "one",
        " hundred",
        "half",
        "ſix",
        "éone",
        "  ",
        " Thousand",
        " thouſand",
        " TRILLION",
        " illion",
        "$",
        "US$",
        "U.S. $",
        "U.S.\u{3000}$",
        "AU$",
        "HK$",
        "NZ$",
        "Rs.",
        "Rs",
        "€",
        "£",
        "¥",
        "₩",
        "₹",
        "USD",
        "EUR",
        "CHF",
        "5",
        "81",
        "1234",
        "20,555",
        "1,200.5",
        ",567",
        "-",
        "–",
        " to ",
        " ",
        "\u{a0}",
        " million",
        "m",
        "bn",
        " BTC",
        " dollars",
        " Hong Kong dollars",
        " USD",
        "٣",
        "x",
        "é",
        ".",
        ", ",
        " people",
        " in",
        " euros",
        " Yen",
        " pounds sterling",
        " ſterling",
        " cmETH",
        " eTH",
        "mn",
        " tn",
        "K",
        "b",
        "to",
        "2021",
        " won",
        " U.S. dollars",
    ];

    #[test]
    fn anchored_tries_find_what_a_scan_finds() {
        let mut texts: Vec<String> = [
            "took $81 million and US$ 5m, then 4,502.9 BTC and 1234,567 BTC and 1234,567-890 BTC",
            "U.S. $5, $\u{a0}5, Rs.500, USD5, USD 5, x$5 and 12 345 BTC, ٣ 5 BTC, ٣٤ BTC, $٣",
            "$60-80 million, 5-10 million dollars, €1.7bn (about $2bn), ₹5 crore, AU$5 HK$ 5",
            "half a billion dollars, a\u{a0}hundred  million\nyen, éone thouſand euros, xſix \
             MILLION pounds sterling, twenty-five million Hong Kong dollars",
        ]
        .map(String::from)
        .into();
        // Pseudo-random texts of the pieces (the same each run).
        texts.extend(super::super::tests::pieced_texts(29, 3000, 12, &PIECES));
        let mut found = 0;
        for t in &texts {
            for (pattern, kind) in [
                (prefixed(), Kind::Prefixed),
                (suffixed(), Kind::Suffixed),
                (worded(), Kind::Worded),
            ] {
                let [scan, tried] = both(&pattern, t, kind);
                assert_eq!(scan, tried, "{t:?}");
                found += scan.len();
            }
        }
        // The texts do hold figures: the comparison is not of two empty lists.
        assert!(found > 1000, "{found}");
    }

    #[test]
    fn only_the_long_s_and_the_kelvin_sign_fold_to_an_ascii_letter() {
        // Every character but ASCII, in one text, read once by a case-insensitive pattern.
        let others: String = (0x80..=0x10_FFFF).filter_map(char::from_u32).collect();
        let folded: Vec<&str> = regex::Regex::new("(?i)[a-z]")
            .map(|r| r.find_iter(&others).map(|m| m.as_str()).collect())
            .unwrap_or_default();
        assert_eq!(folded, ["ſ", "\u{212a}"]);
    }

    #[test]
    fn eight_bytes_are_told_to_hold_a_digit_as_each_byte_is() {
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"abcdefgh";
                chunk[at] = b;
                let expected = b.is_ascii_digit() || !b.is_ascii();
                assert_eq!(
                    digit_or_wide(u64::from_le_bytes(chunk)),
                    expected,
                    "{b} at {at}"
                );
            }
        }
    }

    #[test]
    fn numbers_start_at_runs_and_inside_a_long_run_before_a_comma() {
        assert_eq!(
            number_starts("a 12 b ٣ 1234,567"),
            [2, 7, 10, 11, 12, 13, 15]
        );
        // Past the eight-byte skips: a digit at every offset of a long ASCII stretch.
        for at in 0..40 {
            let mut t = "x".repeat(40);
            t.replace_range(at..=at, "7");
            assert_eq!(number_starts(&t), [at], "{at}");
        }
    }

    #[test]
    fn suffixed_figures_are_tried_only_where_a_currency_can_follow() {
        let tried = |t: &str| suffix_starts(t, &number_starts(t));
        // Years, counts, scores and magnitudes of something else are not tried.
        for t in [
            "in 2021 the",
            "5 people",
            "$358 million from",
            "3-0 in",
            "5 to fifth",
            "5 m a year",
            "2017, then",
        ] {
            assert_eq!(tried(t), [] as [usize; 0], "{t:?}");
        }
        // Each figure is (from its first number), and what may fold or be another script's
        // blank is let through.
        for t in [
            "5 BTC",
            "5 million dollars",
            "20,555 euros",
            "5-10 million US dollars",
            "5 to 10 yen",
            "5 mn cmETH",
            "5bn Won",
            "5 thouſand pounds",
            "5 ſterling",
            "5\u{a0}BTC",
        ] {
            assert_eq!(tried(t).first(), Some(&0), "{t:?}");
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 3000,
            ..proptest::prelude::ProptestConfig::default()
        })]

        /// Every number start where the suffixed pattern matches, tried anchored, is a start
        /// of a suffixed figure.
        #[test]
        fn every_suffixed_match_starts_at_a_suffix_start(
            picks in proptest::collection::vec(0..PIECES.len(), 1..14)
        ) {
            let text: String = picks.iter().map(|&k| PIECES[k]).collect();
            let numbers = number_starts(&text);
            let starts = suffix_starts(&text, &numbers);
            for &s in &numbers {
                let input = Input::new(&text).range(s..).anchored(Anchored::Yes);
                if SUFFIXED.0.search(&input).is_some() {
                    proptest::prop_assert!(starts.contains(&s), "{:?} at {}", text, s);
                }
            }
        }
    }
}

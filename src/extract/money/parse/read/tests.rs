//! The hand readers against the capture engine of the patterns they read: the same match and
//! groups, tried anchored from every char boundary.

use regex_automata::{Anchored, Input};

use super::super::{Anchorable, PREFIXED, SUFFIXED};
use super::*;

/// The pattern's match and groups, tried anchored at `s`.
fn by_captures<const N: usize>(
    (regex, groups): &Anchorable<N>,
    text: &str,
    s: usize,
) -> Option<Found<N>> {
    let mut caps = regex.create_captures();
    regex.search_captures(
        &Input::new(text).range(s..).anchored(Anchored::Yes),
        &mut caps,
    );
    caps.get_match().map(|m| {
        let span = |i: usize| caps.get_group(i).map(|g| (g.start, g.end));
        ((m.start(), m.end()), groups.map(span))
    })
}

/// How often the readers told, found a figure, and could not tell.
#[derive(Default, Debug)]
struct Counts {
    told: usize,
    found: usize,
    unsure: usize,
}

/// Compares `read` with the pattern from every char boundary of `text` (and its end).
fn agree<const N: usize>(
    pattern: &Anchorable<N>,
    read: fn(&str, usize) -> Read<N>,
    text: &str,
    counts: &mut Counts,
) {
    for s in (0..=text.len()).filter(|&s| text.is_char_boundary(s)) {
        match read(text, s) {
            Ok(found) => {
                assert_eq!(found, by_captures(pattern, text, s), "at {s} in {text:?}");
                counts.told += 1;
                counts.found += usize::from(found.is_some());
            }
            Err(Unsure) => counts.unsure += 1,
        }
    }
}

/// Pieces of figures and of near misses: every prefix and code, numbers with and without
/// separators, ranges, magnitudes in every case, currency words with their optional endings,
/// tickers at and past their lengths, blanks of other scripts, the long s and the Kelvin sign.
const PIECES: [&str; 122] = [
    "$",
    "US$",
    "U.S.",
    "U.S. ",
    "U.S.\u{2003}",
    "U.S.\u{3000}$",
    "AU$",
    "A$",
    "CA$",
    "C$",
    "HK$",
    "NT$",
    "S$",
    "NZ$",
    "R$",
    "€",
    "£",
    "¥",
    "₩",
    "₹",
    "USD",
    "EUR",
    "CHF",
    "RUB",
    "AUD",
    "Rs",
    "Rs.",
    "5",
    "81",
    "1234",
    "1,234",
    "20,555",
    "1,200.5",
    ",567",
    ",5678",
    ".5",
    ".",
    ",",
    "5.5.5",
    "٣",
    "-",
    "–",
    "—",
    "to",
    " to ",
    " ",
    "  ",
    "\u{a0}",
    "\u{2003}",
    "\n",
    "x",
    "é",
    "_",
    " million",
    " Million",
    " MILLION",
    "million",
    "millions",
    " thousand",
    " thouſand",
    " billion",
    "trillion",
    "mln",
    "bln",
    "mn",
    "bn",
    "tn",
    "k",
    "K",
    "\u{212a}",
    "m",
    "M",
    "b",
    "B",
    " dollars",
    " dollar",
    "dollarsX",
    " US dollars",
    " U.S. dollars",
    " us  dollars",
    " US\u{a0}dollars",
    " Hong Kong dollars",
    " Hong \u{212a}ong dollars",
    " American dollar",
    " Taiwan",
    " dlrs",
    " bitcoins",
    " Bitcoin",
    " ether",
    " euros",
    " Euro",
    " pounds sterling",
    " pound  Sterling",
    " pounds",
    " ſterling",
    " sterling",
    " yen",
    " Won",
    " yuan",
    " renminbi",
    " rupees",
    " rupee",
    " BTC",
    " cmETH",
    " eTH",
    " stETH",
    " ABCDEFGH",
    " ABCDEFG",
    " A1",
    " USDC",
    " USD",
    " USDT",
    "s",
    "S",
    "ſ",
    "’",
    "people",
    " in",
    "(",
    ")",
    "2021",
    "dollarſ",
];

#[test]
fn the_readers_read_what_the_patterns_capture_from_every_char_boundary() {
    let mut texts: Vec<String> = (0..60)
        .map(|i| crate::synthetic::article(31, i).text)
        .collect();
    texts.extend(
        [
            "$60-80 million, US$ 5m USD, €1.7bn (about $2bn), Rs. 5 million, 25.5M USDC",
            "4,502.9 BTC and 1,234,567 dollars; 15 mln dlrs to 20 mln dlrs; 3 cmETH",
            "half a billion dollars, a Million Pounds, two thousand euros, $5 bonus, 2014 bitcoin",
            "between $1m and $3m, from $300M to $135M, 10 to 12 million yen, 1234,567 dollars",
            "U.S. $5, $\u{a0}5, Rs.500, USD5, USD 5, x$5 and 12 345 BTC, ٣ 5 BTC, ٣٤ BTC, $٣",
            "$5 - $6, $5 to €6 million US dollars, 5 – 6 m BTC, 5 MBTC, 5m dollarsX, 5 mn stETH",
        ]
        .map(String::from),
    );
    // Pseudo-random texts of the pieces (the same each run).
    texts.extend(super::super::tests::pieced_texts(31, 4000, 10, &PIECES));
    let (mut pre, mut suf) = (Counts::default(), Counts::default());
    for t in &texts {
        agree(&PREFIXED, prefixed, t, &mut pre);
        agree(&SUFFIXED, suffixed, t, &mut suf);
    }
    // The comparison is of figures, most of them read by hand.
    for counts in [&pre, &suf] {
        assert!(counts.found > 500, "{counts:?}");
        assert!(counts.unsure * 20 < counts.told, "{counts:?}");
    }
}

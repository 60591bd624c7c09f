use super::*;

fn one(text: &str) -> Parsed {
    let p = parse(text, true);
    assert_eq!(p.len(), 1, "{text}: {p:?}");
    p[0].clone()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

#[test]
fn currencies_before_and_after() {
    for (t, cur, v) in [
        ("paid $5 to me", "USD", 5.0),
        ("took US$81m from", "USD", 81e6),
        ("took USD 3.5 million", "USD", 3.5e6),
        ("Suffers $308 Million Hack", "USD", 308e6),
        ("took 81 million dollars", "USD", 81e6),
        ("rose to €1.7bn", "EUR", 1.7e9),
        ("lost 20 million euros", "EUR", 20e6),
        ("fell to £600m", "GBP", 600e6),
        ("made 5 million pounds", "GBP", 5e6),
        ("a ¥55 billion loan", "JPY", 55e9),
        ("6.7 billion yen", "JPY", 6.7e9),
        ("₩10 billion", "KRW", 10e9),
        ("35 billion won", "KRW", 35e9),
        ("3 billion yuan", "CNY", 3e9),
        ("10 million renminbi", "CNY", 10e6),
        ("Rs. 5 million", "INR", 5e6),
        ("2 billion rupees", "INR", 2e9),
        ("rose 15 mln dlrs", "USD", 15e6),
        ("2.5 bln dlrs", "USD", 2.5e9),
        ("25.5M USDC", "USDC", 25.5e6),
        ("HK$2 million", "HKD", 2e6),
    ] {
        let p = one(t);
        assert_eq!(p.currency, cur, "{t}");
        assert!(close(p.value, v), "{t}: {}", p.value);
    }
}

#[test]
fn stablecoins_are_dollars_and_crypto_has_no_dollar_value_alone() {
    assert_eq!(one("30,000,000 USDT").usd, Some(30e6));
    assert_eq!(one("10M DAI").usd, Some(10e6));
    let btc = one("4,502.9 BTC");
    assert_eq!(btc.currency, "BTC");
    assert_eq!(btc.usd, None);
    assert!(close(btc.value, 4502.9));
    assert_eq!(one("13.1k ETH").value, 13_100.0);
    assert_eq!(one("sent 500 XYZ out").currency, "XYZ");
    assert!(parse("sent 500 XYZ out", false).is_empty());
    assert!(parse("at 21:08 UTC and 9,000 workstations", true).is_empty());
}

#[test]
fn magnitudes() {
    for (t, v) in [
        ("$650k", 650e3),
        ("$5K", 5e3),
        ("$60M", 60e6),
        ("$5m", 5e6),
        ("$1.4B", 1.4e9),
        ("$1.13bn", 1.13e9),
        ("$2 trillion", 2e12),
        ("$3 thousand", 3e3),
        ("two billion dollars", 2e9),
        ("a million dollars", 1e6),
        ("half a billion dollars", 5e8),
        ("$81,540,000", 81.54e6),
    ] {
        assert!(close(one(t).value, v), "{t}");
    }
    assert!(close(one("a $5 bonus").value, 5.0));
}

#[test]
fn qualifiers() {
    let p = one("at least $15 million");
    assert_eq!((p.min, p.max), (Some(15e6), None));
    for t in [
        "more than $850 million",
        "over $2 billion",
        "upwards of $5m",
    ] {
        assert!(one(t).min.is_some() && one(t).max.is_none(), "{t}");
    }
    for t in ["nearly $5m", "almost $5m", "up to $5m", "as much as $5m"] {
        let p = one(t);
        assert_eq!(p.max, Some(5e6), "{t}");
    }
    for t in [
        "about $5m",
        "around $5m",
        "approximately $5m",
        "roughly $5m",
    ] {
        let p = one(t);
        assert!(p.min.unwrap() < 5e6 && p.max.unwrap() > 5e6, "{t}");
    }
    let tilde = one("~$624M stolen");
    assert_eq!(tilde.start, 0);
    assert!(tilde.min.is_some());
}

#[test]
fn ranges() {
    for t in [
        "$60-80 million",
        "$60 million to $80 million",
        "between $60 million and $80 million",
        "between $60 million to $80 million",
    ] {
        let p = one(t);
        assert!(close(p.value, 70e6), "{t}: {p:?}");
        assert_eq!((p.min, p.max), (Some(60e6), Some(80e6)), "{t}");
    }
    assert_eq!(parse("$5 million and $6 million", true).len(), 2);
    assert_eq!(parse("TVL fell from $300M to $135M", true).len(), 2);
    assert_eq!(
        parse("prices fell $80 million to $60 million", true).len(),
        2
    );
    let p = parse("5K SOL and 3M USDT, valued at about $15M", true);
    assert_eq!(p.len(), 3, "{p:?}");
}

#[test]
fn conversions_are_one_amount() {
    let p = one("over $2 billion (€1.7 billion).");
    assert_eq!(p.currency, "USD");
    assert_eq!(p.usd, Some(2e9));
    assert_eq!(
        &"over $2 billion (€1.7 billion)."[p.start..p.end],
        "$2 billion (€1.7 billion)"
    );
    let p = one("6.7 billion yen ($59 million)");
    assert_eq!(p.currency, "JPY");
    assert_eq!(p.usd, Some(59e6));
    let t = "the loss of 1,207.4 BTC worth roughly $74 million.";
    let p = one(t);
    assert_eq!(p.usd, Some(74e6));
    assert_eq!(&t[p.start..p.end], "1,207.4 BTC worth roughly $74 million");
    assert_eq!(one("1,207.4 BTC (~$74,000,000)").usd, Some(74e6));
    assert_eq!(one("2464 ETH ($4.6M)").usd, Some(4.6e6));
}

#[test]
fn not_money() {
    for t in [
        "0x3ab7e21c90d4f65a8b1e7c2d09f4a6b35e8c1d72",
        "ERC-20 tokens",
        "100GB of data",
        "5:5 bounty standard",
        "Funds Returned: $0.00",
        "millions of dollars",
        "They won 3 games",
        "the 2014 bitcoin crash",
    ] {
        assert!(parse(t, true).is_empty(), "{t}: {:?}", parse(t, true));
    }
}

#[test]
fn unicode_text_keeps_byte_offsets_consistent() {
    let t = "“Hackers” stole €72 million – and ₩10 billion";
    let p = parse(t, false);
    assert_eq!(p.len(), 2);
    assert_eq!(&t[p[0].start..p[0].end], "€72 million");
    assert_eq!(&t[p[1].start..p[1].end], "₩10 billion");
}

#[test]
fn the_overlap_lookup_on_ordered_figures_agrees_with_comparing_every_one() {
    let spans = [(2, 5), (5, 9), (12, 13), (20, 31), (31, 32), (40, 44)];
    for start in 0..46 {
        for end in start + 1..47 {
            let scan = spans.iter().any(|a| a.0 < end && start < a.1);
            assert_eq!(overlaps(&spans, start, end), scan, "{start}..{end}");
        }
    }
}

/// Texts with figures of every shape: 300 generated articles and invented lines.
fn figure_texts() -> Vec<String> {
    let mut texts: Vec<String> = (0..300)
        .map(|i| crate::synthetic::article(29, i).text)
        .collect();
    texts.extend(
        [
            "$60-80 million, US$ 5m USD, €1.7bn (about $2bn), Rs. 5 million, 25.5M USDC",
            "4,502.9 BTC and 1,234,567 dollars; 15 mln dlrs to 20 mln dlrs; 3 cmETH",
            "half a billion dollars, a Million Pounds, two thousand euros, $5 bonus, 2014 bitcoin",
            "between $1m and $3m, from $300M to $135M, 10 to 12 million yen, 1234,567 dollars",
        ]
        .map(String::from),
    );
    texts
}

#[test]
fn figure_groups_read_by_number_are_the_groups_read_by_name() {
    // The anchored patterns' numbers, read in the same patterns compiled for a scan.
    let scan = |p: &str| regex::Regex::new(p).expect("a figure pattern");
    let (prefixed, suffixed, worded) = (scan(&prefixed()), scan(&suffixed()), scan(&worded()));
    let patterns: [(&regex::Regex, &[usize], &[&str]); 3] = [
        (
            &prefixed,
            &PREFIXED.1,
            &["pre", "num", "num2", "mag", "tail"],
        ),
        (
            &suffixed,
            &SUFFIXED.1,
            &["num", "num2", "mag", "word", "tick"],
        ),
        (&worded, &WORDED.1, &["wnum", "mag", "word"]),
    ];
    let mut matches = 0;
    for text in figure_texts() {
        for (regex, groups, names) in patterns {
            for c in regex.captures_iter(&text) {
                matches += 1;
                for (g, name) in groups.iter().zip(names) {
                    let by_number = c.get(*g).map(|m| m.range());
                    let by_name = c.name(name).map(|m| m.range());
                    assert_eq!(by_number, by_name, "{name} in {:?}", &c[0]);
                }
            }
        }
    }
    assert!(matches > 300, "only {matches} figures matched");
}

#[test]
fn every_figure_group_number_names_a_group_of_its_pattern() {
    for (regex, groups) in [
        (&PREFIXED.0, &PREFIXED.1[..]),
        (&SUFFIXED.0, &SUFFIXED.1[..]),
        (&WORDED.0, &WORDED.1[..]),
    ] {
        let len = regex
            .group_info()
            .group_len(regex_automata::PatternID::ZERO);
        for g in groups {
            assert!(*g < len, "{g} of {len}");
        }
    }
}

#[test]
fn numbers_read_without_a_copy_are_the_numbers_read_with_one() {
    let mut numbers = vec![
        "0",
        "5",
        "81",
        "3.5",
        "1,234",
        "1,234,567.89",
        "4,502.9",
        "2014",
        "007",
        "1.0",
    ];
    let texts = figure_texts();
    let re = regex::Regex::new(NUM).expect("the number pattern");
    for text in &texts {
        numbers.extend(re.find_iter(text).map(|m| m.as_str()));
    }
    for n in numbers {
        let copied: Option<f64> = n.replace(',', "").parse().ok();
        assert_eq!(number(n), copied, "{n}");
    }
}

#[test]
fn a_qualifier_is_never_turned_down_by_its_cheap_test() {
    let words = [
        "at least",
        "more than",
        "moreover",
        "Over",
        "upwards of",
        "north OF",
        "nearly",
        "almost",
        "up to",
        "as much as",
        "close to",
        "just under",
        "less than",
        "about",
        "around",
        "approximately",
        "approx.",
        "approx",
        "ROUGHLY",
        "some",
        "an estimated",
        "~",
        "≈",
        ">",
        "<",
        "leaſt",
        "aſ",
        "took",
        "drained",
        "worth",
        "in",
        "of the",
        "",
        " ",
        "é",
        "5",
    ];
    let mut tried = 0;
    for a in words {
        for b in words {
            for gap in ["", " ", "\u{a0}", "\n "] {
                let t = format!("{a}{gap}{b}{gap}");
                let matched = QUALIFIER.is_match(&t);
                assert!(!matched || may_qualify(&t), "{t:?}");
                tried += usize::from(matched);
            }
        }
    }
    assert!(tried > 1000, "{tried}");
}

/// The qualifier pattern as it was written before the hand reader: the definition
/// [`qualifier`] is compared with.
const QUALIFIER_DEFINITION: &str = r"(?i)(?P<q>at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of|north\s+of|just\s+over|nearly|almost|up\s+to|as\s+much\s+as|close\s+to|just\s+under|less\s+than|under|about|around|approximately|approx\.?|roughly|some|an\s+estimated|estimated|~|≈|>|<)\s*$";

static DEFINED_QUALIFIER: std::sync::LazyLock<regex::Regex> =
    std::sync::LazyLock::new(|| regex::Regex::new(QUALIFIER_DEFINITION).unwrap());

/// The span of the qualifier `before` ends with, as [`QUALIFIER_DEFINITION`] reads it.
fn defined_qualifier(before: &str) -> Option<(usize, usize)> {
    DEFINED_QUALIFIER
        .captures(before)
        .and_then(|c| c.name("q"))
        .map(|q| (q.start(), q.end()))
}

/// Pieces of qualifiers and near misses, in both scripts' blanks and case foldings.
const QUALIFIER_PIECES: [&str; 30] = [
    "at",
    "least",
    "more",
    "than",
    "over",
    "upwards",
    "of",
    "in",
    "excess",
    "north",
    "just",
    "nearly",
    "UP",
    "to",
    "as",
    "much",
    "close",
    "Under",
    "about",
    "approx",
    ".",
    "~",
    "≈",
    ">",
    "estimated",
    " ",
    "\u{a0}",
    "\u{b}",
    "leaſt",
    "\u{212a}",
];

#[test]
fn a_qualifier_is_read_as_its_pattern_reads_it() {
    let mut found = 0;
    // What `parse` reads: the 25 characters before every character of the figure texts.
    for text in figure_texts() {
        for (at, _) in text.char_indices() {
            let from = text[..at]
                .char_indices()
                .rev()
                .nth(24)
                .map_or(0, |(k, _)| k);
            let before = &text[from..at];
            let expected = defined_qualifier(before);
            assert_eq!(qualifier(before), expected, "{before:?}");
            found += usize::from(expected.is_some());
        }
    }
    // Every qualifier, after words and blanks of both scripts.
    for q in QUALIFIERS.iter().map(|q| q.words.join(" ")) {
        for head in ["", "x", "The ", "moreover ", "just\u{a0}", "é ", "at\n"] {
            for tail in ["", " ", "\t\n", "\u{a0}", "\u{85} ", "\u{b}"] {
                for t in [
                    format!("{head}{q}{tail}"),
                    format!("{head}{}{tail}", q.to_uppercase()),
                ] {
                    let expected = defined_qualifier(&t);
                    assert_eq!(qualifier(&t), expected, "{t:?}");
                    found += usize::from(expected.is_some());
                }
            }
        }
    }
    assert!(found > 1000, "{found}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 4000,
        ..proptest::prelude::ProptestConfig::default()
    })]

    /// Any text of qualifier pieces, blanks and foldings beyond ASCII is read as the pattern
    /// reads it.
    #[test]
    fn any_text_s_qualifier_is_read_as_its_pattern_reads_it(
        picks in proptest::collection::vec(0..QUALIFIER_PIECES.len(), 0..10),
        gaps in proptest::collection::vec(0..4usize, 10)
    ) {
        let mut t = String::new();
        for (k, &p) in picks.iter().enumerate() {
            t.push_str(QUALIFIER_PIECES[p]);
            t.push_str(["", " ", "  ", "\n"][gaps[k]]);
        }
        proptest::prop_assert_eq!(qualifier(&t), defined_qualifier(&t), "{:?}", t);
    }
}

/// `count` pseudo-random texts of `words` pieces each, drawn from `pieces` (the same texts for
/// the same `seed`): inputs for comparing a hand reader with the pattern it stands for.
pub(super) fn pieced_texts(seed: u64, count: usize, words: usize, pieces: &[&str]) -> Vec<String> {
    let mut seed = seed;
    (0..count)
        .map(|_| {
            let mut t = String::new();
            for _ in 0..words {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                t.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            t
        })
        .collect()
}

/// What each qualifier said of its figure when the list was written in the code (a bound, and
/// whether the figure's span starts at it): the definition the file's columns keep.
fn bound_as_written(word: &str) -> (Bound, bool) {
    let bound = match word {
        "at least" | "more than" | "over" | "upwards of" | "in excess of" | "north of"
        | "just over" | ">" => Bound::Min,
        "nearly" | "almost" | "up to" | "as much as" | "close to" | "just under" | "less than"
        | "under" | "<" => Bound::Max,
        _ => Bound::About,
    };
    (bound, word == "~" || word == "≈")
}

#[test]
fn every_qualifier_of_the_file_is_read_with_what_it_says() {
    let lines = crate::text::entries(include_str!(
        "../../../../assets/lexicon/money-qualifiers.tsv"
    ));
    assert_eq!(QUALIFIERS.len(), lines.count());
    assert_eq!(QUALIFIERS.len(), 28);
    for q in QUALIFIERS.iter() {
        assert_eq!((q.bound, q.joined), bound_as_written(&q.key), "{}", q.key);
        // The signs, which need no word boundary before them, are the ones no letter opens.
        let sign = matches!(q.key.as_str(), "~" | "≈" | ">" | "<");
        assert_eq!(!q.key.starts_with(char::is_alphanumeric), sign, "{}", q.key);
    }
}

#[test]
fn the_ends_a_qualifier_may_have_are_its_last_words_and_marks() {
    let mut words: Vec<&[u8]> = QUALIFIER_ENDS.words.clone();
    words.sort_unstable();
    let mut written: Vec<&[u8]> = vec![
        b"least",
        b"than",
        b"over",
        b"of",
        b"nearly",
        b"almost",
        b"to",
        b"as",
        b"under",
        b"about",
        b"around",
        b"approximately",
        b"approx",
        b"roughly",
        b"some",
        b"estimated",
    ];
    written.sort_unstable();
    assert_eq!(words, written);
    let mut marks = QUALIFIER_ENDS.marks.clone();
    marks.sort_unstable();
    assert_eq!(marks, b".<>~");
}

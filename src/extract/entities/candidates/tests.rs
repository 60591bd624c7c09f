#[test]
fn the_noun_a_list_hangs_from_is_its_anchor_and_may_name_organisations() {
    let text =
        "Technology companies Dell, Samsung and Matsushita joined; oil company Rosneft fell.";
    for (name, anchor) in [
        ("Dell", "companies"),
        ("Samsung", "companies"),
        ("Matsushita", "companies"),
        ("Rosneft", "company"),
    ] {
        let at = text.find(name).unwrap_or(0);
        assert_eq!(list_anchor(text, at), anchor, "{name}");
        assert!(super::super::words::ORG_NOUNS.contains(anchor));
    }
}
use super::*;

#[test]
fn lower_case_handles_by_shape() {
    let n = names("As officer_cia and jiecut42 noted, nick.eth agreed. The fee was paid.");
    for want in ["officer_cia", "jiecut42", "nick.eth"] {
        assert!(n.iter().any(|x| x == want), "{want} missing from {n:?}");
    }
    // Ordinary lower-case words are never proposed, nor joined to a handle.
    for not in ["fee", "paid", "noted", "agreed", "As officer_cia"] {
        assert!(!n.iter().any(|x| x == not), "{not} proposed: {n:?}");
    }
}

#[test]
fn a_crypto_story_needs_three_different_crypto_words() {
    assert!(is_crypto_story(
        "The protocol's liquidity pool lost USDC after the exploit."
    ));
    // One word three times is not enough; nor is a story about a bridge and a token alone.
    assert!(!is_crypto_story("Token token TOKEN."));
    assert!(!is_crypto_story(
        "The bridge was closed and a token fee charged."
    ));
}

/// The definition the byte scan replaced: words split at any other character, lower-cased in a
/// stack buffer, looked up in the set.
fn crypto_story_by_the_set(text: &str) -> bool {
    let mut seen: Vec<&str> = Vec::new();
    let mut buf = [0u8; 16];
    for w in text.split(|c: char| !c.is_ascii_alphanumeric() && c != '-') {
        if w.len() < 3 || w.len() > buf.len() {
            continue;
        }
        let lower = &mut buf[..w.len()];
        lower.copy_from_slice(w.as_bytes());
        lower.make_ascii_lowercase();
        let Ok(lower) = std::str::from_utf8(lower) else {
            continue;
        };
        if let Some(k) = CRYPTO.get(lower)
            && !seen.contains(k)
        {
            seen.push(k);
            if seen.len() >= 3 {
                return true;
            }
        }
    }
    false
}

#[test]
fn the_crypto_story_scan_agrees_with_the_set_it_replaced() {
    let mut texts: Vec<String> = (0..400)
        .map(|i| crate::synthetic::article(7, i).text)
        .collect();
    texts.extend(
        [
            "DeFi, ON-CHAIN and Ethereum-based: USDT’s wallets",
            "defi-protocol on-chain-bridge; Bitcoin/Ethereum/NFT",
            "ETHEREUM\u{a0}bitcoin—nft; xbitcoin bitcoinx bitcoin2 2bitcoin",
            "stablecoinstablecoinsss token tokens TOKENS wallet",
            "éthereum bitcoin€nft€dao dao dex",
        ]
        .map(String::from),
    );
    let mut stories = 0;
    for t in &texts {
        // Every suffix, so that words are cut at every place.
        for (i, _) in t.char_indices().step_by(7) {
            let want = crypto_story_by_the_set(&t[i..]);
            assert_eq!(is_crypto_story(&t[i..]), want, "{:?}", &t[i..]);
            stories += usize::from(want);
        }
    }
    assert!(stories > 100, "{stories} crypto stories among the texts");
}

fn names(text: &str) -> Vec<String> {
    propose(
        text,
        &WordStarts::of(text),
        &[],
        &FxHashSet::default(),
        is_crypto_story(text),
    )
    .into_iter()
    .map(|p| p.name)
    .collect()
}

#[test]
fn shapes_openers_titles_and_lines() {
    let n = names(
        "Acme Rekt II\nSo Zorblax lost funds. Meet Ana Ruiz, CEO Bo Tan and @sleuth_x. \
         Blorp’s 1inch and dYdX; 0xdeadbeefcafe is an address.",
    );
    for want in [
        "Acme Rekt II",
        "Zorblax",
        "Ana Ruiz",
        "Bo Tan",
        "@sleuth_x",
        "Blorp",
        "1inch",
        "dYdX",
    ] {
        assert!(n.contains(&want.to_string()), "{want} not in {n:?}");
    }
    for bad in [
        "So Zorblax",
        "Meet Ana Ruiz",
        "CEO Bo Tan",
        "0xdeadbeefcafe",
    ] {
        assert!(!n.contains(&bad.to_string()), "{bad} in {n:?}");
    }
}

#[test]
fn a_firms_officer_or_a_thing_it_owns_ends_no_name() {
    let n = names(
        "Donate to our Zorbcoin Grant. Quindar CEO said so on the Tolvan Discord Server. \
         The Pensions Secretary agreed.",
    );
    for want in [
        "Zorbcoin",
        "Quindar",
        "Tolvan Discord",
        "Pensions Secretary",
    ] {
        assert!(n.contains(&want.to_string()), "{want} not in {n:?}");
    }
    for bad in [
        "Zorbcoin Grant",
        "Quindar CEO",
        "Pensions",
        "Marvex-backed",
        "Blorpa-clone",
    ] {
        assert!(!n.contains(&bad.to_string()), "{bad} in {n:?}");
    }
}

#[test]
fn the_noun_a_list_of_examples_hangs_from_is_found_past_such_as_like_and_including() {
    let text = "firms such as Zorb, Quin and Blorp; platforms like Tolv; bands including \
                Marv. It felt like Xan.";
    let at = |w: &str| text.find(w).unwrap_or(0);
    assert_eq!(exemplified_noun(text, at("Blorp")), "firms");
    assert_eq!(exemplified_noun(text, at("Tolv")), "platforms");
    assert_eq!(exemplified_noun(text, at("Marv")), "bands");
    assert_eq!(exemplified_noun(text, at("Xan")), "felt");
}

#[test]
fn a_slash_parts_two_capitalised_names_but_not_a_path() {
    let n = names("He led security at Zorb/QuinCrypto. See github.com/Blorp and /Users/Tolv.");
    for want in ["Zorb", "QuinCrypto"] {
        assert!(n.contains(&want.to_string()), "{want} not in {n:?}");
    }
    for bad in ["Blorp", "Users", "Tolv"] {
        assert!(!n.contains(&bad.to_string()), "{bad} in {n:?}");
    }
}

#[test]
fn pronouns_and_sentence_opening_adverbs_and_gerunds_are_not_names() {
    let n = names("I'm sure I saw it. Reportedly, Zorbex lost. Claiming Quindar failed.");
    for want in ["Zorbex", "Quindar"] {
        assert!(n.contains(&want.to_string()), "{want} not in {n:?}");
    }
    for bad in ["I'm", "I", "Reportedly", "Claiming Quindar", "Claiming"] {
        assert!(!n.contains(&bad.to_string()), "{bad} in {n:?}");
    }
}

#[test]
fn multi_byte_spaces_and_letters_never_split_a_character() {
    let text =
        "Zorblax\u{a0}x Acme, İstanbul\u{a0}Qux said — “Blorp” …\u{2009}Vex ﬁnance Ωmega Acme.";
    for i in 0..text.len() {
        if text.is_char_boundary(i) {
            let _ = propose(
                &text[i..],
                &WordStarts::of(&text[i..]),
                &[],
                &FxHashSet::default(),
                is_crypto_story(&text[i..]),
            );
        }
    }
}

#[test]
fn accented_names_stay_whole() {
    let n = names("The talk by Ángel Núñez-Péña ended.");
    assert!(n.contains(&"Ángel Núñez-Péña".to_string()), "{n:?}");
}

#[test]
fn dotted_initials_stay_with_the_name_they_open() {
    let n = names("Analysts at E.F. Hutton Group Inc and C.J. Lawrence agreed.");
    for want in ["E.F. Hutton Group Inc", "C.J. Lawrence"] {
        assert!(n.iter().any(|x| x == want), "{want} missing from {n:?}");
    }
    // A period after initials that ends the sentence ends the name.
    let n = names("It was sold by A.B. The company said so.");
    assert!(!n.iter().any(|x| x.contains("The")), "{n:?}");
}

/// Every proposed mention's features, hashed as read and as strings (the way they were built
/// before), in order.
fn both_feature_paths(text: &str, crypto: bool) -> Vec<(Vec<u32>, Vec<u32>)> {
    let found = runs(text, &[], &WordStarts::of(text));
    let doc = Doc::of(text, crypto, &found);
    let not_name: FxHashSet<String> = ["Bank".to_string()].into_iter().collect();
    let mut scratch = features::Scratch::default();
    found
        .iter()
        .map(|words| {
            let mut strings = Vec::new();
            string_features::mention_features(text, words, &doc, &not_name, &mut strings);
            let mut hashed = Vec::new();
            features::mention_features(text, words, &doc, &not_name, &mut scratch, &mut hashed);
            (strings.iter().map(|f| hash(f)).collect(), hashed)
        })
        .collect()
}

#[test]
fn features_hashed_as_read_are_the_string_features_one_for_one() {
    // Shapes, possessives, handles, towns, accents (a capital sigma lowers by its place),
    // sentence starts, a title line, lists and a name after "of" another name.
    let texts = [
        "Acme Rekt II\nSo Zorblax lost funds. Meet Ana Ruiz, CEO Bo Tan and @sleuth_x. \
         Blorp’s 1inch and dYdX; 0xdeadbeefcafe is an address.",
        "Credit: Jane Doe, ΣΟΦΙΑ Papadopoulos and Émile Zola in Carlisle, Fla. said \
         David Anders at Merrill Lynch. The BANK of Korea lost 5 ETH from the DeFi pool.",
        "Technology companies Dell, Samsung and Matsushita joined; oil company Rosneft fell.\n\
         \"Curiously, officer_cia and jiecut42 noted nick.eth at the Uniswap V3 pool,\" he said.",
        "ÅSTRÖM Łukasz İstanbul’s Kraków-based firm ŽELKO met Ödön. Bank bank Bank.",
    ];
    let mut compared = 0;
    for text in texts {
        for crypto in [false, true] {
            for (strings, hashed) in both_feature_paths(text, crypto) {
                assert_eq!(strings, hashed, "{text:?}, crypto {crypto}");
                compared += hashed.len();
            }
        }
    }
    // Several names in each text, dozens of features each.
    assert!(compared > 500, "{compared} features compared");
}

/// A name, its mentions and how many times each feature string came.
type Counted = (String, Vec<(usize, usize)>, HashMap<String, f32>);

/// The pooling as first written: each feature string's mean over a name's mentions, the cues
/// at any mention, the mention count, all sorted by hash with a stable sort.
fn pooled_by_strings(text: &str, not_name: &FxHashSet<String>, crypto: bool) -> Vec<Proposal> {
    let found = runs(text, &[], &WordStarts::of(text));
    let doc = Doc::of(text, crypto, &found);
    let mut names: Vec<Counted> = Vec::new();
    for words in found.iter() {
        let (start, end) = (words[0].0, words[words.len() - 1].1);
        let name = text[start..end]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        let at = match names.iter().position(|(n, _, _)| *n == name) {
            Some(at) => at,
            None => {
                names.push((name, Vec::new(), HashMap::new()));
                names.len() - 1
            }
        };
        let mut strings = Vec::new();
        string_features::mention_features(text, words, &doc, not_name, &mut strings);
        names[at].1.push((start, end));
        for f in strings {
            *names[at].2.entry(f).or_default() += 1.0;
        }
    }
    names
        .into_iter()
        .map(|(name, spans, counts)| {
            let k = spans.len() as f32;
            let mut features: Features = counts.iter().map(|(f, v)| (hash(f), v / k)).collect();
            features.sort_by_key(|f| f.0);
            for cue in ["pron_after", "its_after", "person_verb", "person_poss"] {
                if counts.contains_key(cue) {
                    features.push((hash(&format!("any&{cue}")), 1.0));
                }
            }
            let count = ["mentions=1", "mentions=2", "mentions=3+"][spans.len().min(3) - 1];
            features.push((hash(count), 1.0));
            features.sort_by_key(|f| f.0);
            Proposal {
                name,
                spans,
                features,
            }
        })
        .collect()
}

#[test]
fn a_names_features_are_pooled_over_its_mentions_as_first_written() {
    // Names written once, twice and three times or more, with a person's and a firm's cues
    // at some of their mentions only.
    let texts = [
        "Ana Ruiz said she lost funds. Zorblax said its pool was drained. Ana Ruiz and her \
         team met Zorblax, whose team said Zorblax was fine; Ana Ruiz's firm Quindar agreed.",
        "Credit: Jane Doe, Bo Tan and @sleuth_x. Bo Tan said he left; Bo Tan's notes and \
         Jane Doe’s vision. The BANK of Korea lost 5 ETH. Bank bank Bank.",
    ];
    let not_name: FxHashSet<String> = ["Bank".to_string()].into_iter().collect();
    let mut pooled = 0;
    for text in texts {
        for crypto in [false, true] {
            let got = propose(text, &WordStarts::of(text), &[], &not_name, crypto);
            let want = pooled_by_strings(text, &not_name, crypto);
            assert_eq!(got.len(), want.len(), "{text:?}");
            for (g, w) in got.iter().zip(&want) {
                assert_eq!((&g.name, &g.spans), (&w.name, &w.spans), "{text:?}");
                let keys = |p: &Proposal| p.features.iter().map(|f| f.0).collect::<Vec<_>>();
                assert_eq!(keys(g), keys(w), "{}", g.name);
                for (a, b) in g.features.iter().zip(&w.features) {
                    assert!((a.1 - b.1).abs() < 1e-6, "{}: {a:?} {b:?}", g.name);
                }
                pooled += usize::from(g.spans.len() > 1);
            }
        }
    }
    assert!(pooled >= 8, "{pooled} names of several mentions");
}

#[test]
fn a_word_opens_in_lower_case_once_lowered_exactly_when_its_first_character_does() {
    // What `runs` reads of the word before a name, without lower-casing the whole word.
    let firsts = ('\0'..='\u{2fff}').chain(['\u{1e9e}', '\u{212a}', '\u{10400}']);
    let mut letters = 0;
    for c in firsts {
        for rest in ["", "x", "Σ", "ΣΣ", "1"] {
            let word = format!("{c}{rest}");
            let lowered = word.to_lowercase().starts_with(char::is_lowercase);
            let first = c.to_lowercase().next().is_some_and(char::is_lowercase);
            assert_eq!(first, lowered, "{word:?}");
            letters += usize::from(lowered);
        }
    }
    assert!(letters > 1000, "{letters}");
}

/// The context words read by bytes are the definition's, in its order, around every span of
/// words and at every character boundary of texts in several scripts.
#[test]
fn the_window_words_read_by_bytes_are_those_split_by_characters() {
    let mut texts: Vec<String> = (0..60)
        .map(|i| crate::synthetic::article(3, i).text)
        .collect();
    texts.extend(
        [
            "Łódź łódź ŁÓDŹ, émile Émile; Σοφία σοφία ΣΟΦΊΑ ωmega Ωmega x1 1x _a a_b",
            "the bank\nof Acme said ½ ² ٣ people wrote ǅemal ǆemal ⅰ Ⅰ 𝑎b ﬁnance K k\n",
            "a b c d e f g h Acme i j k l m n o p",
            "",
        ]
        .map(String::from),
    );
    texts.push("word ".repeat(80) + "Acme" + &" ünter".repeat(60));
    for text in &texts {
        let bounds: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        let step = (bounds.len() / 80).max(1);
        for &start in bounds.iter().step_by(step) {
            for &end in bounds.iter().filter(|&&e| e >= start).take(12) {
                let want: Vec<&str> = raw_window_words(text, start, end).collect();
                let mut got = Vec::new();
                each_window_word(text, start, end, |w| got.push(w));
                assert_eq!(got, want, "{text:?} {start}..{end}");
            }
        }
    }
}

/// The tokens next to a position as the character-by-character reading found them: the
/// definition of [`raw_token_before`] and [`raw_token_after`], which read bytes.
fn tokens_by_characters(text: &str, at: usize) -> ((&str, usize), (&str, usize)) {
    let before = text[..at].trim_end_matches([' ', '\t']);
    let left = match before.chars().next_back() {
        None | Some('\n') | Some('\r') => ("^", before.len()),
        Some(c) if is_word_char(c) => {
            let start = before
                .char_indices()
                .rev()
                .take_while(|&(_, c)| is_word_char(c) || c == '-')
                .last()
                .map_or(before.len(), |(i, _)| i);
            (&before[start..], start)
        }
        Some(c) => {
            let from = before.len() - c.len_utf8();
            (&before[from..], from)
        }
    };
    let skipped = text[at..].len() - text[at..].trim_start_matches([' ', '\t']).len();
    let from = at + skipped;
    let after = &text[from..];
    let right = match after.chars().next() {
        None | Some('\n') | Some('\r') => ("$", from),
        Some(c) if is_word_char(c) => {
            let len = after
                .char_indices()
                .take_while(|&(_, c)| is_word_char(c) || c == '-')
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            (&after[..len], from + len)
        }
        Some(c) => (&after[..c.len_utf8()], from + c.len_utf8()),
    };
    (left, right)
}

#[test]
fn the_tokens_read_by_bytes_are_those_read_by_characters() {
    let mut texts: Vec<String> = (0..40)
        .map(|i| crate::synthetic::article(3, i).text)
        .collect();
    texts.extend(
        [
            "Łódź-based ŁÓDŹ_x, émile–Émile; Σοφία-σοφία x1 1x _a a_b -- - a-",
            "the bank\nof Acme\r\nsaid ½ ² ٣ people\t wrote ǅemal ǆemal ⅰ Ⅰ 𝑎b ﬁnance K k\n",
            "  \t x",
            "",
        ]
        .map(String::from),
    );
    for text in &texts {
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let (left, right) = tokens_by_characters(text, at);
            assert_eq!(raw_token_before(text, at), left, "{text:?} {at}");
            assert_eq!(raw_token_after(text, at), right, "{text:?} {at}");
        }
    }
}

#[test]
fn the_list_anchor_walk_from_the_tokens_read_is_the_walk_from_the_start() {
    let mut texts: Vec<String> = (0..20)
        .map(|i| crate::synthetic::article(3, i).text)
        .collect();
    texts.extend(
        [
            "Credit: Jane Doe, Bo Tan and @sleuth_x & Ana, AND Zed. firms such as A, B and C",
            "and , & Ana\n, and Émile, ΣΟΦΙΑ and Łódź & x",
            "",
        ]
        .map(String::from),
    );
    for text in &texts {
        for at in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            let prev = raw_token_before(text, at);
            let read = [prev, raw_token_before(text, prev.1)];
            let want = raw_list_anchor_at(text, at);
            assert_eq!(list_anchor_from(text, at, &read), want, "{text:?} {at}");
            assert_eq!(
                list_anchor_from(text, at, &read[..1]),
                want,
                "{text:?} {at}"
            );
        }
    }
}

proptest::proptest! {
    /// The covered spans asked about words in order, as the overlap of any span defines it.
    #[test]
    fn a_word_is_covered_when_a_span_overlaps_it(
        spans in proptest::collection::vec((0usize..200, 0usize..30), 0..30),
        gaps in proptest::collection::vec((0usize..20, 1usize..15), 0..30),
    ) {
        let spans: Vec<(usize, usize)> = spans.iter().map(|&(s, n)| (s, s + n)).collect();
        let mut covered = Covered::new(&spans);
        let mut at = 0;
        for (gap, len) in gaps {
            let (start, end) = (at + gap, at + gap + len);
            let want = spans.iter().any(|&(s, e)| s < end && e > start);
            proptest::prop_assert_eq!(covered.holds(start, end), want, "{:?} {}..{}", spans, start, end);
            at = end;
        }
    }
}

use super::*;

fn v() -> Rule<'static> {
    Rule::new(Lexicon::builtin())
}

fn victim(sentence: &str, figure: &str) -> Option<String> {
    let s = sentence.find(figure).unwrap();
    v().in_sentence(sentence, (s, s + figure.len()))
}

#[test]
fn victims_from_sentence_patterns() {
    // The text's own name, or the organisation gazetteer's when it lists that spelling.
    assert_eq!(
        victim(
            "hackers took $81 million (€72 million) from the account of the Bangladesh central bank at the New York Fed",
            "$81 million (€72 million)"
        )
        .as_deref(),
        Some("Bangladesh central bank")
    );
    assert_eq!(
        victim(
            "In 2017, $60 million was taken from Taiwan's Far Eastern bank by intruders",
            "$60 million"
        )
        .as_deref(),
        Some("Far Eastern International Bank")
    );
    // A press typo running the next word in ("central bankat the Fed") is mended; a word of
    // its own is not split.
    assert_eq!(
        victim(
            "hackers took $81 million from the account of the Nordland central bankat the New York Fed",
            "$81 million"
        )
        .as_deref(),
        Some("Nordland central bank")
    );
    assert_eq!(
        victim(
            "hackers took $81 million from the Nordland central banking system",
            "$81 million"
        )
        .as_deref(),
        Some("Nordland")
    );
    // "from X": a name with a connector word inside.
    assert_eq!(
        victim(
            "police said $7 million was stolen from Banco del Sur and laundered",
            "$7 million"
        )
        .as_deref(),
        Some("Banco del Sur")
    );
    // A list of victims, each with its loss in brackets.
    assert_eq!(
        victim(
            "hot wallets drained: Zephyr ($52M), Quillon ($31M), Vesta.io ($12M).",
            "$12M"
        )
        .as_deref(),
        Some("Vesta.io")
    );
    // "X, the …, has lost": the subject before an appositive.
    assert_eq!(
        victim(
            "Zephyr, the “largest futures desk in Asia” has lost $28M from its hot wallets.",
            "$28M"
        )
        .as_deref(),
        Some("Zephyr")
    );
    // A descriptor before the name is not part of it.
    assert_eq!(
        victim(
            "Online sportsbook Nimbus lost over $5M from its hot wallets on Sunday.",
            "$5M"
        )
        .as_deref(),
        Some("Nimbus")
    );
    // "X's Ethereum bridge": the chain names a part, the owner is the victim.
    assert_eq!(
        victim(
            "The last week of 2022 saw Pylon Chain’s Ethereum bridge lose $40.2M to a drained multisig.",
            "$40.2M"
        )
        .as_deref(),
        Some("Pylon Chain")
    );
    assert_eq!(
        victim(
            "Payments processor Quillon suffered a $9 million heist.",
            "$9 million"
        )
        .as_deref(),
        Some("Quillon")
    );
    assert_eq!(
        victim(
            "news of a $2.1 billion hack on Vesta and a market slump",
            "$2.1 billion"
        )
        .as_deref(),
        Some("Vesta")
    );
    assert_eq!(victim("Hackers stole $5m last year.", "$5m"), None);
}

#[test]
fn titles_and_normalisation() {
    assert_eq!(v().in_title("Zephyr - REKT", "").as_deref(), Some("Zephyr"));
    assert_eq!(
        v().in_title("Quillon Exchange Suffers $12 Million Hack", "")
            .as_deref(),
        Some("Quillon Exchange")
    );
    assert_eq!(
        v().in_title("Nimbus", "Nimbus\n\nNimbus lost").as_deref(),
        Some("Nimbus")
    );
    assert_eq!(v().in_title("Ad sales boost Time Warner profit", ""), None);
    assert_eq!(normalized("Pylon Chain"), normalized("Pylon Bridge"));
    assert_eq!(normalized("Ronin Network"), normalized("ronin bridge"));
    assert_ne!(normalized("Harmony Bridge"), normalized("Horizon Bridge"));
}

#[test]
fn actor_names_are_not_victims() {
    assert_eq!(v().canonical("Lazarus hackers"), None);
    assert_eq!(v().canonical("the BlueNoroff unit"), None);
    assert_eq!(
        v().canonical("Zephyr Exchange").as_deref(),
        Some("Zephyr Exchange")
    );
}

/// The reduction as it was written before ASCII names were read in place: the definition.
fn normalized_by_copy(name: &str) -> String {
    let lower: String = name
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let kept: Vec<&str> = lower
        .split_whitespace()
        .filter(|w| !KIND_WORDS.contains(w))
        .collect();
    if kept.is_empty() {
        crate::text::single_spaced(&lower)
    } else {
        kept.join(" ")
    }
}

#[test]
fn names_reduce_for_comparison_as_the_lower_cased_copy_reduced_them() {
    for name in [
        "Pylon Chain",
        "Ronin Network",
        "the Bangladesh central bank",
        "BANK",
        "Bank Exchange",
        "  Quillon--Exchange, Inc. ",
        "Zephyr's 3rd bridge (v2)",
        "Café Nimbus Bank",
        "İstanbul Finance",
        "\u{212A}elvin Protocol",
        "",
        "   ",
        "...",
        "a_b c-d",
    ] {
        assert_eq!(normalized(name), normalized_by_copy(name), "{name:?}");
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 2000, ..Default::default() })]
    #[test]
    fn any_name_reduces_as_the_copy_reduced_it(
        name in "((Bank|bank|Exchange|protocol|Ronin|Q9|İ|é|[a-zA-Z0-9]{1,4})[ ,.'_\t-]{0,2}){0,6}"
    ) {
        proptest::prop_assert_eq!(normalized(&name), normalized_by_copy(&name));
    }
}

/// Each pattern before a figure that matches `pre` is one the word test lets run, and the rule
/// names the same victim with the test as with every pattern run.
fn word_test_agrees(sentence: &str) {
    let may = cue_words::before(sentence);
    assert!(may.verb || !VERB_BEFORE.is_match(sentence), "{sentence:?}");
    assert!(may.noun || !NOUN_BEFORE.is_match(sentence), "{sentence:?}");
    assert!(
        may.against || !AGAINST_BEFORE.is_match(sentence),
        "{sentence:?}"
    );
    for (at, _) in sentence.char_indices() {
        let amount = (at, at);
        assert_eq!(
            v().in_sentence(sentence, amount),
            v().in_sentence_where(sentence, amount, cue_words::May::ALL),
            "{sentence:?} at {at}"
        );
    }
}

#[test]
fn the_words_before_a_figure_let_every_matching_pattern_run() {
    for s in [
        "Nimbus lost over $5M",
        "Zephyr Exchange, which has LOST $28M",
        "the Bybit Hack of $1.4 billion",
        "a February 2016 attacks against the Quillon Bank that resulted in $850 million",
        "Hackers drained $358 million from Corvandun Bank",
        "the hackers_ stole, a hacked_ site, xhack on Vesta, _theft on Nimbus",
        "Nimbus lo\u{17F}t $5M; the \u{212A}elvin hac\u{212A} on Vesta",
        "the\u{a0}heist\u{a0}on Vesta, the theftS on Quillon, robbery\tof Nimbus",
        "Quillon Exchange reported a profit of $9M",
        "",
    ] {
        word_test_agrees(s);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 400, ..Default::default() })]
    #[test]
    fn any_words_before_a_figure_let_every_matching_pattern_run(
        words in proptest::collection::vec(
            "(Nimbus|Quillon|Bank|the|has|was|lost|LOSES|lose|losing|suffered|Hacked|hack|hacks|\
             Hackers|exploit|heist|breach|attack|Attacks|robbery|theft|on|against|of|from|\
             which|\\$5M|\\(|x|_|ſ|\u{212A}|é)",
            0..10,
        ),
        gaps in proptest::collection::vec("( |  |\u{a0}|, |\\. |-|_|)", 10),
    ) {
        let mut s = String::new();
        for (w, g) in words.iter().zip(&gaps) {
            s.push_str(w);
            s.push_str(g);
        }
        word_test_agrees(&s);
    }
}

/// The title pattern as it was written before the hand reader: the definition.
static TITLE: LazyLock<Regex> = LazyLock::new(|| re(&title::pattern()));

/// The reader and the regex name the same text, or none.
fn title_agrees(title: &str) {
    let by_regex = TITLE
        .captures(title)
        .and_then(|c| c.name("n"))
        .map(|n| n.as_str());
    assert_eq!(title::name(title), by_regex, "{title:?}");
}

/// The gates after a figure never keep a pattern from a match it has.
fn after_gate_agrees(post: &str) {
    let may = cue_words::after(post);
    assert!(may.noun_on || !NOUN_ON_AFTER.is_match(post), "{post:?}");
    assert!(may.from || !FROM_AFTER.is_match(post), "{post:?}");
}

/// Every suffix of `text` that starts at a char boundary, as a title and as the text after a
/// figure; how many of them a pattern matches.
fn both_agree_on_every_suffix(text: &str) -> usize {
    let mut matched = 0;
    for (at, _) in text.char_indices() {
        let rest = &text[at..];
        title_agrees(rest);
        after_gate_agrees(rest);
        matched += usize::from(TITLE.is_match(rest))
            + usize::from(NOUN_ON_AFTER.is_match(rest))
            + usize::from(FROM_AFTER.is_match(rest));
    }
    matched
}

#[test]
fn the_title_pattern_is_the_one_it_replaces() {
    assert_eq!(
        title::pattern(),
        r"^(?P<n>[^\n]{1,60}?)\s+(?:[-–]\s+(?i:rekt)(?-u:\b)|(?i:suffers|suffered|loses|lost|hit\s+by|hacked|exploited|drained|robbed)(?-u:\b))"
    );
}

#[test]
fn the_patterns_after_a_figure_are_the_ones_written_before_their_gates() {
    assert_eq!(
        FROM_AFTER.as_str(),
        r"^[^.;]{0,120}?(?-u:\b)(?:from|at)\s+(?:the\s+)?(?:(?:account|accounts|coffers|reserves|systems?|hot\s+wallets?|wallets?|vaults?|users|customers)\s+(?:of|at)\s+(?:the\s+)?)?"
    );
    // The nouns are `AGAINST_BEFORE`'s list (they were written in another order here: no noun
    // opens another, and blanks follow it, so their order changes no match).
    assert_eq!(
        NOUN_ON_AFTER.as_str(),
        r"^\s*(?:\S+\s+){0,2}?(?i:attack|hack|heist|breach|theft|exploit)\s+(?:on|of|against|at)\s+(?:the\s+)?"
    );
    for a in cue_words::ATTACK_NOUNS.iter() {
        for b in cue_words::ATTACK_NOUNS.iter().filter(|b| b != &a) {
            assert!(!b.starts_with(a), "{a} opens {b}");
        }
    }
}

#[test]
fn titles_and_texts_after_figures_read_as_their_patterns_read_them() {
    for t in [
        "Zephyr - REKT",
        "Zephyr – rekt",
        "Zephyr -REKT",
        "Zephyr - REKT2",
        "Zephyr - re\u{212A}t",
        "Quillon Exchange Suffers $12 Million Hack",
        "Quillon Exchange suffered a hack",
        "Pylon Chain loses $40 million",
        "Pylon Chain lo\u{17F}es $40 million",
        "Pylon Chain loseſa",
        "Pylon Chain LOST",
        "Pylon Chain lostx",
        "Pylon Chain lost_",
        "Nimbus hit  by hackers",
        "Nimbus hit\u{a0}by hackers",
        "Nimbus hitby hackers",
        "Nimbus\u{2003}hacked",
        "Nimbus\nhacked",
        "Nimbus\n\nNimbus hacked",
        "A name that runs on and on for more than sixty characters before it is hacked",
        "A name that runs on and on for fifty-nine characters, then hacked",
        "Ad sales boost Time Warner profit",
        "Hackers drained $358 million from Corvandun Bank on February 20, 2019, investigators said.",
        "a $2.1 billion hack on Vesta",
        " hack of the Nimbus bridge",
        "in a heist against Quillon",
        "(€72 million) from the account of the Bangladesh central bank at the New York Fed",
        " was stolen from Banco del Sur and laundered",
        " stolen; from Nimbus",
        " stolen. at Nimbus",
        " stolen after the fromage at\u{a0}Nimbus",
        " in the great big THEFT of Nimbus",
        " in the great big theft\u{85}of Nimbus",
        " was taken _from Nimbus, xat Quillon, at\tthe vault",
        "é hack on Nimbus",
        "",
        " ",
        "-",
    ] {
        both_agree_on_every_suffix(t);
    }
}

#[test]
fn titles_and_texts_after_figures_of_generated_articles_read_as_their_patterns_read_them() {
    let mut matched = 0;
    for index in 0..200 {
        let article = crate::synthetic::article(11, index);
        title_agrees(&article.title);
        for line in article.text.lines() {
            matched += both_agree_on_every_suffix(line);
        }
    }
    assert!(matched > 100, "the articles hold matches: {matched}");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 1000, ..Default::default() })]
    #[test]
    fn any_text_reads_as_the_patterns_read_it(
        words in proptest::collection::vec(
            "(Nimbus|Quillon Bank|the|a|rekt|REKT|re\u{212A}t|-|–|suffers|Suffered|loses|lo\u{17F}t|\
             LOST|hit|by|hacked|exploited|drained|robbed|hack|Hack|exploit|heist|attack|breach|\
             theft|on|of|against|at|from|xat|fromx|\\$5M|\\(|x|_|é|\\.|;|[a-z]{1,12})",
            0..14,
        ),
        gaps in proptest::collection::vec("( |  |\u{a0}|\u{85}|\t|\n|, |-|_|)", 14),
    ) {
        let mut s = String::new();
        for (w, g) in words.iter().zip(&gaps) {
            s.push_str(w);
            s.push_str(g);
        }
        both_agree_on_every_suffix(&s);
    }
}

#[test]
fn word_lists_are_lower_case_words() {
    // The readers compare bytes with the lists as lower-case ASCII words (a title verb's blank
    // stands for white space); the patterns built from them read any case.
    let lists: [&[&str]; 9] = [
        &GROUP_WORDS,
        &NAME_HEADS,
        &RELATIVES,
        &title::VERBS,
        &title::DASHED,
        &cue_words::VERBS,
        &cue_words::NOUNS,
        &cue_words::ATTACK_NOUNS,
        &cue_words::FROM_WORDS,
    ];
    for list in lists {
        assert!(!list.is_empty());
        for w in list {
            assert!(
                w.split(' ')
                    .all(|part| !part.is_empty() && part.bytes().all(|b| b.is_ascii_lowercase())),
                "{w:?}"
            );
        }
    }
    assert!(!CONNECTORS.is_empty());
    assert!(CONNECTORS.iter().all(|w| !w.contains(char::is_whitespace)));
}

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

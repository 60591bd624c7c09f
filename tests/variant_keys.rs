//! A name's variant key (how the corpus gathering and the victim identities merge spellings)
//! is what the lower-cased copy split and joined gave, now that ASCII names are read in place.

use dossier::extract::entities::{variant_key, variant_key_into};
use proptest::prelude::*;

/// The key as it was first written: the definition.
fn key_by_copy(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '‐' | '–' | '.'))
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn agree(name: &str) {
    let mut buf = String::from("left over");
    variant_key_into(name, &mut buf);
    assert_eq!(buf, key_by_copy(name), "{name:?}");
    assert_eq!(variant_key(name), key_by_copy(name), "{name:?}");
}

#[test]
fn spellings_of_a_name_key_as_the_lower_cased_copy_keyed_them() {
    for name in [
        "Ana Ruiz-Vega",
        "ANA RUIZ VEGA",
        " Ana\tRuiz..Vega- ",
        "J. K. Rowling",
        "O'Brien\u{b}\u{c}\r\nKelly",
        "a\u{1c}b\u{1f}c",
        "Ana‐Ruiz–Vega",
        "José Núñez",
        "ΟΔΟΣ",
        "\u{212A}elvin İnc",
        "Ana\u{a0}Ruiz\u{2028}Vega",
        "",
        " - . ",
    ] {
        agree(name);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]
    #[test]
    fn any_name_keys_as_the_copy_keyed_it(
        name in "([A-Za-z0-9'&_]{1,5}|[ \t\n\r\u{b}\u{c}\u{1c}.\u{2010}\u{2013}\u{a0}-]|É|ß|Σ){0,10}"
    ) {
        agree(&name);
    }
}

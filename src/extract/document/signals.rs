//! What the whole article says of its domain, decided once per article. Two readings of "a
//! crypto story" stand side by side: each was tuned with its own stage, and merging them would
//! change what both stages decide.

use std::sync::LazyLock;

use regex::Regex;

/// A crypto word anywhere, even inside a longer word ("cryptocurrency", "Bitcoin's").
static CRYPTO_WORDS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?i)crypto|bitcoin|ethereum|blockchain|stablecoin|(?-u:\b)defi(?-u:\b)|(?-u:\b)tokens?(?-u:\b)|(?-u:\b)wallets?(?-u:\b)",
    )
    .ok()
});

/// The article's domain.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Signals {
    /// The money stages' reading: one crypto word anywhere in the text. It lets an all-caps
    /// ticker after a number be a currency, and it is a feature of the amount model.
    pub crypto_words: bool,
    /// The entity stage's reading: at least three different words of crypto writing, whole
    /// words. There a name's shape means a protocol more often than a person, so it takes
    /// more than one passing mention of bitcoin.
    pub crypto_story: bool,
}

impl Signals {
    pub fn of(text: &str) -> Self {
        Self {
            crypto_words: crypto_words(text),
            crypto_story: crypto_story(text),
        }
    }
}

/// [`Signals::crypto_words`] of `text`.
pub fn crypto_words(text: &str) -> bool {
    CRYPTO_WORDS.as_ref().is_some_and(|re| re.is_match(text))
}

/// [`Signals::crypto_story`] of `text`.
pub fn crypto_story(text: &str) -> bool {
    crate::extract::entities::candidates::is_crypto_story(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_passing_crypto_word_is_not_yet_a_crypto_story() {
        let passing = Signals::of("The bank lost $81 million; none of it in cryptocurrency.");
        assert!(passing.crypto_words && !passing.crypto_story);
        let story = Signals::of("Hackers drained the DeFi protocol's bridge of tokens and ether.");
        assert!(story.crypto_words && story.crypto_story);
        assert_eq!(Signals::of("A bank robbery in Ohio."), Signals::default());
    }

    #[test]
    fn the_crypto_pattern_compiles() {
        assert!(CRYPTO_WORDS.is_some());
    }
}

//! One article's text as every extraction stage reads it, built once per article in
//! [`crate::extract::extract_article_with`] and passed by reference to entities, dates and
//! money: sentences and paragraphs from the one splitter, tokens with their shapes, the
//! lower-case form, the unwrapped form the entity rules read, byte ↔ char offsets (used only
//! where mentions and amounts leave extraction) and the article's domain signals.
//!
//! The parts a stage may not need (an article with no figure never needs its sentences) are
//! made on first use, still at most once.

mod offsets;
mod signals;
mod span;
mod tokens;

use std::borrow::Cow;
use std::cell::OnceCell;

pub use offsets::CharOffsets;
pub use signals::Signals;
pub use span::Span;
pub use tokens::{Shape, Token, tokenize};

/// An article's text, read once for all stages.
pub struct Document<'a> {
    text: &'a str,
    sentences: OnceCell<(Vec<Span>, Vec<usize>)>,
    tokens: OnceCell<Vec<Token>>,
    lower: OnceCell<String>,
    unwrapped: OnceCell<Cow<'a, str>>,
    offsets: OnceCell<CharOffsets>,
    crypto_words: OnceCell<bool>,
    crypto_story: OnceCell<bool>,
}

impl<'a> Document<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            sentences: OnceCell::new(),
            tokens: OnceCell::new(),
            lower: OnceCell::new(),
            unwrapped: OnceCell::new(),
            offsets: OnceCell::new(),
            crypto_words: OnceCell::new(),
            crypto_story: OnceCell::new(),
        }
    }

    /// The text as written.
    pub fn text(&self) -> &'a str {
        self.text
    }

    fn split(&self) -> &(Vec<Span>, Vec<usize>) {
        self.sentences.get_or_init(|| {
            let pairs = crate::text::sentences(self.text);
            let paras = crate::text::paragraphs(self.text, &pairs);
            (pairs.into_iter().map(Span::from).collect(), paras)
        })
    }

    /// The sentences of the one splitter ([`crate::text::sentences`]), in order.
    pub fn sentences(&self) -> &[Span] {
        &self.split().0
    }

    /// The paragraph number of each sentence ([`crate::text::paragraphs`]).
    pub fn paragraphs(&self) -> &[usize] {
        &self.split().1
    }

    /// The tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        self.tokens.get_or_init(|| tokenize(self.text))
    }

    /// The text with ASCII letters lower-cased: the same length, so every byte offset holds.
    pub fn lower(&self) -> &str {
        self.lower.get_or_init(|| self.text.to_ascii_lowercase())
    }

    /// The text with a hard-wrapped story's line breaks made spaces, as the entity rules read
    /// it (the same length and offsets; see `entities::text_shape::unwrapped`).
    pub fn unwrapped(&self) -> &str {
        self.unwrapped
            .get_or_init(|| crate::extract::entities::unwrapped(self.text))
    }

    /// Byte ↔ char offsets, for the output boundary.
    pub fn offsets(&self) -> &CharOffsets {
        self.offsets.get_or_init(|| CharOffsets::new(self.text))
    }

    /// Character offset of byte `byte`.
    pub fn char_of(&self, byte: usize) -> usize {
        self.offsets().char_of(byte)
    }

    /// Byte offset of character `char`.
    pub fn byte_of(&self, char: usize) -> usize {
        self.offsets().byte_of(char)
    }

    /// What the article says of its domain (each reading decided on first use, once).
    pub fn signals(&self) -> Signals {
        Signals {
            crypto_words: self.crypto_words(),
            crypto_story: self.crypto_story(),
        }
    }

    /// [`Signals::crypto_words`]: the money stages' reading.
    pub fn crypto_words(&self) -> bool {
        *self
            .crypto_words
            .get_or_init(|| signals::crypto_words(self.text))
    }

    /// [`Signals::crypto_story`]: the entity stage's reading.
    pub fn crypto_story(&self) -> bool {
        *self
            .crypto_story
            .get_or_init(|| signals::crypto_story(self.text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_document_reads_its_text_once_the_way_the_text_layer_does() {
        let t = "Hackers stole $81 million.\n\nThe FBI blamed Lazarus. Bangladesh’s bank lost it.";
        let d = Document::new(t);
        let pairs = crate::text::sentences(t);
        let spans: Vec<(usize, usize)> = d.sentences().iter().map(|&s| s.into()).collect();
        assert_eq!(spans, pairs);
        assert_eq!(d.paragraphs(), crate::text::paragraphs(t, &pairs));
        assert_eq!(d.lower().len(), t.len());
        assert!(d.lower().contains("the fbi blamed lazarus"));
        let b = t.find("bank").unwrap_or(0);
        assert_eq!(d.char_of(b), crate::text::byte_to_char(t, b));
        assert_eq!(d.byte_of(d.char_of(b)), b);
        assert!(d.tokens().iter().any(|tok| tok.span.of(t) == "FBI"));
    }
}

//! The article's tokens, made in one pass: runs of word characters (letters, digits, `_`, the
//! one convention of [`crate::text::is_word_char`]) and single punctuation marks, each with its
//! byte span and its shape. One vector per article, no allocation per token.

use super::Span;
use crate::text::is_word_char;

/// What a token looks like, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Shape(u8);

impl Shape {
    /// A run of word characters starting with a letter (or `_`).
    pub const WORD: Shape = Shape(1);
    /// A run of word characters starting with a digit ("2019", "4th", "81m").
    pub const NUMBER: Shape = Shape(2);
    /// One character that is neither a word character nor white space.
    pub const PUNCT: Shape = Shape(4);
    /// Starts with an upper-case letter.
    pub const CAPITALISED: Shape = Shape(8);
    /// Has letters, none of them lower case ("FBI", "BTC", "A").
    pub const ALL_CAPS: Shape = Shape(16);
    /// Holds a digit somewhere.
    pub const HAS_DIGIT: Shape = Shape(32);
    /// Holds a character outside ASCII.
    pub const NON_ASCII: Shape = Shape(64);

    pub fn has(self, bits: Shape) -> bool {
        self.0 & bits.0 == bits.0
    }

    fn add(&mut self, bits: Shape) {
        self.0 |= bits.0;
    }
}

/// One token: where it is and what it looks like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub shape: Shape,
}

/// Every token of `text`, in order.
pub fn tokenize(text: &str) -> Vec<Token> {
    // About one token per five bytes of prose: one allocation, rarely a second.
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut word: Option<(usize, Shape, bool, bool)> = None; // start, shape, lower seen, letter seen
    let close = |out: &mut Vec<Token>, w: Option<(usize, Shape, bool, bool)>, end: usize| {
        if let Some((start, mut shape, lower, letter)) = w {
            if letter && !lower {
                shape.add(Shape::ALL_CAPS);
            }
            out.push(Token {
                span: Span::new(start, end),
                shape,
            });
        }
    };
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            let w = word.get_or_insert_with(|| {
                let mut shape = if c.is_numeric() {
                    Shape::NUMBER
                } else {
                    Shape::WORD
                };
                if c.is_uppercase() {
                    shape.add(Shape::CAPITALISED);
                }
                (i, shape, false, false)
            });
            if c.is_numeric() {
                w.1.add(Shape::HAS_DIGIT);
            }
            if !c.is_ascii() {
                w.1.add(Shape::NON_ASCII);
            }
            if c.is_alphabetic() {
                w.3 = true;
                if c.is_lowercase() {
                    w.2 = true;
                }
            }
            continue;
        }
        close(&mut out, word.take(), i);
        if !c.is_whitespace() {
            let mut shape = Shape::PUNCT;
            if !c.is_ascii() {
                shape.add(Shape::NON_ASCII);
            }
            out.push(Token {
                span: Span::new(i, i + c.len_utf8()),
                shape,
            });
        }
    }
    close(&mut out, word.take(), text.len());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(text: &str) -> Vec<(&str, Shape)> {
        tokenize(text)
            .into_iter()
            .map(|t| (t.span.of(text), t.shape))
            .collect()
    }

    #[test]
    fn tokens_cover_words_numbers_and_marks_with_their_shapes() {
        let got = shapes("The FBI said €81m was stolen.");
        let words: Vec<&str> = got.iter().map(|t| t.0).collect();
        assert_eq!(
            words,
            ["The", "FBI", "said", "€", "81m", "was", "stolen", "."]
        );
        assert!(got[0].1.has(Shape::WORD) && got[0].1.has(Shape::CAPITALISED));
        assert!(!got[0].1.has(Shape::ALL_CAPS));
        assert!(got[1].1.has(Shape::ALL_CAPS));
        assert!(got[3].1.has(Shape::PUNCT) && got[3].1.has(Shape::NON_ASCII));
        assert!(got[4].1.has(Shape::NUMBER) && got[4].1.has(Shape::HAS_DIGIT));
        assert!(got[6].1.has(Shape::WORD) && !got[6].1.has(Shape::CAPITALISED));
    }

    #[test]
    fn every_token_slices_the_text_it_spans() {
        let t = "Bangladesh’s bank lost $81 million – “a heist” (2016)…";
        for tok in tokenize(t) {
            let s = tok.span.of(t);
            assert!(!s.is_empty() && !s.contains(char::is_whitespace), "{s:?}");
        }
    }
}

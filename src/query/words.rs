//! How text is cut into words for search: the same tokenizer, lowercasing and English stemmer for
//! the index, the query and the highlights, so that what matches is what is highlighted.

use tantivy::tokenizer::{
    Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer, TokenStream,
};

use crate::text::ByteToChar;

/// The name the index registers the stemming analyzer under.
pub const STEMMED: &str = "dossier_stemmed";
/// The name the index registers the exact (lowercased only) analyzer under.
pub const EXACT: &str = "dossier_exact";

pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .build()
}

pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(LowerCaser)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The lowercased words of `text`, in order.
pub fn lowered(text: &str) -> Vec<String> {
    let mut analyzer = exact_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}

/// The English stem of one lowercased word (`banking` → `bank`).
pub fn stem(word: &str) -> String {
    let mut analyzer = stemmed_analyzer();
    let mut stream = analyzer.token_stream(word);
    if stream.advance() {
        stream.token().text.clone()
    } else {
        word.to_owned()
    }
}

/// One word of an article: lowercased, stemmed, and where it is (character offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct Word {
    pub lower: String,
    pub stem: String,
    pub start: usize,
    pub end: usize,
}

/// Every word of `text`.
pub fn words(text: &str) -> Vec<Word> {
    words_with(text, true)
}

/// Every word of `text`; without `stems`, `stem` is left empty (stemming is most of the cost,
/// and highlighting a prefix, a fuzzy word or a phrase does not need it).
pub fn words_with(text: &str, stems: bool) -> Vec<Word> {
    let mut analyzer = exact_analyzer();
    let mut stemmer = stemmed_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut conv = ByteToChar::new(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        let stem = if !stems {
            String::new()
        } else {
            let mut s = stemmer.token_stream(&t.text);
            if s.advance() {
                s.token().text.clone()
            } else {
                t.text.clone()
            }
        };
        out.push(Word {
            lower: t.text.clone(),
            stem,
            start: conv.get(t.offset_from),
            end: conv.get(t.offset_to),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inflections_share_a_stem_and_offsets_are_characters() {
        assert_eq!(stem("banks"), stem("bank"));
        assert_eq!(stem("banking"), stem("bank"));
        let w = words("€€ Banks");
        assert_eq!(w.len(), 1);
        assert_eq!((w[0].lower.as_str(), w[0].start, w[0].end), ("banks", 3, 8));
        assert_eq!(lowered("O'Brien $81"), ["o", "brien", "81"]);
    }
}

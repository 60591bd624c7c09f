//! Full-text search: case-insensitive words and quoted phrases, hits as character spans.

use aho_corasick::AhoCorasick;

use crate::text::ByteToChar;

/// A parsed query: every term must occur in an article for it to match.
#[derive(Clone, Debug, Default)]
pub struct Query {
    terms: Vec<String>,
    /// One ASCII case-insensitive matcher per term, when every term is ASCII (else empty).
    scanners: Vec<AhoCorasick>,
}

impl PartialEq for Query {
    fn eq(&self, other: &Self) -> bool {
        self.terms == other.terms
    }
}

impl Eq for Query {}

impl Query {
    /// Parses `bangladesh "central bank"` into the word and the phrase.
    pub fn parse(input: &str) -> Self {
        let mut terms = Vec::new();
        for (i, part) in input.split('"').enumerate() {
            if i % 2 == 1 {
                let phrase = crate::text::single_spaced(part);
                if !phrase.is_empty() {
                    terms.push(phrase.to_lowercase());
                }
            } else {
                terms.extend(part.split_whitespace().map(str::to_lowercase));
            }
        }
        let scanners = if terms.iter().all(|t| t.is_ascii()) {
            terms
                .iter()
                .map(|t| {
                    AhoCorasick::builder()
                        .ascii_case_insensitive(true)
                        .build([t])
                })
                .collect::<Result<Vec<_>, _>>()
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        Self { terms, scanners }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Character spans of every hit of every term in `text`, sorted; empty unless all terms occur.
    pub fn hits(&self, text: &str) -> Vec<(usize, usize)> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        if self.scanners.is_empty() || !folds_like_ascii(text) {
            return hits_by_chars(&self.terms, text);
        }
        let mut hits = Vec::new();
        for scanner in &self.scanners {
            let before = hits.len();
            let mut conv = ByteToChar::new(text);
            for m in scanner.find_iter(text) {
                hits.push((conv.get(m.start()), conv.get(m.end())));
            }
            if hits.len() == before {
                return Vec::new();
            }
        }
        hits.sort_unstable();
        hits
    }
}

/// True when ASCII case folding of `text` agrees with Dossier's char-by-char lowercasing: only
/// two non-ASCII characters (U+0130 `İ`, U+212A Kelvin sign) lowercase to an ASCII letter.
fn folds_like_ascii(text: &str) -> bool {
    text.is_ascii() || !text.contains(['\u{130}', '\u{212A}'])
}

/// The reference matcher: each character lowercased on its own (so char offsets are those of
/// the original text), every term scanned left to right without overlaps. Used for non-ASCII
/// terms and the rare texts where ASCII folding would differ.
fn hits_by_chars(terms: &[String], text: &str) -> Vec<(usize, usize)> {
    let lower: Vec<char> = text
        .chars()
        .map(|c| c.to_lowercase().next().unwrap_or(c))
        .collect();
    let mut hits = Vec::new();
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        let before = hits.len();
        if t.len() <= lower.len() {
            let mut i = 0;
            while i + t.len() <= lower.len() {
                if lower[i..i + t.len()] == t[..] {
                    hits.push((i, i + t.len()));
                    i += t.len();
                } else {
                    i += 1;
                }
            }
        }
        if hits.len() == before {
            return Vec::new();
        }
    }
    hits.sort_unstable();
    hits
}

/// Hits of `query` in every article (in parallel), keyed by article index; articles without a
/// hit are absent. ASCII terms are found by a byte scan (a SIMD prefilter over the text, no
/// copy), so a query over 100,000 articles takes tens of milliseconds; run it off the UI thread
/// all the same.
pub fn corpus_hits(
    articles: &[crate::corpus::Article],
    query: &Query,
) -> std::collections::HashMap<usize, Vec<(usize, usize)>> {
    use rayon::prelude::*;
    if query.is_empty() {
        return Default::default();
    }
    articles
        .par_iter()
        .enumerate()
        .with_min_len(256)
        .filter_map(|(i, a)| {
            let h = query.hits(&a.text);
            (!h.is_empty()).then_some((i, h))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_phrases_match_case_insensitively() {
        let q = Query::parse(r#"bangladesh "CENTRAL   bank""#);
        let text = "The Bangladesh central bank lost $81 million. BANGLADESH!";
        assert_eq!(q.hits(text), vec![(4, 14), (15, 27), (46, 56)]);
    }

    #[test]
    fn all_terms_must_occur() {
        let q = Query::parse("lazarus bangladesh");
        assert!(q.hits("Lazarus stole").is_empty());
        assert!(Query::parse("  ").is_empty());
    }

    #[test]
    fn corpus_hits_name_only_matching_articles() {
        let corpus = crate::corpus::sample();
        let hits = corpus_hits(&corpus.articles, &Query::parse("Bangladesh"));
        assert_eq!(hits.len(), 1);
        let (&i, spans) = hits.iter().next().unwrap();
        assert_eq!(corpus.articles[i].id, "004_b52b360fd082bb0b");
        let text = &corpus.articles[i].text;
        for &(s, e) in spans {
            assert_eq!(crate::text::slice_chars(text, s, e), "Bangladesh");
        }
        assert!(corpus_hits(&corpus.articles, &Query::parse("")).is_empty());
    }

    #[test]
    fn byte_scan_agrees_with_the_char_by_char_reference() {
        let texts = [
            "The Bangladesh central bank lost $81 million. BANGLADESH!",
            "€€ bank – “Bank” banks BANK",
            "aaaa aAa",
            "KELVIN \u{212A}elvin and \u{130}stanbul istanbul",
            "",
        ];
        for q in [
            "bank",
            "aa",
            "kelvin",
            "istanbul",
            "\"central bank\" lost",
            "$81",
            "zz",
        ] {
            let query = Query::parse(q);
            for t in texts {
                assert_eq!(query.hits(t), hits_by_chars(&query.terms, t), "{q} in {t}");
            }
        }
        // The Kelvin sign lowercases to an ASCII k, so it is a hit like the ASCII letter.
        assert_eq!(Query::parse("kelvin").hits("\u{212A}elvin"), vec![(0, 6)]);
    }

    #[test]
    fn offsets_are_characters() {
        let q = Query::parse("bank");
        assert_eq!(q.hits("€€ bank"), vec![(3, 7)]);
    }
}

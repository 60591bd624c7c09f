//! Full-text search: case-insensitive words and quoted phrases, hits as character spans.

/// A parsed query: every term must occur in an article for it to match.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    terms: Vec<String>,
}

impl Query {
    /// Parses `bangladesh "central bank"` into the word and the phrase.
    pub fn parse(input: &str) -> Self {
        let mut terms = Vec::new();
        for (i, part) in input.split('"').enumerate() {
            if i % 2 == 1 {
                let phrase = part.split_whitespace().collect::<Vec<_>>().join(" ");
                if !phrase.is_empty() {
                    terms.push(phrase.to_lowercase());
                }
            } else {
                terms.extend(part.split_whitespace().map(str::to_lowercase));
            }
        }
        Self { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// Character spans of every hit of every term in `text`, sorted; empty unless all terms occur.
    pub fn hits(&self, text: &str) -> Vec<(usize, usize)> {
        if self.terms.is_empty() {
            return Vec::new();
        }
        // Lowercase char by char so that char offsets stay those of the original text.
        let lower: Vec<char> = text
            .chars()
            .map(|c| c.to_lowercase().next().unwrap_or(c))
            .collect();
        let mut hits = Vec::new();
        for term in &self.terms {
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
}

/// Hits of `query` in every article (in parallel), keyed by article index; articles without a
/// hit are absent. Slow on very large corpora (seconds at 100,000 articles): run it off the UI thread.
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
    fn offsets_are_characters() {
        let q = Query::parse("bank");
        assert_eq!(q.hits("€€ bank"), vec![(3, 7)]);
    }
}
